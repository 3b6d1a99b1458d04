/**
 * The spans of text the finishing step reads around term findings: words quoted from a written source, wiki
 * links and the labels of Markdown reference definitions. Each lies within a paragraph or a line, so within a
 * chunk: they are found chunk by chunk (chunk facts, kept between lints) and looked up by offset, instead of
 * reading the text around every finding at every lint.
 */

import {factsOf, type ChunkFact, type DocumentContext} from '../rule.js';
import {PARAGRAPH_BREAK} from '../text.js';

const QUOTE_KEY = 'finish/written-quote';
const WIKI_KEY = 'finish/wiki-link';
const LABEL_KEY = 'finish/label';
/** A chunk that ends with a verb of writing and its colon, and one that begins with a block quote: joined in the document. */
const QUOTE_ABOVE_KEY = 'finish/quote-above';
const BLOCK_QUOTE_KEY = 'finish/block-quote';

interface LabelFact extends ChunkFact {
  label: string;
}

/** A verb that introduces words quoted from a text, with its colon: `schrijft:`, `staat:`, `luidt:`, `vermeldt:`. */
const VERB_OF_WRITING = '(?:^|[^\\p{L}])(?:schrijft|schreef|schreven|schrijven|staat|stond|luidt|luidde|vermeldt|vermeldde|noteert|noteerde|concludeert|concludeerde)[ \\t]*:';
/** The verb before a quotation mark: at most one line break between (a blank line would end the paragraph). */
const WRITTEN_BY = new RegExp(`${VERB_OF_WRITING}[ \\t]*(?:\\r?\\n[ \\t]*)?$`, 'iu');
/** The verb and its colon before a Markdown block quote, which may stand a blank line or more below it. */
const WRITTEN_BY_ABOVE = new RegExp(`${VERB_OF_WRITING}\\s*$`, 'iu');
/** A Markdown block quote: the lines that begin with `>`. */
const BLOCK_QUOTE = /^(?: {0,3}>[^\n]*(?:\n|$))+/gm;
const OPENING = /[„“«"]/g;
const CLOSING = /[”»"]/;

/** The quotations a verb of writing introduces (`De commissie schrijft: “…”`), from the opening mark to the closing one. */
function writtenQuotes(text: string, at: number): ChunkFact[] {
  const out: ChunkFact[] = [];
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(text); m; m = OPENING.exec(text)) {
    const open = m.index;
    if (!WRITTEN_BY.test(text.slice(Math.max(0, open - 40), open))) continue;
    const rest = text.slice(open + 1);
    const close = rest.search(CLOSING);
    const paragraphEnd = rest.search(PARAGRAPH_BREAK);
    if (close === -1 || (paragraphEnd !== -1 && paragraphEnd < close)) continue;
    out.push({key: QUOTE_KEY, start: at + open, end: at + open + 1 + close});
    OPENING.lastIndex = open + 2 + close;
  }
  return out;
}

/**
 * The block quotes of a chunk under a verb of writing (`Artikel 8 luidt:` above `> …`): the quoted text, as a
 * quotation mark would make it. A block quote that opens the chunk, and a verb with its colon that ends it, are
 * kept for the document to join (the verb's paragraph and the quote are two chunks when a blank line parts them).
 */
function quotedBlocks(text: string, at: number, out: ChunkFact[]): void {
  if (text.includes('>')) {
    BLOCK_QUOTE.lastIndex = 0;
    for (let m = BLOCK_QUOTE.exec(text); m; m = BLOCK_QUOTE.exec(text)) {
      const start = m.index;
      const end = start + m[0].replace(/\n$/, '').length;
      if (WRITTEN_BY_ABOVE.test(text.slice(Math.max(0, start - 60), start))) out.push({key: QUOTE_KEY, start: at + start, end: at + end});
      else if (text.slice(0, start).trim() === '') out.push({key: BLOCK_QUOTE_KEY, start: at + start, end: at + end});
    }
  }
  const trimmed = text.trimEnd();
  if (trimmed.endsWith(':') && WRITTEN_BY_ABOVE.test(trimmed.slice(-40))) out.push({key: QUOTE_ABOVE_KEY, start: at + trimmed.length, end: at + trimmed.length});
}

/** A wiki link on one line, `[[BZK Handreiking Derubricering]]`, also with its brackets escaped (`\[\[…\]\]`). */
const WIKI_LINK = /\\?\[\\?\[((?:(?!\\?\]\\?\]|\\?\[\\?\[)[^\r\n])*)\\?\]\\?\]/g;

/** A reference or footnote definition's label at a line start: `[BVD]: https://…`, `[^BVD]: …`. */
const DEFINITION = /^ {0,3}\[((?:[^[\]\\\r\n]|\\.){1,999})\]:/gm;

const normalLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The spans of one chunk's text (or of a whole text), offsets from `at`. */
export function chunkSpanFacts(text: string, at: number): ChunkFact[] {
  const out = writtenQuotes(text, at);
  quotedBlocks(text, at, out);
  for (const m of text.matchAll(WIKI_LINK)) out.push({key: WIKI_KEY, start: at + m.index!, end: at + m.index! + m[0].length});
  if (text.includes(']:')) {
    for (const m of text.matchAll(DEFINITION)) out.push({key: LABEL_KEY, start: at + m.index!, end: at + m.index! + m[0].length, label: normalLabel(m[1])} as LabelFact);
  }
  return out;
}

/** The document's spans of one key, in order: from the chunks, or read from the whole text. */
function spans<F extends ChunkFact>(ctx: DocumentContext, key: string): readonly F[] {
  return factsOf<F>(ctx, key) ?? ctx.memo(`spans:${key}`, () => chunkSpanFacts(ctx.text, 0).filter((f): f is F => f.key === key));
}

/** Whether [start, end) lies inside one of `list` (in order of start), which do not nest. */
function inside(list: readonly ChunkFact[], start: number, end: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  // The last span that opens before the words.
  const s = list[lo - 1];
  return s !== undefined && end <= s.end;
}

/**
 * Whether [start, end) lies in a quotation that a verb of writing introduces (`De commissie schrijft: “…”`): the
 * words of another document, which the writer cannot change. Spoken words (`„…”, zei hij`) are not: the writer chose
 * how to spell them.
 */
export function inWrittenQuote(ctx: DocumentContext, start: number, end: number): boolean {
  return inside(writtenQuoteSpans(ctx), start, end);
}

/**
 * The quotations of the document in order: those its chunks found, and the block quotes that open a chunk right
 * below a chunk ending with a verb of writing (only blank lines between). A quotation inside such a block quote
 * is part of it: the spans do not nest.
 */
function writtenQuoteSpans(ctx: DocumentContext): readonly ChunkFact[] {
  const found = spans(ctx, QUOTE_KEY);
  const above = spans(ctx, QUOTE_ABOVE_KEY);
  if (above.length === 0) return found;
  return ctx.memo('spans:quoted-blocks', () => {
    const blocks = spans(ctx, BLOCK_QUOTE_KEY);
    const joined: ChunkFact[] = [];
    let k = 0;
    for (const b of blocks) {
      while (k + 1 < above.length && above[k + 1].end <= b.start) k++;
      const verb = above[k];
      if (verb.end <= b.start && ctx.text.slice(verb.end, b.start).trim() === '') joined.push(b);
    }
    if (joined.length === 0) return found;
    const outside = found.filter((f) => !joined.some((b) => b.start <= f.start && f.end <= b.end));
    return [...outside, ...joined].sort((a, b) => a.start - b.start);
  });
}

/**
 * Whether [start, end) lies inside a wiki link on its line (`[[BZK Handreiking Derubricering]]`, as note-taking
 * tools link their pages): the title of another page, which a term fix would break.
 */
export function inWikiLink(ctx: DocumentContext, start: number, end: number): boolean {
  return inside(spans(ctx, WIKI_KEY), start, end);
}

/**
 * A test whether [start, end) lies inside a label that the document
 * defines: the `[BVD]` of a shortcut or collapsed reference link or a
 * footnote call `[^BVD]`, whose text is also its link to the definition, and
 * the definition's own label. Labels are not prose: a term fix there would
 * break the link (the chunks are parsed apart, so micromark cannot tell).
 * Undefined when the document defines no label.
 */
export function labelTest(ctx: DocumentContext): ((start: number, end: number) => boolean) | undefined {
  const defined = spans<LabelFact>(ctx, LABEL_KEY);
  if (defined.length === 0) return undefined;
  const labels = new Set(defined.map((d) => d.label));
  const {text} = ctx;
  return (start, end) => {
    let open = start - 1;
    while (open >= 0 && start - open <= 1000 && text[open] !== '[' && text[open] !== ']' && text[open] !== '\n') open--;
    if (open < 0 || text[open] !== '[') return false;
    let close = end;
    while (close < text.length && close - end <= 1000 && text[close] !== ']' && text[close] !== '[' && text[close] !== '\n') close++;
    if (text[close] !== ']') return false;
    return labels.has(normalLabel(text.slice(open + 1, close)));
  };
}
