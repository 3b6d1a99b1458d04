/**
 * The text of an OpenDocument text (.odt): content.xml's body, and the
 * headers and footers of the master pages in styles.xml (a master page's
 * header, its first-page header and its left-page header, LibreOffice's even
 * pages). Headings are `text:h` or a paragraph style with an outline level;
 * lists are `text:list`; notes (`text:note`) stand inside the paragraph that
 * calls them and are read after it. Annotations (comments) are not read, nor
 * the deleted text kept in `text:tracked-changes`: the body as it stands is
 * the document with its tracked changes accepted.
 */

import type {HeaderVariant, OfficeBlock, OfficeContent, OfficeParagraph, OfficeTable, PartKind, TextPiece} from '../../core/office/model.js';
import {OfficeError} from './errors.js';
import type {OfficePackage} from './package.js';
import {parseXml, type XmlElement} from './xml.js';

const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
const DRAW = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const SVG = 'http://www.w3.org/2000/svg';
const SVG_COMPATIBLE = 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0';

/** The namespaces told apart, by number (XmlElement.ns). */
const NS_TEXT = 1;
const NS_TABLE = 2;
const NS_OFFICE = 3;
const NS_STYLE = 4;
const NS_DRAW = 5;
const NS_SVG = 6;
const NS_SVG_COMPATIBLE = 7;
const NAMESPACES: ReadonlyMap<string, number> = new Map([
  [TEXT, NS_TEXT], [TABLE, NS_TABLE], [OFFICE, NS_OFFICE], [STYLE, NS_STYLE], [DRAW, NS_DRAW], [SVG, NS_SVG], [SVG_COMPATIBLE, NS_SVG_COMPATIBLE],
]);

interface Style {
  parent?: string;
  outline?: number;
  display?: string;
}

const CODE_TEXT_STYLE = /^(source[ _]?(20_)?text|verbatim[ _]?char|teletype|code)$/i;
const CODE_PARAGRAPH_STYLE = /^(preformatted[ _]?(20_)?text|source[ _]?code|code)$/i;

class Styles {
  readonly byName = new Map<string, Style>();

  private chain(name: string | undefined): {name: string; style?: Style}[] {
    const out: {name: string; style?: Style}[] = [];
    for (let n = name; n && out.length < 20; n = this.byName.get(n)?.parent) out.push({name: n, style: this.byName.get(n)});
    return out;
  }

  heading(name: string | undefined): number | undefined {
    for (const {name: n, style} of this.chain(name)) {
      if (style?.outline !== undefined) return style.outline > 0 ? style.outline : undefined;
      const m = /^(?:heading|kop)(?:_20_|\s*)(\d)$/i.exec(n);
      if (m) return Number(m[1]);
      if (/^(title|titel)$/i.test(n)) return 1;
    }
    return undefined;
  }

  /** Whether a style is code, by paragraph or text style name (asked for every paragraph and text: the styles are all read before). */
  private readonly codes = [new Map<string, boolean>(), new Map<string, boolean>()];

  code(name: string | undefined, paragraph: boolean): boolean {
    if (name === undefined) return false;
    const known = this.codes[paragraph ? 1 : 0];
    let is = known.get(name);
    if (is === undefined) {
      const re = paragraph ? CODE_PARAGRAPH_STYLE : CODE_TEXT_STYLE;
      is = this.chain(name).some(({name: n, style}) => re.test(n) || (style?.display !== undefined && re.test(style.display)));
      known.set(name, is);
    }
    return is;
  }
}

function readStyles(pkg: OfficePackage, part: string, styles: Styles): void {
  const xml = pkg.parts.get(part);
  if (!xml) return;
  parseXml(xml.text, pkg.file, part, {
    open(el) {
      if (el.ns !== NS_STYLE || el.local !== 'style') return;
      const name = el.attrNs(NS_STYLE, 'name');
      if (!name) return;
      const outline = el.attrNs(NS_STYLE, 'default-outline-level');
      styles.byName.set(name, {
        ...(el.attrNs(NS_STYLE, 'parent-style-name') ? {parent: el.attrNs(NS_STYLE, 'parent-style-name')} : {}),
        ...(outline !== undefined && outline !== '' ? {outline: Number(outline)} : {}),
        ...(el.attrNs(NS_STYLE, 'display-name') ? {display: el.attrNs(NS_STYLE, 'display-name')} : {}),
      });
    },
    close() {},
    text() {},
  }, NAMESPACES);
}

