import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {parseConfig} from '../../src/core/config.js';
import {parseGlossary} from '../../src/core/glossary.js';
import {buildRuleset, checkGlossaryMarkings, parseMarkings, recognize} from '../../src/core/markings/index.js';
import type {InputProblem} from '../../src/core/types.js';
import {builtinMarkings, loadEngine, loadMarkings} from '../../src/node/files.js';
import {fixed, ids, markingEngine, marks} from './markings.helpers.js';

const D = 'Rubriceringstermijn: 1 januari 2035';

const where = (p: InputProblem) => `${p.severity} ${path.basename(p.file)}:${p.line} ${p.field ?? ''}: ${p.message.en}`;

function configProblems(yaml: string): string[] {
  const parsed = parseConfig(yaml, '/x/.rubric.yaml');
  const problems = [...parsed.problems];
  if (parsed.config?.markings) problems.push(...loadMarkings(parsed.config.markings).problems);
  return problems.map(where);
}

describe('markings: ruleset', () => {
  it('loads the built-in schemes without problems', () => {
    const {input, problems} = builtinMarkings();
    assert.deepEqual(problems, []);
    assert.deepEqual(input?.schemes.map((s) => s.id), ['nl', 'nato', 'eu', 'tlp']);
    const {ruleset} = loadMarkings();
    assert.deepEqual(ruleset.duration, {label: 'Rubriceringstermijn', fromRank: 2});
    assert.deepEqual(ruleset.anchors, ['TLP']);
    assert.equal(ruleset.levels.find((l) => l.key === 'nato/nu')?.rank, 0);
    assert.deepEqual(ruleset.labels.map((l) => l.banner), ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR']);
  });

  it('reports errors in a markings file with file, line and field', () => {
    const text = [
      'schemes:',
      '  - id: org',
      '    levels:',
      '      - id: a',
      '        banner: INTERN',
      '      - id: b',
      '        rank: 2',
      '        banner: VERTROUWELIJK INTERN',
      '      - id: c',
      '        rank: 2',
      '        banner: ZEER INTERN',
      '      - id: c',
      '        rank: 3',
      '        banner: HEEL INTERN',
      '      - id: d',
      '        rank: 4',
      '        banner: Vertrouwelijk-Intern',
      '      - id: e',
      '        rank: 5',
      '        banner: GEHEIM',
      '        portion: Stg.G',
      '',
    ].join('\n');
    const parsed = parseMarkings(text, '/m/org.yaml');
    assert.deepEqual(parsed.problems.map(where), [
      'error org.yaml:21 schemes[0].levels[5].portion: has none of the allowed shapes',
    ]);
    const fixedText = text.replace('portion: Stg.G', 'portion: (Stg.G)');
    const ok = parseMarkings(fixedText, '/m/org.yaml');
    assert.deepEqual(ok.problems.map(where), ['error org.yaml:12 schemes[0].levels[3].id: duplicate level "org/c" (first defined on line 9)']);
    const built = buildRuleset(ok.input!);
    assert.deepEqual(built.problems.map(where), [
      'error org.yaml:4 schemes[0].levels[0].rank: level "org/a" has no rank',
      'error org.yaml:9 schemes[0].levels[2].rank: levels "org/b" and "org/c" have the same rank 2',
      'error org.yaml:15 schemes[0].levels[4].banner: "Vertrouwelijk-Intern" cannot be told apart from "VERTROUWELIJK INTERN" of level "org/b"',
    ]);
    // What is sound is kept.
    assert.deepEqual(built.ruleset.levels.map((l) => l.key), ['org/b', 'org/e']);
  });

  it('adds a scheme through .rubric.yaml, ranked against the built-in ones', () => {
    const e = markingEngine({
      configYaml: [
        'markings:',
        '  schemes:',
        '    - id: bedrijf',
        '      name: Bedrijfsvertrouwelijk',
        '      levels:',
        '        - {id: intern, rank: 1, banner: BEDRIJF INTERN, portion: (BI)}',
        '        - {id: geheim, rank: 3, banner: BEDRIJFSGEHEIM, long: [Bedrijfsgeheim], portion: [(BG), (B-G)]}',
        '',
      ].join('\n'),
    });
    assert.deepEqual(marks(`BEDRIJFSGEHEIM\n\n(BG) Tekst.\n\n(B-G) Meer.\n\n(NS) Ook.\n\n${D}\n\nBedrijfsgeheim\n`, e), [
      'marking/banner-mismatch@11:1 Bedrijfsgeheim',
    ]);
    assert.deepEqual(marks(`BEDRIJF INTERN\n\n(BG) Tekst.\n\n${D}\n\nBedrijf intern\n`, e), [
      'marking/portion-exceeds-banner@1:1 BEDRIJF INTERN',
      'marking/invalid@7:1 Bedrijf intern',
      'marking/portion-exceeds-banner@7:1 Bedrijf intern',
    ]);
    const r = fixed(`BEDRIJF INTERN\n\n(B G) Tekst.\n\n(Stg.C) Meer.\n\n${D}\n`, e);
    assert.equal(r.text, `BEDRIJFSGEHEIM\n\n(BG) Tekst.\n\n(Stg.C) Meer.\n\n${D}\n\nBEDRIJFSGEHEIM\n`);
    assert.deepEqual(r.findings, []);
    // The built-in schemes still work beside it.
    assert.deepEqual(ids(`Stg. GEHEIM\n\n(Stg.G) Tekst.\n\n${D}\n\nStg. GEHEIM\n`, e), []);
  });

  it('renames a level through .rubric.yaml; the old names become corrections', () => {
    const e = markingEngine({
      configYaml: [
        'markings:',
        '  schemes:',
        '    - id: nl',
        '      levels:',
        '        - id: dep-v',
        '          banner: Departementaal VERTROUWELIJK',
        '          long: []',
        '          portion: (DV)',
        '',
      ].join('\n'),
    });
    assert.deepEqual(ids('Departementaal VERTROUWELIJK\n\n(DV) Tekst.\n\nDepartementaal VERTROUWELIJK\n', e), []);
    const r = fixed('Dep. VERTROUWELIJK\n\n(Dep.V.) Tekst.\n\n(NR) NAVO.\n\nDep. VERTROUWELIJK\n', e);
    assert.equal(r.text, 'Departementaal VERTROUWELIJK\n\n(DV) Tekst.\n\n(NR) NAVO.\n\nDepartementaal VERTROUWELIJK\n');
    assert.deepEqual(r.findings, []);
    // Rank and the other levels are kept.
    assert.deepEqual(ids(`Departementaal VERTROUWELIJK\n\n(Stg.C) Tekst.\n\n${D}\n\nDepartementaal VERTROUWELIJK\n`, e), [
      'marking/portion-exceeds-banner', 'marking/portion-exceeds-banner',
    ]);
  });

  it('reports configuration mistakes with file, line and field', () => {
    assert.deepEqual(configProblems('markings:\n  schemes:\n    - id: nieuw\n      levels:\n        - id: x\n          banner: X-MARK\n'), [
      'error .rubric.yaml:5 markings.schemes[0].levels[0].rank: level "nieuw/x" has no rank',
    ]);
    assert.deepEqual(configProblems('markings:\n  requireBanner: ja\n'), [
      'error .rubric.yaml:2 markings.requireBanner: must be of type boolean',
    ]);
    assert.deepEqual(configProblems('markings:\n  schemes:\n    - id: nl\n      levels:\n        - id: stg-g\n          portion: Stg.G\n'), [
      'error .rubric.yaml:6 markings.schemes[0].levels[0].portion: has none of the allowed shapes',
    ]);
    assert.deepEqual(configProblems('markings:\n  schemes:\n    - id: nl\n      levels:\n        - id: stg-g\n          rank: 2\n'), [
      'error .rubric.yaml:5 markings.schemes[0].levels[0].rank: levels "nl/stg-c" and "nl/stg-g" have the same rank 2',
    ]);
    assert.deepEqual(configProblems('markings:\n  schemes:\n    - id: nato\n      levels:\n        - id: extra\n          rank: 9\n          banner: GEHEIM\n'), [
      'error .rubric.yaml:5 markings.schemes[0].levels[0].banner: "GEHEIM" cannot be told apart from "GEHEIM" of level "nl/stg-g"',
    ]);
    assert.deepEqual(configProblems('markings:\n  colours: 3\n'), ['error .rubric.yaml:2 markings.colours: unknown field "colours"']);
  });

  it('checks the minimumMarking of glossary entries', () => {
    const g = parseGlossary([
      'terms:',
      '  - term: KOPERWIEK',
      '    definition: Codenaam.',
      '    minimumMarking: Stg. GEHEIM',
      '  - term: ZILVERREIGER',
      '    definition: Codenaam.',
      '    minimumMarking: (NS)',
      '  - term: MEREL',
      '    definition: Codenaam.',
      '    minimumMarking: Stg. Geheim',
      '  - term: SPREEUW',
      '    definition: Codenaam.',
      '    minimumMarking: Supergeheim',
      '  - term: VINK',
      '    definition: Codenaam.',
      '    minimumMarking: TLP:RED',
      '',
    ].join('\n'), '/g/codes.yaml');
    assert.deepEqual(g.problems, []);
    const problems = checkGlossaryMarkings(g.entries, loadMarkings().ruleset).map(where);
    assert.deepEqual(problems, [
      'warning codes.yaml:8 MEREL.minimumMarking: "Stg. Geheim" is not a valid form of a marking level; write "Stg. GEHEIM"',
      'error codes.yaml:11 SPREEUW.minimumMarking: unknown marking level "Supergeheim" (known: Dep. VERTROUWELIJK, Stg. CONFIDENTIEEL, Stg. GEHEIM, Stg. ZEER GEHEIM, NATO RESTRICTED, NATO CONFIDENTIAL, NATO SECRET, COSMIC TOP SECRET, RESTREINT UE/EU RESTRICTED, CONFIDENTIEL UE/EU CONFIDENTIAL, SECRET UE/EU SECRET, TRÈS SECRET UE/EU TOP SECRET)',
      'error codes.yaml:14 VINK.minimumMarking: "TLP:RED" is a sharing label, not a classification level',
    ]);
  });

  it('is loaded with the configuration and glossaries of a folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-markings-'));
    fs.writeFileSync(path.join(dir, '.rubric.yaml'), 'glossaries: [codes.yaml]\nmarkings:\n  requireBanner: true\n');
    fs.writeFileSync(path.join(dir, 'codes.yaml'), 'terms:\n  - term: KOPERWIEK\n    definition: Codenaam.\n    minimumMarking: Stg. GEHIM\n  - term: MEREL\n    definition: Codenaam.\n    minimumMarking: Heel geheim\n');
    const loaded = loadEngine(path.join(dir, 'nota.md'));
    assert.deepEqual(loaded.problems.map(where), [
      'warning codes.yaml:2 KOPERWIEK.minimumMarking: "Stg. GEHIM" is not a valid form of a marking level; write "Stg. GEHEIM"',
      'error codes.yaml:5 MEREL.minimumMarking: unknown marking level "Heel geheim" (known: Dep. VERTROUWELIJK, Stg. CONFIDENTIEEL, Stg. GEHEIM, Stg. ZEER GEHEIM, NATO RESTRICTED, NATO CONFIDENTIAL, NATO SECRET, COSMIC TOP SECRET, RESTREINT UE/EU RESTRICTED, CONFIDENTIEL UE/EU CONFIDENTIAL, SECRET UE/EU SECRET, TRÈS SECRET UE/EU TOP SECRET)',
    ]);
    const lint = (text: string) => loaded.engine.lint(text, 'markdown').findings.filter((f) => f.rule.startsWith('marking/')).map((f) => f.rule);
    assert.deepEqual(lint('Een tekst.\n'), ['marking/missing', 'marking/missing']);
    assert.deepEqual(lint(`Dep. VERTROUWELIJK\n\nOver KOPERWIEK.\n\nDep. VERTROUWELIJK\n`), ['marking/restricted-term']);
    // A folder without configuration requires nothing.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-markings-'));
    const plain = loadEngine(path.join(other, 'nota.md'));
    assert.deepEqual(plain.engine.lint('Een tekst.\n', 'markdown').findings.filter((f) => f.rule.startsWith('marking/')), []);
    fs.rmSync(dir, {recursive: true});
    fs.rmSync(other, {recursive: true});
  });

  it('recognises the names used in minimumMarking leniently but exactly first', () => {
    const {ruleset} = loadMarkings();
    assert.equal(recognize(ruleset, 'Stg. GEHEIM', 'banner')?.valid, true);
  });
});
