/**
 * The names a writer may give a document's kind (front matter `type:`,
 * `.rubric.yaml` `kind:`, `--kind`), and how Rubric names the kinds and the
 * sources of a date in its two languages.
 */

import type {Lang, Localized} from '../types.js';
import type {DateSource, DocumentKind, DocumentProfile} from './profile.js';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['letter', 'kamerstuk', 'report', 'legislation', 'note', 'other'];

/** Every accepted name, lower case, with the kind it stands for. */
export const KIND_NAMES: Readonly<Record<string, DocumentKind>> = {
  letter: 'letter', kamerbrief: 'letter', brief: 'letter',
  kamerstuk: 'kamerstuk',
  report: 'report', rapport: 'report', jaarverslag: 'report', verslag: 'report',
  legislation: 'legislation', wet: 'legislation', regeling: 'legislation', besluit: 'legislation', regelgeving: 'legislation',
  note: 'note', notitie: 'note', nota: 'note', memo: 'note',
  other: 'other', overig: 'other', webpagina: 'other', webpage: 'other',
};

/** The kind a name stands for (any case), or undefined for a name Rubric does not know. */
export function parseKind(name: string): DocumentKind | undefined {
  const key = name.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(KIND_NAMES, key) ? KIND_NAMES[key] : undefined;
}

export const KIND_LABELS: Readonly<Record<DocumentKind, Localized>> = {
  letter: {nl: 'Kamerbrief', en: 'Letter'},
  kamerstuk: {nl: 'Kamerstuk', en: 'Kamerstuk'},
  report: {nl: 'Rapport', en: 'Report'},
  legislation: {nl: 'Regelgeving', en: 'Legislation'},
  note: {nl: 'Notitie', en: 'Note'},
  other: {nl: 'Overig', en: 'Other'},
};

export const KIND_SOURCE_LABELS: Readonly<Record<DocumentProfile['kindFrom'], Localized>> = {
  cli: {nl: 'opdrachtregel (--kind)', en: 'command line (--kind)'},
  frontMatter: {nl: 'front matter (type:)', en: 'front matter (type:)'},
  config: {nl: '.rubric.yaml (kind:)', en: '.rubric.yaml (kind:)'},
  detected: {nl: 'herkend', en: 'detected'},
};

export const DATE_SOURCE_LABELS: Readonly<Record<DateSource, Localized>> = {
  cli: {nl: 'opdrachtregel (--date)', en: 'command line (--date)'},
  frontMatter: {nl: 'front matter', en: 'front matter'},
  datum: {nl: 'veld Datum', en: 'Datum field'},
  denHaag: {nl: 'Den Haag-regel', en: 'Den Haag line'},
  legislation: {nl: 'opschrift van de regeling', en: 'title of the act'},
  title: {nl: 'jaar in de titel', en: 'year in the title'},
  firstLines: {nl: 'eerste regels', en: 'first lines'},
  closing: {nl: 'plaats en datum aan het slot', en: 'place and date at the close'},
  config: {nl: '.rubric.yaml (date:)', en: '.rubric.yaml (date:)'},
  mentioned: {nl: 'laatste jaartal in de tekst', en: 'latest year in the text'},
  term: {nl: 'een term die pas sinds die dag in gebruik is', en: 'a term in use only since that day'},
  today: {nl: 'vandaag', en: 'today'},
};

export function kindLabel(kind: DocumentKind, lang: Lang): string {
  return KIND_LABELS[kind][lang];
}
