/**
 * Rubric's language server: the engine for every editor that speaks LSP. It
 * owns the open documents (incremental sync into one `DocumentLinter` each),
 * the settings (`workspace/configuration`) and the engines (`.rubric.yaml` and
 * glossaries, reloaded through `workspace/didChangeWatchedFiles`), and answers
 * diagnostics (pushed after a pause in typing, and pulled, for open documents
 * and the whole workspace), code actions, hover, completion, document symbols
 * and Rubric's commands. No Node API here: files come through a `ServerHost`,
 * so the same server runs in Node (node.ts) and in a web worker (browser.ts).
 */

import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind, ErrorCodes, FileChangeType, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, SymbolKind, TextDocumentSyncKind, TextDocuments,
  type CancellationToken, type CodeAction, type CodeActionParams, type CompletionItem, type Connection, type Diagnostic, type DocumentSymbol,
  type InitializeParams, type InitializeResult, type Range, type TextEdit, type WorkspaceDocumentDiagnosticReport, type WorkspaceEdit,
} from 'vscode-languageserver';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {
  addIgnoreEntry, isAcronym, isQuickFix, completionEntries, documentOutline, entryMarkdown, fixAll, fixRaisesClassification, formatDutchDate, glossaryEntries, hoverAt, langOf, suggestionsFor,
  type DocumentLanguage, type DocumentLinter, type Engine, type Finding, type InputProblem, type Lang, type LintResult, type OutlineKind, type OutlineNode,
} from '../core/index.js';
import {EngineCache} from './engines.js';
import type {ServerHost} from './host.js';
import {count, editorText as t} from '../core/editorTexts.js';
import {INVALID_MESSAGE} from './messages.js';
import {registerEditorRequests} from './editorRequests.js';
import {COMMANDS, EDITOR_REQUESTS, ENGINES_CHANGED, FIX_ALL_KIND, OFFICE_WRITTEN, type InitializationOptions, type OfficeFixTarget} from './protocol.js';
import {OfficeFeatures} from './office.js';
import {OFFICE_SCHEME} from '../core/office/textUri.js';
import {SettingsCache, type Settings} from './settings.js';
import {configOf} from '../core/index.js';

export {COMMANDS, FIX_ALL_KIND, type InitializationOptions} from './protocol.js';

/** A lint that takes longer than this is logged. */
const SLOW_LINT_MS = 100;
/** Documents above this many characters are first linted in slices, so that the server keeps answering. */
const LARGE_DOCUMENT = 200_000;

interface DocumentState {
  engine: Engine;
  linter: DocumentLinter;
  result?: LintResult;
  /** The document version and engine generation the result belongs to. */
  version?: number;
  generation?: number;
  timer?: ReturnType<typeof setTimeout>;
  /** The lint running in slices, shared by whoever asks meanwhile. */
  running?: {version: number; done: Promise<LintResult | undefined>};
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  file: SymbolKind.File,
  address: SymbolKind.Namespace,
  field: SymbolKind.Field,
  salutation: SymbolKind.Key,
  section: SymbolKind.String,
  signature: SymbolKind.Constructor,
};

const COMPLETION_KINDS = {term: CompletionItemKind.Text, expansion: CompletionItemKind.Snippet, banner: CompletionItemKind.Constant, portion: CompletionItemKind.Constant};

/** The document's language for the engine: Markdown, or plain text for everything else linted (`plaintext`, `text`). */
function languageOf(languageId: string): DocumentLanguage {
  return languageId === 'markdown' ? 'markdown' : 'plaintext';
}

