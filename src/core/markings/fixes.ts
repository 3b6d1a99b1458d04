/** Texts the marking rules write: banner lines to insert, raised banners. */

import type {LineIndex} from '../text.js';
import type {Fix} from '../types.js';
import type {Classification, MarkingOccurrence} from './classify.js';
import type {MarkingLevel, MarkingRuleset} from './ruleset.js';

/** The marking as it should read: the expected form when it is wrong and known, else as written. */
export function intended(o: MarkingOccurrence): string {
  return o.valid ? o.text : o.expected ?? o.text;
}

/** A banner's whole line (Markdown emphasis kept), with the marking in its intended form. */
export function bannerLine(lines: LineIndex, o: MarkingOccurrence): string {
  const {text} = lines;
  const {start} = lines.lineAround(o.start);
  const {end} = lines.lineAround(o.end);
  return (text.slice(start, o.start) + intended(o) + text.slice(o.end, end)).trim();
}

/** Inserts a banner line above the first non-empty line. */
export function insertTop(c: Classification, line: string): Fix {
  const at = c.layout.firstLine?.start ?? c.layout.bodyStart;
  const after = c.layout.firstLine ? `${c.layout.eol}${c.layout.eol}` : c.layout.eol;
  return {start: at, end: at, text: `${line}${after}`};
}

/** Inserts a banner line below the last non-empty line. */
export function insertBottom(c: Classification, line: string): Fix {
  const at = c.layout.lastLine?.end ?? c.layout.bodyStart;
  const before = c.layout.lastLine ? `${c.layout.eol}${c.layout.eol}` : '';
  return {start: at, end: at, text: `${before}${line}`};
}

/**
 * The banner a document marked `banner` gets when raised to `rank`: the
 * level of that rank in the banner's own scheme (in the same long or short
 * style), or else `fallback`.
 */
export function raisedBanner(ruleset: MarkingRuleset, banner: MarkingOccurrence, rank: number, fallback: MarkingLevel): string {
  const own = banner.level && ruleset.levels.find((l) => l.schemeId === banner.level!.schemeId && l.rank === rank);
  const level = own ?? fallback;
  const written = intended(banner);
  if (own && banner.level!.long.includes(written) && level.long.length) return level.long[0];
  return level.banner;
}

