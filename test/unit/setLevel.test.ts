import {strict as assert} from 'node:assert';
import {applyFixes} from '../../src/core/fix.js';
import {
  classificationChoices, durationText, markPortionEdit, needsDuration, portionChoices, setClassificationEdits, setLabelEdits,
} from '../../src/core/markings/setLevel.js';
import {classify} from '../../src/core/markings/classify.js';
import type {DocumentLanguage} from '../../src/core/types.js';
import {builtinEngine} from '../helpers.js';

const lint = (text: string, language: DocumentLanguage = 'markdown') => builtinEngine().lint(text, language);
const markingFindings = (text: string, language: DocumentLanguage = 'markdown') =>
  lint(text, language).findings.filter((f) => f.rule.startsWith('marking/')).map((f) => `${f.rule} ${JSON.stringify(text.slice(f.start, f.end))}`);

const DOCUMENTS: Record<string, string> = {
  unmarked: 'De tekst.\n\nMeer tekst.\n',
  marked: 'Stg. GEHEIM\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n',
  'wrong forms': 'Stg Geheim\n\nDe tekst.\n\nSTG. GEHEIM\n',
  emphasis: '**Stg. CONFIDENTIEEL**\n\nDe tekst.\n\n*Rubriceringstermijn:* 1 januari 2030\n\n**Stg. CONFIDENTIEEL**\n',
  'top only': 'Dep. VERTROUWELIJK\n\nDe tekst.\n',
  'bottom only': 'De tekst.\n\nNATO SECRET\n',
  'misspelt period': 'Stg. GEHEIM\n\nDe tekst.\n\nRubriceringstermin: 1 januari 2030\n\nStg. GEHEIM\n',
  'empty period': 'Stg. GEHEIM\n\nDe tekst.\n\nRubriceringstermijn:\n\nStg. GEHEIM\n',
  'front matter': '---\ntitel: Notitie\n---\n\n# Notitie\n\nDe tekst.\n',
  crlf: 'Stg. CONFIDENTIEEL\r\n\r\nDe tekst.\r\n\r\nStg. CONFIDENTIEEL\r\n',
  'one line': 'De tekst.',
  empty: '',
};

