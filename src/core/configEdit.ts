/**
 * Edits of a `.rubric.yaml` text that keep the writer's own layout and
 * comments: only the added lines are new.
 */

import {isSeq, parseDocument} from 'yaml';

export interface IgnoreInput {
  /** The file, relative to the configuration's folder, with `/`. */
  file?: string;
  rule?: string;
  text: string;
}

/** The text with `entry` added to the `ignore:` list (which is created at the end when there is none). */
export function addIgnoreEntry(text: string, entry: IgnoreInput): string {
  const item = `{${[
    entry.file !== undefined ? `file: ${JSON.stringify(entry.file)}` : '',
    entry.rule !== undefined ? `rule: ${entry.rule}` : '',
    `text: ${JSON.stringify(entry.text)}`,
  ].filter(Boolean).join(', ')}}`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text);
  const list = doc.contents && 'get' in doc.contents ? doc.get('ignore', true) : undefined;
  if (list === undefined || list === null) {
    const sep = text === '' || text.endsWith('\n') ? '' : eol;
    return `${text}${sep}ignore:${eol}  - ${item}${eol}`;
  }
  if (isSeq(list) && !list.flow && list.items.length) {
    const first = list.items[0] as {range?: [number, number, number]};
    const last = list.items[list.items.length - 1] as {range?: [number, number, number]};
    if (first.range && last.range) {
      const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
      const prefix = text.slice(lineStart, first.range[0]);
      let end = text.indexOf('\n', last.range[1] - 1);
      if (end === -1) end = text.length;
      const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
      if (/^\s*-\s+$/.test(prefix)) return `${text.slice(0, lineEnd)}${eol}${prefix}${item}${text.slice(lineEnd)}`;
    }
  }
  // Any other shape (a flow list, an empty one): rewritten by the YAML library.
  const value = {...(entry.file !== undefined ? {file: entry.file} : {}), ...(entry.rule !== undefined ? {rule: entry.rule} : {}), text: entry.text};
  if (isSeq(list)) list.add(doc.createNode(value));
  else doc.set('ignore', doc.createNode([value]));
  return doc.toString();
}
