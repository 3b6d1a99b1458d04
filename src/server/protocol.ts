/**
 * What Rubric's server and its VS Code client say to each other beyond LSP: the commands the server
 * carries out (`workspace/executeCommand`), the requests of the client's own interface
 * (src/server/editorRequests.ts) and their answers, and the initialization options. Types and names only,
 * so that the client bundles none of the server.
 */

/** The commands the server carries out (`workspace/executeCommand`). */
export const COMMANDS = {
  fixAll: 'rubric.fixAll',
  ignoreInConfig: 'rubric.ignoreInConfig',
  reportFixAll: 'rubric.reportFixAll',
  lookupTerm: 'rubric.lookupTerm',
  /** A Word or OpenDocument file's fix, made in the file: the text's URI and an OfficeFixTarget. */
  officeApplyFix: 'rubric.officeApplyFix',
  /** Every fix of a Word or OpenDocument file that lies within one run, made in the file: the text's URI. */
  officeFixAll: 'rubric.officeFixAll',
} as const;

export const FIX_ALL_KIND = 'source.fixAll.rubric';

/** The server's notification that its engines were dropped (a configuration, glossary or setting changed). */
export const ENGINES_CHANGED = 'rubric/enginesChanged';

/** What a client may set in `initializationOptions`. */
export interface InitializationOptions {
  /** `push`, `pull` or (the default) `auto`: pull where the client asks for diagnostics, else push. */
  diagnostics?: 'push' | 'pull' | 'auto';
  /** Read nothing from the workspace (an untrusted workspace): the built-in data alone. */
  builtinOnly?: boolean;
  /** Outline Markdown documents too (default true; VS Code outlines their headings itself). */
  markdownSymbols?: boolean;
  /** The settings, for a client that cannot answer `workspace/configuration`. */
  settings?: unknown;
  /**
   * Announce workspace diagnostics (default true), which a client such as VS Code's then pulls all the time.
   * False: the server still answers `workspace/diagnostic` when the client asks (VS Code's "Lint the workspace").
   */
  workspaceDiagnostics?: boolean;
  /** Offer the glossary's quick fixes (commands `rubric.addToGlossary` … that the client carries out; VS Code's client). */
  glossaryActions?: boolean;
  /** End a term's hover with a link to the client's Glossary view (`command:rubric.showInGlossary`; VS Code's client). */
  glossaryLinks?: boolean;
  /** Give a quick fix that places the cursor its snippet (`data.snippet`, for the first edit), for a client that can apply one (VS Code's). */
  snippetEdits?: boolean;
  /** Folders whose documents are not linted (VS Code's client: the extension's own rule pages, shown as previews). */
  exclude?: string[];
}

interface Position {
  line: number;
  character: number;
}

interface Range {
  start: Position;
  end: Position;
}

export const EDITOR_REQUESTS = {
  documentInfo: 'rubric/documentInfo',
  classificationSummary: 'rubric/classificationSummary',
  classificationChoices: 'rubric/classificationChoices',
  classificationEdit: 'rubric/classificationEdit',
  portionChoices: 'rubric/portionChoices',
  portionEdit: 'rubric/portionEdit',
  glossary: 'rubric/glossary',
  closestEntries: 'rubric/closestEntries',
  glossaryDestinations: 'rubric/glossaryDestinations',
  glossaryEdit: 'rubric/glossaryEdit',
  kamerbrief: 'rubric/kamerbrief',
  /** The text of a Word or OpenDocument file as Rubric reads it (`{uri}`: the file's): an OfficeTextAnswer. */
  officeText: 'rubric/officeText',
  /** The fixes of an Office file's text in a range (`{uri, range}`: the text's): an OfficeFixesAnswer. */
  officeFixes: 'rubric/officeFixes',
} as const;

/** The server's notification that it wrote an Office file (`{uri}`: its text's URI): the client reads the text again. */
export const OFFICE_WRITTEN = 'rubric/officeWritten';

export interface OfficeTextAnswer {
  lang: 'nl' | 'en';
  /** The text (Markdown) the server lints as the file's; absent when the file cannot be read. */
  text?: string;
  /** The document has tracked changes that were not accepted (read as if accepted). */
  trackedChanges?: boolean;
  /** Why the file cannot be read: its name and the reason, in `lang`. */
  error?: string;
}

/** A fix as a quick fix names it, found again in the file when it is made. */
export interface OfficeFixTarget {
  rule: string;
  start: number;
  end: number;
  text: string;
}

export interface OfficeFix {
  title: string;
  /** The finding's range in the text. */
  range: Range;
  rule: string;
  /** The fix, when it can be made in the file; else `reason`: why not, and where the finding is in the document. */
  target?: OfficeFixTarget;
  reason?: string;
}

export interface OfficeFixesAnswer {
  lang: 'nl' | 'en';
  fixes: OfficeFix[];
}

/** A node of the Rubric view. */
export interface ViewNode {
  label: string;
  description?: string;
  icon: string;
  range: Range;
  children: ViewNode[];
  warning?: boolean;
}

export interface DocumentInfo {
  lang: 'nl' | 'en';
  status: {text: string; tooltip: string; warning: boolean};
  nodes: ViewNode[];
}

/** A glossary entry as the client shows it. */
export interface EntryInfo {
  term: string;
  expansions: string[];
  variants: string[];
  accepted: string[];
  definition: string;
  category?: string;
  deprecated?: {replacement: string; since: string};
  minimumMarking?: string;
  wellKnown?: boolean;
  caseSensitive?: boolean;
  file: string;
  line: number;
  builtin: boolean;
  markdown: string;
}

export interface GlossaryEditParams {
  uri: string;
  kind: 'term' | 'variant' | 'wellKnown';
  text: string;
  /** For a term: the entry to add. */
  entry?: {term: string; definition: string; expansion?: string; minimumMarking?: string};
  /** For a variant: the term it belongs to. */
  of?: string;
  /** Where to write (a glossary file); `createIn`: a `.rubric.yaml` that names the new file. */
  dest?: {file: string; createIn?: string};
}


export interface ClassificationChoicesAnswer {
  lang: 'nl' | 'en';
  version: number;
  current: string | null;
  required: string | null;
  belowRequired: number;
  levels: {key: string; banner: string; schemeName: string; portion: string | null; current: boolean; lowers: boolean; aboveEveryPortion: boolean; needsDuration: boolean}[];
  labels: {key: string; banner: string; schemeId: string; current: boolean}[];
}

export interface PortionChoicesAnswer {
  lang: 'nl' | 'en';
  version: number;
  paragraph: boolean;
  current?: string | null;
  banner?: string;
  choices?: {mark: string; banner: string; used: boolean; exceedsBanner: boolean}[];
}

export interface GlossaryAnswer {
  lang: 'nl' | 'en';
  trusted: boolean;
  wellKnown: string[];
  entries: EntryInfo[];
  levels: {banner: string; schemeName: string; schemeId: string}[];
  /** Whether the `text` asked about is an all-capital acronym (src/core/glossaryEdit.ts). */
  acronym?: boolean;
}

export interface KamerbriefAnswer {
  lang: 'nl' | 'en';
  titles: string[];
  snippet: string | null;
}