describe('setting the classification (banners, period line)', () => {
  for (const [name, text] of Object.entries(DOCUMENTS)) {
    it(`${name}: every level offered leaves no marking rule firing`, () => {
      const ctx = lint(text).context;
      const {choices} = classificationChoices(ctx);
      assert.ok(choices.length >= 12, 'VIRBI, NATO and EU levels');
      for (const choice of choices) {
        const edits = setClassificationEdits(ctx, choice.level, needsDuration(ctx, choice.level) ? '1 januari 2040' : undefined);
        const out = applyFixes(text, edits).text;
        assert.deepEqual(markingFindings(out), [], `${choice.level.banner}:\n${out}`);
        const after = lint(out).context;
        assert.equal(classificationChoices(after).current?.banner, choice.level.banner);
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(out), 'CRLF kept');
      }
    });
  }

  it('writes VIRBI first, then NATO and EU, each from low to high; no TLP (a label, not a level)', () => {
    const {choices, labels} = classificationChoices(lint('De tekst.\n').context);
    assert.deepEqual(labels.map((l) => l.level.banner), ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR'], 'the labels apart, after the levels');
    assert.ok(labels.every((l) => l.level.kind === 'label' && !l.current));
    assert.deepEqual(choices.slice(0, 5).map((c) => c.level.banner), ['Dep. VERTROUWELIJK', 'Stg. CONFIDENTIEEL', 'Stg. GEHEIM', 'Stg. ZEER GEHEIM', 'NATO RESTRICTED']);
    assert.ok(!choices.some((c) => c.level.banner.startsWith('TLP')));
  });

  it('the exact texts: banners replaced in place (emphasis kept), the period above the bottom banner', () => {
    const set = (text: string, banner: string, duration?: string) => {
      const ctx = lint(text).context;
      const level = classificationChoices(ctx).choices.find((c) => c.level.banner === banner)!.level;
      return applyFixes(text, setClassificationEdits(ctx, level, duration)).text;
    };
    assert.equal(set(DOCUMENTS.unmarked, 'Stg. GEHEIM', '2035-03-01'),
      'Stg. GEHEIM\n\nDe tekst.\n\nMeer tekst.\n\nRubriceringstermijn: 1 maart 2035\n\nStg. GEHEIM\n');
    assert.equal(set(DOCUMENTS.emphasis, 'Stg. GEHEIM'), DOCUMENTS.emphasis.replace(/Stg\. CONFIDENTIEEL/g, 'Stg. GEHEIM'));
    assert.equal(set(DOCUMENTS.emphasis, 'Stg. GEHEIM', 'einde van de operatie'),
      '**Stg. GEHEIM**\n\nDe tekst.\n\n*Rubriceringstermijn:* einde van de operatie\n\n**Stg. GEHEIM**\n');
    assert.equal(set(DOCUMENTS.marked, 'Dep. VERTROUWELIJK'), DOCUMENTS.marked.replace(/Stg\. GEHEIM/g, 'Dep. VERTROUWELIJK'));
    assert.equal(set(DOCUMENTS['wrong forms'], 'Stg. GEHEIM', '1-1-2040'), 'Stg. GEHEIM\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2040\n\nStg. GEHEIM\n');
  });

  it('asks for a period only from rank 2 and only when none is written; says when it lowers', () => {
    const ctx = lint(DOCUMENTS.marked).context;
    const {choices, current} = classificationChoices(ctx);
    assert.equal(current?.banner, 'Stg. GEHEIM');
    const by = (b: string) => choices.find((c) => c.level.banner === b)!;
    assert.equal(by('Stg. GEHEIM').current, true);
    assert.equal(by('Stg. CONFIDENTIEEL').lowers, true);
    assert.equal(by('Stg. ZEER GEHEIM').lowers, false);
    assert.equal(needsDuration(ctx, by('Stg. ZEER GEHEIM').level), false, 'the period there is kept');
    const plain = lint(DOCUMENTS.unmarked).context;
    const plainChoices = classificationChoices(plain).choices;
    assert.equal(needsDuration(plain, plainChoices.find((c) => c.level.banner === 'Dep. VERTROUWELIJK')!.level), false);
    const stgC = plainChoices.find((c) => c.level.banner === 'Stg. CONFIDENTIEEL')!.level;
    assert.equal(needsDuration(plain, stgC), true);
    assert.throws(() => setClassificationEdits(plain, stgC), /needs a classification period/);
  });

  it('offers no level below a portion mark, and tells the levels above every portion', () => {
    const text = 'Stg. CONFIDENTIEEL\n\n(Stg.G) De tekst.\n\n(O) Openbaar.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. CONFIDENTIEEL\n';
    const ctx = lint(text).context;
    const {choices, belowRequired, required} = classificationChoices(ctx);
    assert.equal(required?.banner, 'Stg. GEHEIM');
    assert.equal(belowRequired, 6);
    assert.ok(choices.every((c) => c.level.rank >= 3));
    const stgG = choices.find((c) => c.level.banner === 'Stg. GEHEIM')!;
    assert.equal(stgG.aboveEveryPortion, false);
    assert.equal(choices.find((c) => c.level.banner === 'Stg. ZEER GEHEIM')!.aboveEveryPortion, true);
    const out = applyFixes(text, setClassificationEdits(ctx, stgG.level)).text;
    assert.deepEqual(markingFindings(out), []);
    assert.equal(markingFindings(applyFixes(text, setClassificationEdits(ctx, choices.find((c) => c.level.banner === 'NATO SECRET')!.level)).text).length, 0);
  });

  it('writes a date in the Dutch form and an event as given', () => {
    assert.equal(durationText('2035-03-01'), '1 maart 2035');
    assert.equal(durationText('01-03-2035'), '1 maart 2035');
    assert.equal(durationText('  bij het einde   van de operatie '), 'bij het einde van de operatie');
  });
});

