/** Links to Rubric's rule pages, shipped with the extension. */

import * as vscode from 'vscode';
import {rulePage} from '../core/rule.js';

/** The documentation page of a rule, shipped with the extension (`docs/rules/term-variant.md`). */
export function ruleDocUri(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, rulePage(rule));
}

/** The link of a finding's rule id: a command that shows the rule's page rendered and read-only (`rubric.showRule`). */
export function ruleLinkUri(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:rubric.showRule?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/** The last part of a path or URI path (`docs/brief.md` → `brief.md`). */
export function baseName(p: string): string {
  return p.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? p;
}
