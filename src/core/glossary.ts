/**
 * The glossary: entries read from YAML files (DOMAIN.md §6), checked against
 * the shipped JSON schema and against each other.
 */

import glossarySchema from '../../glossary/schema/glossary.schema.json';
import {say, type InputProblem, type Localized} from './types.js';
import {duplicateItems, readYaml} from './yamlInput.js';

export interface GlossaryEntry {
  /** The preferred form. */
  term: string;
  /** Accepted written-out forms; the first is the canonical one. */
  expansions: string[];
  definition: string;
  variants: string[];
  /** Other correct forms, never reported (`openbaar ministerie` as legislation writes it). */
  accepted?: string[];
  /** `renamed: false`: the replacement is another thing (a new law), so the old name is not swapped for it. */
  deprecated?: {replacement: string; since: string; note?: string; renamed?: boolean};
  wellKnown: boolean;
  minimumMarking?: string;
  source?: string;
  category?: string;
  /** undefined: decided per form (short all-capital forms are case-sensitive). */
  caseSensitive?: boolean;
  inflect: boolean;
  origin: {file: string; line: number};
}

/** An entry as a glossary file writes it (DOMAIN.md §6); YAML may read a `since` of digits as a number. */
export interface RawGlossaryEntry {
  term: string;
  expansion?: string | string[];
  definition: string;
  variants?: string[];
  accepted?: string[];
  deprecated?: {replacement: string; since: string | number; note?: string; renamed?: boolean};
  wellKnown?: boolean;
  minimumMarking?: string;
  source?: string;
  category?: string;
  caseSensitive?: boolean;
  inflect?: boolean;
}

export interface GlossaryFile {
  file: string;
  entries: GlossaryEntry[];
  problems: InputProblem[];
}

/** Parses one glossary file. Entries of a file with errors are still returned where they are sound. */
export function parseGlossary(text: string, file: string): GlossaryFile {
  const input = readYaml<{terms: RawGlossaryEntry[]}>(text, file, glossarySchema);
  const problems = [...input.problems];
  if (!input.data) return {file, entries: [], problems};
  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, number>();
  input.data.terms.forEach((raw, i) => {
    const {line} = input.lineOf(`/terms/${i}`);
    const term = raw.term.trim();
    const previous = seen.get(term);
    if (previous !== undefined) {
      problems.push({
        file, line, column: 1, severity: 'error', field: `terms[${i}].term`,
        message: say(`term «${term}» staat er twee keer in (eerst op regel ${previous})`, `duplicate term "${term}" (first defined on line ${previous})`),
      });
      return;
    }
    seen.set(term, line);
    // The schema's uniqueItems, checked here in linear time.
    const lists = {expansion: Array.isArray(raw.expansion) ? raw.expansion : [], variants: raw.variants ?? [], accepted: raw.accepted ?? []};
    for (const [field, items] of Object.entries(lists)) {
      for (const d of duplicateItems(items)) {
        problems.push({
          file, ...input.lineOf(`/terms/${i}/${field}/${d.index}`), severity: 'error', field: `terms[${i}].${field}[${d.index}]`,
          message: say(`«${items[d.index]}» staat er twee keer in (ook als item ${d.first + 1})`, `"${items[d.index]}" is listed twice (also as item ${d.first + 1})`),
        });
      }
    }
    const expansions = raw.expansion === undefined ? [] : Array.isArray(raw.expansion) ? raw.expansion : [raw.expansion];
    entries.push({
      term,
      expansions: expansions.map((e) => e.trim()).filter(Boolean),
      definition: raw.definition.trim(),
      variants: (raw.variants ?? []).map((v) => v.trim()).filter((v) => v && v !== term),
      accepted: (raw.accepted ?? []).map((v) => v.trim()).filter((v) => v && v !== term),
      deprecated: raw.deprecated ? {...raw.deprecated, since: String(raw.deprecated.since)} : undefined,
      wellKnown: raw.wellKnown ?? false,
      minimumMarking: raw.minimumMarking,
      source: raw.source,
      category: raw.category,
      caseSensitive: raw.caseSensitive,
      inflect: raw.inflect ?? true,
      origin: {file, line},
    });
  });
  return {file, entries, problems};
}

/**
 * Merges glossary files in order (a later file's entry replaces an earlier
 * one with the same term) and checks what only shows across entries: a
 * variant that is another entry's preferred form, deprecations that point in
 * a circle or nowhere.
 */
export function mergeGlossaries(files: GlossaryFile[]): {entries: GlossaryEntry[]; problems: InputProblem[]} {
  const byTerm = new Map<string, GlossaryEntry>();
  const problems: InputProblem[] = [];
  for (const f of files) {
    for (const p of f.problems) problems.push(p);
    for (const e of f.entries) byTerm.set(e.term, e);
  }
  const entries = [...byTerm.values()];
  const fail = (e: GlossaryEntry, field: string, message: Localized, severity: 'error' | 'warning' = 'error') =>
    problems.push({file: e.origin.file, line: e.origin.line, column: 1, field, message, severity});

  const bad = new Set<GlossaryEntry>();
  for (const e of entries) {
    for (const v of e.variants) {
      const other = byTerm.get(v);
      if (other && other !== e) {
        fail(e, `${e.term}.variants`, say(`variant «${v}» is de voorkeursvorm van een ander lemma (${other.origin.file}:${other.origin.line})`, `variant "${v}" is the preferred form of another entry (${other.origin.file}:${other.origin.line})`));
        bad.add(e);
      }
    }
    if (e.deprecated && !byTerm.has(e.deprecated.replacement)) {
      fail(e, `${e.term}.deprecated.replacement`, say(`vervanging «${e.deprecated.replacement}» is geen term van een woordenlijst (voeg er een lemma voor toe, of noem een bestaande term)`, `replacement "${e.deprecated.replacement}" is not a term of any glossary (add an entry for it, or name an existing term)`));
    } else if (e.deprecated) {
      const seen = new Set<string>([e.term]);
      let cur: GlossaryEntry | undefined = e;
      while (cur?.deprecated) {
        const next = cur.deprecated.replacement;
        if (seen.has(next)) {
          fail(e, `${e.term}.deprecated.replacement`, say(`de vervangingen vormen een kring: ${[...seen, next].join(' -> ')}`, `deprecations form a cycle: ${[...seen, next].join(' -> ')}`));
          bad.add(e);
          break;
        }
        seen.add(next);
        cur = byTerm.get(next);
      }
    }
  }
  return {entries: entries.filter((e) => !bad.has(e)), problems};
}

/** The form a deprecated entry should be replaced by, following a chain of deprecations. */
export function finalReplacement(entry: GlossaryEntry, byTerm: Map<string, GlossaryEntry>): string {
  let cur = entry;
  for (let i = 0; i < 20 && cur.deprecated; i++) {
    const next = byTerm.get(cur.deprecated.replacement);
    if (!next) return cur.deprecated.replacement;
    cur = next;
  }
  return cur.term;
}
