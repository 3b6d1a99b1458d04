/**
 * The "Rubric" output channel: engine loads, configuration problems and slow
 * lints, for a writer who reports a problem. Nothing of a document's text is
 * written to it, only file names, counts and timings.
 */

import * as vscode from 'vscode';
import type {Lang} from '../core/types.js';
import {t, type MessageKey} from './i18n.js';

type Arg = string | number;

/** The log's entries are written in Rubric's language: `rubric.lang` where set, else the language of the engine loaded last. */
export class RubricLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Rubric', {log: true});

  constructor(public lang: Lang = 'nl') {}

  info(key: MessageKey, ...args: Arg[]): void {
    this.channel.info(t(this.lang, key, ...args));
  }

  warn(key: MessageKey, ...args: Arg[]): void {
    this.channel.warn(t(this.lang, key, ...args));
  }

  /** A line made elsewhere in the log's language (a configuration problem). */
  problem(severity: 'error' | 'warning', line: string): void {
    if (severity === 'error') this.channel.error(line);
    else this.channel.warn(line);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
