/**
 * Hostile input, part two (issue 13): a byte-order mark, code words outside
 * prose, legacy encodings, labels, devices, huge outputs, links, binary
 * files, huge glossaries, pathological Markdown, --jobs and the smaller ones.
 * Each test failed on the code before.
 */

import {strict as assert} from 'node:assert';
import {execFileSync, spawn} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {run, effectiveJobs, type Io} from '../../src/cli/main.js';
import {formatJsonPieces, formatTextLines} from '../../src/cli/format.js';
import type {FileOutcome} from '../../src/cli/checkFile.js';
import {allRules} from '../../src/core/rules/index.js';
import {mergeGlossaries, parseGlossary} from '../../src/core/glossary.js';
import {parseConfig} from '../../src/core/config.js';
import {fixAll} from '../../src/core/fix.js';
import {MARKDOWN_LIMITS} from '../../src/core/parse.js';
import {decode, readDocument} from '../../src/node/textFile.js';
import {builtinEngine, codeWordEngine, summary} from '../helpers.js';

function cli(args: string[], cwd?: string, io: Partial<Io> = {}): {code: number; out: string; err: string} {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = run(args, {out: (s) => out.push(s), err: (s) => err.push(s), color: false, ...io});
    return {code, out: out.join('\n'), err: err.join('\n')};
  } finally {
    process.chdir(before);
  }
}

function tmpdir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-hostile-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM16 = Buffer.from([0xff, 0xfe]);
const utf16 = (s: string) => Buffer.concat([BOM16, Buffer.from(s, 'utf16le')]);
/** A dated document, so that a superseded term is a warning with a fix. */
const DATED = '---\ndate: 2020-01-01\n---\n\n';

const codeWords = 'terms:\n  - term: KOPERWIEK\n    definition: Codenaam van een operatie.\n    minimumMarking: Stg. GEHEIM\n';


