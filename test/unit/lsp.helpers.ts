/**
 * An LSP client for the tests: starts `node dist/cli.js lsp --stdio` (the
 * built CLI, as an editor starts it), speaks JSON-RPC to it with
 * vscode-jsonrpc, answers the server's requests (configuration, edits,
 * registrations) and records what it is sent. Waits on messages with time
 * limits, never on time.
 */

import {spawn, type ChildProcess} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {pathToFileURL} from 'node:url';
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams, ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams, TextDocumentEdit, TextEdit,
} from 'vscode-languageserver-protocol';
import {TextDocument} from 'vscode-languageserver-textdocument';

export const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

export function tmpWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-lsp-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export const uriOf = (file: string) => pathToFileURL(file).href;

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Resolves with the first value (already received or still to come) that passes `test`, or rejects after `ms`. */
class Channel<T> {
  readonly received: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.received.push(value);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(value)) return true;
      w.resolve(value);
      return false;
    });
  }

  next(test: (value: T) => boolean, what: string, ms = 10_000, since = 0): Promise<T> {
    const seen = this.received.slice(since).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${ms} ms; received: ${JSON.stringify(this.received.slice(-3)).slice(0, 2000)}`));
      }, ms);
      const waiter: Waiter<T> = {test, resolve: (v) => {
        clearTimeout(timer);
        resolve(v);
      }};
      this.waiters.push(waiter);
    });
  }
}

export interface ClientOptions {
  folder: string;
  /** What `workspace/configuration` answers for section `rubric` (undefined: the client cannot be asked). */
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  locale?: string;
}

export class TestClient {
  readonly diagnostics = new Channel<PublishDiagnosticsParams>();
  readonly messages = new Channel<{type: number; message: string}>();
  readonly logs = new Channel<{type: number; message: string}>();
  readonly edits = new Channel<ApplyWorkspaceEditParams>();
  readonly configurationRequests = new Channel<unknown>();
  /** The open documents' text, as the client holds it (edits the server asks for are applied here). */
  readonly documents = new Map<string, TextDocument>();
  settings: Record<string, unknown> | undefined;
  refreshes = 0;
  initializeResult!: InitializeResult;
  readonly stderr: string[] = [];

  private constructor(readonly child: ChildProcess, readonly connection: MessageConnection, options: ClientOptions) {
    this.settings = options.settings;
  }

  static async start(options: ClientOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], {stdio: ['pipe', 'pipe', 'pipe'], cwd: options.folder});
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.diagnostics.push(p));
    connection.onNotification('window/showMessage', (p: {type: number; message: string}) => client.messages.push(p));
    connection.onNotification('window/logMessage', (p: {type: number; message: string}) => client.logs.push(p));
    connection.onRequest('workspace/configuration', (p: {items: {section?: string}[]}) => {
      client.configurationRequests.push(p);
      return p.items.map(() => client.settings ?? null);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      return null;
    });
    connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      client.apply(p);
      client.edits.push(p);
      return {applied: true};
    });
    connection.listen();
    const caps: ClientCapabilities = options.capabilities ?? {
      workspace: {configuration: options.settings !== undefined, didChangeWatchedFiles: {dynamicRegistration: true}, applyEdit: true, workspaceEdit: {documentChanges: true}},
      textDocument: {codeAction: {resolveSupport: {properties: ['edit']}, dataSupport: true}},
    };
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid, rootUri: uriOf(options.folder), workspaceFolders: [{uri: uriOf(options.folder), name: 'test'}],
      capabilities: caps, initializationOptions: options.initializationOptions ?? {}, ...(options.locale ? {locale: options.locale} : {}),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Applies a workspace edit to the documents the client holds. */
  apply(p: ApplyWorkspaceEditParams): void {
    for (const change of p.edit.documentChanges ?? []) {
      const e = change as TextDocumentEdit;
      if (!e.textDocument) continue;
      this.applyEdits(e.textDocument.uri, e.edits as TextEdit[]);
    }
    for (const [uri, edits] of Object.entries(p.edit.changes ?? {})) this.applyEdits(uri, edits);
  }

  private applyEdits(uri: string, edits: TextEdit[]): void {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`an edit of ${uri}, which is not open`);
    this.change(uri, TextDocument.applyEdits(doc, edits));
  }

  open(file: string, text = fs.readFileSync(file, 'utf8'), languageId = file.endsWith('.txt') ? 'plaintext' : 'markdown'): string {
    const uri = uriOf(file);
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}});
    return uri;
  }

  /** Replaces the whole text (one content change over the whole document). */
  change(uri: string, text: string): number {
    const doc = this.documents.get(uri)!;
    const end = doc.positionAt(doc.getText().length);
    return this.edit(uri, {start: {line: 0, character: 0}, end}, text);
  }

  /** An incremental change: `text` in place of `range`. */
  edit(uri: string, range: TextEdit['range'], text: string): number {
    const doc = this.documents.get(uri)!;
    const next = TextDocument.update(doc, [{range, text}], doc.version + 1);
    this.documents.set(uri, next);
    void this.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: next.version}, contentChanges: [{range, text}]});
    return next.version;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', {textDocument: {uri}});
  }

  /** The diagnostics pushed for `uri` at `version` (or any, without a version) that pass `test`. */
  pushed(uri: string, test: (d: Diagnostic[]) => boolean = () => true, version?: number, what = 'diagnostics'): Promise<Diagnostic[]> {
    return this.diagnostics.next((p) => p.uri === uri && (version === undefined || p.version === version) && test(p.diagnostics), `${what} for ${path.basename(uri)}${version ? ` v${version}` : ''}`)
      .then((p) => p.diagnostics);
  }

  /** The params of the next notification `method` the server sends from now on. */
  notifications(method: string, ms = 10_000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms`)), ms);
      const listener = this.connection.onNotification(method, (p: unknown) => {
        clearTimeout(timer);
        listener.dispose();
        resolve(p);
      });
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // The server is already gone.
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}

export const rulesOf = (d: Diagnostic[]) => d.map((x) => `${x.code}@${x.range.start.line + 1}:${x.range.start.character + 1}`);
