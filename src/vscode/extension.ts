/** Rubric's VS Code entry point: wires the modules, each disposed through the context. */

import * as vscode from 'vscode';
import {RubricCodeActions} from './codeActions.js';
import {registerCommands} from './commands.js';
import {LINTED_SCHEMES} from './convert.js';
import {RubricCompletion} from './completion.js';
import {LintController} from './diagnostics.js';
import {EngineProvider} from './engines.js';
import {RubricHover} from './hover.js';
import {SettingsCache} from './settings.js';
import {RubricStatusBar} from './statusBar.js';
import {letterNodes, registerKamerbriefCommands} from './kamerbrief.js';
import {RubricSymbols, sectionNodes} from './symbols.js';

export function activate(context: vscode.ExtensionContext): void {
  const settings = new SettingsCache();
  const engines = new EngineProvider(settings);
  const lints = new LintController(context.extensionUri, settings, engines);
  const selector: vscode.DocumentSelector = LINTED_SCHEMES.map((scheme) => ({scheme}));
  context.subscriptions.push(
    settings, engines, lints,
    new RubricStatusBar(lints),
    vscode.languages.registerCodeActionsProvider(selector, new RubricCodeActions(lints), {
      providedCodeActionKinds: RubricCodeActions.providedCodeActionKinds,
    }),
    vscode.languages.registerHoverProvider(selector, new RubricHover(lints)),
    vscode.languages.registerCompletionItemProvider(selector, new RubricCompletion(engines, (d) => lints.applies(d))),
    vscode.languages.registerDocumentSymbolProvider(selector, new RubricSymbols(lints, (r) => {
      const letter = letterNodes(r);
      return letter.length ? letter : sectionNodes(r);
    }), {label: 'Rubric'}),
  );
  registerCommands(context, lints);
  registerKamerbriefCommands(context, engines);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
