/**
 * From a Word or OpenDocument document (./model.ts) to the Markdown text the
 * engine lints, and back: every rule sees the document as it would see the
 * same text written in Markdown (headings as `#`, list items as `- `, tables
 * as GFM tables, code as code), and every offset in that text maps to a
 * paragraph and an offset in it, and from there to the XML text node a fix
 * rewrites.
 *
 * The headers' paragraphs open the text (a marking there is the top banner),
 * the footers' paragraphs close it (the bottom banner); paragraphs with the
 * same text in several headers (first page, even pages, other sections) are
 * written once and a fix applies to each. Characters that Markdown would
 * read as syntax (`<`, `` ` ``, `[`, `&name;`, a `#` or `-` opening a line)
 * are escaped with a backslash that belongs to no paragraph.
 */

import type {Fix} from '../types.js';
import type {FixRefusal} from './location.js';
import {paragraphText, type OfficeBlock, type OfficeContent, type OfficeParagraph, type TextPiece} from './model.js';

/** A stretch of the linted text that is a stretch of a paragraph's text. */
interface Copy {
  start: number;
  end: number;
  /** Offset in the paragraph's text of `start`. */
  plain: number;
}

/** A paragraph as written into the linted text. */
export interface PlacedParagraph {
  /** Its extent in the linted text, syntax included. */
  start: number;
  end: number;
  paragraph: OfficeParagraph;
  /** Paragraphs with the same text written here once (other headers or footers). */
  same: OfficeParagraph[];
  copies: Copy[];
  /** The text of the heading it is, or stands under. */
  heading?: string;
}

export interface OfficeText {
  text: string;
  placed: PlacedParagraph[];
}

/** Whether `text[i]` opens a line-start construct that Markdown would read as syntax. */
const LINE_START_SYNTAX = new Set(['#', '>', '+', '-', '*', '=', '_', '~', '|', ':']);
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

class Builder {
  text = '';
  placed: PlacedParagraph[] = [];
  private current: PlacedParagraph | undefined;
  private headingText: string | undefined;

  begin(p: OfficeParagraph, same: OfficeParagraph[] = []): void {
    if (p.heading) this.headingText = paragraphText(p).replace(/\s+/g, ' ').trim();
    const heading = p.kind === 'header' || p.kind === 'footer' ? undefined : this.headingText;
    this.current = {start: this.text.length, end: this.text.length, paragraph: p, same, copies: [], ...(heading ? {heading} : {})};
    this.placed.push(this.current);
  }

  end(): void {
    if (this.current) this.current.end = this.text.length;
    this.current = undefined;
  }

  /** Text that belongs to no paragraph: syntax, escapes, separators. */
  syntax(s: string): void {
    this.text += s;
  }

  /** `s`, which is the current paragraph's text from offset `plain` on (white space may stand for a line break). */
  copy(s: string, plain: number): void {
    const copies = this.current!.copies;
    const last = copies[copies.length - 1];
    const start = this.text.length;
    this.text += s;
    if (last && last.end === start && last.plain + (last.end - last.start) === plain) last.end = this.text.length;
    else copies.push({start, end: this.text.length, plain});
  }
}

interface InlineMode {
  /** In a table cell or a heading: line breaks become spaces and `|` is escaped in cells. */
  cell?: boolean;
  oneLine?: boolean;
  /** What continues a line inside a list item. */
  indent?: string;
}

/** Which of `p`'s characters are code: one flag per character of its text. */
function codeFlags(p: OfficeParagraph): boolean[] | undefined {
  if (!p.pieces.some((x) => x.code)) return undefined;
  const flags: boolean[] = [];
  for (const piece of p.pieces) for (let i = 0; i < piece.text.length; i++) flags.push(Boolean(piece.code));
  return flags;
}

/** Characters that are copied as they are, whatever precedes them (outside the start of a line). */
const ORDINARY = /[^\n\r`<[\]\\&]+/y;
const ORDINARY_IN_CELL = /[^\n\r`<[\]\\&|]+/y;

