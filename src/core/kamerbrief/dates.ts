/**
 * Dutch dates as letters to the Kamer write them (DOMAIN.md §4): the day
 * without a leading zero, the month in full and in lower case, the year in
 * four digits: `10 december 2020`. Formatting, parsing, and a scanner that
 * finds dates in running text written in other forms (`10-12-2020`,
 * `10 December 2020`, `10 dec. 2020`, `2020-12-10`, `01 december 2020`)
 * without taking Kamerstuk numbers, times, article numbers or Staatsblad
 * references for dates.
 */

export const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

/** A calendar date; `month` is 1-12. */
export interface DutchDate {
  year: number;
  month: number;
  day: number;
}

/** A date found in text. Offsets are into the scanned text. */
export interface FoundDate {
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** Absent in `december 2020`. */
  day?: number;
  month: number;
  /** Absent in `9 december jl.` and the like. */
  year?: number;
  /** The date as it should be written (`9 december`, `10 december 2020`). */
  canonical: string;
  /** Already written as `canonical` (a line break between the parts is fine). */
  ok: boolean;
}

/** Today (or any Date) as a calendar date in local time. */
export function toDutchDate(date: Date): DutchDate {
  return {year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate()};
}

/** `26 november 2026`. A Date is read in local time. */
export function formatDutchDate(date: Date | DutchDate): string {
  const d = date instanceof Date ? toDutchDate(date) : date;
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date of the data (`2002-05-29`, `2022-08`, `2012`) as a sentence writes it:
 * `29 mei 2002`, `augustus 2022`, `2012` (English: `29 May 2002`, `August 2022`).
 * Anything else is given back as it is.
 */
export function formatDataDate(date: string, lang: 'nl' | 'en'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m || (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12))) return date;
  if (!m[2]) return m[1];
  const month = lang === 'nl' ? MONTHS[Number(m[2]) - 1] : ENGLISH_MONTHS[Number(m[2]) - 1];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** `2020-12-10`, for comparing dates and for dated data. */
