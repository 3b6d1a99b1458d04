import {intended, raisedBanner} from '../markings/fixes.js';
import {classify, type MarkingOccurrence} from '../markings/index.js';
import {defineRule, type DocumentRule} from '../rule.js';

export const markingPortionExceedsBanner = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'marking/portion-exceeds-banner',
    tags: ['classification', 'under-classification'],
    description: {
      nl: 'Een portie is hoger gerubriceerd dan het document; niveaus van verschillende stelsels (VIRBI, NAVO, EU) worden op rang vergeleken. De correctie verhoogt de rubricering tot de hoogste portie.',
      en: 'A portion is marked higher than the document; levels of different schemes (VIRBI, NATO, EU) are compared by rank. The fix raises the banner to the highest portion.',
    },
    defaultSeverity: 'error',
    fixable: true,
    fixRaisesClassification: true,
    leavesAlone: {
      nl: [
        'Een document zonder rubricering bovenaan en onderaan: dat meldt marking/missing.',
        'Een portie gelijk aan of lager dan de rubricering; een portie van een ander stelsel op dezelfde rang («(NS)» onder «Stg. GEHEIM»).',
      ],
      en: [
        'A document without banners: marking/missing reports that.',
        'A portion equal to or below the banner; a portion of another scheme at the same rank ("(NS)" under "Stg. GEHEIM").',
      ],
    },
    examples: {
      bad: [
        'Stg. CONFIDENTIEEL\n\n(NS) De tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. CONFIDENTIEEL',
        'Dep. VERTROUWELIJK\n\n(Stg.G) De tekst.\n\nDep. VERTROUWELIJK',
      ],
      good: ['Stg. GEHEIM\n\n(NS) De tekst.\n\n(Stg.C) Meer tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM'],
    },
  },
  check(ctx, report) {
    const c = classify(ctx);
    const highest = c.highestPortion;
    if (!highest?.level) return;
    const line = ctx.lines.position(highest.start).line + 1;
    for (const banner of [c.top, c.bottom]) {
      if (!banner?.level || banner.level.rank >= highest.level.rank) continue;
      const raised = raisedBanner(ctx.data.markings, banner, highest.level.rank, highest.level);
      report({
        start: banner.start,
        end: banner.end,
        actual: banner.text,
        expected: raised,
        fix: {start: banner.start, end: banner.end, text: raised},
        message: portionMessage(highest, intended(banner), raised, line),
      });
    }
  },
});

function portionMessage(portion: MarkingOccurrence, banner: string, raised: string, line: number) {
  return {
    nl: `De portiemarkering «${portion.text}» (regel ${line}) is hoger dan de rubricering van het document («${banner}»); verhoog de rubricering naar «${raised}».`,
    en: `The portion "${portion.text}" (line ${line}) is marked higher than the document ("${banner}"); raise the banner to "${raised}".`,
  };
}
