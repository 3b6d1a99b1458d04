/**
 * The recognizer: decides whether a string is a marking, which level it
 * stands for, whether it is written in an accepted form, and what should be
 * written instead. General, not tuned to examples: any form of any level in
 * the ruleset, in any case, spacing or punctuation, with look-alike letters,
 * swapped words or a small typo, is recognised.
 */

import {hasHomoglyph} from '../matcher.js';
import {foldChar, isBlankCode, isWordCode} from '../text.js';
import {distance, normalizeWritten, tokenize} from './forms.js';
import type {CompiledForm, MarkingLevel, MarkingRuleset, MarkingScheme} from './ruleset.js';

/** Where a string stands: a banner line, a portion mark `( … )`, or a sharing label in running text. */
export type MarkingContext = 'banner' | 'portion' | 'label';

export interface Recognition {
  level: MarkingLevel;
  /** The form the written string is closest to. */
  form: CompiledForm;
  /** The string is an accepted form for its context. */
  valid: boolean;
  /** What to write: the closest accepted form, or the level's canonical one. Undefined when the level has none for the context. */
  expected?: string;
  /** The string contains letters from another script that look Latin. */
  lookAlike: boolean;
}

/** The accepted forms of a level in a context (full strings, portion marks with parentheses). */
export function acceptedForms(level: MarkingLevel, context: MarkingContext): string[] {
  return context === 'portion' ? level.portions : [level.banner, ...level.long, ...level.short];
}

/**
 * Recognises `written` in a context. For a portion mark, `written` includes
 * the parentheses. Returns null when the string is no marking, or could be
 * more than one level equally well.
 */
export function recognize(ruleset: MarkingRuleset, written: string, context: MarkingContext): Recognition | null {
  // A paragraph is passed over before it is folded.
  if (tooLongForMarking(written)) return null;
  // A relint meets the same short paragraphs and headings again: their recognitions are kept per ruleset.
  let known = recognized.get(ruleset);
  if (!known) recognized.set(ruleset, (known = new Map()));
  const key = `${context}\0${written}`;
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  if (known.size >= MAX_RECOGNIZED) known.clear();
  const recognition = recognizeNew(ruleset, written, context);
  known.set(key, recognition);
  return recognition;
}

/** The recognitions of the strings met so far (never changed by their callers), a map per ruleset. */
const recognized = new WeakMap<MarkingRuleset, Map<string, Recognition | null>>();
/** Strings of at most MAX_KEY letters each: the map holds at most a few megabytes. */
const MAX_RECOGNIZED = 20_000;

function recognizeNew(ruleset: MarkingRuleset, written: string, context: MarkingContext): Recognition | null {
  const inner = context === 'portion' ? written.replace(/^\s*\(|\)\s*$/g, '') : written;
  const tokens = tokenize(inner);
  if (!tokens.key || tokens.key.length > MAX_KEY) return null;
  const kind = context === 'label' ? 'label' : 'classification';
  // The closest form of each level; among equally close forms, the one accepted in the context.
  const perLevel = new Map<MarkingLevel, {form: CompiledForm; d: number; score: number}>();
  // A bare short portion mark (`NS`, `O`) on a line of its own is more likely initials than a banner.
  const bareShort = context === 'banner' && tokens.longest < 3 && !/^\s*\(.*\)\s*$/.test(written);
  for (const form of ruleset.forms) {
    if (form.level.kind !== kind || (bareShort && form.role === 'portion')) continue;
    const d = distance(tokens, form.tokens);
    if (d === null) continue;
    const score = d * 10 + rolePenalty(form, context) + caseDifference(tokens.caseKey, form.tokens.caseKey) / 1000;
    const known = perLevel.get(form.level);
    if (!known || score < known.score) perLevel.set(form.level, {form, d, score});
  }
  const ranked = [...perLevel.values()].sort((a, b) => a.score - b.score);
  if (ranked.length === 0) return null;
  // Two levels equally far from a string that is neither: not certain which is meant.
  if (ranked.length > 1 && ranked[0].d > 0 && ranked[1].d === ranked[0].d) return null;
  const best = ranked[0].form;
  const level = best.level;
  const forms = acceptedForms(level, context);
  const normalized = normalizeWritten(written);
  const valid = forms.includes(normalized);
  let expected: string | undefined;
  if (valid) expected = normalized;
  else if (context === 'portion') expected = best.role === 'portion' ? `(${best.text})` : level.portions[0];
  else expected = best.role === 'banner' || best.role === 'long' || best.role === 'short' ? best.text : level.banner;
  return {level, form: best, valid, expected, lookAlike: hasHomoglyph(written)};
}

