import {strict as assert} from 'node:assert';
import {findDates, formatDataDate, formatDutchDate, isValidDate, MONTHS, parseDutchDate} from '../../src/core/kamerbrief/dates.js';

const found = (text: string) => findDates(text).map((d) => [d.text, d.canonical, d.ok]);

describe('kamerbrief: Dutch dates', () => {
  it('formats a Date in local time and a calendar date', () => {
    assert.equal(formatDutchDate(new Date(2026, 10, 26)), '26 november 2026');
    assert.equal(formatDutchDate(new Date(2026, 0, 1, 23, 59)), '1 januari 2026');
    assert.equal(formatDutchDate({year: 2020, month: 12, day: 10}), '10 december 2020');
    for (let m = 1; m <= 12; m++) assert.equal(formatDutchDate({year: 2024, month: m, day: 9}), `9 ${MONTHS[m - 1]} 2024`);
  });

  it('parses one whole date with a year in any known form', () => {
    for (const text of ['10 december 2020', '10-12-2020', '10/12/2020', '10.12.2020', '2020-12-10', '10 December 2020', '10 dec. 2020', '10 dec 2020', ' 10 december 2020 ', '10-dec-2020']) {
      assert.deepEqual(parseDutchDate(text), {year: 2020, month: 12, day: 10}, text);
    }
    assert.deepEqual(parseDutchDate('01 december 2020'), {year: 2020, month: 12, day: 1});
    for (const text of ['10 december', 'december 2020', '31-02-2020', '10 december 2020 en 11 december 2020', 'morgen', '', '10-13-2020']) {
      assert.equal(parseDutchDate(text), undefined, text);
    }
  });

  it('knows the calendar', () => {
    assert.ok(isValidDate(29, 2, 2024));
    assert.ok(!isValidDate(29, 2, 2023));
    assert.ok(isValidDate(29, 2));
    assert.ok(!isValidDate(31, 4, 2020));
    assert.ok(!isValidDate(0, 1, 2020));
  });

  it('finds dates written in other forms, with the form to write', () => {
    assert.deepEqual(found('Op 10-12-2020, 10 December 2020, 10 dec. 2020, 10/12/2020, 2020-12-10 en 01 december 2020.'), [
      ['10-12-2020', '10 december 2020', false],
      ['10 December 2020', '10 december 2020', false],
      ['10 dec. 2020', '10 december 2020', false],
      ['10/12/2020', '10 december 2020', false],
      ['2020-12-10', '10 december 2020', false],
      ['01 december 2020', '1 december 2020', false],
    ]);
    assert.deepEqual(found('Op 9 December jl. en op 3 mrt. kwam hij.'), [['9 December', '9 december', false], ['3 mrt.', '3 maart', false]]);
    assert.deepEqual(found('Op 10 October 2020.'), [['10 October 2020', '10 oktober 2020', false]]);
    assert.deepEqual(found('Sinds 10-dec-2020.'), [['10-dec-2020', '10 december 2020', false]]);
  });

  it('accepts dates written the Kamerbrief way, also across a line break and at the end of a sentence', () => {
    assert.deepEqual(found('op 9 \ndecember jl. en op 3 mei.'), [['9 \ndecember', '9 december', true], ['3 mei', '3 mei', true]]);
    assert.deepEqual(found('AIVD jaarverslag 2019, 29 april 2020, p. 3.'), [['29 april 2020', '29 april 2020', true]]);
  });

  it('reads month and year: lower case mid-sentence, a capital only where a sentence starts', () => {
    assert.deepEqual(found('December 2020 was koud. In December 2020 en in dec. 2020 ook; in december 2020 niet.'), [
      ['December 2020', 'December 2020', true],
      ['December 2020', 'december 2020', false],
      ['dec. 2020', 'december 2020', false],
      ['december 2020', 'december 2020', true],
    ]);
  });

  it('does not take Kamerstuk numbers, times, article numbers, amounts or references for dates', () => {
    const text = [
      'Kamerstuk 31 288, nr. 1003 en Kamerstukken II 2019/20, 30 821, nr. 93.',
      'Om 10.30 uur, van 9.00-12.00 uur; art. 6.1.2020 en artikel 12-10-2020 van de regeling.',
      'Stb. 2017, 317; Stcrt. 2019, 63884; 1.000.000 euro; 3,5-4-2020; versie 1.2.2020.',
      'Het telefoonnummer 070-123-4567 en 12 Jan zonder punt, 3 mei-juni, 2019-2020 en 32 december 2020.',
      'Een URL-pad /2020-12-10/ en v2020-12-10 en 2020-12-10T10:00.',
    ].join('\n');
    assert.deepEqual(found(text).filter(([, , ok]) => !ok), []);
    assert.deepEqual(found(text).map(([t]) => t), ['3 mei', 'december 2020']);
  });

  it('scans a range and reports offsets into the whole text', () => {
    const text = 'abc 10-12-2020 def 11-12-2020';
    const dates = findDates(text, 15);
    assert.deepEqual(dates.map((d) => [d.start, d.end, d.text]), [[19, 29, '11-12-2020']]);
  });
});

describe('dates of the data in a sentence', () => {
  it('writes a day, a month or a year of the glossary as Dutch or English prose does', () => {
    assert.deepEqual(['2002-05-29', '2022-08', '2012'].map((d) => formatDataDate(d, 'nl')), ['29 mei 2002', 'augustus 2022', '2012']);
    assert.deepEqual(['2002-05-29', '2022-08', '2012'].map((d) => formatDataDate(d, 'en')), ['29 May 2002', 'August 2022', '2012']);
    assert.equal(formatDataDate('2022-13', 'nl'), '2022-13');
  });
});
