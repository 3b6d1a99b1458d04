/**
 * Rubric never touches the network and never starts a process: the built
 * bundles contain no use of a network or process module, and the CLI run
 * under a guard that fails on any such use lints and fixes as usual.
 */

import {strict as assert} from 'node:assert';
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLES = ['dist/cli.js', 'dist/extension.js'];
const FORBIDDEN_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'inspector'];
const FORBIDDEN_GLOBALS = /\b(?:fetch|WebSocket|XMLHttpRequest|EventSource|navigator\.sendBeacon)\s*\(|new\s+(?:WebSocket|XMLHttpRequest|EventSource)\b/;

describe('no network, no processes', () => {
  before(function () {
    this.timeout(60000);
    if (BUNDLES.some((b) => !fs.existsSync(path.join(ROOT, b)))) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')]);
  });

  for (const bundle of BUNDLES) {
    it(`${bundle} requires no network or process module and calls no network API`, () => {
      const code = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
      const required = [...code.matchAll(/require\(\s*["'](?:node:)?([a-z_0-9/]+)["']\s*\)/g)].map((m) => m[1]);
      assert.deepEqual(required.filter((m) => FORBIDDEN_MODULES.includes(m.split('/')[0])), []);
      assert.doesNotMatch(code, /\bimport\(\s*["'](?:node:)?(?:http|https|net|tls|dgram)["']/);
      const call = FORBIDDEN_GLOBALS.exec(code);
      assert.equal(call, null, call ? `network API at ${call.index}: ${code.slice(call.index - 80, call.index + 40)}` : '');
    });
  }

  /** A script, loaded before the CLI, that ends the process with 99 on any network or process use. */
  function writeGuard(dir: string): string {
    const guard = path.join(dir, 'guard.cjs');
    fs.writeFileSync(guard, `
      const Module = require('module');
      const forbidden = new Set(${JSON.stringify(FORBIDDEN_MODULES)});
      const load = Module._load;
      Module._load = function (request, ...rest) {
        const name = request.replace(/^node:/, '').split('/')[0];
        if (forbidden.has(name)) { process.stderr.write('FORBIDDEN require ' + request + '\\n'); process.exit(99); }
        return load.call(this, request, ...rest);
      };
      for (const g of ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource']) {
        Object.defineProperty(globalThis, g, {get() { process.stderr.write('FORBIDDEN ' + g + '\\n'); process.exit(99); }});
      }
    `);
    return guard;
  }

  it('the CLI checks and fixes under a guard that fails on any network or process use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-guard-'));
    const guard = writeGuard(dir);
    fs.writeFileSync(path.join(dir, 'a.md'), 'De BVD en de WIV2017.\n');
    const r = spawnSync(process.execPath, ['--require', guard, path.join(ROOT, 'dist/cli.js'), 'check', '--fix', '--format', 'json', 'a.md'], {cwd: dir, encoding: 'utf8'});
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'De AIVD en de Wet op de inlichtingen- en veiligheidsdiensten 2017 (Wiv 2017).\n');
  });

  it('the language server lints and fixes under the same guard, and exits 0 after shutdown', async function () {
    this.timeout(30000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-guard-'));
    const guard = writeGuard(dir);
    const uri = `file://${dir}/a.md`;
    fs.writeFileSync(path.join(dir, 'a.md'), 'De BVD en de WIV2017.\n');
    const frame = (m: object) => {
      const body = JSON.stringify({jsonrpc: '2.0', ...m});
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const child = spawn(process.execPath, ['--require', guard, path.join(ROOT, 'dist/cli.js'), 'lsp', '--stdio'], {cwd: dir});
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 20000;
      while (!pattern.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${pattern} (exit ${child.exitCode}): ${err}${out.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      child.stdin.write(frame({id: 1, method: 'initialize', params: {processId: null, rootUri: `file://${dir}`, capabilities: {}, initializationOptions: {settings: {debounceMs: 0}}}}));
      child.stdin.write(frame({method: 'initialized', params: {}}));
      child.stdin.write(frame({method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'markdown', version: 1, text: 'De BVD en de WIV2017.\n'}}}));
      await until(/"method":"textDocument\/publishDiagnostics".*"code":"term\/deprecated"/);
      child.stdin.write(frame({id: 2, method: 'textDocument/codeAction', params: {textDocument: {uri}, range: {start: {line: 0, character: 3}, end: {line: 0, character: 3}}, context: {diagnostics: [], only: ['source.fixAll.rubric']}}}));
      await until(/"id":2,"result":\[\{"title":"Alle correcties in dit bestand toepassen","kind":"source\.fixAll\.rubric"/);
      child.stdin.write(frame({id: 3, method: 'workspace/executeCommand', params: {command: 'rubric.ignoreInConfig', arguments: [uri, 'term/deprecated', 'BVD']}}));
      await until(/"id":3,"result"/);
      assert.match(fs.readFileSync(path.join(dir, '.rubric.yaml'), 'utf8'), /rule: term\/deprecated, text: "BVD"/);
      child.stdin.write(frame({id: 4, method: 'shutdown'}));
      await until(/"id":4,"result":null/);
      child.stdin.write(frame({method: 'exit'}));
      assert.equal(await exited, 0, err);
    } finally {
      child.kill();
    }
  });
});
