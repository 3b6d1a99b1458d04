import {strict as assert} from 'node:assert';
import {parseConfig} from '../../src/core/config.js';
import {mergeGlossaries, parseGlossary} from '../../src/core/glossary.js';
import {formatProblem} from '../../src/core/types.js';

const glossary = (yaml: string) => parseGlossary(yaml, 'g.yaml');

describe('glossary files', () => {
  it('accept the minimal shape of DOMAIN.md §6', () => {
    const g = glossary('terms:\n  - term: KOPERWIEK\n    definition: Codenaam.\n    minimumMarking: Stg. GEHEIM\n');
    assert.deepEqual(g.problems, []);
    assert.equal(g.entries[0].minimumMarking, 'Stg. GEHEIM');
  });

  it('report invalid YAML with its line', () => {
    const g = glossary('terms:\n  - term: A\n    definition: [unclosed\n');
    assert.equal(g.problems.length > 0, true);
    assert.equal(g.problems[0].file, 'g.yaml');
    assert.ok(g.problems[0].line >= 3, formatProblem(g.problems[0]));
    assert.match(g.problems[0].message.en, /invalid YAML/);
  });

  it('say what a YAML error means in Dutch too, without repeating its position', () => {
    const tab = glossary('terms:\n\t- term: A\n');
    assert.equal(tab.problems[0].message.nl, 'ongeldige YAML: een tab als inspringing kan niet; spring in met spaties');
    assert.equal(tab.problems[0].message.en, 'invalid YAML: Tabs are not allowed as indentation');
    const twice = glossary('terms: []\nterms: []\n');
    assert.equal(twice.problems[0].message.nl, 'ongeldige YAML: deze sleutel staat er al');
    assert.equal(twice.problems[0].line, 2);
  });

  it('report wrong types, missing and unknown fields with line and field', () => {
    const g = glossary('terms:\n  - term: A\n    definition: ok\n  - term: B\n    defintion: typo\n  - term: C\n    definition: ok\n    variants: notalist\n');
    const lines = g.problems.map((p) => `${p.line} ${p.field} ${p.message.en}`);
    assert.deepEqual(lines.sort(), [
      '4 terms[1].definition missing required field "definition"',
      '5 terms[1].defintion unknown field "defintion"; did you mean "definition"?',
      '8 terms[2].variants must be of type array',
    ]);
  });

  it('report a duplicate term with both lines', () => {
    const g = glossary('terms:\n  - term: A\n    definition: x\n  - term: A\n    definition: y\n');
    assert.equal(g.problems.length, 1);
    assert.equal(g.problems[0].line, 4);
    assert.match(g.problems[0].message.en, /duplicate term "A" \(first defined on line 2\)/);
  });

  it('report a variant that is another entry’s preferred form, and cyclic deprecations, keeping the sound entries', () => {
    const g = glossary([
      'terms:',
      '  - term: A', '    definition: x', '    variants: [B]',
      '  - term: B', '    definition: y',
      '  - term: C', '    definition: z', '    deprecated: {replacement: D, since: "2020"}',
      '  - term: D', '    definition: w', '    deprecated: {replacement: C, since: "2021"}',
    ].join('\n'));
    const merged = mergeGlossaries([g]);
    assert.deepEqual(merged.problems.map((p) => [p.line, p.message.en.split(' (')[0].split(':')[0]]), [
      [2, 'variant "B" is the preferred form of another entry'],
      [7, 'deprecations form a cycle'],
      [10, 'deprecations form a cycle'],
    ]);
    assert.deepEqual(merged.entries.map((e) => e.term), ['B']);
  });

  it('refuse a huge file without parsing it', () => {
    const g = glossary(`terms:\n${'  - term: x\n    definition: y\n'.repeat(200000)}`);
    assert.match(g.problems[0].message.en, /larger than/);
  });

  it('survive YAML alias bombs', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nterms: [*e]\n';
    const g = glossary(bomb);
    assert.ok(g.problems.length > 0);
  });
});

describe('.rubric.yaml', () => {
  it('accepts severities, glossaries, well-known acronyms and a language', () => {
    const c = parseConfig('glossaries: [codes.yaml]\nrules:\n  term/variant: error\nwellKnown: [OM]\nlang: en\n', '.rubric.yaml');
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.config, {glossaries: ['codes.yaml'], rules: {'term/variant': 'error'}, wellKnown: ['OM'], lang: 'en'});
  });

  it('reports an unknown rule, a wrong severity and an unknown field with their lines', () => {
    const c = parseConfig('rules:\n  term/varaint: error\n  term/deprecated: loud\nextra: 1\n', '.rubric.yaml');
    assert.equal(c.config, undefined);
    const got = c.problems.map((p) => `${p.line} ${p.message.en}`).sort();
    assert.deepEqual(got, ['2 "term/varaint" is not a rule id; did you mean "term/variant"?', '3 must be one of: off, info, warning, error', '4 unknown field "extra"']);
    const c2 = parseConfig('rules:\n  term/varaint: error\n', '.rubric.yaml');
    assert.deepEqual(c2.problems.map((p) => `${p.line} ${p.field} ${p.message.en}`), ['2 rules.term/varaint "term/varaint" is not a rule id; did you mean "term/variant"?']);
  });

  it('treats an empty file as no settings', () => {
    const {config, problems} = parseConfig('', '.rubric.yaml');
    assert.deepEqual({config, problems}, {config: {}, problems: []});
  });
});