describe('marking a paragraph (portion mark)', () => {
  const text = 'Stg. GEHEIM\n\n(Stg.C) De eerste alinea.\n\nDe tweede alinea.\n\n- Een punt.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n';

  it('offers the document’s marks first, then its scheme’s, and which would exceed the banner', () => {
    const choices = portionChoices(lint(text).context);
    assert.deepEqual(choices.map((c) => c.mark), ['(Stg.C)', '(O)', '(Dep.V.)', '(Stg.G)', '(Stg.ZG)']);
    assert.deepEqual(choices.filter((c) => c.exceedsBanner).map((c) => c.mark), ['(Stg.ZG)']);
  });

  it('inserts or replaces a mark, and no marking rule fires on it', () => {
    let out = text;
    for (const [at, mark] of [['De tweede', '(Stg.G)'], ['Een punt', '(O)']] as const) {
      const ctx = lint(out).context;
      out = applyFixes(out, [markPortionEdit(ctx, out.indexOf(at) + 3, mark)!]).text;
    }
    assert.equal(out, text.replace('De tweede', '(Stg.G) De tweede').replace('- Een', '- (O) Een'));
    assert.deepEqual(markingFindings(out), []);
    const ctx = lint(out).context;
    const changed = applyFixes(out, [markPortionEdit(ctx, out.indexOf('De eerste'), '(Stg.G)')!]).text;
    assert.equal(changed, out.replace('(Stg.C) De eerste', '(Stg.G) De eerste'));
    assert.equal(markPortionEdit(ctx, 2, '(O)'), undefined, 'a banner line is no portion');
  });
});

