/**
 * The one process Rubric starts: its own bundled language server (dist/server.js), with the editor's own
 * Node (`process.execPath` of the extension host, as Electron's Node where VS Code runs in Electron), over
 * Node's IPC channel. Nothing else here starts a process or opens a connection
 * (test/unit/security.test.ts checks the bundle for it).
 */

import {fork, type ChildProcess} from 'node:child_process';
import RIL from 'vscode-jsonrpc/lib/node/ril.js';
import type * as vscode from 'vscode';
import {
  AbstractMessageReader, AbstractMessageWriter, Disposable,
  type DataCallback, type InitializeParams, type LanguageClientOptions, type Message, type MessageTransports,
} from 'vscode-languageclient/lib/common/api.js';
import {RubricClientBase} from './languageClient.js';

// vscode-jsonrpc's Node runtime layer (timers, encodings); its Node entry also holds pipes and sockets, left out of the bundle.
RIL.install();

class ChildReader extends AbstractMessageReader {
  constructor(private readonly child: ChildProcess) {
    super();
    child.on('error', (e) => this.fireError(e));
    child.on('exit', () => this.fireClose());
  }

  listen(callback: DataCallback): Disposable {
    const onMessage = (m: unknown) => callback(m as Message);
    this.child.on('message', onMessage);
    return Disposable.create(() => this.child.off('message', onMessage));
  }
}

class ChildWriter extends AbstractMessageWriter {
  constructor(private readonly child: ChildProcess) {
    super();
  }

  write(message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.child.connected) {
        reject(new Error('the Rubric server is not running'));
        return;
      }
      this.child.send(message, (error) => {
        if (error) {
          this.fireError(error, message);
          reject(error);
        } else resolve();
      });
    });
  }

  end(): void {
    // The channel closes with the process.
  }
}

/** A language client whose server is dist/server.js in a child process of the extension host. */
export class RubricLanguageClient extends RubricClientBase {
  private child: ChildProcess | undefined;

  constructor(private readonly serverModule: string, options: LanguageClientOptions, private readonly channel: vscode.LogOutputChannel) {
    super(options, channel);
  }

  protected fillInitializeParams(params: InitializeParams): void {
    super.fillInitializeParams(params);
    // The server ends itself when the extension host is gone.
    params.processId = process.pid;
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    const child = fork(this.serverModule, ['--node-ipc', `--clientProcessId=${process.pid}`], {
      // In VS Code's Electron, the executable runs as plain Node only when asked to.
      env: {...process.env, ELECTRON_RUN_AS_NODE: '1'},
      execArgv: [],
      silent: true,
    });
    this.child = child;
    // Whatever the server writes outside LSP goes to the output channel.
    child.stdout?.on('data', (d: Buffer) => this.channel.info(d.toString().trimEnd()));
    child.stderr?.on('data', (d: Buffer) => this.channel.error(d.toString().trimEnd()));
    return Promise.resolve({reader: new ChildReader(child), writer: new ChildWriter(child)});
  }

  async stop(timeout = 2000): Promise<void> {
    const child = this.child;
    try {
      await super.stop(timeout);
    } finally {
      // After `exit` the server ends by itself; one that does not within the time is ended here.
      if (child && child.exitCode === null) setTimeout(() => child.exitCode === null && child.kill(), timeout).unref?.();
      this.child = undefined;
    }
  }
}
