/**
 * Checking (and fixing) one file: the unit of work of `rubric check`, run in
 * the main thread or in a worker thread. Everything it returns is plain data,
 * so that it crosses from a worker unchanged.
 */

import * as path from 'node:path';
import {fixAll, fixRaisesClassification, langOf, type DocumentLanguage, type Engine, type Finding, type LineIndex, type OfficeLocation} from '../core/index.js';
import {findConfig, loadEngine, type LoadedEngine, type LoadOptions} from '../node/files.js';
import {readDocument, TextFileError, writeDocument} from '../node/textFile.js';
import {TEXT_EXTENSIONS} from '../node/office/textExtensions.js';
import {raiseOutcome, type RaiseOutcome} from './raise.js';

export interface Position {
  line: number;
  column: number;
}

export interface CheckedFinding extends Finding {
  /** 0-based start and end of the fix's range, for the JSON and SARIF output. */
  fixStart?: Position;
  fixEnd?: Position;
  /** In a Word or OpenDocument file: where the finding is in the document. */
  location?: OfficeLocation;
  /** In a Word or OpenDocument file after --fix: why its fix was not applied. */
  fixNotApplied?: string;
}

export interface FileOutcome extends RaiseOutcome {
  file: string;
  findings: CheckedFinding[];
  /** Fixes applied with --fix. */
  fixed: number;
  /** A message for standard error when the file could not be read or written (its findings, if any, are of the file as it is). */
  error?: string;
  /** A note for standard error when the file was skipped (binary content). */
  note?: string;
  /** Notes for standard error about the file as read (a Word document's unaccepted tracked changes). */
  notices?: string[];
}

export function languageOf(file: string): DocumentLanguage {
  return /\.(md|markdown|mdx)$/i.test(file) ? 'markdown' : 'plaintext';
}

/** Engines by configuration, built once per process (or worker). */
export class EngineCache {
  private readonly engines = new Map<string, LoadedEngine>();

  constructor(private readonly options: LoadOptions, private readonly onNew: (loaded: LoadedEngine) => void = () => {}) {}

  for(file: string): LoadedEngine {
    const key = this.options.configFile ?? findConfig(file) ?? '';
    let loaded = this.engines.get(key);
    if (!loaded) {
      loaded = loadEngine(file, this.options);
      this.engines.set(key, loaded);
      this.onNew(loaded);
    }
    return loaded;
  }
}

export function checkFile(file: string, engines: EngineCache, fix: boolean, raise = false): FileOutcome {
  const {engine} = engines.for(file);
  // The Word and OpenDocument reader is loaded for a file that may be one: never for .md or .txt.
  const office = TEXT_EXTENSIONS.includes(path.extname(file).toLowerCase())
    ? undefined
    : (require('./officeCheck.js') as typeof import('./officeCheck.js')).checkOfficeFile(file, engine, fix, raise);
  if (office) return office;
  let doc;
  try {
    doc = readDocument(file);
  } catch (e) {
    // In Rubric's language: the reason names what was done (not read, skipped).
    const lang = langOf(engine);
    if (e instanceof TextFileError && e.kind === 'binary') return {file, findings: [], fixed: 0, note: `${e.file}: ${e.said[lang]}`};
    return {file, findings: [], fixed: 0, error: e instanceof TextFileError ? `${e.file}: ${e.said[lang]}` : `${file}: cannot read file: ${(e as Error).message}`};
  }
  // The text stays here: the outcome crosses from a worker and goes into the cache.
  const {text: _text, ...outcome} = checkText(file, doc.text, engine, fix, (text) => writeDocument(doc, text), languageOf(file), raise);
  return outcome;
}

/**
 * Checks (and with `fix`, fixes) a text as the file `file`: its language, its
 * configuration's `ignore:` entries. `write` saves the fixed text; it throws
 * when it cannot, and the findings are then those of the text as it was.
 * `raise` (--fix-raise): the fixes that raise the classification are applied too.
 */
export function checkText(
  file: string, original: string, engine: Engine, fix: boolean, write: (text: string) => void,
  language: DocumentLanguage = languageOf(file), raise = false,
): FileOutcome & {text: string} {
  // The absolute path, for the configuration's `ignore:` entries.
  const where = path.resolve(file);
  let text = original;
  let findings: Finding[];
  /** The line index of the text the findings are of, from its lint. */
  let lines: LineIndex;
  let fixed = 0;
  let error: string | undefined;
  let raising: RaiseOutcome = {};
  if (fix) {
    // Raising the classification is left to the writer, as in the editor's fix-all, unless --fix-raise.
    const result = fixAll(engine, original, language, {file: where, include: raise ? undefined : (f) => !fixRaisesClassification(f)});
    findings = result.findings;
    lines = result.lines;
    raising = raiseOutcome(result.first, result.findings, raise);
    if (result.applied > 0) {
      try {
        write(result.text);
        text = result.text;
        fixed = result.applied;
      } catch (e) {
        raising = {};
        // Nothing was written: the findings are those of the file as it is.
        error = e instanceof TextFileError ? e.message : `${file}: cannot write: ${(e as Error).message}`;
        ({findings, context: {lines}} = engine.lint(original, language, where));
      }
    }
  } else {
    ({findings, context: {lines}} = engine.lint(text, language, where));
  }
  return {
    file,
    fixed,
    text,
    findings: findings.map((f) => (f.fix ? {...f, fixStart: lines.position(f.fix.start), fixEnd: lines.position(f.fix.end)} : f)),
    ...(error ? {error} : {}),
    ...raising,
  };
}
