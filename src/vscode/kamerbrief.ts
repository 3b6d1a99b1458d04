/**
 * The Kamerbrief in the editor: its parts in the outline, the "Rubric:
 * nieuwe Kamerbrief" command (a snippet with tab stops and choices), and
 * today's date written the Dutch way.
 */

import {now} from '../core/clock.js';
import * as vscode from 'vscode';
import {formatDutchDate, ministerTitles} from '../core/kamerbrief/index.js';
import {letterParts, toSnippet, TWEEDE_KAMER} from '../core/kamerbrief/template.js';
import type {LintController} from './diagnostics.js';
import type {EngineProvider} from './engines.js';
import {t} from './i18n.js';

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
