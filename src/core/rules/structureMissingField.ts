import {letterField, type KamerbriefAnalysis, type Span} from '../kamerbrief/analysis.js';
import {exampleKamerstuk} from '../document/example.js';
import {kamerstukOf, letterPartsOf} from '../document/kamerstuk.js';
import {documentProfileOf} from '../document/profile.js';
import {defineRule, type DocumentContext, type DocumentRule} from '../rule.js';
import type {RuleReport} from '../types.js';

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

export const structureMissingField = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'structure/missing-field',
    tags: ['letter'],
    description: {
      nl: 'Een verzonden Kamerbrief zonder adresblok, Datum, Betreft of ondertekening (of met een leeg veld Datum of Betreft); een brief als gepubliceerd Kamerstuk zonder regel «Den Haag, <datum>», of met een ondertekening zonder naam.',
      en: 'A sent Kamerbrief without the address block, Datum, Betreft or a signature (or with an empty Datum or Betreft); a letter published as a Kamerstuk without its line "Den Haag, <datum>", or with a signature without a name.',
    },
    defaultSeverity: 'error',
    fixable: false,
    leavesAlone: {
      nl: [
        'Een briefhoofd in een oudere opmaak: het veld «Onderwerp» voor «Betreft», een waarde op de regel onder haar veld («Datum» / «4 maart 2008»), de ondertekening direct onder de laatste zin zonder witregel.',
        'Documenten die geen brief zijn: rapporten, regelgeving, notities, webpagina’s. De soort komt uit `--kind`, front matter `type:`, `.rubric.yaml` `kind:` of de tekst zelf (`rubric info` laat zien welke).',
        'In een gepubliceerd Kamerstuk: het adresblok met Postbus en de velden Datum en Betreft, die het Kamerstuk niet heeft, en een ontbrekende ondertekening (de tekst is dan een uittreksel).',
        'Kamerstukken die geen brief zijn (een verslag van een debat, een memorie van toelichting): geen regel «Den Haag, <datum>» of ondertekening vereist.',
      ],
      en: [
        'A letterhead in an older layout: the field «Onderwerp» for «Betreft», a value on the line under its field («Datum» / «4 maart 2008»), the signature right under the last sentence without a blank line.',
        'Documents that are no letter: reports, legislation, notes, web pages. The kind comes from `--kind`, front matter `type:`, `.rubric.yaml` `kind:` or the text itself (`rubric info` shows which).',
        'In a published Kamerstuk: the address block with Postbus and the Datum and Betreft fields, which a Kamerstuk does not have, and a missing signature (the text is then an extract).',
        'Kamerstukken that are no letter (the report of a debate, an explanatory memorandum): no "Den Haag, <datum>" line or signature required.',
      ],
    },
    examples: {
      bad: [
        exampleKamerstuk({denHaag: null}),
        [...LETTER, 'Betreft Voorbeeld', '', 'Geachte voorzitter,', '', 'De tekst van de brief.', ...CLOSING].join('\n'),
        [...LETTER, 'Datum 12 mei 2021\\', 'Betreft Voorbeeld', '', 'De tekst van de brief.'].join('\n'),
        ['---', 'type: kamerbrief', '---', '', 'Datum 12 mei 2021\\', 'Betreft Voorbeeld', '', 'De tekst.', ...CLOSING].join('\n'),
      ],
      good: [
        exampleKamerstuk(),
        'Wet van 26 juli 2017, houdende regels over de diensten\n\nArtikel 1\n\nIn deze wet wordt verstaan onder dienst: de dienst.\n\nDe Minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nP.Q. de Wit',
        [...LETTER, 'Datum 12 mei 2021\\', 'Betreft Voorbeeld', '', 'Geachte voorzitter,', '', 'De tekst van de brief.', ...CLOSING].join('\n'),
        'Een notitie zonder adresblok is geen Kamerbrief: Datum en Betreft zijn hier niet nodig.',
      ],
    },
  },
  check(ctx, report) {
    const {kind} = documentProfileOf(ctx);
    if (kind === 'letter') checkLetter(ctx, letterPartsOf(ctx), report);
    else if (kind === 'kamerstuk') checkKamerstuk(ctx, report);
  },
});

function checkLetter(ctx: DocumentContext, a: KamerbriefAnalysis, report: (r: RuleReport) => void): void {
  // A missing address block belongs on line 1; a missing field on the address block (line 1 without one).
  const top = a.address ? {start: a.address.start, end: a.address.end} : firstLine(ctx);
  if (!a.address) {
    report({
      ...top,
      message: {
        nl: 'De Kamerbrief heeft geen adresblok («Aan de Voorzitter van de Tweede Kamer der Staten-Generaal», «Postbus 20018», «2500 EA Den Haag»).',
        en: 'The Kamerbrief has no address block ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Postbus 20018", "2500 EA Den Haag").',
      },
    });
  }
  for (const [name, label] of [['datum', 'Datum'], ['betreft', 'Betreft']] as const) {
    const field = letterField(a, name);
    if (!field) {
      report({
        ...top,
        message: {
          nl: `De Kamerbrief heeft geen veld ${label}${name === 'datum' ? ' (bijvoorbeeld «Datum 10 december 2020»)' : ' met het onderwerp'}.`,
          en: `The Kamerbrief has no ${label} field${name === 'datum' ? ' (for example "Datum 10 december 2020")' : ' with its subject'}.`,
        },
      });
    } else if (!field.value.text.trim()) {
      report({start: field.label.start, end: field.label.end, message: {nl: `Het veld ${label} is leeg.`, en: `The ${label} field is empty.`}});
    }
  }
  checkSignature(ctx, a, report, {nl: 'De Kamerbrief', en: 'The Kamerbrief'});
}

/** A letter published as a Kamerstuk: its `Den Haag, <datum>` line and its signature. Other Kamerstukken (reports of debates, explanatory memoranda) are left alone. */
function checkKamerstuk(ctx: DocumentContext, report: (r: RuleReport) => void): void {
  const head = kamerstukOf(ctx);
  if (!head.isLetter) return;
  if (!head.denHaag) {
    const at = head.title ?? head.addressee ?? firstLine(ctx);
    report({
      start: at.start, end: at.end,
      message: {
        nl: 'De brief heeft geen regel met plaats en datum («Den Haag, 10 december 2020»).',
        en: 'The letter has no line with place and date ("Den Haag, 10 december 2020").',
      },
    });
  }
  // A published Kamerstuk is signed; where none is found, the text is an extract (a web page, a quotation), not an unsigned letter.
  checkSignature(ctx, letterPartsOf(ctx), report, {nl: 'De brief', en: 'The letter'}, false);
}

function checkSignature(ctx: DocumentContext, a: KamerbriefAnalysis, report: (r: RuleReport) => void, what: {nl: string; en: string}, required = true): void {
  if (!a.closing || a.closing.signers.length === 0) {
    if (!required) return;
    report({
      ...lastLine(ctx),
      message: {
        nl: `${what.nl} heeft geen ondertekening («De minister van …,» met de naam eronder).`,
        en: `${what.en} has no signature ("De minister van …," with the name below it).`,
      },
    });
    return;
  }
  for (const signer of a.closing.signers) {
    if (signer.name) continue;
    report({
      start: signer.title.start, end: signer.title.end,
      message: {nl: `Onder «${signer.title.text}» staat geen naam.`, en: `No name is written below "${signer.title.text}".`},
    });
  }
}
