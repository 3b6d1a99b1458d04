/**
 * Splits a document into chunks that parse the same alone as in place, so
 * that each chunk can be parsed, checked and cached on its own.
 *
 * A Markdown chunk ends before a non-indented line that follows a blank line,
 * unless that blank line is inside front matter, a fenced code block, an HTML
 * comment or a raw `<pre>`/`<script>`/`<style>`/`<textarea>` block. Indented
 * lines after a blank line (list-item continuations, indented code) stay with
 * the chunk above them, where they belong. Plain text splits at every blank
 * line.
 */

import type {DocumentLanguage} from './types.js';

export interface Chunk {
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(\s|>|$)/i;
const RAW_CLOSE = /<\/(pre|script|style|textarea)>/i;

/** Length of the front matter (`---` … `---`) at the start of the text, or 0. */
export function frontMatterLength(text: string): number {
  const m = /^(?:\ufeff)?---[ \t]*\r?\n/.exec(text);
  if (!m) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = m[0].length;
  const end = close.exec(text);
  return end ? end.index + end[0].length : 0;
}

/**
 * Splits `text` from `from` on, which must be 0 or the start of a chunk:
 * there the splitter's state is clean (no open fence, comment or raw block,
 * and a blank line before). Yields the chunks in order; the last one ends at
 * the end of the text.
 */
export function* chunksFrom(text: string, language: DocumentLanguage, from: number): Generator<Chunk> {
  let chunkStart = from;
  let pos = from;
  if (language === 'markdown' && from === 0) {
    const fm = frontMatterLength(text);
    if (fm > 0) {
      yield {start: 0, end: fm};
      chunkStart = pos = fm;
    }
  }
  let fence: string | null = null;
  let inComment = false;
  let inRaw = false;
  let prevBlank = false;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    const next = eol === -1 ? text.length : eol + 1;
    if (eol === -1) eol = text.length;
    // A byte-order mark opening the text is no part of its first line (a fence behind it is a fence).
    const line = pos === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1, eol) : text.slice(pos, eol);
    const blank = /^[ \t\r\ufeff]*$/.test(line);
    let boundary = false;
    if (language === 'plaintext') {
      boundary = !blank && prevBlank && pos > chunkStart;
    } else if (fence !== null) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && /^[ \t\r]*$/.test(line.slice(m[0].length))) {
        fence = null;
      }
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (inRaw) {
      if (RAW_CLOSE.test(line)) inRaw = false;
    } else {
      boundary = !blank && !/^[ \t]/.test(line) && prevBlank && pos > chunkStart;
      const f = FENCE.exec(line);
      if (f) fence = f[1];
      else if (RAW_OPEN.test(line) && !RAW_CLOSE.test(line)) inRaw = true;
      else {
        const open = line.lastIndexOf('<!--');
        if (open !== -1 && line.indexOf('-->', open + 4) === -1) inComment = true;
      }
    }
    if (boundary) {
      yield {start: chunkStart, end: pos};
      chunkStart = pos;
    }
    prevBlank = blank && fence === null && !inComment && !inRaw;
    pos = next;
  }
  if (chunkStart < text.length || chunkStart === from) yield {start: chunkStart, end: text.length};
}
