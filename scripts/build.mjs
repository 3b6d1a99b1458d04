// Bundles the CLI (its launcher and its code), the extension and the benchmark with esbuild.
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {validatorsPlugin} from './validators.mjs';
import {lspCommonOnly} from './lspCommonOnly.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  plugins: [lspCommonOnly],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: {RUBRIC_VERSION: JSON.stringify(version)},
};

const builds = [
  // dist/cli.js is the `rubric` command: a few lines that start dist/cli-main.js, the CLI itself, with V8's code cache.
  {...common, entryPoints: {cli: 'src/cli/launcher.ts', 'cli-main': 'src/cli/index.ts'}, outdir: 'dist', banner: {js: '#!/usr/bin/env node'}, plugins: [lspCommonOnly, validatorsPlugin]},
  // The extension (a language client) and the server it starts with the editor's own Node (src/vscode/serverProcess.ts).
  {...common, entryPoints: {extension: 'src/vscode/extension.ts'}, outdir: 'dist', external: ['vscode']},
  {...common, entryPoints: {server: 'src/server/main.ts'}, outdir: 'dist'},
  {...common, entryPoints: {'builtin-data': 'scripts/builtinData.ts'}, outdir: 'dist'},
  // The language server in a web worker: the browser build of vscode-languageserver, the built-in YAML as text.
  {
    ...common, plugins: [], platform: 'browser', format: 'iife', target: 'es2022', entryPoints: {server: 'src/server/browser.ts'},
    outdir: 'dist/browser', loader: {'.yaml': 'text'}, conditions: ['worker'],
  },
  // The extension in a browser-hosted workbench: the same client, its server in a web worker.
  {...common, platform: 'browser', format: 'cjs', target: 'es2022', entryPoints: {extension: 'src/vscode/browser.ts'}, outdir: 'dist/browser', external: ['vscode']},
];
if (!process.argv.includes('--production')) {
  builds.push(
    {...common, entryPoints: {bench: 'scripts/bench.ts', 'startup-floor': 'scripts/startupFloor.ts'}, outdir: 'dist'},
    // The tests that run inside a VS Code extension host; mocha comes from node_modules there.
    {...common, entryPoints: {host: 'test/host/index.ts'}, outdir: 'dist/test', external: ['vscode', 'mocha']},
  );
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // The built-in data, parsed and checked once here rather than at every start (dist/builtin.json).
  execFileSync(process.execPath, [fileURLToPath(new URL('../dist/builtin-data.js', import.meta.url))], {stdio: 'inherit'});
}
