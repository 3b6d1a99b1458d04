import {classify} from '../markings/index.js';
import {defineRule, type DocumentRule} from '../rule.js';

export const markingMissingDuration = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'marking/missing-duration',
    tags: ['classification', 'dates'],
    description: {
      nl: 'Een document vanaf Stg. CONFIDENTIEEL (of een gelijkwaardig niveau) zonder regel «Rubriceringstermijn: <datum of gebeurtenis>».',
      en: 'A document from Stg. CONFIDENTIEEL (or an equivalent level) up without a line "Rubriceringstermijn: <date or event>".',
    },
    defaultSeverity: 'error',
    fixable: false,
    leavesAlone: {
      nl: [
        'Documenten onder Stg. CONFIDENTIEEL (Dep. VERTROUWELIJK en ongerubriceerd) en documenten met alleen een TLP-label.',
        'De inhoud van de termijn: een datum of een gebeurtenis, allebei goed.',
      ],
      en: [
        'Documents below Stg. CONFIDENTIEEL (Dep. VERTROUWELIJK and unclassified) and documents with only a TLP label.',
        'What the period says: a date or an event, both are fine.',
      ],
    },
    examples: {
      bad: ['Stg. CONFIDENTIEEL\n\nDe tekst.\n\nStg. CONFIDENTIEEL', 'NATO SECRET\n\nDe tekst.\n\nRubriceringstermijn:\n\nNATO SECRET'],
      good: [
        'Stg. CONFIDENTIEEL\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2030\n\nStg. CONFIDENTIEEL',
        'Dep. VERTROUWELIJK\n\nDe tekst.\n\nDep. VERTROUWELIJK',
      ],
    },
  },
  check(ctx, report) {
    const c = classify(ctx);
    const {label, fromRank} = ctx.data.markings.duration;
    if (!c.level || c.level.rank < fromRank) return;
    if (c.duration?.value) return;
    if (c.duration) {
      report({
        start: c.duration.labelStart,
        end: c.duration.end,
        message: {
          nl: `«${label}:» zonder datum of gebeurtenis.`,
          en: `"${label}:" without a date or event.`,
        },
      });
      return;
    }
    const at = c.top ?? c.bottom ?? c.highestPortion;
    if (!at) return;
    report({
      start: at.start,
      end: at.end,
      message: {
        nl: `Een document van niveau ${c.level.banner} moet de rubriceringstermijn vermelden: voeg een regel «${label}: <datum of gebeurtenis>» toe.`,
        en: `A document at ${c.level.banner} must state its classification period: add a line "${label}: <date or event>".`,
      },
    });
  },
});
