import {classify} from '../markings/index.js';
import type {DocumentRule} from '../rule.js';

export const markingUnmarkedPortion: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'marking/unmarked-portion',
    description: {
      nl: 'Een alinea of opsommingspunt zonder portiemarkering in een document waarin porties gemarkeerd worden: zodra één portie gemarkeerd is, worden ze dat allemaal (ook openbare, met «(O)»).',
      en: 'A paragraph or list item without a portion mark in a portion-marked document: once one portion is marked, every one is (unclassified ones with "(O)").',
    },
    defaultSeverity: 'error',
    fixable: false,
    examples: {
      bad: ['Stg. GEHEIM\n\n(Stg.G) De tekst.\n\nNog een alinea.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM'],
      good: [
        'Stg. GEHEIM\n\n(Stg.G) De tekst.\n\n(O) Nog een alinea.\n\n- (O) Een punt.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM',
        'Een tekst zonder portiemarkeringen.\n\nNog een alinea.',
      ],
    },
  },
  check(ctx, report) {
    const c = classify(ctx);
    if (c.portions.length === 0) return;
    for (const pb of c.portionBlocks) {
      if (pb.mark) continue;
      let end = pb.start;
      while (end < pb.block.end && ctx.text[end] !== '\n' && ctx.text[end] !== '\r') end++;
      const what = pb.block.listItem ? {nl: 'Dit opsommingspunt', en: 'This list item'} : {nl: 'Deze alinea', en: 'This paragraph'};
      report({
        rule: 'marking/unmarked-portion',
        start: pb.start,
        end,
        message: {
          nl: `${what.nl} heeft geen portiemarkering, terwijl andere porties gemarkeerd zijn (bijvoorbeeld «${c.portions[0].text}»).`,
          en: `${what.en} has no portion mark, while other portions are marked (e.g. "${c.portions[0].text}").`,
        },
      });
    }
  },
};
