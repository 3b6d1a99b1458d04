/**
 * The two public texts in ../shared/corpus, linted with the built-in glossary.
 * Every finding is listed with the reason a reviewer would agree with it;
 * any new or missing finding fails the test and must be judged again.
 * Without the corpus (a clone on its own) these tests are skipped.
 */

import {strict as assert} from 'node:assert';
import {applyFixes, fixAll} from '../../src/core/fix.js';
import {CORPUS_LETTER, CORPUS_REPORT, corpusText, needsCorpus} from '../corpus.js';
import {builtinEngine} from '../helpers.js';

interface Expected {
  at: string;
  rule: string;
  actual: string;
  reason: string;
}

const AIVD_2022: Expected[] = [
  {at: '156:226', rule: 'term/variant', actual: 'zero day', reason: 'the glossary writes zero-day (plural zero-days), hyphenated'},
  {at: '170:235', rule: 'term/acronym-undefined', actual: 'Wiv 2017', reason: 'the law is cited by its short title without ever being written out in the chapter'},
  {at: '172:156', rule: 'term/variant', actual: 'Toetsingscommissie Inzet bevoegdheden', reason: 'the commission’s name has a capital B (DOMAIN.md §2 names this very error)'},
  {at: '186:32', rule: 'term/variant', actual: 'Nederlandse Cybersecurity Strategie', reason: 'the strategy’s official title is written Nederlandse Cybersecuritystrategie'},
  {at: '218:171', rule: 'term/acronym-expansion', actual: 'Global Security Intiative', reason: 'GSI is introduced with a misspelled expansion (Intiative)'},
  {at: '236:333', rule: 'term/variant', actual: 'algemene beveiligingseisen voor defensieopdrachten', reason: 'ABDO is a proper name: Algemene Beveiligingseisen voor Defensieopdrachten'},
  {at: '302:110', rule: 'term/deprecated', actual: 'GA', reason: 'the chapter shortens the GA I&V to (GA), the instrument\'s short form from before the first GA I&V (end of 2018), where the glossary abbreviates GA I&V (DOMAIN.md §2); reported once there, not at the later "De GA 2023-2026", which is the chapter\'s own form'},
];

const KAMERBRIEF_2020: Expected[] = [
  {at: '66:16', rule: 'term/variant', actual: 'Persona Non Grata', reason: 'persona non grata is written in lower case mid-sentence (DOMAIN.md §2 names this error)'},
];

function check(file: string, expected: Expected[]): void {
  const text = corpusText(file);
  const findings = builtinEngine().lint(text, 'plaintext').findings;
  const got = findings.map((f) => ({at: `${f.line + 1}:${f.column + 1}`, rule: f.rule, actual: f.actual}));
  assert.deepEqual(got, expected.map(({at, rule, actual}) => ({at, rule, actual})));
  // Every fix applied: the text lints clean of those findings, and nothing but the fixed ranges changed.
  const fixed = fixAll(builtinEngine(), text, 'plaintext');
  assert.deepEqual(fixed.findings.filter((f) => f.fix), []);
  // The change is exactly the edits, and each edit makes a change the first lint offered: at that place, or
  // the same words elsewhere (a short form the text introduced itself is reported once, at the introduction;
  // once that is fixed, its later uses are variants too).
  assert.equal(applyFixes(text, fixed.edits).text, fixed.text);
  const offered = fixed.first.filter((f) => f.fix).map((f) => ({...f.fix!, old: text.slice(f.fix!.start, f.fix!.end)}));
  for (const e of fixed.edits) {
    const old = text.slice(e.start, e.end);
    assert.ok(offered.some((o) => (o.start <= e.start && e.end <= o.end) || (o.old === old && o.text === e.text)),
      `an edit no finding offered: ${JSON.stringify(old)} -> ${JSON.stringify(e.text)} at ${e.start}`);
  }
}

describe('the corpus texts', () => {
  it('AIVD annual report 2022, chapter Internationale dreigingen', function () {
    needsCorpus(this, CORPUS_REPORT);
    check(CORPUS_REPORT, AIVD_2022);
  });

  it('Kamerbrief of 10 December 2020 on the disruption of the SVR', function () {
    needsCorpus(this, CORPUS_LETTER);
    check(CORPUS_LETTER, KAMERBRIEF_2020);
  });

  it('give the same findings as Markdown (both corpus texts as one document)', function () {
    needsCorpus(this, CORPUS_REPORT, CORPUS_LETTER);
    const text = [CORPUS_REPORT, CORPUS_LETTER].map(corpusText).join('\n\n');
    const key = (f: {rule: string; start: number; actual?: string}) => `${f.start} ${f.rule} ${f.actual}`;
    const md = builtinEngine().lint(text, 'markdown').findings.filter((f) => f.rule.startsWith('term/')).map(key);
    const plain = builtinEngine().lint(text, 'plaintext').findings.filter((f) => f.rule.startsWith('term/')).map(key);
    assert.deepEqual(md, plain);
    assert.equal(md.length, AIVD_2022.length + KAMERBRIEF_2020.length);
  });
});
