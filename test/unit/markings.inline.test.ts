/** marking/invalid on classification markings written out in running text: the level word not in capitals, and the other wrong forms. */

import {strict as assert} from 'node:assert';
import {applyFixes} from '../../src/core/fix.js';
import {engine, lint, markingEngine, marks} from './markings.helpers.js';

const invalid = (text: string, e = engine()) => lint(text, e).filter((f) => f.rule === 'marking/invalid');

/** Every form of the Dutch scheme a writer can write out: level word in the wrong case, in a sentence. */
const LEVELS: Array<[string, string]> = [
  ['Departementaal VERTROUWELIJK', 'Departementaal Vertrouwelijk'],
  ['Dep. VERTROUWELIJK', 'Dep. Vertrouwelijk'],
  ['Staatsgeheim CONFIDENTIEEL', 'Staatsgeheim Confidentieel'],
  ['Stg. CONFIDENTIEEL', 'Stg. confidentieel'],
  ['Staatsgeheim GEHEIM', 'Staatsgeheim Geheim'],
  ['Stg. GEHEIM', 'Stg. Geheim'],
  ['Staatsgeheim ZEER GEHEIM', 'Staatsgeheim Zeer Geheim'],
  ['Stg. ZEER GEHEIM', 'Stg. Zeer geheim'],
];

