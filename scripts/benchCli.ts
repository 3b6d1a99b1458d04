/**
 * `npm run bench`, the CLI as CI runs it: files per second over an archive of
 * 2,000 documents of a few KB (400 with --quick), with `--jobs 1` and the
 * default, without a cache, with a cold cache and with a warm one (target: a
 * warm run at most a quarter of a run without cache); and start-up, `rubric
 * check` on one small file against bare `node -e 0` (target at most 1.3x).
 * Beside them, a floor: the warm built-in engine started from a V8 start-up
 * snapshot (scripts/startupFloor.ts), below which no way of loading the CLI gets.
 * Every figure is a median of runs interleaved in this run.
 */

import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

type Timer = (fn: () => unknown, runs: number, warmup?: number) => number;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Documents of about 3 KB cut from the texts at paragraph breaks, each numbered so that no two are the same. */
function archiveFiles(texts: string[], n: number): string[] {
  const paragraphs = texts.flatMap((t) => t.split(/\n{2,}/)).filter((p) => p.trim());
  const files: string[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const parts = [`Stuk ${i + 1}.`];
    let size = 0;
    while (size < 3000) {
      const p = paragraphs[k++ % paragraphs.length];
      parts.push(p);
      size += p.length;
    }
    files.push(`${parts.join('\n\n')}\n`);
  }
  return files;
}

function runCli(cli: string, args: string[]): number {
  const t = performance.now();
  try {
    execFileSync(process.execPath, [cli, 'check', '--format', 'json', ...args], {stdio: 'ignore'});
  } catch {
    // Exit code 1 (errors found) is an answer too.
  }
  return performance.now() - t;
}

export function cliArchiveBench(cli: string, texts: string[], quick: boolean): void {
  const n = quick ? 400 : 2000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-bench-archive-'));
  const docs = path.join(dir, 'archief');
  const files = archiveFiles(texts, n);
  files.forEach((text, i) => {
    const sub = path.join(docs, String(2000 + (i % 20)));
    fs.mkdirSync(sub, {recursive: true});
    fs.writeFileSync(path.join(sub, `stuk-${i}.md`), text);
  });
  const cache = path.join(dir, 'rubric.cache');
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const kinds = ['--jobs 1', `default (${cores} threads)`] as const;
  const times: Record<string, number[]> = {};
  const add = (name: string, ms: number) => (times[name] ??= []).push(ms);
  const changed = path.join(docs, '2000', 'stuk-0.md');
  for (let round = 0; round < 3; round++) {
    for (const kind of kinds) {
      const jobs = kind === '--jobs 1' ? ['--jobs', '1'] : [];
      add(`${kind} no cache`, runCli(cli, [...jobs, docs]));
      fs.rmSync(cache, {force: true});
      add(`${kind} cold cache`, runCli(cli, [...jobs, '--cache-location', cache, docs]));
      add(`${kind} warm cache`, runCli(cli, [...jobs, '--cache-location', cache, docs]));
      // One file edited: linted again, the rest from the cache.
      fs.appendFileSync(changed, `\nToegevoegd in ronde ${round} (${kind}).\n`);
      add(`${kind} warm cache, 1 file changed`, runCli(cli, [...jobs, '--cache-location', cache, docs]));
    }
  }
  const size = files.reduce((s, f) => s + f.length, 0);
  console.log(`\nCLI over an archive of ${n} files (${(size / 1048576).toFixed(1)} MB), medians of 3:`);
  console.log('\n| run | time | files per second | against no cache (same threads) |');
  console.log('|---|---|---|---|');
  for (const kind of kinds) {
    const base = median(times[`${kind} no cache`]);
    for (const what of ['no cache', 'cold cache', 'warm cache', 'warm cache, 1 file changed']) {
      const t = median(times[`${kind} ${what}`]);
      console.log(`| ${kind}, ${what} | ${t.toFixed(0)} ms | ${((n * 1000) / t).toFixed(0)} | ${(t / base).toFixed(2)} |`);
    }
  }
  console.log('(Target: a warm cache at most 0.25 of a run without one.)');
  fs.rmSync(dir, {recursive: true, force: true});
}

