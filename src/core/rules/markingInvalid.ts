import {classify, type MarkingOccurrence} from '../markings/index.js';
import {defineRule, type DocumentContext, type DocumentRule} from '../rule.js';
import type {Localized} from '../types.js';

/** What the marking is, in Dutch with the article-dependent adjective. */
const WHAT: Record<MarkingOccurrence['kind'], Localized & {valid: string}> = {
  banner: {nl: 'rubricering', en: 'classification marking', valid: 'geldige rubricering'},
  portion: {nl: 'portiemarkering', en: 'portion mark', valid: 'geldige portiemarkering'},
  label: {nl: 'label', en: 'label', valid: 'geldig label'},
  inline: {nl: 'rubricering', en: 'classification marking', valid: 'geldige rubricering'},
};

/** Quotation marks around a written-out marking: it is quoted as someone wrote it (`de rubricering "Stg. Geheim"`). */
const OPENING_QUOTE = /["“„«'‘‚‹]\s*$/;
const CLOSING_QUOTE = /^\s*["”»'’›]/;

/**
 * A marking written out in a sentence that only mentions it: quoted, or, in a document with neither banners
 * nor portion marks, written out in full with its level word in lower case, as a text about the levels names them
 * (`Departementaal vertrouwelijk`, `Staatsgeheim geheim` in a list of levels).
 */
function mentioned(text: string, o: MarkingOccurrence, marked: boolean): boolean {
  if (o.kind !== 'inline' || o.lookAlike) return false;
  if (OPENING_QUOTE.test(text.slice(Math.max(0, o.start - 3), o.start)) && CLOSING_QUOTE.test(text.slice(o.end, o.end + 3))) return true;
  // Written out in full (`Staatsgeheim geheim`, not `Stg. geheim`, which only a marking abbreviates).
  const [first, ...rest] = o.text.split(/\s+/);
  const words = rest.join(' ');
  return !marked && !first.includes('.') && words !== '' && words === words.toLowerCase();
}

/** A marking or label that is all of its line (`TLP AMBER` above a message): it marks the text. */
function onItsOwnLine(ctx: DocumentContext, o: MarkingOccurrence): boolean {
  const line = ctx.lines.lineAround(o.start);
  return ctx.text.slice(line.start, line.end).trim() === o.text.trim();
}

export const markingInvalid = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'marking/invalid',
    tags: ['classification'],
    description: {
      nl: 'Een rubricering, portiemarkering of TLP-label in een vorm die niet geldig is (hoofdletters, punten, spaties, woordvolgorde, lettertekens uit een ander schrift, een niveau dat niet bestaat), met de juiste vorm als correctie; een portiemarkering in de vorm van een schema maar van geen bekend niveau («(Stg.X)»), met de portiemarkeringen van dat schema; ook een rubricering die in een zin is uitgeschreven met het niveauwoord niet in hoofdletters («Staatsgeheim Geheim», «Stg. Zeer Geheim»), een bondgenootschappelijke van drie woorden of meer in een zin in een verkeerde vorm («CONFIDENTIEL UE / EU CONFIDENTIAL»), en een rubricering in hoofdletters in een zin zonder een accent van haar vorm («TRES SECRET UE» voor «TRÈS SECRET UE»). In een tekst zonder eigen rubricering (geen banners, geen portiemarkeringen) is een rubricering of label in een zin genoemd, niet gezet: dan is het een waarschuwing.',
      en: 'A classification marking, portion mark or TLP label in a form that is not valid (case, dots, spaces, word order, look-alike letters from another script, a level that does not exist), with the valid form as fix; a portion mark shaped like those of a scheme but of no known level ("(Stg.X)"), with the portion marks of that scheme; also a marking written out in a sentence with the level word not in capitals ("Staatsgeheim Geheim", "Stg. Zeer Geheim"), an allied one of three words or more in a sentence in a wrong form ("CONFIDENTIEL UE / EU CONFIDENTIAL"), and a marking in capitals in a sentence without a diacritic of its form ("TRES SECRET UE" for "TRÈS SECRET UE"). In a text with no marking of its own (no banners, no portion marks) a marking or label in a sentence is named, not set: then it is a warning.',
    },
    defaultSeverity: 'error',
    fixable: true,
    leavesAlone: {
      nl: [
        'Gewone woorden in een zin: «een staatsgeheim dat geheim blijft», «departementaal vertrouwelijke stukken», «geheim».',
        'Een juist geschreven rubricering in een zin («gerubriceerd als Stg. GEHEIM»): die rubriceert het document niet.',
        'In lopende tekst: NAVO-, EU- en andere rubriceringen die geheel in hoofdletters horen (die worden alleen als banner en portiemarkering gecontroleerd), behalve een die in haar hoofdletters een accent van haar vorm mist («TRES SECRET UE»).',
        'Haakjes aan het begin van een alinea die geen portiemarkering zijn: «(zie bijlage)», «(1)», «(AIVD)».',
        'Een rubricering die een zin aanhaalt tussen aanhalingstekens («de rubricering "Stg. Geheim" stond bovenaan»), en in een document zonder banners en portiemarkeringen een niveau voluit geschreven met het niveauwoord in kleine letters («Departementaal vertrouwelijk» in een uitleg van de niveaus; «Stg. geheim» blijft een bevinding).',
        'Code, links en HTML-commentaar.',
      ],
      en: [
        'Ordinary words in a sentence: "een staatsgeheim dat geheim blijft", "departementaal vertrouwelijke stukken", "geheim".',
        'A marking written right in a sentence ("gerubriceerd als Stg. GEHEIM"): it does not classify the document.',
        'In running text: NATO, EU and other markings written wholly in capitals (those are checked as banners and portion marks only), except one in its capitals without a diacritic of its form ("TRES SECRET UE").',
        'Parentheses at the start of a paragraph that are no portion mark: "(zie bijlage)", "(1)", "(AIVD)".',
        'A marking a sentence quotes in quotation marks ("de rubricering \"Stg. Geheim\" stond bovenaan"), and, in a document with neither banners nor portion marks, a level written out in full with its level word in lower case ("Departementaal vertrouwelijk" in an explanation of the levels; "Stg. geheim" is still reported).',
        'Code, links and HTML comments.',
      ],
    },
    examples: {
      bad: [
        'Stg. Geheim\n\nDe tekst.\n\nStg. GEHEIM',
        'STG GEHEIM\n\nDe tekst.\n\nSTG GEHEIM',
        'NATO TOP SECRET\n\nDe tekst.\n\nNATO TOP SECRET',
        '**RESTREINT UE / EU RESTRICTED**\n\nDe tekst.\n\n**RESTREINT UE / EU RESTRICTED**',
        'Stg. GEHEIM\n\n(Stg. Geheim) De tekst.\n\nStg. GEHEIM',
        'Stg. GEHEIM\n\n(Stg.G) De tekst.\n\n(Stg.X) Meer tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM',
        'Gedeeld als TLP: AMBER met de partners.',
        'De stukken zijn gerubriceerd als Staatsgeheim Geheim en gaan per koerier.',
        'Het hoogste niveau van de EU is TRES SECRET UE/EU TOP SECRET.',
      ],
      good: [
        'Stg. GEHEIM\n\n(Stg.G) De tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM',
        'In het stuk stond de rubricering "Stg. Geheim", maar het is openbaar gemaakt.',
        'Er zijn vier niveaus:\n\n- Departementaal vertrouwelijk\n- Staatsgeheim geheim\n\nElk niveau heeft zijn eigen regels.',
        '**RESTREINT UE/EU RESTRICTED**\n\nDe tekst.\n\n**RESTREINT UE/EU RESTRICTED**',
        'Gedeeld als TLP:AMBER+STRICT met de partners.',
        'Het is geheim naar welke landen de dienst onderzoek deed.',
        'De stukken zijn gerubriceerd als Staatsgeheim GEHEIM; een staatsgeheim blijft geheim.',
      ],
    },
  },
  check(ctx, report) {
    const c = classify(ctx);
    const all = [c.top, ...c.stacked, c.bottom, ...c.portions, ...c.labels, ...c.inline].filter((o): o is MarkingOccurrence => !!o);
    const marked = !!(c.top || c.bottom || c.portions.length);
    for (const o of all) {
      if (o.valid || mentioned(ctx.text, o, marked)) continue;
      const what = WHAT[o.kind];
      const expected = o.expected;
      let message: Localized;
      if (!o.level && o.kind === 'portion') {
        const marks = ctx.data.markings.levels.filter((l) => l.schemeId === o.scheme).map((l) => l.portions[0]).filter((m): m is string => !!m);
        const list = (or: string) => (marks.length > 1 ? `${marks.slice(0, -1).join(', ')} ${or} ${marks[marks.length - 1]}` : marks.join(''));
        message = {
          nl: `«${o.text}» is geen bekende portiemarkering; bedoelt u ${list('of')}?`,
          en: `"${o.text}" is not a known portion mark; did you mean ${list('or')}?`,
        };
      } else if (!o.level) {
        const known = ctx.data.markings.labels.map((l) => l.banner).join(', ');
        message = {
          nl: `«${o.text}» is geen bekend label; geldig zijn ${known}.`,
          en: `"${o.text}" is not a known label; valid ones are ${known}.`,
        };
      } else if (expected === undefined) {
        message = {
          nl: `«${o.text}» staat voor ${o.level.banner}, dat geen ${what.nl} heeft.`,
          en: `"${o.text}" stands for ${o.level.banner}, which has no ${what.en}.`,
        };
      } else if (o.lookAlike) {
        message = {
          nl: `«${o.text}» bevat letters uit een ander schrift die op Latijnse lijken; schrijf «${expected}».`,
          en: `"${o.text}" contains look-alike letters from another script; write "${expected}".`,
        };
      } else {
        message = {
          nl: `«${o.text}» is geen ${what.valid}; schrijf «${expected}».`,
          en: `"${o.text}" is not a valid ${what.en}; write "${expected}".`,
        };
      }
      report({
        // In a text that carries no marking of its own, a marking or label in its sentences is named, not set (a
        // page that explains the levels or TLP): the wrong form is told, as a warning. One on a line of its own marks.
        ...(!marked && (o.kind === 'inline' || o.kind === 'label') && !onItsOwnLine(ctx, o) ? {atMost: 'warning' as const} : {}),
        start: o.start,
        end: o.end,
        actual: o.text,
        ...(expected !== undefined ? {expected, fix: {start: o.start, end: o.end, text: expected}} : {}),
        message,
      });
    }
    const d = c.duration;
    if (d && !d.labelValid) {
      const label = ctx.data.markings.duration.label;
      report({
        start: d.labelStart,
        end: d.labelEnd,
        actual: d.label,
        expected: label,
        fix: {start: d.labelStart, end: d.labelEnd, text: label},
        message: {
          nl: `«${d.label}» is niet de vaste aanduiding van de rubriceringstermijn; schrijf «${label}».`,
          en: `"${d.label}" is not the fixed label of the classification period; write "${label}".`,
        },
      });
    }
  },
});
