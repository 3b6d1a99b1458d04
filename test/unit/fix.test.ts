import {strict as assert} from 'node:assert';
import fc from 'fast-check';
import {applyFixes, composeEdits, fixAll} from '../../src/core/fix.js';
import {ruleById} from '../../src/core/rules/index.js';
import type {Fix} from '../../src/core/types.js';
import {builtinEngine} from '../helpers.js';

describe('fixes', () => {
  it('composes the rounds of fix all into one set of replacements on the original text', () => {
    const fixes = (text: string) => fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('', 'x', 'yz')), {maxLength: 3})
      .map((xs) => xs.map(([a, b, t]): Fix => ({start: Math.min(a, b), end: Math.max(a, b), text: t})));
    const rounds = fc.string({maxLength: 24}).chain((original) => fc.tuple(fc.constant(original), fc.array(fc.nat(1000), {minLength: 1, maxLength: 4})));
    fc.assert(fc.property(rounds, fc.infiniteStream(fc.nat(1000)), ([original, seeds], stream) => {
      const it = stream[Symbol.iterator]();
      const next = (n: number) => (n <= 0 ? 0 : it.next().value % (n + 1));
      let text = original;
      let edits: Fix[] = [];
      for (const seed of seeds) {
        const round: Fix[] = Array.from({length: seed % 4}, () => {
          const a = next(text.length);
          const b = next(text.length);
          return {start: Math.min(a, b), end: Math.max(a, b), text: ['', 'x', 'yz'][next(2)]};
        });
        const applied = applyFixes(text, round);
        edits = composeEdits(original, edits, applied.edits);
        text = applied.text;
        assert.equal(applyFixes(original, edits).text, text);
        edits.forEach((e, i) => assert.ok(i === 0 || e.start >= edits[i - 1].end, JSON.stringify(edits)));
      }
    }), {numRuns: 3000});
    void fixes;
  });

  it('reaches the fixed point in one call, and leaves raising the banner out when asked', () => {
    const text = 'Stg. Geheim\n\n(Stg.ZG) De tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. CONFIDENTIEEL\n';
    const engine = builtinEngine();
    const all = fixAll(engine, text, 'markdown');
    assert.match(all.text, /^Stg\. ZEER GEHEIM\n[\s\S]*\nStg\. ZEER GEHEIM\n$/);
    assert.equal(all.findings.filter((f) => f.fix).length, 0);
    assert.equal(applyFixes(text, all.edits).text, all.text);

    const raises = (rule: string) => ruleById(rule)?.meta.fixRaisesClassification === true;
    const kept = fixAll(engine, text, 'markdown', {include: (f) => !raises(f.rule)});
    // The wrong form is fixed; neither banner is raised, so no new mismatch appears.
    assert.equal(kept.text, text.replace('Stg. Geheim', 'Stg. GEHEIM'));
    assert.deepEqual([...new Set(kept.findings.map((f) => f.rule))].sort(), ['marking/banner-mismatch', 'marking/portion-exceeds-banner']);
    assert.deepEqual(kept.edits, [{start: 0, end: 11, text: 'Stg. GEHEIM'}]);
  });
});
