/**
 * The XML reader of Word and OpenDocument parts (src/node/office/xml.ts) on its own: the raw offsets
 * of each text (fixes are written by them), entities decoded, namespaces resolved per scope (a prefix
 * declared or declared again below the root, an attribute in no namespace), and each kind of broken
 * XML an OfficeError that names the part, in Dutch and English.
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {OfficeError} from '../../src/node/office/errors.js';
import {parseXml, type XmlElement} from '../../src/node/office/xml.js';

const A = 'urn:test:a';
const B = 'urn:test:b';

interface Seen {
  texts: {text: string; start: number; end: number}[];
  elements: {uri: string; local: string; ns: number; el: XmlElement}[];
  closed: string[];
}

function read(xml: string, namespaces: ReadonlyMap<string, number> = new Map([[A, 1], [B, 2]])): Seen {
  const seen: Seen = {texts: [], elements: [], closed: []};
  parseXml(xml, 'nota.docx', 'word/document.xml', {
    open(el) {
      seen.elements.push({uri: el.uri, local: el.local, ns: el.ns, el});
    },
    close(el) {
      seen.closed.push(el.local);
    },
    text(text, start, end) {
      seen.texts.push({text, start, end});
    },
  }, namespaces);
  return seen;
}

/** The five entities of XML and character references, decoded as an XML reader does. */
const decode = (raw: string) =>
  raw.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (_, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"} as Record<string, string>)[name]);

function failure(xml: string): OfficeError {
  try {
    read(xml);
  } catch (e) {
    assert.ok(e instanceof OfficeError, `not an OfficeError: ${String(e)}`);
    return e;
  }
  assert.fail(`read without an error: ${xml}`);
}

describe('the XML of an Office part', () => {
  it('gives each text decoded with the offsets of its raw form, after tags, comments, processing instructions and entities', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<a:doc xmlns:a="urn:test:a">\n' +
      '<a:t>Rood &amp; wit</a:t><a:t>A&#x42;C&#68; &lt;tag&gt; &quot;x&apos;</a:t>' +
      '<a:t>voor<!-- een <a:t>opmerking</a:t> -->na<?pi iets > anders?>slot</a:t><a:br/>los' +
      '<a:t>é ü — 𝄞 &#x1D11E;</a:t><a:t><![CDATA[ruw & <niet> ontleed]]></a:t><a:t>a > b ]] c</a:t>\n</a:doc>\n';
    const seen = read(xml);
    const exact = seen.texts.filter((t) => t.start >= 0);
    for (const t of exact) assert.equal(decode(xml.slice(t.start, t.end)), t.text, JSON.stringify(t));
    assert.deepEqual(exact.map((t) => t.text), [
      '\n', 'Rood & wit', 'ABCD <tag> "x\'', 'voor', 'na', 'slot', 'los', 'é ü — 𝄞 𝄞', 'a > b ]] c', '\n',
    ]);
    assert.equal(xml.slice(exact[1].start, exact[1].end), 'Rood &amp; wit');
    // CDATA is text without a raw form of its own to rewrite.
    assert.deepEqual(seen.texts.filter((t) => t.start < 0), [{text: 'ruw & <niet> ontleed', start: -1, end: -1}]);
    // White space outside the root is no text of the document.
    assert.ok(!exact.some((t) => t.start < xml.indexOf('<a:doc') || t.end > xml.lastIndexOf('</a:doc>')));
  });

  it('resolves each name in the scope of its element: a default namespace, a prefix declared below the root or declared again, attributes in no namespace', () => {
    const xml = '<doc xmlns="urn:test:a" xmlns:b="urn:test:b" id="1" b:id="2" xml:space="preserve">' +
      '<t>de tekst noemt xmlns: zonder te declareren</t>' +
      '<b:x b:val="b1"><c:y xmlns:c="urn:test:a" c:val="a1" val="geen"/></b:x>' +
      '<b:z xmlns:b="urn:test:c" b:val="c1"/><q xmlns="" val="leeg"/><b:w b:val="b2"/></doc>';
    const seen = read(xml);
    assert.deepEqual(seen.elements.map(({uri, local, ns}) => [uri, local, ns]), [
      [A, 'doc', 1], [A, 't', 1], [B, 'x', 2], [A, 'y', 1], ['urn:test:c', 'z', 0], ['', 'q', 0], [B, 'w', 2],
    ]);
    const [doc, , x, y, z, q, w] = seen.elements.map((e) => e.el);
    assert.equal(doc.attr('', 'id'), '1');
    assert.equal(doc.attr(A, 'id'), undefined, 'an attribute without a prefix is in no namespace, not the default one');
    assert.equal(doc.attr(B, 'id'), '2');
    assert.equal(doc.attrNs(2, 'id'), '2');
    assert.equal(doc.attrNs(1, 'id'), undefined);
    assert.equal(doc.attr('http://www.w3.org/XML/1998/namespace', 'space'), 'preserve');
    assert.equal(doc.attr('', 'xmlns'), undefined, 'a declaration is no attribute');
    assert.equal(doc.attr('', 'b'), undefined);
    assert.equal(x.attrNs(2, 'val'), 'b1');
    assert.equal(y.attrNs(1, 'val'), 'a1');
    assert.equal(y.attr('', 'val'), 'geen');
    assert.equal(z.attr('urn:test:c', 'val'), 'c1');
    assert.equal(z.attrNs(2, 'val'), undefined);
    assert.equal(q.attr('', 'val'), 'leeg');
    // Out of the element that declared it again, the prefix is what the root says.
    assert.equal(w.attrNs(2, 'val'), 'b2');
    assert.deepEqual(seen.closed, ['t', 'y', 'x', 'z', 'q', 'w', 'doc']);
  });

  it('refuses a DOCTYPE and never resolves its entities', () => {
    const e = failure('<?xml version="1.0"?><!DOCTYPE a:doc [<!ENTITY x SYSTEM "file:///etc/passwd">]><a:doc xmlns:a="urn:test:a"><a:t>&x;</a:t></a:doc>');
    assert.match(e.message, /^nota\.docx: word\/document\.xml has a DOCTYPE, which Word and OpenDocument files never have; its entities are never resolved; not read$/);
    assert.match(e.said.nl, /^word\/document\.xml heeft een DOCTYPE/);
  });

  const broken: [string, string, RegExp][] = [
    ['afgebroken', '<a:doc xmlns:a="urn:test:a"><a:p><a:t>half', /unclosed tag/],
    ['verkeerd gesloten', '<a:doc xmlns:a="urn:test:a"><a:p><a:t>x</a:p></a:t></a:doc>', /unexpected close tag/],
    ['een sluittag te veel', '<a:doc xmlns:a="urn:test:a"><a:t>x</a:t></a:t></a:doc>', /unmatched closing tag|text data outside of root node|unexpected/],
    ['een onbekende entiteit', '<a:doc xmlns:a="urn:test:a"><a:t>&nbsp;</a:t></a:doc>', /undefined entity/],
    ['een & zonder entiteit', '<a:doc xmlns:a="urn:test:a"><a:t>R & D</a:t></a:doc>', /unclosed tag|entity/],
    ['tekst buiten de wortel', '<a:doc xmlns:a="urn:test:a"/>tekst', /text data outside of root node/],
    ['twee wortels', '<a:doc xmlns:a="urn:test:a"/><a:doc xmlns:a="urn:test:a"/>', /root/],
    ['een attribuut twee keer', '<a:doc xmlns:a="urn:test:a" a:x="1" a:x="2"/>', /duplicate attribute/],
    ['een attribuut zonder aanhalingstekens', '<a:doc xmlns:a="urn:test:a" a:x=1/>', /unquoted attribute value/],
    ['leeg', '', /document must contain a root element/],
  ];
  for (const [what, xml, why] of broken) {
    it(`broken XML (${what}): an OfficeError naming the file and the part`, () => {
      const e = failure(xml);
      assert.match(e.message, /^nota\.docx: word\/document\.xml is not well-formed XML \(.+\); the file is damaged; not read$/);
      assert.match(e.said.en, why);
      assert.match(e.said.nl, /^word\/document\.xml is geen welgevormde XML \(.+\); het bestand is beschadigd; niet gelezen$/);
    });
  }

  it('an element whose prefix is not declared: said in Dutch and in English', () => {
    const e = failure('<a:doc xmlns:a="urn:test:a"><c:t>x</c:t></a:doc>');
    assert.equal(e.said.en, 'word/document.xml is not well-formed XML (the prefix of <c:t> is not declared); the file is damaged; not read');
    assert.equal(e.said.nl, 'word/document.xml is geen welgevormde XML (het voorvoegsel van <c:t> is niet gedeclareerd); het bestand is beschadigd; niet gelezen');
    // Declared on an element, a prefix is gone after it.
    const after = failure('<a:doc xmlns:a="urn:test:a"><a:p xmlns:c="urn:test:b"><c:t/></a:p><c:t/></a:doc>');
    assert.match(after.said.en, /the prefix of <c:t> is not declared/);
  });

  it('gives saxes at most seven handlers (with an eighth V8 makes the parser a dictionary-mode object, and a Word body is read six times slower)', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../src/node/office/xml.ts'), 'utf8');
    const handlers = source.match(/\bparser\.on\(/g) ?? [];
    assert.ok(handlers.length > 0 && handlers.length <= 7, `${handlers.length} handlers`);
  });
});
