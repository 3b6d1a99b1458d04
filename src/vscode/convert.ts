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

/** The URI schemes of documents Rubric lints: files, new documents and remote files (not diff views or output). */
export const LINTED_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];
