/** Shared facts about acronym use for the term/acronym-* rules. */

import type {GlossaryEntry} from '../glossary.js';
import {formKey, type TermMatch} from '../matcher.js';
import type {EngineData} from '../engineData.js';
import {replacementsSince, supersededFrom} from '../document/profile.js';
import {isLower} from '../text.js';

/** An entry whose short form must be written out on first use: one that is not yet superseded at `day` (an ISO date). */
export function needsIntroduction(entry: GlossaryEntry, data: EngineData, day: string): boolean {
  return entry.expansions.length > 0 && !data.wellKnown.has(entry.term) &&
    (!entry.deprecated || day < supersededFrom(entry.deprecated.since));
}

/** The match uses the short form (not the written-out one). */
export function usesShortForm(m: TermMatch): boolean {
  return m.form.entry.expansions.length > 0 && !m.form.writtenOut;
}

/** Before a short form in parentheses: `(`, `(de `, `(hierna: de `, `(hierna te noemen: `, `(verder: `. */
const OPEN_BEFORE = /\(\s*(?:(?:hierna|verder|voortaan)(?:\s+(?:te\s+noemen|ook|genoemd))?\s*:?\s*(?:de|het)?\s+|(?:de|het)\s+)?[^\p{L}\p{N}\s()]*$/iu;
/** After it: `)`, or a second name for it first (`(CTIVD of Commissie)`). */
const CLOSE_AFTER = /^[^\p{L}\p{N}\s()]*\s*(?:(?:of|ofwel|oftewel|,)\s+[^()\n]{1,60}?)?\)/u;

/** The short form stands in parentheses: `… (TIB)`, `… (hierna: de CTIVD)`, `… (CTIVD of Commissie)`. */
export function inParentheses(text: string, m: TermMatch): boolean {
  return OPEN_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) && CLOSE_AFTER.test(text.slice(m.tailEnd, m.tailEnd + 70));
}

/** What may stand between a written-out name and the short form a document gives it: `(`, `(hierna: `. */
const SHORT_FORM_OPENING = /^\s*\(\s*(?:hierna(?:\s+te\s+noemen)?\s*:?\s*)?$/i;

/** `short` is the short form the text gives the name `written` right before it: `Geïntegreerde Aanwijzing … (GA)`, `… (hierna: WVO)`. */
export function shortFormAfter(text: string, written: TermMatch, short: TermMatch): boolean {
  return inParentheses(text, short) && SHORT_FORM_OPENING.test(text.slice(written.tailEnd, short.start));
}

/** The match writes out `entry`: its own expansion, or another entry's term spelled as that expansion. */
export function writesOut(m: TermMatch, entry: GlossaryEntry): boolean {
  return (m.form.entry === entry && m.form.writtenOut) || (m.alsoWritesOut?.includes(entry) ?? false);
}

/**
 * Where the words of a phrase begin an attempt at `entry`'s expansion: at the first word that is the
 * expansion's first word, or else at the last words whose capitals spell the acronym; -1 when none does.
 */
export function expansionAttempt(entry: GlossaryEntry, words: readonly string[]): number {
  const firstKeys = new Set(entry.expansions.map((e) => formKey(e.split(/\s+/)[0], false)));
  // A word in lower case where the name begins with a capital describes, as a common noun does (`de MIVD (militaire
  // sector)`, `de Wiv 2017, de wet die …,`), unless more of the name's words follow (`de wet op de inlichtingen- en
  // veiligheidsdiensten van 2002 (WIV 2002)`); legislation's lower-case names equal the expansion and are no attempt.
  const capitalised = entry.expansions.every((e) => !isLower(e[0]));
  const nameWords = new Set(entry.expansions.flatMap((e) => e.split(/\s+/)).filter((w) => w.length >= 4).map((w) => formKey(w, false)));
  const followsName = (at: number) => words.slice(at + 1).filter((w) => w.length >= 4 && nameWords.has(formKey(w, false))).length >= 2;
  const from = words.findIndex((w, at) => firstKeys.has(formKey(w, false)) && !(capitalised && isLower(w[0]) && !followsName(at)));
  if (from !== -1) return from;
  const letters = formKey(entry.term, true).replace(/[^A-Z]/g, '');
  const tail = words.slice(-letters.length);
  return tail.length === letters.length && tail.map((w) => w[0]).join('') === letters ? words.length - letters.length : -1;
}

/** The written-out form in parentheses right after a short form: `ABRO (Algemene Beveiligingseisen …)`. */
const AFTER_PARENTHESES = /^[ \t]*\(([^()\n]{3,160})\)/;

/**
 * The words in parentheses after the short form, when they attempt its expansion (`ABRO (Algemene
 * Beveiligingseisen Rijksoverheid Opdrachten)`): an introduction, whose wording term/acronym-expansion checks.
 */
export function expansionAfter(text: string, m: TermMatch): {start: number; end: number; phrase: string} | undefined {
  const p = AFTER_PARENTHESES.exec(text.slice(m.tailEnd, m.tailEnd + 170));
  if (!p) return undefined;
  // Up to a comma or semicolon: what follows it is said about the name (`(Toetsingscommissie Inzet Bevoegdheden, sinds 2018)`).
  const phrase = p[1].split(/[,;]/)[0].trim();
  if (!phrase) return undefined;
  const words = phrase.split(/\s+/);
  if (expansionAttempt(m.form.entry, words) !== 0) return undefined;
  const start = m.tailEnd + p[0].indexOf(phrase);
  return {start, end: start + phrase.length, phrase};
}

/** White space within a paragraph: any but a line break that begins a blank line. */
const SPACE = String.raw`(?:[^\S\n]|\n(?![ \t\r]*\n))`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, `${SPACE}+`);

