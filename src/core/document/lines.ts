/**
 * The first text lines of a document, as the kind and date detection reads
 * them: front matter, code and HTML skipped, a Markdown line without its
 * heading marks, emphasis (bold or italics) around the whole line and hard break.
 */

import type {DocumentContext} from '../rule.js';
import type {Block} from '../parse.js';

export interface TextLine {
  /** The content, without decorations; offsets into the document. */
  start: number;
  end: number;
  text: string;
  /** 0-based line number. */
  line: number;
  /** A Markdown heading (ATX or setext). */
  heading: boolean;
  /** The previous text line is not directly above it (a blank line or skipped block between). */
  paragraphStart: boolean;
}

const SKIPPED: ReadonlySet<Block['kind']> = new Set(['frontmatter', 'code', 'html']);

/** Up to `limit` text lines from the start of the document. */
export function firstTextLines(ctx: Pick<DocumentContext, 'text' | 'lines' | 'blocks' | 'language'>, limit: number): TextLine[] {
  const {text, lines} = ctx;
  // Only the blocks that begin by the last line read matter: they are taken in as the lines are read.
  const skipped: Block[] = [];
  const headingLines = new Set<number>();
  const underlines = new Set<number>();
  let b = 0;
  const takeBlocksTo = (offset: number) => {
    for (; b < ctx.blocks.length && ctx.blocks[b].start <= offset; b++) {
      const block = ctx.blocks[b];
      if (SKIPPED.has(block.kind)) skipped.push(block);
      if (block.kind !== 'heading') continue;
      const first = lines.position(block.start).line;
      headingLines.add(first);
      for (let n = first + 1, last = lines.position(Math.max(block.start, block.end - 1)).line; n <= last; n++) underlines.add(n);
    }
  };
  const out: TextLine[] = [];
  let k = 0;
  let gap = true;
  for (let n = 0; n < lines.lineCount && out.length < limit; n++) {
    const lineStart = lines.lineStart(n);
    const lineEnd = lines.lineEnd(n);
    takeBlocksTo(lineEnd);
    while (k < skipped.length && skipped[k].end <= lineStart) k++;
    const raw = text.slice(lineStart, lineEnd);
    if ((k < skipped.length && skipped[k].start <= lineStart) || !raw.trim() || /^\s*<!--.*-->\s*$/.test(raw)) {
      gap = true;
      continue;
    }
    let s = lineStart + raw.length - raw.trimStart().length;
    let e = lineStart + raw.trimEnd().length;
    const heading = ctx.language === 'markdown' && headingLines.has(n);
    if (ctx.language === 'markdown') {
      if (underlines.has(n) && !headingLines.has(n)) continue;
      // A table's delimiter row (tested without backtracking: `- - - …` is quadratic for a pattern with a required `-`).
      if (raw.includes('|') && raw.includes('-') && /^[\s:|-]*$/.test(raw)) continue;
      const atx = heading ? /^#{1,6}[ \t]+/.exec(text.slice(s, e)) : null;
      if (atx) s += atx[0].length;
      const closing = heading ? /[ \t]+#+$/.exec(text.slice(s, e)) : null;
      if (closing) e -= closing[0].length;
      if (text[e - 1] === '\\' && text[e - 2] !== '\\') e = s + text.slice(s, e - 1).trimEnd().length;
      // Emphasis around the whole line: bold, or italics with no other star or underscore in it (`*Notitie, 14 mei 2022*`).
      const em = /^(\*\*|__)(?=\S)([\s\S]*\S)\1$|^([*_])(?=[^\s*_])([^*_]*[^\s*_])\3$/.exec(text.slice(s, e));
      if (em) {
        const mark = (em[1] ?? em[3]).length;
        s += mark;
        e -= mark;
      }
    }
    if (e <= s) continue;
    out.push({start: s, end: e, text: text.slice(s, e), line: n, heading, paragraphStart: gap});
    gap = false;
  }
  return out;
}
