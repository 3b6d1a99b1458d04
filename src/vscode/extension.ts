/** Rubric's VS Code entry point in Node: the language client on dist/server.js (serverProcess.ts); the rest is wired in start.ts. */

import * as vscode from 'vscode';
import {RubricLanguageClient} from './serverProcess.js';
import {startRubric} from './start.js';

export function activate(context: vscode.ExtensionContext): void {
  startRubric(context, 'Node IPC', (options, log) => new RubricLanguageClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath, options, log));
}

export function deactivate(): void {
  // Everything, the client with its server too, is disposed through context.subscriptions.
}
