/** Character classes, folding and offset-to-position conversion. */

/**
 * Pushes the offset after each line break of `text` (LF, CRLF, a lone CR) onto `out`: the one place
 * line starts are computed. The engine does it once per chunk and keeps them with the chunk's results.
 */
export function pushLineStarts(text: string, out: number[]): number[] {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) out.push(i + 1);
  }
  return out;
}

/** The document's line ending, as its first line ends (what an editor takes for the whole file, read without a scan of a long text); `\n` with none. */
export function lineEnding(text: string): string {
  const nl = text.indexOf('\n');
  if (nl !== -1) return text[nl - 1] === '\r' ? '\r\n' : '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** A blank line: two line breaks with only white space (a carriage return, a byte-order mark) between them. */
export const PARAGRAPH_BREAK = /\n[ \t\r\ufeff]*\n/;

/** Maps offsets to 0-based line and column (UTF-16 code units; CRLF ends one line). */
export class LineIndex {
  private starts: number[] = [0];

  /** An index over line starts already known (0 first, ascending). */
  static fromLineStarts(text: string, starts: number[]): LineIndex {
    const index = new LineIndex('');
    (index as {text: string}).text = text;
    index.starts = starts;
    return index;
  }

  constructor(readonly text: string) {
    pushLineStarts(text, this.starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the line's text, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13 && this.text.charCodeAt(end) === 10) end--;
    return end;
  }

  position(offset: number): {line: number; column: number} {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return {line: lo, column: offset - this.starts[lo]};
  }

  /** The line holding `offset`: its start and its end before the line break. */
  lineAround(offset: number): {start: number; end: number} {
    const {line} = this.position(offset);
    return {start: this.lineStart(line), end: this.lineEnd(line)};
  }

  offset(line: number, column: number): number {
    return Math.min(this.lineStart(line) + column, this.lineEnd(line));
  }
}

/**
 * Look-alike letters from other scripts that a reader cannot tell from Latin
 * ones. Folding them lets a term written with a Cyrillic `А` still be found.
 */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
  'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Ԁ': 'D', 'Ԛ': 'Q', 'Ԝ': 'W',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's',
  'ԁ': 'd', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
  // Greek
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
  'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'α': 'a', 'τ': 't',
  'ϲ': 'c', 'ϳ': 'j',
};

const foldCache: (string | undefined)[] = [];

/**
 * Folds one UTF-16 code unit to the letters it stands for when comparing
 * terms: without diacritics, look-alikes mapped to Latin, case kept.
 * Combining marks fold to the empty string.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ch;
  let folded = foldCache[code];
  if (folded === undefined) {
    if (code >= 0x300 && code <= 0x36f) folded = '';
    else if (ch in HOMOGLYPHS) folded = HOMOGLYPHS[ch];
    else {
      folded = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (ch === 'ß') folded = 'ss';
    }
    foldCache[code] = folded;
  }
  return folded;
}

/** Folds a whole string (see foldChar). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += ch.length === 1 ? foldChar(ch) : ch;
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Per UTF-16 code unit: 0 not yet known, 1 not a word character, 2 a word character. */
const wordCharCache = new Uint8Array(65536);

/** A letter, digit or combining mark: part of a word. */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  let known = wordCharCache[code];
  if (known === 0) {
    known = (code >= 0x300 && code <= 0x36f) || LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 2 : 1;
    wordCharCache[code] = known;
  }
  return known === 2;
}

export function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Whitespace within a line (space, tab, no-break space). */
export function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x202f || code === 0xfeff;
}

/** A hyphen or dash that can join the parts of a Dutch compound. */
export function isHyphenCode(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011;
}
