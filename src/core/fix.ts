/** Applying fixes: each changes only its own range; overlapping fixes wait for the next pass. */

import type {Engine} from './engine.js';
import type {LineIndex} from './text.js';
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
  /** The fixed text's line index, from its last lint (for positions of the findings and their fixes). */
  lines: LineIndex;
  /** The findings of the text before any fix. */
  first: Finding[];
  /** The change from the original text to the fixed one, as non-overlapping replacements in the original's offsets, in order. */
  edits: Fix[];
}

/** Lints and fixes until no fixable finding is left (at most `passes` rounds): the fixed point the CLI and the editor share. */
export function fixAll(engine: Engine, text: string, language: DocumentLanguage, options: number | FixAllOptions = {}): FixAllResult {
  const {passes = 10, include = () => true, file} = typeof options === 'number' ? {passes: options} : options;
  const original = text;
  let applied = 0;
  let edits: Fix[] = [];
  let last = engine.lint(text, language, file);
  let findings = last.findings;
  const first = findings;
  for (let i = 0; i < passes; i++) {
    const fixes = findings.filter((f) => f.fix && include(f)).map((f) => f.fix!);
    if (fixes.length === 0) break;
    const result = applyFixes(text, fixes);
    if (result.applied === 0) break;
    edits = composeEdits(original, edits, result.edits);
    text = result.text;
    applied += result.applied;
    last = engine.lint(text, language, file);
    findings = last.findings;
  }
  return {text, applied, findings, lines: last.context.lines, first, edits};
}

/**
 * Adds `next` (replacements in the offsets of the text that `edits` made
 * from `original`) to `edits` (in the original's offsets): the result turns
 * `original` into the text after both, each replacement as small as the two
 * rounds allow. Replacements that touch earlier ones are merged with them.
 * Linear in the number of replacements: both lists are in order and walked once.
 */
export function composeEdits(original: string, edits: Fix[], next: Fix[]): Fix[] {
  // Every replacement as an interval of the current text (the one `next` is in offsets of).
  const items: Item[] = [];
  let shift = 0;
  const olds: Item[] = edits.map((e) => {
    const a = e.start + shift;
    shift += e.text.length - (e.end - e.start);
    return {a, b: a + e.text.length, old: e};
  });
  const fixes: Item[] = [...next].sort((x, y) => x.start - y.start || x.end - y.end).map((f) => ({a: f.start, b: f.end, fix: f}));
  for (let i = 0, j = 0; i < olds.length || j < fixes.length;) {
    // An earlier replacement before a new one at the same place: the new one then touches it.
    if (j >= fixes.length || (i < olds.length && olds[i].a <= fixes[j].a)) items.push(olds[i++]);
    else items.push(fixes[j++]);
  }
  const out: Fix[] = [];
  /** Current offset minus original offset, after the earlier replacements passed so far. */
  let delta = 0;
  for (let k = 0; k < items.length;) {
    // A group: replacements that overlap or touch, one after the other.
    const group = [items[k]];
    let end = items[k].b;
    for (k++; k < items.length && items[k].a <= end; k++) {
      group.push(items[k]);
      end = Math.max(end, items[k].b);
    }
    const groupOlds = group.filter((x) => x.old);
    const after = delta + groupOlds.reduce((n, x) => n + x.old!.text.length - (x.old!.end - x.old!.start), 0);
    if (groupOlds.length === group.length) {
      for (const x of group) out.push(x.old!);
      delta = after;
      continue;
    }
    const cs = group[0].a;
    const os = group[0].old ? group[0].old.start : cs - delta;
    const last = groupOlds.find((x) => x.b === end);
    const oe = last ? last.old!.end : end - after;
    // The current text of [from, to) inside the group: earlier replacements' texts, the original elsewhere.
    const current = (from: number, to: number): string => {
      let text = '';
      let pos = cs;
      let d = delta;
      const take = (x: number, y: number, piece: (u: number, v: number) => string) => {
        const u = Math.max(from, x);
        const v = Math.min(to, y);
        if (u < v) text += piece(u, v);
      };
      for (const o of groupOlds) {
        const dd = d;
        take(pos, o.a, (u, v) => original.slice(u - dd, v - dd));
        take(o.a, o.b, (u, v) => o.old!.text.slice(u - o.a, v - o.a));
        d += o.old!.text.length - (o.old!.end - o.old!.start);
        pos = o.b;
      }
      take(pos, end, (u, v) => original.slice(u - d, v - d));
      return text;
    };
    let text = '';
    let cursor = cs;
    for (const x of group) {
      if (!x.fix) continue;
      text += current(cursor, x.a) + x.fix.text;
      cursor = x.b;
    }
    text += current(cursor, end);
    out.push({start: os, end: oe, text});
    delta = after;
  }
  return out;
}

/** A replacement as an interval [a, b) of the current text: an earlier one (`old`, whose text is there now) or a new one (`fix`). */
interface Item {
  a: number;
  b: number;
  old?: Fix;
  fix?: Fix;
}
