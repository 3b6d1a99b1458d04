import {strict as assert} from 'node:assert';
import {addEntries, addEntry, addVariant, closestEntries, entryToRaw, GlossaryEditError, isAcronym, newGlossaryText} from '../../src/core/glossaryEdit.js';
import {addToConfigList, ConfigEditError} from '../../src/core/configEdit.js';
import {parseConfig} from '../../src/core/config.js';
import {parseGlossary} from '../../src/core/glossary.js';
import {appendToList, setInMap} from '../../src/core/yamlEdit.js';
import {builtinEngine} from '../helpers.js';

const FILE = '/ws/woordenlijst.yaml';

const GLOSSARY = [
  '# Woordenlijst van het team',
  'terms:',
  '  # Operaties',
  '  - term: KOPERWIEK   # codewoord',
  '    definition: Codenaam van een operatie.',
  '    minimumMarking: Stg. GEHEIM',
  '',
  '  - term: ambtsbericht',
  '    definition: >-',
  '      Schriftelijke mededeling van een dienst',
  '      aan een bestuursorgaan.',
  '    variants: [ambts-bericht, "ambts bericht"]',
  '# einde',
  '',
].join('\n');

describe('editing a glossary file (keeps comments and layout)', () => {
  it('adds an entry at the end of terms:, every other line as it was', () => {
    const out = addEntry(GLOSSARY, FILE, {term: 'TIB', expansion: 'Toetsingscommissie Inzet Bevoegdheden', definition: 'Toetst vooraf.'});
    const lines = out.split('\n');
    assert.deepEqual(lines.slice(0, 12), GLOSSARY.split('\n').slice(0, 12));
    assert.deepEqual(lines.slice(12, 15), ['  - term: TIB', '    expansion: Toetsingscommissie Inzet Bevoegdheden', '    definition: Toetst vooraf.']);
    assert.deepEqual(lines.slice(15), ['# einde', '']);
    assert.deepEqual(parseGlossary(out, FILE).entries.map((e) => e.term), ['KOPERWIEK', 'ambtsbericht', 'TIB']);
  });

  it('adds a variant to a flow list, and makes the list when the entry has none', () => {
    const flow = addVariant(GLOSSARY, FILE, 'ambtsbericht', 'ambtsbrief');
    assert.match(flow, /\n {4}variants: \[ambts-bericht, "ambts bericht", ambtsbrief\]\n# einde/);
    const made = addVariant(GLOSSARY, FILE, 'KOPERWIEK', 'Koperwiek-operatie');
    assert.match(made, /minimumMarking: Stg\. GEHEIM\n {4}variants: \[Koperwiek-operatie\]\n\n {2}- term: ambtsbericht/);
    assert.deepEqual(parseGlossary(made, FILE).entries[0].variants, ['Koperwiek-operatie']);
  });

  it('keeps CRLF line breaks and a byte-order mark', () => {
    const crlf = `\ufeff${GLOSSARY.replace(/\n/g, '\r\n')}`;
    const out = addEntry(crlf, FILE, {term: 'PNG', definition: 'Persona non grata.'});
    assert.ok(out.startsWith('\ufeff# Woordenlijst'));
    assert.ok(!/[^\r]\n/.test(out), 'every line break stays CRLF');
  });

  it('adds many entries in one edit (an import), and refuses a term twice among them', () => {
    const out = addEntries(GLOSSARY, FILE, [{term: 'TIB', definition: 'Een.'}, {term: 'CTIVD', definition: 'Twee.'}]);
    assert.deepEqual(parseGlossary(out, FILE).entries.map((e) => e.term), ['KOPERWIEK', 'ambtsbericht', 'TIB', 'CTIVD']);
    assert.ok(out.endsWith('  - term: TIB\n    definition: Een.\n  - term: CTIVD\n    definition: Twee.\n# einde\n'));
    assert.throws(() => addEntries(GLOSSARY, FILE, [{term: 'TIB', definition: 'Een.'}, {term: 'TIB', definition: 'Twee.'}]), /duplicate term "TIB"/);
    const fresh = addEntries('', FILE, [{term: 'A', definition: 'B.'}, {term: 'C', definition: 'D.'}]);
    assert.deepEqual(parseGlossary(fresh, FILE).entries.map((e) => e.term), ['A', 'C']);
  });

  it('starts an empty file as a glossary with a header', () => {
    const out = addEntry('', FILE, {term: 'KOPERWIEK', definition: 'Codenaam.', minimumMarking: 'Stg. GEHEIM'});
    assert.equal(out, newGlossaryText({term: 'KOPERWIEK', definition: 'Codenaam.', minimumMarking: 'Stg. GEHEIM'}));
    assert.deepEqual(parseGlossary(out, FILE).problems, []);
  });

  it('refuses what would not be a valid glossary, naming the file, line and field', () => {
    assert.throws(() => addEntry(GLOSSARY, FILE, {term: 'KOPERWIEK', definition: 'Nog eens.'}), (e: GlossaryEditError) =>
      e.problems[0].field === 'term' && /already an entry of this glossary \(line 4\)/.test(e.message));
    assert.throws(() => addEntry(GLOSSARY, FILE, {term: 'X', definition: 'Y', category: 'geheim'}), (e: GlossaryEditError) =>
      /would not be valid/.test(e.message) && e.problems.some((p) => p.file === FILE && p.line === 15 && /category/.test(p.field ?? '')));
    assert.throws(() => addVariant(GLOSSARY, FILE, 'ambtsbericht', 'KOPERWIEK'), /preferred form of another entry/);
    assert.throws(() => addVariant(GLOSSARY, FILE, 'ambtsbericht', 'ambts-bericht'), /already a variant/);
    assert.throws(() => addEntry('terms: [\n', FILE, {term: 'X', definition: 'Y'}), (e: GlossaryEditError) => /has errors; fix them/.test(e.message) && e.problems[0].line > 0);
    const others = builtinEngine().data.entries;
    assert.throws(() => addEntry(GLOSSARY, FILE, {term: 'WIV 2017', definition: 'Y'}, others), /variant of "Wiv 2017"/);
  });

  it('copies a built-in entry whole, to replace it with one more variant', () => {
    const aivd = builtinEngine().data.entries.find((e) => e.term === 'AIVD')!;
    const out = addVariant(addEntry(GLOSSARY, FILE, entryToRaw(aivd)), FILE, 'AIVD', 'A.I.V.D.');
    const copy = parseGlossary(out, FILE).entries.find((e) => e.term === 'AIVD')!;
    assert.deepEqual(copy.expansions, aivd.expansions);
    assert.equal(copy.definition, aivd.definition);
    assert.deepEqual(copy.variants, [...aivd.variants, 'A.I.V.D.']);
  });

  it('yamlEdit falls back to the Document API for a layout it cannot splice, and proves the data', () => {
    const flowMap = 'terms: [{term: A, definition: B}]\n';
    const out = appendToList(flowMap, ['terms'], {term: 'C', definition: 'D'});
    assert.deepEqual(parseGlossary(out, FILE).entries.map((e) => e.term), ['A', 'C']);
    const set = setInMap('# kop\nlang: nl\n', [], 'date', '2020-01-01');
    assert.equal(set, '# kop\nlang: nl\ndate: 2020-01-01\n');
    const unindented = 'terms:\n- term: A\n  definition: B\n';
    assert.equal(appendToList(unindented, ['terms'], {term: 'C', definition: 'D'}), `${unindented}- term: C\n  definition: D\n`);
  });
});

describe('editing .rubric.yaml: wellKnown and glossaries', () => {
  it('adds to an existing list, creates a missing one, and leaves a present value alone', () => {
    const config = '# Rubric\nlang: nl\nwellKnown:\n  - AIVD   # dienst\n';
    assert.equal(addToConfigList(config, '.rubric.yaml', 'wellKnown', 'OOG'), `${config}  - OOG\n`);
    assert.equal(addToConfigList(config, '.rubric.yaml', 'wellKnown', 'AIVD'), config);
    assert.equal(addToConfigList(config, '.rubric.yaml', 'glossaries', 'woordenlijst.yaml'), `${config}glossaries: [woordenlijst.yaml]\n`);
    assert.equal(addToConfigList('', '.rubric.yaml', 'glossaries', 'woordenlijst.yaml'), 'glossaries: [woordenlijst.yaml]\n');
    assert.deepEqual(parseConfig(addToConfigList('wellKnown: [AIVD]\n', 'c', 'wellKnown', 'TIB'), 'c').config?.wellKnown, ['AIVD', 'TIB']);
  });

  it('refuses a configuration with errors', () => {
    assert.throws(() => addToConfigList('rules:\n  term/varient: off\n', '/ws/.rubric.yaml', 'wellKnown', 'OOG'), (e: ConfigEditError) =>
      e.problems[0].file === '/ws/.rubric.yaml' && e.problems[0].line === 2 && /did you mean "term\/variant"/.test(e.message));
  });
});

describe('helpers of the glossary commands', () => {
  it('tells an all-capital acronym', () => {
    for (const w of ['TIB', 'OOG', 'CT&V', 'GA', 'NCTV']) assert.ok(isAcronym(w), w);
    for (const w of ['Tib', 'A', 'ambtsbericht', 'I', 'ABCDEFGHIJKLMN']) assert.ok(!isAcronym(w), w);
  });

  it('orders entries by likeness, the nearest first', () => {
    const entries = builtinEngine().data.entries;
    assert.equal(closestEntries(entries, 'ambtsberichtje')[0].term, 'ambtsbericht');
    assert.equal(closestEntries(entries, 'CTVID')[0].term, 'CTIVD');
    assert.equal(closestEntries(entries, 'Toetsingscommisie Inzet Bevoegdheden')[0].term, 'TIB');
  });
});
