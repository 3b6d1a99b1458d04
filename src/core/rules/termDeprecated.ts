import {finalReplacement} from '../glossary.js';
import {matchCase} from '../matcher.js';
import type {ChunkRule} from '../rule.js';

export const termDeprecated: ChunkRule = {
  scope: 'chunk',
  meta: {
    id: 'term/deprecated',
    description: {
      nl: 'Een verouderde term, met de term die hem verving en sinds wanneer.',
      en: 'A superseded term, with the term that replaced it and since when.',
    },
    defaultSeverity: 'warning',
    fixable: true,
    examples: {
      bad: ['De BVD volgde de groep.', 'Een verzoek op grond van de Wob.', 'Gedeeld als TLP:WHITE.'],
      good: ['De AIVD volgde de groep.', 'Een verzoek op grond van de Woo.'],
    },
  },
  check(ctx, report) {
    for (const m of ctx.matches) {
      const dep = m.form.entry.deprecated;
      if (!dep) continue;
      const target = ctx.data.byTerm.get(dep.replacement);
      let replacement = finalReplacement(m.form.entry, ctx.data.byTerm);
      if (m.form.writtenOut && target?.expansions.length) replacement = target.expansions[0];
      replacement = matchCase(m.surface, replacement, m.sentenceStart);
      report({
        rule: 'term/deprecated',
        start: m.start,
        end: m.end,
        actual: m.surface,
        expected: replacement,
        fix: {start: m.start, end: m.end, text: replacement},
        message: {
          nl: `«${m.surface}» is verouderd: sinds ${dep.since} «${replacement}».${dep.note ? ` ${dep.note}` : ''}`,
          en: `"${m.surface}" is outdated: "${replacement}" since ${dep.since}.${dep.note ? ` ${dep.note}` : ''}`,
        },
      });
    }
  },
};
