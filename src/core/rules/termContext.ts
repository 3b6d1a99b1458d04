/**
 * What the term rules need to know about where a term stands: the sentence
 * around it, whether that sentence speaks of the past or explains an old
 * name, whether it is English, whether the line is a title in capitals, and
 * whether a superseded term was still in force at the document's date.
 */

import type {GlossaryEntry} from '../glossary.js';
import type {TermMatch} from '../matcher.js';
import {formKey} from '../matcher.js';
import {DEPRECATED, summariesOf} from '../matchSummary.js';
import {documentProfileOf, supersededFrom} from '../document/profile.js';
import {firstTextLines} from '../document/lines.js';
import {kamerstukOf} from '../document/kamerstuk.js';
import type {DocumentContext} from '../rule.js';
import {PARAGRAPH_BREAK, type LineIndex} from '../text.js';

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations whose full stop does not end a sentence (`art. 39`, `nr. 12`, `Stb. 2002`). */
const ABBREVIATION = /(?:^|[^\p{L}])(?:art|artt|nr|nrs|stb|stcrt|blz|p|pag|jo|o\.a|m\.b\.t|i\.v\.m|z\.g|zgn|vgl|bijv|resp|ca|dr|drs|mr|prof|ir|ing|mw|dhr|mevr|st|kst|[\p{L}])$/iu;

/** The sentence around [start, end): from after the previous full stop, question or exclamation mark, or blank line. */
export function sentenceAround(text: string, start: number, end: number, semicolonEnds = true): Span {
  const LIMIT = 400;
  const ends = semicolonEnds ? '.!?;' : '.!?';
  let s = start;
  while (s > 0 && start - s < LIMIT) {
    const c = text[s - 1];
    if (c === '\n' && blankLineBefore(text, s - 1)) break;
    if (ends.includes(c) && /\s/.test(text[s] ?? ' ')) {
      if (c !== '.' || !ABBREVIATION.test(text.slice(Math.max(0, s - 8), s - 1))) break;
    }
    s--;
  }
  let e = end;
  while (e < text.length && e - end < LIMIT) {
    const c = text[e];
    if (c === '\n' && blankLineAfter(text, e)) break;
    if (ends.includes(c) && /\s/.test(text[e + 1] ?? ' ')) {
      if (c !== '.' || !ABBREVIATION.test(text.slice(Math.max(0, e - 7), e))) {
        e++;
        break;
      }
    }
    e++;
  }
  return {start: s, end: e};
}

/** What a blank line may hold, as the chunks have it (chunks.ts). */
const BLANK_CHARS = ' \t\r\ufeff';

/** Whether the line break at `nl` ends a line of nothing but white space (a blank line, where a chunk may begin). */
function blankLineBefore(text: string, nl: number): boolean {
  let k = nl - 1;
  while (k >= 0 && BLANK_CHARS.includes(text[k])) k--;
  return k >= 0 && text[k] === '\n';
}

/** Whether the line after the line break at `nl` holds nothing but white space. */
function blankLineAfter(text: string, nl: number): boolean {
  let k = nl + 1;
  while (k < text.length && BLANK_CHARS.includes(text[k])) k++;
  return k < text.length && text[k] === '\n';
}

const NOT_READ = Symbol('not read yet');

/** One field a fact, so that every match's facts have the same shape (a lookup by a fixed name, not by a string). */
class KeptFacts {
  language: unknown = NOT_READ;
  englishTitle: unknown = NOT_READ;
  inTitle: unknown = NOT_READ;
  titleLine: unknown = NOT_READ;
  misspeltShortForm: unknown = NOT_READ;
  expected: unknown = NOT_READ;
  capitals: unknown = NOT_READ;
  translation: unknown = NOT_READ;
  unitName: unknown = NOT_READ;
}

/**
 * What a rule reads of a match from the text of its own chunk alone (its sentence, its line, the words
 * around it), kept on the match: a relint hands the same match object only for the same chunk text, where
 * these are the same. A copy of the match (a paragraph that repeats) starts without (chunkResults.ts cloneResult).
 */
export function keptOn<T>(m: TermMatch, key: keyof KeptFacts, compute: () => T): T {
  const kept = (m.kept ??= new KeptFacts()) as KeptFacts;
  const value = kept[key];
  if (value !== NOT_READ) return value as T;
  return (kept[key] = compute()) as T;
}


/**
 * The day at which the document's terms are judged (see document/profile.ts).
 * A date known only as a year (`Jaarverslag 2017`, the latest year an undated
 * text names) is judged at that year's start: a name that changed during the
 * year was still right in it.
 */
