import {strict as assert} from 'node:assert';
import {acceptedForms, findLabels, recognize, type LabelHit, type MarkingLevel} from '../../src/core/markings/index.js';
import {tokenize} from '../../src/core/markings/forms.js';
import {loadMarkings} from '../../src/node/files.js';

const {ruleset} = loadMarkings();

/** Cyrillic and Greek letters that look like Latin capitals. */
const LOOK_ALIKE: Record<string, string> = {A: 'А', E: 'Е', O: 'О', C: 'С', T: 'Т', H: 'Н', K: 'К', M: 'М', P: 'Р', X: 'Х', I: 'І', N: 'Ν'};

function swapWords(s: string): string {
  return s.split(' ').reverse().join(' ');
}

function withLookAlike(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) {
    if (LOOK_ALIKE[s[i]]) return s.slice(0, i) + LOOK_ALIKE[s[i]] + s.slice(i + 1);
  }
  return s;
}

/** Wrong forms a writer makes of an accepted one. */
function wrongForms(form: string): string[] {
  const out = new Set([
    form.toLowerCase(),
    form.toUpperCase(),
    form[0] + form.slice(1).toLowerCase(),
    form.replace(/\./g, ''),
    form.replace(/\. ?/g, '.'),
    form.replace(/\//g, ' / '),
    swapWords(form),
    withLookAlike(form),
    // Without its diacritics (`TRES SECRET UE/EU TOP SECRET`).
    form.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
  ]);
  return [...out];
}

const classification = ruleset.levels;
const labels = ruleset.labels;

describe('markings: recognizer', () => {
  it('accepts every accepted form of every level, in its own context', () => {
    for (const level of [...classification, ...labels]) {
      const context = level.kind === 'label' ? 'label' : 'banner';
      for (const form of acceptedForms(level, context)) {
        const r = recognize(ruleset, form, context);
        assert.ok(r, `${form} not recognised`);
        assert.equal(r.level, level, form);
        assert.ok(r.valid, `${form} not valid`);
      }
      for (const mark of level.portions) {
        const r = recognize(ruleset, mark, 'portion');
        assert.ok(r?.valid && r.level === level, mark);
      }
    }
  });

  it('finds the level of every wrong form and writes the accepted form it is closest to', () => {
    let checked = 0;
    for (const level of [...classification, ...labels]) {
      const context = level.kind === 'label' ? 'label' : 'banner';
      const accepted = acceptedForms(level, context);
      for (const form of accepted) {
        for (const wrong of wrongForms(form)) {
          if (accepted.includes(wrong)) continue;
          const r = recognize(ruleset, wrong, context);
          assert.ok(r, `${wrong} (from ${form}) not recognised`);
          assert.equal(r.level.key, level.key, wrong);
          assert.equal(r.valid, false, wrong);
          // The accepted form it came from, or one that differs from it only in case.
          assert.ok(accepted.includes(r.expected!) && tokenize(r.expected!).key === tokenize(form).key, `${wrong}: ${r.expected}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} forms checked`);
  });

  it('corrects the forms seen in the wild', () => {
    const cases: [string, 'banner' | 'portion' | 'label', string][] = [
      ['Stg. Geheim', 'banner', 'Stg. GEHEIM'],
      ['STG. GEHEIM', 'banner', 'Stg. GEHEIM'],
      ['STG GEHEIM', 'banner', 'Stg. GEHEIM'],
      ['Stg Geheim', 'banner', 'Stg. GEHEIM'],
      ['stg. geheim', 'banner', 'Stg. GEHEIM'],
      ['GEHEIM STG', 'banner', 'Stg. GEHEIM'],
      ['Stg. GЕHEIM', 'banner', 'Stg. GEHEIM'],
      ['Dep.V.', 'banner', 'Dep. VERTROUWELIJK'],
      ['(Dep.V.)', 'banner', 'Dep. VERTROUWELIJK'],
      ['(NS)', 'banner', 'NATO SECRET'],
      ['Geheim', 'banner', 'Stg. GEHEIM'],
      ['Zeer geheim', 'banner', 'Stg. ZEER GEHEIM'],
      ['Staatsgeheim Geheim', 'banner', 'Staatsgeheim GEHEIM'],
      ['Stg. CONFIDENTEEL', 'banner', 'Stg. CONFIDENTIEEL'],
      ['Departementaal VERTROUWLIJK', 'banner', 'Departementaal VERTROUWELIJK'],
      ['NATO TOP SECRET', 'banner', 'COSMIC TOP SECRET'],
      ['NATO SECERT', 'banner', 'NATO SECRET'],
      ['Nato Secret', 'banner', 'NATO SECRET'],
      ['RESTREINT UE / EU RESTRICTED', 'banner', 'RESTREINT UE/EU RESTRICTED'],
      ['EU RESTRICTED', 'banner', 'RESTREINT UE/EU RESTRICTED'],
      ['TRES SECRET UE/EU TOP SECRET', 'banner', 'TRÈS SECRET UE/EU TOP SECRET'],
      ['(Stg. Geheim)', 'portion', '(Stg.G)'],
      ['(Stg. GEHEIM)', 'portion', '(Stg.G)'],
      ['(stg.g)', 'portion', '(Stg.G)'],
      ['(Stg.G.)', 'portion', '(Stg.G)'],
      ['(Dep.V)', 'portion', '(Dep.V.)'],
      ['(NATO SECRET)', 'portion', '(NS)'],
      ['(R UE)', 'portion', '(R-UE)'],
      ['(cts)', 'portion', '(CTS)'],
      ['TLP: AMBER', 'label', 'TLP:AMBER'],
      ['TLP:Amber', 'label', 'TLP:AMBER'],
      ['tlp:amber+strict', 'label', 'TLP:AMBER+STRICT'],
      ['TLP:AMBER + STRICT', 'label', 'TLP:AMBER+STRICT'],
      ['TLP:ORANJE', 'label', 'TLP:AMBER'],
      ['TLP:GROEN', 'label', 'TLP:GREEN'],
      ['TLP:WIT', 'label', 'TLP:CLEAR'],
    ];
    for (const [written, context, expected] of cases) {
      const r = recognize(ruleset, written, context);
      assert.ok(r, `${written} not recognised`);
      assert.equal(r.valid, false, written);
      assert.equal(r.expected, expected, written);
    }
  });

  it('accepts NFD text and collapses blanks', () => {
    assert.ok(recognize(ruleset, 'TRE\u0300S SECRET UE/EU TOP SECRET', 'banner')?.valid);
    assert.ok(recognize(ruleset, 'Stg.\u00a0GEHEIM', 'banner')?.valid);
  });

  it('marks look-alike letters', () => {
    assert.equal(recognize(ruleset, 'Stg. GЕHEIM', 'banner')?.lookAlike, true);
    assert.equal(recognize(ruleset, 'Stg. Geheim', 'banner')?.lookAlike, false);
  });

  it('leaves ordinary words and parentheses alone', () => {
    const banners = ['NS', 'O', 'NU', 'Internationale dreigingen', 'Geheimen', 'Het is geheim', 'Top secret', 'Secret', 'Vertrouwen', 'drs. K.H. Ollongren', 'Bewustwording'];
    for (const s of banners) assert.equal(recognize(ruleset, s, 'banner'), null, s);
    const portions = ['(IO)', '(o)', '(ns)', '(a)', '(vermeende)', '(GA)', '(TIB)', '(zie bijlage)', '(2022)'];
    for (const s of portions) assert.equal(recognize(ruleset, s, 'portion'), null, s);
    for (const s of ['TLP', 'TLP 2.0', 'Stg. GEHEIM']) assert.equal(recognize(ruleset, s, 'label'), null, s);
  });

  it('finds labels in running text, at word boundaries, with unknown colours reported without a level', () => {
    const text = 'Gedeeld als TLP:AMBER+STRICT, daarna TLP: green. Het TLP-protocol en TLP 2.0 niet; wel TLP:PURPLE en ТLP:RED.';
    const hits: LabelHit[] = [];
    findLabels(ruleset, text, [{start: 0, end: text.length}], hits);
    const seen = hits.map((h) => [h.text, h.recognition?.level.banner ?? null, h.recognition?.valid ?? false]);
    assert.deepEqual(seen, [
      ['TLP:AMBER+STRICT', 'TLP:AMBER+STRICT', true],
      ['TLP: green', 'TLP:GREEN', false],
      ['TLP:PURPLE', null, false],
      ['ТLP:RED', 'TLP:RED', false],
    ]);
    for (const h of hits) assert.equal(text.slice(h.start, h.end), h.text);
  });

  it('looks for labels only inside the given ranges', () => {
    const text = 'TLP:AMBER `TLP:Amber` TLP:Green';
    const hits: LabelHit[] = [];
    findLabels(ruleset, text, [{start: 0, end: 10}, {start: 22, end: text.length}], hits);
    assert.deepEqual(hits.map((h) => h.text), ['TLP:AMBER', 'TLP:Green']);
  });

  it('ranks the schemes against each other', () => {
    const rank = (banner: string) => (ruleset.levels.find((l) => l.banner === banner) as MarkingLevel).rank;
    assert.equal(rank('NATO UNCLASSIFIED'), 0);
    assert.equal(rank('Dep. VERTROUWELIJK'), rank('NATO RESTRICTED'));
    assert.equal(rank('NATO RESTRICTED'), rank('RESTREINT UE/EU RESTRICTED'));
    assert.equal(rank('Stg. CONFIDENTIEEL'), rank('NATO CONFIDENTIAL'));
    assert.equal(rank('Stg. GEHEIM'), rank('NATO SECRET'));
    assert.equal(rank('SECRET UE/EU SECRET'), rank('NATO SECRET'));
    assert.equal(rank('Stg. ZEER GEHEIM'), rank('COSMIC TOP SECRET'));
    assert.equal(rank('COSMIC TOP SECRET'), rank('TRÈS SECRET UE/EU TOP SECRET'));
    assert.ok(rank('NATO SECRET') > rank('Stg. CONFIDENTIEEL'));
  });
});
