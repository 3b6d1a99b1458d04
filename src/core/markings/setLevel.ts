/**
 * Setting a document's classification from the editor, as text edits on a
 * lint's facts: the top and bottom banners written or replaced, the
 * `Rubriceringstermijn:` line from the ruleset's rank on, a paragraph's
 * portion mark, and the sharing label (TLP), which leaves the banners alone. The edits are such that no marking rule fires on what they
 * write (test/unit/setLevel.test.ts lints every result).
 */

import {formatDutchDate, isValidDate, parseDutchDate} from '../kamerbrief/dates.js';
import type {DocumentContext} from '../rule.js';
import type {LineIndex} from '../text.js';
import type {Fix} from '../types.js';
import {classify, type Classification, type MarkingOccurrence, type PortionBlock} from './classify.js';
import {insertBottom, insertTop, intended} from './fixes.js';
import type {MarkingLevel} from './ruleset.js';

export interface LevelChoice {
  level: MarkingLevel;
  /** The document's banners already say this level. */
  current: boolean;
  /** Lower than the banners say now: the writer confirms it. */
  lowers: boolean;
  /** Higher than every portion mark of a portion-marked document: marking/over-classified would warn. */
  aboveEveryPortion: boolean;
}

export interface ClassificationChoices {
  /** What the banners say now (the lower of two that differ), or null. */
  current: MarkingLevel | null;
  /** The lowest level the document's portion marks and restricted terms allow. */
  required: MarkingLevel | null;
  /** The levels a banner may have: the Dutch scheme (VIRBI) first, then the other schemes in force, each from low to high. */
  choices: LevelChoice[];
  /** Levels left out because a portion mark or a restricted term requires more. */
  belowRequired: number;
  /** The sharing labels of the label schemes in force (TLP), offered after the levels; they do not classify. */
  labels: LabelChoice[];
  /** The sharing label the document carries now (what setLabelEdits replaces), or null. */
  currentLabel: MarkingOccurrence | null;
}

export interface LabelChoice {
  /** A level of a `label` scheme (`kind: 'label'`). */
  level: MarkingLevel;
  /** The document's label already stands for this one. */
  current: boolean;
}

/** The classification levels the writer may choose for the document's banners. */
export function classificationChoices(ctx: DocumentContext): ClassificationChoices {
  const c = classify(ctx);
  const ruleset = ctx.data.markings;
  const order = [...ruleset.schemes.filter((s) => s.kind === 'classification')]
    .sort((a, b) => Number(b.id === 'nl') - Number(a.id === 'nl'));
  const highestPortion = c.highestPortion?.level?.rank;
  const all = order.flatMap((s) => [...s.levels].sort((a, b) => a.rank - b.rank)).filter((l) => l.rank >= 1);
  const allowed = all.filter((l) => !c.required || l.rank >= c.required.rank);
  const currentLabel = labelOccurrences(ctx)[0] ?? null;
  return {
    current: c.marked,
    required: c.required,
    belowRequired: all.length - allowed.length,
    choices: allowed.map((level) => ({
      level,
      current: !!c.top?.level && !!c.bottom?.level && c.top.valid && c.bottom.valid && c.top.level === level && c.bottom.level === level,
      lowers: !!c.marked && level.rank < c.marked.rank,
      aboveEveryPortion: highestPortion !== undefined && level.rank > highestPortion,
    })),
    labels: ruleset.schemes.filter((s) => s.kind === 'label').flatMap((s) => s.levels)
      .map((level) => ({level, current: !!currentLabel?.level && currentLabel.level === level})),
    currentLabel,
  };
}

/**
 * The sharing labels that setLabelEdits replaces: every label that is a line of its own (the document's
 * label lines, top and bottom alike), or when there is none, the first label in running text.
 */
function labelOccurrences(ctx: DocumentContext): MarkingOccurrence[] {
  const {labels} = classify(ctx);
  const own = labels.filter((o) => aloneOnLine(ctx.lines, o));
  return own.length ? own : labels.slice(0, 1);
}

