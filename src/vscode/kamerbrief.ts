/**
 * The Kamerbrief in the editor: the "Rubric: nieuwe Kamerbrief" command (the server's template as a
 * snippet with tab stops and choices, `rubric/kamerbrief`), and today's date written the Dutch way.
 */

import * as vscode from 'vscode';
import type {BaseLanguageClient} from 'vscode-languageclient/lib/common/api.js';
import {now} from '../core/clock.js';
import {formatDutchDate} from '../core/kamerbrief/dates.js';
import {EDITOR_REQUESTS, type KamerbriefAnswer} from '../server/protocol.js';
import {t} from './i18n.js';

/**
 * `rubric.newKamerbrief [minister]`: a new Markdown letter, inserted as a snippet: tab stops through the
 * addressee, Postbus, date, Betreft, kenmerk, text and signer, with the picked minister first among the
 * signature's choices. What is left of the template is reported (structure/placeholder).
 */
export function registerKamerbriefCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rubric.newKamerbrief', async (chosen?: string) => {
      const active = vscode.window.activeTextEditor?.document;
      const uri = active ? client.code2ProtocolConverter.asUri(active.uri) : undefined;
      const {lang, titles} = await client.sendRequest<KamerbriefAnswer>(EDITOR_REQUESTS.kamerbrief, {uri});
      const minister = chosen ?? await vscode.window.showQuickPick(titles, {title: t(lang, 'newLetterTitle'), placeHolder: t(lang, 'whichMinister')});
      if (!minister) return;
      const {snippet} = await client.sendRequest<KamerbriefAnswer>(EDITOR_REQUESTS.kamerbrief, {uri, minister});
      const document = await vscode.workspace.openTextDocument({language: 'markdown', content: ''});
      const editor = await vscode.window.showTextDocument(document);
      await editor.insertSnippet(new vscode.SnippetString(snippet ?? ''));
    }),
    vscode.commands.registerTextEditorCommand('rubric.insertDate', (editor, edit) => {
      const today = formatDutchDate(now());
      for (const selection of editor.selections) edit.replace(selection, today);
    }),
  );
}
