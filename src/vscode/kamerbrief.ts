/**
 * The Kamerbrief in the editor: its parts in the outline, the "Rubric:
 * nieuwe Kamerbrief" command, and today's date written the Dutch way.
 */

import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {formatDutchDate, kamerbriefOf, kamerbriefTemplate, ministerTitles, type KamerbriefAnalysis} from '../core/kamerbrief/index.js';
import {classify, type MarkingLevel} from '../core/markings/index.js';
import type {EngineProvider} from './engines.js';
import type {OutlineNode} from './symbols.js';

/** The letter's parts as outline nodes (empty for a document that is no letter); its sections replace the plain headings. */
export function letterNodes(result: LintResult): OutlineNode[] {
  const letter: KamerbriefAnalysis = kamerbriefOf(result.context);
  if (!letter.isLetter) return [];
  const {portions} = classify(result.context);
  const nodes: OutlineNode[] = [];
  const node = (name: string, detail: string, kind: vscode.SymbolKind, start: number, titleEnd: number, end: number, depth = 1): OutlineNode =>
    ({name, detail, kind, start, titleEnd, end, depth, children: []});
  if (letter.address) {
    nodes.push(node(vscode.l10n.t('Address'), letter.address.addressee.text, vscode.SymbolKind.Namespace, letter.address.start, letter.address.addressee.end, letter.address.end));
  }
  for (const f of letter.fields) nodes.push(node(f.label.text, f.value.text, vscode.SymbolKind.Field, f.start, f.end, f.end));
  if (letter.salutation) nodes.push(node(letter.salutation.text, '', vscode.SymbolKind.Key, letter.salutation.start, letter.salutation.end, letter.salutation.end));
  const sectionEnds = letter.sections.map((_, i) => letter.sections[i + 1]?.start ?? letter.closing?.start ?? letter.body?.end ?? result.context.text.length);
  // Sections stand beside the letter's parts; subsections nest under them.
  const top = Math.min(...letter.sections.map((s) => s.depth));
  letter.sections.forEach((s, i) => {
    const level = levelIn(portions, s.start, sectionEnds[i]);
    nodes.push(node(s.title.text, level?.banner ?? '', vscode.SymbolKind.String, s.start, s.title.end, sectionEnds[i], 1 + s.depth - top));
  });
  if (letter.closing) {
    const signer = letter.closing.signers[0];
    nodes.push(node(vscode.l10n.t('Signature'), signer ? `${signer.title.text}${signer.name ? ` — ${signer.name.text}` : ''}` : '', vscode.SymbolKind.Constructor, letter.closing.start, signer?.title.end ?? letter.closing.end, letter.closing.end));
  }
  return nodes;
}

function levelIn(portions: ReturnType<typeof classify>['portions'], start: number, end: number): MarkingLevel | null {
  let best: MarkingLevel | null = null;
  for (const p of portions) {
    if (p.start >= start && p.start < end && p.level && (!best || p.level.rank > best.rank)) best = p.level;
  }
  return best;
}

export function registerKamerbriefCommands(context: vscode.ExtensionContext, engines: EngineProvider): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rubric.newKamerbrief', async () => {
      const editor = vscode.window.activeTextEditor;
      const probe = editor?.document ?? (await vscode.workspace.openTextDocument({language: 'markdown', content: ''}));
      const data = engines.forDocument(probe).data.kamerbrief;
      const titles = data ? ministerTitles(data) : [];
      const minister = await vscode.window.showQuickPick(titles, {
        title: vscode.l10n.t('Rubric: new Kamerbrief'),
        placeHolder: vscode.l10n.t('Which minister signs the letter?'),
      });
      if (!minister) return;
      const content = kamerbriefTemplate({minister, date: new Date(), language: 'markdown'});
      const document = await vscode.workspace.openTextDocument({language: 'markdown', content});
      await vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerTextEditorCommand('rubric.insertDate', (editor, edit) => {
      const today = formatDutchDate(new Date());
      for (const selection of editor.selections) edit.replace(selection, today);
    }),
  );
}
