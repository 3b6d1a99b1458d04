/**
 * The language server in a web worker (VS Code for the Web and other
 * browser-hosted workbenches): the same server core on the built-in data,
 * bundled into the worker as text, with the settings' rules and language.
 * There are no files here: no `.rubric.yaml`, no glossary files, no workspace
 * diagnostics and no suppression in `.rubric.yaml` (the `rubric-disable`
 * comment in Markdown remains).
 */

import {BrowserMessageReader, BrowserMessageWriter, createConnection} from 'vscode-languageserver/browser';
import {engineFromTexts, type Engine} from '../core/index.js';
import glossary from '../../glossary/default.yaml';
import markings from '../../glossary/markings.yaml';
import ministries from '../../glossary/ministries.yaml';
import type {ServerHost} from './host.js';
import {startServer} from './server.js';

const engines = new Map<string, Engine>();

const browserHost: ServerHost = {
  pathOf: () => undefined,
  uriOf: (file) => file,
  dirname: (file) => file.replace(/[\\/][^\\/]*$/, ''),
  findConfig: () => undefined,
  loadEngine: (_file, options) => {
    const key = JSON.stringify([options.rules, options.lang ?? '']);
    let engine = engines.get(key);
    let problems: ReturnType<typeof engineFromTexts>['problems'] = [];
    if (!engine) {
      const built = engineFromTexts({
        glossary: {text: glossary, file: 'default.yaml'}, markings: {text: markings, file: 'markings.yaml'}, ministries: {text: ministries, file: 'ministries.yaml'},
      }, {rules: options.rules, ...(options.lang ? {lang: options.lang} : {})});
      engine = built.engine;
      problems = built.problems;
      engines.set(key, engine);
    }
    return {engine, problems, files: []};
  },
  readFile: () => undefined,
  writeFile: (file) => {
    throw new Error(`${file}: there are no files to write in the browser`);
  },
  ignoreTarget: (file) => {
    throw new Error(`${file}: there is no .rubric.yaml in the browser`);
  },
  listDocuments: () => [],
  isBuiltinFile: () => true,
  workspaceGlossaries: (file) => {
    throw new Error(`${file}: there are no workspace glossaries in the browser`);
  },
  relativePath: (_configFile, file) => file,
  editTextFile: (file) => {
    throw new Error(`${file}: there are no files to write in the browser`);
  },
  pageUri: () => undefined,
};

// The worker's global scope (typed without the DOM library, which the rest of the project does not use).
declare const self: unknown;
const scope = self as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
startServer(connection, browserHost);
