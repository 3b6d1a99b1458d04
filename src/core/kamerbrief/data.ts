/**
 * The Kamerbrief data (glossary/ministries.yaml): the address block of a
 * letter to the Kamer and the ministry names as dated data. Parsed and
 * checked here; read from disk by src/node/files.ts.
 */

import {now} from '../clock.js';
import {editDistance} from '../distance.js';
import ministriesSchema from '../../../glossary/schema/ministries.schema.json';
import {fold} from '../text.js';
import {say, type InputProblem, type Localized} from '../types.js';
import {readYaml} from '../yamlInput.js';
import {isoDate, toDutchDate, type DutchDate} from './dates.js';

/** `from` is the first day the name was official, `until` the first day it no longer was (YYYY-MM-DD). */
export interface Period {
  from?: string;
  until?: string;
}

export interface Ministry {
  /** As written after `minister van` (or, for a portfolio, `minister voor`). */
  name: string;
  abbreviation?: string;
  /** How the minister signs, when not `minister van <name>`. */
  title?: string;
  /** Empty: official throughout. */
  periods: Period[];
  replacedBy?: string;
  note?: string;
}

export interface Addressee {
  name: string;
  /** `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal` */
  addressee: string;
  /** `Postbus 20018` */
  postbus: string;
  /** Accepted postcode-and-city lines; the first is the one fixes write. */
  city: string[];
}

export interface KamerbriefData {
  addressees: Addressee[];
  ministries: Ministry[];
  /** Portfolios of ministers without a ministry (`minister voor …`). */
  ministersFor: Ministry[];
}

/** A ministry as the YAML writes it: `periods` may be left out. */
export type MinistryInput = Omit<Ministry, 'periods'> & {periods?: Period[]};

/** What `.rubric.yaml` may change under `kamerbrief:` (besides `file`). */
export interface KamerbriefOverride {
  addressees?: Addressee[];
  ministries?: MinistryInput[];
  ministersFor?: MinistryInput[];
}

interface RawData {
  addressees: Addressee[];
  ministries: MinistryInput[];
  ministersFor?: MinistryInput[];
}

const normalize = (list: MinistryInput[] | undefined): Ministry[] => (list ?? []).map((m) => ({...m, periods: m.periods ?? []}));

/** Parses and checks a data file in the shape of glossary/ministries.yaml. */
export function parseKamerbriefData(text: string, file: string): {data?: KamerbriefData; problems: InputProblem[]} {
  const input = readYaml<RawData>(text, file, ministriesSchema);
  const problems = [...input.problems];
  if (!input.data) return {problems};
  const data: KamerbriefData = {
    addressees: input.data.addressees,
    ministries: normalize(input.data.ministries),
    ministersFor: normalize(input.data.ministersFor),
  };
  problems.push(...checkKamerbriefData(data, file, (path) => input.lineOf(path)));
  return {data: problems.some((p) => p.severity === 'error') ? undefined : data, problems};
}

/** Problems that only show across entries: duplicates, empty periods, `replacedBy` pointing nowhere. */
export function checkKamerbriefData(
  data: KamerbriefData,
  file: string,
  lineOf: (path: string) => {line: number; column: number} = () => ({line: 0, column: 0}),
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const list of ['ministries', 'ministersFor'] as const) {
    const seen = new Set<string>();
    data[list].forEach((m, i) => {
      const at = lineOf(`/${list}/${i}`);
      const fail = (field: string, message: Localized, severity: 'error' | 'warning' = 'error') =>
        problems.push({file, ...at, field: `${list}[${i}].${field}`, message, severity});
      if (seen.has(m.name)) fail('name', say(`naam «${m.name}» staat er twee keer in`, `duplicate name "${m.name}"`));
      seen.add(m.name);
      m.periods.forEach((p, j) => {
        if (p.from && p.until && p.from >= p.until) fail(`periods[${j}]`, say(`«from» (${p.from}) moet vóór «until» (${p.until}) liggen`, `"from" (${p.from}) must be before "until" (${p.until})`));
      });
      if (m.replacedBy !== undefined && !data[list].some((o) => o.name === m.replacedBy)) {
        fail('replacedBy', say(`«${m.replacedBy}» is geen naam in ${list}`, `"${m.replacedBy}" is not a name in ${list}`), 'warning');
      }
    });
  }
  return problems;
}

/** Problems in an organisation's changes (`kamerbrief:` in `.rubric.yaml`), judged against the merged data. */
export function checkKamerbriefOverride(override: KamerbriefOverride, merged: KamerbriefData, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const list of ['ministries', 'ministersFor'] as const) {
    const own: KamerbriefData = {addressees: [], ministries: [], ministersFor: []};
    own[list] = normalize(override[list]);
    for (const p of checkKamerbriefData(own, file)) {
      if (p.field?.endsWith('.replacedBy')) continue;
      problems.push({...p, field: `kamerbrief.${p.field}`});
    }
    (override[list] ?? []).forEach((m, i) => {
      if (m.replacedBy !== undefined && !merged[list].some((o) => o.name === m.replacedBy)) {
        problems.push({
          file, line: 0, column: 0, field: `kamerbrief.${list}[${i}].replacedBy`, severity: 'warning',
          message: say(`«${m.replacedBy}» is geen naam in ${list}`, `"${m.replacedBy}" is not a name in ${list}`),
        });
      }
    });
  }
  return problems;
}

