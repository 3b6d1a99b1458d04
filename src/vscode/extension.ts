/** Rubric's VS Code entry point in Node: the language client on dist/server.js (serverProcess.ts); the rest is wired in start.ts, and the Office view here. */

import * as vscode from 'vscode';
import {RubricLanguageClient} from './serverProcess.js';
import {registerOfficeView} from './officeView.js';
import {startRubric} from './start.js';

export function activate(context: vscode.ExtensionContext): void {
  const client = startRubric(context, 'Node IPC', (options, log) => new RubricLanguageClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath, options, log));
  // Word and OpenDocument files, their text read-only beside them (Node only: the server reads the files).
  registerOfficeView(context, client);
}

export function deactivate(): void {
  // Everything, the client with its server too, is disposed through context.subscriptions.
}
