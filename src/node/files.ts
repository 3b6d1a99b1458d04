/**
 * File access for the CLI and the extension (the engine itself reads no
 * files): the built-in data shipped beside the code, `.rubric.yaml` lookup,
 * and glossary files named by the user.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {mergeGlossaries, parseGlossary, type GlossaryFile} from '../core/glossary.js';
import {parseConfig, type ConfigFile} from '../core/config.js';
import {buildEngineData, type ResolvedConfig} from '../core/engineData.js';
import {Engine} from '../core/engine.js';
import {allRules} from '../core/rules/index.js';
import {buildRuleset, checkGlossaryMarkings, parseMarkings, type MarkingRuleset, type MarkingsInput} from '../core/markings/index.js';
import {checkKamerbriefOverride, mergeKamerbriefData, parseKamerbriefData, type KamerbriefData} from '../core/kamerbrief/data.js';
import {say, type InputProblem, type Lang, type SeveritySetting} from '../core/types.js';
import type {DocumentKind} from '../core/document/profile.js';
import {parseKind} from '../core/document/kinds.js';
import {MAX_INPUT_BYTES} from '../core/yamlInput.js';
import {nodeCrypto} from './lazyCrypto.js';
import {decode, readBounded, TextFileError} from './textFile.js';

export const CONFIG_NAME = '.rubric.yaml';

let dataDir: string | undefined;

/** The folder holding the built-in `default.yaml` and schemas (`glossary/` of the package). */
export function builtinDataDir(): string {
  if (dataDir) return dataDir;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'glossary');
    if (fs.existsSync(path.join(candidate, 'default.yaml'))) return (dataDir = candidate);
    if (path.dirname(dir) === dir) throw new Error(`Rubric's built-in glossary was not found above ${__dirname}`);
  }
}

/**
 * Reads a YAML input (glossary, configuration, data file): a regular file of
 * at most MAX_INPUT_BYTES (checked while reading, so `/dev/zero` or a FIFO
 * cannot run away), in any encoding a document may have (UTF-8, UTF-16 with or
 * without a byte-order mark, Windows-1252).
 */
export function readTextFile(file: string): {text?: string; problem?: InputProblem} {
  try {
    const bytes = readBounded(file, MAX_INPUT_BYTES);
    return {text: decode(bytes, file).text};
  } catch (e) {
    const said = e instanceof TextFileError ? e.said : say(`kan het bestand niet lezen: ${(e as Error).message}`, `cannot read file: ${(e as Error).message}`);
    const message = say(said.nl.replace(/; (?:overgeslagen|niet gelezen)$/, ''), said.en.replace(/; (?:skipped|not read)$/, ''));
    return {problem: {file, line: lineOfReason(message.en), column: 0, severity: 'error', message}};
  }
}

/** The line a reading problem names (`line 3, column 5: …`), or 0. */
function lineOfReason(reason: string): number {
  const m = /^line (\d+)/.exec(reason);
  return m ? Number(m[1]) : 0;
}

export function loadGlossaryFile(file: string): GlossaryFile {
  const {text, problem} = readTextFile(file);
  if (text === undefined) return {file, entries: [], problems: problem ? [problem] : []};
  return parseGlossary(text, file);
}

/** Stands for the built-in data folder in dist/builtin.json. */
export const BUILTIN_DIR_TOKEN = '<rubric-data>';

/** The built-in data files, in the order their digest is taken. */
const BUILTIN_FILES = ['default.yaml', 'markings.yaml', 'ministries.yaml'];

export interface BuiltinCache {
  digest: string;
  glossary: GlossaryFile;
  markings: {input?: MarkingsInput; problems: InputProblem[]};
  kamerbrief: {data?: KamerbriefData; problems: InputProblem[]};
}

/**
 * A digest of the built-in data files, to tell whether dist/builtin.json is
 * still theirs (SHA-256 of their bytes, each after its length). Node's own
 * hash: loading node:crypto costs a short run about 3 ms, a hash written in
 * JavaScript over these 50 KB cost it 8 to 10 ms, run cold as it is there.
 */
