/**
 * `rubric glossary export` and `rubric glossary import`: the glossary for the
 * tools writers already have (Code Spell Checker, Vale, a spreadsheet) and a
 * spreadsheet back into the glossary YAML shape (src/core/glossaryTransfer.ts).
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {
  addEntries, checkGlossaryMarkings, formatProblem, glossaryEntries, GlossaryEditError, markingRulesetOf, mergeGlossaries, parseCsvGlossary, parseGlossary,
  toCsv, toCspellWords, toGlossaryYaml, toValeVocabulary, type ExportFormat, type GlossaryEntry, type InputProblem, type Lang,
} from '../core/index.js';
import {loadEngine, loadGlossaryFile, builtinGlossary} from '../node/files.js';
import {readDocument, replaceFile, TextFileError, writeDocument} from '../node/textFile.js';
import {cliSay, cliText, count} from './messages.js';

export interface TransferIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs `glossary export|import …`; `usage(message)` is the error the caller reports with the usage text. */
export function glossaryTransfer(sub: 'export' | 'import', args: string[], io: TransferIo, usage: (message: string) => Error): number {
  return sub === 'export' ? exportGlossary(args, io, usage) : importGlossary(args, io, usage);
}

function options(args: string[], spec: NonNullable<ParseArgsConfig['options']>, usage: (m: string) => Error) {
  try {
    return parseArgs({args, options: spec, allowPositionals: true, strict: true});
  } catch (e) {
    throw usage((e as Error).message);
  }
}

/** `--lang`: the language of the problems and notes (Dutch by default, as `rubric check`). */
function langOf(value: unknown, usage: (m: string) => Error): Lang {
  if (value === undefined) return 'nl';
  if (value !== 'nl' && value !== 'en') throw usage(`--lang must be nl or en, not "${String(value)}"`);
  return value;
}

function exportGlossary(args: string[], io: TransferIo, usage: (m: string) => Error): number {
  const {values, positionals} = options(args, {
    format: {type: 'string'}, out: {type: 'string'}, glossary: {type: 'string', multiple: true}, 'include-restricted': {type: 'boolean', default: false},
    lang: {type: 'string'},
  }, usage);
  const lang = langOf(values.lang, usage);
  const format = values.format as string | undefined;
  if (format !== 'cspell' && format !== 'vale' && format !== 'csv') throw usage(`glossary export needs --format cspell, vale or csv${format ? `, not "${format}"` : ''}`);
  let entries: GlossaryEntry[];
  let problems: InputProblem[];
  if (positionals.length) {
    // Only the named files (a team's own list), checked with the built-in glossary beside them (a replacement may be a built-in term).
    const files = positionals.map((f) => loadGlossaryFile(path.resolve(f)));
    const merged = mergeGlossaries([builtinGlossary(), ...files]);
    const named = new Set(files.map((f) => f.file));
    problems = merged.problems;
    entries = merged.entries.filter((e) => named.has(e.origin.file));
  } else {
    const loaded = loadEngine(path.join(process.cwd(), 'x.md'), {glossaries: values.glossary as string[] | undefined});
    problems = loaded.problems;
    entries = [...glossaryEntries(loaded.engine)];
  }
  for (const p of problems) io.err(formatProblem(p, lang));
  if (problems.some((p) => p.severity === 'error')) return 2;
  const restricted = entries.filter((e) => e.minimumMarking);
  if (restricted.length && !values['include-restricted']) {
    entries = entries.filter((e) => !e.minimumMarking);
    // Code words belong in documents of their level, not in a spell checker's settings that travel anywhere.
    io.err(restricted.length === 1 ? cliText(lang, 'restrictedLeftOutOne') : cliText(lang, 'restrictedLeftOut', restricted.length));
  }
  entries = [...entries].sort((a, b) => a.term.localeCompare(b.term, 'nl'));
  const out = values.out as string | undefined;
  if ((format as ExportFormat) === 'vale') {
    const vocab = toValeVocabulary(entries);
    if (!out) throw usage('glossary export --format vale writes a vocabulary folder (accept.txt and reject.txt): name it with --out, e.g. --out styles/config/vocabularies/Rubric');
    fs.mkdirSync(path.resolve(out), {recursive: true});
    write(path.join(path.resolve(out), 'accept.txt'), vocab.accept);
    write(path.join(path.resolve(out), 'reject.txt'), vocab.reject);
    io.err(cliText(lang, 'wrote', `${path.join(out, 'accept.txt')}, ${path.join(out, 'reject.txt')}`, count(lang, entries.length, 'term')));
    return 0;
  }
  const text = format === 'cspell' ? toCspellWords(entries) : toCsv(entries);
  if (!out) {
    io.out(text.replace(/\r?\n$/, ''));
    return 0;
  }
  // A spreadsheet program reads UTF-8 only with a byte-order mark.
  write(path.resolve(out), format === 'csv' ? `\ufeff${text}` : text);
  io.err(cliText(lang, 'wrote', out, count(lang, entries.length, 'term')));
  return 0;
}

