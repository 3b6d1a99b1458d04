import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {editDistance} from '../../src/core/distance.js';
import {
  lookupName, mergeKamerbriefData, ministerTitles, nameAt, nameStatus, parseKamerbriefData, type KamerbriefData,
} from '../../src/core/kamerbrief/data.js';
import {loadKamerbrief} from '../../src/node/files.js';

const GLOSSARY = path.resolve(__dirname, '..', '..', 'glossary');
const data = (): KamerbriefData => loadKamerbrief().data!;

/** DOMAIN.md §4: the official ministry names since 23 February 2026. */
const SINCE_2026_02_23 = [
  'Algemene Zaken', 'Binnenlandse Zaken en Koninkrijksrelaties', 'Buitenlandse Zaken', 'Defensie', 'Economische Zaken en Klimaat', 'Financiën',
  'Infrastructuur en Waterstaat', 'Justitie en Veiligheid', 'Landbouw, Visserij, Voedselzekerheid en Natuur', 'Onderwijs, Cultuur en Wetenschap',
  'Sociale Zaken en Werkgelegenheid', 'Volksgezondheid, Welzijn en Sport',
];

const officialOn = (day: string) => data().ministries.filter((m) => nameStatus(m, day) === 'official').map((m) => m.name).sort();

describe('kamerbrief: ministry data (glossary/ministries.yaml)', () => {
  it('reads without problems', () => {
    const {problems} = loadKamerbrief();
    assert.deepEqual(problems, []);
  });

  it('has exactly DOMAIN.md’s ministries from 23 February 2026, and the previous cabinet’s the day before', () => {
    assert.deepEqual(officialOn('2026-02-23'), [...SINCE_2026_02_23].sort());
    assert.deepEqual(officialOn('2026-11-26'), [...SINCE_2026_02_23].sort());
    const before = officialOn('2026-02-22');
    for (const name of ['Economische Zaken', 'Klimaat en Groene Groei', 'Asiel en Migratie', 'Volkshuisvesting en Ruimtelijke Ordening']) assert.ok(before.includes(name), name);
    assert.ok(!before.includes('Economische Zaken en Klimaat'));
  });

  it('has the names of the corpus letter’s date (10 December 2020, cabinet Rutte III)', () => {
    const on = officialOn('2020-12-10');
    for (const name of ['Binnenlandse Zaken en Koninkrijksrelaties', 'Buitenlandse Zaken', 'Justitie en Veiligheid', 'Economische Zaken en Klimaat', 'Landbouw, Natuur en Voedselkwaliteit']) {
      assert.ok(on.includes(name), name);
    }
    assert.equal(on.length, 12);
    assert.ok(!on.includes('Veiligheid en Justitie'));
  });

  it('offers the signature titles in the data’s order, the services’ ministries first', () => {
    const titles = ministerTitles(data(), '2026-03-01');
    assert.deepEqual(titles.slice(0, 4), [
      'minister van Binnenlandse Zaken en Koninkrijksrelaties', 'minister van Defensie', 'minister van Justitie en Veiligheid',
      'minister-president, minister van Algemene Zaken',
    ]);
    assert.equal(titles.length, 12);
  });

  it('says whether a name was official, outdated or not yet official on a day', () => {
    const m = {name: 'X', periods: [{from: '2010-01-01', until: '2012-01-01'}, {from: '2020-01-01'}]};
    assert.equal(nameStatus(m, '2009-12-31'), 'not-yet');
    assert.equal(nameStatus(m, '2010-01-01'), 'official');
    assert.equal(nameStatus(m, '2012-01-01'), 'outdated');
    assert.equal(nameStatus(m, '2020-01-01'), 'official');
    assert.equal(nameStatus({name: 'Y', periods: []}, '1900-01-01'), 'official');
  });

  it('finds the name meant: exact, spelled differently, abbreviated or with a small typo', () => {
    const how = (written: string) => {
      const found = lookupName(data().ministries, written);
      return found && `${found.how}: ${found.ministry.name}`;
    };
    assert.equal(how('Defensie'), 'exact: Defensie');
    assert.equal(how('Justitie  en\nVeiligheid'), 'exact: Justitie en Veiligheid');
    assert.equal(how('Financien'), 'spelling: Financiën');
    assert.equal(how('LANDBOUW,VISSERIJ, VOEDSELZEKERHEID EN NATUUR'), 'spelling: Landbouw, Visserij, Voedselzekerheid en Natuur');
    assert.equal(how('BZK'), 'abbreviation: Binnenlandse Zaken en Koninkrijksrelaties');
    assert.equal(how('JenV'), 'abbreviation: Justitie en Veiligheid');
    assert.equal(how('Defnsie'), 'near: Defensie');
    assert.equal(how('Binnenlandse Zaken'), undefined);
    assert.equal(how('Zaken'), undefined);
    assert.equal(editDistance('abcd', 'abdc'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('finds the longest name in running text, across line breaks and without diacritics', () => {
    const text = 'de minister van Justitie en\nVeiligheid, en van Financien.';
    assert.equal(nameAt(data().ministries, text, 16)?.ministry.name, 'Justitie en Veiligheid');
    assert.equal(nameAt(data().ministries, text, 16)?.end, text.indexOf(','));
    assert.equal(nameAt(data().ministries, text, text.indexOf('Financien'))?.ministry.name, 'Financiën');
    assert.equal(nameAt(data().ministries, 'Defensieve zaken', 0), undefined);
  });

  it('reports broken data with file, line and field', () => {
    const yaml = [
      'addressees:',
      '  - {name: T, addressee: Aan de Voorzitter, postbus: Postbus 1, city: [2500 EA Den Haag]}',
      'ministries:',
      '  - name: A',
      '    periods: [{from: 2020-01-01, until: 2019-01-01}]',
      '  - name: A',
      '  - name: B',
      '    replacedBy: C',
      '  - name: D',
      '    periods: [{from: 2020-13-01}]',
    ].join('\n');
    const {data: parsed, problems} = parseKamerbriefData(yaml, 'm.yaml');
    assert.equal(parsed, undefined);
    assert.deepEqual(problems.map((p) => [p.line, p.severity, p.field]), [[10, 'error', 'ministries[3].periods[0].from']]);
    const fixedDate = parseKamerbriefData(yaml.replace('2020-13-01', '2020-12-01'), 'm.yaml');
    assert.deepEqual(fixedDate.problems.map((p) => [p.line, p.severity, p.field]), [
      [4, 'error', 'ministries[0].periods[0]'],
      [6, 'error', 'ministries[1].name'],
      [7, 'warning', 'ministries[2].replacedBy'],
    ]);
  });

  it('merges an organisation’s entries by name', () => {
    const merged = mergeKamerbriefData(data(), {ministries: [{name: 'Defensie', abbreviation: 'DEF'}, {name: 'Nieuw'}]});
    assert.equal(merged.ministries.find((m) => m.name === 'Defensie')?.abbreviation, 'DEF');
    assert.deepEqual(merged.ministries.find((m) => m.name === 'Nieuw')?.periods, []);
    assert.equal(merged.addressees, data().addressees);
  });

  it('the configuration schema’s kamerbrief shapes are those of ministries.schema.json, by $ref', () => {
    const config = JSON.parse(fs.readFileSync(path.join(GLOSSARY, 'schema', 'rubric-config.schema.json'), 'utf8'));
    const kb = config.properties.kamerbrief.properties;
    assert.deepEqual(Object.keys(kb), ['file', 'addressees', 'ministries', 'ministersFor']);
    assert.equal(kb.addressees.items.$ref, 'ministries.schema.json#/definitions/addressee');
    assert.equal(kb.ministries.items.$ref, 'ministries.schema.json#/definitions/ministry');
    assert.equal(kb.ministersFor.items.$ref, 'ministries.schema.json#/definitions/ministry');
  });
});
