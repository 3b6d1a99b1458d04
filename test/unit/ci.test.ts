import {strict as assert} from 'node:assert';
import {runCli as cli, tmpdirWith, type CliResult} from '../helpers.js';
import {execFileSync, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {filesOfShard, parseShard, shardOf} from '../../src/cli/shard.js';
import {CACHE_NAME} from '../../src/node/lintCache.js';

type Result = CliResult;


const tmpdir = (files: Record<string, string>): string => tmpdirWith(files, 'rubric-ci-');

const json = (r: Result) => JSON.parse(r.out) as {file: string; rule: string; severity: string; message: string; line: number}[];

describe('rubric check --stdin', () => {
  it('lints standard input as the file --stdin-filename names: its configuration, its name in the output', () => {
    const dir = tmpdir({'sub/.rubric.yaml': 'rules:\n  term/variant: error\n'});
    const r = cli(['check', '--stdin', '--stdin-filename', 'sub/nota.txt', '--format', 'json'], dir, 'De WIV2017.\n');
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(json(r).map((f) => [f.file, f.rule, f.severity]), [[path.join('sub', 'nota.txt'), 'term/variant', 'error']]);
    assert.equal(fs.existsSync(path.join(dir, 'sub', 'nota.txt')), false, 'the named file need not exist');
  });

  it('reads the text by the name\'s language, and as Markdown without a name', () => {
    const dir = tmpdir({});
    // `# Kop` is a heading in Markdown, the title line of a plain text too; code is left alone only in Markdown.
    const text = 'Tekst.\n\n    De WIV2017 in een codeblok.\n';
    assert.deepEqual(json(cli(['check', '--stdin', '--format', 'json'], dir, text)), []);
    assert.deepEqual(json(cli(['check', '--stdin', '--stdin-filename', 'a.md', '--format', 'json'], dir, text)), []);
    assert.equal(json(cli(['check', '--stdin', '--stdin-filename', 'a.txt', '--format', 'json'], dir, text)).length, 1);
    const unnamed = cli(['check', '--stdin'], dir, 'De WIV2017.\n');
    assert.match(unnamed.out, /^<stdin>$/m);
  });

  it('--fix writes the fixed text to standard output, byte for byte, and nothing to disk', () => {
    const dir = tmpdir({'a.md': 'De WIV2017.\r\n'});
    const r = cli(['check', '--stdin', '--stdin-filename', 'a.md', '--fix'], dir, 'De ambts-bericht.\r\nDe BVD\r\n');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.text, 'De ambtsbericht.\r\nDe AIVD\r\n');
    assert.equal(r.out, '', 'no findings beside the text');
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'De WIV2017.\r\n');
    // Nothing to fix: the text as it came; an error left over still sets the exit code.
    const unfixable = 'Stg. CONFIDENTIEEL\n\nDe tekst.\n\nStg. CONFIDENTIEEL\n';
    const left = cli(['check', '--stdin', '--fix', '--stdin-filename', 'b.md'], dir, unfixable);
    assert.equal(left.text, unfixable);
    assert.equal(left.code, 1);
  });

  it('refuses what it cannot read, naming the input, and options that do not go with it', () => {
    const dir = tmpdir({'a.md': 'x\n'});
    const binary = cli(['check', '--stdin', '--stdin-filename', 'a.md'], dir, Buffer.from([0x44, 0x00, 0x45]));
    assert.equal(binary.code, 2);
    assert.match(binary.err, /^rubric: --stdin: a\.md: binary content \(a NUL byte at byte 1\)/);
    for (const [args, message] of [
      [['--stdin', 'a.md'], /name no files beside it \("a\.md"\)/],
      [['--stdin-filename', 'a.md', 'a.md'], /--stdin-filename names the text read with --stdin; add --stdin/],
      [['--stdin', '--stdin-filename', 'nota.docx'], /a Word or OpenDocument file \(nota\.docx\) is checked by naming it/],
      [['--stdin', '--cache'], /--shard and --cache are for files named on the command line/],
      [['--stdin', '--shard', '1/2'], /--shard and --cache are for files named on the command line/],
    ] as const) {
      const r = cli(['check', ...args], dir, 'De BVD.\n');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
    }
  });
});

