/**
 * Quick fixes for Rubric's findings, "fix all" (also as `source.fixAll.rubric`
 * for `editor.codeActionsOnSave`) and "disable this rule on this line". Every
 * edit replaces only its own range.
 */

import * as vscode from 'vscode';
import {applyFixes} from '../core/fix.js';
import type {Fix} from '../core/types.js';
import {toRange} from './convert.js';
import type {LintController} from './diagnostics.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('rubric');

/** The non-overlapping fixes of one lint, as edits on their own ranges. */
export function fixAllEdit(document: vscode.TextDocument, fixes: Fix[]): vscode.WorkspaceEdit | undefined {
  const text = document.getText();
  const chosen: Fix[] = [];
  let pos = -1;
  for (const f of [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (f.start < pos || text.slice(f.start, f.end) === f.text) continue;
    chosen.push(f);
    pos = f.end;
  }
  if (chosen.length === 0 || applyFixes(text, chosen).applied !== chosen.length) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const f of chosen) edit.replace(document.uri, toRange(document, f.start, f.end), f.text);
  return edit;
}

export class RubricCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly lints: LintController) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.lints.resultFor(document);
    if (!result) return [];
    const fixable = result.findings.filter((f) => f.fix);
    if (context.only && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only))) {
      return this.fixAll(document, fixable.map((f) => f.fix!));
    }
    // The findings under the cursor or selection. The editor's diagnostics in `context` can lag a
    // moment behind a lint, so the findings come from the lint itself.
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const here = result.findings.filter((f) => f.start <= end && f.end >= start);
    const actions: vscode.CodeAction[] = [];
    for (const finding of here) {
      const diagnostic = this.lints.diagnosticFor(document, finding);
      if (finding.fix) {
        const title = finding.fix.text
          ? vscode.l10n.t('Replace with "{0}"', finding.fix.text)
          : vscode.l10n.t('Remove "{0}"', document.getText(toRange(document, finding.fix.start, finding.fix.end)));
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, toRange(document, finding.fix.start, finding.fix.end), finding.fix.text);
        if (diagnostic) action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      actions.push(this.disableOnLine(document, finding.line, finding.rule, diagnostic));
    }
    if (here.length && fixable.length > 1) {
      const [all] = this.fixAll(document, fixable.map((f) => f.fix!), vscode.CodeActionKind.QuickFix);
      if (all) actions.push(all);
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument, fixes: Fix[], kind = FIX_ALL_KIND): vscode.CodeAction[] {
    const edit = fixAllEdit(document, fixes);
    if (!edit) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all Rubric problems in this file'), kind);
    action.edit = edit;
    return [action];
  }

  private disableOnLine(document: vscode.TextDocument, lineNumber: number, rule: string, diagnostic?: vscode.Diagnostic): vscode.CodeAction {
    const line = document.lineAt(lineNumber);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const action = new vscode.CodeAction(vscode.l10n.t('Disable {0} on this line', rule), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    action.edit.insert(document.uri, line.range.start, `${indent}<!-- rubric-disable-next-line ${rule} -->${eol}`);
    if (diagnostic) action.diagnostics = [diagnostic];
    return action;
  }
}
