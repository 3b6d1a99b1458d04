/**
 * The glossary files a writer can add to, and safe writes of the YAML files
 * Rubric edits (a glossary, `.rubric.yaml`): encoding and line breaks kept,
 * written atomically through src/node/textFile.ts, never over a file that
 * changed since it was read.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {parseConfig} from '../core/config.js';
import {CONFIG_NAME, findConfig, readTextFile} from './files.js';
import {readDocument, TextFileError, writeDocument} from './textFile.js';

/** The name of the glossary Rubric offers to create in a workspace without one. */
export const WORKSPACE_GLOSSARY_NAME = 'woordenlijst.yaml';

export interface WorkspaceGlossaries {
  /** The nearest `.rubric.yaml`, or where one would be made (in `folder`). */
  configFile: string;
  configExists: boolean;
  /** The glossary files it names, resolved. */
  files: string[];
}

/** The glossaries the nearest `.rubric.yaml` above `docFile` names; `folder` is where a new one goes. */
export function workspaceGlossaries(docFile: string, folder: string): WorkspaceGlossaries {
  const found = findConfig(docFile);
  const configFile = found ?? path.join(folder, CONFIG_NAME);
  if (!found) return {configFile, configExists: false, files: []};
  const {text} = readTextFile(found);
  const config = text === undefined ? undefined : parseConfig(text, found).config;
  return {configFile, configExists: true, files: (config?.glossaries ?? []).map((g) => path.resolve(path.dirname(found), g))};
}

/** The path a configuration names a file by: relative to its folder, with `/`. */
export function configRelative(configFile: string, file: string): string {
  return path.relative(path.dirname(configFile), file).split(path.sep).join('/');
}

/**
 * Applies `edit` to a text file and writes it back safely: the file's encoding and byte-order mark kept,
 * atomically, refused when it changed meanwhile. A file that does not exist is created (`edit('')`), never
 * over one that appeared meanwhile. Throws a TextFileError or what `edit` throws; returns the new text.
 */
export function editTextFile(file: string, edit: (text: string) => string): string {
  if (!fs.existsSync(file)) {
    const text = edit('');
    fs.mkdirSync(path.dirname(file), {recursive: true});
    try {
      fs.writeFileSync(file, text, {flag: 'wx'});
    } catch (e) {
      throw new TextFileError(file, `cannot create: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return text;
  }
  const doc = readDocument(file);
  const text = edit(doc.text);
  if (text !== doc.text) writeDocument(doc, text);
  return text;
}
