import {strict as assert} from 'node:assert';
import {lint} from '../helpers.js';

const rulesOf = (text: string, language: 'markdown' | 'plaintext' = 'markdown') => lint(text, undefined, language).map((f) => `${f.line + 1}:${f.rule}`);

describe('inline directives', () => {
  it('disable and enable a rule, or all rules', () => {
    // Dated: an undated text is told of a superseded term once, and this counts every report.
    const text = [
      '---', 'date: 2024-01-01', '---', '',
      'De WIV2017.',
      '<!-- rubric-disable term/variant -->',
      'De WIV2017 en de BVD.',
      '<!-- rubric-enable term/variant -->',
      'De WIV2017.',
      '<!-- rubric-disable -->',
      'De BVD.',
      '<!-- rubric-enable -->',
      'De BVD.',
    ].join('\n');
    assert.deepEqual(rulesOf(text).filter((r) => !r.includes('acronym')), ['5:term/variant', '7:term/deprecated', '9:term/variant', '13:term/deprecated']);
  });

  it('disable the next line, and the line itself', () => {
    const text = 'A\n\n<!-- rubric-disable-next-line term/variant -->\nDe WIV2017 en de BVD.\nDe WIV2017. <!-- rubric-disable-line -->\nDe WIV2017.\n';
    assert.deepEqual(rulesOf(text).filter((r) => !r.includes('acronym')), ['4:term/deprecated', '6:term/variant']);
  });

  it('work in plain text too', () => {
    const text = '<!-- rubric-disable-next-line -->\nDe WIV2017.\nDe BVD.\n';
    assert.deepEqual(rulesOf(text, 'plaintext'), ['3:term/deprecated']);
  });

  it('are not read inside code', () => {
    const text = '```\n<!-- rubric-disable -->\n```\n\nDe BVD.\n';
    assert.deepEqual(rulesOf(text), ['5:term/deprecated']);
  });
});
