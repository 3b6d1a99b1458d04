/**
 * The marking ruleset as data: schemes and levels read from
 * `glossary/markings.yaml`, changed by a `markings:` section of
 * `.rubric.yaml`, checked, and compiled for the recognizer.
 */

import markingsSchema from '../../../glossary/schema/markings.schema.json';
import type {GlossaryEntry} from '../glossary.js';
import {say, type InputProblem, type Localized} from '../types.js';
import {fieldPath, readYaml} from '../yamlInput.js';
import {tokenize, type Tokens} from './forms.js';

export type SchemeKind = 'classification' | 'label';

/** Where a scheme or level was defined. */
export interface Origin {
  file: string;
  line: number;
  column: number;
  /** Field path in that file (`schemes[0].levels[2]`, `markings.schemes[1]`). */
  field: string;
}

export interface MarkingLevel {
  schemeId: string;
  schemeName: string;
  kind: SchemeKind;
  id: string;
  /** `scheme/id`, unique in a ruleset (`nl/stg-g`). */
  key: string;
  /** 0 unclassified, 1 lowest; equal ranks are equivalent across schemes. -1 for labels (TLP). */
  rank: number;
  /** The canonical form: the banner line (`Stg. GEHEIM`), or the label (`TLP:AMBER`). */
  banner: string;
  /** Other accepted forms, written out and short. */
  long: string[];
  short: string[];
  /** Accepted portion marks with their parentheses, the canonical one first. */
  portions: string[];
  /** Recognised wrong forms of this level. */
  aliases: string[];
  description?: string;
  origin: Origin;
}

export interface MarkingScheme {
  id: string;
  name: string;
  kind: SchemeKind;
  source?: string;
  levels: MarkingLevel[];
  origin: Origin;
}

export type FormRole = 'banner' | 'long' | 'short' | 'portion' | 'alias';

export interface CompiledForm {
  level: MarkingLevel;
  role: FormRole;
  /** The form as the data writes it (portion marks without their parentheses). */
  text: string;
  tokens: Tokens;
}

export interface MarkingRuleset {
  schemes: MarkingScheme[];
  /** The levels of the classification schemes, in data order. */
  levels: MarkingLevel[];
  /** The levels of the label schemes (TLP). */
  labels: MarkingLevel[];
  /** `<label>: <value>` states the classification period; required from `fromRank` up. */
  duration: {label: string; fromRank: number};
  /** Every form of every level, for the recognizer. */
  forms: CompiledForm[];
  /** Upper-cased first token of each label scheme's forms (`TLP`). */
  anchors: string[];
  /** Level by exact name: `scheme/id`, banner, long, short and portion forms. */
  byName: Map<string, MarkingLevel>;
}

// ---------------------------------------------------------------------------
// Input: the YAML shape, and the same with the place of each part
// ---------------------------------------------------------------------------

type Texts = string | string[];

export interface RawLevel {
  id: string;
  rank?: number;
  banner?: string;
  long?: Texts;
  short?: Texts;
  portion?: Texts;
  aliases?: Texts;
  description?: string;
}

export interface RawScheme {
  id: string;
  name?: string;
  kind?: SchemeKind;
  source?: string;
  levels?: RawLevel[];
}

/** `markings.yaml`, or the `markings:` section of `.rubric.yaml`. */
export interface RawMarkings {
  schemes?: RawScheme[];
  duration?: {label?: string; fromRank?: number};
  /** Only in `.rubric.yaml`: every document under it must carry banners. */
  requireBanner?: boolean;
}

export interface LevelInput {
  id: string;
  rank?: number;
  banner?: string;
  long?: string[];
  short?: string[];
  portion?: string[];
  aliases?: string[];
  description?: string;
  origin: Origin;
}

export interface SchemeInput {
  id: string;
  name?: string;
  kind?: SchemeKind;
  source?: string;
  levels: LevelInput[];
  origin: Origin;
}

/** Markings read from one file, each part with its place in that file. */
export interface MarkingsInput {
  file: string;
  schemes: SchemeInput[];
  duration?: {label?: string; fromRank?: number; origin: Origin};
  requireBanner?: boolean;
}

const list = (t: Texts | undefined): string[] | undefined => (t === undefined ? undefined : (Array.isArray(t) ? t : [t]).map((s) => s.trim()));

/**
 * Turns validated YAML data into MarkingsInput. `lineOf` finds the line of a
 * JSON path in the file; `base` is the path of the markings inside it ('' for
 * `markings.yaml`, `/markings` for `.rubric.yaml`).
 */
