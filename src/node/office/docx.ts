/**
 * The text of a Word document (.docx, .docm): the main document part found
 * through the package's relationships, its styles (headings from a style's
 * outline level or name, code styles), footnotes, endnotes, and the headers
 * and footers that its sections refer to (default, first page, even pages).
 * Comments are not read. Tracked changes are read as accepted: inserted and
 * moved-to text in, deleted and moved-from text out. Only the markup-
 * compatibility choice is read, never its fallback (the same text box twice).
 * A macro project (.docm) is never read, let alone run.
 */

import * as path from 'node:path';
import type {HeaderVariant, OfficeBlock, OfficeContent, OfficeParagraph, OfficeTable, PartKind, TextPiece} from '../../core/office/model.js';
import {OfficeError} from './errors.js';
import type {OfficePackage} from './package.js';
import {parseXml, type XmlElement} from './xml.js';

const W = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const R = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The namespaces told apart, by number (XmlElement.ns): WordprocessingML (transitional or strict), relationships, markup compatibility, package relationships. */
const NS_W = 1;
const NS_R = 2;
const NS_MC = 3;
const NS_PKG_REL = 4;
const NAMESPACES: ReadonlyMap<string, number> = new Map([
  ...W.map((uri) => [uri, NS_W] as const), ...R.map((uri) => [uri, NS_R] as const), [MC, NS_MC], [PKG_REL, NS_PKG_REL],
]);

const isW = (el: XmlElement, local: string) => el.ns === NS_W && el.local === local;
const wAttr = (el: XmlElement, local: string) => el.attrNs(NS_W, local);
const rAttr = (el: XmlElement, local: string) => el.attrNs(NS_R, local);

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships by id, targets resolved to part names. */
function relationships(pkg: OfficePackage, part: string): Map<string, Relationship> {
  const relsName = path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
  const out = new Map<string, Relationship>();
  const xml = pkg.parts.get(relsName);
  if (!xml) return out;
  parseXml(xml.text, pkg.file, relsName, {
    open(el) {
      if (el.ns !== NS_PKG_REL || el.local !== 'Relationship') return;
      const id = el.attr('', 'Id');
      const target = el.attr('', 'Target');
      if (!id || !target || el.attr('', 'TargetMode') === 'External') return;
      const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), target));
      out.set(id, {type: el.attr('', 'Type') ?? '', target: resolved});
    },
    close() {},
    text() {},
  }, NAMESPACES);
  return out;
}

interface Style {
  name: string;
  basedOn?: string;
  outline?: number;
  list?: boolean;
}

const CODE_CHARACTER_STYLE = /^(verbatim ?char|source ?text|html ?code|html ?typewriter|code|inline ?code|macro ?text ?char)$/i;
const CODE_PARAGRAPH_STYLE = /^(source ?code|preformatted ?text|html ?preformatted|code|code ?block|macro ?text)$/i;

class Styles {
  constructor(private readonly byId: Map<string, Style>) {}

  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    for (let s = id ? this.byId.get(id) : undefined; s && out.length < 20; s = s.basedOn ? this.byId.get(s.basedOn) : undefined) out.push(s);
    return out;
  }

  /** Heading depth of a paragraph style: its outline level, or a name `heading N` / `Kop N` / `Title`. */
  heading(id: string | undefined): number | undefined {
    for (const s of this.chain(id)) {
      if (s.outline !== undefined) return s.outline < 9 ? s.outline + 1 : undefined;
      const m = /^(?:heading|kop)\s*(\d)$/i.exec(s.name);
      if (m) return Number(m[1]);
      if (/^(title|titel)$/i.test(s.name)) return 1;
    }
    return undefined;
  }

  list(id: string | undefined): boolean {
    return this.chain(id).some((s) => s.list);
  }

  code(id: string | undefined, paragraph: boolean): boolean {
    const re = paragraph ? CODE_PARAGRAPH_STYLE : CODE_CHARACTER_STYLE;
    return this.chain(id).some((s) => re.test(s.name)) || (id !== undefined && re.test(id));
  }
}

function readStyles(pkg: OfficePackage, part: string | undefined): Styles {
  const byId = new Map<string, Style>();
  const xml = part ? pkg.parts.get(part) : undefined;
  if (part && xml) {
    let current: Style | undefined;
    let depth = 0;
    parseXml(xml.text, pkg.file, part, {
      open(el) {
        depth++;
        if (isW(el, 'style')) {
          const id = wAttr(el, 'styleId');
          current = {name: id ?? ''};
          if (id) byId.set(id, current);
        } else if (current) {
          if (isW(el, 'name')) current.name = wAttr(el, 'val') ?? current.name;
          else if (isW(el, 'basedOn')) current.basedOn = wAttr(el, 'val');
          else if (isW(el, 'outlineLvl')) current.outline = Number(wAttr(el, 'val'));
          else if (isW(el, 'numId') && wAttr(el, 'val') !== '0') current.list = true;
        }
      },
      close(el) {
        depth--;
        if (isW(el, 'style')) current = undefined;
      },
      text() {},
    }, NAMESPACES);
  }
  return new Styles(byId);
}

