/** Rubric's VS Code entry point in Node: the language client on dist/server.js (serverProcess.ts); the rest is wired in start.ts, and the Office view here. */

import * as vscode from 'vscode';
import {RubricLanguageClient} from './serverProcess.js';
import {registerOfficeEntry} from './officeEntry.js';
import {startRubric} from './start.js';

export function activate(context: vscode.ExtensionContext): void {
  startRubric(context, 'Node IPC', (options, log) => new RubricLanguageClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath, options, log));
  // Issue 15: Word and OpenDocument files, their text read-only beside them (Node only: it reads the files).
  registerOfficeEntry(context);
}

export function deactivate(): void {
  // Everything, the client with its server too, is disposed through context.subscriptions.
}
