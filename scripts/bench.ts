/**
 * `npm run bench`: speed and memory of the engine, reported as medians after
 * warm-up and as ratios against baselines measured in the same run, so that
 * the machine's noise cancels out as far as it can.
 *
 *   - full lint vs the parse-only floor (remark-parse + remark-gfm on the
 *     whole text) for the corpus texts as one Markdown document at 1x, 10x
 *     and 100x (without ../shared/corpus: the project's own documents, see
 *     test/corpus.ts);
 *   - peak memory (max RSS of a child process that lints once);
 *   - a 60-entry vs a 10,000-entry glossary on the same document;
 *   - hostile input: pathological Markdown and a huge glossary entry (./benchHostile.ts);
 *   - a 300-page Word document against the same text as .txt (./benchOffice.ts);
 *   - the language server's round trip, start and memory (./benchLsp.ts);
 *   - the extension bundle's load and evaluation before and after it became a client (./benchActivation.ts).
 *   - growing the glossary, its export and import, setting the classification (./benchGlossary.ts).
 *   - the CLI over 2,000 files with and without a cache, and its start-up
 *     against bare node (./benchCli.ts).
 */

import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {Engine} from '../src/core/engine.js';
import {buildEngineData, DEFAULT_CONFIG} from '../src/core/engineData.js';
import type {GlossaryEntry} from '../src/core/glossary.js';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import {allRules} from '../src/core/rules/index.js';
import {builtinGlossary, loadEngine} from '../src/node/files.js';
import {baseTexts} from '../test/corpus.js';
import {officeBench, officeChild} from './benchOffice.js';
import {lspBench} from './benchLsp.js';
import {activationBench} from './benchActivation.js';
import {glossaryEditBench} from './benchGlossary.js';
import {cliArchiveBench, startupBench} from './benchCli.js';
import {hostileBench} from './benchHostile.js';

const BASE = baseTexts();

/**
 * The corpus texts as one Markdown document, `times` over. Each copy's
 * paragraphs get a copy number, so that no paragraph repeats: the engine
 * parses a repeated paragraph once per document, which would flatter it.
 */
export function corpusDocument(times: number): string {
  const one = BASE.texts.join('\n\n');
  return Array.from({length: times}, (_, k) => (k === 0 ? one : `Deel ${k}.\n\n${one.replace(/\n\n(?=\S)/g, `\n\nDeel ${k}: `)}`)).join('\n\n');
}

/** The floor: remark-parse with GFM and front matter over the whole text, building the mdast tree. */
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const parseMarkdownTree = (text: string) => remark.parse(text);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median milliseconds of `fn` over `runs` runs after `warmup` runs. */
function time(fn: () => unknown, runs: number, warmup = Math.min(3, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(samples);
}

/** Interleaves two measurements so that drift in the machine's speed hits both alike. */
function timePair(a: () => unknown, b: () => unknown, runs: number): [number, number] {
  a();
  b();
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++) {
    sa.push(time(a, 1, 0));
    sb.push(time(b, 1, 0));
  }
  return [median(sa), median(sb)];
}

/** An engine on `entries` with the built-in marking scheme and ministries, as the CLI and the server lint with. */
function engineWith(entries: GlossaryEntry[]): Engine {
  const {data} = loadEngine(__filename, {builtinOnly: true}).engine;
  return new Engine(buildEngineData(entries, DEFAULT_CONFIG, data.markings, data.kamerbrief), allRules);
}

/** A synthetic glossary of `n` entries: the built-in ones plus made-up terms, acronyms and variants. */
export function syntheticGlossary(n: number): GlossaryEntry[] {
  const base = builtinGlossary().entries;
  const out = [...base];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const syl = ['ka', 'ver', 'sto', 'rin', 'gen', 'dienst', 'be', 'wa', 'king', 'in', 'lich', 'tin', 'ta', 'pro', 'gram', 'ma', 'ope', 'ra', 'tie'];
  const word = () => Array.from({length: 2 + Math.floor(rnd() * 3)}, () => syl[Math.floor(rnd() * syl.length)]).join('');
  for (let i = out.length; i < n; i++) {
    const term = i % 3 === 0 ? `X${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i >> 5) % 26))}${i}` : `${word()}${i}`;
    out.push({
      term, expansions: i % 3 === 0 ? [`${word()} ${word()} ${word()}`] : [], definition: 'Synthetisch.', variants: [`${term}-x`],
      wellKnown: false, inflect: true, origin: {file: 'synthetic', line: i},
    });
  }
  return out;
}

function childMaxRss(times: number): number {
  const out = execFileSync(process.execPath, [__filename, '--child-memory', String(times)], {encoding: 'utf8'});
  return Number(out.trim());
}