/** Per glossary entry whose term ends in a year or a word: the pattern of its introductions with that after the parentheses. */
const TAIL_AFTER = new WeakMap<GlossaryEntry, RegExp | null>();

function tailAfterPattern(entry: GlossaryEntry): RegExp | null {
  let re = TAIL_AFTER.get(entry);
  if (re !== undefined) return re;
  // `Wiv 2017`: the year after `Wiv`; `OOG-interceptie`: the word after `OOG`, as its expansion ends.
  const t = /^(.*\S)(?:\s+|-)((?:1[89]|20)\d\d|\p{L}{3,})$/u.exec(entry.term);
  const tail = t?.[2].toLowerCase();
  const bases = t ? entry.expansions.filter((e) => e.toLowerCase().endsWith(` ${tail}`)).map((e) => escape(e.slice(0, -tail!.length).trim())) : [];
  const after = t && /^\d/.test(t[2]) ? '(?!\\d)' : '(?![\\p{L}\\p{N}])';
  re = t && bases.length ? new RegExp(String.raw`(?:${bases.join('|')})${SPACE}*\(${SPACE}*${escape(t[1])}${SPACE}*\)${SPACE}*${escape(t[2])}${after}`, 'giu') : null;
  TAIL_AFTER.set(entry, re);
  return re;
}

/**
 * Where a name is introduced with its last word after the parentheses: `Wet op de inlichtingen- en
 * veiligheidsdiensten (Wiv) 2017` introduces `Wiv 2017`, `onderzoeksopdrachtgerichte (OOG) interceptie`
 * introduces `OOG-interceptie`. The offsets of each such introduction in `text`; one never spans a blank line,
 * so a chunk's are found in the chunk alone.
 */
export function tailAfterIntroductions(text: string, entry: GlossaryEntry): number[] {
  const re = tailAfterPattern(entry);
  return re ? [...text.matchAll(re)].map((x) => x.index!) : [];
}

/** The entries whose introductions tailAfterIntroductions can find (terms ending in a year, with such an expansion). */
export function tailAfterEntries(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  return entries.filter((e) => tailAfterPattern(e) !== null);
}

/** The nouns that describe what an acronym names (`de Iraanse inlichtingendienst MOIS`, `de toezichthouder CTIVD`). */
const DESCRIBING_NOUNS = 'dienst|diensten|organisatie|beweging|groepering|groep|partij|agentschap|ministerie|eenheid|netwerk|instituut|bureau|directie|directoraat|toezichthouder|toezichthouders|commissie|inspectie|autoriteit';
/** A noun right before the acronym that describes what it names: `de toezichthouder CTIVD`. */
export const DESCRIBED = new RegExp(String.raw`(?:${DESCRIBING_NOUNS})\s+$`, 'iu');

/** Words that refer back instead of describing (`de andere toezichthouder, de CTIVD,`: which one, the reader is not told). */
const REFERRING_BACK = String.raw`(?:andere|ander|overige|genoemde|voornoemde|eerdergenoemde|tweede|laatste|laatstgenoemde|zelfde|dezelfde|hetzelfde|beide)\s`;

/** Where an apposition ends: its closing comma, or the end of the sentence (or of the text). */
const APPOSITION_END = /^[ \t]*(?:,|[.;!?:](?:\s|$)|\r?\n|$)/;
/** Where an apposition between dashes ends: its closing dash, with a space before it (not `inlichtingen- en`), or the sentence's end. */
const DASHED_APPOSITION_END = /^(?:[ \t]+[-–—](?:\s|$)|[ \t]*(?:[.;!?:](?:\s|$)|\r?\n|$))/;
/**
 * A description set off by commas before the acronym, as an apposition: `de toezichthouder op beide diensten,
 * de CTIVD,`, or by dashes (`… - de CTIVD -`; group 1 holds the comma or the dash). One noun phrase (an article, at
 * most two words that do not refer back, the noun in the singular, at most a short phrase with a preposition after
 * it); a plural (`de diensten, de CTIVD en de TIB`) begins a list, not a description, and `de andere
 * toezichthouder, de CTIVD,` says nothing of what the CTIVD is.
 */
