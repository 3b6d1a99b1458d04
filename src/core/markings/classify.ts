/**
 * The classification of a document: its banners, portion marks, sharing
 * labels, restricted terms and classification period, and from those the
 * effective level of the document and of each section. Computed once per
 * lint (`ctx.memo('classification', …)`) and shared by the marking rules, the
 * status bar, the outline and `rubric markings`.
 */

import {frontMatterLength} from '../chunks.js';
import type {TermMatch} from '../matcher.js';
import type {Block} from '../parse.js';
import {factsOf, type ChunkContext, type ChunkFact, type DocumentContext} from '../rule.js';
import {fold, lineEnding, LineIndex, PARAGRAPH_BREAK} from '../text.js';
import {editDistance} from '../distance.js';
import {typoBudget} from './forms.js';
import {findLabels, findWrittenOut, portionShapeOf, recognize, tooLongForMarking, type Recognition} from './recognize.js';
import {levelByName, type MarkingLevel, type MarkingRuleset} from './ruleset.js';

export interface MarkingOccurrence {
  /** `inline`: a classification marking written out in running text (`… gerubriceerd als Stg. GEHEIM`). */
  kind: 'banner' | 'portion' | 'label' | 'inline';
  /** Banners only: the first or the last non-empty line. */
  position?: 'top' | 'bottom';
  /** The marking as written: a banner without Markdown emphasis, a portion mark with its parentheses. */
  start: number;
  end: number;
  text: string;
  /** The level it stands for; null for a label of no known level (`TLP:PURPLE`) and a portion mark of none (`(Stg.X)`). */
  level: MarkingLevel | null;
  /** A portion mark of no known level: the id of the scheme it is shaped after (`(Stg.X)`: `nl`). */
  scheme?: string;
  /** Written in an accepted form. */
  valid: boolean;
  /** What should be written instead, when that is known. */
  expected?: string;
  lookAlike: boolean;
}

export interface LineRange {
  start: number;
  /** Before the line break. */
  end: number;
}

/** A paragraph or list item that needs a portion mark once the document is portion-marked. */
export interface PortionBlock {
  block: Block;
  /** Where its text begins (after a banner line in the same paragraph). */
  start: number;
  mark?: MarkingOccurrence;
}

/** A glossary term with `minimumMarking`, where it is used. */
export interface RestrictedUse {
  match: TermMatch;
  minimum: MarkingLevel;
  /** The portion mark of the paragraph it is in, if any. */
  portion?: MarkingOccurrence;
}

export interface DurationLine {
  /** The whole line's text range. */
  start: number;
  end: number;
  /** The label as written, and where. */
  label: string;
  labelStart: number;
  labelEnd: number;
  /** The label is written exactly as the ruleset's. */
  labelValid: boolean;
  /** What follows the colon (date or event); empty when nothing does. */
  value: string;
}

export interface SectionClassification {
  /** The heading text, without `#` marks. */
  title: string;
  depth: number;
  headingStart: number;
  headingEnd: number;
  /** From the heading to the next heading of the same or a higher level. */
  start: number;
  end: number;
  /** The highest portion mark inside the section (its subsections included), or null when it has none. */
  level: MarkingLevel | null;
  /** The heading's own portion mark, if it has one. */
  mark?: MarkingOccurrence;
}

