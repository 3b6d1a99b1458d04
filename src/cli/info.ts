/** `rubric info FILE`: the document's kind and date, where each came from, and its classification in one line. */

import {classificationSummary, DATE_SOURCE_LABELS, formatDutchDate, KIND_LABELS, KIND_SOURCE_LABELS, type Classification, type DocumentProfile, type Lang, type LineIndex} from '../core/index.js';
import {cliText} from './messages.js';

const dutchDay = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return formatDutchDate({year, month, day});
};

/** Where the date was read: its line number and the line's text, when it was read from the document. */
function dateLine(p: DocumentProfile, text: string, lines: LineIndex): {line: number; column: number; text: string; lineText: string} | undefined {
  if (p.date.start === undefined || p.date.end === undefined) return undefined;
  const {line, column} = lines.position(p.date.start);
  return {line: line + 1, column: column + 1, text: text.slice(p.date.start, p.date.end), lineText: text.slice(lines.lineStart(line), lines.lineEnd(line)).trim()};
}

export function formatInfo(file: string, p: DocumentProfile, c: Classification, text: string, lines: LineIndex, lang: Lang): string {
  const at = dateLine(p, text, lines);
  const day = dutchDay(p.date.iso);
  const from = DATE_SOURCE_LABELS[p.date.from][lang];
  const [levelLabel, level] = classificationSummary(c, lang);
  const rows: [string, string][] = [
    [cliText(lang, 'kind'), `${KIND_LABELS[p.kind][lang]} (${KIND_SOURCE_LABELS[p.kindFrom][lang]})`],
    [cliText(lang, 'date'), at
      ? cliText(lang, 'dateReadAt', day, from, at.line, at.lineText.length > 80 ? `${at.lineText.slice(0, 77)}…` : at.lineText)
      : cliText(lang, 'dateRead', day, from)],
    [levelLabel, level],
  ];
  const width = rows.reduce((w, [k]) => Math.max(w, k.length), 0) + 1;
  return [file, ...rows.map(([k, v]) => `  ${`${k}:`.padEnd(width)} ${v}`)].join('\n');
}

export function infoJson(file: string, p: DocumentProfile, c: Classification, text: string, lines: LineIndex) {
  const at = dateLine(p, text, lines);
  const level = c.level ? {scheme: c.level.schemeId, id: c.level.id, banner: c.level.banner, rank: c.level.rank} : null;
  return {
    file,
    kind: p.kind,
    kindFrom: p.kindFrom,
    date: {iso: p.date.iso, from: p.date.from, ...(at ? {line: at.line, column: at.column, text: at.text} : {})},
    level,
  };
}
