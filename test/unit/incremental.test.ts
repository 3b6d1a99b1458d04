/**
 * Incremental relinting gives exactly what a lint from scratch gives: random
 * edits (typing, deleting, pasting, opening and closing fences and comments,
 * blank lines) applied one after another to the project's own letter and, when ../shared/corpus
 * is there, to the published annual report chapter.
 */

import {strict as assert} from 'node:assert';
import type {LintResult} from '../../src/core/engine.js';
import type {DocumentLanguage, RuleReport} from '../../src/core/types.js';
import type {DocumentContext, Rule} from '../../src/core/rule.js';
import {CORPUS_REPORT, corpusText, needsCorpus} from '../corpus.js';
import {rng, type Rng} from '../fuzz/generate.js';
import {builtinEngine} from '../helpers.js';
import {findLabels, findWrittenOut, type LabelHit, type WrittenOutHit} from '../../src/core/markings/recognize.js';
import {markdownText, plainText} from './kamerbriefFixtures.js';
import {classify} from '../../src/core/markings/classify.js';
import {documentProfileOf} from '../../src/core/document/profile.js';
import {quotedQuestions} from '../../src/core/document/kamerstuk.js';

const EDIT_PIECES = [
  '\n', '\n\n', ' ', 'a', 'WIV2017 ', 'ambts-bericht', '```\n', '~~~', '<!--', '-->', '<!-- rubric-disable -->\n', '# ', '- ', '    ',
  '---\n', '(Stg.G) ', 'Stg. Geheim\n', 'TLP:AMBER ', 'tlp: groen\n', 'Dep. vertrouwelijk ', 'staatsgeheim ZEER GEHEIM ', 'Toetsingscommissie Inzet Bevoegdheden (TIB) ', 'de TIB ', '\r\n', '> ', 'Datum 10-12-2020\n',
  // The classification's facts kept per block: periods (also misspelt), portion marks of headings and list items, a label line.
  'Rubriceringstermijn: 1 januari 2036\n', '**Rubriceringstermyn:** tot 2030\n', '# (Dep.V) ', '- (Stg.C) ', '\nTLP:AMBER\n\n', '(Stg. GEHEIM) ', 'Notitie\n\nAan: de minister\n',
  // Portion marks where a paragraph, heading or list item begins (the chunks name those blocks to the classification).
  '\n\n(Stg.C) ', '\n\n## (Dep.V) Kop\n\n', '\n- (Stg.G) ', '\n\n(TLP:GREEN) ',
  // Facts kept per chunk: the latest year and term of an undated text, the template's placeholders.
  'in 2019 ', 'sinds 2011 ', 'de NCTV ', 'de JenV ', 'Wiv 2002 ', '\nRubriceringstermijn: datum of gebeurtenis\n', '\nBetreft Onderwerp van de brief\n', '\nNaam van de minister\n\n',
  // A verbatim record's speakers, also a label broken over a blank line (chunks apart).
  '\nDe heer Jansen (VVD): de TIB ', '\nDe voorzitter: ', '\nMinister\n\nOllongren: de AIVD ', '\nDe\n\n    heer Smit (CDA): de CTIVD ',
  // Written questions and their answers: the members' words are theirs.
  '\nVraag 1\nWat doet de Aivd? ', '\nAntwoord 1\n', '\n**Vraag 2:** ', '\nAntwoord op vraag 2\nDe AIVD ',
  // A committee's numbered questions above the answers, in a text that says it answers them.
  '\n\n1 Kent de Aivd het bericht? 2 Wat doet de TIB? ', '\nBetreft Antwoorden op feitelijke vragen\n',
  // Words quoted from a text: a quotation mark, a block quote under the verb (a chunk apart or not).
  'De commissie schrijft: “de WIV ', '”', '\nArtikel 8 luidt:\n\n', '\n> de WIV 2002 ', 'luidt:\n> ',
];

/** An undated note, so that its date is the latest year it speaks of: years, terms that came into use later, a year in a law's name. */
function undatedText(): string {
  const paragraphs = [
    'Overzicht van de ontwikkelingen', 'In 2009 nam de dreiging toe; de NCTb schreef er in 2010 over.', 'Met de Wiv 2002 kreeg de AIVD zijn taken.',
    'Sinds 2014 werkt de NCTV samen met de diensten, en in 2016 volgde een evaluatie.', 'Het ministerie van JenV gaf in 2018 een reactie.',
    'Rubriceringstermijn: datum of gebeurtenis', 'Een alinea zonder jaartal, over de samenwerking in het algemeen.',
  ];
  return Array.from({length: 6}, (_, k) => paragraphs.map((p) => (k ? `${p} (${k})` : p)).join('\n\n')).join('\n\n');
}

