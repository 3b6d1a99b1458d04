/**
 * Reading a draft and writing it back after `--fix`: the file's encoding,
 * line endings and permissions are kept, the write is atomic (temporary file,
 * then rename), and a file that changed since it was read is not written.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {TextDecoder} from 'node:util';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'latin1';

export interface TextDocumentFile {
  file: string;
  text: string;
  encoding: Encoding;
  /** The bytes as read, to detect a change before writing. */
  bytes: Buffer;
}

const utf8Strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

export function decode(bytes: Buffer): {text: string; encoding: Encoding} {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: bytes.toString('utf16le'), encoding: 'utf16le'};
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    return {text: swapped.toString('utf16le'), encoding: 'utf16be'};
  }
  try {
    return {text: utf8Strict.decode(bytes), encoding: 'utf8'};
  } catch {
    return {text: bytes.toString('latin1'), encoding: 'latin1'};
  }
}

export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf16be') {
    const b = Buffer.from(text, 'utf16le');
    b.swap16();
    return b;
  }
  return Buffer.from(text, encoding);
}

export function readDocument(file: string): TextDocumentFile {
  const bytes = fs.readFileSync(file);
  return {file, bytes, ...decode(bytes)};
}

export class ChangedOnDiskError extends Error {
  constructor(readonly file: string) {
    super(`${file}: the file changed since it was read; not written`);
  }
}

/** Writes `text` in place of `doc`, atomically, refusing when the file changed since it was read. */
export function writeDocument(doc: TextDocumentFile, text: string): void {
  const current = fs.readFileSync(doc.file);
  if (!current.equals(doc.bytes)) throw new ChangedOnDiskError(doc.file);
  const stat = fs.statSync(doc.file);
  const dir = path.dirname(doc.file);
  const tmp = path.join(dir, `.${path.basename(doc.file)}.rubric-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, encode(text, doc.encoding), {mode: stat.mode & 0o7777, flag: 'wx'});
    fs.chmodSync(tmp, stat.mode & 0o7777);
    try {
      fs.chownSync(tmp, stat.uid, stat.gid);
    } catch {
      // Only the owner or root may change ownership; the mode is kept either way.
    }
    const again = fs.readFileSync(doc.file);
    if (!again.equals(doc.bytes)) throw new ChangedOnDiskError(doc.file);
    fs.renameSync(tmp, doc.file);
  } catch (e) {
    fs.rmSync(tmp, {force: true});
    throw e;
  }
}
