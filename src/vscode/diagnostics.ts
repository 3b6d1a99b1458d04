/**
 * Lints open documents into the Problems panel: on open, after a short pause
 * in typing, on save; clears a document's diagnostics when it closes. Keeps
 * each document's last result for the code actions, hover, outline and
 * status bar.
 */

import * as vscode from 'vscode';
import type {DocumentLinter, Engine, LintResult} from '../core/engine.js';
import type {Finding} from '../core/types.js';
import {languageOf, LINTED_SCHEMES, ruleDocUri, toRange} from './convert.js';
import type {EngineProvider} from './engines.js';
import type {SettingsCache} from './settings.js';

interface DocumentState {
  engine: Engine;
  linter: DocumentLinter;
  result?: LintResult;
  /** The document version the result belongs to. */
  version?: number;
  timer?: ReturnType<typeof setTimeout>;
  generation: number;
}

/** Documents above this many characters are first linted in slices, off the typing path. */
const LARGE_DOCUMENT = 200_000;

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class LintController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('rubric');
  private readonly states = new Map<string, DocumentState>();
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document was linted. */
  readonly onDidLint = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly settings: SettingsCache,
    private readonly engines: EngineProvider,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.settings.get(e.document.uri).lintOnType) this.requestLint(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      engines.onDidChange(() => this.relintAll()),
    );
    // The documents already open are linted after activation has returned.
    const initial = setTimeout(() => vscode.workspace.textDocuments.forEach((d) => this.lintNow(d)), 0);
    this.disposables.push({dispose: () => clearTimeout(initial)});
  }

  /** Whether Rubric lints this document at all. */
  applies(document: vscode.TextDocument): boolean {
    const s = this.settings.get(document.uri);
    return s.enable && s.languages.includes(document.languageId) && LINTED_SCHEMES.includes(document.uri.scheme);
  }

  /** The last result for a document, linting it first if it is out of date. */
  resultFor(document: vscode.TextDocument): LintResult | undefined {
    if (!this.applies(document)) return undefined;
    this.lintNow(document);
    const state = this.states.get(document.uri.toString());
    return state?.version === document.version ? state.result : undefined;
  }

  /** Lint after the configured pause; a newer edit restarts the wait and makes a running lint stale. */
  requestLint(document: vscode.TextDocument): void {
    if (!this.applies(document)) return;
    const state = this.stateFor(document);
    clearTimeout(state.timer);
    const generation = ++state.generation;
    state.timer = setTimeout(() => void this.lintInBackground(document, state, generation), this.settings.get(document.uri).debounceMs);
  }

  /**
   * Lints now, unless the last result is current: at once, except a large document's first lint, which
   * runs in slices that let the editor breathe (after it, relinting is incremental and quick).
   */
  lintNow(document: vscode.TextDocument): void {
    if (!this.applies(document)) {
      this.forget(document);
      return;
    }
    const state = this.stateFor(document);
    clearTimeout(state.timer);
    const generation = ++state.generation;
    if (state.result && state.version === document.version) return;
    if (!state.result && document.getText().length > LARGE_DOCUMENT) void this.lintInBackground(document, state, generation);
    else this.publish(document, state, state.linter.lint(document.getText()), document.version);
  }

  private async lintInBackground(document: vscode.TextDocument, state: DocumentState, generation: number): Promise<void> {
    const version = document.version;
    // Stale when a newer edit or lint came, or the document was closed, meanwhile.
    const stale = () => state.generation !== generation || this.states.get(document.uri.toString()) !== state || document.version !== version;
    if (stale()) return;
    const result = await state.linter.lintAsync(document.getText(), stale);
    if (result && !stale()) this.publish(document, state, result, version);
  }

  private publish(document: vscode.TextDocument, state: DocumentState, result: LintResult, version: number): void {
    state.result = result;
    state.version = version;
    this.collection.set(document.uri, result.findings.map((f) => this.toDiagnostic(document, f)));
    this.emitter.fire(document);
  }

  private stateFor(document: vscode.TextDocument): DocumentState {
    const key = document.uri.toString();
    const engine = this.engines.forDocument(document);
    let state = this.states.get(key);
    if (!state || state.engine !== engine) {
      if (state) clearTimeout(state.timer);
      state = {engine, linter: engine.documentLinter(languageOf(document)), generation: 0};
      this.states.set(key, state);
    }
    return state;
  }

  private toDiagnostic(document: vscode.TextDocument, f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(document, f.start, f.end), f.message, SEVERITY[f.severity]);
    d.source = 'Rubric';
    d.code = {value: f.rule, target: ruleDocUri(this.extensionUri, f.rule)};
    return d;
  }

  /** The diagnostic published for a finding of this document's last lint. */
  diagnosticFor(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic | undefined {
    const range = toRange(document, finding.start, finding.end);
    return this.collection.get(document.uri)?.find((d) =>
      (typeof d.code === 'object' ? d.code.value : d.code) === finding.rule && d.range.isEqual(range));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (state) clearTimeout(state.timer);
    this.states.delete(key);
    this.collection.delete(document.uri);
    this.emitter.fire(document);
  }

  private relintAll(): void {
    for (const d of vscode.workspace.textDocuments) {
      const state = this.states.get(d.uri.toString());
      if (state) state.version = undefined;
      this.lintNow(d);
    }
  }

  dispose(): void {
    for (const s of this.states.values()) clearTimeout(s.timer);
    this.disposables.forEach((d) => d.dispose());
    this.collection.dispose();
    this.emitter.dispose();
  }
}
