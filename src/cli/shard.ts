/**
 * `--shard i/n`: one of n parts of a run, for spreading an archive over CI
 * machines. A file's part follows from its path alone (relative to the
 * folder Rubric runs in), so that it stays in the same part when files are
 * added or removed elsewhere, and the n parts together are exactly one run.
 */

import {nodeCrypto} from '../node/lazyCrypto.js';
import * as path from 'node:path';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `2/5` as {index: 2, count: 5}; undefined with the reason when the text is no shard. */
export function parseShard(text: string): Shard | {problem: string} {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return {problem: `--shard takes i/n, such as 2/5 for the second of five parts, not "${text}"`};
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1) return {problem: `--shard ${text}: the number of parts must be at least 1`};
  if (index < 1 || index > count) return {problem: `--shard ${text}: the part must be from 1 to ${count}`};
  return {index, count};
}

/** The part (1-based) a file belongs to among `count`. */
export function shardOf(file: string, count: number, cwd = process.cwd()): number {
  const rel = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  const digest = nodeCrypto().createHash('sha256').update(rel).digest();
  // 48 bits of the digest: an even spread over any count a CI system uses.
  return (digest.readUIntBE(0, 6) % count) + 1;
}

/** The files of one part, in their order. */
export function filesOfShard(files: readonly string[], shard: Shard, cwd = process.cwd()): string[] {
  return files.filter((f) => shardOf(f, shard.count, cwd) === shard.index);
}
