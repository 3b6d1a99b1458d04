/**
 * Parses one chunk (see chunks.ts) into the facts the rules need: the blocks
 * (headings, paragraphs, list items, code), the prose ranges in which terms
 * are looked for, and the inline `rubric-*` directives. Offsets are relative
 * to the chunk text.
 */

import {isCaption} from './caption.js';
import type * as Micromark from 'micromark';
import type * as MicromarkGfm from 'micromark-extension-gfm';
import type * as MicromarkFrontmatter from 'micromark-extension-frontmatter';
import type {Event, ParseContext} from 'micromark-util-types';
import type {DocumentLanguage} from './types.js';
import {frontMatterLength} from './chunks.js';

export type BlockKind = 'heading' | 'paragraph' | 'code' | 'table' | 'html' | 'frontmatter' | 'break';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading depth (1-6); plain-text titles get 2. */
  depth?: number;
  /** The paragraph is (the first of) a list item. */
  listItem?: boolean;
}

export interface Range {
  start: number;
  end: number;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids, or null for every rule. */
  rules: string[] | null;
  start: number;
  end: number;
}

export interface ParsedChunk {
  blocks: Block[];
  prose: Range[];
  directives: Directive[];
  /** Raw front matter text (without the fences), if this chunk is front matter. */
  frontMatter?: string;
  /** Markdown whose structure is too costly to parse (see tooComplex), read as plain text instead: why. */
  plainText?: ComplexityReason;
}

export type ComplexityReason = 'size' | 'nesting' | 'emphasis' | 'table';

/**
 * The bounds of one chunk (a block and what hangs on it) that micromark is
 * given. Past them its cost grows far faster than the text: emphasis
 * delimiters are resolved by scanning and splicing all events (60 KB of
 * nested emphasis took over a minute), every container level on a line is
 * re-entered on every following line (1,500 nested quotes: 17 s, 2.3 GB),
 * table rows cost tens of times a paragraph's (5 MB: 18 s, 2.2 GB). Within
 * them a chunk parses in well under a second; no text written by hand comes
 * near them.
 */
export const MARKDOWN_LIMITS = {
  /** Characters in one chunk. */
  size: 256 * 1024,
  /** Container markers (`>`, list markers) opening one line. */
  nesting: 32,
  /** Runs of `*` or `_`. */
  emphasis: 1000,
  /** Lines with a `|`. */
  table: 2000,
};

/** Why a Markdown chunk is beyond MARKDOWN_LIMITS, or undefined; linear in the text. */
export function tooComplex(text: string, atDocumentStart = true): ComplexityReason | undefined {
  if (text.length > MARKDOWN_LIMITS.size) return 'size';
  let runs = 0;
  let pipes = 0;
  let lineStart = true;
  let depth = 0;
  let pipeOnLine = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      depth = 0;
      pipeOnLine = false;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 9 || (c === 0xfeff && i === 0 && atDocumentStart)) continue;
      // `>`, or a list marker followed by a blank: one more container on this line.
      let marker = 0;
      if (c === 62) marker = 1;
      else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) marker = 1;
      else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) marker = j - i + 1;
      }
      if (marker) {
        if (++depth > MARKDOWN_LIMITS.nesting) return 'nesting';
        i += marker - 1;
        continue;
      }
      lineStart = false;
    }
    if ((c === 42 || c === 95) && text.charCodeAt(i - 1) !== c && ++runs > MARKDOWN_LIMITS.emphasis) return 'emphasis';
    if (c === 124 && !pipeOnLine) {
      pipeOnLine = true;
      if (++pipes > MARKDOWN_LIMITS.table) return 'table';
    }
  }
  return undefined;
}

/**
 * The engine reads micromark's events (the tokenizer under remark-parse, with
 * the same GFM and front-matter extensions) instead of building an mdast tree.
 * One parser is built once and reused for every chunk: building it (merging
 * the extensions) costs more than parsing a paragraph.
 */
let parser: ParseContext | undefined;
let micromark: typeof Micromark | undefined;