export function isoDate(d: DutchDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(day: number, month: number, year?: number): boolean {
  return Number.isInteger(day) && Number.isInteger(month) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/**
 * Parses a text that is one whole date with a year, in any form the scanner
 * knows (`10 december 2020`, `10-12-2020`, `2020-12-10`, `10 dec. 2020`…).
 */
export function parseDutchDate(text: string): DutchDate | undefined {
  const t = text.trim();
  const found = findDates(t);
  const d = found.length === 1 ? found[0] : undefined;
  if (!d || d.start !== 0 || d.end !== t.length || d.year === undefined || d.day === undefined) return undefined;
  return {year: d.year, month: d.month, day: d.day};
}

/** Month names and abbreviations, lower case, to month number. `abbr`: needs a dot or a year to be a date. */
const MONTH_WORDS = new Map<string, {month: number; abbr: boolean; english: boolean}>();
MONTHS.forEach((m, i) => MONTH_WORDS.set(m, {month: i + 1, abbr: false, english: false}));
for (const [word, month] of [
  ['jan', 1], ['feb', 2], ['febr', 2], ['mrt', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['okt', 10], ['oct', 10], ['nov', 11], ['dec', 12],
] as const) {
  MONTH_WORDS.set(word, {month, abbr: true, english: false});
}
for (const [word, month] of [
  ['january', 1], ['february', 2], ['march', 3], ['may', 5], ['june', 6], ['july', 7], ['august', 8], ['october', 10],
] as const) {
  MONTH_WORDS.set(word, {month, abbr: false, english: true});
}
const MONTH_ALT = [...MONTH_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');

/** Not inside a word, a number (`1.000`, `3,5`, `v2`) or a path (`/2020-12-10/`). */
const BEFORE = String.raw`(?<![\p{L}\p{N}/])(?<!\p{N}[.,/:-])`;
const AFTER = String.raw`(?![\p{L}\p{N}/])(?![.,/:-]\p{N})`;

const NUMERIC = new RegExp(`${BEFORE}(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})${AFTER}`, 'gu');
const ISO = new RegExp(`${BEFORE}(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${AFTER}`, 'gu');
const DAY_MONTH = new RegExp(
  `${BEFORE}(\\d{1,2})([ \\t\\u00a0]*\\r?\\n?[ \\t\\u00a0]*|-)(${MONTH_ALT})(?![\\p{L}\\p{N}])(\\.?)(?:(\\s+|-)(\\d{4})${AFTER})?`,
  'giu',
);
const MONTH_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])(${MONTH_ALT})(?![\\p{L}\\p{N}])(\\.?)([ \\t\\u00a0]+)(\\d{4})${AFTER}`, 'giu');

const ANY_DIGIT = /[0-9]/;
const SEPARATED_DIGITS = /[0-9][-./][0-9]/;
const YEAR_DIGITS = /[0-9]{4}/;

/** Numbers that follow these words are article, paragraph or serial numbers, not dates. */
const NOT_A_DATE_AFTER = /(?:\bart\.|\bartikel(?:en)?|\blid|\bleden|\bnrs?\.|\bnummers?|\bversie|\bpar\.|\bparagraaf|§|\bhoofdstuk|\bbijlage|\btabel|\bfiguur|\bkenmerk|\bStb\.|\bStcrt\.)\s*$/i;

function sentenceStartAt(text: string, index: number, from: number): boolean {
  let i = index - 1;
  while (i >= from && /\s/.test(text[i])) i--;
  if (i < from) return true;
  return /[.!?:]/.test(text[i]) || (text[i] === '\n');
}

function isoOk(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Finds the dates in text[from, to). Every date is returned, right or wrong;
 * `ok` tells which. A date and its canonical form are only produced where
 * the day, month (and year) form a real calendar date.
 */
export function findDates(text: string, from = 0, to = text.length): FoundDate[] {
  const slice = text.slice(from, to);
  const out: FoundDate[] = [];
  // Every form has a digit; the numeric ones have two with a separator between, a month and year four in a row.
  // Most lines have none: the patterns (with their look-behinds at every position) are not run there.
  if (!ANY_DIGIT.test(slice)) return out;
  const numeric = SEPARATED_DIGITS.test(slice);
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const push = (index: number, length: number, day: number | undefined, month: number, year: number | undefined, canonical: string) => {
    const start = from + index;
    const end = start + length;
    if (overlaps(start, end)) return;
    if (NOT_A_DATE_AFTER.test(text.slice(Math.max(0, start - 16), start))) return;
    taken.push([start, end]);
    const written = text.slice(start, end);
    out.push({start, end, text: written, day, month, year, canonical, ok: isoOk(written) === canonical});
  };

  if (numeric) for (const m of slice.matchAll(ISO)) {
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (year < 1000 || !isValidDate(day, month, year)) continue;
    push(m.index!, m[0].length, day, month, year, `${day} ${MONTHS[month - 1]} ${year}`);
  }
  if (numeric) for (const m of slice.matchAll(NUMERIC)) {
    const [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (year < 1000 || !isValidDate(day, month, year)) continue;
    push(m.index!, m[0].length, day, month, year, `${day} ${MONTHS[month - 1]} ${year}`);
  }
  for (const m of slice.matchAll(DAY_MONTH)) {
    const word = MONTH_WORDS.get(m[3].toLowerCase())!;
    const day = Number(m[1]);
    const year = m[6] === undefined ? undefined : Number(m[6]);
    // A year joined by a hyphen belongs to a hyphenated date (10-dec-2020) only.
    if ((m[2] === '-') !== (m[5] === '-') && year !== undefined) continue;
    if (m[2] === '-' && year === undefined) continue;
    if (word.abbr && !m[4] && year === undefined) continue;
    if (word.english && year === undefined) continue;
    if (!isValidDate(day, word.month, year)) continue;
    // The dot after a full month name ends the sentence: it is not part of the date.
    let length = m[0].length;
    if (!word.abbr && m[4] && year === undefined) length -= 1;
    if (!word.abbr && m[4] && year !== undefined) continue; // `10 december. 2020`: not one date
    const canonical = `${day} ${MONTHS[word.month - 1]}${year === undefined ? '' : ` ${year}`}`;
    push(m.index!, length, day, word.month, year, canonical);
  }
  if (YEAR_DIGITS.test(slice)) for (const m of slice.matchAll(MONTH_YEAR)) {
    const word = MONTH_WORDS.get(m[1].toLowerCase())!;
    if (!word.abbr && m[2]) continue;
    const year = Number(m[4]);
    const initial = sentenceStartAt(text, from + m.index!, from);
    let name: string = MONTHS[word.month - 1];
    if (initial) name = name[0].toUpperCase() + name.slice(1);
    // Month and year alone: only a date when written the way a writer would mean one.
    if (word.english && !/^\p{Lu}/u.test(m[1])) continue;
    const start = from + m.index!;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    if (NOT_A_DATE_AFTER.test(text.slice(Math.max(0, start - 16), start))) continue;
    taken.push([start, end]);
    const written = text.slice(start, end);
    const canonical = `${name} ${year}`;
    // Sentence-initial, a lower-case month is also fine.
    const ok = isoOk(written) === canonical || (initial && isoOk(written) === `${MONTHS[word.month - 1]} ${year}`);
    out.push({start, end, text: written, month: word.month, year, canonical, ok});
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
