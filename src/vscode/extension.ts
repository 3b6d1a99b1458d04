/** Rubric's VS Code entry point: wires the modules, each disposed through the context. */

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {RubricCodeActions} from './codeActions.js';
import {registerCommands} from './commands.js';
import {LINTED_SCHEMES, OFFICE_SCHEME} from './convert.js';
import {RubricCompletion} from './completion.js';
import {LintController} from './diagnostics.js';
import {RubricDocumentView} from './documentView.js';
import {EngineProvider} from './engines.js';
import {RubricHover} from './hover.js';
import {RubricLog} from './log.js';
import {SettingsCache} from './settings.js';
import {RubricStatusBar} from './statusBar.js';
import {registerKamerbriefCommands} from './kamerbrief.js';
import {letterNodes, sectionNodes} from '../core/outline.js';
import {RubricSymbols} from './symbols.js';
// Issue 16: growing the glossary, the Glossary view, setting the classification.
import {registerClassify} from './classify.js';
import {registerGlossaryEdit} from './glossaryEdit.js';
import {registerGlossaryView} from './glossaryView.js';
import {registerOfficeView} from './officeView.js';

export function activate(context: vscode.ExtensionContext): void {
  const settings = new SettingsCache();
  const log = new RubricLog(settings.get(vscode.workspace.workspaceFolders?.[0]?.uri).lang ?? 'nl');
  log.info('logActivated', context.extension.packageJSON.version, vscode.version, vscode.env.appName, vscode.env.language);
  const engines = new EngineProvider(settings, log);
  const lints = new LintController(settings, engines, log, snippetPrefixes(context, log), context.extensionPath);
  const selector: vscode.DocumentSelector = LINTED_SCHEMES.map((scheme) => ({scheme}));
  // The text of an Office file is read-only: its quick fixes are made in the file (officeView.ts), and nothing is typed into it.
  const editable: vscode.DocumentSelector = LINTED_SCHEMES.filter((s) => s !== OFFICE_SCHEME).map((scheme) => ({scheme}));
  // VS Code outlines Markdown headings itself: Rubric's outline is for plain text only (its additions to
  // a Markdown document are in the Rubric view), so that no heading is listed twice.
  const plainText: vscode.DocumentSelector = LINTED_SCHEMES.map((scheme) => ({scheme, language: 'plaintext'}));
  context.subscriptions.push(
    log, settings, engines, lints,
    new RubricStatusBar(lints),
    new RubricDocumentView(lints),
    vscode.languages.registerCodeActionsProvider(editable, new RubricCodeActions(lints), {
      providedCodeActionKinds: RubricCodeActions.providedCodeActionKinds,
    }),
    vscode.languages.registerHoverProvider(selector, new RubricHover(lints)),
    vscode.languages.registerCompletionItemProvider(editable, new RubricCompletion(engines, (d) => lints.applies(d))),
    vscode.languages.registerDocumentSymbolProvider(plainText, new RubricSymbols(lints, (r) => {
      const letter = letterNodes(r);
      return letter.length ? letter : sectionNodes(r);
    })),
  );
  registerCommands(context, lints, engines);
  registerKamerbriefCommands(context, engines, lints);
  // Issue 16: growing the glossary, the Glossary view, setting the classification.
  registerGlossaryEdit(context, lints, engines, selector);
  registerGlossaryView(context, lints, engines);
  registerClassify(context, lints);
  // Issue 15: Word and OpenDocument files, their text read-only beside them.
  registerOfficeView(context, {engineFor: (uri) => engines.forDocument({uri})});
}

/** The prefixes of the snippets Rubric contributes (`kamerbrief`, `kb-adres` …), lower case. */
function snippetPrefixes(context: vscode.ExtensionContext, log: RubricLog): string[] {
  const prefixes: string[] = [];
  const contributed = (context.extension.packageJSON.contributes?.snippets ?? []) as {path: string}[];
  for (const file of new Set(contributed.map((s) => s.path))) {
    try {
      const snippets = JSON.parse(fs.readFileSync(path.join(context.extensionPath, file), 'utf8')) as Record<string, {prefix: string | string[]}>;
      for (const s of Object.values(snippets)) prefixes.push(...[s.prefix].flat().map((p) => p.toLowerCase()));
    } catch (e) {
      log.warn('logSnippets', file, (e as Error).message);
    }
  }
  return [...new Set(prefixes)];
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
