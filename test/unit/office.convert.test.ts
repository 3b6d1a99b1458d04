/**
 * The project's own fixture documents (test/fixtures/documents, our own
 * words) converted to .docx and .odt by two independent writers, pandoc and
 * LibreOffice headless: each converted file gets the findings of its source
 * (each rule on the same words). A Markdown source goes to pandoc as it is
 * and to LibreOffice as pandoc's HTML; a plain-text source goes to both as
 * HTML, a paragraph per block of lines. Front matter has no place in a Word
 * file: its kind and date are given to the engine instead. Skipped, with a
 * note, where the tools are missing (see test/office/tools.ts).
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {fixRaisesClassification} from '../../src/core/suggestions.js';
import {fixAll} from '../../src/core/fix.js';
import {languageOf} from '../../src/cli/checkFile.js';
import {parseKind} from '../../src/core/document/kinds.js';
import {loadEngine, type LoadOptions} from '../../src/node/files.js';
import {readOffice} from '../../src/node/office/index.js';
import {runCli, FIXTURES} from '../helpers.js';
import {needsTool, pandoc, soffice, sofficeText, tools} from '../office/tools.js';

const DIR = path.join(FIXTURES, 'documents');
const NAMES = fs.readdirSync(DIR).filter((f) => /\.(md|txt)$/.test(f)).sort();

/** A finding as its rule and words: Markdown's hard breaks and blockquote markers are no words (Word has neither). */
const key = (rule: string, text: string, start: number, end: number) =>
  `${rule} «${text.slice(start, end).replace(/\\(?=\r?\n)/g, '').replace(/\n[ \t]*>[ \t]?/g, '\n').replace(/\s+/g, ' ')}»`;

function frontMatter(text: string): {body: string; options: Pick<LoadOptions, 'kind' | 'date'>} {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return {body: text, options: {}};
  const options: Pick<LoadOptions, 'kind' | 'date'> = {};
  const type = /^type:\s*(.+)$/m.exec(m[1]);
  const date = /^(?:date|datum):\s*(.+)$/m.exec(m[1]);
  if (type) options.kind = parseKind(type[1].trim());
  if (date) options.date = date[1].trim();
  return {body: text.slice(m[0].length), options};
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain text as HTML: a paragraph per block of lines, each line kept with a line break. */
function plainHtml(text: string): string {
  const blocks = text.split(/\n[ \t]*\n/).filter((b) => b.trim());
  return `<html><head><meta charset="utf-8"></head><body>${blocks.map((b) => `<p>${b.replace(/\n$/, '').split('\n').map(escapeHtml).join('<br/>')}</p>`).join('\n')}</body></html>`;
}

describe('Word and OpenDocument files written by pandoc and LibreOffice', function () {
  this.timeout(600_000);
  let work = '';

  before(function () {
    if (!tools().pandoc || !tools().soffice) return;
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-office-'));
    for (const f of ['.rubric.yaml', 'codes.yaml']) fs.copyFileSync(path.join(DIR, f), path.join(work, f));
    const htmls: string[] = [];
    for (const name of NAMES) {
      const stem = name.replace(/\.(md|txt)$/, '');
      const {body} = frontMatter(fs.readFileSync(path.join(DIR, name), 'utf8'));
      const html = path.join(work, `${stem}.lo.html`);
      if (name.endsWith('.md')) {
        const md = path.join(work, `${stem}.source.md`);
        fs.writeFileSync(md, body);
        for (const ext of ['docx', 'odt']) pandoc(['-f', 'gfm', '-t', ext, '-o', path.join(work, `${stem}.pandoc.${ext}`), md]);
        pandoc(['-f', 'gfm', '-t', 'html', '-o', `${html}.part`, md]);
        fs.writeFileSync(html, `<html><head><meta charset="utf-8"></head><body>${fs.readFileSync(`${html}.part`, 'utf8')}</body></html>`);
      } else {
        fs.writeFileSync(html, plainHtml(body));
        for (const ext of ['docx', 'odt']) pandoc(['-f', 'html', '-t', ext, '-o', path.join(work, `${stem}.pandoc.${ext}`), html]);
      }
      htmls.push(html);
    }
    soffice(htmls, 'docx:MS Word 2007 XML', work, 'HTML (StarWriter)');
    soffice(htmls, 'odt', work, 'HTML (StarWriter)');
  });

  after(() => {
    if (work) fs.rmSync(work, {recursive: true, force: true});
  });

  for (const name of NAMES) {
    const stem = name.replace(/\.(md|txt)$/, '');
    for (const [writer, file] of [['pandoc', `${stem}.pandoc`], ['LibreOffice', `${stem}.lo`]] as const) {
      for (const ext of ['docx', 'odt']) {
        it(`${name} as .${ext} by ${writer}: the findings of the source`, function () {
          needsTool(this, 'pandoc', 'soffice');
          const source = path.join(DIR, name);
          const text = fs.readFileSync(source, 'utf8');
          const {options} = frontMatter(text);
          const expected = loadEngine(source).engine.lint(text, languageOf(source)).findings.map((f) => key(f.rule, text, f.start, f.end)).sort();
          const converted = path.join(work, `${file}.${ext}`);
          const doc = readOffice(converted)!;
          const got = loadEngine(converted, options).engine.lint(doc.mapped.text, 'markdown').findings
            .map((f) => key(f.rule, doc.mapped.text, f.start, f.end)).sort();
          assert.deepEqual(got, expected, doc.mapped.text);
        });
      }
    }
  }

  for (const name of ['jaarverslag-hoofdstuk.md', 'notitie-rubricering.md', 'namen-en-afkortingen.md']) {
    for (const ext of ['docx', 'odt']) {
      it(`--fix on ${name} as .${ext}: LibreOffice opens the written file, and its text is the fixed source's`, function () {
        needsTool(this, 'pandoc', 'soffice');
        const stem = name.replace(/\.md$/, '');
        const file = path.join(work, `${stem}.fix.${ext}`);
        fs.copyFileSync(path.join(work, `${stem}.pandoc.${ext}`), file);
        const before = readOffice(file)!;
        const r = runCli(['check', '--fix', file], work);
        assert.ok(r.code === 0 || r.code === 1, r.err);
        assert.doesNotMatch(r.out, /niet toegepast/, r.out);
        // The expected text: the source fixed as Markdown (leaving a raise of the classification to the writer,
        // as --fix does without --fix-raise), written by the same writer.
        const source = path.join(DIR, name);
        const fixed = fixAll(loadEngine(source).engine, fs.readFileSync(source, 'utf8'), 'markdown', {include: (f) => !fixRaisesClassification(f)});
        const md = path.join(work, `${stem}.fixed-source.md`);
        fs.writeFileSync(md, frontMatter(fixed.text).body);
        const expected = path.join(work, `${stem}.fixed-source.${ext}`);
        pandoc(['-f', 'gfm', '-t', ext, '-o', expected, md]);
        assert.equal(sofficeText(file), sofficeText(expected));
        // Every part but the changed one is the same.
        const after = readOffice(file)!;
        const changed = [...after.pkg.parts].filter(([n, p]) => before.pkg.parts.get(n)?.text !== p.text).map(([n]) => n);
        assert.deepEqual(changed, [ext === 'docx' ? 'word/document.xml' : 'content.xml']);
        assert.deepEqual(after.pkg.names, before.pkg.names);
      });
    }
  }
});
