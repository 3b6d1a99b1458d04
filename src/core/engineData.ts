/**
 * Everything the rules read besides the document: the compiled glossary and
 * the resolved configuration. Built once per glossary/config change.
 */

import {todayIso} from './clock.js';
import type {GlossaryEntry} from './glossary.js';
import {Matcher} from './matcher.js';
import {EMPTY_RULESET, type MarkingRuleset} from './markings/ruleset.js';
import type {KamerbriefData} from './kamerbrief/data.js';
import type {Lang, SeveritySetting} from './types.js';
import type {DocumentKind} from './document/profile.js';

export interface ResolvedConfig {
  /** Severity per rule id; missing ids use the rule's default. */
  rules: Record<string, SeveritySetting>;
  /** Acronyms the readers know, beyond the glossary's `wellKnown` ones. */
  wellKnown: string[];
  lang: Lang;
  /** Every document must carry banners (`markings.requireBanner` in `.rubric.yaml`, per folder). */
  requireBanner?: boolean;
  /** The documents' date from the command line (`--date`, YYYY-MM-DD): it overrides the date a document states. */
  cliDate?: string;
  /** The documents' kind from the command line (`--kind`): it overrides every other source. */
  cliKind?: DocumentKind;
  /** `date:` in `.rubric.yaml` (YYYY-MM-DD): the date of documents that state none. */
  configDate?: string;
  /** `kind:` in `.rubric.yaml`: the kind of documents whose front matter sets none. */
  configKind?: DocumentKind;
  /** Today (YYYY-MM-DD), for tests that need a fixed clock; absent: the real date. Read it with todayOf(). */
  today?: string;
  /** `ignore:` in `.rubric.yaml`: findings on these words that the writer judged right (in one file, for one rule, where given). */
  ignore?: IgnoreEntry[];
}

/** Findings of `rule` (any rule when absent) on exactly `text`, in `file` (an absolute path; every file when absent), are dropped. */
export interface IgnoreEntry {
  text: string;
  rule?: string;
  file?: string;
}

export const DEFAULT_CONFIG: ResolvedConfig = {rules: {}, wellKnown: [], lang: 'nl'};

export interface EngineData {
  entries: GlossaryEntry[];
  byTerm: Map<string, GlossaryEntry>;
  /** Each entry's place in `entries` (matchSummary.ts). */
  entryNumber: ReadonlyMap<GlossaryEntry, number>;
  matcher: Matcher;
  /**
   * The entries with `minimumMarking` (code words) alone, matched against
   * every character of a document (code, HTML, URLs, link targets, file
   * names, front matter): for the leak check, unlike terminology, nothing is
   * out of scope. Absent when no entry has a minimum marking.
   */
  restrictedMatcher?: Matcher;
  /** Acronyms exempt from the define-before-use rule. */
  wellKnown: Set<string>;
  config: ResolvedConfig;
  /** The classification schemes (built-in `markings.yaml` with the configuration's changes); empty: no marking checks. */
  markings: MarkingRuleset;
  /** Address blocks and dated ministry names (built-in `ministries.yaml` with the configuration's changes); absent: the Kamerbrief checks that need them are off. */
  kamerbrief?: KamerbriefData;
}

export function buildEngineData(
  entries: GlossaryEntry[],
  config: ResolvedConfig = DEFAULT_CONFIG,
  markings: MarkingRuleset = EMPTY_RULESET,
  kamerbrief?: KamerbriefData,
): EngineData {
  const byTerm = new Map(entries.map((e) => [e.term, e]));
  const wellKnown = new Set(config.wellKnown);
  for (const e of entries) if (e.wellKnown) wellKnown.add(e.term);
  const restricted = entries.filter((e) => e.minimumMarking);
  // A law's year after next year is no year yet (`Wiv 2071`): a typo.
  const nextYear = Number(todayOf(config).slice(0, 4)) + 1;
  return {
    entries, byTerm, entryNumber: new Map(entries.map((e, n) => [e, n])), matcher: new Matcher(entries, {nextYear}), ...(restricted.length ? {restrictedMatcher: new Matcher(restricted)} : {}),
    wellKnown, config, markings, kamerbrief,
  };
}

/** Today as YYYY-MM-DD in local time: the configuration's fixed day, else the core's clock (clock.ts). */
export function todayOf(config: ResolvedConfig): string {
  return config.today ?? todayIso();
}