/** Per classification scheme, the tokens its portion marks are built from: what opens and what closes them. */
interface PortionShape {
  scheme: MarkingScheme;
  /** First tokens of its portion marks of two or more tokens (`STG`, `DEP`), and qualifiers that open the forms of two or more levels (`NATO`). */
  prefixes: Set<string>;
  /** Last tokens shared by the portion marks of two or more levels (`UE` of `(R-UE)`, `(S-UE)`). */
  suffixes: Set<string>;
}

const portionShapes = new WeakMap<MarkingRuleset, PortionShape[]>();

function shapesOf(ruleset: MarkingRuleset): PortionShape[] {
  let shapes = portionShapes.get(ruleset);
  if (!shapes) {
    shapes = [];
    for (const scheme of ruleset.schemes) {
      if (scheme.kind !== 'classification') continue;
      const prefixes = new Set<string>();
      const openers = new Map<string, Set<MarkingLevel>>();
      const closers = new Map<string, Set<MarkingLevel>>();
      const note = (m: Map<string, Set<MarkingLevel>>, token: string, level: MarkingLevel) => {
        if (!m.has(token)) m.set(token, new Set());
        m.get(token)!.add(level);
      };
      for (const form of ruleset.forms) {
        if (form.level.schemeId !== scheme.id || form.role === 'alias' || form.tokens.tokens.length < 2) continue;
        const t = form.tokens.tokens;
        if (form.role === 'portion') {
          prefixes.add(t[0]);
          note(closers, t[t.length - 1], form.level);
        } else {
          note(openers, t[0], form.level);
        }
      }
      for (const [token, levels] of openers) if (levels.size >= 2) prefixes.add(token);
      const suffixes = new Set([...closers].filter(([token, levels]) => levels.size >= 2 && !prefixes.has(token)).map(([token]) => token));
      if (prefixes.size || suffixes.size) shapes.push({scheme, prefixes, suffixes});
    }
    portionShapes.set(ruleset, shapes);
  }
  return shapes;
}

/**
 * The scheme a portion mark `( … )` of no known level is shaped after: it
 * opens with a scheme's portion prefix or qualifier (`(Stg.X)`, `(Dep.Q)`,
 * `(NATO GEHEIM)`) or closes with its shared suffix (`(X-UE)`), and the rest
 * is one to three words of capitals, or at most two letters (`(Stg.x)`). A
 * parenthesis of ordinary words (`(zie bijlage)`, `(NATO-partners)`), a
 * number or one word (`(AIVD)`) is not. Null when no scheme's shape fits.
 */
export function portionShapeOf(ruleset: MarkingRuleset, written: string): MarkingScheme | null {
  if (!/^\s*\(.*\)\s*$/.test(written)) return null;
  const tk = tokenize(written.replace(/^\s*\(|\)\s*$/g, ''));
  if (tk.tokens.length < 2 || tk.tokens.length > 4) return null;
  const restOk = (tokens: string[], letters: string) =>
    tokens.every((t) => /^[A-Z]+$/.test(t)) && (letters === letters.toUpperCase() || letters.length <= 2);
  const first = tk.tokens[0];
  const last = tk.tokens[tk.tokens.length - 1];
  for (const shape of shapesOf(ruleset)) {
    if (shape.prefixes.has(first) && restOk(tk.tokens.slice(1), tk.caseKey.slice(first.length))) return shape.scheme;
    if (shape.suffixes.has(last) && restOk(tk.tokens.slice(0, -1), tk.caseKey.slice(0, tk.caseKey.length - last.length))) return shape.scheme;
  }
  return null;
}

