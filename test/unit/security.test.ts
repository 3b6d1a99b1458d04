/**
 * Rubric never touches the network, and the only process it starts is its own
 * language server: the VS Code extension forks dist/server.js with the
 * editor's own Node (src/vscode/serverProcess.ts, the one use of
 * child_process), and nothing else. The other bundles contain no use of a
 * network or process module; the CLI, and the server over both its
 * transports, run under a guard that fails on any such use.
 */

import {strict as assert} from 'node:assert';
import {execFileSync, fork, spawn, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
/** Bundles with no network and no process module at all. */
const BUNDLES = ['dist/cli.js', 'dist/server.js', 'dist/browser/extension.js', 'dist/browser/server.js'];
const FORBIDDEN_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'inspector'];
const FORBIDDEN_GLOBALS = /\b(?:fetch|WebSocket|XMLHttpRequest|EventSource|navigator\.sendBeacon)\s*\(|new\s+(?:WebSocket|XMLHttpRequest|EventSource)\b/;

describe('no network, and no process but Rubric\'s own server', () => {
  before(function () {
    this.timeout(60000);
    if ([...BUNDLES, 'dist/extension.js'].some((b) => !fs.existsSync(path.join(ROOT, b)))) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')]);
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

  it('dist/extension.js requires child_process once, to start its own server, and no network module', () => {
    const code = fs.readFileSync(path.join(ROOT, 'dist/extension.js'), 'utf8');
    const required = [...code.matchAll(/require\(\s*["'](?:node:)?([a-z_0-9/]+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepEqual(required.filter((m) => FORBIDDEN_MODULES.includes(m.split('/')[0])), ['child_process']);
    const call = FORBIDDEN_GLOBALS.exec(code);
    assert.equal(call, null, call ? `network API at ${call.index}: ${code.slice(call.index - 80, call.index + 40)}` : '');
    // In the sources: one module imports child_process, to fork one module, the bundled server the entry point names.
    const sources = (dir: string): string[] => fs.readdirSync(dir, {withFileTypes: true})
      .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const importers = sources(path.join(ROOT, 'src')).filter((f) => /from\s+['"](?:node:)?child_process['"]|require\(\s*['"](?:node:)?child_process/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(importers.map((f) => path.relative(ROOT, f)), [path.join('src', 'vscode', 'serverProcess.ts')]);
    const starter = fs.readFileSync(importers[0], 'utf8');
    assert.match(starter, /^import \{fork, type ChildProcess\} from 'node:child_process';$/m);
    assert.equal(starter.match(/\bfork\(/g)?.length, 1, 'one fork');
    assert.match(starter, /fork\(this\.serverModule, \['--node-ipc'/);
    assert.match(fs.readFileSync(path.join(ROOT, 'src', 'vscode', 'extension.ts'), 'utf8'), /new RubricLanguageClient\(vscode\.Uri\.joinPath\(context\.extensionUri, 'dist', 'server\.js'\)\.fsPath/);
  });

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

  it('dist/server.js, as the extension starts it (Node IPC), lints under the same guard and exits 0 after shutdown', async function () {
    this.timeout(30000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-guard-'));
    const guard = writeGuard(dir);
    const uri = `file://${dir}/a.md`;
    fs.writeFileSync(path.join(dir, 'a.md'), 'De BVD.\n');
    const child = fork(path.join(ROOT, 'dist/server.js'), ['--node-ipc', `--clientProcessId=${process.pid}`], {cwd: dir, execArgv: ['--require', guard], silent: true});
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const received: {id?: number; method?: string; params?: {diagnostics?: {code: string}[]}; result?: unknown}[] = [];
    child.on('message', (m: (typeof received)[number]) => received.push(m));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const until = async (ok: (m: (typeof received)[number]) => boolean, what: string) => {
      const deadline = Date.now() + 20000;
      while (!received.some(ok)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${what} (exit ${child.exitCode}): ${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      child.send({jsonrpc: '2.0', id: 1, method: 'initialize', params: {processId: process.pid, rootUri: `file://${dir}`, capabilities: {}, initializationOptions: {settings: {debounceMs: 0}}}});
      await until((m) => m.id === 1, 'initialize result');
      child.send({jsonrpc: '2.0', method: 'initialized', params: {}});
      child.send({jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'markdown', version: 1, text: 'De BVD.\n'}}});
      await until((m) => m.method === 'textDocument/publishDiagnostics' && !!m.params?.diagnostics?.some((d) => d.code === 'term/deprecated'), 'diagnostics');
      child.send({jsonrpc: '2.0', id: 2, method: 'shutdown'});
      await until((m) => m.id === 2, 'shutdown result');
      child.send({jsonrpc: '2.0', method: 'exit'});
      assert.equal(await exited, 0, err);
    } finally {
      child.kill();
    }
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
