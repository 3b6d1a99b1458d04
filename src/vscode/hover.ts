/**
 * Hover on a glossary term, variant or acronym: what the glossary says of it.
 * Texts from the glossary are written as escaped Markdown (never `appendText`,
 * which joins words with non-breaking spaces, so that a hover would wrap inside
 * words), so they wrap at spaces.
 */

import * as vscode from 'vscode';
import type {GlossaryEntry} from '../core/glossary.js';
import {classify, type MarkingLevel, type MarkingRuleset} from '../core/markings/index.js';
import type {Lang} from '../core/types.js';
import {toRange} from './convert.js';
import type {LintController} from './diagnostics.js';
import {withGlossaryLink} from './glossaryView.js';

export function entryMarkdown(e: GlossaryEntry, lang: Lang): vscode.MarkdownString {
  const L = lang === 'nl'
    ? {exp: 'Uitgeschreven', variants: 'Varianten', dep: 'Verouderd', since: 'sinds', repl: 'vervangen door', min: 'Minimale rubricering', src: 'Bron', known: 'Algemeen bekende afkorting'}
    : {exp: 'Expansion', variants: 'Variants', dep: 'Outdated', since: 'since', repl: 'replaced by', min: 'Minimum marking', src: 'Source', known: 'Well-known acronym'};
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(e.term)}**`);
  if (e.expansions.length) md.appendMarkdown(` — ${escape(e.expansions[0])}`);
  md.appendMarkdown('\n\n');
  md.appendMarkdown(escapeParagraphs(e.definition));
  md.appendMarkdown('\n\n');
  const facts: string[] = [];
  if (e.deprecated) facts.push(`${L.dep} ${L.since} ${escape(e.deprecated.since)}, ${L.repl} **${escape(e.deprecated.replacement)}**`);
  if (e.expansions.length > 1) facts.push(`${L.exp}: ${e.expansions.map(escape).join(' / ')}`);
  if (e.minimumMarking) facts.push(`${L.min}: **${escape(e.minimumMarking)}**`);
  if (e.wellKnown) facts.push(L.known);
  if (e.variants.length) facts.push(`${L.variants}: ${e.variants.map((v) => `~~${escape(v)}~~`).join(', ')}`);
  if (e.source) facts.push(`${L.src}: ${escape(e.source)}`);
  md.appendMarkdown(facts.map((f) => `- ${f}`).join('\n'));
  return md;
}

/** Text as Markdown that shows it literally: every Markdown character escaped, spaces left as spaces. */
export function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, '\\$&');
}

/** Escaped text whose line breaks stay paragraph breaks. */
function escapeParagraphs(s: string): string {
  return s.trim().split(/\r?\n\s*/).map(escape).join('\n\n');
}

/** A marking's scheme, level, rank and the equivalent levels of the other schemes. */
export function levelMarkdown(level: MarkingLevel, ruleset: MarkingRuleset, lang: Lang, expected?: string): vscode.MarkdownString {
  const L = lang === 'nl'
    ? {scheme: 'Stelsel', rank: 'Rang', label: 'Deelbaarheidslabel (geen rubricering)', eq: 'Gelijkwaardig', portion: 'Portiemarkering', write: 'Schrijf'}
    : {scheme: 'Scheme', rank: 'Rank', label: 'Sharing label (not a classification)', eq: 'Equivalent', portion: 'Portion mark', write: 'Write'};
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(level.banner)}**\n\n`);
  const facts = [`${L.scheme}: ${escape(level.schemeName)}`];
  if (level.kind === 'label') facts.push(L.label);
  else {
    facts.push(`${L.rank}: ${level.rank}`);
    const eq = ruleset.levels.filter((l) => l.rank === level.rank && l.schemeId !== level.schemeId);
    if (eq.length) facts.push(`${L.eq}: ${eq.map((l) => `${escape(l.banner)} (${escape(l.schemeName)})`).join(', ')}`);
  }
  if (level.portions.length) facts.push(`${L.portion}: \`${level.portions[0]}\``);
  if (expected) facts.push(`${L.write}: **${escape(expected)}**`);
  if (level.description) facts.push(escape(level.description));
  md.appendMarkdown(facts.map((f) => `- ${f}`).join('\n'));
  return md;
}

export class RubricHover implements vscode.HoverProvider {
  constructor(private readonly lints: LintController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.lints.resultFor(document);
    if (!result) return undefined;
    const offset = document.offsetAt(position);
    const lang = result.context.data.config.lang;
    const match = result.context.matches.find((m) => m.start <= offset && offset <= m.tailEnd);
    if (match) return new vscode.Hover(withGlossaryLink(entryMarkdown(match.form.entry, lang), match.form.entry.term, lang), toRange(document, match.start, match.tailEnd));
    const c = classify(result.context);
    const marking = [c.top, c.bottom, ...c.portions, ...c.labels].find((m) => m && m.level && m.start <= offset && offset <= m.end);
    if (marking?.level) return new vscode.Hover(levelMarkdown(marking.level, result.context.data.markings, lang, marking.valid ? undefined : marking.expected), toRange(document, marking.start, marking.end));
    return undefined;
  }
}
