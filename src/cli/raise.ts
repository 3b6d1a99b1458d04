/** `--fix` and raising the classification, which is the writer's decision (as in the editor's fix-all). */

import {fixRaisesClassification, type Finding, type Lang} from '../core/index.js';
import {cliText} from './messages.js';

export interface RaiseOutcome {
  /** With --fix-raise: the classification was raised to this level. */
  raised?: string;
  /** Without --fix-raise: a raise to this level was left to the writer. */
  raiseLeft?: string;
}

/**
 * What --fix did about raising the classification, which is the writer's decision: left undone (and said), or,
 * with --fix-raise, done (and said). `first` are the findings before fixing, `last` those after.
 */
export function raiseOutcome(first: Finding[], last: Finding[], raise: boolean): RaiseOutcome {
  const level = (f: Finding | undefined) => f?.expected ?? f?.fix?.text.trim();
  if (raise) {
    const before = first.find((f) => f.fix && fixRaisesClassification(f));
    return before && !last.some(fixRaisesClassification) ? {raised: level(before)} : {};
  }
  const left = last.find((f) => f.fix && fixRaisesClassification(f));
  return left ? {raiseLeft: level(left)} : {};
}

/** The line --fix writes about raising in `file`, or undefined when there was nothing to raise. */
export function raiseNote(o: RaiseOutcome & {file: string}, lang: Lang): string | undefined {
  if (o.raised) return cliText(lang, 'raised', o.file, o.raised);
  if (o.raiseLeft) return cliText(lang, 'raiseLeft', o.file, o.raiseLeft);
  return undefined;
}
