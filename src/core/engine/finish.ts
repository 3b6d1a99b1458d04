/**
 * Finishing a lint: from the rules' reports to the findings a writer sees
 * (severity, page, language), with the document's suppressions and the
 * configuration's ignore entries applied, and the overlap of rules that
 * report the same words for one problem decided in one place (term rules
 * and marking rules, and the rules of SPECIFICITY).
 */

import type {Engine} from '../engine.js';
import {quotedQuestions} from '../document/kamerstuk.js';
import {insideMarking} from '../markings/index.js';
import type {DocumentContext} from '../rule.js';
import type {Finding, Report, Severity} from '../types.js';
import type {TermMatch} from '../matcher.js';
import {DEPRECATED, summariesOf} from '../matchSummary.js';
import {inWikiLink, inWrittenQuote, labelTest} from './textSpans.js';
import {documentDay} from '../rules/termContext.js';

/**
 * The last step of a lint: the configured severity (lowered where a rule is less sure), the rule's page
 * and the document's language on each report; what the inline directives, the configuration's `ignore:`
 * entries, Markdown link labels and the members' questions quoted in their answers take out; in document order, one finding per problem.
 */
export function finishReports(reports: Report[], ctx: DocumentContext, engine: Engine, file: string | undefined): Finding[] {
  // The rule's id is stamped on each report as it is made; here its severity and page.
  const severities = new Map(engine.rules.map((r) => [r.meta.id, engine.severityOf(r)]));
  const pages = new Map(engine.rules.map((r) => [r.meta.id, r.meta.url]));
  const suppressed = suppression(ctx);
  const ignored = ignoring(ctx, file);
  const inLabel = ctx.language === 'markdown' ? labelTest(ctx) : undefined;
  // The members' questions quoted in the answers to them are theirs, not the writer's to reword.
  const quoted = quotedQuestions(ctx);
  const inQuoted = (start: number) => quoted.some((q) => q.start <= start && start < q.end);
  const lang = ctx.data.config.lang;
  let day: string | undefined;
  const findings: Finding[] = [];
  for (const r of reports) {
    if (r.rule.startsWith('term/') && ((inLabel && inLabel(r.start, r.end)) || inWikiLink(ctx, r.start, r.end) || (quoted.length && inQuoted(r.start)))) continue;
    const configured = severities.get(r.rule);
    if (!configured || configured === 'off') continue;
    // Words quoted from a written source (`De commissie schrijft: "… de WIV 2002 …"`) are the source's: told, as info.
    const cited = r.rule.startsWith('term/') && inWrittenQuote(ctx, r.start, r.end);
    const atMost = cited ? 'info' : r.atMost;
    const severity = atMost && SEVERITY_RANK[atMost] < SEVERITY_RANK[configured] ? atMost : configured;
    const start = ctx.lines.position(r.start);
    if (suppressed(r.rule, r.start, start.line) || ignored(r)) continue;
    const end = ctx.lines.position(r.end);
    // In a document of before the day a name gave way, the report of that time (a chunk rule knows no day).
    const then = r.before && (day ??= documentDay(ctx)) < r.before.day ? r.before : undefined;
    const message = (then?.message ?? r.message)[lang];
    const expected = then ? then.text : r.expected;
    findings.push({
      rule: r.rule, severity, url: pages.get(r.rule)!, message: cited ? `${message} ${CITED[lang]}` : message,
      start: r.start, end: r.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
      ...(r.fix ? {fix: then ? {...r.fix, text: then.text} : r.fix} : {}),
      ...(r.actual !== undefined ? {actual: r.actual} : {}),
      ...(expected !== undefined ? {expected} : {}),
    });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return oneFindingPerProblem(termsMeetMarkings(findings, ctx));
}

/**
 * Where the term and the marking rules meet, one family reports, decided here so that neither family
 * looks at the other. A term inside a marking string is the marking rules' (`NATO` in `NATO SECRET` is
 * no variant of NAVO): term/variant gives way. A marking written wrongly is the marking rules' too
 * (`TLP: CLEAR` is reported as `TLP: GREEN` is), unless it is a deprecated term: what the glossary knows
 * of a name's history is the glossary's (`TLP:WHITE` is TLP 1.0), and marking/invalid gives way, also
 * where the term rules leave the words alone on purpose (a deprecated name in history stays unreported
 * by both).
 */
function termsMeetMarkings(findings: Finding[], ctx: DocumentContext): Finding[] {
  const ruleset = ctx.data.markings;
  const inMarking = (start: number, end: number) => insideMarking(ctx.text, start, end, ruleset);
  const overlaps = (a: {start: number; end: number}, b: {start: number; end: number}) => a.start < b.end && a.end > b.start;
  let deprecated: TermMatch[] | undefined;
  const aDeprecatedTerm = (f: Finding) => (deprecated ??= deprecatedMatches(ctx)).some((m) => overlaps(m, f));
  // A deprecated name written as a marking (`TLP:White` in a history of TLP) is the term rules' also for its case.
  let kept = findings.filter((f) => f.rule !== 'term/variant' || !inMarking(f.start, f.end) || aDeprecatedTerm(f));
  if (!kept.some((f) => f.rule === 'marking/invalid')) return kept;
  kept = kept.filter((f) => f.rule !== 'marking/invalid' || !aDeprecatedTerm(f));
  const invalid = kept.filter((f) => f.rule === 'marking/invalid');
  return kept.filter((f) => f.rule !== 'term/variant' || !invalid.some((i) => overlaps(i, f)));
}

/** The matches of deprecated entries, found by their summaries (matchSummary.ts). */
function deprecatedMatches(ctx: DocumentContext): TermMatch[] {
  const summaries = summariesOf(ctx);
  const found: TermMatch[] = [];
  for (let i = 0; i < summaries.length; i++) if (summaries[i] & DEPRECATED) found.push(ctx.matches[i]);
  return found;
}

export const SEVERITY_RANK: Record<Severity, number> = {info: 0, warning: 1, error: 2};

/**
 * Rules that can report the same words for one problem, most specific first:
 * a wrong ministry name in a signature is not also a deprecated term, an
 * introduction with a wrong expansion not also a variant, a misspelt acronym
 * not also an undefined one (once its spelling is fixed, that is reported).
 */
const SPECIFICITY = ['structure/signature', 'term/acronym-expansion', 'term/deprecated', 'term/variant', 'term/acronym-undefined'];

/** Where findings of the rules above overlap, only the most specific stays. `findings` is sorted by start. */
function oneFindingPerProblem(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => SPECIFICITY.indexOf(f.rule);
  const dropped = new Set<Finding>();
  const open: Finding[] = [];
  for (const f of findings) {
    if (rank(f) < 0) continue;
    for (let k = open.length - 1; k >= 0; k--) if (open[k].end <= f.start) open.splice(k, 1);
    for (const o of open) {
      if (dropped.has(o) || o.end <= f.start || f.end <= o.start) continue;
      if (rank(o) <= rank(f)) dropped.add(f);
      else dropped.add(o);
    }
    open.push(f);
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

/**
 * Builds the test for `<!-- rubric-disable [ids] -->`, `<!-- rubric-enable [ids] -->`,
 * `<!-- rubric-disable-next-line [ids] -->` and `<!-- rubric-disable-line [ids] -->`.
 */
function suppression(ctx: DocumentContext): (rule: string, offset: number, line: number) => boolean {
  if (ctx.directives.length === 0) return () => false;
  const ranged = ctx.directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const byLine = new Map<number, (string[] | null)[]>();
  for (const d of ctx.directives) {
    if (d.kind !== 'disable-next-line' && d.kind !== 'disable-line') continue;
    const line = d.kind === 'disable-line' ? ctx.lines.position(d.start).line : ctx.lines.position(d.end).line + 1;
    const list = byLine.get(line) ?? [];
    list.push(d.rules);
    byLine.set(line, list);
  }
  return (rule, offset, line) => {
    if (byLine.get(line)?.some((ids) => ids === null || ids.includes(rule))) return true;
    let disabled = false;
    for (const d of ranged) {
      if (d.start > offset) break;
      if (d.rules === null || d.rules.includes(rule)) disabled = d.kind === 'disable';
    }
    return disabled;
  };
}

/** Said of a finding in words quoted from a text. */
const CITED = {nl: 'Dit staat in een citaat uit een tekst: controleer de bron.', en: 'This is in words quoted from a text: check the source.'};

/** The test for the configuration's `ignore:` entries that apply to `file`. */
function ignoring(ctx: DocumentContext, file: string | undefined): (r: Report) => boolean {
  const entries = (ctx.data.config.ignore ?? []).filter((e) => e.file === undefined || e.file === file);
  if (entries.length === 0) return () => false;
  return (r) => entries.some((e) => (e.rule === undefined || e.rule === r.rule) && e.text.length === r.end - r.start && ctx.text.startsWith(e.text, r.start));
}