export interface Classification {
  /** The banner lines. A marking-like first or last line is a banner even when its form is wrong. */
  top?: MarkingOccurrence;
  bottom?: MarkingOccurrence;
  /**
   * The banner lines of other schemes stacked with them (`NATO CONFIDENTIAL` under `Stg. CONFIDENTIEEL`, at the top
   * and at the bottom): checked as written; the level is the top and bottom banners'.
   */
  stacked: MarkingOccurrence[];
  /** The level the banners give the document: the lower of the two when they differ; null without banners. */
  marked: MarkingLevel | null;
  /** Portion marks at the start of paragraphs, list items and headings, in order. */
  portions: MarkingOccurrence[];
  /** The paragraphs and list items, with their portion mark if any. */
  portionBlocks: PortionBlock[];
  /** The first of the highest-ranked portion marks. */
  highestPortion?: MarkingOccurrence;
  /** Sharing labels (TLP) anywhere in the text. */
  labels: MarkingOccurrence[];
  /** Classification markings written out in running text, outside banners and portion marks; they do not classify the document. */
  inline: MarkingOccurrence[];
  /** Restricted terms used in the document. */
  restricted: RestrictedUse[];
  /** The lowest level the rules allow the banner to have: the highest portion or restricted term; null when nothing requires one. */
  required: MarkingLevel | null;
  /** The effective level: the highest of the banners and portion marks; null when the document has neither. */
  level: MarkingLevel | null;
  /** The `Rubriceringstermijn:` line, if any. */
  duration?: DurationLine;
  /** One per heading (banner lines excluded), in document order. */
  sections: SectionClassification[];
  layout: {
    /** Where the text begins after front matter. */
    bodyStart: number;
    /** The first and last non-empty lines (after front matter, HTML comments skipped). */
    firstLine?: LineRange;
    lastLine?: LineRange;
    /** The document's line break. */
    eol: string;
  };
}

/** The document's classification, computed once per lint. */
export function classify(ctx: DocumentContext): Classification {
  return ctx.memo('classification', () => computeClassification(ctx));
}

/** The higher of two levels; the first on equal rank. */
export function higher(a: MarkingLevel | null | undefined, b: MarkingLevel | null | undefined): MarkingLevel | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return b.rank > a.rank ? b : a;
}

const resolved = new WeakMap<MarkingRuleset, Map<string, MarkingLevel | null>>();

/** The classification level a name from elsewhere (a glossary `minimumMarking`) stands for, forgiving wrong forms. */
export function resolveLevel(ruleset: MarkingRuleset, name: string): MarkingLevel | undefined {
  let cache = resolved.get(ruleset);
  if (!cache) resolved.set(ruleset, (cache = new Map()));
  if (!cache.has(name)) {
    const level = levelByName(ruleset, name) ??
      recognize(ruleset, name, 'banner')?.level ??
      (/^\(.*\)$/.test(name.trim()) ? recognize(ruleset, name.trim(), 'portion')?.level : undefined);
    cache.set(name, level ?? null);
  }
  return cache.get(name) ?? undefined;
}

const EMPHASIS = /^(\*{1,3}|_{1,3})(?=\S)([\s\S]*?\S)\1$/;
const HTML_COMMENT_LINE = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;

/** Makes the occurrence of a marking written at `start` (with whether a term rule reports the same words). */
type Occur = (kind: MarkingOccurrence['kind'], start: number, written: string, r: Recognition | null) => MarkingOccurrence;

const occurrence: Occur = (kind, start, written, r) => ({
  kind, start, end: start + written.length, text: written, level: r?.level ?? null, valid: r?.valid ?? false,
  expected: r?.expected, lookAlike: r?.lookAlike ?? false,
});

/** A line's words as a banner reads them: without the white space around them and emphasis around the whole (`**Stg. GEHEIM**`). */
function bannerText(raw: string): {lead: number; inner: string} {
  let lead = raw.length - raw.trimStart().length;
  let inner = raw.trim();
  const em = EMPHASIS.exec(inner);
  if (em) {
    lead += em[1].length;
    inner = em[2];
  }
  return {lead, inner};
}

/** Whether a line, without emphasis, is a banner of any scheme (`NATO CONFIDENTIAL`, `Stg. GEHEIM`). */
function isBannerLine(ruleset: MarkingRuleset, line: string): boolean {
  // Without a Markdown hard break at its end (`\`, as a Word document's text has one).
  const {inner} = bannerText(line.trimEnd().replace(/\\$/, ''));
  return inner !== '' && recognize(ruleset, inner, 'banner') !== null;
}

