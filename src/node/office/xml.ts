/**
 * The XML of a package part, read with saxes (a streaming, non-validating
 * parser that never loads a DTD and never expands an entity it was not
 * told of). A part with a DOCTYPE is refused before anything in it is read:
 * neither OOXML nor OpenDocument has one, and an entity declared there
 * (`<!ENTITY x SYSTEM "file:///…">`) is never resolved.
 */

import {SaxesParser, type SaxesTagNS} from 'saxes';
import {OfficeError} from './errors.js';

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

function element(tag: SaxesTagNS): XmlElement {
  return {
    uri: tag.uri,
    local: tag.local,
    attr(uri, local) {
      for (const key in tag.attributes) {
        const a = tag.attributes[key];
        if (a.local === local && a.uri === uri) return a.value;
      }
      return undefined;
    },
  };
}

/** Parses `xml` (the part `part` of `file`), calling `h` for each element and text. */
export function parseXml(xml: string, file: string, part: string, h: XmlHandlers): void {
  const parser = new SaxesParser({xmlns: true, position: true});
  // Where the last markup ended: the start of the character data that follows it.
  let lastEnd = 0;
  const stack: XmlElement[] = [];
  let failure: OfficeError | undefined;
  parser.on('doctype', () => {
    failure ??= new OfficeError(file, `${part} has a DOCTYPE, which Word and OpenDocument files never have; its entities are never resolved; not read`);
    throw failure;
  });
  parser.on('opentag', (tag) => {
    const el = element(tag as SaxesTagNS);
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
    // The text event comes when the next `<` has been read.
    h.text(text, lastEnd, parser.position - 1);
  });
  const markup = () => {
    lastEnd = parser.position;
  };
  parser.on('comment', markup);
  parser.on('processinginstruction', markup);
  parser.on('xmldecl', markup);
  parser.on('cdata', (text) => {
    h.text(text, -1, -1);
    lastEnd = parser.position;
  });
  parser.on('error', (e) => {
    failure ??= new OfficeError(file, `${part} is not well-formed XML (${e.message}); the file is damaged; not read`);
    throw failure;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (failure) throw failure;
    if (e instanceof OfficeError) throw e;
    throw new OfficeError(file, `${part} is not well-formed XML (${(e as Error).message}); the file is damaged; not read`);
  }
}
