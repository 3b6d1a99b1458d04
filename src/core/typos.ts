/**
 * Variants no glossary lists, made from the entries' own forms, for typos a
 * list cannot hold in full:
 *
 * - a law's year mistyped into a number that is no year (`Wiv 1017`, `Wiv
 *   2071` for `Wiv 2017`): one digit wrong or two adjacent digits swapped, and
 *   before 1800 or after next year, so that a real year (`Wiv 1987`, `Wiv
 *   2016`) is never taken for one;
 * - an acronym of four capitals or more with two adjacent letters swapped
 *   (`AVID`, `AIDV` for `AIVD`).
 *
 * The matcher adds them as variants (matcher.ts), where no form of any entry
 * already has their key.
 */

import type {GlossaryEntry} from './glossary.js';

export interface Typo {
  entry: GlossaryEntry;
  /** The form as a writer may mistype it. */
  text: string;
  /** The entry's form it mistypes: the fix. */
  expected: string;
  kind: 'year' | 'swap';
}

/** No number before this is taken for a year. */
const FIRST_YEAR = 1800;

/** A name and a four-digit year after it (`Wiv 2017`, `Wet op de inlichtingen- en veiligheidsdiensten 2002`). */
const NAME_YEAR = /^(\S.*?)[ \u00a0]+(\d{4})$/u;

/** The numbers one substitution of a digit or one swap of two adjacent digits from `year` (four digits each). */
function nearNumbers(year: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < 4; i++) {
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (digit !== year[i]) out.add(year.slice(0, i) + digit + year.slice(i + 1));
    }
    if (i < 3 && year[i] !== year[i + 1]) out.add(year.slice(0, i) + year[i + 1] + year[i] + year.slice(i + 2));
  }
  return [...out];
}

/**
 * The mistyped years of every entry whose term (or an expansion) is a name and a year. A number near the years of
 * more than one entry of the same name (`Wiv 2002`, `Wiv 2017`) goes to the nearest year; on a tie, to the current
 * entry rather than a deprecated one.
 */
export function yearTypos(entries: readonly GlossaryEntry[], nextYear: number): Typo[] {
  /** Per name (lower case, single spaces): the forms that write it with a year. */
  const byName = new Map<string, {entry: GlossaryEntry; name: string; year: string; text: string; near: Set<string>}[]>();
  for (const entry of entries) {
    for (const text of [entry.term, ...entry.expansions]) {
      const m = NAME_YEAR.exec(text.trim());
      if (!m) continue;
      const key = m[1].toLowerCase().replace(/\s+/g, ' ');
      const list = byName.get(key) ?? [];
      list.push({entry, name: m[1], year: m[2], text, near: new Set(nearNumbers(m[2]))});
      byName.set(key, list);
    }
  }
  const out: Typo[] = [];
  for (const forms of byName.values()) {
    const numbers = new Set(forms.flatMap((f) => [...f.near]));
    for (const n of numbers) {
      const value = Number(n);
      if (value >= FIRST_YEAR && value <= nextYear) continue;
      const near = forms.filter((f) => f.near.has(n));
      // A form of the same name with this very number is no typo (another entry's year).
      if (near.length === 0 || forms.some((f) => f.year === n)) continue;
      const score = (f: (typeof near)[number]) => Math.abs(Number(f.year) - value) * 2 + (f.entry.deprecated ? 1 : 0);
      const best = near.reduce((a, b) => (score(b) < score(a) ? b : a));
      out.push({entry: best.entry, text: `${best.name} ${n}`, expected: best.text, kind: 'year'});
    }
  }
  return out;
}

/** An acronym in capitals of four letters or more that stands for a name (`AIVD`, `CTIVD`; not a code word). */
const ACRONYM = /^\p{Lu}{4,}$/u;

/** Words in capitals in their own right that a swap of a glossary acronym spells: `ARBO` (arbeidsomstandigheden) is not `ABRO`. */
const WORDS = new Set(['ARBO']);

/**
 * The acronyms of four capitals or more with two adjacent letters swapped (`AVID` for `AIVD`). A swapped form that
 * two acronyms share is left out: it is not clear which one is meant; so is a word of its own (WORDS).
 */
export function swappedAcronyms(entries: readonly GlossaryEntry[]): Typo[] {
  const bySwap = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    if (!ACRONYM.test(entry.term) || entry.expansions.length === 0) continue;
    const t = entry.term;
    for (let i = 0; i + 1 < t.length; i++) {
      if (t[i] === t[i + 1]) continue;
      const swap = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
      const list = bySwap.get(swap) ?? [];
      if (!list.includes(entry)) list.push(entry);
      bySwap.set(swap, list);
    }
  }
  const out: Typo[] = [];
  for (const [swap, list] of bySwap) {
    if (list.length === 1 && !WORDS.has(swap)) out.push({entry: list[0], text: swap, expected: list[0].term, kind: 'swap'});
  }
  return out;
}
