/**
 * dist/server.js: Rubric's language server as the VS Code extension starts it, with the editor's own Node
 * over Node's IPC channel (src/vscode/serverProcess.ts). `rubric lsp` (src/cli/lsp.ts) starts the same
 * server from the CLI, for the other editors.
 */

import {runNodeServer} from './node.js';

runNodeServer(process.argv.includes('--stdio') ? 'stdio' : 'node-ipc');