/** Elements whose content is never document text, by namespace number. */
const SKIPPED = new Map<number, Set<string>>([
  [NS_OFFICE, new Set(['annotation', 'forms', 'automatic-styles', 'font-face-decls', 'scripts', 'settings', 'styles'])],
  // Page numbers are no text of the writer's (a footer's `1` would stand where the bottom banner goes).
  [NS_TEXT, new Set(['note-citation', 'tracked-changes', 'sequence-decls', 'variable-decls', 'user-field-decls', 'page-number', 'page-count', 'page-continuation'])],
  [NS_SVG, new Set(['title'])],
  [NS_SVG_COMPATIBLE, new Set(['title', 'desc'])],
]);
const isSkipped = (el: XmlElement) => SKIPPED.get(el.ns)?.has(el.local) === true;

const HEADER_VARIANTS: Record<string, ['header' | 'footer', HeaderVariant]> = {
  header: ['header', 'default'], 'header-first': ['header', 'first'], 'header-left': ['header', 'even'],
  footer: ['footer', 'default'], 'footer-first': ['footer', 'first'], 'footer-left': ['footer', 'even'],
};

interface Story {
  blocks: OfficeBlock[];
  top: OfficeParagraph[];
  bottom: OfficeParagraph[];
  tracked: boolean;
}

