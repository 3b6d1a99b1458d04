/**
 * The Rubric view in the Explorer: what Rubric knows of the active document and VS Code's own outline
 * does not (the server's `rubric/documentInfo`): its kind and date, a letter's parts (address block,
 * fields, salutation, signature) and its classification (banners, highest portion mark, classification
 * period, the level of each marked section). A click selects the part in the editor.
 */

import * as vscode from 'vscode';
import type {ViewNode} from '../server/protocol.js';
import type {ActiveDocument} from './activeDocument.js';

export class RubricDocumentView implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly active: ActiveDocument) {
    this.disposables.push(
      this.emitter,
      vscode.window.registerTreeDataProvider('rubric.document', this),
      active.onDidChange(() => this.emitter.fire()),
      vscode.commands.registerCommand('rubric.reveal', async (uri: vscode.Uri, range: vscode.Range) => {
        const editor = await vscode.window.showTextDocument(uri, {preserveFocus: false});
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }),
    );
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    if (node.description) item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon, node.warning ? new vscode.ThemeColor('list.warningForeground') : undefined);
    const document = this.active.current?.document;
    if (document) {
      const {start, end} = node.range;
      item.command = {title: node.label, command: 'rubric.reveal', arguments: [document.uri, new vscode.Range(start.line, start.character, end.line, end.character)]};
    }
    return item;
  }

  getChildren(node?: ViewNode): ViewNode[] {
    if (node) return node.children;
    return this.active.current?.info.nodes ?? [];
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
