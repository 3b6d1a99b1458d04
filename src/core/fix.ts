/** Applying fixes: each changes only its own range; overlapping fixes wait for the next pass. */

import type {Engine} from './engine.js';
import type {DocumentLanguage, Finding, Fix} from './types.js';

/** Applies the fixes that do not overlap, in document order. Returns the new text and how many were applied. */
export function applyFixes(text: string, fixes: Fix[]): {text: string; applied: number; edits: Fix[]} {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  const edits: Fix[] = [];
  for (const f of sorted) {
    if (f.start < pos || f.end < f.start || f.end > text.length) continue;
    if (text.slice(f.start, f.end) === f.text) continue;
    out += text.slice(pos, f.start) + f.text;
    pos = f.end;
    edits.push(f);
  }
  return {text: out + text.slice(pos), applied: edits.length, edits};
}

export interface FixAllOptions {
  /** At most this many rounds of lint and fix (default 10). */
  passes?: number;
  /**
   * Which findings' fixes are applied (default: every fix). The editor leaves
   * out the fixes that raise the classification: that is the writer's decision.
   */
  include?: (finding: Finding) => boolean;
  /** The file the text is of (an absolute path), for the configuration's `ignore:` entries. */
  file?: string;
}

export interface FixAllResult {
  /** The fixed text. */
  text: string;
  /** How many fixes were applied, over all rounds. */
  applied: number;
  /** The findings of the fixed text. */
  findings: Finding[];
  /** The change from the original text to the fixed one, as non-overlapping replacements in the original's offsets, in order. */
  edits: Fix[];
}

/** Lints and fixes until no fixable finding is left (at most `passes` rounds): the fixed point the CLI and the editor share. */
export function fixAll(engine: Engine, text: string, language: DocumentLanguage, options: number | FixAllOptions = {}): FixAllResult {
  const {passes = 10, include = () => true, file} = typeof options === 'number' ? {passes: options} : options;
  const original = text;
  let applied = 0;
  let edits: Fix[] = [];
  let findings = engine.lint(text, language, file).findings;
  for (let i = 0; i < passes; i++) {
    const fixes = findings.filter((f) => f.fix && include(f)).map((f) => f.fix!);
    if (fixes.length === 0) break;
    const result = applyFixes(text, fixes);
    if (result.applied === 0) break;
    edits = composeEdits(original, edits, result.edits);
    text = result.text;
    applied += result.applied;
    findings = engine.lint(text, language, file).findings;
  }
  return {text, applied, findings, edits};
}

/**
 * Adds `next` (replacements in the offsets of the text that `edits` made
 * from `original`) to `edits` (in the original's offsets): the result turns
 * `original` into the text after both, each replacement as small as the two
 * rounds allow. Replacements that touch earlier ones are merged with them.
 */
export function composeEdits(original: string, edits: Fix[], next: Fix[]): Fix[] {
  let spans: Span[] = [];
  let shift = 0;
  for (const e of edits) {
    spans.push({start: e.start, end: e.end, text: e.text, cur: e.start + shift});
    shift += e.text.length - (e.end - e.start);
  }
  // From the last to the first (in the order applyFixes applies them), so that the current offsets before each stay valid.
  for (const f of [...next].sort((a, b) => a.start - b.start || a.end - b.end).reverse()) {
    const touched = spans.filter((s) => s.cur <= f.end && f.start <= s.cur + s.text.length);
    const first = touched[0];
    const last = touched[touched.length - 1];
    const curStart = first ? Math.min(f.start, first.cur) : f.start;
    const curEnd = last ? Math.max(f.end, last.cur + last.text.length) : f.end;
    const origStart = first && curStart === first.cur ? first.start : toOriginal(spans, curStart);
    const origEnd = last && curEnd === last.cur + last.text.length ? last.end : toOriginal(spans, curEnd);
    const text = currentText(original, spans, curStart, f.start) + f.text + currentText(original, spans, f.end, curEnd);
    const delta = text.length - (curEnd - curStart);
    spans = spans.filter((s) => !touched.includes(s));
    for (const s of spans) if (s.cur >= curEnd) s.cur += delta;
    spans.push({start: origStart, end: origEnd, text, cur: curStart});
    spans.sort((a, b) => a.start - b.start);
  }
  return spans.map(({start, end, text}) => ({start, end, text}));
}

/** A replacement of the original's [start, end) by `text`, which starts at `cur` in the current text. */
interface Span {
  start: number;
  end: number;
  text: string;
  cur: number;
}

/** The original offset of current offset `cur`, which lies outside every span (sorted). */
function toOriginal(spans: Span[], cur: number): number {
  let delta = 0;
  for (const s of spans) {
    if (s.cur + s.text.length > cur) break;
    delta = s.end - (s.cur + s.text.length);
  }
  return cur + delta;
}

/** The current text between current offsets `from` and `to`. */
function currentText(original: string, spans: Span[], from: number, to: number): string {
  let out = '';
  let cur = 0;
  let orig = 0;
  const take = (a: number, b: number, piece: (x: number, y: number) => string) => {
    const x = Math.max(from, cur);
    const y = Math.min(to, cur + (b - a));
    if (x < y) out += piece(x - cur, y - cur);
    cur += b - a;
  };
  for (const s of spans) {
    if (cur >= to) return out;
    const o = orig;
    take(o, s.start, (x, y) => original.slice(o + x, o + y));
    take(0, s.text.length, (x, y) => s.text.slice(x, y));
    orig = s.end;
  }
  const o = orig;
  if (cur < to) take(o, original.length, (x, y) => original.slice(o + x, o + y));
  return out;
}
