/** Completion of glossary terms and their written-out forms (`Toetsings…` -> `Toetsingscommissie Inzet Bevoegdheden (TIB)`). */

import {now} from '../core/clock.js';
import * as vscode from 'vscode';
import type {Engine} from '../core/engine.js';
import type {EngineProvider} from './engines.js';
import {formatDutchDate} from '../core/kamerbrief/index.js';
import {completionEntries, type CompletionEntry} from '../core/lookup.js';
import {t} from './i18n.js';

export class RubricCompletion implements vscode.CompletionItemProvider {
  private readonly cache = new WeakMap<Engine, vscode.CompletionItem[]>();

  constructor(private readonly engines: EngineProvider, private readonly applies: (d: vscode.TextDocument) => boolean) {}

  provideCompletionItems(document: vscode.TextDocument): vscode.CompletionItem[] {
    if (!this.applies(document)) return [];
    const engine = this.engines.forDocument(document);
    let items = this.cache.get(engine);
    if (!items) {
      items = this.build(engine);
      this.cache.set(engine, items);
    }
    const today = formatDutchDate(now());
    const word = t(engine.data.config.lang, 'today');
    const date = new vscode.CompletionItem({label: word, description: today}, vscode.CompletionItemKind.Value);
    date.insertText = today;
    date.filterText = `${word} vandaag today datum`;
    return [...items, date];
  }

  private build(engine: Engine): vscode.CompletionItem[] {
    return completionEntries(engine).map((e) => {
      const item = new vscode.CompletionItem({label: e.label, description: e.description}, KINDS[e.kind]);
      // The whole definition, in the details pane (escaped Markdown, wrapping at spaces).
      if (e.kind === 'term') item.detail = e.description || e.label;
      if (e.kind === 'expansion') item.detail = e.label;
      if (e.filterText !== e.label) item.filterText = e.filterText;
      if (e.insertText !== e.label) item.insertText = e.insertText;
      item.documentation = new vscode.MarkdownString(e.documentation);
      return item;
    });
  }
}

const KINDS: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  term: vscode.CompletionItemKind.Text,
  expansion: vscode.CompletionItemKind.Snippet,
  banner: vscode.CompletionItemKind.Constant,
  portion: vscode.CompletionItemKind.Constant,
};
