/** Every rule's metadata, its documented examples, and the generated docs being current. */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {allRules} from '../../src/core/rules/index.js';
import {DOCS_DIR, ruleDocs} from '../../scripts/ruleDocs.js';
import {builtinEngine} from '../helpers.js';
import {Engine} from '../../src/core/engine.js';
import {buildEngineData} from '../../src/core/engineData.js';
import {parseGlossary} from '../../src/core/glossary.js';

const FIXED_IDS = [
  'term/variant', 'term/deprecated', 'term/acronym-undefined', 'term/acronym-expansion',
  'marking/invalid', 'marking/missing', 'marking/banner-mismatch', 'marking/portion-exceeds-banner', 'marking/over-classified',
  'marking/unmarked-portion', 'marking/missing-duration', 'marking/restricted-term',
  'structure/missing-field', 'structure/date-format', 'structure/addressee', 'structure/signature',
  'markdown/too-complex',
];

/** The default engine with the glossary entries a rule's examples need (`examples.glossary`). */
function withGlossary(yaml: string): Engine {
  const base = builtinEngine();
  const entries = [...base.data.entries, ...parseGlossary(yaml, 'examples.yaml').entries];
  const {byTerm, entryNumber, matcher, restrictedMatcher, wellKnown} = buildEngineData(entries, base.data.config);
  return new Engine({...base.data, entries, byTerm, entryNumber, matcher, restrictedMatcher, wellKnown}, base.rules);
}

describe('rules', () => {
  it('have unique ids of the form family/name, from DOMAIN.md §5 where it names them', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^(term|marking|structure|markdown)\/[a-z-]+$/);
    for (const id of ids.filter((i) => i.startsWith('term/'))) assert.ok(FIXED_IDS.includes(id), id);
  });

  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      it('has descriptions in Dutch and English and examples both ways', () => {
        assert.ok(rule.meta.description.nl && rule.meta.description.en);
        assert.ok(rule.meta.examples.bad.length > 0 && rule.meta.examples.good.length > 0);
      });
      const glossary = rule.meta.examples.glossary;
      const engine = () => (glossary ? withGlossary(glossary) : builtinEngine());
      it('has its page (url) among the generated docs, at least one tag, and its findings carry both id and page', () => {
        assert.equal(rule.meta.url, `docs/rules/${rule.meta.id.replace('/', '-')}.md`);
        assert.ok(fs.existsSync(path.join(DOCS_DIR, '..', '..', rule.meta.url)), rule.meta.url);
        assert.ok(rule.meta.tags.length > 0);
        const found = engine().lint(rule.meta.examples.bad[0], 'markdown').findings.filter((f) => f.rule === rule.meta.id);
        assert.deepEqual([...new Set(found.map((f) => f.url))], [rule.meta.url]);
      });
      for (const example of rule.meta.examples.bad) {
        it(`reports: ${example.split('\n')[0].slice(0, 60)}`, () => {
          const found = engine().lint(example, 'markdown').findings.filter((f) => f.rule === rule.meta.id);
          assert.ok(found.length > 0, `no ${rule.meta.id} in:\n${example}`);
        });
      }
      for (const example of rule.meta.examples.good) {
        it(`accepts: ${example.split('\n')[0].slice(0, 60)}`, () => {
          const found = engine().lint(example, 'markdown').findings.filter((f) => f.rule === rule.meta.id);
          assert.deepEqual(found.map((f) => f.message), []);
        });
      }
    });
  }

  it('have current generated docs (run `npm run docs`)', () => {
    const pages = ruleDocs();
    const onDisk = fs.existsSync(DOCS_DIR) ? fs.readdirSync(DOCS_DIR).sort() : [];
    assert.deepEqual(onDisk, [...pages.keys()].sort());
    for (const [name, text] of pages) assert.equal(fs.readFileSync(path.join(DOCS_DIR, name), 'utf8'), text, `${name} is stale`);
  });
});
