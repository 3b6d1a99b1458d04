/**
 * `npm run bench`, Word files: a 300-page .docx (the corpus texts over and
 * over, about 3,000 characters a page, each paragraph in runs of a few words
 * as Word leaves them) against the same text as a .txt: time to read and lint
 * each (medians), the ratio (target at most 2), and the peak memory of a
 * child process that checks each once.
 */

import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {strToU8, zipSync} from 'fflate';
import type {Engine} from '../src/core/engine.js';
import {officeText} from '../src/core/office/text.js';
import {readDocx} from '../src/node/office/docx.js';
import {readOffice} from '../src/node/office/index.js';
import {openPackage} from '../src/node/office/package.js';

const PAGE_CHARS = 3000;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx of `paragraphs` (a `# ` line is a heading), and the same text as plain text. */
export function wordDocument(paragraphs: string[]): {docx: Uint8Array; txt: string} {
  const body: string[] = [];
  const plain: string[] = [];
  for (const para of paragraphs) {
    const heading = /^#{1,6} /.exec(para);
    const text = (heading ? para.slice(heading[0].length) : para).replace(/\s*\n\s*/g, ' ');
    plain.push(text);
    const words = text.split(' ');
    const runs: string[] = [];
    for (let i = 0; i < words.length; i += 7) {
      const piece = words.slice(i, i + 7).join(' ') + (i + 7 < words.length ? ' ' : '');
      runs.push(`<w:r><w:rPr><w:lang w:val="nl-NL"/></w:rPr><w:t xml:space="preserve">${esc(piece)}</w:t></w:r>`);
    }
    body.push(`<w:p>${heading ? `<w:pPr><w:pStyle w:val="Kop${heading[0].length - 1}"/></w:pPr>` : ''}${runs.join('')}</w:p>`);
  }
  const styles = [1, 2, 3, 4, 5, 6].map((n) => `<w:style w:type="paragraph" w:styleId="Kop${n}"><w:name w:val="heading ${n}"/></w:style>`).join('');
  const docx = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rSt" Type="${REL}/styles" Target="styles.xml"/></Relationships>`),
    'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`),
  });
  return {docx, txt: plain.join('\n\n') + '\n'};
}

/** Child mode: check `file` once (as the CLI does) and print the peak RSS. */
export function officeChild(file: string, engine: Engine): void {
  if (file.endsWith('.docx')) engine.lint(readOffice(file)!.mapped.text, 'markdown');
  else engine.lint(fs.readFileSync(file, 'utf8'), 'plaintext');
  process.stdout.write(String(process.resourceUsage().maxRSS * 1024));
}

export function officeBench(
  engine: Engine, corpus: (times: number) => string, time: (fn: () => unknown, runs: number, warmup?: number) => number, quick: boolean,
  pair: (a: () => unknown, b: () => unknown, runs: number) => [number, number],
): void {
  const one = corpus(1);
  const pages = quick ? 30 : 300;
  const text = corpus(Math.ceil((pages * PAGE_CHARS) / one.length));
  const {docx, txt} = wordDocument(text.split(/\n\n+/).filter((p) => p.trim()));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-bench-'));
  const docxFile = path.join(dir, 'rapport.docx');
  const txtFile = path.join(dir, 'rapport.txt');
  fs.writeFileSync(docxFile, docx);
  fs.writeFileSync(txtFile, txt);
  try {
    const runs = quick ? 3 : 7;
    // The ratio's two sides timed in turn, so that the machine's load weighs on both alike.
    const [tTxt, tDocx] = pair(
      () => engine.lint(fs.readFileSync(txtFile, 'utf8'), 'plaintext'),
      () => engine.lint(readOffice(docxFile)!.mapped.text, 'markdown'),
      quick ? 3 : 9,
    );
    const tRead = time(() => readOffice(docxFile), runs, 1);
    const mapped = readOffice(docxFile)!.mapped.text;
    // The phases of reading: unzip (the directory, then the XML parts inflated), XML to the model, the model to Markdown; then the lint.
    const bytes = fs.readFileSync(docxFile);
    const tUnzip = time(() => openPackage(docxFile, bytes), runs, 1);
    const pkg = openPackage(docxFile, bytes);
    const tXml = time(() => readDocx(pkg), runs, 1);
    const content = readDocx(pkg);
    const tMap = time(() => officeText(content), runs, 1);
    const tLint = time(() => engine.lint(mapped, 'markdown'), runs, 1);
    const rss = (file: string) => Number(execFileSync(process.execPath, [__filename, '--child-office', file], {encoding: 'utf8'}).trim()) / 1048576;
    console.log(`\nA ${Math.round(txt.length / PAGE_CHARS)}-page Word document (${(docx.length / 1048576).toFixed(1)} MB .docx, ${(txt.length / 1048576).toFixed(2)} MB of text; the Markdown read from it ${(mapped.length / 1048576).toFixed(2)} MB):`);
    console.log(`  .txt read and linted ${tTxt.toFixed(0)} ms; .docx read (unzip, XML, mapping) ${tRead.toFixed(0)} ms, read and linted ${tDocx.toFixed(0)} ms: ratio ${(tDocx / tTxt).toFixed(2)} (target at most 2).`);
    console.log(`  phases: unzip ${tUnzip.toFixed(0)} ms, XML to paragraphs ${tXml.toFixed(0)} ms, paragraphs to Markdown ${tMap.toFixed(0)} ms, lint of that Markdown ${tLint.toFixed(0)} ms.`);
    console.log(`  peak RSS of one check: .txt ${rss(txtFile).toFixed(0)} MB, .docx ${rss(docxFile).toFixed(0)} MB.`);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}
