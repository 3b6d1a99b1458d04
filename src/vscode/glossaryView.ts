/**
 * The Glossary view in the Explorer: the glossaries in force for the active
 * document (the built-in one, those `.rubric.yaml` and the settings name)
 * with their files, entries grouped by category, a filter, and for each entry
 * its definition, expansion, variants, deprecation and minimum level; "Go to
 * definition" opens the entry in its YAML file, "Find in workspace" searches
 * for the term. A hover on a term links here (rubric.showInGlossary).
 */

import * as vscode from 'vscode';
import type {BaseLanguageClient} from 'vscode-languageclient/lib/common/api.js';
import {fold} from '../core/text.js';
import type {Lang} from '../core/types.js';
import {EDITOR_REQUESTS, type EntryInfo, type GlossaryAnswer} from '../server/protocol.js';
import {baseName} from './convert.js';
import {te} from './editTexts.js';

type GlossaryEntry = EntryInfo;

type Node =
  | {kind: 'file'; file: string; builtin: boolean; entries: GlossaryEntry[]}
  | {kind: 'category'; file: string; category: string; entries: GlossaryEntry[]; parent: Node}
  | {kind: 'entry'; entry: GlossaryEntry; parent: Node}
  | {kind: 'detail'; label: string; value: string; parent: Node};

export function registerGlossaryView(context: vscode.ExtensionContext, client: BaseLanguageClient, onEnginesChanged: vscode.Event<unknown>): void {
  const provider = new GlossaryTree(client, onEnginesChanged);
  const view = vscode.window.createTreeView('rubric.glossary', {treeDataProvider: provider, showCollapseAll: true});
  provider.view = view;
  context.subscriptions.push(
    provider, view,
    vscode.commands.registerCommand('rubric.glossaryFilter', async () => {
      const value = await vscode.window.showInputBox({prompt: te(provider.lang, 'viewFilter'), value: provider.filter});
      if (value !== undefined) provider.setFilter(value);
    }),
    vscode.commands.registerCommand('rubric.glossaryClearFilter', () => provider.setFilter('')),
    vscode.commands.registerCommand('rubric.glossaryRefresh', () => provider.refresh()),
    vscode.commands.registerCommand('rubric.glossaryGoTo', (node?: Node) => goTo(node ?? selected(view))),
    vscode.commands.registerCommand('rubric.glossaryFind', (node?: Node) => find(node ?? selected(view))),
    vscode.commands.registerCommand('rubric.showInGlossary', (term: string) => provider.reveal(term)),
  );
}

function selected(view: vscode.TreeView<Node>): Node | undefined {
  return view.selection[0];
}

async function goTo(node: Node | undefined): Promise<void> {
  if (node?.kind !== 'entry') return;
  const {file, line} = node.entry;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const at = new vscode.Position(Math.max(0, line - 1), 0);
  const lineText = document.lineAt(at.line).text;
  const column = Math.max(0, lineText.indexOf(node.entry.term));
  await vscode.window.showTextDocument(document, {selection: new vscode.Range(at.line, column, at.line, column + (column ? node.entry.term.length : 0)), preview: true});
}

async function find(node: Node | undefined): Promise<void> {
  if (node?.kind !== 'entry') return;
  await vscode.commands.executeCommand('workbench.action.findInFiles', {
    query: node.entry.term, isRegex: false, matchWholeWord: true, isCaseSensitive: node.entry.caseSensitive ?? /^[\p{Lu}\d&]+$/u.test(node.entry.term),
    triggerSearch: true,
  });
}

class GlossaryTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  view?: vscode.TreeView<Node>;
  filter = '';
  lang: Lang = 'nl';
  private roots: Node[] | undefined;

  constructor(private readonly client: BaseLanguageClient, onEnginesChanged: vscode.Event<unknown>) {
    this.disposables.push(
      this.emitter,
      onEnginesChanged(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && vscode.languages.match(this.client.clientOptions.documentSelector as vscode.DocumentSelector, e.document)) this.refresh();
      }),
    );
  }

  refresh(): void {
    this.roots = undefined;
    this.emitter.fire(undefined);
  }

  setFilter(value: string): void {
    this.filter = value.trim();
    void vscode.commands.executeCommand('setContext', 'rubric.glossaryFiltered', this.filter !== '');
    if (this.view) this.view.message = this.filter ? te(this.lang, 'viewFiltered', this.filter) : undefined;
    this.refresh();
  }

  /** Shows the entry of `term` in the view, expanded (the filter cleared when it hides the entry). */
  async reveal(term: string): Promise<void> {
    const find = async () => {
      for (const root of await this.build()) {
        for (const category of this.childrenOf(root)) {
          const entry = this.childrenOf(category).find((n) => n.kind === 'entry' && n.entry.term === term);
          if (entry) return entry;
        }
      }
      return undefined;
    };
    let entry = await find();
    if (!entry && this.filter) {
      this.setFilter('');
      entry = await find();
    }
    if (!entry || !this.view) return;
    // The tree may still be refreshing (a change of filter or glossary): asked again a moment later.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.view.reveal(entry, {select: true, focus: true, expand: true});
        return;
      } catch (e) {
        if (attempt === 4) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** The entries in force for the active document (or the workspace folder), from the server. */
  private async entries(): Promise<GlossaryEntry[]> {
    const document = vscode.window.activeTextEditor?.document;
    const answer = await this.client.sendRequest<GlossaryAnswer>(EDITOR_REQUESTS.glossary, {uri: document ? this.client.code2ProtocolConverter.asUri(document.uri) : undefined});
    this.lang = answer.lang;
    return answer.entries;
  }

  private async build(): Promise<Node[]> {
    if (this.roots) return this.roots;
    const key = fold(this.filter).toLowerCase();
    const matches = (e: GlossaryEntry) => !key || [e.term, ...e.expansions, ...e.variants, e.definition].some((s) => fold(s).toLowerCase().includes(key));
    const byFile = new Map<string, GlossaryEntry[]>();
    for (const e of await this.entries()) {
      if (!matches(e)) continue;
      const list = byFile.get(e.file) ?? [];
      list.push(e);
      byFile.set(e.file, list);
    }
    const builtin = (file: string) => byFile.get(file)![0].builtin;
    // The built-in glossary first, then the files in the order they are read.
    const files = [...byFile.keys()].sort((a, b) => Number(builtin(b)) - Number(builtin(a)));
    this.roots = files.map((file) => ({kind: 'file' as const, file, builtin: builtin(file), entries: byFile.get(file)!}));
    return this.roots;
  }

  getChildren(node?: Node): Node[] | Promise<Node[]> {
    if (!node) return this.build();
    return this.childrenOf(node);
  }

  private childrenOf(node: Node): Node[] {
    if (node.kind === 'file') {
      const byCategory = new Map<string, GlossaryEntry[]>();
      for (const e of node.entries) {
        const c = e.category ?? '';
        byCategory.set(c, [...(byCategory.get(c) ?? []), e]);
      }
      return [...byCategory.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'nl')))
        .map((category) => ({kind: 'category' as const, file: node.file, category, entries: byCategory.get(category)!, parent: node}));
    }
    if (node.kind === 'category') {
      return [...node.entries].sort((a, b) => a.term.localeCompare(b.term, 'nl')).map((entry) => ({kind: 'entry' as const, entry, parent: node}));
    }
    if (node.kind === 'entry') {
      const e = node.entry;
      const L = (k: Parameters<typeof te>[1]) => te(this.lang, k);
      const details: [string, string][] = [];
      if (e.expansions.length) details.push([L('fieldExpansion'), e.expansions.join(' / ')]);
      details.push([L('fieldDefinition'), e.definition]);
      if (e.variants.length) details.push([L('fieldVariants'), e.variants.join(', ')]);
      if (e.deprecated) details.push([L('fieldDeprecated'), `→ ${e.deprecated.replacement} (${L('since')} ${e.deprecated.since})`]);
      if (e.minimumMarking) details.push([L('fieldMinimum'), e.minimumMarking]);
      if (e.wellKnown) details.push([L('fieldWellKnown'), '✓']);
      return details.map(([label, value]) => ({kind: 'detail' as const, label, value, parent: node}));
    }
    return [];
  }

  /** Items of a filtered tree are new to VS Code, so that they open expanded (it keeps the state of a known id). */
  private idPrefix(): string {
    return this.filter ? `filter:${this.filter}|` : '';
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'file' ? undefined : node.parent;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'file': {
        const builtin = node.builtin;
        const item = new vscode.TreeItem(builtin ? `${te(this.lang, 'builtin')} (${baseName(node.file)})` : baseName(node.file), vscode.TreeItemCollapsibleState.Collapsed);
        const where = builtin ? '' : vscode.workspace.asRelativePath(node.file);
        const n = node.entries.length;
        item.description = [where.includes('/') ? where : '', n === 1 ? te(this.lang, 'oneTerm') : te(this.lang, 'terms', n)].filter(Boolean).join(' · ');
        item.resourceUri = vscode.Uri.file(node.file);
        item.iconPath = new vscode.ThemeIcon(builtin ? 'library' : 'book');
        item.tooltip = node.file;
        item.id = `${this.idPrefix()}file:${node.file}`;
        if (this.filter) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        return item;
      }
      case 'category': {
        const item = new vscode.TreeItem(node.category || te(this.lang, 'noCategory'), this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.entries.length);
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.id = `${this.idPrefix()}category:${node.file}:${node.category}`;
        return item;
      }
      case 'entry': {
        const e = node.entry;
        const item = new vscode.TreeItem(e.term, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = e.deprecated ? `→ ${e.deprecated.replacement}` : e.expansions[0] ?? (e.minimumMarking ? `≥ ${e.minimumMarking}` : '');
        item.tooltip = new vscode.MarkdownString(e.markdown);
        item.contextValue = 'rubricEntry';
        item.iconPath = new vscode.ThemeIcon(e.minimumMarking ? 'lock' : e.deprecated ? 'history' : 'symbol-key');
        item.id = `${this.idPrefix()}entry:${e.file}:${e.term}`;
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(`${node.label}: ${node.value}`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.value;
        item.id = `${this.idPrefix()}detail:${(node.parent as {entry: GlossaryEntry}).entry.file}:${(node.parent as {entry: GlossaryEntry}).entry.term}:${node.label}`;
        return item;
      }
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