describe('markings: written out in running text', () => {
  for (const [canonical, written] of LEVELS) {
    it(`reports «${written}» in a sentence, with «${canonical}» as fix`, () => {
      const text = `De stukken zijn gerubriceerd als ${written} en gaan per koerier.\n`;
      const found = invalid(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0].actual, written);
      assert.equal(found[0].expected, canonical);
      assert.equal(applyFixes(text, [found[0].fix!]).text, `De stukken zijn gerubriceerd als ${canonical} en gaan per koerier.\n`);
    });
    it(`accepts «${canonical}» in a sentence`, () => {
      assert.deepEqual(invalid(`De stukken zijn gerubriceerd als ${canonical} en gaan per koerier.\n`), []);
    });
  }

  it('reports the other wrong forms the scheme allows: a missing dot, capitals, lower case, an alias', () => {
    const text = 'Zie de Stg Geheim stukken, de STG. GEHEIM map, de stg. zeer geheim bijlage en de Stg. Conf. nota.\n';
    assert.deepEqual(invalid(text).map((f) => `${f.actual} -> ${f.expected}`), [
      'Stg Geheim -> Stg. GEHEIM',
      'STG. GEHEIM -> Stg. GEHEIM',
      'stg. zeer geheim -> Stg. ZEER GEHEIM',
      'Stg. Conf. -> Stg. CONFIDENTIEEL',
    ]);
  });

  it('keeps a dot that ends the sentence', () => {
    const text = 'Het verslag is Stg. Conf.\n';
    const [f] = invalid(text);
    assert.equal(applyFixes(text, [f.fix!]).text, 'Het verslag is Stg. CONFIDENTIEEL.\n');
  });

  it('reads a marking broken over a line in one paragraph, in a heading and in a list item', () => {
    assert.deepEqual(invalid('De stukken zijn Staatsgeheim\nGeheim gerubriceerd.\n').map((f) => f.expected), ['Staatsgeheim GEHEIM']);
    assert.deepEqual(invalid('# Bijlage Staatsgeheim Geheim\n\nTekst.\n').map((f) => f.expected), ['Staatsgeheim GEHEIM']);
    assert.deepEqual(invalid('- een nota Dep. Vertrouwelijk\n').map((f) => f.expected), ['Dep. VERTROUWELIJK']);
  });

  it('leaves ordinary words alone: a state secret that stays secret, inflected and lower-case descriptions', () => {
    for (const text of [
      'Het is een staatsgeheim dat geheim blijft.',
      'Dat staatsgeheim geheim houden is lastig.',
      'Departementaal vertrouwelijke stukken liggen in de kluis.',
      'Staatsgeheimen blijven geheim, ook Staatsgeheim geheimen.',
      'De nota is departementaal vertrouwelijk.',
      'De dienst depot heeft een stg-nummer.',
    ]) {
      assert.deepEqual(marks(`${text}\n`), [], text);
    }
  });

  it('leaves code, links and the banner lines to their own rules', () => {
    assert.deepEqual(invalid('Zie `Stg. Geheim` en [de map](https://example.invalid/Stg. Geheim).\n'), []);
    // A wrong banner is reported once, as a banner.
    assert.deepEqual(marks('Stg. Geheim\n\n(Stg.G) Tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n'), ['marking/invalid@1:1 Stg. Geheim']);
  });

  it('does not classify the document', () => {
    const text = 'De stukken zijn gerubriceerd als Stg. GEHEIM.\n';
    assert.deepEqual(marks(text), []);
  });

  it('works for a level an organisation adds, not only the built-in ones', () => {
    const e = markingEngine({configYaml: 'markings:\n  schemes:\n    - id: bedrijf\n      levels:\n        - {id: bv, rank: 1, banner: Bedrijfs VERTROUWELIJK, portion: (BV)}\n'});
    assert.deepEqual(invalid('De offerte is Bedrijfs Vertrouwelijk verstuurd.\n', e).map((f) => f.expected), ['Bedrijfs VERTROUWELIJK']);
    assert.deepEqual(invalid('De offerte is Bedrijfs VERTROUWELIJK verstuurd.\n', e), []);
  });

  it('reports a marking in capitals written without a diacritic of its form, with the form as fix', () => {
    const text = 'Het hoogste niveau is TRES SECRET UE/EU TOP SECRET, kort TRES SECRET UE; daaronder SECRET UE/EU SECRET.\n';
    const found = invalid(text);
    assert.deepEqual(found.map((f) => `${f.actual} -> ${f.expected}`), [
      'TRES SECRET UE/EU TOP SECRET -> TRÈS SECRET UE/EU TOP SECRET',
      'TRES SECRET UE -> TRÈS SECRET UE',
    ]);
    assert.equal(applyFixes(text, found.map((f) => f.fix!)).text,
      'Het hoogste niveau is TRÈS SECRET UE/EU TOP SECRET, kort TRÈS SECRET UE; daaronder SECRET UE/EU SECRET.\n');
    // Blanks around the slash are read as the form's.
    assert.deepEqual(invalid('Het is TRES SECRET UE / EU TOP SECRET.\n').map((f) => f.expected), ['TRÈS SECRET UE/EU TOP SECRET']);
    // Also in a level an organisation adds.
    const e = markingEngine({configYaml: 'markings:\n  schemes:\n    - id: bedrijf\n      levels:\n        - {id: bg, rank: 2, banner: BEDRIJFSGEHEIM ÉÉN, portion: (BG1)}\n'});
    assert.deepEqual(invalid('De offerte is BEDRIJFSGEHEIM EEN verstuurd.\n', e).map((f) => f.expected), ['BEDRIJFSGEHEIM ÉÉN']);
  });

  it('leaves a marking with its diacritics alone in running text, and other words and cases without them', () => {
    for (const text of [
      'Het hoogste niveau is TRÈS SECRET UE/EU TOP SECRET, kort TRÈS SECRET UE.',
      'Het Franse très secret is geen rubricering, Tres Secret UE in een titel evenmin; TRESSECRET UE is geen woord.',
      'Zie `TRES SECRET UE` en de rubricering "TRES SECRET UE" zoals die toen werd aangehaald.',
      'De XTRES SECRET UE-lijst en TRES SECRET UEX.',
    ]) {
      assert.deepEqual(invalid(`${text}\n`), [], text);
    }
    // Nor does it classify the document.
    assert.deepEqual(marks('De stukken zijn TRES SECRET UE/EU TOP SECRET gerubriceerd.\n').filter((m) => !m.startsWith('marking/invalid')), []);
  });

  it('reads an allied form of three words or more in a sentence, in capitals only, and not an alias or its second language', () => {
    assert.deepEqual(invalid('Het stuk was CONFIDENTIEL UE / EU CONFIDENTIAL, het andere COSMIC TOP SECRET.\n').map((f) => [f.actual, f.fix?.text]), [
      ['CONFIDENTIEL UE / EU CONFIDENTIAL', 'CONFIDENTIEL UE/EU CONFIDENTIAL'],
    ]);
    // A qualifier of the scheme before a level that never takes it: a wrong name.
    assert.deepEqual(invalid('Er is geen NATO TOP SECRET.\n').map((f) => f.fix?.text), ['COSMIC TOP SECRET']);
    for (const text of ['Het stuk was SECRET UE/EU SECRET en heette kort EU SECRET.', 'Kort heette het TRÈS SECRET UE of EU TOP SECRET.', 'De Cosmic Top Secret-map lag er niet.', 'Het Belgische ZEER GEHEIM is hun hoogste niveau.']) {
      assert.deepEqual(invalid(`${text}\n`), [], text);
    }
  });

  it('finds a qualifier only at the start of a word, also deep in a long paragraph', () => {
    const filler = 'De nota beschrijft het verloop van het overleg en de afspraken die daarbij zijn gemaakt. '.repeat(40);
    const text = `${filler}Zie de stg. GEHEIM bijlage, niet het Oudstg. GEHEIM archief of de XDep. VERTROUWELIJK lijst.\n`;
    assert.deepEqual(invalid(text).map((f) => f.actual), ['stg. GEHEIM']);
  });
});
