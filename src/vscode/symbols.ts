/** The live outline: headings (Markdown) or title lines (plain text) as nested sections. */

import * as vscode from 'vscode';
import type {LintResult} from '../core/engine.js';
import {toRange} from './convert.js';
import type {LintController} from './diagnostics.js';

export interface Section {
  name: string;
  detail: string;
  start: number;
  /** End of the heading line (the selection range). */
  headingEnd: number;
  end: number;
  depth: number;
  children: Section[];
}

/** Sections from the headings of a lint result, nested by depth, each running to the next heading at its depth or above. */
export function sectionsOf(result: LintResult): Section[] {
  const {blocks, text} = result.context;
  const headings = blocks.filter((b) => b.kind === 'heading');
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const h of headings) {
    const raw = text.slice(h.start, h.end).split(/\r?\n/)[0];
    const name = raw.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '').replace(/[*_`]/g, '').trim() || raw.trim();
    const section: Section = {name, detail: '', start: h.start, headingEnd: h.end, end: text.length, depth: h.depth ?? 1, children: []};
    while (stack.length && stack[stack.length - 1].depth >= section.depth) stack.pop()!.end = h.start;
    (stack.length ? stack[stack.length - 1].children : roots).push(section);
    stack.push(section);
  }
  return roots;
}

export class RubricSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly lints: LintController) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const result = this.lints.resultFor(document);
    if (!result) return [];
    const convert = (s: Section): vscode.DocumentSymbol => {
      const sym = new vscode.DocumentSymbol(
        s.name, s.detail, vscode.SymbolKind.String,
        toRange(document, s.start, Math.max(s.end, s.headingEnd)), toRange(document, s.start, s.headingEnd),
      );
      sym.children = s.children.map(convert);
      return sym;
    };
    return sectionsOf(result).map(convert);
  }
}
