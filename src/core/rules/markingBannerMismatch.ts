import {intended} from '../markings/fixes.js';
import {classify} from '../markings/index.js';
import {defineRule, type DocumentRule} from '../rule.js';

export const markingBannerMismatch = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'marking/banner-mismatch',
    tags: ['classification', 'under-classification'],
    description: {
      nl: 'De rubricering bovenaan en onderaan verschillen; ze moeten gelijk zijn.',
      en: 'The top and bottom banners differ; they must be equal.',
    },
    defaultSeverity: 'error',
    fixable: true,
    leavesAlone: {
      nl: [
        'Een document met alleen een rubricering bovenaan of alleen onderaan: dat meldt marking/missing.',
        'Verschillen in schrijfwijze van hetzelfde niveau («Stg. Geheim» en «Stg. GEHEIM»): die meldt marking/invalid; de niveaus worden na herkenning vergeleken.',
        'TLP-labels: die delen informatie, ze rubriceren niet.',
        'Een eerste of laatste regel die een punt van een opsomming is («- Stg. GEHEIM» onder «- Stg. CONFIDENTIEEL», in een tekst die de niveaus uitlegt): dat is geen rubricering van het document.',
      ],
      en: [
        'A document with a banner only at the top or only at the bottom: marking/missing reports that.',
        'Differences in how the same level is written ("Stg. Geheim" and "Stg. GEHEIM"): marking/invalid reports those; levels are compared once recognised.',
        'TLP labels: they share information, they do not classify it.',
        'A first or last line that is an item of a list ("- Stg. GEHEIM" below "- Stg. CONFIDENTIEEL", in a text that explains the levels): that is no banner of the document.',
      ],
    },
    examples: {
      bad: [
        'Stg. GEHEIM\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. CONFIDENTIEEL',
        'NATO SECRET\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM',
      ],
      good: ['Stg. GEHEIM\n\nDe tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM'],
    },
  },
  check(ctx, report) {
    const {top, bottom} = classify(ctx);
    if (!top?.level || !bottom?.level) return;
    const want = intended(top);
    const have = intended(bottom);
    if (top.level === bottom.level) {
      // Same level in another accepted form: the bottom follows the top.
      if (want === have || !top.expected || !bottom.expected) return;
      report({
        start: bottom.start,
        end: bottom.end,
        actual: bottom.text,
        expected: want,
        fix: {start: bottom.start, end: bottom.end, text: want},
        message: {
          nl: `De rubricering onderaan («${bottom.text}») is anders geschreven dan bovenaan («${want}»).`,
          en: `The bottom banner ("${bottom.text}") is written differently from the top one ("${want}").`,
        },
      });
      return;
    }
    report({
      start: bottom.start,
      end: bottom.end,
      actual: bottom.text,
      message: {
        nl: `De rubricering onderaan («${have}») verschilt van die bovenaan («${want}»).`,
        en: `The bottom banner ("${have}") differs from the top one ("${want}").`,
      },
    });
  },
});
