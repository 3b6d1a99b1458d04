/** A term inside a marking string (`NATO` in `NATO SECRET`): where term findings give way to markings (src/core/engine/finish.ts). */

import type {MarkingRuleset} from './ruleset.js';

const markingStrings = new WeakMap<MarkingRuleset, string[]>();

/** Whether text[start, end) is part of a marking string of the ruleset (`NATO` in `NATO SECRET`), in any case and spacing. */
export function insideMarking(text: string, start: number, end: number, ruleset: MarkingRuleset): boolean {
  let forms = markingStrings.get(ruleset);
  if (!forms) {
    forms = [...ruleset.levels, ...ruleset.labels]
      .flatMap((l) => [l.banner, ...l.long, ...l.short, ...l.aliases])
      .map((f) => f.toUpperCase().replace(/\s+/g, ' '));
    markingStrings.set(ruleset, forms);
  }
  const word = text.slice(start, end).toUpperCase().replace(/\s+/g, ' ');
  for (const form of forms) {
    const at = form.indexOf(word);
    if (at === -1) continue;
    const from = start - at;
    if (from < 0) continue;
    const written = text.slice(from, from + form.length + 8).toUpperCase().replace(/\s+/g, ' ');
    if (written.startsWith(form)) return true;
  }
  return false;
}

const markingLineTests = new WeakMap<MarkingRuleset, RegExp | null>();

/**
 * A test whether a line carries a marking, read from the ruleset: the level word of a classification
 * banner in capitals (the last word: `GEHEIM` of `Stg. GEHEIM`, `SECRET` of `NATO SECRET`), or a label
 * scheme's anchor with its colon (`TLP:`). The letter analysis keeps such a line out of a signature.
 */
export function markingLineTest(ruleset: MarkingRuleset): (line: string) => boolean {
  let re = markingLineTests.get(ruleset);
  if (re === undefined) {
    const words = new Set(ruleset.levels.map((l) => l.banner.split(/[\s/]+/).filter(Boolean).pop()!).filter((w) => /^\p{Lu}+$/u.test(w)));
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const parts = [
      ...(words.size ? [`\\b(?:${[...words].map(escape).join('|')})\\b`] : []),
      ...ruleset.anchors.map((a) => `${escape(a)}:`),
    ];
    re = parts.length ? new RegExp(parts.join('|')) : null;
    markingLineTests.set(ruleset, re);
  }
  const test = re;
  return test ? (line) => test.test(line) : () => false;
}
