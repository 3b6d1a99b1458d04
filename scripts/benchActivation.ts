/**
 * The extension's part of activation before and after it became a language client (issue 14), in the
 * same run: the time to load and evaluate its bundle (`require` of dist/extension.js in a fresh Node,
 * against a stand-in for the `vscode` module) and the bundle's size. What this measures is the cost the
 * extension puts on the extension host's thread, which all extensions share, before activate() runs;
 * activate() itself needs a real VS Code and is exercised in the e2e tests, not timed here. The server's
 * own start (to the first diagnostics) is in ./benchLsp.ts. "Before" is the extension at BEFORE, built
 * here from git the way scripts/build.mjs built it then (minified, as in the .vsix); without git history
 * the row says so and only "after" is measured.
 */

import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The last commit whose extension ran the engine in the extension host. */
const BEFORE = '1436f6b';

const ROOT = path.resolve(__dirname, '..');

/** A child that loads `bundle` with `vscode` answered by a stand-in that takes any property and call, and prints the ms. */
const LOAD = `
const Module = require('module');
const load = Module._load;
// Any property, call or construction of the stand-in gives the stand-in again; the bundle's ESM wrapper
// reads the module's properties through its prototype.
const any = new Proxy(function () {}, {get: (t, k) => (k === Symbol.toPrimitive ? () => '' : k === 'prototype' ? {} : any), apply: () => any, construct: () => any});
const stub = Object.create(new Proxy({}, {get: (t, k) => (k === '__esModule' || typeof k === 'symbol' ? undefined : any)}));
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const t0 = performance.now();
require(process.argv[1]);
process.stdout.write(String(performance.now() - t0));
`;

function loadMs(bundle: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, ['-e', LOAD, bundle], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})));
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

/** The extension at BEFORE, bundled as the .vsix had it; undefined when the history is not there. */
function buildBefore(): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-before-'));
  try {
    const tar = execFileSync('git', ['-C', ROOT, 'archive', BEFORE, 'src', 'glossary', 'scripts/lspCommonOnly.mjs', 'package.json'], {maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore']});
    execFileSync('tar', ['-x', '-C', dir], {input: tar});
  } catch {
    return undefined;
  }
  const out = path.join(dir, 'extension.js');
  const script = `
    const esbuild = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'esbuild'))});
    import(${JSON.stringify(path.join(dir, 'scripts', 'lspCommonOnly.mjs'))}).then(({lspCommonOnly}) => esbuild.build({
      entryPoints: [${JSON.stringify(path.join(dir, 'src', 'vscode', 'extension.ts'))}], outfile: ${JSON.stringify(out)}, bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', minify: true, external: ['vscode'], nodePaths: [${JSON.stringify(path.join(ROOT, 'node_modules'))}], plugins: [lspCommonOnly],
      define: {RUBRIC_VERSION: '"before"'}, logLevel: 'error',
    }));
  `;
  execFileSync(process.execPath, ['-e', script], {stdio: 'inherit'});
  return out;
}

/** The extension bundle as it is now, minified as in the .vsix. */
function buildAfter(): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-after-')), 'extension.js');
  const script = `
    const esbuild = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'esbuild'))});
    import(${JSON.stringify(path.join(ROOT, 'scripts', 'lspCommonOnly.mjs'))}).then(({lspCommonOnly}) => esbuild.build({
      entryPoints: [${JSON.stringify(path.join(ROOT, 'src', 'vscode', 'extension.ts'))}], outfile: ${JSON.stringify(out)}, bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', minify: true, external: ['vscode'], plugins: [lspCommonOnly], define: {RUBRIC_VERSION: '"after"'}, logLevel: 'error',
    }));
  `;
  execFileSync(process.execPath, ['-e', script], {stdio: 'inherit'});
  return out;
}

export function activationBench(quick: boolean): void {
  const runs = quick ? 5 : 15;
  console.log('\nThe extension host\'s part of activation: load and evaluate the extension bundle (fresh Node, `vscode` stood in for; median of', runs, 'runs, interleaved)');
  console.log('| extension | bundle (minified) | load + evaluate |');
  console.log('|---|---|---|');
  const after = buildAfter();
  const before = buildBefore();
  const rows: [string, string, number][] = [];
  const kb = (f: string) => `${(fs.statSync(f).size / 1024).toFixed(0)} KB`;
  if (before) {
    // Interleaved, so that the machine's noise falls on both.
    const b: number[] = [];
    const a: number[] = [];
    for (let i = 0; i < runs; i++) {
      b.push(loadMs(before, 1));
      a.push(loadMs(after, 1));
    }
    const med = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1];
    rows.push([`before (${BEFORE}: the engine in the extension host)`, kb(before), med(b)], ['after (a language client; the engine in dist/server.js)', kb(after), med(a)]);
  } else {
    rows.push([`before (${BEFORE}): not measured, no git history here`, '–', NaN], ['after (a language client)', kb(after), loadMs(after, runs)]);
  }
  for (const [name, size, ms] of rows) console.log(`| ${name} | ${size} | ${Number.isNaN(ms) ? '–' : `${ms.toFixed(1)} ms`} |`);
  if (before) console.log(`(after / before: ${(rows[1][2] / rows[0][2]).toFixed(2)}; the engine's own first load now happens in the server process, see "server start to first diagnostics".)`);
}
