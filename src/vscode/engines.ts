/**
 * Which engine lints a document: the built-in data, the nearest
 * `.rubric.yaml` and its glossaries, and the settings. Engines are cached per
 * configuration; a broken configuration or glossary is shown in the Problems
 * panel on its own file while linting goes on with the last good engine.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import {Engine} from '../core/engine.js';
import {formatProblem, type InputProblem} from '../core/types.js';
import {findConfig, loadEngine, CONFIG_NAME} from '../node/files.js';
import {filePathOf, resourceOf} from './convert.js';
import {t} from './i18n.js';
import type {RubricLog} from './log.js';
import type {SettingsCache} from './settings.js';

export class EngineProvider implements vscode.Disposable {
  private readonly engines = new Map<string, Engine>();
  private readonly inputDiagnostics = vscode.languages.createDiagnosticCollection('rubric-config');
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when engines were dropped (configuration, glossary or trust changed). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private watchedFiles = new Set<string>();
  /** Engines are dropped lazily, at the next request after a change. */
  private pendingReset = false;
  /** The last engine built without errors, per configuration: used while an input is broken. */
  private readonly lastGood = new Map<string, Engine>();
  /** The input problems of every engine loaded since the last reset, shown together. */
  private readonly problemsByKey = new Map<string, InputProblem[]>();
  private builtinEngine: Engine | undefined;

  constructor(private readonly settings: SettingsCache, private readonly log: RubricLog) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_NAME},*.yaml,*.yml}`);
    const onFile = (uri: vscode.Uri) => {
      if (path.basename(uri.fsPath) === CONFIG_NAME || this.watchedFiles.has(uri.fsPath)) this.refresh();
    };
    this.disposables.push(
      watcher, watcher.onDidChange(onFile), watcher.onDidCreate(onFile), watcher.onDidDelete(onFile),
      settings.onDidChange(() => this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
      vscode.workspace.onDidSaveTextDocument((d) => onFile(d.uri)),
    );
  }

  /** Drops every engine (lazily, at the next request): on a change the watcher saw, or after Rubric itself wrote a configuration file. */
  refresh(): void {
    this.pendingReset = true;
    this.emitter.fire();
  }

  /** The engine on the built-in data alone (for a command run without a document). */
  builtin(): Engine {
    this.builtinEngine ??= loadEngine(path.join(process.cwd(), 'untitled.md'), {builtinOnly: true}).engine;
    return this.builtinEngine;
  }


  /** The engine for a document; never throws: a broken input falls back to the last good engine. */
  forDocument(document: Pick<vscode.TextDocument, 'uri'>): Engine {
    if (this.pendingReset) {
      this.engines.clear();
      this.problemsByKey.clear();
      this.pendingReset = false;
    }
    const uri = resourceOf(document.uri);
    const settings = this.settings.get(uri);
    const trusted = vscode.workspace.isTrusted;
    const file = filePathOf(uri) ?? path.join(vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd(), 'untitled.md');
    const configFile = trusted ? findConfig(file) : undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    const key = JSON.stringify([trusted, configFile ?? '', folder ?? '', settings.glossaries, settings.rules, settings.lang]);
    let engine = this.engines.get(key);
    if (engine) return engine;
    const glossaries = trusted ? settings.glossaries.map((g) => path.resolve(folder ?? path.dirname(file), g)) : [];
    const started = performance.now();
    const loaded = loadEngine(file, {builtinOnly: !trusted, configFile, glossaries, rules: settings.rules, ...(settings.lang ? {lang: settings.lang} : {})});
    const ms = performance.now() - started;
    loaded.files.forEach((f) => this.watchedFiles.add(f));
    const broken = loaded.problems.some((p) => p.severity === 'error');
    const {config, entries} = loaded.engine.data;
    const lang = config.lang;
    this.log.lang = lang;
    this.log.info('logEngine', ms.toFixed(0), trusted ? configFile ? t(lang, 'logConfig', configFile) : t(lang, 'logNoConfig') : t(lang, 'logUntrusted'),
      entries.length, loaded.files.length ? loaded.files.join(', ') : t(lang, 'logNone'), lang,
      t(lang, settings.lang ? 'logLangSetting' : configFile ? 'logLangFile' : 'logLangDefault'));
    for (const p of loaded.problems) this.log.problem(p.severity, formatProblem(p, lang));
    if (broken) this.log.warn('logBroken');
    this.problemsByKey.set(key, loaded.problems);
    this.showProblems(broken, config.lang);
    engine = broken ? this.lastGood.get(key) ?? loaded.engine : loaded.engine;
    if (!broken) this.lastGood.set(key, engine);
    this.engines.set(key, engine);
    return engine;
  }

  private showProblems(newErrors: boolean, lang: 'nl' | 'en'): void {
    const seen = new Set<string>();
    const problems = [...this.problemsByKey.values()].flat().filter((p) => {
      const id = `${p.file}:${p.line}:${p.column}:${p.message.en}`;
      return !seen.has(id) && seen.add(id);
    });
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      const line = Math.max(0, p.line - 1);
      const col = Math.max(0, p.column - 1);
      const d = new vscode.Diagnostic(
        new vscode.Range(line, col, line, col + 1),
        p.field ? `${p.message[lang]} (${p.field})` : p.message[lang],
        p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Rubric';
      const list = byFile.get(p.file) ?? [];
      list.push(d);
      byFile.set(p.file, list);
    }
    this.inputDiagnostics.clear();
    for (const [file, list] of byFile) this.inputDiagnostics.set(vscode.Uri.file(file), list);
    if (newErrors) {
      void vscode.window.showWarningMessage(t(lang, 'configBroken'));
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.inputDiagnostics.dispose();
    this.emitter.dispose();
  }
}
