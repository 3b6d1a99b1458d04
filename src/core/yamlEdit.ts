/**
 * Small edits of a YAML text that keep everything the writer wrote: only the
 * added lines are new. The YAML library's Document API finds the place (the
 * node ranges of a list or a map); the text is spliced there in the file's own
 * indentation and line breaks; and the result is parsed again and compared
 * with the intended data. Where a splice cannot be proven right (an unusual
 * layout), the Document API writes the whole document instead, which keeps
 * comments but may reflow the layout.
 */

import {Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode} from 'yaml';

export type YamlPath = (string | number)[];

/** Thrown when the text is not YAML that can be edited (a syntax error, a scalar where a list belongs). */
export class YamlEditError extends Error {}

/** The text with `value` appended to the list at `path`; the list (and its parent maps) are created when absent. */
export function appendToList(text: string, path: YamlPath, value: unknown): string {
  return appendAllToList(text, path, [value]);
}

/** The text with every one of `values` appended to the list at `path`, in one edit. */
export function appendAllToList(text: string, path: YamlPath, values: unknown[]): string {
  if (text.startsWith('\ufeff')) return `\ufeff${appendAllToList(text.slice(1), path, values)}`;
  if (values.length === 0) return text;
  const doc = parse(text);
  const expected = doc.toJS() ?? {};
  const list = getIn(expected, path);
  if (list !== undefined && list !== null && !Array.isArray(list)) throw new YamlEditError(`${pathName(path)} is not a list`);
  setIn(expected, path, [...((list as unknown[] | null | undefined) ?? []), ...values]);
  const spliced = spliceAppend(text, doc, path, values);
  if (spliced !== undefined && sameData(spliced, expected)) return spliced;
  return rewrite(doc, path, values, 'append', expected);
}

/** The text with `key: value` set in the map at `path` (which must exist); an existing key's value is replaced. */
export function setInMap(text: string, path: YamlPath, key: string, value: unknown): string {
  if (text.startsWith('\ufeff')) return `\ufeff${setInMap(text.slice(1), path, key, value)}`;
  const doc = parse(text);
  const expected = doc.toJS() ?? {};
  const map = path.length ? getIn(expected, path) : expected;
  if (!map || typeof map !== 'object' || Array.isArray(map)) throw new YamlEditError(`${pathName(path)} is not a map`);
  (map as Record<string, unknown>)[key] = value;
  const spliced = spliceSet(text, doc, path, key, value);
  if (spliced !== undefined && sameData(spliced, expected)) return spliced;
  return rewrite(doc, [...path, key], value, 'set', expected);
}

