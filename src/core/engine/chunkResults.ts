/**
 * What one chunk contributes to a lint, and the bookkeeping that lets the
 * DocumentLinter reuse it: moving a chunk's results when text before it
 * changed, copying them for a paragraph that repeats, splicing them into the
 * document's flat lists, and finding where an edit begins and ends.
 */

import type {Block, Directive, ParsedChunk, Range} from '../parse.js';
import type {TermMatch} from '../matcher.js';
import type {Report} from '../types.js';
import type {LabelHit, WrittenOutHit} from '../markings/recognize.js';
import type {ChunkFact} from '../rule.js';

/**
 * What one chunk contributes, in absolute offsets as of `base` (the chunk's
 * start when it was last placed). Moving a chunk shifts these in place.
 */
export interface ChunkResult {
  base: number;
  parsed: ParsedChunk;
  matches: TermMatch[];
  /** A summary of each match (matchSummary.ts): numbers, nothing to move. */
  matchSummaries: number[];
  /** Code words anywhere in the chunk's text (EngineData.restrictedMatcher). */
  restricted: TermMatch[];
  /** Sharing labels and written-out classification markings in the chunk's prose (markings/recognize.ts). */
  labels: LabelHit[];
  writtenOut: WrittenOutHit[];
  /** What the document-wide checks read from this chunk (rule.ts, ChunkFact). */
  facts: ChunkFact[];
  reports: Report[];
  /** Offsets just after each line break inside the chunk, from the chunk's start: they need no moving (see appendPart). */
  lineStarts: number[];
  /** The last plan (see DocumentLinter.place) that placed this result. */
  placed?: number;
}

/** The facts of all chunks in document order, as the document rules read them. */
export interface Flat {
  blocks: Block[];
  prose: Range[];
  matches: TermMatch[];
  matchSummaries: number[];
  restricted: TermMatch[];
  labels: LabelHit[];
  writtenOut: WrittenOutHit[];
  /** The chunk facts of each key (rule.ts factsOf), each list in document order. */
  factsByKey: Map<string, ChunkFact[]>;
  directives: Directive[];
  reports: Report[];
  lineStarts: number[];
}

/** The flat lists of fixed name; the chunk facts are one more flat list per fact key (see appendFacts). */
export const FLAT_KEYS = ['blocks', 'prose', 'matches', 'matchSummaries', 'restricted', 'labels', 'writtenOut', 'directives', 'reports', 'lineStarts'] as const;

/** One chunk's share of a flat array. */
export function part(r: ChunkResult, key: (typeof FLAT_KEYS)[number]): unknown[] {
  switch (key) {
    case 'blocks':
    case 'prose':
    case 'directives':
      return r.parsed[key];
    default:
      return r[key];
  }
}

/** Appends one chunk's share of a flat array: its line starts made absolute, the rest as they are. */
export function appendPart(to: unknown[], r: ChunkResult, key: (typeof FLAT_KEYS)[number]): number {
  if (key !== 'lineStarts') {
    const items = part(r, key);
    append(to, items);
    return items.length;
  }
  const ls = r.lineStarts;
  for (let i = 0; i < ls.length; i++) to.push(ls[i] + r.base);
  return ls.length;
}

/** Appends one chunk's facts of one key; returns how many. */
export function appendFacts(to: ChunkFact[], r: ChunkResult, key: string): number {
  let n = 0;
  for (let i = 0; i < r.facts.length; i++) {
    if (r.facts[i].key !== key) continue;
    to.push(r.facts[i]);
    n++;
  }
  return n;
}

export function append(to: unknown[], from: unknown[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}

/** `list.splice(at, removed, ...inserted)`, without spreading a long list onto the stack. */
export function spliceIn(list: unknown[], at: number, removed: number, inserted: unknown[]): void {
  if (inserted.length < 10000) {
    list.splice(at, removed, ...inserted);
    return;
  }
  const tail = list.splice(at + removed);
  list.length = at;
  append(list, inserted);
  append(list, tail);
}

export interface Placed {
  key: string;
  start: number;
  end: number;
  result: ChunkResult;
}

/**
 * A chunk taken over where it stands: its result moved back to the chunk's place first, since a plan given up
 * half-way may have moved that result to where the abandoned text had the same chunk.
 */
export function keptInPlace(c: Placed): Placed {
  shiftResult(c.result, c.start - c.result.base);
  return c;
}

export function shiftResult(r: ChunkResult, delta: number): void {
  if (delta === 0) return;
  r.base += delta;
  // One list at a time, with no array of lists made for it: this runs for every chunk after an edit.
  moveSpans(r.parsed.blocks, delta);
  moveSpans(r.parsed.prose, delta);
  moveSpans(r.parsed.directives, delta);
  moveSpans(r.labels, delta);
  moveSpans(r.writtenOut, delta);
  moveSpans(r.facts, delta);
  moveMatches(r.matches, delta);
  moveMatches(r.restricted, delta);
  for (const rep of r.reports) {
    rep.start += delta;
    rep.end += delta;
    if (rep.fix) {
      rep.fix.start += delta;
      rep.fix.end += delta;
    }
  }
}

function moveSpans(list: readonly {start: number; end: number}[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    x.start += delta;
    x.end += delta;
  }
}

function moveMatches(list: readonly TermMatch[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    m.start += delta;
    m.end += delta;
    m.tailEnd += delta;
  }
}

/** A copy that can be placed independently (the same paragraph twice in one document); not yet placed. */
export function cloneResult(r: ChunkResult): ChunkResult {
  return {
    base: r.base,
    parsed: {
      blocks: r.parsed.blocks.map((b) => ({...b})),
      prose: r.parsed.prose.map((x) => ({...x})),
      directives: r.parsed.directives.map((d) => ({...d})),
      ...(r.parsed.frontMatter !== undefined ? {frontMatter: r.parsed.frontMatter} : {}),
    },
    matches: r.matches.map((m) => ({...m, kept: undefined})),
    matchSummaries: [...r.matchSummaries],
    restricted: r.restricted.map((m) => ({...m, kept: undefined})),
    labels: r.labels.map((h) => ({...h})),
    writtenOut: r.writtenOut.map((h) => ({...h})),
    facts: r.facts.map((f) => ({...f})),
    reports: r.reports.map((rep) => ({...rep, ...(rep.fix ? {fix: {...rep.fix}} : {})})),
    lineStarts: [...r.lineStarts],
  };
}

/** Length of the common prefix of a and b, and of the common suffix that does not overlap it. */
export function commonEnds(a: string, b: string): {prefix: number; suffix: number} {
  const max = Math.min(a.length, b.length);
  let p = 0;
  for (let step = 1 << 16; step >= 1; step >>= 2) {
    while (p + step <= max && a.slice(p, p + step) === b.slice(p, p + step)) p += step;
  }
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const maxS = max - p;
  for (let step = 1 << 16; step >= 1; step >>= 2) {
    while (s + step <= maxS && a.slice(a.length - s - step, a.length - s) === b.slice(b.length - s - step, b.length - s)) s += step;
  }
  while (s < maxS && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return {prefix: p, suffix: s};
}

/** Index of the first chunk starting after `offset` (or at it, when `inclusive`). */
export function firstChunkFrom(chunks: Placed[], offset: number, inclusive: boolean): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].start < offset || (!inclusive && chunks[mid].start === offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
