/**
 * Quick fixes for Rubric's findings, "fix all" (also as `source.fixAll.rubric`
 * for `editor.codeActionsOnSave`) and suppression. Fix all goes to the same
 * fixed point as `rubric check --fix` (apply, relint, repeat), except that it
 * never raises the classification: that is offered as a quick fix of its own.
 * Where a finding has no automatic fix, the writer chooses among suggestions
 * (src/core/suggestions.ts). Suppression comes last, and in plain text it
 * never writes into the letter: it adds an `ignore:` entry to `.rubric.yaml`.
 */

import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {fixAll} from '../core/fix.js';
import {fixRaisesClassification, suggestionsFor, type Suggestion} from '../core/suggestions.js';
import type {Finding, Lang} from '../core/types.js';
import {languageOf, toRange} from './convert.js';
import {fileOf, type LintController} from './diagnostics.js';
import {count, t} from './i18n.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('rubric');

export interface FixAllPlan {
  /** Undefined when nothing is left to fix. */
  edit?: vscode.WorkspaceEdit;
  applied: number;
  /** Findings left after the fixes: the writer's. */
  left: number;
  /** A finding whose fix raises the classification is among those left. */
  raiseLeft: boolean;
}

/** Every fix to the fixed point, as one edit on the document, and what it leaves to the writer. */
export function planFixAll(lints: LintController, document: vscode.TextDocument): FixAllPlan {
  const result = fixAll(lints.engineFor(document), document.getText(), languageOf(document), {include: (f) => !fixRaisesClassification(f), file: fileOf(document)});
  const raiseLeft = result.findings.some(fixRaisesClassification);
  if (result.applied === 0) return {applied: 0, left: result.findings.length, raiseLeft};
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(document.uri, toRange(document, e.start, e.end), e.text);
  return {edit, applied: result.applied, left: result.findings.length, raiseLeft};
}

/** "Rubric: 3 correcties, 1 aan u." / "Rubric: niets te corrigeren." */
export function fixAllMessage(lang: Lang, plan: FixAllPlan): string {
  const hint = plan.raiseLeft ? t(lang, 'fixAllRaiseHint') : '';
  if (plan.applied === 0) return (plan.left ? t(lang, 'fixAllNothingLeft', plan.left) : t(lang, 'fixAllNothing')) + hint;
  return t(lang, 'fixAllDone', count(lang, plan.applied, 'fix'), plan.left) + hint;
}

/** "Fix all" among the quick fixes: its edit is worked out only when the writer picks it (resolveCodeAction). */
class FixAllAction extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly lang: Lang) {
    super(t(lang, 'fixAllInFile'), vscode.CodeActionKind.QuickFix);
  }
}

