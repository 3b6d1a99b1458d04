/**
 * What the server says of the active document for the status bar and the Rubric view
 * (`rubric/documentInfo`: its classification, its kind and date, a letter's parts), asked again
 * whenever its diagnostics change (the server linted it) or another editor becomes active.
 */

import * as vscode from 'vscode';
import type {BaseLanguageClient} from 'vscode-languageclient/lib/common/api.js';
import {EDITOR_REQUESTS, type DocumentInfo} from '../server/protocol.js';

export class ActiveDocument implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when `current` changed. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** The active document and what the server says of it; undefined when Rubric does not lint it. */
  current: {document: vscode.TextDocument; info: DocumentInfo} | undefined;
  private asked = 0;

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(
      this.emitter,
      vscode.languages.onDidChangeDiagnostics((e) => {
        const document = vscode.window.activeTextEditor?.document;
        if (document && e.uris.some((u) => u.toString() === document.uri.toString())) void this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
    );
    void this.refresh();
  }

  /** Asks the server again; an answer overtaken by a newer question is dropped. */
  async refresh(): Promise<void> {
    const asked = ++this.asked;
    const document = vscode.window.activeTextEditor?.document;
    let info: DocumentInfo | null = null;
    if (document) {
      try {
        info = await this.client.sendRequest<DocumentInfo | null>(EDITOR_REQUESTS.documentInfo, {uri: this.client.code2ProtocolConverter.asUri(document.uri)});
      } catch {
        // The server is starting or stopping: the next change asks again.
        info = null;
      }
    }
    if (asked !== this.asked) return;
    this.current = document && info ? {document, info} : undefined;
    this.emitter.fire();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
