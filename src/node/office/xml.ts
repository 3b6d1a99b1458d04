/**
 * The XML of a package part, read with saxes (a streaming, non-validating
 * parser that never loads a DTD and never expands an entity it was not
 * told of). A part with a DOCTYPE is refused before anything in it is read:
 * neither OOXML nor OpenDocument has one, and an entity declared there
 * (`<!ENTITY x SYSTEM "file:///…">`) is never resolved.
 */

import {SaxesParser, type SaxesTagPlain} from 'saxes';
import {OfficeError} from './errors.js';
import {say, type Localized} from '../../core/types.js';

/** `why`: saxes' own message (English only), or ours in both languages. */
const damagedXml = (part: string, why: string | Localized) => {
  const {nl, en} = typeof why === 'string' ? {nl: why, en: why} : why;
  return say(`${part} is geen welgevormde XML (${nl}); het bestand is beschadigd; niet gelezen`, `${part} is not well-formed XML (${en}); the file is damaged; not read`);
};

export interface XmlElement {
  uri: string;
  local: string;
  /** The number the caller gave its namespace URI (see parseXml), 0 for any other URI or none. */
  ns: number;
  /** An attribute's value by namespace and local name (`''` for no namespace). */
  attr(uri: string, local: string): string | undefined;
  /** An attribute's value by the number of its namespace URI (not 0) and its local name. */
  attrNs(ns: number, local: string): string | undefined;
}

export interface XmlHandlers {
  open(el: XmlElement): void;
  close(el: XmlElement): void;
  /** Character data, decoded, with the offsets of its raw form in the XML text. */
  text(text: string, start: number, end: number): void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

interface Name {
  uri: string;
  local: string;
  ns: number;
}

/** What an attribute `xmlns` or `xmlns:p` resolves to: a declaration, no attribute of any namespace. */
const DECLARATION: Name = {uri: '', local: '', ns: -1};

/**
 * The namespaces in scope: prefix to URI (`''` the default namespace), and each qualified name
 * resolved once, with the number the caller gave its URI (comparing two numbers, not two URIs of 60
 * characters, for each element). Saxes is run without its own namespace processing, which costs more
 * than the rest of the parse together on a Word body: a document declares its namespaces once, on its
 * root.
 */
class Scope {
  private readonly names = new Map<string, Name>();
  private readonly attributes = new Map<string, Name | undefined>();

  constructor(readonly prefixes: Map<string, string>, private readonly numbers: ReadonlyMap<string, number>) {}

  child(): Scope {
    return new Scope(new Map(this.prefixes), this.numbers);
  }

  private resolve(qname: string, colon: number, uri: string): Name {
    return {uri, local: colon < 0 ? qname : qname.slice(colon + 1), ns: this.numbers.get(uri) ?? 0};
  }

  /** An element's name; undefined for a prefix not declared. */
  element(qname: string): Name | undefined {
    let name = this.names.get(qname);
    if (!name) {
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? '' : qname.slice(0, colon);
      const uri = prefix === 'xml' ? XML_NS : this.prefixes.get(prefix);
      if (uri === undefined && colon >= 0) return undefined;
      name = this.resolve(qname, colon, uri ?? '');
      this.names.set(qname, name);
    }
    return name;
  }

  /** An attribute's name: one without a prefix is in no namespace; undefined for a prefix not declared. */
  attribute(qname: string): Name | undefined {
    let name = this.attributes.get(qname);
    if (name === undefined && !this.attributes.has(qname)) {
      const colon = qname.indexOf(':');
      if (colon < 0) name = qname === 'xmlns' ? DECLARATION : this.resolve(qname, colon, '');
      else {
        const prefix = qname.slice(0, colon);
        const uri = prefix === 'xml' ? XML_NS : prefix === 'xmlns' ? undefined : this.prefixes.get(prefix);
        name = prefix === 'xmlns' ? DECLARATION : uri === undefined ? undefined : this.resolve(qname, colon, uri);
      }
      this.attributes.set(qname, name);
    }
    return name;
  }
}

class Element implements XmlElement {
  readonly uri: string;
  readonly local: string;
  readonly ns: number;