export function readMarkingsInput(
  raw: RawMarkings,
  file: string,
  lineOf: (path: string) => {line: number; column: number},
  base = '',
): {input: MarkingsInput; problems: InputProblem[]} {
  const problems: InputProblem[] = [];
  const origin = (path: string): Origin => ({file, ...lineOf(path), field: fieldPath(path)});
  const schemes: SchemeInput[] = [];
  const schemeIds = new Map<string, Origin>();
  (raw.schemes ?? []).forEach((s, i) => {
    const at = `${base}/schemes/${i}`;
    const o = origin(at);
    const first = schemeIds.get(s.id);
    if (first) {
      problems.push(problem(o, `${o.field}.id`, say(`schema «${s.id}» staat er twee keer in (eerst op regel ${first.line})`, `duplicate scheme "${s.id}" (first defined on line ${first.line})`)));
      return;
    }
    schemeIds.set(s.id, o);
    const levelIds = new Map<string, Origin>();
    const levels: LevelInput[] = [];
    (s.levels ?? []).forEach((l, j) => {
      const lo = origin(`${at}/levels/${j}`);
      const firstLevel = levelIds.get(l.id);
      if (firstLevel) {
        problems.push(problem(lo, `${lo.field}.id`, say(`niveau «${s.id}/${l.id}» staat er twee keer in (eerst op regel ${firstLevel.line})`, `duplicate level "${s.id}/${l.id}" (first defined on line ${firstLevel.line})`)));
        return;
      }
      levelIds.set(l.id, lo);
      levels.push({
        id: l.id, rank: l.rank, banner: l.banner?.trim(), long: list(l.long), short: list(l.short),
        portion: list(l.portion), aliases: list(l.aliases), description: l.description, origin: lo,
      });
    });
    schemes.push({id: s.id, name: s.name, kind: s.kind, source: s.source, levels, origin: o});
  });
  const duration = raw.duration ? {...raw.duration, origin: origin(`${base}/duration`)} : undefined;
  return {input: {file, schemes, duration, requireBanner: raw.requireBanner}, problems};
}

/** Parses a markings file (`glossary/markings.yaml` or an organisation's own). */
export function parseMarkings(text: string, file: string): {input: MarkingsInput | undefined; problems: InputProblem[]} {
  const yaml = readYaml<RawMarkings>(text, file, markingsSchema);
  if (!yaml.data) return {input: undefined, problems: yaml.problems};
  const read = readMarkingsInput(yaml.data, file, yaml.lineOf);
  return {input: read.input, problems: [...yaml.problems, ...read.problems]};
}

function problem(o: Origin, field: string, message: Localized, severity: 'error' | 'warning' = 'error'): InputProblem {
  return {file: o.file, line: o.line, column: o.column, field, message, severity};
}

// ---------------------------------------------------------------------------
// Merging and compiling
// ---------------------------------------------------------------------------

export const DEFAULT_DURATION = {label: 'Rubriceringstermijn', fromRank: 2};

/** A ruleset without schemes: marking rules find nothing. */
export const EMPTY_RULESET: MarkingRuleset = {
  schemes: [], levels: [], labels: [], duration: DEFAULT_DURATION, forms: [], anchors: [], byName: new Map(),
};

const accepted = (l: LevelInput): string[] => [l.banner, ...(l.long ?? []), ...(l.short ?? []), ...(l.portion ?? [])].filter((s): s is string => !!s);

/** Applies a `.rubric.yaml` level to a built-in one: given fields replace; forms no longer accepted become aliases. */
function mergeLevel(old: LevelInput, change: LevelInput): LevelInput {
  const merged: LevelInput = {...old, origin: change.origin};
  for (const k of ['rank', 'banner', 'long', 'short', 'portion', 'aliases', 'description'] as const) {
    if (change[k] !== undefined) (merged as unknown as Record<string, unknown>)[k] = change[k];
  }
  const now = new Set(accepted(merged));
  const dropped = accepted(old).filter((f) => !now.has(f)).map((f) => (/^\(.*\)$/.test(f) ? f.slice(1, -1) : f));
  if (dropped.length) merged.aliases = [...new Set([...(merged.aliases ?? []), ...dropped])].filter((a) => !now.has(a));
  return merged;
}

/**
 * Builds the ruleset from the built-in markings and, optionally, an
 * organisation's changes: a scheme with a new id is added, one with a known id
 * is changed level by level (by level id). Parts with errors are left out and
 * reported with the file, line and field they came from.
 */
