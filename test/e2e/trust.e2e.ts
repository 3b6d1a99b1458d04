/**
 * In an untrusted workspace Rubric reads nothing from the workspace: only the
 * built-in glossary and rules apply, so the workspace's own glossary (named
 * in its .rubric.yaml) has no effect until the folder is trusted.
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as h from './codeServer.js';
import {freshWorkspace, ROOT} from './workspace.js';

describe('an untrusted workspace', function () {
  let server: h.CodeServer;
  let wb: h.Workbench;

  before(async function () {
    if (!h.e2eAvailable()) throw new Error('code-server is not installed: run scripts/setup-e2e.sh (npm run test:e2e does)');
    server = await h.startCodeServer({
      vsix: path.join(ROOT, 'rubric.vsix'), workspace: freshWorkspace('trust'), workspaceTrust: true,
      // Trust on, without the startup question: the folder opens in Restricted Mode.
      settings: {'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open'},
    });
    wb = await h.openWorkbench(server.url, server.workspace);
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await h.screenshot(wb.page, path.join(ROOT, 'test-results', `failed-trust-${this.currentTest.title.replace(/\W+/g, '-')}.png`));
  });

  it('uses only the built-in glossary until the folder is trusted', async () => {
    await wb.page.locator('.statusbar-item', {hasText: /Restricted Mode/i}).first().waitFor({timeout: 30_000});
    await h.quickOpen(wb.page, 'draft.md');
    const rows = await h.waitForProblems(wb.page, (rs) => rs.some((r) => r.message.includes('WIV2017')));
    assert.ok(!rows.some((r) => r.message.includes('KOPERWIEK')), 'the workspace glossary was read in an untrusted workspace');
    assert.ok(fs.existsSync(path.join(server.workspace, 'codes.yaml')));
  });
});
