/**
 * The engine: splits a document into chunks, parses and checks each chunk
 * (reusing the results of chunks whose text did not change), then runs the
 * document-wide rules over the facts of all chunks, applies the inline
 * `rubric-*` directives and the configured severities.
 */

import {chunksFrom} from './chunks.js';
import {parseChunk, type Block, type Directive, type ParsedChunk, type Range} from './parse.js';
import type {TermMatch} from './matcher.js';
import type {ChunkContext, DocumentContext, DocumentRule, Rule} from './rule.js';
import type {EngineData} from './engineData.js';
import {LineIndex} from './text.js';
import {markHistory} from './rules/termContext.js';
import type {DocumentLanguage, Finding, Report, Severity} from './types.js';

/**
 * What one chunk contributes, in absolute offsets as of `base` (the chunk's
 * start when it was last placed). Moving a chunk shifts these in place.
 */
interface ChunkResult {
  base: number;
  parsed: ParsedChunk;
  matches: TermMatch[];
  /** Code words anywhere in the chunk's text (EngineData.restrictedMatcher). */
  restricted: TermMatch[];
  reports: Report[];
  /** Offsets just after each line break inside the chunk. */
  lineStarts: number[];
  /** The last plan (see DocumentLinter.place) that placed this result. */
  placed?: number;
}

/** The facts of all chunks in document order, as the document rules read them. */
interface Flat {
  blocks: Block[];
  prose: Range[];
  matches: TermMatch[];
  restricted: TermMatch[];
  directives: Directive[];
  reports: Report[];
  lineStarts: number[];
}

const FLAT_KEYS = ['blocks', 'prose', 'matches', 'restricted', 'directives', 'reports', 'lineStarts'] as const;

/** One chunk's share of a flat array. */
function part(r: ChunkResult, key: (typeof FLAT_KEYS)[number]): unknown[] {
  switch (key) {
    case 'blocks':
    case 'prose':
    case 'directives':
      return r.parsed[key];
    default:
      return r[key];
  }
}

