/**
 * Runs the extension-host suite (test/host) inside code-server's Node
 * extension host, with the extension loaded from this repository and a
 * neighbouring test extension (test/e2e/neighbour, packaged here) beside it.
 */

import {strict as assert} from 'node:assert';
import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {e2eAvailable, runExtensionTests} from './codeServer.js';
import {freshWorkspace, ROOT} from './workspace.js';

describe('extension host (code-server)', () => {
  before(function () {
    if (!e2eAvailable()) throw new Error('code-server is not installed: run scripts/setup-e2e.sh (npm run test:e2e does)');
    for (const f of ['dist/extension.js', 'dist/test/host.js']) assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} is not built`);
  });

  it('passes every test of test/host/extension.suite.ts', async () => {
    const lines: string[] = [];
    const neighbour = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-neighbour-')), 'neighbour.vsix');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', neighbour], {
      cwd: path.join(__dirname, 'neighbour'), stdio: 'pipe',
    });
    const {exitCode} = await runExtensionTests({
      workspace: freshWorkspace('host'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'dist', 'test', 'host.js'),
      vsix: neighbour,
      timeoutMs: 300_000,
      onLine: (l) => {
        lines.push(l);
        if (/^\s*(✔|✓|\d+\)|\d+ passing|\d+ failing|extension host:|\(\d+ characters)/.test(l) || /Error|assert/i.test(l)) process.stdout.write(`    ${l}\n`);
      },
    });
    assert.equal(exitCode, 0, lines.filter((l) => /Error|fail/i.test(l)).slice(0, 40).join('\n'));
  });
});
