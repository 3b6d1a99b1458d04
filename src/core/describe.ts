/**
 * What Rubric says of a glossary entry or a marking level, as Markdown text for
 * a hover or a completion's details. Texts from the glossary are escaped (every
 * Markdown character, spaces left as spaces) so that they show literally and
 * wrap at spaces. The editor layers wrap the text in their own types.
 */

import type {GlossaryEntry} from './glossary.js';
import type {MarkingLevel, MarkingRuleset} from './markings/index.js';
import {message} from './messages.js';
import type {Lang, Localized} from './types.js';

const FACTS = {
  entryExpansion: {nl: 'Uitgeschreven: {0}', en: 'Expansion: {0}'},
  entryVariants: {nl: 'Varianten: {0}', en: 'Variants: {0}'},
  entryOutdated: {nl: 'Verouderd sinds {0}, vervangen door **{1}**', en: 'Outdated since {0}, replaced by **{1}**'},
  entryMinimum: {nl: 'Minimale rubricering: **{0}**', en: 'Minimum marking: **{0}**'},
  entryWellKnown: {nl: 'Algemeen bekende afkorting', en: 'Well-known acronym'},
  entrySource: {nl: 'Bron: {0}', en: 'Source: {0}'},
  levelScheme: {nl: 'Stelsel: {0}', en: 'Scheme: {0}'},
  levelIsLabel: {nl: 'Deelbaarheidslabel (geen rubricering)', en: 'Sharing label (not a classification)'},
  levelRank: {nl: 'Rang: {0}', en: 'Rank: {0}'},
  levelEquivalent: {nl: 'Gelijkwaardig: {0}', en: 'Equivalent: {0}'},
  levelPortion: {nl: 'Portiemarkering: `{0}`', en: 'Portion mark: `{0}`'},
  levelWrite: {nl: 'Schrijf: **{0}**', en: 'Write: **{0}**'},
} satisfies Record<string, Localized>;

/** The facts' texts in `lang`, each filled in with its values. */
const factIn = (lang: Lang) => (key: keyof typeof FACTS, ...args: (string | number)[]) => message(FACTS, lang, key, args);

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
  const fact = factIn(lang);
  let md = `**${escapeMarkdown(e.term)}**`;
  if (e.expansions.length) md += ` — ${escapeMarkdown(e.expansions[0])}`;
  md += `\n\n${escapeParagraphs(e.definition)}\n\n`;
  const facts: string[] = [];
  if (e.deprecated) facts.push(fact('entryOutdated', escapeMarkdown(e.deprecated.since), escapeMarkdown(e.deprecated.replacement)));
  if (e.expansions.length > 1) facts.push(fact('entryExpansion', e.expansions.map(escapeMarkdown).join(' / ')));
  if (e.minimumMarking) facts.push(fact('entryMinimum', escapeMarkdown(e.minimumMarking)));
  if (e.wellKnown) facts.push(fact('entryWellKnown'));
  if (e.variants.length) facts.push(fact('entryVariants', e.variants.map((v) => `~~${escapeMarkdown(v)}~~`).join(', ')));
  if (e.source) facts.push(fact('entrySource', escapeMarkdown(e.source)));
  return md + facts.map((f) => `- ${f}`).join('\n');
}

/** A marking's scheme, level, rank and the equivalent levels of the other schemes; `expected` is how it should be written. */
export function levelMarkdown(level: MarkingLevel, ruleset: MarkingRuleset, lang: Lang, expected?: string): string {
  const fact = factIn(lang);
  const facts = [fact('levelScheme', escapeMarkdown(level.schemeName))];
  if (level.kind === 'label') facts.push(fact('levelIsLabel'));
  else {
    facts.push(fact('levelRank', level.rank));
    const eq = ruleset.levels.filter((l) => l.rank === level.rank && l.schemeId !== level.schemeId);
    if (eq.length) facts.push(fact('levelEquivalent', eq.map((l) => `${escapeMarkdown(l.banner)} (${escapeMarkdown(l.schemeName)})`).join(', ')));
  }
  if (level.portions.length) facts.push(fact('levelPortion', level.portions[0]));
  if (expected) facts.push(fact('levelWrite', escapeMarkdown(expected)));
  if (level.description) facts.push(escapeMarkdown(level.description));
  return `**${escapeMarkdown(level.banner)}**\n\n${facts.map((f) => `- ${f}`).join('\n')}`;
}
