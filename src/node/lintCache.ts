/**
 * The results cache of `rubric check --cache`: per file, its outcome under
 * the content it had and the engine in force. An entry is used only when both
 * are the same as now: the file's bytes (a SHA-256, never a date or size),
 * and the engine's key, a digest of Rubric's version, the built-in data, every
 * configuration and glossary file the engine was built from, the resolved
 * configuration (rule settings, dates, `ignore:` entries) and today's date,
 * which judges undated texts and classification periods. A cache file that
 * cannot be read or is not one of ours is ignored and written anew; it is
 * written atomically, so that a run stopped halfway leaves the old one.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {nodeCrypto} from './lazyCrypto.js';
import {todayOf} from '../core/engineData.js';
import {configOf} from '../core/index.js';
import {builtinDigest, type LoadedEngine, type LoadOptions} from './files.js';
import {writeFileAtomically} from './textFile.js';

/** The cache file's name when `--cache-location` names a folder, or nothing. */
export const CACHE_NAME = '.rubriccache';

/** Bumped when the layout of the cache file changes. */
const LAYOUT = 1;

interface CacheFile<T> {
  rubricCache: typeof LAYOUT;
  entries: Record<string, {content: string; engine: string; outcome: T}>;
}

/** Where the cache is: `location` as a file, or `.rubriccache` in it when it is a folder (or ends in a slash). */
export function cacheFile(location: string | undefined, cwd = process.cwd()): string {
  if (location === undefined) return path.join(cwd, CACHE_NAME);
  const full = path.resolve(cwd, location);
  let folder = /[\\/]$/.test(location);
  try {
    folder ||= fs.statSync(full).isDirectory();
  } catch {
    // Not there yet: a file of that name.
  }
  return folder ? path.join(full, CACHE_NAME) : full;
}

export function contentDigest(bytes: Buffer): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

let builtin: string | undefined;

/**
 * The key of what an engine judges by. The files it was built from are read
 * again (a configuration changed since it was loaded gives another key, never a
 * stale hit); one that cannot be read makes the key unique, so nothing is cached under it.
 */
export function engineKey(loaded: LoadedEngine, options: LoadOptions, version: string): string {
  const hash = nodeCrypto().createHash('sha256');
  hash.update(`rubric ${version}\0`);
  hash.update(`${(builtin ??= builtinDigest())}\0`);
  hash.update(`${JSON.stringify(options)}\0`);
  hash.update(`${JSON.stringify(configOf(loaded.engine))}\0`);
  hash.update(`${todayOf(configOf(loaded.engine))}\0`);
  for (const file of loaded.files) {
    hash.update(`${file}\0`);
    try {
      hash.update(fs.readFileSync(file));
    } catch {
      hash.update(nodeCrypto().randomBytes(16));
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

export class LintCache<T> {
  private entries: CacheFile<T>['entries'];
  private changed = false;
  /** Why the cache file was not used, when it was there but unreadable or not a Rubric cache. */
  readonly ignored?: string;

  private constructor(readonly file: string, entries: CacheFile<T>['entries'], ignored?: string) {
    this.entries = entries;
    if (ignored) {
      this.ignored = ignored;
      this.changed = true;
    }
  }

  /** Opens the cache at `file`; one that is missing, unreadable or corrupt starts empty. */
  static open<T>(file: string): LintCache<T> {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return new LintCache<T>(file, Object.create(null) as CacheFile<T>['entries'], code === 'ENOENT' ? undefined : `cannot be read (${code ?? (e as Error).message})`);
    }
    try {
      let read: CacheFile<T>;
      try {
        read = JSON.parse(text) as CacheFile<T>;
      } catch {
        throw new Error('is not valid JSON');
      }
      if (read?.rubricCache !== LAYOUT || typeof read.entries !== 'object' || read.entries === null || Array.isArray(read.entries)) {
        throw new Error('is not a cache of this version of Rubric');
      }
      const entries = Object.create(null) as CacheFile<T>['entries'];
      for (const [name, entry] of Object.entries(read.entries)) {
        if (entry && typeof entry.content === 'string' && typeof entry.engine === 'string' && entry.outcome && typeof entry.outcome === 'object') entries[name] = entry;
      }
      return new LintCache<T>(file, entries);
    } catch (e) {
      return new LintCache<T>(file, Object.create(null) as CacheFile<T>['entries'], (e as Error).message);
    }
  }

  /** The outcome stored for `file` under this content and engine, if any. */
  get(file: string, content: string, engine: string): T | undefined {
    const entry = this.entries[file];
    return entry && entry.content === content && entry.engine === engine ? entry.outcome : undefined;
  }

  set(file: string, content: string, engine: string, outcome: T): void {
    this.entries[file] = {content, engine, outcome};
    this.changed = true;
  }

  delete(file: string): void {
    if (file in this.entries) {
      delete this.entries[file];
      this.changed = true;
    }
  }

  /**
   * Writes the cache when anything changed, through a temporary file and a
   * rename. Entries of files that no longer exist are dropped; those of other
   * files are kept (another shard, another folder named on the command line).
   * Returns the reason when it could not be written.
   */
  save(): string | undefined {
    for (const name of Object.keys(this.entries)) {
      if (!fs.existsSync(name)) {
        delete this.entries[name];
        this.changed = true;
      }
    }
    if (!this.changed) return undefined;
    try {
      fs.mkdirSync(path.dirname(this.file), {recursive: true});
      writeFileAtomically(this.file, JSON.stringify({rubricCache: LAYOUT, entries: this.entries} satisfies CacheFile<T>));
      this.changed = false;
      return undefined;
    } catch (e) {
      return `cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
}
