import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {runCli as cli} from '../helpers.js';
import {OWN_LETTER_TXT} from '../corpus.js';


const NOTA = [
  '**Stg. GEHEIM**', '',
  '# Inleiding', '', '(O) Open tekst.', '',
  '## Achtergrond', '', '(Stg.C) Tekst.', '', '- (NS) Punt.', '',
  '# Slot', '', '(O) Einde.', '',
  'Rubriceringstermijn: 1 januari 2035', '',
  '**Stg. Geheim**', '',
].join('\n');

describe('rubric markings', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-markings-cli-'));
    fs.writeFileSync(path.join(dir, 'nota.md'), NOTA);
    fs.mkdirSync(path.join(dir, 'eigen'));
    fs.writeFileSync(path.join(dir, 'eigen', '.rubric.yaml'), 'markings:\n  schemes:\n    - id: bedrijf\n      levels:\n        - {id: bg, rank: 3, banner: BEDRIJFSGEHEIM, portion: (BG)}\n');
    fs.writeFileSync(path.join(dir, 'eigen', 'memo.txt'), 'BEDRIJFSGEHEIM\n\n(BG) Tekst.\n\nBEDRIJFSGEHEIM\n');
    fs.writeFileSync(path.join(dir, 'kapot.yaml'), 'markings:\n  schemes:\n    - id: x\n      levels:\n        - {id: a, banner: A-MARK}\n');
  });
  after(() => fs.rmSync(dir, {recursive: true}));

  it('prints the banners, the effective level and each section’s level', () => {
    const r = cli(['markings', 'nota.md'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, [
      'nota.md',
      '  Rubricering boven:       Stg. GEHEIM (regel 1)',
      '  Rubricering onder:       Stg. Geheim (regel 19; schrijf «Stg. GEHEIM»)',
      '  Effectief niveau:        Stg. GEHEIM (rang 3, Rijksoverheid (VIRBI))',
      '  Hoogste portiemarkering: (NS) (regel 11)',
      '  Rubriceringstermijn:     1 januari 2035',
      '  Secties:',
      '       3  Inleiding      NATO SECRET',
      '       7    Achtergrond  NATO SECRET',
      '      13  Slot           ONGERUBRICEERD',
    ].join('\n'));
  });

  it('speaks English and writes JSON', () => {
    assert.match(cli(['markings', '--lang', 'en', 'nota.md'], dir).out, /^ {2}Effective level: +Stg\. GEHEIM \(rank 3, /m);
    const [json] = JSON.parse(cli(['markings', '--format', 'json', 'nota.md'], dir).out);
    assert.equal(json.level.banner, 'Stg. GEHEIM');
    assert.equal(json.bottom.expected, 'Stg. GEHEIM');
    assert.deepEqual(json.sections.map((s: {title: string; level: {banner: string} | null}) => [s.title, s.level?.banner]), [
      ['Inleiding', 'NATO SECRET'], ['Achtergrond', 'NATO SECRET'], ['Slot', 'ONGERUBRICEERD'],
    ]);
  });

  it('uses the folder’s configuration', () => {
    const r = cli(['markings', path.join('eigen', 'memo.txt')], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /Effectief niveau: +BEDRIJFSGEHEIM \(rang 3, bedrijf\)/);
  });

  it('says an unmarked text is unclassified', () => {
    const r = cli(['markings', OWN_LETTER_TXT], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /Rubricering boven: +geen/);
    assert.match(r.out, /Effectief niveau: +ongerubriceerd/);
  });

  it('exits 2 on bad usage, a broken configuration or a missing file', () => {
    assert.equal(cli(['markings'], dir).code, 2);
    assert.equal(cli(['markings', '--format', 'sarif', 'nota.md'], dir).code, 2);
    const broken = cli(['markings', '--config', 'kapot.yaml', 'nota.md'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /kapot\.yaml:5:\d+: fout: niveau «x\/a» heeft geen rang \(rank\) \(markings\.schemes\[0\]\.levels\[0\]\.rank\)/);
    const missing = cli(['markings', '--lang', 'en', 'weg.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /weg\.md: cannot read file/);
  });
});
