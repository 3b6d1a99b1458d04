import type {EngineData} from '../engineData.js';
import type {GlossaryEntry} from '../glossary.js';
import type {TermMatch} from '../matcher.js';
import type {DocumentRule} from '../rule.js';
import {inParentheses, needsIntroduction, usesShortForm, writesOut} from './acronyms.js';

/** The written-out form, once inserted, is recognised (a glossary form of odd punctuation might not be). */
function introductionIsFound(intro: string, entry: GlossaryEntry, data: EngineData): boolean {
  const found: TermMatch[] = [];
  data.matcher.scan(intro, 0, intro.length, found);
  return found.some((f) => writesOut(f, entry));
}

export const termAcronymUndefined: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'term/acronym-undefined',
    description: {
      nl: 'Een afkorting die wordt gebruikt voordat ze is uitgeschreven, bijvoorbeeld «Toetsingscommissie Inzet Bevoegdheden (TIB)».',
      en: 'An acronym used before it is written out, e.g. "Toetsingscommissie Inzet Bevoegdheden (TIB)".',
    },
    defaultSeverity: 'warning',
    fixable: true,
    examples: {
      bad: ['De TIB toetst de toestemming.'],
      good: [
        'De Toetsingscommissie Inzet Bevoegdheden (TIB) toetst de toestemming. Daarna oordeelt de TIB.',
        'De TIB (Toetsingscommissie Inzet Bevoegdheden) toetst de toestemming.',
        'De AIVD en de NAVO werken samen.',
      ],
    },
  },
  check(ctx, report) {
    const introduced = new Set<string>();
    const {matches, text, data} = ctx;
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      const entry = m.form.entry;
      for (const other of m.alsoWritesOut ?? []) introduced.add(other.term);
      if (m.form.writtenOut) {
        introduced.add(entry.term);
        continue;
      }
      if (!usesShortForm(m) || introduced.has(entry.term) || !needsIntroduction(entry, data)) continue;
      introduced.add(entry.term);
      // `TIB (Toetsingscommissie Inzet Bevoegdheden)` introduces it too; so does `… (TIB)`,
      // whose wording term/acronym-expansion checks.
      const next = matches[i + 1];
      if (next && writesOut(next, entry) && /^\s*\(\s*$/.test(text.slice(m.tailEnd, next.start))) continue;
      if (inParentheses(text, m)) continue;
      const expansion = entry.expansions[0];
      // Only a bare acronym can be replaced by its introduction; a variant or compound is fixed by hand.
      const plain = m.tailEnd === m.end && m.form.role === 'term' && introductionIsFound(`${expansion} (${entry.term})`, entry, data);
      report({
        rule: 'term/acronym-undefined',
        start: m.start,
        end: m.end,
        actual: m.surface,
        expected: `${expansion} (${entry.term})`,
        ...(plain ? {fix: {start: m.start, end: m.end, text: `${expansion} (${entry.term})`}} : {}),
        message: {
          nl: `«${entry.term}» wordt gebruikt voordat de afkorting is uitgeschreven; schrijf de eerste keer «${expansion} (${entry.term})».`,
          en: `"${entry.term}" is used before it is written out; on first use write "${expansion} (${entry.term})".`,
        },
      });
    }
  },
};
