/**
 * Word and OpenDocument files in an editor. The client shows an Office file's text as a read-only
 * document of its own (`rubric-office:`, src/core/office/textUri.ts), whose content it asks for here
 * (`rubric/officeText`); the server lints that text like any other document. Its fixes are no edits of
 * that text: they are made in the file itself (ServerHost.office, src/node/office/ in Node), each only
 * where its text lies within one run (one stretch of uniform formatting). A fix that spans runs is
 * offered disabled, with why and where in the document; the hover on a finding says where it is, as a
 * Word user finds it. No Node API here: files go through the host.
 */

import {CodeActionKind, MessageType, type CodeAction, type Diagnostic, type Range} from 'vscode-languageserver';
import type {TextDocument} from 'vscode-languageserver-textdocument';
import {describeLocation, isQuickFix, langOf, locate, notAppliedText, planFindingFix, type Engine, type Finding, type Lang, type LintResult, type Localized, type OfficeText} from '../core/index.js';
import {count, editorText as t} from '../core/editorTexts.js';
import {message} from '../core/messages.js';
import type {OfficeFiles} from './host.js';
import {COMMANDS, type OfficeFix, type OfficeFixesAnswer, type OfficeFixTarget, type OfficeTextAnswer} from './protocol.js';

const TEXTS = {
  written: {nl: 'Rubric: {0} in {1} geschreven.', en: 'Rubric: {0} written to {1}.'},
  nothing: {nl: 'Rubric: niets in {0} te corrigeren.', en: 'Rubric: nothing to fix in {0}.'},
  left: {nl: ' Niet toegepast ({0}): {1}.', en: ' Not applied ({0}): {1}.'},
  changed: {
    nl: 'Rubric: {0} is veranderd sinds de tekst werd gelezen; de tekst is opnieuw gelezen, probeer het nog eens.',
    en: 'Rubric: {0} changed since its text was read; the text was read again, try once more.',
  },
  where: {nl: 'In het document: {0}', en: 'In the document: {0}'},
  writeFix: {nl: 'Schrijft de correctie in het bestand', en: 'Writes the fix into the file'},
  inFile: {nl: 'in het bestand', en: 'in the file'},
  noFiles: {
    nl: '{0}: Word- en OpenDocument-bestanden leest Rubric alleen met bestanden op schijf (niet in de browser); niet gelezen',
    en: '{0}: Rubric reads Word and OpenDocument files only where it has files on disk (not in the browser); not read',
  },
} satisfies Record<string, Localized>;

const say = (lang: Lang, key: keyof typeof TEXTS, ...args: (string | number)[]) => message(TEXTS, lang, key, args);

const baseName = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

const rangeIn = (document: TextDocument, start: number, end: number): Range => ({start: document.positionAt(start), end: document.positionAt(end)});

const escapeMarkdown = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** What the Office features need of the server. */
export interface OfficeAccess {
  /** The current result of an open document Rubric lints. */
  resultFor(uri: string): Promise<{document: TextDocument; result: LintResult; engine: Engine} | undefined>;
  /** The engine for any URI (an Office file that is not open: its folder's settings and `.rubric.yaml`). */
  engineFor(uri: string): Promise<Engine>;
  /** The file path of a URI (a `rubric-office:` text's is its Office file's). */
  pathOf(uri: string): string | undefined;
  /** A message for the writer. */
  show(type: MessageType, message: string): void;
  /** Tells the client that the file of the text `uri` was written: it reads the text again. */
  written(uri: string): void;
}

/** A fix offered for a finding: made in the file when `target` is set, else refused for `reason`. */
type Offered = OfficeFix & {finding: Finding};

export class OfficeFeatures {
  /** The text of each Office file as last read, by the file's path. */
  private readonly texts = new Map<string, OfficeText>();

  constructor(private readonly files: OfficeFiles | undefined, private readonly access: OfficeAccess) {}

  /** `rubric/officeText`: the file's text as the server lints it, or why it cannot be read, in the file's language. */
  async text(fileUri: string): Promise<OfficeTextAnswer> {
    const lang = langOf(await this.access.engineFor(fileUri));
    const file = this.access.pathOf(fileUri);
    if (!file) return {lang, error: say(lang, 'noFiles', fileUri)};
    if (!this.files) return {lang, error: say(lang, 'noFiles', file)};
    const read = this.files.read(file);
    if ('error' in read) {
      this.texts.delete(file);
      return {lang, error: read.error[lang]};
    }
    this.texts.set(file, read.text);
    return {lang, text: read.text.text, ...(read.trackedChanges ? {trackedChanges: true} : {})};
  }

  /** The map of an open Office text back to its file, while the text is the file's as last read (read again once if not). */
  private mapped(document: TextDocument): OfficeText | undefined {
    const file = this.access.pathOf(document.uri);
    if (!file || !this.files) return undefined;
    const text = document.getText();
    let mapped = this.texts.get(file);
    if (mapped?.text === text) return mapped;
    const read = this.files.read(file);
    if ('error' in read) return undefined;
    this.texts.set(file, (mapped = read.text));
    return mapped.text === text ? mapped : undefined;
  }