/** [start, end) of a block beside a banner, without the banner lines of other schemes at its top and its bottom. */
function besideBanners(ctx: DocumentContext, start: number, end: number): [number, number] {
  const {text} = ctx;
  const ruleset = ctx.data.markings;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl === -1 || nl > end ? end : nl;
    if (start >= end || !isBannerLine(ruleset, text.slice(start, lineEnd))) break;
    start = skipBlank(text, lineEnd, end);
  }
  for (;;) {
    const body = text.slice(start, end).replace(/\s+$/, '');
    const lineStart = start + body.lastIndexOf('\n') + 1;
    if (body === '' || !isBannerLine(ruleset, body.slice(lineStart - start))) break;
    end = lineStart;
  }
  return [start, end];
}

/** The blocks' share of the classification: portion marks, the paragraphs they mark, headings, the period. */
interface PortionFacts {
  duration?: DurationLine;
  portions: MarkingOccurrence[];
  portionBlocks: PortionBlock[];
  headings: {block: Block; start: number; end: number; mark?: MarkingOccurrence}[];
}

/** A document's classification, step by step: banners, portion marks and the period, labels and written-out markings, code words, levels, sections. */
function computeClassification(ctx: DocumentContext): Classification {
  const {text, data} = ctx;
  const ruleset = data.markings;
  const eol = lineEnding(text);
  // A byte-order mark is not part of the first line: a banner inserted at the top goes after it.
  const bodyStart = Math.max(ctx.language === 'markdown' ? frontMatterLength(text) : 0, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const empty: Classification = {
    stacked: [], marked: null, portions: [], portionBlocks: [], labels: [], inline: [], restricted: [], required: null, level: null, sections: [],
    layout: {bodyStart, eol},
  };
  if (ruleset.schemes.length === 0) return empty;

  const {firstLine, lastLine, top, bottom, stacked} = findBanners(ctx, bodyStart, occurrence);
  const topLine = top ? firstLine : undefined;
  const bottomLine = bottom ? lastLine : undefined;
  // The chunks tell which paragraphs and headings give anything but a portion without a mark: only those (and the
  // blocks beside the banners) are read at each lint; the list of all portions is made when it is asked for.
  const flagged = factsOf(ctx, BLOCK_KEY);
  const read = flagged ? readPortions(ctx, topLine, bottomLine, stacked, occurrence, candidateBlocks(ctx, flagged, [topLine, bottomLine, ...stacked])) : readPortions(ctx, topLine, bottomLine, stacked, occurrence);
  const {duration, portions, headings} = read;
  let allBlocks = flagged ? undefined : read.portionBlocks;
  const portionBlocksOf = () => (allBlocks ??= readPortions(ctx, topLine, bottomLine, stacked, occurrence).portionBlocks);
  const {labels, inline} = labelsAndInline(ctx, [topLine, bottomLine, ...stacked, ...portions].filter((x): x is LineRange => !!x), occurrence);
  const restricted = restrictedUses(ctx, portionBlocksOf);
  // The levels: the highest portion mark, what the portions and code words require, what the banners state.
  let highestPortion: MarkingOccurrence | undefined;
  for (const p of portions) {
    if (p.level && (!highestPortion || p.level.rank > highestPortion.level!.rank)) highestPortion = p;
  }
  let required: MarkingLevel | null = highestPortion?.level ?? null;
  for (const r of restricted) required = higher(required, r.minimum);
  const marked = top?.level && bottom?.level
    ? (bottom.level.rank < top.level.rank ? bottom.level : top.level)
    : top?.level ?? bottom?.level ?? null;
  const level = higher(higher(top?.level, bottom?.level), highestPortion?.level);

  const sections = sectionsOf(text, headings, portions, bottomLine ? bottomLine.start : text.length);

  return {
    ...(top ? {top} : {}), ...(bottom ? {bottom} : {}), stacked, marked, portions,
    get portionBlocks() {
      return portionBlocksOf();
    },
    ...(highestPortion ? {highestPortion} : {}), labels, inline, restricted, required, level,
    ...(duration ? {duration} : {}), sections,
    layout: {bodyStart, ...(firstLine ? {firstLine} : {}), ...(lastLine ? {lastLine} : {}), eol},
  };
}

const BLOCK_KEY = 'classification/block';

/**
 * A chunk's headings and the paragraphs that give the classification more than a portion without a mark (a
 * portion mark, a sharing label, the classification period), as chunk facts: what the blocks' facts are read from
 * lies in the block's own lines. Blocks beside a banner are read again at each lint, with the banner's lines.
 */
export function chunkClassificationFacts(ctx: ChunkContext): ChunkFact[] {
  const out: ChunkFact[] = [];
  if (ctx.data.markings.schemes.length === 0) return out;
  let lines: LineIndex | undefined;
  for (const block of ctx.blocks) {
    if (block.kind === 'heading') out.push({key: BLOCK_KEY, start: block.start, end: block.end});
    if (block.kind !== 'paragraph') continue;
    const facts = blockFacts({text: ctx.text, data: ctx.data, lines: (lines ??= new LineIndex(ctx.text))}, block, block.start, block.end, occurrence);
    if (facts && (facts.duration || facts.label || facts.mark)) out.push({key: BLOCK_KEY, start: block.start, end: block.end});
  }
  return out;
}

/** The paragraphs and headings to read: those the chunks named (`flagged`) and those beside a banner line, in order. */
function candidateBlocks(ctx: DocumentContext, flagged: readonly ChunkFact[], banners: (LineRange | undefined)[]): Block[] {
  const {blocks} = ctx;
  // Blocks do not nest: in order of their starts, their ends are in order too.
  const firstFrom = (offset: number, edge: 'start' | 'end') => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid][edge] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const at = new Set<number>();
  for (const f of flagged) {
    const i = firstFrom(f.start, 'start');
    if (i < blocks.length && blocks[i].start === f.start) at.add(i);
  }
  // As readPortions' `touches`: up to two characters beyond the line on either side.
  for (const line of banners) {
    if (!line) continue;
    for (let i = firstFrom(line.start - 2, 'end'); i < blocks.length && blocks[i].start <= line.end + 2; i++) at.add(i);
  }
  return [...at].sort((a, b) => a - b).map((i) => blocks[i]);
}

