/** Applying fixes: each changes only its own range; overlapping fixes wait for the next pass. */

import type {Engine} from './engine.js';
import type {DocumentLanguage, Finding, Fix} from './types.js';

/** Applies the fixes that do not overlap, in document order. Returns the new text and how many were applied. */
export function applyFixes(text: string, fixes: Fix[]): {text: string; applied: number} {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let applied = 0;
  for (const f of sorted) {
    if (f.start < pos || f.end < f.start || f.end > text.length) continue;
    if (text.slice(f.start, f.end) === f.text) continue;
    out += text.slice(pos, f.start) + f.text;
    pos = f.end;
    applied++;
  }
  return {text: out + text.slice(pos), applied};
}

/** Lints and fixes until no fixable finding is left (at most `passes` rounds). */
export function fixAll(engine: Engine, text: string, language: DocumentLanguage, passes = 10): {text: string; applied: number; findings: Finding[]} {
  let applied = 0;
  let findings = engine.lint(text, language).findings;
  for (let i = 0; i < passes; i++) {
    const fixes = findings.filter((f) => f.fix).map((f) => f.fix!);
    if (fixes.length === 0) break;
    const result = applyFixes(text, fixes);
    if (result.applied === 0) break;
    text = result.text;
    applied += result.applied;
    findings = engine.lint(text, language).findings;
  }
  return {text, applied, findings};
}