  constructor(name: Name, private readonly attributes: Record<string, string>, readonly scope: Scope) {
    this.uri = name.uri;
    this.local = name.local;
    this.ns = name.ns;
  }

  attr(uri: string, local: string): string | undefined {
    for (const key in this.attributes) {
      const name = this.scope.attribute(key);
      if (name && name.ns >= 0 && name.local === local && name.uri === uri) return this.attributes[key];
    }
    return undefined;
  }

  attrNs(ns: number, local: string): string | undefined {
    for (const key in this.attributes) {
      const name = this.scope.attribute(key);
      if (name && name.ns === ns && name.local === local) return this.attributes[key];
    }
    return undefined;
  }
}

/**
 * Parses `xml` (the part `part` of `file`), calling `h` for each element and text. `namespaces`
 * numbers the namespace URIs the caller tells apart (XmlElement.ns; two URIs may share a number).
 *
 * At most seven handlers are given to saxes: each `on()` adds a property to the parser object, and
 * past seven V8 turns it into a dictionary-mode object, which makes every step of the parse about six
 * times slower (a 300-page Word body: 25 ms with seven, 150 ms with the ten this had). So no `error`
 * handler (saxes then throws the same error, caught below) and no `xmldecl` one (an XML declaration
 * only stands before the root, where no text is read).
 */
export function parseXml(xml: string, file: string, part: string, h: XmlHandlers, namespaces: ReadonlyMap<string, number> = new Map()): void {
  const parser = new SaxesParser({xmlns: false, position: true});
  // Where the last markup ended: the start of the character data that follows it.
  let lastEnd = 0;
  const stack: Element[] = [];
  const root = new Scope(new Map(), namespaces);
  let failure: OfficeError | undefined;
  // The next place at or after the last tag read where `xmlns` stands (in a tag, a text or a comment), or -1.
  let declaration = xml.indexOf('xmlns');
  parser.on('doctype', () => {
    failure ??= new OfficeError(file, say(
      `${part} heeft een DOCTYPE, wat Word- en OpenDocument-bestanden nooit hebben; de entiteiten worden nooit opgelost; niet gelezen`,
      `${part} has a DOCTYPE, which Word and OpenDocument files never have; its entities are never resolved; not read`,
    ));
    throw failure;
  });
  parser.on('opentag', (tag) => {
    const {name, attributes} = tag as SaxesTagPlain;
    const outer = stack.length ? stack[stack.length - 1].scope : root;
    let scope = outer;
    const end = parser.position;
    // Only a tag in whose text `xmlns` stands can declare a namespace: the others' attributes are not gone through.
    if (declaration >= 0 && declaration < end) {
      for (const key in attributes) {
        if (key.charCodeAt(0) !== 120 || (key !== 'xmlns' && !key.startsWith('xmlns:'))) continue;
        // A declaration: a scope of its own for this element and what it contains.
        if (scope === outer) scope = outer.child();
        scope.prefixes.set(key === 'xmlns' ? '' : key.slice(6), attributes[key]);
      }
      declaration = xml.indexOf('xmlns', end);
    }
    const resolved = scope.element(name);
    if (!resolved) {
      failure ??= new OfficeError(file, damagedXml(part, say(`het voorvoegsel van <${name}> is niet gedeclareerd`, `the prefix of <${name}> is not declared`)));
      throw failure;
    }
    const el = new Element(resolved, attributes, scope);
    stack.push(el);
    h.open(el);
    lastEnd = end;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) h.close(el);
    lastEnd = parser.position;
  });
  parser.on('text', (text) => {
    // White space before or after the root (anything else there is an error of saxes'): no text of the document.
    if (!stack.length) return;
    // The text event comes when the next `<` has been read.
    h.text(text, lastEnd, parser.position - 1);
  });
  // Saxes tells of a comment when it has read its `--`: the `>` that must follow ends it.
  parser.on('comment', () => {
    lastEnd = parser.position + 1;
  });
  parser.on('processinginstruction', () => {
    lastEnd = parser.position;
  });
  parser.on('cdata', (text) => {
    h.text(text, -1, -1);
    lastEnd = parser.position;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (failure) throw failure;
    if (e instanceof OfficeError) throw e;
    throw new OfficeError(file, damagedXml(part, (e as Error).message));
  }
}
