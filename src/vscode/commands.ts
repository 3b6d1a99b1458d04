/** Rubric's commands: lint the workspace, fix all problems in the active file. */

import * as vscode from 'vscode';
import {fixAllEdit} from './codeActions.js';
import type {LintController} from './diagnostics.js';

export function registerCommands(context: vscode.ExtensionContext, lints: LintController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rubric.lintWorkspace', () => lintWorkspace(lints)),
    vscode.commands.registerCommand('rubric.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      const result = editor && lints.resultFor(editor.document);
      if (!editor || !result) return;
      const edit = fixAllEdit(editor.document, result.findings.filter((f) => f.fix).map((f) => f.fix!));
      if (edit) await vscode.workspace.applyEdit(edit);
    }),
  );
}

async function lintWorkspace(lints: LintController): Promise<void> {
  await vscode.window.withProgress(
    {location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rubric: linting the workspace'), cancellable: true},
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
      void vscode.window.showInformationMessage(vscode.l10n.t('Rubric: {0} problem(s) in {1} file(s).', problems, done));
    },
  );
}
