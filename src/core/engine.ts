/**
 * The engine: splits a document into chunks, parses and checks each chunk
 * (reusing the results of chunks whose text did not change), then runs the
 * document-wide rules over the facts of all chunks. What a chunk contributes
 * and how it is reused is engine/chunkResults.ts; the last step, from reports
 * to findings (severities, directives, ignore entries, one finding per
 * problem), is engine/finish.ts.
 */

import {chunksFrom} from './chunks.js';
import {parseChunk} from './parse.js';
import type {TermMatch} from './matcher.js';
import type {ChunkContext, ChunkFact, DocumentContext, DocumentRule, Rule} from './rule.js';
import type {EngineData} from './engineData.js';
import {LineIndex, pushLineStarts} from './text.js';
import {markHistory} from './rules/termContext.js';
import {summarize} from './matchSummary.js';
import {findLabels, findWrittenOut, type LabelHit, type WrittenOutHit} from './markings/recognize.js';
import type {DocumentLanguage, Finding, Report, Severity} from './types.js';
import {append, appendFacts, appendPart, cloneResult, commonEnds, firstChunkFrom, FLAT_KEYS, keptInPlace, shiftResult, spliceIn, type ChunkResult, type Flat, type Placed} from './engine/chunkResults.js';
import {finishReports} from './engine/finish.js';
import {chunkSpanFacts} from './engine/textSpans.js';
import {chunkYearFacts} from './document/profile.js';
import {chunkQuestionFacts} from './document/kamerstuk.js';
import {chunkClassificationFacts} from './markings/classify.js';

export interface LintResult {
  findings: Finding[];
  /** The document's facts, for the outline, hover and classification. */
  context: DocumentContext;
}

/**
 * Lints documents with fixed data and rules. One `DocumentLinter` per open
 * document keeps that document's chunk results between lints.
 */
export class Engine {
  constructor(readonly data: EngineData, readonly rules: readonly Rule[]) {}

  /** A linter that remembers the previous version of one document; `file` (an absolute path) for the configuration's `ignore:` entries. */
  documentLinter(language: DocumentLanguage, file?: string): DocumentLinter {
    return new DocumentLinter(this, language, file);
  }

  /** Lints one text from scratch. */
  lint(text: string, language: DocumentLanguage, file?: string): LintResult {
    return this.documentLinter(language, file).lint(text);
  }

  severityOf(rule: Rule): Severity | 'off' {
    return this.data.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  }
}

export class DocumentLinter {
  /** The last linted text and its chunks, in order. */
  private text: string | undefined;
  private chunks: Placed[] = [];

  constructor(private readonly engine: Engine, readonly language: DocumentLanguage, readonly file?: string) {}

  /** Incremented by every lint; a running asynchronous lint that sees it change gives up. */
  private run = 0;
  private plans = 0;
  /** The document's facts of all chunks, in order, kept between lints and spliced where chunks changed. */
  private flat: Flat | undefined;
  /** The length of each chunk's share of each flat list (FLAT_KEYS order, then `factKeys`), chunk by chunk, as of `flat`. */
  private sizes = new Int32Array(0);
  /** The keys of the chunk facts in `flat`, in the order of their columns in `sizes`. */
  private factKeys: string[] = [];
  /**
   * Whether every chunk's result stands where its chunk does: so after a plan taken over; not while one runs, since
   * a plan given up half-way may have moved results to where its text had the same chunk.
   */
  private settled = false;
  /** What the last plan replaced: old chunks [head, oldEnd) became new chunks [head, newEnd). */
  private splice: {head: number; oldEnd: number; newEnd: number} | undefined;