describe('rubric check --shard', () => {
  const archive = (n: number) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < n; i++) files[`archief/${2000 + (i % 7)}/stuk-${i}.md`] = `# Stuk ${i}\n\nDe WIV2017${' en de BVD'.repeat(i % 3)}.\n`;
    return files;
  };

  it('the parts together are exactly one run, each file in one part', () => {
    const dir = tmpdir(archive(40));
    const whole = json(cli(['check', '--format', 'json', 'archief'], dir));
    const parts = [1, 2, 3].map((i) => cli(['check', '--format', 'json', '--shard', `${i}/3`, 'archief'], dir));
    for (const p of parts) assert.equal(p.code, 0, p.err);
    const union = parts.flatMap(json);
    const key = (f: {file: string; line: number; rule: string}) => `${f.file}:${f.line}:${f.rule}`;
    assert.deepEqual(union.map(key).sort(), whole.map(key).sort());
    const filesOf = parts.map((p) => new Set(json(p).map((f) => f.file)));
    for (const file of new Set(whole.map((f) => f.file))) assert.equal(filesOf.filter((s) => s.has(file)).length, 1, file);
    // An even spread: no part of three has fewer than a sixth of the files.
    for (const s of filesOf) assert.ok(s.size >= 40 / 6, `${s.size} files`);
  });

  it('a file stays in its part when files are added or removed elsewhere', () => {
    const files = Object.keys(archive(200)).map((f) => path.join('/repo', f));
    const before = new Map(files.map((f) => [f, shardOf(f, 5, '/repo')]));
    const fewer = files.filter((_, i) => i % 3 !== 0);
    const more = [...files, ...Array.from({length: 50}, (_, i) => `/repo/nieuw/${i}.md`)];
    for (const list of [fewer, more]) {
      for (let part = 1; part <= 5; part++) {
        for (const f of filesOfShard(list, {index: part, count: 5}, '/repo')) if (before.has(f)) assert.equal(before.get(f), part, f);
      }
    }
  });

  it('a part that draws no file reports nothing and exits 0', () => {
    const dir = tmpdir({'a.md': 'De WIV2017.\n'});
    const parts = [1, 2].map((i) => cli(['check', '--format', 'json', '--shard', `${i}/2`, 'a.md'], dir));
    const empty = parts.find((p) => json(p).length === 0)!;
    assert.equal(empty.code, 0);
    assert.match(empty.err, /rubric: part [12]\/2 has none of the 1 files/);
  });

  it('refuses a shard that is no part of a whole', () => {
    for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '-1/2']) assert.ok('problem' in parseShard(bad), bad);
    assert.deepEqual(parseShard(' 2 / 5 '), {index: 2, count: 5});
    const r = cli(['check', '--shard', '4/3', 'a.md'], tmpdir({'a.md': 'x\n'}));
    assert.equal(r.code, 2);
    assert.match(r.err, /--shard 4\/3: the part must be from 1 to 3/);
  });
});

