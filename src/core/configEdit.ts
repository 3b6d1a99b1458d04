/**
 * Edits of a `.rubric.yaml` text that keep the writer's own layout and
 * comments: only the added lines are new.
 */

import {isSeq, parseDocument} from 'yaml';
import {parseConfig} from './config.js';
import {say, type InputProblem, type Lang, type Localized} from './types.js';
import {problemText} from './glossaryEdit.js';
import {appendToList, YamlEditError} from './yamlEdit.js';

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

/**
 * The text with `value` added to the list `key:` of a `.rubric.yaml` (`wellKnown`, `glossaries`), made when
 * absent; unchanged when the list already holds it. The result is checked against the configuration schema:
 * a configuration that would not load is never returned.
 */
export function addToConfigList(text: string, file: string, key: 'wellKnown' | 'glossaries', value: string): string {
  const before = parseConfig(text, file);
  const errors = before.problems.filter((p) => p.severity === 'error');
  if (text.trim() !== '' && errors.length) throw new ConfigEditError(errors, say(`${file} bevat fouten; herstel die voordat Rubric eraan toevoegt:`, `${file} has errors; fix them before Rubric adds to it:`));
  if ((before.config?.[key] ?? []).includes(value)) return text;
  let result: string;
  try {
    result = appendToList(text, [key], value);
  } catch (e) {
    if (e instanceof YamlEditError) throw new ConfigEditError([{file, line: before.locate(key).line, column: 1, severity: 'error', field: key, message: say(e.message, e.message)}]);
    throw e;
  }
  const after = parseConfig(result, file).problems.filter((p) => p.severity === 'error');
  if (after.length) throw new ConfigEditError(after, say('de gewijzigde configuratie zou niet geldig zijn; er is niets geschreven:', 'the edited configuration would not be valid, so nothing was written:'));
  return result;
}

/** A refused configuration edit, with the problems (file, line, field). */
export class ConfigEditError extends Error {
  constructor(readonly problems: InputProblem[], readonly headline?: Localized) {
    super(problemText(problems, 'en', headline));
  }

  /** What was refused and why, in `lang`. */
  text(lang: Lang): string {
    return problemText(this.problems, lang, this.headline);
  }
}
