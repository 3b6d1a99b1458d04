import {intended} from '../markings/fixes.js';
import {classify} from '../markings/index.js';
import {defineRule, type DocumentRule} from '../rule.js';

export const markingOverClassified = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'marking/over-classified',
    tags: ['classification'],
    description: {
      nl: 'De rubricering van het document is hoger dan elke portie (en elke term met een minimale rubricering): mogelijk te hoog gerubriceerd.',
      en: 'The document’s banner is higher than every portion (and every term with a minimum marking): possibly over-classified.',
    },
    defaultSeverity: 'warning',
    fixable: false,
    leavesAlone: {
      nl: [
        'Een document zonder portiemarkeringen: dan is er niets om de rubricering mee te vergelijken.',
        'Een rubricering gelijk aan de hoogste portie of de hoogste term met een minimale rubricering.',
      ],
      en: [
        'A document without portion marks: there is nothing to compare the banner with.',
        'A banner equal to the highest portion or the highest term with a minimum marking.',
      ],
    },
    examples: {
      bad: ['Stg. ZEER GEHEIM\n\n(Stg.C) De tekst.\n\n(O) Openbare tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. ZEER GEHEIM'],
      good: ['Stg. ZEER GEHEIM\n\n(Stg.ZG) De tekst.\n\n(O) Openbare tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. ZEER GEHEIM'],
    },
  },
  check(ctx, report) {
    const c = classify(ctx);
    const banner = c.top ?? c.bottom;
    if (!banner?.level || !c.highestPortion?.level || !c.required) return;
    if (banner.level.rank <= c.required.rank) return;
    const portion = c.highestPortion.text;
    report({
      start: banner.start,
      end: banner.end,
      actual: banner.text,
      message: {
        nl: `Het document is «${intended(banner)}», maar de hoogste portie is «${portion}»: mogelijk te hoog gerubriceerd.`,
        en: `The document is marked "${intended(banner)}", but the highest portion is "${portion}": possibly over-classified.`,
      },
    });
  },
});