/** A line that is an item of a list: a dash, star, bullet or plus, or a number, then white space. */
const LIST_ITEM = /^[ \t]*(?:[-*•+–]|\d{1,3}[.)])[ \t]+\S/;

/** The first and last lines of the body that are not empty, and the banners on them. */
function findBanners(ctx: DocumentContext, bodyStart: number, occurrence: Occur): {firstLine?: LineRange; lastLine?: LineRange; top?: MarkingOccurrence; bottom?: MarkingOccurrence; stacked: MarkingOccurrence[]} {
  const {text, lines} = ctx;
  const ruleset = ctx.data.markings;
  // Banner lines.
  const isEmptyLine = (s: string) => s.trim() === '' || (ctx.language === 'markdown' && HTML_COMMENT_LINE.test(s));
  const lineRange = (line: number): LineRange => ({start: Math.max(lines.lineStart(line), bodyStart), end: lines.lineEnd(line)});
  const firstBodyLine = lines.position(bodyStart).line;
  let firstLine: LineRange | undefined;
  let lastLine: LineRange | undefined;
  let firstIndex = -1;
  for (let l = firstBodyLine; l < lines.lineCount; l++) {
    const r = lineRange(l);
    if (!isEmptyLine(text.slice(r.start, r.end))) {
      firstLine = r;
      firstIndex = l;
      break;
    }
  }
  let lastIndex = -1;
  if (firstLine) {
    for (let l = lines.lineCount - 1; l >= firstIndex; l--) {
      const r = lineRange(l);
      if (!isEmptyLine(text.slice(r.start, r.end))) {
        lastLine = r;
        lastIndex = l;
        break;
      }
    }
  }
  // An item of a list (the levels a text explains, `- Stg. Geheim` as its last line) is no banner: it and the
  // line of text next to it, within the body, both begin with a list's marker.
  const listItem = (l: number) => l >= firstIndex && l <= lastIndex && LIST_ITEM.test(text.slice(lineRange(l).start, lines.lineEnd(l)));
  const nextText = (l: number, step: 1 | -1) => {
    for (let k = l + step; k >= firstIndex && k <= lastIndex; k += step) if (!isEmptyLine(text.slice(lineRange(k).start, lines.lineEnd(k)))) return k;
    return -1;
  };
  const inList = (l: number, step: 1 | -1) => listItem(l) && listItem(nextText(l, step));
  const bannerOn = (r: LineRange | undefined, position: 'top' | 'bottom'): MarkingOccurrence | undefined => {
    if (!r) return undefined;
    if (inList(position === 'top' ? firstIndex : lastIndex, position === 'top' ? 1 : -1)) return undefined;
    // Without a Markdown hard break at its end (`\`, as a Word document's text has one), as isBannerLine reads it.
    const {lead, inner} = bannerText(text.slice(r.start, r.end).trimEnd().replace(/\\$/, ''));
    const recognition = recognize(ruleset, inner, 'banner');
    if (!recognition) return undefined;
    return {...occurrence('banner', r.start + lead, inner, recognition), position};
  };
  let top = bannerOn(firstLine, 'top');
  let bottom = lastLine && lastLine.start !== firstLine?.start ? bannerOn(lastLine, 'bottom') : undefined;
  // The next banner line from line l on in direction step, over empty lines, within (from, to); -1 at a line of text.
  const nextBanner = (l: number, step: 1 | -1, from: number, to: number): number => {
    for (let k = l; k > from && k < to; k += step) {
      const line = text.slice(lineRange(k).start, lines.lineEnd(k));
      if (isEmptyLine(line)) continue;
      return isBannerLine(ruleset, line) ? k : -1;
    }
    return -1;
  };
  // Two levels of one scheme among the lines are a list of the levels a text explains, not its banner: a banner
  // stacks one line a scheme.
  const listOfLevels = (block: readonly MarkingOccurrence[]) =>
    block.some((a, i) => block.some((b, j) => j > i && a.level && b.level && a.level.schemeId === b.level.schemeId && a.level.id !== b.level.id));
  // Banners of two schemes stacked (`Stg. CONFIDENTIEEL` over `NATO CONFIDENTIAL`): the lines of the top's block after
  // its first, and the closing block's lines; the bottom banner to compare with the top one is the closing block's
  // line of the top's scheme, whichever line of it that is.
  const stacked: MarkingOccurrence[] = [];
  let topEnd = firstIndex;
  if (top) {
    const block = [top];
    for (let l = nextBanner(firstIndex + 1, 1, firstIndex, lastIndex); l !== -1; l = nextBanner(l + 1, 1, firstIndex, lastIndex)) {
      const o = bannerOn(lineRange(l), 'top');
      if (o) block.push(o);
      topEnd = l;
    }
    if (listOfLevels(block)) [top, topEnd] = [undefined, firstIndex];
    else stacked.push(...block.slice(1));
  }
  if (bottom) {
    const block: {r: LineRange; o: MarkingOccurrence}[] = [{r: lastLine!, o: bottom}];
    for (let l = nextBanner(lastIndex - 1, -1, topEnd, lastIndex); l !== -1; l = nextBanner(l - 1, -1, topEnd, lastIndex)) {
      const o = bannerOn(lineRange(l), 'bottom');
      if (o) block.unshift({r: lineRange(l), o});
    }
    if (listOfLevels(block.map((b) => b.o))) {
      bottom = undefined;
    } else {
      const same = top && block.find((b) => b.o.level && b.o.level.schemeId === top!.level?.schemeId);
      if (same) [bottom, lastLine] = [same.o, same.r];
      for (const b of block) if (b.o !== bottom) stacked.push(b.o);
    }
  }

  return {...(firstLine ? {firstLine} : {}), ...(lastLine ? {lastLine} : {}), ...(top ? {top} : {}), ...(bottom ? {bottom} : {}), stacked};
}

