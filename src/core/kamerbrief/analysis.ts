/**
 * Reads a Kamerbrief (DOMAIN.md §4) into its parts, with offsets: address
 * block, the fields (Datum, Betreft, kenmerken, bijlagen), salutation, body
 * with its titled sections, footnotes and Kamerstuk references, the ministers
 * named with `mede namens`, and the closing with its signers.
 *
 * The analysis works on lines, so that the plain text of a sent letter (as
 * in shared/corpus) and a Markdown draft read the same. In Markdown it skips
 * front matter, code and HTML, reads headings as section titles and ignores
 * the decorations of a line: hard breaks (`\`, two spaces), `**` around a
 * field label, table pipes.
 */

import type {DocumentContext} from '../rule.js';
import {looksLikeTitle, type Block} from '../parse.js';
import {isCaption} from '../caption.js';
import type {DocumentLanguage} from '../types.js';
import {lineEnding} from '../text.js';
import {findDates, MONTHS, type DutchDate} from './dates.js';
import {nameAt, type KamerbriefData} from './data.js';
import {markingLineTest} from '../markings/inMarking.js';
import {EMPTY_RULESET, type MarkingRuleset} from '../markings/ruleset.js';

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type FieldName = 'datum' | 'betreft' | 'onsKenmerk' | 'uwKenmerk' | 'bijlagen';

export interface LetterField extends Span {
  name: FieldName;
  /** `Datum`, as written (without `**` or `:`). */
  label: TextSpan;
  /** What follows the label; empty (start = end) when nothing does. A Betreft may continue on the next line. */
  value: TextSpan;
}

export interface AddressBlock extends Span {
  /** Every line of the block, in order; the first is the addressee line. */
  lines: TextSpan[];
  addressee: TextSpan;
  postbus?: TextSpan;
  /** The postcode and city line. */
  city?: TextSpan;
}

export interface Section extends Span {
  title: TextSpan;
  /** Markdown heading depth; 2 for plain-text title lines and bold title lines. */
  depth: number;
}

export interface Footnote extends TextSpan {
  /** `1`, or the Markdown label (`[^bron]` -> `bron`). */
  label: string;
}

export type MinisterRole = 'minister' | 'minister-president' | 'staatssecretaris';

/** `De minister van Binnenlandse Zaken en Koninkrijksrelaties`, in a signature or a `mede namens` sentence. */
export interface MinisterRef extends TextSpan {
  role: MinisterRole;
  preposition?: 'van' | 'voor';
  /** The ministry (after `van`) or portfolio (after `voor`) as written. */
  name?: TextSpan;
}

export interface Signer {
  title: MinisterRef;
  /** The line with the signer's name (`drs. K.H. Ollongren`), when there is one. */
  name?: TextSpan;
}

export interface Closing extends Span {
  signers: Signer[];
}

export interface KamerbriefAnalysis {
  isLetter: boolean;
  /** What made the document a letter. */
  detectedBy?: 'address' | 'frontMatter';
  address?: AddressBlock;
  /** The fields in the order written. */
  fields: LetterField[];
  /** The letter's date, read from the Datum field in whatever form it is written. */
  date?: DutchDate;
  salutation?: TextSpan;
  /** From the first line after the header (or salutation) to the closing. */
  body?: Span;
  sections: Section[];
  footnotes: Footnote[];
  /** `Kamerstuk 31 288, nr. 1003` and the like. */
  references: TextSpan[];
  /** Ministers named in a `mede namens` sentence. */
  coSigners: MinisterRef[];
  closing?: Closing;
  /** The document's line ending, for fixes that insert lines. */
  eol: string;
}

/** The input the analysis needs: a DocumentContext has all of it. */
export type LetterInput = Pick<DocumentContext, 'text' | 'language' | 'lines' | 'blocks' | 'frontMatter'>;

/** The letter analysis of a document, computed once per lint and shared by the rules and the outline. */
export function kamerbriefOf(ctx: DocumentContext): KamerbriefAnalysis {
  return ctx.memo('kamerbrief', () => analyseKamerbrief(ctx, ctx.data.kamerbrief, {markings: ctx.data.markings}));
}

