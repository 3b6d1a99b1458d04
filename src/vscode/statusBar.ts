/**
 * The status bar item: the active document's stated classification (its banner as it should read), the
 * effective level where a portion mark or a restricted term requires more (in the warning colour),
 * "ongerubriceerd" on an unmarked document (as the server states it), and the number of findings the
 * Problems panel shows for it; a click sets the classification.
 */

import * as vscode from 'vscode';
import type {ActiveDocument} from './activeDocument.js';
import {shownCount} from './diagnostics.js';
import {count, t} from './i18n.js';

export class RubricStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rubric.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly active: ActiveDocument) {
    this.item.name = 'Rubric';
    // A click sets the classification (src/vscode/classify.ts).
    this.item.command = 'rubric.setClassification';
    this.disposables.push(active.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const current = this.active.current;
    if (!current || current.document !== vscode.window.activeTextEditor?.document) {
      this.item.hide();
      return;
    }
    const {lang, status} = current.info;
    const shown = shownCount(current.document.uri);
    this.item.text = `$(law) ${status.text} · ${shown}`;
    this.item.tooltip = t(lang, 'statusTooltip', status.tooltip, count(lang, shown, 'problem'));
    this.item.backgroundColor = status.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.item.dispose();
  }
}
