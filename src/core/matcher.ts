/**
 * One compiled matcher for every form of every glossary entry.
 *
 * Each form (preferred term, expansions, listed variants) is reduced to a key:
 * its letters and digits (and `&`, `+`), without diacritics, with look-alike
 * letters from other scripts mapped to Latin, and lower-cased unless the form
 * is case-sensitive. Keys go into two tries (case-kept and lower-cased). The
 * scanner starts a walk at each word start and may cross spaces, hyphens and
 * similar separators between words, so `WIV2017`, `Wiv-2017` and `wiv 2017`
 * all reach the key of `Wiv 2017`. After a key, Dutch inflection (`-en`,
 * `-s`, `'s`, …) and compounds (`PNG-verklaring`, `ambtsberichtprocedure`)
 * are accepted as a tail that a fix keeps. The cost of a scan depends on the
 * text, not on the number of entries.
 */

import {editDistance} from './distance.js';
import {NearMiss} from './nearMiss.js';
import {swappedAcronyms, yearTypos} from './typos.js';
import type {GlossaryEntry} from './glossary.js';
import {foldChar, isBlankCode, isHyphenCode, isLower, isWordCode} from './text.js';

/**
 * `accepted`: another correct form (never reported); `near`: a near miss of a
 * long name, found by the edit distance rather than the tries (see nearMiss.ts).
 */
export type FormRole = 'term' | 'expansion' | 'variant' | 'accepted' | 'near';

export interface Form {
  entry: GlossaryEntry;
  role: FormRole;
  /** The form as the glossary writes it. */
  text: string;
  /** What the writer should have written for this form. */
  expected: string;
  caseSensitive: boolean;
  /** The form writes the term out (an expansion, or a variant of one) rather than using the short form. */
  writtenOut: boolean;
  /**
   * A variant no glossary lists, made from the entry's own form: `year`, its year mistyped into a number no year can
   * be (`Wiv 1017`); `swap`, an acronym with two adjacent letters swapped (`AVID`). See typos.ts.
   */
  typo?: 'year' | 'swap';
}

export interface TermMatch {
  form: Form;
  /** The matched term, without inflection or compound tail. */
  start: number;
  end: number;
  /** End of the word including its inflection or compound tail. */
  tailEnd: number;
  /** The text as written, start to end. */
  surface: string;
  /** The surface is the expected form (allowing a capital first letter). */
  correct: boolean;
  /** The match opens a sentence, a heading, a list item or a table cell. */
  sentenceStart: boolean;
  /** Other entries this text writes out (their expansion is spelled the same as the matched form). */
  alsoWritesOut?: GlossaryEntry[];
  /** For a superseded term: it stands in history, an explanation or a citation (rules/termContext.ts). */
  historical?: boolean;
  /** What the rules read of the match from its own chunk's text, kept between lints (rules/termContext.ts keptOn). */
  kept?: object;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  forms: Form[] | null;
}

const newNode = (): TrieNode => ({next: null, forms: null});

function isTokenCode(code: number): boolean {
  return isWordCode(code) || code === 38 /* & */ || code === 43; /* + */
}

function isSeparatorCode(code: number): boolean {
  return isBlankCode(code) || isHyphenCode(code) || code === 10 || code === 13 || code === 46 /* . */ ||
    code === 58 /* : */ || code === 47 /* / */ || code === 95; /* _ */
}

