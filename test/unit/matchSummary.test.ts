import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {ALSO_WRITES_OUT, BEFORE_PARENTHESIS, CORRECT, DEPRECATED, entryNumberOf, SHORT_FORM, summarize, WRITTEN_OUT} from '../../src/core/matchSummary.js';
import type {DocumentContext} from '../../src/core/rule.js';
import type {RuleReport} from '../../src/core/types.js';
import {builtinEngine, FIXTURES} from '../helpers.js';

const BITS = {CORRECT, WRITTEN_OUT, ALSO_WRITES_OUT, DEPRECATED, SHORT_FORM, BEFORE_PARENTHESIS};

/** The names of the bits a summary has set. */
const bitsOf = (summary: number) => Object.entries(BITS).filter(([, bit]) => summary & bit).map(([name]) => name);

describe('match summaries', () => {
  const engine = builtinEngine();

  it('say of each match what the term rules ask first, and name its entry', () => {
    const text = 'De Algemene Inlichtingen- en Veiligheidsdienst (AIVD) en de Aivd. Vroeger de BVD. De AIVD werkt.';
    const {context} = engine.lint(text, 'markdown');
    const at = (surface: string) => {
      const i = context.matches.findIndex((m) => m.surface === surface);
      assert.ok(i >= 0, surface);
      return {m: context.matches[i], s: context.matchSummaries![i]};
    };
    const name = at('Algemene Inlichtingen- en Veiligheidsdienst');
    assert.deepEqual(bitsOf(name.s), ['CORRECT', 'WRITTEN_OUT', 'BEFORE_PARENTHESIS']);
    assert.deepEqual(bitsOf(at('Aivd').s), ['SHORT_FORM']);
    assert.deepEqual(bitsOf(at('BVD').s).includes('DEPRECATED'), true);
    assert.deepEqual(bitsOf(at('AIVD').s), ['CORRECT', 'SHORT_FORM']);
    for (const {m, s} of [name, at('Aivd'), at('BVD')]) assert.equal(engine.data.entries[entryNumberOf(s)], m.form.entry);
  });

  it('kept by the engine, equal those made from the matches of the whole text', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'kamerbrief', 'vervalste-verklaringen.md'), 'utf8');
    const linter = engine.documentLinter('markdown');
    linter.lint(text);
    const edited = text.replace('\n\n', '\n\nDe Algemene Inlichtingen- en Veiligheidsdienst (AIVD) en de Aivd.\n\n');
    const {context} = linter.lint(edited);
    assert.deepEqual(context.matchSummaries, context.matches.map((m) => summarize(m, context.text, context.data)));
  });

  it('change nothing the term rules report: with them or made from the matches, the same reports', () => {
    const dirs = ['documents', 'kamerbrief'].map((d) => path.join(FIXTURES, d));
    const files = dirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(dir, f)));
    const termRules = engine.rules.filter((r) => r.scope === 'document' && r.meta.id.startsWith('term/'));
    assert.ok(termRules.length >= 3);
    for (const file of files) {
      const {context} = engine.lint(fs.readFileSync(file, 'utf8'), file.endsWith('.md') ? 'markdown' : 'plaintext');
      const memo = new Map<string, unknown>();
      const without: DocumentContext = {
        ...context, matchSummaries: undefined,
        memo<T>(key: string, compute: () => T): T {
          if (!memo.has(key)) memo.set(key, compute());
          return memo.get(key) as T;
        },
      };
      for (const rule of termRules) {
        if (rule.scope !== 'document') continue;
        const reports = (ctx: DocumentContext) => {
          const out: RuleReport[] = [];
          rule.check(ctx, (r) => out.push(r));
          return out;
        };
        assert.deepEqual(reports(context), reports(without), `${path.basename(file)}, ${rule.meta.id}`);
      }
    }
  });
});
