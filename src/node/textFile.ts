/**
 * Reading a draft and writing it back after `--fix`.
 *
 * Reading: only regular files, at most MAX_DOCUMENT_BYTES, the size checked
 * while reading (a device or a growing file cannot run away). The encoding
 * is detected: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (with
 * or without one), else Windows-1252 (Latin-1 and its Windows superset). The
 * byte-order mark is not part of the text the engine sees, so it can neither
 * hide a portion mark nor shift columns; it is written back first. A file
 * with NUL bytes is binary and is not read as text; UTF-8 with a stray
 * invalid byte, and UTF-16 with an odd byte count, are refused with the line.
 *
 * Writing: the file's encoding, byte-order mark, line endings and
 * permissions are kept; the write is atomic (temporary file, then rename) on
 * the link's target, so a symbolic link stays a link. A file that changed
 * since it was read, a read-only file, a file with other hard links and a
 * fix that the file's encoding cannot hold are not written.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {nodeCrypto} from './lazyCrypto.js';
import {TextDecoder} from 'node:util';
import {say, type Lang, type Localized} from '../core/types.js';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'cp1252';

/** Documents larger than this are refused rather than read. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface TextDocumentFile {
  file: string;
  /** The text, without a byte-order mark. */
  text: string;
  encoding: Encoding;
  /** The file began with a byte-order mark (written back before the text). */
  bom: boolean;
  /** The bytes as read, to detect a change before writing. */
  bytes: Buffer;
}

/** Why a file could not be read or written; the message names the file. */
export class TextFileError extends Error {
  /** The reason in both languages (a reason given as one string is the same in both). */
  readonly said: Localized;

  constructor(
    readonly file: string,
    reason: string | Localized,
    /** `binary`: the file is not text; it is skipped with a note rather than reported as an error. */
    readonly kind: 'error' | 'binary' = 'error',
  ) {
    const said = typeof reason === 'string' ? {nl: reason, en: reason} : reason;
    super(`${file}: ${said.en}`);
    this.said = said;
  }

  /** The reason, in English. */
  get reason(): string {
    return this.said.en;
  }
}

export class ChangedOnDiskError extends TextFileError {
  constructor(file: string) {
    super(file, 'the file changed since it was read; not written');
  }
}

const utf8Strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/** Windows-1252's bytes 0x80–0x9F; the five it leaves undefined stand for the C1 control of the same number. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const CP1252_BYTE = new Map<number, number>(CP1252_HIGH.map((code, i) => [code, 0x80 + i]));

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  const piece: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    piece.push(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b);
    if (piece.length === 8192) {
      out += String.fromCharCode(...piece);
      piece.length = 0;
    }
  }
  return out + String.fromCharCode(...piece);
}

/** 1-based line and column of a byte offset, counting lines in the bytes (any ASCII-compatible encoding). */
function bytePosition(bytes: Uint8Array, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return {line, column: offset - lineStart + 1};
}

/** 1-based line and column of an offset in a text. */
export function textPosition(text: string, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return {line, column: offset - lineStart + 1};
}

/** The first byte offset where `bytes` are not valid UTF-8, and whether a valid multi-byte sequence occurs. */
function utf8Scan(bytes: Uint8Array): {invalidAt: number; multibyte: boolean} {
  let multibyte = false;
  let invalidAt = -1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = n > 0 && i + n < bytes.length;
    // Overlong forms, surrogates and code points past U+10FFFF are not valid either.
    if (ok && ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] >= 0xa0) || (b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] >= 0x90))) ok = false;
    for (let k = 1; ok && k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      multibyte = true;
      i += n + 1;
    } else {
      if (invalidAt === -1) invalidAt = i;
      i++;
    }
  }
  return {invalidAt, multibyte};
}

/** UTF-16 without a byte-order mark: most high bytes (of mostly Latin text) are zero, on one side only. */
function utf16WithoutBom(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, 1 << 16);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.02) return 'utf16le';
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.02) return 'utf16be';
  return undefined;
}

function decodeUtf16(bytes: Buffer, encoding: 'utf16le' | 'utf16be', file: string, withBom: boolean): string {
  if (bytes.length % 2 !== 0) {
    const name = `UTF-16 (${encoding === 'utf16le' ? 'LE' : 'BE'})`;
    throw new TextFileError(file, say(`${name} met een oneven aantal bytes: het laatste teken is afgebroken; niet gelezen`, `${name} with an odd number of bytes: the last character is cut off; not read`));
  }
  const body = withBom ? bytes.subarray(2) : bytes;
  if (encoding === 'utf16le') return body.toString('utf16le');
  const swapped = Buffer.from(body);
  swapped.swap16();
  return swapped.toString('utf16le');
}

