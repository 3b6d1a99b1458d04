/**
 * The CI recipes of the README and the pre-commit hook, run as written: every
 * `rubric check` line of README's "CI pipelines and pre-commit" section runs
 * in a repository of its own, with `rubric` on the PATH standing for the built
 * CLI, and what it writes is read as the CI system would read it.
 */

import {strict as assert} from 'node:assert';
import {execFileSync, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {SaxesParser} from 'saxes';
import {parse as parseYaml} from 'yaml';
import {LINTED_EXTENSIONS} from '../../src/cli/collect.js';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'dist', 'cli.js');
const {version} = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function section(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## CI pipelines and pre-commit');
  assert.ok(start >= 0, 'README has the section');
  const end = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, end);
}

/** The command lines of the section's code blocks, without YAML's `- ` and `run: `. */
function commandLines(text: string): string[] {
  const lines: string[] = [];
  for (const block of text.matchAll(/```(?:yaml|sh)\n([\s\S]*?)```/g)) {
    for (const line of block[1].split('\n')) {
      const m = /^\s*(?:- )?(?:run: )?((?:rubric|npm) .*)$/.exec(line);
      if (m) lines.push(m[1]);
    }
  }
  return lines;
}

/** A folder with `rubric` in it, which runs the built CLI. */
function rubricOnPath(dir: string): string {
  const binDir = path.join(dir, '.bin');
  fs.mkdirSync(binDir);
  fs.writeFileSync(path.join(binDir, 'rubric'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, {mode: 0o755});
  return binDir;
}

function repository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-recipes-'));
  for (let i = 0; i < 12; i++) {
    fs.mkdirSync(path.join(dir, 'stukken', String(2020 + (i % 3))), {recursive: true});
    fs.writeFileSync(path.join(dir, 'stukken', String(2020 + (i % 3)), `nota-${i}.md`), `# Nota ${i}\n\nDe WIV2017 en het ambts-bericht.\n`);
  }
  return dir;
}

function sh(command: string, cwd: string, env: Record<string, string> = {}): {status: number | null; stderr: string} {
  const r = spawnSync('/bin/sh', ['-c', command], {cwd, encoding: 'utf8', env: {...process.env, ...env, PATH: `${rubricOnPath(cwd)}:${process.env.PATH}`}});
  fs.rmSync(path.join(cwd, '.bin'), {recursive: true, force: true});
  return {status: r.status, stderr: r.stderr};
}

