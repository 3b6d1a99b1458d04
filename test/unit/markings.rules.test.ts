import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {Engine} from '../../src/core/engine.js';
import {classify, EMPTY_RULESET} from '../../src/core/markings/index.js';
import {CORPUS_LETTER, CORPUS_REPORT, corpusNames, corpusText, hasCorpus, needsCorpus, OWN_LETTER_TXT} from '../corpus.js';
import {builtinEngine} from '../helpers.js';
import {engine, fixed, ids, lint, markingEngine, marks} from './markings.helpers.js';

const D = 'Rubriceringstermijn: 1 januari 2035';

/** A document with top and bottom banner around the body paragraphs. */
function doc(banner: string, ...body: string[]): string {
  return [banner, ...body, banner].join('\n\n') + '\n';
}

interface Case {
  name: string;
  text: string;
  /** The findings of the rule under test, as `line:col text`. */
  expect: string[];
  language?: 'markdown' | 'plaintext';
}

function check(rule: string, cases: Case[]): void {
  for (const c of cases) {
    it(`${c.expect.length ? 'reports' : 'accepts'}: ${c.name}`, () => {
      const found = lint(c.text, engine(), c.language ?? 'markdown')
        .filter((f) => f.rule === rule)
        .map((f) => `${f.line + 1}:${f.column + 1} ${c.text.slice(f.start, f.end)}`);
      assert.deepEqual(found, c.expect);
    });
  }
}

