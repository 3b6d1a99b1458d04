import {strict as assert} from 'node:assert';
import {applyFixes} from '../../src/core/fix.js';
import {addIgnoreEntry} from '../../src/core/configEdit.js';
import {isCaption} from '../../src/core/caption.js';
import {suggestionsFor} from '../../src/core/suggestions.js';
import {builtinEngine} from '../helpers.js';

const lintMd = (text: string) => builtinEngine().lint(text, 'markdown');
const titles = (text: string, rule: string) => {
  const result = lintMd(text);
  const finding = result.findings.find((f) => f.rule === rule)!;
  assert.ok(finding, `no ${rule} in ${JSON.stringify(text)}`);
  return suggestionsFor(finding, result).map((s) => [s.title.nl, applyFixes(text, s.edits).text]);
};

describe('suggestions (quick fixes the writer chooses)', () => {
  it('raise every banner below the highest portion at once, and say so', () => {
    const text = 'Stg. GEHEIM\n\n(Stg.ZG) De tekst.\n\nRubriceringstermijn: 1 januari 2040\n\nStg. GEHEIM\n';
    const [[title, fixed]] = titles(text, 'marking/portion-exceeds-banner');
    assert.equal(title, 'Rubricering verhogen naar «Stg. ZEER GEHEIM» (bovenaan en onderaan)');
    assert.equal(fixed, text.replace(/Stg\. GEHEIM/g, 'Stg. ZEER GEHEIM'));
    assert.deepEqual(lintMd(fixed).findings, []);
  });

  it('insert a classification-period line above the bottom banner, its placeholder a tab stop', () => {
    const text = 'Stg. GEHEIM\n\n(Stg.G) De tekst.\n\nStg. GEHEIM\n';
    const result = lintMd(text);
    const [s] = suggestionsFor(result.findings.find((f) => f.rule === 'marking/missing-duration')!, result);
    assert.equal(applyFixes(text, s.edits).text, 'Stg. GEHEIM\n\n(Stg.G) De tekst.\n\nRubriceringstermijn: datum of gebeurtenis\n\nStg. GEHEIM\n');
    assert.equal(s.snippet, 'Rubriceringstermijn: ${1:datum of gebeurtenis}\n\n');
    // Left as it is, the placeholder is reported.
    assert.deepEqual(lintMd(applyFixes(text, s.edits).text).findings.map((f) => f.rule), ['structure/placeholder']);
  });

  it('a portion mark for an unmarked paragraph: the document’s own first', () => {
    const text = 'Stg. GEHEIM\n\n(Stg.G) De tekst.\n\nEen alinea.\n\nRubriceringstermijn: 1 januari 2040\n\nStg. GEHEIM\n';
    const found = titles(text, 'marking/unmarked-portion');
    assert.deepEqual(found.slice(0, 2).map(([t]) => t), ['Portiemarkering «(Stg.G)» invoegen', 'Portiemarkering «(O)» invoegen']);
    assert.match(found[0][1], /\n\(Stg\.G\) Een alinea\.\n/);
  });

  it('a banner at the top or the bottom, titled by where it goes', () => {
    const text = '(Stg.C) De tekst.\n\nRubriceringstermijn: 1 januari 2040\n';
    const result = lintMd(text);
    const missing = result.findings.filter((f) => f.rule === 'marking/missing');
    assert.deepEqual(missing.map((f) => suggestionsFor(f, result)[0].title.nl), ['«Stg. CONFIDENTIEEL» bovenaan invoegen', '«Stg. CONFIDENTIEEL» onderaan invoegen']);
  });

  it('an acronym first used in a heading is written out in the paragraph below', () => {
    const text = '# De TIB en de bevoegdheden\n\nDe TIB toetst de inzet.\n';
    const [[title, fixed]] = titles(text, 'term/acronym-undefined');
    assert.equal(title, '«TIB» in de alinea eronder uitschrijven: «Toetsingscommissie Inzet Bevoegdheden (TIB)»');
    assert.equal(fixed, '# De TIB en de bevoegdheden\n\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) toetst de inzet.\n');
    assert.deepEqual(lintMd(fixed).findings, []);
  });
});

describe('image captions', () => {
  it('a short line with a credit below it, or a numbered one, is a caption; a title is not', () => {
    const text = 'Gebombardeerde flatgebouwen\nBeeld: ©ANP\n\nFiguur 3 Aantal meldingen\n\nSpionage in Nederland\n\nDe tekst.';
    const at = (line: string) => isCaption(text, text.indexOf(line), text.indexOf(line) + line.length);
    assert.ok(at('Gebombardeerde flatgebouwen'));
    assert.ok(at('Figuur 3 Aantal meldingen'));
    assert.ok(!at('Spionage in Nederland'));
  });
});

describe('an ignore entry added to .rubric.yaml', () => {
  const entry = {file: 'brieven/a.txt', rule: 'term/variant', text: 'kamerbrief'};
  const line = '{file: "brieven/a.txt", rule: term/variant, text: "kamerbrief"}';
  it('creates the list at the end, the rest of the file as it was', () => {
    assert.equal(addIgnoreEntry('', entry), `ignore:\n  - ${line}\n`);
    assert.equal(addIgnoreEntry('# mijn map\nglossaries: [codes.yaml]', entry), `# mijn map\nglossaries: [codes.yaml]\nignore:\n  - ${line}\n`);
  });
  it('adds to an existing list with its own indentation', () => {
    assert.equal(addIgnoreEntry('ignore:\n  - {text: x}\nlang: nl\n', entry), `ignore:\n  - {text: x}\n  - ${line}\nlang: nl\n`);
    assert.equal(addIgnoreEntry('ignore:\n- text: y\n  rule: z\n', entry), `ignore:\n- text: y\n  rule: z\n- ${line}\n`);
  });
});