describe('setting the sharing label (TLP)', () => {
  const LABELLED: Record<string, string> = {
    'no banner': 'De tekst.\n\nMeer tekst.\n',
    banners: 'Stg. GEHEIM\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n',
    'banner with text under it': 'Dep. VERTROUWELIJK\nDe tekst direct eronder.\n\nDep. VERTROUWELIJK\n',
    'portion marks': 'Stg. GEHEIM\n\n(Stg.G) De tekst.\n\n(O) Openbaar.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n',
    'portion marks, no banners': '(Stg.C) De tekst.\n\n(O) Openbaar.\n',
    'bottom banner only': 'De tekst.\n\nNATO SECRET\n',
    'front matter': '---\ntitel: Notitie\n---\n\n# Notitie\n\nDe tekst.\n',
    'byte-order mark': '\uFEFFDe tekst.\n',
    crlf: 'Stg. CONFIDENTIEEL\r\n\r\nDe tekst.\r\n\r\nRubriceringstermijn: 1 januari 2030\r\n\r\nStg. CONFIDENTIEEL\r\n',
    'TLP:WHITE': 'TLP:WHITE\n\nDe tekst.\n',
    'label at top and bottom, emphasised': '**TLP:GREEN**\n\nDe tekst.\n\n**TLP:GREEN**\n',
    'label in a sentence': 'Stg. GEHEIM\n\nDit bericht is gedeeld als TLP:WHITE met de partners.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n',
    'one line': 'De tekst.',
    empty: '',
  };
  const ruleIds = (text: string) => new Set(markingFindings(text).map((f) => f.split(' ')[0]));

  for (const [name, text] of Object.entries(LABELLED)) {
    it(`${name}: every label is written, the banners stay, and no marking rule fires that did not before`, () => {
      const ctx = lint(text).context;
      const before = classify(ctx);
      const {labels} = classificationChoices(ctx);
      assert.equal(labels.length, 5);
      for (const {level} of labels) {
        const out = applyFixes(text, setLabelEdits(ctx, level)).text;
        assert.ok(out.includes(level.banner), `${level.banner}:\n${out}`);
        const fired = [...ruleIds(out)].filter((id) => !ruleIds(text).has(id));
        assert.deepEqual(fired, [], `${level.banner}:\n${out}`);
        const after = lint(out).context;
        assert.equal(classificationChoices(after).currentLabel?.level, level, `${level.banner} is the current label`);
        assert.ok(classificationChoices(after).labels.find((l) => l.level === level)!.current);
        const c = classify(after);
        assert.equal(c.top?.text, before.top?.text, 'the top banner kept');
        assert.equal(c.bottom?.text, before.bottom?.text, 'the bottom banner kept');
        assert.equal(c.marked, before.marked);
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(out), 'CRLF kept');
        if (text.startsWith('\uFEFF')) assert.ok(out.startsWith(`\uFEFF${level.banner}`), 'after the byte-order mark');
      }
    });
  }

  it('the exact texts: under the top banner, after front matter, replacing a label in place', () => {
    const set = (text: string, label: string) => {
      const ctx = lint(text).context;
      const level = classificationChoices(ctx).labels.find((l) => l.level.banner === label)!.level;
      return applyFixes(text, setLabelEdits(ctx, level)).text;
    };
    assert.equal(set(LABELLED.banners, 'TLP:AMBER'), 'Stg. GEHEIM\n\nTLP:AMBER\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n');
    assert.equal(set(LABELLED['banner with text under it'], 'TLP:RED'), 'Dep. VERTROUWELIJK\n\nTLP:RED\n\nDe tekst direct eronder.\n\nDep. VERTROUWELIJK\n');
    assert.equal(set(LABELLED['no banner'], 'TLP:GREEN'), 'TLP:GREEN\n\nDe tekst.\n\nMeer tekst.\n');
    assert.equal(set(LABELLED['front matter'], 'TLP:CLEAR'), '---\ntitel: Notitie\n---\n\nTLP:CLEAR\n\n# Notitie\n\nDe tekst.\n');
    assert.equal(set(LABELLED.crlf, 'TLP:AMBER+STRICT'), LABELLED.crlf.replace('\r\n\r\nDe tekst.', '\r\n\r\nTLP:AMBER+STRICT\r\n\r\nDe tekst.'));
    assert.equal(set(LABELLED['TLP:WHITE'], 'TLP:CLEAR'), 'TLP:CLEAR\n\nDe tekst.\n');
    assert.equal(set(LABELLED['label at top and bottom, emphasised'], 'TLP:RED'), '**TLP:RED**\n\nDe tekst.\n\n**TLP:RED**\n');
    assert.equal(set(LABELLED['label in a sentence'], 'TLP:AMBER'), LABELLED['label in a sentence'].replace('TLP:WHITE', 'TLP:AMBER'));
    assert.equal(set(LABELLED.empty, 'TLP:RED'), 'TLP:RED\n');
  });

  it('tells the label the document carries; a label is never a level', () => {
    const ctx = lint('Stg. GEHEIM\n\nTLP:AMBER\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n').context;
    const {labels, currentLabel, choices} = classificationChoices(ctx);
    assert.equal(currentLabel?.text, 'TLP:AMBER');
    assert.deepEqual(labels.filter((l) => l.current).map((l) => l.level.banner), ['TLP:AMBER']);
    assert.ok(choices.every((c) => c.level.kind === 'classification'));
    assert.throws(() => setLabelEdits(ctx, choices[0].level), /not a sharing label/);
    assert.equal(classificationChoices(lint('De tekst.\n').context).currentLabel, null);
  });

  it('a label on a line of its own is no portion: no unmarked-portion finding on it', () => {
    assert.deepEqual(markingFindings('Stg. GEHEIM\n\nTLP:AMBER\n\n(Stg.G) De tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n'), []);
    assert.deepEqual(markingFindings('Stg. GEHEIM\n\n(Stg.G) De tekst over TLP:AMBER.\n\nTLP:AMBER is een label.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n'),
      ['marking/unmarked-portion "TLP:AMBER is een label."'], 'a sentence with a label in it still is');
  });
});
