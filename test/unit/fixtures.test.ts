/**
 * Fixture documents (test/fixtures/documents) with their expected findings
 * beside them (`<name>.expected`: `line:column rule` per finding, a reason
 * after `#`). Every fix is applied and the result linted again: no fixable
 * finding may be left.
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fixAll} from '../../src/core/fix.js';
import {languageOf} from '../../src/cli/checkFile.js';
import {loadEngine} from '../../src/node/files.js';
import {FIXTURES} from '../helpers.js';

const DIR = path.join(FIXTURES, 'documents');

describe('fixture documents', () => {
  for (const name of fs.readdirSync(DIR).filter((f) => /\.(md|txt)$/.test(f)).sort()) {
    it(name, () => {
      const file = path.join(DIR, name);
      const {engine, problems} = loadEngine(file);
      assert.deepEqual(problems, []);
      const text = fs.readFileSync(file, 'utf8');
      const language = languageOf(file);
      const got = engine.lint(text, language).findings.map((f) => `${f.line + 1}:${f.column + 1} ${f.rule}`);
      const expected = fs.readFileSync(`${file}.expected`, 'utf8').split('\n')
        .map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
      assert.deepEqual(got, expected);
      const fixed = fixAll(engine, text, language);
      assert.deepEqual(fixed.findings.filter((f) => f.fix).map((f) => `${f.line + 1}:${f.column + 1} ${f.rule}`), [], fixed.text);
    });
  }
});
