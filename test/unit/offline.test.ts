import {strict as assert} from 'node:assert';
import {execFileSync, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import {run} from '../../src/cli/main.js';

const root = path.resolve(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the CLI tarball for a closed network', () => {
  it('installs with npm --offline into an empty prefix with an empty cache, without dependencies, and lints the example', function () {
    this.timeout(60000);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-offline-'));
    const printed = execFileSync(process.execPath, [path.join(root, 'scripts', 'cli-package.mjs'), '--out', work], {encoding: 'utf8'});
    const {version} = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const tarball = path.join(work, `rubric-cli-${version}.tgz`);
    assert.ok(fs.existsSync(tarball), printed);

    const prefix = path.join(work, 'prefix');
    const cache = path.join(work, 'npm-cache');
    // A registry that is not there: any request to one fails the install.
    const env = {...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_update_notifier: 'false'};
    const install = spawnSync(npm, ['install', '-g', '--offline', '--prefix', prefix, '--cache', cache, '--no-audit', '--no-fund', tarball], {env, encoding: 'utf8'});
    assert.equal(install.status, 0, install.stderr);

    const installed = path.join(prefix, 'lib', 'node_modules', 'rubric-cli');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(fs.readdirSync(path.join(prefix, 'lib', 'node_modules')), ['rubric-cli'], 'nothing else was installed');
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')));

    const rubric = path.join(prefix, 'bin', 'rubric');
    const example = path.join(root, 'examples', 'concept-notitie.md');
    const r = spawnSync(rubric, ['check', '--format', 'json', example], {cwd: work, encoding: 'utf8'});
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    // The same findings as the CLI in this repository.
    const here: string[] = [];
    const before = process.cwd();
    process.chdir(work);
    try {
      run(['check', '--format', 'json', example], {out: (s) => here.push(s), err: () => {}, color: false});
    } finally {
      process.chdir(before);
    }
    const findings = JSON.parse(r.stdout);
    assert.ok(findings.length > 0);
    assert.deepEqual(findings, JSON.parse(here.join('\n')));
    assert.equal(spawnSync(rubric, ['--version'], {encoding: 'utf8'}).stdout.trim(), version);
    // The rules' pages ship with it: SARIF's helpUri opens one of the installed package.
    const sarif = JSON.parse(spawnSync(rubric, ['check', '--format', 'sarif', example], {cwd: work, encoding: 'utf8'}).stdout);
    const page = fileURLToPath(sarif.runs[0].tool.driver.rules[0].helpUri);
    assert.ok(page.startsWith(installed) && fs.existsSync(page), page);
    fs.rmSync(work, {recursive: true, force: true});
  });
});
