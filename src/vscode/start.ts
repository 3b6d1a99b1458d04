/**
 * Rubric's extension on a language client, the same in Node (extension.ts) and in the browser
 * (browser.ts): the client is made by the entry point, everything else is wired here, one module per
 * concern, each disposed through the context.
 */

import * as vscode from 'vscode';
import type {LanguageClientOptions} from 'vscode-languageclient/lib/common/api.js';
import {ENGINES_CHANGED} from '../server/protocol.js';
import {ActiveDocument} from './activeDocument.js';
import {registerClassify} from './classify.js';
import {registerCommands, registerPages, serverCommands, settingLang} from './commands.js';
import {ProblemsFilter} from './diagnostics.js';
import {RubricDocumentView} from './documentView.js';
import {registerGlossaryEdit} from './glossaryEdit.js';
import {registerGlossaryView} from './glossaryView.js';
import {registerKamerbriefCommands} from './kamerbrief.js';
import {clientOptions, documentSelector, type RubricClientBase} from './languageClient.js';
import {RubricLog} from './log.js';
import {RubricStatusBar} from './statusBar.js';

/** `transport`: how the client reaches its server, for the log (`Node IPC`, `web worker`). */
export function startRubric(context: vscode.ExtensionContext, transport: string, makeClient: (options: LanguageClientOptions, log: vscode.LogOutputChannel) => RubricClientBase): RubricClientBase {
  const log = new RubricLog(settingLang());
  log.info('logActivated', context.extension.packageJSON.version, vscode.version, vscode.env.appName, vscode.env.language);
  const problems = new ProblemsFilter();
  void snippetPrefixes(context, log).then((p) => problems.setPrefixes(p));
  const show = registerPages(context);
  let client: RubricClientBase | undefined;
  const options = clientOptions({
    log: log.channel, problems, commands: serverCommands(() => client!, show),
    // Rubric's own rule pages, shown as previews, are not linted.
    exclude: context.extensionUri.scheme === 'file' ? [context.extensionUri.fsPath] : [],
  });
  client = makeClient(options, log.channel);
  problems.attach(client);
  const enginesChanged = new vscode.EventEmitter<void>();
  client.onNotification(ENGINES_CHANGED, () => enginesChanged.fire());
  const active = new ActiveDocument(client);
  const restart = () => {
    // The documents linted and the trust are given at the start: a change starts the server again.
    client!.clientOptions.documentSelector = documentSelector();
    void client!.restart().then(() => void active.refresh());
  };
  context.subscriptions.push(
    log, problems, enginesChanged, active,
    new RubricStatusBar(active),
    new RubricDocumentView(active),
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('rubric.languages') && restart()),
    {dispose: () => void client!.stop()},
  );
  registerCommands(context, client, show);
  registerKamerbriefCommands(context, client);
  registerGlossaryEdit(context, client);
  registerGlossaryView(context, client, enginesChanged.event);
  registerClassify(context, client);
  void client.start().then(() => log.info('logServer', client!.initializeResult?.serverInfo?.version ?? '', transport), (e: Error) => log.channel.error(e.message));
  return client;
}

/** The prefixes of the snippets Rubric contributes (`kamerbrief`, `kb-adres` …), lower case. */
async function snippetPrefixes(context: vscode.ExtensionContext, log: RubricLog): Promise<string[]> {
  const prefixes: string[] = [];
  const contributed = (context.extension.packageJSON.contributes?.snippets ?? []) as {path: string}[];
  for (const file of new Set(contributed.map((s) => s.path))) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, file));
      const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, {prefix: string | string[]}>;
      for (const s of Object.values(snippets)) prefixes.push(...[s.prefix].flat().map((p) => p.toLowerCase()));
    } catch (e) {
      log.warn('logSnippets', file, (e as Error).message);
    }
  }
  return [...new Set(prefixes)];
}
