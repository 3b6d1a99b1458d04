/**
 * A Word document in VS Code (issue 15), as a writer meets it: the packaged .vsix in code-server, a
 * .docx written for the test (./officeFixture.ts). Opening it shows Rubric's page and its text beside,
 * read-only, with the findings in the Problems panel, the glossary's hover, the outline; a quick fix is
 * written into the file (read back with Rubric's own reader, every other byte of the package the same),
 * a fix across two runs is offered disabled with why and where; a damaged file and an old .doc show the
 * CLI's error. Screenshots go to test-results/office.
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {unzipSync} from 'fflate';
import {readOffice} from '../../src/node/office/index.js';
import * as h from './codeServer.js';
import {officeNote} from './officeFixture.js';
import {freshWorkspace, ROOT} from './workspace.js';

const VSIX = process.env.RUBRIC_E2E_VSIX ?? path.join(ROOT, 'rubric.vsix');
const SHOTS = path.join(ROOT, 'test-results', 'office');

describe('a Word document in VS Code (code-server)', function () {
  let server: h.CodeServer;
  let wb: h.Workbench;
  let workspace: string;
  let original: Uint8Array;
  const page = () => wb.page;
  const shot = (name: string) => h.screenshot(wb.page, path.join(SHOTS, `${name}.png`));
  /** The text of Rubric's page in place of the file (a webview: two nested frames). */
  const webviewText = async (expect: string) => {
    const body = page().frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
    await body.filter({hasText: expect}).waitFor({timeout: 30_000});
    return (await body.innerText()).replace(/\s+/g, ' ');
  };
  /** Opens a workspace file with Quick Open, without waiting for a text editor (Rubric's page is none). */
  const open = async (name: string) => {
    await page().keyboard.press('Control+P');
    const input = page().locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({state: 'visible', timeout: 30_000});
    await input.fill(name);
    await page().locator('.quick-input-list .monaco-list-row.focused', {hasText: name}).first().waitFor({timeout: 60_000});
    await input.press('Enter');
  };

  before(async function () {
    if (!h.e2eAvailable()) throw new Error('code-server is not installed: run scripts/setup-e2e.sh (npm run test:e2e does)');
    assert.ok(fs.existsSync(VSIX), 'rubric.vsix is not built (npm run package)');
    fs.mkdirSync(SHOTS, {recursive: true});
    workspace = freshWorkspace('office');
    original = officeNote();
    fs.writeFileSync(path.join(workspace, 'nota.docx'), original);
    // Damaged: the package cut off after 300 bytes; old: an OLE compound file, as Word 97–2003 wrote.
    fs.writeFileSync(path.join(workspace, 'kapot.docx'), original.subarray(0, 300));
    fs.writeFileSync(path.join(workspace, 'oud.doc'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    server = await h.startCodeServer({vsix: VSIX, workspace, settings: {'editor.fontSize': 14, 'workbench.colorTheme': 'Default Light Modern'}});
    wb = await h.openWorkbench(server.url, server.workspace, {viewport: {width: 1400, height: 860}});
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await h.screenshot(wb.page, path.join(ROOT, 'test-results', `failed-office-${this.currentTest.title.replace(/\W+/g, '-')}.png`));
    await page().keyboard.press('Escape');
  });

  it('opens a .docx as Rubric’s page with the text beside it, read-only, its findings in the Problems panel', async () => {
    await open('nota.docx');
    const intro = await webviewText('Tekst openen');
    assert.match(intro, /nota\.docx: een Word-document/);
    assert.match(intro, /alleen-lezen/);
    const editor = await h.waitForEditor(page(), 'nota.docx.md');
    await editor.locator('.view-lines', {hasText: 'ambts-bericht'}).waitFor({timeout: 30_000});
    const text = await h.editorText(page());
    assert.match(text, /^Stg\. CONFIDENTIEEL/, 'the header is the top banner');
    assert.match(text, /# Analyse van de wervingspogingen/);
    const rows = await h.waitForProblems(page(), (rs) => rs.some((r) => r.message.includes('ambts-bericht')) && rs.some((r) => r.message.includes('WIV-2017')));
    assert.ok(rows.every((r) => r.source === 'Rubric' && r.code === 'term/variant'), JSON.stringify(rows));
    assert.ok(rows.every((r) => r.file.endsWith('nota.docx.md')), JSON.stringify(rows.map((r) => r.file)));
    // Read-only: typing changes nothing.
    await h.clickWord(page(), 'benadering');
    await page().keyboard.type('xyz');
    assert.ok(!(await h.editorText(page())).includes('xyz'), 'the text of a Word document cannot be typed into');
    // VS Code's "cannot edit in a read-only editor" message stands over the line above until it is closed.
    await page().keyboard.press('Escape');
    await shot('opened');
  });

  it('hovers a term with the glossary’s entry, and a finding with where it is in Word', async () => {
    // The hover is asked for once per move: tried again while the server is still busy with the text.
    const term = await h.waitUntil(() => h.hoverWord(page(), 'AIVD', {expect: 'Algemene', timeout: 10_000}), {timeoutMs: 40_000, what: 'the hover on AIVD'});
    assert.match(term, /Algemene Inlichtingen- en Veiligheidsdienst/);
    const where = await h.hoverWord(page(), 'ambts-bericht', {expect: 'In het document'});
    assert.match(where, /In het document: alinea 2 \(onder kop "Analyse van de wervingspogingen"\)/);
    assert.match(where, /Vervangen door «ambtsbericht» \(in het bestand\)/);
    await shot('hover');
  });

  it('outlines the document’s headings', async () => {
    await h.runCommand(page(), 'Explorer: Focus on Outline View');
    const rows = page().locator('.outline-pane .monaco-list-row');
    await rows.filter({hasText: 'Analyse van de wervingspogingen'}).first().waitFor({timeout: 30_000});
    await shot('outline');
  });

  /** Ctrl+. at `word`: Rubric's picker of the fixes there (VS Code's own menu does not open in a read-only editor); returns its rows' texts. */
  async function quickFixes(word: string): Promise<string[]> {
    await h.clickWord(page(), word);
    await page().keyboard.press('Control+.');
    const rows = page().locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({timeout: 30_000});
    return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  it('offers a fix across two runs with why and where it cannot be made, in the picker and the hover', async () => {
    const rows = await quickFixes('WIV-2017');
    assert.ok(rows.some((r) => r.includes('Vervangen door «Wiv 2017»') && r.includes('correctie niet toegepast: de tekst loopt over delen met verschillende opmaak; pas hem in Word aan (alinea 3')), rows.join(' | '));
    assert.ok(rows.some((r) => r.includes('Alle correcties in dit bestand toepassen')), rows.join(' | '));
    await shot('fix-refused');
    await page().keyboard.press('Escape');
    const hover = await h.hoverWord(page(), 'WIV-2017', {expect: 'niet toegepast'});
    assert.match(hover, /In het document: alinea 3/);
  });

  it('writes a quick fix into the file: its text fixed, every other byte of the package the same', async () => {
    const file = path.join(workspace, 'nota.docx');
    const rows = await quickFixes('ambts-bericht');
    assert.ok(rows.some((r) => r.includes('Vervangen door «ambtsbericht»') && !r.includes('niet toegepast')), rows.join(' | '));
    await page().locator('.quick-input-box input').fill('ambtsbericht');
    await page().locator('.quick-input-list .monaco-list-row.focused', {hasText: 'Vervangen door «ambtsbericht»'}).waitFor({timeout: 30_000});
    await page().keyboard.press('Enter');
    await page().locator('.notification-toast', {hasText: 'Rubric: 1 correctie in nota.docx geschreven.'}).first().waitFor({timeout: 30_000});
    // The text is read again from the file.
    await activeText('een ambtsbericht op');
    await h.waitForProblems(page(), (rs) => !rs.some((r) => r.message.includes('ambts-bericht')) && rs.some((r) => r.message.includes('WIV-2017')));
    const doc = readOffice(file)!;
    assert.match(doc.mapped.text, /De AIVD stelde een ambtsbericht op over de benadering van studenten\./);
    assert.match(doc.mapped.text, /WIV-2017/, 'the fix across runs is not made');
    const before = unzipSync(original);
    const after = unzipSync(fs.readFileSync(file));
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
    for (const name of Object.keys(before)) {
      if (name === 'word/document.xml') continue;
      assert.ok(Buffer.from(after[name]).equals(Buffer.from(before[name])), `${name} is unchanged`);
    }
    assert.equal(Buffer.from(after['word/document.xml']).toString('utf8'), Buffer.from(before['word/document.xml']).toString('utf8').replace('ambts-bericht', 'ambtsbericht'));
    await shot('fixed');
  });

  it('reads the text again when the file changes on disk', async () => {
    const file = path.join(workspace, 'nota.docx');
    fs.writeFileSync(file, original);
    await activeText('een ambts-bericht op');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.message.includes('ambts-bericht')));
  });

  it('says why a damaged .docx and an old .doc cannot be read, as the CLI does, in Rubric\'s language', async () => {
    await h.runCommand(page(), 'workbench.action.closeAllEditors', {expect: 'Close All Editors'});
    await open('kapot.docx');
    const broken = await webviewText('kan dit bestand niet lezen');
    assert.match(broken, /kapot\.docx: geen leesbaar zip-pakket: het is beschadigd of afgebroken \(invalid zip data\); niet gelezen/);
    await shot('damaged');
    await h.runCommand(page(), 'workbench.action.closeAllEditors', {expect: 'Close All Editors'});
    await open('oud.doc');
    const old = await webviewText('kan dit bestand niet lezen');
    assert.match(old, /oud\.doc: een OLE-bestand .*sla op als \.docx; niet gelezen/);
    await shot('old-doc');
  });

  /** Waits until the active editor shows `expected`. */
  async function activeText(expected: string): Promise<void> {
    await h.waitUntil(async () => ((await h.editorText(page())).includes(expected) ? true : undefined), {timeoutMs: 30_000, what: `the text "${expected}"`});
  }
});