/** No marking's key (its letters and digits, folded) is longer. */
const MAX_KEY = 60;

/** No string of more characters is a marking, whatever it holds (no form needs three separators a letter). */
const MAX_LENGTH = 4 * MAX_KEY;

/**
 * Whether `text` is longer than any marking: more than MAX_LENGTH characters,
 * or more letters and digits than MAX_KEY. Folding never makes fewer of them
 * (a look-alike or an accented letter is one letter, `ß` two), so its key
 * would be longer too; this is found without folding.
 */
export function tooLongForMarking(text: string): boolean {
  if (text.length <= MAX_KEY) return false;
  if (text.length > MAX_LENGTH) return true;
  let count = 0;
  for (let i = 0; i < text.length; i++) if (isWordCode(text.charCodeAt(i)) && ++count > MAX_KEY) return true;
  return false;
}

/** Letters in another case, between two keys of the same letters (at most 999); 999 when the letters differ. */
function caseDifference(a: string, b: string): number {
  if (a.length !== b.length) return 999;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return Math.min(n, 999);
}

/** Among equally close forms, prefer one accepted in the context. */
function rolePenalty(form: CompiledForm, context: MarkingContext): number {
  if (context === 'portion') return form.role === 'portion' ? 0 : form.role === 'alias' ? 2 : 1;
  return form.role === 'portion' ? 1 : form.role === 'alias' ? 2 : 0;
}

/** A sharing label found in running text. */
export interface LabelHit {
  start: number;
  end: number;
  text: string;
  /** Null for a label-like string of no known level (`TLP:PURPLE`). */
  recognition: Recognition | null;
}

const isLabelSeparator = (code: number) => isBlankCode(code) || code === 58 /* : */ || code === 45 /* - */ || code === 95 /* _ */ || code === 61; /* = */
const isJoiner = (code: number) => isBlankCode(code) || code === 43; /* + */

const anchorPatterns = new WeakMap<MarkingRuleset, RegExp | null>();

/** Characters that fold to `letter` in either case: itself, its other case, accented forms, look-alikes. */
function letterClass(letter: string): string {
  const chars = new Set([letter.toUpperCase(), letter.toLowerCase()]);
  for (let code = 0xc0; code < 0x530; code++) {
    const ch = String.fromCharCode(code);
    if (foldChar(ch).toUpperCase() === letter.toUpperCase()) chars.add(ch);
  }
  return `[${[...chars].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`;
}

