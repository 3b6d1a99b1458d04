/**
 * The one interface every rule implements. A rule is either checked per
 * chunk (its findings depend only on that chunk's text, so they are cached
 * with it) or per document (it reads the facts of all chunks in order).
 */

import type {Block, ComplexityReason, Directive, Range} from './parse.js';
import type {TermMatch} from './matcher.js';
import type {EngineData} from './engineData.js';
import type {DocumentLanguage, RuleMeta, RuleReport} from './types.js';
import type {LineIndex} from './text.js';
import type {LabelHit, WrittenOutHit} from './markings/recognize.js';

export interface ChunkContext {
  /** The chunk's text; offsets in reports are relative to it. */
  text: string;
  language: DocumentLanguage;
  blocks: Block[];
  prose: Range[];
  matches: TermMatch[];
  data: EngineData;
  /** Markdown too complex to parse, checked as plain text: why (see parse.ts, MARKDOWN_LIMITS). */
  plainText?: ComplexityReason;
}

export interface DocumentContext {
  text: string;
  language: DocumentLanguage;
  lines: LineIndex;
  /** All blocks, prose ranges, term matches and directives of the document, in order, absolute offsets. */
  blocks: Block[];
  prose: Range[];
  matches: TermMatch[];
  /** A summary of each match (matchSummary.ts), in the same order; absent: made from the matches (summariesOf). */
  matchSummaries?: readonly number[];
  /**
   * Code words (entries with `minimumMarking`) anywhere in the text, code,
   * HTML, URLs and front matter included; absent: take them from `matches`.
   */
  restrictedMatches?: TermMatch[];
  /**
   * Sharing labels and written-out classification markings in the prose,
   * found chunk by chunk (so that a relint finds them again only where the
   * text changed); absent: the classification looks for them in the text.
   */
  markingHits?: {labels: LabelHit[]; writtenOut: WrittenOutHit[]};
  directives: Directive[];
  /**
   * The chunk facts (DocumentRule.chunkFacts, the profile's chunkYearFacts, kamerstuk's chunkQuestionFacts) of all chunks,
   * by key, each list in document order, absolute offsets: found only where the text changed, kept per key between
   * lints; absent: the rule finds them in the whole text.
   */
  factsByKey?: ReadonlyMap<string, readonly ChunkFact[]>;
  /** Raw front matter, if the document has any. */
  frontMatter?: string;
  data: EngineData;
  /** Computes a value once per lint and shares it between rules (e.g. the document's classification). */
  memo<T>(key: string, compute: () => T): T;
}

interface RuleBase {
  meta: RuleMeta;
}

export interface ChunkRule extends RuleBase {
  scope: 'chunk';
  check(ctx: ChunkContext, report: (r: RuleReport) => void): void;
}

/**
 * A fact a document-wide check reads from one chunk's text alone (lines lie within a chunk), kept with
 * the chunk between lints and moved with it: `start` and `end` are its only offsets. `key` says whose.
 */
export interface ChunkFact {
  key: string;
  start: number;
  end: number;
}

const NO_FACTS: readonly ChunkFact[] = [];

/** The chunk facts of one key, in document order, or undefined when the context has none (the caller reads the whole text). */
export function factsOf<F extends ChunkFact>(ctx: DocumentContext, key: string): readonly F[] | undefined {
  const byKey = ctx.factsByKey;
  if (!byKey) return undefined;
  return (byKey.get(key) ?? NO_FACTS) as readonly F[];
}

export interface DocumentRule extends RuleBase {
  scope: 'document';
  /** The facts `check` needs from one chunk (offsets in the chunk), found when the chunk is checked; `check` reads them with `factsOf`. */
  chunkFacts?(ctx: ChunkContext): ChunkFact[];
  check(ctx: DocumentContext, report: (r: RuleReport) => void): void;
}

export type Rule = ChunkRule | DocumentRule;

/** The page of the rule `id`, relative to Rubric's installation: `term/variant` -> `docs/rules/term-variant.md`. */
export function rulePage(id: string): string {
  return `docs/rules/${id.replace('/', '-')}.md`;
}

/**
 * Every rule is made by this factory: it stamps the rule's page on its metadata, as the engine stamps the
 * rule's id, severity and page on each of its findings, so that no rule restates its own id.
 */
export function defineRule<R extends Rule>(rule: Omit<R, 'meta'> & {meta: Omit<RuleMeta, 'url'>}): R {
  return {...rule, meta: {...rule.meta, url: rulePage(rule.meta.id)}} as R;
}
