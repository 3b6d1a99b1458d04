/** Rubric's commands: lint the workspace, fix all problems in the active file. */

import * as vscode from 'vscode';
import {fixAllEdit} from './codeActions.js';
import {ruleDocUri} from './convert.js';
import type {LintController} from './diagnostics.js';
import type {EngineProvider} from './engines.js';

const SEVERITY = {error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information};

export function registerCommands(context: vscode.ExtensionContext, lints: LintController, engines: EngineProvider): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rubric.lintWorkspace', () => lintWorkspace(context.extensionUri, lints, engines)),
    vscode.commands.registerCommand('rubric.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      const result = editor && lints.resultFor(editor.document);
      if (!editor || !result) return;
      const edit = fixAllEdit(editor.document, result.findings.filter((f) => f.fix).map((f) => f.fix!));
      if (edit) await vscode.workspace.applyEdit(edit);
    }),
  );
}

async function lintWorkspace(extensionUri: vscode.Uri, lints: LintController, engines: EngineProvider): Promise<void> {
  await vscode.window.withProgress(
    {location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rubric: linting the workspace'), cancellable: true},
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles('**/*.{md,markdown,txt}', '**/{node_modules,.git}/**', undefined, token);
      let done = 0;
      let problems = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        const document = await vscode.workspace.openTextDocument(uri);
        if (lints.applies(document)) {
          const open = vscode.workspace.textDocuments.includes(document);
          const result = open ? lints.resultFor(document) : engines.forDocument(document).lint(document.getText(), document.languageId === 'markdown' ? 'markdown' : 'plaintext');
          if (result && !open) {
            lints.collection.set(uri, result.findings.map((f) => {
              const d = new vscode.Diagnostic(new vscode.Range(f.line, f.column, f.endLine, f.endColumn), f.message, SEVERITY[f.severity]);
              d.source = 'Rubric';
              d.code = {value: f.rule, target: ruleDocUri(extensionUri, f.rule)};
              return d;
            }));
          }
          problems += result?.findings.length ?? 0;
        }
        done++;
        progress.report({increment: 100 / uris.length, message: `${done}/${uris.length}`});
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Rubric: {0} problem(s) in {1} file(s).', problems, done));
    },
  );
}
