/**
 * Checking (and fixing) one file: the unit of work of `rubric check`, run in
 * the main thread or in a worker thread. Everything it returns is plain data,
 * so that it crosses from a worker unchanged.
 */

import * as path from 'node:path';
import {fixAll} from '../core/fix.js';
import {fixRaisesClassification} from '../core/suggestions.js';
import {LineIndex} from '../core/text.js';
import type {DocumentLanguage, Finding} from '../core/types.js';
import {findConfig, loadEngine, type LoadedEngine, type LoadOptions} from '../node/files.js';
import {readDocument, TextFileError, writeDocument} from '../node/textFile.js';
import type {OfficeLocation} from '../core/office/text.js';
import {checkOfficeFile} from './officeCheck.js';
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
  const office = checkOfficeFile(file, engine, fix, raise);
  if (office) return office;
  let doc;
  try {
    doc = readDocument(file);
  } catch (e) {
    if (e instanceof TextFileError && e.kind === 'binary') return {file, findings: [], fixed: 0, note: e.message};
    return {file, findings: [], fixed: 0, error: e instanceof TextFileError ? e.message : `${file}: cannot read file: ${(e as Error).message}`};
  }
  const language = languageOf(file);
  // The absolute path, for the configuration's `ignore:` entries.
  const where = path.resolve(file);
  let text = doc.text;
  let findings: Finding[];
  let fixed = 0;
  let error: string | undefined;
  let raising: RaiseOutcome = {};
  if (fix) {
    // Raising the classification is left to the writer, as in the editor's fix-all, unless --fix-raise.
    const result = fixAll(engine, doc.text, language, {file: where, include: raise ? undefined : (f) => !fixRaisesClassification(f)});
    findings = result.findings;
    raising = raiseOutcome(result.first, result.findings, raise);
    if (result.applied > 0) {
      try {
        writeDocument(doc, result.text);
        text = result.text;
        fixed = result.applied;
      } catch (e) {
        raising = {};
        // Nothing was written: the findings are those of the file as it is.
        error = e instanceof TextFileError ? e.message : `${file}: cannot write: ${(e as Error).message}`;
        findings = engine.lint(doc.text, language, where).findings;
      }
    }
  } else {
    findings = engine.lint(text, language, where).findings;
  }
  const lines = findings.some((f) => f.fix) ? new LineIndex(text) : undefined;
  return {
    file,
    fixed,
    findings: findings.map((f) => (f.fix && lines ? {...f, fixStart: lines.position(f.fix.start), fixEnd: lines.position(f.fix.end)} : f)),
    ...(error ? {error} : {}),
    ...raising,
  };
}
