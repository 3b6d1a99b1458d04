/**
 * A document's kind and date (DOMAIN.md §4a): which checks hold for it, and
 * the day at which its terms and ministry names are judged. Core: strings
 * only, no `vscode`, no `fs`. Computed once per lint and shared by the rules,
 * the outline and `rubric info`.
 *
 * Date, first found wins: `--date`; front matter `date:`/`datum:`; the
 * letter's `Datum` field; a `Den Haag, 7 mei 2020` line; legislation's `Wet
 * van 26 juli 2017, houdende …`; one year in the title (`Jaarverslag 2016`:
 * 31 december 2016) or one date in it; one labelled or stand-alone date in
 * the first lines (`Vastgesteld 6 juni 2017`, `Publicatiedatum 12-04-2022`);
 * `.rubric.yaml` `date:`; the end of the latest year the text speaks of,
 * when that is before this year; today.
 *
 * Kind: `--kind`; front matter `type:`; `.rubric.yaml` `kind:`; else what
 * the text shows (a Kamerstuk's head, a sent letter's address block with
 * Postbus and fields, legislation's title and articles, a note's Aan/Van/
 * Onderwerp lines, a report's title or chapters).
 */

import {factsOf, type ChunkContext, type ChunkFact, type DocumentContext} from '../rule.js';
import type {EngineData} from '../engineData.js';
import {todayOf} from '../engineData.js';
import {kamerbriefOf, letterField} from '../kamerbrief/analysis.js';
import {findDates, isoDate, isValidDate, parseDutchDate, type FoundDate} from '../kamerbrief/dates.js';
import {classify} from '../markings/classify.js';
import {closingDate, kamerstukOf} from './kamerstuk.js';
import {parseKind} from './kinds.js';
import {firstTextLines, type TextLine} from './lines.js';

export type DocumentKind = 'letter' | 'kamerstuk' | 'report' | 'legislation' | 'note' | 'other';
export type DateSource = 'cli' | 'frontMatter' | 'datum' | 'denHaag' | 'legislation' | 'title' | 'firstLines' | 'closing' | 'config' | 'mentioned' | 'term' | 'today';
export interface DocumentDate {
  iso: string /* YYYY-MM-DD */;
  from: DateSource;
  start?: number;
  end?: number /* offsets of the text it was read from */;
  /** `year`: only the year is known (`iso` is its last day); names are then judged from its first. */
  precision?: 'year';
}
export interface DocumentProfile { kind: DocumentKind; kindFrom: 'cli' | 'frontMatter' | 'config' | 'detected'; date: DocumentDate }

/** The document's kind and date, computed once per lint. */
export function documentProfileOf(ctx: DocumentContext): DocumentProfile {
  return ctx.memo('profile', () => computeProfile(ctx));
}

/** The first text lines as the kind and date are read from them: the banners and the classification period are the marking's lines, not the document's title, kind or date. */
function documentLines(ctx: DocumentContext): TextLine[] {
  const marking = classify(ctx);
  const markingLines = [marking.top, marking.bottom, marking.duration].filter((r) => r !== undefined);
  return firstTextLines(ctx, 200).filter((l) => !markingLines.some((r) => r.start < l.end && r.end > l.start));
}

function computeProfile(ctx: DocumentContext): DocumentProfile {
  const lines = documentLines(ctx);
  const fm = frontMatterFields(ctx);
  const cfg = ctx.data.config;
  let kind: DocumentKind;
  let kindFrom: DocumentProfile['kindFrom'];
  const fmKind = fm.type ? parseKind(fm.type.value) : undefined;
  if (cfg.cliKind) [kind, kindFrom] = [cfg.cliKind, 'cli'];
  else if (fmKind) [kind, kindFrom] = [fmKind, 'frontMatter'];
  else if (cfg.configKind) [kind, kindFrom] = [cfg.configKind, 'config'];
  else [kind, kindFrom] = [detectKind(ctx, lines), 'detected'];
  return {kind, kindFrom, date: findDate(ctx, lines, fm, kind)};
}

