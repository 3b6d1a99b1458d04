/**
 * Lints open documents into the Problems panel: on open, after a short pause
 * in typing, on save; clears a document's diagnostics when it closes. Keeps
 * each document's last result for the code actions, hover, outline and
 * status bar.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import type {DocumentLinter, Engine, LintResult} from '../core/engine.js';
import type {Finding, Lang} from '../core/types.js';
import {t} from './i18n.js';
import {filePathOf, languageOf, LINTED_SCHEMES, ruleLinkUri, toRange} from './convert.js';
import type {EngineProvider} from './engines.js';
import type {RubricLog} from './log.js';
import type {SettingsCache} from './settings.js';

interface DocumentState {
  engine: Engine;
  linter: DocumentLinter;
  result?: LintResult;
  /** The document version the result belongs to. */
  version?: number;
  timer?: ReturnType<typeof setTimeout>;
  generation: number;
  /** Where the last edit left text (its end offset), to tell a word being typed from one already there. */
  lastEdit?: number;
  /** Findings held back from the Problems panel while their word is being typed. */
  held: Finding[];
}

/** A lint that takes longer than this is written to the output channel. */
const SLOW_LINT_MS = 100;

/** Documents above this many characters are first linted in slices, off the typing path. */
const LARGE_DOCUMENT = 200_000;

/** The document's path for the configuration's `ignore:` entries (none for a new, unsaved document). */
export function fileOf(document: vscode.TextDocument): string | undefined {
  return filePathOf(document.uri);
}

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

  /**
   * `snippetPrefixes`: the prefixes of Rubric's snippets, lower case. A word typed at the cursor that
   * begins one of them (`kamerbr…`) is on its way to a snippet, not a finding, until the writer moves on.
   */
  constructor(
    private readonly settings: SettingsCache,
    private readonly engines: EngineProvider,
    private readonly log: RubricLog,
    private readonly snippetPrefixes: readonly string[] = [],
    /** Rubric's own folder: its rule pages, shown as a preview, are not linted. */
    private readonly ownFolder?: string,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length) return;
        const state = this.states.get(e.document.uri.toString());
        if (state) {
          const last = e.contentChanges[e.contentChanges.length - 1];
          state.lastEdit = last.rangeOffset + last.text.length;
        }
        if (this.settings.get(e.document.uri).lintOnType) this.requestLint(e.document);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const state = this.states.get(e.textEditor.document.uri.toString());
        if (state?.held.length && state.result && state.version === e.textEditor.document.version) {
          this.publish(e.textEditor.document, state, state.result, state.version);
        }
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
    return s.enable && s.languages.includes(document.languageId) && LINTED_SCHEMES.includes(document.uri.scheme) &&
      !(this.ownFolder && document.uri.scheme === 'file' && document.uri.fsPath.startsWith(this.ownFolder + path.sep));
  }

  /** The last result for a document, linting it first if it is out of date. */
  /** How many findings the Problems panel shows for the document: those of its result but the ones held back while typed. */
  shownCount(document: vscode.TextDocument): number {
    const state = this.states.get(document.uri.toString());
    return (state?.result?.findings.length ?? 0) - (state?.held.length ?? 0);
  }

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
    else {
      const started = performance.now();
      const result = state.linter.lint(document.getText());
      this.logTime(document, started);
      this.publish(document, state, result, document.version);
    }
  }

  private logTime(document: vscode.TextDocument, started: number, inSlices = false): void {
    const ms = performance.now() - started;
    if (ms < SLOW_LINT_MS) return;
    this.log.info('logSlow', inSlices ? t(this.log.lang, 'logInSlices') : '', vscode.workspace.asRelativePath(document.uri), document.getText().length, ms.toFixed(0));
  }

  /** The engine that lints this document. */
  engineFor(document: vscode.TextDocument): Engine {
    return this.stateFor(document).engine;
  }

  /** The language of Rubric's texts for this document: `rubric.lang` where the user set it, else `.rubric.yaml`'s `lang:`, else Dutch. */
  langFor(document: vscode.TextDocument | undefined): Lang {
    if (document && this.applies(document)) return this.engineFor(document).data.config.lang;
    return this.settings.get(document?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri).lang ?? 'nl';
  }

  private async lintInBackground(document: vscode.TextDocument, state: DocumentState, generation: number): Promise<void> {
    const version = document.version;
    // Stale when a newer edit or lint came, or the document was closed, meanwhile.
    const stale = () => state.generation !== generation || this.states.get(document.uri.toString()) !== state || document.version !== version;
    if (stale()) return;
    const started = performance.now();
    const result = await state.linter.lintAsync(document.getText(), stale);
    if (result && !stale()) {
      this.logTime(document, started, true);
      this.publish(document, state, result, version);
    }
  }

  private publish(document: vscode.TextDocument, state: DocumentState, result: LintResult, version: number): void {
    const fresh = state.result !== result;
    state.result = result;
    state.version = version;
    const held = this.beingTyped(document, state, result.findings);
    // A selection change only republishes when what is held back changed.
    if (!fresh && held.length === state.held.length && held.every((f, i) => f === state.held[i])) return;
    state.held = held;
    const shown = held.length ? result.findings.filter((f) => !held.includes(f)) : result.findings;
    this.collection.set(document.uri, shown.map((f) => this.toDiagnostic(document, f)));
    // A new result, or a finding held back or let go: the status bar's count changes with it.
    this.emitter.fire(document);
  }

  /** The findings on a word that the writer is typing at the cursor and that begins a snippet prefix. */
  private beingTyped(document: vscode.TextDocument, state: DocumentState, findings: Finding[]): Finding[] {
    if (!this.snippetPrefixes.length || state.lastEdit === undefined) return [];
    const editor = vscode.window.activeTextEditor;
    if (editor?.document !== document || editor.selections.length !== 1 || !editor.selection.isEmpty) return [];
    const cursor = document.offsetAt(editor.selection.active);
    const text = document.getText();
    // The word ends at the cursor and the last edit was in it.
    if (/[\p{L}\p{N}_-]/u.test(text[cursor] ?? '')) return [];
    let start = cursor;
    while (start > 0 && /[\p{L}\p{N}_-]/u.test(text[start - 1])) start--;
    if (cursor - start < 2 || state.lastEdit < start || state.lastEdit > cursor) return [];
    const word = text.slice(start, cursor).toLowerCase();
    if (!this.snippetPrefixes.some((p) => p.startsWith(word))) return [];
    return findings.filter((f) => f.start >= start && f.end <= cursor);
  }

  private stateFor(document: vscode.TextDocument): DocumentState {
    const key = document.uri.toString();
    const engine = this.engines.forDocument(document);
    let state = this.states.get(key);
    if (!state || state.engine !== engine) {
      if (state) clearTimeout(state.timer);
      state = {engine, linter: engine.documentLinter(languageOf(document), fileOf(document)), generation: 0, held: []};
      this.states.set(key, state);
    }
    return state;
  }

  private toDiagnostic(document: vscode.TextDocument, f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(document, f.start, f.end), f.message, SEVERITY[f.severity]);
    d.source = 'Rubric';
    d.code = {value: f.rule, target: ruleLinkUri(f.rule)};
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