describe('markings: rules', () => {
  describe('marking/invalid', () => {
    check('marking/invalid', [
      {name: 'a valid document', text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', D), expect: []},
      {name: 'long forms', text: doc('Staatsgeheim GEHEIM', '(Stg.G) Tekst.', D), expect: []},
      {name: 'emphasised banners', text: doc('**Stg. GEHEIM**', '(Stg.G) Tekst.', D), expect: []},
      {name: 'EU banner', text: doc('RESTREINT UE/EU RESTRICTED', '(R-UE) Tekst.'), expect: []},
      {name: 'case', text: doc('Stg. Geheim', 'Tekst.', D), expect: ['1:1 Stg. Geheim', '7:1 Stg. Geheim']},
      {name: 'no dot, capitals', text: doc('STG GEHEIM', 'Tekst.', D), expect: ['1:1 STG GEHEIM', '7:1 STG GEHEIM']},
      {name: 'swapped words', text: 'GEHEIM STG\n\nTekst.\n\nStg. GEHEIM', expect: ['1:1 GEHEIM STG']},
      {name: 'banner lines with a Markdown hard break, stacked', text: `Stg. GEHEIM\\\nNATO SECRET\\\n\n(Stg.G) Tekst.\n\n${D}\n\nStg. GEHEIM\\\nNATO SECRET\\\n`, expect: []},
      {name: 'a wrong level in a list of levels at the end, once', text: 'De niveaus:\n\nTRES SECRET UE/EU TOP SECRET\n\nSECRET UE/EU SECRET\n\nRESTREINT UE/EU RESTRICTED\n', expect: ['3:1 TRES SECRET UE/EU TOP SECRET']},
      {name: 'a stacked banner line of another scheme, top and bottom', text: `Stg. CONFIDENTIEEL\nNATO Confidential\n\n(Stg.C) Tekst.\n\n${D}\n\nStg. CONFIDENTIEEL\nNATO Confidential\n`, expect: ['2:1 NATO Confidential', '9:1 NATO Confidential'], language: 'plaintext'},
      {name: 'portion form as banner', text: doc('**Dep.V.**', 'Tekst.'), expect: ['1:3 Dep.V.', '5:3 Dep.V.']},
      {name: 'a level that does not exist', text: doc('NATO TOP SECRET', 'Tekst.', D), expect: ['1:1 NATO TOP SECRET', '7:1 NATO TOP SECRET']},
      {name: 'spaces around the EU slash', text: doc('RESTREINT UE / EU RESTRICTED', 'Tekst.'), expect: ['1:1 RESTREINT UE / EU RESTRICTED', '5:1 RESTREINT UE / EU RESTRICTED']},
      {name: 'look-alike letter', text: doc('Stg. GЕHEIM', 'Tekst.', D), expect: ['1:1 Stg. GЕHEIM', '7:1 Stg. GЕHEIM']},
      {name: 'portion marks', text: doc('Stg. GEHEIM', '(Stg. Geheim) Tekst.', '- (stg.c) Punt.', D), expect: ['3:1 (Stg. Geheim)', '5:3 (stg.c)']},
      {name: 'TLP labels anywhere', text: 'Gedeeld als TLP: AMBER en *tlp:green*.\n', expect: ['1:13 TLP: AMBER', '1:28 tlp:green']},
      {name: 'unknown TLP colour', text: 'Gedeeld als TLP:PURPLE.\n', expect: ['1:13 TLP:PURPLE']},
      {name: 'a valid TLP label', text: 'Gedeeld als TLP:AMBER+STRICT.\n', expect: []},
      {name: 'TLP in code is not checked', text: 'Zie `TLP: amber`.\n\n```\nTLP: amber\n```\n', expect: []},
      {name: 'misspelt period label', text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', 'rubriceringstermijn: 2035'), expect: ['5:1 rubriceringstermijn']},
      {name: 'ordinary text', text: 'Geheimen\n\nHet is geheim naar welke landen de dienst keek (IO).\n\n(vermeende) activisten.\n\nTot slot', expect: []},
      {name: 'plain text', text: 'Stg. Geheim\n\n(Stg.G) Tekst.\n\nStg. GEHEIM\n', language: 'plaintext', expect: ['1:1 Stg. Geheim']},
      {
        name: 'portion marks of no known level, shaped after a scheme',
        text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', '(Stg.X) Een.', '(Stg.GG) Twee.', '- (Dep.Q) Punt.', '(NATO GEHEIM) Drie.', '(X-UE) Vier.', '(stg.x) Vijf.', D),
        expect: ['5:1 (Stg.X)', '7:1 (Stg.GG)', '9:3 (Dep.Q)', '11:1 (NATO GEHEIM)', '13:1 (X-UE)', '15:1 (stg.x)'],
      },
      {
        name: 'parentheses that are not marking-shaped',
        text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', '(zie bijlage) Een.', '(1) Twee.', '(AIVD) Drie.', '(NATO-partners) Vier.', '(Stg. 2024) Vijf.', D),
        expect: [],
      },
    ]);

    it('is a warning for a marking or label named in a sentence of a text with no marking of its own, an error where it marks', () => {
      const severities = (text: string) => lint(text, engine()).filter((f) => f.rule === 'marking/invalid').map((f) => `${text.slice(f.start, f.end)} ${f.severity}`);
      const about = 'Uitleg\n\nHet label TLP AMBER beperkt de verspreiding; Stg. Geheim is een hoger niveau.\n';
      assert.deepEqual(severities(about), ['TLP AMBER warning', 'Stg. Geheim warning']);
      // On a line of its own the label marks the text, written wrongly.
      assert.deepEqual(severities('TLP AMBER\n\nHet bericht.\n'), ['TLP AMBER error']);
      // In a marked text every wrong form is an error.
      assert.deepEqual(severities(doc('Stg. GEHEIM', '(Stg.G) Het label TLP AMBER hier.', D)), ['TLP AMBER error']);
    });

    it('an unknown portion mark lists the scheme\'s portion marks, in Dutch and English, and is not also unmarked', () => {
      const text = doc('Stg. GEHEIM', '(Stg.G) Tekst.', '(Stg.X) Fout.', '(STG.C) Bekend.', 'Zonder.', D);
      assert.deepEqual(marks(text), [
        'marking/invalid@5:1 (Stg.X)', 'marking/invalid@7:1 (STG.C)', 'marking/unmarked-portion@9:1 Zonder.',
      ]);
      const [unknown, known] = lint(text).filter((f) => f.rule === 'marking/invalid');
      assert.equal(unknown.message, '«(Stg.X)» is geen bekende portiemarkering; bedoelt u (O), (Dep.V.), (Stg.C), (Stg.G) of (Stg.ZG)?');
      assert.equal(unknown.fix, undefined);
      assert.equal(known.fix?.text, '(Stg.C)');
      const en = markingEngine({config: {lang: 'en'}});
      assert.equal(lint(text, en)[0].message, '"(Stg.X)" is not a known portion mark; did you mean (O), (Dep.V.), (Stg.C), (Stg.G) or (Stg.ZG)?');
    });

    it('an unknown portion mark is shaped after any scheme of the data, one added in .rubric.yaml too', () => {
      const e = markingEngine({configYaml: 'markings:\n  schemes:\n    - id: bedrijf\n      levels:\n        - {id: bv, rank: 1, banner: Bedrijfs VERTROUWELIJK, portion: (Bdr.V)}\n        - {id: bg, rank: 2, banner: Bedrijfs GEHEIM, portion: (Bdr.G)}\n'});
      const found = lint(doc('Bedrijfs GEHEIM', '(Bdr.G) Tekst.', '(Bdr.Q) Fout.', D), e).filter((f) => f.rule.startsWith('marking/'));
      assert.deepEqual(found.map((f) => `${f.rule}@${f.line + 1} ${f.message}`), ['marking/invalid@5 «(Bdr.Q)» is geen bekende portiemarkering; bedoelt u (Bdr.V) of (Bdr.G)?']);
    });

    it('leaves TLP:WHITE to term/deprecated', () => {
      const text = '---\ndate: 2024-01-01\n---\n\nGedeeld als TLP:WHITE en TLP: White.\n';
      const found = lint(text);
      assert.deepEqual(found.map((f) => f.rule), ['term/deprecated', 'term/deprecated']);
      const builtin = builtinEngine().lint(text, 'markdown').findings;
      assert.deepEqual(builtin.filter((f) => f.rule.startsWith('marking/')), []);
      assert.ok(builtin.some((f) => f.rule === 'term/deprecated' && f.fix?.text === 'TLP:CLEAR'));
    });

    it('reports TLP:WHITE itself when the glossary does not know it', () => {
      const e = markingEngine({glossary: 'terms:\n  - term: AIVD\n    definition: Dienst.\n'});
      const [f] = lint('Gedeeld als TLP:WHITE.\n', e);
      assert.equal(f.rule, 'marking/invalid');
      assert.equal(f.fix?.text, 'TLP:CLEAR');
    });

    it('speaks Dutch and English', () => {
      const text = doc('Stg. Geheim', 'Tekst.', D);
      assert.equal(lint(text)[0].message, '«Stg. Geheim» is geen geldige rubricering; schrijf «Stg. GEHEIM».');
      const en = markingEngine({config: {lang: 'en'}});
      assert.equal(lint(text, en)[0].message, '"Stg. Geheim" is not a valid classification marking; write "Stg. GEHEIM".');
      assert.match(lint('Stg. GЕHEIM\n', en)[0].message, /look-alike letters/);
    });
  });

  describe('marking/missing', () => {
    check('marking/missing', [
      {name: 'unmarked public text', text: 'Een openbare tekst.\n\nNog een alinea.\n', expect: []},
      {name: 'both banners', text: doc('Stg. CONFIDENTIEEL', '(Stg.C) Tekst.', D), expect: []},
      {name: 'portion marks without banners', text: '(Stg.C) Tekst.\n\n(O) Open.\n', expect: ['1:1 (Stg.C) Tekst.', '3:1 (O) Open.']},
      {name: 'no bottom banner', text: 'Stg. CONFIDENTIEEL\n\n(Stg.C) Tekst.\n\n' + D + '\n', expect: ['5:1 ' + D]},
      {name: 'no top banner', text: '(Stg.C) Tekst.\n\n' + D + '\n\nStg. CONFIDENTIEEL\n', expect: ['1:1 (Stg.C) Tekst.']},
      {name: 'a restricted term without banners', text: 'De operatie KOPERWIEK loopt.\n', expect: ['1:1 De operatie KOPERWIEK loopt.', '1:1 De operatie KOPERWIEK loopt.']},
    ]);

    it('is required by configuration for a folder', () => {
      const e = markingEngine({configYaml: 'markings:\n  requireBanner: true\n'});
      assert.deepEqual(ids('Een tekst.\n', e), ['marking/missing', 'marking/missing']);
      assert.deepEqual(ids('Dep. VERTROUWELIJK\n\nEen tekst.\n\nDep. VERTROUWELIJK\n', e), []);
      // Without a level to go by there is no fix.
      assert.ok(lint('Een tekst.\n', e).every((f) => !f.fix));
    });

    it('adds the bottom banner equal to the top, emphasis included', () => {
      const r = fixed('**Stg. CONFIDENTIEEL**\n\n(Stg.C) Tekst.\n\n' + D + '\n');
      assert.equal(r.text, '**Stg. CONFIDENTIEEL**\n\n(Stg.C) Tekst.\n\n' + D + '\n\n**Stg. CONFIDENTIEEL**\n');
      assert.deepEqual(r.findings, []);
    });

    it('adds the top banner equal to the bottom, after front matter', () => {
      const r = fixed('---\ntitle: x\n---\n(Stg.C) Tekst.\n\n' + D + '\n\nStg. CONFIDENTIEEL\n');
      assert.equal(r.text, '---\ntitle: x\n---\nStg. CONFIDENTIEEL\n\n(Stg.C) Tekst.\n\n' + D + '\n\nStg. CONFIDENTIEEL\n');
      assert.deepEqual(r.findings, []);
    });

    it('adds both banners at the level of the highest portion or restricted term', () => {
      let r = fixed('(Stg.C) Tekst.\n\n(NS) Meer.\n\n' + D + '\n');
      assert.equal(r.text, 'NATO SECRET\n\n(Stg.C) Tekst.\n\n(NS) Meer.\n\n' + D + '\n\nNATO SECRET\n');
      assert.deepEqual(r.findings, []);
      r = fixed('De operatie KOPERWIEK loopt.\n\n' + D + '\n');
      assert.equal(r.text, 'Stg. GEHEIM\n\nDe operatie KOPERWIEK loopt.\n\n' + D + '\n\nStg. GEHEIM\n');
      assert.deepEqual(r.findings, []);
    });

    it('copies the corrected form of a wrong top banner', () => {
      const r = fixed('Stg. Confidentieel\n\n(Stg.C) Tekst.\n\n' + D + '\n');
      assert.equal(r.text, 'Stg. CONFIDENTIEEL\n\n(Stg.C) Tekst.\n\n' + D + '\n\nStg. CONFIDENTIEEL\n');
    });
  });

  describe('marking/banner-mismatch', () => {
    check('marking/banner-mismatch', [
      {name: 'equal banners', text: doc('Stg. GEHEIM', 'Tekst.', D), expect: []},
      {name: 'different levels', text: `Stg. GEHEIM\n\nTekst.\n\n${D}\n\nStg. CONFIDENTIEEL\n`, expect: ['7:1 Stg. CONFIDENTIEEL']},
      {name: 'equal rank, other scheme', text: `NATO SECRET\n\nTekst.\n\n${D}\n\nStg. GEHEIM\n`, expect: ['7:1 Stg. GEHEIM']},
      {name: 'same level, other form', text: `Stg. GEHEIM\n\nTekst.\n\n${D}\n\nStaatsgeheim GEHEIM\n`, expect: ['7:1 Staatsgeheim GEHEIM']},
      {name: 'same level, one form wrong (marking/invalid reports it)', text: `Stg. Geheim\n\nTekst.\n\n${D}\n\nStg. GEHEIM\n`, expect: []},
      {name: 'two schemes stacked, top and bottom alike', text: `Stg. GEHEIM\nNATO SECRET\n\nTekst.\n\n${D}\n\nStg. GEHEIM\nNATO SECRET\n`, expect: [], language: 'plaintext'},
      {name: 'two schemes stacked, the bottom in the other order', text: `Stg. GEHEIM\nNATO SECRET\n\nTekst.\n\n${D}\n\nNATO SECRET\nStg. GEHEIM\n`, expect: []},
      {name: 'two schemes stacked, the bottom of the top\'s scheme lower', text: `Stg. GEHEIM\nNATO SECRET\n\nTekst.\n\n${D}\n\nStg. CONFIDENTIEEL\nNATO SECRET\n`, expect: ['8:1 Stg. CONFIDENTIEEL'], language: 'plaintext'},
    ]);

    it('makes the bottom equal to the top where only the form differs, and offers no fix for another level', () => {
      const r = fixed(`**Stg. GEHEIM**\n\nTekst.\n\n${D}\n\n**Staatsgeheim GEHEIM**\n`);
      assert.equal(r.text, `**Stg. GEHEIM**\n\nTekst.\n\n${D}\n\n**Stg. GEHEIM**\n`);
      assert.deepEqual(r.findings, []);
      const [f] = lint(`Stg. GEHEIM\n\nTekst.\n\n${D}\n\nStg. CONFIDENTIEEL\n`).filter((x) => x.rule === 'marking/banner-mismatch');
      assert.equal(f.fix, undefined);
    });
  });

  describe('marking/portion-exceeds-banner', () => {
    check('marking/portion-exceeds-banner', [
      {name: '(NS) under Stg. GEHEIM', text: doc('Stg. GEHEIM', '(NS) Tekst.', D), expect: []},
      {name: '(NS) under Stg. CONFIDENTIEEL', text: doc('Stg. CONFIDENTIEEL', '(NS) Tekst.', D), expect: ['1:1 Stg. CONFIDENTIEEL', '7:1 Stg. CONFIDENTIEEL']},
      {name: '(Stg.G) under NATO CONFIDENTIAL', text: doc('NATO CONFIDENTIAL', '(O) Open.', '(Stg.G) Tekst.', D), expect: ['1:1 NATO CONFIDENTIAL', '9:1 NATO CONFIDENTIAL']},
      {name: '(S-UE) under NATO SECRET', text: doc('NATO SECRET', '(S-UE) Tekst.', D), expect: []},
      {name: '(CTS) under SECRET UE/EU SECRET', text: doc('SECRET UE/EU SECRET', '(CTS) Tekst.', D), expect: ['1:1 SECRET UE/EU SECRET', '7:1 SECRET UE/EU SECRET']},
      {name: '(TS-UE) under Stg. ZEER GEHEIM', text: doc('Stg. ZEER GEHEIM', '(TS-UE) Tekst.', D), expect: []},
      {name: 'only the lower of two banners', text: `Stg. GEHEIM\n\n(Stg.G) Tekst.\n\n${D}\n\nStg. CONFIDENTIEEL\n`, expect: ['7:1 Stg. CONFIDENTIEEL']},
      {name: 'wrong portion form still counts', text: doc('Dep. VERTROUWELIJK', '(Stg. Geheim) Tekst.', D), expect: ['1:1 Dep. VERTROUWELIJK', '7:1 Dep. VERTROUWELIJK']},
    ]);

    it('raises both banners to the highest portion in their own scheme and style', () => {
      let r = fixed(doc('Stg. CONFIDENTIEEL', '(NS) Tekst.', '(Stg.C) Meer.', D));
      assert.equal(r.text, doc('Stg. GEHEIM', '(NS) Tekst.', '(Stg.C) Meer.', D));
      assert.deepEqual(r.findings, []);
      r = fixed(doc('**Staatsgeheim CONFIDENTIEEL**', '(Stg.ZG) Tekst.', D));
      assert.equal(r.text, doc('**Staatsgeheim ZEER GEHEIM**', '(Stg.ZG) Tekst.', D));
      r = fixed(doc('NATO RESTRICTED', '(Stg.G) Tekst.', D));
      assert.equal(r.text, doc('NATO SECRET', '(Stg.G) Tekst.', D));
      assert.deepEqual(r.findings, []);
    });

    it('names the portion and its line', () => {
      const [f] = lint(doc('Stg. CONFIDENTIEEL', '(O) Open.', '(NS) Tekst.', D)).filter((x) => x.rule === 'marking/portion-exceeds-banner');
      assert.equal(f.message, 'De portiemarkering «(NS)» (regel 5) is hoger dan de rubricering van het document («Stg. CONFIDENTIEEL»); verhoog de rubricering naar «Stg. GEHEIM».');
      assert.equal(f.severity, 'error');
    });
  });

  describe('marking/over-classified', () => {
    check('marking/over-classified', [
      {name: 'banner equal to the highest portion', text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', '(O) Open.', D), expect: []},
      {name: 'banner equal by rank in another scheme', text: doc('NATO SECRET', '(Stg.G) Tekst.', D), expect: []},
      {name: 'no portion marks', text: doc('Stg. ZEER GEHEIM', 'Tekst.', D), expect: []},
      {name: 'banner above every portion', text: doc('Stg. ZEER GEHEIM', '(Stg.C) Tekst.', '(O) Open.', D), expect: ['1:1 Stg. ZEER GEHEIM']},
      {name: 'a restricted term justifies the banner', text: doc('Stg. GEHEIM', '(Stg.C) Over KOPERWIEK.', D), expect: []},
      {name: 'unclassified portions under a banner', text: doc('Dep. VERTROUWELIJK', '(NU) Open.'), expect: ['1:1 Dep. VERTROUWELIJK']},
    ]);

    it('is a warning', () => {
      const f = lint(doc('Stg. ZEER GEHEIM', '(Stg.C) Tekst.', D)).find((x) => x.rule === 'marking/over-classified');
      assert.equal(f?.severity, 'warning');
      assert.equal(f?.fix, undefined);
    });
  });

  describe('marking/unmarked-portion', () => {
    check('marking/unmarked-portion', [
      {name: 'all portions marked', text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', '- (O) Punt.\n- (Stg.C) Punt.', '> (O) Citaat.', D), expect: []},
      {name: 'no portion marks at all', text: doc('Stg. GEHEIM', 'Tekst.', 'Meer tekst.', D), expect: []},
      {name: 'headings need none', text: doc('Stg. GEHEIM', '# Titel', '(Stg.G) Tekst.', D), expect: []},
      {name: 'a paragraph and a list item without', text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', 'Meer tekst\nover twee regels.', '- (O) Punt.\n- Punt zonder.', D), expect: ['5:1 Meer tekst', '9:3 Punt zonder.']},
      {name: 'banner in the same paragraph as the first portion', text: `**Stg. GEHEIM**\n(Stg.G) Tekst.\n\nZonder.\n\n${D}\n\n**Stg. GEHEIM**\n`, expect: ['4:1 Zonder.']},
      {name: 'plain text', language: 'plaintext', text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', '• Punt zonder.', D), expect: ['5:3 Punt zonder.']},
      {
        name: 'a note\'s header fields need none',
        text: doc('Stg. GEHEIM', '# Notitie over de planning', 'Aan: het hoofd\nVan: de analist', 'Datum: 14 maart 2025', 'Onderwerp: de planning', 'Kenmerk: PL-3', 'Kopie: het archief', '(Stg.G) Tekst.', 'Zonder.', D),
        expect: ['18:1 Zonder.'],
      },
      {
        name: 'the same lines outside a note are portions',
        text: doc('Stg. GEHEIM', '(Stg.G) Tekst.', 'Datum: 14 maart 2025', D),
        expect: ['5:1 Datum: 14 maart 2025'],
      },
    ]);
  });

  describe('marking/missing-duration', () => {
    check('marking/missing-duration', [
      {name: 'rank 1', text: doc('Dep. VERTROUWELIJK', 'Tekst.'), expect: []},
      {name: 'rank 2 with the line', text: doc('Stg. CONFIDENTIEEL', 'Tekst.', D), expect: []},
      {name: 'emphasised label', text: doc('Stg. CONFIDENTIEEL', 'Tekst.', '**Rubriceringstermijn:** na afloop van de operatie'), expect: []},
      {name: 'rank 2 without', text: doc('Stg. CONFIDENTIEEL', 'Tekst.'), expect: ['1:1 Stg. CONFIDENTIEEL']},
      {name: 'a text that ends with a list of levels of one scheme (no banner)', text: 'De niveaus, van hoog naar laag:\n\nSECRET UE/EU SECRET\n\nCONFIDENTIEL UE/EU CONFIDENTIAL\n', expect: []},
      {name: 'rank 3 by a portion under a lower banner', text: doc('Dep. VERTROUWELIJK', '(NS) Tekst.'), expect: ['1:1 Dep. VERTROUWELIJK']},
      {name: 'an empty period', text: doc('NATO SECRET', 'Tekst.', 'Rubriceringstermijn:'), expect: ['5:1 Rubriceringstermijn:']},
      {name: 'the line in a code block does not count', text: doc('Stg. GEHEIM', '```\n' + D + '\n```'), expect: ['1:1 Stg. GEHEIM']},
    ]);

    it('follows the configured rank and label', () => {
      const e = markingEngine({configYaml: 'markings:\n  duration:\n    label: Termijn\n    fromRank: 3\n'});
      assert.deepEqual(ids(doc('Stg. CONFIDENTIEEL', 'Tekst.'), e), []);
      assert.deepEqual(ids(doc('Stg. GEHEIM', 'Tekst.'), e), ['marking/missing-duration']);
      assert.deepEqual(ids(doc('Stg. GEHEIM', 'Tekst.', 'Termijn: 2040'), e), []);
    });
  });

  describe('marking/restricted-term', () => {
    check('marking/restricted-term', [
      {name: 'high enough', text: doc('Stg. GEHEIM', 'Over KOPERWIEK.', D), expect: []},
      {name: 'higher in another scheme', text: doc('COSMIC TOP SECRET', 'Over KOPERWIEK.', D), expect: []},
      {name: 'no banner', text: 'Over KOPERWIEK.\n', expect: ['1:6 KOPERWIEK']},
      {name: 'banner too low', text: doc('Stg. CONFIDENTIEEL', 'Over KOPERWIEK.', D), expect: ['3:6 KOPERWIEK']},
      {name: 'lowest banner counts', text: `Stg. GEHEIM\n\nOver KOPERWIEK.\n\n${D}\n\nStg. CONFIDENTIEEL\n`, expect: ['3:6 KOPERWIEK']},
      {name: 'portion too low', text: doc('Stg. GEHEIM', '(Stg.C) Over KOPERWIEK.', '(Stg.G) Tekst.', D), expect: ['3:14 KOPERWIEK']},
      {name: 'minimum given as a portion mark', text: doc('Dep. VERTROUWELIJK', 'Bron ZILVERREIGER.'), expect: ['3:6 ZILVERREIGER']},
    ]);

    it('says what is wrong', () => {
      const [f] = lint('Over KOPERWIEK.\n').filter((x) => x.rule === 'marking/restricted-term');
      assert.equal(f.message, '«KOPERWIEK» mag alleen voorkomen in documenten van ten minste Stg. GEHEIM; dit document heeft geen rubricering.');
    });
  });

  describe('fixes', () => {
    const broken = [
      doc('Stg. Geheim', '(Stg. Geheim) Tekst.', '(O) (ns) is geen markering.', '(NS) Wel.', D),
      'STG GEHEIM\n\n(Stg.G) Tekst.\n\n(NS) Meer.\n\n' + D + '\n',
      doc('RESTREINT UE / EU RESTRICTED', '(R-UE) Tekst.', '(R-UE) Gedeeld als TLP: amber.'),
      doc('Stg. CONFIDENTIEEL', '(NS) Tekst.', '(Stg.C) Meer.', 'rubriceringstermijn: 2035'),
      '(Stg.ZG) Tekst.\n\n(O) Open.\n\n' + D + '\n',
      `**Dep.V.**\n\n(Dep.V) Tekst.\n\n**Dep. VERTROUWELIJK**\n`,
      'Over KOPERWIEK.\n\n' + D + '\n',
      `Stg. GEHEIM\r\n\r\n(Stg. G) Tekst.\r\n\r\n${D}\r\n`,
    ];
    for (const text of broken) {
      it(`leave nothing to report: ${JSON.stringify(text.slice(0, 40))}`, () => {
        const before = ids(text);
        assert.ok(before.length > 0);
        const r = fixed(text);
        assert.deepEqual(r.findings.filter((f) => f.rule.startsWith('marking/')).map((f) => `${f.rule} ${f.message}`), []);
        assert.deepEqual(ids(r.text), []);
      });
    }

    it('keep the line breaks of a CRLF document', () => {
      const r = fixed(`Stg. GEHEIM\r\n\r\n(Stg. G) Tekst.\r\n\r\n${D}\r\n`);
      assert.equal(r.text, `Stg. GEHEIM\r\n\r\n(Stg.G) Tekst.\r\n\r\n${D}\r\n\r\nStg. GEHEIM\r\n`);
    });
  });

  describe('positions', () => {
    it('are right in CRLF text', () => {
      const text = 'Stg. GEHEIM\r\n\r\n(Stg.G) Tekst.\r\n\r\nGedeeld als TLP: AMBER.\r\n\r\nZonder.\r\n\r\n' + D + '\r\n\r\nStg. Geheim\r\n';
      assert.deepEqual(marks(text), [
        'marking/unmarked-portion@5:1 Gedeeld als TLP: AMBER.',
        'marking/invalid@5:13 TLP: AMBER',
        'marking/unmarked-portion@7:1 Zonder.',
        'marking/invalid@11:1 Stg. Geheim',
      ]);
      assert.deepEqual(marks(text, engine(), 'plaintext'), marks(text));
    });

    it('are right in NFD text', () => {
      const nfd = (s: string) => s.normalize('NFD');
      const text = nfd('TRÈS SECRET UE/EU TOP SECRET\n\n(TS-UE) Één tekst.\n\nÉén TLP: amber en (S-UE).\n\n' + D + '\n\nTRÈS SECRET UE/EU TOP SECRET\n');
      // Columns count UTF-16 code units: NFD `Één ` is six of them.
      assert.deepEqual(marks(text), ['marking/unmarked-portion@5:1 Één TLP: amber en (S-UE).'.normalize('NFD'), 'marking/invalid@5:7 TLP: amber']);
      const f = lint(text).find((x) => x.rule === 'marking/invalid')!;
      assert.equal(text.slice(f.start, f.end), 'TLP: amber');
      const r = fixed(nfd('Trés secret UE/EU top secret\n\n(TS-UE) Één tekst.\n\n' + D + '\n'));
      // The fix writes the canonical (NFC) form; the rest of the text is left as it was.
      const banner = 'TRÈS SECRET UE/EU TOP SECRET';
      assert.equal(r.text, `${banner}\n\n${nfd('(TS-UE) Één tekst.')}\n\n${D}\n\n${banner}\n`);
    });
  });

  describe('banner lines', () => {
    it('skip front matter and comment lines, and may be suppressed', () => {
      const text = '---\ntitle: Notitie\n---\n<!-- rubric-disable-next-line marking/invalid -->\nStg. Geheim\n\n(Stg.G) Tekst.\n\n' + D + '\n\nStg. GEHEIM\n<!-- einde -->\n';
      assert.deepEqual(marks(text), []);
      const c = classify(engine().lint(text, 'markdown').context);
      assert.equal(c.top?.text, 'Stg. Geheim');
      assert.equal(c.bottom?.text, 'Stg. GEHEIM');
    });

    it('are not sections in plain text', () => {
      const text = doc('Stg. GEHEIM', 'Inleiding', '(Stg.G) Tekst.', D);
      const c = classify(engine().lint(text, 'plaintext').context);
      assert.deepEqual(c.sections.map((s) => s.title), ['Inleiding']);
    });
  });

  describe('classify()', () => {
    const text = [
      '**Stg. GEHEIM**', '',
      '# Inleiding', '', '(O) Open.', '',
      '## Achtergrond', '', '(Stg.C) Tekst.', '', '- (NS) Punt.', '',
      '## Zonder porties', '', '```', '(Stg.ZG) geen portie in code', '```', '',
      '# (Stg.C) Slot', '', '(O) Einde.', '',
      D, '', '**Stg. GEHEIM**', '',
    ].join('\n');

    it('gives the banners, the effective level and each section’s level', () => {
      const ctx = engine().lint(text, 'markdown').context;
      const c = classify(ctx);
      assert.equal(classify(ctx), c, 'memoized');
      assert.equal(c.top?.level?.banner, 'Stg. GEHEIM');
      assert.equal(c.bottom?.level?.banner, 'Stg. GEHEIM');
      assert.equal(c.marked?.banner, 'Stg. GEHEIM');
      assert.equal(c.level?.banner, 'Stg. GEHEIM');
      assert.equal(c.highestPortion?.text, '(NS)');
      assert.equal(c.required?.banner, 'NATO SECRET');
      assert.equal(c.duration?.value, '1 januari 2035');
      assert.deepEqual(c.sections.map((s) => [s.depth, s.title, s.level?.banner ?? null]), [
        [1, 'Inleiding', 'NATO SECRET'],
        [2, 'Achtergrond', 'NATO SECRET'],
        [2, 'Zonder porties', null],
        [1, '(Stg.C) Slot', 'Stg. CONFIDENTIEEL'],
      ]);
      assert.equal(c.sections[3].mark?.text, '(Stg.C)');
      assert.equal(text.slice(c.sections[1].start, c.sections[1].end).trim().split('\n')[0], '## Achtergrond');
      assert.deepEqual(marks(text), []);
    });

    it('is empty without a ruleset', () => {
      const e = engine();
      const bare = new Engine({...e.data, markings: EMPTY_RULESET}, e.rules);
      const c = classify(bare.lint(text, 'markdown').context);
      assert.equal(c.level, null);
      assert.deepEqual(c.sections, []);
    });
  });

  describe('unmarked texts: the corpus (../shared/corpus) and the fixture letter', () => {
    const unmarked = (text: string) => {
      for (const language of ['plaintext', 'markdown'] as const) {
        const found = builtinEngine().lint(text, language).findings.filter((f) => f.rule.startsWith('marking/'));
        assert.deepEqual(found.map((f) => `${f.rule} ${f.line + 1}: ${f.message}`), [], language);
        const c = classify(builtinEngine().lint(text, language).context);
        assert.equal(c.level, null);
        assert.equal(c.top, undefined);
      }
    };
    for (const name of hasCorpus() ? corpusNames() : [CORPUS_REPORT, CORPUS_LETTER]) {
      it(`${name} has no marking findings`, function () {
        needsCorpus(this, name);
        unmarked(corpusText(name));
      });
    }
    it(`${path.basename(OWN_LETTER_TXT)} has no marking findings`, () => {
      unmarked(fs.readFileSync(OWN_LETTER_TXT, 'utf8'));
    });
  });
});
