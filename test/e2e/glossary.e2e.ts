/**
 * The reviewer's and editor's daily work (issue 16), as a user does it: the
 * packaged .vsix in code-server, VS Code in English, Rubric in Dutch. A word
 * taught to the glossary from a quick fix, an acronym made well known, a
 * variant and a code word, a new woordenlijst.yaml with its .rubric.yaml line,
 * the classification set from the status bar and lowered with confirmation,
 * a sharing label (TLP) set from the same picker, a paragraph marked, and the Glossary view. Screenshots of the view and the
 * classification picker go to test-results/screenshots-glossary (`npm run
 * screenshots` copies them to docs/screenshots for the README).
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {Page} from 'playwright-core';
import * as h from './codeServer.js';
import {freshWorkspace, ROOT} from './workspace.js';

const VSIX = process.env.RUBRIC_E2E_VSIX ?? path.join(ROOT, 'rubric.vsix');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots-glossary');

const QUICK_INPUT = '.quick-input-widget';
const BOX = `${QUICK_INPUT} .quick-input-box input`;
const FOCUSED = `${QUICK_INPUT} .quick-input-list .monaco-list-row.focused`;

/** Types into the open quick input (a text box) and presses Enter; waits until it moves on. */
async function answer(page: Page, text: string, {prompt}: {prompt: string}): Promise<void> {
  await page.locator(`${QUICK_INPUT}`, {hasText: prompt}).first().waitFor({state: 'visible', timeout: 30_000});
  const box = page.locator(BOX);
  await box.fill(text);
  await box.press('Enter');
  await h.waitUntil(async () => !(await page.locator(QUICK_INPUT, {hasText: prompt}).first().isVisible()), {what: `the question "${prompt}" to close`});
}

/** Filters the open quick pick to `filter` and picks the highlighted row, which must contain `row`. */
async function pick(page: Page, filter: string, row = filter): Promise<void> {
  const box = page.locator(BOX);
  await box.waitFor({state: 'visible', timeout: 30_000});
  await box.fill(filter);
  await page.locator(FOCUSED, {hasText: row}).first().waitFor({state: 'visible', timeout: 30_000});
  await box.press('Enter');
}