function isCombining(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

/** One character's share of a key: folded, and lower-cased with `&` read as `en` unless case-sensitive. */
function keyChars(ch: string, caseSensitive: boolean): string {
  if (caseSensitive) return foldChar(ch);
  return ch === '&' ? 'en' : foldChar(ch).toLowerCase();
}

/** The key of a form: folded token characters only. */
export function formKey(text: string, caseSensitive: boolean): string {
  let key = '';
  for (let i = 0; i < text.length; i++) {
    if (isTokenCode(text.charCodeAt(i))) key += keyChars(text[i], caseSensitive);
  }
  return key;
}

/** Short forms written entirely in capitals are matched case-sensitively (`GA` is not `ga`). */
export function autoCaseSensitive(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase();
}

/** The part of `text` whose key is `key` (a word-aligned span), or null. */
function spanWithKey(text: string, key: string, caseSensitive: boolean): [number, number] | null {
  for (let s = 0; s < text.length; s++) {
    if (s > 0 && isTokenCode(text.charCodeAt(s - 1))) continue;
    let k = 0;
    for (let e = s; e < text.length && k <= key.length; e++) {
      const code = text.charCodeAt(e);
      if (!isTokenCode(code)) continue;
      const f = keyChars(text[e], caseSensitive);
      if (key.startsWith(f, k)) k += f.length;
      else break;
      if (k === key.length) return [s, e + 1];
    }
  }
  return null;
}

/**
 * What a listed variant should have been: the preferred form or the
 * expansion it is closest to (`Wiv 2107` -> `Wiv 2017`, `Global Security
 * Intiative` -> its expansion), a hyphenated compound (`PNG verklaring` ->
 * `PNG-verklaring`), or the part of an expansion it spells (`Defensie
 * Opdrachten` -> `Defensieopdrachten`).
 */
function variantExpected(entry: GlossaryEntry, variant: string): string {
  const vKey = formKey(variant, false);
  const tKey = formKey(entry.term, false);
  if (vKey.length > tKey.length && vKey.startsWith(tKey)) {
    const span = spanWithKey(variant, tKey, false);
    if (span && span[0] === 0) {
      const rest = variant.slice(span[1]).replace(/^[\s\-‐‑]+/, '');
      if (rest) return `${entry.term}-${rest}`;
    }
  }
  for (const exp of entry.expansions) {
    const eKey = formKey(exp, false);
    if (vKey.length < eKey.length - 2) {
      const span = spanWithKey(exp, vKey, false);
      if (span) return exp.slice(span[0], span[1]);
    }
  }
  let best = entry.term;
  let bestScore = editDistance(vKey, tKey) / Math.max(vKey.length, tKey.length);
  for (const exp of entry.expansions) {
    const eKey = formKey(exp, false);
    const score = editDistance(vKey, eKey) / Math.max(vKey.length, eKey.length);
    if (score < bestScore) {
      best = exp;
      bestScore = score;
    }
  }
  return best;
}

/** Four digits and a space before two letters: a postcode's (`2500 BZ`). */
const POSTCODE_DIGITS = /(?:^|[^\p{N}])[1-9]\p{N}{3} ?$/u;
/** A court's case number (`07/6898`) right after or right before a run of capitals. */
const CASE_NUMBER_AFTER = /^[ \t]+\d{2}\/\d{2,6}\b/;
const CASE_NUMBER_BEFORE = /\b\d{2}\/\d{2,6}[ \t]+$/;

/** What follows a postcode: the city (`Den Haag`, `DEN HAAG`), the line's end or a comma. */
const POSTCODE_AFTER = /^(?:[ \t\u00a0]+\p{Lu}|[ \t]*(?:[\r\n,]|$))/u;

/** Single capitals with a full stop after each (`G.A.`, `O.M.`): how initials are written. */
const INITIALS = /^(?:\p{Lu}\.)+\p{Lu}$/u;
/** What follows initials: a surname, after its particles if it has them (`Kuipers`, `van der Steur`, `'t Hooft`). */
const SURNAME_AFTER = /^\.[ \t\u00a0]+(?:(?:van|de|der|den|ter|ten|te|het|in|op|von|le|la|du|da|di|[’']t)[ \t\u00a0]+)*\p{Lu}\p{Ll}/u;
/** A word before that makes the letters a thing, not a person: an article, a demonstrative or a possessive (`het O.M. Het …`). */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:de|het|een|dit|dat|deze|die|zijn|haar|hun|ons|onze|uw)[ \t\u00a0]+$/iu;

/**
 * A person's initials, not a dotted acronym: `G.A. van der Steur`, `mr. O.M. Kuipers`, `…, I.O. de Wit`. Single capitals
 * each with a full stop, then a surname; not after an article (`naar het O.M. Het OM besloot …` is the acronym).
 */
function personsInitials(text: string, start: number, keyEnd: number): boolean {
  return INITIALS.test(text.slice(start, keyEnd)) && SURNAME_AFTER.test(text.slice(keyEnd, keyEnd + 40)) &&
    !DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}

/** Whether `surface` is written the way a made-up variant must be: the swapped acronym as one word, a year as four digits together. */
function typoFits(form: Form, surface: string): boolean {
  return form.typo === 'swap' ? surface === form.text : /(?:^|[^\p{N}])\p{N}{4}$/u.test(surface);
}

/** Short words a name never ends a word with: a break before one of them splits the name (`actor en` is not `actoren`). */
const FUNCTION_WORDS = new Set(['en', 'of', 'de', 'het', 'een', 'in', 'op', 'te', 'van', 'er', 'is', 'om', 'ze', 'we', 'je']);

/** The key length before each word of `text` but the first: where its words break, in letters of the key. */
function keyBreaks(text: string): {at: number; word: string}[] {
  const words = text.split(/[^\p{L}\p{N}&+\u0300-\u036f]+/u).filter(Boolean);
  const out: {at: number; word: string}[] = [];
  let at = 0;
  words.forEach((w, k) => {
    if (k > 0) out.push({at, word: w});
    at += formKey(w, false).length;
  });
  return out;
}

/**
 * The text breaks the form's letters into a short word the form does not have (`een statelijke actor en deelt`
 * against `statelijke actoren`): another phrase, though the letters are the same. A break where the form has none
 * is otherwise a spacing variant (`inlichtingen officier`).
 */
function splitsOffAWord(surface: string, form: string): boolean {
  const own = new Set(keyBreaks(form).map((b) => b.at));
  return keyBreaks(surface).some((b) => !own.has(b.at) && FUNCTION_WORDS.has(b.word.toLowerCase()));
}

/** Dutch inflectional endings accepted after a term (plural, adjective, diminutive, genitive). */
const SUFFIXES = new Set(['s', 'en', 'e', 'n', 'es', 'er', 'ers', 'ere', 'je', 'jes', 'tje', 'tjes', 'ie', 'ies']);

function isInflection(key: string, tail: string): boolean {
  const t = tail.toLowerCase();
  if (SUFFIXES.has(t)) return true;
  // Doubled final consonant: aanval -> aanvallen, zender -> (none), bericht -> (none).
  const last = key[key.length - 1];
  return /[bdfgklmnprst]/.test(last) && (t === `${last}en` || t === `${last}e`);
}

/**
 * A one-word acronym written in mixed case (`MIVd`, `CtIVD`, `Aivd`): a capital beyond the first letter, or a
 * capital first letter and the rest in lower case in a word of four letters or more (`Om`, `Io` and `Vs` are
 * other words). All in lower case it is a word, not the acronym (`ga`, `om`).
 */
function mixedCaseAcronym(surface: string): boolean {
  if (!/\p{Ll}/u.test(surface) || !/\p{Lu}/u.test(surface)) return false;
  if (/\p{Lu}/u.test(surface.slice(1))) return true;
  return surface.length >= 4;
}

export class Matcher {
  private readonly cs: TrieNode = newNode();
  private readonly ci: TrieNode = newNode();
  /** The one-word case-sensitive terms of acronyms with an expansion, lower-cased: found in mixed case (mixedCaseAcronym). */
  private readonly csFold: TrieNode = newNode();
  readonly forms: Form[] = [];

  /**
   * `typos`: also the variants no glossary lists (typos.ts): mistyped years, up to `nextYear` a year as written,
   * and acronyms with two letters swapped. Off for the code words' matcher, which looks for the words themselves.
   */
  constructor(readonly entries: GlossaryEntry[], typos?: {nextYear: number}) {
    for (const entry of entries) {
      this.add(entry, 'term', entry.term, entry.term);
      for (const exp of entry.expansions) this.add(entry, 'expansion', exp, exp);
      for (const v of entry.variants) this.add(entry, 'variant', v, variantExpected(entry, v));
      for (const a of entry.accepted ?? []) this.add(entry, 'accepted', a, a);
    }
    if (typos) {
      // Only where no form of any entry has the key already: a listed variant (`Wiv 2107`), another entry's form.
      const made = [...yearTypos(entries, typos.nextYear), ...swappedAcronyms(entries)];
      const fresh = made.filter((t) => !this.holds(t.text, t.kind === 'swap'));
      for (const t of fresh) this.add(t.entry, 'variant', t.text, t.expected, t.kind);
    }
    this.nearMiss = new NearMiss(this.forms.filter((f) => f.role === 'term' || f.role === 'expansion'));
  }

  private readonly nearMiss: NearMiss;

  /** Whether a form with the key of `text` is in the tries: case-kept or lower-cased, as it would be matched either way. */
  private holds(text: string, caseSensitive: boolean): boolean {
    const walk = (root: TrieNode, key: string) => {
      let node: TrieNode | undefined = root;
      for (const ch of key) if (!(node = node.next?.get(ch))) return false;
      return !!node.forms;
    };
    const lower = formKey(text, false);
    return walk(this.ci, lower) || walk(this.csFold, lower) || walk(this.cs, formKey(text, true)) ||
      (!caseSensitive && walk(this.cs, formKey(text.toUpperCase(), true)));
  }

  private add(entry: GlossaryEntry, role: FormRole, text: string, expected: string, typo?: Form['typo']): void {
    // A swapped acronym is one in capitals: `Avid` and `avid` are other words.
    const caseSensitive = typo === 'swap' || (role === 'term' && entry.caseSensitive !== undefined
      ? entry.caseSensitive
      : autoCaseSensitive(text));
    const key = formKey(text, caseSensitive);
    if (!key) return;
    let node = caseSensitive ? this.cs : this.ci;
    for (const ch of key) {
      node.next ??= new Map();
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = newNode()));
      node = child;
    }
    const writtenOut = entry.expansions.length > 0 &&
      (role === 'expansion' || ((role === 'variant' || role === 'accepted') && !expected.startsWith(entry.term)));
    const form: Form = {entry, role, text, expected, caseSensitive, writtenOut, ...(typo ? {typo} : {})};
    (node.forms ??= []).push(form);
    this.forms.push(form);
    // Only an acronym that stands for a name: a code word in capitals (`TULP`) is also a word or a name (`Tulp`).
    if (caseSensitive && role === 'term' && entry.expansions.length > 0 && /^[\p{L}\p{N}]+$/u.test(text) && /\p{L}.*\p{L}/u.test(text)) {
      let fold = this.csFold;
      for (const ch of formKey(text, false)) {
        fold.next ??= new Map();
        let child = fold.next.get(ch);
        if (!child) fold.next.set(ch, (child = newNode()));
        fold = child;
      }
      (fold.forms ??= []).push(form);
    }
  }

  /** Finds every term in text[start, end), and near misses of long names between them, appending to `out` in order. */
  scan(text: string, start: number, end: number, out: TermMatch[]): void {
    const from = out.length;
    this.scanExact(text, start, end, out);
    this.nearMiss.scan(text, start, end, out, from);
  }

  private scanExact(text: string, start: number, end: number, out: TermMatch[]): void {
    let i = start;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (!isTokenCode(code) || isCombining(code) || (i > start && isTokenCode(text.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      const m = this.matchAt(text, i, end);
      if (m) {
        out.push(m);
        i = Math.max(m.tailEnd, i + 1);
      } else {
        i++;
        while (i < end && isTokenCode(text.charCodeAt(i))) i++;
      }
    }
  }

  private matchAt(text: string, start: number, end: number): TermMatch | null {
    let cs: TrieNode | undefined = this.cs;
    let ci: TrieNode | undefined = this.ci;
    let fold: TrieNode | undefined = this.csFold;
    const candidates: {end: number; wordStart: number; cs?: TrieNode; ci?: TrieNode}[] = [];
    let folded: {end: number; node: TrieNode} | undefined;
    let j = start;
    let wordStart = start;
    while (j < end && (cs || ci || fold)) {
      const code = text.charCodeAt(j);
      if (isTokenCode(code)) {
        const f = keyChars(text[j], true);
        const fi = keyChars(text[j], false);
        for (let k = 0; k < f.length && cs; k++) cs = cs.next?.get(f[k]);
        for (let k = 0; k < fi.length && ci; k++) ci = ci.next?.get(fi[k]);
        for (let k = 0; k < fi.length && fold; k++) fold = fold.next?.get(fi[k]);
        j++;
        while (j < end && isCombining(text.charCodeAt(j))) j++;
        if (cs?.forms || ci?.forms) candidates.push({end: j, wordStart, cs: cs?.forms ? cs : undefined, ci: ci?.forms ? ci : undefined});
        // A one-word acronym in mixed case: the whole word, its letters only.
        if (fold?.forms && (j >= end || !isTokenCode(text.charCodeAt(j)))) folded = {end: j, node: fold};
      } else if (isSeparatorCode(code)) {
        fold = undefined;
        // Cross a short run of separators (at most one line break) to the next word.
        let k = j;
        let breaks = 0;
        while (k < end && k - j < 4 && isSeparatorCode(text.charCodeAt(k))) {
          if (text.charCodeAt(k) === 10) breaks++;
          k++;
        }
        // The next line of a quotation: its markers right after the line break (`> `, `>> `, which a quote's prose
        // keeps) are layout too.
        if (breaks === 1 && text.charCodeAt(k) === 62 && /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', k) + 1, k))) {
          while (k < end && k - j < 12 && (text.charCodeAt(k) === 62 || isBlankCode(text.charCodeAt(k)))) k++;
        }
        if (breaks > 1 || k >= end || !isTokenCode(text.charCodeAt(k)) || isCombining(text.charCodeAt(k))) break;
        j = wordStart = k;
      } else {
        break;
      }
    }
    for (let c = candidates.length - 1; c >= 0; c--) {
      const cand = candidates[c];
      for (const node of [cand.cs, cand.ci]) {
        if (!node?.forms) continue;
        const match = this.accept(text, start, cand.end, end, node.forms, cand.wordStart);
        if (match) return match;
      }
    }
    if (folded && mixedCaseAcronym(text.slice(start, folded.end))) return this.accept(text, start, folded.end, end, folded.node.forms!);
    return null;
  }

  /** Checks what follows a key and picks the form; null when the word goes on into something else. */
  private accept(text: string, start: number, keyEnd: number, end: number, forms: Form[], wordStart = start): TermMatch | null {
    const form0 = forms[0];
    // The letters of a Dutch postcode (`2500 BZ Den Haag`) are no acronym.
    if (keyEnd - start === 2 && POSTCODE_DIGITS.test(text.slice(Math.max(0, start - 6), start)) && POSTCODE_AFTER.test(text.slice(keyEnd, keyEnd + 3))) return null;
    // Nor are a person's initials (`G.A. van der Steur`).
    if (personsInitials(text, start, keyEnd)) return null;
    // A made-up variant holds only as its one word (`AVID`, not `A.V.I.D`) or its name and four digits (`Wiv 1017`, not `Wiv 10 17`).
    if (form0.typo && !typoFits(form0, text.slice(start, keyEnd))) return null;
    // Nor are the letters around a court's case number (`AWB 07/6898 WVO`, `Reg. nr. AWB 15/4411`).
    if (CASE_NUMBER_AFTER.test(text.slice(keyEnd, keyEnd + 16)) || CASE_NUMBER_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return null;
    let tailEnd = keyEnd;
    const next = keyEnd < end ? text.charCodeAt(keyEnd) : -1;
    if (next !== -1 && isTokenCode(next)) {
      // Glued letters: an inflection or a closed compound; never after a case-sensitive acronym.
      if (form0.caseSensitive || !form0.entry.inflect) return null;
      let w = keyEnd;
      while (w < end && isWordCode(text.charCodeAt(w))) w++;
      if (w < end && isTokenCode(text.charCodeAt(w))) return null;
      const tail = text.slice(keyEnd, w);
      const key = formKey(form0.text, false);
      // A short form (an acronym, `Woo`) takes no glued ending but a plural s in its own case (`APTs`): `woon`, `omen`
      // and `bzn` are other words.
      if (key.length <= 4 && !(tail === 's' && forms.some((f) => text.slice(start, keyEnd) === f.text))) return null;
      const compound = key.length >= 7 && tail.length >= 3 && [...tail].every((ch) => !/\p{L}/u.test(ch) || isLower(ch));
      if (!isInflection(key, tail) && !compound) return null;
      // A compound tail after a key that ends a few letters into the next word (`Koninkrijksrelatie s|chreef`) splits a word, not a term.
      if (!isInflection(key, tail) && wordStart > start && keyEnd - wordStart < 4) return null;
      // A name of several words with a word glued to its last one (`… Inlichtingen- en Veiligheid|sdiensten`) is another
      // name: Dutch hyphenates such a compound (`Wiv 2017-bevoegdheden`).
      if (!isInflection(key, tail) && /\s/.test(form0.text.trim())) return null;
      tailEnd = w;
    }
    // A hyphenated compound (`PNG-verklaring`, `Wiv 2017-bevoegdheden`) or `'s` after the term.
    const after = tailEnd < end ? text.charCodeAt(tailEnd) : -1;
    // An elided compound part (`woon- of verblijfplaats`) is a word cut short: a term may be all of it, never a piece.
    if (tailEnd > keyEnd && after !== -1 && isHyphenCode(after) && (tailEnd + 1 >= end || !isWordCode(text.charCodeAt(tailEnd + 1)))) return null;
    if (after !== -1 && isHyphenCode(after) && tailEnd + 1 < end && isWordCode(text.charCodeAt(tailEnd + 1))) {
      let w = tailEnd + 1;
      while (w < end && (isWordCode(text.charCodeAt(w)) || (isHyphenCode(text.charCodeAt(w)) && w + 1 < end && isWordCode(text.charCodeAt(w + 1))))) w++;
      tailEnd = w;
    } else if ((after === 39 || after === 0x2019) && tailEnd + 1 < end && (text[tailEnd + 1] === 's' || text[tailEnd + 1] === 'S') &&
      !(tailEnd + 2 < end && isWordCode(text.charCodeAt(tailEnd + 2)))) {
      tailEnd += 2;
    }
    // A form's own punctuation before or after its letters (`Stb.`) belongs to the match where the text has it.
    const spanFor = (f: Form): [number, number] => {
      let s = start;
      let e = keyEnd;
      const lead = LEAD.exec(f.expected)![0];
      const trail = TRAIL.exec(f.expected)![0];
      if (lead && text.slice(s - lead.length, s) === lead) s -= lead.length;
      if (trail && text.slice(e, e + trail.length) === trail) e += trail.length;
      return [s, e];
    };
    const sentenceStart = atSentenceStart(text, start);
    const correctFor = (f: Form) => {
      const [s, e] = spanFor(f);
      // Line breaks (with a quotation's markers after them) and runs of spaces inside a term are layout, not spelling.
      return sameText(withoutLayout(text.slice(s, e).normalize('NFC')), f.expected);
    };
    // An entry's own term wins over another entry's expansion written the same (`inlichtingenofficier`
    // is a term, and IO's expansion); the expansion still counts as writing IO out.
    const correct = (role: FormRole) => forms.find((f) => f.role === role && correctFor(f));
    const form = correct('term') ?? correct('expansion') ?? correct('accepted') ??
      forms.find((f) => f.role === 'term') ?? forms.find((f) => f.role === 'expansion') ?? forms[0];
    const [s, e] = spanFor(form);
    if (splitsOffAWord(text.slice(start, keyEnd), form.text)) return null;
    const writesOut = forms.filter((f) => f !== form && f.writtenOut && f.entry !== form.entry && correctFor(f)).map((f) => f.entry);
    return {
      form, start: s, end: e, tailEnd: Math.max(tailEnd, e), surface: text.slice(s, e), correct: correctFor(form), sentenceStart,
      ...(writesOut.length ? {alsoWritesOut: writesOut} : {}), kept: undefined,
    };
  }
}

const LEAD = /^[^\p{L}\p{N}&+]*/u;
const TRAIL = /[^\p{L}\p{N}&+]*$/u;

const MARKER_PREFIX = /^[ \t]*(?:[-*+•\u2022]|\d{1,3}[.)]|#{1,6}|>)[ \t]+[*_"'“‘(\[]*$/;

/** Whether `pos` opens a sentence: after . ! ? :, at the start of a paragraph, heading, list item or table cell. */
export function atSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  let breaks = 0;
  while (i >= 0 && /[\s*_(\[]/.test(text[i])) {
    if (text[i] === '\n') breaks++;
    i--;
  }
  if (i < 0 || breaks >= 2 || /[.!?:|•"'“‘„«]/.test(text[i])) return true;
  // A list, heading or quote marker opens the line: only a few characters can stand before the term.
  let lineStart = pos;
  while (lineStart > 0 && pos - lineStart <= 16 && text[lineStart - 1] !== '\n') lineStart--;
  return (lineStart === 0 || text[lineStart - 1] === '\n') && MARKER_PREFIX.test(text.slice(lineStart, pos));
}

/**
 * Equal, or equal but for a capital first letter where the expected form starts
 * in lower case: a sentence start, or the first word of a title (`de alinea
 * 'Economische veiligheid'`, `de brief Kennisveiligheid hoger onderwijs`).
 */
/** A term's words as written, without layout: line breaks (and a quotation's `>` after them) and runs of spaces as one space. */
export function withoutLayout(surface: string): string {
  return surface.replace(/[ \t\u00a0]*\r?\n[ \t\u00a0]*(?:>[ \t\u00a0]*)*/g, ' ').replace(/[\s\u00a0]+/g, ' ');
}

export function sameText(surface: string, expected: string): boolean {
  if (surface === expected) return true;
  return surface.length === expected.length && isLower(expected[0]) &&
    surface[0] === expected[0].toUpperCase() && surface.slice(1) === expected.slice(1);
}

/** The expected text, capitalised where it opens a sentence and the writer used a capital. */
export function matchCase(surface: string, expected: string, sentenceStart: boolean): string {
  if (sentenceStart && expected && isLower(expected[0]) && surface && surface[0] !== surface[0].toLowerCase()) {
    return expected[0].toUpperCase() + expected.slice(1);
  }
  return expected;
}

export function hasHomoglyph(text: string): boolean {
  return /[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]/.test(text);
}

