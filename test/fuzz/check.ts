/** The invariants every lint must keep, whatever the input. */

import {strict as assert} from 'node:assert';
import type {Engine} from '../../src/core/engine.js';
import {applyFixes} from '../../src/core/fix.js';
import {LineIndex} from '../../src/core/text.js';
import type {DocumentLanguage, Finding} from '../../src/core/types.js';
import {classify} from '../../src/core/markings/index.js';

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

/**
 * A byte-order mark before the text changes nothing but the offsets (issue
 * 13, item 1): the same findings, one code unit further on.
 */
export function checkByteOrderMark(engine: Engine, text: string, language: DocumentLanguage): void {
  if (text.charCodeAt(0) === 0xfeff) return;
  const key = (f: Finding, shift: number) => `${f.rule}@${f.start + shift}-${f.end + shift}`;
  const plain = engine.lint(text, language).findings.map((f) => key(f, 1));
  const marked = engine.lint(`\ufeff${text}`, language).findings.map((f) => key(f, 0));
  assert.deepEqual(marked, plain, 'a byte-order mark changed the findings');
}

/** A reference or footnote definition's label: `[x]: …`, `[^x]: …`. */
const DEFINITION = /^ {0,3}\[((?:[^[\]\\\r\n]|\\.){1,999})\]:/gm;

/** No fix touches a label the document defines (issue 13, item 6): `[BVD]` of a reference, `[^BVD]`, `[BVD]:`. */
export function checkLabelsKept(engine: Engine, text: string, language: DocumentLanguage): void {
  if (language !== 'markdown' || !text.includes(']:')) return;
  const labels = new Set<string>();
  for (const m of text.matchAll(DEFINITION)) labels.add(m[1].trim().replace(/\s+/g, ' ').toLowerCase());
  if (labels.size === 0) return;
  for (const f of engine.lint(text, language).findings) {
    if (!f.fix || !f.rule.startsWith('term/')) continue;
    const open = text.lastIndexOf('[', f.fix.start - 1);
    const close = text.indexOf(']', f.fix.end);
    if (open === -1 || close === -1 || /[[\]\r\n]/.test(text.slice(open + 1, f.fix.start) + text.slice(f.fix.end, close))) continue;
    const label = text.slice(open + 1, close).trim().replace(/\s+/g, ' ').toLowerCase();
    assert.ok(!labels.has(label), `${f.rule} fixes inside the defined label [${label}]`);
  }
}

/**
 * A code word counts wherever it stands (issue 13, item 2): ` KOPERWIEK `
 * put anywhere in the text (code, HTML, a URL, front matter) is a restricted
 * use. `engine` must know KOPERWIEK with a minimum marking.
 */
export function checkCodeWordAnywhere(engine: Engine, text: string, language: DocumentLanguage, at: number): void {
  const where = Math.max(0, Math.min(at, text.length));
  const withWord = `${text.slice(0, where)} KOPERWIEK ${text.slice(where)}`;
  const {context} = engine.lint(withWord, language);
  const found = classify(context).restricted.some((u) => u.match.start === where + 1 && u.match.form.entry.term === 'KOPERWIEK');
  assert.ok(found, `KOPERWIEK at ${where + 1} not seen as a restricted term in ${JSON.stringify(withWord.slice(Math.max(0, where - 40), where + 50))}`);
}