function importGlossary(args: string[], io: TransferIo, usage: (m: string) => Error): number {
  const {values, positionals} = options(args, {out: {type: 'string'}, into: {type: 'string'}, lang: {type: 'string'}}, usage);
  const lang = langOf(values.lang, usage);
  const terms = (n: number) => count(lang, n, 'term');
  if (positionals.length !== 1) throw usage('glossary import takes one spreadsheet (CSV): rubric glossary import terms.csv [--out FILE | --into FILE]');
  if (values.out && values.into) throw usage('glossary import writes a new file (--out) or adds to a glossary (--into), not both');
  const table = path.resolve(positionals[0]);
  let text: string;
  try {
    text = readDocument(table).text;
  } catch (e) {
    io.err(e instanceof TextFileError ? `${e.file}: ${e.said[lang]}` : cliText(lang, 'cannotReadFile', table, (e as Error).message));
    return 2;
  }
  const read = parseCsvGlossary(text, positionals[0]);
  const problems = [...read.problems];
  // minimumMarking must name a level of the marking schemes in force (of the nearest .rubric.yaml).
  if (read.entries.length) {
    const yaml = toGlossaryYaml(read.entries);
    const parsed = parseGlossary(yaml, positionals[0]);
    const rowOfLine = new Map(parsed.entries.map((e, i) => [e.origin.line, read.rows[i]]));
    const ruleset = markingRulesetOf(loadEngine(table).engine);
    for (const p of checkGlossaryMarkings(parsed.entries, ruleset)) {
      const row = rowOfLine.get(p.line) ?? 0;
      problems.push({...p, line: row, column: 1, message: cliSay('row', row, p.message)});
    }
  }
  for (const p of problems) io.err(formatProblem(p, lang));
  if (problems.some((p) => p.severity === 'error')) {
    const n = problems.filter((p) => p.severity === 'error').length;
    io.err(cliText(lang, 'nothingWritten', count(lang, n, 'problem'), positionals[0]));
    return 2;
  }
  if (values.into) {
    const target = path.resolve(values.into as string);
    try {
      const doc = readDocument(target);
      writeDocument(doc, addEntries(doc.text, values.into as string, read.entries));
    } catch (e) {
      io.err(e instanceof GlossaryEditError ? e.text(lang) : e instanceof TextFileError ? `${e.file}: ${e.said[lang]}` : `${target}: ${(e as Error).message}`);
      return 2;
    }
    io.err(cliText(lang, 'added', terms(read.entries.length), values.into as string));
    return 0;
  }
  const yaml = toGlossaryYaml(read.entries, [`Rubric glossary, imported from ${path.basename(table)} (rubric glossary import).`]);
  if (!values.out) {
    io.out(yaml.replace(/\n$/, ''));
    return 0;
  }
  try {
    write(path.resolve(values.out as string), yaml);
  } catch (e) {
    io.err(e instanceof TextFileError ? `${e.file}: ${e.said[lang]}` : (e as Error).message);
    return 2;
  }
  io.err(cliText(lang, 'wrote', values.out as string, terms(read.entries.length)));
  return 0;
}

/** Writes a new file, or replaces an existing one safely (src/node/textFile.ts). */
function write(file: string, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let original: Buffer | undefined;
  try {
    original = fs.readFileSync(file);
  } catch {
    original = undefined;
  }
  if (original === undefined) {
    fs.writeFileSync(file, bytes, {flag: 'wx'});
    return;
  }
  replaceFile(file, original, bytes, (reason) => new TextFileError(file, `${reason}; not written`), () => new TextFileError(file, 'the file changed while Rubric wrote it; not written'));
}