describe('hostile input (issue 13)', () => {
  describe('1. a byte-order mark', () => {
    it('hides no portion mark and no term from the engine, in Markdown and plain text', () => {
      const engine = builtinEngine();
      for (const language of ['markdown', 'plaintext'] as const) {
        const found = summary(engine.lint('\ufeff(Stg.ZG) Tekst.\n', language).findings);
        assert.deepEqual(found.filter((f) => f.startsWith('marking/missing@')).length, 2, `${language}: ${found}`);
        const bvd = engine.lint('\ufeffDe BVD', language).findings.find((f) => f.rule === 'term/deprecated');
        assert.deepEqual(bvd && [bvd.start, bvd.end], [4, 7], language);
      }
    });

    it('in a UTF-8 or UTF-16 file: the portion mark counts, the columns are those after the mark', () => {
      for (const [name, bytes] of [['a.md', Buffer.concat([BOM8, Buffer.from('(Stg.ZG) Tekst.\n')])], ['b.txt', utf16('(Stg.ZG) Tekst.\r\n')]] as const) {
        const dir = tmpdir({[name]: bytes});
        const r = cli(['check', '--format', 'json', name], dir);
        const json = JSON.parse(r.out) as {rule: string; line: number; column: number}[];
        assert.deepEqual(json.filter((f) => f.rule === 'marking/missing').map((f) => `${f.line}:${f.column}`), ['1:1', '1:1'], name);
        assert.equal(r.code, 1);
      }
      const dir = tmpdir({'c.md': Buffer.concat([BOM8, Buffer.from('De BVD')])});
      const json = JSON.parse(cli(['check', '--format', 'json', 'c.md'], dir).out) as {rule: string; column: number}[];
      assert.deepEqual(json.map((f) => `${f.rule}:${f.column}`), ['term/deprecated:4']);
    });

    it('rubric markings sees the highest portion behind the mark: not over-classified', () => {
      const dir = tmpdir({'a.md': Buffer.concat([BOM8, Buffer.from('(Stg.ZG) Tekst.\n\nStg. GEHEIM\n')])});
      const r = cli(['markings', '--format', 'json', 'a.md'], dir);
      assert.match(r.out, /ZEER GEHEIM/);
    });
  });

  describe('2. code words are a leak wherever they stand', () => {
    const engine = codeWordEngine();
    const places: Record<string, string> = {
      'an HTML block': '<div>\nKOPERWIEK\n</div>\n',
      'image alt text': '![KOPERWIEK](kaart.png)\n',
      'a link title': '[kaart](https://x.nl "KOPERWIEK")\n',
      'inline code': 'Zie `KOPERWIEK`.\n',
      'fenced code': '```\nKOPERWIEK\n```\n',
      'an HTML comment': 'Tekst. <!-- KOPERWIEK -->\n',
      'a URL': 'Zie https://intranet.example/operaties/koperwiek/plan.\n',
      'a link target': '[het plan](https://intranet.example/KOPERWIEK)\n',
      'a file name': 'Zie KOPERWIEK-plan.pdf.\n',
      'front matter': '---\ntitle: KOPERWIEK\n---\n\nTekst.\n',
      'a reference definition': 'Tekst.\n\n[plan]: https://x.nl/KOPERWIEK\n',
    };
    for (const [where, text] of Object.entries(places)) {
      it(`in ${where}`, () => {
        const found = engine.lint(text, 'markdown').findings.filter((f) => f.rule === 'marking/restricted-term');
        assert.equal(found.length, 1, `${where}: ${JSON.stringify(text)}`);
        assert.match(text.slice(found[0].start, found[0].end), /koperwiek/i);
      });
    }

    it('terminology still ignores those places', () => {
      const found = builtinEngine().lint(`${DATED}Zie \`BVD\` en https://x.nl/BVD en <!-- BVD -->.\n`, 'markdown').findings;
      assert.deepEqual(found.filter((f) => f.rule.startsWith('term/')), []);
    });

    it('a document marked high enough is fine', () => {
      const text = 'Stg. GEHEIM\n\n```\nKOPERWIEK\n```\n\nRubriceringstermijn: 2030\n\nStg. GEHEIM\n';
      assert.deepEqual(engine.lint(text, 'markdown').findings.filter((f) => f.rule === 'marking/restricted-term'), []);
    });
  });

  describe('3. --fix and the byte-order mark', () => {
    it('writes the top banner after the mark, in UTF-8 and UTF-16', () => {
      const dir = tmpdir({'a.md': Buffer.concat([BOM8, Buffer.from('(Stg.ZG) Tekst.\n')]), 'b.txt': utf16('(Stg.ZG) Tekst.\n')});
      cli(['check', '--fix', 'a.md', 'b.txt'], dir);
      const a = fs.readFileSync(path.join(dir, 'a.md'));
      assert.deepEqual([...a.subarray(0, 3)], [...BOM8]);
      assert.match(a.subarray(3).toString('utf8'), /^Stg\. ZEER GEHEIM\n\n\(Stg\.ZG\) Tekst\./);
      assert.equal(a.indexOf(BOM8, 3), -1, 'one mark, at the start');
      const b = fs.readFileSync(path.join(dir, 'b.txt'));
      assert.deepEqual([...b.subarray(0, 2)], [...BOM16]);
      assert.match(b.subarray(2).toString('utf16le'), /^Stg\. ZEER GEHEIM\n\n\(Stg\.ZG\) Tekst\./);
      // Fixed once, the file is clean: no new finding from a moved mark.
      assert.equal(cli(['check', '--format', 'json', 'a.md'], dir).out.includes('"marking/missing"'), false);
    });

    it('the engine itself inserts a banner after a leading mark', () => {
      const fixed = fixAll(builtinEngine(), '\ufeff(Stg.ZG) Tekst.\n', 'markdown').text;
      assert.ok(fixed.startsWith('\ufeffStg. ZEER GEHEIM'), JSON.stringify(fixed));
    });
  });

  describe('4. legacy encodings', () => {
    const glossary = 'terms:\n  - term: Čapek\n    definition: x.\n    variants: [Capek]\n  - term: Œuvre\n    definition: y.\n    variants: [Oeuvre]\n';

    it('refuses a fix whose character Windows-1252 cannot hold, naming file, line and character, and changes nothing', () => {
      const bytes = Buffer.from('Caf\xe9 over Capek.\n', 'latin1');
      const dir = tmpdir({'a.txt': bytes, 'g.yaml': glossary});
      const r = cli(['check', '--fix', '--glossary', 'g.yaml', 'a.txt'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /a\.txt: line 1, column 11: the fix writes «Č» \(U\+010C\), which the file's encoding, Windows-1252 \(Latin-1\), cannot hold; not written/);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'a.txt')), bytes);
      // The findings are still reported.
      assert.match(r.out, /Capek/);
    });

    it('writes a character Windows-1252 holds as its byte (Œ is 0x8C, an en dash 0x96)', () => {
      const dir = tmpdir({'a.txt': Buffer.from('Caf\xe9 \x96 Oeuvre.\n', 'latin1'), 'g.yaml': glossary});
      const r = cli(['check', '--fix', '--glossary', 'g.yaml', 'a.txt'], dir);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'a.txt')), Buffer.from('Caf\xe9 \x96 \x8cuvre.\n', 'latin1'));
      assert.equal(readDocument(path.join(dir, 'a.txt')).text, 'Café – Œuvre.\n');
    });
  });

  describe('5. glossary encodings', () => {
    it('reads a Latin-1 glossary as Latin-1: the correct spelling is not flagged, the fix writes no U+FFFD', () => {
      const yaml = 'terms:\n  - term: Geïntegreerd Plan\n    definition: Een plan.\n    variants: [Geintegreerd Plan]\n';
      const dir = tmpdir({'g.yaml': Buffer.from(yaml, 'latin1'), 'a.md': 'Het Geïntegreerd Plan en het Geintegreerd Plan.\n'});
      const r = cli(['check', '--fix', '--glossary', 'g.yaml', 'a.md'], dir);
      assert.equal(r.code, 0, r.err);
      assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'Het Geïntegreerd Plan en het Geïntegreerd Plan.\n');
    });

    it('reads a UTF-16 glossary (what Notepad writes)', () => {
      const dir = tmpdir({'g.yaml': utf16(codeWords)});
      const r = cli(['glossary', 'validate', 'g.yaml'], dir);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /Geldig: 1 term/);
    });

    it('names the line of a stray byte in a UTF-8 glossary', () => {
      const dir = tmpdir({'g.yaml': Buffer.concat([Buffer.from('terms:\n  - term: Geïntegreerd\n    definition: x'), Buffer.from([0xe9]), Buffer.from('\n')])});
      const r = cli(['glossary', 'validate', 'g.yaml'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /g\.yaml:3:0: fout: regel 3, kolom 18: byte 0xE9 is geen geldige UTF-8, maar het bestand is elders UTF-8/);
    });
  });

  describe('6. reference-link and footnote labels are not prose', () => {
    it('--fix leaves [BVD], [BVD]: and [^BVD] alone and fixes the prose', () => {
      const text = `${DATED}De BVD, zie [BVD] en [BVD][] en [^BVD].\n\n[BVD]: https://x.nl/bvd\n\n[^BVD]: Over de BVD.\n`;
      const fixed = fixAll(builtinEngine(), text, 'markdown').text;
      assert.equal(fixed, `${DATED}De AIVD, zie [BVD] en [BVD][] en [^BVD].\n\n[BVD]: https://x.nl/bvd\n\n[^BVD]: Over de AIVD.\n`);
    });

    it('a bracketed insertion that is no label is still prose', () => {
      const found = builtinEngine().lint(`${DATED}Hij zei dat [de BVD] waarschuwde.\n`, 'markdown').findings;
      assert.equal(found.filter((f) => f.rule === 'term/deprecated').length, 1);
    });
  });

  describe('7. devices and FIFOs', () => {
    it('a glossary of /dev/zero in .rubric.yaml is refused at once, not read', function () {
      this.timeout(10000);
      const dir = tmpdir({'.rubric.yaml': 'glossaries: [/dev/zero]\n', 'a.md': 'Tekst.\n'});
      // Refused by what the file is, before a byte is read: reading it would never end (the timeout stops that).
      const r = cli(['check', 'a.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /\/dev\/zero: fout: een tekenapparaat, geen gewoon bestand/);
    });

    it('a FIFO as glossary or as document does not hang', function () {
      this.timeout(10000);
      const dir = tmpdir({'a.md': 'Tekst.\n'});
      execFileSync('mkfifo', [path.join(dir, 'g.yaml'), path.join(dir, 'f.md')]);
      const r = cli(['check', '--glossary', 'g.yaml', 'a.md', 'f.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /g\.yaml: fout: een FIFO \(named pipe\), geen gewoon bestand/);
      assert.match(r.err, /skipped f\.md: not a regular file/);
    });
  });

  describe('8. internal errors and huge outputs', () => {
    const many = (n: number): FileOutcome[] => [{
      file: path.join(process.cwd(), 'a.md'), fixed: 0,
      findings: Array.from({length: n}, (_, i) => ({
        rule: 'term/variant', severity: 'warning' as const, url: 'docs/rules/term-variant.md', message: 'm', start: i, end: i + 1, line: i, column: 0, endLine: i, endColumn: 1,
      })),
    }];

    it('the text format of 200,000 findings in one file does not overflow the stack', () => {
      let lines = 0;
      for (const _ of formatTextLines(many(200000), 'nl', false)) lines++;
      assert.equal(lines, 200003);
    });

    it('JSON and SARIF come out in small pieces that make the same document', () => {
      for (const format of ['json', 'sarif', 'codequality'] as const) {
        const pieces = [...formatJsonPieces(format, many(500), allRules, {lang: 'en', version: '1.0.0'})];
        assert.ok(pieces.every((p) => p.length < 20000), format);
        const parsed = JSON.parse(pieces.join('\n'));
        assert.equal(format === 'sarif' ? parsed.runs[0].results.length : parsed.length, 500);
      }
    });

    it('a reader that stops early (| head) ends the CLI quietly, with the exit code of its findings', async function () {
      this.timeout(60000);
      const cliJs = path.resolve(__dirname, '../../dist/cli.js');
      if (!fs.existsSync(cliJs)) this.skip();
      const dir = tmpdir({'.rubric.yaml': 'rules:\n  term/variant: error\n', 'a.md': 'De WIV2017.\n\n'.repeat(20000)});
      const child = spawn(process.execPath, [cliJs, 'check', 'a.md'], {cwd: dir});
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      assert.equal(code, 1);
      assert.equal(err, '');
    });

    it('an internal error exits 2 with a message, never 1', () => {
      const dir = tmpdir({'a.md': 'De BVD.\n'});
      const r = cli(['check', 'a.md'], dir, {out: () => {
        throw new RangeError('Invalid string length');
      }});
      assert.equal(r.code, 2);
      assert.match(r.err, /rubric: internal error \(exit 2\).*Invalid string length/s);
    });
  });

  describe('9. links on --fix', () => {
    it('a symbolic link stays a link; its target is fixed', () => {
      const dir = tmpdir({'t.md': `${DATED}De BVD.\n`});
      fs.symlinkSync('t.md', path.join(dir, 'l.md'));
      const r = cli(['check', '--fix', 'l.md'], dir);
      assert.equal(r.code, 0, r.err);
      assert.ok(fs.lstatSync(path.join(dir, 'l.md')).isSymbolicLink());
      assert.match(fs.readFileSync(path.join(dir, 't.md'), 'utf8'), /De AIVD\./);
    });

    it('a file with hard links is not split: refused with a message, unchanged', () => {
      const dir = tmpdir({'a.md': `${DATED}De BVD.\n`});
      fs.linkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
      const r = cli(['check', '--fix', 'a.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /a\.md: the file has 2 hard links, which replacing it would split; not written/);
      assert.equal(fs.statSync(path.join(dir, 'a.md')).ino, fs.statSync(path.join(dir, 'b.md')).ino);
      assert.match(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), /De BVD\./);
    });
  });

  describe('10. binary files', () => {
    it('are skipped with a note and never written', () => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR PNG BVD')]);
      const dir = tmpdir({'plaatje.md': png, 'b.txt': png});
      const r = cli(['check', '--fix', '--lang', 'en', 'plaatje.md', 'b.txt'], dir);
      assert.equal(r.code, 0);
      assert.match(r.err, /plaatje\.md: binary content \(a NUL byte at byte 8\), not a text; skipped/);
      // In Rubric's language, Dutch unless set.
      assert.match(cli(['check', 'plaatje.md'], dir).err, /plaatje\.md: binaire inhoud \(een NUL-byte op byte 8\), geen tekst; overgeslagen/);
      assert.doesNotMatch(r.out, /persona non grata/);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'plaatje.md')), png);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'b.txt')), png);
    });
  });

  describe('11. a glossary with 200,000 variants', () => {
    // How long it takes is measured by `npm run bench -- --hostile`.
    it('is validated, and a repeated variant is still found', function () {
      this.timeout(60000);
      const variants = Array.from({length: 200000}, (_, i) => `v${i}`);
      const yaml = `terms:\n  - term: X\n    definition: d\n    variants: [${variants.join(', ')}, v7]\n`;
      const g = parseGlossary(yaml, 'g.yaml');
      assert.deepEqual(g.problems.map((p) => `${p.line} ${p.field} ${p.message.en}`), ['4 terms[0].variants[200000] "v7" is listed twice (also as item 8)']);
    });
  });

  describe('12. pathological Markdown has a bounded cost', () => {
    const engine = builtinEngine();
    const shapes: Record<string, string> = {
      'nested emphasis (60 KB)': `${'*a '.repeat(10000)}b${' a*'.repeat(10000)}`,
      '10,000 list markers on one line': `${'- '.repeat(10000)}x\n`,
      'blockquotes nested one level per line (1,500 deep)': Array.from({length: 1500}, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
      'a 5 MB table': `| a | b |\n|---|---|\n${'| cel met tekst | nog een cel |\n'.repeat(170000)}`,
    };
    for (const [name, text] of Object.entries(shapes)) {
      // Its cost is measured by `npm run bench -- --hostile`.
      it(`${name}: linted as plain text with an info finding`, function () {
        this.timeout(60000);
        const found = engine.lint(text, 'markdown').findings.filter((f) => f.rule === 'markdown/too-complex');
        assert.equal(found.length, 1);
        assert.equal(found[0].severity, 'info');
        assert.match(found[0].message, /als platte tekst gecontroleerd/);
      });
    }

    it('terms, marks and code words are still found in such a block', () => {
      const text = `(Stg.G) ${'*a '.repeat(MARKDOWN_LIMITS.emphasis + 1)} KOPERWIEK en de BVD.`;
      const found = codeWordEngine().lint(text, 'markdown').findings.map((f) => f.rule);
      for (const rule of ['markdown/too-complex', 'marking/missing', 'term/deprecated']) assert.ok(found.includes(rule), `${rule}: ${found}`);
    });

    it('ordinary Markdown is never degraded', () => {
      const text = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
      assert.deepEqual(engine.lint(text, 'markdown').findings.filter((f) => f.rule === 'markdown/too-complex'), []);
    });
  });

  describe('13. --jobs', () => {
    it('is capped at the number of files and at twice the cores', () => {
      assert.equal(effectiveJobs(1000, 200, 2), 4);
      assert.equal(effectiveJobs(1000, 3, 2), 3);
      assert.equal(effectiveJobs(undefined, 200, 2), 2);
    });
  });

  describe('14. the smaller ones', () => {
    it('--fix does not rewrite a read-only file, and its findings stay in the output', () => {
      const dir = tmpdir({'a.md': `${DATED}De BVD.\n`});
      fs.chmodSync(path.join(dir, 'a.md'), 0o444);
      const r = cli(['check', '--fix', 'a.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /a\.md: the file is read-only; not written/);
      assert.match(r.out, /term\/deprecated/);
      assert.match(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), /De BVD\./);
    });

    it('--fix writes nothing when a configuration or glossary is broken', () => {
      const dir = tmpdir({'.rubric.yaml': 'glossaries: [g.yaml]\n', 'g.yaml': 'terms: [oops\n', 'a.md': `${DATED}De BVD.\n`});
      const r = cli(['check', '--fix', 'a.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /--fix: nothing was written/);
      assert.match(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), /De BVD\./);
    });

    it('walking a folder says what it skipped and why', () => {
      const dir = tmpdir({'d/a.md': 'x\n', 'd/out/b.md': 'x\n', 'd/dist/c.md': 'x\n', 'd/.verborgen/e.md': 'x\n', 'elders/f.md': 'x\n'});
      fs.symlinkSync(path.join(dir, 'elders/f.md'), path.join(dir, 'd/link.md'));
      const r = cli(['check', 'd'], dir);
      assert.equal(r.code, 0);
      assert.match(r.err, /skipped d\/out: a folder named out is not walked into/);
      assert.match(r.err, /skipped d\/dist: a folder named dist is not walked into/);
      assert.match(r.err, /skipped d\/\.verborgen: a folder whose name starts with a dot is not walked into/);
      assert.match(r.err, /skipped d\/link\.md: a symbolic link is not followed while walking a folder/);
    });

    it('a folder past PATH_MAX is named as skipped, not left out silently', () => {
      const dir = tmpdir();
      const before = process.cwd();
      try {
        fs.mkdirSync(path.join(dir, 'd'));
        process.chdir(path.join(dir, 'd'));
        for (let i = 0; i < 17; i++) {
          fs.mkdirSync('x'.repeat(250));
          process.chdir('x'.repeat(250));
        }
        fs.writeFileSync('a.md', 'De WIV2017.\n');
      } finally {
        process.chdir(before);
      }
      const r = cli(['check', 'd'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /skipped d\/x+\/.*: cannot read the folder \(ENAMETOOLONG\)/);
    });

    it('--format json or sarif with no matching file prints an empty result, the error on standard error', () => {
      const dir = tmpdir();
      const json = cli(['check', '--format', 'json', 'nergens.md'], dir);
      assert.equal(json.code, 2);
      assert.deepEqual(JSON.parse(json.out), []);
      assert.match(json.err, /no file matches "nergens\.md"/);
      const sarif = cli(['check', '--format', 'sarif', 'nergens.md'], dir);
      assert.deepEqual(JSON.parse(sarif.out).runs[0].results, []);
    });

    it('the text format escapes control characters in file names', () => {
      const name = 'a\u001b[31m.md';
      const dir = tmpdir({[name]: 'De WIV2017.\n'});
      const r = cli(['check', name], dir);
      assert.doesNotMatch(r.out, /\u001b/);
      assert.match(r.out, /a\\u\{1b\}\[31m\.md/);
    });

    it('a file whose name has { is taken literally', () => {
      const dir = tmpdir({'a{b}.md': 'De WIV2017.\n'});
      const r = cli(['check', '--format', 'json', 'a{b}.md'], dir);
      assert.equal(JSON.parse(r.out)[0].file, 'a{b}.md');
    });

    it('--max-warnings with an empty or odd value is a usage error', () => {
      const dir = tmpdir({'a.md': 'x\n'});
      for (const v of ['--max-warnings=', '--max-warnings=1.5', '--max-warnings=-1', '--jobs=']) {
        const r = cli(['check', v, 'a.md'], dir);
        assert.equal(r.code, 2, v);
        assert.match(r.err, /takes a whole number/, v);
      }
    });

    it('deprecated.replacement that names no entry is an error', () => {
      const merged = mergeGlossaries([parseGlossary('terms:\n  - term: A\n    definition: x\n    deprecated: {replacement: B, since: "2020"}\n', 'g.yaml')]);
      assert.deepEqual(merged.problems.map((p) => `${p.line} ${p.field} ${p.message.en.split(' (')[0]}`), ['2 A.deprecated.replacement replacement "B" is not a term of any glossary']);
    });

    it('every bad key under rules: is reported at its own line, by name', () => {
      const c = parseConfig('rules:\n  term/variant: error\n  Bad/Key: off\n  other: warning\n', '.rubric.yaml');
      assert.deepEqual(c.problems.map((p) => `${p.line} ${p.field}`), ['3 rules.Bad/Key', '4 rules.other']);
      assert.ok(c.problems.every((p) => /^"(Bad\/Key|other)" is not a rule id/.test(p.message.en)), c.problems.map((p) => p.message.en).join('; '));
    });

    it('UTF-16 without a byte-order mark is read as UTF-16; UTF-8 with one stray byte is refused with its line', () => {
      assert.deepEqual(decode(Buffer.from('De BVD.\r\n', 'utf16le')), {text: 'De BVD.\r\n', encoding: 'utf16le', bom: false});
      const be = Buffer.from('De BVD.\n', 'utf16le');
      be.swap16();
      assert.equal(decode(be).encoding, 'utf16be');
      const dir = tmpdir({'a.md': Buffer.concat([Buffer.from('Geïntegreerd.\nRegel twee '), Buffer.from([0xe9]), Buffer.from('.\n')])});
      const r = cli(['check', '--lang', 'en', 'a.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /a\.md: line 2, column 12: byte 0xE9 is not valid UTF-8, but the file is UTF-8 elsewhere/);
    });

    it('a file name of 250 bytes can be fixed', () => {
      const name = `${'x'.repeat(247)}.md`;
      const dir = tmpdir({[name]: `${DATED}De BVD.\n`});
      const r = cli(['check', '--fix', name], dir);
      assert.equal(r.code, 0, r.err);
      assert.match(fs.readFileSync(path.join(dir, name), 'utf8'), /De AIVD\./);
    });

    it('UTF-16 with an odd byte count is refused, not cut', () => {
      const bytes = Buffer.concat([utf16(`${DATED}De BVD.\n`), Buffer.from([0x41])]);
      const dir = tmpdir({'a.txt': bytes});
      const r = cli(['check', '--fix', '--lang', 'en', 'a.txt'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /a\.txt: UTF-16 \(LE\) with an odd number of bytes/);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'a.txt')), bytes);
    });

    it('the built-in glossary leaves "de index van A-Z" alone', () => {
      assert.deepEqual(summary(builtinEngine().lint('De index van A-Z is handig.\n', 'markdown').findings), []);
    });

  });
});
