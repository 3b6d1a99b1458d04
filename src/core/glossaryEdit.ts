/**
 * Growing a glossary from where the writer stands: a new entry, a variant of
 * an entry, a code word. Edits work on the YAML text (src/core/yamlEdit.ts
 * keeps comments and layout) and the result is checked against the glossary
 * schema and the other glossaries before anyone writes it.
 */

import {parse as parseYaml, stringify} from 'yaml';
import {editDistance} from './distance.js';
import {parseGlossary, type GlossaryEntry, type RawGlossaryEntry} from './glossary.js';
import {fold} from './text.js';
import {formatProblem, say, type InputProblem, type Lang, type Localized} from './types.js';
import {appendAllToList, appendToList, YamlEditError} from './yamlEdit.js';

export type {RawGlossaryEntry} from './glossary.js';

/** An edit that was refused, with the problems that would have been written (file, line, field). */
export class GlossaryEditError extends Error {
  constructor(readonly problems: InputProblem[], readonly headline?: Localized) {
    super(problemText(problems, 'en', headline));
  }

  /** What was refused and why, in `lang`. */
  text(lang: Lang): string {
    return problemText(this.problems, lang, this.headline);
  }
}

/** A headline and the problems below it, one a line, in `lang`. */
export function problemText(problems: InputProblem[], lang: Lang, headline?: Localized): string {
  return [headline?.[lang], ...problems.map((p) => formatProblem(p, lang))].filter(Boolean).join('\n');
}

/** The first lines of a glossary file Rubric creates. */
export function newGlossaryText(entry: RawGlossaryEntry, eol = '\n'): string {
  const head = [
    '# Woordenlijst van dit project voor Rubric (termen, varianten, codewoorden).',
    '# Alleen term en definition zijn verplicht; rubric glossary validate controleert het bestand.',
  ];
  return [...head, ...stringify({terms: [clean(entry)]}, {lineWidth: 0}).trimEnd().split('\n')].join(eol) + eol;
}

/** The glossary text with `entry` added at the end of `terms:`; throws GlossaryEditError when the result would not be a valid glossary. */
export function addEntry(text: string, file: string, entry: RawGlossaryEntry, others: readonly GlossaryEntry[] = []): string {
  return addEntries(text, file, [entry], others);
}

/** The glossary text with `entries` added at the end of `terms:` in one edit (an import), checked as addEntry checks one. */
export function addEntries(text: string, file: string, entries: RawGlossaryEntry[], others: readonly GlossaryEntry[] = []): string {
  const before = readable(text, file);
  const here = new Map(before.entries.map((e) => [e.term, e]));
  const variants = new Map<string, GlossaryEntry>();
  for (const e of others) if (e.origin.file !== file) for (const v of e.variants) variants.set(v, e);
  for (const entry of entries) {
    const term = entry.term.trim();
    const there = here.get(term);
    if (there) throw refusal(file, there.origin.line, 'term', say(`«${term}» staat al in deze woordenlijst (regel ${there.origin.line})`, `"${term}" is already an entry of this glossary (line ${there.origin.line})`));
    const clash = variants.get(term);
    if (clash) throw refusal(file, 0, 'term', say(`«${term}» staat als variant van «${clash.term}» in ${clash.origin.file}:${clash.origin.line}; haal hem daar eerst weg`, `"${term}" is listed as a variant of "${clash.term}" (${clash.origin.file}:${clash.origin.line}); remove it there first`));
  }
  if (!entries.length) return text;
  const cleaned = entries.map(clean);
  if (text.trim() === '') {
    const [first, ...rest] = cleaned;
    const start = newGlossaryText(first, eolOf(text));
    return checked(rest.length ? edit(() => appendAllToList(start, ['terms'], rest), file) : start, file);
  }
  return checked(edit(() => appendAllToList(text, ['terms'], cleaned), file), file);
}

/** The glossary text with `variant` added to the variants of its entry `term`. */
export function addVariant(text: string, file: string, term: string, variant: string, others: readonly GlossaryEntry[] = []): string {
  const before = readable(text, file);
  const index = before.entries.findIndex((e) => e.term === term);
  if (index === -1) throw refusal(file, 0, 'term', say(`«${term}» staat niet in deze woordenlijst`, `"${term}" is not an entry of this glossary`));
  const entry = before.entries[index];
  if (variant === term) throw refusal(file, entry.origin.line, 'variants', say(`«${variant}» is de term zelf`, `"${variant}" is the term itself`));
  if (entry.variants.includes(variant)) throw refusal(file, entry.origin.line, 'variants', say(`«${variant}» is al een variant van «${term}»`, `"${variant}" is already a variant of "${term}"`));
  const other = others.find((e) => e.term === variant && e.origin.file !== file) ?? before.entries.find((e) => e.term === variant);
  if (other) throw refusal(file, entry.origin.line, 'variants', say(`«${variant}» is de voorkeursvorm van een andere term (${other.origin.file}:${other.origin.line})`, `"${variant}" is the preferred form of another entry (${other.origin.file}:${other.origin.line})`));
  return checked(edit(() => appendToList(text, ['terms', rawIndex(text, term), 'variants'], variant), file), file);
}