/** The classification period, the portion marks of paragraphs and headings (outside the banner lines), and the headings. */
function readPortions(
  ctx: DocumentContext, topLine: LineRange | undefined, bottomLine: LineRange | undefined, stacked: readonly MarkingOccurrence[], occurrence: Occur,
  blocks: readonly Block[] = ctx.blocks,
): PortionFacts {
  const {text} = ctx;
  // The classification period, portion marks, sections.
  let duration: DurationLine | undefined;
  const portions: MarkingOccurrence[] = [];
  const portionBlocks: PortionBlock[] = [];
  const headings: {block: Block; start: number; end: number; mark?: MarkingOccurrence}[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
    let start = block.start;
    let end = block.end;
    // Touching a banner: holding its line, or right under or above it without a blank line (plain text makes a
    // block of each short line).
    const touches = (line: LineRange | undefined) => !!line && start <= line.end + 2 && end >= line.start - 2 &&
      !PARAGRAPH_BREAK.test(text.slice(Math.min(end, line.end), Math.max(start, line.start)));
    const nearBanner = touches(topLine) || touches(bottomLine) || (stacked.length > 0 && stacked.some(touches));
    let facts: BlockFacts | undefined;
    if (nearBanner) {
      if (topLine && start <= topLine.end && end >= topLine.start) start = skipBlank(text, Math.max(start, topLine.end), end);
      if (bottomLine && start <= bottomLine.end && end >= bottomLine.start) end = Math.min(end, bottomLine.start);
      // A second banner line beside the banner (`NATO CONFIDENTIAL` under `Stg. CONFIDENTIEEL`, also in a paragraph of
      // its own) is part of it.
      [start, end] = besideBanners(ctx, start, end);
      facts = blockFacts(ctx, block, start, end, occurrence);
    } else {
      facts = cachedBlockFacts(ctx, block, occurrence);
    }
    if (!facts) continue;
    const found = facts.duration;
    if (found && !duration) duration = found;
    if (found && found.start === facts.lineStart) continue;
    // A sharing label on a line of its own (`TLP:AMBER` under the banner) shares the document; it is no portion.
    if (facts.label) continue;
    const {mark} = facts;
    if (mark) portions.push(mark);
    if (block.kind === 'heading') headings.push({block, start: facts.start, end: facts.end, mark});
    // Made once per block's facts and moved with them, as the rest of them (no new object per block at each relint).
    else portionBlocks.push((facts.portion ??= {block, start: facts.start, mark}));
  }

  return {...(duration ? {duration} : {}), portions, portionBlocks, headings};
}