/** Reads content.xml's body, or styles.xml's master pages (`masters`). */
function readPart(pkg: OfficePackage, part: string, styles: Styles, tables: {n: number}, masters: boolean): Story {
  const story: Story = {blocks: [], top: [], bottom: [], tracked: false};
  const xml = pkg.parts.get(part);
  if (!xml) return story;
  const stack: XmlElement[] = [];
  let skipAt = 0;
  let inBody = false;
  // In styles.xml: the header or footer being read.
  let region: {kind: PartKind; variant: HeaderVariant; section: number} | undefined;
  let masterIndex = 0;
  const counters = {body: 0, region: 0, note: 0};
  let footnotes = 0;
  let endnotes = 0;
  let listDepth = 0;
  let table: OfficeTable | undefined;
  let tableDepth = 0;
  let row: OfficeParagraph[][] | undefined;
  let cell: OfficeParagraph[] | undefined;
  let textbox = 0;
  // The notes being read, innermost last.
  const notes: {kind: 'footnote' | 'endnote'; n: number; paragraphs: OfficeParagraph[]}[] = [];
  const after: OfficeParagraph[] = [];
  const endnoteBlocks: OfficeBlock[] = [];
  interface Open {
    p: OfficeParagraph;
    spans: string[];
    /** The last character written was a space (white space collapses). */
    space: boolean;
  }
  const open: Open[] = [];
  const top = () => open[open.length - 1];
  const push = (piece: TextPiece) => {
    const o = top();
    if (!o) return;
    if (o.spans.some((s) => styles.code(s, false))) piece.code = true;
    o.p.pieces.push(piece);
    if (piece.text.length) o.space = piece.text.endsWith(' ');
  };
  const endBlock = (block: OfficeBlock) => {
    story.blocks.push(block);
    for (const p of after.splice(0)) story.blocks.push({paragraph: p});
  };
  const paragraphDone = (p: OfficeParagraph) => {
    if (region) {
      (region.kind === 'header' ? story.top : story.bottom).push(p);
      return;
    }
    const note = notes[notes.length - 1];
    if (note) {
      note.paragraphs.push(p);
      return;
    }
    if (textbox > 0) after.push(p);
    else if (table && cell) cell.push(p);
    else if (!table) endBlock({paragraph: p});
  };
  parseXml(xml.text, pkg.file, part, {
    open(el) {
      stack.push(el);
      if (el.ns === NS_TEXT && el.local === 'changed-region') story.tracked = true;
      if (skipAt > 0) return;
      if (isSkipped(el)) {
        skipAt = stack.length;
        return;
      }
      if (el.ns === NS_OFFICE && el.local === 'text') inBody = true;
      if (masters && el.ns === NS_STYLE) {
        if (el.local === 'master-page') masterIndex++;
        const v = HEADER_VARIANTS[el.local];
        if (v) {
          region = {kind: v[0], variant: v[1], section: masterIndex};
          counters.region = 0;
        }
        return;
      }
      if (!inBody && !region) return;
      const o = top();
      if (el.ns === NS_TEXT) {
        switch (el.local) {
          case 'p':
          case 'h': {
            const kind: PartKind = region ? region.kind : notes.length ? notes[notes.length - 1].kind : textbox > 0 ? 'textbox' : table ? 'table' : 'body';
            const number = region ? ++counters.region : notes.length ? ++counters.note : ++counters.body;
            const p: OfficeParagraph = {kind, part, number, pieces: []};
            if (region) {
              p.variant = region.variant;
              p.section = region.section;
            }
            if (notes.length) p.note = notes[notes.length - 1].n;
            const styleName = el.attrNs(NS_TEXT, 'style-name');
            const level = el.local === 'h' ? Number(el.attrNs(NS_TEXT, 'outline-level') ?? '1') : styles.heading(styleName);
            if (level && level > 0) p.heading = Math.min(10, level);
            if (listDepth > 0 && !p.heading) p.list = true;
            if (styles.code(styleName, true)) p.code = true;
            open.push({p, spans: [], space: false});
            return;
          }
          case 'span':
          case 'a':
            o?.spans.push(el.attrNs(NS_TEXT, 'style-name') ?? '');
            return;
          case 's': {
            const n = Math.min(1000, Math.max(1, Number(el.attrNs(NS_TEXT, 'c') ?? '1') || 1));
            push({text: ' '.repeat(n)});
            return;
          }
          case 'tab':
            push({text: '\t'});
            return;
          case 'line-break':
            push({text: '\n'});
            return;
          case 'list':
            listDepth++;
            return;
          case 'note': {
            const kind = el.attrNs(NS_TEXT, 'note-class') === 'endnote' ? 'endnote' : 'footnote';
            notes.push({kind, n: kind === 'endnote' ? ++endnotes : ++footnotes, paragraphs: []});
            counters.note = 0;
            return;
          }
          default:
            return;
        }
      }
      if (el.ns === NS_DRAW && el.local === 'text-box') textbox++;
      if (el.ns === NS_TABLE && !region) {
        if (el.local === 'table') {
          if (tableDepth++ === 0 && textbox === 0 && notes.length === 0) {
            table = {rows: []};
            tables.n++;
          }
        } else if (el.local === 'table-row' && tableDepth === 1 && table) {
          row = [];
          table.rows.push(row);
        } else if ((el.local === 'table-cell' || el.local === 'covered-table-cell') && tableDepth === 1 && row) {
          cell = [];
          row.push(cell);
        }
      }
    },
    close(el) {
      const depth = stack.length;
      stack.pop();
      if (skipAt > 0) {
        if (depth === skipAt) skipAt = 0;
        return;
      }
      if (el.ns === NS_OFFICE && el.local === 'text') inBody = false;
      if (masters && el.ns === NS_STYLE) {
        if (HEADER_VARIANTS[el.local]) region = undefined;
        return;
      }
      if (el.ns === NS_TEXT) {
        switch (el.local) {
          case 'p':
          case 'h': {
            const o = open.pop();
            if (o) paragraphDone(o.p);
            return;
          }
          case 'span':
          case 'a':
            top()?.spans.pop();
            return;
          case 'list':
            listDepth--;
            return;
          case 'note': {
            const note = notes.pop();
            if (!note) return;
            if (note.kind === 'endnote') for (const p of note.paragraphs) endnoteBlocks.push({paragraph: p});
            else after.push(...note.paragraphs);
            return;
          }
          default:
            return;
        }
      }
      if (el.ns === NS_DRAW && el.local === 'text-box') textbox--;
      if (el.ns === NS_TABLE && !region && el.local === 'table') {
        if (--tableDepth === 0 && table) {
          const t = table;
          table = undefined;
          row = undefined;
          cell = undefined;
          t.rows.forEach((r, ri) => r.forEach((c, ci) => c.forEach((p) => {
            if (p.kind === 'table') p.table = {index: tables.n, row: ri + 1, column: ci + 1};
          })));
          endBlock({table: t});
        }
      }
    },
    text(text, start, end) {
      if (skipAt > 0) return;
      const o = top();
      if (!o) return;
      // White space collapses to one space, and none opens a paragraph.
      let t = /[\t\r\n]| {2}/.test(text) ? text.replace(/[ \t\r\n]+/g, ' ') : text;
      if ((o.space || o.p.pieces.length === 0) && t.startsWith(' ')) t = t.slice(1);
      if (!t) return;
      push(start >= 0 ? {text: t, node: {part, start, end, exact: t === text}} : {text: t});
    },
  }, NAMESPACES);
  for (const p of after.splice(0)) story.blocks.push({paragraph: p});
  story.blocks.push(...endnoteBlocks);
  return story;
}

/** Reads an OpenDocument text package into the model. */
export function readOdt(pkg: OfficePackage): OfficeContent {
  if (!pkg.parts.has('content.xml')) throw new OfficeError(pkg.file, 'an OpenDocument package without content.xml; the file is damaged; not read');
  const styles = new Styles();
  readStyles(pkg, 'styles.xml', styles);
  readStyles(pkg, 'content.xml', styles);
  const tables = {n: 0};
  const body = readPart(pkg, 'content.xml', styles, tables, false);
  const masters = readPart(pkg, 'styles.xml', styles, tables, true);
  return {format: 'odt', top: masters.top, body: body.blocks, bottom: masters.bottom, trackedChanges: body.tracked};
}
