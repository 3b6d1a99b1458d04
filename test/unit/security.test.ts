/**
 * Rubric never touches the network and never starts a process: the built
 * bundles contain no use of a network or process module, and the CLI run
 * under a guard that fails on any such use lints and fixes as usual.
 */

import {strict as assert} from 'node:assert';
import {execFileSync, spawnSync} from 'node:child_process';
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

  it('the CLI checks and fixes under a guard that fails on any network or process use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-guard-'));
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
    fs.writeFileSync(path.join(dir, 'a.md'), 'De BVD en de WIV2017.\n');
    const r = spawnSync(process.execPath, ['--require', guard, path.join(ROOT, 'dist/cli.js'), 'check', '--fix', '--format', 'json', 'a.md'], {cwd: dir, encoding: 'utf8'});
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'De AIVD en de Wet op de inlichtingen- en veiligheidsdiensten 2017 (Wiv 2017).\n');
  });
});
