/**
 * Output formats of `rubric check`: text, json, SARIF 2.1.0, JUnit XML and
 * GitLab's Code Quality report.
 */

import * as path from 'node:path';
import {nodeCrypto} from '../node/lazyCrypto.js';
import {pathToFileURL} from 'node:url';
import {contextExcerpt, describeLocation, type Lang, type OfficeLocation, type Rule, type Severity} from '../core/index.js';
import type {FileOutcome} from './checkFile.js';
import {builtinDataDir} from '../node/files.js';
import {cliText, count} from './messages.js';

type FileResult = Pick<FileOutcome, 'file' | 'findings'> & {fixed?: number};

/** The formats of `rubric check`. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'codequality'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  lang: Lang;
  version: string;
  /**
   * Where the rules' pages are (`…/docs/rules/`, ending in a slash): SARIF's
   * `helpUri` is this with `term-variant.md` added. Default: the pages shipped
   * with Rubric, as file URLs.
   */
  docsUrl?: string;
}


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
  const tally: Record<Severity, number> = {error: 0, warning: 0, info: 0};
  let fixed = 0;
  for (const r of results) {
    fixed += r.fixed ?? 0;
    if (r.findings.length === 0) continue;
    yield paint('4', escapeControls(relative(r.file)));
    let width = 0;
    for (const f of r.findings) width = Math.max(width, `${f.line + 1}:${f.column + 1}`.length);
    for (const f of r.findings) {
      tally[f.severity]++;
      const sev = cliText(lang, f.severity);
      const sevPainted = paint(f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36', sev.padEnd(12));
      if (f.location) {
        // A Word or OpenDocument file: the place a Word user finds, and the paragraph's text around it.
        const where = `${describeLocation(f.location, lang)}, ${cliText(lang, 'character')} ${f.location.offset + 1}`;
        yield `  ${escapeControls(path.basename(r.file))}, ${escapeControls(where)}: ${sevPainted}  ${escapeControls(f.message)}  ${paint('2', f.rule)}`;
        yield `      «${escapeControls(contextExcerpt(f.location))}»${f.fixNotApplied ? `  (${f.fixNotApplied})` : ''}`;
        continue;
      }
      yield `  ${`${f.line + 1}:${f.column + 1}`.padEnd(width)}  ${sevPainted}  ${escapeControls(f.message)}  ${paint('2', f.rule)}`;
    }
    yield '';
  }
  const total = tally.error + tally.warning + tally.info;
  const files = results.length;
  // No file was checked (each was skipped or could not be read, said above): no summary of none.
  if (files === 0) return;
  yield total === 0
    ? cliText(lang, 'noProblems', count(lang, files, 'file'))
    : cliText(lang, 'problems', count(lang, total, 'problem'), count(lang, tally.error, 'error'), count(lang, tally.warning, 'warning'), tally.info, count(lang, files, 'file'));
  if (fixed) yield cliText(lang, 'fixesApplied', count(lang, fixed, 'fix'));
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
  /** The words found and the form wanted, where the rule has them (a variant and its preferred form). */
  actual?: string;
  expected?: string;
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
      if (f.actual !== undefined) item.actual = f.actual;
      if (f.expected !== undefined) item.expected = f.expected;
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

/** The page of a rule (RuleMeta.url, `docs/rules/term-variant.md`) under a docs URL that stands for `docs/rules/`. */
export function rulePageUrl(docsUrl: string, rule: Rule): string {
  return `${docsUrl}${path.posix.basename(rule.meta.url)}`;
}

/** The rules' pages shipped with Rubric (`docs/rules/` beside `glossary/`), as a file URL ending in a slash. */
export function shippedDocsUrl(): string {
  return `${pathToFileURL(path.join(path.dirname(builtinDataDir()), 'docs', 'rules')).href}/`;
}

/**
 * A fingerprint per finding that survives edits elsewhere in the file: the
 * rule, the file and the words found (or the message), and how many findings
 * of the same rule on the same words came before it in the file. Lines and
 * columns are left out, so that a finding keeps its fingerprint when text is
 * added above it.
 */
export function fingerprints(json: readonly JsonFinding[]): string[] {
  const seen = new Map<string, number>();
  return json.map((f) => {
    const key = `${f.file.split(path.sep).join('/')}\0${f.rule}\0${f.actual ?? f.message}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return nodeCrypto().createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  });
}

export function toSarif(results: FileResult[], rules: readonly Rule[], options: FormatOptions, json: JsonFinding[]): object {
  const log = sarifLog(rules, options) as {runs: {results: object[]}[]};
  const result = sarifResult(results, rules);
  const prints = fingerprints(json);
  log.runs[0].results = json.map((f, i) => result(f, prints[i]));
  return log;
}

/** A rule's page as SARIF `help`: what a code-scanning view shows without following the link. */
function ruleHelp(rule: Rule, lang: Lang): {text: string; markdown: string} {
  const {meta} = rule;
  const leaves = meta.leavesAlone[lang];
  const heading = cliText(lang, 'leavesAlone');
  const bad = cliText(lang, 'notOk');
  const good = cliText(lang, 'ok');
  const text = [meta.description[lang], ...(leaves.length ? ['', `${heading}:`, ...leaves.map((l) => `- ${l}`)] : [])].join('\n');
  const block = (e: string) => ['```markdown', e, '```'].join('\n');
  const markdown = [
    meta.description[lang],
    '', `**${bad}**`, '', ...meta.examples.bad.map(block),
    '', `**${good}**`, '', ...meta.examples.good.map(block),
    ...(leaves.length ? ['', `**${heading}**`, '', ...leaves.map((l) => `- ${l}`)] : []),
  ].join('\n');
  return {text, markdown};
}

/** The SARIF log without results. */
function sarifLog(rules: readonly Rule[], {lang, version, docsUrl = shippedDocsUrl()}: FormatOptions): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Rubric',
          version,
          semanticVersion: version,
          informationUri: `${docsUrl}README.md`,
          rules: rules.map((r) => ({
            id: r.meta.id,
            name: r.meta.id.replace(/(^|[/-])(\w)/g, (_, _sep: string, c: string) => c.toUpperCase()),
            shortDescription: {text: r.meta.description[lang]},
            fullDescription: {text: ruleHelp(r, lang).text},
            help: ruleHelp(r, lang),
            helpUri: rulePageUrl(docsUrl, r),
            defaultConfiguration: {level: SARIF_LEVEL[r.meta.defaultSeverity]},
            properties: {tags: [r.meta.id.split('/')[0]], fixable: r.meta.fixable},
          })),
        },
      },
      // Files under the current folder are named relative to it, so that code scanning finds them in the repository.
      originalUriBaseIds: {[SRCROOT]: {uri: `${pathToFileURL(process.cwd()).href.replace(/\/?$/, '/')}`}},
      columnKind: 'utf16CodeUnits',
      results: [],
    }],
  };
}

function sarifResult(results: FileResult[], rules: readonly Rule[]): (f: JsonFinding, fingerprint: string) => object {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const byFile = new Map(results.map((r) => [relative(r.file), r.file]));
  const uris = new Map<string, {uri: string; uriBaseId?: string}>();
  return (f, fingerprint) => {
    let uri = uris.get(f.file);
    if (uri === undefined) uris.set(f.file, (uri = artifactLocation(byFile.get(f.file) ?? f.file)));
    const region = f.location
      ? {snippet: {text: f.location.context}, properties: {paragraph: f.location.paragraph, offset: f.location.offset, length: f.location.length}}
      : {startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn};
    return {
      ruleId: f.rule,
      ...(ruleIndex.has(f.rule) ? {ruleIndex: ruleIndex.get(f.rule)} : {}),
      level: SARIF_LEVEL[f.severity],
      message: {text: f.message},
      locations: [{
        physicalLocation: {artifactLocation: uri, region},
        ...(f.location ? {logicalLocations: [officeLogicalLocation(f.location)]} : {}),
      }],
      partialFingerprints: {'rubricFinding/v1': fingerprint},
      ...(f.actual !== undefined || f.expected !== undefined
        ? {properties: {...(f.actual !== undefined ? {actual: f.actual} : {}), ...(f.expected !== undefined ? {expected: f.expected} : {})}}
        : {}),
      ...(f.fix ? {
        fixes: [{
          description: {text: f.fix.text},
          artifactChanges: [{
            artifactLocation: uri,
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

const SRCROOT = '%SRCROOT%';

/** A file under the current folder relative to SRCROOT, any other as an absolute file URL. */
function artifactLocation(file: string): {uri: string; uriBaseId?: string} {
  const rel = path.relative(process.cwd(), path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return {uri: pathToFileURL(path.resolve(file)).href};
  return {uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT};
}

/** A SARIF logical location for a place in a Word or OpenDocument file: `body/alinea 12`, `header/alinea 1`. */
function officeLogicalLocation(loc: OfficeLocation): object {
  const name = `${describeLocation(loc, 'nl')}`;
  return {name, fullyQualifiedName: `${loc.partName}/${loc.part}/${loc.paragraph}`, kind: 'paragraph'};
}

/** GitLab Code Quality's severities: an error is major, a warning minor. */
const CODE_QUALITY_SEVERITY: Record<Severity, string> = {error: 'major', warning: 'minor', info: 'info'};

/** GitLab's Code Quality report (a subset of Code Climate's issue format), one issue per finding. */
export function* codeQualityIssues(json: readonly JsonFinding[]): Generator<object> {
  const prints = fingerprints(json);
  for (let i = 0; i < json.length; i++) {
    const f = json[i];
    yield {
      type: 'issue',
      description: f.message,
      check_name: f.rule,
      fingerprint: prints[i],
      severity: CODE_QUALITY_SEVERITY[f.severity],
      location: {path: f.file.split(path.sep).join('/'), lines: {begin: f.line, end: f.endLine}},
    };
  }
}

/** Text as XML character data or an attribute value; characters XML 1.0 cannot hold become U+FFFD. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
    .replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'})[c]!);
}

/**
 * JUnit XML, as CI systems read test reports: one test case per file, named
 * by its path, and a failure per finding (its rule, severity, place and
 * message). A file without findings is a passing test case.
 */
export function* formatJunitLines(results: FileResult[], json: readonly JsonFinding[], lang: Lang): Generator<string> {
  const byFile = new Map<string, JsonFinding[]>();
  for (const f of json) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  const failing = results.filter((r) => byFile.has(relative(r.file))).length;
  const sev = (s: Severity) => cliText(lang, s);
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield `<testsuites name="rubric" tests="${results.length}" failures="${failing}" errors="0">`;
  yield `  <testsuite name="rubric" tests="${results.length}" failures="${failing}" errors="0" skipped="0">`;
  for (const r of results) {
    const file = relative(r.file);
    const name = xmlEscape(file.split(path.sep).join('/'));
    const findings = byFile.get(file) ?? [];
    if (findings.length === 0) {
      yield `    <testcase name="${name}" classname="rubric" file="${name}"/>`;
      continue;
    }
    yield `    <testcase name="${name}" classname="rubric" file="${name}">`;
    for (const f of findings) {
      const where = `${f.file.split(path.sep).join('/')}:${f.line}:${f.column}`;
      yield `      <failure type="${xmlEscape(f.rule)}" message="${xmlEscape(f.message)}">${xmlEscape(`${where}  ${sev(f.severity)}  ${f.message}  ${f.rule}`)}</failure>`;
    }
    yield '    </testcase>';
  }
  yield '  </testsuite>';
  yield '</testsuites>';
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
  format: 'json' | 'sarif' | 'codequality', results: FileResult[], rules: readonly Rule[], options: FormatOptions,
): Generator<string> {
  const json = toJson(results);
  if (format === 'json') {
    yield* jsonArray(json, '  ');
    return;
  }
  if (format === 'codequality') {
    yield* jsonArray(codeQualityIssues(json), '  ');
    return;
  }
  const head = JSON.stringify(sarifLog(rules, options), null, 2);
  const marker = '"results": []';
  const at = head.lastIndexOf(marker);
  const lineStart = head.lastIndexOf('\n', at) + 1;
  const indent = head.slice(lineStart, at);
  const before = head.slice(0, at + '"results": '.length);
  const after = head.slice(at + marker.length);
  if (json.length === 0) {
    yield* head.split('\n');
    return;
  }
  const result = sarifResult(results, rules);
  const prints = fingerprints(json);
  const pieces = jsonArray((function* () {
    for (let i = 0; i < json.length; i++) yield result(json[i], prints[i]);
  })(), `${indent}  `);
  // The first piece is '[', which goes on the "results" line.
  pieces.next();
  // The rules' metadata line by line: the head alone is tens of kilobytes.
  yield* `${before}[`.split('\n');
  for (const p of pieces) {
    if (p === `${indent}]`) yield* `${indent}]${after}`.split('\n');
    else yield p;
  }
}
