/** Expands the CLI's arguments (files, folders, globs) into the files to lint. */

import * as fs from 'node:fs';
import * as path from 'node:path';

export const LINTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx', '.docm', '.odt'];

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

function walk(dir: string, out: string[], accept: (file: string) => boolean): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full, out, accept);
    } else if (e.isFile() && accept(full)) {
      out.push(full);
    }
  }
}

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const isGlob = (s: string) => /[*?{]/.test(s);
// `~$nota.docx` is the lock file Word keeps beside an open document, not a document.
const lintable = (f: string) => LINTED_EXTENSIONS.includes(path.extname(f).toLowerCase()) && !path.basename(f).startsWith('~$');

/** Files named by the arguments, in order, without duplicates; `missing` lists arguments that matched nothing. */
export function collectFiles(args: string[], cwd = process.cwd()): {files: string[]; missing: string[]} {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const before = files.length;
    if (isGlob(arg)) {
      const norm = arg.split(path.sep).join('/');
      const staticPart = norm.split('/').filter((_, i, parts) => !parts.slice(0, i + 1).some(isGlob));
      const root = path.resolve(cwd, staticPart.join('/') || '.');
      const re = globToRegExp(path.resolve(cwd, norm).split(path.sep).join('/'));
      walk(root, files, (f) => re.test(f.split(path.sep).join('/')));
    } else {
      const full = path.resolve(cwd, arg);
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(full);
      } catch {
        stat = undefined;
      }
      if (stat?.isDirectory()) walk(full, files, lintable);
      else if (stat?.isFile()) files.push(full);
    }
    if (files.length === before) missing.push(arg);
  }
  return {files: [...new Set(files)], missing};
}