export function letterField(a: KamerbriefAnalysis, name: FieldName): LetterField | undefined {
  return a.fields.find((f) => f.name === name);
}

interface Line extends TextSpan {
  /** The previous line is blank or not part of the text (code, front matter), or there is none. */
  paragraphStart: boolean;
  /** Markdown heading depth. */
  heading?: number;
  /** What ends the line after its content in Markdown: a hard break (`\`, spaces), kept by fixes that insert lines. */
  lineEnd: number;
}

const ADDRESS_START = /^aan\s+de\s+voorzitter\b/i;
const POSTBUS = /^postbus\b/i;
const POSTCODE = /^\d{4}\s*[a-z]{2}\b/i;
const FIELD = /^(\|[ \t]*)?(\*\*|__|\*|_)?(datum|betreft|onderwerp|ons\s+kenmerk|uw\s+kenmerk|kenmerk|bijlagen?|bijlage\(n\))[ \t]*(:?)[ \t]*\2[ \t]*(:?)(?=[ \t|]|$)[ \t]*\|?[ \t]*/i;
const SALUTATION = /^(?:(?:zeer\s+|hoog)?geachte|beste)\b[^.!?]{0,60},?$/i;
const CLOSING_PHRASE = /^(?:hoogachtend|met\s+(?:de\s+meeste\s+hoogachting|vriendelijke\s+groet(?:en)?))[,.]?$/i;
const TITLE_START = /(?:^|(?<=\s))de\s+(?:minister-president|minister|staatssecretaris)\b/gi;
const TITLE = /^(de)\s+(minister-president|minister|staatssecretaris)(?:,\s*minister\s+(van|voor)\s+(\S.*?)|\s+(van|voor)\s+(\S.*?))?\s*,?\s*$/i;
const FOOTNOTE_MD = /^\[\^([^\]\s]+)\]:/;
/** A plain-text footnote: its number first, bare or in parentheses or brackets (`1 …`, `(1) …`, `[1] …`). */
const FOOTNOTE_PLAIN = /^[(\[]?(\d{1,2})[)\]]?[ \t]+\S/;
/** A footnote typed as text in a Markdown letter (a Word document's text has its brackets escaped): `(1) …`, `\[1\] …`. */
const FOOTNOTE_TYPED = /^(?:\((\d{1,2})\)|\\?\[(\d{1,2})\\?\])[ \t]+\S/;

/** A footnote line after the signature, as the document's language writes one. */
function isFootnoteLine(text: string, language: DocumentLanguage): boolean {
  return FOOTNOTE_MD.test(text) || (language === 'plaintext' ? FOOTNOTE_PLAIN.test(text) : FOOTNOTE_TYPED.test(text));
}
const REFERENCE = /\bKamerstuk(?:ken)?\s+(?:I{1,2}\s+)?(?:\d{4}\/\d{2,4},?\s+)?\d{2}\s?\d{3}(?:-[A-Z]{1,4})?,\s*nrs?\.\s*\d+(?:\s*(?:en|,)\s*\d+)*/g;

const FIELD_NAMES: Record<string, FieldName> = {
  // `Onderwerp`: the subject field's name in letters before the Rijkshuisstijl of 2010 wrote `Betreft`.
  datum: 'datum', betreft: 'betreft', onderwerp: 'betreft', 'ons kenmerk': 'onsKenmerk', 'uw kenmerk': 'uwKenmerk', kenmerk: 'onsKenmerk',
  bijlage: 'bijlagen', bijlagen: 'bijlagen', 'bijlage(n)': 'bijlagen',
};

/** Excluded from the letter's lines: front matter, code, HTML (comments, directives). */
const SKIPPED_BLOCKS: ReadonlySet<Block['kind']> = new Set(['frontmatter', 'code', 'html']);