/** What one paragraph or heading gives the classification, in absolute offsets. */
interface BlockFacts {
  /** Its text, after what the banner lines take and without white space at the end. */
  start: number;
  end: number;
  /** The start of its first line. */
  lineStart: number;
  /** The first classification period line that starts within it. */
  duration?: DurationLine;
  /** A paragraph that is only a sharing label. */
  label: boolean;
  mark?: MarkingOccurrence;
  /** The block as a portion (Classification.portionBlocks), once asked for. */
  portion?: PortionBlock;
}

/**
 * The facts of a block not on a banner line, kept per block: a relint hands the same block object only
 * for the same chunk text, where they are the same (moved with the block). They are read from the text
 * of the block's own lines, which lie in its chunk.
 */
const KEPT = Symbol('classification facts');
type Kept = {ruleset: MarkingRuleset; base: number; facts: BlockFacts | undefined};

function cachedBlockFacts(ctx: DocumentContext, block: Block, occurrence: Occur): BlockFacts | undefined {
  const ruleset = ctx.data.markings;
  // On the block itself (not enumerable, so a copy of the block does not take it): no lookup in a map.
  const kept = (block as Block & {[KEPT]?: Kept})[KEPT];
  if (kept && kept.ruleset === ruleset) {
    const delta = block.start - kept.base;
    // Moved with the block, in place, as the block itself was: a context's facts change at the next lint.
    if (delta !== 0 && kept.facts) moveFacts(kept.facts, delta);
    kept.base = block.start;
    return kept.facts;
  }
  const facts = blockFacts(ctx, block, block.start, block.end, occurrence);
  const value: Kept = {ruleset, base: block.start, facts};
  if (kept) (block as Block & {[KEPT]?: Kept})[KEPT] = value;
  else Object.defineProperty(block, KEPT, {value, writable: true, enumerable: false});
  return facts;
}

