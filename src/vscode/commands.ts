/**
 * Rubric's commands: lint the workspace, fix all problems in the active file,
 * ignore a finding in `.rubric.yaml`, show a rule's page, look up a glossary
 * term, show the document's classification.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import {addIgnoreEntry} from '../core/configEdit.js';
import {classify} from '../core/markings/index.js';
import {findConfig, CONFIG_NAME} from '../node/files.js';
import {formatMarkings} from '../cli/markings.js';
import {fixAllMessage, planFixAll} from './codeActions.js';
import {OFFICE_SCHEME, ruleDocUri} from './convert.js';
import type {LintController} from './diagnostics.js';
import type {EngineProvider} from './engines.js';
import {entryMarkdown} from './hover.js';
import {count, t} from './i18n.js';

/** Read-only documents Rubric shows: a glossary entry (Markdown) and a document's classification (text). */
export const INFO_SCHEME = 'rubric-info';

export function registerCommands(context: vscode.ExtensionContext, lints: LintController, engines: EngineProvider): void {
  const pages = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const show = async (name: string, content: string, markdown: boolean) => {
    const uri = vscode.Uri.from({scheme: INFO_SCHEME, path: `/${name}`});
    pages.set(uri.toString(), content);
    changed.fire(uri);
    if (markdown) await vscode.commands.executeCommand('markdown.showPreview', uri);
    else await vscode.window.showTextDocument(uri, {preview: true, viewColumn: vscode.ViewColumn.Beside});
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(INFO_SCHEME, {onDidChange: changed.event, provideTextDocumentContent: (uri) => pages.get(uri.toString()) ?? ''}),
    vscode.commands.registerCommand('rubric.lintWorkspace', () => lintWorkspace(lints)),
    vscode.commands.registerCommand('rubric.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      const lang = lints.langFor(editor?.document);
      if (!editor || !lints.applies(editor.document)) {
        void vscode.window.showInformationMessage(t(lang, 'noDocument'));
        return;
      }
      // The text of an Office file is read-only: its fixes are made in the file.
      if (editor.document.uri.scheme === OFFICE_SCHEME) {
        await vscode.commands.executeCommand('rubric.officeFixAll', editor.document.uri.toString());
        return;
      }
      const plan = planFixAll(lints, editor.document);
      if (plan.edit) await vscode.workspace.applyEdit(plan.edit);
      void vscode.window.showInformationMessage(fixAllMessage(lang, plan));
    }),
    vscode.commands.registerCommand('rubric.reportFixAll', (message: string, quiet?: boolean) => {
      if (quiet) vscode.window.setStatusBarMessage(message, 8000);
      else void vscode.window.showInformationMessage(message);
    }),
    vscode.commands.registerCommand('rubric.ignoreInConfig', (uri: vscode.Uri, rule: string, words: string) => ignoreInConfig(uri, rule, words, engines)),
    vscode.commands.registerCommand('rubric.showRule', async (rule: string) => {
      await vscode.commands.executeCommand('markdown.showPreview', ruleDocUri(context.extensionUri, rule));
    }),
    vscode.commands.registerCommand('rubric.lookupTerm', async () => {
      const document = vscode.window.activeTextEditor?.document;
      const engine = document && lints.applies(document) ? lints.engineFor(document) : undefined;
      const lang = lints.langFor(document);
      const entries = (engine ?? engines.builtin()).data.entries;
      const picked = await vscode.window.showQuickPick(
        entries.map((e) => ({label: e.term, description: e.expansions.join(' / '), detail: e.definition, entry: e})),
        {title: t(lang, 'lookupTitle'), placeHolder: t(lang, 'lookupPlaceholder'), matchOnDescription: true, matchOnDetail: false},
      );
      if (picked) await show(`${picked.entry.term.replace(/[\\/:*?"<>|]/g, '_')}.md`, entryMarkdown(picked.entry, lang).value, true);
    }),
    vscode.commands.registerCommand('rubric.showClassification', async () => {
      const document = vscode.window.activeTextEditor?.document;
      const result = document && lints.resultFor(document);
      const lang = lints.langFor(document);
      if (!document || !result) {
        void vscode.window.showInformationMessage(t(lang, 'noDocument'));
        return;
      }
      const name = vscode.workspace.asRelativePath(document.uri);
      const text = formatMarkings(name, classify(result.context), result.context.lines, lang);
      await show(`${path.basename(document.uri.path)} (${t(lang, 'classification').toLowerCase()}).txt`, `${text}\n`, false);
    }),
  );
}

/** Adds an `ignore:` entry for this file, rule and words to the nearest `.rubric.yaml` (made in the workspace folder when there is none). */
async function ignoreInConfig(uri: vscode.Uri, rule: string, words: string, engines: EngineProvider): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
  const configFile = findConfig(uri.fsPath) ?? path.join(folder, CONFIG_NAME);
  const configUri = vscode.Uri.file(configFile);
  const file = path.relative(path.dirname(configFile), uri.fsPath).split(path.sep).join('/');
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  let text = '';
  if (open) text = open.getText();
  else {
    try {
      text = Buffer.from(await vscode.workspace.fs.readFile(configUri)).toString('utf8');
    } catch {
      text = '';
    }
  }
  const updated = addIgnoreEntry(text, {file, rule, text: words});
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(configUri, new vscode.Range(open.positionAt(0), open.positionAt(text.length)), updated);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(configUri, Buffer.from(updated, 'utf8'));
  }
  engines.refresh();
}

async function lintWorkspace(lints: LintController): Promise<void> {
  const lang = lints.langFor(vscode.window.activeTextEditor?.document);
  await vscode.window.withProgress(
    {location: vscode.ProgressLocation.Notification, title: t(lang, 'lintingWorkspace'), cancellable: true},
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles('**/*.{md,markdown,txt}', '**/{node_modules,.git}/**', undefined, token);
      let done = 0;
      let problems = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        // Opening a document lints it into the Problems panel like any other.
        const document = await vscode.workspace.openTextDocument(uri);
        problems += lints.resultFor(document)?.findings.length ?? 0;
        done++;
        progress.report({increment: 100 / uris.length, message: `${done}/${uris.length}`});
      }
      void vscode.window.showInformationMessage(t(lang, 'workspaceDone', count(lang, problems, 'problem'), count(lang, done, 'file')));
    },
  );
}