/** Elements whose content is never document text. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'delInstrText', 'tblPr', 'trPr', 'tcPr', 'commentReference', 'annotationRef', 'pPrChange', 'rPrChange', 'sectPrChange']);
/** Tracked changes not yet accepted or rejected. */
const TRACKED = new Set([
  'ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange',
  'tblGridChange', 'numberingChange', 'cellIns', 'cellDel', 'cellMerge',
]);

interface Section {
  headers: Partial<Record<HeaderVariant, string>>;
  footers: Partial<Record<HeaderVariant, string>>;
}

interface StoryResult {
  blocks: OfficeBlock[];
  /** Notes called, in the order of the calls, with the index of the block they stand in. */
  calls: {kind: 'footnote' | 'endnote'; id: string; after: number}[];
  sections: Section[];
  tracked: boolean;
  /** In a notes part: each note's paragraphs by id. */
  notes: Map<string, OfficeParagraph[]>;
}

/**
 * Reads one story (the body, a header or footer, or all the notes of
 * footnotes.xml): its paragraphs and tables, in order. `kind` is what its
 * paragraphs are outside tables and text boxes; for notes, `noteStart` opens
 * each note (the `w:footnote` or `w:endnote` element).
 */
function readStory(
  pkg: OfficePackage, part: string, styles: Styles, kind: PartKind, tableCount: {n: number},
  noteElement?: 'footnote' | 'endnote',
): StoryResult {
  const xml = pkg.parts.get(part);
  const result: StoryResult = {blocks: [], calls: [], sections: [], tracked: false, notes: new Map()};
  if (!xml) return result;
  const stack: XmlElement[] = [];
  // The depth of the element whose content is being skipped, or 0.
  let skipAt = 0;
  const startSkip = () => {
    skipAt = stack.length;
  };
  let number = 0;
  const paragraphs: OfficeParagraph[] = [];
  // The outermost table being read, and the cell its paragraphs go to.
  let table: OfficeTable | undefined;
  let tableDepth = 0;
  let row: OfficeParagraph[][] | undefined;
  let cell: OfficeParagraph[] | undefined;
  let textbox = 0;
  const pendingBoxes: OfficeParagraph[] = [];
  let section: Section = {headers: {}, footers: {}};
  // Per paragraph being read (a text box's paragraph stands inside a run of another).
  interface Open {
    p: OfficeParagraph;
    style?: string;
    outline?: number;
    list: boolean;
    runStyle?: string;
    inRun: boolean;
    inText: boolean;
  }
  const open: Open[] = [];
  const top = () => open[open.length - 1];
  // Complex fields (w:fldChar): their instruction, and whether their result is being read.
  const fields: {instr: string; result: boolean}[] = [];
  let inInstr = false;
  /** A page number or page count: no text of the writer's (a footer's `1` would stand where the bottom banner goes). */
  const PAGE_FIELD = /^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b/i;
  const inPageField = () => fields.some((f) => f.result && PAGE_FIELD.test(f.instr));
  const push = (piece: TextPiece) => {
    const o = top();
    if (!o) return;
    if (o.runStyle && styles.code(o.runStyle, false)) piece.code = true;
    o.p.pieces.push(piece);
  };
  let pendingCalls: StoryResult['calls'] = [];
  let noteStart = -1;
  const endBlock = (block: OfficeBlock) => {
    result.blocks.push(block);
    for (const c of pendingCalls) c.after = result.blocks.length - 1;
    pendingCalls = [];
    for (const p of pendingBoxes.splice(0)) result.blocks.push({paragraph: p});
  };
  parseXml(xml.text, pkg.file, part, {
    open(el) {
      stack.push(el);
      if (el.ns === NS_W && TRACKED.has(el.local)) result.tracked = true;
      if (skipAt > 0) return;
      if (el.ns === NS_MC && el.local === 'Fallback') return startSkip();
      if (el.ns !== NS_W) return;
      const o = top();
      switch (el.local) {
        case 'footnote':
        case 'endnote':
          if (el.local === noteElement) {
            const type = wAttr(el, 'type');
            if (type && type !== 'normal') startSkip();
            else {
              number = 0;
              noteStart = result.blocks.length;
            }
          }
          return;
        case 'p': {
          const inBox = textbox > 0;
          const p: OfficeParagraph = {
            kind: table && !inBox ? 'table' : inBox ? 'textbox' : kind, part, number: ++number, pieces: [],
          };
          open.push({p, list: false, inRun: false, inText: false});
          return;
        }
        case 'txbxContent':
          textbox++;
          return;
        case 'tbl':
          if (textbox > 0) return;
          if (tableDepth++ === 0) {
            table = {rows: []};
            tableCount.n++;
          }
          return;
        case 'tr':
          if (tableDepth === 1 && table && textbox === 0) {
            row = [];
            table.rows.push(row);
          }
          return;
        case 'tc':
          if (tableDepth === 1 && row && textbox === 0) {
            cell = [];
            row.push(cell);
          }
          return;
        case 'headerReference':
        case 'footerReference': {
          const id = rAttr(el, 'id');
          const type = (wAttr(el, 'type') ?? 'default') as HeaderVariant;
          if (id) (el.local === 'headerReference' ? section.headers : section.footers)[type] = id;
          return;
        }
        case 'footnoteReference':
        case 'endnoteReference': {
          const id = wAttr(el, 'id');
          if (id) {
            const call = {kind: el.local === 'footnoteReference' ? 'footnote' as const : 'endnote' as const, id, after: -1};
            result.calls.push(call);
            pendingCalls.push(call);
          }
          return;
        }
        default:
          break;
      }
      if (!o) {
        if (SKIPPED.has(el.local)) startSkip();
        return;
      }
      // Paragraph and run properties: read the style, then skip their content.
      const parent = stack[stack.length - 2];
      if (parent && isW(parent, 'pPr')) {
        if (el.local === 'pStyle') o.style = wAttr(el, 'val');
        else if (el.local === 'outlineLvl') o.outline = Number(wAttr(el, 'val'));
      }
      if (el.local === 'numId' && wAttr(el, 'val') !== '0') o.list = true;
      if (parent && isW(parent, 'rPr') && el.local === 'rStyle') o.runStyle = wAttr(el, 'val');
      if (el.local === 'pPr' || el.local === 'rPr' || el.local === 'numPr') return;
      if (SKIPPED.has(el.local)) return startSkip();
      switch (el.local) {
        case 'fldChar': {
          const type = wAttr(el, 'fldCharType');
          if (type === 'begin') fields.push({instr: '', result: false});
          else if (type === 'separate' && fields.length) fields[fields.length - 1].result = true;
          else if (type === 'end') fields.pop();
          break;
        }
        case 'instrText':
          inInstr = true;
          break;
        case 'fldSimple':
          if (PAGE_FIELD.test(wAttr(el, 'instr') ?? '')) return startSkip();
          break;
        case 'r':
          o.inRun = true;
          o.runStyle = undefined;
          break;
        case 't':
          o.inText = true;
          break;
        case 'tab':
          if (o.inRun) push({text: '\t'});
          break;
        case 'br':
        case 'cr':
          if (o.inRun) push({text: '\n'});
          break;
        case 'noBreakHyphen':
          push({text: '\u2011'});
          break;
        case 'softHyphen':
          push({text: '\u00ad'});
          break;
        case 'sym': {
          const code = parseInt(wAttr(el, 'char') ?? '', 16);
          if (Number.isFinite(code) && code > 0 && code < 0x110000) push({text: String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code)});
          break;
        }
        default:
          break;
      }
    },
    close(el) {
      const depth = stack.length;
      stack.pop();
      if (skipAt > 0) {
        if (depth === skipAt) skipAt = 0;
        return;
      }
      if (el.ns !== NS_W) return;
      if ((el.local === 'footnote' || el.local === 'endnote') && el.local === noteElement) {
        {
          const paragraphs = result.blocks.slice(noteStart).flatMap((b) => ('paragraph' in b ? [b.paragraph] : b.table.rows.flat(2)));
          result.notes.set(wAttr(el, 'id') ?? '', paragraphs);
        }
        return;
      }
      const o = top();
      switch (el.local) {
        case 'p': {
          if (!o) return;
          open.pop();
          const p = o.p;
          const heading = o.outline !== undefined && o.outline < 9 ? o.outline + 1 : styles.heading(o.style);
          if (heading) p.heading = heading;
          if (o.list || styles.list(o.style)) p.list = true;
          if (styles.code(o.style, true)) p.code = true;
          paragraphs.push(p);
          if (textbox > 0) pendingBoxes.push(p);
          else if (table && cell) cell.push(p);
          else if (!table) endBlock({paragraph: p});
          return;
        }
        case 'r':
          if (o) {
            o.inRun = false;
            o.runStyle = undefined;
          }
          return;
        case 't':
          if (o) o.inText = false;
          return;
        case 'instrText':
          inInstr = false;
          return;
        case 'txbxContent':
          textbox--;
          return;
        case 'tbl':
          if (textbox > 0) return;
          if (--tableDepth === 0 && table) {
            const t = table;
            table = undefined;
            row = undefined;
            cell = undefined;
            t.rows.forEach((r, ri) => r.forEach((c, ci) => c.forEach((p) => (p.table = {index: tableCount.n, row: ri + 1, column: ci + 1}))));
            endBlock({table: t});
          }
          return;
        case 'sectPr':
          result.sections.push(section);
          section = {headers: {}, footers: {}};
          return;
        default:
          return;
      }
    },
    text(text, start, end) {
      if (skipAt > 0) return;
      if (inInstr && fields.length) {
        fields[fields.length - 1].instr += text;
        return;
      }
      const o = top();
      if (!o || !o.inText || inPageField()) return;
      push(start >= 0 ? {text, node: {part, start, end, exact: true}} : {text});
    },
  }, NAMESPACES);
  return result;
}

