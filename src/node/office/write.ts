/** Writing a fixed package in place of the file it was read from, as safely as a text file (see replaceFile). */

import {replaceFile} from '../textFile.js';
import {OfficeError} from './errors.js';

export function writePackageAtomically(file: string, original: Buffer, bytes: Buffer): void {
  const fail = (reason: string) => new OfficeError(file, `${reason}; not written`);
  replaceFile(file, original, bytes, fail, () => fail('the file changed since it was read'));
}