/** The document URI of a request's params, or an InvalidParams error that says what is missing. */
function documentUri(method: string, params: unknown): string {
  const uri = (params as {textDocument?: {uri?: unknown}} | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method}: params.textDocument.uri must be a string`);
  return uri;
}

const WORD = /[\p{L}\p{N}&][\p{L}\p{N}\p{M}&'’-]*/gu;

/** The word or phrase meant: the selection (one line, at most 100 characters), else the word at the cursor. */
function glossaryTarget(document: TextDocument, range: Range, empty: boolean): string | undefined {
  if (!empty) {
    const text = document.getText(range).trim();
    return text && !/[\r\n]/.test(text) && text.length <= 100 ? text : undefined;
  }
  const line = document.getText({start: {line: range.start.line, character: 0}, end: {line: range.start.line + 1, character: 0}});
  for (const m of line.matchAll(WORD)) {
    if (m.index! <= range.start.character && range.start.character <= m.index! + m[0].length) return m[0].replace(/['’-]+$/, '');
  }
  return undefined;
}

/** The read-only text of a Word or OpenDocument file (src/server/office.ts): its fixes are made in the file, not as edits. */
const isOfficeText = (document: TextDocument) => document.uri.startsWith(`${OFFICE_SCHEME}:`);

/** Language ids that mean plain text in one editor or another. */
const PLAIN_TEXT_IDS = new Set(['plaintext', 'text', 'txt']);

export class RubricServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocumentState>();
  private settings!: SettingsCache;
  private engines!: EngineCache;
  private options: InitializationOptions = {};
  private pull = false;
  private resolveEdits = false;
  private folders: string[] = [];
  /** Configuration and glossary files with problems published, to clear them once fixed. */
  private problemFiles = new Set<string>();
  /** Incremented when a file of the workspace or an engine changed: workspace diagnostics waiting for it answer. */
  private workspaceGeneration = 0;
  private readonly workspaceWaiters = new Set<() => void>();
  private readonly completionCache = new WeakMap<Engine, CompletionItem[]>();
  /** The version each document was opened with. */
  private readonly openedVersions = new Map<string, number>();
  private readonly office: OfficeFeatures;

  constructor(private readonly connection: Connection, private readonly host: ServerHost) {
    this.office = new OfficeFeatures(host.office, {
      resultFor: async (uri) => {
        const found = await this.resultFor(uri);
        return found && {document: found.document, result: found.result, engine: found.state.engine};
      },
      engineFor: (uri) => this.engineFor(uri),
      pathOf: (uri) => this.host.pathOf(uri),
      show: (type, message) => this.show(type, message),
      written: (uri) => void this.connection.sendNotification(OFFICE_WRITTEN, {uri}),
    });
    const uriParam = (method: string, p: unknown): string => {
      const uri = (p as {uri?: unknown} | undefined)?.uri;
      if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method}: params.uri must be a string`);
      return uri;
    };
    connection.onRequest(EDITOR_REQUESTS.officeText, (p: unknown) => this.office.text(uriParam(EDITOR_REQUESTS.officeText, p)));
    connection.onRequest(EDITOR_REQUESTS.officeFixes, (p: unknown) => {
      const range = (p as {range?: Range} | undefined)?.range;
      if (!range?.start || !range.end) throw new ResponseError(ErrorCodes.InvalidParams, `${EDITOR_REQUESTS.officeFixes}: params.range is required`);
      return this.office.fixes(uriParam(EDITOR_REQUESTS.officeFixes, p), range);
    });
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    // TextDocuments reports an opened document as changed too: that version is linted at once, not after the pause.
    this.documents.onDidOpen((e) => {
      this.openedVersions.set(e.document.uri, e.document.version);
      this.background(this.lintAndPush(e.document.uri));
    });
    this.documents.onDidChangeContent((e) => {
      if (this.openedVersions.get(e.document.uri) !== e.document.version) this.changed(e.document);
    });
    this.documents.onDidSave((e) => this.background(this.lintAndPush(e.document.uri)));
    this.documents.onDidClose((e) => this.forget(e.document.uri));
    this.documents.listen(connection);
    connection.onDidChangeConfiguration((p) => {
      this.settings.changed(p.settings);
      this.refresh();
    });
    connection.onDidChangeWatchedFiles((p) => {
      let engines = false;
      for (const change of p.changes) {
        const file = this.host.pathOf(change.uri);
        if (file && this.engines.concerns(file)) engines = true;
        // Configuration files appear and go: the lookup per folder starts again.
        if (file && change.type !== FileChangeType.Changed && /\.rubric\.yaml$/.test(file)) engines = true;
      }
      if (engines) this.refresh();
      else this.workspaceChanged();
    });
    connection.onCodeAction((p) => this.codeActions(p));
    connection.onCodeActionResolve((a) => this.resolveCodeAction(a));
    connection.onHover(async (p) => {
      const found = await this.resultFor(documentUri('textDocument/hover', p));
      if (!found) return null;
      const offset = found.document.offsetAt(p.position);
      const hover = hoverAt(found.result, offset);
      // On an Office file's text: where a finding is in the document, and its fix in the file.
      const office = isOfficeText(found.document) ? this.office.hover(found.document, found.result, langOf(found.state.engine), offset) : undefined;
      if (!hover && !office) return null;
      const values: string[] = [];
      if (hover) {
        values.push(hover.markdown);
        if (hover.term && this.options.glossaryLinks) {
          const args = encodeURIComponent(JSON.stringify([hover.term]));
          values.push(`[$(book) ${t(langOf(found.state.engine), 'showInView')}](command:rubric.showInGlossary?${args})`);
        }
      }
      if (office) values.push(office.markdown);
      const at = hover ?? office!;
      return {contents: {kind: 'markdown', value: values.join('\n\n')}, range: this.range(found.document, at.start, at.end)};
    });
    connection.onCompletion(async (p) => {
      const found = await this.stateOf(documentUri('textDocument/completion', p));
      return found ? this.completions(found.state.engine) : null;
    });
    connection.onDocumentSymbol(async (p) => {
      const found = await this.resultFor(documentUri('textDocument/documentSymbol', p));
      if (!found || (found.document.languageId === 'markdown' && this.options.markdownSymbols === false)) return null;
      return documentOutline(found.result).map((n) => this.symbol(found.document, n));
    });
    connection.onExecuteCommand((p) => this.executeCommand(p.command, p.arguments ?? []));
    connection.languages.diagnostics.on(async (p, token) => {
      const found = await this.resultFor(documentUri('textDocument/diagnostic', p), token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', {retriggerRequest: true});
      if (!found) return {kind: DocumentDiagnosticReportKind.Full, items: []};
      const resultId = `${this.engines.generation}:${found.document.version}`;
      if (p.previousResultId === resultId) return {kind: DocumentDiagnosticReportKind.Unchanged, resultId};
      return {kind: DocumentDiagnosticReportKind.Full, resultId, items: this.diagnostics(found.document, found.result.findings)};
    });
    connection.languages.diagnostics.onWorkspace((p, token) => this.workspaceDiagnostics(p.previousResultIds, token));
    const options = () => this.options;
    registerEditorRequests(connection, host, {
      resultFor: async (uri) => {
        const found = await this.resultFor(uri);
        return found && {document: found.document, result: found.result, engine: found.state.engine};
      },
      engineFor: (uri) => this.engineFor(uri),
      folderOf: (file) => this.folderOf(file),
      get trusted() {
        return !options().builtinOnly;
      },
      applyEdit: async (edit) => (await this.connection.workspace.applyEdit({edit})).applied,
      openDocument: (uri) => this.documents.get(uri),
      refresh: () => this.refresh(),
    });
    connection.onNotification(INVALID_MESSAGE, (p: {reason?: string}) => connection.console.error(`a message from the client was refused: ${p?.reason ?? 'invalid'}`));
  }

  listen(): void {
    this.connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.options = (params.initializationOptions ?? {}) as InitializationOptions;
    const caps = params.capabilities;
    const mode = this.options.diagnostics ?? 'auto';
    this.pull = mode === 'pull' || (mode === 'auto' && !!caps.textDocument?.diagnostic);
    this.resolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    const canAsk = !!caps.workspace?.configuration;
    this.settings = new SettingsCache(
      canAsk ? (uri) => this.connection.workspace.getConfiguration({scopeUri: uri, section: 'rubric'}) : undefined,
      params.locale,
      this.options.settings,
    );
    this.engines = new EngineCache(this.host, {
      log: (level, message) => this.connection.console[level === 'warn' ? 'warn' : level](message),
      problems: (byFile, newErrors, lang) => this.publishProblems(byFile, newErrors, lang),
    }, this.options.builtinOnly === true);
    this.watchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.configurationDynamically = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    this.folders = (params.workspaceFolders ?? []).map((f) => this.host.pathOf(f.uri)).filter((f): f is string => !!f);
    if (!this.folders.length && params.rootUri) {
      const root = this.host.pathOf(params.rootUri);
      if (root) this.folders.push(root);
    }
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true},
        hoverProvider: true,
        completionProvider: {resolveProvider: false},
        documentSymbolProvider: true,
        executeCommandProvider: {commands: Object.values(COMMANDS)},
        ...(this.pull ? {diagnosticProvider: {identifier: 'rubric', interFileDependencies: false, workspaceDiagnostics: this.options.workspaceDiagnostics !== false}} : {}),
        workspace: {workspaceFolders: {supported: true}},
      },
      serverInfo: {name: 'rubric', version: typeof RUBRIC_VERSION === 'string' ? RUBRIC_VERSION : '0.0.0-dev'},
    };
  }

  private watchDynamically = false;
  private configurationDynamically = false;

  private initialized(): void {
    if (this.watchDynamically) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{globPattern: '**/.rubric.yaml'}, {globPattern: '**/*.{yaml,yml}'}, {globPattern: '**/*.{md,markdown,txt}'}],
      });
    }
    if (this.configurationDynamically) void this.connection.client.register(DidChangeConfigurationNotification.type, {section: 'rubric'});
  }

  /** Drops the engines and settings and lints every open document again. */
  refresh(): void {
    this.engines.reset();
    // A client that shows the glossary asks for it again.
    void this.connection.sendNotification(ENGINES_CHANGED);
    for (const uri of this.states.keys()) this.background(this.lintAndPush(uri));
    if (this.pull) this.connection.languages.diagnostics.refresh();
    this.workspaceChanged();
  }

  private workspaceChanged(): void {
    this.workspaceGeneration++;
    for (const wake of [...this.workspaceWaiters]) wake();
  }

  // ---- Linting ------------------------------------------------------------------------------

  /** Whether Rubric lints this document at all. */
  private applies(document: TextDocument, settings: Settings): boolean {
    const id = PLAIN_TEXT_IDS.has(document.languageId) ? 'plaintext' : document.languageId;
    const file = this.host.pathOf(document.uri);
    if (file && this.options.exclude?.some((dir) => file.startsWith(dir) && /^[\\/]/.test(file.slice(dir.length)))) return false;
    return settings.enable && (settings.languages.includes(id) || settings.languages.includes(document.languageId));
  }

  /** The workspace folder that holds a file (the deepest), else the first. */
  private folderOf(file: string | undefined): string | undefined {
    return (file ? this.folders.filter((f) => file.startsWith(f)).sort((a, b) => b.length - a.length)[0] : undefined) ?? this.folders[0];
  }

  /** The engine of an open document Rubric lints, else the one of the workspace folder (a command without a document). */
  private async engineFor(uri: string | undefined): Promise<Engine> {
    const found = uri ? await this.stateOf(uri) : undefined;
    if (found) return found.state.engine;
    const file = uri ? this.host.pathOf(uri) : undefined;
    const folder = this.folderOf(file);
    const settings = await this.settings.get(uri ?? (folder !== undefined ? this.host.uriOf(folder) : ''));
    return this.engines.forFile(file ?? (folder !== undefined ? `${folder}/untitled.md` : undefined), settings);
  }

  /** The state of an open document that Rubric lints, with its engine current; undefined otherwise. */
  private async stateOf(uri: string): Promise<{document: TextDocument; state: DocumentState; settings: Settings} | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const settings = await this.settings.get(uri);
    if (this.documents.get(uri) !== document) return undefined;
    if (!this.applies(document, settings)) {
      this.forget(uri, false);
      return undefined;
    }
    const file = this.host.pathOf(uri);
    const engine = this.engines.forFile(file ?? (this.folders[0] !== undefined ? `${this.folders[0]}/untitled.md` : undefined), settings);
    let state = this.states.get(uri);
    if (!state || state.engine !== engine) {
      if (state) clearTimeout(state.timer);
      state = {engine, linter: engine.documentLinter(languageOf(document.languageId), file)};
      this.states.set(uri, state);
    }
    return {document, state, settings};
  }

  /**
   * The current result for an open document, linting it first when it is out of date: at once, except a
   * large document's first lint, which runs in slices and gives up when a newer version arrives or the
   * request is cancelled.
   */
  private async resultFor(uri: string, token?: CancellationToken): Promise<{document: TextDocument; result: LintResult; state: DocumentState} | undefined> {
    const found = await this.stateOf(uri);
    if (!found) return undefined;
    const {state} = found;
    for (;;) {
      const document = this.documents.get(uri);
      if (!document || this.states.get(uri) !== state) return undefined;
      if (state.result && state.version === document.version && state.generation === this.engines.generation) return {document, result: state.result, state};
      const text = document.getText();
      const started = Date.now();
      if (!state.result && text.length > LARGE_DOCUMENT) {
        if (state.running?.version !== document.version) {
          const version = document.version;
          const stale = () => this.documents.get(uri)?.version !== version || this.states.get(uri) !== state;
          state.running = {version, done: state.linter.lintAsync(text, stale)};
        }
        const running = state.running;
        const result = await running.done;
        if (state.running === running) state.running = undefined;
        if (token?.isCancellationRequested) return undefined;
        if (!result || this.documents.get(uri)?.version !== running.version) continue;
        this.store(state, result, running.version, document, started);
      } else {
        this.store(state, state.linter.lint(text), document.version, document, started);
      }
    }
  }

  private store(state: DocumentState, result: LintResult, version: number, document: TextDocument, started: number): void {
    state.result = result;
    state.version = version;
    state.generation = this.engines.generation;
    const ms = Date.now() - started;
    if (ms >= SLOW_LINT_MS) this.connection.console.info(t(langOf(state.engine), 'logSlow', document.uri, document.getText().length, ms));
  }

  private changed(document: TextDocument): void {
    this.background(this.settings.get(document.uri).then((settings) => {
      const state = this.states.get(document.uri);
      if (state) clearTimeout(state.timer);
      if (!settings.lintOnType) return;
      if (!state) {
        this.background(this.lintAndPush(document.uri));
        return;
      }
      if (settings.debounceMs === 0) this.background(this.lintAndPush(document.uri));
      else state.timer = setTimeout(() => this.background(this.lintAndPush(document.uri)), settings.debounceMs);
    }));
  }

  /** Work nobody awaits: a failure is logged to the client, never left unhandled. */
  private background(work: Promise<unknown>): void {
    work.catch((e: unknown) => this.connection.console.error(`Rubric: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  }

  /** Lints an open document and, where the client does not pull, pushes its diagnostics with the version they belong to. */
  private async lintAndPush(uri: string): Promise<void> {
    const state = this.states.get(uri);
    if (state) clearTimeout(state.timer);
    const found = await this.resultFor(uri);
    if (this.pull) return;
    // A document Rubric does not lint (anymore) had its diagnostics cleared when it was forgotten.
    if (!found) return;
    void this.connection.sendDiagnostics({uri, version: found.document.version, diagnostics: this.diagnostics(found.document, found.result.findings)});
  }

  private forget(uri: string, closed = true): void {
    if (closed) this.openedVersions.delete(uri);
    const state = this.states.get(uri);
    if (state) clearTimeout(state.timer);
    this.states.delete(uri);
    if (closed) this.settings.forget(uri);
    const open = closed ? undefined : this.documents.get(uri);
    if (!this.pull || open) void this.connection.sendDiagnostics({uri, ...(open ? {version: open.version} : {}), diagnostics: []});
  }

  /** A message for the writer (`window/showMessage`: nothing to answer). */
  private show(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, {type, message});
  }

  private diagnostics(document: TextDocument, findings: readonly Finding[]): Diagnostic[] {
    return findings.map((f) => this.diagnostic(document, f));
  }

  /** The URI of each rule page, found once. */
  private readonly pages = new Map<string, string | undefined>();

  private diagnostic(document: TextDocument, f: Finding): Diagnostic {
    if (!this.pages.has(f.url)) this.pages.set(f.url, this.host.pageUri(f.url));
    const href = this.pages.get(f.url);
    return {
      range: this.range(document, f.start, f.end), message: f.message, severity: SEVERITY[f.severity], source: 'Rubric', code: f.rule,
      ...(href ? {codeDescription: {href}} : {}),
    };
  }

  private range(document: TextDocument, start: number, end: number): Range {
    return {start: document.positionAt(start), end: document.positionAt(end)};
  }

  /** Problems in `.rubric.yaml` and glossary files, on their own files; a warning when a load just failed. */
  private publishProblems(byFile: Map<string, InputProblem[]>, newErrors: boolean, lang: Lang): void {
    const now = new Set<string>();
    for (const [file, problems] of byFile) {
      const uri = this.host.uriOf(file);
      now.add(uri);
      void this.connection.sendDiagnostics({uri, diagnostics: problems.map((p) => {
        const line = Math.max(0, p.line - 1);
        const character = Math.max(0, p.column - 1);
        return {
          range: {start: {line, character}, end: {line, character: character + 1}},
          message: p.field ? `${p.message[lang]} (${p.field})` : p.message[lang],
          severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          source: 'Rubric',
        };
      })});
    }
    for (const uri of this.problemFiles) if (!now.has(uri)) void this.connection.sendDiagnostics({uri, diagnostics: []});
    this.problemFiles = now;
    if (newErrors) this.show(MessageType.Warning, t(lang, 'configBroken'));
  }

  /**
   * `workspace/diagnostic`: every Markdown and text file of the workspace folders that is not open (open
   * ones are reported by their own pull), linted from disk. A client that asks again with every result
   * current waits until a file or an engine changes, instead of having the workspace linted in a loop.
   */
  private async workspaceDiagnostics(previous: {uri: string; value: string}[], token: CancellationToken) {
    const resultId = `w${this.workspaceGeneration}:${this.engines.generation}`;
    // Only the workspace's own results count: a client also lists those of the documents it pulled one by one.
    const own = previous.filter((p) => p.value.startsWith('w'));
    if (own.length && own.every((p) => p.value === resultId)) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.workspaceWaiters.delete(wake);
          resolve();
        };
        this.workspaceWaiters.add(wake);
        token.onCancellationRequested(wake);
      });
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', {retriggerRequest: true});
    }
    const id = `w${this.workspaceGeneration}:${this.engines.generation}`;
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const files = this.host.listDocuments(this.folders, () => token.isCancellationRequested);
    for (const file of files) {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', {retriggerRequest: true});
      const uri = this.host.uriOf(file);
      if (this.documents.get(uri)) continue;
      const settings = await this.settings.get(uri);
      const languageId = /\.txt$/i.test(file) ? 'plaintext' : 'markdown';
      if (!settings.enable || !settings.languages.includes(languageId)) continue;
      const text = this.host.readFile(file);
      if (text === undefined) continue;
      const document = TextDocument.create(uri, languageId, 0, text);
      const result = this.engines.forFile(file, settings).lint(text, languageOf(languageId), file);
      items.push({kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: id, items: this.diagnostics(document, result.findings)});
      // Let other requests through between files.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    return {items};
  }

  // ---- Code actions -------------------------------------------------------------------------

  private async codeActions(params: CodeActionParams): Promise<CodeAction[] | null> {
    const found = await this.resultFor(documentUri('textDocument/codeAction', params));
    if (!params.range || !params.context) throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction: params.range and params.context are required');
    if (!found) return null;
    const {document, result, state} = found;
    const lang = langOf(state.engine);
    const only = params.context.only;
    if (only?.some((k) => k === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${k}.`) || k === CodeActionKind.Source)) {
      const action = this.fixAllAction(document, state.engine, lang, FIX_ALL_KIND, true);
      return action ? [action] : [];
    }
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    if (isOfficeText(document)) {
      // The file's fixes (commands that write it), `ignore:` entries for the file and the glossary's commands: no edit of the text.
      const office = this.office.codeActions(document, result, lang, start, end, (f) => this.diagnostic(document, f));
      const ignore = result.findings.filter((f) => f.start <= end && f.end >= start)
        .flatMap((f) => this.suppress(document, f, result, lang, this.diagnostic(document, f)).filter((a) => !a.edit));
      return [...office, ...ignore, ...this.glossaryActions(document, params.range, result, state.engine, lang)];
    }
    const here = result.findings.filter((f) => f.start <= end && f.end >= start);
    const fixes: CodeAction[] = [];
    const suppressions: CodeAction[] = [];
    const seen = new Set<string>();
    for (const finding of here) {
      const diagnostic = this.diagnostic(document, finding);
      const own = isQuickFix(finding);
      if (own) {
        const fix = finding.fix!;
        const title = fix.text ? t(lang, 'replaceWith', fix.text.trim()) : t(lang, 'remove', document.getText(this.range(document, fix.start, fix.end)));
        fixes.push({title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: this.edit(document, [{range: this.range(document, fix.start, fix.end), newText: fix.text}])});
      }
      for (const s of suggestionsFor(finding, result)) {
        const title = s.title[lang];
        if (seen.has(title)) continue;
        seen.add(title);
        fixes.push({
          title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(s.preferred && !own ? {isPreferred: true} : {}),
          edit: this.edit(document, s.edits.map((e) => ({range: this.range(document, e.start, e.end), newText: e.text}))),
          // LSP 3.17 has no snippet in a workspace edit: a client that can (VS Code's) makes the first edit this snippet, its placeholder selected.
          ...(s.snippet && this.options.snippetEdits ? {data: {snippet: s.snippet}} : {}),
        });
      }
      for (const s of this.suppress(document, finding, result, lang, diagnostic)) {
        if (!seen.has(s.title)) suppressions.push(s);
        seen.add(s.title);
      }
    }
    const all: CodeAction[] = [];
    if (here.length && result.findings.some((f) => f.fix && !fixRaisesClassification(f))) {
      const action = this.fixAllAction(document, state.engine, lang, CodeActionKind.QuickFix, !this.resolveEdits);
      if (action) {
        action.diagnostics = here.map((f) => this.diagnostic(document, f));
        all.push(action);
      }
    }
    return [...fixes, ...all, ...suppressions, ...this.glossaryActions(document, params.range, result, state.engine, lang)];
  }

  /**
   * Growing the glossary from a selected word or phrase, or an acronym the glossary does not know: commands
   * that the client carries out (it asks for the definition and the file), for a client that has them.
   */
  private glossaryActions(document: TextDocument, range: Range, result: LintResult, engine: Engine, lang: Lang): CodeAction[] {
    if (!this.options.glossaryActions || this.options.builtinOnly) return [];
    const empty = range.start.line === range.end.line && range.start.character === range.end.character;
    const text = glossaryTarget(document, range, empty);
    if (!text) return [];
    const at = document.offsetAt(range.start);
    const undefinedAcronym = result.findings.some((f) => f.rule === 'term/acronym-undefined' && f.start <= at && at <= f.end);
    const known = glossaryEntries(engine).find((e) => e.term === text || e.variants.includes(text) || e.expansions.includes(text) || (e.accepted ?? []).includes(text));
    const acronym = isAcronym(text);
    const actions: CodeAction[] = [];
    const action = (title: string, command: string) => actions.push({title, kind: CodeActionKind.QuickFix, command: {title, command, arguments: [text]}});
    // On a bare cursor only an acronym the glossary does not know is offered, so that every word does not get four actions.
    if (!known && (acronym || !empty)) {
      action(t(lang, 'addToGlossary', text), 'rubric.addToGlossary');
      action(t(lang, 'addAsVariant', text), 'rubric.addVariant');
      action(t(lang, 'addAsCodeWord', text), 'rubric.addCodeWord');
    }
    const wellKnown = new Set(configOf(engine).wellKnown);
    // Well known matters for a glossary acronym that must be written out before its first use.
    if (acronym && !wellKnown.has(text) && (undefinedAcronym || (known && known.expansions.length && !known.wellKnown))) action(t(lang, 'addWellKnown', text), 'rubric.addWellKnown');
    return actions;
  }

  /** Fix all: worked out now, or (`eager` false) only when the writer picks it, through `codeAction/resolve`. */
  private fixAllAction(document: TextDocument, engine: Engine, lang: Lang, kind: string, eager: boolean): CodeAction | undefined {
    const title = t(lang, 'fixAllInFile');
    if (!eager) return {title, kind, data: {fixAll: document.uri, version: document.version}};
    const plan = this.planFixAll(document, engine, lang);
    if (!plan.edit && kind === FIX_ALL_KIND) return undefined;
    return {
      title, kind, edit: plan.edit ?? {changes: {}},
      // After the edit: say what changed (on save quietly, in the log).
      command: {title, command: COMMANDS.reportFixAll, arguments: [plan.message, kind === FIX_ALL_KIND]},
    };
  }

  private async resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    const data = action.data as {fixAll?: string; version?: number} | undefined;
    if (!data?.fixAll || action.edit) return action;
    const found = await this.resultFor(data.fixAll);
    if (!found) throw new ResponseError(ErrorCodes.InvalidParams, `${data.fixAll} is not open, or not linted by Rubric`);
    const lang = langOf(found.state.engine);
    const plan = this.planFixAll(found.document, found.state.engine, lang);
    return {...action, edit: plan.edit ?? {changes: {}}, command: {title: action.title, command: COMMANDS.reportFixAll, arguments: [plan.message, false]}};
  }

  /** Every fix to the fixed point (never raising the classification), as one edit, and what it leaves to the writer. */
  private planFixAll(document: TextDocument, engine: Engine, lang: Lang): {edit?: WorkspaceEdit; applied: number; left: number; message: string} {
    const file = this.host.pathOf(document.uri);
    const result = fixAll(engine, document.getText(), languageOf(document.languageId), {include: (f) => !fixRaisesClassification(f), ...(file ? {file} : {})});
    const left = result.findings.length;
    const hint = result.findings.some(fixRaisesClassification) ? t(lang, 'fixAllRaiseHint') : '';
    if (result.applied === 0) return {applied: 0, left, message: (left ? t(lang, 'fixAllNothingLeft', left) : t(lang, 'fixAllNothing')) + hint};
    const edits = result.edits.map((e) => ({range: this.range(document, e.start, e.end), newText: e.text}));
    return {edit: this.edit(document, edits), applied: result.applied, left, message: t(lang, 'fixAllDone', count(lang, result.applied, 'fix'), left) + hint};
  }

  /** Edits of one document at its current version. */
  private edit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    return {documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits}]};
  }

  /**
   * Suppression: in every saved document an `ignore:` entry in `.rubric.yaml` for this file, rule and words,
   * which leaves the document as it is (the only one in plain text); in Markdown also a
   * `rubric-disable-next-line` comment, which a rendered page does not show.
   */
  private suppress(document: TextDocument, finding: Finding, result: LintResult, lang: Lang, diagnostic: Diagnostic): CodeAction[] {
    const actions: CodeAction[] = [];
    const words = result.context.text.slice(finding.start, finding.end);
    if (this.host.pathOf(document.uri) && !this.options.builtinOnly && words.trim() && !/[\r\n]/.test(words)) {
      const shown = words.length > 40 ? `${words.slice(0, 39)}…` : words;
      const title = t(lang, 'ignoreInConfig', finding.rule, shown);
      actions.push({title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: {title, command: COMMANDS.ignoreInConfig, arguments: [document.uri, finding.rule, words]}});
    }
    if (document.languageId === 'markdown') {
      const text = document.getText();
      const lineStart = document.offsetAt({line: finding.line, character: 0});
      const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
      const eol = /\r\n/.test(text) ? '\r\n' : '\n';
      const at = {line: finding.line, character: 0};
      actions.push({
        title: t(lang, 'disableOnLine', finding.rule), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
        edit: this.edit(document, [{range: {start: at, end: at}, newText: `${indent}<!-- rubric-disable-next-line ${finding.rule} -->${eol}`}]),
      });
    }
    return actions;
  }

  // ---- Completion, symbols, commands ----------------------------------------------------------

  private completions(engine: Engine): CompletionItem[] {
    let items = this.completionCache.get(engine);
    if (!items) {
      items = completionEntries(engine).map((e) => ({
        label: e.label, labelDetails: {description: e.description}, kind: COMPLETION_KINDS[e.kind],
        ...(e.kind === 'term' ? {detail: e.description || e.label} : e.kind === 'expansion' ? {detail: e.label} : {}),
        ...(e.filterText !== e.label ? {filterText: e.filterText} : {}),
        ...(e.insertText !== e.label ? {insertText: e.insertText} : {}),
        documentation: {kind: 'markdown' as const, value: e.documentation},
      }));
      this.completionCache.set(engine, items);
    }
    const today = formatDutchDate(new Date());
    const word = t(langOf(engine), 'today');
    return [...items, {label: word, labelDetails: {description: today}, kind: CompletionItemKind.Value, insertText: today, filterText: `${word} vandaag today datum`}];
  }

  private symbol(document: TextDocument, n: OutlineNode): DocumentSymbol {
    return {
      name: n.name || '…', ...(n.detail ? {detail: n.detail} : {}), kind: SYMBOL_KINDS[n.kind],
      range: this.range(document, n.start, Math.max(n.end, n.titleEnd)), selectionRange: this.range(document, n.start, n.titleEnd),
      children: n.children.map((c) => this.symbol(document, c)),
    };
  }

  private async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    const str = (i: number, what: string): string => {
      if (typeof args[i] !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command}: argument ${i + 1} (${what}) must be a string`);
      return args[i] as string;
    };
    switch (command) {
      case COMMANDS.fixAll: {
        const uri = str(0, 'the document URI');
        const found = await this.resultFor(uri);
        if (!found) {
          const message = t(langOf(await this.engineFor(uri || undefined)), 'noDocument');
          this.show(MessageType.Info, message);
          return {applied: 0, left: 0, message};
        }
        const lang = langOf(found.state.engine);
        const plan = this.planFixAll(found.document, found.state.engine, lang);
        if (plan.edit) await this.connection.workspace.applyEdit({label: t(lang, 'fixAllInFile'), edit: plan.edit});
        this.show(MessageType.Info, plan.message);
        return {applied: plan.applied, left: plan.left, message: plan.message};
      }
      case COMMANDS.reportFixAll: {
        const message = str(0, 'the message');
        if (args[1] === true) this.connection.console.log(message);
        else this.show(MessageType.Info, message);
        return null;
      }
      case COMMANDS.ignoreInConfig:
        return this.ignoreInConfig(str(0, 'the document URI'), str(1, 'the rule id'), str(2, 'the words'));
      case COMMANDS.officeApplyFix: {
        const target = args[1] as Partial<OfficeFixTarget> | undefined;
        if (!target || typeof target.rule !== 'string' || typeof target.start !== 'number' || typeof target.end !== 'number' || typeof target.text !== 'string') {
          throw new ResponseError(ErrorCodes.InvalidParams, `${command}: argument 2 (the fix) must be {rule, start, end, text}`);
        }
        return this.office.apply(str(0, 'the text URI'), target as OfficeFixTarget);
      }
      case COMMANDS.officeFixAll:
        return this.office.apply(str(0, 'the text URI'));
      case COMMANDS.lookupTerm: {
        const uri = typeof args[0] === 'string' ? args[0] : undefined;
        const engine = await this.engineFor(uri);
        return glossaryEntries(engine).map((e) => ({term: e.term, expansions: e.expansions, definition: e.definition, markdown: entryMarkdown(e, langOf(engine))}));
      }
      default:
        throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command "${command}"; Rubric's commands are ${Object.values(COMMANDS).join(', ')}`);
    }
  }

  /** Adds an `ignore:` entry for this file, rule and words to the nearest `.rubric.yaml` (made in the workspace folder when there is none). */
  private async ignoreInConfig(uri: string, rule: string, words: string): Promise<{configFile: string}> {
    const file = this.host.pathOf(uri);
    if (!file || this.options.builtinOnly) throw new ResponseError(ErrorCodes.InvalidParams, `${uri}: only a saved file in a trusted workspace can be ignored in .rubric.yaml`);
    const folder = this.folders.filter((f) => file.startsWith(f)).sort((a, b) => b.length - a.length)[0];
    const {configFile, relative} = this.host.ignoreTarget(file, folder);
    const configUri = this.host.uriOf(configFile);
    const open = this.documents.get(configUri);
    const text = open ? open.getText() : this.host.readFile(configFile) ?? '';
    const updated = addIgnoreEntry(text, {file: relative, rule, text: words});
    if (open) {
      // The editor owns an open file: the change goes through it.
      await this.connection.workspace.applyEdit({edit: this.edit(open, [{range: this.range(open, 0, text.length), newText: updated}])});
    } else {
      try {
        this.host.writeFile(configFile, updated);
      } catch (e) {
        const message = t('nl', 'cannotWrite', configFile, (e as Error).message);
        this.show(MessageType.Error, message);
        throw new ResponseError(ErrorCodes.InternalError, message);
      }
    }
    this.refresh();
    return {configFile};
  }
}

declare const RUBRIC_VERSION: string;

/** Starts Rubric's server on a connection the platform made. */
export function startServer(connection: Connection, host: ServerHost): RubricServer {
  const server = new RubricServer(connection, host);
  server.listen();
  return server;
}
