/**
 * Word and OpenDocument files on their own (no converter needed): packages
 * made here with fflate from XML written for the test. What is read (headers
 * and footers as banners, notes, tables, text boxes once, no comments, tracked
 * changes as accepted), where findings are, --fix in one run and not across
 * runs, and every kind of bad input: an error naming the file, exit 2, nothing
 * written.
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {strToU8, unzipSync, zipSync} from 'fflate';
import {officeFileOf} from '../../src/core/office/textUri.js';
import {readOffice} from '../../src/node/office/index.js';
import {docx, headerRel, p, part, r, W} from '../office/docx.js';
import {OFFICE_LIMITS} from '../../src/node/office/package.js';
import {runCli} from '../helpers.js';

/** A note with a header and footer (banners), a first-page header, a footnote, a table, a text box, a comment and tracked changes. */
function sampleDocx(): Uint8Array {
  const body = [
    p(r('Analyse'), '<w:pStyle w:val="Kop1"/>'),
    p(r('(Stg.G) De operatie van de ') + '<w:commentRangeStart w:id="0"/>' + r('AIVD') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + r(' en de MIVD.') +
      '<w:r><w:footnoteReference w:id="1"/></w:r>'),
    p(r('(Stg.G) Een ') + '<w:ins w:id="1" w:author="A"><w:r><w:t>ingevoegd</w:t></w:r></w:ins>' + '<w:del w:id="2" w:author="A"><w:r><w:delText>geschrapt</w:delText></w:r></w:del>' + r(' woord, en ') + r('WIV', '<w:b/>') + r('-2017', '<w:i/>') + r(' gesplitst.')),
    '<w:tbl><w:tr><w:tc>' + p(r('(Stg.G) Kolom')) + '</w:tc><w:tc>' + p(r('(Stg.G) Twee')) + '</w:tc></w:tr><w:tr><w:tc>' + p(r('(Stg.G) De Wiv-2017 in een cel.')) + '</w:tc><w:tc>' + p(r('(Stg.G) Vier')) + '</w:tc></w:tr></w:tbl>',
    p(r('(Stg.G) Voor het vak.') + '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' + p(r('(Stg.G) In het tekstvak staat ambts-bericht.')) +
      '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' + p(r('(Stg.G) In het tekstvak staat ambts-bericht.')) + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'),
    p(r('(Stg.G) Zie ') + r('WIV2017', '<w:rStyle w:val="VerbatimChar"/>') + r(' in de code.')),
    '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/><w:headerReference w:type="first" r:id="rH2"/><w:footerReference w:type="default" r:id="rF1"/><w:titlePg/></w:sectPr>',
  ].join('');
  const rels = headerRel('rH1', 'header', 'header1.xml') + headerRel('rH2', 'header', 'header2.xml') + headerRel('rF1', 'footer', 'footer1.xml') +
    headerRel('rFn', 'footnotes', 'footnotes.xml') + headerRel('rC', 'comments', 'comments.xml');
  return docx(body, {
    'word/header1.xml': part('hdr', p(r('Stg. GEHEIM'))),
    'word/header2.xml': part('hdr', p(r('Stg. GEHEIM'))),
    'word/footer1.xml': part('ftr', p(r('Stg. GEHEIM')) + p('<w:fldSimple w:instr=" PAGE ">' + r('1') + '</w:fldSimple>')),
    'word/footnotes.xml': part('footnotes', '<w:footnote w:type="separator" w:id="-1">' + p(r('———')) + '</w:footnote><w:footnote w:id="1">' + p(r('(Stg.G) Zie de Wob.')) + '</w:footnote>'),
    'word/comments.xml': part('comments', '<w:comment w:id="0">' + p(r('Opmerking over de BVD en WIV2017')) + '</w:comment>'),
    'word/vbaProject.bin': 'not read',
  }, rels);
}

let dir = '';
const write = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe('Word and OpenDocument files', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-docx-'));
  });
  afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

  it('reads headers as the top banner and footers as the bottom one, notes after their paragraph, tables, a text box once, no comments, tracked changes accepted', () => {
    const doc = readOffice(write('nota.docx', sampleDocx()))!;
    assert.equal(doc.mapped.text, [
      'Stg. GEHEIM', '', '# Analyse', '', '(Stg.G) De operatie van de AIVD en de MIVD.', '', '(Stg.G) Zie de Wob.', '',
      '(Stg.G) Een ingevoegd woord, en WIV-2017 gesplitst.', '',
      '| (Stg.G) Kolom | (Stg.G) Twee |', '| --- | --- |', '| (Stg.G) De Wiv-2017 in een cel. | (Stg.G) Vier |', '',
      '(Stg.G) Voor het vak.', '', '(Stg.G) In het tekstvak staat ambts-bericht.', '', '(Stg.G) Zie `WIV2017` in de code.', '', 'Stg. GEHEIM', '',
    ].join('\n'));
    assert.equal(doc.content.trackedChanges, true);
    assert.doesNotMatch(doc.mapped.text, /Opmerking|geschrapt|———/);
  });

  it('rubric check: findings with part, paragraph, offset and heading; a note on tracked changes; JSON and SARIF carry the place', () => {
    const file = write('nota.docx', sampleDocx());
    const text = runCli(['check', 'nota.docx'], dir);
    assert.match(text.err, /nota\.docx: het document heeft niet-geaccepteerde bijgehouden wijzigingen/);
    assert.match(text.out, /nota\.docx, alinea 3 \(onder kop "Analyse"\), teken 33: waarschuwing .*WIV-2017.* term\/variant/);
    assert.match(text.out, /nota\.docx, voetnoot 1, alinea 1 \(onder kop "Analyse"\), teken 16: info .*Wob/);
    assert.match(text.out, /nota\.docx, tabel 1 \(rij 2, kolom 1\), alinea 6 \(onder kop "Analyse"\), teken 12: waarschuwing .*Wiv-2017/);
    assert.match(text.out, /nota\.docx, tekstvak, alinea 9 \(onder kop "Analyse"\), teken 31: waarschuwing .*ambts-bericht/);
    assert.doesNotMatch(text.out, /marking\/(missing|banner-mismatch)\s/);
    const json = JSON.parse(runCli(['check', '--format', 'json', 'nota.docx'], dir).out) as {rule: string; location: {part: string; paragraph: number; offset: number; context: string; partName: string}}[];
    const wob = json.find((f) => f.rule === 'term/deprecated')!;
    assert.deepEqual([wob.location.part, wob.location.paragraph, wob.location.offset, wob.location.partName], ['footnote', 1, 15, 'word/footnotes.xml']);
    assert.equal(wob.location.context, '(Stg.G) Zie de Wob.');
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', 'nota.docx'], dir).out);
    const loc = sarif.runs[0].results[0].locations[0];
    assert.ok(loc.physicalLocation.region.snippet.text.length > 0);
    assert.match(loc.logicalLocations[0].name, /alinea/);
    void file;
  });

  it('--fix rewrites a term within one run, lists the one split over two runs as not applied, and keeps every other part byte for byte', () => {
    const original = sampleDocx();
    const file = write('nota.docx', original);
    const res = runCli(['check', '--fix', 'nota.docx'], dir);
    assert.match(res.out, /WIV-2017.*\n.*correctie niet toegepast: de tekst loopt over delen met verschillende opmaak/);
    const after = unzipSync(fs.readFileSync(file));
    const before = unzipSync(original);
    assert.deepEqual(Object.keys(after), Object.keys(before));
    // Every other part (the footnotes with «Zie de Wob.» among them) byte for byte.
    for (const name of Object.keys(before)) {
      if (name === 'word/document.xml') continue;
      assert.deepEqual(after[name], before[name], name);
    }
    const xml = Buffer.from(after['word/document.xml']).toString('utf8');
    assert.match(xml, /Wiv 2017 in een cel/);
    assert.match(xml, /ambtsbericht/);
    assert.match(xml, /<w:t xml:space="preserve">WIV<\/w:t>/);
    assert.match(xml, /<w:t xml:space="preserve">-2017<\/w:t>/);
  });

  it('--fix in a text after an XML comment or processing instruction in the same w:t keeps them whole', () => {
    const file = write('opmerking.docx', docx(p('<w:r><w:t xml:space="preserve">Zie<!-- een opmerking --> het ambts-bericht<?rubric iets?> en het ambts-bericht.</w:t></w:r>')));
    const res = runCli(['check', '--fix', 'opmerking.docx'], dir);
    assert.equal(res.code, 0, res.out + res.err);
    const xml = Buffer.from(unzipSync(fs.readFileSync(file))['word/document.xml']).toString('utf8');
    assert.match(xml, /<w:t xml:space="preserve">Zie<!-- een opmerking --> het ambtsbericht<\?rubric iets\?> en het ambtsbericht\.<\/w:t>/);
    assert.equal(readOffice(file)!.mapped.text.trim(), 'Zie het ambtsbericht en het ambtsbericht.');
  });

  it('honours the ignore: entries of .rubric.yaml, as for a text file', () => {
    write('genegeerd.docx', docx(p(r('De WIV2017 en het ambts-bericht.'))));
    const before = runCli(['check', '--format', 'json', 'genegeerd.docx'], dir);
    assert.deepEqual((JSON.parse(before.out) as {rule: string}[]).map((f) => f.rule).sort(), ['term/variant', 'term/variant']);
    fs.writeFileSync(path.join(dir, '.rubric.yaml'), 'ignore:\n  - {file: genegeerd.docx, rule: term/variant, text: ambts-bericht}\n');
    try {
      const after = runCli(['check', '--format', 'json', 'genegeerd.docx'], dir);
      const messages = (JSON.parse(after.out) as {message: string}[]).map((f) => f.message);
      assert.equal(messages.length, 1, messages.join('\n'));
      assert.match(messages[0], /^«WIV2017» is niet de voorkeursvorm/);
    } finally {
      fs.rmSync(path.join(dir, '.rubric.yaml'));
    }
  });

  it('bad input: each an error naming the file, exit 2, nothing written', () => {
    const good = sampleDocx();
    const ole = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from(stream, 'utf16le')]);
    const bomb = Buffer.from(good);
    // The central directory states 2 GB for word/document.xml: refused before anything is inflated.
    const name = Buffer.from('word/document.xml');
    for (let i = bomb.length - 22; i > 0; i--) {
      if (bomb.readUInt32LE(i) === 0x02014b50 && bomb.subarray(i + 46, i + 46 + name.length).equals(name)) {
        bomb.writeUInt32LE(0x7fffffff, i + 24);
        break;
      }
    }
    const doctype = docx('').slice();
    const secret = write('geheim.txt', 'KOPERWIEK-GEHEIM-INHOUD');
    const entityDoc = docx('', {
      'word/document.xml': `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://${secret}">]><w:document ${W}><w:body>${p('<w:r><w:t>&x;</w:t></w:r>')}</w:body></w:document>`,
    });
    void doctype;
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['kapot.docx', good.subarray(0, good.length - 100), /kapot\.docx: not a readable zip package: it is damaged or truncated/],
      ['leeg.docx', '', /leeg\.docx: not a Word document/],
      ['bom.docx', bomb, /bom\.docx: its parts would inflate to more than 256 MB \(a zip bomb\?\)/],
      ['wachtwoord.docx', ole('EncryptedPackage'), /wachtwoord\.docx: the document is protected with a password/],
      ['oud.doc', ole('WordDocument'), /oud\.doc: an old binary Word document \(\.doc\).*sla op als \.docx/],
      ['oud.docx', ole('WordDocument'), /oud\.docx: an old binary Word document/],
      ['entiteit.docx', entityDoc, /entiteit\.docx: word\/document\.xml has a DOCTYPE.*never resolved; not read/],
      ['plaatje.docx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), /plaatje\.docx: a PNG image, not a document Rubric reads/],
      ['scan.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), /scan\.pdf: a PDF file, not a document Rubric reads/],
      ['archief.docx', zipSync({'a.txt': strToU8('hallo')}), /archief\.docx: a zip archive, not a Word \(\.docx\) or OpenDocument \(\.odt\) document/],
      ['werkmap.docx', zipSync({'[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>')}), /werkmap\.docx: an Excel workbook/],
    ];
    for (const [fileName, bytes, message] of cases) {
      const file = write(fileName, bytes);
      const before = fs.readFileSync(file);
      for (const args of [['check', '--lang', 'en', fileName], ['check', '--fix', '--lang', 'en', fileName], ['check', '--format', 'json', '--lang', 'en', fileName]]) {
        const res = runCli(args, dir);
        assert.equal(res.code, 2, `${fileName} ${args.join(' ')}: ${res.out}\n${res.err}`);
        assert.match(res.err, message, fileName);
        assert.doesNotMatch(res.out + res.err, /KOPERWIEK-GEHEIM-INHOUD/);
      }
      assert.deepEqual(fs.readFileSync(file), before, `${fileName} was written`);
    }
    assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')).length, 0);
    assert.ok(OFFICE_LIMITS.partBytes === 256 * 1024 * 1024);
  });

  it('a folder walk takes .docx, .docm and .odt, and leaves out Word\'s ~$ lock files', () => {
    write('nota.docm', sampleDocx());
    write('~$nota.docx', Buffer.from([0x0a, 0x00, 0x41, 0x00]));
    const res = runCli(['check', '.'], dir);
    assert.match(res.out, /nota\.docm, /);
    assert.doesNotMatch(res.out + res.err, /~\$nota/);
  });

  it('rubric markings and rubric info read a Word document: the banners named by their place in it; a damaged one is an error', () => {
    write('nota.docx', sampleDocx());
    const markings = runCli(['markings', 'nota.docx'], dir);
    assert.equal(markings.code, 0, markings.err);
    assert.match(markings.out, /Rubricering boven:\s+Stg\. GEHEIM \(koptekst \(eerste pagina\), alinea 1\)/);
    assert.match(markings.out, /Hoogste portiemarkering: \(Stg\.G\) \(alinea 2 \(onder kop "Analyse"\)\)/);
    assert.match(markings.out, /Rubricering onder:\s+Stg\. GEHEIM \(voettekst, alinea 1\)/);
    // Each section by its heading's place in the document, not a line of the text Rubric read from it.
    assert.match(markings.out, /\n {4}Analyse\s+Stg\. GEHEIM\s+\(alinea 1\)/);
    const json = JSON.parse(runCli(['markings', '--format', 'json', 'nota.docx'], dir).out)[0];
    assert.equal(json.top.location, 'koptekst (eerste pagina), alinea 1');
    assert.equal(json.sections[0].location, 'alinea 1 (kop "Analyse")');
    assert.equal(typeof json.sections[0].line, 'number');
    const info = runCli(['info', 'nota.docx'], dir);
    assert.equal(info.code, 0, info.err);
    assert.match(info.out, /Effectief niveau:\s+Stg\. GEHEIM/);
    write('kapot.docx', sampleDocx().subarray(0, 200));
    const broken = runCli(['markings', 'kapot.docx'], dir);
    assert.equal(broken.code, 2);
    // In Rubric's language, Dutch unless set.
    assert.match(broken.err, /kapot\.docx: geen leesbaar zip-pakket: het is beschadigd of afgebroken/);
  });

  it('the text of an Office file in an editor (rubric-office:) stands for the file, for its configuration and ignore: entries', () => {
    assert.equal(officeFileOf('rubric-office:/tmp/a%20b/nota.docx.md'), 'file:///tmp/a%20b/nota.docx');
    assert.equal(officeFileOf('file:///tmp/nota.docx'), undefined);
  });
});
