/**
 * Rubric's commands that are not the glossary's or the classification's: lint the workspace (the
 * server's `workspace/diagnostic`, kept in the Problems panel for the files not open), fix all problems
 * in the active file and report what it did, show a rule's page, look up a glossary term, show the
 * document's classification. The engine's part of each is the server's; this module asks and shows.
 */

import {OFFICE_SCHEME} from '../core/office/textUri.js';
import * as vscode from 'vscode';
import {WorkspaceDiagnosticRequest, type BaseLanguageClient, type WorkspaceDocumentDiagnosticReport} from 'vscode-languageclient/lib/common/api.js';
import {EDITOR_REQUESTS, type GlossaryAnswer} from '../server/protocol.js';
import {baseName, ruleDocUri, ruleLinkUri} from './convert.js';
import {shownCount} from './diagnostics.js';
import {count, t} from './i18n.js';
import type {ClientCommand} from './languageClient.js';
import type {Lang} from '../core/types.js';

/** Read-only documents Rubric shows: a glossary entry (Markdown) and a document's classification (text). */
export const INFO_SCHEME = 'rubric-info';

/** Shows a read-only page: Markdown rendered in a preview, text beside the editor. */
export type ShowPage = (name: string, content: string, markdown: boolean) => Promise<void>;

export function registerPages(context: vscode.ExtensionContext): ShowPage {
  const pages = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(INFO_SCHEME, {onDidChange: changed.event, provideTextDocumentContent: (uri) => pages.get(uri.toString()) ?? ''}),
  );
  return async (name, content, markdown) => {
    const uri = vscode.Uri.from({scheme: INFO_SCHEME, path: `/${name}`});
    pages.set(uri.toString(), content);
    changed.fire(uri);
    if (markdown) await vscode.commands.executeCommand('markdown.showPreview', uri);
    else await vscode.window.showTextDocument(uri, {preview: true, viewColumn: vscode.ViewColumn.Beside});
  };
}

/** The language of Rubric's texts where no document answers: `rubric.lang` where set, else Dutch. */
export function settingLang(): Lang {
  const set = vscode.workspace.getConfiguration('rubric').inspect<string>('lang');
  const lang = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
  return lang === 'en' || (lang === 'auto' && !vscode.env.language.startsWith('nl')) ? 'en' : 'nl';
}

/** The commands the server carries out, with what the client adds: the active document, a quick pick, a quiet report. */
export function serverCommands(clientOf: () => BaseLanguageClient, show: ShowPage): Record<string, ClientCommand> {
  const uriOfActive = () => {
    const document = vscode.window.activeTextEditor?.document;
    return document ? clientOf().code2ProtocolConverter.asUri(document.uri) : '';
  };
  return {
    // From the palette: the active document.
    'rubric.fixAll': (args, next) => {
      // The text of an Office file is read-only: its fixes are made in the file.
      const document = vscode.window.activeTextEditor?.document;
      if (!args.length && document?.uri.scheme === OFFICE_SCHEME) return Promise.resolve(vscode.commands.executeCommand('rubric.officeFixAll', document.uri.toString()));
      return next(args.length ? args : [uriOfActive()]);
    },
    // After fix all: on save quietly in the status bar, else as a message.
    'rubric.reportFixAll': async ([message, quiet]) => {
      if (quiet === true) vscode.window.setStatusBarMessage(String(message), 8000);
      else void vscode.window.showInformationMessage(String(message));
      return null;
    },
    // The entries in force for the active document, in its language, each with its page (`rubric/glossary`).
    'rubric.lookupTerm': async () => {
      const {lang, entries} = await clientOf().sendRequest<GlossaryAnswer>(EDITOR_REQUESTS.glossary, {uri: uriOfActive() || undefined});
      const picked = await vscode.window.showQuickPick(
        entries.map((e) => ({label: e.term, description: e.expansions.join(' / '), detail: e.definition, entry: e})),
        {title: t(lang, 'lookupTitle'), placeHolder: t(lang, 'lookupPlaceholder'), matchOnDescription: true, matchOnDetail: false},
      );
      if (picked) await show(`${picked.entry.term.replace(/[\\/:*?"<>|]/g, '_')}.md`, picked.entry.markdown, true);
      return null;
    },
  };
}

export function registerCommands(context: vscode.ExtensionContext, client: BaseLanguageClient, show: ShowPage): void {
  const workspaceProblems = vscode.languages.createDiagnosticCollection('rubric-workspace');
  context.subscriptions.push(
    workspaceProblems,
    // An opened document's problems come from its own pull.
    vscode.workspace.onDidOpenTextDocument((d) => workspaceProblems.delete(d.uri)),
    vscode.commands.registerCommand('rubric.lintWorkspace', () => lintWorkspace(client, workspaceProblems)),
    vscode.commands.registerCommand('rubric.showRule', async (rule: string) => {
      await vscode.commands.executeCommand('markdown.showPreview', ruleDocUri(context.extensionUri, rule));
    }),
    vscode.commands.registerCommand('rubric.showClassification', async () => {
      const document = vscode.window.activeTextEditor?.document;
      const name = document ? vscode.workspace.asRelativePath(document.uri) : '';
      const answer = document && await client.sendRequest<{lang: Lang; text: string}>(EDITOR_REQUESTS.classificationSummary, {
        uri: client.code2ProtocolConverter.asUri(document.uri), name,
      }).catch(() => undefined);
      if (!document || !answer) {
        void vscode.window.showInformationMessage(t(settingLang(), 'noDocument'));
        return;
      }
      await show(`${baseName(document.uri.path)} (${t(answer.lang, 'classification').toLowerCase()}).txt`, `${answer.text}\n`, false);
    }),
  );
}

/** Every Markdown and text file of the workspace, linted by the server; the files not open keep their problems in the panel. */
async function lintWorkspace(client: BaseLanguageClient, collection: vscode.DiagnosticCollection): Promise<void> {
  const lang = settingLang();
  await vscode.window.withProgress({location: vscode.ProgressLocation.Notification, title: t(lang, 'lintingWorkspace'), cancellable: true}, async (_progress, token) => {
    const report = await client.sendRequest(WorkspaceDiagnosticRequest.type, {previousResultIds: []}, token);
    if (token.isCancellationRequested) return;
    collection.clear();
    let problems = 0;
    const files = new Set<string>();
    for (const item of report.items as WorkspaceDocumentDiagnosticReport[]) {
      if (item.kind !== 'full') continue;
      const uri = client.protocol2CodeConverter.asUri(item.uri);
      const diagnostics = await client.protocol2CodeConverter.asDiagnostics(item.items);
      for (const d of diagnostics) if (d.source === 'Rubric' && typeof d.code !== 'object' && d.code !== undefined) d.code = {value: String(d.code), target: ruleLinkUri(String(d.code))};
      collection.set(uri, diagnostics);
      problems += diagnostics.length;
      files.add(uri.toString());
    }
    // The open documents Rubric lints, with what the panel shows of them.
    for (const d of vscode.workspace.textDocuments) {
      if (d.uri.scheme !== 'file' || files.has(d.uri.toString()) || !vscode.workspace.getWorkspaceFolder(d.uri)) continue;
      if (!/\.(md|markdown|txt)$/i.test(d.uri.path)) continue;
      files.add(d.uri.toString());
      problems += shownCount(d.uri);
    }
    void vscode.window.showInformationMessage(t(lang, 'workspaceDone', count(lang, problems, 'problem'), count(lang, files.size, 'file')));
  });
}
