import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {parseGlossary} from '../../src/core/glossary.js';
import {parseCsvGlossary, toCsv, toCspellWords, toValeVocabulary} from '../../src/core/glossaryTransfer.js';
import {builtinEngine, runCli as cli, tmpdirWith} from '../helpers.js';


const tmpdir = (files: Record<string, string>): string => tmpdirWith(files, 'rubric-transfer-');

const TEAM = [
  '# team',
  'terms:',
  '  - term: KOPERWIEK',
  '    definition: Codenaam van een operatie.',
  '    minimumMarking: Stg. GEHEIM',
  '  - term: Loket Kennisveiligheid',
  '    definition: Het loket voor kennisinstellingen.',
  '    variants: [loket kennisveiligheid, "Loket Kennis-veiligheid"]',
  '  - term: OVB',
  '    expansion: Oude Veiligheidsbeoordeling',
  '    definition: Een vervangen beoordeling.',
  '    deprecated: {replacement: Loket Kennisveiligheid, since: "2022-01"}',
  '',
].join('\n');

describe('rubric glossary export', () => {
  const entries = () => parseGlossary(TEAM, 'team.yaml').entries;

  it('cspell: the words of preferred and written-out forms, never a superseded term or a variant', () => {
    assert.equal(toCspellWords(entries()), ['Kennisveiligheid', 'KOPERWIEK', 'Loket', ''].join('\n'));
  });

  it('vale: preferred forms accepted, variants and superseded terms rejected, as regular expressions', () => {
    const v = toValeVocabulary([...entries(), ...parseGlossary('terms:\n  - term: TLP:AMBER+STRICT\n    definition: Label.\n', 'x').entries]);
    assert.equal(v.accept, 'KOPERWIEK\nLoket Kennisveiligheid\nTLP:AMBER\\+STRICT\n');
    assert.equal(v.reject, 'Loket Kennis-veiligheid\nloket kennisveiligheid\nOVB\n');
  });

  it('csv: one row per entry that import reads back to the same entries', () => {
    const csv = toCsv(entries());
    assert.match(csv, /^term,expansion,definition,variants,/);
    assert.match(csv, /\r\nLoket Kennisveiligheid,,Het loket voor kennisinstellingen\.,loket kennisveiligheid \| Loket Kennis-veiligheid,/);
    const back = parseCsvGlossary(csv, 'x.csv');
    assert.deepEqual(back.problems, []);
    assert.deepEqual(back.entries.map((e) => e.term), ['KOPERWIEK', 'Loket Kennisveiligheid', 'OVB']);
    assert.deepEqual(back.entries[2].deprecated, {replacement: 'Loket Kennisveiligheid', since: '2022-01'});
    assert.deepEqual(back.entries[1].variants, ['loket kennisveiligheid', 'Loket Kennis-veiligheid']);
  });

  it('the command: files named, code words left out unless asked for, Vale into a folder', () => {
    const dir = tmpdir({'team.yaml': TEAM});
    const r = cli(['glossary', 'export', '--format', 'cspell', '--lang', 'en', 'team.yaml'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'Kennisveiligheid\nLoket');
    assert.match(r.err, /1 restricted term \(code word\) was left out; --include-restricted/);
    assert.match(cli(['glossary', 'export', '--format', 'cspell', '--include-restricted', 'team.yaml'], dir).out, /KOPERWIEK/);
    const v = cli(['glossary', 'export', '--format', 'vale', '--out', 'vocab/Rubric', 'team.yaml'], dir);
    assert.equal(v.code, 0, v.err);
    assert.equal(fs.readFileSync(path.join(dir, 'vocab/Rubric/reject.txt'), 'utf8'), 'Loket Kennis-veiligheid\nloket kennisveiligheid\nOVB\n');
    assert.equal(cli(['glossary', 'export', '--format', 'vale', 'team.yaml'], dir).code, 2);
    assert.match(cli(['glossary', 'export', '--format', 'word'], dir).err, /needs --format cspell, vale or csv, not "word"/);
    const csv = cli(['glossary', 'export', '--format', 'csv', '--out', 'terms.csv'], dir);
    assert.equal(csv.code, 0, csv.err);
    const written = fs.readFileSync(path.join(dir, 'terms.csv'), 'utf8');
    assert.ok(written.startsWith('\ufeffterm,'), 'a byte-order mark, for spreadsheet programs');
    assert.ok(written.split('\r\n').length > builtinEngine().data.entries.length / 2, 'the glossaries in force, the built-in one among them');
  });
});

describe('rubric glossary import', () => {
  it('reads a Dutch spreadsheet (semicolons, Dutch column names, a cell over two lines)', () => {
    const csv = '\ufeffTerm;Definitie;Varianten;Algemeen bekend;Categorie\r\nOOG;"Interceptie gericht op\r\neen onderzoeksopdracht; in bulk.";oog | O.O.G.;ja;begrip\r\n;;;;\r\n';
    const r = parseCsvGlossary(csv, 'lijst.csv');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.entries, [{term: 'OOG', definition: 'Interceptie gericht op\r\neen onderzoeksopdracht; in bulk.', variants: ['oog', 'O.O.G.'], wellKnown: true, category: 'begrip'}]);
  });

  it('an error per bad cell, naming its row and column', () => {
    const csv = [
      'term,definition,since,replacement,category,wellKnown',
      'A,Eerste.,,,,',
      'B,,,,,',
      'A,Nog eens.,,,,',
      'C,Derde.,2022-13,D,,',
      'E,Vijfde.,,,begirp,misschien',
      '"F,Zesde.',
    ].join('\n');
    const r = parseCsvGlossary(csv, 'lijst.csv');
    const at = r.problems.map((p) => `${p.line}:${p.column} ${p.field ?? ''} ${p.message.en}`);
    assert.deepEqual(at, ['7:1  row 7, column 1: a quote opens a cell that is never closed']);
    const r2 = parseCsvGlossary(csv.split('\n').slice(0, 6).join('\n'), 'lijst.csv');
    assert.deepEqual(r2.problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message.en}`), [
      '3:2 definition: row 3, column 2: empty; every term needs a definition ("B")',
      '4:1 term: row 4, column 1: "A" is also the term of row 2',
      '5:3 since: row 5, column 3: "2022-13" is not a date written YYYY, YYYY-MM or YYYY-MM-DD',
      '6:6 wellKnown: row 6, column 6: "misschien" is not yes or no (ja, nee, true, false, 1, 0)',
      '6:5 category: row 6, column 5: "begirp" is not a category; did you mean "begrip"? (organisatie, wet, begrip, functie, product, buitenlandse-dienst, internationaal, markering)',
    ]);
    assert.deepEqual(r2.entries.map((e) => e.term), ['A']);
    const header = parseCsvGlossary('term,defintion\nA,B\n', 'x.csv');
    assert.match(header.problems[0].message.en, /row 1, column 2: "defintion" is not a column Rubric knows; did you mean "definition"\?/);
  });

  it('the command writes the YAML shape, refuses a bad table whole, and adds to a glossary keeping its layout', () => {
    const dir = tmpdir({
      'goed.csv': 'term,definition,minimumMarking\nKOPERWIEK,Codenaam.,Stg. GEHEIM\n',
      'fout.csv': 'term,definition,minimumMarking\nKOPERWIEK,Codenaam.,Stg. HEEL GEHEIM\nX,,\n',
      'team.yaml': TEAM,
    });
    const r = cli(['glossary', 'import', 'goed.csv'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '# Rubric glossary, imported from goed.csv (rubric glossary import).\nterms:\n  - term: KOPERWIEK\n    definition: Codenaam.\n    minimumMarking: Stg. GEHEIM');
    const bad = cli(['glossary', 'import', 'fout.csv', '--out', 'nieuw.yaml', '--lang', 'en'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^fout\.csv:3:2: error: row 3, column 2: empty; every term needs a definition \("X"\) \(definition\)$/m);
    assert.match(bad.err, /^fout\.csv:2:1: error: row 2: unknown marking level "Stg\. HEEL GEHEIM" \(known: Dep\. VERTROUWELIJK, /m);
    assert.match(bad.err, /nothing was written: 2 problems in fout\.csv/);
    assert.ok(!fs.existsSync(path.join(dir, 'nieuw.yaml')));
    const dutch = cli(['glossary', 'import', 'fout.csv'], dir);
    assert.match(dutch.err, /^fout\.csv:3:2: fout: rij 3, kolom 2: leeg; elke term heeft een definitie \(«X»\) \(definition\)$/m);
    assert.match(dutch.err, /niets geschreven: 2 problemen in fout\.csv/);
    const into = cli(['glossary', 'import', 'goed.csv', '--into', 'team.yaml', '--lang', 'en'], dir);
    assert.equal(into.code, 2, 'KOPERWIEK is already in team.yaml');
    assert.match(into.err, /"KOPERWIEK" is already an entry of this glossary \(line 3\)/);
    fs.writeFileSync(path.join(dir, 'nieuw.csv'), 'term,definition\nTIB,Toetst vooraf.\n');
    assert.equal(cli(['glossary', 'import', 'nieuw.csv', '--into', 'team.yaml'], dir).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'team.yaml'), 'utf8'), `${TEAM.replace(/\n$/, '')}\n  - term: TIB\n    definition: Toetst vooraf.\n`);
  });
});
