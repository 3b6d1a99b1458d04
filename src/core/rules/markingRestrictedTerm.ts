import {classify} from '../markings/index.js';
import {defineRule, type DocumentRule} from '../rule.js';

export const markingRestrictedTerm = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'marking/restricted-term',
    tags: ['classification', 'glossary', 'under-classification'],
    description: {
      nl: 'Een term die alleen mag voorkomen in documenten van ten minste een bepaalde rubricering (codenamen, namen van operaties en bronnen: `minimumMarking` in de woordenlijst), in een document of portie die lager of niet gerubriceerd is. Elk teken van het bestand telt: ook code, HTML, commentaar, alt-tekst, linktitels en -doelen, URL\'s, bestandsnamen en front matter.',
      en: 'A term allowed only in documents of at least a given level (code words, operation and source names: `minimumMarking` in the glossary), in a document or portion marked lower or not at all. Every character of the file counts: code, HTML, comments, alt text, link titles and targets, URLs, file names and front matter too.',
    },
    defaultSeverity: 'error',
    fixable: false,
    leavesAlone: {
      nl: [
        'Een codewoord in een document of portie die ten minste de minimale rubricering heeft.',
        'Termen zonder `minimumMarking` in de woordenlijst.',
        'Een codewoord dat aan andere letters of cijfers vastgeschreven staat (`opKOPERWIEK`, `x2KOPERWIEK`): het wordt gezocht waar een woord begint, zoals elke term (`KOPERWIEK-plan.pdf`, `/koperwiek/` en `koperwiekdossier` worden wel gevonden).',
      ],
      en: [
        'A code word in a document or portion marked at least at its minimum level.',
        'Terms without `minimumMarking` in the glossary.',
        'A code word written onto other letters or digits (`opKOPERWIEK`, `x2KOPERWIEK`): it is looked for where a word starts, as every term is (`KOPERWIEK-plan.pdf`, `/koperwiek/` and `koperwiekdossier` are found).',
      ],
    },
    examples: {
      bad: ['De operatie KOPERWIEK loopt nog.', 'Zie het plan.\n\n```\nscp koperwiek-plan.pdf archief:\n```', '<!-- bron: KOPERWIEK -->\nDe operatie loopt nog.'],
      good: ['Stg. GEHEIM\n\nDe operatie KOPERWIEK loopt nog.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM'],
      glossary: 'terms:\n  - term: KOPERWIEK\n    definition: Codenaam van een operatie.\n    minimumMarking: Stg. GEHEIM\n',
    },
  },
  check(ctx, report) {
    const c = classify(ctx);
    for (const use of c.restricted) {
      const {match, minimum, portion} = use;
      const term = match.surface;
      const need = {
        nl: `«${term}» mag alleen voorkomen in documenten van ten minste ${minimum.banner}`,
        en: `"${term}" may only appear in documents marked at least ${minimum.banner}`,
      };
      let where: {nl: string; en: string} | undefined;
      if (!c.marked) where = {nl: 'dit document heeft geen rubricering', en: 'this document has no banner'};
      else if (c.marked.rank < minimum.rank) where = {nl: `dit document is ${c.marked.banner}`, en: `this document is marked ${c.marked.banner}`};
      else if (portion?.level && portion.level.rank < minimum.rank) {
        where = {nl: `de portie is ${portion.text}`, en: `the portion is marked ${portion.text}`};
      }
      if (!where) continue;
      report({
        start: match.start,
        end: match.end,
        actual: term,
        message: {nl: `${need.nl}; ${where.nl}.`, en: `${need.en}; ${where.en}.`},
      });
    }
  },
});
