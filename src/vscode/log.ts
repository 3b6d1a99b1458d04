/**
 * The "Rubric" output channel: the extension's start and, at their own level, the server's log
 * (`window/logMessage`: engine loads, configuration and glossary problems, slow lints), for a writer
 * who reports a problem. Nothing of a document's text is written to it, only file names, counts and timings.
 */

import * as vscode from 'vscode';
import type {Lang} from '../core/types.js';
import {t, type MessageKey} from './i18n.js';

type Arg = string | number;

export class RubricLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Rubric', {log: true});

  constructor(public lang: Lang = 'nl') {}

  info(key: MessageKey, ...args: Arg[]): void {
    this.channel.info(t(this.lang, key, ...args));
  }

  warn(key: MessageKey, ...args: Arg[]): void {
    this.channel.warn(t(this.lang, key, ...args));
  }

  dispose(): void {
    this.channel.dispose();
  }
}
