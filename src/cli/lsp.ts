/** `rubric lsp`: Rubric's language server, for any editor with an LSP client (src/server/). */

import type {Transport} from '../server/node.js';

export const LSP_USAGE = `Gebruik / usage:
  rubric lsp --stdio        de taalserver (Language Server Protocol) over stdin/stdout
  rubric lsp --node-ipc     over het IPC-kanaal van Node (een client die de server zelf met Node start)
  rubric lsp --help

De server leest .rubric.yaml en de woordenlijsten zoals rubric check, houdt ze in de gaten via de
client (workspace/didChangeWatchedFiles) en vraagt de instellingen (sectie "rubric") op via
workspace/configuration. Hij start geen andere processen en maakt geen netwerkverbindingen.
Zie de README voor Neovim, Emacs (eglot), Helix, Sublime Text (LSP) en JetBrains (LSP4IJ).

The language server over stdin/stdout (--stdio) or Node's IPC channel (--node-ipc). It reads
.rubric.yaml and glossaries as rubric check does, starts no other process and opens no connection.`;

/** Runs the server until the client ends it; returns the exit code only for a bad invocation or --help. */
export function lsp(args: string[], io: {out(text: string): void; err(text: string): void}): number | Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(LSP_USAGE);
    return 0;
  }
  // Clients add their own arguments (vscode-languageclient: --clientProcessId=N), which the server library reads.
  const transports = args.filter((a) => a === '--stdio' || a === '--node-ipc');
  const unknown = args.filter((a) => a !== '--stdio' && a !== '--node-ipc' && !/^--clientProcessId=\d+$/.test(a));
  if (transports.length !== 1 || unknown.length) {
    const why = unknown.length ? `unknown option ${unknown[0]}` : transports.length ? 'choose one transport' : 'a transport is needed: --stdio or --node-ipc';
    io.err(`rubric lsp: ${why}\n\n${LSP_USAGE}`);
    return 2;
  }
  if (transports[0] === '--node-ipc' && !process.send) {
    io.err('rubric lsp: --node-ipc needs a parent that started this process with an IPC channel');
    return 2;
  }
  // Loaded here: the server library is a sixth of the CLI, and `rubric check` (a pre-commit hook) never needs it.
  const {runNodeServer} = require('../server/node.js') as typeof import('../server/node.js');
  runNodeServer(transports[0].slice(2) as Transport);
  // The server ends the process itself, on the client's `exit` or when its input closes.
  return new Promise<number>(() => undefined);
}
