/**
 * What Rubric says of a glossary entry or a marking level, as Markdown text for
 * a hover or a completion's details. Texts from the glossary are escaped (every
 * Markdown character, spaces left as spaces) so that they show literally and
 * wrap at spaces. The editor layers wrap the text in their own types.
 */

import type {GlossaryEntry} from './glossary.js';
import type {MarkingLevel, MarkingRuleset} from './markings/index.js';
import type {Lang} from './types.js';

/** Text as Markdown that shows it literally: every Markdown character escaped, spaces left as spaces. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, '\\$&');
}

/** Escaped text whose line breaks stay paragraph breaks. */
function escapeParagraphs(s: string): string {
  return s.trim().split(/\r?\n\s*/).map(escapeMarkdown).join('\n\n');
}

/** A glossary entry: its term and expansion, its whole definition and the facts the glossary gives. */
export function entryMarkdown(e: GlossaryEntry, lang: Lang): string {
  const L = lang === 'nl'
    ? {exp: 'Uitgeschreven', variants: 'Varianten', dep: 'Verouderd', since: 'sinds', repl: 'vervangen door', min: 'Minimale rubricering', src: 'Bron', known: 'Algemeen bekende afkorting'}
    : {exp: 'Expansion', variants: 'Variants', dep: 'Outdated', since: 'since', repl: 'replaced by', min: 'Minimum marking', src: 'Source', known: 'Well-known acronym'};
  let md = `**${escapeMarkdown(e.term)}**`;
  if (e.expansions.length) md += ` — ${escapeMarkdown(e.expansions[0])}`;
  md += `\n\n${escapeParagraphs(e.definition)}\n\n`;
  const facts: string[] = [];
  if (e.deprecated) facts.push(`${L.dep} ${L.since} ${escapeMarkdown(e.deprecated.since)}, ${L.repl} **${escapeMarkdown(e.deprecated.replacement)}**`);
  if (e.expansions.length > 1) facts.push(`${L.exp}: ${e.expansions.map(escapeMarkdown).join(' / ')}`);
  if (e.minimumMarking) facts.push(`${L.min}: **${escapeMarkdown(e.minimumMarking)}**`);
  if (e.wellKnown) facts.push(L.known);
  if (e.variants.length) facts.push(`${L.variants}: ${e.variants.map((v) => `~~${escapeMarkdown(v)}~~`).join(', ')}`);
  if (e.source) facts.push(`${L.src}: ${escapeMarkdown(e.source)}`);
  return md + facts.map((f) => `- ${f}`).join('\n');
}

/** A marking's scheme, level, rank and the equivalent levels of the other schemes; `expected` is how it should be written. */
export function levelMarkdown(level: MarkingLevel, ruleset: MarkingRuleset, lang: Lang, expected?: string): string {
  const L = lang === 'nl'
    ? {scheme: 'Stelsel', rank: 'Rang', label: 'Deelbaarheidslabel (geen rubricering)', eq: 'Gelijkwaardig', portion: 'Portiemarkering', write: 'Schrijf'}
    : {scheme: 'Scheme', rank: 'Rank', label: 'Sharing label (not a classification)', eq: 'Equivalent', portion: 'Portion mark', write: 'Write'};
  const facts = [`${L.scheme}: ${escapeMarkdown(level.schemeName)}`];
  if (level.kind === 'label') facts.push(L.label);
  else {
    facts.push(`${L.rank}: ${level.rank}`);
    const eq = ruleset.levels.filter((l) => l.rank === level.rank && l.schemeId !== level.schemeId);
    if (eq.length) facts.push(`${L.eq}: ${eq.map((l) => `${escapeMarkdown(l.banner)} (${escapeMarkdown(l.schemeName)})`).join(', ')}`);
  }
  if (level.portions.length) facts.push(`${L.portion}: \`${level.portions[0]}\``);
  if (expected) facts.push(`${L.write}: **${escapeMarkdown(expected)}**`);
  if (level.description) facts.push(escapeMarkdown(level.description));
  return `**${escapeMarkdown(level.banner)}**\n\n${facts.map((f) => `- ${f}`).join('\n')}`;
}