describe('rubric check --cache', () => {
  const cacheOf = (dir: string, name = CACHE_NAME) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  /** Marks every cached finding, so that a later run shows whether it came from the cache. */
  const mark = (dir: string, name = CACHE_NAME) => {
    const c = cacheOf(dir, name);
    for (const e of Object.values(c.entries) as {outcome: {findings: {message: string}[]}}[]) for (const f of e.outcome.findings) f.message = `cached: ${f.message}`;
    fs.writeFileSync(path.join(dir, name), JSON.stringify(c));
  };
  const messages = (r: Result) => json(r).map((f) => f.message.startsWith('cached: ') ? 'cached' : 'linted');

  it('takes unchanged files from the cache and lints a changed file again', () => {
    const dir = tmpdir({'a.md': 'De WIV2017.\n', 'b.md': 'De ambts-bericht.\n'});
    const first = cli(['check', '--cache', '--format', 'json', '.'], dir);
    assert.equal(first.code, 0, first.err);
    assert.deepEqual(Object.keys(cacheOf(dir).entries).sort(), [path.join(dir, 'a.md'), path.join(dir, 'b.md')]);
    mark(dir);
    assert.deepEqual(messages(cli(['check', '--cache', '--format', 'json', '.'], dir)), ['cached', 'cached']);
    // Same size, other bytes: linted again.
    fs.writeFileSync(path.join(dir, 'b.md'), 'De ambts-berichT.\n');
    assert.deepEqual(messages(cli(['check', '--cache', '--format', 'json', '.'], dir)), ['cached', 'linted']);
    // Without --cache the cache is neither read nor written.
    assert.deepEqual(messages(cli(['check', '--format', 'json', '.'], dir)), ['linted', 'linted']);
  });

  it('a changed configuration, glossary or option lints every file it affects again', () => {
    const dir = tmpdir({
      'a/.rubric.yaml': 'glossaries: [../extra.yaml]\n', 'a/x.md': 'De WIV2017 en de KOPERWIEK.\n', 'b/y.md': 'De WIV2017.\n',
      'extra.yaml': 'terms:\n  - term: KOPERWIEK\n    definition: Een codenaam.\n    variants: [Koperwiek]\n',
    });
    const args = ['check', '--cache', '--format', 'json', 'a', 'b'];
    cli(args, dir);
    mark(dir);
    fs.writeFileSync(path.join(dir, 'a/.rubric.yaml'), 'glossaries: [../extra.yaml]\nrules:\n  term/variant: error\n');
    const afterConfig = cli(args, dir);
    assert.deepEqual(messages(afterConfig), ['linted', 'cached'], 'only the files under the changed configuration');
    assert.equal(afterConfig.code, 1);
    mark(dir);
    fs.writeFileSync(path.join(dir, 'extra.yaml'), 'terms:\n  - term: KOPERWIEK\n    definition: Een codenaam, nu met een andere uitleg.\n    variants: [Koperwiek]\n');
    assert.deepEqual(messages(cli(args, dir)), ['linted', 'cached'], 'only the files whose engine reads the glossary');
    mark(dir);
    assert.deepEqual(messages(cli([...args, '--lang', 'en'], dir)), ['linted', 'linted']);
    mark(dir);
    assert.deepEqual(messages(cli([...args, '--lang', 'en', '--date', '2015-03-10'], dir)), ['linted', 'linted']);
  });

  it('ignores and rewrites a corrupt cache file, never failing on it', () => {
    const dir = tmpdir({'a.md': 'De WIV2017.\n'});
    for (const junk of ['{"rubricCache":1,"entr', '[]', '{"rubricCache":1,"entries":{"/x":null}}', '\u0000\u0001', '{"rubricCache":99,"entries":{}}']) {
      fs.writeFileSync(path.join(dir, CACHE_NAME), junk);
      const r = cli(['check', '--cache', '--format', 'json', 'a.md'], dir);
      assert.equal(r.code, 0, junk);
      assert.equal(json(r).length, 1);
      assert.equal(cacheOf(dir).rubricCache, 1, 'written anew');
      if (junk !== '{"rubricCache":1,"entries":{"/x":null}}') assert.match(r.err, /rubric: the cache \.rubriccache is not (valid JSON|a cache of this version of Rubric): it is ignored and written anew/);
    }
    // A cached entry that is not what Rubric wrote is dropped, not used.
    fs.writeFileSync(path.join(dir, CACHE_NAME), JSON.stringify({rubricCache: 1, entries: {[path.join(dir, 'a.md')]: {content: 1, engine: 'x', outcome: {}}}}));
    assert.equal(json(cli(['check', '--cache', '--format', 'json', 'a.md'], dir)).length, 1);
  });

  it('--cache-location names the cache file, or the folder it goes in', () => {
    const dir = tmpdir({'a.md': 'De WIV2017.\n', 'caches/.keep': ''});
    cli(['check', '--cache-location', 'caches', 'a.md'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'caches', CACHE_NAME)));
    cli(['check', '--cache', '--cache-location', 'nieuw/map/', 'a.md'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'nieuw', 'map', CACHE_NAME)));
    cli(['check', '--cache-location', 'ci.cache', 'a.md'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'ci.cache')));
    mark(dir, 'ci.cache');
    assert.deepEqual(messages(cli(['check', '--cache-location', 'ci.cache', '--format', 'json', 'a.md'], dir)), ['cached']);
    assert.equal(fs.existsSync(path.join(dir, CACHE_NAME)), false);
  });

  it('--fix fixes a cached file that has something to fix, and a fixed file is linted again next time', () => {
    const dir = tmpdir({'a.md': 'De ambts-bericht.\n', 'b.md': 'Stg. CONFIDENTIEEL\n\nDe tekst.\n\nStg. CONFIDENTIEEL\n'});
    cli(['check', '--cache', 'a.md', 'b.md'], dir);
    mark(dir);
    const fixed = cli(['check', '--cache', '--fix', '--format', 'json', 'a.md', 'b.md'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'De ambtsbericht.\n');
    assert.deepEqual(messages(fixed), ['cached'], 'b.md has nothing to fix: its findings come from the cache');
    assert.deepEqual(Object.keys(cacheOf(dir).entries), [path.join(dir, 'b.md')], 'a.md, fixed, is linted again next time');
  });

  it('never stores what --fix said, so that a later run does not say it again', () => {
    // A portion mark above the banner: its fix raises the classification, which --fix leaves to the writer.
    const dir = tmpdir({'a.md': 'Stg. CONFIDENTIEEL\n\n(Stg. GEHEIM) De tekst.\n\nStg. CONFIDENTIEEL\n'});
    const fixed = cli(['check', '--cache', '--fix', 'a.md'], dir);
    assert.match(fixed.err, /niet verhoogd/);
    assert.ok(!fs.existsSync(path.join(dir, CACHE_NAME)) || Object.keys(cacheOf(dir).entries).length === 0);
    const later = cli(['check', '--cache', 'a.md'], dir);
    assert.doesNotMatch(later.err, /verhoogd/);
    assert.deepEqual(Object.keys(cacheOf(dir).entries), [path.join(dir, 'a.md')]);
  });

  it('leaves out of the cache a file that cannot be read, and drops the entries of files gone', () => {
    const dir = tmpdir({'a.md': 'De WIV2017.\n', 'b.md': 'De BVD.\n'});
    cli(['check', '--cache', 'a.md', 'b.md'], dir);
    fs.rmSync(path.join(dir, 'b.md'));
    cli(['check', '--cache', 'a.md'], dir);
    assert.deepEqual(Object.keys(cacheOf(dir).entries), [path.join(dir, 'a.md')]);
  });
});

describe('the built CLI with standard input', () => {
  const bin = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
  before(function () {
    if (!fs.existsSync(bin)) execFileSync(process.execPath, [path.resolve(__dirname, '..', '..', 'scripts', 'build.mjs')]);
  });

  it('reads a piped buffer and writes the fixed text unchanged otherwise', () => {
    const dir = tmpdir({});
    const r = spawnSync(process.execPath, [bin, 'check', '--stdin', '--stdin-filename', 'a.md', '--format', 'codequality'], {cwd: dir, input: 'De WIV2017.\n', encoding: 'utf8'});
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].location.path, 'a.md');
    const fixed = spawnSync(process.execPath, [bin, 'check', '--stdin', '--fix'], {cwd: dir, input: 'Het ambts-bericht', encoding: 'utf8'});
    assert.equal(fixed.stdout, 'Het ambtsbericht');
  });
});

describe('rubric --help', () => {
  it('names the options for CI', () => {
    const help = cli(['--help'], os.tmpdir()).out;
    for (const option of ['--format FORMAAT', 'junit', 'codequality', '--docs-url', '--cache ', '--cache-location', '--shard I/N', '--stdin ', '--stdin-filename']) {
      assert.ok(help.includes(option), option);
    }
  });
});
