/**
 * `rubric check --cache`: files whose bytes and engine are what they were at
 * the last run take their outcome from the cache (src/node/lintCache.ts);
 * every other file is checked and its outcome stored.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {cacheFile, contentDigest, engineKey, LintCache} from '../node/lintCache.js';
import type {LoadedEngine, LoadOptions} from '../node/files.js';
import type {EngineCache, FileOutcome} from './checkFile.js';
import {escapeControls} from './format.js';

declare const RUBRIC_VERSION: string;
const VERSION = typeof RUBRIC_VERSION === 'string' ? RUBRIC_VERSION : '0.0.0-dev';

export interface CheckCache {
  /** Fills `outcomes` from the cache; returns the indexes of the files still to check. */
  lookUp(files: readonly string[], engines: EngineCache, options: LoadOptions, fix: boolean, outcomes: FileOutcome[]): number[];
  /**
   * Stores the outcomes of the files checked (`checked`: their indexes) and writes the cache. After --fix
   * nothing is stored: an outcome of --fix says what it did, which a later run must not repeat.
   */
  store(files: readonly string[], checked: readonly number[], outcomes: readonly FileOutcome[], fix: boolean): void;
}

export function openCache(location: string | undefined, io: {err(text: string): void}): CheckCache {
  const file = cacheFile(location);
  const cache = LintCache.open<FileOutcome>(file);
  const shown = () => {
    const rel = path.relative(process.cwd(), file);
    return escapeControls(rel && !rel.startsWith('..') ? rel : file);
  };
  if (cache.ignored) io.err(`rubric: the cache ${shown()} ${cache.ignored}: it is ignored and written anew`);
  const contents: (string | undefined)[] = [];
  const keys: (string | undefined)[] = [];
  return {
    lookUp(files, engines, options, fix, outcomes) {
      const byEngine = new Map<LoadedEngine, string>();
      const todo: number[] = [];
      files.forEach((f, i) => {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(f);
        } catch {
          // Checking it says what is wrong; nothing is stored for it.
          todo.push(i);
          return;
        }
        const loaded = engines.for(f);
        let key = byEngine.get(loaded);
        if (key === undefined) byEngine.set(loaded, (key = engineKey(loaded, options, VERSION)));
        contents[i] = contentDigest(bytes);
        keys[i] = key;
        const hit = cache.get(f, contents[i]!, key);
        // With --fix, a file with something to fix is checked again, and fixed.
        if (hit && !(fix && hit.findings.some((x) => x.fix))) outcomes[i] = hit;
        else todo.push(i);
      });
      return todo;
    },
    store(files, checked, outcomes, fix) {
      for (const i of checked) {
        const o = outcomes[i];
        // A file that could not be read or written, or that --fix checked, is checked again next time.
        if (fix || o.error || contents[i] === undefined) cache.delete(files[i]);
        else cache.set(files[i], contents[i]!, keys[i]!, o);
      }
      const problem = cache.save();
      if (problem) io.err(`rubric: the cache ${shown()}: ${problem}; the results are not cached`);
    },
  };
}
