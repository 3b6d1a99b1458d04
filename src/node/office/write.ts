/**
 * Writing a fixed package in place of the file it was read from: through a
 * temporary file in the same folder and a rename, with the file's
 * permissions, on a symbolic link's target; refused for a file that changed
 * since it was read, a read-only file and a file with other hard links.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {randomBytes} from 'node:crypto';
import {OfficeError} from './errors.js';

export function writePackageAtomically(file: string, original: Buffer, bytes: Buffer): void {
  const fail = (reason: string) => new OfficeError(file, `${reason}; not written`);
  let target = file;
  let stat: fs.Stats;
  try {
    if (fs.lstatSync(file).isSymbolicLink()) target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (e) {
    throw fail(`cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!stat.isFile()) throw fail('not a regular file');
  if (stat.nlink > 1) throw fail(`the file has ${stat.nlink} hard links, which replacing it would split`);
  if ((stat.mode & 0o222) === 0) throw fail('the file is read-only');
  const unchanged = () => fs.readFileSync(target).equals(original);
  if (!unchanged()) throw fail('the file changed since it was read');
  const tmp = path.join(path.dirname(target), `.rubric-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, {mode: stat.mode & 0o7777, flag: 'wx'});
    fs.chmodSync(tmp, stat.mode & 0o7777);
    try {
      fs.chownSync(tmp, stat.uid, stat.gid);
    } catch {
      // Only the owner or root may change ownership; the mode is kept either way.
    }
    if (!unchanged()) throw fail('the file changed since it was read');
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, {force: true});
    if (e instanceof OfficeError) throw e;
    throw fail(`cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
