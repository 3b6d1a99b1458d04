/**
 * One small integer per term match: what the document-wide term rules ask of
 * every match before anything else (is it right, written out, deprecated, a
 * short form, does it write out other entries too, does a parenthesis
 * follow it) and the number of its
 * entry. The engine keeps these beside the matches, chunk by chunk, in one
 * flat list of numbers, so that a rule's pass over all matches reads the
 * match objects only where the summary says there is something to check: in
 * a long document most matches are right, and reading each of the tens of
 * thousands of match objects, spread over the heap, was most of such a pass.
 */

import type {EngineData} from './engineData.js';
import type {TermMatch} from './matcher.js';
import type {DocumentContext} from './rule.js';
import {usesShortForm} from './rules/acronyms.js';

/** The surface is the expected form (TermMatch.correct). */
export const CORRECT = 1;
/** The form writes the term out (Form.writtenOut). */
export const WRITTEN_OUT = 2;
/** The text writes out other entries too (TermMatch.alsoWritesOut). */
export const ALSO_WRITES_OUT = 4;
/** The entry is deprecated (GlossaryEntry.deprecated), whether or not at the document's date. */
export const DEPRECATED = 8;
/** The match uses the short form of an entry that has one (usesShortForm). */
export const SHORT_FORM = 16;
/** A written-out name right before an opening parenthesis, where a short form may follow (`… (NSCS)`). */
export const BEFORE_PARENTHESIS = 32;
const ENTRY_SHIFT = 6;

/** After a name, an opening parenthesis on its line. */
const PARENTHESIS_NEXT = /^[ \t]*\(/;

/** The summary of one match in `text` (the text its offsets are in); its entry's number is its place in `data.entries`. */
export function summarize(m: TermMatch, text: string, data: EngineData): number {
  const {entry, writtenOut} = m.form;
  const n = data.entryNumber.get(entry);
  if (n === undefined) throw new Error(`Rubric: a term match of «${entry.term}», an entry the engine's data does not list`);
  return (n << ENTRY_SHIFT) |
    (m.correct ? CORRECT : 0) |
    (writtenOut ? WRITTEN_OUT : 0) |
    (m.alsoWritesOut?.length ? ALSO_WRITES_OUT : 0) |
    (entry.deprecated ? DEPRECATED : 0) |
    (usesShortForm(m) ? SHORT_FORM : 0) |
    (writtenOut && PARENTHESIS_NEXT.test(text.slice(m.tailEnd, m.tailEnd + 20)) ? BEFORE_PARENTHESIS : 0);
}

/** The number of the summarised match's entry: its place in `data.entries`. */
export function entryNumberOf(summary: number): number {
  return summary >>> ENTRY_SHIFT;
}

/** The summaries of the context's matches, in order: the engine's, or made here for a context without them. */
export function summariesOf(ctx: DocumentContext): readonly number[] {
  return ctx.matchSummaries ?? ctx.memo('matchSummaries', () => ctx.matches.map((m) => summarize(m, ctx.text, ctx.data)));
}