function aloneOnLine(lines: LineIndex, o: MarkingOccurrence): boolean {
  const {text} = lines;
  const {start} = lines.lineAround(o.start);
  const {end} = lines.lineAround(o.end);
  // Markdown emphasis around the label is part of its line.
  return /^[ \t]*[*_]{0,3}$/.test(text.slice(start, o.start)) && /^[*_]{0,3}[ \t]*$/.test(text.slice(o.end, end));
}

/**
 * The edits that give the document the sharing label `label`: each label it carries (see labelOccurrences)
 * replaced in place, or else the label on a line of its own at the top of the body (after front matter and a
 * byte-order mark), directly under the top banner when there is one. The banners stay as they are.
 */
export function setLabelEdits(ctx: DocumentContext, label: MarkingLevel): Fix[] {
  if (label.kind !== 'label') throw new Error(`${label.banner} is a classification level, not a sharing label`);
  const existing = labelOccurrences(ctx);
  if (existing.length) return existing.map((o) => ({start: o.start, end: o.end, text: label.banner}));
  const c = classify(ctx);
  const {eol} = c.layout;
  if (c.top && c.top.level?.kind === 'classification') {
    const line = ctx.lines.position(c.top.start).line;
    const at = ctx.lines.lineEnd(line);
    const next = line + 1 < ctx.lines.lineCount ? ctx.text.slice(ctx.lines.lineStart(line + 1), ctx.lines.lineEnd(line + 1)) : '';
    // A blank line on both sides: the label is a paragraph of its own, not the start of the text under it.
    const after = next.trim() === '' ? '' : eol;
    return [{start: at, end: at, text: `${eol}${eol}${label.banner}${after}`}];
  }
  return [insertTop(c, label.banner)];
}

/** Whether setting `level` needs a date or event for the classification period (none is written yet). */
export function needsDuration(ctx: DocumentContext, level: MarkingLevel): boolean {
  const c = classify(ctx);
  return level.rank >= ctx.data.markings.duration.fromRank && !c.duration?.value;
}

/** A date as the period line writes it: `1 januari 2035` for a date in any common form, else the text as given (an event). */
export function durationText(input: string): string {
  const value = input.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = iso ? {year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3])} : parseDutchDate(value);
  if (d && isValidDate(d.day, d.month, d.year) && (iso || value.length <= 20)) return formatDutchDate(d);
  return value;
}

/**
 * The edits that give the document `level`: both banners written or replaced (their Markdown emphasis kept),
 * and from the ruleset's rank on a `Rubriceringstermijn:` line above the bottom banner with `duration` (a
 * date or event), or `duration` in place of the value of the line there is. Throws when a duration is needed
 * (needsDuration) and none is given.
 */
export function setClassificationEdits(ctx: DocumentContext, level: MarkingLevel, duration?: string): Fix[] {
  const c = classify(ctx);
  const ruleset = ctx.data.markings;
  const {eol} = c.layout;
  const banner = level.banner;
  const edits: Fix[] = [];
  // A sharing label on the first or last line (TLP) is no banner: the banner goes beside it.
  const top = c.top?.level?.kind === 'label' ? undefined : c.top;
  const bottom = c.bottom?.level?.kind === 'label' ? undefined : c.bottom;
  const wantsDuration = level.rank >= ruleset.duration.fromRank;
  const value = duration !== undefined && duration.trim() ? durationText(duration) : undefined;
  if (wantsDuration && !value && !c.duration?.value) {
    throw new Error(`${banner} needs a classification period: a date or event for the line "${ruleset.duration.label}:"`);
  }
  if (/[\r\n]/.test(value ?? '')) throw new Error('the classification period is one line');

  if (top) edits.push({start: top.start, end: top.end, text: banner});
  else if (c.layout.firstLine) edits.push(insertTop(c, banner));

  const durationLine = `${ruleset.duration.label}: ${value ?? ''}`;
  if (c.duration && !c.duration.labelValid) edits.push({start: c.duration.labelStart, end: c.duration.labelEnd, text: ruleset.duration.label});
  if (wantsDuration && c.duration) {
    if (value) edits.push(replaceValue(ctx.text, c, value));
  }
  const newDuration = wantsDuration && !c.duration;
  if (bottom) {
    if (newDuration) {
      const lineStart = ctx.lines.offset(ctx.lines.position(bottom.start).line, 0);
      edits.push({start: lineStart, end: lineStart, text: `${durationLine}${eol}${eol}`});
    }
    edits.push({start: bottom.start, end: bottom.end, text: banner});
  } else if (c.layout.lastLine) {
    edits.push(insertBottom(c, newDuration ? `${durationLine}${eol}${eol}${banner}` : banner));
  } else {
    // An empty document: the banners with room between them.
    const at = c.layout.bodyStart;
    edits.push({start: at, end: at, text: [banner, '', ...(newDuration ? [durationLine, ''] : []), banner, ''].join(eol)});
  }
  return edits;
}

