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
import {builtinGlossary, loadMarkings} from '../src/node/files.js';
import {checkByteOrderMark, checkCodeWordAnywhere, checkInvariants, checkLabelsKept} from '../test/fuzz/check.js';
import {pathologicalMarkdown, randomDocument, randomGlossary, rng, seedTexts} from '../test/fuzz/generate.js';
import {parseGlossary} from '../src/core/glossary.js';

const seconds = Number(process.argv[2] ?? 60);
let seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const builtin = new Engine(buildEngineData(mergeGlossaries([builtinGlossary()]).entries, DEFAULT_CONFIG), allRules);
const codeWord = parseGlossary('terms:\n  - term: KOPERWIEK\n    definition: Codenaam.\n    minimumMarking: Stg. GEHEIM\n', 'fuzz.yaml');
const coded = new Engine(buildEngineData(mergeGlossaries([builtinGlossary(), codeWord]).entries, DEFAULT_CONFIG, loadMarkings().ruleset), allRules);
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
  const text = seed % 7 === 0 ? pathologicalMarkdown(r, seed % 49 === 0 ? 2_000_000 : 100_000) : randomDocument(r, seed % 50 === 0 ? 2_000_000 : 30_000);
  for (const language of ['markdown', 'plaintext'] as const) {
    try {
      const started = Date.now();
      checkInvariants(engine, text, language);
      // Every input has a bounded cost: far above a normal text's (under 2 ms per KB), far below a runaway's.
      if (Date.now() - started > 5000 + 40 * (text.length / 1024)) throw new Error(`${Date.now() - started} ms for ${text.length} characters`);
      if (text.length < 200_000) {
        checkByteOrderMark(engine, text, language);
        checkLabelsKept(engine, text, language);
        checkCodeWordAnywhere(coded, text, language, Math.floor(r() * (text.length + 1)));
      }
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
