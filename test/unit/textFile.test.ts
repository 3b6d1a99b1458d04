import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {ChangedOnDiskError, readDocument, writeDocument} from '../../src/node/textFile.js';

describe('writing a fixed draft', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-write-'));

  it('refuses to write a file that changed since it was read, and leaves it as it is', () => {
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, 'De BVD.\n');
    const doc = readDocument(file);
    fs.writeFileSync(file, 'De BVD, intussen bewerkt.\n');
    assert.throws(() => writeDocument(doc, 'De AIVD.\n'), ChangedOnDiskError);
    assert.equal(fs.readFileSync(file, 'utf8'), 'De BVD, intussen bewerkt.\n');
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  });

  it('keeps UTF-16 with its byte order mark, and CRLF', () => {
    const file = path.join(dir, 'b.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('De BVD.\r\n', 'utf16le')]));
    const doc = readDocument(file);
    assert.equal(doc.encoding, 'utf16le');
    writeDocument(doc, doc.text.replace('BVD', 'AIVD'));
    assert.deepEqual(fs.readFileSync(file), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('De AIVD.\r\n', 'utf16le')]));
  });
});