export function buildRuleset(base: MarkingsInput, ...changes: (MarkingsInput | undefined)[]): {ruleset: MarkingRuleset; problems: InputProblem[]} {
  const problems: InputProblem[] = [];
  const schemes = new Map<string, SchemeInput>();
  for (const s of base.schemes) schemes.set(s.id, {...s, levels: [...s.levels]});
  let duration = {...DEFAULT_DURATION, ...stripOrigin(base.duration)};
  for (const change of changes) {
    if (!change) continue;
    for (const s of change.schemes) {
      const old = schemes.get(s.id);
      if (!old) {
        schemes.set(s.id, {...s, levels: [...s.levels]});
        continue;
      }
      const levels = [...old.levels];
      for (const l of s.levels) {
        const i = levels.findIndex((x) => x.id === l.id);
        if (i === -1) levels.push(l);
        else levels[i] = mergeLevel(levels[i], l);
      }
      schemes.set(s.id, {
        ...old, name: s.name ?? old.name, kind: s.kind ?? old.kind, source: s.source ?? old.source, levels, origin: s.origin,
      });
    }
    duration = {...duration, ...stripOrigin(change.duration)};
  }
  return {ruleset: compile([...schemes.values()], duration, problems), problems};
}

function stripOrigin<T extends {origin: Origin}>(x: T | undefined): Omit<T, 'origin'> | undefined {
  if (!x) return undefined;
  const {origin: _origin, ...rest} = x;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<T, 'origin'>;
}

function compile(inputs: SchemeInput[], duration: {label: string; fromRank: number}, problems: InputProblem[]): MarkingRuleset {
  const schemes: MarkingScheme[] = [];
  const forms: CompiledForm[] = [];
  const byKey = new Map<string, CompiledForm>();
  const byName = new Map<string, MarkingLevel>();
  const anchors: string[] = [];

  for (const s of inputs) {
    const kind = s.kind ?? 'classification';
    const scheme: MarkingScheme = {id: s.id, name: s.name ?? s.id, kind, source: s.source, levels: [], origin: s.origin};
    const ranks = new Map<number, LevelInput>();
    let anchor: string | undefined;
    for (const l of s.levels) {
      const field = l.origin.field;
      if (!l.banner) {
        problems.push(problem(l.origin, `${field}.banner`, say(`niveau «${s.id}/${l.id}» heeft geen vorm voor de kopregel (banner)`, `level "${s.id}/${l.id}" has no banner form`)));
        continue;
      }
      if (kind === 'classification') {
        if (l.rank === undefined) {
          problems.push(problem(l.origin, `${field}.rank`, say(`niveau «${s.id}/${l.id}» heeft geen rang (rank)`, `level "${s.id}/${l.id}" has no rank`)));
          continue;
        }
        const same = ranks.get(l.rank);
        if (same) {
          problems.push(problem(l.origin, `${field}.rank`, say(`niveaus «${s.id}/${same.id}» en «${s.id}/${l.id}» hebben dezelfde rang ${l.rank}`, `levels "${s.id}/${same.id}" and "${s.id}/${l.id}" have the same rank ${l.rank}`)));
          continue;
        }
      } else {
        const first = tokenize(l.banner).tokens[0] ?? '';
        const off = [l.banner, ...(l.long ?? []), ...(l.short ?? []), ...(l.aliases ?? [])].find((f) => (tokenize(f).tokens[0] ?? '') !== (anchor ?? first));
        if (off !== undefined) {
          problems.push(problem(l.origin, field, say(`elke vorm van een schema van labels moet met hetzelfde woord beginnen («${anchor ?? first}»): «${off}»`, `every form of a label scheme must begin with the same word ("${anchor ?? first}"): "${off}"`)));
          continue;
        }
        anchor ??= first;
        if (l.portion?.length) problems.push(problem(l.origin, `${field}.portion`, say(`labels hebben geen portiemarkeringen; die van «${s.id}/${l.id}» worden genegeerd`, `labels have no portion marks; "${s.id}/${l.id}" ignores them`), 'warning'));
      }
      const level: MarkingLevel = {
        schemeId: s.id, schemeName: scheme.name, kind, id: l.id, key: `${s.id}/${l.id}`,
        rank: kind === 'classification' ? l.rank! : -1,
        banner: l.banner, long: l.long ?? [], short: l.short ?? [],
        portions: kind === 'classification' ? l.portion ?? [] : [], aliases: l.aliases ?? [],
        description: l.description, origin: l.origin,
      };
      const levelForms: CompiledForm[] = [];
      const add = (role: FormRole, text: string, fieldName: string): boolean => {
        const tokens = tokenize(text);
        if (!tokens.key) {
          problems.push(problem(l.origin, `${field}.${fieldName}`, say(`«${text}» bevat geen letters of cijfers`, `"${text}" has no letters or digits`)));
          return false;
        }
        const other = byKey.get(tokens.key);
        if (other && other.level.key !== level.key) {
          problems.push(problem(l.origin, `${field}.${fieldName}`, say(`«${text}» is niet te onderscheiden van «${other.text}» van niveau «${other.level.key}»`, `"${text}" cannot be told apart from "${other.text}" of level "${other.level.key}"`)));
          return false;
        }
        levelForms.push({level, role, text, tokens});
        return true;
      };
      // A level whose banner cannot be recognised is left out; a colliding other form only loses that form.
      if (!add('banner', level.banner, 'banner')) continue;
      if (kind === 'classification') ranks.set(level.rank, l);
      for (const t of level.long) add('long', t, 'long');
      for (const t of level.short) add('short', t, 'short');
      for (const t of level.portions) add('portion', t.slice(1, -1), 'portion');
      for (const t of level.aliases) add('alias', t, 'aliases');
      // A form repeated within one level keeps its most specific role (banner > long > short > portion > alias).
      for (const f of levelForms) {
        if (!byKey.has(f.tokens.key)) byKey.set(f.tokens.key, f);
        forms.push(f);
      }
      scheme.levels.push(level);
      for (const name of [level.key, level.banner, ...level.long, ...level.short, ...level.portions]) {
        if (!byName.has(name)) byName.set(name, level);
      }
    }
    if (kind === 'label' && anchor) anchors.push(anchor);
    schemes.push(scheme);
  }
  const all = schemes.flatMap((s) => s.levels);
  return {
    schemes,
    levels: all.filter((l) => l.kind === 'classification'),
    labels: all.filter((l) => l.kind === 'label'),
    duration,
    forms,
    anchors,
    byName,
  };
}

