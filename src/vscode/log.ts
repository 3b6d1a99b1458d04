/**
 * The "Rubric" output channel: engine loads, configuration problems and slow
 * lints, for a writer who reports a problem. Nothing of a document's text is
 * written to it, only file names, counts and timings.
 */

import * as vscode from 'vscode';

export class RubricLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Rubric', {log: true});

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
