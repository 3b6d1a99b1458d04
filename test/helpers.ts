/** Shared helpers for the unit tests: engines on the test or default glossary, and short lint calls. */

import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import {Engine} from '../src/core/engine.js';
import {buildEngineData, DEFAULT_CONFIG, type ResolvedConfig} from '../src/core/engineData.js';
import {mergeGlossaries, parseGlossary} from '../src/core/glossary.js';
import {allRules} from '../src/core/rules/index.js';
import type {DocumentLanguage, Finding} from '../src/core/types.js';
import {builtinGlossary, loadKamerbrief, loadMarkings} from '../src/node/files.js';
import {run} from '../src/cli/main.js';

export const FIXTURES = path.join(__dirname, 'fixtures');

const testGlossaryFile = path.join(FIXTURES, 'glossary', 'test.yaml');

export function testEngine(config: Partial<ResolvedConfig> = {}, extraYaml?: string): Engine {
  const files = [parseGlossary(fs.readFileSync(testGlossaryFile, 'utf8'), testGlossaryFile)];
  if (extraYaml) files.push(parseGlossary(extraYaml, 'extra.yaml'));
  const merged = mergeGlossaries(files);
  if (merged.problems.length) throw new Error(merged.problems.map((p) => p.message).join('\n'));
  return new Engine(buildEngineData(merged.entries, {...DEFAULT_CONFIG, ...config}), allRules);
}

let defaultEngine: Engine | undefined;

export function builtinEngine(): Engine {
  if (!defaultEngine) {
    const merged = mergeGlossaries([builtinGlossary()]);
    if (merged.problems.length) throw new Error(merged.problems.map((p) => p.message).join('\n'));
    defaultEngine = new Engine(buildEngineData(merged.entries, DEFAULT_CONFIG, loadMarkings().ruleset, loadKamerbrief().data), allRules);
  }
  return defaultEngine;
}

let codeWords: Engine | undefined;

/** The built-in glossary and markings with one code word: KOPERWIEK, allowed from Stg. GEHEIM up. */
export function codeWordEngine(): Engine {
  if (!codeWords) {
    const yaml = 'terms:\n  - term: KOPERWIEK\n    definition: Codenaam van een operatie.\n    minimumMarking: Stg. GEHEIM\n';
    const merged = mergeGlossaries([builtinGlossary(), parseGlossary(yaml, 'codes.yaml')]);
    codeWords = new Engine(buildEngineData(merged.entries, DEFAULT_CONFIG, loadMarkings().ruleset, loadKamerbrief().data), allRules);
  }
  return codeWords;
}

export function lint(text: string, engine = testEngine(), language: DocumentLanguage = 'markdown'): Finding[] {
  return engine.lint(text, language).findings;
}

/** `rule@line:col actual` per finding (1-based), for compact assertions. */
export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line + 1}:${f.column + 1} ${f.actual ?? ''}`.trim());
}

export function rules(findings: Finding[], family?: string): Finding[] {
  return family ? findings.filter((f) => f.rule.startsWith(family)) : findings;
}

/** What a CLI run printed: its exit code, standard output and error, and with `stdin` the fixed text it wrote (`--stdin --fix`). */
export interface CliResult {
  code: number;
  out: string;
  err: string;
  text?: string;
}

/** Runs the CLI in this process (in `cwd` when given), collecting what it prints; `stdin` is what it reads for `--stdin`. */
export function runCli(args: string[], cwd?: string, stdin?: string | Buffer): CliResult {
  const out: string[] = [];
  const err: string[] = [];
  let text: string | undefined;
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = run(args, {
      out: (s) => out.push(s), err: (s) => err.push(s), color: false,
      ...(stdin !== undefined ? {readStdin: () => Buffer.from(stdin), outText: (s: string) => (text = (text ?? '') + s)} : {}),
    });
    return {code, out: out.join('\n'), err: err.join('\n'), ...(text !== undefined ? {text} : {})};
  } finally {
    process.chdir(before);
  }
}

/** A new temporary folder with these files (paths relative to it; folders made as needed). */
export function tmpdirWith(files: Record<string, string>, prefix = 'rubric-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
