/**
 * The independent writers the Word/OpenDocument tests convert the project's
 * own fixture documents with: LibreOffice headless (Debian's
 * libreoffice-writer-nogui), pandoc and python-docx (Debian's pandoc and
 * python3-docx). A test that needs one that is missing is skipped with a
 * note (test/reporter.cjs prints it); .ci/run installs them.
 */

import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function works(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, {stdio: 'ignore', timeout: 60_000});
    return true;
  } catch {
    return false;
  }
}

let found: {soffice?: string; pandoc?: string; python?: string} | undefined;

export function tools(): {soffice?: string; pandoc?: string; python?: string} {
  if (found) return found;
  found = {};
  for (const s of ['soffice', 'libreoffice', '/usr/bin/soffice']) if (!found.soffice && works(s, ['--version'])) found.soffice = s;
  if (works('pandoc', ['--version'])) found.pandoc = 'pandoc';
  for (const p of ['/usr/bin/python3', 'python3']) if (!found.python && works(p, ['-c', 'import docx'])) found.python = p;
  return found;
}

const PACKAGE: Record<string, string> = {soffice: 'libreoffice-writer-nogui', pandoc: 'pandoc', python: 'python3-docx'};

/** Skips the test, with the reason, when a tool is missing. */
export function needsTool(ctx: Mocha.Context, ...names: ('soffice' | 'pandoc' | 'python')[]): void {
  const missing = names.filter((n) => !tools()[n]);
  if (missing.length === 0) return;
  if (ctx.test) {
    (ctx.test as unknown as {skipReason: string}).skipReason =
      `needs ${missing.map((m) => `${m} (Debian package ${PACKAGE[m]})`).join(' and ')}; .ci/run installs it`;
  }
  ctx.skip();
}

/** A LibreOffice profile of this test run's own, so that it runs beside another LibreOffice. */
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lo-'));

/** Converts files with LibreOffice headless in one run: `filter` such as `docx:"MS Word 2007 XML"` or `odt`. */
export function soffice(files: string[], filter: string, outdir: string, infilter?: string): void {
  execFileSync(tools().soffice!, [
    `-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
    ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', filter, '--outdir', outdir, ...files,
  ], {stdio: 'ignore', timeout: 300_000});
}

/** The text LibreOffice reads out of a document. */
export function sofficeText(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lo-txt-'));
  soffice([file], 'txt:Text (encoded):UTF8', dir);
  const out = path.join(dir, `${path.basename(file, path.extname(file))}.txt`);
  return fs.readFileSync(out, 'utf8').replace(/^\ufeff/, '');
}

export function pandoc(args: string[]): void {
  execFileSync(tools().pandoc!, args, {stdio: 'ignore', timeout: 120_000});
}

export function python(script: string, args: string[]): void {
  execFileSync(tools().python!, ['-c', script, ...args], {stdio: 'pipe', timeout: 120_000});
}