/** The longest time the event loop was held while a large document was linted with lintAsync (as the extension does). */
async function blocking(engine: Engine, doc: string): Promise<void> {
  const linter = engine.documentLinter('markdown');
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await linter.lintAsync(doc);
  clearInterval(timer);
  const total = performance.now() - started;
  console.log(`\nFirst lint of a ${(doc.length / 1048576).toFixed(1)} MB document with lintAsync: ${total.toFixed(0)} ms in all, the event loop held at most ${longest.toFixed(1)} ms at a time.`);
}

/** `rubric check` over `n` files: one thread against all cores, interleaved, medians of 3. */
function cliParallel(n: number): void {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'rubric-bench-'));
  const texts = BASE.texts;
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `stuk-${i}.md`), `Deel ${i}.\n\n${texts[i % texts.length]}`);
  const cli = path.join(__dirname, 'cli.js');
  const runOnce = (jobs: number) => {
    const t = performance.now();
    try {
      execFileSync(process.execPath, [cli, 'check', '--format', 'json', '--jobs', String(jobs), dir], {stdio: 'ignore'});
    } catch {
      // Exit code 1 (errors found) is an answer too.
    }
    return performance.now() - t;
  };
  const one: number[] = [];
  const all: number[] = [];
  const jobs = require('node:os').availableParallelism?.() ?? 2;
  for (let i = 0; i < 3; i++) {
    one.push(runOnce(1));
    all.push(runOnce(jobs));
  }
  // One process per file, one after another, as a script calling `rubric check FILE` would: on 20 files, times n/20.
  const t = performance.now();
  for (let i = 0; i < 20; i++) {
    try {
      execFileSync(process.execPath, [cli, 'check', '--format', 'json', path.join(dir, `stuk-${i}.md`)], {stdio: 'ignore'});
    } catch {
      // Exit code 1 is an answer too.
    }
  }
  const perFile = ((performance.now() - t) / 20) * n;
  // The machine's own ceiling: two independent one-thread processes, each over half the files, at once.
  const half = (k: number) => {
    const sub = path.join(dir, `half-${k}`);
    fs.mkdirSync(sub);
    for (let i = k; i < n; i += 2) fs.renameSync(path.join(dir, `stuk-${i}.md`), path.join(sub, `stuk-${i}.md`));
    return sub;
  };
  const halves = [half(0), half(1)];
  const both = performance.now();
  const {spawn} = require('node:child_process') as typeof import('node:child_process');
  const children = halves.map((h) => spawn(process.execPath, [cli, 'check', '--format', 'json', '--jobs', '1', h], {stdio: 'ignore'}));
  const waitAll = Promise.all(children.map((c) => new Promise((resolve) => c.on('exit', resolve))));
  void waitAll.then(() => {
    const ceiling = performance.now() - both;
    console.log(`Two independent one-thread processes at once, each over half the files: ${ceiling.toFixed(0)} ms, ratio ${(ceiling / median(one)).toFixed(2)} (what two cores give this machine's Node at best).`);
    fs.rmSync(dir, {recursive: true, force: true});
  });
  ceilingDone = waitAll;
  console.log(`CLI over ${n} files (${(texts.join('').length * n / texts.length / 1048576).toFixed(1)} MB), medians of 3: --jobs 1 ${median(one).toFixed(0)} ms, --jobs ${jobs} (worker threads) ${median(all).toFixed(0)} ms, ratio ${(median(all) / median(one)).toFixed(2)}; one process per file, one after another: about ${perFile.toFixed(0)} ms, ratio ${(median(all) / perFile).toFixed(2)}.`);
}

let ceilingDone: Promise<unknown> = Promise.resolve();

