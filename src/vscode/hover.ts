/**
 * Hover on a glossary term, variant or acronym: what the glossary says of it
 * (src/core/describe.ts), as escaped Markdown that wraps at spaces (never
 * `appendText`, which joins words with non-breaking spaces).
 */

import * as vscode from 'vscode';
import {entryMarkdown as entryText, levelMarkdown as levelText} from '../core/describe.js';
import type {GlossaryEntry} from '../core/glossary.js';
import {hoverAt} from '../core/lookup.js';
import type {MarkingLevel, MarkingRuleset} from '../core/markings/index.js';
import type {Lang} from '../core/types.js';
import {toRange} from './convert.js';
import type {LintController} from './diagnostics.js';
import {withGlossaryLink} from './glossaryView.js';

export function entryMarkdown(e: GlossaryEntry, lang: Lang): vscode.MarkdownString {
  return new vscode.MarkdownString(entryText(e, lang));
}

/** A marking's scheme, level, rank and the equivalent levels of the other schemes. */
export function levelMarkdown(level: MarkingLevel, ruleset: MarkingRuleset, lang: Lang, expected?: string): vscode.MarkdownString {
  return new vscode.MarkdownString(levelText(level, ruleset, lang, expected));
}

export class RubricHover implements vscode.HoverProvider {
  constructor(private readonly lints: LintController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.lints.resultFor(document);
    const hover = result && hoverAt(result, document.offsetAt(position));
    if (!hover) return undefined;
    const md = new vscode.MarkdownString(hover.markdown);
    // A term's hover links to its entry in the Glossary view.
    const shown = hover.term ? withGlossaryLink(md, hover.term, result.context.data.config.lang) : md;
    return new vscode.Hover(shown, toRange(document, hover.start, hover.end));
  }
}
