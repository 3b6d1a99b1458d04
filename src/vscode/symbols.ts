/**
 * The live outline of a plain-text document (VS Code has none of its own):
 * the document's kind and date first, then its sections (title lines; an
 * image caption is none, src/core/caption.ts) or a letter's parts, nested by
 * depth, each with its classification where portion marks are used (src/core/outline.ts). Markdown documents keep VS
 * Code's own outline of their headings, without a second copy from Rubric;
 * what Rubric adds to them is in the Rubric view (documentView.ts).
 */

import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {nest, profileNode, sectionNodes, type OutlineKind, type OutlineNode} from '../core/outline.js';
import {toRange} from './convert.js';
import type {LintController} from './diagnostics.js';

/** VS Code's symbol kind of each kind of outline node. */
export const SYMBOL_KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  file: vscode.SymbolKind.File,
  address: vscode.SymbolKind.Namespace,
  field: vscode.SymbolKind.Field,
  salutation: vscode.SymbolKind.Key,
  section: vscode.SymbolKind.String,
  signature: vscode.SymbolKind.Constructor,
};

export class RubricSymbols implements vscode.DocumentSymbolProvider {
  /** `outline` gives the document's nodes in document order (the sections, or a letter's parts). */
  constructor(private readonly lints: LintController, private readonly outline: (r: LintResult) => OutlineNode[] = sectionNodes) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const result = this.lints.resultFor(document);
    if (!result) return [];
    const nodes = this.outline(result);
    const convert = (n: OutlineNode): vscode.DocumentSymbol => {
      const end = Math.max(n.end, n.titleEnd);
      const sym = new vscode.DocumentSymbol(n.name, n.detail, SYMBOL_KINDS[n.kind], toRange(document, n.start, end), toRange(document, n.start, n.titleEnd));
      sym.children = n.children.map(convert);
      return sym;
    };
    // The document's kind and date come first, beside its parts.
    return [convert(profileNode(result)), ...nest(nodes).map(convert)];
  }
}
