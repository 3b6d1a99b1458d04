/**
 * The language client Rubric's extension is, in Node (serverProcess.ts: dist/server.js in a child
 * process) and in the browser (browser.ts: dist/browser/server.js in a web worker): the server's log
 * (`window/logMessage`) in the output channel "Rubric" at its own level, and the options both share:
 * which documents, the settings through `workspace/configuration`, what the Problems panel shows, and the
 * commands the client carries out itself. No Node API here.
 */

import * as vscode from 'vscode';
import {BaseLanguageClient, DiagnosticPullMode, RevealOutputChannelOn, type LanguageClientOptions, type Middleware} from 'vscode-languageclient/lib/common/api.js';
import {OFFICE_SCHEME} from '../core/office/textUri.js';
import type {InitializationOptions} from '../server/protocol.js';
import type {ProblemsFilter} from './diagnostics.js';

/** The URI schemes of documents Rubric lints: files, new documents and remote files (not diff views or output); add a scheme here to lint its documents. */
export const LINTED_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', OFFICE_SCHEME];

/** The commands a hover of the server's may run: the Glossary view's entry, an Office file's fix. */
const TRUSTED_HOVER_COMMANDS = ['rubric.showInGlossary', 'rubric.officeApplyFix'];

/** The documents Rubric lints: the languages of `rubric.languages` in the schemes above. */
export function documentSelector(): {scheme: string; language: string}[] {
  const languages = vscode.workspace.getConfiguration('rubric').get<string[]>('languages', ['markdown', 'plaintext']);
  return LINTED_SCHEMES.flatMap((scheme) => languages.map((language) => ({scheme, language})));
}

/** The values of the `rubric` settings for a resource, as the server reads them (src/server/settings.ts). */
function rubricSettings(scopeUri: string | undefined): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('rubric', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  // The default of rubric.lang must not hide `lang:` in .rubric.yaml: only a value the user set counts.
  const set = c.inspect<string>('lang');
  const lang = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
  return {
    enable: c.get('enable'), languages: c.get('languages'), glossaries: c.get('glossaries'), rules: c.get('rules'),
    lintOnType: c.get('lintOnType'), debounceMs: c.get('debounceMs'), ...(lang !== undefined ? {lang} : {}),
  };
}

/** A command the client carries out itself (with `next`, the server's, where it needs it). */
export type ClientCommand = (args: unknown[], next: (args: unknown[]) => Promise<unknown>) => Promise<unknown>;

export function clientOptions(opts: {
  log: vscode.LogOutputChannel;
  problems: ProblemsFilter;
  commands: Record<string, ClientCommand>;
  /** Folders whose documents are not linted (the extension's own rule pages). */
  exclude: string[];
}): LanguageClientOptions {
  const middleware: Middleware = {
    workspace: {
      configuration: async (params, token, next) => {
        const answer = await next(params, token);
        if (!Array.isArray(answer)) return answer;
        return params.items.map((item, i) => (item.section === 'rubric' ? rubricSettings(item.scopeUri) : answer[i]));
      },
    },
    provideDiagnostics: (document, previousResultId, token, next) => opts.problems.provide(document, previousResultId, token, next),
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      // A term's hover links to its entry in the Glossary view, a finding's in an Office text to its fix in the file: those commands are allowed, with icons.
      for (const c of hover?.contents ?? []) {
        if (!(c instanceof vscode.MarkdownString)) continue;
        const enabledCommands = TRUSTED_HOVER_COMMANDS.filter((command) => c.value.includes(`command:${command}`));
        if (!enabledCommands.length) continue;
        c.isTrusted = {enabledCommands};
        c.supportThemeIcons = true;
      }
      return hover;
    },
    provideCodeActions: async (document, range, context, token, next) => {
      // (The text of an Office file is read-only: the server's fixes for it are commands that write the file, src/server/office.ts.)
      const actions = await next(document, range, context, token);
      // A quick fix with a snippet (the server's `data.snippet`) puts the cursor on its placeholder.
      for (const a of actions ?? []) {
        const snippet = (a as {data?: {snippet?: unknown}}).data?.snippet;
        if (!(a instanceof vscode.CodeAction) || typeof snippet !== 'string' || !a.edit) continue;
        const [[uri, [first, ...rest]]] = a.edit.entries();
        const edit = new vscode.WorkspaceEdit();
        edit.set(uri, [new vscode.SnippetTextEdit(first.range, new vscode.SnippetString(snippet)), ...rest]);
        a.edit = edit;
      }
      return actions;
    },
    executeCommand: async (command, args, next) => {
      const own = opts.commands[command];
      return own ? own(args, async (a) => next(command, a)) : next(command, args);
    },
  };
  // Asked at every start: a restart after the folder was trusted reads the workspace.
  const initializationOptions = (): InitializationOptions => ({
    diagnostics: 'pull', builtinOnly: !vscode.workspace.isTrusted, markdownSymbols: false, workspaceDiagnostics: false,
    glossaryActions: true, glossaryLinks: true, snippetEdits: true, exclude: opts.exclude,
  });
  return {
    documentSelector: documentSelector(),
    diagnosticCollectionName: 'rubric-config',
    outputChannel: opts.log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions,
    diagnosticPullOptions: {
      onChange: true, onSave: true,
      // With rubric.lintOnType off, a document is linted when it is opened and saved.
      filter: (document, mode) => mode === DiagnosticPullMode.onType && vscode.workspace.getConfiguration('rubric', document.uri).get('lintOnType') === false,
    },
    synchronize: {configurationSection: 'rubric'},
    middleware,
  };
}

const text = (message: string, data: unknown) => (data === undefined ? message : `${message} ${data instanceof Error ? data.stack ?? data.message : typeof data === 'string' ? data : JSON.stringify(data)}`);

/** The client with the server's log at its own level in the output channel (`[info] engine geladen …`). */
export abstract class RubricClientBase extends BaseLanguageClient {
  constructor(options: LanguageClientOptions, private readonly log: vscode.LogOutputChannel) {
    super('rubric', 'Rubric', options);
  }

  /** Stops the server and starts it again (after the trust or the languages linted changed). */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  info(message: string, data?: unknown): void {
    this.log?.info(text(message, data));
  }

  warn(message: string, data?: unknown): void {
    this.log?.warn(text(message, data));
  }

  error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    this.log?.error(text(message, data));
    // As the library does with revealOutputChannelOn Never: a failed request is the caller's to report.
    if (showNotification === 'force') void vscode.window.showErrorMessage(`Rubric: ${message}`);
  }

  debug(message: string, data?: unknown): void {
    this.log?.debug(text(message, data));
  }
}