// ---------------------------------------------------------------------------
// Levels named elsewhere (glossary `minimumMarking`)
// ---------------------------------------------------------------------------

/** The classification level a name stands for (`Stg. GEHEIM`, `(Stg.G)`, `nl/stg-g`), or undefined. */
export function levelByName(ruleset: MarkingRuleset, name: string): MarkingLevel | undefined {
  const level = ruleset.byName.get(name.trim());
  return level?.kind === 'classification' ? level : undefined;
}

/**
 * Checks that every glossary `minimumMarking` names a classification level
 * of the ruleset. A recognisable but wrong form is a warning (and still used);
 * an unknown name is an error.
 */
export function checkMinimumMarkings(
  entries: GlossaryEntry[],
  ruleset: MarkingRuleset,
  resolve: (name: string) => MarkingLevel | undefined,
): InputProblem[] {
  if (ruleset.levels.length === 0) return [];
  const problems: InputProblem[] = [];
  for (const e of entries) {
    if (e.minimumMarking === undefined) continue;
    const at = {file: e.origin.file, line: e.origin.line, column: 1, field: `${e.term}.minimumMarking`};
    const exact = levelByName(ruleset, e.minimumMarking);
    if (exact) continue;
    const label = ruleset.byName.get(e.minimumMarking.trim());
    if (label) {
      problems.push({...at, severity: 'error', message: say(`«${e.minimumMarking}» is een label voor delen, geen rubriceringsniveau`, `"${e.minimumMarking}" is a sharing label, not a classification level`)});
      continue;
    }
    const level = resolve(e.minimumMarking);
    if (level) {
      problems.push({...at, severity: 'warning', message: say(`«${e.minimumMarking}» is geen geldige vorm van een rubriceringsniveau; schrijf «${level.banner}»`, `"${e.minimumMarking}" is not a valid form of a marking level; write "${level.banner}"`)});
    } else {
      const known = ruleset.levels.filter((l) => l.rank > 0).map((l) => l.banner).join(', ');
      problems.push({...at, severity: 'error', message: say(`onbekend rubriceringsniveau «${e.minimumMarking}» (bekend: ${known})`, `unknown marking level "${e.minimumMarking}" (known: ${known})`)});
    }
  }
  return problems;
}
