/**
 * The language server's browser bundle (dist/browser/server.js) in a real web
 * worker in Chromium, spoken to in LSP messages over postMessage, as VS Code for
 * the Web's language client speaks to it: diagnostics, hover and a code action on
 * the built-in data. Every request the page or the worker makes is refused and
 * recorded: none may be made. The extension's browser bundle (dist/browser/extension.js, the language
 * client that starts that worker) evaluates in the page with nothing to require but `vscode`: no Node API in it.
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {Page} from 'playwright-core';
import * as h from './codeServer.js';
import {ROOT} from './workspace.js';

const BUNDLE = path.join(ROOT, 'dist', 'browser', 'server.js');
const CLIENT = path.join(ROOT, 'dist', 'browser', 'extension.js');
const URI = 'vscode-vfs://github/rubric/draft.md';

interface Rpc {
  id?: number;
  method?: string;
  params?: {uri?: string; diagnostics?: {code: string; message: string}[]};
  result?: unknown;
  error?: {code: number; message: string};
}

describe('the language server in a web worker', function () {
  let chromium: Awaited<ReturnType<typeof h.launchChromium>>;
  let page: Page;
  const requests: string[] = [];
  let nextId = 1;

  const messages = () => page.evaluate(() => (globalThis as unknown as {rubricMessages: Rpc[]}).rubricMessages);
  const send = (message: object) => page.evaluate((m) => (globalThis as unknown as {rubricWorker: {postMessage(m: unknown): void}}).rubricWorker.postMessage(m), {jsonrpc: '2.0', ...message});
  const until = async <T>(find: (all: Rpc[]) => T | undefined, what: string): Promise<T> => h.waitUntil(async () => find(await messages()), {timeoutMs: 30_000, intervalMs: 50, what});
  const request = async (method: string, params: unknown): Promise<Rpc> => {
    const id = nextId++;
    await send({id, method, params});
    return until((all) => all.find((m) => m.id === id && !m.method), `the answer to ${method}`);
  };

  before(async function () {
    if (!fs.existsSync(h.chromiumPath())) throw new Error(`Chromium is not installed at ${h.chromiumPath()}: run scripts/setup-e2e.sh (npm run test:e2e does)`);
    if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: npm run build`);
    chromium = await h.launchChromium();
    page = await chromium.browser.newPage();
    // Nothing may reach the network: every request is refused and written down.
    await page.context().route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent('<!doctype html><title>Rubric worker</title>');
    const errors = await page.evaluate((code) => {
      const g = globalThis as unknown as {rubricMessages: unknown[]; rubricWorker: unknown; Worker: new (url: string) => {onmessage: unknown; onerror: unknown}; URL: {createObjectURL(b: unknown): string}; Blob: new (parts: string[], o: object) => unknown};
      g.rubricMessages = [];
      const worker = new g.Worker(g.URL.createObjectURL(new g.Blob([code], {type: 'text/javascript'})));
      worker.onmessage = (e: {data: unknown}) => g.rubricMessages.push(e.data);
      worker.onerror = (e: {message: string}) => g.rubricMessages.push({method: 'worker-error', params: {message: e.message}});
      g.rubricWorker = worker;
      return 'ok';
    }, fs.readFileSync(BUNDLE, 'utf8'));
    assert.equal(errors, 'ok');
  });

  after(async () => {
    await chromium?.close();
  });

  it('initializes, lints on the built-in data, hovers and offers its quick fixes, over LSP messages', async () => {
    const init = await request('initialize', {processId: null, rootUri: null, capabilities: {textDocument: {codeAction: {}}}, initializationOptions: {settings: {debounceMs: 0}}});
    assert.equal(init.error, undefined, JSON.stringify(init.error));
    const caps = (init.result as {capabilities: Record<string, unknown>}).capabilities;
    assert.equal(caps.hoverProvider, true);
    await send({method: 'initialized', params: {}});
    await send({method: 'textDocument/didOpen', params: {textDocument: {uri: URI, languageId: 'markdown', version: 1, text: 'De WIV2017 en de AIVD.\n'}}});
    const published = await until((all) => all.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === URI && m.params.diagnostics?.length), 'diagnostics');
    assert.deepEqual(published.params!.diagnostics!.map((d) => d.code), ['term/variant']);
    assert.equal(published.params!.diagnostics![0].message, '«WIV2017» is niet de voorkeursvorm; schrijf «Wiv 2017».');

    const hover = await request('textDocument/hover', {textDocument: {uri: URI}, position: {line: 0, character: 18}});
    assert.match((hover.result as {contents: {value: string}}).contents.value, /^\*\*AIVD\*\* — Algemene Inlichtingen\\- en Veiligheidsdienst/);

    const actions = await request('textDocument/codeAction', {textDocument: {uri: URI}, range: {start: {line: 0, character: 3}, end: {line: 0, character: 10}}, context: {diagnostics: []}});
    const list = actions.result as {title: string; edit?: {documentChanges: {edits: {newText: string}[]}[]}}[];
    // No files here: no ignore entry in .rubric.yaml, but the comment in Markdown.
    assert.deepEqual(list.map((a) => a.title), [
      'Vervangen door «Wiv 2017»', 'Alle correcties in dit bestand toepassen', 'term/variant uitzetten voor de volgende regel (HTML-commentaar in het document)',
    ]);
    assert.equal(list[0].edit!.documentChanges[0].edits[0].newText, 'Wiv 2017');
    assert.equal((await messages()).filter((m) => m.method === 'worker-error').length, 0);
    assert.deepEqual(requests, [], 'no request leaves the page or the worker');
  });

  it('the extension’s browser bundle evaluates in the page with only `vscode` to require, and exports activate', async () => {
    assert.ok(fs.existsSync(CLIENT), `${CLIENT} is missing: npm run build`);
    // As a string: the test runner's transpiler would add helpers to functions that the page does not have.
    const result = await page.evaluate(`(() => {
      const asked = [];
      // A stand-in for the vscode module: any property, call or construction gives the stand-in again.
      const any = new Proxy(function () {}, {get: (t, k) => (k === Symbol.toPrimitive ? () => '' : k === 'prototype' ? {} : any), apply: () => any, construct: () => any});
      const vscode = Object.create(new Proxy({}, {get: (t, k) => (k === '__esModule' || typeof k === 'symbol' ? undefined : any)}));
      const module = {exports: {}};
      const require = (name) => {
        asked.push(name);
        if (name === 'vscode') return vscode;
        throw new Error('the browser bundle requires "' + name + '"');
      };
      try {
        new Function('module', 'exports', 'require', ${JSON.stringify(fs.readFileSync(CLIENT, 'utf8'))})(module, module.exports, require);
      } catch (e) {
        return {asked, error: e.message, activate: 'none'};
      }
      return {asked: [...new Set(asked)], error: '', activate: typeof module.exports.activate};
    })()`) as {asked: string[]; error: string; activate: string};
    assert.equal(result.error, '');
    assert.deepEqual(result.asked, ['vscode']);
    assert.equal(result.activate, 'function');
    assert.deepEqual(requests, [], 'no request leaves the page');
  });
});