  /** The fixes of the findings in [start, end]: each that lies within one run, and those that do not, with why and where. */
  private offered(document: TextDocument, findings: readonly Finding[], lang: Lang, start: number, end: number): Offered[] {
    const mapped = this.mapped(document);
    if (!mapped) return [];
    const out: Offered[] = [];
    for (const f of findings) {
      if (f.start > end || f.end < start || !isQuickFix(f)) continue;
      const fix = f.fix!;
      const title = fix.text ? t(lang, 'replaceWith', fix.text.trim()) : t(lang, 'remove', mapped.text.slice(fix.start, fix.end));
      const base = {finding: f, title, rule: f.rule, range: rangeIn(document, f.start, f.end)};
      const plan = planFindingFix(mapped, fix);
      if ('reason' in plan) {
        const where = locate(mapped, f.start, f.end);
        out.push({...base, reason: `${notAppliedText(plan.reason, lang)}${where ? ` (${describeLocation(where, lang)})` : ''}`});
      } else {
        out.push({...base, target: {rule: f.rule, start: fix.start, end: fix.end, text: fix.text}});
      }
    }
    return out;
  }

  /** `rubric/officeFixes`: the fixes in a range of an Office text, for a client's own picker (a read-only editor has no Ctrl+.). */
  async fixes(uri: string, range: Range): Promise<OfficeFixesAnswer> {
    const found = await this.access.resultFor(uri);
    if (!found) return {lang: langOf(await this.access.engineFor(uri)), fixes: []};
    const {document, result, engine} = found;
    const lang = langOf(engine);
    const offered = this.offered(document, result.findings, lang, document.offsetAt(range.start), document.offsetAt(range.end));
    return {lang, fixes: offered.map(({finding: _, ...fix}) => fix)};
  }

  /** The quick fixes of an Office text as code actions: commands that write the file, never edits of the text. */
  codeActions(document: TextDocument, result: LintResult, lang: Lang, start: number, end: number, diagnostic: (f: Finding) => Diagnostic): CodeAction[] {
    const actions: CodeAction[] = this.offered(document, result.findings, lang, start, end).map((fix) => ({
      title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic(fix.finding)],
      ...(fix.target
        ? {isPreferred: true, command: {title: fix.title, command: COMMANDS.officeApplyFix, arguments: [document.uri, fix.target]}}
        : {disabled: {reason: fix.reason!}}),
    }));
    if (actions.length) {
      const title = t(lang, 'fixAllInFile');
      actions.push({title, kind: CodeActionKind.QuickFix, command: {title, command: COMMANDS.officeFixAll, arguments: [document.uri]}});
    }
    return actions;
  }

  /** On a finding in an Office text: where it is in the document, and its fix as a link that writes it (or why it cannot be made). */
  hover(document: TextDocument, result: LintResult, lang: Lang, offset: number): {markdown: string; start: number; end: number} | undefined {
    const mapped = this.mapped(document);
    const f = mapped && result.findings.find((x) => x.start <= offset && offset <= x.end);
    const where = f && locate(mapped, f.start, f.end);
    if (!f || !where) return undefined;
    const lines = [escapeMarkdown(say(lang, 'where', describeLocation(where, lang)))];
    for (const fix of this.offered(document, result.findings, lang, f.start, f.end).filter((x) => x.finding === f)) {
      if (fix.reason) lines.push(escapeMarkdown(`${fix.title}: ${fix.reason}`));
      else {
        const args = encodeURIComponent(JSON.stringify([document.uri, fix.target]));
        lines.push(`[${escapeMarkdown(fix.title)}](command:${COMMANDS.officeApplyFix}?${args} "${say(lang, 'writeFix')}") (${escapeMarkdown(say(lang, 'inFile'))})`);
      }
    }
    return {markdown: lines.join('\n\n'), start: f.start, end: f.end};
  }

  /**
   * Makes fixes in the file (one, `target`, else every one within one run, to a fixed point), says what was
   * done and left, and has the client read the text again.
   */
  async apply(uri: string, target?: OfficeFixTarget): Promise<{applied: number}> {
    const file = this.access.pathOf(uri);
    const engine = await this.access.engineFor(uri);
    const lang = langOf(engine);
    if (!file || !this.files) {
      this.access.show(MessageType.Error, `Rubric: ${say(lang, 'noFiles', file ?? uri)}`);
      return {applied: 0};
    }
    const name = baseName(file);
    const lint = (text: string) => engine.lint(text, 'markdown', file).findings;
    const same = (f: Finding) => !!target && f.rule === target.rule && f.fix?.start === target.start && f.fix.end === target.end && f.fix.text === target.text;
    try {
      const r = this.files.fix(file, lint, target ? same : isQuickFix, target ? 1 : 10);
      if ('error' in r) {
        this.access.show(MessageType.Error, `Rubric: ${r.error[lang]}`);
        return {applied: 0};
      }
      this.texts.set(file, r.text);
      if (r.applied === 0) {
        this.access.show(MessageType.Info, target ? say(lang, 'changed', name) : say(lang, 'nothing', name));
        return {applied: 0};
      }
      let text = say(lang, 'written', count(lang, r.applied, 'fix'), name);
      if (!target && r.notApplied.length) {
        const places = r.notApplied.map(([f, reason]) => {
          const where = locate(r.text, f.start, f.end);
          return `${f.rule}${where ? `, ${describeLocation(where, lang)}` : ''} (${notAppliedText(reason, lang)})`;
        });
        text += say(lang, 'left', r.notApplied.length, places.slice(0, 3).join('; ') + (places.length > 3 ? '; …' : ''));
      }
      this.access.show(MessageType.Info, text);
      return {applied: r.applied};
    } finally {
      this.access.written(uri);
    }
  }
}
