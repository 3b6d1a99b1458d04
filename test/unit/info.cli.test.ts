/** `rubric info`, and `--date` / `--kind` on `rubric check` and `rubric markings`. */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {runCli as cli} from '../helpers.js';


const KAMERSTUK = [
  'Tweede Kamer der Staten-Generaal', '', 'Vergaderjaar 2013–2014', '', '31 999', '', 'Toezicht op de diensten', '', 'Nr. 7', '',
  'BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES', '',
  'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', '', 'Den Haag, 18 december 2013', '',
  'Met deze brief bericht ik u over het toezicht.', '',
  'De Minister van Veiligheid en Justitie,', '', 'P.Q. de Wit', '',
].join('\n');

const NOTA = '**Stg. GEHEIM**\n\n# Jaarplan 2019\n\n(Stg.G) Tekst.\n\nRubriceringstermijn: 1 januari 2035\n\n**Stg. GEHEIM**\n';

describe('rubric info', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-info-cli-'));
    fs.writeFileSync(path.join(dir, 'kamerstuk.txt'), KAMERSTUK);
    fs.writeFileSync(path.join(dir, 'nota.md'), NOTA);
    fs.writeFileSync(path.join(dir, 'los.txt'), 'Een tekst zonder datum.\n');
    fs.mkdirSync(path.join(dir, 'oud'));
    fs.writeFileSync(path.join(dir, 'oud', '.rubric.yaml'), 'date: 2012-05-01\nkind: rapport\n');
    fs.writeFileSync(path.join(dir, 'oud', 'los.txt'), 'Een tekst zonder datum.\n');
    fs.writeFileSync(path.join(dir, 'kapot.yaml'), 'kind: brochure\n');
  });
  after(() => fs.rmSync(dir, {recursive: true}));

  it('prints the kind, the date with the line it was read from, and the classification', () => {
    const r = cli(['info', 'kamerstuk.txt', 'nota.md'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, [
      'kamerstuk.txt',
      '  Soort:            Kamerstuk (herkend)',
      '  Datum:            18 december 2013 (Den Haag-regel, regel 15: «Den Haag, 18 december 2013»)',
      '  Effectief niveau: ongerubriceerd (geen rubricering of portiemarkeringen)',
      '',
      'nota.md',
      '  Soort:            Rapport (herkend)',
      '  Datum:            31 december 2019 (jaar in de titel, regel 3: «# Jaarplan 2019»)',
      '  Effectief niveau: Stg. GEHEIM (rang 3, Rijksoverheid (VIRBI))',
    ].join('\n'));
  });

  it('speaks English and writes JSON', () => {
    const en = cli(['info', '--lang', 'en', 'kamerstuk.txt'], dir);
    assert.match(en.out, /Kind: +Kamerstuk \(detected\)/);
    assert.match(en.out, /Date: +18 december 2013 \(Den Haag line, line 15/);
    const json = JSON.parse(cli(['info', '--format', 'json', 'kamerstuk.txt', 'nota.md'], dir).out);
    assert.deepEqual(json[0], {
      file: 'kamerstuk.txt', kind: 'kamerstuk', kindFrom: 'detected',
      date: {iso: '2013-12-18', from: 'denHaag', line: 15, column: 11, text: '18 december 2013'}, level: null,
    });
    assert.deepEqual(json[1].level, {scheme: 'nl', id: 'stg-g', banner: 'Stg. GEHEIM', rank: 3});
  });

  it('takes --date and --kind over the document, .rubric.yaml date: and kind: where the document says nothing', () => {
    const j = (args: string[]) => JSON.parse(cli(['info', '--format', 'json', ...args], dir).out)[0];
    assert.deepEqual(j(['--date', '2015-03-10', '--kind', 'kamerbrief', 'kamerstuk.txt']).date, {iso: '2015-03-10', from: 'cli'});
    assert.equal(j(['--date', '2015-03-10', '--kind', 'kamerbrief', 'kamerstuk.txt']).kindFrom, 'cli');
    assert.deepEqual(j(['--date', '10 maart 2015', 'los.txt']).date, {iso: '2015-03-10', from: 'cli'});
    assert.equal(j(['los.txt']).date.from, 'today');
    const old = j([path.join('oud', 'los.txt')]);
    assert.deepEqual([old.kind, old.kindFrom, old.date.iso, old.date.from], ['report', 'config', '2012-05-01', 'config']);
  });

  it('refuses a bad --date or --kind, naming it, with exit code 2', () => {
    for (const command of ['info', 'check', 'markings']) {
      const d = cli([command, '--date', '31-02-2015', 'los.txt'], dir);
      assert.equal(d.code, 2);
      assert.match(d.err, /--date .*"31-02-2015"/);
      const k = cli([command, '--kind', 'brochure', 'los.txt'], dir);
      assert.equal(k.code, 2);
      assert.match(k.err, /--kind .*"brochure"/);
    }
  });

  it('reports an unknown kind in .rubric.yaml as a broken configuration', () => {
    const r = cli(['info', '--config', 'kapot.yaml', 'los.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /kapot\.yaml:1:\d+: fout: .*kind/);
  });
});

describe('rubric check and markings with --date and --kind', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-date-cli-'));
    fs.writeFileSync(path.join(dir, 'kamerstuk.txt'), KAMERSTUK);
  });
  after(() => fs.rmSync(dir, {recursive: true}));

  it('judges the signature at the document’s date, or at --date', () => {
    // 2013: the minister of Veiligheid en Justitie existed.
    assert.equal(cli(['check', 'kamerstuk.txt'], dir).code, 0);
    const later = cli(['check', '--date', '2020-01-01', 'kamerstuk.txt'], dir);
    assert.equal(later.code, 1);
    assert.match(later.out, /structure\/signature/);
  });

  it('applies the checks of the kind --kind names', () => {
    const asLetter = cli(['check', '--kind', 'letter', 'kamerstuk.txt'], dir);
    assert.match(asLetter.out, /structure\/missing-field/);
    assert.equal(cli(['check', '--kind', 'rapport', '--date', '2020-01-01', 'kamerstuk.txt'], dir).code, 0);
  });

  it('markings takes them too', () => {
    assert.equal(cli(['markings', '--date', '2015-03-10', '--kind', 'note', 'kamerstuk.txt'], dir).code, 0);
  });
});