function markdownEvents(text: string, atDocumentStart: boolean): Event[] {
  if (!parser) {
    // Loaded with the first Markdown chunk: a run over plain text never loads a Markdown parser.
    micromark = require('micromark') as typeof Micromark;
    const {gfm} = require('micromark-extension-gfm') as typeof MicromarkGfm;
    const {frontmatter} = require('micromark-extension-frontmatter') as typeof MicromarkFrontmatter;
    parser = micromark.parse({extensions: [gfm(), frontmatter(['yaml'])]});
  }
  const {postprocess, preprocess} = micromark!;
  // Per-document state of the parser: link definitions seen, lazy lines.
  parser.defined = [];
  parser.lazy = {};
  // micromark drops a leading byte-order mark, which would shift every offset by one. Opening the
  // document it stands for nothing (the caller parses the text after it); opening a later chunk it is an
  // ordinary character, as it is there in the whole document (read as a word joiner, which micromark keeps).
  const input = text.charCodeAt(0) === 0xfeff && !atDocumentStart ? `\u2060${text.slice(1)}` : text;
  return postprocess(parser.document().write(preprocess()(input, undefined, true)));
}

const DIRECTIVE = /<!--\s*rubric-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->/g;

function directivesIn(text: string, base: number, out: Directive[]): void {
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    out.push({
      kind: m[1] as Directive['kind'],
      rules: ids.length ? ids : null,
      start: base + m.index,
      end: base + m.index + m[0].length,
    });
  }
}

const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()"']*[^\s<>()"'.,;:!?]/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const FILE_EXTENSION = /\.(?:png|jpe?g|gif|svg|pdf|docx?|xlsx?|pptx?|odt|txt|md|markdown|ya?ml|json|csv|zip|html?|xml|ts|js)(?![\p{L}\p{N}])/giu;
const FILE_NAME_CHAR = /[\p{L}\p{N}_.-]/u;

