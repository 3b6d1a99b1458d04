/**
 * A Word (.docx, .docm) or OpenDocument (.odt) document as Rubric reads it:
 * its paragraphs in reading order, each a list of pieces of text that know
 * which XML text node they came from. The readers (src/node/office/) build
 * it from the package; ./text.ts turns it into the Markdown text the engine
 * lints and maps findings back to where a Word user finds them.
 */

/** Where a paragraph stands: the part of the document a Word user opens to find it. */
export type PartKind = 'body' | 'table' | 'textbox' | 'header' | 'footer' | 'footnote' | 'endnote';

/** Which header or footer of a section (Word: default, first page, even pages; OpenDocument: left pages are the even ones). */
export type HeaderVariant = 'default' | 'first' | 'even';

/** The XML text node a piece was read from: a fix within it rewrites only that node. */
export interface TextNode {
  /** The package part, such as `word/document.xml` or `content.xml`. */
  part: string;
  /** Offsets of the node's content in the part's XML text (as escaped there). */
  start: number;
  end: number;
  /** The content is the node's decoded text unchanged (false where white space was collapsed on reading). */
  exact: boolean;
}

/** A stretch of one paragraph's text. */
export interface TextPiece {
  text: string;
  /** Formatted as code (Word's `Verbatim Char`, LibreOffice's `Source Text`): never prose, as code in Markdown. */
  code?: boolean;
  /** The text node it is, when it is one (a tab, a line break or a symbol is not). */
  node?: TextNode;
}

export interface OfficeParagraph {
  kind: PartKind;
  /** The package part it is in. */
  part: string;
  /** 1-based number among the paragraphs of its story: the body (with its tables and text boxes), one header or footer, one note. */
  number: number;
  /** Heading depth (1–6), from the paragraph style or outline level. */
  heading?: number;
  /** A list item (Word numbering, an OpenDocument list). */
  list?: boolean;
  /** A code block (a paragraph style such as `Source Code` or `Preformatted Text`). */
  code?: boolean;
  /** In a table: the table's number in the document and the cell (1-based). */
  table?: {index: number; row: number; column: number};
  /** A header or footer: which one, and the number of its section (1-based). */
  variant?: HeaderVariant;
  section?: number;
  /** A footnote or endnote: its number as the reader sees it. */
  note?: number;
  pieces: TextPiece[];
}

/** A table: rows of cells of paragraphs. */
export interface OfficeTable {
  rows: OfficeParagraph[][][];
}

export type OfficeBlock = {paragraph: OfficeParagraph} | {table: OfficeTable};

export interface OfficeContent {
  format: 'docx' | 'odt';
  /** The headers' paragraphs: the top banner. */
  top: OfficeParagraph[];
  /** The body in reading order, with the footnotes after the block that calls them and the endnotes at the end. */
  body: OfficeBlock[];
  /** The footers' paragraphs: the bottom banner. */
  bottom: OfficeParagraph[];
  /** The document has tracked changes that were not accepted or rejected (they are read as accepted). */
  trackedChanges: boolean;
}

/** The plain text of a paragraph (tabs and line breaks included). */
export function paragraphText(p: OfficeParagraph): string {
  let s = '';
  for (const piece of p.pieces) s += piece.text;
  return s;
}
