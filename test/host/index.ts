/**
 * Entry of the tests that run inside a real VS Code extension host: code-server
 * here (test/e2e/host.e2e.ts), or the VS Code that @vscode/test-electron
 * downloads where that is possible (test/electron/runTest.ts).
 */

// Mocha is loaded from the project's node_modules, not bundled.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = require('mocha') as typeof import('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ui: 'bdd', color: false, timeout: 30000, reporter: 'spec'});
  mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);
  // Loaded after pre-require so that `describe` and `it` exist.
  require('./extension.suite');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`extension host: ${failures} failed`);
      if (failures) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
  });
}
