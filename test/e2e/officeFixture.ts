/**
 * The Word document the end-to-end test opens (test/e2e/office.e2e.ts), written here in our own words
 * with the project's own package builder (test/office/docx.ts): a note with its banner in the header and
 * the footer, a heading, a variant to fix within one run, and a year written over two differently
 * formatted runs, which Rubric cannot fix in the file.
 */

import {docx, headerRel, p, part, r} from '../office/docx.js';

export function officeNote(): Uint8Array {
  const body = [
    p(r('Analyse van de wervingspogingen'), '<w:pStyle w:val="Kop1"/>'),
    p(r('De AIVD stelde een ambts-bericht op over de benadering van studenten.')),
    p(r('Die benadering valt onder de ') + r('WIV', '<w:b/>') + r('-2017', '<w:i/>') + r(', zo schreef de dienst.')),
    p(r('Rubriceringstermijn: tot 1 januari 2035')),
    '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/><w:footerReference w:type="default" r:id="rF1"/></w:sectPr>',
  ].join('');
  return docx(body, {
    'word/header1.xml': part('hdr', p(r('Stg. CONFIDENTIEEL'))),
    'word/footer1.xml': part('ftr', p(r('Stg. CONFIDENTIEEL'))),
  }, headerRel('rH1', 'header', 'header1.xml') + headerRel('rF1', 'footer', 'footer1.xml'));
}
