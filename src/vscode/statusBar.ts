/**
 * The status bar item: the active document's stated classification (its
 * banner as it should read), the effective level where a portion mark or a
 * restricted term requires more (in the warning colour), "ongerubriceerd" on
 * an unmarked document, and the finding count; a click opens the Problems panel.
 */

import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {intended} from '../core/markings/fixes.js';
import {classify} from '../core/markings/index.js';
import type {Lang} from '../core/types.js';
import type {LintController} from './diagnostics.js';
import {count, t} from './i18n.js';

export class RubricStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rubric.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly lints: LintController) {
    this.item.name = 'Rubric';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      lints.onDidLint((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && this.lints.resultFor(document);
    if (!document || !result) {
      this.item.hide();
      return;
    }
    const lang = result.context.data.config.lang;
    const s = statusOf(result, lang);
    // The count the Problems panel shows: a word being typed that begins a snippet prefix is not counted yet.
    const shown = this.lints.shownCount(document);
    const problems = count(lang, shown, 'problem');
    this.item.text = `$(law) ${s.text} · ${shown}`;
    this.item.tooltip = t(lang, 'statusTooltip', s.tooltip, problems);
    this.item.backgroundColor = s.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.item.dispose();
  }
}

/** `Stg. GEHEIM`, `Stg. Geheim → Stg. ZEER GEHEIM` (a warning), `Stg. GEHEIM / Stg. CONFIDENTIEEL` (a warning) or `ongerubriceerd`. */
export function statusOf(result: LintResult, lang: Lang): {text: string; tooltip: string; warning: boolean} {
  const c = classify(result.context);
  const banners = [c.top, c.bottom].filter((b) => b?.level);
  if (!banners.length) {
    if (!c.level) return {text: t(lang, 'statusUnmarked'), tooltip: t(lang, 'statusUnmarkedTooltip'), warning: false};
    return {text: `${t(lang, 'statusUnmarked')} → ${c.level.banner}`, tooltip: t(lang, 'statusNoBanner', c.level.banner), warning: true};
  }
  const stated = [...new Set(banners.map((b) => intended(b!)))].join(' / ');
  const ranks = banners.map((b) => b!.level!.rank);
  if (c.level && c.level.rank > Math.max(...ranks)) {
    return {text: `${stated} → ${c.level.banner}`, tooltip: t(lang, 'statusEffective', stated, c.level.banner), warning: true};
  }
  return {text: stated, tooltip: t(lang, 'statusStated', stated), warning: Math.min(...ranks) !== Math.max(...ranks)};
}
