/**
 * `npm run test:electron`: the extension-host suite (test/host) in the VS Code
 * that @vscode/test-electron downloads. For machines that can download VS
 * Code; on closed networks `npm run test:e2e` runs the same suite in
 * code-server instead.
 */

import * as path from 'node:path';
import {runTests} from '@vscode/test-electron';
import {freshWorkspace, ROOT} from '../e2e/workspace.js';

async function main(): Promise<void> {
  const workspace = freshWorkspace('electron');
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist', 'test', 'host.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
