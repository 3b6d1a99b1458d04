/** Completion of glossary terms and their written-out forms (`Toetsings…` -> `Toetsingscommissie Inzet Bevoegdheden (TIB)`). */

import {now} from '../core/clock.js';
import * as vscode from 'vscode';
import type {Engine} from '../core/engine.js';
import type {EngineProvider} from './engines.js';
import {formatDutchDate} from '../core/kamerbrief/index.js';
import {entryMarkdown, levelMarkdown} from './hover.js';
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
    const {entries, config, wellKnown} = engine.data;
    const items: vscode.CompletionItem[] = [];
    for (const e of entries) {
      if (e.deprecated) continue;
      const docs = entryMarkdown(e, config.lang);
      const term = new vscode.CompletionItem({label: e.term, description: e.expansions[0]}, vscode.CompletionItemKind.Text);
      // The whole definition, in the details pane (escaped Markdown, wrapping at spaces).
      term.detail = e.expansions[0] ?? e.term;
      term.documentation = docs;
      items.push(term);
      if (e.expansions.length && !wellKnown.has(e.term)) {
        const text = `${e.expansions[0]} (${e.term})`;
        const intro = new vscode.CompletionItem({label: text, description: 'Rubric'}, vscode.CompletionItemKind.Snippet);
        intro.filterText = e.expansions[0];
        intro.insertText = text;
        intro.detail = text;
        intro.documentation = docs;
        items.push(intro);
      }
    }
    const {markings} = engine.data;
    for (const level of [...markings.levels, ...markings.labels]) {
      const banner = new vscode.CompletionItem({label: level.banner, description: level.schemeName}, vscode.CompletionItemKind.Constant);
      banner.documentation = levelMarkdown(level, markings, config.lang);
      items.push(banner);
      for (const portion of level.portions.slice(0, 1)) {
        const mark = new vscode.CompletionItem({label: portion, description: level.banner}, vscode.CompletionItemKind.Constant);
        mark.filterText = portion;
        mark.documentation = banner.documentation;
        items.push(mark);
      }
    }
    return items;
  }
}
