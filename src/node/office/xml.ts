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
  /** An attribute's value by namespace and local name (`''` for no namespace). */
  attr(uri: string, local: string): string | undefined;
}

export interface XmlHandlers {
  open(el: XmlElement): void;
  close(el: XmlElement): void;
  /** Character data, decoded, with the offsets of its raw form in the XML text. */
  text(text: string, start: number, end: number): void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The namespaces in scope: prefix to URI (`''` the default namespace), and each qualified name
 * resolved once. Saxes is run without its own namespace processing, which costs more than the rest of
 * the parse together on a Word body: a document declares its namespaces once, on its root.
 */
class Scope {
  private readonly names = new Map<string, {uri: string; local: string}>();

  constructor(readonly prefixes: Map<string, string>) {}

  /** An element's name; undefined for a prefix not declared. */
  element(qname: string): {uri: string; local: string} | undefined {
    let name = this.names.get(qname);
    if (!name) {
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? '' : qname.slice(0, colon);
      const uri = prefix === 'xml' ? XML_NS : this.prefixes.get(prefix);
      if (uri === undefined && colon >= 0) return undefined;
      name = {uri: uri ?? '', local: colon < 0 ? qname : qname.slice(colon + 1)};
      this.names.set(qname, name);
    }
    return name;
  }
}

class Element implements XmlElement {
  constructor(readonly uri: string, readonly local: string, private readonly attributes: Record<string, string>, readonly scope: Scope) {}

  attr(uri: string, local: string): string | undefined {
    for (const key in this.attributes) {
      const colon = key.indexOf(':');
      if (colon < 0) {
        // An attribute without a prefix is in no namespace.
        if (uri === '' && key === local) return this.attributes[key];
        continue;
      }
      if (key.length - colon - 1 !== local.length || !key.endsWith(local)) continue;
      const prefix = key.slice(0, colon);
      if (prefix !== 'xmlns' && (prefix === 'xml' ? XML_NS : this.scope.prefixes.get(prefix)) === uri) return this.attributes[key];
    }
    return undefined;
  }
}

/**
 * Parses `xml` (the part `part` of `file`), calling `h` for each element and text.
 *
 * At most seven handlers are given to saxes: each `on()` adds a property to the parser object, and
 * past seven V8 turns it into a dictionary-mode object, which makes every step of the parse about six
 * times slower (a 300-page Word body: 25 ms with seven, 150 ms with the ten this had). So no `error`
 * handler (saxes then throws the same error, caught below) and no `xmldecl` one (an XML declaration
 * only stands before the root, where no text is read).
 */
export function parseXml(xml: string, file: string, part: string, h: XmlHandlers): void {
  const parser = new SaxesParser({xmlns: false, position: true});
  // Where the last markup ended: the start of the character data that follows it.
  let lastEnd = 0;
  const stack: Element[] = [];
  const root = new Scope(new Map());
  let failure: OfficeError | undefined;
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
    for (const key in attributes) {
      if (key.charCodeAt(0) !== 120 || (key !== 'xmlns' && !key.startsWith('xmlns:'))) continue;
      // A declaration: a scope of its own for this element and what it contains.
      if (scope === outer) scope = new Scope(new Map(outer.prefixes));
      scope.prefixes.set(key === 'xmlns' ? '' : key.slice(6), attributes[key]);
    }
    const resolved = scope.element(name);
    if (!resolved) {
      failure ??= new OfficeError(file, damagedXml(part, say(`het voorvoegsel van <${name}> is niet gedeclareerd`, `the prefix of <${name}> is not declared`)));
      throw failure;
    }
    const el = new Element(resolved.uri, resolved.local, attributes, scope);
    stack.push(el);
    h.open(el);
    lastEnd = parser.position;
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
  const markup = () => {
    lastEnd = parser.position;
  };
  parser.on('comment', markup);
  parser.on('processinginstruction', markup);
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
