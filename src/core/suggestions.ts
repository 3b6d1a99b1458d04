/**
 * Changes the editor offers one by one where a finding has no automatic fix,
 * or where the fix is a decision: the writer chooses among them (a portion
 * mark, a banner level, where to write out an acronym), and none is ever part
 * of "fix all" or `--fix`. Works on a lint's facts, like the rules.
 */

import type {LintResult} from './engine.js';
import {bannerLine, insertBottom, insertTop, intended} from './markings/fixes.js';
import {classify, type Classification, type MarkingLevel} from './markings/index.js';
import type {DocumentContext} from './rule.js';
import {ruleById} from './rules/index.js';
import {DURATION_PLACEHOLDER} from './rules/structurePlaceholder.js';
import type {Finding, Fix, Localized} from './types.js';

export interface Suggestion {
  title: Localized;
  /** Replacements, applied together, in the linted text's offsets. */
  edits: Fix[];
  /** The first edit as a snippet body (a tab stop on its placeholder), for an editor that inserts snippets. */
  snippet?: string;
  /** The change raises the document's classification. */
  raises?: true;
  /** The best of several: the editor marks it preferred. */
  preferred?: true;
}


const q = (s: string) => ({nl: `«${s}»`, en: `"${s}"`});

/** The suggestions for one finding of `result`. */
export function suggestionsFor(finding: Finding, result: LintResult): Suggestion[] {
  const ctx = result.context;
  switch (finding.rule) {
    case 'marking/portion-exceeds-banner':
      return raiseBanners(result);
    case 'marking/missing':
      return insertBanner(finding, result, classify(ctx));
    case 'marking/missing-duration':
      return insertDuration(ctx, classify(ctx));
    case 'marking/unmarked-portion':
      return choosePortionMark(finding, ctx, classify(ctx));
    case 'term/acronym-undefined':
      return writeOutBelowHeading(finding, ctx);
    default:
      return [];
  }
}

/** Whether applying this finding's fix raises the classification (the writer's decision, never in "fix all"). */
export function fixRaisesClassification(finding: Finding): boolean {
  return ruleById(finding.rule)?.meta.fixRaisesClassification === true;
}

/**
 * Whether a finding's own fix is offered as a quick fix: not one that raises the classification, and not
 * a missing banner's (both the writer's decisions, offered as suggestions of their own).
 */
export function isQuickFix(finding: Finding): boolean {
  return Boolean(finding.fix) && !fixRaisesClassification(finding) && finding.rule !== 'marking/missing';
}

/** Every banner below the highest portion raised at once, so that top and bottom stay equal. */
function raiseBanners(result: LintResult): Suggestion[] {
  const fixes = result.findings.filter((f) => f.rule === 'marking/portion-exceeds-banner' && f.fix).map((f) => f.fix!);
  if (!fixes.length) return [];
  const to = fixes[0].text;
  const both = fixes.length > 1;
  return [{
    title: {
      nl: `Rubricering verhogen naar «${to}»${both ? ' (bovenaan en onderaan)' : ''}`,
      en: `Raise the classification to "${to}"${both ? ' (top and bottom)' : ''}`,
    },
    edits: fixes,
    raises: true,
  }];
}

/** The banner line at the top or the bottom: the one the rule proposes, else each level, the document's own first. */
function insertBanner(finding: Finding, result: LintResult, c: Classification): Suggestion[] {
  const missing = result.findings.filter((f) => f.rule === 'marking/missing');
  const atTop = !c.top && missing[0] === finding;
  const where = atTop ? {nl: 'bovenaan', en: 'at the top'} : {nl: 'onderaan', en: 'at the bottom'};
  const insert = (line: string) => (atTop ? insertTop(c, line) : insertBottom(c, line));
  const title = (line: string) => ({nl: `${q(line).nl} ${where.nl} invoegen`, en: `Insert ${q(line).en} ${where.en}`});
  if (finding.fix) return [{title: title(finding.expected ?? finding.fix.text.trim()), edits: [finding.fix], preferred: true}];
  const other = c.top ?? c.bottom;
  const lines = other ? [bannerLine(result.context.lines, other)] : bannerLevels(result.context, c).map((l) => l.banner);
  return lines.map((line) => ({title: title(line), edits: [insert(line)]}));
}

