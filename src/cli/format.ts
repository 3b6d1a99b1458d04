/** Output formats of `rubric check`: text, json and SARIF 2.1.0. */

import * as path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Rule} from '../core/rule.js';
import type {Lang, Severity} from '../core/types.js';
import type {FileOutcome} from './checkFile.js';
import {contextExcerpt, describeLocation} from '../core/office/location.js';
import type {OfficeLocation} from '../core/office/text.js';

type FileResult = Pick<FileOutcome, 'file' | 'findings'> & {fixed?: number};

const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  nl: {error: 'fout', warning: 'waarschuwing', info: 'info'},
  en: {error: 'error', warning: 'warning', info: 'info'},
};

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Control characters and bidirectional overrides, which a terminal would act on, as `\u{…}` escapes. */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\n\t\r]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** The text output, line by line (a file with 100,000s of findings never becomes one string or one spread). */
export function* formatTextLines(results: FileResult[], lang: Lang, color: boolean): Generator<string> {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const count: Record<Severity, number> = {error: 0, warning: 0, info: 0};
  let fixed = 0;
  for (const r of results) {
    fixed += r.fixed ?? 0;
    if (r.findings.length === 0) continue;
    yield paint('4', escapeControls(relative(r.file)));
    let width = 0;
    for (const f of r.findings) width = Math.max(width, `${f.line + 1}:${f.column + 1}`.length);
    for (const f of r.findings) {
      count[f.severity]++;
      const sev = SEVERITY_WORD[lang][f.severity];
      const sevPainted = paint(f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36', sev.padEnd(12));
      if (f.location) {
        // A Word or OpenDocument file: the place a Word user finds, and the paragraph's text around it.
        const where = `${describeLocation(f.location, lang)}, ${lang === 'nl' ? 'teken' : 'character'} ${f.location.offset + 1}`;
        yield `  ${escapeControls(path.basename(r.file))}, ${escapeControls(where)}: ${sevPainted}  ${escapeControls(f.message)}  ${paint('2', f.rule)}`;
        yield `      «${escapeControls(contextExcerpt(f.location))}»${f.fixNotApplied ? `  (${f.fixNotApplied})` : ''}`;
        continue;
      }
      yield `  ${`${f.line + 1}:${f.column + 1}`.padEnd(width)}  ${sevPainted}  ${escapeControls(f.message)}  ${paint('2', f.rule)}`;
    }
    yield '';
  }
  const total = count.error + count.warning + count.info;
  const files = results.length;
  if (lang === 'nl') {
    yield total === 0
      ? `Geen problemen gevonden in ${files} ${files === 1 ? 'bestand' : 'bestanden'}.`
      : `${total} ${total === 1 ? 'probleem' : 'problemen'} (${count.error} ${count.error === 1 ? 'fout' : 'fouten'}, ${count.warning} ${count.warning === 1 ? 'waarschuwing' : 'waarschuwingen'}, ${count.info} info) in ${files} ${files === 1 ? 'bestand' : 'bestanden'}.`;
    if (fixed) yield `${fixed} ${fixed === 1 ? 'correctie' : 'correcties'} toegepast.`;
  } else {
    yield total === 0
      ? `No problems found in ${files} ${files === 1 ? 'file' : 'files'}.`
      : `${total} ${total === 1 ? 'problem' : 'problems'} (${count.error} ${count.error === 1 ? 'error' : 'errors'}, ${count.warning} ${count.warning === 1 ? 'warning' : 'warnings'}, ${count.info} info) in ${files} ${files === 1 ? 'file' : 'files'}.`;
    if (fixed) yield `${fixed} ${fixed === 1 ? 'fix' : 'fixes'} applied.`;
  }
}

export function formatText(results: FileResult[], lang: Lang, color: boolean): string {
  return [...formatTextLines(results, lang, color)].join('\n');
}

export interface JsonFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: {text: string; line: number; column: number; endLine: number; endColumn: number};
  /** A Word or OpenDocument file: where in the document (line and column are then those of the text read from it). */
  location?: OfficeLocation;
  fixNotApplied?: string;
}

/** One JSON array of findings, 1-based lines and columns. */
export function toJson(results: FileResult[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const item: JsonFinding = {
        file: relative(r.file), rule: f.rule, severity: f.severity, message: f.message,
        line: f.line + 1, column: f.column + 1, endLine: f.endLine + 1, endColumn: f.endColumn + 1,
      };
      if (f.location) item.location = f.location;
      if (f.fixNotApplied) item.fixNotApplied = f.fixNotApplied;
      if (f.fix && f.fixStart && f.fixEnd) {
        const s = f.fixStart;
        const e = f.fixEnd;
        item.fix = {text: f.fix.text, line: s.line + 1, column: s.column + 1, endLine: e.line + 1, endColumn: e.column + 1};
      }
      out.push(item);
    }
  }
  return out;
}

