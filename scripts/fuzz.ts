/**
 * `npm run fuzz [seconds] [first-seed]`: many more random documents and
 * glossaries than the test suite runs, including 10 MB files. Prints the seed
 * of any failure, so that it can be replayed. The documents start from the corpus texts in
 * ../shared/corpus when it is there and from the project's own documents (test/corpus.ts).
 */

import {Engine} from '../src/core/engine.js';
import {buildEngineData, DEFAULT_CONFIG} from '../src/core/engineData.js';
import {allRules} from '../src/core/rules/index.js';
import {mergeGlossaries} from '../src/core/glossary.js';
import {builtinGlossary} from '../src/node/files.js';
import {checkInvariants} from '../test/fuzz/check.js';
import {randomDocument, randomGlossary, rng, seedTexts} from '../test/fuzz/generate.js';

const seconds = Number(process.argv[2] ?? 60);
let seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const builtin = new Engine(buildEngineData(mergeGlossaries([builtinGlossary()]).entries, DEFAULT_CONFIG), allRules);
const deadline = Date.now() + seconds * 1000;
let runs = 0;
let failures = 0;

const big = seedTexts().join('\n\n');
for (const text of [big.repeat(Math.ceil(10_000_000 / big.length)).slice(0, 10_000_000), 'WIV2017 '.repeat(1_300_000)]) {
  checkInvariants(builtin, text, 'markdown');
  runs++;
}
while (Date.now() < deadline) {
  const r = rng(seed);
  const engine = seed % 5 === 0 ? new Engine(buildEngineData(randomGlossary(r, 60), DEFAULT_CONFIG), allRules) : builtin;
  const text = randomDocument(r, seed % 50 === 0 ? 2_000_000 : 30_000);
  for (const language of ['markdown', 'plaintext'] as const) {
    try {
      checkInvariants(engine, text, language);
    } catch (e) {
      failures++;
      console.error(`seed ${seed} (${language}): ${(e as Error).message.split('\n')[0]}`);
    }
    runs++;
  }
  seed++;
}
console.log(`${runs} runs, ${failures} failures, last seed ${seed - 1}`);
process.exitCode = failures ? 1 : 0;