/** Start-up as a pre-commit hook pays it: `rubric check` on one small file against `node -e 0`, interleaved. */
/**
 * A V8 start-up snapshot of scripts/startupFloor.ts (the built-in engine,
 * loaded and warm) in `dir`; undefined when this Node cannot build one.
 */
function startupSnapshot(script: string, dir: string): string | undefined {
  const blob = path.join(dir, 'floor.blob');
  try {
    // --build-snapshot runs the script with the working directory as the place of relative paths.
    execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], {stdio: 'ignore', cwd: dir});
    return fs.existsSync(blob) ? blob : undefined;
  } catch {
    return undefined;
  }
}

export function startupBench(cli: string, time: Timer, quick: boolean): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-bench-startup-'));
  const md = path.join(dir, 'nota.md');
  const txt = path.join(dir, 'nota.txt');
  // A repository's own configuration, as a pre-commit hook meets it.
  const configured = path.join(dir, 'repo', 'nota.md');
  fs.writeFileSync(md, '# Nota\n\nDe AIVD en de Wiv 2017.\n');
  fs.writeFileSync(txt, 'Nota\n\nDe AIVD en de Wiv 2017.\n');
  fs.mkdirSync(path.dirname(configured));
  fs.writeFileSync(path.join(dir, 'repo', '.rubric.yaml'), 'lang: nl\nrules:\n  term/variant: error\nwellKnown: [NCTV]\n');
  fs.writeFileSync(configured, '# Nota\n\nDe AIVD en de Wiv 2017.\n');
  const runs = quick ? 11 : 31;
  const bare: number[] = [];
  const onMd: number[] = [];
  const onTxt: number[] = [];
  const onConfigured: number[] = [];
  const noCodeCache: number[] = [];
  const floor: number[] = [];
  const blob = startupSnapshot(path.join(path.dirname(cli), 'startup-floor.js'), dir);
  const spawnTime = (args: string[], env: NodeJS.ProcessEnv = process.env) => time(() => {
    try {
      execFileSync(process.execPath, args, {stdio: 'ignore', env});
    } catch {
      // An exit code is an answer too.
    }
  }, 1, 0);
  const withoutCache = {...process.env, NODE_DISABLE_COMPILE_CACHE: '1'};
  for (let i = 0; i < 3; i++) spawnTime([cli, 'check', md]);
  for (let i = 0; i < runs; i++) {
    bare.push(spawnTime(['-e', '0']));
    onMd.push(spawnTime([cli, 'check', md]));
    onTxt.push(spawnTime([cli, 'check', txt]));
    onConfigured.push(spawnTime([cli, 'check', configured]));
    noCodeCache.push(spawnTime([cli, 'check', md], withoutCache));
    if (blob) floor.push(spawnTime(['--snapshot-blob', blob, md]));
  }
  const b = median(bare);
  const row = (what: string, xs: number[]) => console.log(`| ${what} | ${median(xs).toFixed(0)} ms | ${(median(xs) / b).toFixed(2)}x |`);
  console.log(`\nStart-up, medians of ${runs} runs interleaved (target: at most 1.3x bare node):\n`);
  console.log('| run | time | against node -e 0 |');
  console.log('|---|---|---|');
  row('node -e 0', bare);
  row('rubric check, a small .md', onMd);
  row('rubric check, a small .txt', onTxt);
  row('rubric check, a small .md under a .rubric.yaml', onConfigured);
  row('rubric check, a small .md, NODE_DISABLE_COMPILE_CACHE=1', noCodeCache);
  if (blob) row('floor: the warm built-in engine from a V8 start-up snapshot (scripts/startupFloor.ts)', floor);
  else console.log('| floor: not measured (this Node cannot build a start-up snapshot) | | |');
  fs.rmSync(dir, {recursive: true, force: true});
}
