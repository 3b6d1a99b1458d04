/**
 * Near misses of long names: a word too many or too few, or a letter off, in
 * an institution's or a ministry's full name (`Algemene Inlichtingen- en
 * Veilgheidsdienst`, `Binnenlandse Zaken en Koninkrijksrelatie`). The tries
 * find only the forms they hold; this finds a run of words whose letters lie
 * within an edit distance of a name that grows with the name's length.
 *
 * A proper name (capitalised) of at least two words and sixteen letters is looked for where its
 * first or second word stands exactly; the run must also end on a word close
 * to the name's last word, so that ordinary words around a name are not
 * taken for it.
 */

import {editDistance} from './distance.js';
import {atSentenceStart, formKey, type Form, type TermMatch} from './matcher.js';
import {isBlankCode, isHyphenCode, isWordCode} from './text.js';

interface Name {
  form: Form;
  words: string[];
  key: string;
}

interface Word {
  start: number;
  end: number;
  key: string;
}

/** The share of a name's letters that may differ. */
const RATIO = 0.15;
const MIN_KEY = 16;

function isToken(code: number): boolean {
  return isWordCode(code) || code === 38 /* & */;
}

/** Whether the characters between two words of a name can stand inside one: spaces, one line break, hyphens, a comma. */
function joins(text: string, from: number, to: number): boolean {
  if (to - from > 6) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++breaks > 1) return false;
    } else if (!(isBlankCode(c) || isHyphenCode(c) || c === 13 || c === 44 /* , */)) return false;
  }
  return true;
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}&]+/u).filter(Boolean).map((w) => formKey(w, false));
}

export class NearMiss {
  private readonly byWord = new Map<string, {name: Name; at: number}[]>();
  private readonly firstChars = new Set<string>();

  constructor(forms: readonly Form[]) {
    for (const f of forms) {
      const words = wordsOf(f.text);
      const key = words.join('');
      // Proper names only: `offensieve cyberprogramma` is an inflected common term, not a garbled name.
      if (words.length < 2 || key.length < MIN_KEY || !/^\p{Lu}/u.test(f.text)) continue;
      const name: Name = {form: {...f, role: 'near'}, words, key};
      for (const at of [0, 1]) {
        const list = this.byWord.get(words[at]) ?? [];
        list.push({name, at});
        this.byWord.set(words[at], list);
        this.firstChars.add(words[at][0]);
      }
    }
  }

  /** Adds the near misses in text[start, end) to `out`, whose entries from `from` on are the exact matches there, in order. */
  scan(text: string, start: number, end: number, out: TermMatch[], from: number): void {
    if (this.byWord.size === 0) return;
    const exact = out.slice(from);
    const hits: TermMatch[] = [];
    let prev: Word | undefined;
    let i = start;
    while (i < end) {
      if (!isToken(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let e = i;
      while (e < end && isToken(text.charCodeAt(e))) e++;
      const first = formKey(text[i], false)[0];
      const word: Word | undefined = first !== undefined && this.firstChars.has(first) ? {start: i, end: e, key: formKey(text.slice(i, e), false)} : undefined;
      const anchors = word && this.byWord.get(word.key);
      if (word && anchors) {
        for (const {name, at} of anchors) {
          const head = at === 0 ? word : prev && joins(text, prev.end, word.start) ? prev : undefined;
          if (!head) continue;
          const hit = this.best(text, head, name, end, exact);
          if (hit && !hits.some((h) => h.start < hit.end && hit.start < h.end)) hits.push(hit);
        }
      }
      prev = {start: i, end: e, key: word?.key ?? ''};
      i = e;
    }
    if (hits.length === 0) return;
    const swallowed = new Set(exact.filter((m) => hits.some((h) => h.start <= m.start && m.tailEnd <= h.end)));
    const merged = [...exact.filter((m) => !swallowed.has(m)), ...hits].sort((a, b) => a.start - b.start);
    out.length = from;
    for (const m of merged) out.push(m);
  }

  /** The closest run of words from `head` that is a near miss of `name`, if any. */
  private best(text: string, head: Word, name: Name, end: number, exact: TermMatch[]): TermMatch | undefined {
    // A name as written starts with a capital, and its first word is at most a letter or two off.
    if (!/^\p{Lu}/u.test(text[head.start]) || editDistance(head.key, name.words[0], 2) > Math.min(2, Math.floor(name.words[0].length / 4))) return undefined;
    const words: Word[] = [head];
    const max = name.words.length + 1;
    let pos = head.end;
    while (words.length < max) {
      let s = pos;
      while (s < end && !isToken(text.charCodeAt(s))) s++;
      if (s >= end || !joins(text, pos, s)) break;
      let e = s;
      while (e < end && isToken(text.charCodeAt(e))) e++;
      words.push({start: s, end: e, key: formKey(text.slice(s, e), false)});
      pos = e;
    }
    const last = name.words[name.words.length - 1];
    // Numbers are not spelt wrong: `Wiv 20..` in a bill is not `Wiv 2017`.
    const digits = (ws: string[]) => ws.filter((w) => /\d/.test(w)).join(' ');
    let found: {d: number; n: number} | undefined;
    // A word too few, or two from a name of five words or more (`Wet Inlichtingen- en Veiligheidsdiensten 2002`).
    const fewest = name.words.length - (name.words.length >= 5 ? 2 : 1);
    for (let n = Math.max(2, fewest); n <= words.length; n++) {
      const run = words.slice(0, n);
      if (digits(run.map((w) => w.key)) !== digits(name.words)) continue;
      const key = run.map((w) => w.key).join('');
      const limit = Math.max(1, Math.floor(Math.max(key.length, name.key.length) * RATIO));
      const lastKey = run[n - 1].key;
      if (editDistance(lastKey, last, Math.max(2, Math.floor(last.length * 0.3))) > Math.max(2, Math.floor(last.length * 0.3))) continue;
      const d = editDistance(key, name.key, limit);
      if (d === 0 || d > limit) continue;
      if (!found || d < found.d) found = {d, n};
    }
    if (!found) return undefined;
    const s = head.start;
    const e = words[found.n - 1].end;
    // An exact match that runs out of the window, or a window that is all one exact match, is not a near miss.
    if (exact.some((m) => m.start < e && m.tailEnd > s && (m.start < s || m.tailEnd > e || (m.start === s && m.tailEnd === e)))) return undefined;
    return {form: name.form, start: s, end: e, tailEnd: e, surface: text.slice(s, e), correct: false, sentenceStart: atSentenceStart(text, s), kept: undefined};
  }
}
