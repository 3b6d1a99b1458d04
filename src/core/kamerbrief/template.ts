/**
 * The letter skeleton, written once as parts and rendered two ways: as a VS
 * Code snippet body (tab stops, choices, today's date in Dutch through
 * snippet variables) and as plain text for the "Rubric: nieuwe Kamerbrief"
 * command. The snippets file (snippets/kamerbrief.code-snippets) is generated
 * from here by `npx tsx scripts/build-snippets.ts`.
 */

import {now} from '../clock.js';
import type {DocumentLanguage} from '../types.js';
import {formatDutchDate, MONTHS, type DutchDate} from './dates.js';
import type {Addressee} from './data.js';

/** A tab stop: a placeholder with a default, a choice (the first is the default), or today's date. */
export interface Stop {
  stop: number;
  default?: string;
  choices?: string[];
  date?: true;
}

export type Part = string | Stop;

/**
 * The Tweede Kamer's address as glossary/ministries.yaml has it (a test holds the two equal), for the
 * extension's snippet when the Kamerbrief data could not be read. Everything else takes the address from the
 * data: `kamerbriefTemplate` is given one.
 */
export const TWEEDE_KAMER: Addressee = {
  name: 'Tweede Kamer',
  addressee: 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
  postbus: 'Postbus 20018',
  city: ['2500 EA Den Haag', '2500 EA DEN HAAG'],
};

/** Defaults of the letter's free text. */
export const TEXT = {
  betreft: 'Onderwerp van de brief',
  kenmerk: 'kenmerk',
  intro: 'Aanleiding en strekking van de brief.',
  sectionTitle: 'Titel van de paragraaf',
  sectionText: 'Tekst van de paragraaf.',
  signer: 'Naam van de minister',
};

/**
 * Today in Dutch from VS Code's snippet variables (which write English month
 * names): `${CURRENT_DATE}` without its leading zero, `${CURRENT_MONTH}` mapped
 * to the Dutch month name.
 */
export const SNIPPET_TODAY =
  '${CURRENT_DATE/^0//} ${CURRENT_MONTH/' + MONTHS.map((_, i) => `(${String(i + 1).padStart(2, '0')})`).join('|') + '/' +
  MONTHS.map((m, i) => `\${${i + 1}:+${m}}`).join('') + '/} ${CURRENT_YEAR}';

export interface SkeletonOptions {
  language: DocumentLanguage;
  /** Address lines to offer; the first is the default. */
  addressees: Addressee[];
  /** Signature titles to offer (`minister van Defensie`); the first is the default. */
  titles: string[];
}

/** The whole letter as parts, tab stops in the order the letter is written. */
export function letterParts({language, addressees, titles}: SkeletonOptions): Part[] {
  const md = language === 'markdown';
  const br = md ? '\\' : '';
  const first = addressees[0];
  return [
    ...(md ? ['---\ntype: kamerbrief\n---\n\n'] : []),
    {stop: 1, choices: addressees.map((a) => a.addressee)}, `${br}\n`,
    'Postbus ', {stop: 2, choices: unique(addressees.map((a) => a.postbus.replace(/^Postbus /, '')))}, `${br}\n`,
    `${first.city[0]}\n\n`,
    'Datum ', {stop: 3, date: true}, `${br}\n`,
    'Betreft ', {stop: 4, default: TEXT.betreft}, `${br}\n`,
    'Ons kenmerk ', {stop: 5, default: TEXT.kenmerk}, '\n\n',
    'Geachte voorzitter,\n\n',
    {stop: 6, default: TEXT.intro}, '\n\n',
    md ? '## ' : '', {stop: 7, default: TEXT.sectionTitle}, md ? '\n\n' : '\n',
    {stop: 8, default: TEXT.sectionText}, '\n\n',
    'De ', {stop: 9, choices: titles}, ',\n\n\n',
    {stop: 10, default: TEXT.signer}, '\n',
  ];
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Escapes text for a snippet body (`$`, `}` and `\`). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes one option of a snippet choice (`,`, `|` and `\`). */
export function escapeChoice(text: string): string {
  return text.replace(/[\\,|]/g, '\\$&');
}

/** The parts as a snippet body. */
export function toSnippet(parts: Part[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeSnippetText(p);
      if (p.choices) return `\${${p.stop}|${p.choices.map(escapeChoice).join(',')}|}`;
      if (p.date) return `\${${p.stop}:${SNIPPET_TODAY}}`;
      return p.default === undefined ? `\${${p.stop}}` : `\${${p.stop}:${escapeSnippetText(p.default)}}`;
    })
    .join('');
}

/** The parts as text: each stop's value, or its default (the first choice; the date given). */
export function toText(parts: Part[], date: Date | DutchDate, values: Record<number, string> = {}): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if (values[p.stop] !== undefined) return values[p.stop];
      if (p.date) return formatDutchDate(date);
      return p.choices ? p.choices[0] : p.default ?? '';
    })
    .join('');
}

export interface TemplateOptions {
  /**
   * How the minister signs, without `De` and the comma: `minister van
   * Binnenlandse Zaken en Koninkrijksrelaties` (see `ministerTitles`).
   */
  minister: string;
  /** The letter's date; today if not given. */
  date?: Date | DutchDate;
  /** Markdown (default: front matter `type: kamerbrief`, `##` section titles, hard line breaks) or plain text. */
  language?: DocumentLanguage;
  /** The addressee, from the Kamerbrief data (`addressees[0]` is the Tweede Kamer). */
  addressee: Addressee;
  /** Line ending (default `\n`). */
  eol?: string;
}

/** A new letter, complete and lint-clean, with the given minister and date. */
export function kamerbriefTemplate(options: TemplateOptions): string {
  const {addressee} = options;
  const minister = options.minister.replace(/^\s*De\s+/i, '').replace(/\s*,\s*$/, '');
  const parts = letterParts({language: options.language ?? 'markdown', addressees: [addressee], titles: [minister]});
  const text = toText(parts, options.date ?? now());
  return options.eol && options.eol !== '\n' ? text.replace(/\n/g, options.eol) : text;
}
