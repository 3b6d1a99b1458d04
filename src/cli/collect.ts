/** Expands the CLI's arguments (files, folders, globs) into the files to lint. */

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export const LINTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx', '.docm', '.odt'];

/** Folders never walked into (named on the command line they are still read): tools' and build output. */
export const SKIPPED_DIRS = ['node_modules', '.git', '.hg', '.svn', 'dist', 'out'];
const SKIPPED = new Set(SKIPPED_DIRS);

/** What was left out while walking a folder, and why (printed as a note). */
export interface Skipped {
  path: string;
  reason: string;
}

function walk(dir: string, out: string[], accept: (file: string) => boolean, skipped: Skipped[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch (e) {
    skipped.push({path: dir, reason: `cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`});
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIPPED.has(e.name)) skipped.push({path: full, reason: `a folder named ${e.name} is not walked into`});
      else if (e.name.startsWith('.')) skipped.push({path: full, reason: 'a folder whose name starts with a dot is not walked into'});
      else walk(full, out, accept, skipped);
    } else if (e.isFile()) {
      if (accept(full)) out.push(full);
    } else if (e.isSymbolicLink()) {
      let target: fs.Stats | undefined;
      try {
        target = fs.statSync(full);
      } catch {
        target = undefined;
      }
      if (target?.isDirectory() || accept(full)) {
        skipped.push({path: full, reason: `a symbolic link${target ? '' : ' to nothing'} is not followed while walking a folder (name it to check it)`});
      }
    } else if (accept(full)) {
      skipped.push({path: full, reason: 'not a regular file'});
    }
  }
}

/** An argument that is a glob but not a valid one (an unclosed `[`, `{` or `(`): a usage error naming it. */
export class GlobError extends Error {}

/**
 * A glob (`*`, `**`, `?`, `{a,b}`, `[abc]`, `[!abc]`, `@(a|b)`) as a regular expression over `/`-separated
 * paths, by picomatch (the matcher of the tools users know these patterns from). A bad pattern throws a
 * GlobError that says what is wrong.
 */
export function globToRegExp(glob: string): RegExp {
  try {
    return picomatch.makeRe(glob, {posix: true, strictBrackets: true});
  } catch (e) {
    throw new GlobError(`"${glob}" is not a valid glob: ${(e as Error).message}`);
  }
}

const isGlob = (s: string) => /[*?{[]|[@!+]\(/.test(s);
// `~$nota.docx` is the lock file Word keeps beside an open document, not a document.
const lintable = (f: string) => LINTED_EXTENSIONS.includes(path.extname(f).toLowerCase()) && !path.basename(f).startsWith('~$');

/**
 * Files named by the arguments, in order, without duplicates; `missing`
 * lists arguments that matched nothing, `skipped` what walking a folder left
 * out and why. An argument that names an existing file or folder is taken
 * literally, even with `*`, `?`, `[` or `{` in its name. A glob that is not valid throws a GlobError.
 */
export function collectFiles(args: string[], cwd = process.cwd()): {files: string[]; missing: string[]; skipped: Skipped[]} {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: Skipped[] = [];
  for (const arg of args) {
    const before = files.length;
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) walk(full, files, lintable, skipped);
    else if (stat?.isFile()) files.push(full);
    else if (stat) skipped.push({path: full, reason: 'not a regular file'});
    else if (isGlob(arg)) {
      // Walk from the longest leading run of folders that exist as named, up to the first segment with a
      // pattern (so that a `[` or `{` in an existing folder's name is no pattern); match the rest below it.
      const parts = arg.split(path.sep).join('/').split('/');
      const isFolder = (p: string) => {
        try {
          return fs.statSync(p).isDirectory();
        } catch {
          return false;
        }
      };
      let first = 0;
      while (first < parts.length - 1 && (!isGlob(parts[first]) || isFolder(path.resolve(cwd, parts.slice(0, first + 1).join('/') || '/')))) first++;
      const root = path.resolve(cwd, parts.slice(0, first).join('/') || (arg.startsWith('/') ? '/' : '.'));
      const re = globToRegExp(parts.slice(first).join('/'));
      walk(root, files, (f) => re.test(path.relative(root, f).split(path.sep).join('/')), skipped);
    }
    if (files.length === before && !(stat && !stat.isDirectory() && !stat.isFile())) missing.push(arg);
  }
  return {files: [...new Set(files)], missing, skipped};
}
