/** A fresh copy of the end-to-end workspace (test/e2e/workspace) in a temporary folder. */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function freshWorkspace(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rubric-${name}-`));
  fs.cpSync(path.join(__dirname, 'workspace'), dir, {recursive: true});
  return dir;
}