const SARIF_LEVEL: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'note'};

export function toSarif(results: FileResult[], rules: readonly Rule[], lang: Lang, version: string, json: JsonFinding[]): object {
  const log = sarifLog(rules, lang, version) as {runs: {results: object[]}[]};
  const result = sarifResult(results, rules);
  log.runs[0].results = json.map(result);
  return log;
}

/** The SARIF log without results. */
function sarifLog(rules: readonly Rule[], lang: Lang, version: string): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Rubric',
          version,
          informationUri: 'https://rubric.invalid/',
          rules: rules.map((r) => ({
            id: r.meta.id,
            shortDescription: {text: r.meta.description[lang]},
            fullDescription: {text: r.meta.description[lang]},
            defaultConfiguration: {level: SARIF_LEVEL[r.meta.defaultSeverity]},
            properties: {tags: [r.meta.id.split('/')[0]]},
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: [],
    }],
  };
}

function sarifResult(results: FileResult[], rules: readonly Rule[]): (f: JsonFinding) => object {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const byFile = new Map(results.map((r) => [relative(r.file), r.file]));
  const uris = new Map<string, string>();
  return (f) => {
    let uri = uris.get(f.file);
    if (uri === undefined) uris.set(f.file, (uri = pathToFileURL(byFile.get(f.file) ?? f.file).href));
    const region = f.location
      ? {snippet: {text: f.location.context}, properties: {paragraph: f.location.paragraph, offset: f.location.offset, length: f.location.length}}
      : {startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn};
    return {
      ruleId: f.rule,
      ...(ruleIndex.has(f.rule) ? {ruleIndex: ruleIndex.get(f.rule)} : {}),
      level: SARIF_LEVEL[f.severity],
      message: {text: f.message},
      locations: [{
        physicalLocation: {artifactLocation: {uri}, region},
        ...(f.location ? {logicalLocations: [officeLogicalLocation(f.location)]} : {}),
      }],
      ...(f.fix ? {
        fixes: [{
          description: {text: f.fix.text},
          artifactChanges: [{
            artifactLocation: {uri},
            replacements: [{
              deletedRegion: {startLine: f.fix.line, startColumn: f.fix.column, endLine: f.fix.endLine, endColumn: f.fix.endColumn},
              insertedContent: {text: f.fix.text},
            }],
          }],
        }],
      } : {}),
    };
  };
}

/** A SARIF logical location for a place in a Word or OpenDocument file: `body/alinea 12`, `header/alinea 1`. */
function officeLogicalLocation(loc: OfficeLocation): object {
  const name = `${describeLocation(loc, 'nl')}`;
  return {name, fullyQualifiedName: `${loc.partName}/${loc.part}/${loc.paragraph}`, kind: 'paragraph'};
}

/** Pretty JSON of an array, one element at a time. */
function* jsonArray(items: Iterable<unknown>, indent: string): Generator<string> {
  let first = true;
  let pending: string | undefined;
  for (const item of items) {
    if (first) yield '[';
    first = false;
    if (pending !== undefined) yield `${pending},`;
    pending = indent + JSON.stringify(item, null, 2).replace(/\n/g, `\n${indent}`);
  }
  if (first) {
    yield '[]';
    return;
  }
  yield pending!;
  yield `${indent.slice(2)}]`;
}

/**
 * The JSON or SARIF output as pieces of text, each to be followed by a line
 * break: the same text as JSON.stringify(…, null, 2) of the whole, without
 * ever holding it as one string (400,000 findings would exceed the longest
 * string V8 allows).
 */
export function* formatJsonPieces(
  format: 'json' | 'sarif', results: FileResult[], rules: readonly Rule[], lang: Lang, version: string,
): Generator<string> {
  const json = toJson(results);
  if (format === 'json') {
    yield* jsonArray(json, '  ');
    return;
  }
  const head = JSON.stringify(sarifLog(rules, lang, version), null, 2);
  const marker = '"results": []';
  const at = head.lastIndexOf(marker);
  const lineStart = head.lastIndexOf('\n', at) + 1;
  const indent = head.slice(lineStart, at);
  const before = head.slice(0, at + '"results": '.length);
  const after = head.slice(at + marker.length);
  if (json.length === 0) {
    yield head;
    return;
  }
  const result = sarifResult(results, rules);
  const pieces = jsonArray((function* () {
    for (const f of json) yield result(f);
  })(), `${indent}  `);
  // The first piece is '[', which goes on the "results" line.
  pieces.next();
  yield `${before}[`;
  for (const p of pieces) {
    if (p === `${indent}]`) yield `${indent}]${after}`;
    else yield p;
  }
}