/** The text lines of the document, or of its first `limit` text lines. */
function readLines(input: LetterInput, limit = Infinity): Line[] {
  const {text, lines: index, language} = input;
  // Only the blocks that begin by the last line read matter (blocks are in order): taken in as the lines are read.
  const skipped: Block[] = [];
  const headings = new Map<number, Block>();
  /** Lines inside a heading after its first: a setext underline. */
  const underlines = new Set<number>();
  let b = 0;
  const takeBlocksTo = (offset: number) => {
    for (; b < input.blocks.length && input.blocks[b].start <= offset; b++) {
      const block = input.blocks[b];
      if (SKIPPED_BLOCKS.has(block.kind)) skipped.push(block);
      if (block.kind !== 'heading') continue;
      const first = index.position(block.start).line;
      headings.set(first, block);
      for (let n = first + 1, last = index.position(block.end).line; n <= last; n++) underlines.add(n);
    }
  };
  const out: Line[] = [];
  let paragraphStart = true;
  let k = 0;
  for (let n = 0; n < index.lineCount && out.length < limit; n++) {
    const start = index.lineStart(n);
    const end = index.lineEnd(n);
    takeBlocksTo(end);
    while (k < skipped.length && skipped[k].end <= start) k++;
    const inSkipped = k < skipped.length && skipped[k].start <= start && start < skipped[k].end;
    const raw = text.slice(start, end);
    if (inSkipped || /^\s*<!--.*-->\s*$/.test(raw) || /^\s*$/.test(raw)) {
      paragraphStart = true;
      continue;
    }
    let s = start + (raw.length - raw.trimStart().length);
    let e = start + raw.trimEnd().length;
    const lineEnd = e;
    let heading: number | undefined;
    if (language === 'markdown') {
      const hb = headings.get(n);
      if (underlines.has(n)) continue;
      // A blockquote's markers (`> Aan de Voorzitter …`, an address block set off as a quotation) are no part of the line.
      const quote = /^ {0,3}(?:>[ \t]?)+/.exec(raw);
      if (quote) {
        s = start + quote[0].length;
        if (e <= s) {
          paragraphStart = true;
          continue;
        }
      }
      // A table's delimiter row (tested without backtracking: `- - - …` is quadratic for the old pattern).
      if (/^[\s:|-]*$/.test(raw) && raw.includes('-') && raw.includes('|')) continue;
      if (hb) {
        heading = hb.depth;
        const atx = /^ {0,3}(#{1,6})[ \t]+/.exec(raw);
        if (atx) s = start + atx[0].length;
        const closing = /[ \t]+#+[ \t]*$/.exec(text.slice(s, e));
        if (closing) e = s + closing.index;
      }
    }
    // A Markdown hard break (also in a Markdown letter pasted into plain text).
    if (text[e - 1] === '\\' && text[e - 2] !== '\\') e = s + text.slice(s, e - 1).trimEnd().length;
    if (e <= s) continue;
    out.push({start: s, end: e, text: text.slice(s, e), paragraphStart, heading, lineEnd});
    paragraphStart = heading !== undefined;
  }
  return out;
}

/** Front matter `type:` values that make a document a letter (src/core/document/kinds.ts names the other kinds). */
const LETTER_TYPES = new Set(['kamerbrief', 'letter', 'brief']);

function isLetterByFrontMatter(frontMatter: string | undefined): boolean | undefined {
  if (frontMatter === undefined) return undefined;
  const m = /^type[ \t]*:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m.exec(frontMatter);
  return m ? LETTER_TYPES.has(m[1].toLowerCase()) : undefined;
}

/** What may follow a Datum label set off by one space only: a date, or what stands for one (`[datum]`, `xx-xx-2020`, a weekday). */
const DATE_LIKE = new RegExp(`^(?:\\d|[[{<(…_*.]|x{2}|(?:${[...MONTHS, 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'].join('|')})(?![\\p{L}]))`, 'iu');

/**
 * A Datum label is a field when it stands alone: with a colon, a tab or wider space, in bold or a table cell, or
 * before a date (or what stands for one) or a single word (`Datum volgt`). A label that runs on into other words
 * is none: a web page's metadata header glued into one line (`Datum publicatieOrganisatieVergaderjaar…`), `Datum
 * van de vergadering`.
 */
function standaloneDatum(m: RegExpExecArray, value: string): boolean {
  if (m[1] || m[2] || m[4] || m[5] || value === '' || /\|/.test(m[0])) return true;
  const gap = m[0].slice((m[1]?.length ?? 0) + (m[2]?.length ?? 0) + m[3].length);
  if (/\t| {2}/.test(gap) || DATE_LIKE.test(value)) return true;
  return /^\p{L}+[.!]?$/u.test(value) && !/\p{Ll}\p{Lu}/u.test(value);
}

function parseField(line: Line): LetterField | undefined {
  const m = FIELD.exec(line.text);
  if (!m) return undefined;
  const name = FIELD_NAMES[m[3].toLowerCase().replace(/\s+/g, ' ')];
  if (name === 'datum' && !standaloneDatum(m, line.text.slice(m[0].length).trim())) return undefined;
  const labelStart = line.start + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
  const label = {start: labelStart, end: labelStart + m[3].length, text: m[3]};
  let valueText = line.text.slice(m[0].length);
  valueText = valueText.replace(/[ \t]*\|[ \t]*$/, '');
  const value = {start: line.start + m[0].length, end: line.start + m[0].length + valueText.length, text: valueText};
  return {name, start: line.start, end: line.end, label, value};
}

/** A line that can stand in a closing after the signature title: a name, a marking, a footnote. */
function isTailLine(line: Line, language: DocumentLanguage, isMarking: (line: string) => boolean): boolean {
  if (isFootnoteLine(line.text, language)) return true;
  if (isMarking(line.text) || CLOSING_PHRASE.test(line.text)) return true;
  return line.text.length <= 60 && line.text.split(/\s+/).length <= 8 && !/[.!?]["'”’)]?$/.test(line.text.replace(/\b\p{Lu}\.$/u, ''));
}

/**
 * A person's name as it signs: initials and surname, with titles before them (`drs. K.H. Ollongren`, `A.Th.B.
 * Bijleveld-Schouten`, `P.Q. de Wit`, `mr. J. van der Berg`). Initials are required: a ministry's name has none
 * (`Landbouw, Visserij, Voedselzekerheid en Natuur`).
 */
const PERSON = new RegExp(
  "^(?:(?:drs|mr|dr|ir|ing|prof|ds|bc|mw|dhr)\\.?\\s*)*" +
  "(?:\\p{Lu}\\p{Ll}{0,2}\\.[ \\t]*-?[ \\t]*)+" +
  "(?:(?:[Vv]an|[Dd]e[nr]?|[Tt]e[nr]?|het|'t|von|la|le|du|da|di|el|al)\\s+)*" +
  "\\p{Lu}[\\p{L}'’]+(?:-\\p{L}[\\p{L}'’]*)*$",
  'u',
);

/**
 * A closing written on one line (`De Minister van Defensie, R.S. Jansen`, as the HTML of a Kamerstuk joins the
 * two lines): the title ends at the last comma after which a person's name stands; that name is the signer's.
 */
function splitSignatory(seg: string): {title: string; name?: {at: number; text: string}} {
  for (let c = seg.lastIndexOf(','); c > 0; c = seg.lastIndexOf(',', c - 1)) {
    const rest = seg.slice(c + 1);
    const name = rest.trim().replace(/[ \t]*[.,]$/, '');
    if (!PERSON.test(name)) continue;
    return {title: seg.slice(0, c + 1), name: {at: c + 1 + (rest.length - rest.trimStart().length), text: name}};
  }
  return {title: seg};
}

interface TitleOnLine {
  ref: MinisterRef;
  /** The signer's name after the title on the same line. */
  name?: TextSpan;
}

/** Splits a signature line into its titles (two signers can share a line in a two-column layout). */
function parseTitles(text: string, line: Line): MinisterRef[] {
  return titlesOnLine(text, line).map((t) => t.ref);
}

function titlesOnLine(text: string, line: Line): TitleOnLine[] {
  const starts = [...line.text.matchAll(TITLE_START)].map((m) => m.index!);
  if (starts.length === 0 || starts[0] !== 0) return [];
  const refs: TitleOnLine[] = [];
  starts.forEach((s, i) => {
    const segEnd = i + 1 < starts.length ? starts[i + 1] : line.text.length;
    const whole = line.text.slice(s, segEnd).trimEnd();
    const split = splitSignatory(whole);
    const seg = split.title;
    const m = TITLE.exec(seg);
    if (!m || /[.!?:;]$/.test(seg)) return;
    // Without the closing comma, only a name that reads like one (capitals and joining words) makes a title.
    const nameWords = (m[4] ?? m[6] ?? '').split(/[\s,]+/).filter(Boolean);
    if (!seg.endsWith(',') && !nameWords.every((w) => /^\p{Lu}/u.test(w) || /^(?:en|van|voor|der|de|het)$/.test(w) || w.endsWith('-'))) return;
    const start = line.start + s;
    const written = seg.replace(/\s*,\s*$/, '');
    const ref: MinisterRef = {start, end: start + written.length, text: written, role: m[2].toLowerCase() as MinisterRole};
    const prep = m[3] ?? m[5];
    const name = m[4] ?? m[6];
    if (prep && name) {
      ref.preposition = prep.toLowerCase() as 'van' | 'voor';
      const nameStart = start + seg.lastIndexOf(name);
      ref.name = {start: nameStart, end: nameStart + name.length, text: text.slice(nameStart, nameStart + name.length)};
    }
    const signer = split.name && {start: start + split.name.at, end: start + split.name.at + split.name.text.length, text: split.name.text};
    refs.push(signer ? {ref, name: signer} : {ref});
  });
  return refs;
}

function isTitleLine(line: Line): boolean {
  return /^de\s+(?:minister|staatssecretaris)/i.test(line.text) && line.text.length <= 160 && parseTitles(line.text, line).length > 0;
}

/** The address block sits among the first text lines. */
const ADDRESS_WITHIN = 15;

/** The indexes of the address block's lines: the addressee line near the top, with the lines below it in its paragraph. */
function findAddress(lines: Line[]): number[] {
  for (let i = 0; i < Math.min(lines.length, ADDRESS_WITHIN); i++) {
    const l = lines[i];
    if (l.heading !== undefined || !ADDRESS_START.test(l.text)) continue;
    const next = lines[i + 1];
    const nextInBlock = next && !next.paragraphStart ? next : undefined;
    if (!/\bkamer\b/i.test(l.text) && !(nextInBlock && POSTBUS.test(nextInBlock.text))) continue;
    const found = [i];
    for (let j = i + 1; j < lines.length && j < i + 5 && !lines[j].paragraphStart && !parseField(lines[j]); j++) found.push(j);
    return found;
  }
  return [];
}

/**
 * Reads a document as a letter. Works on any text; `isLetter` says whether it
 * is one. `asLetter`: read it as a letter whatever its first lines show (a
 * document whose kind is set to letter, a published Kamerstuk's closing).
 * `markings`: the marking schemes, whose lines may stand in a closing under
 * the signature (without them no line is read as a marking).
 */
export function analyseKamerbrief(input: LetterInput, data?: KamerbriefData, options: {asLetter?: boolean; markings?: MarkingRuleset} = {}): KamerbriefAnalysis {
  const {text, language} = input;
  const eol = lineEnding(text);
  const result: KamerbriefAnalysis = {isLetter: false, fields: [], sections: [], footnotes: [], references: [], coSigners: [], eol};
  // Whether it is a letter shows in its first lines; only a letter is read to the end.
  const byFrontMatter = language === 'markdown' ? isLetterByFrontMatter(input.frontMatter) : undefined;
  let lines = readLines(input, ADDRESS_WITHIN + 5);
  if (!options.asLetter && (byFrontMatter === false || (byFrontMatter === undefined && findAddress(lines).length === 0))) return result;
  lines = readLines(input);

  const addressLines = readAddress(lines, result);
  result.isLetter = options.asLetter || (byFrontMatter ?? result.address !== undefined);
  if (result.isLetter && (byFrontMatter || result.address)) result.detectedBy = byFrontMatter ? 'frontMatter' : 'address';
  const bodyFrom = readHeader(lines, text, new Set(addressLines), result);
  readDate(text, result);
  const closingFrom = readClosing(lines, text, language, bodyFrom, result, markingLineTest(options.markings ?? EMPTY_RULESET));
  if (bodyFrom < closingFrom) result.body = {start: lines[bodyFrom].start, end: lines[closingFrom - 1].end};
  readFootnotes(lines, text, language, bodyFrom, result);
  readSections(lines, text, language, bodyFrom, closingFrom, result);
  readReferences(text, data, result);
  return result;
}

/** The address block: its lines (indices into `lines`), with the addressee, Postbus and city lines. */
function readAddress(lines: Line[], result: KamerbriefAnalysis): number[] {
  const addressLines = findAddress(lines);
  if (addressLines.length) {
    const ls = addressLines.map((i) => lines[i]);
    const spans = ls.map(({start, end, text: t}) => ({start, end, text: t}));
    // An addressee the address window wrapped (`Aan de Voorzitter van de Tweede Kamer` / `der Staten-Generaal`) is one line.
    const wrapped = spans[1] && /^\p{Ll}/u.test(spans[1].text) && !POSTBUS.test(spans[1].text) && !POSTCODE.test(spans[1].text);
    const addressee = wrapped ? {start: spans[0].start, end: spans[1].end, text: `${spans[0].text} ${spans[1].text}`} : spans[0];
    result.address = {
      start: spans[0].start, end: spans[spans.length - 1].end, lines: spans, addressee,
      postbus: spans.slice(1).find((s) => POSTBUS.test(s.text)),
      city: spans.slice(1).find((s) => POSTCODE.test(s.text)),
    };
  }
  return addressLines;
}

/**
 * The header: the paragraphs with the address and the fields, up to the salutation or the first prose
 * paragraph. Returns the index of the body's first line.
 */
function readHeader(lines: Line[], text: string, addressSet: Set<number>, result: KamerbriefAnalysis): number {
  let bodyFrom = lines.length;
  let lastField: LetterField | undefined;
  let seenHeader = false;
  let i = 0;
  header: while (i < lines.length) {
    let j = i + 1;
    while (j < lines.length && !lines[j].paragraphStart) j++;
    const para = lines.slice(i, j);
    const fieldsHere = para.map(parseField);
    const isHeaderPara = para.some((_, k) => addressSet.has(i + k) || fieldsHere[k]);
    for (let k = 0; k < para.length; k++) {
      const l = para[k];
      if ((k === 0 || isHeaderPara) && SALUTATION.test(l.text) && !fieldsHere[k] && !addressSet.has(i + k)) {
        result.salutation = {start: l.start, end: l.end, text: l.text};
        bodyFrom = i + k + 1;
        break header;
      }
      if (!isHeaderPara) continue;
      const f = fieldsHere[k];
      if (f) {
        result.fields.push(f);
        lastField = f;
      } else if (lastField && lastField.value.text.trim() === '' && lastField.end === lines[i + k - 1]?.end && !addressSet.has(i + k)) {
        // A label on a line of its own with its value under it (`Datum` / `9 maart 2014`).
        lastField.value = {start: l.start, end: l.end, text: l.text};
        lastField.end = l.end;
      } else if (lastField?.name === 'betreft' && lastField.end === lines[i + k - 1]?.end && !addressSet.has(i + k)) {
        // A subject continued on the next line.
        lastField.end = lastField.value.end = l.end;
        lastField.value.text = text.slice(lastField.value.start, l.end);
      }
    }
    if (!isHeaderPara) {
      // Before the address block and fields: a banner, a title, a return address. After them: the body.
      const prose = para.some((l) => l.text.length > 80 || /[.!?]["'”’)]?$/.test(l.text));
      if (prose || seenHeader) {
        bodyFrom = i;
        break;
      }
    } else seenHeader = true;
    i = j;
  }
  return bodyFrom;
}

/** The letter's date, from its Datum field. */
function readDate(text: string, result: KamerbriefAnalysis): void {
  const datum = result.fields.find((f) => f.name === 'datum');
  if (datum) {
    const d = findDates(text, datum.value.start, datum.value.end).find((x) => x.year !== undefined && x.day !== undefined);
    if (d) result.date = {year: d.year!, month: d.month, day: d.day!};
  }

}

/** The closing: from the last signature title upwards over further titles and the lines that go with them. Returns its first line. */
function readClosing(
  lines: Line[], text: string, language: DocumentLanguage, bodyFrom: number, result: KamerbriefAnalysis, isMarking: (line: string) => boolean,
): number {
  let closingFrom = lines.length;
  for (let k = lines.length - 1; k >= bodyFrom; k--) {
    const l = lines[k];
    // The signature's title opens a paragraph, or follows another title or a closing phrase, or directly follows the
    // last sentence of the body when it ends with its comma (`… doorlooptijden.` / `De minister van …,`).
    const prev = lines[k - 1]?.text ?? '';
    const titleEnds = () => /,\s*$/.test(l.text) || titlesOnLine(text, l).some((t) => t.name);
    if (isTitleLine(l) && (l.paragraphStart || isTitleLine(lines[k - 1]) || CLOSING_PHRASE.test(prev) || (/[.!?]["'”’)]?$/.test(prev) && titleEnds()))) {
      closingFrom = k;
      continue;
    }
    if (!isTailLine(l, language, isMarking)) break;
  }
  if (closingFrom < lines.length && closingFrom > bodyFrom && CLOSING_PHRASE.test(lines[closingFrom - 1].text)) closingFrom--;
  if (closingFrom < lines.length) {
    const signers: Signer[] = [];
    let pending: Signer[] = [];
    for (let k = closingFrom; k < lines.length; k++) {
      const l = lines[k];
      if (isTitleLine(l)) {
        const titles = titlesOnLine(text, l);
        const here: Signer[] = titles.map((t) => (t.name ? {title: t.ref, name: t.name} : {title: t.ref}));
        signers.push(...here);
        pending = here.filter((sg) => !sg.name);
      } else if (pending.length && !isTailLine(l, language, isMarking)) {
        continue;
      } else if (pending.length && !isMarking(l.text) && !CLOSING_PHRASE.test(l.text) && !isFootnoteLine(l.text, language)) {
        const parts = pending.length > 1 ? l.text.split(/\t+| {3,}/) : [l.text];
        let from = 0;
        pending.forEach((s, n) => {
          const part = parts[Math.min(n, parts.length - 1)];
          const at = l.text.indexOf(part, from);
          from = at + part.length;
          s.name = {start: l.start + at, end: l.start + at + part.length, text: part};
        });
        pending = [];
      }
    }
    result.closing = {start: lines[closingFrom].start, end: lines[lines.length - 1].end, signers};
  }

  return closingFrom;
}

/** The footnotes of the body: Markdown footnote definitions, or in plain text lines `1 …` numbered in turn. */
function readFootnotes(lines: Line[], text: string, language: DocumentLanguage, bodyFrom: number, result: KamerbriefAnalysis): void {
  // Plain text: a footnote is a line `1 …` numbered in turn, after its marker glued to a word (`spionage.1`, `spionage.(1)`).
  let nextFootnote = 1;
  const firstMarker = new Map<number, number>();
  if (language === 'plaintext' && bodyFrom < lines.length) {
    const from = lines[bodyFrom].start;
    for (const m of text.slice(from).matchAll(/[\p{L}.,;:!?)'"”’](\d{1,2})(?!\d)|[\p{L}.,;:!?'"”’][(\[](\d{1,2})[)\]]/gu)) {
      const n = Number(m[1] ?? m[2]);
      if (!firstMarker.has(n)) firstMarker.set(n, from + m.index!);
    }
  }
  const isFootnote = (l: Line): boolean => {
    if (language === 'markdown') return FOOTNOTE_MD.test(l.text);
    const m = FOOTNOTE_PLAIN.exec(l.text);
    return !!m && Number(m[1]) === nextFootnote && (firstMarker.get(nextFootnote) ?? Infinity) < l.start;
  };
  for (let k = bodyFrom; k < lines.length; k++) {
    const l = lines[k];
    if (isFootnote(l)) {
      const label = language === 'markdown' ? FOOTNOTE_MD.exec(l.text)![1] : FOOTNOTE_PLAIN.exec(l.text)![1];
      result.footnotes.push({start: l.start, end: l.end, text: l.text, label});
      if (language === 'plaintext') nextFootnote++;
    }
  }
}

/** The body's sections: headings, and titles on a line of their own (bold in Markdown), each to the next. */
function readSections(lines: Line[], text: string, language: DocumentLanguage, bodyFrom: number, closingFrom: number, result: KamerbriefAnalysis): void {
  const footnoteStarts = new Set(result.footnotes.map((f) => f.start));
  const titles: Array<{line: Line; depth: number; title: TextSpan}> = [];
  for (let k = bodyFrom; k < closingFrom; k++) {
    const l = lines[k];
    if (footnoteStarts.has(l.start)) continue;
    if (l.heading !== undefined) {
      titles.push({line: l, depth: l.heading, title: {start: l.start, end: l.end, text: l.text}});
      continue;
    }
    const next = lines[k + 1];
    if (k + 1 >= closingFrom || !next) continue;
    if (language === 'markdown') {
      const bold = /^(\*\*|__)(\S(?:.*\S)?)\1$/.exec(l.text);
      if (bold && l.paragraphStart && looksLikeTitle(bold[2])) {
        const s = l.start + bold[1].length;
        titles.push({line: l, depth: 2, title: {start: s, end: s + bold[2].length, text: bold[2]}});
      }
      continue;
    }
    const afterFootnote = k > 0 && footnoteStarts.has(lines[k - 1].start);
    if ((l.paragraphStart || afterFootnote) && looksLikeTitle(l.text) && !FOOTNOTE_PLAIN.test(l.text) && !isCaption(text, l.start, l.end)) {
      titles.push({line: l, depth: 2, title: {start: l.start, end: l.end, text: l.text}});
    }
  }
  const contentEndBefore = (k: number): number => {
    let n = k - 1;
    while (n > 0 && footnoteStarts.has(lines[n].start)) n--;
    return lines[n].end;
  };
  titles.forEach((t, n) => {
    const nextIndex = n + 1 < titles.length ? lines.indexOf(titles[n + 1].line) : closingFrom;
    result.sections.push({start: t.line.start, end: contentEndBefore(nextIndex), title: t.title, depth: t.depth});
  });

}

/** Kamerstuk references and `mede namens` anywhere in the body. */
function readReferences(text: string, data: KamerbriefData | undefined, result: KamerbriefAnalysis): void {
  if (result.body) {
    const bodyText = text.slice(result.body.start, result.body.end);
    for (const m of bodyText.matchAll(REFERENCE)) {
      const start = result.body.start + m.index!;
      result.references.push({start, end: start + m[0].length, text: m[0]});
    }
    for (const m of bodyText.matchAll(/\bmede[ \t]*\r?\n?[ \t]*namens\s+/gi)) {
      result.coSigners.push(...readCoSigners(text, result.body.start + m.index! + m[0].length, result.body.end, data));
    }
  }
}

const REF_HEAD = /(?:de|het)\s+(minister-president|minister|staatssecretaris)\s+(van|voor)\s+/iy;
const NAME_STOP = /,|\.|;|:|\s+(?:en|of)\s+(?:de|het)\s|\s+(?:over|om|inzake|betreffende|aangaande|naar|in|met)\s|\r?\n[ \t]*\r?\n/g;

/** `de minister van Defensie en de minister voor Rechtsbescherming`, after `mede namens`. */
function readCoSigners(text: string, pos: number, limit: number, data?: KamerbriefData): MinisterRef[] {
  const refs: MinisterRef[] = [];
  for (let guard = 0; guard < 8; guard++) {
    REF_HEAD.lastIndex = pos;
    const head = REF_HEAD.exec(text);
    if (!head || head.index >= limit) break;
    const prep = head[2].toLowerCase() as 'van' | 'voor';
    const nameStart = REF_HEAD.lastIndex;
    const list = prep === 'van' ? data?.ministries : data?.ministersFor;
    let nameEnd: number;
    const known = list && nameAt(list, text, nameStart);
    if (known) nameEnd = known.end;
    else {
      NAME_STOP.lastIndex = nameStart;
      const stop = NAME_STOP.exec(text);
      nameEnd = Math.min(stop ? stop.index : limit, limit, nameStart + 80);
    }
    const start = head.index;
    refs.push({
      start, end: nameEnd, text: text.slice(start, nameEnd), role: head[1].toLowerCase() as MinisterRole, preposition: prep,
      name: {start: nameStart, end: nameEnd, text: text.slice(nameStart, nameEnd)},
    });
    const more = /\s*(?:,|\s)\s*(?:en\s+)?(?=(?:de|het)\s+(?:minister|staatssecretaris))/iy;
    more.lastIndex = nameEnd;
    if (!more.test(text)) break;
    pos = more.lastIndex;
  }
  return refs;
}
