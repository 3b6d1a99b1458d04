// An esbuild plugin shared by the build (scripts/build.mjs) and the CLI tarball (scripts/cli-package.mjs).
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The language server's libraries in their platform-neutral part only. Their Node entry points also
 * hold pipes, sockets, process spawning and npm lookups that Rubric never uses; leaving them out keeps
 * every bundle free of network and process modules (test/unit/security.test.ts). src/server/node.ts
 * installs the one Node piece needed: vscode-jsonrpc's runtime layer.
 */
export const lspCommonOnly = {
  name: 'lsp-common-only',
  setup(build) {
    build.onResolve({filter: /^(vscode-languageserver|vscode-languageserver-protocol|vscode-jsonrpc)\/?$/}, (args) =>
      ({path: require.resolve(`${args.path.replace(/\/$/, '')}/lib/common/api.js`)}));
  },
};
