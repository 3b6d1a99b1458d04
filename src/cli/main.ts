/**
 * The `rubric` command line: `check`, `glossary` and `markings`, on the same
 * engine as the extension. Exit codes: 0 no errors, 1 errors found, 2 bad
 * usage or a broken configuration or glossary.
 */

import * as path from 'node:path';
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {allRules} from '../core/rules/index.js';
import {formatProblem, type InputProblem, type Lang} from '../core/types.js';
import {findConfig, loadEngine, loadGlossaryFile, builtinGlossary, type LoadedEngine, type LoadOptions} from '../node/files.js';
import {mergeGlossaries} from '../core/glossary.js';
import {readDocument} from '../node/textFile.js';
import {checkFile, EngineCache, languageOf, type FileOutcome} from './checkFile.js';
import {collectFiles} from './collect.js';
import {formatText, toJson, toSarif} from './format.js';
import {checkInWorkers, defaultJobs} from './parallel.js';
import {checkGlossaryMarkings, classify} from '../core/markings/index.js';
import {formatMarkings, markingsJson} from './markings.js';
import {formatInfo, infoJson} from './info.js';
import {documentProfileOf, type DocumentKind} from '../core/document/profile.js';
import {DOCUMENT_KINDS, parseKind} from '../core/document/kinds.js';
import {isoDate, isValidDate, parseDutchDate} from '../core/kamerbrief/dates.js';

declare const RUBRIC_VERSION: string;
const VERSION = typeof RUBRIC_VERSION === 'string' ? RUBRIC_VERSION : '0.0.0-dev';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  /** The script that can run as a worker thread (the CLI bundle itself); without it, `check` stays in this thread. */
  workerScript?: string;
}

const USAGE = `Gebruik / usage:
  rubric check [bestanden|mappen|globs…] [opties]
      --format text|json|sarif   uitvoer (standaard text)
      --glossary FILE            extra woordenlijst, herhaalbaar
      --config FILE              .rubric.yaml om te gebruiken
      --fix                      correcties toepassen en opslaan
      --lang nl|en               taal van de meldingen (standaard nl)
      --max-warnings N           exit 1 bij meer dan N waarschuwingen
      --jobs N                   aantal threads (standaard: aantal kernen)
      --date DATUM               datum van de documenten (2015-03-10 of 10 maart 2015),
                                 boven de datum die een document zelf noemt
      --kind SOORT               soort document: letter (kamerbrief), kamerstuk, report (rapport),
                                 legislation (wet, regeling, besluit), note (notitie), other
  rubric glossary list [--glossary FILE]
  rubric glossary show TERM [--glossary FILE]
  rubric glossary validate FILE…
  rubric markings BESTAND… [--format text|json] [--config FILE] [--lang nl|en] [--date DATUM] [--kind SOORT]
      rubricering boven en onder, effectief niveau en het niveau van elke sectie
  rubric info BESTAND… [--format text|json] [--config FILE] [--lang nl|en] [--date DATUM] [--kind SOORT]
      soort document en datum, met waar ze vandaan komen, en de rubricering
  rubric --version | --help

Exit: 0 geen fouten, 1 fouten gevonden, 2 verkeerd gebruik of kapotte configuratie/woordenlijst.`;


class UsageError extends Error {}

/** Runs a command in this thread (no workers); returns the exit code. */
export function run(argv: string[], io: Io): number {
  const code = guarded(() => dispatch(argv, {...io, workerScript: undefined}), io);
  return code as number;
}

/** Runs a command, `check` on many files in worker threads when `io.workerScript` is set. */
export async function runAsync(argv: string[], io: Io): Promise<number> {
  return guarded(() => dispatch(argv, io), io);
}

