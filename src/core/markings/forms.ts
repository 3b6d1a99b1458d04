/**
 * How marking strings are compared. A form is reduced to its tokens: runs of
 * letters and digits, without diacritics, with look-alike letters from other
 * scripts mapped to Latin, upper-cased. Two strings with the same tokens in
 * the same order differ only in case, spacing or punctuation (`Stg Geheim`,
 * `STG. GEHEIM`, `Stg. GЕHEIM` with a Cyrillic Е); the same tokens in another
 * order is a swapped form (`GEHEIM STG`); a small edit distance on the joined
 * tokens is a typo (`NATO SECERT`).
 */

import {editDistance} from '../distance.js';
import {foldChar, isWordCode} from '../text.js';

export interface Tokens {
  /** Upper-cased folded tokens, in order. */
  tokens: string[];
  /** The tokens joined. */
  key: string;
  /** The tokens sorted, then joined: equal for forms that differ only in word order. */
  sortedKey: string;
  /** The folded token characters with their case kept. */
  caseKey: string;
  /** Length of the longest token. */
  longest: number;
}

export function tokenize(text: string): Tokens {
  const tokens: string[] = [];
  let current = '';
  let caseKey = '';
  const flush = () => {
    if (current) tokens.push(current);
    current = '';
  };
  for (const ch of text) {
    // Combining marks fold to nothing and stay inside their word.
    const folded = ch.length === 1 ? foldChar(ch) : ch;
    for (const f of folded) {
      if (isWordCode(f.charCodeAt(0))) {
        current += f.toUpperCase();
        caseKey += f;
      } else {
        flush();
      }
    }
  }
  flush();
  return {
    tokens,
    key: tokens.join(''),
    sortedKey: [...tokens].sort().join(''),
    caseKey,
    longest: tokens.reduce((n, t) => Math.max(n, t.length), 0),
  };
}

/** The edits a typo may take: none below 8 letters, one up to 13, two from 14. */
export function typoBudget(length: number): number {
  return length >= 14 ? 2 : length >= 8 ? 1 : 0;
}

/**
 * How far a written string is from a form: 0 same tokens, 1 same tokens in
 * another order, 1 + edits for a typo; null when it is not this form.
 * Strings made only of one- and two-letter tokens (`(O)`, `(NS)`) must match
 * in case too, so that a list item `(o)` or the unit `(ns)` is not a marking.
 */
export function distance(written: Tokens, form: Tokens): number | null {
  if (written.key.length === 0) return null;
  if (written.longest < 3 && written.caseKey !== form.caseKey) return null;
  if (written.key === form.key) return 0;
  if (written.sortedKey === form.sortedKey) return 1;
  const budget = typoBudget(Math.min(written.key.length, form.key.length));
  if (budget === 0) return null;
  const d = Math.min(editDistance(written.key, form.key, budget), editDistance(written.sortedKey, form.sortedKey, budget));
  return d <= budget ? 1 + d : null;
}

/** Runs of blanks collapsed to one space, trimmed, NFC: the text compared with an accepted form. */
export function normalizeWritten(text: string): string {
  return text.normalize('NFC').replace(/[ \t\u00a0\u202f]+/g, ' ').trim();
}