function randomEdit(r: Rng, text: string): string {
  const at = Math.floor(r() * (text.length + 1));
  const k = r();
  if (k < 0.35) return text.slice(0, at) + EDIT_PIECES[Math.floor(r() * EDIT_PIECES.length)] + text.slice(at);
  if (k < 0.55) return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 3));
  if (k < 0.7) return text.slice(0, at) + text.slice(at + Math.floor(r() * 400));
  if (k < 0.85) {
    const from = Math.floor(r() * text.length);
    return text.slice(0, at) + text.slice(from, from + Math.floor(r() * 600)) + text.slice(at);
  }
  return text.slice(0, at) + String.fromCharCode(32 + Math.floor(r() * 95)) + text.slice(at + 1);
}

function comparable(result: LintResult) {
  const {findings, context} = result;
  return {
    findings: findings.map((f) => [f.rule, f.start, f.end, f.line, f.column, f.message, f.fix?.start, f.fix?.end, f.fix?.text]),
    blocks: context.blocks.map((b) => [b.kind, b.start, b.end, b.depth, b.listItem]),
    matches: context.matches.map((m) => [m.start, m.end, m.tailEnd, m.form.text]),
    summaries: context.matchSummaries,
    lines: context.lines.lineCount,
    labels: context.markingHits?.labels.map((h) => [h.start, h.end, h.text, h.recognition?.level.id]),
    writtenOut: context.markingHits?.writtenOut.map((h) => [h.start, h.end, h.text, h.recognition.level.id]),
    // What the document rules derive (and keep per block between lints): the classification and the profile.
    classification: classificationFacts(context),
    profile: documentProfileOf(context),
  };
}

function classificationFacts(context: LintResult['context']) {
  const c = classify(context);
  const mark = (m: {start: number; end: number; text: string; level: {id: string} | null; valid: boolean; scheme?: string} | undefined) => m && [m.start, m.end, m.text, m.level?.id, m.valid, m.scheme];
  return {
    top: mark(c.top), bottom: mark(c.bottom), level: c.level?.id, required: c.required?.id,
    portions: c.portions.map(mark), portionBlocks: c.portionBlocks.map((p) => [p.block.start, p.start, mark(p.mark)]),
    duration: c.duration && {...c.duration}, sections: c.sections.map((x) => [x.title, x.start, x.end, x.level?.id, mark(x.mark)]),
    restricted: c.restricted.map((r) => [r.match.start, r.minimum.id, mark(r.portion)]),
  };
}

/** The marking hits the engine found chunk by chunk equal those of one scan of the whole text. */
function assertHitsOfWholeText(result: LintResult, where: string): void {
  const {context} = result;
  const labels: LabelHit[] = [];
  findLabels(context.data.markings, context.text, context.prose, labels);
  const writtenOut: WrittenOutHit[] = [];
  findWrittenOut(context.data.markings, context.text, context.prose, writtenOut);
  const key = (h: {start: number; end: number; text: string}) => `${h.start}-${h.end} ${h.text}`;
  assert.deepEqual(context.markingHits?.labels.map(key), labels.map(key), where);
  assert.deepEqual(context.markingHits?.writtenOut.map(key), writtenOut.map(key), where);
}

