import {bannerLine, insertBottom, insertTop} from '../markings/fixes.js';
import {classify} from '../markings/index.js';
import {defineRule, type DocumentRule} from '../rule.js';
import type {Fix, Localized} from '../types.js';

export const markingMissing = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'marking/missing',
    tags: ['classification', 'under-classification'],
    description: {
      nl: 'Een rubricering bovenaan of onderaan ontbreekt, terwijl het document portiemarkeringen of termen met een minimale rubricering bevat, of de configuratie rubricering voor de map vereist.',
      en: 'A classification banner is missing at the top or the bottom, while the document has portion marks or terms with a minimum marking, or the configuration requires banners for the folder.',
    },
    defaultSeverity: 'error',
    fixable: true,
    leavesAlone: {
      nl: [
        'Een document zonder rubricering, portiemarkeringen of termen met een minimale rubricering, tenzij `.rubric.yaml` rubricering vereist (`markings.requireBanner`).',
        'Een rubricering die in een zin wordt genoemd («stukken tot Stg. GEHEIM»): die rubriceert het document niet.',
        'TLP-labels, die delen en niet rubriceren.',
      ],
      en: [
        'A document without banners, portion marks or terms with a minimum marking, unless `.rubric.yaml` requires banners (`markings.requireBanner`).',
        'A marking named in a sentence ("stukken tot Stg. GEHEIM"): it does not classify the document.',
        'TLP labels, which share and do not classify.',
      ],
    },
    examples: {
      bad: [
        '(Stg.C) De tekst.\n\n(O) Openbare tekst.',
        'Stg. CONFIDENTIEEL\n\n(Stg.C) De tekst.\n\nRubriceringstermijn: 1 januari 2030',
      ],
      good: [
        'Stg. CONFIDENTIEEL\n\n(Stg.C) De tekst.\n\n(O) Openbare tekst.\n\nRubriceringstermijn: 1 januari 2030\n\nStg. CONFIDENTIEEL',
        'Een openbare tekst zonder markeringen.',
      ],
    },
  },
  check(ctx, report) {
    const c = classify(ctx);
    if (c.top && c.bottom) return;
    const needed = c.portions.length > 0 || c.restricted.length > 0 || ctx.data.config.requireBanner === true;
    if (!needed) return;
    const why: Localized = c.portions.length > 0
      ? {nl: 'het document heeft portiemarkeringen', en: 'the document has portion marks'}
      : c.restricted.length > 0
        ? {nl: `het document bevat «${c.restricted[0].match.surface}»`, en: `the document contains "${c.restricted[0].match.surface}"`}
        : {nl: 'de configuratie vereist rubricering', en: 'the configuration requires banners'};
    // The line to add: equal to the other banner, or the lowest level the document's contents allow.
    const other = c.top ?? c.bottom;
    const line = other ? bannerLine(ctx.lines, other) : c.required?.banner;
    const suggestion: Localized = line
      ? {nl: `; voeg «${line}» toe`, en: `; add "${line}"`}
      : {nl: '', en: ''};
    const first = c.layout.firstLine ?? {start: c.layout.bodyStart, end: c.layout.bodyStart};
    const last = c.layout.lastLine ?? first;
    if (!c.top) {
      const fix: Fix | undefined = line ? insertTop(c, line) : undefined;
      report({
        start: first.start,
        end: first.end,
        ...(line ? {expected: line} : {}),
        ...(fix ? {fix} : {}),
        message: {
          nl: `Bovenaan ontbreekt de rubricering: ${why.nl}${suggestion.nl}.`,
          en: `The top banner is missing: ${why.en}${suggestion.en}.`,
        },
      });
    }
    if (!c.bottom) {
      const fix: Fix | undefined = line ? insertBottom(c, line) : undefined;
      report({
        start: last.start,
        end: last.end,
        ...(line ? {expected: line} : {}),
        ...(fix ? {fix} : {}),
        message: {
          nl: `Onderaan ontbreekt de rubricering: ${why.nl}${suggestion.nl}.`,
          en: `The bottom banner is missing: ${why.en}${suggestion.en}.`,
        },
      });
    }
  },
});
