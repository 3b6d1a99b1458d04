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

/** The short form stands in parentheses: `… (TIB)` (punctuation of the form itself may stand between). */
export function inParentheses(text: string, m: TermMatch): boolean {
  const before = text.slice(Math.max(0, m.start - m.form.text.length - 3), m.start);
  return /\(\s*[^\p{L}\p{N}\s()]*$/u.test(before) && /^[^\p{L}\p{N}\s()]*\s*\)/u.test(text.slice(m.tailEnd, m.tailEnd + m.form.text.length + 3));
}

/** The match writes out `entry`: its own expansion, or another entry's term spelled as that expansion. */
export function writesOut(m: TermMatch, entry: GlossaryEntry): boolean {
  return (m.form.entry === entry && m.form.writtenOut) || (m.alsoWritesOut?.includes(entry) ?? false);
}
