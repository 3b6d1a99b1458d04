/**
 * The engine: splits a document into chunks, parses and checks each chunk
 * (reusing the results of chunks whose text did not change), then runs the
 * document-wide rules over the facts of all chunks, applies the inline
 * `rubric-*` directives and the configured severities.
 */

import {splitChunks} from './chunks.js';
import {parseChunk, type Block, type Directive, type ParsedChunk, type Range} from './parse.js';
import type {TermMatch} from './matcher.js';
import type {ChunkContext, ChunkRule, DocumentContext, DocumentRule, Rule} from './rule.js';
import type {EngineData} from './engineData.js';
import {LineIndex} from './text.js';
import type {DocumentLanguage, Finding, Report, Severity} from './types.js';

interface ChunkResult {
  parsed: ParsedChunk;
  matches: TermMatch[];
  reports: Report[];
}

export interface LintResult {
  findings: Finding[];
  /** The document's facts, for the outline, hover and classification. */
  context: DocumentContext;
}

/**
 * Lints documents with fixed data and rules. One `DocumentLinter` per open
 * document keeps that document's chunk results between lints.
 */
export class Engine {
  constructor(readonly data: EngineData, readonly rules: readonly Rule[]) {}

  /** A linter that remembers the previous version of one document. */
  documentLinter(language: DocumentLanguage): DocumentLinter {
    return new DocumentLinter(this, language);
  }

  /** Lints one text from scratch. */
  lint(text: string, language: DocumentLanguage): LintResult {
    return this.documentLinter(language).lint(text);
  }

  severityOf(rule: Rule): Severity | 'off' {
    return this.data.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  }
}

const shift = <T extends {start: number; end: number}>(items: T[], by: number): T[] =>
  by === 0 ? items : items.map((x) => ({...x, start: x.start + by, end: x.end + by}));

export class DocumentLinter {
  private cache = new Map<string, ChunkResult>();

  constructor(private readonly engine: Engine, readonly language: DocumentLanguage) {}

  lint(text: string): LintResult {
    const {data, rules} = this.engine;
    const chunkRules = rules.filter((r): r is ChunkRule => r.scope === 'chunk' && this.engine.severityOf(r) !== 'off');
    const docRules = rules.filter((r): r is DocumentRule => r.scope === 'document' && this.engine.severityOf(r) !== 'off');
    const next = new Map<string, ChunkResult>();
    const blocks: Block[] = [];
    const prose: Range[] = [];
    const matches: TermMatch[] = [];
    const directives: Directive[] = [];
    const reports: Report[] = [];
    let frontMatter: string | undefined;

    for (const chunk of splitChunks(text, this.language)) {
      const chunkText = text.slice(chunk.start, chunk.end);
      const key = (chunk.start === 0 ? '\u0000' : '\u0001') + chunkText;
      let result = this.cache.get(key) ?? next.get(key);
      if (!result) {
        const parsed = parseChunk(chunkText, this.language, chunk.start === 0);
        const found: TermMatch[] = [];
        for (const r of parsed.prose) data.matcher.scan(chunkText, r.start, r.end, found);
        const chunkReports: Report[] = [];
        const ctx: ChunkContext = {text: chunkText, language: this.language, blocks: parsed.blocks, prose: parsed.prose, matches: found, data};
        for (const rule of chunkRules) rule.check(ctx, (r) => chunkReports.push({...r, rule: rule.meta.id}));
        result = {parsed, matches: found, reports: chunkReports};
      }
      next.set(key, result);
      const at = chunk.start;
      blocks.push(...shift(result.parsed.blocks, at));
      prose.push(...shift(result.parsed.prose, at));
      directives.push(...shift(result.parsed.directives, at));
      for (const m of result.matches) {
        matches.push(at === 0 ? m : {...m, start: m.start + at, end: m.end + at, tailEnd: m.tailEnd + at});
      }
      for (const r of result.reports) {
        reports.push({...r, start: r.start + at, end: r.end + at, fix: r.fix && {...r.fix, start: r.fix.start + at, end: r.fix.end + at}});
      }
      if (result.parsed.frontMatter !== undefined) frontMatter = result.parsed.frontMatter;
    }
    this.cache = next;

    const lines = new LineIndex(text);
    const memo = new Map<string, unknown>();
    const context: DocumentContext = {
      text, language: this.language, lines, blocks, prose, matches, directives, frontMatter, data,
      memo<T>(key: string, compute: () => T): T {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
    };
    for (const rule of docRules) rule.check(context, (r) => reports.push({...r, rule: rule.meta.id}));

    return {findings: this.finish(reports, context), context};
  }

  private finish(reports: Report[], ctx: DocumentContext): Finding[] {
    const severities = new Map(this.engine.rules.map((r) => [r.meta.id, this.engine.severityOf(r)]));
    const suppressed = suppression(ctx);
    const lang = ctx.data.config.lang;
    const findings: Finding[] = [];
    for (const r of reports) {
      const severity = severities.get(r.rule);
      if (!severity || severity === 'off') continue;
      const start = ctx.lines.position(r.start);
      if (suppressed(r.rule, r.start, start.line)) continue;
      const end = ctx.lines.position(r.end);
      findings.push({
        rule: r.rule, severity, message: r.message[lang],
        start: r.start, end: r.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
        ...(r.fix ? {fix: r.fix} : {}),
        ...(r.actual !== undefined ? {actual: r.actual} : {}),
        ...(r.expected !== undefined ? {expected: r.expected} : {}),
      });
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
    return findings;
  }
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