function replaceValue(text: string, c: Classification, value: string): Fix {
  const d = c.duration!;
  const colon = text.indexOf(':', d.labelEnd);
  let start = colon + 1;
  let end = d.end;
  // Keep the emphasis around the value and the space after the colon.
  while (start < end && /[ \t*_]/.test(text[start])) start++;
  while (end > start && /[ \t*_]/.test(text[end - 1])) end--;
  const space = start === colon + 1 ? ' ' : '';
  return {start, end, text: `${space}${value}`};
}

/** The paragraph or list item at `offset`, to mark (headings, banners and the period line are none). */
export function portionBlockAt(ctx: DocumentContext, offset: number): PortionBlock | undefined {
  return classify(ctx).portionBlocks.find((pb) => pb.start <= offset && offset <= pb.block.end) ??
    classify(ctx).portionBlocks.find((pb) => pb.block.start <= offset && offset <= pb.block.end);
}

export interface PortionChoice {
  mark: string;
  level: MarkingLevel;
  /** Used in the document already. */
  used: boolean;
  /** Higher than the banners: marking/portion-exceeds-banner would fire until they are raised. */
  exceedsBanner: boolean;
}

/** Portion marks for a paragraph: the document's own first (highest first), then the others of its scheme from low to high. */
export function portionChoices(ctx: DocumentContext): PortionChoice[] {
  const c = classify(ctx);
  const levels = ctx.data.markings.levels;
  const used = c.portions.filter((p) => p.level && p.level.kind === 'classification').sort((a, b) => b.level!.rank - a.level!.rank);
  const scheme = used[0]?.level?.schemeId ?? (c.marked?.schemeId === 'nl' || !c.marked ? 'nl' : c.marked.schemeId);
  const own = levels.filter((l) => l.schemeId === scheme && l.portions.length).sort((a, b) => a.rank - b.rank);
  const seen = new Set<string>();
  const out: PortionChoice[] = [];
  const add = (mark: string, level: MarkingLevel, isUsed: boolean) => {
    if (seen.has(mark)) return;
    seen.add(mark);
    out.push({mark, level, used: isUsed, exceedsBanner: !!c.marked && level.rank > c.marked.rank});
  };
  for (const p of used) add(intended(p), p.level!, true);
  for (const l of own) add(l.portions[0], l, false);
  return out;
}

/** The edit that gives the paragraph at `offset` the portion mark `mark` (replacing the one it has), or undefined when no paragraph is there. */
export function markPortionEdit(ctx: DocumentContext, offset: number, mark: string): Fix | undefined {
  const pb = portionBlockAt(ctx, offset);
  if (!pb) return undefined;
  if (pb.mark) return {start: pb.mark.start, end: pb.mark.end, text: mark};
  return {start: pb.start, end: pb.start, text: `${mark} `};
}