/** The rows of the open quick pick, as shown. */
async function rows(page: Page): Promise<string[]> {
  const list = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`);
  await list.first().waitFor({state: 'visible', timeout: 30_000});
  return list.evaluateAll((els: any[]) => els.map((e) => (e.getAttribute('aria-label') ?? '').trim()));
}

/**
 * Applies a code action, asking again when the menu opened before the lint behind it had finished (the menu
 * does not update itself while open).
 */
async function applyAction(page: Page, title: string, word?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await h.applyCodeAction(page, title, {word, timeout: 8_000});
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

describe('growing the glossary and setting the classification in VS Code (code-server)', function () {
  let server: h.CodeServer;
  let wb: h.Workbench;
  const page = () => wb.page;
  const ws = (...p: string[]) => path.join(server.workspace, ...p);
  const read = (...p: string[]) => fs.readFileSync(ws(...p), 'utf8');
  const shot = (name: string) => h.screenshot(wb.page, path.join(SHOTS, `${name}.png`));

  before(async function () {
    if (!h.e2eAvailable()) throw new Error('code-server is not installed: run scripts/setup-e2e.sh (npm run test:e2e does)');
    assert.ok(fs.existsSync(VSIX), 'rubric.vsix is not built (npm run package)');
    fs.rmSync(SHOTS, {recursive: true, force: true});
    fs.mkdirSync(SHOTS, {recursive: true});
    const workspace = freshWorkspace('glossary');
    // A folder of its own without a glossary, for "a new woordenlijst.yaml and its .rubric.yaml line".
    fs.mkdirSync(path.join(workspace, 'nieuw'));
    fs.writeFileSync(path.join(workspace, 'nieuw', '.rubric.yaml'), '# Rubric voor de map nieuw\nlang: nl\n');
    fs.writeFileSync(path.join(workspace, 'nieuw', 'termen.md'), 'De afdeling VTB werkt hieraan.\n');
    fs.writeFileSync(path.join(workspace, 'termen-leren.md'), 'Het team van de DVTB werkt aan de zaak.\n\nDe operaties KOPERWIEK en Kopervink lopen, net als ZILVERMEEUW.\n');
    fs.writeFileSync(path.join(workspace, 'rubriceren.md'), 'Stg. GEHEIM\n\n(Stg.C) De eerste alinea.\n\nDe tweede alinea.\n\nRubriceringstermijn: 1 januari 2035\n\nStg. GEHEIM\n');
    fs.writeFileSync(path.join(workspace, 'delen.md'), 'Dep. VERTROUWELIJK\n\nHet concept voor de partners.\n\nDep. VERTROUWELIJK\n');
    server = await h.startCodeServer({vsix: VSIX, workspace, settings: {'editor.fontSize': 14, 'workbench.colorTheme': 'Default Light Modern'}});
    wb = await h.openWorkbench(server.url, server.workspace, {viewport: {width: 1400, height: 860}});
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    await h.runCommand(page(), 'workbench.action.closeAllEditors', {expect: 'Close All Editors'});
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await h.screenshot(wb.page, path.join(ROOT, 'test-results', `failed-glossary-${this.currentTest.title.replace(/\W+/g, '-')}.png`));
    await page().keyboard.press('Escape');
    // Every test starts from the drafts as they are on disk.
    await h.runCommand(page(), 'workbench.action.files.revert', {expect: 'Revert File', timeout: 5_000}).catch(() => page().keyboard.press('Escape'));
  });

  it('1: an unknown acronym goes into the workspace glossary with its expansion, comments kept; the draft relints at once', async () => {
    const before = read('codes.yaml');
    await h.quickOpen(page(), 'termen-leren.md');
    await applyAction(page(), '«DVTB» aan de woordenlijst toevoegen...', 'DVTB');
    await answer(page(), 'Dienst Voorbeeld Terminologie Beheer', {prompt: 'Waar staat «DVTB» voor?'});
    await answer(page(), 'Een verzonnen dienst voor deze test.', {prompt: 'Wat betekent «DVTB»?'});
    await pick(page(), 'codes.yaml');
    await h.waitUntil(async () => read('codes.yaml') !== before, {what: 'codes.yaml to be written'});
    assert.equal(read('codes.yaml'), `${before}  - term: DVTB\n    expansion: Dienst Voorbeeld Terminologie Beheer\n    definition: Een verzonnen dienst voor deze test.\n`);
    // Known now, with an expansion: used before it is written out.
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.code === 'term/acronym-undefined' && r.message.includes('DVTB')));
  });

  it('2: “well known in this workspace” adds the acronym to wellKnown in .rubric.yaml, and its finding goes', async () => {
    await h.quickOpen(page(), 'termen-leren.md');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.code === 'term/acronym-undefined' && r.message.includes('DVTB')));
    await applyAction(page(), '«DVTB» als algemeen bekend behandelen in deze werkruimte', 'DVTB');
    await h.waitUntil(async () => /wellKnown: \[DVTB\]/.test(read('.rubric.yaml')), {what: '.rubric.yaml to get wellKnown'});
    assert.equal(read('.rubric.yaml'), 'glossaries: [codes.yaml]\nwellKnown: [DVTB]\n');
    await h.waitForProblems(page(), (rs) => !rs.some((r) => r.message.includes('DVTB')));
  });

  it('3: a variant of the nearest entry, and a code word with its minimum level', async () => {
    await h.quickOpen(page(), 'termen-leren.md');
    // A word that is no acronym is offered on a selection.
    await h.clickWord(page(), 'Kopervink');
    await page().keyboard.press('Control+D');
    await applyAction(page(), '«Kopervink» als variant van ... toevoegen');
    const offered = await rows(page());
    assert.match(offered[0], /^KOPERWIEK\b/, `the nearest entry first: ${offered.slice(0, 3).join(' | ')}`);
    await pick(page(), 'KOPERWIEK');
    await h.waitUntil(async () => read('codes.yaml').includes('Kopervink'), {what: 'the variant to be written'});
    assert.match(read('codes.yaml'), /variants: \[Koper Wiek, Kopervink\]/);
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.code === 'term/variant' && r.message.includes('Kopervink')));

    await applyAction(page(), '«ZILVERMEEUW» als codewoord toevoegen (minimale rubricering ...)', 'ZILVERMEEUW');
    await pick(page(), 'Stg. GEHEIM');
    await answer(page(), 'Codenaam van een verzonnen operatie.', {prompt: 'Wat betekent «ZILVERMEEUW»?'});
    await pick(page(), 'codes.yaml');
    await h.waitUntil(async () => read('codes.yaml').includes('ZILVERMEEUW'), {what: 'the code word to be written'});
    assert.match(read('codes.yaml'), /- term: ZILVERMEEUW\n {4}definition: Codenaam van een verzonnen operatie\.\n {4}minimumMarking: Stg\. GEHEIM\n$/);
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.code === 'marking/restricted-term' && r.message.includes('ZILVERMEEUW')));
  });

  it('4: without a glossary in .rubric.yaml, a new woordenlijst.yaml and its line', async () => {
    await h.quickOpen(page(), 'nieuw/termen.md');
    await applyAction(page(), '«VTB» aan de woordenlijst toevoegen...', 'VTB');
    await answer(page(), '', {prompt: 'Waar staat «VTB» voor?'});
    await answer(page(), 'Een verzonnen afdeling.', {prompt: 'Wat betekent «VTB»?'});
    await pick(page(), 'woordenlijst.yaml', 'Nieuwe woordenlijst.yaml in de werkruimte');
    await h.waitUntil(async () => fs.existsSync(ws('nieuw', 'woordenlijst.yaml')) && read('nieuw', '.rubric.yaml').includes('glossaries'), {what: 'woordenlijst.yaml and its line'});
    assert.match(read('nieuw', 'woordenlijst.yaml'), /^(?:#.*\n)+terms:\n {2}- term: VTB\n {4}definition: Een verzonnen afdeling\.\n$/);
    assert.equal(read('nieuw', '.rubric.yaml'), '# Rubric voor de map nieuw\nlang: nl\nglossaries: [woordenlijst.yaml]\n');
  });

  it('4b: a glossary of one’s own, made in Rubric’s storage and named in the user settings', async () => {
    await h.quickOpen(page(), 'nieuw/termen.md');
    await h.clickWord(page(), 'afdeling');
    await page().keyboard.press('Control+D');
    await applyAction(page(), '«afdeling» aan de woordenlijst toevoegen...');
    await answer(page(), 'Een deel van een dienst.', {prompt: 'Wat betekent «afdeling»?'});
    await pick(page(), 'eigen woordenlijst', 'Nieuwe eigen woordenlijst');
    const settingsFile = path.join(server.userDataDir, 'User', 'settings.json');
    const named = await h.waitUntil(async () => (JSON.parse(fs.readFileSync(settingsFile, 'utf8'))['rubric.glossaries'] as string[] | undefined)?.[0], {what: 'rubric.glossaries in the user settings'});
    assert.ok(named.startsWith(server.userDataDir), `in Rubric's storage: ${named}`);
    await h.waitUntil(async () => fs.existsSync(named), {what: 'the user glossary'});
    assert.match(fs.readFileSync(named, 'utf8'), /\nterms:\n {2}- term: afdeling\n {4}definition: Een deel van een dienst\.\n$/);
  });

  it('5: a click on the status bar sets the classification: both banners and the period, and no marking rule fires', async () => {
    await h.quickOpen(page(), 'termen-leren.md');
    await h.waitForProblems(page(), (rs) => rs.some((r) => r.code === 'marking/restricted-term'));
    // No message of an earlier test in the picture.
    await h.runCommand(page(), 'Notifications: Clear All Notifications', {expect: 'Clear All Notifications'});
    await page().locator('.statusbar-item[id$="rubric.status"]').click();
    const offered = await rows(page());
    const at = (banner: string) => offered.findIndex((r) => r.startsWith(banner));
    assert.ok(at('Stg. GEHEIM') === 0 && at('Dep. VERTROUWELIJK') === -1 && at('Stg. CONFIDENTIEEL') === -1, `nothing below the code word's level: ${offered.join(' | ')}`);
    assert.ok(at('NATO SECRET') > at('Stg. ZEER GEHEIM'), 'VIRBI first');
    await shot('classification-picker');
    await pick(page(), 'Stg. GEHEIM');
    await answer(page(), '1 januari 2040', {prompt: 'Rubriceringstermijn van Stg. GEHEIM'});
    await h.waitUntil(async () => (await h.editorText(page())).startsWith('Stg. GEHEIM'), {what: 'the banner'});
    const text = await h.editorText(page());
    // The rendered lines (editorText leaves out empty ones).
    assert.match(text, /\nDe operaties KOPERWIEK .*\nRubriceringstermijn: 1 januari 2040\nStg\. GEHEIM\s*$/);
    await h.waitForProblems(page(), (rs) => !rs.some((r) => r.code.startsWith('marking/')));
  });

  it('6: lowering asks first; “Mark this paragraph” offers the document’s marks first', async () => {
    await h.quickOpen(page(), 'rubriceren.md');
    await h.runCommandAsking(page(), 'Rubric: Set the classification', {expect: 'Set the classification'});
    await pick(page(), 'Stg. CONFIDENTIEEL');
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({state: 'visible', timeout: 30_000});
    assert.match(await dialog.innerText(), /De rubricering verlagen van Stg\. GEHEIM naar Stg\. CONFIDENTIEEL\?/);
    await dialog.locator('.monaco-button', {hasText: 'Verlagen'}).click();
    await h.waitUntil(async () => (await h.editorText(page())).startsWith('Stg. CONFIDENTIEEL'), {what: 'the lowered banner'});
    assert.match(await h.editorText(page()), /\nStg\. CONFIDENTIEEL\s*$/);

    await h.clickWord(page(), 'tweede');
    await h.runCommandAsking(page(), 'Rubric: Mark this paragraph', {expect: 'Mark this paragraph'});
    const offered = await rows(page());
    assert.match(offered[0], /^\(Stg\.C\)/, `the document's own mark first: ${offered.join(' | ')}`);
    await pick(page(), '(O)');
    await h.waitUntil(async () => (await h.editorText(page())).includes('(O) De tweede alinea.'), {what: 'the portion mark'});
    await h.waitForProblems(page(), (rs) => !rs.some((r) => r.code.startsWith('marking/')));
  });

  it('6b: the same click sets a sharing label: TLP:AMBER under the top banner, the banners kept', async () => {
    await h.quickOpen(page(), 'delen.md');
    await h.waitUntil(async () => (await h.editorText(page())).startsWith('Dep. VERTROUWELIJK'), {what: 'the draft'});
    await page().locator('.statusbar-item[id$="rubric.status"]').click();
    const box = page().locator(BOX);
    await box.waitFor({state: 'visible', timeout: 30_000});
    // The labels in their own group at the end, named in Rubric's language (Dutch here): Up from the first
    // row goes to the last, which brings the group into view (a filter hides the separators).
    await page().locator(FOCUSED).first().waitFor({state: 'visible', timeout: 30_000});
    await box.press('ArrowUp');
    await page().locator(FOCUSED, {hasText: 'TLP:CLEAR'}).first().waitFor({state: 'visible', timeout: 30_000});
    await page().locator(QUICK_INPUT, {hasText: 'Deellabel (TLP)'}).first().waitFor({state: 'visible', timeout: 30_000});
    await box.fill('TLP:AMBER');
    await page().locator(FOCUSED, {hasText: 'TLP:AMBER'}).first().waitFor({state: 'visible', timeout: 30_000});
    // "TLP:AMBER" matches TLP:AMBER+STRICT as well: move to the row that is TLP:AMBER itself.
    for (let i = 0; i < 5; i++) {
      const focused = (await page().locator(FOCUSED).first().getAttribute('aria-label')) ?? '';
      if (/^TLP:AMBER(?!\+)/.test(focused.trim())) break;
      await box.press('ArrowDown');
    }
    assert.match(((await page().locator(FOCUSED).first().getAttribute('aria-label')) ?? '').trim(), /^TLP:AMBER(?!\+)/);
    await box.press('Enter');
    await h.waitUntil(async () => (await h.editorText(page())).includes('TLP:AMBER'), {what: 'the label'});
    await h.waitForProblems(page(), (rs) => !rs.some((r) => r.code.startsWith('marking/')));
    // The exact text from disk (Monaco's rendered lines need not be in document order after an insertion).
    await h.runCommand(page(), 'workbench.action.files.save', {expect: 'Save'});
    await h.waitUntil(async () => read('delen.md').includes('TLP:AMBER'), {what: 'delen.md to be saved'});
    assert.equal(read('delen.md'), 'Dep. VERTROUWELIJK\n\nTLP:AMBER\n\nHet concept voor de partners.\n\nDep. VERTROUWELIJK\n');
  });

  it('7: the Glossary view: files, categories, an entry’s facts, a filter, Go to definition and Find in workspace', async () => {
    await h.quickOpen(page(), 'termen-leren.md');
    // Room for the view: the Problems panel closed, the Explorer's folder section folded.
    await h.runCommand(page(), 'workbench.action.closePanel', {expect: 'Hide Panel'});
    await page().locator('.sidebar .split-view-view .pane-header').first().click();
    await h.runCommand(page(), 'rubric.glossary.focus', {expect: 'Glossary'});
    const view = page().locator('.pane', {has: page().locator('.pane-header', {hasText: 'Glossary'})});
    const row = (label: string) => view.locator('.monaco-list-row', {hasText: label}).first();
    await row('codes.yaml').waitFor({timeout: 30_000});
    await row('ingebouwd (default.yaml)').waitFor({timeout: 30_000});
    await h.runCommandAsking(page(), 'Rubric: Filter the glossary', {expect: 'Filter the glossary'});
    await answer(page(), 'koper', {prompt: 'Termen filteren'});
    await row('KOPERWIEK').waitFor({timeout: 30_000});
    await row('KOPERWIEK').click();
    await page().keyboard.press('ArrowRight');
    await row('varianten: Koper Wiek, Kopervink').waitFor({timeout: 30_000});
    await row('minimale rubricering: Stg. GEHEIM').waitFor({timeout: 30_000});
    assert.equal(await row('DVTB').isVisible(), false, 'the filter leaves out what does not match');
    await shot('glossary-view');
    await row('KOPERWIEK').hover();
    await row('KOPERWIEK').locator('.action-label[aria-label="Go to definition"]').click();
    await h.waitForEditor(page(), 'codes.yaml');
    await row('KOPERWIEK').hover();
    await row('KOPERWIEK').locator('.action-label[aria-label="Find in workspace"]').click();
    const search = page().locator('.search-view .search-widget textarea, .search-view .search-widget input').first();
    await h.waitUntil(async () => (await search.inputValue()) === 'KOPERWIEK', {what: 'the search for the term'});
  });

  it('8: a hover on a term links to its entry in the view', async () => {
    await h.quickOpen(page(), 'termen-leren.md');
    const text = await h.hoverWord(page(), 'KOPERWIEK', {expect: 'In de woordenlijst tonen'});
    assert.match(text, /In de woordenlijst tonen/);
    await page().locator('.monaco-hover:not(.hidden) a', {hasText: 'In de woordenlijst tonen'}).first().click();
    const view = page().locator('.pane', {has: page().locator('.pane-header', {hasText: 'Glossary'})});
    await view.locator('.monaco-list-row.selected', {hasText: 'KOPERWIEK'}).first().waitFor({timeout: 30_000});
  });
});
