import {exampleLetter} from '../kamerbrief/example.js';
import {exampleKamerstuk} from '../document/example.js';
import {letterField, type Span, type TextSpan} from '../kamerbrief/analysis.js';
import {findDates, type FoundDate} from '../kamerbrief/dates.js';
import {kamerstukOf, letterPartsOf} from '../document/kamerstuk.js';
import {documentProfileOf} from '../document/profile.js';
import {defineRule, type DocumentRule} from '../rule.js';
import type {Localized, RuleReport} from '../types.js';

const LETTER = (datum: string, body: string) => exampleLetter({datum, body});

function wrongDate(d: FoundDate): RuleReport {
  return {
    start: d.start,
    end: d.end,
    actual: d.text,
    expected: d.canonical,
    fix: {start: d.start, end: d.end, text: d.canonical},
    message: {
      nl: `Schrijf de datum als «${d.canonical}»: dag zonder voorloopnul, maand voluit in kleine letters, jaar in vier cijfers.`,
      en: `Write the date as "${d.canonical}": day without a leading zero, the month in full in lower case, a four-digit year.`,
    },
  };
}

/** The date of a letter's Datum field or a Kamerstuk's Den Haag line: one whole date, written right. */
function checkDate(value: TextSpan, dates: FoundDate[], where: Localized, report: (r: RuleReport) => void): void {
  const full = dates.find((d) => d.day !== undefined && d.year !== undefined);
  if (full) {
    if (!full.ok) report(wrongDate(full));
  } else if (dates.length && dates[0].year === undefined) {
    report({
      start: dates[0].start, end: dates[0].end, actual: dates[0].text,
      message: {nl: `De datum ${where.nl} mist het jaar.`, en: `The date ${where.en} has no year.`},
    });
  } else {
    report({
      start: value.start, end: value.end, actual: value.text,
      message: {
        nl: `«${value.text}» is geen datum; schrijf bijvoorbeeld «10 december 2020».`,
        en: `"${value.text}" is not a date; write for example "10 december 2020".`,
      },
    });
  }
}

/**
 * Checks letters only: in other documents (reports, notes, tables) a numeric
 * date can be the house style, and the `structure/*` rules are the
 * Kamerbrief's.
 */
export const structureDateFormat = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'structure/date-format',
    tags: ['letter', 'dates'],
    description: {
      nl: 'In een Kamerbrief een datum (in het veld Datum of in de tekst) die niet geschreven is als «10 december 2020»; in een brief als gepubliceerd Kamerstuk de datum van de regel «Den Haag, <datum>».',
      en: 'In a Kamerbrief, a date (in the Datum field or in the text) not written as "10 december 2020"; in a letter published as a Kamerstuk, the date of its "Den Haag, <datum>" line.',
    },
    defaultSeverity: 'warning',
    fixable: true,
    leavesAlone: {
      nl: [
        'Documenten die geen brief zijn (rapporten, notities, regelgeving, webpagina’s): daar kan een datum als 10-12-2020 de huisstijl zijn.',
        'In een gepubliceerd Kamerstuk de datums in de tekst: alleen de datum na «Den Haag,» wordt gecontroleerd.',
        'Kamerstuknummers, tijden, artikelnummers, Staatsblad-verwijzingen, kenmerken, code en links.',
      ],
      en: [
        'Documents that are no letter (reports, notes, legislation, web pages): a date such as 10-12-2020 can be their house style.',
        'In a published Kamerstuk, the dates in the text: only the date after "Den Haag," is checked.',
        'Kamerstuk numbers, times, article numbers, Staatsblad references, kenmerken, code and links.',
      ],
    },
    examples: {
      bad: [
        exampleKamerstuk({denHaag: 'Den Haag, 18-12-2013'}),
        LETTER('12-05-2021', 'De tekst van de brief.'),
        LETTER('12 Mei 2021', 'De tekst van de brief.'),
        LETTER('12 mei 2021', 'Zoals gemeld in mijn brief van 01 mei 2021 en op 2021-04-27.'),
      ],
      good: [
        exampleKamerstuk(),
        LETTER('12 mei 2021', 'Zoals gemeld op 9 mei jl. (Kamerstuk 31 288, nr. 1003; Stb. 2017, 317) om 10.30 uur.'),
        'Een notitie van 10-12-2020: alleen Kamerbrieven worden op datums gecontroleerd.',
      ],
    },
  },
  check(ctx, report) {
    const {kind} = documentProfileOf(ctx);
    if (kind === 'kamerstuk') {
      const line = kamerstukOf(ctx).denHaag;
      if (line) checkDate(line.value, findDates(ctx.text, line.value.start, line.value.end), {nl: 'na «Den Haag,»', en: 'after "Den Haag,"'}, report);
      return;
    }
    if (kind !== 'letter') return;
    const a = letterPartsOf(ctx);
    const skip: Span[] = [];
    if (a.address) skip.push(a.address);
    for (const f of a.fields) if (f.name === 'onsKenmerk' || f.name === 'uwKenmerk' || f.name === 'datum') skip.push(f.value);

    const datum = letterField(a, 'datum');
    if (datum && datum.value.text.trim()) {
      checkDate(datum.value, findDates(ctx.text, datum.value.start, datum.value.end), {nl: 'in het veld Datum', en: 'in the Datum field'}, report);
    }

    // Every other date in the letter's prose: neighbouring prose ranges joined, so a date may cross a line break.
    const ranges: Span[] = [];
    for (const r of ctx.prose) {
      const last = ranges[ranges.length - 1];
      if (last && /^\s*$/.test(ctx.text.slice(last.end, r.start))) last.end = r.end;
      else ranges.push({start: r.start, end: r.end});
    }
    for (const r of ranges) {
      for (const d of findDates(ctx.text, r.start, r.end)) {
        if (d.ok || skip.some((s) => d.start < s.end && d.end > s.start)) continue;
        report(wrongDate(d));
      }
    }
  },
});
