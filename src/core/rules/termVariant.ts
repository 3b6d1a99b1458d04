import {termRuleReports} from '../markings/index.js';
import {hasHomoglyph, matchCase} from '../matcher.js';
import type {ChunkRule} from '../rule.js';

export const termVariant: ChunkRule = {
  scope: 'chunk',
  meta: {
    id: 'term/variant',
    description: {
      nl: 'Een andere schrijfwijze dan de voorkeursvorm van een term uit de woordenlijst (hoofdletters, spaties, koppeltekens, trema’s, verbuigingen en samenstellingen inbegrepen).',
      en: 'A form of a glossary term other than its preferred form (case, spacing, hyphens, diacritics, inflected and compound forms included).',
    },
    defaultSeverity: 'warning',
    fixable: true,
    examples: {
      bad: [
        'De bevoegdheden staan in de WIV2017.',
        'Het ambts-bericht ging naar de IND.',
        'Twee inlichtingen officieren werden uitgezet.',
        'De Geintegreerde Aanwijzing Inlichtingen en Veiligheid noemt Rusland.',
      ],
      good: [
        'De bevoegdheden staan in de Wiv 2017.',
        'De ambtsberichten gingen naar de IND.',
        'Ik ga naar huis.',
      ],
    },
  },
  check(ctx, report) {
    for (const m of ctx.matches) {
      // `NATO` is right inside `NATO SECRET`: marking strings are the marking rules' business.
      if (m.form.entry.deprecated || !termRuleReports(m, ctx.text, ctx.data.markings)) continue;
      const expected = matchCase(m.surface, m.form.expected, m.sentenceStart);
      const lookAlike = hasHomoglyph(m.surface);
      // A term wrapped over two lines is quoted on one.
      const actual = m.surface.replace(/\s+/g, ' ');
      report({
        rule: 'term/variant',
        start: m.start,
        end: m.end,
        actual: m.surface,
        expected,
        fix: {start: m.start, end: m.end, text: expected},
        message: lookAlike
          ? {
            nl: `«${actual}» bevat letters uit een ander schrift die op Latijnse lijken; schrijf «${expected}».`,
            en: `"${actual}" contains look-alike letters from another script; write "${expected}".`,
          }
          : {
            nl: `«${actual}» is niet de voorkeursvorm; schrijf «${expected}».`,
            en: `"${actual}" is not the preferred form; write "${expected}".`,
          },
      });
    }
  },
};