  /**
   * Lints `text`. Only the chunks around what changed since the previous
   * call are split and parsed again; the others are reused (moved by the
   * length difference). The result equals a lint from scratch. The returned
   * context's arrays belong to this linter and change at its next lint.
   */
  lint(text: string): LintResult {
    const steps = this.steps(text);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value!;
    }
  }

  /**
   * The same as `lint`, giving the event loop a turn every `sliceMs`
   * milliseconds. Resolves to undefined when `cancelled()` turns true or
   * another lint of this document starts meanwhile.
   */
  async lintAsync(text: string, cancelled: () => boolean = () => false, sliceMs = 15): Promise<LintResult | undefined> {
    const steps = this.steps(text);
    let deadline = performance.now() + sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= deadline) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (cancelled()) return undefined;
        deadline = performance.now() + sliceMs;
      }
    }
  }

  /** The lint as steps: one after each chunk that had to be checked; undefined if another lint overtook it. */
  private *steps(text: string): Generator<void, LintResult | undefined> {
    const run = ++this.run;
    const chunks: Placed[] = [];
    for (const _ of this.replan(text, chunks)) {
      yield;
      if (this.run !== run) return undefined;
    }
    const delta = text.length - (this.text?.length ?? 0);
    this.flat = this.flatten(chunks, delta);
    this.chunks = chunks;
    this.settled = true;
    this.text = text;
    // The document-wide rules run one at a time, so that a lint in slices can pause between them.
    const assembling = this.assemble(text);
    for (;;) {
      const step = assembling.next();
      if (step.done) return step.value;
      yield;
      if (this.run !== run) return undefined;
    }
  }

  /** The flat arrays for `chunks`: spliced from the previous ones where only some chunks changed. */
  private flatten(chunks: Placed[], delta: number): Flat {
    const {flat} = this;
    const splice = this.splice && {...this.splice, newEnd: this.splice.newEnd === -1 ? chunks.length : this.splice.newEnd};
    // The tail is taken over only if its results are the old ones (a clone means the plan moved one into the middle).
    const tailKept = splice !== undefined && chunks.length - splice.newEnd === this.chunks.length - splice.oldEnd &&
      chunks.slice(splice.newEnd).every((c, n) => c.result === this.chunks[splice.oldEnd + n].result);
    const known = this.factKeys;
    // A fact key no chunk had before makes a new flat list: the lists are made anew.
    const newFactKey = (from: number, to: number) => {
      for (let c = from; c < to; c++) for (const f of chunks[c].result.facts) if (!known.includes(f.key)) return true;
      return false;
    };
    const K = FLAT_KEYS.length;
    if (!flat || !splice || !tailKept || newFactKey(splice.head, splice.newEnd)) {
      const fresh: Flat = {blocks: [], prose: [], matches: [], matchSummaries: [], restricted: [], labels: [], writtenOut: [], factsByKey: new Map(), directives: [], reports: [], lineStarts: [0]};
      const keys: string[] = [];
      for (const {result} of chunks) for (const f of result.facts) if (!keys.includes(f.key)) keys.push(f.key);
      const W = K + keys.length;
      const sizes = new Int32Array(chunks.length * W);
      const factLists = keys.map((key) => {
        const list: ChunkFact[] = [];
        fresh.factsByKey.set(key, list);
        return list;
      });
      chunks.forEach(({result}, c) => {
        FLAT_KEYS.forEach((k, x) => {
          sizes[c * W + x] = appendPart(fresh[k] as unknown[], result, k);
        });
        keys.forEach((key, y) => {
          sizes[c * W + K + y] = appendFacts(factLists[y], result, key);
        });
      });
      this.sizes = sizes;
      this.factKeys = keys;
      return fresh;
    }
    // Where each list's share of the changed chunks begins and how long it was, from the kept sizes (reading
    // every earlier chunk's lists would touch the whole document).
    const W = K + known.length;
    const old = this.sizes;
    // As many chunks as before (the common keystroke): the changed chunks' sizes are written over the old ones,
    // each read before it is written; otherwise a new array with the kept sizes moved.
    let sizes = old;
    if (old.length !== chunks.length * W) {
      sizes = new Int32Array(chunks.length * W);
      sizes.set(old.subarray(0, splice.head * W));
      sizes.set(old.subarray(splice.oldEnd * W), splice.newEnd * W);
    }
    // `key`: a flat list's (FLAT_KEYS, column x) or a fact key's (column K + its place in factKeys), told by `x`.
    const spliceList = (list: unknown[], x: number, first: number, key: string) => {
      let at = first;
      for (let c = 0; c < splice.head; c++) at += old[c * W + x];
      let removed = 0;
      for (let c = splice.head; c < splice.oldEnd; c++) removed += old[c * W + x];
      const inserted: unknown[] = [];
      for (let c = splice.head; c < splice.newEnd; c++) {
        const r = chunks[c].result;
        sizes[c * W + x] = x < K ? appendPart(inserted, r, key as (typeof FLAT_KEYS)[number]) : appendFacts(inserted as ChunkFact[], r, key);
      }
      spliceIn(list, at, removed, inserted);
      return at + inserted.length;
    };
    FLAT_KEYS.forEach((k, x) => {
      const list = flat[k] as unknown[];
      const after = spliceList(list, x, k === 'lineStarts' ? 1 : 0, k);
      // Line starts are numbers, not shared objects: those after the change move here.
      if (k === 'lineStarts' && delta !== 0) {
        const ls = list as number[];
        for (let y = after; y < ls.length; y++) ls[y] += delta;
      }
    });
    known.forEach((key, y) => {
      spliceList(flat.factsByKey.get(key)!, K + y, 0, key);
    });
    this.sizes = sizes;
    return flat;
  }

  private *assemble(text: string): Generator<void, LintResult> {
    const {data, rules} = this.engine;
    const docRules = rules.filter((r): r is DocumentRule => r.scope === 'document' && this.engine.severityOf(r) !== 'off');
    const {blocks, prose, matches, matchSummaries, restricted, labels, writtenOut, factsByKey, directives, reports, lineStarts} = this.flat!;
    const frontMatter = this.chunks[0]?.result.parsed.frontMatter;

    const lines = LineIndex.fromLineStarts(text, lineStarts);
    const memo = new Map<string, unknown>();
    const context: DocumentContext = {
      text, language: this.language, lines, blocks, prose, matches, matchSummaries, restrictedMatches: restricted, markingHits: {labels, writtenOut}, factsByKey, directives, frontMatter, data,
      memo<T>(key: string, compute: () => T): T {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
    };
    const docReports: Report[] = [];
    for (const rule of docRules) {
      yield;
      rule.check(context, (r) => docReports.push({...r, rule: rule.meta.id}));
    }
    return {findings: finishReports(docReports.length ? [...reports, ...docReports] : reports, context, this.engine, this.file), context};
  }

  /**
   * Fills `out` with the chunks of the new text: reused before and after the
   * change, split and checked anew around it. Yields after each check.
   * Results are moved relative to their own `base`, so a replan that is
   * given up half-way leaves every result consistent.
   */
  private *replan(text: string, out: Placed[]): Generator<void> {
    const old = this.chunks;
    // The chunks before the change are taken over as they are, or, after a plan given up, with their results put back.
    const settled = this.settled;
    this.settled = false;
    const keep = (c: Placed) => (settled ? c : keptInPlace(c));
    if (this.text === undefined || old.length === 0) {
      this.splice = undefined;
      yield* this.place(text, 0, out, new Map());
      return;
    }
    if (this.text === text) {
      this.splice = {head: old.length, oldEnd: old.length, newEnd: old.length};
      for (const c of old) out.push(keep(c));
      return;
    }
    const {prefix, suffix} = commonEnds(this.text, text);
    const delta = text.length - this.text.length;
    // Restart one chunk before the one holding the change: a change can join it to the chunk above.
    const i = Math.max(0, firstChunkFrom(old, prefix, false) - 2);
    const changeEnd = text.length - suffix;
    // The old chunks the change touched (and one more) can be reused by text wherever they land;
    // those after the resynchronising boundary are taken over in place.
    const reusable = new Map<string, ChunkResult>();
    const oldChangeEnd = this.text.length - suffix;
    for (let k = i; k < old.length && old[k].start <= oldChangeEnd + 1; k++) {
      if (!reusable.has(old[k].key)) reusable.set(old[k].key, old[k].result);
      if (k + 1 < old.length && old[k + 1].start > oldChangeEnd && !reusable.has(old[k + 1].key)) reusable.set(old[k + 1].key, old[k + 1].result);
    }
    for (let k = 0; k < i; k++) out.push(keep(old[k]));
    this.splice = {head: i, oldEnd: old.length, newEnd: -1};
    yield* this.place(text, old[i].start, out, reusable, (start) => {
      // Resynchronise: a chunk boundary after the change that was a boundary before ends the re-split.
      if (start < changeEnd) return -1;
      const j = firstChunkFrom(old, start - delta, true);
      return j < old.length && old[j].start === start - delta && j > i ? j : -1;
    }, delta);
  }

  /**
   * Splits from `from` to the end (or to a resynchronising boundary, after
   * which the old chunks from there on are moved by `delta`), reusing results
   * by chunk text.
   */
  private *place(
    text: string, from: number, out: Placed[], reusable: Map<string, ChunkResult>,
    resync?: (start: number) => number, delta = 0,
  ): Generator<void> {
    const old = this.chunks;
    // A result placed twice in one plan (the same paragraph twice) is cloned; `placed` marks the plan.
    // The head (`out`) needs no mark: its results are never offered for reuse again.
    const plan = ++this.plans;
    const put = (key: string, start: number, end: number, candidate: ChunkResult) => {
      const result = candidate.placed === plan ? cloneResult(candidate) : candidate;
      result.placed = plan;
      shiftResult(result, start - result.base);
      out.push({key, start, end, result});
    };
    for (const chunk of chunksFrom(text, this.language, from)) {
      const j = resync && chunk.start > from ? resync(chunk.start) : -1;
      if (j >= 0) {
        if (this.splice) this.splice = {head: this.splice.head, oldEnd: j, newEnd: out.length};
        // The chunks after it move by `delta`: their places are moved in place (nothing yields before the plan is
        // taken over), unless a result was placed already in this plan and must be copied.
        for (let k = j; k < old.length; k++) {
          const c = old[k];
          if (c.result.placed === plan) {
            put(c.key, c.start + delta, c.end + delta, c.result);
            continue;
          }
          c.start += delta;
          c.end += delta;
          c.result.placed = plan;
          out.push(keptInPlace(c));
        }
        return;
      }
      const chunkText = text.slice(chunk.start, chunk.end);
      const key = (chunk.start === 0 ? '\u0000' : '\u0001') + chunkText;
      let result = reusable.get(key);
      if (!result) {
        result = this.check(chunkText, chunk.start);
        reusable.set(key, result);
        put(key, chunk.start, chunk.end, result);
        yield;
      } else {
        put(key, chunk.start, chunk.end, result);
      }
    }
  }

  /** Parses and checks one chunk, with results in absolute offsets. */
  private check(chunkText: string, at: number): ChunkResult {
    const {data, rules} = this.engine;
    const parsed = parseChunk(chunkText, this.language, at === 0);
    const found: TermMatch[] = [];
    for (const r of parsed.prose) data.matcher.scan(chunkText, r.start, r.end, found);
    markHistory(chunkText, found, data.byTerm);
    // Code words count wherever they stand: the whole chunk, not only its prose.
    const restricted: TermMatch[] = [];
    data.restrictedMatcher?.scan(chunkText, 0, chunkText.length, restricted);
    // Sharing labels and written-out markings lie within one prose range, so within the chunk.
    const labels: LabelHit[] = [];
    findLabels(data.markings, chunkText, parsed.prose, labels);
    const writtenOut: WrittenOutHit[] = [];
    findWrittenOut(data.markings, chunkText, parsed.prose, writtenOut);
    const reports: Report[] = [];
    const ctx: ChunkContext = {
      text: chunkText, language: this.language, blocks: parsed.blocks, prose: parsed.prose, matches: found, data,
      ...(parsed.plainText ? {plainText: parsed.plainText} : {}),
    };
    // The facts the document-wide checks read from this chunk alone.
    const facts = chunkYearFacts(ctx);
    append(facts, chunkQuestionFacts(ctx));
    append(facts, chunkSpanFacts(chunkText, 0));
    append(facts, chunkClassificationFacts(ctx));
    for (const rule of rules) {
      if (this.engine.severityOf(rule) === 'off') continue;
      if (rule.scope === 'chunk') rule.check(ctx, (r) => reports.push({...r, rule: rule.meta.id}));
      else if (rule.chunkFacts) append(facts, rule.chunkFacts(ctx));
    }
    const summaries = found.map((m) => summarize(m, chunkText, data));
    const result: ChunkResult = {base: 0, parsed, matches: found, matchSummaries: summaries, restricted, labels, writtenOut, facts, reports, lineStarts: pushLineStarts(chunkText, [])};
    shiftResult(result, at);
    return result;
  }
}