// ---------------------------------------------------------------- front matter

interface FrontMatterField {
  value: string;
  start: number;
  end: number;
}

/** `type:` and `date:`/`datum:` of the front matter, with the offsets of their values. */
function frontMatterFields(ctx: DocumentContext): {type?: FrontMatterField; date?: FrontMatterField} {
  const out: {type?: FrontMatterField; date?: FrontMatterField} = {};
  if (ctx.frontMatter === undefined) return out;
  const base = ctx.text.indexOf('\n') + 1;
  const re = /^(type|date|datum)[ \t]*:[ \t]*(["']?)([^"'#\r\n]*?)\2[ \t]*(?:#.*)?$/gim;
  for (const m of ctx.frontMatter.matchAll(re)) {
    const key = m[1].toLowerCase() === 'type' ? 'type' : 'date';
    if (out[key] || !m[3].trim()) continue;
    const start = base + m.index! + m[0].indexOf(m[3], m[1].length);
    out[key] = {value: m[3].trim(), start, end: start + m[3].trim().length};
  }
  return out;
}

// ---------------------------------------------------------------- kind

const LEGAL_TITLE = /^(?:Rijkswet|Wet|Besluit|Regeling|Beschikking|Verordening|Koninklijk\s+besluit)\s+van\s+(?:\d{1,2}\s+\p{L}+\s+\d{4}|de\s|het\s)/u;
const ARTICLE = /^Artikel\s+\d+[a-z]{0,2}(?:[.:]|\s|$)/;
const CHAPTER = /^(?:Hoofdstuk|HOOFDSTUK)\s+(?:\d+|[IVX]+)\b/;
const ENACTING = /^(?:Wij\s+(?:Willem-Alexander|Beatrix|Juliana)\b|Besluit(?:en)?\s*:$|Besluit\s+vast\s+te\s+stellen|Zo\s+is\s+het,\s+dat\s+Wij)/;
const NOTE_TITLE = /^(?:Notitie|Memo|Memorandum)\b/i;
/** Titles of texts that explain rules: guidance, instructions, a fact sheet. */
const GUIDANCE_TITLE = /^(?:Handreiking|Leidraad|Werkinstructie|Instructie|Factsheet|Brochure|Toelichting\s+op|Uitleg)\b/i;
const NOTE_FIELD = /^(?:\*\*|__)?(Aan|Van|Onderwerp|Kopie|Cc|Datum|Kenmerk)(?:\*\*|__)?[ \t]*:/i;
const REPORT_TITLE = /(?:^|[\s-])(?:jaarverslag|jaarrapport|rapport|toezichtsrapport|rapportage|verslag|annual\s+report|report|evaluatie|dreigingsbeeld|jaarbericht|jaarplan)(?![\p{L}])/iu;

/** A note's header fields (`Aan:`, `Van:`, `Onderwerp:`, `Datum:`, `Kenmerk:`, `Kopie:`): such lines among its first fifteen text lines. */
function noteFieldLines(lines: TextLine[]): TextLine[] {
  return lines.slice(0, 15).filter((l) => NOTE_FIELD.test(l.text));
}

/** The header field lines of a document whose kind is a note; none for other kinds. */
export function noteFieldsOf(ctx: DocumentContext): TextLine[] {
  return documentProfileOf(ctx).kind === 'note' ? noteFieldLines(documentLines(ctx)) : [];
}

function detectKind(ctx: DocumentContext, lines: TextLine[]): DocumentKind {
  if (kamerstukOf(ctx).isKamerstuk) return 'kamerstuk';
  if (kamerbriefOf(ctx).isLetter) return 'letter';
  const top = lines.slice(0, 4);
  const legalTitle = top.some((l) => LEGAL_TITLE.test(l.text) && (/houdende/.test(l.text) || findDates(l.text).some((d) => d.year !== undefined)));
  if (legalTitle) return 'legislation';
  const articles = lines.filter((l) => ARTICLE.test(l.text) && l.text.length <= 120).length;
  // A text about rules, titled as one (`Handreiking toetsing vooraf`), may quote an article and its lid.
  const aboutRules = lines.length > 0 && GUIDANCE_TITLE.test(lines[0].text);
  if (!aboutRules && (articles >= 2 || (articles >= 1 && lines.some((l) => CHAPTER.test(l.text) || ENACTING.test(l.text) || /\blid\b/.test(l.text))))) {
    return 'legislation';
  }
  const fields = noteFieldLines(lines).map((l) => NOTE_FIELD.exec(l.text)![1].toLowerCase());
  const addressing = fields.filter((f) => f === 'aan' || f === 'van' || f === 'onderwerp').length;
  const noteTitle = lines.length > 0 && (NOTE_TITLE.test(lines[0].text) || (/^Nota\b/i.test(lines[0].text) && fields.length > 0));
  if (noteTitle || addressing >= 2) return 'note';
  if (lines.slice(0, 5).some((l) => l.text.length <= 150 && REPORT_TITLE.test(l.text))) return 'report';
  // Chapters of long prose.
  const titled = lines.filter((l) => l.heading || (l.paragraphStart && l.text.length <= 70 && !/[.!?:;,]$/.test(l.text) && /^\p{Lu}/u.test(l.text))).length;
  if (titled >= 3 && longParagraphs(ctx, 3) >= 3) return 'report';
  return 'other';
}

/** The paragraphs of 400 characters or more, counted up to `enough` (the first ones will do). */
function longParagraphs(ctx: DocumentContext, enough: number): number {
  let n = 0;
  for (const b of ctx.blocks) if (b.kind === 'paragraph' && b.end - b.start >= 400 && ++n >= enough) break;
  return n;
}

// ---------------------------------------------------------------- date

type Found = {iso: string; start: number; end: number};

const full = (d: FoundDate): d is FoundDate & {day: number; year: number} => d.day !== undefined && d.year !== undefined;
const found = (d: FoundDate & {day: number; year: number}): Found => ({iso: isoDate({year: d.year, month: d.month, day: d.day}), start: d.start, end: d.end});

/** A date written in front matter: `2015-03-01` (also a YAML timestamp) or any date form Rubric reads. */
function frontMatterDate(f: FrontMatterField): Found | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(f.value);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isValidDate(d, m, y) ? {iso: `${iso[1]}-${iso[2]}-${iso[3]}`, start: f.start, end: f.start + 10} : undefined;
  }
  const parsed = parseDutchDate(f.value);
  return parsed ? {iso: isoDate(parsed), start: f.start, end: f.end} : undefined;
}

