/**
 * Opening a Word (.docx, .docm) or OpenDocument (.odt) package: a zip read
 * with fflate. Only the XML parts are inflated (never a macro project, never
 * an image), and only after their sizes as the zip states them have been
 * added up and found within OFFICE_LIMITS: a zip bomb is refused before a
 * byte of it is inflated, and fflate inflates each part into a buffer of
 * its stated size, never more.
 *
 * What the bytes are is read from them, not from the file's name: a zip; an
 * OLE compound file (a password-protected Office file, or the old binary
 * Word .doc); another binary format; or text.
 */

import {unzipSync} from 'fflate';
import {OfficeError} from './errors.js';
import {say, type Localized} from '../../core/types.js';

export const OFFICE_LIMITS = {
  /** The uncompressed size of all parts read, added up. */
  partBytes: 256 * 1024 * 1024,
  /** Entries in the zip. */
  entries: 50_000,
};

/** The extensions of the documents read as Word or OpenDocument files. */
export const OFFICE_EXTENSIONS = ['.docx', '.docm', '.odt'];

export type Sniffed =
  | {kind: 'zip'}
  | {kind: 'ole'}
  | {kind: 'binary'; what: string}
  | {kind: 'text'};

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'a RAR archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
  [[0x4d, 0x5a], 'a Windows executable'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x00, 0x00, 0x01, 0x00], 'an icon'],
];

/** What the first bytes of a file say it is. */
export function sniff(bytes: Uint8Array): Sniffed {
  const starts = (m: number[]) => m.every((b, i) => bytes[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06]) || starts([0x50, 0x4b, 0x07, 0x08])) return {kind: 'zip'};
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return {kind: 'ole'};
  for (const [m, what] of MAGIC) if (starts(m)) return {kind: 'binary', what};
  return {kind: 'text'};
}

/** A string's UTF-16 LE bytes, to look for a stream's name in an OLE directory. */
function utf16(s: string): Buffer {
  return Buffer.from(s, 'utf16le');
}

/** Why an OLE compound file cannot be read: encrypted OOXML (a password), or a binary Word, Excel or PowerPoint file. */
export function oleReason(bytes: Buffer): Localized {
  if (bytes.includes(utf16('EncryptedPackage')) || bytes.includes(utf16('EncryptionInfo'))) {
    return say(
      'het document is met een wachtwoord beveiligd (versleuteld); Rubric kan het niet lezen: sla het op zonder wachtwoord (Bestand > Info > Document beveiligen) en controleer die kopie; niet gelezen',
      'the document is protected with a password (encrypted); Rubric cannot read it: save it without a password (Bestand > Info > Document beveiligen) and check that copy; not read',
    );
  }
  if (bytes.includes(utf16('WordDocument'))) {
    return say(
      'een oud binair Word-document (.doc), dat Rubric niet leest: sla op als .docx en controleer dat; niet gelezen',
      'an old binary Word document (.doc), which Rubric does not read: sla op als .docx (save as .docx) and check that; not read',
    );
  }
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('PowerPoint Document'))) {
    return say('een oud binair Excel- of PowerPoint-bestand, geen tekstdocument; niet gelezen', 'an old binary Excel or PowerPoint file, not a text document; not read');
  }
  return say(
    'een OLE-bestand (een oud binair Office-formaat of een versleuteld document), geen Word- of OpenDocument-bestand dat Rubric leest: sla op als .docx; niet gelezen',
    'an OLE compound file (an old binary Office format or an encrypted document), not a Word or OpenDocument file Rubric reads: sla op als .docx; not read',
  );
}

export interface OfficePackage {
  file: string;
  /** The package's bytes as read. */
  bytes: Buffer;
  format: 'docx' | 'odt';
  /** Every entry's name, in the order of the zip's directory. */
  names: string[];
  /** The XML parts read, decoded. */
  parts: Map<string, XmlPart>;
}