/** One regular expression for the anchor words of all label schemes (`TLP`, `tlp`, `ТLP` with a Cyrillic Т). */
function anchorPattern(ruleset: MarkingRuleset): RegExp | null {
  let re = anchorPatterns.get(ruleset);
  if (re === undefined) {
    const alternatives = ruleset.anchors.map((a) => [...a].map((ch) => (/[A-Z]/.test(ch) ? letterClass(ch) : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join(''));
    re = alternatives.length ? new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
    anchorPatterns.set(ruleset, re);
  }
  return re;
}

/**
 * Finds sharing labels (`TLP:AMBER`, `TLP: amber`, `tlp:groen`) inside the
 * given ranges of text (sorted, not overlapping): an anchor word of a label
 * scheme followed by up to two words. Appends to `out`.
 */
export function findLabels(ruleset: MarkingRuleset, text: string, ranges: readonly {start: number; end: number}[], out: LabelHit[]): void {
  const re = anchorPattern(ruleset);
  if (!re || ranges.length === 0) return;
  const maxWords = Math.max(1, ...ruleset.forms.filter((f) => f.level.kind === 'label').map((f) => f.tokens.tokens.length - 1));
  let r = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    if (i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
    while (r < ranges.length && ranges[r].end <= i) r++;
    if (r >= ranges.length) break;
    if (ranges[r].start > i) continue;
    const end = ranges[r].end;
    const w = i + m[0].length;
    // Separator after the anchor: at most three of `: -_=` and blanks.
    let p = w;
    while (p < end && p - w < 3 && isLabelSeparator(text.charCodeAt(p))) p++;
    const colon = text.slice(w, p).includes(':');
    const wordEnds: number[] = [];
    let q = p;
    if (p > w) {
      while (q < end && wordEnds.length < maxWords && /\p{L}/u.test(text[q])) {
        while (q < end && isWordCode(text.charCodeAt(q))) q++;
        wordEnds.push(q);
        let s = q;
        while (s < end && s - q < 3 && isJoiner(text.charCodeAt(s))) s++;
        if (s === q || s >= end || !/\p{L}/u.test(text[s])) break;
        q = s;
      }
    }
    let hit: LabelHit | null = null;
    for (let k = wordEnds.length - 1; k >= 0 && !hit; k--) {
      const candidate = text.slice(i, wordEnds[k]);
      const recognition = recognize(ruleset, candidate, 'label');
      if (recognition) hit = {start: i, end: wordEnds[k], text: candidate, recognition};
    }
    if (!hit && colon && wordEnds.length > 0) {
      hit = {start: i, end: wordEnds[0], text: text.slice(i, wordEnds[0]), recognition: null};
    }
    if (hit) {
      out.push(hit);
      re.lastIndex = hit.end;
    }
  }
}

/** A written-out classification marking found in running text (`Staatsgeheim Geheim`, `Stg. geheim`). */
export interface WrittenOutHit {
  start: number;
  end: number;
  text: string;
  recognition: Recognition;
}

interface Qualified {
  /** The forms of classification levels that open with a qualifier word not in capitals (`Stg.`, `Staatsgeheim`, `Dep.`), by token key. */
  byKey: Map<string, CompiledForm>;
  /** The qualifier words, as the forms write them (letters only). */
  anchors: Map<string, string>;
  /** The most words that follow a qualifier in any of these forms. */
  maxWords: number;
  re: RegExp | null;
}

const qualifiedForms = new WeakMap<MarkingRuleset, Qualified>();

/**
 * The forms a writer can write out in a sentence with the level word in the
 * wrong case: every classification form (banner, long, short, alias) of two
 * or more words whose first word is not in capitals, of any scheme.
 */
function qualified(ruleset: MarkingRuleset): Qualified {
  let q = qualifiedForms.get(ruleset);
  if (!q) {
    q = {byKey: new Map(), anchors: new Map(), maxWords: 0, re: null};
    // The first words of the valid forms of each level, and of all levels: an alias that puts a qualifier of the
    // scheme before a level that never takes it (`NATO TOP SECRET`: NATO SECRET is a form, the level is COSMIC TOP
    // SECRET) is a wrong name, not a short one.
    const firstWord = (text: string) => /^\p{L}+/u.exec(text.trim())?.[0];
    const validFirsts = new Set<string | undefined>();
    const ownFirsts = new Map<MarkingLevel, Set<string | undefined>>();
    for (const f of ruleset.forms) {
      if (f.role === 'alias' || f.role === 'portion') continue;
      validFirsts.add(firstWord(f.text));
      if (!ownFirsts.has(f.level)) ownFirsts.set(f.level, new Set());
      ownFirsts.get(f.level)!.add(firstWord(f.text));
    }
    const wrongQualifier = (form: CompiledForm, first: string) => validFirsts.has(first) && !ownFirsts.get(form.level)?.has(first);
    for (const form of ruleset.forms) {
      if (form.level.kind !== 'classification' || form.role === 'portion' || form.tokens.tokens.length < 2) continue;
      const first = firstWord(form.text);
      // A qualifier word (`Stg.`, `Departementaal`), or the first word in capitals of a scheme's own form of three
      // words or more (`CONFIDENTIEL UE/EU CONFIDENTIAL`, `COSMIC TOP SECRET`), which counts only written in capitals
      // (anchorCaseOk): two words in capitals (`ZEER GEHEIM`, `SECRET UE`) are also another country's level or a
      // word in a title, and an alias in capitals (`TRÈS SECRET UE`, `EU TOP SECRET`) is how a sentence names one.
      if (!first || tokenize(first).key !== form.tokens.tokens[0]) continue;
      if (first === first.toUpperCase() && (form.tokens.tokens.length < 3 || (form.role === 'alias' && !wrongQualifier(form, first)))) continue;
      if (!q.byKey.has(form.tokens.key)) q.byKey.set(form.tokens.key, form);
      q.anchors.set(first.toUpperCase(), first);
      q.maxWords = Math.max(q.maxWords, form.tokens.tokens.length - 1);
    }
    const words = [...q.anchors.values()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // The word start is checked where it matches (findWrittenOut): a lookbehind here made the scan of a long text ten times slower.
    q.re = words.length ? new RegExp(`(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
    qualifiedForms.set(ruleset, q);
  }
  return q;
}

/** A qualifier as written: as the form writes it or in capitals; an abbreviation (`stg.`) in any case. */
function anchorCaseOk(written: string, canonical: string): boolean {
  if (canonical === canonical.toUpperCase()) return written === canonical;
  return written === canonical || written === canonical.toUpperCase() || canonical.length <= 4;
}

/**
 * Finds written-out markings in the given ranges of running text (sorted,
 * not overlapping): a qualifier word of a classification form followed by
 * words that make exactly that form's tokens, in any case and punctuation
 * (`Staatsgeheim Geheim`, `Stg Zeer Geheim`, `Departementaal Vertrouwelijk`).
 * Appends to `out`; valid forms too, so that callers can tell them apart.
 */
export function findWrittenOut(ruleset: MarkingRuleset, text: string, ranges: readonly {start: number; end: number}[], out: WrittenOutHit[]): void {
  const q = qualified(ruleset);
  if (!q.re || ranges.length === 0) {
    findUnaccented(ruleset, text, ranges, out);
    return;
  }
  const re = q.re;
  let r = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    if (i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
    while (r < ranges.length && ranges[r].end <= i) r++;
    if (r >= ranges.length) break;
    if (ranges[r].start > i) continue;
    // The second language of an EU form (`… UE/EU TOP SECRET`) is part of the form before the slash.
    if (/\/[ \t]*$/.test(text.slice(Math.max(0, i - 3), i))) continue;
    const canonical = q.anchors.get(m[0].toUpperCase());
    if (!canonical || !anchorCaseOk(m[0], canonical)) continue;
    const end = ranges[r].end;
    // The words after the qualifier (and its dot), within the line or across one line break.
    let p = i + m[0].length;
    const wordEnds: number[] = [];
    for (let k = 0; k < q.maxWords; k++) {
      let s = p;
      if (text[s] === '.' && k === 0) s++;
      const gap = s;
      while (s < end && (text[s] === ' ' || text[s] === '\t' || text[s] === '\u00a0')) s++;
      if (text[s] === '\r') s++;
      if (text[s] === '\n') s++;
      while (s < end && (text[s] === ' ' || text[s] === '\t' || text[s] === '\u00a0')) s++;
      // The slash between an EU form's two languages (`SECRET UE/EU SECRET`), with or without spaces.
      if (text[s] === '/') {
        s++;
        while (s < end && (text[s] === ' ' || text[s] === '\t' || text[s] === '\u00a0')) s++;
      }
      if (k > 0 && s === gap) break;
      if (s >= end || !/\p{L}/u.test(text[s])) break;
      let e = s;
      while (e < end && isWordCode(text.charCodeAt(e))) e++;
      wordEnds.push(e);
      p = e;
    }
    for (let k = wordEnds.length - 1; k >= 0; k--) {
      let wEnd = wordEnds[k];
      const form = q.byKey.get(tokenize(text.slice(i, wEnd)).key);
      if (!form) continue;
      // An abbreviation's closing dot (`Stg. Conf.`) belongs to the marking, unless it also ends the sentence.
      if (form.text.endsWith('.') && text[wEnd] === '.' && /^(?:[ \t\u00a0]+\p{Ll}|[,;:)])/u.test(text.slice(wEnd + 1, wEnd + 3))) wEnd++;
      const written = text.slice(i, wEnd);
      const normalized = normalizeWritten(written.replace(/\s+/g, ' '));
      const forms = acceptedForms(form.level, 'banner');
      const valid = forms.includes(normalized);
      const expected = valid ? normalized : form.role === 'alias' ? form.level.banner : form.text;
      out.push({start: i, end: wEnd, text: written, recognition: {level: form.level, form, valid, expected, lookAlike: hasHomoglyph(written)}});
      re.lastIndex = wEnd;
      break;
    }
  }
  findUnaccented(ruleset, text, ranges, out);
}

interface Unaccented {
  /** The forms with diacritics, longest first: alternative `i` of `re` (its group `i + 1`) is `forms[i]`. */
  forms: CompiledForm[];
  re: RegExp | null;
}

const unaccentedForms = new WeakMap<MarkingRuleset, Unaccented>();

/** A letter with diacritics (`È`), not a look-alike from another script. */
const ACCENTED = /^\p{L}$/u;

/**
 * One regular expression for the classification forms with diacritics (`TRÈS SECRET UE/EU TOP SECRET`), with each
 * such letter also bare (`[EÈ]`), in the form's case, with any run of blanks for a space and blanks around a slash.
 */
function unaccented(ruleset: MarkingRuleset): Unaccented {
  let u = unaccentedForms.get(ruleset);
  if (!u) {
    const forms = ruleset.forms
      .filter((f) => f.level.kind === 'classification' && f.role !== 'portion' && [...f.text].some((ch) => bareLetter(ch) !== ch))
      .sort((a, b) => b.text.length - a.text.length);
    const alternatives = forms.map((f) => [...f.text.normalize('NFC')].map((ch) => {
      const bare = bareLetter(ch);
      if (bare !== ch) return `[${bare}${ch}]`;
      if (/\s/.test(ch)) return '[ \\t\\u00a0]+';
      if (ch === '/') return '[ \\t\\u00a0]*/[ \\t\\u00a0]*';
      return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }).join(''));
    u = {forms, re: alternatives.length ? new RegExp(`(?:${alternatives.map((a) => `(${a})`).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null};
    unaccentedForms.set(ruleset, u);
  }
  return u;
}

/** A Latin letter without its diacritics (`È` -> `E`); any other character as it is. */
function bareLetter(ch: string): string {
  if (ch.charCodeAt(0) < 0x80 || !ACCENTED.test(ch)) return ch;
  const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return bare.length === 1 && bare.charCodeAt(0) < 0x80 ? bare : ch;
}

/**
 * Finds classification markings in running text written without a diacritic of their form (`TRES SECRET UE/EU TOP
 * SECRET` for `TRÈS SECRET UE/EU TOP SECRET`), in the form's capitals: the marking, misspelt, with the form as fix.
 * A marking written right in running text is left alone, as it is in findWrittenOut's caller; so are other cases.
 * Appends to `out` after the hits there, where no hit overlaps.
 */
function findUnaccented(ruleset: MarkingRuleset, text: string, ranges: readonly {start: number; end: number}[], out: WrittenOutHit[]): void {
  const u = unaccented(ruleset);
  if (!u.re || ranges.length === 0) return;
  const re = u.re;
  const before = out.length;
  let r = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const wEnd = i + m[0].length;
    if (i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
    while (r < ranges.length && ranges[r].end <= i) r++;
    if (r >= ranges.length) break;
    if (ranges[r].start > i || wEnd > ranges[r].end) continue;
    const form = u.forms[m.slice(1).findIndex((g) => g !== undefined)];
    // Every diacritic written: the marking is spelt right.
    const letters = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
    if (!form || letters(m[0]) === letters(form.text)) continue;
    if (out.some((h) => h.start < wEnd && i < h.end)) continue;
    out.push({start: i, end: wEnd, text: m[0], recognition: {level: form.level, form, valid: false, expected: form.text, lookAlike: false}});
  }
  if (out.length > before) out.sort((a, b) => a.start - b.start);
}
