/**
 * `npm run bench`: what hostile input costs (issue 13). Markdown whose
 * structure costs a parser far more than its size, and a glossary with
 * 200,000 variants, each against an ordinary input in the same run: the
 * corpus document per KB, and a glossary of the built-in size. The tests
 * check what such input gives (a plain-text fallback, the same findings);
 * how long it takes is measured here, never asserted there.
 */

import type {Engine} from '../src/core/engine.js';
import {parseGlossary} from '../src/core/glossary.js';
import {pathologicalMarkdown, rng} from '../test/fuzz/generate.js';

type Timer = (fn: () => unknown, runs: number, warmup?: number) => number;

/** The shapes of test/unit/hostileInput.test.ts (item 12), and one of each kind the fuzzer makes. */
function shapes(): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['nested emphasis (60 KB)', `${'*a '.repeat(10000)}b${' a*'.repeat(10000)}`],
    ['10,000 list markers on one line', `${'- '.repeat(10000)}x\n`],
    ['blockquotes one level deeper per line (1,500 deep)', Array.from({length: 1500}, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')],
    ['a 5 MB table', `| a | b |\n|---|---|\n${'| cel met tekst | nog een cel |\n'.repeat(170000)}`],
  ];
  for (let seed = 1; seed <= 7; seed++) out.push([`fuzzer's pathological Markdown, seed ${7000 + seed}`, pathologicalMarkdown(rng(7000 + seed), 60000)]);
  return out;
}

export function hostileBench(engine: Engine, corpus: string, time: Timer, quick: boolean): void {
  const normalPerKb = time(() => engine.lint(corpus, 'markdown'), quick ? 3 : 7, 1) / (corpus.length / 1024);
  console.log(`\nHostile input (issue 13): a lint from scratch, median of ${quick ? 1 : 3}, per KB against the corpus document (${normalPerKb.toFixed(3)} ms per KB):\n`);
  console.log('| input | size | lint | per KB | against the corpus per KB |');
  console.log('|---|---|---|---|---|');
  for (const [name, text] of shapes()) {
    const ms = time(() => engine.lint(text, 'markdown'), quick ? 1 : 3, 0);
    const perKb = ms / (text.length / 1024);
    console.log(`| ${name} | ${(text.length / 1024).toFixed(0)} KB | ${ms.toFixed(0)} ms | ${perKb.toFixed(3)} ms | ${(perKb / normalPerKb).toFixed(1)}x |`);
  }
  const variants = (n: number) => `terms:\n  - term: X\n    definition: d\n    variants: [${Array.from({length: n}, (_, i) => `v${i}`).join(', ')}]\n`;
  const huge = variants(200000);
  const small = variants(200);
  const hugeMs = time(() => parseGlossary(huge, 'g.yaml'), 1, 0);
  const smallMs = time(() => parseGlossary(small, 'g.yaml'), quick ? 5 : 21);
  console.log(`| a glossary entry with 200,000 variants, read and checked | ${(huge.length / 1024).toFixed(0)} KB | ${hugeMs.toFixed(0)} ms | ${(hugeMs / (huge.length / 1024)).toFixed(3)} ms | ${((hugeMs / huge.length) / (smallMs / small.length)).toFixed(1)}x one of 200 variants per KB |`);
}