/** URLs, e-mail addresses and file names (`kaart.png`) in text[start, end): never findings. */
function nonProse(text: string, start: number, end: number): Range[] {
  const slice = text.slice(start, end);
  const found: Range[] = [];
  const collect = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) found.push({start: start + m.index, end: start + m.index + m[0].length});
  };
  if (slice.includes('://') || /www\./i.test(slice)) collect(URL);
  if (slice.includes('@')) collect(EMAIL);
  if (slice.includes('.')) {
    FILE_EXTENSION.lastIndex = 0;
    for (let m = FILE_EXTENSION.exec(slice); m; m = FILE_EXTENSION.exec(slice)) {
      let s = m.index;
      while (s > 0 && FILE_NAME_CHAR.test(slice[s - 1])) s--;
      // A name before the dot, and not a sentence's full stop followed by a word (`… het md.`).
      if (s < m.index && /[\p{L}\p{N}_-]/u.test(slice[m.index - 1])) found.push({start: start + s, end: start + m.index + m[0].length});
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Adds [start, end) to `out` as prose, minus URLs, e-mail addresses and file
 * names, which are never findings.
 */
export function addProse(text: string, start: number, end: number, out: Range[]): void {
  let from = start;
  for (const r of nonProse(text, start, end)) {
    if (r.start > from) out.push({start: from, end: r.start});
    from = Math.max(from, r.end);
  }
  if (end > from) out.push({start: from, end});
}

export function parseChunk(text: string, language: DocumentLanguage, atDocumentStart: boolean): ParsedChunk {
  return language === 'markdown' ? parseMarkdownChunk(text, atDocumentStart) : parsePlainChunk(text);
}

/** Inline tokens whose text is never prose: code, HTML, URLs, link destinations, images, footnote calls. */
const EXCLUDED = new Set([
  'codeText', 'htmlText', 'autolink', 'literalAutolink', 'resource', 'reference', 'image', 'gfmFootnoteCall',
]);

/** Tokens whose text, less the excluded parts, is prose. */
const PROSE = new Set(['paragraph', 'atxHeadingText', 'setextHeadingText', 'tableContent']);

/**
 * Characters (and sequences) that may give a line of prose a Markdown meaning inline: emphasis, code, links
 * and images, HTML and directives, escapes, character references, tables, strikethrough, autolinks and
 * e-mail addresses (GFM). A tab, a carriage return or a NUL, which micromark handles on its own.
 */
const INLINE_SYNTAX = /[`*_[\]<>\\|~\t\r\0@\ufeff]|&[#A-Za-z]|:\/\/|www\./i;
/** What opens a line that is not the plain continuation of a paragraph: white space (indented code, lazy lines), a block marker, a list number. */
const BLOCK_START = /^(?:[ #>+\-*=_~:]|\d+[.)])/;

/**
 * The parse of a chunk that is one paragraph of plain prose, without micromark: its lines open with nothing
 * a block could begin with, end without white space (a hard break), and hold no character that inline
 * syntax starts with; undefined for any other chunk. Exactly micromark's result for such a chunk (one
 * paragraph block, its whole extent prose; test/unit/plainParagraph.test.ts compares the two), at a fraction of
 * the cost: most chunks of a long report are such paragraphs.
 */
export function plainParagraph(text: string): ParsedChunk | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  if (end === 0 || INLINE_SYNTAX.test(text)) return undefined;
  for (let pos = 0; pos < end;) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1 || eol > end) eol = end;
    // A blank line (two paragraphs), a line that opens a block, or one ending in a space (a hard break).
    if (eol === pos || BLOCK_START.test(text.slice(pos, Math.min(eol, pos + 12))) || text.charCodeAt(eol - 1) === 32) return undefined;
    pos = eol + 1;
  }
  const result: ParsedChunk = {blocks: [{kind: 'paragraph', start: 0, end}], prose: [], directives: []};
  addProse(text, 0, end, result.prose);
  return result;
}

function parseMarkdownChunk(text: string, atDocumentStart: boolean): ParsedChunk {
  // (A front matter opens with `---`, a block marker: never a plain paragraph.)
  const plain = text.length <= MARKDOWN_LIMITS.size ? plainParagraph(text) : undefined;
  return plain ?? micromarkChunk(text, atDocumentStart);
}

/** A Markdown chunk's parse from micromark's events. */
export function micromarkChunk(text: string, atDocumentStart: boolean): ParsedChunk {
  const result: ParsedChunk = {blocks: [], prose: [], directives: []};
  if (atDocumentStart) {
    const fm = frontMatterLength(text);
    if (fm > 0 && fm === text.length) {
      result.blocks.push({kind: 'frontmatter', start: 0, end: fm});
      result.frontMatter = text.slice(text.indexOf('\n') + 1, text.lastIndexOf('---', fm));
      return result;
    }
  }
  const complex = tooComplex(text, atDocumentStart);
  if (complex) return {...parsePlainChunk(text), plainText: complex};
  // Front matter can only open a document: elsewhere a leading `---` is a thematic break or heading.
  let proseStart = -1;
  let proseDepth = 0;
  let excludedDepth = 0;
  let listItemPending = false;
  let inDelimiterRow = false;
  let heading: Block | undefined;
  const cut = (end: number) => {
    if (proseStart >= 0 && end > proseStart) addProse(text, proseStart, end, result.prose);
  };
  // A byte-order mark opening the document is parsed around: the offsets of what follows it move by one.
  const shift = atDocumentStart && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const [kind, token] of markdownEvents(shift ? text.slice(1) : text, atDocumentStart)) {
    const start = token.start.offset + shift;
    const end = token.end.offset + shift;
    const type: string = token.type;
    if (kind === 'enter') {
      switch (type) {
        case 'atxHeading':
        case 'setextHeading':
          heading = {kind: 'heading', start, end, depth: type === 'atxHeading' ? 0 : 2};
          result.blocks.push(heading);
          listItemPending = false;
          break;
        case 'atxHeadingSequence':
          if (heading && heading.depth === 0) heading.depth = end - start;
          break;
        case 'setextHeadingLineSequence':
          if (heading) heading.depth = text[start] === '=' ? 1 : 2;
          break;
        case 'paragraph':
          result.blocks.push({kind: 'paragraph', start, end, ...(listItemPending ? {listItem: true} : {})});
          listItemPending = false;
          break;
        case 'codeFenced':
        case 'codeIndented':
          result.blocks.push({kind: 'code', start, end});
          listItemPending = false;
          break;
        case 'table':
          result.blocks.push({kind: 'table', start, end});
          break;
        case 'tableDelimiterRow':
          inDelimiterRow = true;
          break;
        case 'thematicBreak':
          result.blocks.push({kind: 'break', start, end});
          break;
        case 'htmlFlow':
          result.blocks.push({kind: 'html', start, end});
          directivesIn(text.slice(start, end), start, result.directives);
          break;
        case 'htmlText':
          directivesIn(text.slice(start, end), start, result.directives);
          break;
        case 'yaml':
          result.blocks.push({kind: 'frontmatter', start, end});
          break;
        default:
          break;
      }
      if (PROSE.has(type) && !inDelimiterRow) {
        if (proseDepth++ === 0 && excludedDepth === 0) proseStart = start;
      } else if (EXCLUDED.has(type) && proseDepth > 0) {
        if (excludedDepth++ === 0) {
          cut(start);
          proseStart = -1;
        }
      }
    } else {
      if (type === 'listItemPrefix') listItemPending = true;
      else if (type === 'tableDelimiterRow') inDelimiterRow = false;
      else if (type === 'atxHeading' || type === 'setextHeading') heading = undefined;
      if (PROSE.has(type) && !inDelimiterRow && proseDepth > 0) {
        if (--proseDepth === 0) {
          if (excludedDepth === 0) cut(end);
          proseStart = -1;
        }
      } else if (EXCLUDED.has(type) && excludedDepth > 0) {
        if (--excludedDepth === 0 && proseDepth > 0) proseStart = end;
      }
    }
  }
  return result;
}

const BULLET = /^\ufeff?[ \t]*(?:[•\u2022\u25cf\u25aa\u2013*-]|\d{1,3}[.)])[ \t]+/;
const TERMINAL = /[.,;:!?…)\]'"”’]\s*$/;

/** A short line that titles what follows: the plain-text section heading. */
export function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 70 || TERMINAL.test(t)) return false;
  if (!/^\p{Lu}/u.test(t)) return false;
  return t.split(/\s+/).length <= 8;
}

function parsePlainChunk(text: string): ParsedChunk {
  const result: ParsedChunk = {blocks: [], prose: [], directives: []};
  directivesIn(text, 0, result.directives);
  let pos = 0;
  let paraStart = -1;
  let paraEnd = 0;
  let firstLineOfBlock = true;
  const closePara = () => {
    if (paraStart >= 0) result.blocks.push({kind: 'paragraph', start: paraStart, end: paraEnd});
    paraStart = -1;
  };
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    const next = eol === -1 ? text.length : eol + 1;
    if (eol === -1) eol = text.length;
    const lineEnd = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const line = text.slice(pos, lineEnd);
    const contentStart = pos + (line.length - line.trimStart().length);
    const contentEnd = pos + line.trimEnd().length;
    if (contentEnd > contentStart) {
      const bullet = BULLET.exec(line);
      if (bullet) {
        closePara();
        result.blocks.push({kind: 'paragraph', start: pos + bullet[0].length, end: contentEnd, listItem: true});
      } else if (firstLineOfBlock && looksLikeTitle(line) && !isCaption(text, contentStart, contentEnd)) {
        // A title line opens a section; an image's caption (a credit line below it, or numbered) does not.
        result.blocks.push({kind: 'heading', start: contentStart, end: contentEnd, depth: 2});
      } else {
        if (paraStart < 0) paraStart = contentStart;
        paraEnd = contentEnd;
      }
      firstLineOfBlock = false;
    }
    pos = next;
  }
  closePara();
  // One prose range for the chunk (less the directives), so that terms wrapped over two lines are found.
  let from = 0;
  for (const d of result.directives) {
    if (d.start > from) addProse(text, from, d.start, result.prose);
    from = d.end;
  }
  if (text.length > from) addProse(text, from, text.length, result.prose);
  return result;
}
