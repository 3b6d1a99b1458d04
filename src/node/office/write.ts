/** Writing a fixed package in place of the file it was read from, as safely as a text file (see replaceFile). */

import type {Finding} from '../../core/types.js';
import {replaceFile} from '../textFile.js';
import {OfficeError} from './errors.js';
import {fixOffice, readOffice, type OfficeFixResult} from './index.js';

export function writePackageAtomically(file: string, original: Buffer, bytes: Buffer): void {
  const fail = (reason: string) => new OfficeError(file, `${reason}; not written`);
  replaceFile(file, original, bytes, fail, () => fail('the file changed since it was read'));
}

/**
 * Reads `file`, makes the fixes of the findings `include` accepts (each within one run, to a fixed point
 * of at most `passes` rounds) and writes the package in its place when one was made. Throws an
 * OfficeError when the file cannot be read or written (then nothing is written).
 */
export function fixOfficeFile(file: string, lint: (text: string) => Finding[], include: (finding: Finding) => boolean, passes = 10): OfficeFixResult {
  const doc = readOffice(file);
  if (!doc) throw new OfficeError(file, 'not a Word or OpenDocument document; not written');
  const result = fixOffice(doc, lint, passes, include);
  if (result.bytes) writePackageAtomically(file, doc.pkg.bytes, result.bytes);
  return result;
}