/** Reads a Word package into the model. */
export function readDocx(pkg: OfficePackage): OfficeContent {
  const rootRels = relationships(pkg, '');
  let main: string | undefined;
  for (const r of rootRels.values()) if (/\/officeDocument$/.test(r.type) && pkg.parts.has(r.target)) main = r.target;
  main ??= pkg.parts.has('word/document.xml') ? 'word/document.xml' : undefined;
  if (!main) throw new OfficeError(pkg.file, 'a Word package without its main document part (word/document.xml); the file is damaged; not read');
  const rels = relationships(pkg, main);
  const target = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const styles = readStyles(pkg, target('styles'));
  const tables = {n: 0};
  let tracked = false;

  // The notes, by kind and id.
  const notes = new Map<string, OfficeParagraph[]>();
  for (const kind of ['footnote', 'endnote'] as const) {
    const part = target(`${kind}s`);
    if (!part) continue;
    const story = readStory(pkg, part, styles, kind, tables, kind);
    tracked ||= story.tracked;
    for (const [id, paragraphs] of story.notes) {
      for (const p of paragraphs) {
        p.kind = kind;
        delete p.table;
      }
      notes.set(`${kind}:${id}`, paragraphs);
    }
  }

  const body = readStory(pkg, main, styles, 'body', tables);
  tracked ||= body.tracked;

  // Footnotes after the block that calls them (numbered in the order of their calls), endnotes at the end.
  const blocks: OfficeBlock[] = [];
  const counters = {footnote: 0, endnote: 0};
  const endnotes: OfficeBlock[] = [];
  const seen = new Set<string>();
  const callsByBlock = blockCalls(body);
  body.blocks.forEach((block, i) => {
    blocks.push(block);
    for (const call of callsByBlock.get(i) ?? []) {
      const key = `${call.kind}:${call.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const n = ++counters[call.kind];
      for (const p of notes.get(key) ?? []) {
        p.note = n;
        (call.kind === 'footnote' ? blocks : endnotes).push({paragraph: p});
      }
    }
  });
  blocks.push(...endnotes);

  // Headers and footers of every section; a section without one of a kind keeps the previous section's.
  const top: OfficeParagraph[] = [];
  const bottom: OfficeParagraph[] = [];
  const read = new Set<string>();
  let inherited: Section = {headers: {}, footers: {}};
  body.sections.forEach((s, index) => {
    const current: Section = {headers: {...inherited.headers, ...s.headers}, footers: {...inherited.footers, ...s.footers}};
    inherited = current;
    for (const [which, out] of [['headers', top], ['footers', bottom]] as const) {
      for (const variant of ['first', 'default', 'even'] as const) {
        const id = current[which][variant];
        const part = id ? rels.get(id)?.target : undefined;
        if (!part || read.has(part)) continue;
        read.add(part);
        const story = readStory(pkg, part, styles, which === 'headers' ? 'header' : 'footer', {n: tables.n});
        tracked ||= story.tracked;
        for (const b of story.blocks) {
          for (const p of 'paragraph' in b ? [b.paragraph] : b.table.rows.flat(2)) {
            p.kind = which === 'headers' ? 'header' : 'footer';
            p.variant = variant;
            p.section = index + 1;
            delete p.table;
            out.push(p);
          }
        }
      }
    }
  });
  return {format: 'docx', top, body: blocks, bottom, trackedChanges: tracked};
}

/** The note calls of each block of the body, by block index. */
function blockCalls(story: StoryResult): Map<number, StoryResult['calls']> {
  const out = new Map<number, StoryResult['calls']>();
  for (const c of story.calls) {
    const list = out.get(c.after) ?? [];
    list.push(c);
    out.set(c.after, list);
  }
  return out;
}
