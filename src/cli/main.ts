/**
 * The `rubric` command line: `check`, `glossary` and `markings`, on the same
 * engine as the extension. Exit codes: 0 no errors, 1 errors found, 2 bad
 * usage or a broken configuration or glossary.
 */

import * as path from 'node:path';
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {
  allRules, checkGlossaryMarkings, classify, describeLocation, documentProfileOf, DOCUMENT_KINDS, findEntry, formatMarkings, formatProblem, glossaryEntries, isoDate, isValidDate,
  langOf, locate, markingRulesetOf, markingsJson, mergeGlossaries, parseDutchDate, parseKind, type DocumentContext, type DocumentKind, type GlossaryEntry, type InputProblem, type Lang,
  type OfficeText,
} from '../core/index.js';
import {findConfig, loadEngine, loadGlossaryFile, builtinGlossary, type LoadedEngine, type LoadOptions} from '../node/files.js';
import {decode, MAX_DOCUMENT_BYTES, readDocument, TextFileError} from '../node/textFile.js';
import {checkFile, checkText, EngineCache, languageOf, type FileOutcome} from './checkFile.js';
import {raiseNote} from './raise.js';
import {filesOfShard, parseShard, type Shard} from './shard.js';
import {openCache} from './cache.js';
import {collectFiles, GlobError} from './collect.js';
import {OfficeError} from '../node/office/errors.js';
import {TEXT_EXTENSIONS} from '../node/office/textExtensions.js';
import {escapeControls, formatJsonPieces, formatJunitLines, formatTextLines, FORMATS, toJson, type Format} from './format.js';
import {checkInWorkers, defaultJobs} from './parallel.js';
import {formatInfo, infoJson} from './info.js';
import {lsp} from './lsp.js';
import {glossaryTransfer} from './glossaryTransfer.js';
import {cliText, count} from './messages.js';

declare const RUBRIC_VERSION: string;
const VERSION = typeof RUBRIC_VERSION === 'string' ? RUBRIC_VERSION : '0.0.0-dev';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  /** Told the exit code as soon as it is known, before the output is written. */
  exitCode?(code: number): void;
  /** The script that can run as a worker thread (the CLI bundle itself); without it, `check` stays in this thread. */
  workerScript?: string;
  /** Standard input, whole, for `check --stdin`. */
  readStdin?(): Buffer;
  /** Writes text as it is, without a line break after it (the fixed text of `check --stdin --fix`); else `out`. */
  outText?(text: string): void;
}

