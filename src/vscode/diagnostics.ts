/**
 * What the Problems panel shows of the server's diagnostics (pulled per document by the language client):
 * each rule id links to the rule's page, shown rendered (`rubric.showRule`), and a word the writer is
 * typing at the cursor that begins one of Rubric's snippet prefixes (`kamerbr…`) is held back until the
 * writer moves on. After an edit the client asks after the pause of `rubric.debounceMs` (and not at all
 * while typing with `rubric.lintOnType` off). The status bar counts what this leaves in the panel.
 */

import * as vscode from 'vscode';
import {DocumentDiagnosticRequest, type BaseLanguageClient, type ProvideDiagnosticSignature} from 'vscode-languageclient/lib/common/api.js';
import {ruleLinkUri} from './convert.js';

const WORD_CHAR = /[\p{L}\p{N}_-]/u;

export class ProblemsFilter implements vscode.Disposable {
  /** Where each document's last edit left text (its end offset), to tell a word being typed from one already there. */
  private readonly lastEdit = new Map<string, number>();
  /** Documents with a finding held back: their next pull is a full one. */
  private readonly held = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private client: BaseLanguageClient | undefined;

  /** The prefixes of Rubric's snippets, lower case. */
  private snippetPrefixes: readonly string[] = [];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const last = e.contentChanges[e.contentChanges.length - 1];
        if (last) this.lastEdit.set(e.document.uri.toString(), last.rangeOffset + last.text.length);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        // The writer moved on: the diagnostics held back are asked for again, in full.
        if (this.held.has(e.textEditor.document.uri.toString())) this.repull(e.textEditor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.lastEdit.delete(d.uri.toString());
        this.asked.delete(d.uri.toString());
        this.held.delete(d.uri.toString());
      }),
    );
  }

  setPrefixes(prefixes: readonly string[]): void {
    this.snippetPrefixes = prefixes;
  }

  attach(client: BaseLanguageClient): void {
    this.client = client;
  }

  private repull(document: vscode.TextDocument): void {
    this.client?.getFeature(DocumentDiagnosticRequest.method)?.getProvider(document)?.onDidChangeDiagnosticsEmitter.fire();
  }

  /** The version of each document last asked for: a newer one is an edit, asked for after `rubric.debounceMs`. */
  private readonly asked = new Map<string, number>();

  async provide(document: vscode.TextDocument | vscode.Uri, previousResultId: string | undefined, token: vscode.CancellationToken, next: ProvideDiagnosticSignature) {
    const key = (document instanceof vscode.Uri ? document : document.uri).toString();
    if (!(document instanceof vscode.Uri)) {
      const before = this.asked.get(key);
      this.asked.set(key, document.version);
      const pause = vscode.workspace.getConfiguration('rubric', document.uri).get<number>('debounceMs', 300);
      if (before !== undefined && before !== document.version && pause > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause);
          token.onCancellationRequested(() => (clearTimeout(timer), resolve()));
        });
        // A newer edit came meanwhile: the client asks again for that one.
        if (token.isCancellationRequested) throw new vscode.CancellationError();
      }
    }
    const report = await next(document, this.held.has(key) ? undefined : previousResultId, token);
    if (!report || report.kind !== 'full') return report;
    for (const d of report.items) {
      const rule = typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
      if (rule && d.source === 'Rubric') d.code = {value: rule, target: ruleLinkUri(rule)};
    }
    const text = document instanceof vscode.Uri ? undefined : document;
    const typed = text && this.beingTyped(text);
    const shown = typed ? report.items.filter((d) => !(text!.offsetAt(d.range.start) >= typed[0] && text!.offsetAt(d.range.end) <= typed[1])) : report.items;
    if (shown.length < report.items.length) this.held.add(key);
    else this.held.delete(key);
    return {...report, items: shown};
  }

  /** The word the writer is typing at the cursor, when it begins a snippet prefix: its start and end offsets. */
  private beingTyped(document: vscode.TextDocument): [number, number] | undefined {
    const lastEdit = this.lastEdit.get(document.uri.toString());
    if (!this.snippetPrefixes.length || lastEdit === undefined) return undefined;
    const editor = vscode.window.activeTextEditor;
    if (editor?.document !== document || editor.selections.length !== 1 || !editor.selection.isEmpty) return undefined;
    const cursor = document.offsetAt(editor.selection.active);
    const text = document.getText();
    // The word ends at the cursor and the last edit was in it.
    if (WORD_CHAR.test(text[cursor] ?? '')) return undefined;
    let start = cursor;
    while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
    if (cursor - start < 2 || lastEdit < start || lastEdit > cursor) return undefined;
    const word = text.slice(start, cursor).toLowerCase();
    return this.snippetPrefixes.some((p) => p.startsWith(word)) ? [start, cursor] : undefined;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** How many of Rubric's findings the Problems panel shows for a document. */
export function shownCount(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Rubric').length;
}
