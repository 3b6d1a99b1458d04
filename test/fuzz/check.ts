/** The invariants every lint must keep, whatever the input. */

import {strict as assert} from 'node:assert';
import type {Engine} from '../../src/core/engine.js';
import {applyFixes} from '../../src/core/fix.js';
import {LineIndex} from '../../src/core/text.js';
import type {DocumentLanguage} from '../../src/core/types.js';

export function checkInvariants(engine: Engine, text: string, language: DocumentLanguage): void {
  const {findings} = engine.lint(text, language);
  const lines = new LineIndex(text);
  for (const f of findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `range ${f.start}-${f.end} outside 0-${text.length} (${f.rule})`);
    assert.deepEqual(lines.position(f.start), {line: f.line, column: f.column});
    assert.deepEqual(lines.position(f.end), {line: f.endLine, column: f.endColumn});
    assert.ok(f.message.length > 0);
    if (f.fix) assert.ok(f.fix.start >= 0 && f.fix.start <= f.fix.end && f.fix.end <= text.length, `fix range outside the text (${f.rule})`);
  }
  const fixes = findings.filter((f) => f.fix);
  if (fixes.length === 0) return;
  const {text: fixed} = applyFixes(text, fixes.map((f) => f.fix!));
  // Text outside every fix's range is unchanged: rebuild it from the pieces.
  const sorted = fixes.map((f) => f.fix!).sort((a, b) => a.start - b.start);
  let pos = 0;
  let rebuilt = '';
  for (const fx of sorted) {
    if (fx.start < pos || text.slice(fx.start, fx.end) === fx.text) continue;
    rebuilt += text.slice(pos, fx.start) + fx.text;
    pos = fx.end;
  }
  assert.equal(fixed, rebuilt + text.slice(pos));
  // A fix is complete: relinting does not report the same finding on the text the fix wrote.
  const again = engine.lint(fixed, language).findings;
  let shift = 0;
  pos = 0;
  const written: {start: number; end: number; rule: string; actual?: string}[] = [];
  for (const f of fixes.sort((a, b) => a.fix!.start - b.fix!.start)) {
    const fx = f.fix!;
    if (fx.start < pos || text.slice(fx.start, fx.end) === fx.text) continue;
    written.push({start: fx.start + shift, end: fx.start + shift + fx.text.length, rule: f.rule, actual: f.actual});
    shift += fx.text.length - (fx.end - fx.start);
    pos = fx.end;
  }
  const byStart = new Map<number, typeof again>();
  for (const g of again) byStart.set(g.start, [...(byStart.get(g.start) ?? []), g]);
  for (const w of written) {
    let same;
    for (let at = w.start; at <= w.end && !same; at++) {
      same = byStart.get(at)?.find((g) => g.rule === w.rule && g.end <= w.end && g.actual === w.actual);
    }
    assert.equal(same, undefined, `${w.rule} reported again on its own fix "${fixed.slice(w.start, w.end)}"`);
  }
}