/**
 * The text of a file's bytes and its encoding. Throws a TextFileError for
 * binary content (kind `binary`), broken UTF-8 and truncated UTF-16.
 */
export function decode(bytes: Buffer, file = '(input)'): {text: string; encoding: Encoding; bom: boolean} {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: decodeUtf16(bytes, 'utf16le', file, true), encoding: 'utf16le', bom: true};
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: decodeUtf16(bytes, 'utf16be', file, true), encoding: 'utf16be', bom: true};
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (!bom) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return {text: decodeUtf16(bytes, utf16, file, false), encoding: utf16, bom: false};
  }
  const nul = body.indexOf(0);
  if (nul !== -1) {
    const at = nul + (bom ? 3 : 0);
    throw new TextFileError(file, say(`binaire inhoud (een NUL-byte op byte ${at}), geen tekst; overgeslagen`, `binary content (a NUL byte at byte ${at}), not a text; skipped`), 'binary');
  }
  try {
    return {text: utf8Strict.decode(body), encoding: 'utf8', bom};
  } catch {
    const {invalidAt, multibyte} = utf8Scan(body);
    if (bom || multibyte) {
      if (invalidAt === -1) throw new TextFileError(file, say('is geen geldige UTF-8; herstel het bestand of zet het om naar UTF-8', 'is not valid UTF-8; repair or convert the file to UTF-8'));
      const at = bytePosition(body, invalidAt);
      const byte = `0x${body[invalidAt].toString(16).toUpperCase().padStart(2, '0')}`;
      throw new TextFileError(file, say(
        `regel ${at.line}, kolom ${at.column}: byte ${byte} is geen geldige UTF-8, maar het bestand ${bom ? 'begint met een UTF-8-bytevolgordeteken' : 'is elders UTF-8'}; herstel het bestand of zet het om naar UTF-8`,
        `line ${at.line}, column ${at.column}: byte ${byte} is not valid UTF-8, but the file ${bom ? 'has a UTF-8 byte-order mark' : 'is UTF-8 elsewhere'}; repair or convert the file to UTF-8`,
      ));
    }
    return {text: decodeCp1252(body), encoding: 'cp1252', bom: false};
  }
}

/** What the encoding of the file is called in messages. */
export function encodingName(encoding: Encoding): string {
  return {utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE', cp1252: 'Windows-1252 (Latin-1)'}[encoding];
}

/** The bytes of `text` in `encoding` (with its byte-order mark when `bom`); throws a TextFileError for a character it cannot hold. */
export function encode(text: string, encoding: Encoding, bom = false, file = '(output)'): Buffer {
  if (encoding === 'utf8') return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    const b = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
    if (encoding === 'utf16be') b.swap16();
    return b;
  }
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const byte = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : CP1252_BYTE.get(c);
    if (byte === undefined) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      const at = textPosition(text, i);
      throw new TextFileError(
        file,
        `line ${at.line}, column ${at.column}: the fix writes «${ch}» (U+${text.codePointAt(i)!.toString(16).toUpperCase().padStart(4, '0')}), ` +
          `which the file's encoding, ${encodingName(encoding)}, cannot hold; not written (convert the file to UTF-8 to fix it)`,
      );
    }
    out[i] = byte;
  }
  return out;
}

const KIND_OF: [keyof fs.Stats, Localized][] = [
  ['isDirectory', say('een map', 'a folder')], ['isFIFO', say('een FIFO (named pipe)', 'a FIFO (named pipe)')],
  ['isCharacterDevice', say('een tekenapparaat', 'a character device')], ['isBlockDevice', say('een blokapparaat', 'a block device')],
  ['isSocket', say('een socket', 'a socket')],
];

const NOT_REGULAR = say('geen gewoon bestand', 'not a regular file');

/** What a non-regular file is, for messages. */
export function kindOfFile(stat: fs.Stats, lang: Lang = 'en'): string {
  for (const [test, name] of KIND_OF) if ((stat[test] as () => boolean).call(stat)) return name[lang];
  return NOT_REGULAR[lang];
}