/** The base data with an organisation's changes: entries with the same name replaced, new ones added. */
export function mergeKamerbriefData(base: KamerbriefData, override: KamerbriefOverride | undefined): KamerbriefData {
  if (!override) return base;
  const merge = (a: Ministry[], b: MinistryInput[] | undefined): Ministry[] => {
    if (!b?.length) return a;
    const byName = new Map(a.map((m) => [m.name, m]));
    for (const m of normalize(b)) byName.set(m.name, m);
    return [...byName.values()];
  };
  return {
    addressees: override.addressees?.length ? override.addressees : base.addressees,
    ministries: merge(base.ministries, override.ministries),
    ministersFor: merge(base.ministersFor, override.ministersFor),
  };
}

export type NameStatus = 'official' | 'outdated' | 'not-yet';

/** Whether a name was official on a day (YYYY-MM-DD). */
export function nameStatus(m: Ministry, day: string): NameStatus {
  if (m.periods.length === 0) return 'official';
  if (m.periods.some((p) => (!p.from || p.from <= day) && (!p.until || day < p.until))) return 'official';
  return m.periods.some((p) => p.until && p.until <= day) ? 'outdated' : 'not-yet';
}

export function dayOf(at: Date | DutchDate | string): string {
  if (typeof at === 'string') return at;
  return isoDate(at instanceof Date ? toDutchDate(at) : at);
}

/** How a minister of this ministry signs, without `De` and the comma: `minister van Defensie`. */
export function signatureTitle(m: Ministry): string {
  return m.title ?? `minister van ${m.name}`;
}

/** The signature titles of the ministries official on a day, in the data's order. */
export function ministerTitles(data: KamerbriefData, at: Date | DutchDate | string = now()): string[] {
  const day = dayOf(at);
  return data.ministries.filter((m) => nameStatus(m, day) === 'official').map(signatureTitle);
}

/** Compares names regardless of case, diacritics, spacing and hyphens. */
export function nameKey(text: string): string {
  return fold(text).toLowerCase().replace(/[\s\u00a0-]+/g, ' ').replace(/\s*,\s*/g, ', ').trim();
}

export interface NameLookup {
  ministry: Ministry;
  /** exact; spelling: differs in case, diacritics or spacing; abbreviation: `BZK`; near: a small typo. */
  how: 'exact' | 'spelling' | 'abbreviation' | 'near';
}

/** Finds which listed name a written name means. */
export function lookupName(list: readonly Ministry[], written: string): NameLookup | undefined {
  const text = written.trim().replace(/\s+/g, ' ');
  const exact = list.find((m) => m.name === text);
  if (exact) return {ministry: exact, how: 'exact'};
  const key = nameKey(text);
  const spelled = list.find((m) => nameKey(m.name) === key);
  if (spelled) return {ministry: spelled, how: 'spelling'};
  const abbr = list.find((m) => m.abbreviation && m.abbreviation.toLowerCase().replace(/&/g, '') === key.replace(/&/g, ''));
  if (abbr) return {ministry: abbr, how: 'abbreviation'};
  let best: Ministry | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const m of list) {
    const other = nameKey(m.name);
    const limit = Math.min(2, Math.floor(other.length / 6));
    const d = editDistance(key, other, limit);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = m;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return best && !tie ? {ministry: best, how: 'near'} : undefined;
}

const namePatterns = new WeakMap<readonly Ministry[], Array<{ministry: Ministry; re: RegExp}>>();

function charClass(ch: string): string {
  const base = fold(ch);
  const esc = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  return base !== ch && base.length === 1 ? `[${esc(ch)}${esc(base)}]` : esc(ch);
}

/**
 * The longest listed name written at `pos` in running text (`minister van
 * Buitenlandse Zaken en\nde minister …`): any case, diacritics optional,
 * any whitespace between words.
 */
export function nameAt(list: readonly Ministry[], text: string, pos: number): {ministry: Ministry; end: number} | undefined {
  let patterns = namePatterns.get(list);
  if (!patterns) {
    patterns = list
      .map((m) => ({
        ministry: m,
        re: new RegExp([...m.name].map((c) => (/\s/.test(c) ? '\\s+' : charClass(c))).join('') + '(?![\\p{L}\\p{N}])', 'iuy'),
      }))
      .sort((a, b) => b.ministry.name.length - a.ministry.name.length);
    namePatterns.set(list, patterns);
  }
  for (const p of patterns) {
    p.re.lastIndex = pos;
    if (p.re.test(text)) return {ministry: p.ministry, end: p.re.lastIndex};
  }
  return undefined;
}