export class RubricCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly lints: LintController) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.lints.resultFor(document);
    if (!result) return [];
    const lang = result.context.data.config.lang;
    if (context.only && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only))) {
      return this.fixAll(document, lang, FIX_ALL_KIND);
    }
    // The findings under the cursor or selection. The editor's diagnostics in `context` can lag a
    // moment behind a lint, so the findings come from the lint itself.
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const here = result.findings.filter((f) => f.start <= end && f.end >= start);
    const fixes: vscode.CodeAction[] = [];
    const suppressions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const finding of here) {
      const diagnostic = this.lints.diagnosticFor(document, finding);
      const suggestions = suggestionsFor(finding, result);
      // A banner to insert is described by its suggestion; a raise only by the suggestion that raises every banner.
      const own = finding.fix && !fixRaisesClassification(finding) && finding.rule !== 'marking/missing';
      if (own) fixes.push(this.fixAction(document, finding, lang, diagnostic));
      for (const s of suggestions) {
        const action = this.suggestionAction(document, s, lang, diagnostic, !own);
        // One action per change, even when several findings under the cursor suggest it.
        if (!seen.has(action.title)) fixes.push(action);
        seen.add(action.title);
      }
      for (const s of this.suppress(document, finding, result, lang, diagnostic)) {
        if (!seen.has(s.title)) suppressions.push(s);
        seen.add(s.title);
      }
    }
    const all: vscode.CodeAction[] = [];
    if (here.length && result.findings.some((f) => f.fix && !fixRaisesClassification(f))) {
      const action = new FixAllAction(document, lang);
      // VS Code lists actions with diagnostics before those without: this one gets those under the cursor, so that it stays before suppression.
      action.diagnostics = here.map((f) => this.lints.diagnosticFor(document, f)).filter((d): d is vscode.Diagnostic => !!d);
      all.push(action);
    }
    return [...fixes, ...all, ...suppressions];
  }

  /** Fix all's edit, to the fixed point: worked out when it is picked, not at every move of the cursor. */
  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof FixAllAction && !action.edit) {
      const plan = planFixAll(this.lints, action.document);
      action.edit = plan.edit ?? new vscode.WorkspaceEdit();
      action.command = {title: action.title, command: 'rubric.reportFixAll', arguments: [fixAllMessage(action.lang, plan), false]};
    }
    return action;
  }

  private fixAction(document: vscode.TextDocument, finding: Finding, lang: Lang, diagnostic?: vscode.Diagnostic): vscode.CodeAction {
    const fix = finding.fix!;
    const title = fix.text
      ? t(lang, 'replaceWith', fix.text.trim())
      : t(lang, 'remove', document.getText(toRange(document, fix.start, fix.end)));
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toRange(document, fix.start, fix.end), fix.text);
    if (diagnostic) action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }

  private suggestionAction(document: vscode.TextDocument, s: Suggestion, lang: Lang, diagnostic: vscode.Diagnostic | undefined, mayPrefer: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(s.title[lang], vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    const [first, ...rest] = s.edits;
    if (s.snippet) {
      action.edit.set(document.uri, [
        new vscode.SnippetTextEdit(toRange(document, first.start, first.end), new vscode.SnippetString(s.snippet)),
        ...rest.map((e) => new vscode.TextEdit(toRange(document, e.start, e.end), e.text)),
      ]);
    } else {
      for (const e of s.edits) action.edit.replace(document.uri, toRange(document, e.start, e.end), e.text);
    }
    if (diagnostic) action.diagnostics = [diagnostic];
    if (s.preferred && mayPrefer) action.isPreferred = true;
    return action;
  }

  /** `source.fixAll.rubric` (asked for on save, or by the command palette's "Fix All"): worked out at once. */
  private fixAll(document: vscode.TextDocument, lang: Lang, kind: vscode.CodeActionKind): vscode.CodeAction[] {
    const plan = planFixAll(this.lints, document);
    if (!plan.edit) return [];
    const action = new vscode.CodeAction(t(lang, 'fixAllInFile'), kind);
    action.edit = plan.edit;
    // After the edit: say what changed; on save quietly, in the status bar.
    action.command = {title: action.title, command: 'rubric.reportFixAll', arguments: [fixAllMessage(lang, plan), true]};
    return [action];
  }

  /**
   * Suppression: in Markdown a `rubric-disable-next-line` comment (which a rendered page does not show),
   * labelled as such; in every document an `ignore:` entry in `.rubric.yaml` for this file, rule and words,
   * which leaves the document as it is (the only one offered in plain text).
   */
  private suppress(document: vscode.TextDocument, finding: Finding, result: LintResult, lang: Lang, diagnostic?: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const words = result.context.text.slice(finding.start, finding.end);
    if (document.uri.scheme === 'file' && vscode.workspace.isTrusted && words.trim() && !/[\r\n]/.test(words)) {
      const shown = words.length > 40 ? `${words.slice(0, 39)}…` : words;
      const ignore = new vscode.CodeAction(t(lang, 'ignoreInConfig', finding.rule, shown), vscode.CodeActionKind.QuickFix);
      ignore.command = {title: ignore.title, command: 'rubric.ignoreInConfig', arguments: [document.uri, finding.rule, words]};
      if (diagnostic) ignore.diagnostics = [diagnostic];
      actions.push(ignore);
    }
    if (languageOf(document) === 'markdown') {
      const line = document.lineAt(finding.line);
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const disable = new vscode.CodeAction(t(lang, 'disableOnLine', finding.rule), vscode.CodeActionKind.QuickFix);
      disable.edit = new vscode.WorkspaceEdit();
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      disable.edit.insert(document.uri, line.range.start, `${indent}<!-- rubric-disable-next-line ${finding.rule} -->${eol}`);
      if (diagnostic) disable.diagnostics = [diagnostic];
      actions.push(disable);
    }
    return actions;
  }
}