export function builtinDigest(): string {
  const hash = nodeCrypto().createHash('sha256');
  for (const f of BUILTIN_FILES) {
    const bytes = fs.readFileSync(path.join(builtinDataDir(), f));
    hash.update(`${f}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

let cache: BuiltinCache | null | undefined;

/** Reads the built-in YAML itself from now on: for the build, whose parser may have changed while the YAML did not. */
export function bypassBuiltinCache(): void {
  cache = null;
}

/**
 * The built-in data as parsed and checked at build time (`dist/builtin.json`,
 * written by scripts/builtinData.ts), when it is current: it saves parsing
 * and validating the YAML at every start. Null when there is none.
 */
function builtinCache(): BuiltinCache | null {
  if (cache === undefined) {
    cache = null;
    try {
      const file = path.join(__dirname, 'builtin.json');
      if (fs.existsSync(file)) {
        const dir = JSON.stringify(builtinDataDir()).slice(1, -1);
        const read = JSON.parse(fs.readFileSync(file, 'utf8').split(BUILTIN_DIR_TOKEN).join(dir)) as BuiltinCache;
        if (read.digest === builtinDigest()) cache = read;
      }
    } catch {
      cache = null;
    }
  }
  return cache;
}

let builtin: GlossaryFile | undefined;

export function builtinGlossary(): GlossaryFile {
  return (builtin ??= builtinCache()?.glossary ?? loadGlossaryFile(path.join(builtinDataDir(), 'default.yaml')));
}

let builtinMarkingsFile: {input?: MarkingsInput; problems: InputProblem[]} | undefined;

/** The built-in classification schemes (`glossary/markings.yaml`). */
export function builtinMarkings(): {input?: MarkingsInput; problems: InputProblem[]} {
  builtinMarkingsFile ??= builtinCache()?.markings;
  if (!builtinMarkingsFile) {
    const file = path.join(builtinDataDir(), 'markings.yaml');
    const {text, problem} = readTextFile(file);
    builtinMarkingsFile = text === undefined ? {problems: problem ? [problem] : []} : parseMarkings(text, file);
  }
  return builtinMarkingsFile;
}

/** The marking ruleset: the built-in schemes with a configuration's changes. */
export function loadMarkings(changes?: MarkingsInput): {ruleset: MarkingRuleset; problems: InputProblem[]} {
  const builtin = builtinMarkings();
  const built = buildRuleset(builtin.input ?? {file: 'markings.yaml', schemes: []}, changes);
  return {ruleset: built.ruleset, problems: [...builtin.problems, ...built.problems]};
}

const kamerbriefFiles = new Map<string, {data?: KamerbriefData; problems: InputProblem[]}>();

/** The Kamerbrief data: `glossary/ministries.yaml`, or a file that replaces it, with a configuration's changes. */
export function loadKamerbrief(
  changes?: ConfigFile['kamerbrief'], file?: string, config?: {file: string; locate(field: string): {line: number; column: number}},
): {data?: KamerbriefData; problems: InputProblem[]} {
  const name = file ?? path.join(builtinDataDir(), 'ministries.yaml');
  if (!file && !kamerbriefFiles.has(name) && builtinCache()) kamerbriefFiles.set(name, builtinCache()!.kamerbrief);
  let read = kamerbriefFiles.get(name);
  if (!read || file) {
    const {text, problem} = readTextFile(name);
    read = text === undefined ? {problems: problem ? [problem] : []} : parseKamerbriefData(text, name);
    if (!file) kamerbriefFiles.set(name, read);
  }
  if (!read.data || !changes) return read;
  const data = mergeKamerbriefData(read.data, changes);
  // Problems in the changes point at their place in .rubric.yaml.
  const placed = checkKamerbriefOverride(changes, data, config?.file ?? CONFIG_NAME)
    .map((p) => (config && p.field ? {...p, ...config.locate(p.field)} : p));
  return {data, problems: [...read.problems, ...placed]};
}

/** The nearest `.rubric.yaml` in the file's folder or above it. */
export function findConfig(fromFile: string): string | undefined {
  let dir = path.dirname(path.resolve(fromFile));
  for (;;) {
    const candidate = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadOptions {
  /** A configuration file to use instead of looking one up. */
  configFile?: string;
  /** Extra glossary files (after the configuration's). */
  glossaries?: string[];
  lang?: Lang;
  rules?: Record<string, SeveritySetting>;
  /** Read nothing from the workspace: only the built-in glossary and rules. */
  builtinOnly?: boolean;
  /** The documents' date (YYYY-MM-DD), over the date each states (`--date`). */
  date?: string;
  /** The documents' kind, over every other source (`--kind`). */
  kind?: DocumentKind;
}

export interface LoadedEngine {
  engine: Engine;
  problems: InputProblem[];
  /** The files the engine was built from (for watching). */
  files: string[];
}

/** Builds an engine for a file: built-in data, the nearest configuration, its glossaries and the extra ones. */
export function loadEngine(forFile: string, options: LoadOptions = {}): LoadedEngine {
  const problems: InputProblem[] = [];
  const files: string[] = [];
  const glossaryFiles: GlossaryFile[] = [builtinGlossary()];
  let config: ConfigFile = {};
  let kamerbriefFile: string | undefined;
  let where: {file: string; locate(field: string): {line: number; column: number}} | undefined;
  if (!options.builtinOnly) {
    const configFile = options.configFile ?? findConfig(forFile);
    if (configFile) {
      files.push(configFile);
      const {text, problem} = readTextFile(configFile);
      if (problem) problems.push(problem);
      else {
        const parsed = parseConfig(text!, configFile);
        for (const p of parsed.problems) problems.push(p);
        if (parsed.config) config = parsed.config;
        where = {file: configFile, locate: parsed.locate};
      }
    }
    const base = configFile ? path.dirname(configFile) : process.cwd();
    if (config.kamerbrief?.file) kamerbriefFile = path.resolve(base, config.kamerbrief.file);
    const extra = [...(config.glossaries ?? []).map((g) => path.resolve(base, g)), ...(options.glossaries ?? []).map((g) => path.resolve(g))];
    for (const g of extra) {
      files.push(g);
      glossaryFiles.push(loadGlossaryFile(g));
    }
  }
  const merged = mergeGlossaries(glossaryFiles);
  for (const p of merged.problems) problems.push(p);
  const markings = loadMarkings(config.markings);
  problems.push(...markings.problems, ...checkGlossaryMarkings(merged.entries, markings.ruleset));
  const kamerbrief = loadKamerbrief(config.kamerbrief, kamerbriefFile, where);
  problems.push(...kamerbrief.problems);
  if (kamerbriefFile) files.push(kamerbriefFile);
  const resolved: ResolvedConfig = {
    rules: {...(config.rules ?? {}), ...(options.rules ?? {})},
    wellKnown: config.wellKnown ?? [],
    lang: options.lang ?? config.lang ?? 'nl',
    requireBanner: config.markings?.requireBanner ?? false,
    ...(options.date ? {cliDate: options.date} : {}),
    ...(options.kind ? {cliKind: options.kind} : {}),
    ...(config.date ? {configDate: config.date} : {}),
    ...(config.kind && parseKind(config.kind) ? {configKind: parseKind(config.kind)} : {}),
    // `ignore:` entries name their file relative to the configuration; the linter compares absolute paths.
    ...(config.ignore?.length && where ? {ignore: config.ignore.map((e) => ({...e, ...(e.file ? {file: path.resolve(path.dirname(where!.file), e.file)} : {})}))} : {}),
  };
  return {engine: new Engine(buildEngineData(merged.entries, resolved, markings.ruleset, kamerbrief.data), allRules), problems, files};
}