export function documentDay(ctx: DocumentContext): string {
  const {date} = documentProfileOf(ctx);
  return date.precision === 'year' ? `${date.iso.slice(0, 4)}-01-01` : date.iso;
}

/** Whether the document states no date at all (it is judged today, but may be older). */
export function undated(ctx: DocumentContext): boolean {
  return documentProfileOf(ctx).date.from === 'today';
}

/** The entry is superseded at `day`: it is deprecated and its replacement had taken over by then. */
export function supersededAt(entry: GlossaryEntry, day: string): boolean {
  return !!entry.deprecated && day >= supersededFrom(entry.deprecated.since);
}

/** Words that place a sentence in the past or mark a name as a former one. */
const FORMER = /(?:^|[^\p{L}])(?:toen|toenmalig|toenmalige|voormalig|voormalige|vroeger|vroegere|destijds|indertijd|voorheen|voorganger|voorgangers|voorloper|opvolger|heette|heetten|vervangt|verving|verdwijnt|verdwijnen|verdween|verdwenen)(?![\p{L}])/iu;
/**
 * What was done to a name or a body (`De MID werd opgeheven`, `is vervangen door`): words of its history in a passive
 * sentence only. With `heeft`/`hebben` and no passive's verb the body did it (`De MID heeft het besluit ingetrokken`).
 */
const DONE_TO = /(?:^|[^\p{L}])(?:opgeheven|opgevolgd|omgedoopt|hernoemd|vervangen|ingetrokken|afgeschaft)(?![\p{L}])/iu;
const ACTIVE_PERFECT = /(?:^|[^\p{L}])(?:heeft|hebben|had|hadden)(?![\p{L}])/iu;
const PASSIVE = /(?:^|[^\p{L}])(?:werd|werden|wordt|worden|is|zijn|was|waren)(?![\p{L}])/iu;
/** Words that put the sentence in history (`een historisch onderzoek naar de BVD`, `het archief van de BVD`). */
const HISTORY = /(?:^|[^\p{L}])(?:historisch|historische|historici|historicus|geschiedenis|geschiedschrijving|archief|archieven)(?![\p{L}])/iu;
const PAST_TENSE = /(?:^|[^\p{L}])(?:was|waren|werd|werden|had|hadden|kon|konden|mocht|mochten|moest|moesten|gold|golden|bestond|bestonden|ging|gingen|kende|kenden|bood|boden|stond|stonden|trad|traden)(?![\p{L}])/iu;
/** Directly before the term: a former name (`de toenmalige BVD`, `oud-BVD'ers`, `ex-NCTb`). */
const FORMER_BEFORE = /(?:(?:toenmalig|voormalig|vroeger|oud)e?\s+(?:\p{L}+\s+){0,2}|\b(?:oud|ex)[-\u2010\u2011])$/iu;
/** Directly before the term: a citation of a provision (`art. 39`, `artikel 13, eerste lid, van de`). */
const CITATION_BEFORE = /(?:\b(?:art(?:ikel|t)?\.?|artikelen)\s*\d+[a-z]*(?:\s*(?:,|en|jo\.?|juncto|tot en met|t\/m)?\s*(?:\d+[a-z]*|(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende)\s+lid|lid\s+\d+|onder(?:deel)?\s+\w+|sub\s+\w+|aanhef))*\s*,?\s*(?:van\s+(?:de|het)\s+)?)$/iu;
/** Directly before the term: an act on the old law itself (`Wijziging van de Wiv 2002`, `de evaluatie van de Wiv 2002`). */
const ACT_ON_BEFORE = /\b(?:wijziging|wijzigingen|evaluatie|herziening|intrekking|invoering)\s+van\s+(?:de|het)\s+$/iu;
const UNDER = /\bonder\s+(?:de|het)\s+(?:\p{L}+\s+){0,2}$/iu;
const YEAR = /(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d])/g;
const UP_TO = /(?:^|[^\p{L}])(?:tot(?:\s+en\s+met)?|t\/m|v[oó]{2}r)\s+$/iu;

/**
 * Whether a superseded term stands where its old name is right in a current
 * text: history (`de toenmalige BVD`, `in 1998`, `onder de Wiv 2002 kon dat
 * niet`), an explanation beside the new name (`Sinds augustus 2022 heet
 * TLP:WHITE TLP:CLEAR`), or a citation of an old provision (`art. 39 Wiv 2002`).
 */
