/**
 * The live outline of a plain-text document (VS Code has none of its own):
 * the document's kind and date first, then its sections (title lines; an
 * image caption is none, src/core/caption.ts) or a letter's parts, nested by
 * depth, each with its classification where portion marks are used. Markdown documents keep VS
 * Code's own outline of their headings, without a second copy from Rubric;
 * what Rubric adds to them is in the Rubric view (documentView.ts).
 */

import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {classify, type SectionClassification} from '../core/markings/index.js';
import {documentProfileOf} from '../core/document/profile.js';
import {DATE_SOURCE_LABELS, KIND_LABELS, KIND_SOURCE_LABELS} from '../core/document/kinds.js';
import {formatDutchDate} from '../core/kamerbrief/dates.js';
import {toRange} from './convert.js';
import type {LintController} from './diagnostics.js';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: vscode.SymbolKind;
  start: number;
  /** End of the title (the selection range). */
  titleEnd: number;
  end: number;
  depth: number;
  children: OutlineNode[];
}

/** Nests nodes by depth: each goes under the nearest earlier node of a smaller depth. */
export function nest(nodes: OutlineNode[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const node of nodes) {
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

export function sectionNodes(result: LintResult): OutlineNode[] {
  return classify(result.context).sections.map((s: SectionClassification) => ({
    name: s.title || '…',
    detail: s.level?.banner ?? '',
    kind: vscode.SymbolKind.String,
    start: s.headingStart,
    titleEnd: s.headingEnd,
    end: s.end,
    depth: s.depth,
    children: [],
  }));
}

/** `Kamerstuk · 18 december 2013 (Den Haag-regel)`: the document's kind and date, and where the date came from. */
export function profileNode(result: LintResult): OutlineNode {
  const lang = result.context.data.config.lang;
  const p = documentProfileOf(result.context);
  const [year, month, day] = p.date.iso.split('-').map(Number);
  const name = `${KIND_LABELS[p.kind][lang]} · ${formatDutchDate({year, month, day})} (${DATE_SOURCE_LABELS[p.date.from][lang]})`;
  const start = p.date.start ?? 0;
  const end = p.date.end ?? 0;
  return {name, detail: KIND_SOURCE_LABELS[p.kindFrom][lang], kind: vscode.SymbolKind.File, start, titleEnd: end, end, depth: 0, children: []};
}

export class RubricSymbols implements vscode.DocumentSymbolProvider {
  /** `outline` gives the document's nodes in document order (the sections, or a letter's parts). */
  constructor(private readonly lints: LintController, private readonly outline: (r: LintResult) => OutlineNode[] = sectionNodes) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const result = this.lints.resultFor(document);
    if (!result) return [];
    const nodes = this.outline(result);
    const convert = (n: OutlineNode): vscode.DocumentSymbol => {
      const end = Math.max(n.end, n.titleEnd);
      const sym = new vscode.DocumentSymbol(n.name, n.detail, n.kind, toRange(document, n.start, end), toRange(document, n.start, n.titleEnd));
      sym.children = n.children.map(convert);
      return sym;
    };
    // The document's kind and date come first, beside its parts.
    return [convert(profileNode(result)), ...nest(nodes).map(convert)];
  }
}