/** Writes a paragraph's text as Markdown inline content. */
function inline(b: Builder, p: OfficeParagraph, mode: InlineMode): void {
  const text = paragraphText(p);
  const code = codeFlags(p);
  let lineStart = true;
  let i = 0;
  // Trailing white space is not written (Markdown would make a hard break of it, and a finding's range would take it in).
  let last = text.length;
  while (last > 0 && /\s/.test(text[last - 1]) && !code?.[last - 1]) last--;
  const ordinary = mode.cell ? ORDINARY_IN_CELL : ORDINARY;
  while (i < last) {
    // A stretch of characters that need no escape, copied at once (the common case: most of every paragraph).
    if (!lineStart && !code) {
      ordinary.lastIndex = i;
      if (ordinary.test(text)) {
        const to = Math.min(ordinary.lastIndex, last);
        b.copy(text.slice(i, to), i);
        i = to;
        continue;
      }
    }
    const c = text[i];
    if (code?.[i]) {
      let j = i;
      while (j < text.length && code[j]) j++;
      const content = text.slice(i, j);
      let longest = 0;
      for (const m of content.match(/`+/g) ?? []) longest = Math.max(longest, m.length);
      const fence = '`'.repeat(longest + 1);
      const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
      if (lineStart && fence.length >= 3) b.syntax(' ');
      b.syntax(fence + pad);
      // Line breaks inside code become spaces, so that the code span stays on one line.
      for (let k = i; k < j; k++) b.copy(text[k] === '\n' ? ' ' : text[k], k);
      b.syntax(pad + fence);
      i = j;
      lineStart = false;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (mode.oneLine || mode.cell) b.copy(' ', i);
      else {
        b.copy('\n', i);
        if (mode.indent) b.syntax(mode.indent);
        lineStart = true;
      }
      i++;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t' || c === '\u00a0') {
        i++;
        continue;
      }
      lineStart = false;
      if (LINE_START_SYNTAX.has(c)) b.syntax('\\');
      else if (c >= '0' && c <= '9') {
        let j = i;
        while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
        if (text[j] === '.' || text[j] === ')') {
          b.copy(text.slice(i, j), i);
          b.syntax('\\');
          i = j;
          continue;
        }
      }
    }
    if (c === '`' || c === '<' || c === '[' || c === ']' || (mode.cell && c === '|')) b.syntax('\\');
    else if (c === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) b.syntax('\\');
    else if (c === '&' && ENTITY.test(text.slice(i, i + 40))) b.syntax('\\');
    b.copy(c, i);
    i++;
  }
}

/** No piece has a character that is not white space (as `trim()` has it: the same set as `\s`), without joining them. */
const isEmpty = (p: OfficeParagraph) => !p.pieces.some((piece) => /\S/.test(piece.text));

/** A fence longer than any run of backticks opening a line of `text`. */
function fenceFor(text: string): string {
  let longest = 0;
  for (const m of text.match(/^[ \t]*`+/gm) ?? []) longest = Math.max(longest, m.trim().length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Writes the blocks: paragraphs separated by blank lines, list items by line breaks. */
function blocks(b: Builder, list: OfficeBlock[]): void {
  let previous: 'none' | 'block' | 'list' = 'none';
  const separate = (next: 'block' | 'list') => {
    if (previous !== 'none') b.syntax(previous === 'list' && next === 'list' ? '\n' : '\n\n');
    previous = next;
  };
  for (let n = 0; n < list.length; n++) {
    const block = list[n];
    if ('table' in block) {
      const rows = block.table.rows.filter((row) => row.some((cell) => cell.some((p) => !isEmpty(p))));
      if (rows.length === 0) continue;
      separate('block');
      const columns = Math.max(...rows.map((r) => r.length));
      rows.forEach((row, r) => {
        if (r > 0) b.syntax('\n');
        b.syntax('|');
        for (let c = 0; c < (r === 0 ? columns : row.length); c++) {
          b.syntax(' ');
          let first = true;
          for (const p of row[c] ?? []) {
            if (isEmpty(p)) continue;
            if (!first) b.syntax(' ');
            first = false;
            b.begin(p);
            inline(b, p, {cell: true});
            b.end();
          }
          b.syntax(' |');
        }
        if (r === 0) b.syntax(`\n|${' --- |'.repeat(columns)}`);
      });
      continue;
    }
    const p = block.paragraph;
    if (isEmpty(p)) continue;
    if (p.code) {
      // Consecutive code paragraphs are one code block.
      const group: OfficeParagraph[] = [p];
      while (n + 1 < list.length && 'paragraph' in list[n + 1] && (list[n + 1] as {paragraph: OfficeParagraph}).paragraph.code) {
        group.push((list[++n] as {paragraph: OfficeParagraph}).paragraph);
      }
      separate('block');
      const fence = fenceFor(group.map(paragraphText).join('\n'));
      b.syntax(`${fence}\n`);
      group.forEach((q, k) => {
        if (k > 0) b.syntax('\n');
        b.begin(q);
        const t = paragraphText(q);
        b.copy(t.replace(/\r/g, '\n'), 0);
        b.end();
      });
      b.syntax(`\n${fence}`);
      continue;
    }
    if (p.heading && p.kind !== 'table') {
      separate('block');
      b.syntax(`${'#'.repeat(Math.min(6, Math.max(1, p.heading)))} `);
      b.begin(p);
      inline(b, p, {oneLine: true});
      b.end();
    } else if (p.list) {
      separate('list');
      b.syntax('- ');
      b.begin(p);
      inline(b, p, {indent: '  '});
      b.end();
    } else {
      separate('block');
      b.begin(p);
      inline(b, p, {});
      b.end();
    }
  }
  if (previous !== 'none') b.syntax('\n');
}

/** Header or footer paragraphs, each distinct text once. */
function banners(b: Builder, list: OfficeParagraph[], atEnd: boolean): void {
  const groups = new Map<string, OfficeParagraph[]>();
  for (const p of list) {
    const key = paragraphText(p).replace(/\s+/g, ' ').trim();
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  for (const [, group] of groups) {
    if (atEnd && b.text.length > 0) b.syntax('\n');
    b.begin(group[0], group.slice(1));
    inline(b, group[0], {oneLine: true});
    b.end();
    b.syntax('\n');
    if (!atEnd) b.syntax('\n');
  }
}

/** The Markdown text of a document, with the map back to its paragraphs. */
export function officeText(content: OfficeContent): OfficeText {
  const b = new Builder();
  banners(b, content.top, false);
  blocks(b, content.body);
  banners(b, content.bottom, true);
  return {text: b.text, placed: b.placed};
}

/** Where a finding is, as a Word user finds it. */
export interface OfficeLocation {
  /** body, table, textbox, header, footer, footnote or endnote. */
  part: OfficeParagraph['kind'];
  /** The package part (`word/document.xml`, `word/header1.xml`, `content.xml`, `styles.xml`). */
  partName: string;
  /** 1-based paragraph number in its story (see OfficeParagraph.number). */
  paragraph: number;
  /** 0-based offset of the finding in the paragraph's text, and its length there. */
  offset: number;
  length: number;
  /** The paragraph is a heading with this text, or stands under it. */
  heading?: string;
  isHeading?: boolean;
  table?: {index: number; row: number; column: number};
  variant?: OfficeParagraph['variant'];
  section?: number;
  note?: number;
  /** The paragraph's text (at most CONTEXT_MAX characters around the finding). */
  context: string;
}

export const CONTEXT_MAX = 300;

/** The placed paragraph at or nearest before `offset`. */
function placedAt(t: OfficeText, offset: number): PlacedParagraph | undefined {
  let lo = 0;
  let hi = t.placed.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.placed[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === -1) return t.placed[0];
  const p = t.placed[found];
  // An offset in the syntax before a paragraph (a list marker, `# `, a table's `| `) belongs to the one after it.
  const next = t.placed[found + 1];
  if (offset > p.end && next && !t.text.slice(offset, next.start).includes('\n')) return next;
  return p;
}

/** The offset in the paragraph's text of linted-text offset `offset`. */
function plainOffset(p: PlacedParagraph, offset: number): number {
  for (const c of p.copies) {
    if (offset < c.start) return c.plain;
    if (offset <= c.end) return c.plain + (offset - c.start);
  }
  return paragraphText(p.paragraph).length;
}

/** Where [start, end) of the linted text is in the document. */
export function locate(t: OfficeText, start: number, end: number): OfficeLocation | undefined {
  const placed = placedAt(t, start);
  if (!placed) return undefined;
  const p = placed.paragraph;
  const text = paragraphText(p);
  const offset = plainOffset(placed, start);
  const endOffset = Math.max(offset, end <= placed.end ? plainOffset(placed, end) : text.length);
  let context = text.replace(/[\r\n\t]/g, ' ');
  if (context.length > CONTEXT_MAX) {
    const from = Math.max(0, Math.min(offset - CONTEXT_MAX / 2, context.length - CONTEXT_MAX));
    context = `${from > 0 ? '…' : ''}${context.slice(from, from + CONTEXT_MAX)}${from + CONTEXT_MAX < context.length ? '…' : ''}`;
  }
  return {
    part: p.kind, partName: p.part, paragraph: p.number, offset, length: endOffset - offset,
    ...(placed.heading !== undefined ? {heading: placed.heading} : {}),
    ...(p.heading ? {isHeading: true} : {}),
    ...(p.table ? {table: p.table} : {}),
    ...(p.variant ? {variant: p.variant, section: p.section} : {}),
    ...(p.note !== undefined ? {note: p.note} : {}),
    context,
  };
}

/** One rewrite of a text node: its content from `from` to `to` (in its decoded text) becomes `text`. */
export interface NodeEdit {
  piece: TextPiece;
  from: number;
  to: number;
  text: string;
}

/**
 * The text-node edits that make a fix of [start, end) → `text`, or why it
 * cannot be made: the range must lie within one text node (one run of
 * uniform formatting), in the paragraph written there and in each paragraph
 * with the same text.
 */
export function planFix(t: OfficeText, start: number, end: number, text: string): {edits: NodeEdit[]} | {reason: FixRefusal} {
  const placed = placedAt(t, start);
  if (!placed) return {reason: 'outside'};
  const copy = placed.copies.find((c) => c.start <= start && end <= c.end);
  if (!copy) return {reason: end > start && placed.copies.some((c) => c.start <= start && start < c.end) ? 'runs' : 'outside'};
  const from = copy.plain + (start - copy.start);
  const to = copy.plain + (end - copy.start);
  const edits: NodeEdit[] = [];
  for (const p of [placed.paragraph, ...placed.same]) {
    let at = 0;
    let done = false;
    for (const piece of p.pieces) {
      const pieceEnd = at + piece.text.length;
      // Within this piece; an insertion at a boundary goes to the end of the piece before it.
      if (from >= at && to <= pieceEnd && (from < pieceEnd || to === from) && piece.node?.exact) {
        edits.push({piece, from: from - at, to: to - at, text});
        done = true;
        break;
      }
      at = pieceEnd;
    }
    if (!done) return {reason: 'runs'};
  }
  return {edits};
}

/** A fix as small as it can be: the common beginning and end of the old and new text left out (`Geintegreerde …` → `ï`). */
export function shrinkFix(text: string, fix: Fix): Fix {
  const old = text.slice(fix.start, fix.end);
  let head = 0;
  while (head < old.length && head < fix.text.length && old[head] === fix.text[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < fix.text.length - head && old[old.length - 1 - tail] === fix.text[fix.text.length - 1 - tail]) tail++;
  return {start: fix.start + head, end: fix.end - tail, text: fix.text.slice(head, fix.text.length - tail)};
}

/** The text-node edits of a finding's fix, made as small as it can be first, or why it cannot be made in the file. */
export function planFindingFix(t: OfficeText, fix: Fix): {edits: NodeEdit[]} | {reason: FixRefusal} {
  const small = shrinkFix(t.text, fix);
  return planFix(t, small.start, small.end, small.text);
}
