import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {addEntry} from '../../src/core/glossaryEdit.js';
import {configRelative, editTextFile, workspaceGlossaries} from '../../src/node/glossaryFiles.js';
import {TextFileError} from '../../src/node/textFile.js';

describe('glossary files on disk (src/node/glossaryFiles.ts)', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-gfiles-'));

  it('finds the glossaries the nearest .rubric.yaml names, resolved from its folder', () => {
    const root = dir();
    fs.mkdirSync(path.join(root, 'stukken', 'nota'), {recursive: true});
    fs.writeFileSync(path.join(root, '.rubric.yaml'), 'glossaries: [lijsten/codes.yaml]\n');
    const found = workspaceGlossaries(path.join(root, 'stukken', 'nota', 'a.md'), root);
    assert.deepEqual(found, {configFile: path.join(root, '.rubric.yaml'), configExists: true, files: [path.join(root, 'lijsten', 'codes.yaml')]});
    const bare = dir();
    assert.deepEqual(workspaceGlossaries(path.join(bare, 'a.md'), bare).files, []);
    assert.equal(configRelative(path.join(root, '.rubric.yaml'), path.join(root, 'lijsten', 'w.yaml')), 'lijsten/w.yaml');
  });

  it('keeps a UTF-16 file UTF-16 with its byte-order mark, creates a missing one, and refuses one that changed meanwhile', () => {
    const root = dir();
    const file = path.join(root, 'w.yaml');
    const text = 'terms:\n  - term: A\n    definition: B.\n';
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    editTextFile(file, (t) => addEntry(t, file, {term: 'C', definition: 'D.'}));
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), `${text}  - term: C\n    definition: D.\n`);
    const made = path.join(root, 'sub', 'nieuw.yaml');
    editTextFile(made, (t) => addEntry(t, made, {term: 'X', definition: 'Y.'}));
    assert.match(fs.readFileSync(made, 'utf8'), /terms:\n {2}- term: X\n/);
    assert.throws(() => editTextFile(file, (t) => {
      fs.writeFileSync(file, 'terms: []\n');
      return `${t}# meer\n`;
    }), (e: TextFileError) => e instanceof TextFileError && /changed since it was read/.test(e.message));
  });
});
