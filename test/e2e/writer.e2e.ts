/**
 * What a writer meets in the editor (issue 12), as a user sees it: the
 * packaged .vsix in code-server with VS Code in English and Rubric's own
 * language left at its default (Dutch). Screenshots go to test-results/writer
 * (the README's are ui.e2e.ts's).
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as h from './codeServer.js';
import {freshWorkspace, ROOT} from './workspace.js';

/** The build under test; RUBRIC_E2E_VSIX runs the suite against another one (an older build, to see a test fail). */
const VSIX = process.env.RUBRIC_E2E_VSIX ?? path.join(ROOT, 'rubric.vsix');
const SHOTS = path.join(ROOT, 'test-results', 'writer');

describe('the writer in VS Code (code-server)', function () {
  let server: h.CodeServer;
  let wb: h.Workbench;
  const shot = (name: string) => h.screenshot(wb.page, path.join(SHOTS, `${name}.png`));
  const page = () => wb.page;
  const status = () => page().locator('.statusbar-item[id$="rubric.status"]');

  /** Opens the code action menu at `word` and returns its rows' titles, then closes it. */
  async function codeActionTitles(word: string, opts: {line?: number; occurrence?: number} = {}): Promise<string[]> {
    await h.clickWord(page(), word, opts);
    await page().keyboard.press('Control+.');
    const rows = page().locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({timeout: 30_000});
    const titles = (await rows.evaluateAll((els: any[]) => els.map((e) => e.getAttribute('aria-label') ?? ''))) as string[];
    return titles;
  }
  const closeMenu = async () => {
    await page().keyboard.press('Escape');
    await page().locator('.action-widget').waitFor({state: 'hidden', timeout: 30_000});
  };

  before(async function () {
    if (!h.e2eAvailable()) throw new Error('code-server is not installed: run scripts/setup-e2e.sh (npm run test:e2e does)');
    assert.ok(fs.existsSync(VSIX), 'rubric.vsix is not built (npm run package)');
    fs.mkdirSync(SHOTS, {recursive: true});
    server = await h.startCodeServer({vsix: VSIX, workspace: freshWorkspace('writer'), settings: {'editor.fontSize': 14, 'workbench.colorTheme': 'Default Light Modern'}});
    wb = await h.openWorkbench(server.url, server.workspace, {viewport: {width: 1400, height: 860}});
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
  });

  // One document at a time: the Problems panel shows only the rows in view.
  beforeEach(async () => {
    await h.runCommand(page(), 'workbench.action.closeAllEditors', {expect: 'Close All Editors'});
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await h.screenshot(wb.page, path.join(ROOT, 'test-results', `failed-writer-${this.currentTest.title.replace(/\W+/g, '-')}.png`));
    // Leave no menu, hover or quick input open for the next test.
    await page().keyboard.press('Escape');
  });

  it('1: fix all says what it did and what it left, and never raises the banner', async () => {
    await h.quickOpen(page(), 'banners.md');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.code === 'marking/portion-exceeds-banner'));
    await h.runCommand(page(), 'Rubric: Fix all problems in this file', {expect: 'Fix all problems in this file'});
    const toast = page().locator('.notification-toast', {hasText: 'Rubric: 1 correctie, 3 aan u.'});
    await toast.first().waitFor({timeout: 30_000});
    assert.match(await toast.first().innerText(), /De rubricering verhogen is uw beslissing/);
    const text = await h.editorText(page());
    assert.match(text, /^Stg\. GEHEIM\n/);
    assert.match(text, /\nStg\. CONFIDENTIEEL\s*$/, 'the lower banner is not raised behind the writer’s back');
    await shot('fix-all');
    await h.runCommand(page(), 'Rubric: Fix all problems in this file', {expect: 'Fix all problems in this file'});
    await page().locator('.notification-toast', {hasText: 'Rubric: niets automatisch te corrigeren; 3 aan u.'}).first().waitFor({timeout: 30_000});
    await h.runCommand(page(), 'workbench.action.files.revert', {expect: 'Revert File'});
    await h.runCommand(page(), 'Notifications: Clear All Notifications', {expect: 'Clear All Notifications'});
  });

  it('7: the status bar shows the stated banner, the effective level in the warning colour, and “ongerubriceerd”', async () => {
    await h.quickOpen(page(), 'banners.md');
    await status().filter({hasText: '→ Stg. ZEER GEHEIM'}).waitFor({timeout: 30_000});
    assert.equal((await status().innerText()).replace(/\s+/g, ' ').trim(), 'Stg. GEHEIM / Stg. CONFIDENTIEEL → Stg. ZEER GEHEIM · 4');
    assert.match((await status().getAttribute('class')) ?? '', /warning-kind/);
    await shot('status-effective');
    await h.quickOpen(page(), 'brief.md');
    await status().filter({hasText: 'Stg. CONFIDENTIEEL ·'}).waitFor({timeout: 30_000});
    assert.doesNotMatch((await status().getAttribute('class')) ?? '', /warning-kind/);
    await h.quickOpen(page(), 'typing.md');
    await status().filter({hasText: 'ongerubriceerd · 0'}).waitFor({timeout: 30_000});
  });

  it('3: quick fixes, the status bar and its tooltip speak Rubric’s language, not VS Code’s English', async () => {
    await h.quickOpen(page(), 'draft.md');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.message.includes('WIV2017')));
    const titles = await codeActionTitles('WIV2017');
    await shot('quick-fix-menu');
    await closeMenu();
    assert.equal(titles[0], 'Vervangen door «Wiv 2017»');
    assert.ok(titles.some((t) => t.startsWith('Alle correcties in dit bestand toepassen')), titles.join(' | '));
    assert.ok(!titles.some((t) => /\b(Replace|Disable|Fix all)\b/.test(t)), titles.join(' | '));
    await status().hover();
    const tip = page().locator('.monaco-hover:not(.hidden)', {hasText: 'Rubric: gerubriceerd als'});
    await tip.first().waitFor({timeout: 30_000});
    assert.match(await tip.first().innerText(), /problemen in dit document\. Klik om het venster Problemen te openen\./);
    await page().mouse.move(700, 400);
  });

  it('4: in a plain-text letter, suppression leaves the letter as it is, after the fix', async () => {
    await h.quickOpen(page(), 'notitie.txt');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.message.includes('WIV2017')));
    const titles = await codeActionTitles('WIV2017');
    await shot('plain-text-suppress');
    await closeMenu();
    assert.equal(titles[0], 'Vervangen door «Wiv 2017»');
    assert.ok(titles.includes('«WIV2017» negeren voor term/variant in dit bestand (in .rubric.yaml; het document blijft ongewijzigd)'), titles.join(' | '));
    assert.ok(!titles.some((t) => t.includes('uitzetten') || t.includes('HTML')), titles.join(' | '));
  });

  it('13: a portion mark to choose, the document’s own level first', async () => {
    await h.quickOpen(page(), 'markeringen.md');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.code === 'marking/unmarked-portion'));
    const titles = await codeActionTitles('zonder');
    await shot('portion-mark');
    await closeMenu();
    assert.deepEqual(titles.slice(0, 2), ['Portiemarkering «(Stg.G)» invoegen', 'Portiemarkering «(O)» invoegen']);
  });

  it('2: a hover wraps at spaces, and the completion details give the whole definition', async () => {
    await h.quickOpen(page(), 'draft.md');
    const text = await h.hoverWord(page(), 'inlichtingenofficier', {expect: 'Bron'});
    assert.match(text, /Medewerker van een inlichtingendienst die inlichtingen verzamelt/);
    assert.ok(!text.includes('\u00a0'), 'words are joined by ordinary spaces, so the hover wraps between them');
    // Wrapped: the definition takes more than one line in a hover narrower than the text.
    const lines = await page().locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content p', {hasText: 'Medewerker'}).first()
      .evaluate((p: any) => Math.round(p.getBoundingClientRect().height / parseFloat(p.ownerDocument.defaultView.getComputedStyle(p).lineHeight)));
    assert.ok(lines >= 2, `the definition wraps (${lines} lines)`);
    await shot('hover-wrap');
    await page().mouse.move(1, 1);
    await page().keyboard.press('Escape');

    await h.quickOpen(page(), 'empty.md');
    await page().keyboard.type('Toetsings');
    await page().keyboard.press('Control+Space');
    const row = page().locator('.suggest-widget .monaco-list-row', {hasText: 'TIB'}).first();
    await row.waitFor({timeout: 30_000});
    // Select the TIB entry and show its details.
    for (let i = 0; i < 20 && !((await page().locator('.suggest-widget .monaco-list-row.focused').innerText()).includes('TIB')); i++) await page().keyboard.press('ArrowDown');
    const details = page().locator('.suggest-details');
    if (!(await details.isVisible())) await page().keyboard.press('Control+Space');
    await details.filter({hasText: 'niet worden ingezet'}).waitFor({timeout: 30_000});
    const detail = await details.innerText();
    assert.match(detail, /Onafhankelijke commissie die vooraf beoordeelt[\s\S]*mag de bevoegdheid niet worden ingezet\./);
    assert.ok(!detail.includes('\u00a0'));
    await shot('completion-details');
    await page().keyboard.press('Escape');
    await h.runCommand(page(), 'workbench.action.files.revert', {expect: 'Revert File'});
  });

  it('12: a snippet prefix being typed is no finding until the writer moves on', async () => {
    await h.quickOpen(page(), 'typing.md');
    await status().filter({hasText: '· 0'}).waitFor({timeout: 30_000});
    await h.goToLine(page(), 1, 17);
    await page().keyboard.type(' WIV2017 kamerbrief');
    // Linted (WIV2017 is in the Problems panel and the status bar counts it), but the word being typed is
    // neither in the panel nor in the count.
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.message.includes('WIV2017')));
    await status().filter({hasText: '· 1'}).waitFor({timeout: 30_000});
    const rows = await h.readProblems(page());
    assert.ok(!rows.some((r) => r.message.includes('kamerbrief')), JSON.stringify(rows));
    await shot('typing-prefix');
    // The writer moves on: now it is a finding, in the panel and in the count.
    await page().keyboard.press('Home');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.message.includes('«kamerbrief» is niet de voorkeursvorm')));
    await status().filter({hasText: '· 2'}).waitFor({timeout: 30_000});
    await h.runCommand(page(), 'workbench.action.files.revert', {expect: 'Revert File'});
  });

  it('10: a rule link in the Problems panel opens the rule’s page rendered and read-only', async () => {
    await h.quickOpen(page(), 'draft.md');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.code === 'term/variant'));
    await page().locator('.markers-panel a.monaco-link', {hasText: 'term/variant'}).first().click();
    const tab = page().locator('.tabs-container .tab', {hasText: /Preview term-variant\.md/});
    await tab.first().waitFor({timeout: 30_000});
    // A preview only: no editor of the page's Markdown source.
    assert.deepEqual((await page().locator('.tabs-container .tab').allInnerTexts()).filter((t) => t.trim() === 'term-variant.md'), []);
    await shot('rule-page');
  });

  it('14: the Rubric output channel, and commands to look up a term and to show the classification', async () => {
    const input = page().locator('.quick-input-widget .quick-input-box input');
    // A document Rubric lints (the channel is there once the extension runs); "Show Output Channels…" is
    // offered once the Output view is open.
    await h.quickOpen(page(), 'draft.md');
    await status().filter({hasText: 'Stg. CONFIDENTIEEL'}).waitFor({timeout: 30_000});
    await h.runCommand(page(), 'Output: Focus on Output View', {expect: 'Focus on Output View'});
    await h.runCommandAsking(page(), 'Output: Show Output Channels', {expect: 'Show Output Channels'});
    // The list shows only the rows in view: filter it before looking for the channel.
    await input.fill('Rubric');
    await page().locator('.quick-input-list .monaco-list-row.focused', {hasText: 'Rubric'}).waitFor({timeout: 30_000});
    await page().keyboard.press('Enter');
    const output = page().locator('.part.panel .monaco-editor .view-lines');
    // In Rubric's language (Dutch here), as every text the extension shows.
    await output.filter({hasText: 'engine geladen'}).first().waitFor({timeout: 30_000});
    assert.match((await output.first().innerText()).replace(/\u00a0/g, ' '), /\[info\] engine geladen in \d+ ms: configuratie \S+\.rubric\.yaml;\s+\d+\s+termen\s+in\s+de\s+woordenlijsten/);
    await shot('output');

    await h.runCommandAsking(page(), 'Rubric: Look up a glossary term', {expect: 'Look up a glossary term'});
    await input.fill('TIB');
    await page().locator('.quick-input-list .monaco-list-row.focused', {hasText: 'Toetsingscommissie Inzet Bevoegdheden'}).waitFor({timeout: 30_000});
    await shot('lookup-term');
    await page().keyboard.press('Enter');
    await page().locator('.tabs-container .tab', {hasText: /TIB\.md/}).first().waitFor({timeout: 30_000});
    // The entry, rendered: its definition in the preview's frame.
    await h.waitUntil(async () => {
      for (const f of page().frames()) {
        if (await f.evaluate(`!!document.body && document.body.innerText.includes('Onafhankelijke commissie die vooraf beoordeelt')`).catch(() => false)) return true;
      }
      return false;
    }, {what: 'the glossary entry rendered'});
    await shot('lookup-term-page');
    await h.runCommand(page(), 'workbench.action.closeAllEditors', {expect: 'Close All Editors'});

    await h.quickOpen(page(), 'brief.md');
    await h.runCommand(page(), 'Rubric: Show the document', {expect: 'Show the document'});
    const summary = page().locator('.editor-group-container .monaco-editor .view-lines', {hasText: 'Effectief niveau'});
    await summary.first().waitFor({timeout: 30_000});
    assert.match((await summary.first().innerText()).replace(/\u00a0/g, ' '), /Rubricering boven:\s+Stg\. CONFIDENTIEEL/);
    await shot('classification');
  });

  it('9: rubric.rules can be edited in the Settings editor, every rule id with its severities', async () => {
    await h.runCommand(page(), 'Preferences: Open User Settings', {expect: 'Open User Settings'});
    const search = page().locator('.settings-editor .suggest-input-container .monaco-editor textarea, .settings-editor .search-container textarea').first();
    await search.waitFor({timeout: 30_000});
    await search.fill('rubric.rules');
    const item = page().locator('.settings-editor .setting-item', {hasText: 'Severity per rule id'}).first();
    await item.waitFor({timeout: 30_000});
    assert.equal(await item.locator('.edit-in-settings-button').count(), 0, 'not "Edit in settings.json" only');
    await item.locator('.setting-list-object-widget, .setting-list-widget').first().waitFor({timeout: 30_000});
    await shot('settings');
  });

  it('11: the extension’s page leads with what Rubric does, with its icon and images', async () => {
    await page().keyboard.press('Control+Shift+X');
    await page().locator('.extensions-viewlet .monaco-list-row', {hasText: 'Rubric'}).first().click();
    await page().locator('.extension-editor .header .name', {hasText: 'Rubric'}).waitFor({timeout: 30_000});
    const icon = page().locator('.extension-editor .header img.icon');
    await h.waitUntil(async () => icon.evaluate((i: any) => i.complete && i.naturalWidth >= 128), {what: 'the icon'});
    const frame = await h.waitUntil(async () => {
      for (const f of page().frames()) {
        const ok = await f.evaluate(`!!document.querySelector('h1') && document.body.innerText.includes('Wat Rubric voor u doet')`).catch(() => false);
        if (ok) return f;
      }
      return undefined;
    }, {what: 'the README in the extension page'});
    // It opens with what Rubric does for a writer, not with developer commands.
    const first = String(await frame.evaluate(`document.querySelector('h1').nextElementSibling.innerText`));
    assert.match(first, /^Rubric leest mee terwijl u een stuk schrijft/, first);
    assert.ok(!String(await frame.evaluate('document.body.innerText')).includes('npm '), 'no developer commands');
    const images = await h.waitUntil(async () => {
      const r = (await frame.evaluate(`[...document.images].map((i) => [i.getAttribute('src'), i.complete && i.naturalWidth > 0])`)) as [string, boolean][];
      return r.length && r.every(([, ok]) => ok) ? r : undefined;
    }, {what: 'every image loaded'});
    assert.ok(images.length >= 3, JSON.stringify(images.map(([src, ok]) => [src.slice(0, 40), ok])));
    await shot('extension-page');
  });
});