/** Why a file could not be read, from the system's error. */
function cannotRead(e: unknown): Localized {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return say(`kan het bestand niet lezen: ${code}`, `cannot read file: ${code}`);
}

/**
 * The bytes of a regular file, at most `max`: a device, FIFO or folder is
 * refused before it is opened, and the limit is checked while reading, not
 * only against the size the file system states.
 */
export function readBounded(file: string, max: number): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new TextFileError(file, cannotRead(e));
  }
  if (!stat.isFile()) throw new TextFileError(file, say(`${kindOfFile(stat, 'nl')}, geen gewoon bestand; niet gelezen`, `${kindOfFile(stat)}, not a regular file; not read`));
  const tooLarge = () => new TextFileError(file, say(`het bestand is groter dan ${max / 1024 / 1024} MB; niet gelezen`, `file is larger than ${max / 1024 / 1024} MB; not read`));
  if (stat.size > max) throw tooLarge();
  let fd: number;
  try {
    // Non-blocking: a FIFO put in the file's place after the check does not hang the open.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new TextFileError(file, cannotRead(e));
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new TextFileError(file, say('geen gewoon bestand; niet gelezen', 'not a regular file; not read'));
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      let n: number;
      try {
        n = fs.readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw new TextFileError(file, cannotRead(e));
      }
      if (n === 0) break;
      parts.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > max) throw tooLarge();
    }
    return Buffer.concat(parts, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a draft; throws a TextFileError naming the file and what is wrong. */
export function readDocument(file: string, max = MAX_DOCUMENT_BYTES): TextDocumentFile {
  const bytes = readBounded(file, max);
  return {file, bytes, ...decode(bytes, file)};
}

/** Writes `text` in place of `doc`, atomically, refusing when it cannot be written without harm (see the top of this file). */
export function writeDocument(doc: TextDocumentFile, text: string): void {
  const bytes = encode(text, doc.encoding, doc.bom, doc.file);
  replaceFile(doc.file, doc.bytes, bytes, (reason) => new TextFileError(doc.file, `${reason}; not written`), () => new ChangedOnDiskError(doc.file));
}

/**
 * Replaces `file`, read as `original`, with `bytes`: through a temporary file
 * in the same folder and a rename, with the file's permissions and owner, on
 * a symbolic link's target. Refused (by throwing `fail(reason)` or
 * `changed()`) for what is not a regular file, a file with other hard links,
 * a read-only file and a file that changed since it was read.
 */
export function replaceFile(file: string, original: Buffer, bytes: Buffer, fail: (reason: string) => Error, changed: () => Error): void {
  const reasonOf = (e: unknown) => `cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  let target = file;
  let stat: fs.Stats;
  try {
    // A symbolic link is kept: its target is written.
    if (fs.lstatSync(file).isSymbolicLink()) target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (e) {
    throw fail(reasonOf(e));
  }
  if (!stat.isFile()) throw fail(`${kindOfFile(stat)}, not a regular file`);
  if (stat.nlink > 1) throw fail(`the file has ${stat.nlink} hard links, which replacing it would split`);
  if ((stat.mode & 0o222) === 0) throw fail('the file is read-only');
  const unchanged = () => fs.readFileSync(target).equals(original);
  if (!unchanged()) throw changed();
  // A short name: the file's own name may already be as long as a name can be.
  const tmp = path.join(path.dirname(target), `.rubric-${process.pid}-${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  let refusal: Error | undefined;
  try {
    fs.writeFileSync(tmp, bytes, {mode: stat.mode & 0o7777, flag: 'wx'});
    fs.chmodSync(tmp, stat.mode & 0o7777);
    try {
      fs.chownSync(tmp, stat.uid, stat.gid);
    } catch {
      // Only the owner or root may change ownership; the mode is kept either way.
    }
    if (!unchanged()) throw (refusal = changed());
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, {force: true});
    throw e === refusal ? e : fail(reasonOf(e));
  }
}

/**
 * Writes `bytes` as `file`, new or replacing what is there, through a
 * temporary file in the same folder and a rename: a reader sees the old file
 * or the new one, never half of one. For Rubric's own files (its cache), not
 * a writer's documents, which go through replaceFile.
 */
export function writeFileAtomically(file: string, bytes: Buffer | string): void {
  const tmp = path.join(path.dirname(file), `.rubric-${process.pid}-${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, {flag: 'wx'});
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, {force: true});
    throw e;
  }
}
