/** A finding's place in a Word or OpenDocument file, in words (`alinea 12 (kop "Bevoegdheden")`), in Dutch or English. */

import type {Lang} from '../types.js';
import type {OfficeLocation} from './text.js';

const WORDS = {
  nl: {
    paragraph: 'alinea', table: 'tabel', row: 'rij', column: 'kolom', textbox: 'tekstvak', header: 'koptekst', footer: 'voettekst',
    footnote: 'voetnoot', endnote: 'eindnoot', first: 'eerste pagina', even: 'even pagina’s', section: 'sectie',
    heading: 'kop', under: 'onder kop', at: 'teken',
  },
  en: {
    paragraph: 'paragraph', table: 'table', row: 'row', column: 'column', textbox: 'text box', header: 'header', footer: 'footer',
    footnote: 'footnote', endnote: 'endnote', first: 'first page', even: 'even pages', section: 'section',
    heading: 'heading', under: 'under heading', at: 'character',
  },
};

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** `koptekst (eerste pagina), alinea 1`, `tabel 2 (rij 3, kolom 1), alinea 14 (onder kop "Bevoegdheden")`. */
export function describeLocation(loc: OfficeLocation, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (loc.part === 'header' || loc.part === 'footer') {
    const extra = [loc.variant === 'first' ? w.first : loc.variant === 'even' ? w.even : '', loc.section && loc.section > 1 ? `${w.section} ${loc.section}` : '']
      .filter(Boolean);
    parts.push(`${w[loc.part]}${extra.length ? ` (${extra.join(', ')})` : ''}`);
  } else if (loc.part === 'footnote' || loc.part === 'endnote') {
    parts.push(`${w[loc.part]}${loc.note !== undefined ? ` ${loc.note}` : ''}`);
  } else if (loc.part === 'table' && loc.table) {
    parts.push(`${w.table} ${loc.table.index} (${w.row} ${loc.table.row}, ${w.column} ${loc.table.column})`);
  } else if (loc.part === 'textbox') {
    parts.push(w.textbox);
  }
  let paragraph = `${w.paragraph} ${loc.paragraph}`;
  if (loc.heading !== undefined) paragraph += ` (${loc.isHeading ? w.heading : w.under} "${short(loc.heading)}")`;
  parts.push(paragraph);
  return parts.join(', ');
}

/** The paragraph's text around the finding, for one line of output. */
export function contextExcerpt(loc: OfficeLocation, width = 70): string {
  const text = loc.context;
  if (text.length <= width) return text;
  const from = Math.max(0, Math.min(loc.offset - Math.floor(width / 3), text.length - width));
  return `${from > 0 ? '…' : ''}${text.slice(from, from + width)}${from + width < text.length ? '…' : ''}`;
}

/** Why a fix cannot be made in the file (see planFix): `runs` or `outside`. */
export type FixRefusal = 'runs' | 'outside';

const NOT_APPLIED: Record<Lang, Record<FixRefusal, string>> = {
  nl: {
    runs: 'correctie niet toegepast: de tekst loopt over delen met verschillende opmaak; pas hem in Word aan',
    outside: 'correctie niet toegepast: die voegt tekst toe buiten een bestaande alinea; pas hem in Word aan',
  },
  en: {
    runs: 'fix not applied: the text spans parts with different formatting; make it in Word',
    outside: 'fix not applied: it adds text outside an existing paragraph; make it in Word',
  },
};

/** `correctie niet toegepast: …; pas hem in Word aan`. */
export function notAppliedText(reason: FixRefusal, lang: Lang): string {
  return NOT_APPLIED[lang][reason];
}
