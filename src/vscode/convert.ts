/** Conversions between the engine's offsets and ids and VS Code's types. */

import * as vscode from 'vscode';
import {rulePage} from '../core/rule.js';

export function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** The documentation page of a rule, shipped with the extension (`docs/rules/term-variant.md`). */
export function ruleDocUri(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, rulePage(rule));
}

/** The link of a finding's rule id: a command that shows the rule's page rendered and read-only (`rubric.showRule`). */
export function ruleLinkUri(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:rubric.showRule?${encodeURIComponent(JSON.stringify([rule]))}`);
}

export function languageOf(document: vscode.TextDocument): 'markdown' | 'plaintext' {
  return document.languageId === 'markdown' ? 'markdown' : 'plaintext';
}

/**
 * The text of a Word or OpenDocument file, read-only (src/vscode/officeView.ts): `rubric-office:/path/nota.docx.md`
 * for `file:///path/nota.docx`, a Markdown document, linted like any other.
 */
export const OFFICE_SCHEME = 'rubric-office';

/** The URI schemes of documents Rubric lints: files, new documents, remote files and the text of Office files (not diff views or output). */
export const LINTED_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', OFFICE_SCHEME];

/** The document text of an Office file. */
export function officeTextUri(file: vscode.Uri): vscode.Uri {
  return file.with({scheme: OFFICE_SCHEME, path: `${file.path}.md`});
}

/** The Office file whose text a `rubric-office` document is. */
export function officeFileUri(text: vscode.Uri): vscode.Uri {
  return text.with({scheme: 'file', path: text.path.replace(/\.md$/, '')});
}

/** The resource whose settings, workspace folder and `.rubric.yaml` a document has: the Office file for its text, else the document itself. */
export function resourceOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === OFFICE_SCHEME ? officeFileUri(uri) : uri;
}

/** The file on disk a document is (the Office file for its text), for `.rubric.yaml` and its `ignore:` entries; none for a new document. */
export function filePathOf(uri: vscode.Uri): string | undefined {
  const resource = resourceOf(uri);
  return resource.scheme === 'file' ? resource.fsPath : undefined;
}