const DESCRIBED_APPOSITION = new RegExp(
  String.raw`(?:^|[\s(])(?:de|het|een|deze|die|onze|hun|zijn|haar)\s+(?:(?!${REFERRING_BACK})[\p{L}-]+\s+){0,2}\p{L}*(?:${DESCRIBING_NOUNS.split('|').filter((n) => !/s$/.test(n)).join('|')})` +
  String.raw`(?:\s+(?:op|van|voor|bij|in|binnen|over|der)\s+[^,.;:!?()\n]{1,60}?)?(\s*,|\s+[-–—])\s+(?:de|het)\s+$`,
  'iu',
);

/** The short form after its description set off by commas or dashes: `de toezichthouder op beide diensten, de CTIVD, wil …`. */
export function describedApposition(text: string, m: TermMatch): boolean {
  const before = DESCRIBED_APPOSITION.exec(text.slice(Math.max(0, m.start - 120), m.start));
  if (!before) return false;
  const dashed = !before[1].includes(',');
  return (dashed ? DASHED_APPOSITION_END : APPOSITION_END).test(text.slice(m.tailEnd, m.tailEnd + 4)) &&
    !/^[ \t]*,[ \t]*(?:de|het)[ \t]+[^,.;:!?()\n]{1,40}?[ \t]+(?:en|of)[ \t]/i.test(text.slice(m.tailEnd, m.tailEnd + 60));
}

/** Between the short form and its expansion as an apposition: `de TIB, de Toetsingscommissie …,`, or between dashes (`de TIB - de … -`). */
const APPOSITION_AFTER = /^,[ \t]+((?:de|het)[ \t]+)?([^,;:.!?()\n]{3,160}?)(?=[ \t]*(?:,|[.;!?:](?:\s|$)|\r?\n|$))/i;
const DASHED_APPOSITION_AFTER = /^[ \t]+[-–—][ \t]+((?:de|het)[ \t]+)?([^,;:.!?()\n]{3,160}?)(?=[ \t]+[-–—](?:\s|$)|[ \t]*(?:[.;!?:](?:\s|$)|\r?\n|$))/i;

/**
 * The expansion after the short form as an apposition, set off by a comma and closed by one or the end of the
 * sentence (`de TIB, de Toetsingscommissie Inzet Bevoegdheden, toetst …`), or set off by dashes, when its words
 * attempt the expansion: an introduction, whose wording term/acronym-expansion checks, as for `ABRO (Algemene …)`.
 */
export function expansionApposition(text: string, m: TermMatch): {start: number; end: number; phrase: string} | undefined {
  const after = text.slice(m.tailEnd, m.tailEnd + 180);
  const p = APPOSITION_AFTER.exec(after) ?? DASHED_APPOSITION_AFTER.exec(after);
  if (!p) return undefined;
  const phrase = p[2].trim();
  // A name of several words (one word after a comma is another item: `WIV 2017, WIV2017, Wiv2017`).
  const words = phrase.split(/\s+/);
  if (words.length < 2 || expansionAttempt(m.form.entry, words) !== 0) return undefined;
  const start = m.tailEnd + p[0].length - p[2].length + (p[2].length - p[2].trimStart().length);
  return {start, end: start + phrase.length, phrase};
}

/** The form leaves out the year the term's name ends in (`WIV` for `Wiv 2017`; not `Wiv 2107`, a year mistyped): it may name a law of another year. */
export function yearless(m: TermMatch): boolean {
  const year = /\s((?:1[89]|20)\d\d)$/.exec(m.form.entry.term)?.[1];
  return year !== undefined && !m.surface.includes(year) && !/\d{4}/.test(m.surface);
}

/**
 * A form without the year of its term (`WIV` for `Wiv 2017`) in a text of before the day the term came into use:
 * it names the law of its time (the Wiv 2002), not this one, and is judged as neither.
 */
export function yearlessBeforeItsTime(data: EngineData, m: TermMatch, day: string): boolean {
  if (!yearless(m)) return false;
  const from = replacementsSince(data).get(m.form.entry.term);
  return from !== undefined && day < from;
}

/** A term's name without the year it ends in, in its own case (`Wiv 2017` -> `Wiv`). */
export const withoutYear = (term: string) => term.replace(/\s+(?:1[89]|20)\d\d$/, '');

/** A term's name without its year in lower case (`Wiv 2017` -> `wiv`), to compare the laws of one name. */
const baseName = (term: string) => withoutYear(term).toLowerCase();

/**
 * A form without its term's year introduced as the short form of the same name of another year (`Wet op de
 * inlichtingen- en veiligheidsdiensten 2002 (WIV)`): it names that law, in this text.
 */
export function yearlessOfOtherYear(text: string, m: TermMatch, prev: TermMatch | undefined): boolean {
  if (!yearless(m) || !prev) return false;
  const own = baseName(m.form.entry.term);
  const other = [prev.form.entry, ...(prev.alsoWritesOut ?? [])].find((e) => e !== m.form.entry && baseName(e.term) === own && e.term !== own);
  return !!other && writesOut(prev, other) && shortFormAfter(text, prev, m);
}