function moveFacts(f: BlockFacts, delta: number): void {
  if (f.portion) f.portion.start += delta;
  f.start += delta;
  f.end += delta;
  f.lineStart += delta;
  if (f.duration) {
    f.duration.start += delta;
    f.duration.end += delta;
    f.duration.labelStart += delta;
    f.duration.labelEnd += delta;
  }
  if (f.mark) {
    f.mark.start += delta;
    f.mark.end += delta;
  }
}

function blockFacts(ctx: Pick<DocumentContext, 'text' | 'data' | 'lines'>, block: Block, from: number, to: number, occurrence: Occur): BlockFacts | undefined {
  const {text} = ctx;
  const ruleset = ctx.data.markings;
  const start = from;
  const end = trimEnd(text, start, to);
  if (start >= end) return undefined;
  const lineStart = ctx.lines.lineStart(ctx.lines.position(start).line);
  const duration = durationLineIn(ruleset, text, ctx.lines, lineStart, end);
  const label = block.kind === 'paragraph' && isLabelLine(ruleset, text.slice(start, end));
  let markStart = start;
  if (block.kind === 'heading' && text[start] === '#') {
    const m = /^#{1,6}[ \t]*/.exec(text.slice(start, Math.min(end, start + 10)));
    if (m) markStart = start + m[0].length;
  }
  const mark = portionAt(ruleset, text, markStart, end, occurrence);
  return {start, end, lineStart, label, ...(duration ? {duration} : {}), ...(mark ? {mark} : {})};
}

/** Whether `line` is only a sharing label (in any recognisable form, Markdown emphasis allowed). */
function isLabelLine(ruleset: MarkingRuleset, line: string): boolean {
  if (ruleset.labels.length === 0 || tooLongForMarking(line)) return false;
  const inner = line.trim();
  if (/[\r\n]/.test(inner)) return false;
  const em = EMPHASIS.exec(inner);
  return recognize(ruleset, em ? em[2] : inner, 'label')?.level?.kind === 'label';
}

/** Sharing labels anywhere in prose, and classification markings written out in sentences and titles outside `taken`. */
function labelsAndInline(ctx: DocumentContext, taken: LineRange[], occurrence: Occur): {labels: MarkingOccurrence[]; inline: MarkingOccurrence[]} {
  const {text} = ctx;
  const ruleset = ctx.data.markings;
  // Sharing labels anywhere in prose: found by the engine chunk by chunk, or looked for here.
  let labelHits = ctx.markingHits?.labels;
  if (!labelHits) findLabels(ruleset, text, ctx.prose, (labelHits = []));
  const labels = labelHits.map((h) => occurrence('label', h.start, h.text, h.recognition));

  // Classification markings written out in sentences and titles, outside the banner lines and portion marks.
  let writtenHits = ctx.markingHits?.writtenOut;
  if (!writtenHits) findWrittenOut(ruleset, text, ctx.prose, (writtenHits = []));
  const inline = writtenHits
    .filter((h) => !taken.some((t) => h.start < t.end && h.end > t.start))
    .map((h) => occurrence('inline', h.start, h.text, h.recognition));

  return {labels, inline};
}

/** Restricted terms (code words), with the portion mark of the paragraph they are in. */
function restrictedUses(ctx: DocumentContext, portionBlocksOf: () => PortionBlock[]): RestrictedUse[] {
  const ruleset = ctx.data.markings;
  // Restricted terms, with the portion mark of the paragraph they are in.
  const restricted: RestrictedUse[] = [];
  let b = 0;
  let portionBlocks: PortionBlock[] | undefined;
  for (const match of ctx.restrictedMatches ?? ctx.matches) {
    const name = match.form.entry.minimumMarking;
    if (!name) continue;
    const minimum = resolveLevel(ruleset, name);
    if (!minimum) continue;
    portionBlocks ??= portionBlocksOf();
    while (b < portionBlocks.length && portionBlocks[b].block.end <= match.start) b++;
    const pb = portionBlocks[b];
    const portion = pb && pb.block.start <= match.start ? pb.mark : undefined;
    restricted.push({match, minimum, ...(portion ? {portion} : {})});
  }

  return restricted;
}