function parse(text: string): Document.Parsed {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new YamlEditError(`invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  return doc;
}

function sameData(text: string, expected: unknown): boolean {
  const doc = parseDocument(text.replace(/^\ufeff/, ''));
  return doc.errors.length === 0 && deepEqual(doc.toJS() ?? {}, expected);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function rewrite(doc: Document.Parsed, path: YamlPath, value: unknown, how: 'append' | 'set', expected: unknown): string {
  if (doc.contents === null || isScalar(doc.contents)) doc.contents = doc.createNode({}) as never;
  if (how === 'append') {
    const values = value as unknown[];
    const list = doc.getIn(path, true);
    if (isSeq(list)) for (const v of values) list.add(doc.createNode(v));
    else doc.setIn(path, doc.createNode(values));
  } else {
    doc.setIn(path, doc.createNode(value));
  }
  const out = doc.toString({lineWidth: 0});
  if (!sameData(out, expected)) throw new YamlEditError(`could not edit ${pathName(path)}`);
  return out;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The value as YAML lines at indentation 0, for a block context. */
function render(value: unknown): string[] {
  const out = new Document(value).toString({lineWidth: 0, indentSeq: true});
  return out.replace(/\n$/, '').split('\n');
}

/** A scalar as it can stand in a flow list (`[a, "b, c"]`). */
function flowScalar(value: unknown): string {
  if (typeof value === 'string' && /^[\p{L}\p{N}][\p{L}\p{N}\p{M} .'’&()/+-]*$/u.test(value) && !/[ .]$/.test(value) && !/^(?:true|false|null|yes|no|on|off|~|[-+.\d].*)$/i.test(value)) {
    return value;
  }
  return JSON.stringify(value);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset - 1` (before its line break). */
function lineEndBefore(text: string, offset: number): number {
  let end = text.indexOf('\n', Math.max(0, offset - 1));
  if (end === -1) end = text.length;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function spliceAppend(text: string, doc: Document.Parsed, path: YamlPath, values: unknown[]): string | undefined {
  const eol = eolOf(text);
  const node = doc.getIn(path, true) as YamlNode | undefined;
  if (isSeq(node) && node.items.length && node.range) {
    const first = node.items[0] as YamlNode;
    const last = node.items[node.items.length - 1] as YamlNode;
    if (!first.range || !last.range) return undefined;
    if (node.flow) {
      if (values.some((v) => typeof v === 'object' && v !== null)) return undefined;
      // Before the closing bracket.
      const close = text.lastIndexOf(']', node.range[1]);
      if (close < last.range[1]) return undefined;
      return `${text.slice(0, last.range[1])}${values.map((v) => `, ${flowScalar(v)}`).join('')}${text.slice(last.range[1])}`;
    }
    const start = lineStart(text, first.range[0]);
    const prefix = text.slice(start, first.range[0]);
    const m = /^(\s*)-(\s+)$/.exec(prefix);
    if (!m) return undefined;
    const end = lineEndBefore(text, last.range[1]);
    const pad = ' '.repeat(prefix.length);
    const items = values.map((value) => {
      const lines = render(value);
      return [prefix + lines[0], ...lines.slice(1).map((l) => (l ? pad + l : l))].join(eol);
    });
    return `${text.slice(0, end)}${eol}${items.join(eol)}${text.slice(end)}`;
  }
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
    // No list yet: a new key `name:` with the item, in the parent map.
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    if (typeof key !== 'string') return undefined;
    if (isScalar(node)) return undefined;
    return spliceSet(text, doc, parentPath, key, values);
  }
  return undefined;
}

function spliceSet(text: string, doc: Document.Parsed, path: YamlPath, key: string, value: unknown): string | undefined {
  const eol = eolOf(text);
  const map = (path.length ? doc.getIn(path, true) : doc.contents) as YamlNode | null | undefined;
  const keyText = flowScalar(key);
  const lines = render(value);
  const block = (indent: string) => {
    const scalarOrFlow = lines.length === 1 && !/^- /.test(lines[0]);
    if (scalarOrFlow) return `${indent}${keyText}: ${lines[0]}`;
    // A list of scalars reads best as a flow list on one line, as the glossaries write variants.
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return `${indent}${keyText}: [${value.map(flowScalar).join(', ')}]`;
    return [`${indent}${keyText}:`, ...lines.map((l) => (l ? `${indent}  ${l}` : l))].join(eol);
  };
  if (map === null || map === undefined) {
    if (path.length || text.trim() !== '' && !/^(?:\s*#.*(?:\r?\n|$))*\s*$/.test(text)) return undefined;
    // An empty file, or one with only comments.
    const sep = text === '' || text.endsWith('\n') ? '' : eol;
    return `${text}${sep}${block('')}${eol}`;
  }
  if (!isMap(map) || map.flow || !map.items.length) return undefined;
  const existing = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (existing) return undefined; // replacing a value: left to the Document API
  const first = map.items[0].key as YamlNode | null;
  const lastPair = map.items[map.items.length - 1];
  const lastEnd = (lastPair.value as YamlNode | null)?.range?.[1] ?? (lastPair.key as YamlNode | null)?.range?.[1];
  if (!first?.range || lastEnd === undefined) return undefined;
  const indent = first.range[0] - lineStart(text, first.range[0]);
  const end = lineEndBefore(text, lastEnd);
  if (end < text.length || text.endsWith('\n')) return `${text.slice(0, end)}${eol}${block(' '.repeat(indent))}${text.slice(end)}`;
  return `${text}${eol}${block(' '.repeat(indent))}${eol}`;
}

function getIn(data: unknown, path: YamlPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function setIn(data: unknown, path: YamlPath, value: unknown): void {
  let cur = data as Record<string | number, unknown>;
  path.slice(0, -1).forEach((seg) => {
    if (cur[seg] === undefined || cur[seg] === null) cur[seg] = {};
    if (typeof cur[seg] !== 'object') throw new YamlEditError(`${String(seg)} is not a map`);
    cur = cur[seg] as Record<string | number, unknown>;
  });
  cur[path[path.length - 1]] = value;
}

function pathName(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || '(root)';
}
