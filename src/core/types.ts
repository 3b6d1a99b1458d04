/**
 * Shared types of the Rubric engine. The engine works on strings only: no
 * `vscode`, no `fs`. Offsets are UTF-16 code-unit offsets into the linted text.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Lang = 'nl' | 'en';
export type DocumentLanguage = 'markdown' | 'plaintext';

/** A text written in both of Rubric's languages. */
export interface Localized {
  nl: string;
  en: string;
}

/** A replacement of `text` for the source range [start, end). */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/** What a rule reports, before the engine resolves severity and language; the engine stamps the rule's id. */
export interface RuleReport {
  start: number;
  end: number;
  message: Localized;
  fix?: Fix;
  /** The text found and the text expected, where the rule knows both. */
  actual?: string;
  expected?: string;
  /** A lower severity than the configured one, where the rule is less sure (never a higher one). */
  atMost?: Severity;
  /**
   * What the report says instead in a document judged at a day before `day` (YYYY-MM-DD; rules/termContext.ts
   * documentDay), for a rule that cannot know the document's day (a chunk rule): the name then in use, as the
   * expected text and the text of the fix, whose range stays.
   */
  before?: {day: string; text: string; message: Localized};
}

/** A report with the id of the rule that made it. */
export interface Report extends RuleReport {
  rule: string;
}

/** A finding as the engine returns it. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** The rule's page, relative to Rubric's installation (RuleMeta.url). */
  url: string;
  message: string;
  start: number;
  end: number;
  /** 0-based line and column of start and end. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  actual?: string;
  expected?: string;
}

export type RuleFamily = 'term' | 'marking' | 'structure' | 'markdown';

/**
 * What a rule is about, for filtering and for the rule's page and SARIF: its field (terminology,
 * classification, letter, markdown), what it reads (glossary, dates: judged at the document's date,
 * template), and `under-classification`: a finding that means the text may be marked too low.
 */
export type RuleTag = 'terminology' | 'classification' | 'letter' | 'markdown' | 'glossary' | 'dates' | 'template' | 'under-classification';

export interface RuleMeta {
  /** Stable `family/name` id (DOMAIN.md §5). */
  id: string;
  /** The rule's page, relative to Rubric's installation (`docs/rules/term-variant.md`); set by defineRule. */
  url: string;
  tags: readonly RuleTag[];
  description: Localized;
  defaultSeverity: Severity;
  /** Whether the rule can offer a fix for (some of) its findings. */
  fixable: boolean;
  /**
   * Its fix raises the document's classification: a decision for the writer.
   * The editor offers it as a quick fix of its own, never inside "fix all".
   */
  fixRaisesClassification?: true;
  /** What the rule deliberately leaves alone, one point per line (on the rule's page). */
  leavesAlone: {nl: string[]; en: string[]};
  /**
   * Markdown examples the test suite lints: `bad` must be reported, `good` not.
   * `glossary`: YAML glossary entries the examples need beside the default
   * glossary (a code word with `minimumMarking`).
   */
  examples: {bad: string[]; good: string[]; glossary?: string};
}

/** A problem in an input file (glossary, configuration), with where it is. */
export interface InputProblem {
  file: string;
  /** 1-based; 0 when the problem is not tied to a line. */
  line: number;
  column: number;
  /** The offending field as a path (`terms[3].variants`), when there is one. */
  field?: string;
  /** What is wrong, in both languages: the editor and the CLI show it in the user's. */
  message: Localized;
  severity: 'error' | 'warning';
}

export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => formatProblem(p)).join('\n'));
    this.name = 'InputError';
  }
}

const PROBLEM_SEVERITY: Record<InputProblem['severity'], Localized> = {
  error: {nl: 'fout', en: 'error'},
  warning: {nl: 'waarschuwing', en: 'warning'},
};

/** `file:line:column: severity: message (field)`, in the given language. */
export function formatProblem(p: InputProblem, lang: Lang = 'en'): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const field = p.field ? ` (${p.field})` : '';
  return `${where}: ${PROBLEM_SEVERITY[p.severity][lang]}: ${p.message[lang]}${field}`;
}

/** A text in both languages; a short way to write one where many are written. */
export function say(nl: string, en: string): Localized {
  return {nl, en};
}