export function historicalUse(ctx: DocumentContext, m: TermMatch): boolean {
  return (m.historical ?? historicalIn(ctx.text, ctx.matches, m, ctx.data.byTerm, textFacts(ctx.text))) || aboutTheOldName(ctx, m.form.entry);
}

/**
 * A document about the old name itself: its title is the name (`Binnenlandse Veiligheidsdienst`, `De BVD`), as
 * an encyclopaedia's article or a history has it. Everything it says of the name is history.
 */
function aboutTheOldName(ctx: DocumentContext, entry: GlossaryEntry): boolean {
  if (!entry.deprecated) return false;
  const title = ctx.memo('termContext:title', () => {
    // A title: a first line without a sentence's end, with text after it.
    const [first, next] = firstTextLines(ctx, 2);
    if (!first || !next || /[.!?;,]\s*$/.test(first.text)) return '';
    return first.text.replace(/^(?:de|het)\s+/i, '').replace(/[\s:]+$/, '').replace(/\s+/g, ' ').toLowerCase();
  });
  return !!title && [entry.term, ...entry.expansions, ...entry.variants].some((f) => f.toLowerCase() === title);
}

/** What the history test reads of a text, found once: its years and where its paragraphs break. */
interface TextFacts {
  /** Each year (1800-2099) with its offset and whether `tot`, `t/m` or `vóór` stands before it. */
  years: {at: number; year: number; upTo: boolean}[];
  /** Offsets of blank lines, in order. */
  breaks: number[];
}

function textFacts(text: string): TextFacts {
  const years: TextFacts['years'] = [];
  YEAR.lastIndex = 0;
  for (let y = YEAR.exec(text); y; y = YEAR.exec(text)) {
    years.push({at: y.index, year: Number(y[1]), upTo: UP_TO.test(text.slice(Math.max(0, y.index - 12), y.index))});
  }
  const breaks: number[] = [];
  for (const b of text.matchAll(/\n[ \t\r]*\n/g)) breaks.push(b.index!);
  return {years, breaks};
}