const DATUM_LINE = /^(?:\*\*|__)?Datum(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*(?=\S)/i;
/** Words that make the date after them the document's: `Vastgesteld 6 juni 2017`, `(ontvangen 9 november 2001)`. */
const DATE_LABEL = /(?:vastgesteld|ontvangen|ingezonden|gepubliceerd|publicatiedatum|datum\s+publicatie|verschenen|bijgewerkt|laatst\s+gewijzigd|gewijzigd\s+op|datum|published|updated)(?:\s+op)?\s*[:|]?\s*$/i;
const YEAR = /(?<![\p{L}\p{N}.,/-])(1[89]\d{2}|20\d{2})(?![\p{L}\p{N}]|[.,/-]\p{N})/gu;

/** The labels of a parliamentary paper's dates, the one that dates the paper first. */
const PAPER_LABELS = ['ontvangen', 'vastgesteld', 'voorgesteld', 'ingezonden'];
const PAPER_LABEL = /(?:^|[\s(])(ontvangen|vastgesteld|voorgesteld|ingezonden)(?:\s+op)?\s*:?\s*$/i;
/** `De vaste commissie … heeft op 14 mei 2025 overleg gevoerd met …`: the debate a report is of. */
const DEBATE = /\bheeft\s+op\s*$/i;

function paperDate(ctx: DocumentContext, lines: TextLine[]): Found | undefined {
  let best: {rank: number; found: Found} | undefined;
  for (const l of lines) {
    for (const d of findDates(ctx.text, l.start, l.end)) {
      if (!full(d)) continue;
      const before = ctx.text.slice(Math.max(l.start, d.start - 40), d.start);
      const label = PAPER_LABEL.exec(before)?.[1].toLowerCase();
      const rank = label ? PAPER_LABELS.indexOf(label) : DEBATE.test(before) && /^\s+(?:\S+\s+){0,3}overleg\b/i.test(ctx.text.slice(d.end, d.end + 60)) ? 1 : -1;
      if (rank >= 0 && (!best || rank < best.rank)) best = {rank, found: found(d)};
    }
  }
  return best?.found;
}

function findDate(ctx: DocumentContext, lines: TextLine[], fm: ReturnType<typeof frontMatterFields>, kind: DocumentKind): DocumentDate {
  const cfg = ctx.data.config;
  if (cfg.cliDate) return {iso: cfg.cliDate, from: 'cli'};
  const at = (f: Found | undefined, from: DateSource): DocumentDate | undefined => (f ? {iso: f.iso, from, start: f.start, end: f.end} : undefined);
  const first = (dates: FoundDate[]) => dates.find(full);
  const {text} = ctx;

  const fmDate = fm.date && frontMatterDate(fm.date);
  if (fmDate) return at(fmDate, 'frontMatter')!;

  // The letter's Datum field, or a `Datum:` line among the first lines of a note.
  const letter = kamerbriefOf(ctx);
  const datum = letter.isLetter ? letterField(letter, 'datum') : undefined;
  let fromDatum = datum && first(findDates(text, datum.value.start, datum.value.end));
  if (!datum) {
    for (const l of lines.slice(0, 20)) {
      const m = DATUM_LINE.exec(l.text);
      if (m && (fromDatum = first(findDates(text, l.start + m[0].length, l.end)))) break;
    }
  }
  if (fromDatum) return at(found(fromDatum as FoundDate & {day: number; year: number}), 'datum')!;

  const denHaag = kamerstukOf(ctx).denHaag?.date;
  if (denHaag && full(denHaag)) return at(found(denHaag), 'denHaag')!;

  // A parliamentary paper's own date, above a year in its dossier's title (`… voor het jaar 2013`): when the
  // answers were received, the report adopted, the motion proposed, the questions sent in; the day of the debate.
  const paper = paperDate(ctx, lines.slice(0, 30));
  if (paper) return at(paper, 'firstLines')!;

  for (const l of lines.slice(0, 4)) {
    if (!LEGAL_TITLE.test(l.text)) continue;
    const d = first(findDates(text, l.start, Math.min(l.end, l.start + 300)));
    if (d) return at(found(d as FoundDate & {day: number; year: number}), 'legislation')!;
  }

  // The title: one date in it, or one year (`Jaarverslag 2016`). A year in a law's name (`Wiv 2002`) is no date,
  // except in that law's own text.
  const title = titleLines(ctx, lines);
  const titleDates = title.flatMap((l) => findDates(text, l.start, l.end).filter(full));
  if (title.length && new Set(titleDates.map((d) => found(d).iso)).size === 1 && findDates(text, title[0].start, title[0].end).some(full)) {
    return at(found(titleDates[0]), 'title')!;
  }
  const years = title
    .filter((l) => !findDates(text, l.start, l.end).some(full))
    .flatMap((l) => [...l.text.matchAll(YEAR)].map((m) => ({year: m[1], start: l.start + m.index!, end: l.start + m.index! + 4})))
    .filter((y) => kind === 'legislation' || !ctx.matches.some((t) => t.start < y.end && t.end > y.start));
  if (years.length > 0 && new Set(years.map((y) => y.year)).size === 1) {
    return {iso: `${years[0].year}-12-31`, from: 'title', start: years[0].start, end: years[0].end, precision: 'year'};
  }

  const inFirst = new Map<string, Found>();
  lines.slice(0, 12).forEach((l, n) => {
    for (const d of findDates(text, l.start, l.end)) {
      if (!full(d)) continue;
      const before = text.slice(l.start, d.start);
      const after = text.slice(d.end, l.end);
      const labelled = DATE_LABEL.test(before.replace(/[(\[]\s*$/, ''));
      const words = before.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      // A line that is the date, with at most a few words of label: `Nieuwsbericht | 23-07-1998`.
      const alone = words <= 3 && !/[.!?;]/.test(before) &&
        /^[\s,.;:)\]|–-]*(?:\d{1,2}[:.]\d{2}(?:\s*uur)?)?[\s.)]*$/.test(after);
      // A byline under the title: what the text is, for whom or by whom, a comma and its date at the line's end
      // (`Notitie voor het directieoverleg, 14 november 2022`).
      const byline = n < 5 && words <= 10 && /,\s*$/.test(before) && !/[.!?;:]/.test(before) && /^[\s.]*$/.test(after);
      if (labelled || alone || byline) {
        const f = found(d);
        if (!inFirst.has(f.iso)) inFirst.set(f.iso, f);
      }
    }
  });
  if (inFirst.size === 1) return at([...inFirst.values()][0], 'firstLines')!;

  // The place and date it closes with, as an act is signed (`Den Haag, 20 december 2017`).
  const closing = closingDate(ctx);
  if (closing && full(closing)) return at(found(closing), 'closing')!;

  if (cfg.configDate) return {iso: cfg.configDate, from: 'config'};
  const today = todayOf(cfg);
  return latestYearMentioned(ctx, Number(today.slice(0, 4))) ?? {iso: today, from: 'today'};
}

/**
 * An undated text was written no earlier than the latest year it speaks of
 * (`In 2006 nam de dreiging toe`): that year, when it lies before this one,
 * or later where the text names a term that only came into use later (the
 * Woo: 1 May 2022). Years in the names of terms (`Wiv 2002`) say nothing of
 * when the text was written and are passed over, so a draft that only cites
 * an old law is still judged today.
 */
function latestYearMentioned(ctx: DocumentContext, thisYear: number): DocumentDate | undefined {
  // Each chunk's latest year and latest term, found when the chunk was checked (or here, in the whole text).
  const facts = ctx.factsByKey ? undefined : chunkYearFacts(ctx);
  let named: NamedFact | undefined;
  let best: YearFact | undefined;
  for (const f of factsOf<NamedFact>(ctx, NAMED_KEY) ?? facts!.filter((x): x is NamedFact => x.key === NAMED_KEY)) {
    if (!named || f.since > named.since) named = f;
  }
  for (const f of factsOf<YearFact>(ctx, YEAR_KEY) ?? facts!.filter((x): x is YearFact => x.key === YEAR_KEY)) {
    if (!best || f.year > best.year) best = f;
  }
  // A year of this year or later: the text is no older than today.
  if (!best || best.year >= thisYear) return undefined;
  // Said as what it is: the term that came into use after the latest year, or that year.
  if (named && named.since > `${best.year}-01-01`) return {iso: named.since, from: 'term', start: named.start, end: named.end};
  return {iso: `${best.year}-12-31`, from: 'mentioned', start: best.start, end: best.start + 4, precision: 'year'};
}

const YEAR_KEY = 'profile/year';
const NAMED_KEY = 'profile/named';
/** A chunk's latest year in prose (not in a term's name), its first occurrence. */
interface YearFact extends ChunkFact {
  year: number;
}
/** A chunk's term that came into use latest (the replacement of a deprecated term), its first use. */
interface NamedFact extends ChunkFact {
  since: string;
}

const sinceOf = new WeakMap<EngineData, ReadonlyMap<string, string>>();

/**
 * Per engine's data: the day each term came into use as the replacement of a deprecated one (`Woo`: 1 May 2022,
 * when the Wob gave way to it); not a term that was there before under the old name too (the CTIVD was the short
 * form of its Wiv 2002 name, which its entry still accepts as writing it out).
 */
export function replacementsSince(data: EngineData): ReadonlyMap<string, string> {
  let since = sinceOf.get(data);
  if (!since) {
    const found = new Map<string, string>();
    for (const e of data.entries) {
      if (!e.deprecated) continue;
      if (data.byTerm.get(e.deprecated.replacement)?.accepted?.includes(e.term)) continue;
      found.set(e.deprecated.replacement, sinceDay(e.deprecated.since));
    }
    sinceOf.set(data, (since = found));
  }
  return since;
}

/**
 * What one chunk (or a whole text) tells of the latest year it speaks of, for latestYearMentioned: its
 * latest year in prose outside terms' names, and its term that came into use latest; the first of each.
 * The latest of all chunks is the first of the highest: the chunks' facts combine to the text's.
 */
export function chunkYearFacts(ctx: Pick<ChunkContext, 'text' | 'prose' | 'matches' | 'data'>): ChunkFact[] {
  const {text, matches, data} = ctx;
  // A text that names a term is no older than the term: the Woo since the Wob gave way to it, on 1 May 2022.
  const since = replacementsSince(data);
  const facts: ChunkFact[] = [];
  if (since.size) {
    let named: NamedFact | undefined;
    for (const m of matches) {
      const s = since.get(m.form.entry.term);
      if (s && (!named || s > named.since)) named = {key: NAMED_KEY, start: m.start, end: m.end, since: s};
    }
    if (named) facts.push(named);
  }
  let best: YearFact | undefined;
  let k = 0;
  const years = new RegExp(YEAR.source, 'gu');
  for (const r of ctx.prose) {
    const slice = text.slice(r.start, r.end);
    for (let m = years.exec(slice); m; m = years.exec(slice)) {
      const start = r.start + m.index;
      while (k < matches.length && matches[k].tailEnd <= start) k++;
      if (k < matches.length && matches[k].start <= start) continue;
      const year = Number(m[1]);
      if (!best || year > best.year) best = {key: YEAR_KEY, start, end: start + 4, year};
    }
  }
  if (best) facts.push(best);
  return facts;
}

/** The first day a deprecation's date can mean, as an ISO day: `2012` -> `2012-01-01`, `2022-08` -> `2022-08-01`. */
function sinceDay(since: string): string {
  return since.length === 4 ? `${since}-01-01` : since.length === 7 ? `${since}-01` : since;
}

/**
 * The first day by which a deprecation surely holds: the day after the year or month a date without its day names
 * (`2012` -> `2013-01-01`, `2018-12` -> `2019-01-01`), the day itself otherwise. In the year the NCTb became the NCTV,
 * a text may still rightly name the NCTb.
 */
export function supersededFrom(since: string): string {
  if (since.length === 4) return `${Number(since) + 1}-01-01`;
  if (since.length !== 7) return since;
  const [year, month] = since.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * The title: the first heading among the first lines; without one, the short
 * lines that open the document (at most three, before any prose: `AIVD`,
 * `Annual Report 2018`). Never a banner line.
 */
function titleLines(ctx: DocumentContext, lines: TextLine[]): TextLine[] {
  const banner = classify(ctx).top;
  const candidates = lines.slice(0, 6).filter((l) => !(banner && banner.start < l.end && banner.end > l.start));
  const heading = candidates.slice(0, 5).find((l) => l.heading);
  const short = (l: TextLine) => l.text.length <= 150 && !/[.!?;]$/.test(l.text);
  if (heading) return short(heading) ? [heading] : [];
  const out: TextLine[] = [];
  for (const l of candidates) {
    if (out.length === 3 || !short(l) || (out.length > 0 && l.text.length > 100)) break;
    out.push(l);
  }
  return out;
}
