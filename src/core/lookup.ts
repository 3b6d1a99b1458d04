/**
 * What an editor asks of a lint at one place, and of an engine as a whole:
 * the glossary term or marking under the cursor and what to say of it, the
 * glossary's entries and the marking levels to complete. The editor layers ask
 * this rather than reading the engine's internals.
 */

import {entryMarkdown, levelMarkdown} from './describe.js';
import type {Engine, LintResult} from './engine.js';
import type {GlossaryEntry} from './glossary.js';
import type {EngineData, ResolvedConfig} from './engineData.js';
import {classify, type MarkingLevel, type MarkingRuleset} from './markings/index.js';
import type {TermMatch} from './matcher.js';
import type {Lang} from './types.js';

export interface HoverText {
  /** Markdown. */
  markdown: string;
  start: number;
  end: number;
  /** The glossary term the hover describes (absent for a marking). */
  term?: string;
}

/** What Rubric says of the term or marking at `offset`, if there is one. */
export function hoverAt(result: LintResult, offset: number): HoverText | undefined {
  const lang = result.context.data.config.lang;
  const match = result.context.matches.find((m) => m.start <= offset && offset <= m.tailEnd);
  if (match) return {markdown: entryMarkdown(match.form.entry, lang), start: match.start, end: match.tailEnd, term: match.form.entry.term};
  const c = classify(result.context);
  const marking = [c.top, c.bottom, ...c.portions, ...c.labels].find((m) => m && m.level && m.start <= offset && offset <= m.end);
  if (marking?.level) {
    return {markdown: levelMarkdown(marking.level, result.context.data.markings, lang, marking.valid ? undefined : marking.expected), start: marking.start, end: marking.end};
  }
  return undefined;
}

/** The language of the engine's texts (`rubric.lang`, else `.rubric.yaml`'s `lang:`, else Dutch). */
export function langOf(engine: Engine): Lang {
  return engine.data.config.lang;
}

/** The glossary's entries, built-in and configured, in order. */
export function glossaryEntries(engine: Engine): readonly GlossaryEntry[] {
  return engine.data.entries;
}

/**
 * The glossary entry a writer means by `wanted`: the entry of that term (in any case), else the entry
 * of the first glossary form found in it (a variant, an inflection), else undefined.
 */
export function findEntry(engine: Engine, wanted: string): GlossaryEntry | undefined {
  const exact = engine.data.entries.find((e) => e.term.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const found: TermMatch[] = [];
  engine.data.matcher.scan(wanted, 0, wanted.length, found);
  return found[0]?.form.entry;
}

/** The marking schemes in force (built-in `markings.yaml` with the configuration's changes). */
export function markingRulesetOf(engine: Engine): MarkingRuleset {
  return engine.data.markings;
}

/** The Kamerbrief data in force (ministries, addresses), if any. */
export function kamerbriefDataOf(engine: Engine): EngineData['kamerbrief'] {
  return engine.data.kamerbrief;
}

/** The configuration the engine was built with, as the lint cache keys on it. */
export function configOf(engine: Engine): Readonly<ResolvedConfig> {
  return engine.data.config;
}

export interface CompletionEntry {
  label: string;
  /** A short description beside the label. */
  description: string;
  kind: 'term' | 'expansion' | 'banner' | 'portion';
  insertText: string;
  filterText: string;
  /** The details pane, as Markdown. */
  documentation: string;
}

/**
 * What the engine completes: each current term, its written-out form with the acronym
 * (`Toetsingscommissie Inzet Bevoegdheden (TIB)`) where it is no well-known acronym,
 * and every marking level's banner and first portion mark.
 */
export function completionEntries(engine: Engine): CompletionEntry[] {
  const {entries, config, wellKnown, markings} = engine.data;
  const items: CompletionEntry[] = [];
  for (const e of entries) {
    if (e.deprecated) continue;
    const docs = entryMarkdown(e, config.lang);
    items.push({label: e.term, description: e.expansions[0] ?? '', kind: 'term', insertText: e.term, filterText: e.term, documentation: docs});
    if (e.expansions.length && !wellKnown.has(e.term)) {
      const text = `${e.expansions[0]} (${e.term})`;
      items.push({label: text, description: 'Rubric', kind: 'expansion', insertText: text, filterText: e.expansions[0], documentation: docs});
    }
  }
  for (const level of [...markings.levels, ...markings.labels] as MarkingLevel[]) {
    const docs = levelMarkdown(level, markings, config.lang);
    items.push({label: level.banner, description: level.schemeName, kind: 'banner', insertText: level.banner, filterText: level.banner, documentation: docs});
    for (const portion of level.portions.slice(0, 1)) {
      items.push({label: portion, description: level.banner, kind: 'portion', insertText: portion, filterText: portion, documentation: docs});
    }
  }
  return items;
}
