/**
 * The Kamerbrief in the editor: its parts in the outline, the "Rubric:
 * nieuwe Kamerbrief" command (a snippet with tab stops and choices), and
 * today's date written the Dutch way.
 */

import {now} from '../core/clock.js';
import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {formatDutchDate, kamerbriefOf, ministerTitles, type KamerbriefAnalysis} from '../core/kamerbrief/index.js';
import {letterParts, toSnippet, TWEEDE_KAMER} from '../core/kamerbrief/template.js';
import {classify, type MarkingLevel} from '../core/markings/index.js';
import type {LintController} from './diagnostics.js';
import type {EngineProvider} from './engines.js';
import {t} from './i18n.js';
import type {OutlineNode} from './symbols.js';

/** The letter's parts as outline nodes (empty for a document that is no letter); its sections replace the plain headings. */
export function letterNodes(result: LintResult): OutlineNode[] {
  const letter: KamerbriefAnalysis = kamerbriefOf(result.context);
  if (!letter.isLetter) return [];
  const {portions} = classify(result.context);
  const lang = result.context.data.config.lang;
  const nodes: OutlineNode[] = [];
  const node = (name: string, detail: string, kind: vscode.SymbolKind, start: number, titleEnd: number, end: number, depth = 1): OutlineNode =>
    ({name, detail, kind, start, titleEnd, end, depth, children: []});
  if (letter.address) {
    nodes.push(node(t(lang, 'address'), letter.address.addressee.text, vscode.SymbolKind.Namespace, letter.address.start, letter.address.addressee.end, letter.address.end));
  }
  for (const f of letter.fields) nodes.push(node(f.label.text, f.value.text, vscode.SymbolKind.Field, f.start, f.end, f.end));
  if (letter.salutation) nodes.push(node(letter.salutation.text, '', vscode.SymbolKind.Key, letter.salutation.start, letter.salutation.end, letter.salutation.end));
  const {sections} = letter;
  const sectionEnds = sections.map((_, i) => sections[i + 1]?.start ?? letter.closing?.start ?? letter.body?.end ?? result.context.text.length);
  // Sections stand beside the letter's parts; subsections nest under them.
  const top = Math.min(...sections.map((s) => s.depth));
  sections.forEach((s, i) => {
    const level = levelIn(portions, s.start, sectionEnds[i]);
    nodes.push(node(s.title.text, level?.banner ?? '', vscode.SymbolKind.String, s.start, s.title.end, sectionEnds[i], 1 + s.depth - top));
  });
  if (letter.closing) {
    const signer = letter.closing.signers[0];
    nodes.push(node(t(lang, 'signature'), signer ? `${signer.title.text}${signer.name ? ` — ${signer.name.text}` : ''}` : '', vscode.SymbolKind.Constructor, letter.closing.start, signer?.title.end ?? letter.closing.end, letter.closing.end));
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

/**
 * `rubric.newKamerbrief [minister]`: a new Markdown letter, inserted as a snippet: tab stops through the
 * addressee, Postbus, date, Betreft, kenmerk, text and signer, with the picked minister first among the
 * signature's choices. What is left of the template is reported (structure/placeholder).
 */
export function registerKamerbriefCommands(context: vscode.ExtensionContext, engines: EngineProvider, lints: LintController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rubric.newKamerbrief', async (chosen?: string) => {
      const active = vscode.window.activeTextEditor?.document;
      const lang = lints.langFor(active);
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const data = (active && lints.applies(active) ? lints.engineFor(active) : folder ? engines.forDocument({uri: vscode.Uri.joinPath(folder, 'untitled.md')}) : engines.builtin()).data.kamerbrief;
      const titles = data ? ministerTitles(data) : [];
      const minister = chosen ?? await vscode.window.showQuickPick(titles, {title: t(lang, 'newLetterTitle'), placeHolder: t(lang, 'whichMinister')});
      if (!minister) return;
      const document = await vscode.workspace.openTextDocument({language: 'markdown', content: ''});
      const editor = await vscode.window.showTextDocument(document);
      const parts = letterParts({
        language: 'markdown',
        addressees: data?.addressees.length ? data.addressees : [TWEEDE_KAMER],
        titles: [minister, ...titles.filter((x) => x !== minister)],
      });
      await editor.insertSnippet(new vscode.SnippetString(toSnippet(parts)));
    }),
    vscode.commands.registerTextEditorCommand('rubric.insertDate', (editor, edit) => {
      const today = formatDutchDate(now());
      for (const selection of editor.selections) edit.replace(selection, today);
    }),
  );
}