/** The context as a caller without chunk facts has it: each rule reads the whole text, nothing computed yet. */
function withoutChunkFacts(context: DocumentContext): DocumentContext {
  const memo = new Map<string, unknown>();
  return {
    ...context, factsByKey: undefined, matchSummaries: undefined,
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}

/**
 * The facts the chunks gave (DocumentContext.factsByKey) combine to what the whole text gives: the
 * profile, the classification, and the reports of every document rule that reads chunk facts, with and without them.
 */
function assertFactsOfWholeText(result: LintResult, rules: readonly Rule[], where: string): void {
  const whole = () => withoutChunkFacts(result.context);
  assert.deepEqual(documentProfileOf(result.context), documentProfileOf(whole()), where);
  // The classification read from the blocks the chunks named equals the one read from every block.
  assert.deepEqual(classificationFacts(result.context), classificationFacts(whole()), where);
  assert.deepEqual(quotedQuestions(result.context), quotedQuestions(whole()), where);
  for (const rule of rules) {
    if (rule.scope !== 'document' || !rule.chunkFacts) continue;
    const reports = (ctx: DocumentContext) => {
      const out: RuleReport[] = [];
      rule.check(ctx, (r) => out.push(r));
      return out;
    };
    assert.deepEqual(reports(result.context), reports(whole()), `${where}, ${rule.meta.id}`);
  }
}

function run(text: string, language: DocumentLanguage, seed: number, edits: number): void {
  const engine = builtinEngine();
  const linter = engine.documentLinter(language);
  const r = rng(seed);
  linter.lint(text);
  for (let i = 0; i < edits; i++) {
    text = randomEdit(r, text);
    if (text.length > 60000) text = text.slice(0, 30000);
    const result = linter.lint(text);
    const incremental = comparable(result);
    const full = comparable(engine.lint(text, language));
    assert.deepEqual(incremental, full, `seed ${seed}, edit ${i}`);
    assertHitsOfWholeText(result, `seed ${seed}, edit ${i}`);
    assertFactsOfWholeText(result, engine.rules, `seed ${seed}, edit ${i}`);
  }
}

describe('incremental relint', () => {
  it('equals a full lint after 1,000 random edits to the Kamerbrief (Markdown and plain text)', function () {
    this.timeout(180000);
    run(markdownText(), 'markdown', 1, 700);
    run(plainText(), 'plaintext', 2, 300);
  });

  it('equals a full lint after 400 random edits to an undated note (its date read from the years it speaks of)', function () {
    this.timeout(180000);
    run(undatedText(), 'markdown', 5, 300);
    run(undatedText(), 'plaintext', 6, 100);
  });

  it('equals a full lint after 200 random edits to the annual report (shared corpus)', function () {
    needsCorpus(this, CORPUS_REPORT);
    this.timeout(180000);
    const report = corpusText(CORPUS_REPORT);
    run(report, 'markdown', 3, 150);
    run(report, 'plaintext', 4, 50);
  });

  it('equals a full lint after lints in slices given up half-way (the chunks they moved are placed again)', async function () {
    this.timeout(180000);
    const engine = builtinEngine();
    for (const [language, seed, start] of [['markdown', 7, markdownText()], ['plaintext', 8, undatedText()]] as const) {
      const linter = engine.documentLinter(language);
      const r = rng(seed);
      let text: string = start;
      linter.lint(text);
      for (let i = 0; i < 150; i++) {
        const abandoned = randomEdit(r, text);
        // A turn after every step (sliceMs 0), given up after a few: while chunks are checked, while the document
        // rules run, or not at all.
        let turns = 0;
        const stopAfter = Math.floor(r() * 30);
        await linter.lintAsync(abandoned, () => turns++ >= stopAfter, 0);
        text = randomEdit(r, r() < 0.5 ? text : abandoned);
        if (text.length > 60000) text = text.slice(0, 30000);
        assert.deepEqual(comparable(linter.lint(text)), comparable(engine.lint(text, language)), `seed ${seed}, edit ${i}`);
      }
    }
  });

  it('puts back where they stand the results a lint given up half-way moved elsewhere', async () => {
    const engine = builtinEngine();
    const paragraphs = Array.from({length: 8}, (_, k) => `Alinea ${k} noemt de WIV2017 en een ambts-bericht.`);
    const text = paragraphs.join('\n\n');
    for (const language of ['markdown', 'plaintext'] as const) {
      const linter = engine.documentLinter(language);
      linter.lint(text);
      // A paragraph added above and one changed below: the two new ones are checked, the chunks between moved down
      // (the first chunk of a text is checked apart), then the lint is given up.
      const abandoned = `Nieuw.\n\n${[...paragraphs.slice(0, 5), 'Veranderd.', ...paragraphs.slice(6)].join('\n\n')}`;
      let turns = 0;
      assert.equal(await linter.lintAsync(abandoned, () => turns++ >= 2, 0), undefined);
      // The next lint changes only the end: the first chunks are taken over as they were before.
      for (const next of [`${text} Slot.`, text]) {
        const result = linter.lint(next);
        assert.deepEqual(comparable(result), comparable(engine.lint(next, language)), language);
        assert.ok(result.findings.some((f) => next.slice(f.start, f.end) === 'WIV2017'));
      }
    }
  });

  it('reads the portion marks beside the banners from the banners\' lines, not only from the blocks the chunks named', () => {
    const engine = builtinEngine();
    // Plain text makes a block of lines without a blank line between them: the banner and the first and last portions.
    const text = 'Stg. GEHEIM\n(Stg.G) De eerste alinea, in het blok van de banner.\n\n(Stg.C) Een alinea ertussen.\n\nZonder markering.\n\n(Stg.C) De laatste alinea.\nStg. GEHEIM\n';
    for (const language of ['plaintext', 'markdown'] as const) {
      const context = engine.documentLinter(language).lint(text).context;
      const c = classificationFacts(context);
      assert.deepEqual(c, classificationFacts(withoutChunkFacts(context)), language);
      assert.deepEqual(c.portions.map((p) => p?.[2]), ['(Stg.G)', '(Stg.C)', '(Stg.C)'], language);
    }
  });

  it('reuses the chunks an edit did not touch', () => {
    const engine = builtinEngine();
    const linter = engine.documentLinter('markdown');
    const text = markdownText();
    const first = linter.lint(text).context;
    const blocksBefore = first.blocks.slice();
    const mid = text.indexOf('\n\n', text.length / 2);
    const second = linter.lint(`${text.slice(0, mid)} x${text.slice(mid)}`).context;
    const reused = second.blocks.filter((b) => blocksBefore.includes(b)).length;
    assert.ok(second.blocks.length > 20 && reused >= second.blocks.length - 3, `only ${reused} of ${second.blocks.length} blocks reused`);
  });
});
