import {strict as assert} from 'node:assert';
import {runCli as cli, tmpdirWith} from '../helpers.js';
import {execFileSync, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {BUILTIN_DIR_TOKEN, builtinDataDir, builtinDigest, builtinGlossary, builtinMarkings, loadEngine, loadKamerbrief} from '../../src/node/files.js';
import {fixAll} from '../../src/core/fix.js';
import {fixRaisesClassification} from '../../src/core/suggestions.js';


const tmpdir = (files: Record<string, string>): string => tmpdirWith(files, 'rubric-cli-');

describe('rubric check', () => {
  it('prints compact text with a summary and exits 0 when there are only warnings', () => {
    const dir = tmpdir({'a.md': 'De WIV2017 en de BVD.\n\nDe AIVD.\n'});
    const r = cli(['check', 'a.md'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /^a\.md$/m);
    assert.match(r.out, /^ {2}1:4 +waarschuwing +«WIV2017» is niet de voorkeursvorm; schrijf «Wiv 2017»\. {2}term\/variant/m);
    assert.match(r.out, /2 problemen \(0 fouten, 2 waarschuwingen, 0 info\) in 1 bestand\./);
  });

  it('speaks English with --lang en', () => {
    const dir = tmpdir({'a.md': 'De WIV2017.\n'});
    assert.match(cli(['check', '--lang', 'en', 'a.md'], dir).out, /"WIV2017" is not the preferred form/);
  });

  it('prints one JSON array with 1-based positions and fixes', () => {
    const dir = tmpdir({'a.txt': 'Regel.\nDe ambts-bericht.\n'});
    const r = cli(['check', '--format', 'json', 'a.txt'], dir);
    const json = JSON.parse(r.out);
    assert.deepEqual(json, [{
      file: 'a.txt', rule: 'term/variant', severity: 'warning', message: '«ambts-bericht» is niet de voorkeursvorm; schrijf «ambtsbericht».',
      line: 2, column: 4, endLine: 2, endColumn: 17, fix: {text: 'ambtsbericht', line: 2, column: 4, endLine: 2, endColumn: 17},
      actual: 'ambts-bericht', expected: 'ambtsbericht',
    }]);
  });

  it('prints valid SARIF 2.1.0', () => {
    const dir = tmpdir({'a.md': 'De BVD.\n'});
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', 'a.md'], dir).out);
    assert.equal(sarif.version, '2.1.0');
    const [runObj] = sarif.runs;
    assert.equal(runObj.tool.driver.name, 'Rubric');
    const result = runObj.results[0];
    assert.equal(result.ruleId, 'term/deprecated');
    assert.equal(runObj.tool.driver.rules[result.ruleIndex].id, 'term/deprecated');
    assert.deepEqual(result.locations[0].physicalLocation.region, {startLine: 1, startColumn: 4, endLine: 1, endColumn: 7});
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, {uri: 'a.md', uriBaseId: '%SRCROOT%'});
    assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'AIVD');
  });

  it('expands folders and globs to .md, .markdown and .txt files', () => {
    const dir = tmpdir({'d/a.md': 'De BVD.\n', 'd/sub/b.txt': 'De BVD.\n', 'd/c.json': '{}', 'd/e.markdown': 'ok\n', 'd/node_modules/x.md': 'De BVD.\n'});
    const json = JSON.parse(cli(['check', '--format', 'json', 'd'], dir).out);
    assert.deepEqual(json.map((f: {file: string}) => f.file).sort(), ['d/a.md', 'd/sub/b.txt']);
    const globbed = JSON.parse(cli(['check', '--format', 'json', 'd/**/*.txt'], dir).out);
    assert.deepEqual(globbed.map((f: {file: string}) => f.file), ['d/sub/b.txt']);
  });

  it('takes globs with {a,b}, [abc] and [!abc], below a folder whose name has brackets; a bad glob is a usage error', () => {
    const files = {'[x] map/a1.md': 'De BVD.\n', '[x] map/b2.txt': 'De BVD.\n', '[x] map/c3.md': 'De BVD.\n', '[x] map/sub/d4.md': 'De BVD.\n'};
    const dir = tmpdir(files);
    const found = (glob: string) => (JSON.parse(cli(['check', '--format', 'json', glob], dir).out) as {file: string}[]).map((f) => path.basename(f.file)).sort();
    assert.deepEqual(found('[x] map/*.{md,txt}'), ['a1.md', 'b2.txt', 'c3.md']);
    assert.deepEqual(found('[x] map/[ab]*'), ['a1.md', 'b2.txt']);
    assert.deepEqual(found('[x] map/[!ab]*.md'), ['c3.md']);
    assert.deepEqual(found('[x] map/**/*[34].md'), ['c3.md', 'd4.md']);
    const bad = cli(['check', '[x] map/[ab.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^rubric: "\[ab\.md" is not a valid glob: Missing closing: "\]"/);
    assert.doesNotMatch(bad.err, /\n\s+at /);
  });

  it('exits 1 when an error is found, e.g. a rule raised to error in .rubric.yaml', () => {
    // Dated, so that the superseded BVD is a full finding, not the information an undated text gets.
    const text = '---\ndate: 2024-01-01\n---\n\nDe BVD.\n';
    const dir = tmpdir({'.rubric.yaml': 'rules:\n  term/deprecated: error\n', 'a.md': text});
    assert.equal(cli(['check', 'a.md'], dir).code, 1);
    assert.equal(cli(['check', '--max-warnings', '0', 'a.md'], tmpdir({'a.md': text})).code, 1);
  });

  it('exits 2 on bad usage, a missing file and a broken configuration or glossary, naming file and line', () => {
    const dir = tmpdir({'a.md': 'ok\n', 'bad.yaml': 'terms:\n  - term: X\n', '.rubric.yaml': 'lang: fr\n'});
    assert.equal(cli(['check', '--format', 'xml', 'a.md'], dir).code, 2);
    assert.equal(cli(['check', 'nope.md'], dir).code, 2);
    const broken = cli(['check', 'a.md'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /\.rubric\.yaml:1:\d+: fout: moet een van deze zijn: nl, en \(lang\)/);
    fs.rmSync(path.join(dir, '.rubric.yaml'));
    const badGlossary = cli(['check', '--glossary', 'bad.yaml', 'a.md'], dir);
    assert.equal(badGlossary.code, 2);
    assert.match(badGlossary.err, /bad\.yaml:2:\d+: fout: het verplichte veld «definition» ontbreekt \(terms\[0\]\.definition\)/);
  });

  it('adds glossary files from --glossary and from .rubric.yaml', () => {
    const codes = 'terms:\n  - term: KOPERWIEK\n    definition: Codenaam.\n    variants: [Koper Wiek]\n';
    const dir = tmpdir({'codes.yaml': codes, '.rubric.yaml': 'glossaries: [codes.yaml]\n', 'a.md': 'Operatie Koper Wiek.\n'});
    const json = JSON.parse(cli(['check', '--format', 'json', 'a.md'], dir).out);
    assert.deepEqual(json.map((f: {fix?: {text: string}}) => f.fix?.text), ['KOPERWIEK']);
  });

  it('--fix applies every fix, keeps line endings, BOM, encoding and permissions, and touches nothing else', () => {
    const text = '\ufeffDe WIV2017 en\r\nhet ambts-bericht van de BVD.\r\n';
    const dir = tmpdir({'a.md': text});
    const file = path.join(dir, 'a.md');
    fs.chmodSync(file, 0o640);
    const r = cli(['check', '--fix', 'a.md'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(file, 'utf8'), '\ufeffDe Wet op de inlichtingen- en veiligheidsdiensten 2017 (Wiv 2017) en\r\nhet ambtsbericht van de AIVD.\r\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
    const latin1 = Buffer.from('Caf\xe9 en de BVD.\n', 'latin1');
    fs.writeFileSync(file, latin1);
    cli(['check', '--fix', 'a.md'], dir);
    assert.deepEqual(fs.readFileSync(file), Buffer.from('Caf\xe9 en de AIVD.\n', 'latin1'));
  });
});

describe('rubric check --fix and raising the classification', () => {
  const draft = 'Stg. GEHEIM\n\n# Nota\n\n(Stg.ZG) Een alinea van het hoogste niveau.\n\n(Stg.G) Een tweede alinea.\n\nRubriceringstermijn: tot 1 januari 2040\n\nStg. Geheim\n';
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-raise-'));
    fs.writeFileSync(path.join(dir, 'nota.md'), draft);
  });
  afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

  it('leaves the raise to the writer and says so, reaching the same text as the editor’s fix-all', () => {
    const r = cli(['check', '--fix', 'nota.md'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /nota\.md: de rubricering is niet verhoogd naar «Stg\. ZEER GEHEIM»: dat is uw beslissing/);
    const text = fs.readFileSync(path.join(dir, 'nota.md'), 'utf8');
    assert.match(text, /^Stg\. GEHEIM\n/);
    assert.match(text, /\nStg\. GEHEIM\n$/);
    // The editor's fix-all: the same engine, the same fixed point.
    const engine = loadEngine(path.join(dir, 'nota.md')).engine;
    assert.equal(fixAll(engine, draft, 'markdown', {include: (f) => !fixRaisesClassification(f)}).text, text);
    assert.match(r.out, /marking\/portion-exceeds-banner/);
  });

  it('--fix-raise raises top and bottom, and says so', () => {
    const r = cli(['check', '--fix', '--fix-raise', 'nota.md'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.err, /nota\.md: de rubricering is verhoogd naar «Stg\. ZEER GEHEIM» \(--fix-raise\)/);
    const text = fs.readFileSync(path.join(dir, 'nota.md'), 'utf8');
    assert.match(text, /^Stg\. ZEER GEHEIM\n[^]*\nStg\. ZEER GEHEIM\n$/);
  });

  it('--fix-raise without --fix is a usage error, and nothing is written', () => {
    const r = cli(['check', '--fix-raise', 'nota.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /--fix-raise is used with --fix/);
    assert.equal(fs.readFileSync(path.join(dir, 'nota.md'), 'utf8'), draft);
  });
});

describe('rubric glossary', () => {
  it('lists, shows and validates', () => {
    const list = cli(['glossary', 'list']);
    assert.equal(list.code, 0);
    assert.ok(list.out.split('\n').length >= 60);
    const show = cli(['glossary', 'show', 'wiv2017']);
    assert.match(show.out, /^Wiv 2017\n/);
    assert.match(show.out, /Wet op de inlichtingen- en veiligheidsdiensten 2017/);
    const dir = tmpdir({'ok.yaml': 'terms:\n  - term: X\n    definition: y\n', 'bad.yaml': 'terms:\n  - term: X\n    definition: y\n    colour: red\n'});
    assert.equal(cli(['glossary', 'validate', 'ok.yaml'], dir).code, 0);
    const bad = cli(['glossary', 'validate', 'bad.yaml'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad\.yaml:4:\d+: fout: onbekend veld «colour» \(terms\[0\]\.colour\)/);
    const level = tmpdir({'codes.yaml': 'terms:\n  - term: KOPERWIEK\n    definition: Codenaam.\n    minimumMarking: Stg. HEEL GEHEIM\n'});
    const wrongLevel = cli(['glossary', 'validate', 'codes.yaml'], level);
    assert.equal(wrongLevel.code, 2);
    assert.match(wrongLevel.err, /codes\.yaml:2:\d+: fout: .*Stg\. HEEL GEHEIM/);
  });
});

describe('the built CLI', () => {
  const bin = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
  before(function () {
    if (!fs.existsSync(bin)) execFileSync(process.execPath, [path.resolve(__dirname, '..', '..', 'scripts', 'build.mjs'), '--cli-only']);
  });

  it('checks many files in worker threads with the same output as one thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`d/${String(i).padStart(2, '0')}.md`] = `# Stuk ${i}\n\nDe BVD en de WIV2017${' en het ambts-bericht'.repeat(i)}.\n`;
    const dir = tmpdir(files);
    const one = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--jobs', '1', 'd'], {cwd: dir, encoding: 'utf8'});
    const many = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--jobs', '3', 'd'], {cwd: dir, encoding: 'utf8'});
    assert.equal(many.status, 0, many.stderr);
    assert.equal(many.stdout, one.stdout);
    // Per file: BVD deprecated, WIV2017 misspelt (one finding, not also undefined: that follows once it is spelt right).
    assert.equal(JSON.parse(many.stdout).length, 12 * 2 + 66);
    const fixed = spawnSync(process.execPath, [bin, 'check', '--fix', '--jobs', '3', 'd'], {cwd: dir, encoding: 'utf8'});
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'd/02.md'), 'utf8'), '# Stuk 2\n\nDe AIVD en de Wet op de inlichtingen- en veiligheidsdiensten 2017 (Wiv 2017) en het ambtsbericht en het ambtsbericht.\n');
  });

  it('ships the built-in data parsed at build time, equal to parsing it now', () => {
    const text = fs.readFileSync(path.join(path.dirname(bin), 'builtin.json'), 'utf8');
    assert.ok(!text.includes(builtinDataDir()), 'no machine-specific paths in the shipped data');
    const cache = JSON.parse(text.split(BUILTIN_DIR_TOKEN).join(builtinDataDir()));
    const fresh = JSON.parse(JSON.stringify({digest: builtinDigest(), glossary: builtinGlossary(), markings: builtinMarkings(), kamerbrief: loadKamerbrief()}));
    assert.deepEqual(cache, fresh);
  });

  it('reports a broken configuration and glossary as the in-process CLI does, with the validators compiled at build time', () => {
    const dir = tmpdir({
      '.rubric.yaml': 'rules:\n  term/varient: error\nlang: fr\nglossaries: [extra.yaml]\nmarkings:\n  requireBanner: ja\n',
      'extra.yaml': 'terms:\n  - term: X\n    definitoin: Een tikfout.\n',
      'a.md': 'De BVD.\n',
    });
    const built = spawnSync(process.execPath, [bin, 'check', 'a.md'], {cwd: dir, encoding: 'utf8'});
    const here = cli(['check', 'a.md'], dir);
    assert.equal(built.status, 2);
    assert.equal(here.code, 2);
    assert.match(built.stderr, /«term\/varient» is geen regel-id; bedoelt u «term\/variant»\?/);
    assert.equal(built.stderr.trimEnd(), here.err.trimEnd());
  });

  it('keeps V8\'s compiled code between runs, and runs the same without it', () => {
    const dir = tmpdir({'a.md': 'De WIV2017.\n'});
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-compile-'));
    const env = {...process.env, TMPDIR: cacheDir};
    const first = spawnSync(process.execPath, [bin, 'check', 'a.md'], {cwd: dir, encoding: 'utf8', env});
    const folder = fs.readdirSync(cacheDir).find((f) => f.startsWith('rubric-compile-cache-'));
    const nodeHasItsOwn = typeof (require('node:module') as {enableCompileCache?: unknown}).enableCompileCache === 'function';
    if (!nodeHasItsOwn) {
      assert.ok(folder, 'a cache folder of this user');
      assert.equal(fs.statSync(path.join(cacheDir, folder)).mode & 0o077, 0, 'no one else may read or write it');
      assert.equal(fs.readdirSync(path.join(cacheDir, folder)).filter((f) => f.endsWith('.bin')).length, 1);
    }
    const second = spawnSync(process.execPath, [bin, 'check', 'a.md'], {cwd: dir, encoding: 'utf8', env});
    const without = spawnSync(process.execPath, [bin, 'check', 'a.md'], {cwd: dir, encoding: 'utf8', env: {...env, NODE_DISABLE_COMPILE_CACHE: '1'}});
    assert.equal(first.status, 0, first.stderr);
    assert.equal(second.stdout, first.stdout);
    assert.equal(without.stdout, first.stdout);
    assert.match(first.stdout, /term\/variant/);
    // A folder that others may write is not used.
    if (!nodeHasItsOwn && folder) {
      fs.rmSync(path.join(cacheDir, folder), {recursive: true});
      fs.mkdirSync(path.join(cacheDir, folder), {mode: 0o777});
      fs.chmodSync(path.join(cacheDir, folder), 0o777);
      const shared = spawnSync(process.execPath, [bin, 'check', 'a.md'], {cwd: dir, encoding: 'utf8', env});
      assert.equal(shared.stdout, first.stdout);
      assert.deepEqual(fs.readdirSync(path.join(cacheDir, folder)), []);
    }
    fs.rmSync(cacheDir, {recursive: true, force: true});
  });

  it('runs as a program with the built-in glossary and sets the exit code', () => {
    const dir = tmpdir({'a.md': 'De BVD.\n'});
    const ok = spawnSync(process.execPath, [bin, 'check', 'a.md'], {cwd: dir, encoding: 'utf8'});
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /term\/deprecated/);
    const usage = spawnSync(process.execPath, [bin, 'frobnicate'], {cwd: dir, encoding: 'utf8'});
    assert.equal(usage.status, 2);
  });
});
