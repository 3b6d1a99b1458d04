import {exampleLetter} from '../kamerbrief/example.js';
import {TEXT} from '../kamerbrief/template.js';
import {documentProfileOf} from '../document/profile.js';
import {defineRule, factsOf, type ChunkFact, type DocumentRule} from '../rule.js';
import {LineIndex} from '../text.js';

/** What the quick fix of marking/missing-duration writes after `Rubriceringstermijn:`, for the writer to replace. */
export const DURATION_PLACEHOLDER = {nl: 'datum of gebeurtenis', en: 'date or event'};

/** The template's texts that stand alone on a line (a heading's text, a paragraph, the signer's name). */
const LINES = [TEXT.intro, TEXT.sectionTitle, TEXT.sectionText, TEXT.signer];
/** The template's field values. */
const FIELDS: Record<string, string> = {betreft: TEXT.betreft, 'ons kenmerk': TEXT.kenmerk};

const FIELD = /^(Betreft|Ons kenmerk)[ \t]+(.*?)[ \t]*\\?$/i;
const DURATION = /^(Rubriceringstermijn:[ \t]*)(.*?)[ \t]*\\?$/;

export const structurePlaceholder = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'structure/placeholder',
    tags: ['letter', 'template'],
    description: {
      nl: 'Tekst uit het sjabloon van een nieuwe Kamerbrief (snippet of «Rubric: nieuwe Kamerbrief») die in de brief is blijven staan: «Onderwerp van de brief», «Naam van de minister», Ons kenmerk «kenmerk». In elk document: «datum of gebeurtenis» na «Rubriceringstermijn:», de plaatshouder van de snelle correctie.',
      en: 'Text from the template of a new Kamerbrief (the snippet or "Rubric: New Kamerbrief") left in the letter: "Onderwerp van de brief", "Naam van de minister", Ons kenmerk "kenmerk". In every document: "datum of gebeurtenis" after "Rubriceringstermijn:", the quick fix\'s placeholder.',
    },
    defaultSeverity: 'error',
    fixable: false,
    leavesAlone: {
      nl: [
        'Dezelfde woorden midden in een zin («het onderwerp van de brief is …»): alleen een regel of veldwaarde die precies de sjabloontekst is, telt.',
        'Documenten die geen brief zijn, behalve de plaatshouder van de rubriceringstermijn.',
      ],
      en: [
        'The same words inside a sentence ("het onderwerp van de brief is …"): only a line or field value that is exactly the template\'s text counts.',
        'Documents that are no letter, except for the placeholder of the classification period.',
      ],
    },
    examples: {
      bad: [
        exampleLetter().replace('Betreft Voorbeeld', `Betreft ${TEXT.betreft}`),
        exampleLetter({body: `## ${TEXT.sectionTitle}\n\n${TEXT.sectionText}`}),
        exampleLetter({signature: 'De minister van Defensie,\n\n' + TEXT.signer}).replace(/\n\nA\.B\. Jansen$/, ''),
        `Stg. CONFIDENTIEEL\n\nDe tekst.\n\nRubriceringstermijn: ${DURATION_PLACEHOLDER.nl}\n\nStg. CONFIDENTIEEL`,
      ],
      good: [
        exampleLetter(),
        exampleLetter({body: 'Het onderwerp van de brief is de toetsing van verklaringen.'}),
        'Een notitie.\n\nTitel van de paragraaf\n\nIn een notitie is dit geen sjabloontekst.',
      ],
    },
  },
  // Each line is read alone, so the placeholders are found chunk by chunk: a relint reads only the changed lines.
  chunkFacts: (ctx) => placeholderFacts(ctx.text),
  check(ctx, report) {
    const letter = documentProfileOf(ctx).kind === 'letter';
    for (const found of factsOf<PlaceholderFact>(ctx, KEY) ?? placeholderFacts(ctx.text)) {
      // Outside a letter only the classification period's placeholder counts.
      if (!letter && !found.duration) continue;
      report({
        start: found.start,
        end: found.end,
        actual: found.text,
        message: found.duration
          ? {
            nl: `«${found.text}» is een plaatshouder: vul de datum of gebeurtenis in waarop de rubricering vervalt.`,
            en: `"${found.text}" is a placeholder: write the date or event at which the classification ends.`,
          }
          : {
            nl: `«${found.text}» is tekst uit het sjabloon van de Kamerbrief: schrijf hier de eigen tekst van de brief.`,
            en: `"${found.text}" is text from the Kamerbrief template: write the letter's own text here.`,
          },
      });
    }
  },
});

const KEY = 'structure/placeholder';

interface PlaceholderFact extends ChunkFact {
  text: string;
  /** The classification period's placeholder; else template text, which counts in a letter only. */
  duration: boolean;
}

/** The placeholders on the lines of `text` (a chunk or a whole document), as a letter has them. */
function placeholderFacts(text: string): PlaceholderFact[] {
  const lines = new LineIndex(text);
  const out: PlaceholderFact[] = [];
  for (let n = 0; n < lines.lineCount; n++) {
    const start = lines.lineStart(n);
    const found = placeholderIn(text.slice(start, lines.lineEnd(n)), true);
    if (!found) continue;
    const at = start + found.at;
    out.push({key: KEY, start: at, end: at + found.text.length, text: found.text, duration: found.duration === true});
  }
  return out;
}

function placeholderIn(raw: string, letter: boolean): {at: number; text: string; duration?: true} | undefined {
  const lead = raw.length - raw.trimStart().length;
  const line = raw.trim();
  const duration = DURATION.exec(line);
  if (duration && duration[2] === DURATION_PLACEHOLDER.nl) return {at: lead + duration[1].length, text: duration[2], duration: true};
  if (!letter) return undefined;
  const field = FIELD.exec(line);
  if (field) {
    const want = FIELDS[field[1].toLowerCase()];
    return field[2] === want ? {at: lead + line.indexOf(field[2], field[1].length), text: want} : undefined;
  }
  // A heading's text, emphasis and a hard line break do not count.
  const inner = /^(#{1,6}[ \t]+|\*\*|__|\*|_)?(.*?)(\*\*|__|\*|_)?\\?$/.exec(line)!;
  const text = inner[2].trim();
  if (!LINES.includes(text)) return undefined;
  return {at: lead + line.indexOf(text), text};
}
