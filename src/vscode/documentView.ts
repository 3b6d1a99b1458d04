/**
 * The Rubric view in the Explorer: what Rubric knows of the active document
 * and VS Code's own outline does not: its kind and date, a letter's parts
 * (address block, fields, salutation, signature) and its classification
 * (banners, highest portion mark, classification period, the level of each
 * marked section). A click selects the part in the editor.
 */

import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {intended} from '../core/markings/fixes.js';
import {classify, type MarkingOccurrence} from '../core/markings/index.js';
import type {LintController} from './diagnostics.js';
import {t} from './i18n.js';
import {statusOf} from './statusBar.js';
import {letterNodes, profileNode, type OutlineKind, type OutlineNode} from '../core/outline.js';

interface Node {
  label: string;
  description?: string;
  icon: string;
  start: number;
  end: number;
  children: Node[];
  warning?: boolean;
}

export class RubricDocumentView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private document: vscode.TextDocument | undefined;

  constructor(private readonly lints: LintController) {
    this.disposables.push(
      this.emitter,
      vscode.window.registerTreeDataProvider('rubric.document', this),
      lints.onDidLint((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.emitter.fire();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.emitter.fire()),
      vscode.commands.registerCommand('rubric.reveal', async (uri: vscode.Uri, start: number, end: number) => {
        const editor = await vscode.window.showTextDocument(uri, {preserveFocus: false});
        const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }),
    );
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    if (node.description) item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon, node.warning ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (this.document) item.command = {title: node.label, command: 'rubric.reveal', arguments: [this.document.uri, node.start, node.end]};
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.children;
    const document = vscode.window.activeTextEditor?.document;
    const result = document && this.lints.resultFor(document);
    this.document = result ? document : undefined;
    return result ? documentNodes(result) : [];
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The view's nodes for one lint. */
export function documentNodes(result: LintResult): Node[] {
  const lang = result.context.data.config.lang;
  const {lines} = result.context;
  const c = classify(result.context);
  const line = (o: {start: number}) => `${lang === 'nl' ? 'regel' : 'line'} ${lines.position(o.start).line + 1}`;
  const mark = (label: string, o: MarkingOccurrence): Node => ({label: `${label}: ${intended(o)}`, description: line(o), icon: 'shield', start: o.start, end: o.end, children: []});
  const status = statusOf(result, lang);
  const facts: Node[] = [];
  if (c.top) facts.push(mark(lang === 'nl' ? 'Bovenaan' : 'Top', c.top));
  if (c.bottom) facts.push(mark(lang === 'nl' ? 'Onderaan' : 'Bottom', c.bottom));
  if (c.highestPortion) facts.push(mark(lang === 'nl' ? 'Hoogste portiemarkering' : 'Highest portion mark', c.highestPortion));
  if (c.duration) facts.push({label: `${c.duration.label}: ${c.duration.value || '–'}`, description: line(c.duration), icon: 'calendar', start: c.duration.start, end: c.duration.end, children: []});
  for (const s of c.sections) {
    if (!s.level) continue;
    facts.push({label: s.title || '…', description: s.level.banner, icon: 'symbol-string', start: s.headingStart, end: s.headingEnd, children: []});
  }
  const first = c.top ?? c.bottom ?? c.highestPortion;
  const classification: Node = {
    label: `${t(lang, 'classification')}: ${status.text}`, icon: status.warning ? 'warning' : 'law', warning: status.warning,
    start: first?.start ?? 0, end: first?.end ?? 0, children: facts,
  };
  const profile = toNode(profileNode(result), 'file-text');
  const parts = letterNodes(result).filter((n) => n.kind !== 'section').map((n) => toNode(n, icons[n.kind] ?? 'symbol-field'));
  return [profile, ...parts, classification];
}

const icons: Partial<Record<OutlineKind, string>> = {
  address: 'mail',
  field: 'symbol-field',
  salutation: 'comment',
  signature: 'edit',
};

function toNode(n: OutlineNode, icon: string): Node {
  return {label: n.name, ...(n.detail ? {description: n.detail} : {}), icon, start: n.start, end: Math.max(n.titleEnd, n.start), children: []};
}
