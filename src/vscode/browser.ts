/**
 * Rubric's entry point in a browser-hosted workbench (VS Code for the Web): the same extension, its
 * language server dist/browser/server.js in a web worker on the built-in data (src/server/browser.ts).
 * No Node API here, nor in anything it imports (the build checks it: platform browser).
 */

import * as vscode from 'vscode';
import {BrowserMessageReader, BrowserMessageWriter} from 'vscode-languageserver-protocol/browser';
import type {LanguageClientOptions, MessageTransports} from 'vscode-languageclient/lib/common/api.js';
import {RubricClientBase} from './languageClient.js';
import {startRubric} from './start.js';

// The web worker, typed without the DOM library, which the rest of the project does not use.
declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0] & {terminate(): void};

class RubricBrowserClient extends RubricClientBase {
  private worker: InstanceType<typeof Worker> | undefined;

  constructor(private readonly serverUrl: string, options: LanguageClientOptions, log: vscode.LogOutputChannel) {
    super(options, log);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    this.worker = new Worker(this.serverUrl);
    return Promise.resolve({reader: new BrowserMessageReader(this.worker), writer: new BrowserMessageWriter(this.worker)});
  }

  async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }
}

export function activate(context: vscode.ExtensionContext): void {
  startRubric(context, 'web worker', (options, log) => new RubricBrowserClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js').toString(true), options, log));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