function guarded(fn: () => number | Promise<number>, io: Io): number | Promise<number> {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`rubric: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

function dispatch(argv: string[], io: Io): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(VERSION);
    return 0;
  }
  if (command === 'check') return check(rest, io);
  if (command === 'glossary') return glossary(rest, io);
  if (command === 'markings') return markings(rest, io);
  if (command === 'info') return info(rest, io);
  throw new UsageError(`unknown command "${command}"`);
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({args, options, allowPositionals: true, strict: true});
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function langOption(value: unknown): Lang {
  if (value === undefined) return 'nl';
  if (value !== 'nl' && value !== 'en') throw new UsageError(`--lang must be nl or en, not "${value}"`);
  return value;
}

/** `--date`: YYYY-MM-DD or a Dutch date (`10 maart 2015`, `10-03-2015`), as YYYY-MM-DD. */
function dateOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const d = iso ? {year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3])} : parseDutchDate(text);
  if (!d || !isValidDate(d.day, d.month, d.year)) {
    throw new UsageError(`--date takes a date such as 2015-03-10 or "10 maart 2015", not "${text}"`);
  }
  return isoDate(d);
}

/** `--kind`: one of the kinds or a name for one (kamerbrief, rapport, wet, notitie…). */
function kindOption(value: unknown): DocumentKind | undefined {
  if (value === undefined) return undefined;
  const kind = parseKind(String(value));
  if (!kind) throw new UsageError(`--kind must be one of ${DOCUMENT_KINDS.join(', ')} (or kamerbrief, rapport, wet, regeling, besluit, notitie), not "${value}"`);
  return kind;
}

function reportProblems(problems: InputProblem[], io: Io): boolean {
  for (const p of problems) io.err(formatProblem(p));
  return problems.some((p) => p.severity === 'error');
}

function check(args: string[], io: Io): number | Promise<number> {
  const {values, positionals} = parse(args, {
    format: {type: 'string', default: 'text'},
    glossary: {type: 'string', multiple: true},
    config: {type: 'string'},
    fix: {type: 'boolean', default: false},
    lang: {type: 'string'},
    'max-warnings': {type: 'string'},
    jobs: {type: 'string'},
    date: {type: 'string'},
    kind: {type: 'string'},
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const lang = langOption(values.lang);
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (Number.isNaN(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a number');
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number of at least 1');
  if (positionals.length === 0) throw new UsageError('name the files or folders to check');

  const {files, missing} = collectFiles(positionals);
  for (const m of missing) io.err(`rubric: no file matches "${m}"`);
  if (files.length === 0) return 2;

  const options: LoadOptions = {
    configFile: values.config as string | undefined,
    glossaries: values.glossary as string[] | undefined,
    lang: values.lang === undefined ? undefined : lang,
    ...documentOptions(values),
  };
  // Every configuration is loaded here first, so that its problems are reported once.
  let broken = false;
  const engines = new EngineCache(options, (loaded) => {
    if (reportProblems(loaded.problems, io)) broken = true;
  });
  let outLang: Lang = lang;
  for (const file of files) outLang = engines.for(file).engine.data.config.lang;

  const finish = (outcomes: FileOutcome[]): number => {
    for (const o of outcomes) {
      for (const n of o.notices ?? []) io.err(`rubric: ${n}`);
      if (o.error) {
        io.err(o.error);
        broken = true;
      }
    }
    const results = outcomes.filter((o) => !o.error);
    if (format === 'text') io.out(formatText(results, outLang, io.color));
    else {
      const json = toJson(results);
      io.out(JSON.stringify(format === 'json' ? json : toSarif(results, allRules, outLang, VERSION, json), null, 2));
    }
    if (broken) return 2;
    const all = results.flatMap((r) => r.findings);
    if (all.some((f) => f.severity === 'error')) return 1;
    return all.filter((f) => f.severity === 'warning').length > maxWarnings ? 1 : 0;
  };
  // Worker threads pay off from a handful of files on; each builds its own engines.
  if (io.workerScript && jobs > 1 && files.length >= 4) {
    const fix = Boolean(values.fix);
    return checkInWorkers(io.workerScript, files, {options, fix}, jobs, (file) => checkFile(file, engines, fix)).then(finish);
  }
  return finish(files.map((file) => checkFile(file, engines, Boolean(values.fix))));
}

function glossary(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  const {values, positionals} = parse(rest, {glossary: {type: 'string', multiple: true}, lang: {type: 'string'}});
  const lang = langOption(values.lang);
  if (sub === 'validate') {
    if (positionals.length === 0) throw new UsageError('name the glossary files to validate');
    const files = positionals.map((f) => loadGlossaryFile(path.resolve(f)));
    const merged = mergeGlossaries([builtinGlossary(), ...files]);
    // minimumMarking is checked against the marking levels of the nearest .rubric.yaml (or the built-in ones).
    const checked = new Set(files.flatMap((f) => f.entries));
    const ruleset = loadEngine(path.resolve(positionals[0])).engine.data.markings;
    const markingProblems = checkGlossaryMarkings(merged.entries.filter((e) => checked.has(e)), ruleset);
    const broken = reportProblems([...merged.problems, ...markingProblems], io);
    if (!broken) {
      const n = files.reduce((sum, f) => sum + f.entries.length, 0);
      io.out(lang === 'nl' ? `Geldig: ${n} ${n === 1 ? 'term' : 'termen'}.` : `Valid: ${n} ${n === 1 ? 'term' : 'terms'}.`);
    }
    return broken ? 2 : 0;
  }
  const loaded = loadEngine(path.join(process.cwd(), 'x.md'), {glossaries: values.glossary as string[] | undefined});
  if (reportProblems(loaded.problems, io)) return 2;
  const entries = loaded.engine.data.entries;
  if (sub === 'list') {
    const width = Math.min(40, Math.max(...entries.map((e) => e.term.length)));
    for (const e of [...entries].sort((a, b) => a.term.localeCompare(b.term, 'nl'))) {
      const note = e.deprecated ? (lang === 'nl' ? `verouderd → ${e.deprecated.replacement}` : `outdated → ${e.deprecated.replacement}`) : e.expansions[0] ?? '';
      io.out(`${e.term.padEnd(width)}  ${note}`);
    }
    return 0;
  }
  if (sub === 'show') {
    const wanted = positionals.join(' ');
    if (!wanted) throw new UsageError('name the term to show');
    const hits: typeof entries = [];
    const scan: import('../core/matcher.js').TermMatch[] = [];
    loaded.engine.data.matcher.scan(wanted, 0, wanted.length, scan);
    const exact = entries.find((e) => e.term.toLowerCase() === wanted.toLowerCase());
    if (exact) hits.push(exact);
    else if (scan[0]) hits.push(scan[0].form.entry);
    if (hits.length === 0) {
      io.err(lang === 'nl' ? `rubric: "${wanted}" staat niet in de woordenlijst` : `rubric: "${wanted}" is not in the glossary`);
      return 1;
    }
    for (const e of hits) io.out(describeEntry(e, lang));
    return 0;
  }
  throw new UsageError(`glossary needs list, show or validate, not "${sub ?? ''}"`);
}

export function describeEntry(e: import('../core/glossary.js').GlossaryEntry, lang: Lang): string {
  const L = lang === 'nl'
    ? {exp: 'Uitgeschreven', variants: 'Varianten', dep: 'Verouderd', since: 'sinds', min: 'Minimale rubricering', src: 'Bron', known: 'Algemeen bekend'}
    : {exp: 'Expansion', variants: 'Variants', dep: 'Outdated', since: 'since', min: 'Minimum marking', src: 'Source', known: 'Well known'};
  const lines = [e.term, ''];
  if (e.expansions.length) lines.push(`${L.exp}: ${e.expansions.join(' / ')}`);
  lines.push(e.definition);
  if (e.variants.length) lines.push(`${L.variants}: ${e.variants.join(', ')}`);
  if (e.deprecated) lines.push(`${L.dep}: → ${e.deprecated.replacement} (${L.since} ${e.deprecated.since})`);
  if (e.minimumMarking) lines.push(`${L.min}: ${e.minimumMarking}`);
  if (e.wellKnown) lines.push(L.known);
  if (e.source) lines.push(`${L.src}: ${e.source}`);
  return lines.join('\n');
}

function documentOptions(values: {date?: unknown; kind?: unknown}): Pick<LoadOptions, 'date' | 'kind'> {
  const date = dateOption(values.date);
  const kind = kindOption(values.kind);
  return {...(date ? {date} : {}), ...(kind ? {kind} : {})};
}

interface LintedDocument {
  file: string;
  text: string;
  context: import('../core/rule.js').DocumentContext;
  lang: Lang;
}

/** Lints each file with the engine of its configuration, for `markings` and `info`; `broken`: an input could not be used. */
function lintDocuments(command: string, args: string[], io: Io): {broken: boolean; format: 'text' | 'json'; docs: LintedDocument[]} {
  const {values, positionals} = parse(args, {
    format: {type: 'string', default: 'text'}, config: {type: 'string'}, lang: {type: 'string'},
    date: {type: 'string'}, kind: {type: 'string'},
  });
  const format = values.format as string;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (positionals.length === 0) throw new UsageError(`name the files to show the ${command} of`);
  const lang = langOption(values.lang);
  const options: LoadOptions = {
    configFile: values.config as string | undefined, lang: values.lang === undefined ? undefined : lang, ...documentOptions(values),
  };
  let broken = false;
  const docs: LintedDocument[] = [];
  const engines = new Map<string, LoadedEngine>();
  for (const file of positionals) {
    const key = options.configFile ?? findConfig(file) ?? '';
    let loaded = engines.get(key);
    if (!loaded) {
      loaded = loadEngine(file, options);
      engines.set(key, loaded);
      if (reportProblems(loaded.problems, io)) broken = true;
    }
    let doc;
    try {
      doc = readDocument(file);
    } catch (e) {
      io.err(`${file}: cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      broken = true;
      continue;
    }
    const {context} = loaded.engine.lint(doc.text, languageOf(file));
    docs.push({file, text: doc.text, context, lang: loaded.engine.data.config.lang});
  }
  return {broken, format, docs};
}

/** `rubric markings FILE…`: prints each document's classification (see ./markings.ts). */
function markings(args: string[], io: Io): number {
  const {broken, format, docs} = lintDocuments('markings', args, io);
  if (format === 'json') io.out(JSON.stringify(docs.map((d) => markingsJson(d.file, classify(d.context), d.context.lines)), null, 2));
  else if (docs.length) io.out(docs.map((d) => formatMarkings(d.file, classify(d.context), d.context.lines, d.lang)).join('\n\n'));
  return broken ? 2 : 0;
}

/** `rubric info FILE…`: each document's kind and date with their sources, and its classification (see ./info.ts). */
function info(args: string[], io: Io): number {
  const {broken, format, docs} = lintDocuments('info', args, io);
  const show = (d: LintedDocument) => [documentProfileOf(d.context), classify(d.context)] as const;
  if (format === 'json') io.out(JSON.stringify(docs.map((d) => infoJson(d.file, ...show(d), d.text, d.context.lines)), null, 2));
  else if (docs.length) io.out(docs.map((d) => formatInfo(d.file, ...show(d), d.text, d.context.lines, d.lang)).join('\n\n'));
  return broken ? 2 : 0;
}