/** An entry of another glossary (the built-in one), as it is written in a file, for a copy that replaces it. */
export function entryToRaw(e: GlossaryEntry): RawGlossaryEntry {
  return clean({
    term: e.term,
    ...(e.expansions.length ? {expansion: e.expansions.length === 1 ? e.expansions[0] : e.expansions} : {}),
    definition: e.definition,
    ...(e.variants.length ? {variants: e.variants} : {}),
    ...(e.accepted?.length ? {accepted: e.accepted} : {}),
    ...(e.deprecated ? {deprecated: e.deprecated} : {}),
    ...(e.wellKnown ? {wellKnown: true} : {}),
    ...(e.minimumMarking ? {minimumMarking: e.minimumMarking} : {}),
    ...(e.source ? {source: e.source} : {}),
    ...(e.category ? {category: e.category} : {}),
    ...(e.caseSensitive !== undefined ? {caseSensitive: e.caseSensitive} : {}),
    ...(e.inflect === false ? {inflect: false} : {}),
  });
}

/** An all-capital acronym (`TIB`, `GA`, `OOG`, `CT&V`, `5G`): two or more capitals, no lower-case letter. */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}\d][\p{Lu}\d&-]{1,11}$/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** The entries in order of likeness to `text` (the nearest first): for "add as a variant of…". */
export function closestEntries(entries: readonly GlossaryEntry[], text: string): GlossaryEntry[] {
  const key = fold(text).toLowerCase();
  const score = (e: GlossaryEntry) => {
    let best = Infinity;
    for (const form of [e.term, ...e.expansions, ...e.variants]) {
      const f = fold(form).toLowerCase();
      let d = editDistance(key, f, Math.max(key.length, f.length));
      // A form that contains the text, or is contained in it, is nearer than its distance says.
      if (f.includes(key) || key.includes(f)) d = Math.min(d, Math.abs(f.length - key.length) / 4);
      best = Math.min(best, d);
    }
    return best;
  };
  return entries
    .map((e) => ({e, s: score(e)}))
    .sort((a, b) => a.s - b.s || a.e.term.localeCompare(b.e.term, 'nl'))
    .map((x) => x.e);
}

function readable(text: string, file: string) {
  if (text.trim() === '') return {entries: [] as GlossaryEntry[]};
  const parsed = parseGlossary(text, file);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new GlossaryEditError(errors, say(`${file} bevat fouten; herstel die voordat Rubric eraan toevoegt:`, `${file} has errors; fix them before Rubric adds to it:`));
  return parsed;
}

function checked(result: string, file: string): string {
  const errors = parseGlossary(result, file).problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new GlossaryEditError(errors, say('de gewijzigde woordenlijst zou niet geldig zijn; er is niets geschreven:', 'the edited glossary would not be valid, so nothing was written:'));
  return result;
}

function edit(fn: () => string, file: string): string {
  try {
    return fn();
  } catch (e) {
    if (e instanceof YamlEditError) throw refusal(file, 0, 'terms', say(e.message, e.message));
    throw e;
  }
}

/** The entry's index in the file's own `terms:` list (parseGlossary trims terms and skips duplicates). */
function rawIndex(text: string, term: string): number {
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\ufeff/, ''));
  } catch {
    return -1;
  }
  const terms = ((data as {terms?: unknown[]} | null)?.terms ?? []) as {term?: unknown}[];
  return terms.findIndex((t) => typeof t?.term === 'string' && t.term.trim() === term);
}

function refusal(file: string, line: number, field: string, message: Localized): GlossaryEditError {
  return new GlossaryEditError([{file, line, column: line ? 1 : 0, severity: 'error', field, message}]);
}

/** The fields in the order the glossaries write them. */
const FIELD_ORDER = ['term', 'expansion', 'definition', 'variants', 'accepted', 'deprecated', 'wellKnown', 'minimumMarking', 'source', 'category', 'caseSensitive', 'inflect'];

/** The entry with its strings trimmed, empty optional fields left out, and its fields in the usual order. */
function clean(entry: RawGlossaryEntry): RawGlossaryEntry {
  const out: Record<string, unknown> = {};
  const rank = (k: string) => (FIELD_ORDER.includes(k) ? FIELD_ORDER.indexOf(k) : FIELD_ORDER.length);
  for (const [k, v] of Object.entries(entry).sort((a, b) => rank(a[0]) - rank(b[0]))) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.trim() : x)) : v;
  }
  return out as unknown as RawGlossaryEntry;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
