import {noteFieldsOf} from '../document/profile.js';
import {kamerbriefOf} from '../kamerbrief/index.js';
import {classify} from '../markings/index.js';
import {defineRule, type DocumentRule} from '../rule.js';

/** A header field: a label of at most three words, a colon and a short value (`**Kenmerk:** AIVD/2026-001`). */
const FIELD_LINE = /^[ \t]*(?:\*\*|__)?\p{Lu}[\p{L}-]*(?:[ \t]+[\p{L}-]+){0,2}(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+\S.{0,60}$/u;

export const markingUnmarkedPortion = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'marking/unmarked-portion',
    tags: ['classification', 'under-classification'],
    description: {
      nl: 'Een alinea of opsommingspunt zonder portiemarkering in een document waarin porties gemarkeerd worden: zodra één portie gemarkeerd is, worden ze dat allemaal (ook openbare, met «(O)»).',
      en: 'A paragraph or list item without a portion mark in a portion-marked document: once one portion is marked, every one is (unclassified ones with "(O)").',
    },
    defaultSeverity: 'error',
    fixable: false,
    leavesAlone: {
      nl: [
        'Documenten zonder één portiemarkering: dan worden porties niet gemarkeerd.',
        'Koppen, de rubriceringsregels zelf (ook een tweede regel van een ander schema: «NATO CONFIDENTIAL» onder «Stg. CONFIDENTIEEL»), de regel «Rubriceringstermijn:», een TLP-label op een eigen regel, code, tabellen en HTML.',
        'In een brief: het adresblok, de velden (Datum, Betreft, kenmerken), de aanhef en de ondertekening.',
        'In een notitie: de kopregels Aan:, Van:, Onderwerp:, Datum:, Kenmerk: en Kopie:; in elk document een blok van zulke velden («**Kenmerk:** …», «**Datum:** …»).',
      ],
      en: [
        'Documents without a single portion mark: then portions are not marked.',
        'Headings, the banner lines themselves (also a second line of another scheme: "NATO CONFIDENTIAL" under "Stg. CONFIDENTIEEL"), the "Rubriceringstermijn:" line, a TLP label on a line of its own, code, tables and HTML.',
        'In a letter: the address block, the fields (Datum, Betreft, kenmerken), the salutation and the signature.',
        'In a note: the header lines Aan:, Van:, Onderwerp:, Datum:, Kenmerk: and Kopie:; in any document a block of such fields ("**Kenmerk:** …", "**Datum:** …").',
      ],
    },
    examples: {
      bad: ['Stg. GEHEIM\n\n(Stg.G) De tekst.\n\nNog een alinea.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM'],
      good: [
        'Stg. GEHEIM\n\n(Stg.G) De tekst.\n\n(O) Nog een alinea.\n\n- (O) Een punt.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM',
        'Een tekst zonder portiemarkeringen.\n\nNog een alinea.',
        'Stg. GEHEIM\n\nTLP:AMBER\n\n(Stg.G) De tekst.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM',
        'Stg. GEHEIM\n\nAan de Voorzitter van de Eerste Kamer der Staten-Generaal\nPostbus 20017\n2500 EA Den Haag\n\nDatum 4 maart 2024\nBetreft Toezicht\n\nGeachte voorzitter,\n\n(Stg.G) De tekst.\n\nDe minister van Defensie,\n\nK. Naam\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM',
      ],
    },
  },
  check(ctx, report) {
    const c = classify(ctx);
    if (c.portions.length === 0) return;
    // A letter's furniture (address block, fields, salutation, closing and signature) is not a portion.
    const letter = kamerbriefOf(ctx);
    const parts: ({start: number; end: number} | undefined)[] = [letter.address, ...letter.fields, letter.salutation, letter.closing];
    const furniture = letter.isLetter ? parts.filter((s): s is {start: number; end: number} => s !== undefined) : [];
    // A note's header fields (Aan, Van, Onderwerp, Datum, Kenmerk, Kopie) are its furniture too.
    furniture.push(...noteFieldsOf(ctx));
    const isFurniture = (start: number) => furniture.some((s) => start >= s.start && start < Math.max(s.end, s.start + 1));
    // So is a block of header fields of any kind of document (`**Kenmerk:** …`, `Datum: …`, `Rubriceringstermijn: …`).
    const fieldBlock = (start: number, end: number) => {
      const lines = ctx.text.slice(start, end).split(/\r?\n|\r/).filter((l) => l.trim() !== '');
      return lines.length >= 2 && lines.every((l) => FIELD_LINE.test(l));
    };
    const example = (c.portions.find((p) => p.level) ?? c.portions[0]).text;
    for (const pb of c.portionBlocks) {
      if (pb.mark || isFurniture(pb.start) || fieldBlock(pb.start, pb.block.end)) continue;
      let end = pb.start;
      while (end < pb.block.end && ctx.text[end] !== '\n' && ctx.text[end] !== '\r') end++;
      const what = pb.block.listItem ? {nl: 'Dit opsommingspunt', en: 'This list item'} : {nl: 'Deze alinea', en: 'This paragraph'};
      report({
        start: pb.start,
        end,
        message: {
          nl: `${what.nl} heeft geen portiemarkering, terwijl andere porties gemarkeerd zijn (bijvoorbeeld «${example}»).`,
          en: `${what.en} has no portion mark, while other portions are marked (e.g. "${example}").`,
        },
      });
    }
  },
});
