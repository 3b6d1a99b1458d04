/**
 * The published texts in ../shared/corpus (beside the repository, not in it) and the project's own
 * documents that stand in for them.
 *
 * A test that reads the corpus calls `needsCorpus(this, …)` first: without the corpus it is skipped,
 * and test/reporter.cjs prints why. Everything else runs on the project's own texts.
 *
 * The paths are relative to this file's folder's parent: test/ here, dist/ when scripts/bench.ts is
 * bundled into dist/bench.js; both sit in the repository's root.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
export const CORPUS_REPORT = 'aivd-jaarverslag-2022-internationale-dreigingen.txt';
export const CORPUS_LETTER = 'kamerbrief-2020-12-10-verstoring-svr.txt';

/** The project's own Kamerbrief (invented content), as a Markdown draft and as the plain text of a sent PDF. */
export const OWN_LETTER_MD = path.join(ROOT, 'test', 'fixtures', 'kamerbrief', 'vervalste-verklaringen.md');
export const OWN_LETTER_TXT = path.join(ROOT, 'test', 'fixtures', 'kamerbrief', 'vervalste-verklaringen.txt');

export const hasCorpus = (): boolean => fs.existsSync(CORPUS);

/** The corpus texts' file names, sorted; none without the corpus. */
export function corpusNames(): string[] {
  return hasCorpus() ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort() : [];
}

export function corpusText(name: string): string {
  return fs.readFileSync(path.join(CORPUS, name), 'utf8');
}

/** The project's own documents: the example, the fixture documents and the fixture letters. */
export function ownTexts(): string[] {
  const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'fixtures', 'documents'), path.join(ROOT, 'test', 'fixtures', 'kamerbrief')];
  return dirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')));
}

/**
 * The base texts for fuzzing and the bench: the corpus texts when ../shared/corpus is there, else
 * the project's own documents.
 */
export function baseTexts(): {texts: string[]; from: string} {
  const names = corpusNames();
  if (names.length) return {texts: names.map(corpusText), from: CORPUS};
  return {texts: ownTexts(), from: 'the project’s own documents (../shared/corpus is absent)'};
}

/** What test/reporter.cjs prints for a test skipped with a reason. */
export interface SkipNote {
  skipReason?: string;
}

/**
 * Skips the calling test, with a note the reporter prints, when ../shared/corpus (or one of `files`
 * in it) is absent. Call it first, inside the test: `needsCorpus(this, CORPUS_LETTER)`.
 */
export function needsCorpus(ctx: Mocha.Context, ...files: string[]): void {
  const missing = hasCorpus() ? files.filter((f) => !fs.existsSync(path.join(CORPUS, f))) : [];
  if (hasCorpus() && !missing.length) return;
  const what = missing.length ? `${missing.join(', ')} is not in ${CORPUS}` : `no shared corpus at ${CORPUS}`;
  if (ctx.test) (ctx.test as SkipNote).skipReason = `${what}; the published texts are not part of the repository`;
  ctx.skip();
}
