/** The status bar item: the active document's classification and finding count; a click opens the Problems panel. */

import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {classify} from '../core/markings/index.js';
import type {LintController} from './diagnostics.js';

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
    const count = result.findings.length;
    const label = statusLabel(result);
    this.item.text = `$(law) ${label ? `${label} · ` : ''}${count}`;
    this.item.tooltip = label
      ? vscode.l10n.t('Rubric: classified {0}; {1} problem(s) in this document. Click to open the Problems panel.', label, count)
      : vscode.l10n.t('Rubric: {0} problem(s) in this document. Click to open the Problems panel.', count);
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.item.dispose();
  }
}

/** The document's effective classification (banner or highest portion), when it has one. */
function statusLabel(result: LintResult): string {
  return classify(result.context).level?.banner ?? '';
}
