/**
 * A document's classification as a reader sees it: its banners, effective
 * level and the level of each section, as text in Rubric's two languages
 * (`rubric markings`, `rubric info`, the editor's classification summary
 * through the language server) or as JSON-ready data.
 */

import {message} from '../messages.js';
import type {Lang} from '../types.js';
import type {LineIndex} from '../text.js';
import type {Classification, MarkingOccurrence} from './classify.js';
import type {MarkingLevel} from './ruleset.js';

const SUMMARY_MESSAGES = {
  top: {nl: 'Rubricering boven', en: 'Top banner'},
  bottom: {nl: 'Rubricering onder', en: 'Bottom banner'},
  level: {nl: 'Effectief niveau', en: 'Effective level'},
  highest: {nl: 'Hoogste portiemarkering', en: 'Highest portion mark'},
  required: {nl: 'Minimaal vereist', en: 'Required at least'},
  duration: {nl: 'Rubriceringstermijn', en: 'Classification period'},
  labels: {nl: 'Labels', en: 'Labels'},
  sections: {nl: 'Secties', en: 'Sections'},
  none: {nl: 'geen', en: 'none'},
  noPortions: {nl: 'geen portiemarkeringen', en: 'no portion marks'},
  unmarked: {nl: 'ongerubriceerd (geen rubricering of portiemarkeringen)', en: 'unclassified (no banner or portion marks)'},
  levelOf: {nl: '{0} (rang {1}, {2})', en: '{0} (rank {1}, {2})'},
  occurrence: {nl: '{0} (regel {1})', en: '{0} (line {1})'},
  occurrenceWrong: {nl: '{0} (regel {1}; schrijf «{2}»)', en: '{0} (line {1}; write "{2}")'},
  // In a Word or OpenDocument file: the place in the document (`koptekst, alinea 1`).
  occurrenceAt: {nl: '{0} ({1})', en: '{0} ({1})'},
  occurrenceAtWrong: {nl: '{0} ({1}; schrijf «{2}»)', en: '{0} ({1}; write "{2}")'},
};

const summaryText = (lang: Lang, key: keyof typeof SUMMARY_MESSAGES, ...args: (string | number)[]) => message(SUMMARY_MESSAGES, lang, key, args);

const levelText = (l: MarkingLevel | null | undefined, lang: Lang) =>
  l ? summaryText(lang, 'levelOf', l.banner, l.rank, l.schemeName) : summaryText(lang, 'none');

/** The classification in one row, label and value: `Effectief niveau: Stg. GEHEIM (rang 3, …)`; `rubric info` prints it too. */
export function classificationSummary(c: Classification, lang: Lang): [string, string] {
  return [summaryText(lang, 'level'), c.level ? levelText(c.level, lang) : summaryText(lang, 'unmarked')];
}

/** The classification as text, one fact per line. */
export function formatMarkings(file: string, c: Classification, lines: LineIndex, lang: Lang, where?: (offset: number) => string | undefined): string {
  const w = (key: keyof typeof SUMMARY_MESSAGES) => summaryText(lang, key);
  const at = (o: MarkingOccurrence) => {
    // In a Word or OpenDocument file: the place in the document, else the line of the text.
    const place = where?.(o.start);
    if (place) return !o.valid && o.expected ? summaryText(lang, 'occurrenceAtWrong', o.text, place, o.expected) : summaryText(lang, 'occurrenceAt', o.text, place);
    const line = lines.position(o.start).line + 1;
    return !o.valid && o.expected ? summaryText(lang, 'occurrenceWrong', o.text, line, o.expected) : summaryText(lang, 'occurrence', o.text, line);
  };
  const rows: [string, string][] = [
    [w('top'), c.top ? at(c.top) : w('none')],
    [w('bottom'), c.bottom ? at(c.bottom) : w('none')],
    classificationSummary(c, lang),
  ];
  if (c.highestPortion) rows.push([w('highest'), at(c.highestPortion)]);
  if (c.required && c.required.rank !== c.level?.rank) rows.push([w('required'), levelText(c.required, lang)]);
  if (c.duration) rows.push([w('duration'), c.duration.value || '–']);
  if (c.labels.length) rows.push([w('labels'), [...new Set(c.labels.map((l) => l.text))].join(', ')]);
  const width = rows.reduce((w, [k]) => Math.max(w, k.length), 0) + 1;
  const out = [file, ...rows.map(([k, v]) => `  ${`${k}:`.padEnd(width)} ${v}`)];
  if (c.sections.length) {
    out.push(`  ${w('sections')}:`);
    const titles = c.sections.map((s) => `${'  '.repeat(Math.max(0, s.depth - 1))}${s.title}`);
    const tw = Math.min(50, titles.reduce((w, t) => Math.max(w, t.length), 0));
    c.sections.forEach((s, i) => {
      const level = s.level ? s.level.banner : `(${w('noPortions')})`;
      // In a Word or OpenDocument file the place of the heading in the document follows; a text's line number leads.
      // (Without the heading's own title, which the row already shows: `alinea 4`, not `alinea 4 (kop "…")`.)
      const place = where?.(s.headingStart)?.replace(/ \([^()"]*"[^"]*"\)$/, '');
      if (place) out.push(`    ${titles[i].padEnd(tw)}  ${level}  (${place})`);
      else out.push(`    ${String(lines.position(s.headingStart).line + 1).padStart(4)}  ${titles[i].padEnd(tw)}  ${level}`);
    });
  }
  return out.join('\n');
}

/** The classification as JSON-ready data. */
export function markingsJson(file: string, c: Classification, lines: LineIndex, where?: (offset: number) => string | undefined) {
  const level = (l: MarkingLevel | null | undefined) => (l ? {scheme: l.schemeId, id: l.id, banner: l.banner, rank: l.rank} : null);
  // In a Word or OpenDocument file, `line` and `column` are those of the text Rubric read from it; `location` is the place in the document.
  const location = (offset: number) => {
    const place = where?.(offset);
    return place ? {location: place} : {};
  };
  const occurrence = (o: MarkingOccurrence | undefined) => o && {
    text: o.text, line: lines.position(o.start).line + 1, column: lines.position(o.start).column + 1, ...location(o.start),
    valid: o.valid, ...(o.valid || !o.expected ? {} : {expected: o.expected}), level: level(o.level),
  };
  return {
    file,
    top: occurrence(c.top) ?? null,
    bottom: occurrence(c.bottom) ?? null,
    level: level(c.level),
    marked: level(c.marked),
    required: level(c.required),
    highestPortion: occurrence(c.highestPortion) ?? null,
    duration: c.duration ? c.duration.value : null,
    labels: c.labels.map(occurrence),
    sections: c.sections.map((s) => ({title: s.title, depth: s.depth, line: lines.position(s.headingStart).line + 1, ...location(s.headingStart), level: level(s.level)})),
  };
}