/** Index of the first item of `list` (in order of `at`) whose `at` is at or after `offset`. */
function firstFrom<T>(list: readonly T[], offset: number, at: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const offsetOf = (n: number) => n;

/**
 * Whether `at` lies in the name of another entry's term (matches in order of start): the year of `Wiv 2017`
 * beside the Wob. A year in another name of the superseded term itself still counts (`Wet … 2002 (Wiv 2002)`).
 */
function inOtherTermName(matches: readonly TermMatch[], m: TermMatch, at: number): boolean {
  const k = firstFrom(matches, at + 1, (x) => x.start) - 1;
  return k >= 0 && at < matches[k].end && matches[k].form.entry !== m.form.entry;
}

/**
 * Marks each match of a superseded term with `historical` (see historicalUse).
 * It reads only the sentence around the match, which never crosses a blank
 * line, so the engine computes it per chunk and keeps it with the chunk.
 */
export function markHistory(text: string, matches: TermMatch[], byTerm: ReadonlyMap<string, GlossaryEntry>): void {
  let facts: TextFacts | undefined;
  for (const m of matches) if (m.form.entry.deprecated) m.historical = historicalIn(text, matches, m, byTerm, (facts ??= textFacts(text)));
}

function historicalIn(text: string, matches: readonly TermMatch[], m: TermMatch, byTerm: ReadonlyMap<string, GlossaryEntry>, facts: TextFacts): boolean {
  const entry = m.form.entry;
  if (!entry.deprecated) return false;
  const before = text.slice(Math.max(0, m.start - 120), m.start);
  if (FORMER_BEFORE.test(before) || CITATION_BEFORE.test(before) || ACT_ON_BEFORE.test(before)) return true;
  // The title of a cited parliamentary paper is quoted as it was registered.
  if (inCitedTitle(text, m)) return true;
  const sentence = sentenceAround(text, m.start, m.tailEnd);
  const words = text.slice(sentence.start, sentence.end);
  if (FORMER.test(words) || HISTORY.test(words)) return true;
  if (DONE_TO.test(words) && (PASSIVE.test(words) || !ACTIVE_PERFECT.test(words))) return true;
  const past = PAST_TENSE.test(words);
  if (past && UNDER.test(before)) return true;
  const sinceYear = Number(entry.deprecated.since.slice(0, 4));
  // The paragraph, up to 2,000 characters either way.
  const b = firstFrom(facts.breaks, m.start, offsetOf);
  const from = Math.max(b > 0 ? facts.breaks[b - 1] : 0, m.start - 2000);
  const to = Math.min(b < facts.breaks.length ? facts.breaks[b] : text.length, m.tailEnd + 2000);
  // A decade or an era that ended before the change, in the sentence or the paragraph before it (`in de jaren
  // vijftig`, `Tijdens de Koude Oorlog stond het communisme centraal. De BVD volgde …`).
  if (eraEnd(words) < sinceYear || eraEnd(text.slice(from, sentence.start)) < sinceYear) return true;
  // A year before the change in the paragraph, outside the term itself (`Wiv 2002` names its own year) and the
  // names of other terms (`De Wob geldt ook voor de Wiv 2017` speaks of no time); `tot 2002`, `vóór 2002`: up to
  // the year of the change itself.
  const {years} = facts;
  for (let k = firstFrom(years, from, (y) => y.at); k < years.length && years[k].at < to; k++) {
    const y = years[k];
    if ((y.at >= m.start && y.at < m.tailEnd) || inOtherTermName(matches, m, y.at)) continue;
    if (y.year < sinceYear || (y.year === sinceYear && y.upTo)) return true;
  }
  return replacementBeside(text, matches, m, byTerm);
}

/**
 * The new name in the same sentence (its clauses after a semicolon too): the old one is explained, not used. Not
 * the short form both names share, in parentheses right after the old one (`Commissie van Toezicht betreffende …
 * (CTIVD)`): that introduces it. Nor in one compound with it (`het BVD-AIVD-dossier`): the pair names the service
 * over time.
 */
function replacementBeside(text: string, matches: readonly TermMatch[], m: TermMatch, byTerm: ReadonlyMap<string, GlossaryEntry>): boolean {
  const replacement = m.form.entry.deprecated && byTerm.get(m.form.entry.deprecated.replacement);
  if (!replacement) return false;
  if (text.slice(m.end, m.tailEnd).split(/[-/\u2010\u2011]/).includes(replacement.term)) return true;
  const sentence = sentenceAround(text, m.start, m.tailEnd, false);
  for (let k = firstFrom(matches, sentence.start, (x) => x.start); k < matches.length && matches[k].start < sentence.end; k++) {
    const o = matches[k];
    if (o !== m && o.form.entry === replacement && o.end <= sentence.end && !(o.start >= m.tailEnd && SHORT_FORM_NEXT.test(text.slice(m.tailEnd, o.start)))) return true;
  }
  return false;
}

/**
 * Whether the document says, somewhere, that the old name became the new one (the two in one sentence: `voortaan
 * heet TLP:WHITE TLP:CLEAR`): a text about the change, whose other uses of the old name may describe what was.
 */
export function changeStated(ctx: DocumentContext, entry: GlossaryEntry): boolean {
  const stated = ctx.memo('termContext:changes', () => {
    const found = new Set<GlossaryEntry>();
    const summaries = summariesOf(ctx);
    for (let i = 0; i < summaries.length; i++) {
      if (!(summaries[i] & DEPRECATED)) continue;
      const m = ctx.matches[i];
      if (!found.has(m.form.entry) && replacementBeside(ctx.text, ctx.matches, m, ctx.data.byTerm)) found.add(m.form.entry);
    }
    return found;
  });
  return stated.has(entry);
}

/** Between a name and its short form in parentheses: `(`, `(hierna: de `. */
const SHORT_FORM_NEXT = /^\s*\(\s*(?:(?:hierna|verder)(?:\s+te\s+noemen)?\s*:?\s*(?:de|het)?\s*)?$/i;

const DECADE = /\bjaren\s+(?:['’]\s?)?(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|[2-9]0)\b/gi;
const DECADES: Record<string, number> = {twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90};
const COLD_WAR = /\bKoude\s+Oorlog\b/i;

/** The last year of the latest decade of the 1900s or era a sentence names (`de jaren vijftig`: 1959), or Infinity when it names none. */
function eraEnd(words: string): number {
  let end = -Infinity;
  for (const m of words.matchAll(DECADE)) {
    const w = m[1].toLowerCase();
    end = Math.max(end, 1900 + (DECADES[w] ?? Number(w)) + 9);
  }
  if (COLD_WAR.test(words)) end = Math.max(end, 1991);
  return end === -Infinity ? Infinity : end;
}

const ENGLISH = new Set([
  'the', 'and', 'to', 'for', 'with', 'by', 'that', 'this', 'are', 'were', 'has', 'have', 'be', 'from', 'which', 'its', 'their',
  'not', 'will', 'would', 'can', 'also', 'such', 'been', 'these', 'into', 'against', 'between', 'our', 'they', 'than', 'about',
  // Words no Dutch sentence has either (not `we`, `is`, `in`, `of`, `was`: Dutch words too).
  'within', 'what', 'who', 'when', 'where', 'while', 'there', 'us', 'you', 'your', 'it', 'at', 'on', 'or', 'but', 'if', 'each',
  'other', 'more', 'how', 'why', 'should', 'could', 'must', 'shall', 'does', 'did', 'through', 'during', 'after', 'before',
]);
const DUTCH = new Set([
  'de', 'het', 'een', 'van', 'en', 'op', 'voor', 'met', 'dat', 'die', 'dit', 'zijn', 'wordt', 'worden', 'niet', 'ook', 'aan',
  'bij', 'naar', 'om', 'als', 'uit', 'tot', 'heeft', 'hebben', 'kan', 'zal', 'deze', 'wij', 'onze', 'ik', 'er', 'nog', 'wel',
]);
/** Words of English titles (`NATO Security Policy`, `Annual Report`). */
const ENGLISH_TITLE = new Set([
  'security', 'policy', 'intelligence', 'agency', 'service', 'services', 'treaty', 'organization', 'annual', 'report', 'committee',
  'council', 'defence', 'defense', 'ministry', 'office', 'national', 'threat', 'assessment', 'act', 'review', 'strategy', 'alliance',
  'command', 'allied', 'general', 'directorate', 'board', 'centre', 'center', 'assembly', 'parliamentary', 'communications',
  'information', 'procurement', 'headquarters', 'excellence', 'operations', 'partnership', 'summit', 'forces',
]);

/**
 * Whether the term stands in English (a quotation, a title, an English
 * document), judged by the function words of its sentence and by the
 * capitalised words of a title around it.
 */
export function inEnglish(ctx: DocumentContext, m: TermMatch): boolean {
  const {en, nl} = sentenceLanguage(ctx.text, m);
  if (en >= 2 && en > 2 * nl) return true;
  // A sentence too short to tell (a heading, a slide's bullet, `… are met.`) takes the language of the document
  // unless its Dutch words outnumber its English ones.
  if (nl < 2 && en >= nl && englishDocument(ctx)) return true;
  return keptOn(m, 'englishTitle', () => inEnglishTitle(ctx.text, m));
}

/** Whether the term stands in an English sentence or title, judged on the text around it alone (a chunk rule's test). */
export function inEnglishSentence(text: string, m: TermMatch): boolean {
  const {en, nl} = sentenceLanguage(text, m);
  return (en >= 2 && en > 2 * nl) || keptOn(m, 'englishTitle', () => inEnglishTitle(text, m));
}

/** The English and the Dutch function words of the sentence around the term (which lies in its chunk). */
function sentenceLanguage(text: string, m: TermMatch): {en: number; nl: number} {
  return keptOn(m, 'language', () => countLanguage(text, m));
}

function countLanguage(text: string, m: TermMatch): {en: number; nl: number} {
  const sentence = sentenceAround(text, m.start, m.tailEnd);
  let en = 0;
  let nl = 0;
  const words = (text.slice(sentence.start, m.start) + ' ' + text.slice(m.tailEnd, sentence.end)).toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    else if (DUTCH.has(w)) nl++;
  }
  return {en, nl};
}

export {PARAGRAPH_BREAK};
const PARAGRAPH_BREAKS = new RegExp(PARAGRAPH_BREAK.source, 'g');

/** Where the text after its last blank line begins (0 when it has none). */
export function lastBreakEnd(text: string): number {
  let end = 0;
  for (const b of text.matchAll(PARAGRAPH_BREAKS)) end = b.index! + b[0].length;
  return end;
}

/** A title: capitalised English words right before or after the term, in its paragraph. */
function inEnglishTitle(text: string, m: TermMatch): boolean {
  // Within the paragraph: the words after a blank line begin another.
  const following = text.slice(m.tailEnd, m.tailEnd + 80);
  const preceding = text.slice(Math.max(0, m.start - 80), m.start);
  const paragraphEnd = following.search(PARAGRAPH_BREAK);
  const paragraphStart = lastBreakEnd(preceding);
  // A title's small words may stand between its capitalised ones (`NATO Communications and Information Agency`).
  const after = /^[\s-]*((?:(?:\p{Lu}\p{L}*|and|of|for|on|the|&)[\s-]+){0,5}\p{Lu}\p{L}*)/u.exec(paragraphEnd < 0 ? following : following.slice(0, paragraphEnd));
  const beforeTitle = /((?:\p{Lu}\p{L}*\s+){1,3})$/u.exec(preceding.slice(paragraphStart));
  const title = `${beforeTitle?.[1] ?? ''} ${after?.[1] ?? ''}`.toLowerCase().match(/\p{L}+/gu) ?? [];
  return title.some((w) => ENGLISH_TITLE.has(w));
}

/** How much of the text the document's language is judged on: its beginning, enough for a page and cheap at every keystroke. */
const LANGUAGE_SAMPLE = 50_000;

/**
 * Whether the document is written in English: its function words are English
 * many times over and hardly Dutch (an English page, a slide deck), judged on
 * its beginning once per lint.
 */
export function englishDocument(ctx: DocumentContext): boolean {
  return ctx.memo('englishDocument', () => {
    let en = 0;
    let nl = 0;
    for (const w of ctx.text.slice(0, LANGUAGE_SAMPLE).toLowerCase().match(/\p{L}+/gu) ?? []) {
      if (ENGLISH.has(w)) en++;
      else if (DUTCH.has(w)) nl++;
    }
    return en >= 8 && en > 4 * nl;
  });
}

/** A translation rather than a spelling: the surface's letters differ from the expected form's (`NATO` for `NAVO`). */
export function isTranslation(m: TermMatch, expected: string): boolean {
  return formKey(m.surface, false) !== formKey(expected, false);
}

/**
 * The glossary's word written open or with a hyphen where the glossary closes it (`spear phishing`): English's
 * spelling. Only separators added: a name that lost its hyphen (`Inlichtingen en`) is no open compound.
 */
export function openCompound(m: TermMatch, expected: string): boolean {
  const separator = (c: string) => /[\s\u00a0\-\u2010\u2011]/.test(c);
  const a = m.surface.toLowerCase();
  const b = expected.toLowerCase();
  let j = 0;
  let added = false;
  for (let i = 0; i < a.length; i++) {
    if (j < b.length && a[i] === b[j]) j++;
    else if (separator(a[i])) added = true;
    else return false;
  }
  return added && j === b.length;
}

/** Words that name a unit of an organisation; what follows them in capitals is the unit's name. */
const UNIT = /(?:^|[^\p{L}])(?:directie|directoraat-generaal|afdeling|team|eenheid|bureau|cluster|sector|taskforce|programma|project|werkgroep|stuurgroep|kenniscentrum|expertisecentrum|platform)\s+(?:\p{Lu}[\p{L}-]*\s+){0,3}$/iu;

/**
 * A common noun of the glossary with capitals in the name of a unit (`de Directie Economische Veiligheid`, `het team
 * Statelijke Dreigingen`): part of a name, not the noun written wrongly.
 */
export function inUnitName(text: string, m: TermMatch, expected: string): boolean {
  return /^\p{Ll}/u.test(expected) && /^\p{Lu}/u.test(m.surface) && sameButCase(m.surface, expected) &&
    UNIT.test(text.slice(Math.max(0, m.start - 80), m.start));
}

/** The line holding `pos`, or undefined when it is longer than `max` characters (no title, no contents entry). */
function shortLineAt(lines: LineIndex, pos: number, max: number): string | undefined {
  const {start, end} = lines.lineAround(pos);
  return end - start > max ? undefined : lines.text.slice(start, end);
}

/** Whether the line holding `pos` is written in capitals (a title: `BRIEF VAN DE MINISTER VAN …`). */
export function inCapitalsLine(lines: LineIndex, pos: number): boolean {
  const line = shortLineAt(lines, pos, 300);
  if (line === undefined) return false;
  let upper = 0;
  let lower = 0;
  for (const ch of line) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  return upper >= 12 && lower <= upper / 10 && /\p{L}+[^\p{L}]+\p{L}+/u.test(line);
}

/** The end of a cited parliamentary paper's title: `… (29 924, nr. 288);`, `(Kamerstuk 30 821, nr. 161)`. */
const CITED_PAPER = String.raw`\((?:Kamerstuk(?:ken)?\s+(?:I{1,2}\s+)?)?\d{2}\s?\d{3}(?:-[A-Z]{1,4})?,?\s*nrs?\.?\s*\d+[^()]{0,40}\)`;
/** One citation or more (`(Kamerstuk 29 924, nr. 268) (Kamerstuk 29 924, nr. 283);`). */
const CITED_PAPER_END = new RegExp(String.raw`${CITED_PAPER}(?:\s*${CITED_PAPER})*\s*[;.,]?\s*$`);
/** Where an agenda item ends: its `;`, a blank line, or the next item's dash or bullet. */
const ITEM_END = /;|\n[ \t\r]*(?:\n|[-–—•*][ \t])/g;
/** The start of an agenda item, up to the paper's title: `- de brief …`, `… d.d. 14 maart 2025 inzake `. */
const AGENDA_ITEM = /^\s*[-–—•*]\s|\bd\.d\.\s|\binzake\s/i;

/**
 * Whether the acronym stands in the title of a cited parliamentary paper, as an agenda or a list of letters
 * writes it, also where the item is wrapped over lines (`… van de TIB (Kamerstuk⏎29 924, nr. 300);`).
 */
export function inCitedTitle(text: string, m: TermMatch): boolean {
  const after = text.slice(m.tailEnd, m.tailEnd + 400);
  ITEM_END.lastIndex = 0;
  const end = ITEM_END.exec(after);
  if (CITED_PAPER_END.test(end ? after.slice(0, end[0] === ';' ? end.index + 1 : end.index) : after)) return true;
  // An item that ends its line with the citation and a full stop (`… inzake beleidsreactie op brief TIB (30821, nr. 270).`),
  // the next line being no item: an agenda item only, one that names a letter (`d.d.`, `inzake`) or starts with a dash.
  const lineEnd = after.search(/\r?\n/);
  if (lineEnd < 0 || !CITED_PAPER_END.test(after.slice(0, lineEnd))) return false;
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  return AGENDA_ITEM.test(text.slice(lineStart, m.start));
}

/**
 * A name of several words set all in capitals (`COMMISSIE VAN TOEZICHT OP DE …` on a cover or a letterhead): at least
 * two words of three letters or more, so that `WIV 2017` and `GA IENV` are not typography but variants.
 */
export function nameInCapitals(surface: string): boolean {
  return inSeveralWords(surface) && surface === surface.toUpperCase() && surface !== surface.toLowerCase();
}

/** A name of several words: two words of three letters or more (`Commissie van Toezicht …`; not `WIV 2017`, `GA IenV`). */
export function inSeveralWords(name: string): boolean {
  return (name.match(/\p{L}{3,}/gu)?.length ?? 0) >= 2;
}

/** Whether two forms differ only in case and spacing (what a title in capitals changes). */
export function sameButCase(a: string, b: string): boolean {
  const norm = (x: string) => x.replace(/[\s\u00a0]+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/** The first word of a document's name, as a title line of its own writes it (`Regeling toetsing Wiv 2017`, `Jaarverslag TIB 2023`). */
/** The kinds of document whose name may hold an acronym (`Jaarverslag CTIVD`, `Regeling naslag Wiv 2017`), as a regex alternation. */
export const DOCUMENT_WORDS = '\\p{L}*notitie|jaarverslag|jaarplan|jaarbericht|verslag|rapport|toezichtsrapport|rapportage|regeling|besluit|beleidsregels?|circulaire|aanwijzing|kaderbesluit|brochure|dreigingsbeeld|nieuwsbrief';
const DOCUMENT_NAME = new RegExp(String.raw`^(?:#{1,6}\s+)?(?:\*\*|__)?(?:${DOCUMENT_WORDS}|wet|wijzigingswet|instructie|reglement|protocol|evaluatie)\s`, 'iu');

/**
 * Whether the line holding `pos` is the name of a document on a line of its own: a title line (short, no
 * sentence end) that begins with what kind of document it is. Its words are the name's (a regulation's
 * citeertitel), not a first use in the text.
 */
export function inDocumentNameLine(lines: LineIndex, pos: number): boolean {
  const line = shortLineAt(lines, pos, 120)?.trim();
  return line !== undefined && line.split(/\s+/).length <= 14 && !/[.!?:;,]$/.test(line.replace(/(?:\*\*|__)$/, '')) && DOCUMENT_NAME.test(line);
}

/** Whether the line holding `pos` is an entry of a table of contents: a short title ending in a page number (`Wiv 2017 41`). */
export function inContentsLine(lines: LineIndex, pos: number): boolean {
  const raw = shortLineAt(lines, pos, 400)?.trim();
  if (raw === undefined) return false;
  // A row of a table of figures: a label and two numbers or more (`| PNG-verklaringen | 2 | 3 |`), no pages.
  const cells = raw.split(/\\?\|/).map((c) => c.trim()).filter(Boolean);
  if (cells.length >= 3 && cells.slice(1).every((c) => /^[\d.,%+-]+$/.test(c))) return false;
  // Entries run together on one line, each with its page cell (`1.1 Aanleiding | 5 1.2 Evaluatie Wiv 2017 | 6`).
  if ((raw.match(/\\?\|\s*\d{1,3}(?=\s|$)/g) ?? []).length >= 2) return true;
  if (raw.length > 90) return false;
  // One entry over three lines, as a web page lays out a table's cells: its number, its title, its page (`2.` /
  // `Samenhang met de Wiv 2017` / `5`; `2\.` in Markdown read from Word), with no blank line between (they lie in one chunk).
  const {line: n} = lines.position(pos);
  if (n > 0 && n + 1 < lines.lineCount && !/[.!?:;,]$/.test(raw)) {
    const around = (k: number) => lines.text.slice(lines.lineStart(k), lines.lineEnd(k)).trim();
    if (/^\d{1,2}(?:\\?\.\d{1,2})*\\?\.?$/.test(around(n - 1)) && /^\d{1,3}$/.test(around(n + 1))) return true;
  }
  // A section number before the title (`1.1 Evaluatie …`, `1\.1` in Markdown read from Word) and a table's cells
  // (`… | 6`) are part of the form.
  const line = raw.replace(/^\|?\s*\d{1,2}(?:\\?\.\d{1,2})*\\?\.?\s+/, '').replace(/\s*\\?\|\s*/g, ' ').trim();
  return /^[^.!?]*?\p{L}[^.!?]*?(?:\s|\.{2,}|\t)\s*\d{1,3}$/u.test(line);
}

/** Whether the match stands in a published Kamerstuk's registered dossier title, which is quoted as registered, never rewritten. */
export function inRegisteredTitle(ctx: DocumentContext, m: TermMatch): boolean {
  const head = kamerstukOf(ctx);
  const title = head.isKamerstuk ? head.dossierTitle : undefined;
  return !!title && m.start >= title.start && m.end <= title.end;
}

/**
 * What the finishing step (engine/finish.ts) takes out of every term rule's findings, or lowers, told on each
 * term rule's page after the rule's own list.
 */
export const FINISHING_LEAVES_ALONE: {nl: readonly string[]; en: readonly string[]} = {
  nl: [
    'In de antwoorden op schriftelijke vragen de woorden van de vragensteller: de titel «Vragen van het lid … (ingezonden …)», de titel van de antwoorden die hem herhaalt, en elke vraag, van «Vraag 1» tot het antwoord erop (of tot de volgende vraag); ook genummerde vragen van een commissie boven de antwoorden («1 Is er …? 2 Heeft u …?», van het nummer tot het vraagteken) in een tekst die zegt dat hij vragen beantwoordt («Antwoorden op feitelijke vragen …» in de eerste regels); alleen de antwoorden zijn van de schrijver.',
    'Woorden in een citaat uit een tekst, na «schrijft:», «staat:», «luidt:», «vermeldt:», «concludeert:» en dergelijke («De commissie schrijft: “… de WIV 2002 …”»), ook in een Markdown-blokcitaat («> …») eronder, met lege regels ertussen of niet: de melding is dan alleen informatie, met het verzoek de bron te controleren; gesproken woorden («„…”, zei hij») worden gewoon gemeld.',
    'Het label van een Markdown-verwijzing of voetnoot die het document definieert («[BVD]», «[^BVD]» en de definitie «[BVD]: …» zelf) en een wikilink («[[BZK Handreiking Derubricering]]»): een correctie zou de link breken.',
  ],
  en: [
    'In the answers to written questions, the member\'s words: the title "Vragen van het lid … (ingezonden …)", the answers\' title that repeats it, and each question, from "Vraag 1" to its answer (or to the next question); also a committee\'s numbered questions above the answers ("1 Is er …? 2 Heeft u …?", from the number to the question mark) in a text that says it answers questions ("Antwoorden op feitelijke vragen …" in its first lines); only the answers are the writer\'s.',
    'Words quoted from a text, after "schrijft:", "staat:", "luidt:", "vermeldt:", "concludeert:" and the like ("De commissie schrijft: “… de WIV 2002 …”"), also in a Markdown block quote ("> …") below it, with blank lines between or not: the finding is then only information, asking to check the source; spoken words ("„…”, zei hij") are reported as usual.',
    'The label of a Markdown reference or footnote the document defines ("[BVD]", "[^BVD]" and the definition "[BVD]: …" itself) and a wiki link ("[[BZK Handreiking Derubricering]]"): a fix would break the link.',
  ],
};