const USAGE = `Gebruik / usage:
  rubric check [bestanden|mappen|globs…] [opties]
      --format FORMAAT           uitvoer: text (standaard), json, sarif, junit (JUnit XML) of
                                 codequality (GitLab Code Quality)
      --docs-url URL             waar de regelpagina's staan, voor helpUri in SARIF
                                 (standaard: de pagina's die met Rubric zijn meegeleverd)
      --glossary FILE            extra woordenlijst, herhaalbaar
      --config FILE              .rubric.yaml om te gebruiken
      --fix                      correcties toepassen en opslaan; de rubricering verhogen
                                 blijft aan u (zoals in de editor), het bericht zegt het
      --fix-raise                met --fix: ook de rubricering verhogen (bovenaan en onderaan)
      --lang nl|en               taal van de meldingen (standaard nl)
      --max-warnings N           exit 1 bij meer dan N waarschuwingen
      --jobs N                   aantal threads (standaard: aantal kernen)
      --date DATUM               datum van de documenten (2015-03-10 of 10 maart 2015),
                                 boven de datum die een document zelf noemt
      --kind SOORT               soort document: letter (kamerbrief), kamerstuk, report (rapport),
                                 legislation (wet, regeling, besluit), note (notitie), other
      --cache                    resultaten bewaren in .rubriccache; ongewijzigde bestanden niet opnieuw
      --cache-location PAD       het cachebestand, of de map ervoor (zet de cache aan)
      --shard I/N                alleen deel I van N (bestanden verdeeld op hun pad), voor CI-machines
      --stdin                    de tekst van standaardinvoer controleren (met --fix: de gecorrigeerde
                                 tekst naar standaarduitvoer)
      --stdin-filename NAAM      als welk bestand die tekst geldt (configuratie, taal, ignore:)
  rubric glossary list [--glossary FILE]
  rubric glossary show TERM [--glossary FILE]
  rubric glossary validate FILE…
  rubric glossary export --format cspell|vale|csv [FILE…] [--out PAD] [--include-restricted] [--lang nl|en]
      woordenlijst voor Code Spell Checker, een Vale-vocabulaire (map) of een spreadsheet;
      codewoorden (minimumMarking) alleen met --include-restricted
  rubric glossary import TABEL.csv [--out FILE | --into FILE] [--lang nl|en]
      spreadsheet (term, definition, expansion, variants …) naar de vorm van een woordenlijst
  rubric markings BESTAND… [--format text|json] [--config FILE] [--lang nl|en] [--date DATUM] [--kind SOORT]
      rubricering boven en onder, effectief niveau en het niveau van elke sectie
  rubric info BESTAND… [--format text|json] [--config FILE] [--lang nl|en] [--date DATUM] [--kind SOORT]
      soort document en datum, met waar ze vandaan komen, en de rubricering
  rubric lsp --stdio | --node-ipc
      de taalserver (Language Server Protocol) voor editors; rubric lsp --help
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

/** An internal error (a bug, or the machine out of memory): a message and exit 2, never the 1 of "errors found". */
export function internalError(e: unknown, io: Io): number {
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.err(`rubric: internal error (exit 2), please report it: ${text}`);
  return 2;
}

function guarded(fn: () => number | Promise<number>, io: Io): number | Promise<number> {
  const failed = (e: unknown): number => {
    if (e instanceof UsageError) {
      io.err(`rubric: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    return internalError(e, io);
  };
  try {
    const result = fn();
    return typeof result === 'number' ? result : result.catch(failed);
  } catch (e) {
    return failed(e);
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
  if (command === 'lsp') return lsp(rest, io);
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

/** Writes the problems in the configuration's language (`--lang`, else `lang:` in .rubric.yaml, else Dutch). */
function reportProblems(problems: InputProblem[], io: Io, lang: Lang): boolean {
  for (const p of problems) io.err(formatProblem(p, lang));
  return problems.some((p) => p.severity === 'error');
}

function check(args: string[], io: Io): number | Promise<number> {
  const {values, positionals} = parse(args, {
    format: {type: 'string', default: 'text'},
    glossary: {type: 'string', multiple: true},
    config: {type: 'string'},
    fix: {type: 'boolean', default: false},
    'fix-raise': {type: 'boolean', default: false},
    lang: {type: 'string'},
    'max-warnings': {type: 'string'},
    jobs: {type: 'string'},
    date: {type: 'string'},
    kind: {type: 'string'},
    'docs-url': {type: 'string'},
    stdin: {type: 'boolean', default: false},
    'stdin-filename': {type: 'string'},
    shard: {type: 'string'},
    cache: {type: 'boolean', default: false},
    'cache-location': {type: 'string'},
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const docsUrl = docsUrlOption(values['docs-url']);
  const lang = langOption(values.lang);
  if (values['fix-raise'] && !values.fix) throw new UsageError('--fix-raise is used with --fix');
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : wholeNumber('--max-warnings', values['max-warnings'], 0);
  const requestedJobs = values.jobs === undefined ? undefined : wholeNumber('--jobs', values.jobs, 1);
  const stdin = Boolean(values.stdin);
  const stdinName = values['stdin-filename'] as string | undefined;
  if (stdinName !== undefined && !stdin) throw new UsageError('--stdin-filename names the text read with --stdin; add --stdin');
  if (stdin && positionals.length > 0) throw new UsageError(`--stdin reads one text from standard input: name no files beside it ("${positionals[0]}"); --stdin-filename NAME says which file it is`);
  if (stdin && (values.shard !== undefined || values.cache || values['cache-location'] !== undefined)) {
    throw new UsageError('--shard and --cache are for files named on the command line, not for --stdin');
  }
  if (!stdin && positionals.length === 0) throw new UsageError('name the files or folders to check (or read a text with --stdin)');
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const parsed = parseShard(String(values.shard));
    if ('problem' in parsed) throw new UsageError(parsed.problem);
    shard = parsed;
  }
  const useCache = Boolean(values.cache) || values['cache-location'] !== undefined;

  let outLang: Lang = lang;
  const printAll = (results: FileOutcome[]) => {
    const out = new Batched(io);
    if (format === 'text') for (const line of formatTextLines(results, outLang, io.color)) out.line(line);
    else if (format === 'junit') for (const line of formatJunitLines(results, toJson(results), outLang)) out.line(line);
    else for (const piece of formatJsonPieces(format, results, allRules, {lang: outLang, version: VERSION, docsUrl})) out.line(piece);
    out.flush();
  };

  let files: string[] = [];
  if (!stdin) {
    let collected;
    try {
      collected = collectFiles(positionals);
    } catch (e) {
      if (e instanceof GlobError) throw new UsageError(e.message);
      throw e;
    }
    for (const m of collected.missing) io.err(`rubric: no file matches "${escapeControls(m)}"`);
    for (const s of collected.skipped) io.err(`rubric: skipped ${escapeControls(relativePath(s.path))}: ${s.reason}`);
    if (collected.files.length === 0) {
      // Machine-readable output stays parseable: an empty result, the error on standard error.
      if (format !== 'text') printAll([]);
      return 2;
    }
    files = shard ? filesOfShard(collected.files, shard) : collected.files;
    if (files.length === 0) {
      // A part that drew no file has nothing to report: no error, as a test runner's empty shard.
      io.err(`rubric: part ${shard!.index}/${shard!.count} has none of the ${collected.files.length} files`);
      printAll([]);
      return collected.missing.length > 0 ? 2 : 0;
    }
  }

  const options: LoadOptions = {
    configFile: values.config as string | undefined,
    glossaries: values.glossary as string[] | undefined,
    lang: values.lang === undefined ? undefined : lang,
    ...documentOptions(values),
  };
  // Every configuration is loaded here first, so that its problems are reported once.
  let broken = false;
  const engines = new EngineCache(options, (loaded) => {
    if (reportProblems(loaded.problems, io, langOf(loaded.engine))) broken = true;
  });
  const stdinFile = stdin ? path.resolve(stdinName ?? STDIN_NAME) : undefined;
  for (const file of stdinFile ? [stdinFile] : files) outLang = langOf(engines.for(file).engine);
  // A broken configuration or glossary lints with what could be read, but writes nothing.
  const fix = Boolean(values.fix) && !broken;
  const raise = Boolean(values['fix-raise']);
  if (values.fix && broken) io.err('rubric: --fix: nothing was written, because a configuration or glossary has errors (above)');

  // `output`: what goes to standard output in place of the findings (the fixed text of --stdin --fix).
  const finish = (outcomes: FileOutcome[], output?: () => void): number => {
    for (const o of outcomes) {
      for (const n of o.notices ?? []) io.err(`rubric: ${escapeControls(n)}`);
      if (o.note) io.err(`rubric: ${escapeControls(o.note)}`);
      const said = raiseNote(o, outLang);
      if (said) io.err(`rubric: ${escapeControls(said)}`);
      if (o.error) {
        io.err(escapeControls(o.error));
        broken = true;
      }
    }
    const results = outcomes.filter((o) => !o.note && (!o.error || o.findings.length > 0));
    let errors = 0;
    let warnings = 0;
    for (const r of results) {
      for (const f of r.findings) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
      }
    }
    const code = broken ? 2 : errors > 0 || warnings > maxWarnings ? 1 : 0;
    // Known before the output: a reader that stops early still gets it.
    io.exitCode?.(code);
    if (output) output();
    else printAll(results);
    return code;
  };

  if (stdinFile) {
    const read = checkStdin(stdinFile, stdinName === undefined, engines, fix, raise, io);
    if (typeof read === 'number') return read;
    // --fix: the fixed text (or the text as it came, when nothing was fixed), byte for byte.
    return finish([read.outcome], values.fix ? () => (io.outText ?? io.out)(read.text) : undefined);
  }

  const cache = useCache ? openCache(values['cache-location'] as string | undefined, io) : undefined;
  const outcomes: FileOutcome[] = new Array(files.length);
  let todo = files.map((_, i) => i);
  if (cache) todo = cache.lookUp(files, engines, options, fix, outcomes);
  const done = (): number => {
    if (cache) cache.store(files, todo, outcomes, fix);
    return finish(outcomes);
  };
  const pending = todo.map((i) => files[i]);
  // Worker threads pay off from a handful of files on; each builds its own engines. More threads than
  // files, or than a few per core, only cost memory.
  const jobs = effectiveJobs(requestedJobs, pending.length);
  if (io.workerScript && jobs > 1 && pending.length >= 4) {
    return checkInWorkers(io.workerScript, pending, {options, fix, raise}, jobs, (file) => checkFile(file, engines, fix, raise)).then((checked) => {
      todo.forEach((i, k) => (outcomes[i] = checked[k]));
      return done();
    });
  }
  todo.forEach((i) => (outcomes[i] = checkFile(files[i], engines, fix, raise)));
  return done();
}

/** The name a text read with --stdin has without --stdin-filename: a Markdown text in the current folder. */
const STDIN_NAME = '<stdin>';

/**
 * `--stdin`: lints the text on standard input as the file `file` (its
 * configuration, its language, its `ignore:` entries); nothing is read from or
 * written to that file. With --fix the fixed text is returned, to go to
 * standard output instead of the findings, for an editor or script to put in place.
 * A number: the exit code, the text could not be read.
 */
function checkStdin(
  file: string, unnamed: boolean, engines: EngineCache, fix: boolean, raise: boolean, io: Io,
): {outcome: FileOutcome; text: string} | number {
  if (/\.(docx|docm|odt)$/i.test(file)) {
    throw new UsageError(`--stdin reads a text; a Word or OpenDocument file (${escapeControls(relativePath(file))}) is checked by naming it`);
  }
  if (!io.readStdin) throw new UsageError('--stdin: there is no standard input to read here');
  const name = relativePath(file);
  let text: string;
  try {
    const bytes = io.readStdin();
    if (bytes.length > MAX_DOCUMENT_BYTES) throw new TextFileError(name, `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; not read`);
    text = decode(bytes, name).text;
  } catch (e) {
    if (!(e instanceof TextFileError)) throw e;
    io.err(`rubric: --stdin: ${escapeControls(e.message)}`);
    io.exitCode?.(2);
    return 2;
  }
  let fixed = text;
  const {text: _text, ...outcome} = checkText(file, text, engines.for(file).engine, fix, (t) => (fixed = t), unnamed ? 'markdown' : undefined, raise);
  return {outcome, text: fixed};
}

/** `--docs-url`: an absolute URL of the folder of the rules' pages; a slash is added when it has none. */
function docsUrlOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--docs-url takes an absolute URL such as https://intranet.example/rubric/docs/rules/, not "${text}"`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** `--jobs` is capped at the number of files and at this many threads per core. */
export const MAX_JOBS_PER_CORE = 2;

/** The threads `check` uses: `--jobs` (default: the cores), capped at the files and at MAX_JOBS_PER_CORE per core. */
export function effectiveJobs(requested: number | undefined, files: number, cores = defaultJobs()): number {
  return Math.max(1, Math.min(requested ?? cores, files, MAX_JOBS_PER_CORE * cores));
}

/** A whole number option of at least `min`; an empty or other value is a usage error. */
function wholeNumber(name: string, value: unknown, min: number): number {
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} takes a whole number of at least ${min}, not "${value}"`);
  return n;
}

function relativePath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Output in pieces of about 64 KB, each a run of whole lines. */
class Batched {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly io: Io) {}

  line(text: string): void {
    this.parts.push(text);
    this.size += text.length + 1;
    if (this.size >= 1 << 16) this.flush();
  }

  flush(): void {
    if (this.parts.length) this.io.out(this.parts.join('\n'));
    this.parts = [];
    this.size = 0;
  }
}

function glossary(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  if (sub === 'export' || sub === 'import') return glossaryTransfer(sub, rest, io, (m) => new UsageError(m));
  const {values, positionals} = parse(rest, {glossary: {type: 'string', multiple: true}, lang: {type: 'string'}});
  const lang = langOption(values.lang);
  if (sub === 'validate') {
    if (positionals.length === 0) throw new UsageError('name the glossary files to validate');
    const files = positionals.map((f) => loadGlossaryFile(path.resolve(f)));
    const merged = mergeGlossaries([builtinGlossary(), ...files]);
    // minimumMarking is checked against the marking levels of the nearest .rubric.yaml (or the built-in ones).
    const checked = new Set(files.flatMap((f) => f.entries));
    const ruleset = markingRulesetOf(loadEngine(path.resolve(positionals[0])).engine);
    const markingProblems = checkGlossaryMarkings(merged.entries.filter((e) => checked.has(e)), ruleset);
    const broken = reportProblems([...merged.problems, ...markingProblems], io, lang);
    if (!broken) {
      const n = files.reduce((sum, f) => sum + f.entries.length, 0);
      io.out(cliText(lang, 'valid', count(lang, n, 'term')));
    }
    return broken ? 2 : 0;
  }
  const loaded = loadEngine(path.join(process.cwd(), 'x.md'), {glossaries: values.glossary as string[] | undefined});
  if (reportProblems(loaded.problems, io, lang)) return 2;
  const entries = glossaryEntries(loaded.engine);
  if (sub === 'list') {
    const width = Math.min(40, entries.reduce((w, e) => Math.max(w, e.term.length), 0));
    for (const e of [...entries].sort((a, b) => a.term.localeCompare(b.term, 'nl'))) {
      const note = e.deprecated ? cliText(lang, 'outdated', e.deprecated.replacement) : e.expansions[0] ?? '';
      io.out(`${e.term.padEnd(width)}  ${note}`);
    }
    return 0;
  }
  if (sub === 'show') {
    const wanted = positionals.join(' ');
    if (!wanted) throw new UsageError('name the term to show');
    const entry = findEntry(loaded.engine, wanted);
    if (!entry) {
      io.err(cliText(lang, 'notInGlossary', wanted));
      return 1;
    }
    io.out(describeEntry(entry, lang));
    return 0;
  }
  throw new UsageError(`glossary needs list, show, validate, export or import, not "${sub ?? ''}"`);
}

export function describeEntry(e: GlossaryEntry, lang: Lang): string {
  const lines = [e.term, ''];
  if (e.expansions.length) lines.push(cliText(lang, 'entryExpansion', e.expansions.join(' / ')));
  lines.push(e.definition);
  if (e.variants.length) lines.push(cliText(lang, 'entryVariants', e.variants.join(', ')));
  if (e.deprecated) lines.push(cliText(lang, 'entryOutdated', e.deprecated.replacement, e.deprecated.since));
  if (e.minimumMarking) lines.push(cliText(lang, 'entryMinimum', e.minimumMarking));
  if (e.wellKnown) lines.push(cliText(lang, 'entryWellKnown'));
  if (e.source) lines.push(cliText(lang, 'entrySource', e.source));
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
  context: DocumentContext;
  lang: Lang;
  /** A Word or OpenDocument file: where an offset of its text is in the document (`koptekst, alinea 1`). */
  where?: (offset: number) => string | undefined;
}

/** A document's text for `markings` and `info`: a text file's, or the text read from a Word or OpenDocument file (which throws an OfficeError when it cannot be read). */
function readForShow(file: string): {text: string; office?: OfficeText} {
  if (!TEXT_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
    // Loaded only for such a file: the zip and XML libraries stay out of a run over text.
    const office = (require('../node/office/index.js') as typeof import('../node/office/index.js')).readOffice(file);
    if (office) return {text: office.mapped.text, office: office.mapped};
  }
  return {text: readDocument(file).text};
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
      if (reportProblems(loaded.problems, io, langOf(loaded.engine))) broken = true;
    }
    let read: {text: string; office?: OfficeText};
    try {
      read = readForShow(file);
    } catch (e) {
      const lang = langOf(loaded.engine);
      io.err(escapeControls(e instanceof TextFileError || e instanceof OfficeError ? `${e.file}: ${e.said[lang]}` : `${file}: cannot read file: ${(e as Error).message}`));
      broken = true;
      continue;
    }
    const {context} = loaded.engine.lint(read.text, read.office ? 'markdown' : languageOf(file));
    const lang = langOf(loaded.engine);
    docs.push({
      file, text: read.text, context, lang,
      ...(read.office ? {where: (offset: number) => {
        const loc = locate(read.office!, offset, offset);
        return loc ? describeLocation(loc, lang) : undefined;
      }} : {}),
    });
  }
  return {broken, format, docs};
}

/** `rubric markings FILE…`: prints each document's classification (see ./markings.ts). */
function markings(args: string[], io: Io): number {
  const {broken, format, docs} = lintDocuments('markings', args, io);
  if (format === 'json') io.out(JSON.stringify(docs.map((d) => markingsJson(d.file, classify(d.context), d.context.lines, d.where)), null, 2));
  else if (docs.length) io.out(docs.map((d) => formatMarkings(d.file, classify(d.context), d.context.lines, d.lang, d.where)).join('\n\n'));
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
