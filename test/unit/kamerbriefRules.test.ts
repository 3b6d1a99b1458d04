import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {loadEngine} from '../../src/node/files.js';
import {CORPUS_LETTER, needsCorpus} from '../corpus.js';
import {ADDRESS, builtin, corpusLetter, fixStructure, letter, lintStructure, markdownText, plainText, structure} from './kamerbriefFixtures.js';

describe('kamerbrief: structure rules', () => {
  describe('whole letters', () => {
    it('the letter as plain text has no structure finding, also read as Markdown', () => {
      assert.deepEqual(lintStructure(plainText(), 'plaintext'), []);
      assert.deepEqual(lintStructure(plainText(), 'markdown'), []);
    });

    it('the letter as Markdown has no structure finding', () => {
      assert.deepEqual(lintStructure(markdownText(), 'markdown'), []);
    });

    it('with CRLF line endings neither', () => {
      assert.deepEqual(lintStructure(plainText().replace(/\r?\n/g, '\r\n'), 'plaintext'), []);
      assert.deepEqual(lintStructure(markdownText().replace(/\r?\n/g, '\r\n'), 'markdown'), []);
    });

    it('the published letter in the shared corpus has no structure finding, as plain text, read as Markdown and with CRLF', function () {
      needsCorpus(this, CORPUS_LETTER);
      assert.deepEqual(lintStructure(corpusLetter(), 'plaintext'), []);
      assert.deepEqual(lintStructure(corpusLetter(), 'markdown'), []);
      assert.deepEqual(lintStructure(corpusLetter().replace(/\r?\n/g, '\r\n'), 'plaintext'), []);
    });

    it('is silent on documents that are not letters', () => {
      const note = 'Notitie\n\nOp 10-12-2020 sprak de minister van Binnenlandse Zaken met de BVD.\n\nDe minister van Veiligheid en Justitie,\n\nA.B. Jansen\n';
      assert.deepEqual(lintStructure(note, 'plaintext'), []);
      assert.deepEqual(lintStructure(note, 'markdown'), []);
    });
  });

  describe('structure/missing-field', () => {
    it('accepts a complete letter, with or without salutation and kenmerk', () => {
      assert.deepEqual(lintStructure(letter()), []);
      assert.deepEqual(lintStructure(letter({salutation: null, extraFields: ['Ons kenmerk 2020-0000123', 'Bijlagen 2']})), []);
      assert.deepEqual(lintStructure(letter({markdown: true}), 'markdown'), []);
    });

    it('reports a missing Datum, Betreft and signature where they belong: a field on the address block, the signature on the last line', () => {
      assert.deepEqual(lintStructure(letter({datum: null})), ['structure/missing-field@1:1']);
      assert.deepEqual(lintStructure(letter({betreft: null})), ['structure/missing-field@1:1']);
      assert.deepEqual(lintStructure(letter({datum: null, betreft: null})), ['structure/missing-field@1:1', 'structure/missing-field@1:1']);
      assert.deepEqual(lintStructure(letter({signature: null})), ['structure/missing-field@10:1']);
      // Without an address block, everything missing at the top is on line 1 (after any front matter).
      assert.deepEqual(lintStructure(letter({address: null, datum: null, frontMatter: 'type: kamerbrief', markdown: true}), 'markdown'),
        ['structure/missing-field@5:1', 'structure/missing-field@5:1']);
    });

    it('reports an empty field and a signature without a name', () => {
      const text = letter({betreft: ''}).replace('Betreft \n', 'Betreft\n');
      assert.deepEqual(lintStructure(text), ['structure/missing-field@6:1']);
      assert.deepEqual(lintStructure(letter({signature: ['De minister van Defensie,']})), ['structure/missing-field@12:1']);
    });

    it('reports a missing address block in a letter marked by its front matter', () => {
      const text = letter({frontMatter: 'type: kamerbrief', address: null, markdown: true});
      assert.deepEqual(lintStructure(text, 'markdown'), ['structure/missing-field@5:1']);
    });

    it('says what is missing, in Dutch and in English', () => {
      const nl = structure(builtin().lint(letter({datum: null}), 'plaintext').findings)[0];
      assert.match(nl.message, /geen veld Datum/);
      const en = loadEngine(path.join(os.tmpdir(), 'x.md'), {builtinOnly: true, lang: 'en'}).engine;
      assert.match(structure(en.lint(letter({datum: null}), 'plaintext').findings)[0].message, /no Datum field/);
    });
  });

  describe('structure/date-format', () => {
    const wrong = ['10-12-2020', '10 December 2020', '10 dec. 2020', '10/12/2020', '2020-12-10', '10.12.2020', '10 dec 2020'];

    for (const datum of wrong) {
      it(`fixes Datum ${datum} to 10 december 2020`, () => {
        const text = letter({datum});
        assert.deepEqual(lintStructure(text), [`structure/date-format@5:7 ${datum}`]);
        const fixed = fixStructure(text);
        assert.deepEqual(fixed.left, []);
        assert.equal(fixed.text, letter());
      });
    }

    it('fixes a leading zero in the day', () => {
      const fixed = fixStructure(letter({datum: '01 december 2020'}));
      assert.equal(fixed.text, letter({datum: '1 december 2020'}));
    });

    it('fixes dates in the body and the subject, not dates written right', () => {
      const text = letter({
        betreft: 'Reactie op uw brief van 2020-11-27',
        body: ['Op 9 December jl. en op 01-12-2020 (brief van 27 november 2020) sprak ik in Dec. 2020 met de AIVD.'],
      });
      assert.deepEqual(lintStructure(text), [
        'structure/date-format@6:33 2020-11-27',
        'structure/date-format@10:4 9 December',
        'structure/date-format@10:25 01-12-2020',
        'structure/date-format@10:77 Dec. 2020',
      ]);
      const fixed = fixStructure(text);
      assert.deepEqual(fixed.left, []);
      assert.ok(fixed.text.includes('Op 9 december jl. en op 1 december 2020 (brief van 27 november 2020) sprak ik in december 2020'));
      assert.ok(fixed.text.includes('uw brief van 27 november 2020'));
    });

    it('fixes a date broken over two lines', () => {
      const text = letter({body: ['Op 10\nDecember 2020 sprak ik met de AIVD.']});
      assert.deepEqual(lintStructure(text), ['structure/date-format@10:4 10\nDecember 2020']);
      assert.ok(fixStructure(text).text.includes('Op 10 december 2020 sprak'));
    });

    it('leaves Kamerstuk numbers, times, articles, Staatsblad references, kenmerken and code alone', () => {
      const body = [
        'Zie Kamerstuk 31 288, nr. 1003 en Kamerstukken II 2019/20, 30 821, nr. 93; Stb. 2017, 317.',
        'Om 10.30 uur besprak ik art. 6.1.2 en het gesprek van 9.00-12.00 uur; 1.000.000 euro.',
      ];
      assert.deepEqual(lintStructure(letter({body, extraFields: ['Ons kenmerk 2020-12-10']})), []);
      const md = letter({markdown: true, body: [...body, 'De sleutel `2020-12-10` en https://example.invalid/2020-12-10/x.', '```\n10-12-2020\n```']});
      assert.deepEqual(lintStructure(md, 'markdown'), []);
    });

    it('reports a Datum without a date or without a year, without a fix', () => {
      assert.deepEqual(lintStructure(letter({datum: 'volgt'})), ['structure/date-format@5:7 volgt']);
      assert.deepEqual(lintStructure(letter({datum: '10 december'})), ['structure/date-format@5:7 10 december']);
      assert.deepEqual(fixStructure(letter({datum: 'volgt'})).left.map((f) => f.rule), ['structure/date-format']);
    });

    it('has the right columns in CRLF text and fixes it without touching the line endings', () => {
      const text = letter({datum: '10-12-2020', body: ['Op 01-12-2020 sprak ik.']}).replace(/\n/g, '\r\n');
      assert.deepEqual(lintStructure(text), ['structure/date-format@5:7 10-12-2020', 'structure/date-format@10:4 01-12-2020']);
      const fixed = fixStructure(text);
      assert.equal(fixed.text, letter({body: ['Op 1 december 2020 sprak ik.']}).replace(/\n/g, '\r\n'));
    });
  });

  describe('structure/addressee', () => {
    const withAddress = (lines: string[], markdown = false) => letter({address: lines, markdown});

    it('accepts the Tweede Kamer and the Eerste Kamer, with Den Haag or DEN HAAG', () => {
      assert.deepEqual(lintStructure(withAddress(ADDRESS)), []);
      assert.deepEqual(lintStructure(withAddress([ADDRESS[0], ADDRESS[1], '2500 EA DEN HAAG'])), []);
      assert.deepEqual(lintStructure(withAddress(['Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20017', '2500 EA Den Haag'])), []);
    });

    it('accepts two spaces between the postcode and the city, as PostNL writes them', () => {
      assert.deepEqual(lintStructure(withAddress([ADDRESS[0], ADDRESS[1], '2500 EA  DEN HAAG'])), []);
      assert.deepEqual(lintStructure(withAddress([ADDRESS[0], ADDRESS[1], '2500 EA  Den Haag'])), []);
      assert.deepEqual(lintStructure(withAddress([ADDRESS[0], ADDRESS[1], '2500 EA   DEN HAAG'])), ['structure/addressee@3:1 2500 EA   DEN HAAG']);
    });

    const cases: Array<[string, string[], string[], string[]]> = [
      ['a wrong Postbus number', [ADDRESS[0], 'Postbus 20108', ADDRESS[2]], ['structure/addressee@2:1 Postbus 20108'], ADDRESS],
      ['a postcode without its space', [ADDRESS[0], ADDRESS[1], '2500EA Den Haag'], ['structure/addressee@3:1 2500EA Den Haag'], ADDRESS],
      ['the same in capitals', [ADDRESS[0], ADDRESS[1], '2500EA DEN HAAG'], ['structure/addressee@3:1 2500EA DEN HAAG'], [ADDRESS[0], ADDRESS[1], '2500 EA DEN HAAG']],
      ['a wrong postcode', [ADDRESS[0], ADDRESS[1], '2513 AA Den Haag'], ['structure/addressee@3:1 2513 AA Den Haag'], ADDRESS],
      ['the old city name', [ADDRESS[0], ADDRESS[1], "2500 EA 's-Gravenhage"], ["structure/addressee@3:1 2500 EA 's-Gravenhage"], ADDRESS],
      ['a short addressee line', ['Aan de voorzitter van de Tweede Kamer', ADDRESS[1], ADDRESS[2]], ['structure/addressee@1:1 Aan de voorzitter van de Tweede Kamer'], ADDRESS],
      ['the Tweede Kamer’s Postbus for the Eerste Kamer', ['Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20018', ADDRESS[2]],
        ['structure/addressee@2:1 Postbus 20018'], ['Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20017', ADDRESS[2]]],
      ['a missing Postbus line', [ADDRESS[0], ADDRESS[2]], ['structure/addressee@1:1'], ADDRESS],
      ['a missing city line', [ADDRESS[0], ADDRESS[1]], ['structure/addressee@2:1'], ADDRESS],
    ];
    for (const [what, lines, expected, fixedLines] of cases) {
      it(`fixes ${what}`, () => {
        assert.deepEqual(lintStructure(withAddress(lines)), expected);
        const fixed = fixStructure(withAddress(lines));
        assert.deepEqual(fixed.left, []);
        assert.equal(fixed.text, withAddress(fixedLines));
        // In Markdown with hard line breaks, a fix keeps them.
        const md = fixStructure(withAddress(lines, true), 'markdown');
        assert.deepEqual(md.left, []);
        assert.equal(md.text, withAddress(fixedLines, true));
      });
    }

    it('reads the addressee lines it may fix from the data: a configured address is corrected the same way', () => {
      const staten = ['Aan de Voorzitter van de Provinciale Staten van Utrecht', 'Postbus 80300', '3508 TH Utrecht'];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-staten-'));
      try {
        fs.writeFileSync(path.join(dir, '.rubric.yaml'), `kamerbrief:\n  addressees:\n    - {name: Provinciale Staten, addressee: ${staten[0]}, postbus: ${staten[1]}, city: [${staten[2]}]}\n`);
        const e = loadEngine(path.join(dir, 'brief.txt')).engine;
        const short = ['Aan de voorzitter van de Provinciale Staten', staten[1], staten[2]];
        assert.deepEqual(lintStructure(withAddress(short), 'plaintext', e), ['structure/addressee@1:1 Aan de voorzitter van de Provinciale Staten']);
        assert.equal(fixStructure(withAddress(short), 'plaintext', e).text, withAddress(staten));
        // The Tweede Kamer's shape is not this data's: a letter to it is no longer judged.
        assert.deepEqual(lintStructure(withAddress(['Aan de voorzitter van de Tweede Kamer', staten[1], staten[2]]), 'plaintext', e), []);
      } finally {
        fs.rmSync(dir, {recursive: true, force: true});
      }
    });

    it('fixes inserted lines with the document’s CRLF line endings', () => {
      const crlf = (s: string) => s.replace(/\n/g, '\r\n');
      const fixed = fixStructure(crlf(withAddress([ADDRESS[0]])));
      assert.equal(fixed.text, crlf(withAddress(ADDRESS)));
    });

    it('reports an address line it cannot be sure of without fixing it, and leaves a committee alone', () => {
      const odd = withAddress([ADDRESS[0], 'Postbus 20018 (Binnenhof)', ADDRESS[2]]);
      assert.deepEqual(lintStructure(odd), ['structure/addressee@2:1 Postbus 20018 (Binnenhof)']);
      assert.equal(fixStructure(odd).left.length, 1);
      assert.deepEqual(lintStructure(withAddress(['Aan de Voorzitter van de vaste commissie voor Binnenlandse Zaken', ADDRESS[1], ADDRESS[2]])), []);
    });
  });

  describe('structure/signature', () => {
    const signed = (title: string, datum = '10 december 2020', body?: string[]) => letter({datum, body, signature: [title, 'A.B. Jansen']});

    it('accepts official names on the letter’s date', () => {
      for (const [title, datum] of [
        ['De minister van Binnenlandse Zaken en Koninkrijksrelaties,', '10 december 2020'],
        ['De minister van Economische Zaken en Klimaat,', '10 december 2020'],
        ['De minister van Economische Zaken en Klimaat,', '1 maart 2026'],
        ['De minister van Landbouw, Natuur en Voedselkwaliteit,', '10 december 2020'],
        ['De minister van Landbouw, Visserij, Voedselzekerheid en Natuur,', '1 maart 2026'],
        ['De minister van Veiligheid en Justitie,', '10 december 2015'],
        ['De minister-president, minister van Algemene Zaken,', '10 december 2020'],
        ['De staatssecretaris van Justitie en Veiligheid,', '10 december 2020'],
        ['De minister voor Rechtsbescherming,', '10 december 2020'],
        ['De minister voor een portfolio dat Rubric niet kent,', '10 december 2020'],
        ['DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES,', '10 december 2020'],
      ]) {
        assert.deepEqual(lintStructure(signed(title, datum)), [], `${title} ${datum}`);
      }
    });

    const cases: Array<[string, string, string, string | undefined]> = [
      ['De minister van Binnenlandse Zaken,', '10 december 2020', 'Binnenlandse Zaken', undefined],
      ['De minister van BZK,', '10 december 2020', 'BZK', 'De minister van Binnenlandse Zaken en Koninkrijksrelaties,'],
      ['De minister van Financien,', '10 december 2020', 'Financien', 'De minister van Financiën,'],
      ['De minister van binnenlandse zaken en koninkrijksrelaties,', '10 december 2020', 'binnenlandse zaken en koninkrijksrelaties', 'De minister van Binnenlandse Zaken en Koninkrijksrelaties,'],
      ['De minister van Binnenlandse Zaken en Koninkrijkrelaties,', '10 december 2020', 'Binnenlandse Zaken en Koninkrijkrelaties', 'De minister van Binnenlandse Zaken en Koninkrijksrelaties,'],
      ['De minister van Veiligheid en Justitie,', '10 december 2020', 'Veiligheid en Justitie', 'De minister van Justitie en Veiligheid,'],
      ['De minister van Justitie en Veiligheid,', '10 december 2015', 'Justitie en Veiligheid', undefined],
      ['De minister van Economische Zaken en Klimaat,', '10 december 2025', 'Economische Zaken en Klimaat', undefined],
      ['De minister van Klimaat en Groene Groei,', '1 maart 2026', 'Klimaat en Groene Groei', 'De minister van Economische Zaken en Klimaat,'],
      ['De minister voor Defensie,', '10 december 2020', 'voor Defensie', 'De minister van Defensie,'],
      ['De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,', '10 december 2025', 'Buitenlandse Handel en Ontwikkelingssamenwerking', 'De minister voor Buitenlandse Handel en Ontwikkelingshulp,'],
    ];
    for (const [title, datum, actual, fixedTitle] of cases) {
      it(`reports ${title} on ${datum}${fixedTitle ? ' and fixes it' : ''}`, () => {
        const text = signed(title, datum);
        const column = title.indexOf(actual.startsWith('voor ') ? 'voor' : actual) + 1;
        assert.deepEqual(lintStructure(text), [`structure/signature@12:${column} ${actual}`]);
        const fixed = fixStructure(text);
        if (fixedTitle) {
          assert.deepEqual(fixed.left, []);
          assert.equal(fixed.text, signed(fixedTitle, datum));
        } else {
          assert.equal(fixed.left.length, 1);
        }
      });
    }

    it('says since when a name is outdated', () => {
      const f = structure(builtin().lint(signed('De minister van Veiligheid en Justitie,'), 'plaintext').findings)[0];
      assert.equal(f.message, '«Veiligheid en Justitie» is sinds 26 oktober 2017 geen officiële naam meer; schrijf «Justitie en Veiligheid».');
    });

    it('checks the ministers named with “mede namens”, across a line break', () => {
      const body = ['Met deze brief informeer ik u, mede namens de minister van Buitenlandse Zaken en\nde minister van Veiligheid en Justitie, over de steekproef.'];
      const text = signed('De minister van Defensie,', '10 december 2020', body);
      assert.deepEqual(lintStructure(text), ['structure/signature@11:17 Veiligheid en Justitie']);
      assert.ok(fixStructure(text).text.includes('de minister van Justitie en Veiligheid, over'));
      const unknown = signed('De minister van Defensie,', '10 december 2020', ['Mede namens de minister van het Heelal informeer ik u.']);
      assert.deepEqual(lintStructure(unknown), []);
    });
  });

  describe('configuration (.rubric.yaml kamerbrief:)', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-kamerbrief-'));
    });
    after(() => fs.rmSync(dir, {recursive: true, force: true}));

    const engineWith = (yaml: string, files: Record<string, string> = {}) => {
      const sub = fs.mkdtempSync(path.join(dir, 'c-'));
      fs.writeFileSync(path.join(sub, '.rubric.yaml'), yaml);
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(sub, name), text);
      return loadEngine(path.join(sub, 'brief.md'));
    };
    const kgg = letter({datum: '1 maart 2026', signature: ['De minister van Klimaat en Groene Groei,', 'A.B. Jansen']});

    it('adds or replaces ministries', () => {
      assert.deepEqual(lintStructure(kgg), ['structure/signature@12:17 Klimaat en Groene Groei']);
      const loaded = engineWith('kamerbrief:\n  ministries:\n    - name: Klimaat en Groene Groei\n      periods: [{from: 2024-07-02}]\n');
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(lintStructure(kgg, 'plaintext', loaded.engine), []);
    });

    it('replaces the whole data with a file, relative to the configuration', () => {
      const data = fs.readFileSync(path.resolve(__dirname, '..', '..', 'glossary', 'ministries.yaml'), 'utf8')
        .replace('  - name: Klimaat en Groene Groei\n    abbreviation: KGG\n    periods: [{from: 2024-07-02, until: 2026-02-23}]', '  - name: Klimaat en Groene Groei\n    abbreviation: KGG');
      const loaded = engineWith('kamerbrief:\n  file: ministeries.yaml\n', {'ministeries.yaml': data});
      assert.deepEqual(loaded.problems, []);
      assert.ok(loaded.files.some((f) => f.endsWith('ministeries.yaml')));
      assert.deepEqual(lintStructure(kgg, 'plaintext', loaded.engine), []);
    });

    it('reports a broken section with its place', () => {
      const loaded = engineWith('kamerbrief:\n  ministries:\n    - naam: X\n');
      assert.ok(loaded.problems.some((p) => p.severity === 'error' && p.line === 3), JSON.stringify(loaded.problems));
      const bad = engineWith('kamerbrief:\n  ministries:\n    - name: X\n      replacedBy: Y\n    - name: X\n');
      assert.deepEqual(bad.problems.map((p) => [p.severity, p.field, p.line, path.basename(p.file)]), [
        ['error', 'kamerbrief.ministries[1].name', 5, '.rubric.yaml'],
        ['warning', 'kamerbrief.ministries[0].replacedBy', 4, '.rubric.yaml'],
      ]);
    });

    it('turns the rules off like any other', () => {
      const loaded = engineWith('rules:\n  structure/date-format: off\n');
      assert.deepEqual(lintStructure(letter({datum: '10-12-2020'}), 'plaintext', loaded.engine), []);
    });
  });
});
