import {strict as assert} from 'node:assert';
import {runCli as cli, tmpdirWith} from '../helpers.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import Ajv from 'ajv';
import {SaxesParser} from 'saxes';
import {allRules} from '../../src/core/rules/index.js';


const tmpdir = (files: Record<string, string>): string => tmpdirWith(files, 'rubric-formats-');

/** The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (a draft-04 schema: its `id` is dropped for ajv 8). */
function sarifValidator() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const {$schema: _draft, id: _id, ...schema} = JSON.parse(fs.readFileSync(file, 'utf8'));
  // unicodeRegExp off: one pattern in this schema (the language tag) is no valid regular expression with the u flag.
  const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false});
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

const validateSarif = sarifValidator();

function assertValidSarif(log: unknown): void {
  const ok = validateSarif(log);
  assert.ok(ok, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
}

describe('output formats', () => {
  // Dated, so that the superseded BVD is a warning, not the information an undated text gets.
  const front = '---\ndate: 2024-01-01\n---\n\n';
  const sample = {
    'a.md': `${front}De BVD en de WIV2017.\n\nDe BVD.\n`,
    'sub/b & c.txt': 'De ambts-bericht <en> "meer".\n',
    'clean.md': 'Een tekst zonder problemen.\n',
  };

  describe('SARIF', () => {
    it('validates against the SARIF 2.1.0 schema, with and without results and fixes', () => {
      const dir = tmpdir(sample);
      assertValidSarif(JSON.parse(cli(['check', '--format', 'sarif', '.'], dir).out));
      assertValidSarif(JSON.parse(cli(['check', '--format', 'sarif', 'clean.md'], dir).out));
      // The schema is no rubber stamp: a result without a message fails it.
      const broken = JSON.parse(cli(['check', '--format', 'sarif', 'a.md'], dir).out);
      delete broken.runs[0].results[0].message;
      assert.equal(validateSarif(broken), false);
    });

    it('carries every rule\'s metadata: descriptions, help, a helpUri to its page and the default level', () => {
      const dir = tmpdir(sample);
      const log = JSON.parse(cli(['check', '--format', 'sarif', '--lang', 'en', 'a.md'], dir).out);
      const rules = log.runs[0].tool.driver.rules;
      assert.deepEqual(rules.map((r: {id: string}) => r.id), allRules.map((r) => r.meta.id));
      for (const [i, r] of rules.entries()) {
        const meta = allRules[i].meta;
        assert.equal(r.shortDescription.text, meta.description.en);
        assert.ok(r.fullDescription.text.startsWith(meta.description.en));
        for (const left of meta.leavesAlone.en) assert.ok(r.fullDescription.text.includes(left), `${meta.id}: ${left}`);
        assert.ok(r.help.markdown.includes(meta.examples.bad[0]), meta.id);
        assert.equal(r.defaultConfiguration.level, {error: 'error', warning: 'warning', info: 'note'}[meta.defaultSeverity]);
        // The page shipped with Rubric, which exists.
        assert.match(r.helpUri, new RegExp(`/docs/rules/${meta.id.replace('/', '-')}\\.md$`));
        assert.ok(fs.existsSync(fileURLToPath(r.helpUri)), r.helpUri);
      }
      const onIntranet = JSON.parse(cli(['check', '--format', 'sarif', '--docs-url', 'https://intranet.example/rubric/regels', 'a.md'], dir).out);
      assert.equal(onIntranet.runs[0].tool.driver.rules[0].helpUri, 'https://intranet.example/rubric/regels/term-variant.md');
      const bad = cli(['check', '--format', 'sarif', '--docs-url', 'regels/', 'a.md'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /--docs-url takes an absolute URL/);
    });

    it('names files relative to the folder it runs in, with the words found and wanted', () => {
      const dir = tmpdir(sample);
      const log = JSON.parse(cli(['check', '--format', 'sarif', 'sub'], dir).out);
      const [result] = log.runs[0].results;
      assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, {uri: 'sub/b%20%26%20c.txt', uriBaseId: '%SRCROOT%'});
      assert.equal(fs.realpathSync(fileURLToPath(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri)), fs.realpathSync(dir));
      assert.deepEqual(result.properties, {actual: 'ambts-bericht', expected: 'ambtsbericht'});
    });

    it('gives each finding a partial fingerprint that stays when lines are added above it', () => {
      const dir = tmpdir(sample);
      const prints = () => JSON.parse(cli(['check', '--format', 'sarif', 'a.md'], dir).out).runs[0].results
        .map((r: {ruleId: string; partialFingerprints: Record<string, string>}) => `${r.ruleId} ${r.partialFingerprints['rubricFinding/v1']}`);
      const before = prints();
      assert.equal(before.length, 3);
      assert.equal(new Set(before).size, 3, 'the two BVDs have fingerprints of their own');
      fs.writeFileSync(path.join(dir, 'a.md'), `${front}# Een nieuwe kop\n\nEen nieuwe alinea.\n\nDe BVD en de WIV2017.\n\nDe BVD.\n`);
      assert.deepEqual(prints(), before);
      fs.writeFileSync(path.join(dir, 'a.md'), `${front}De BVD en de Wiv 2017.\n\nDe BVD.\n`);
      // Wiv 2017 spelt right is an acronym not yet written out: a finding of another rule.
      const after = prints().filter((p: string) => p.startsWith('term/deprecated'));
      assert.deepEqual(after, before.filter((p: string) => p.startsWith('term/deprecated')), 'the BVDs keep theirs when another finding goes');
    });
  });

  it('JSON keeps the words found and the form wanted', () => {
    const dir = tmpdir(sample);
    const json = JSON.parse(cli(['check', '--format', 'json', 'a.md'], dir).out);
    assert.deepEqual(json.map((f: {rule: string; actual?: string; expected?: string}) => [f.rule, f.actual, f.expected]), [
      ['term/deprecated', 'BVD', 'AIVD'],
      ['term/variant', 'WIV2017', 'Wiv 2017'],
      ['term/deprecated', 'BVD', 'AIVD'],
    ]);
  });

  describe('JUnit XML', () => {
    interface Case {name: string; failures: {type: string; message: string; text: string}[]}

    function parseJunit(xml: string): {suite: Record<string, string>; cases: Case[]} {
      const parser = new SaxesParser();
      const cases: Case[] = [];
      let suite: Record<string, string> = {};
      let failure: Case['failures'][number] | undefined;
      parser.on('opentag', (t) => {
        const attrs = t.attributes as Record<string, string>;
        if (t.name === 'testsuite') suite = attrs;
        if (t.name === 'testcase') cases.push({name: attrs.name, failures: []});
        if (t.name === 'failure') cases.at(-1)!.failures.push((failure = {type: attrs.type, message: attrs.message, text: ''}));
      });
      parser.on('text', (text) => {
        if (failure) failure.text += text;
      });
      parser.on('closetag', (t) => {
        if (t.name === 'failure') failure = undefined;
      });
      parser.write(xml).close();
      return {suite, cases};
    }

    it('has one test case per file and a failure per finding, well-formed with any file name or message', () => {
      const dir = tmpdir(sample);
      const r = cli(['check', '--format', 'junit', '.'], dir);
      assert.equal(r.code, 0);
      const {suite, cases} = parseJunit(r.out);
      assert.deepEqual(cases.map((c) => [c.name, c.failures.length]), [['a.md', 3], ['clean.md', 0], ['sub/b & c.txt', 1]]);
      assert.equal(suite.tests, '3');
      assert.equal(suite.failures, '2');
      const [variant] = cases[2].failures;
      assert.equal(variant.type, 'term/variant');
      assert.equal(variant.message, '«ambts-bericht» is niet de voorkeursvorm; schrijf «ambtsbericht».');
      assert.match(variant.text, /^sub\/b & c\.txt:1:4 {2}waarschuwing {2}/);
    });

    it('keeps characters XML cannot hold out of the report', () => {
      const dir = tmpdir({'a\u0001b.md': 'De BVD.\n'});
      const {cases} = parseJunit(cli(['check', '--format', 'junit', '.'], dir).out);
      assert.equal(cases[0].name, 'a\ufffdb.md');
    });

    it('is a well-formed report with no test case when no file matches', () => {
      const dir = tmpdir({});
      const r = cli(['check', '--format', 'junit', 'nothing.md'], dir);
      assert.equal(r.code, 2);
      assert.deepEqual(parseJunit(r.out).cases, []);
    });
  });

  describe('GitLab Code Quality', () => {
    it('has the fields GitLab reads for each finding, with a unique fingerprint', () => {
      const dir = tmpdir({...sample, '.rubric.yaml': 'rules:\n  term/variant: error\n'});
      const r = cli(['check', '--format', 'codequality', '.'], dir);
      assert.equal(r.code, 1);
      const issues = JSON.parse(r.out);
      assert.deepEqual(issues.map((i: {check_name: string; severity: string; location: {path: string; lines: {begin: number}}}) =>
        [i.check_name, i.severity, i.location.path, i.location.lines.begin]), [
        ['term/deprecated', 'minor', 'a.md', 5],
        ['term/variant', 'major', 'a.md', 5],
        ['term/deprecated', 'minor', 'a.md', 7],
        ['term/variant', 'major', 'sub/b & c.txt', 1],
      ]);
      for (const i of issues) {
        assert.equal(typeof i.description, 'string');
        assert.match(i.fingerprint, /^[0-9a-f]{32}$/);
      }
      assert.equal(new Set(issues.map((i: {fingerprint: string}) => i.fingerprint)).size, issues.length);
    });

    it('is an empty array when nothing is found', () => {
      const dir = tmpdir(sample);
      assert.deepEqual(JSON.parse(cli(['check', '--format', 'codequality', 'clean.md'], dir).out), []);
    });
  });

  it('refuses an unknown format, naming the ones there are', () => {
    const dir = tmpdir(sample);
    const r = cli(['check', '--format', 'xml', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /--format must be one of text, json, sarif, junit, codequality, not "xml"/);
  });
});