export interface XmlPart {
  text: string;
  /** The part began with a UTF-8 byte-order mark (it is not in `text`). */
  bom: boolean;
  /** The part is UTF-16 (read, but never rewritten). */
  utf16?: boolean;
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

function decodePart(file: string, name: string, data: Uint8Array): XmlPart {
  const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  if (data[0] === 0xff && data[1] === 0xfe) {
    return {text: Buffer.from(data.subarray(2)).toString('utf16le'), bom: false, utf16: true};
  }
  try {
    return {text: utf8.decode(bom ? data.subarray(3) : data), bom};
  } catch {
    throw new OfficeError(file, `${name} is not valid UTF-8; the file is damaged; not read`);
  }
}

const MB = 1024 * 1024;

/** Reads the package's directory and its XML parts; throws an OfficeError for a damaged, oversized or foreign zip. */
export function openPackage(file: string, bytes: Buffer, limits = OFFICE_LIMITS): OfficePackage {
  const damaged = (e: unknown) =>
    new OfficeError(file, say(
      `geen leesbaar zip-pakket: het is beschadigd of afgebroken (${(e as Error).message}); niet gelezen`,
      `not a readable zip package: it is damaged or truncated (${(e as Error).message}); not read`,
    ));
  // First the directory alone: names and stated sizes, nothing inflated.
  const entries: {name: string; size: number; compression: number}[] = [];
  try {
    unzipSync(bytes, {
      filter(f) {
        entries.push({name: f.name, size: f.originalSize, compression: f.compression});
        if (entries.length > limits.entries) throw new OfficeError(file, `the zip has more than ${limits.entries} entries; not read`);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof OfficeError) throw e;
    throw damaged(e);
  }
  const names = entries.map((e) => e.name);
  const has = (n: string) => names.includes(n);
  let format: 'docx' | 'odt';
  if (has('[Content_Types].xml') && names.some((n) => n.startsWith('word/'))) format = 'docx';
  else if (has('mimetype') || has('content.xml')) format = 'odt';
  else if (names.some((n) => n.startsWith('xl/'))) throw new OfficeError(file, say('een Excel-werkmap, geen tekstdocument; niet gelezen', 'an Excel workbook, not a text document; not read'));
  else if (names.some((n) => n.startsWith('ppt/'))) throw new OfficeError(file, say('een PowerPoint-presentatie, geen tekstdocument; niet gelezen', 'a PowerPoint presentation, not a text document; not read'));
  else throw new OfficeError(file, say('een zip-archief, geen Word- (.docx) of OpenDocument-document (.odt); niet gelezen', 'a zip archive, not a Word (.docx) or OpenDocument (.odt) document; not read'));

  const wanted = (name: string) => /\.(xml|rels)$/i.test(name) || name === 'mimetype';
  // Comments are not document text: never read.
  const skipped = (name: string) => /(^|\/)comments[^/]*\.xml$/i.test(name);
  let total = 0;
  for (const e of entries) {
    if (!wanted(e.name) || skipped(e.name)) continue;
    total += e.size;
    if (total > limits.partBytes) {
      throw new OfficeError(file, say(
        `de delen zouden uitpakken tot meer dan ${limits.partBytes / MB} MB (een zipbom?); niet gelezen`,
        `its parts would inflate to more than ${limits.partBytes / MB} MB (a zip bomb?); not read`,
      ));
    }
    if (e.compression !== 0 && e.compression !== 8) {
      throw new OfficeError(file, `${e.name} uses a compression method (${e.compression}) that Word and LibreOffice never write; not read`);
    }
  }
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {filter: (f) => wanted(f.name) && !skipped(f.name)});
  } catch (e) {
    throw damaged(e);
  }
  const parts = new Map<string, XmlPart>();
  for (const name of Object.keys(raw)) {
    if (name === 'mimetype') continue;
    parts.set(name, decodePart(file, name, raw[name]));
  }
  if (format === 'odt') {
    const mimetype = raw.mimetype ? Buffer.from(raw.mimetype).toString('latin1').trim() : 'application/vnd.oasis.opendocument.text';
    if (!mimetype.startsWith('application/vnd.oasis.opendocument.text')) {
      throw new OfficeError(file, `an OpenDocument file of another kind (${mimetype}), not a text document; not read`);
    }
    const manifest = parts.get('META-INF/manifest.xml')?.text ?? '';
    if (/encryption-data/.test(manifest)) {
      throw new OfficeError(file, say(
        'het document is met een wachtwoord beveiligd (versleuteld); Rubric kan het niet lezen: sla het op zonder wachtwoord en controleer die kopie; niet gelezen',
        'the document is protected with a password (encrypted); Rubric cannot read it: save it without a password and check that copy; not read',
      ));
    }
  }
  return {file, bytes, format, names, parts};
}
