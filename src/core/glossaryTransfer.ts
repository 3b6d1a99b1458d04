/**
 * The glossary in the formats of the tools writers already have, and back:
 * a words file for Code Spell Checker, a Vale vocabulary (accept.txt and
 * reject.txt), and a spreadsheet (CSV) that `rubric glossary import` reads
 * into the glossary YAML shape, with a problem per bad cell naming its row
 * and column.
 */

import {stringify} from 'yaml';
import glossarySchema from '../../glossary/schema/glossary.schema.json';
import type {GlossaryEntry} from './glossary.js';
import {parseGlossary} from './glossary.js';
import type {RawGlossaryEntry} from './glossaryEdit.js';
import {say, type InputProblem, type Localized} from './types.js';
import {nearest} from './yamlInput.js';

export type ExportFormat = 'cspell' | 'vale' | 'csv';

/** Code Spell Checker: every word of the preferred forms, written-out forms and accepted forms, one a line, sorted. */
export function toCspellWords(entries: readonly GlossaryEntry[]): string {
  const words = new Set<string>();
  for (const e of entries) {
    if (e.deprecated) continue;
    for (const form of [e.term, ...e.expansions, ...(e.accepted ?? [])]) {
      for (const w of form.split(/[\s/]+/)) {
        const word = w.replace(/^[("'«]+|[)"'»,.;:]+$/g, '');
        // A spell checker knows numbers and single letters; it checks words.
        if (/\p{L}/u.test(word) && word.length > 1) words.add(word);
      }
    }
  }
  return [...words].sort(compare).join('\n') + (words.size ? '\n' : '');
}

/** Vale: the preferred forms to accept and the wrong ones (variants, superseded terms) to reject, as Vale's regular expressions. */
export function toValeVocabulary(entries: readonly GlossaryEntry[]): {accept: string; reject: string} {
  const accept = new Set<string>();
  const reject = new Set<string>();
  for (const e of entries) {
    if (e.deprecated) reject.add(e.term);
    else for (const f of [e.term, ...e.expansions, ...(e.accepted ?? [])]) accept.add(f);
    for (const v of e.variants) reject.add(v);
  }
  for (const a of accept) reject.delete(a);
  const lines = (set: Set<string>) => [...set].sort(compare).map(escapeRegExp).join('\n') + (set.size ? '\n' : '');
  return {accept: lines(accept), reject: lines(reject)};
}

/** The spreadsheet's columns, in order; lists are written in one cell, separated by ` | `. */
export const CSV_COLUMNS = [
  'term', 'expansion', 'definition', 'variants', 'accepted', 'replacement', 'since', 'note',
  'wellKnown', 'minimumMarking', 'category', 'source',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Other names a header may give a column (Dutch, spaced, as a spreadsheet user writes them). */
const ALIASES: Record<string, Column> = {
  uitgeschreven: 'expansion', expansie: 'expansion', definitie: 'definition', varianten: 'variants', variant: 'variants',
  geaccepteerd: 'accepted', vervanging: 'replacement', 'vervangen door': 'replacement', sinds: 'since', opmerking: 'note', notitie: 'note',
  'algemeen bekend': 'wellKnown', 'well known': 'wellKnown', 'minimale rubricering': 'minimumMarking', 'minimum marking': 'minimumMarking',
  categorie: 'category', bron: 'source',
};

export const LIST_SEPARATOR = '|';

/** The entries as CSV (RFC 4180, comma-separated, CRLF), one row per entry after the header. */
export function toCsv(entries: readonly GlossaryEntry[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const e of entries) {
    const cells: Record<Column, string> = {
      term: e.term, expansion: e.expansions.join(` ${LIST_SEPARATOR} `), definition: e.definition,
      variants: e.variants.join(` ${LIST_SEPARATOR} `), accepted: (e.accepted ?? []).join(` ${LIST_SEPARATOR} `),
      replacement: e.deprecated?.replacement ?? '', since: e.deprecated?.since ?? '', note: e.deprecated?.note ?? '',
      wellKnown: e.wellKnown ? 'true' : '', minimumMarking: e.minimumMarking ?? '', category: e.category ?? '', source: e.source ?? '',
    };
    rows.push(CSV_COLUMNS.map((c) => cells[c]));
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  return /[",\r\n;]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvImport {
  entries: RawGlossaryEntry[];
  /** The spreadsheet row (1 is the header) of each entry. */
  rows: number[];
  problems: InputProblem[];
}

const CATEGORIES = (glossarySchema.definitions.entry.properties.category as {enum: string[]}).enum;
const DATE = /^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$/;
const TRUE = new Set(['true', 'ja', 'yes', 'j', 'y', '1', 'x', 'waar']);
const FALSE = new Set(['false', 'nee', 'no', 'n', '0', 'onwaar', '']);

/**
 * Reads a spreadsheet of terms: a header row naming the columns (CSV_COLUMNS, or their Dutch names), then
 * one term a row. Comma, semicolon (a Dutch spreadsheet's CSV) or tab separated, detected from the header.
 * Every bad cell is a problem naming the file, its row and column; rows with problems are left out.
 */
export function parseCsvGlossary(text: string, file: string): CsvImport {
  const problems: InputProblem[] = [];
  const entries: RawGlossaryEntry[] = [];
  const rows: number[] = [];
  const body = text.replace(/^\ufeff/, '');
  const table = readCsv(body, file, problems);
  if (!table.length) {
    if (!problems.length) problems.push({file, line: 1, column: 1, severity: 'error', message: say('het bestand is leeg; de eerste rij noemt de kolommen (term, definition, …)', 'the file is empty; the first row names the columns (term, definition, …)')});
    return {entries, rows, problems};
  }
  const [header, ...data] = table;
  const columns: (Column | undefined)[] = [];
  const seen = new Map<Column, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim();
    const key = name.toLowerCase();
    const column = CSV_COLUMNS.find((c) => c.toLowerCase() === key) ?? ALIASES[key];
    const at = {file, line: header.row, column: i + 1, severity: 'error' as const};
    if (!name) {
      columns.push(undefined);
      return;
    }
    if (!column) {
      const near = nearest(name, [...CSV_COLUMNS, ...Object.keys(ALIASES)]);
      problems.push({...at, field: name, message: say(`rij 1, kolom ${i + 1}: «${name}» is geen kolom die Rubric kent${near ? `; bedoelt u «${near}»?` : ''} (kolommen: ${CSV_COLUMNS.join(', ')})`, `row 1, column ${i + 1}: "${name}" is not a column Rubric knows${near ? `; did you mean "${near}"?` : ''} (columns: ${CSV_COLUMNS.join(', ')})`)});
      columns.push(undefined);
      return;
    }
    if (seen.has(column)) problems.push({...at, field: column, message: say(`rij 1, kolom ${i + 1}: «${name}» herhaalt kolom ${seen.get(column)! + 1}`, `row 1, column ${i + 1}: "${name}" repeats column ${seen.get(column)! + 1}`)});
    seen.set(column, i);
    columns.push(column);
  });
  for (const required of ['term', 'definition'] as const) {
    if (!seen.has(required)) problems.push({file, line: header.row, column: 1, severity: 'error', field: required, message: say(`rij 1: geen kolom «${required}»; elke term heeft er een nodig`, `row 1: no column "${required}"; every term needs one`)});
  }
  if (problems.length) return {entries, rows, problems};

  const terms = new Map<string, number>();
  for (const r of data) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const before = problems.length;
    const cell = (c: Column) => (seen.has(c) ? (r.cells[seen.get(c)!] ?? '').trim() : '');
    const fail = (c: Column, message: Localized) => problems.push({
      file, line: r.row, column: (seen.get(c) ?? 0) + 1, severity: 'error', field: c,
      message: say(`rij ${r.row}, kolom ${(seen.get(c) ?? 0) + 1}: ${message.nl}`, `row ${r.row}, column ${(seen.get(c) ?? 0) + 1}: ${message.en}`),
    });
    const list = (c: Column) => cell(c).split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
    if (r.cells.length > header.cells.length) problems.push({file, line: r.row, column: header.cells.length + 1, severity: 'error', message: say(`rij ${r.row}, kolom ${header.cells.length + 1}: meer cellen dan de kopregel kolommen heeft (een scheidingsteken in een cel hoort tussen aanhalingstekens)`, `row ${r.row}, column ${header.cells.length + 1}: more cells than the header has columns (a separator inside a cell needs quotes)`)});
    const term = cell('term');
    const definition = cell('definition');
    if (!term) fail('term', say('leeg; elke rij heeft een term', 'empty; every row needs its term'));
    if (!definition) fail('definition', say(`leeg; elke term heeft een definitie${term ? ` («${term}»)` : ''}`, `empty; every term needs a definition${term ? ` ("${term}")` : ''}`));
    if (term && terms.has(term)) fail('term', say(`«${term}» is ook de term van rij ${terms.get(term)}`, `"${term}" is also the term of row ${terms.get(term)}`));
    const entry: RawGlossaryEntry = {term, definition};
    const expansions = list('expansion');
    if (expansions.length) entry.expansion = expansions.length === 1 ? expansions[0] : expansions;
    for (const c of ['variants', 'accepted'] as const) {
      const items = list(c);
      const dup = items.find((v, i) => items.indexOf(v) !== i);
      if (dup) fail(c, say(`«${dup}» staat er twee keer`, `"${dup}" is listed twice`));
      if (items.includes(term) && term) fail(c, say(`«${term}» is de term zelf`, `"${term}" is the term itself`));
      if (items.length) entry[c] = items;
    }
    const replacement = cell('replacement');
    const since = cell('since');
    if (replacement || since) {
      if (!replacement) fail('replacement', say('leeg, maar «since» is ingevuld: noem de term die deze verving', 'empty, but "since" is filled in: name the term that replaced this one'));
      if (!since) fail('since', say('leeg, maar «replacement» is ingevuld: sinds wanneer is de term vervangen (JJJJ, JJJJ-MM of JJJJ-MM-DD)?', 'empty, but "replacement" is filled in: when was the term superseded (YYYY, YYYY-MM or YYYY-MM-DD)?'));
      else if (!DATE.test(since)) fail('since', say(`«${since}» is geen datum in de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD`, `"${since}" is not a date written YYYY, YYYY-MM or YYYY-MM-DD`));
      entry.deprecated = {replacement, since, ...(cell('note') ? {note: cell('note')} : {})};
    } else if (cell('note')) {
      fail('note', say('een opmerking hoort bij een vervangen term: vul ook «replacement» en «since» in', 'a note belongs to a superseded term: fill in "replacement" and "since" too'));
    }
    const wellKnown = cell('wellKnown').toLowerCase();
    if (TRUE.has(wellKnown)) entry.wellKnown = true;
    else if (!FALSE.has(wellKnown)) fail('wellKnown', say(`«${cell('wellKnown')}» is geen ja of nee (ja, nee, true, false, 1, 0)`, `"${cell('wellKnown')}" is not yes or no (ja, nee, true, false, 1, 0)`));
    if (cell('minimumMarking')) entry.minimumMarking = cell('minimumMarking');
    const category = cell('category');
    if (category) {
      if (!CATEGORIES.includes(category)) {
        const near = nearest(category, CATEGORIES);
        fail('category', say(`«${category}» is geen categorie${near ? `; bedoelt u «${near}»?` : ''} (${CATEGORIES.join(', ')})`, `"${category}" is not a category${near ? `; did you mean "${near}"?` : ''} (${CATEGORIES.join(', ')})`));
      } else entry.category = category;
    }
    if (cell('source')) entry.source = cell('source');
    if (term) terms.set(term, r.row);
    if (problems.length === before) {
      entries.push(entry);
      rows.push(r.row);
    }
  }
  // What only the schema and the glossary reader check (white space inside a form, a replacement that is
  // no term): reported at the row of the entry.
  if (entries.length) {
    const yaml = toGlossaryYaml(entries);
    const parsed = parseGlossary(yaml, file);
    for (const p of parsed.problems) {
      const m = /^terms\[(\d+)\]\.?(.*)$/.exec(p.field ?? '');
      const row = m ? rows[Number(m[1])] : 0;
      problems.push({...p, line: row, column: 1, message: say(`rij ${row}${m?.[2] ? ` (${m[2]})` : ''}: ${p.message.nl}`, `row ${row}${m?.[2] ? ` (${m[2]})` : ''}: ${p.message.en}`)});
    }
  }
  return {entries, rows, problems};
}

/** Entries in the glossary file's shape (DOMAIN.md §6). */
export function toGlossaryYaml(entries: readonly RawGlossaryEntry[], header: string[] = []): string {
  const body = stringify({terms: entries}, {lineWidth: 0});
  return [...header.map((h) => `# ${h}`), body].join('\n');
}

interface CsvRow {
  /** 1-based row number in the spreadsheet (a record; a quoted cell may span lines). */
  row: number;
  cells: string[];
}

function readCsv(text: string, file: string, problems: InputProblem[]): CsvRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteRow = 0;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    rows.push({row: rows.length + 1, cells});
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteRow = rows.length + 1;
      cell = '';
      i++;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) {
    problems.push({file, line: quoteRow, column: cells.length + 1, severity: 'error', message: say(`rij ${quoteRow}, kolom ${cells.length + 1}: een aanhalingsteken opent een cel die nooit wordt gesloten`, `row ${quoteRow}, column ${cells.length + 1}: a quote opens a cell that is never closed`)});
    return [];
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compare(a: string, b: string): number {
  return a.localeCompare(b, 'nl') || (a < b ? -1 : a > b ? 1 : 0);
}
