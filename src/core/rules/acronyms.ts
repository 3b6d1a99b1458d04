/** Shared facts about acronym use for the term/acronym-* rules. */

import type {GlossaryEntry} from '../glossary.js';
import type {TermMatch} from '../matcher.js';
import type {EngineData} from '../engineData.js';
import {sinceDay} from './termContext.js';

/** An entry whose short form must be written out on first use: one that is not yet superseded at `day` (an ISO date). */
export function needsIntroduction(entry: GlossaryEntry, data: EngineData, day: string): boolean {
  return entry.expansions.length > 0 && !data.wellKnown.has(entry.term) &&
    (!entry.deprecated || day < sinceDay(entry.deprecated.since));
}

/** The match uses the short form (not the written-out one). */
export function usesShortForm(m: TermMatch): boolean {
  return m.form.entry.expansions.length > 0 && !m.form.writtenOut;
}

/** Before a short form in parentheses: `(`, `(hierna: de `, `(hierna te noemen: `, `(verder: `. */
const OPEN_BEFORE = /\(\s*(?:(?:hierna|verder|voortaan)(?:\s+(?:te\s+noemen|ook|genoemd))?\s*:?\s*(?:de|het)?\s+)?[^\p{L}\p{N}\s()]*$/iu;
/** After it: `)`, or a second name for it first (`(CTIVD of Commissie)`). */
const CLOSE_AFTER = /^[^\p{L}\p{N}\s()]*\s*(?:(?:of|ofwel|oftewel|,)\s+[^()\n]{1,60}?)?\)/u;

/** The short form stands in parentheses: `… (TIB)`, `… (hierna: de CTIVD)`, `… (CTIVD of Commissie)`. */
export function inParentheses(text: string, m: TermMatch): boolean {
  return OPEN_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) && CLOSE_AFTER.test(text.slice(m.tailEnd, m.tailEnd + 70));
}

/** The match writes out `entry`: its own expansion, or another entry's term spelled as that expansion. */
export function writesOut(m: TermMatch, entry: GlossaryEntry): boolean {
  return (m.form.entry === entry && m.form.writtenOut) || (m.alsoWritesOut?.includes(entry) ?? false);
}