function append(to: unknown[], from: unknown[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}

/** `list.splice(at, removed, ...inserted)`, without spreading a long list onto the stack. */
function spliceIn(list: unknown[], at: number, removed: number, inserted: unknown[]): void {
  if (inserted.length < 10000) {
    list.splice(at, removed, ...inserted);
    return;
  }
  const tail = list.splice(at + removed);
  list.length = at;
  append(list, inserted);
  append(list, tail);
}

interface Placed {
  key: string;
  start: number;
  end: number;
  result: ChunkResult;
}

function shiftResult(r: ChunkResult, delta: number): void {
  if (delta === 0) return;
  r.base += delta;
  for (const list of [r.parsed.blocks, r.parsed.prose, r.parsed.directives] as {start: number; end: number}[][]) {
    for (const x of list) {
      x.start += delta;
      x.end += delta;
    }
  }
  for (const list of [r.matches, r.restricted]) {
    for (const m of list) {
      m.start += delta;
      m.end += delta;
      m.tailEnd += delta;
    }
  }
  for (const rep of r.reports) {
    rep.start += delta;
    rep.end += delta;
    if (rep.fix) {
      rep.fix.start += delta;
      rep.fix.end += delta;
    }
  }
  const ls = r.lineStarts;
  for (let i = 0; i < ls.length; i++) ls[i] += delta;
}

/** A copy that can be placed independently (the same paragraph twice in one document); not yet placed. */
function cloneResult(r: ChunkResult): ChunkResult {
  return {
    base: r.base,
    parsed: {
      blocks: r.parsed.blocks.map((b) => ({...b})),
      prose: r.parsed.prose.map((x) => ({...x})),
      directives: r.parsed.directives.map((d) => ({...d})),
      ...(r.parsed.frontMatter !== undefined ? {frontMatter: r.parsed.frontMatter} : {}),
    },
    matches: r.matches.map((m) => ({...m})),
    restricted: r.restricted.map((m) => ({...m})),
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
    if (!flat || !splice || !tailKept) {
      const fresh: Flat = {blocks: [], prose: [], matches: [], restricted: [], directives: [], reports: [], lineStarts: [0]};
      for (const {result} of chunks) for (const k of FLAT_KEYS) append(fresh[k] as unknown[], part(result, k) as unknown[]);
      return fresh;
    }
    const old = this.chunks;
    for (const k of FLAT_KEYS) {
      let at = k === 'lineStarts' ? 1 : 0;
      for (let c = 0; c < splice.head; c++) at += part(old[c].result, k).length;
      let removed = 0;
      for (let c = splice.head; c < splice.oldEnd; c++) removed += part(old[c].result, k).length;
      const inserted: unknown[] = [];
      for (let c = splice.head; c < splice.newEnd; c++) append(inserted, part(chunks[c].result, k) as unknown[]);
      const list = flat[k] as unknown[];
      spliceIn(list, at, removed, inserted);
      // Line starts are numbers, not shared objects: those after the change move here.
      if (k === 'lineStarts' && delta !== 0) {
        const ls = list as number[];
        for (let x = at + inserted.length; x < ls.length; x++) ls[x] += delta;
      }
    }
    return flat;
  }

  private *assemble(text: string): Generator<void, LintResult> {
    const {data, rules} = this.engine;
    const docRules = rules.filter((r): r is DocumentRule => r.scope === 'document' && this.engine.severityOf(r) !== 'off');
    const {blocks, prose, matches, restricted, directives, reports, lineStarts} = this.flat!;
    const frontMatter = this.chunks[0]?.result.parsed.frontMatter;

    const lines = LineIndex.fromLineStarts(text, lineStarts);
    const memo = new Map<string, unknown>();
    const context: DocumentContext = {
      text, language: this.language, lines, blocks, prose, matches, restrictedMatches: restricted, directives, frontMatter, data,
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
    return {findings: this.finish(docReports.length ? [...reports, ...docReports] : reports, context), context};
  }

  /**
   * Fills `out` with the chunks of the new text: reused before and after the
   * change, split and checked anew around it. Yields after each check.
   * Results are moved relative to their own `base`, so a replan that is
   * given up half-way leaves every result consistent.
   */
  private *replan(text: string, out: Placed[]): Generator<void> {
    const old = this.chunks;
    if (this.text === undefined || old.length === 0) {
      this.splice = undefined;
      yield* this.place(text, 0, out, new Map());
      return;
    }
    if (this.text === text) {
      this.splice = {head: old.length, oldEnd: old.length, newEnd: old.length};
      append(out, old);
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
    append(out, old.slice(0, i));
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
        for (let k = j; k < old.length; k++) put(old[k].key, old[k].start + delta, old[k].end + delta, old[k].result);
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
    const reports: Report[] = [];
    const ctx: ChunkContext = {
      text: chunkText, language: this.language, blocks: parsed.blocks, prose: parsed.prose, matches: found, data,
      ...(parsed.plainText ? {plainText: parsed.plainText} : {}),
    };
    for (const rule of rules) {
      if (rule.scope === 'chunk' && this.engine.severityOf(rule) !== 'off') rule.check(ctx, (r) => reports.push({...r, rule: rule.meta.id}));
    }
    const lineStarts: number[] = [];
    for (let i = 0; i < chunkText.length; i++) {
      const c = chunkText.charCodeAt(i);
      if (c === 10 || (c === 13 && chunkText.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
    }
    const result: ChunkResult = {base: 0, parsed, matches: found, restricted, reports, lineStarts};
    shiftResult(result, at);
    return result;
  }

  private finish(reports: Report[], ctx: DocumentContext): Finding[] {
    // The rule's id is stamped on each report as it is made; here its severity and page.
    const severities = new Map(this.engine.rules.map((r) => [r.meta.id, this.engine.severityOf(r)]));
    const pages = new Map(this.engine.rules.map((r) => [r.meta.id, r.meta.url]));
    const suppressed = suppression(ctx);
    const ignored = ignoring(ctx, this.file);
    const inLabel = ctx.language === 'markdown' ? labelTest(ctx.text) : undefined;
    const lang = ctx.data.config.lang;
    const findings: Finding[] = [];
    for (const r of reports) {
      if (inLabel && r.rule.startsWith('term/') && inLabel(r.start, r.end)) continue;
      const configured = severities.get(r.rule);
      if (!configured || configured === 'off') continue;
      const severity = r.atMost && SEVERITY_RANK[r.atMost] < SEVERITY_RANK[configured] ? r.atMost : configured;
      const start = ctx.lines.position(r.start);
      if (suppressed(r.rule, r.start, start.line) || ignored(r)) continue;
      const end = ctx.lines.position(r.end);
      findings.push({
        rule: r.rule, severity, url: pages.get(r.rule)!, message: r.message[lang],
        start: r.start, end: r.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
        ...(r.fix ? {fix: r.fix} : {}),
        ...(r.actual !== undefined ? {actual: r.actual} : {}),
        ...(r.expected !== undefined ? {expected: r.expected} : {}),
      });
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
    return oneFindingPerProblem(findings);
  }
}

const SEVERITY_RANK: Record<Severity, number> = {info: 0, warning: 1, error: 2};

/**
 * Rules that can report the same words for one problem, most specific first:
 * a wrong ministry name in a signature is not also a deprecated term, an
 * introduction with a wrong expansion not also a variant, a misspelt acronym
 * not also an undefined one (once its spelling is fixed, that is reported).
 */
const SPECIFICITY = ['structure/signature', 'term/acronym-expansion', 'term/deprecated', 'term/variant', 'term/acronym-undefined'];

/** Where findings of the rules above overlap, only the most specific stays. `findings` is sorted by start. */
function oneFindingPerProblem(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => SPECIFICITY.indexOf(f.rule);
  const dropped = new Set<Finding>();
  const open: Finding[] = [];
  for (const f of findings) {
    if (rank(f) < 0) continue;
    for (let k = open.length - 1; k >= 0; k--) if (open[k].end <= f.start) open.splice(k, 1);
    for (const o of open) {
      if (dropped.has(o) || o.end <= f.start || f.end <= o.start) continue;
      if (rank(o) <= rank(f)) dropped.add(f);
      else dropped.add(o);
    }
    open.push(f);
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

/**
 * Builds the test for `<!-- rubric-disable [ids] -->`, `<!-- rubric-enable [ids] -->`,
 * `<!-- rubric-disable-next-line [ids] -->` and `<!-- rubric-disable-line [ids] -->`.
 */
function suppression(ctx: DocumentContext): (rule: string, offset: number, line: number) => boolean {
  if (ctx.directives.length === 0) return () => false;
  const ranged = ctx.directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const byLine = new Map<number, (string[] | null)[]>();
  for (const d of ctx.directives) {
    if (d.kind !== 'disable-next-line' && d.kind !== 'disable-line') continue;
    const line = d.kind === 'disable-line' ? ctx.lines.position(d.start).line : ctx.lines.position(d.end).line + 1;
    const list = byLine.get(line) ?? [];
    list.push(d.rules);
    byLine.set(line, list);
  }
  return (rule, offset, line) => {
    if (byLine.get(line)?.some((ids) => ids === null || ids.includes(rule))) return true;
    let disabled = false;
    for (const d of ranged) {
      if (d.start > offset) break;
      if (d.rules === null || d.rules.includes(rule)) disabled = d.kind === 'disable';
    }
    return disabled;
  };
}

/** A reference or footnote definition's label at a line start: `[BVD]: https://…`, `[^BVD]: …`. */
const DEFINITION = /^ {0,3}\[((?:[^\[\]\\\r\n]|\\.){1,999})\]:/gm;

const normalLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A test whether [start, end) lies inside a label that the document
 * defines: the `[BVD]` of a shortcut or collapsed reference link or a
 * footnote call `[^BVD]`, whose text is also its link to the definition, and
 * the definition's own label. Labels are not prose: a term fix there would
 * break the link (the chunks are parsed apart, so micromark cannot tell).
 * Undefined when the document defines no label.
 */
function labelTest(text: string): ((start: number, end: number) => boolean) | undefined {
  if (!text.includes(']:')) return undefined;
  const labels = new Set<string>();
  DEFINITION.lastIndex = 0;
  for (let m = DEFINITION.exec(text); m; m = DEFINITION.exec(text)) labels.add(normalLabel(m[1]));
  if (labels.size === 0) return undefined;
  return (start, end) => {
    let open = start - 1;
    while (open >= 0 && start - open <= 1000 && text[open] !== '[' && text[open] !== ']' && text[open] !== '\n') open--;
    if (open < 0 || text[open] !== '[') return false;
    let close = end;
    while (close < text.length && close - end <= 1000 && text[close] !== ']' && text[close] !== '[' && text[close] !== '\n') close++;
    if (text[close] !== ']') return false;
    return labels.has(normalLabel(text.slice(open + 1, close)));
  };
}

/** The test for the configuration's `ignore:` entries that apply to `file`. */
function ignoring(ctx: DocumentContext, file: string | undefined): (r: Report) => boolean {
  const entries = (ctx.data.config.ignore ?? []).filter((e) => e.file === undefined || e.file === file);
  if (entries.length === 0) return () => false;
  return (r) => entries.some((e) => (e.rule === undefined || e.rule === r.rule) && e.text.length === r.end - r.start && ctx.text.startsWith(e.text, r.start));
}

/** Index of the first chunk starting after `offset` (or at it, when `inclusive`). */
function firstChunkFrom(chunks: Placed[], offset: number, inclusive: boolean): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].start < offset || (!inclusive && chunks[mid].start === offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
