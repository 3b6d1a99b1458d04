/** Shared facts about acronym use for the term/acronym-* rules. */

import type {GlossaryEntry} from '../glossary.js';
import type {TermMatch} from '../matcher.js';
import type {EngineData} from '../engineData.js';

/** An entry whose short form must be written out on first use. */
export function needsIntroduction(entry: GlossaryEntry, data: EngineData): boolean {
  return entry.expansions.length > 0 && !entry.deprecated && !data.wellKnown.has(entry.term);
}

/** The match uses the short form (not the written-out one). */
export function usesShortForm(m: TermMatch): boolean {
  return m.form.entry.expansions.length > 0 && !m.form.writtenOut;
}

/** The short form stands in parentheses: `… (TIB)`. */
export function inParentheses(text: string, m: TermMatch): boolean {
  return /\(\s*$/.test(text.slice(Math.max(0, m.start - 3), m.start)) && /^\s*\)/.test(text.slice(m.tailEnd, m.tailEnd + 3));
}
