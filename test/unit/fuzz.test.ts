/** A bounded fuzz run in the test suite; `npm run fuzz` runs many more. */
import {strict as assert} from 'node:assert';

import {Engine} from '../../src/core/engine.js';
import {buildEngineData, DEFAULT_CONFIG} from '../../src/core/engineData.js';
import {allRules} from '../../src/core/rules/index.js';
import {checkByteOrderMark, checkCodeWordAnywhere, checkInvariants, checkLabelsKept} from '../fuzz/check.js';
import {pathologicalMarkdown, randomBytes, randomDocument, randomGlossary, rng} from '../fuzz/generate.js';
import {builtinEngine, codeWordEngine} from '../helpers.js';
import {decode, encode, TextFileError, type Encoding} from '../../src/node/textFile.js';

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

  it('issue 13: a byte-order mark shifts nothing, labels keep their text, code words count anywhere', function () {
    this.timeout(120000);
    const engine = builtinEngine();
    const coded = codeWordEngine();
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(5000 + seed);
      const text = randomDocument(r, 6000);
      for (const language of ['markdown', 'plaintext'] as const) {
        try {
          checkByteOrderMark(engine, text, language);
          checkLabelsKept(engine, text, language);
          checkCodeWordAnywhere(coded, text, language, Math.floor(r() * (text.length + 1)));
        } catch (e) {
          (e as Error).message = `seed ${5000 + seed} (${language}): ${(e as Error).message}`;
          throw e;
        }
      }
    }
  });

  // What it costs is measured by `npm run bench -- --hostile`; the timeout only stops a hang.
  it('issue 13: pathological Markdown of every shape keeps the invariants', function () {
    this.timeout(120000);
    const engine = builtinEngine();
    for (let seed = 1; seed <= 21; seed++) {
      const text = pathologicalMarkdown(rng(7000 + seed), 20000 + 4000 * seed);
      try {
        checkInvariants(engine, text, 'markdown');
      } catch (e) {
        (e as Error).message = `seed ${7000 + seed}: ${(e as Error).message}`;
        throw e;
      }
    }
  });

  it('issue 13: random bytes are binary, UTF-16 or text that round-trips; never half-decoded', () => {
    const r = rng(9001);
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(r, 2000);
      let decoded: {text: string; encoding: Encoding; bom: boolean};
      try {
        decoded = decode(bytes);
      } catch (e) {
        assert.ok(e instanceof TextFileError, String(e));
        continue;
      }
      if (decoded.encoding === 'utf8' || decoded.encoding === 'cp1252') assert.equal(bytes.indexOf(0), -1, 'a NUL byte read as text');
      assert.deepEqual(encode(decoded.text, decoded.encoding, decoded.bom), bytes, `round trip in ${decoded.encoding}`);
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