/** The classification levels a banner may have, the document's own (portion marks, required level) first, then its scheme's from low to high. */
function bannerLevels(ctx: DocumentContext, c: Classification): MarkingLevel[] {
  const own = [c.required, ...c.portions.map((p) => p.level)].filter((l): l is MarkingLevel => !!l && l.rank >= 1);
  const scheme = own[0]?.schemeId ?? ctx.data.markings.levels[0]?.schemeId;
  const rest = ctx.data.markings.levels.filter((l) => l.schemeId === scheme && l.rank >= 1).sort((a, b) => a.rank - b.rank);
  return unique([...own.sort((a, b) => b.rank - a.rank), ...rest]);
}

/** A `Rubriceringstermijn:` line above the bottom banner (or a date after an empty one), with the date to type selected. */
function insertDuration(ctx: DocumentContext, c: Classification): Suggestion[] {
  const {label} = ctx.data.markings.duration;
  const placeholder = DURATION_PLACEHOLDER.nl;
  const eol = c.layout.eol;
  if (c.duration && !c.duration.value) {
    const at = c.duration.end;
    const space = /\s$/.test(ctx.text.slice(c.duration.start, at)) ? '' : ' ';
    return [{
      title: {nl: `Datum of gebeurtenis invullen na «${label}:»`, en: `Fill in a date or event after "${label}:"`},
      edits: [{start: at, end: at, text: `${space}${placeholder}`}],
      snippet: `${space}\${1:${placeholder}}`,
      preferred: true,
    }];
  }
  let edit: Fix;
  let snippet: string;
  if (c.bottom) {
    const lineStart = ctx.lines.offset(ctx.lines.position(c.bottom.start).line, 0);
    edit = {start: lineStart, end: lineStart, text: `${label}: ${placeholder}${eol}${eol}`};
    snippet = `${label}: \${1:${placeholder}}${eol}${eol}`;
  } else {
    const at = c.layout.lastLine?.end ?? ctx.text.length;
    edit = {start: at, end: at, text: `${eol}${eol}${label}: ${placeholder}`};
    snippet = `${eol}${eol}${label}: \${1:${placeholder}}`;
  }
  return [{
    title: {nl: `Regel «${label}: …» invoegen`, en: `Insert a line "${label}: …"`},
    edits: [edit],
    snippet,
    preferred: true,
  }];
}

/** A portion mark for an unmarked paragraph: the marks the document already uses first (highest first), then the others of its scheme. */
function choosePortionMark(finding: Finding, ctx: DocumentContext, c: Classification): Suggestion[] {
  const used = unique(c.portions.filter((p) => p.level && p.valid).sort((a, b) => b.level!.rank - a.level!.rank).map((p) => intended(p)));
  const scheme = c.portions.find((p) => p.level)?.level?.schemeId ?? ctx.data.markings.levels[0]?.schemeId;
  const others = ctx.data.markings.levels
    .filter((l) => l.schemeId === scheme && l.portions.length)
    .sort((a, b) => a.rank - b.rank)
    .map((l) => l.portions[0]);
  return unique([...used, ...others]).map((mark, i) => ({
    title: {nl: `Portiemarkering ${q(mark).nl} invoegen`, en: `Insert the portion mark ${q(mark).en}`},
    edits: [{start: finding.start, end: finding.start, text: `${mark} `}],
    ...(i === 0 ? {preferred: true as const} : {}),
  }));
}

/** An acronym first used in a heading: written out at its first use in the paragraph below instead, the heading kept short. */
function writeOutBelowHeading(finding: Finding, ctx: DocumentContext): Suggestion[] {
  if (!finding.fix) return [];
  const i = ctx.blocks.findIndex((b) => b.kind === 'heading' && b.start <= finding.start && finding.end <= b.end);
  if (i < 0) return [];
  const next = ctx.blocks[i + 1];
  if (!next || next.kind !== 'paragraph') return [];
  const acronym = ctx.text.slice(finding.start, finding.end);
  const body = ctx.text.slice(next.start, next.end);
  const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(body);
  if (!m) return [];
  const start = next.start + m.index;
  return [{
    title: {
      nl: `${q(acronym).nl} in de alinea eronder uitschrijven: ${q(finding.fix.text).nl}`,
      en: `Write ${q(acronym).en} out in the paragraph below: ${q(finding.fix.text).en}`,
    },
    edits: [{start, end: start + acronym.length, text: finding.fix.text}],
    preferred: true,
  }];
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