async function main(): Promise<void> {
  if (process.argv[2] === '--child-office') {
    officeChild(process.argv[3], engineWith(builtinGlossary().entries));
    return;
  }
  if (process.argv[2] === '--child-memory') {
    const doc = corpusDocument(Number(process.argv[3]));
    engineWith(builtinGlossary().entries).lint(doc, 'markdown');
    process.stdout.write(String(process.resourceUsage().maxRSS * 1024));
    return;
  }
  const quick = process.argv.includes('--quick');
  // `npm run bench -- --lsp`: the language server's part alone.
  // `--profile DIR` beside it: the servers' CPU profiles written to DIR (open them in Chrome's DevTools).
  if (process.argv.includes('--lsp')) {
    const at = process.argv.indexOf('--profile');
    await lspBench(engineWith(builtinGlossary().entries), corpusDocument, quick, at > 0 ? process.argv[at + 1] : undefined);
    return;
  }
  // `npm run bench -- --office`: the Word document's part alone.
  if (process.argv.includes('--office')) {
    officeBench(engineWith(builtinGlossary().entries), corpusDocument, time, quick, timePair);
    return;
  }
  // `npm run bench -- --activation`: the extension bundle's load before and after it became a client.
  if (process.argv.includes('--activation')) {
    activationBench(quick);
    return;
  }
  // `npm run bench -- --hostile`: what hostile input costs, alone.
  if (process.argv.includes('--hostile')) {
    hostileBench(engineWith(builtinGlossary().entries), corpusDocument(1), time, quick);
    return;
  }
  if (process.argv.includes('--cli')) {
    console.log(`Rubric bench, the CLI only — node ${process.version}, ${new Date().toISOString()}`);
    cliBenches(quick);
    return;
  }
  const engine = engineWith(builtinGlossary().entries);
  const rows: string[] = [];
  const baselineRss = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS*1024))'], {encoding: 'utf8'}));
  console.log(`Rubric bench — node ${process.version}, ${new Date().toISOString()}`);
  console.log(`"corpus" below: ${BASE.texts.length} texts, ${(BASE.texts.join('\n\n').length / 1024).toFixed(0)} KB, from ${BASE.from}.`);
  console.log('Times are medians in ms after warm-up; ratios are against a baseline measured interleaved in the same run.\n');
  console.log('| input | size | parse-only floor | full lint | lint / floor | peak RSS (child) |');
  console.log('|---|---|---|---|---|---|');
  const perKb: number[] = [];
  for (const times of quick ? [1, 10] : [1, 10, 100]) {
    const doc = corpusDocument(times);
    const runs = times === 1 ? 41 : times === 10 ? 11 : 3;
    const [floor, full] = timePair(() => parseMarkdownTree(doc), () => engine.lint(doc, 'markdown'), runs);
    perKb.push(full / (doc.length / 1024));
    const rss = childMaxRss(times);
    const row = `| corpus ${times}x | ${(doc.length / 1024).toFixed(0)} KB | ${floor.toFixed(1)} | ${full.toFixed(1)} | ${(full / floor).toFixed(2)} | ${(rss / 1048576).toFixed(0)} MB (node alone ${(baselineRss / 1048576).toFixed(0)} MB) |`;
    console.log(row);
    rows.push(row);
  }
  console.log('\n| input | relint, 1-char edit in the middle | relint, paragraph pasted in the middle | full lint (same run) |');
  console.log('|---|---|---|---|');
  for (const times of quick ? [1, 10] : [1, 10, 100]) {
    const doc = corpusDocument(times);
    const linter = engine.documentLinter('markdown');
    linter.lint(doc);
    const mid = doc.indexOf(' ', doc.length >> 1);
    const typed = [`${doc.slice(0, mid)}x${doc.slice(mid)}`, doc];
    const paragraph = '\n\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) toetst vooraf of de inzet van een bijzondere bevoegdheid rechtmatig is. Het ambts-bericht ging naar de IND.\n\n';
    const pasted = [`${doc.slice(0, mid)}${paragraph}${doc.slice(mid)}`, doc];
    let k = 0;
    const runs = times === 100 ? 21 : 51;
    const oneChar = time(() => linter.lint(typed[k++ % 2]), runs);
    const paste = time(() => linter.lint(pasted[k++ % 2]), runs);
    const full = time(() => engine.lint(doc, 'markdown'), times === 100 ? 3 : 7, 1);
    console.log(`| corpus ${times}x | ${oneChar.toFixed(2)} ms | ${paste.toFixed(2)} ms | ${full.toFixed(1)} ms |`);
  }
  console.log('(Each relint alternates between the edited and the original text, so every run relints a real change.)');

  console.log(`\nGrowth: ${perKb.map((x) => x.toFixed(3)).join(' / ')} ms per KB at ${quick ? '1x / 10x' : '1x / 10x / 100x'} (flat = linear).`);
  await blocking(engine, corpusDocument(quick ? 10 : 100));
  cliParallel(quick ? 40 : 200);
  await ceilingDone;
  glossarySize(quick);
  hostileBench(engine, corpusDocument(1), time, quick);
  officeBench(engine, corpusDocument, time, quick, timePair);
  await lspBench(engineWith(builtinGlossary().entries), corpusDocument, quick);
  activationBench(quick);
  glossaryEditBench(corpusDocument, time, quick);
  cliBenches(quick);
}

/** The CLI as CI and pre-commit hooks run it (./benchCli.ts); `node dist/bench.js --cli` runs only these. */
function cliBenches(quick: boolean): void {
  const cli = path.join(__dirname, 'cli.js');
  cliArchiveBench(cli, BASE.texts, quick);
  startupBench(cli, time, quick);
}

function glossarySize(quick: boolean): void {
  const doc = corpusDocument(10);
  const small = engineWith(builtinGlossary().entries);
  const big = engineWith(syntheticGlossary(10_000));
  const [tSmall, tBig] = timePair(() => small.lint(doc, 'markdown'), () => big.lint(doc, 'markdown'), quick ? 5 : 11);
  const buildBig = time(() => engineWith(syntheticGlossary(10_000)), 3, 1);
  console.log(`\nGlossary size (corpus 10x): ${small.data.entries.length} entries ${tSmall.toFixed(1)} ms, 10,000 entries ${tBig.toFixed(1)} ms, ratio ${(tBig / tSmall).toFixed(2)}; compiling 10,000 entries ${buildBig.toFixed(0)} ms (once per glossary change).`);
}

void main();