describe('the README\'s CI recipes and the pre-commit hook', () => {
  before(function () {
    if (!fs.existsSync(bin)) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
  });

  const lines = commandLines(section());

  it('install the tarball as the offline test does, of this version', () => {
    const installs = lines.filter((l) => l.startsWith('npm '));
    assert.ok(installs.length >= 2);
    for (const l of installs) assert.equal(l, `npm install -g --offline ./vendor/rubric-cli-${version}.tgz`);
  });

  it('GitLab CI: the parts of a parallel job write Code Quality reports that add up to one run, cached', () => {
    const [line] = lines.filter((l) => l.includes('--format codequality') && l.includes('--shard'));
    assert.ok(line, 'the GitLab recipe has its command line');
    const dir = repository();
    const union: {fingerprint: string; location: {path: string}}[] = [];
    for (let i = 1; i <= 4; i++) {
      const r = sh(line, dir, {CI_NODE_INDEX: String(i), CI_NODE_TOTAL: '4'});
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'gl-code-quality-report.json'), 'utf8'));
      for (const issue of report) {
        for (const field of ['description', 'check_name', 'fingerprint', 'severity']) assert.equal(typeof issue[field], 'string', field);
        assert.equal(typeof issue.location.lines.begin, 'number');
      }
      union.push(...report);
    }
    assert.equal(union.length, 12 * 2);
    assert.equal(new Set(union.map((u) => u.location.path)).size, 12);
    assert.ok(union.every((u) => u.location.path.startsWith('stukken/')));
    assert.ok(fs.existsSync(path.join(dir, '.rubric-cache', '.rubriccache')), 'the cache is where the job keeps it');
  });

  it('GitHub Actions: a SARIF log with files relative to the checkout', () => {
    const [line] = lines.filter((l) => l.includes('--format sarif'));
    assert.ok(line);
    const dir = repository();
    const r = sh(line, dir);
    assert.equal(r.status, 0, r.stderr);
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'rubric.sarif'), 'utf8'));
    const results = log.runs[0].results;
    assert.equal(results.length, 24);
    assert.ok(results.every((x: {locations: {physicalLocation: {artifactLocation: {uri: string; uriBaseId: string}}}[]}) =>
      x.locations[0].physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%' && x.locations[0].physicalLocation.artifactLocation.uri.startsWith('stukken/')));
  });

  it('JUnit: a well-formed report with a test case per file', () => {
    const [line] = lines.filter((l) => l.includes('--format junit'));
    assert.ok(line);
    const dir = repository();
    assert.equal(sh(line, dir).status, 0);
    let cases = 0;
    const parser = new SaxesParser();
    parser.on('opentag', (t) => {
      if (t.name === 'testcase') cases++;
    });
    parser.write(fs.readFileSync(path.join(dir, 'rubric-junit.xml'), 'utf8')).close();
    assert.equal(cases, 12);
  });

  describe('.pre-commit-hooks.yaml', () => {
    const hooks = parseYaml(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as {id: string; entry: string; files: string; exclude: string; language: string}[];
    const hook = hooks.find((h) => h.id === 'rubric')!;

    it('takes the files rubric check reads, not Word\'s lock files, and downloads nothing', () => {
      assert.equal(hook.language, 'system');
      const files = new RegExp(hook.files);
      const exclude = new RegExp(hook.exclude);
      const taken = (f: string) => files.test(f) && !exclude.test(f);
      for (const ext of LINTED_EXTENSIONS) assert.ok(taken(`map/nota${ext}`), ext);
      for (const f of ['map/data.json', 'nota.md.orig', 'map/~$nota.docx', '~$nota.docx']) assert.ok(!taken(f), f);
    });

    it('its entry, handed the staged files, fails on an error and passes on warnings', () => {
      const dir = repository();
      fs.writeFileSync(path.join(dir, 'fout.md'), 'Stg. CONFIDENTIEEL\n\nDe tekst.\n\nStg. CONFIDENTIEEL\n');
      assert.equal(sh(`${hook.entry} stukken/2020/nota-0.md stukken/2021/nota-1.md`, dir).status, 0);
      assert.equal(sh(`${hook.entry} stukken/2020/nota-0.md fout.md`, dir).status, 1);
    });

    it('runs in the pre-commit framework (where it is installed, as in .ci/run)', function () {
      this.timeout(60000);
      if (spawnSync('pre-commit', ['--version']).status !== 0) this.skip();
      const dir = repository();
      fs.writeFileSync(path.join(dir, 'fout.md'), 'Stg. CONFIDENTIEEL\n\nDe tekst.\n\nStg. CONFIDENTIEEL\n');
      execFileSync('git', ['init', '-q'], {cwd: dir});
      execFileSync('git', ['add', '-A'], {cwd: dir});
      const run = (files: string[]) => {
        const binDir = rubricOnPath(dir);
        const r = spawnSync('pre-commit', ['try-repo', root, 'rubric', '--files', ...files], {
          cwd: dir, encoding: 'utf8', env: {...process.env, PATH: `${binDir}:${process.env.PATH}`, PRE_COMMIT_HOME: path.join(dir, '.pre-commit-home')},
        });
        fs.rmSync(binDir, {recursive: true, force: true});
        return r;
      };
      const failed = run(['fout.md', 'stukken/2020/nota-0.md']);
      assert.equal(failed.status, 1, failed.stdout + failed.stderr);
      assert.match(failed.stdout, /marking\/missing-duration/);
      const passed = run(['stukken/2020/nota-0.md']);
      assert.equal(passed.status, 0, passed.stdout + passed.stderr);
    });
  });
});
