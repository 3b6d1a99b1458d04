import {kamerbriefOf, letterField, type Span} from '../kamerbrief/analysis.js';
import type {DocumentContext, DocumentRule} from '../rule.js';

const LETTER = [
  'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\\',
  'Postbus 20018\\',
  '2500 EA Den Haag',
  '',
];
const CLOSING = ['', 'De minister van Defensie,', '', 'A.B. Jansen'];

/** The first line of text after any front matter: where a missing address block belongs. */
function firstLine(ctx: DocumentContext): Span {
  const block = ctx.blocks.find((b) => b.kind !== 'frontmatter');
  if (!block) return {start: 0, end: 0};
  const {line} = ctx.lines.position(block.start);
  return {start: block.start, end: Math.max(block.start, ctx.lines.lineEnd(line))};
}

/** The last line of text: where a missing signature belongs. */
function lastLine(ctx: DocumentContext): Span {
  for (let n = ctx.lines.lineCount - 1; n >= 0; n--) {
    const start = ctx.lines.lineStart(n);
    const end = ctx.lines.lineEnd(n);
    const raw = ctx.text.slice(start, end);
    if (raw.trim()) return {start: start + raw.length - raw.trimStart().length, end: start + raw.trimEnd().length};
  }
  return {start: 0, end: 0};
}

export const structureMissingField: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'structure/missing-field',
    description: {
      nl: 'Een Kamerbrief zonder adresblok, Datum, Betreft of ondertekening (of met een leeg veld Datum of Betreft).',
      en: 'A Kamerbrief without the address block, Datum, Betreft or a signature (or with an empty Datum or Betreft).',
    },
    defaultSeverity: 'error',
    fixable: false,
    examples: {
      bad: [
        [...LETTER, 'Betreft Voorbeeld', '', 'Geachte voorzitter,', '', 'De tekst van de brief.', ...CLOSING].join('\n'),
        [...LETTER, 'Datum 10 december 2020\\', 'Betreft Voorbeeld', '', 'De tekst van de brief.'].join('\n'),
        ['---', 'type: kamerbrief', '---', '', 'Datum 10 december 2020\\', 'Betreft Voorbeeld', '', 'De tekst.', ...CLOSING].join('\n'),
      ],
      good: [
        [...LETTER, 'Datum 10 december 2020\\', 'Betreft Voorbeeld', '', 'Geachte voorzitter,', '', 'De tekst van de brief.', ...CLOSING].join('\n'),
        'Een notitie zonder adresblok is geen Kamerbrief: Datum en Betreft zijn hier niet nodig.',
      ],
    },
  },
  check(ctx, report) {
    const a = kamerbriefOf(ctx);
    if (!a.isLetter) return;
    const at = (span: Span) => ({start: span.start, end: span.end});
    if (!a.address) {
      report({
        rule: 'structure/missing-field', ...at(firstLine(ctx)),
        message: {
          nl: 'De Kamerbrief heeft geen adresblok («Aan de Voorzitter van de Tweede Kamer der Staten-Generaal», «Postbus 20018», «2500 EA Den Haag»).',
          en: 'The Kamerbrief has no address block ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Postbus 20018", "2500 EA Den Haag").',
        },
      });
    }
    const anchor = a.fields[0] ?? (a.address ? a.address.lines[a.address.lines.length - 1] : firstLine(ctx));
    for (const [name, label] of [['datum', 'Datum'], ['betreft', 'Betreft']] as const) {
      const field = letterField(a, name);
      if (!field) {
        report({
          rule: 'structure/missing-field', ...at(anchor),
          message: {
            nl: `De Kamerbrief heeft geen veld ${label}${name === 'datum' ? ' (bijvoorbeeld «Datum 10 december 2020»)' : ' met het onderwerp'}.`,
            en: `The Kamerbrief has no ${label} field${name === 'datum' ? ' (for example "Datum 10 december 2020")' : ' with its subject'}.`,
          },
        });
      } else if (!field.value.text.trim()) {
        report({
          rule: 'structure/missing-field', ...at(field.label),
          message: {nl: `Het veld ${label} is leeg.`, en: `The ${label} field is empty.`},
        });
      }
    }
    if (!a.closing || a.closing.signers.length === 0) {
      report({
        rule: 'structure/missing-field', ...at(lastLine(ctx)),
        message: {
          nl: 'De Kamerbrief heeft geen ondertekening («De minister van …,» met de naam eronder).',
          en: 'The Kamerbrief has no signature ("De minister van …," with the name below it).',
        },
      });
    } else {
      for (const signer of a.closing.signers) {
        if (signer.name) continue;
        report({
          rule: 'structure/missing-field', ...at(signer.title),
          message: {
            nl: `Onder «${signer.title.text}» staat geen naam.`,
            en: `No name is written below "${signer.title.text}".`,
          },
        });
      }
    }
  },
};
