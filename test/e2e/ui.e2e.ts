/**
 * Rubric as a user sees it: the packaged .vsix installed in code-server (VS
 * Code 1.100), driven through Chromium. Screenshots of each state go to
 * test-results/screenshots (emptied first); `npm run screenshots` copies them to docs/screenshots,
 * which the README shows, when they are to be committed.
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as h from './codeServer.js';
import {freshWorkspace, ROOT} from './workspace.js';

const VSIX = path.join(ROOT, 'rubric.vsix');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

describe('the packaged extension in VS Code (code-server)', function () {
  let server: h.CodeServer;
  let wb: h.Workbench;
  const shot = (name: string) => h.screenshot(wb.page, path.join(SHOTS, `${name}.png`));

  before(async function () {
    if (!h.e2eAvailable()) throw new Error('code-server is not installed: run scripts/setup-e2e.sh (npm run test:e2e does)');
    assert.ok(fs.existsSync(VSIX), 'rubric.vsix is not built (npm run package)');
    fs.rmSync(SHOTS, {recursive: true, force: true});
    fs.mkdirSync(SHOTS, {recursive: true});
    server = await h.startCodeServer({vsix: VSIX, workspace: freshWorkspace('ui'), settings: {'editor.fontSize': 14, 'workbench.colorTheme': 'Default Light Modern'}});
    wb = await h.openWorkbench(server.url, server.workspace, {viewport: {width: 1400, height: 860}});
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await h.screenshot(wb.page, path.join(ROOT, 'test-results', `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`));
  });

  it('installs from the .vsix, offline, with a small bundle', () => {
    const installed = fs.readdirSync(server.extensionsDir).find((d) => d.startsWith('rubric.rubric-'));
    assert.ok(installed, fs.readdirSync(server.extensionsDir).join(', '));
    // The minified extension is a language client (vscode-languageclient and the extension's own modules);
    // the engine is in dist/server.js. It stays under 450 KB: 356 KB when it became a client (issue 14).
    for (const f of ['server.js', 'browser/extension.js', 'browser/server.js']) assert.ok(fs.existsSync(path.join(server.extensionsDir, installed, 'dist', f)), `dist/${f} is in the .vsix`);
    const size = fs.statSync(path.join(server.extensionsDir, installed, 'dist', 'extension.js')).size;
    assert.ok(size < 450 * 1024, `dist/extension.js is ${size} bytes`);
  });

  it('shows a draft’s findings in the Problems panel, with the rule ids', async () => {
    await h.quickOpen(wb.page, 'draft.md');
    const rows = await h.waitForProblems(wb.page, (rs) => rs.some((r) => r.message.includes('WIV2017')) && rs.some((r) => r.code === 'marking/invalid'));
    const wiv = rows.find((r) => r.message.includes('«WIV2017» is niet de voorkeursvorm'))!;
    assert.equal(wiv.code, 'term/variant');
    assert.equal(wiv.source, 'Rubric');
    assert.equal(wiv.severity, 'warning');
    assert.deepEqual([wiv.line, wiv.column], [5, 12]);
    assert.ok(rows.some((r) => r.code === 'marking/restricted-term' && r.severity === 'error'));
    // The squiggles are drawn a moment after the panel fills.
    await h.activeEditor(wb.page).locator('.squiggly-warning').first().waitFor({timeout: 30_000});
    await shot('problems');
  });

  it('shows the classification and the number of findings in the status bar', async () => {
    const item = wb.page.locator('.statusbar-item', {hasText: 'Stg. CONFIDENTIEEL'});
    await item.waitFor({timeout: 30_000});
    assert.match((await item.innerText()).replace(/\s+/g, ' '), /Stg\. CONFIDENTIEEL · \d+/);
  });

  it('hovers a term and shows its definition and source', async () => {
    const text = await h.hoverWord(wb.page, 'inlichtingenofficier', {expect: 'Bron'});
    assert.match(text, /^inlichtingenofficier\b/m);
    assert.match(text, /Bron: /);
    // The hover fades in: the picture once it is opaque.
    await wb.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first().evaluate((el: any) => Promise.all(el.getAnimations({subtree: true}).map((a: any) => a.finished)));
    await shot('hover');
    // Close the hover, which covers the lines above it.
    await wb.page.mouse.move(1, 1);
    await wb.page.keyboard.press('Escape');
  });

  it('applies a quick fix: the text changes in its own range only', async () => {
    const before = await h.editorText(wb.page);
    await h.applyCodeAction(wb.page, 'Vervangen door «ambtsbericht»', {word: 'ambts'});
    const after = await h.waitUntil(async () => {
      const t = await h.editorText(wb.page);
      return t.includes('Een ambtsbericht van') ? t : undefined;
    }, {what: 'the fixed text'});
    assert.equal(after, before.replace('ambts-bericht', 'ambtsbericht'));
    await h.waitForProblems(wb.page, (rs) => !rs.some((r) => r.message.includes('ambts-bericht')));
    await shot('quick-fix');
  });

  it('outlines a Kamerbrief: VS Code’s headings once, and its parts and classification in the Rubric view', async () => {
    await h.quickOpen(wb.page, 'brief.md');
    await h.runCommand(wb.page, 'Explorer: Focus on Outline View');
    const rows = wb.page.locator('.outline-pane .monaco-list-row');
    await rows.filter({hasText: 'Controle van verklaringen'}).first().waitFor({timeout: 30_000});
    const labels = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.equal(labels.filter((l) => l.includes('Controle van verklaringen')).length, 1, labels.join(' | '));
    assert.ok(!labels.some((l) => /^(Rubric|Markdown Language Features)$/.test(l)), `no provider groups: ${labels.join(' | ')}`);
    await h.goToLine(wb.page, 16, 10);
    const crumbs = wb.page.locator('.breadcrumbs-control .monaco-breadcrumb-item');
    await crumbs.filter({hasText: 'Controle van verklaringen'}).first().waitFor({timeout: 30_000});
    const path = (await crumbs.allInnerTexts()).map((t) => t.trim());
    assert.ok(!path.includes('Rubric'), `no breadcrumb level "Rubric": ${path.join(' > ')}`);
    // The Rubric view beside the outline: the letter's kind and date, its classification per section, its parts.
    await h.runCommand(wb.page, 'Explorer: Focus on Rubric View', {expect: 'Focus on Rubric View'});
    // Room for the view: the Explorer's other panes folded.
    const headers = wb.page.locator('.explorer-viewlet .pane-header[aria-expanded="true"]');
    for (let i = (await headers.count()) - 1; i >= 0; i--) {
      const header = headers.nth(i);
      if (!((await header.getAttribute('aria-label')) ?? '').startsWith('Rubric')) await header.click();
    }
    const view = wb.page.locator('.pane:has(.pane-header[aria-label^="Rubric"]) .monaco-list-row');
    await view.filter({hasText: 'Rubricering: Stg. CONFIDENTIEEL'}).first().waitFor({timeout: 30_000});
    const parts = (await view.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.ok(parts.some((l) => l.startsWith('Kamerbrief · 17 maart 2025')), parts.join(' | '));
    assert.ok(parts.some((l) => l.includes('Controle van verklaringen') && l.includes('Stg. CONFIDENTIEEL')), parts.join(' | '));
    assert.ok(parts.some((l) => l.startsWith('Adresblok')) && parts.some((l) => l.startsWith('Betreft')) && parts.some((l) => l.startsWith('Ondertekening')), parts.join(' | '));
    await shot('outline');
  });

  it('opens a new Kamerbrief for the chosen minister as a snippet, dated today in Dutch', async () => {
    await h.runCommandAsking(wb.page, 'Rubric: New Kamerbrief', {expect: 'New Kamerbrief'});
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await wb.page.locator('.quick-input-list .monaco-list-row', {hasText: 'minister van Defensie'}).first().waitFor({timeout: 30_000});
    await input.fill('minister van Defensie');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', {hasText: 'minister van Defensie'}).waitFor({timeout: 30_000});
    await wb.page.keyboard.press('Enter');
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    const now = new Date();
    const today = `${now.getDate()} ${months[now.getMonth()]} ${now.getFullYear()}`;
    const text = await h.waitUntil(async () => {
      const t = await h.editorText(wb.page);
      return t.includes('Aan de Voorzitter') && t.includes('minister van Defensie') ? t : undefined;
    }, {what: 'the new letter'});
    assert.match(text, new RegExp(`Datum\\s+${today}`));
    // The first tab stop: the addressee, a choice; the template's six texts are findings until they are written.
    await wb.page.locator('.suggest-widget .monaco-list-row', {hasText: 'Eerste Kamer'}).first().waitFor({timeout: 30_000});
    await wb.page.locator('.statusbar-item[id$="rubric.status"]', {hasText: 'ongerubriceerd · 6'}).waitFor({timeout: 30_000});
    await shot('new-kamerbrief');
    await wb.page.keyboard.press('Escape');
  });

  it('inserts the Kamerbrief skeleton from a snippet', async () => {
    await h.quickOpen(wb.page, 'empty.md');
    await h.clickWord(wb.page, '', {}).catch(() => undefined);
    await wb.page.keyboard.type('kamerbrief-md');
    await wb.page.keyboard.press('Control+Space');
    const row = wb.page.locator('.suggest-widget .monaco-list-row', {hasText: 'kamerbrief-md'}).first();
    await row.waitFor({timeout: 30_000});
    await shot('snippet-suggest');
    await wb.page.keyboard.press('Enter');
    const text = await h.waitUntil(async () => {
      const t = await h.editorText(wb.page);
      return t.includes('Aan de Voorzitter') ? t : undefined;
    }, {what: 'the inserted letter'});
    assert.match(text, /Postbus 20018/);
    await wb.page.keyboard.press('Escape');
    await shot('snippet');
  });
});
