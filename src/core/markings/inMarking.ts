/** A term inside a marking string (`NATO` in `NATO SECRET`): where term findings give way to markings (src/core/engine/finish.ts). */

import type {MarkingRuleset} from './ruleset.js';

/**
 * Per ruleset: its marking strings in capitals, and for each text looked up as written, that text in capitals with
 * its spacing made single (`word`) and the strings that hold it.
 */
const markingStrings = new WeakMap<MarkingRuleset, {forms: string[]; holding: Map<string, {word: string; forms: string[]}>}>();

/** Whether text[start, end) is part of a marking string of the ruleset (`NATO` in `NATO SECRET`), in any case and spacing. */
export function insideMarking(text: string, start: number, end: number, ruleset: MarkingRuleset): boolean {
  let strings = markingStrings.get(ruleset);
  if (!strings) {
    const forms = [...ruleset.levels, ...ruleset.labels]
      .flatMap((l) => [l.banner, ...l.long, ...l.short, ...l.aliases])
      .map((f) => f.toUpperCase().replace(/\s+/g, ' '));
    markingStrings.set(ruleset, (strings = {forms, holding: new Map()}));
  }
  // The same few words come back lint after lint (every variant of a term is looked up): most are in no marking.
  const written = text.slice(start, end);
  let found = strings.holding.get(written);
  if (!found) {
    const word = written.toUpperCase().replace(/\s+/g, ' ');
    found = {word, forms: strings.forms.filter((f) => f.includes(word))};
    // Kept under a copy of the words: a slice of the text would keep the whole text alive.
    if (strings.holding.size < 10000) strings.holding.set(Array.from(written).join(''), found);
  }
  const {word, forms: holding} = found;
  for (const form of holding) {
    const at = form.indexOf(word);
    const from = start - at;
    if (from < 0) continue;
    const around = text.slice(from, from + form.length + 8).toUpperCase().replace(/\s+/g, ' ');
    if (around.startsWith(form)) return true;
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