/** Sections: a heading to the next heading of the same or a higher level, each with the highest portion mark in it. */
function sectionsOf(text: string, headings: PortionFacts['headings'], portions: MarkingOccurrence[], docEnd: number): SectionClassification[] {
  return headings.map((h, i) => {
    const depth = h.block.depth ?? 1;
    let end = docEnd;
    for (let j = i + 1; j < headings.length; j++) {
      if ((headings[j].block.depth ?? 1) <= depth) {
        end = headings[j].block.start;
        break;
      }
    }
    let sectionLevel: MarkingLevel | null = null;
    for (const p of portions) {
      if (p.start >= h.block.start && p.start < end) sectionLevel = higher(sectionLevel, p.level);
    }
    const titleText = text.slice(h.start, h.end).split(/\r?\n|\r/)[0];
    const title = titleText.replace(/^#{1,6}[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '').trim();
    return {
      title, depth, headingStart: h.block.start, headingEnd: h.block.end, start: h.block.start, end,
      level: sectionLevel, ...(h.mark ? {mark: h.mark} : {}),
    };
  });

}

function skipBlank(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

/** A portion mark `(…)` at `start` (after Markdown emphasis), if what is inside is a marking or shaped like a scheme's portion mark. */
function portionAt(
  ruleset: MarkingRuleset,
  text: string,
  start: number,
  end: number,
  occurrence: (kind: 'portion', start: number, written: string, r: Recognition | null) => MarkingOccurrence,
): MarkingOccurrence | undefined {
  let p = start;
  while (p < end && p - start < 3 && (text[p] === '*' || text[p] === '_')) p++;
  if (text[p] !== '(') return undefined;
  const close = text.indexOf(')', p + 1);
  if (close === -1 || close >= end || close - p > 42) return undefined;
  const written = text.slice(p, close + 1);
  if (/[(\r\n]/.test(written.slice(1))) return undefined;
  const recognition = recognize(ruleset, written, 'portion');
  if (recognition) return occurrence('portion', p, written, recognition);
  // Shaped like a scheme's portion mark but of no level (`(Stg.X)`): a mark written wrongly, not a paragraph without one.
  const scheme = portionShapeOf(ruleset, written);
  return scheme ? {...occurrence('portion', p, written, null), scheme: scheme.id} : undefined;
}


/** What may stand between a line's start and the colon of a duration line: the label, with emphasis. */
const DURATION_HEAD = /^([ \t]*[*_]{0,3})(\p{L}[\p{L}\p{M}-]{3,40})[ \t]*[*_]{0,3}[ \t]*$/u;

/**
 * The first line `Rubriceringstermijn: …` (also with a misspelt label) that starts in [from, to), `from`
 * a line start: the first colon on a line decides (a later one has a colon before it in its label).
 */
function durationLineIn(ruleset: MarkingRuleset, text: string, lines: LineIndex, from: number, to: number): DurationLine | undefined {
  const regionEnd = lines.lineEnd(lines.position(to - 1).line);
  let wanted: string | undefined;
  for (let colon = from; colon < regionEnd; colon++) {
    if (text.charCodeAt(colon) !== 58 /* : */) continue;
    const line = lines.position(colon).line;
    const start = lines.lineStart(line);
    if (start >= to) break;
    const end = lines.lineEnd(line);
    if (colon - start > 60) {
      colon = end;
      continue;
    }
    const m = DURATION_HEAD.exec(text.slice(start, colon));
    if (!m) {
      colon = end;
      continue;
    }
    wanted ??= fold(ruleset.duration.label).toUpperCase();
    const budget = typoBudget(wanted.length);
    const written = fold(m[2]).toUpperCase();
    if (written !== wanted && (budget === 0 || editDistance(written, wanted, budget) > budget)) {
      colon = end;
      continue;
    }
    const labelStart = start + m[1].length;
    return {
      start, end, label: m[2], labelStart, labelEnd: labelStart + m[2].length,
      labelValid: m[2].normalize('NFC') === ruleset.duration.label,
      value: text.slice(colon + 1, end).replace(/^[\s*_]+|[\s*_]+$/g, ''),
    };
  }
  return undefined;
}
