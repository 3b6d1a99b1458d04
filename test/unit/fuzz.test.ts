/** A bounded fuzz run in the test suite; `npm run fuzz` runs many more. */

import {Engine} from '../../src/core/engine.js';
import {buildEngineData, DEFAULT_CONFIG} from '../../src/core/engineData.js';
import {allRules} from '../../src/core/rules/index.js';
import {checkInvariants} from '../fuzz/check.js';
import {randomDocument, randomGlossary, rng} from '../fuzz/generate.js';
import {builtinEngine} from '../helpers.js';

describe('fuzzing (bounded)', () => {
  it('random and mutated documents: no exception, ranges inside, fixes clean', function () {
    this.timeout(120000);
    const engine = builtinEngine();
    for (let seed = 1; seed <= 60; seed++) {
      const text = randomDocument(rng(seed), 8000);
      for (const language of ['markdown', 'plaintext'] as const) {
        try {
          checkInvariants(engine, text, language);
        } catch (e) {
          (e as Error).message = `seed ${seed} (${language}): ${(e as Error).message}`;
          throw e;
        }
      }
    }
  });

  it('random glossaries, regex metacharacters and all, against random documents', function () {
    this.timeout(120000);
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(1000 + seed);
      const engine = new Engine(buildEngineData(randomGlossary(r, 40), DEFAULT_CONFIG), allRules);
      for (let k = 0; k < 4; k++) checkInvariants(engine, randomDocument(r, 4000), k % 2 ? 'plaintext' : 'markdown');
    }
  });

  it('pathological input completes: a 400 KB line, 5,000 nested quotes, 2,000 unclosed fences', function () {
    this.timeout(120000);
    const engine = builtinEngine();
    checkInvariants(engine, `${'ambts-bericht WIV2017 '.repeat(20000)}`, 'markdown');
    checkInvariants(engine, `${'>'.repeat(5000)} WIV2017\n`, 'markdown');
    checkInvariants(engine, '```\nWIV2017\n'.repeat(2000), 'markdown');
    // Terms that look like catastrophic regular expressions are plain text to the matcher.
    const r = rng(7);
    const evil = new Engine(buildEngineData([
      ...randomGlossary(r, 5),
      {term: '(a+)+$', expansions: [], definition: 'x', variants: ['(a|a)*b'], wellKnown: false, inflect: true, origin: {file: 't', line: 1}},
    ], DEFAULT_CONFIG), allRules);
    checkInvariants(evil, `${'a'.repeat(200000)}! (a+)+$ (a|a)*b`, 'plaintext');
  });
});
