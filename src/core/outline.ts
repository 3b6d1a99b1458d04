/**
 * A document's outline for the editors: its kind and date, its sections (title
 * lines, or Markdown headings) with the classification of each where portion
 * marks are used, and a letter's parts (address block, fields, salutation,
 * sections, signature). Offsets into the linted text; each editor layer turns
 * the kinds into its own symbol kinds.
 */

import {DATE_SOURCE_LABELS, KIND_LABELS, KIND_SOURCE_LABELS} from './document/kinds.js';
import {documentProfileOf} from './document/profile.js';
import type {LintResult} from './engine.js';
import {formatDutchDate, kamerbriefOf} from './kamerbrief/index.js';
import {classify, type MarkingLevel, type SectionClassification} from './markings/index.js';

/** What a node stands for: the document itself, a letter's address block, a field, the salutation, a section, the signature. */
export type OutlineKind = 'file' | 'address' | 'field' | 'salutation' | 'section' | 'signature';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  start: number;
  /** End of the title (the selection range). */
  titleEnd: number;
  end: number;
  depth: number;
  children: OutlineNode[];
}

const LABELS = {
  address: {nl: 'Adresblok', en: 'Address'},
  signature: {nl: 'Ondertekening', en: 'Signature'},
};

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

/** The document's sections (an image caption is none, src/core/caption.ts), each with its classification. */
export function sectionNodes(result: LintResult): OutlineNode[] {
  return classify(result.context).sections.map((s: SectionClassification) => ({
    name: s.title || '…',
    detail: s.level?.banner ?? '',
    kind: 'section' as const,
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
  return {name, detail: KIND_SOURCE_LABELS[p.kindFrom][lang], kind: 'file', start, titleEnd: end, end, depth: 0, children: []};
}

/** The letter's parts as outline nodes (empty for a document that is no letter); its sections replace the plain headings. */
export function letterNodes(result: LintResult): OutlineNode[] {
  const letter = kamerbriefOf(result.context);
  if (!letter.isLetter) return [];
  const {portions} = classify(result.context);
  const lang = result.context.data.config.lang;
  const nodes: OutlineNode[] = [];
  const node = (name: string, detail: string, kind: OutlineKind, start: number, titleEnd: number, end: number, depth = 1): OutlineNode =>
    ({name, detail, kind, start, titleEnd, end, depth, children: []});
  if (letter.address) {
    nodes.push(node(LABELS.address[lang], letter.address.addressee.text, 'address', letter.address.start, letter.address.addressee.end, letter.address.end));
  }
  for (const f of letter.fields) nodes.push(node(f.label.text, f.value.text, 'field', f.start, f.end, f.end));
  if (letter.salutation) nodes.push(node(letter.salutation.text, '', 'salutation', letter.salutation.start, letter.salutation.end, letter.salutation.end));
  const {sections} = letter;
  const sectionEnds = sections.map((_, i) => sections[i + 1]?.start ?? letter.closing?.start ?? letter.body?.end ?? result.context.text.length);
  // Sections stand beside the letter's parts; subsections nest under them.
  const top = Math.min(...sections.map((s) => s.depth));
  sections.forEach((s, i) => {
    const level = levelIn(portions, s.start, sectionEnds[i]);
    nodes.push(node(s.title.text, level?.banner ?? '', 'section', s.start, s.title.end, sectionEnds[i], 1 + s.depth - top));
  });
  if (letter.closing) {
    const signer = letter.closing.signers[0];
    nodes.push(node(LABELS.signature[lang], signer ? `${signer.title.text}${signer.name ? ` — ${signer.name.text}` : ''}` : '', 'signature', letter.closing.start, signer?.title.end ?? letter.closing.end, letter.closing.end));
  }
  return nodes;
}

/** The outline of a whole document: its kind and date first, then its letter's parts or else its sections, nested. */
export function documentOutline(result: LintResult): OutlineNode[] {
  const letter = letterNodes(result);
  return [profileNode(result), ...nest(letter.length ? letter : sectionNodes(result))];
}

function levelIn(portions: ReturnType<typeof classify>['portions'], start: number, end: number): MarkingLevel | null {
  let best: MarkingLevel | null = null;
  for (const p of portions) {
    if (p.start >= start && p.start < end && p.level && (!best || p.level.rank > best.rank)) best = p.level;
  }
  return best;
}
