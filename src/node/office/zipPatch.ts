/**
 * Replacing some entries of a zip and keeping every other byte: the
 * entries not replaced (their local headers, data, descriptors), whatever
 * lies between them, the central directory's records of them and the
 * archive comment are copied as they were; a replaced entry gets a new
 * local record (its header's name, extra field, time and version kept,
 * deflated by fflate) and its central record new sizes and CRC. Offsets
 * after it move by the difference. ZIP64 archives are not rewritten.
 */

import {deflateSync} from 'fflate';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export class ZipPatchError extends Error {}

interface Entry {
  name: string;
  /** Offset of the central record, and of the local header. */
  central: number;
  centralLength: number;
  local: number;
  compressedSize: number;
  flags: number;
}

function readDirectory(zip: Buffer): {entries: Entry[]; cdOffset: number; cdSize: number; eocd: number} {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipPatchError('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipPatchError('a ZIP64 archive');
  if (cdOffset + cdSize > eocd) throw new ZipPatchError('the central directory overlaps its end record');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== 0x02014b50) throw new ZipPatchError('a damaged central directory');
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const compressedSize = zip.readUInt32LE(p + 20);
    const local = zip.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || local === 0xffffffff || zip.readUInt32LE(p + 24) === 0xffffffff) throw new ZipPatchError('a ZIP64 entry');
    const length = 46 + nameLength + extraLength + commentLength;
    entries.push({
      name: zip.toString('utf8', p + 46, p + 46 + nameLength), central: p, centralLength: length, local, compressedSize,
      flags: zip.readUInt16LE(p + 8),
    });
    p += length;
  }
  return {entries, cdOffset, cdSize, eocd};
}

/** The length of an entry's local record: header, data and data descriptor. */
function localLength(zip: Buffer, e: Entry): number {
  if (zip.readUInt32LE(e.local) !== 0x04034b50) throw new ZipPatchError(`a damaged local header (${e.name})`);
  const header = 30 + zip.readUInt16LE(e.local + 26) + zip.readUInt16LE(e.local + 28);
  let length = header + e.compressedSize;
  if (e.flags & 0x08) length += zip.readUInt32LE(e.local + length) === 0x08074b50 ? 16 : 12;
  return length;
}

/** `zip` with the entries named in `replace` holding new contents. */
export function patchZip(zip: Buffer, replace: Map<string, Uint8Array>): Buffer {
  const {entries, cdOffset, eocd} = readDirectory(zip);
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name) && replace.has(e.name)) throw new ZipPatchError(`two entries named ${e.name}`);
    names.add(e.name);
  }
  for (const name of replace.keys()) if (!names.has(name)) throw new ZipPatchError(`no entry ${name}`);
  const byLocal = [...entries].sort((a, b) => a.local - b.local);
  const out: Buffer[] = [];
  let cursor = 0;
  let shift = 0;
  const newLocal = new Map<Entry, number>();
  const updates = new Map<Entry, {crc: number; compressed: number; size: number}>();
  for (const e of byLocal) {
    if (e.local < cursor) throw new ZipPatchError('overlapping entries');
    newLocal.set(e, e.local + shift);
    const data = replace.get(e.name);
    if (!data) continue;
    const length = localLength(zip, e);
    out.push(zip.subarray(cursor, e.local));
    const nameLength = zip.readUInt16LE(e.local + 26);
    const extraLength = zip.readUInt16LE(e.local + 28);
    const header = Buffer.from(zip.subarray(e.local, e.local + 30 + nameLength + extraLength));
    const compressed = deflateSync(data, {level: 6});
    const crc = crc32(data);
    header.writeUInt16LE(header.readUInt16LE(6) & ~0x08, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(data.length, 22);
    out.push(header, Buffer.from(compressed.buffer, compressed.byteOffset, compressed.length));
    updates.set(e, {crc, compressed: compressed.length, size: data.length});
    cursor = e.local + length;
    shift += header.length + compressed.length - length;
  }
  if (cursor > cdOffset) throw new ZipPatchError('an entry overlaps the central directory');
  out.push(zip.subarray(cursor, cdOffset));
  for (const e of entries) {
    const record = Buffer.from(zip.subarray(e.central, e.central + e.centralLength));
    record.writeUInt32LE(newLocal.get(e)!, 42);
    const u = updates.get(e);
    if (u) {
      record.writeUInt16LE(record.readUInt16LE(8) & ~0x08, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt32LE(u.crc, 16);
      record.writeUInt32LE(u.compressed, 20);
      record.writeUInt32LE(u.size, 24);
    }
    out.push(record);
  }
  // Whatever stands between the directory and its end record, then the end record with the directory's new offset.
  const last = entries.length ? entries[entries.length - 1] : undefined;
  const cdEnd = last ? last.central + last.centralLength : cdOffset;
  out.push(zip.subarray(cdEnd, eocd));
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(cdOffset + shift, 16);
  out.push(end);
  return Buffer.concat(out);
}
