import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {parseConfig} from '../../src/core/config.js';
import {formatProblem} from '../../src/core/types.js';
import {runCli} from '../helpers.js';

const problems = (yaml: string) => parseConfig(yaml, '.rubric.yaml').problems.map((p) => `${p.line}:${p.column} ${p.message.en}`);

describe('.rubric.yaml problems in the writer’s terms', () => {
  it('a top-level key nested under rules: is no rule id, and belongs at the top level', () => {
    assert.deepEqual(problems('rules:\n  term/variant: error\n  wellKnown: [OM]\n'),
      ['3:14 "wellKnown" is not a rule id; did you mean to put it at the top level, not under "rules"?']);
  });

  it('a misspelt rule id, key or value gets the nearest known one', () => {
    assert.deepEqual(problems('rules:\n  term/varient: error\n'), ['2:17 "term/varient" is not a rule id; did you mean "term/variant"?']);
    assert.deepEqual(problems('wellKown: [OM]\n'), ['1:11 unknown field "wellKown"; did you mean "wellKnown"?']);
    assert.deepEqual(problems('rules:\n  term/variant: eror\n'), ['2:17 must be one of: off, info, warning, error; did you mean "error"?']);
    assert.deepEqual(problems('ignore:\n  - {text: x, rule: marking/mising}\n'), ['2:21 "marking/mising" is not a rule id; did you mean "marking/missing"?']);
  });

  it('says the same in Dutch, the language of the CLI and the editor unless the user chose English', () => {
    const dutch = (yaml: string) => parseConfig(yaml, '.rubric.yaml').problems.map((p) => formatProblem(p, 'nl'));
    assert.deepEqual(dutch('rules:\n  term/variant: error\n  wellKnown: [OM]\n'),
      ['.rubric.yaml:3:14: fout: «wellKnown» is geen regel-id; hoort het niet op het hoogste niveau, in plaats van onder «rules»? (rules.wellKnown)']);
    assert.deepEqual(dutch('wellKown: [OM]\ndate: [2020]\n'), [
      '.rubric.yaml:1:11: fout: onbekend veld «wellKown»; bedoelt u «wellKnown»? (wellKown)',
      '.rubric.yaml:2:7: fout: moet van het type tekst (string) zijn (date)',
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lang-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Tekst.\n');
    fs.writeFileSync(path.join(dir, '.rubric.yaml'), 'lang: nl\nrules:\n  term/varient: off\n');
    assert.match(runCli(['check', '--lang', 'en', 'a.txt'], dir).err, /\.rubric\.yaml:3:\d+: error: "term\/varient" is not a rule id; did you mean "term\/variant"\?/);
    fs.writeFileSync(path.join(dir, '.rubric.yaml'), 'rules:\n  term/varient: off\n');
    assert.match(runCli(['check', 'a.txt'], dir).err, /\.rubric\.yaml:2:\d+: fout: «term\/varient» is geen regel-id; bedoelt u «term\/variant»\?/);
    fs.rmSync(dir, {recursive: true, force: true});
  });

  it('no did-you-mean where nothing is near', () => {
    assert.deepEqual(problems('rules:\n  spelling/everything: off\n'), ['2:24 "spelling/everything" is not a rule id']);
  });
});

describe('ignore: in .rubric.yaml', () => {
  it('leaves out the findings of a rule on those words in that file only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-ignore-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'De WIV2017 staat hier.\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'De WIV2017 staat hier.\n');
    fs.writeFileSync(path.join(dir, '.rubric.yaml'), 'ignore:\n  - {file: a.txt, rule: term/variant, text: "WIV2017"}\n');
    const out = runCli(['check', '--format', 'json', 'a.txt', 'b.txt'], dir);
    const found = (JSON.parse(out.out) as {file: string; rule: string}[]).map((f) => `${path.basename(f.file)} ${f.rule}`);
    assert.ok(!found.includes('a.txt term/variant'), found.join(', '));
    assert.ok(found.includes('b.txt term/variant'), found.join(', '));
    fs.rmSync(dir, {recursive: true, force: true});
  });
});
