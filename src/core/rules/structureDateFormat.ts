import {exampleLetter} from '../kamerbrief/example.js';
import {kamerbriefOf, letterField, type Span} from '../kamerbrief/analysis.js';
import {findDates, type FoundDate} from '../kamerbrief/dates.js';
import type {DocumentRule} from '../rule.js';
import type {Report} from '../types.js';

const LETTER = (datum: string, body: string) => exampleLetter({datum, body});

function wrongDate(d: FoundDate): Report {
  return {
    rule: 'structure/date-format',
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

/**
 * Checks letters only: in other documents (reports, notes, tables) a numeric
 * date can be the house style, and the `structure/*` rules are the
 * Kamerbrief's.
 */
export const structureDateFormat: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'structure/date-format',
    description: {
      nl: 'In een Kamerbrief een datum (in het veld Datum of in de tekst) die niet geschreven is als «10 december 2020».',
      en: 'In a Kamerbrief, a date (in the Datum field or in the text) not written as "10 december 2020".',
    },
    defaultSeverity: 'warning',
    fixable: true,
    examples: {
      bad: [
        LETTER('10-12-2020', 'De tekst van de brief.'),
        LETTER('10 December 2020', 'De tekst van de brief.'),
        LETTER('10 december 2020', 'Zoals gemeld in mijn brief van 01 december 2020 en op 2020-11-27.'),
      ],
      good: [
        LETTER('10 december 2020', 'Zoals gemeld op 9 december jl. (Kamerstuk 31 288, nr. 1003; Stb. 2017, 317) om 10.30 uur.'),
        'Een notitie van 10-12-2020: alleen Kamerbrieven worden op datums gecontroleerd.',
      ],
    },
  },
  check(ctx, report) {
    const a = kamerbriefOf(ctx);
    if (!a.isLetter) return;
    const skip: Span[] = [];
    if (a.address) skip.push(a.address);
    for (const f of a.fields) if (f.name === 'onsKenmerk' || f.name === 'uwKenmerk' || f.name === 'datum') skip.push(f.value);

    const datum = letterField(a, 'datum');
    if (datum && datum.value.text.trim()) {
      const dates = findDates(ctx.text, datum.value.start, datum.value.end);
      const full = dates.find((d) => d.day !== undefined && d.year !== undefined);
      if (full) {
        if (!full.ok) report(wrongDate(full));
      } else if (dates.length && dates[0].year === undefined) {
        report({
          rule: 'structure/date-format', start: dates[0].start, end: dates[0].end, actual: dates[0].text,
          message: {nl: 'De datum in het veld Datum mist het jaar.', en: 'The date in the Datum field has no year.'},
        });
      } else {
        report({
          rule: 'structure/date-format', start: datum.value.start, end: datum.value.end, actual: datum.value.text,
          message: {
            nl: `«${datum.value.text}» is geen datum; schrijf bijvoorbeeld «10 december 2020».`,
            en: `"${datum.value.text}" is not a date; write for example "10 december 2020".`,
          },
        });
      }
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
};
