/**
 * Word (.docx, .docm) and OpenDocument (.odt) files in the editor. Opening one shows a short page of
 * Rubric's own (a read-only custom editor) and, beside it, the document's text as Rubric reads it: a
 * read-only Markdown document of scheme `rubric-office` (`nota.docx.md`), which is linted, hovered and
 * outlined like any other document. The text is read again when the file changes on disk and after a
 * fix was written. Quick fixes do not edit that text: they are made in the file itself through the
 * node layer (src/node/office/), each only where its text lies within one run; a fix that spans runs is
 * shown, disabled, with why and where. Everything Office-specific is here (and in src/node/office,
 * src/core/office), so that it can move to the language server with the rest.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import type {Engine} from '../core/engine.js';
import {describeLocation, notAppliedText} from '../core/office/location.js';
import {locate, planFix} from '../core/office/text.js';
import {message} from '../core/messages.js';
import {fixRaisesClassification} from '../core/suggestions.js';
import type {Finding, Lang, Localized} from '../core/types.js';
import {OFFICE_EXTENSIONS, OfficeError, readOffice, shrinkFix, type OfficeDocument} from '../node/office/index.js';
import {fixOfficeFile} from '../node/office/write.js';
import {OFFICE_SCHEME} from '../core/office/textUri.js';
import type {SeveritySetting} from '../core/types.js';
import {findConfig, loadEngine} from '../node/files.js';
import {count, t} from './i18n.js';
import {langOf} from '../core/index.js';

/** The document text of an Office file. */
function officeTextUri(file: vscode.Uri): vscode.Uri {
  return file.with({scheme: OFFICE_SCHEME, path: `${file.path}.md`});
}

/** The Office file whose text a `rubric-office` document is. */
function officeFileUri(text: vscode.Uri): vscode.Uri {
  return text.with({scheme: 'file', path: text.path.replace(/\.md$/, '')});
}

const toRange = (document: vscode.TextDocument, start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));

const TEXTS = {
  viewIntro: {
    nl: 'Rubric toont de tekst van dit document ernaast, alleen-lezen, met zijn meldingen, uitleg bij termen en de indeling. Een correctie die binnen één stuk tekst met dezelfde opmaak valt, schrijft Rubric in het bestand zelf; opmaak en al het andere in het bestand blijven zoals ze zijn. Een correctie over verschillend opgemaakte stukken past u in Word aan.',
    en: 'Rubric shows the text of this document beside it, read-only, with its problems, what the glossary says of its terms and its outline. A fix whose text lies within one stretch of uniform formatting is written into the file itself, leaving the formatting and everything else in the file as it was. A fix across differently formatted text is yours to make in Word.',
  },
  viewKind: {nl: '{0}: een Word-document', en: '{0}: a Word document'},
  viewKindOdt: {nl: '{0}: een OpenDocument-tekst', en: '{0}: an OpenDocument text'},
  viewOpen: {nl: 'Tekst openen', en: 'Open the text'},
  viewCannotRead: {nl: 'Rubric kan dit bestand niet lezen.', en: 'Rubric cannot read this file.'},
  tracked: {
    nl: 'Het document heeft niet-geaccepteerde bijgehouden wijzigingen; Rubric leest het alsof ze zijn geaccepteerd.',
    en: 'The document has tracked changes that were not accepted; Rubric reads it as if they were.',
  },
  notOffice: {nl: 'Rubric: kies een .docx-, .docm- of .odt-bestand.', en: 'Rubric: choose a .docx, .docm or .odt file.'},
  notOfficeFile: {nl: '{0}: geen Word- of OpenDocument-document; niet gelezen', en: '{0}: not a Word or OpenDocument document; not read'},
  written: {nl: 'Rubric: {0} in {1} geschreven.', en: 'Rubric: {0} written to {1}.'},
  nothing: {nl: 'Rubric: niets in {0} te corrigeren.', en: 'Rubric: nothing to fix in {0}.'},
  left: {nl: ' Niet toegepast ({0}): {1}.', en: ' Not applied ({0}): {1}.'},
  changed: {
    nl: 'Rubric: {0} is veranderd sinds de tekst werd gelezen; de tekst is opnieuw gelezen, probeer het nog eens.',
    en: 'Rubric: {0} changed since its text was read; the text was read again, try once more.',
  },
  where: {nl: 'In het document: {0}', en: 'In the document: {0}'},
  noFix: {nl: 'Rubric: hier is niets te corrigeren.', en: 'Rubric: nothing to fix here.'},
  pickFix: {nl: 'Correctie, geschreven in {0}', en: 'Fix, written to {0}'},
  writeFix: {nl: 'Schrijft de correctie in het bestand', en: 'Writes the fix into the file'},
  inFile: {nl: 'in het bestand', en: 'in the file'},
} satisfies Record<string, Localized>;

const say = (lang: Lang, key: keyof typeof TEXTS, ...args: (string | number)[]) => message(TEXTS, lang, key, args);

/** What the view needs: the engine for an Office file or its text (its settings and `.rubric.yaml`). */
interface OfficeViewHost {
  engineFor(uri: vscode.Uri): Engine;
}

/**
 * The engines of the view's own lints (the fixes it makes in the files), as the language server builds
 * them for the text: the Office file's `.rubric.yaml` and the `rubric.*` settings of its folder, the
 * built-in data alone in an untrusted workspace. Dropped when a setting, the trust or a YAML file changes.
 */
class OfficeEngines implements OfficeViewHost, vscode.Disposable {
  private readonly engines = new Map<string, Engine>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const reset = () => this.engines.clear();
    this.disposables.push(
      watcher, watcher.onDidChange(reset), watcher.onDidCreate(reset), watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('rubric') && reset()),
      vscode.workspace.onDidGrantWorkspaceTrust(reset),
    );
  }

  engineFor(uri: vscode.Uri): Engine {
    const fileUri = uri.scheme === OFFICE_SCHEME ? officeFileUri(uri) : uri;
    const file = fileUri.fsPath;
    const c = vscode.workspace.getConfiguration('rubric', fileUri);
    const set = c.inspect<string>('lang');
    const setting = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
    const lang: Lang | undefined = setting === undefined ? undefined : setting === 'nl' || setting === 'en' ? setting : vscode.env.language.startsWith('nl') ? 'nl' : 'en';
    const trusted = vscode.workspace.isTrusted;
    const folder = vscode.workspace.getWorkspaceFolder(fileUri)?.uri.fsPath ?? path.dirname(file);
    const glossaries = trusted ? c.get<string[]>('glossaries', []).map((g) => path.resolve(folder, g)) : [];
    const rules = c.get<Record<string, SeveritySetting>>('rules', {});
    const configFile = trusted ? findConfig(file) : undefined;
    const key = JSON.stringify([trusted, configFile ?? '', glossaries, rules, lang ?? '']);
    let engine = this.engines.get(key);
    if (!engine) {
      engine = loadEngine(file, {builtinOnly: !trusted, ...(configFile ? {configFile} : {}), glossaries, rules, ...(lang ? {lang} : {})}).engine;
      this.engines.set(key, engine);
    }
    return engine;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** A fix as the quick fix names it, found again in the file when it is applied. */
interface FixTarget {
  rule: string;
  start: number;
  end: number;
  text: string;
}

/** A file the view opens: a Word or OpenDocument file, or an old binary `.doc`, to say that it is one. */
const isOfficeFile = (uri: vscode.Uri) => uri.scheme === 'file' && [...OFFICE_EXTENSIONS, '.doc'].includes(path.extname(uri.fsPath).toLowerCase());

interface Read {
  doc?: OfficeDocument;
  /** The file cannot be read: the CLI's message (file and reason). */
  error?: string;
}

function read(file: vscode.Uri, lang: Lang): Read {
  try {
    const doc = readOffice(file.fsPath);
    return doc ? {doc} : {error: say(lang, 'notOfficeFile', file.fsPath)};
  } catch (e) {
    if (e instanceof OfficeError) return {error: `${e.file}: ${e.said[lang]}`};
    throw e;
  }
}

/** The `rubric-office` documents: each Office file's text, read when asked for, again when the file changes. */
class OfficeTexts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly read = new Map<string, Read>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly host: OfficeViewHost) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme !== OFFICE_SCHEME) return;
        this.watchers.get(d.uri.toString())?.dispose();
        this.watchers.delete(d.uri.toString());
        this.read.delete(d.uri.toString());
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const key = uri.toString();
    const r = read(officeFileUri(uri), langOf(this.host.engineFor(officeFileUri(uri))));
    this.read.set(key, r);
    if (!this.watchers.has(key)) this.watchers.set(key, this.watch(uri));
    if (r.error) void vscode.window.showErrorMessage(`Rubric: ${r.error}`);
    return r.doc?.mapped.text ?? '';
  }

  /** The document as last read for the text `uri`. */
  get(uri: vscode.Uri): Read | undefined {
    return this.read.get(uri.toString());
  }

  /** Reads the file again and updates its text. */
  refresh(text: vscode.Uri): void {
    if (this.read.has(text.toString())) this.emitter.fire(text);
  }

  /** The file on disk, also outside the workspace. */
  private watch(text: vscode.Uri): vscode.Disposable {
    const file = officeFileUri(text);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file.fsPath)), path.basename(file.fsPath)));
    const changed = () => this.refresh(text);
    return vscode.Disposable.from(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }

  dispose(): void {
    this.watchers.forEach((w) => w.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Opens the text of an Office file beside the editor it was opened from. */
async function openText(file: vscode.Uri, beside: boolean): Promise<void> {
  await vscode.window.showTextDocument(officeTextUri(file), {viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preview: false});
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page shown in place of the Office file: what it is and the button that opens its text, or why it cannot be read. */
class OfficeEditor implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly host: OfficeViewHost) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return {uri, dispose: () => undefined};
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const lang = langOf(this.host.engineFor(document.uri));
    const r = read(document.uri, lang);
    panel.webview.options = {enableScripts: true};
    panel.webview.html = page(document.uri, lang, r);
    panel.webview.onDidReceiveMessage((m) => {
      if (m === 'open') void openText(document.uri, true);
    });
    if (r.doc) void openText(document.uri, true);
  }
}

function page(file: vscode.Uri, lang: Lang, r: Read): string {
  const nonce = Array.from({length: 24}, () => Math.floor(Math.random() * 36).toString(36)).join('');
  const name = path.basename(file.fsPath);
  const kind = say(lang, path.extname(name).toLowerCase() === '.odt' ? 'viewKindOdt' : 'viewKind', name);
  const body = r.error
    ? `<p class="error">${escapeHtml(say(lang, 'viewCannotRead'))}</p><pre>${escapeHtml(r.error)}</pre>`
    : `<p>${escapeHtml(say(lang, 'viewIntro'))}</p>${r.doc?.content.trackedChanges ? `<p class="warning">${escapeHtml(say(lang, 'tracked'))}</p>` : ''}` +
      `<button id="open">${escapeHtml(say(lang, 'viewOpen'))}</button>` +
      `<script nonce="${nonce}">const api = acquireVsCodeApi(); document.getElementById('open').addEventListener('click', () => api.postMessage('open'));</script>`;
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 1.5em 2em; max-width: 46em; line-height: 1.5; }
.error { color: var(--vscode-errorForeground); font-weight: bold; }
.warning { color: var(--vscode-editorWarning-foreground); }
pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 0.4em 1em; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
</style></head><body><h2>${escapeHtml(kind)}</h2>${body}</body></html>`;
}

/** The findings of the text as last read, linted by the view itself (once per text and engine). */
class OfficeFindings {
  private last: {engine: Engine; text: string; findings: Finding[]} | undefined;

  constructor(private readonly host: OfficeViewHost, private readonly texts: OfficeTexts) {}

  /** The document as read and its findings; undefined while the editor's text is not (yet) the file's. */
  of(document: vscode.TextDocument): {doc: OfficeDocument; findings: Finding[]; lang: Lang} | undefined {
    const doc = this.texts.get(document.uri)?.doc;
    if (!doc || doc.mapped.text !== document.getText()) return undefined;
    const engine = this.host.engineFor(document.uri);
    if (this.last?.engine !== engine || this.last.text !== doc.mapped.text) {
      this.last = {engine, text: doc.mapped.text, findings: engine.lint(doc.mapped.text, 'markdown', officeFileUri(document.uri).fsPath).findings};
    }
    return {doc, findings: this.last.findings, lang: langOf(engine)};
  }
}

/** A quick fix of the text: made in the file when `target` is set, else refused for `reason` (why and where). */
interface OfficeFix {
  finding: Finding;
  title: string;
  target?: FixTarget;
  reason?: string;
}

/** The fixes of the findings in [start, end]: each that lies within one run, and those that do not, with why and where. */
function fixesAt(state: {doc: OfficeDocument; findings: Finding[]; lang: Lang}, start: number, end: number): OfficeFix[] {
  const {doc, findings, lang} = state;
  const fixes: OfficeFix[] = [];
  for (const f of findings.filter((x) => x.start <= end && x.end >= start && fixable(x))) {
    const fix = f.fix!;
    const title = fix.text ? t(lang, 'replaceWith', fix.text.trim()) : t(lang, 'remove', doc.mapped.text.slice(fix.start, fix.end));
    const small = shrinkFix(doc.mapped.text, fix);
    const plan = planFix(doc.mapped, small.start, small.end, small.text);
    if ('reason' in plan) {
      const where = locate(doc.mapped, f.start, f.end);
      fixes.push({finding: f, title, reason: `${notAppliedText(plan.reason, lang)}${where ? ` (${describeLocation(where, lang)})` : ''}`});
    } else {
      fixes.push({finding: f, title, target: {rule: f.rule, start: fix.start, end: fix.end, text: fix.text}});
    }
  }
  return fixes;
}

/** A fix the view makes: not one that raises the classification or inserts a banner (the writer's decisions, made in Word). */
const fixable = (f: Finding) => Boolean(f.fix) && !fixRaisesClassification(f) && f.rule !== 'marking/missing';

/**
 * The quick fixes as code actions (the Problems panel's light bulb; VS Code offers no Ctrl+. in a
 * read-only editor, so there Rubric's own picker does, see `rubric.officeQuickFix`).
 */
class OfficeFixes implements vscode.CodeActionProvider {
  constructor(private readonly findings: OfficeFindings) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.findings.of(document);
    if (!state) return [];
    const actions = fixesAt(state, document.offsetAt(range.start), document.offsetAt(range.end)).map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      if (fix.reason) action.disabled = {reason: fix.reason};
      else {
        action.command = {title: fix.title, command: 'rubric.officeApplyFix', arguments: [document.uri.toString(), fix.target]};
        action.isPreferred = true;
      }
      const range = toRange(document, fix.finding.start, fix.finding.end);
      action.diagnostics = context.diagnostics.filter((d) => d.source === 'Rubric' && d.range.isEqual(range) && (typeof d.code === 'object' ? d.code.value : d.code) === fix.finding.rule);
      return action;
    });
    if (actions.length) {
      const all = new vscode.CodeAction(t(state.lang, 'fixAllInFile'), vscode.CodeActionKind.QuickFix);
      all.command = {title: all.title, command: 'rubric.officeFixAll', arguments: [document.uri.toString()]};
      actions.push(all);
    }
    return actions;
  }
}

/** Ctrl+. in the text: the fixes under the cursor in a picker, a refused one with why and where. */
async function pickFix(findings: OfficeFindings, editor: vscode.TextEditor | undefined): Promise<void> {
  const document = editor?.document;
  const state = document && document.uri.scheme === OFFICE_SCHEME ? findings.of(document) : undefined;
  if (!editor || !document || !state) return;
  const fixes = fixesAt(state, document.offsetAt(editor.selection.start), document.offsetAt(editor.selection.end));
  if (!fixes.length) {
    vscode.window.setStatusBarMessage(say(state.lang, 'noFix'), 5000);
    return;
  }
  type Item = vscode.QuickPickItem & {fix?: OfficeFix};
  const items: Item[] = [
    ...fixes.map((fix) => ({label: fix.reason ? `$(circle-slash) ${fix.title}` : `$(lightbulb) ${fix.title}`, detail: fix.reason, fix})),
    {label: `$(check-all) ${t(state.lang, 'fixAllInFile')}`},
  ];
  const picked = await vscode.window.showQuickPick(items, {placeHolder: say(state.lang, 'pickFix', path.basename(officeFileUri(document.uri).fsPath))});
  if (!picked) return;
  if (!picked.fix) await vscode.commands.executeCommand('rubric.officeFixAll', document.uri.toString());
  else if (picked.fix.reason) void vscode.window.showWarningMessage(`Rubric: ${picked.fix.reason}`);
  else await vscode.commands.executeCommand('rubric.officeApplyFix', document.uri.toString(), picked.fix.target);
}

const escapeMarkdown = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** On hovering a finding: where it is in the document, as a Word user finds it, and its fix as a link (or why it cannot be made). */
class OfficeHover implements vscode.HoverProvider {
  constructor(private readonly findings: OfficeFindings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const state = this.findings.of(document);
    if (!state) return undefined;
    const at = document.offsetAt(position);
    const f = state.findings.find((x) => x.start <= at && at <= x.end);
    const where = f && locate(state.doc.mapped, f.start, f.end);
    if (!f || !where) return undefined;
    const lines = [escapeMarkdown(say(state.lang, 'where', describeLocation(where, state.lang)))];
    for (const fix of fixesAt(state, f.start, f.end).filter((x) => x.finding === f)) {
      if (fix.reason) lines.push(escapeMarkdown(`${fix.title}: ${fix.reason}`));
      else lines.push(`[${escapeMarkdown(fix.title)}](command:rubric.officeApplyFix?${encodeURIComponent(JSON.stringify([document.uri.toString(), fix.target]))} "${say(state.lang, 'writeFix')}") (${escapeMarkdown(say(state.lang, 'inFile'))})`);
    }
    const md = new vscode.MarkdownString(lines.join('\n\n'));
    md.isTrusted = {enabledCommands: ['rubric.officeApplyFix']};
    return new vscode.Hover(md, toRange(document, f.start, f.end));
  }
}

/** Makes fixes in the file, reports what was done and left, and reads the text again. */
class OfficeFixer {
  constructor(private readonly host: OfficeViewHost, private readonly texts: OfficeTexts) {}

  apply(text: vscode.Uri, include: (f: Finding) => boolean, passes: number, target?: FixTarget): void {
    const file = officeFileUri(text);
    const name = path.basename(file.fsPath);
    const engine = this.host.engineFor(text);
    const lang = langOf(engine);
    const lint = (s: string) => engine.lint(s, 'markdown', file.fsPath).findings;
    try {
      const result = fixOfficeFile(file.fsPath, lint, include, passes);
      if (result.applied === 0) {
        void vscode.window.showInformationMessage(target ? say(lang, 'changed', name) : say(lang, 'nothing', name));
        return;
      }
      let text = say(lang, 'written', count(lang, result.applied, 'fix'), name);
      if (!target && result.notApplied.size) {
        const places = [...result.notApplied.entries()].map(([f, reason]) => {
          const where = locate(result.doc.mapped, f.start, f.end);
          return `${f.rule}${where ? `, ${describeLocation(where, lang)}` : ''} (${notAppliedText(reason, lang)})`;
        });
        text += say(lang, 'left', result.notApplied.size, places.slice(0, 3).join('; ') + (places.length > 3 ? '; …' : ''));
      }
      void vscode.window.showInformationMessage(text);
    } catch (e) {
      if (!(e instanceof OfficeError)) throw e;
      void vscode.window.showErrorMessage(`Rubric: ${e.message}`);
    } finally {
      this.texts.refresh(text);
    }
  }
}

/**
 * Registers the view's providers and commands, and returns the custom editor and the command that
 * opens a text, which src/vscode/officeEntry.ts registers at activation (this module, in dist/office.js,
 * is loaded only when an Office file is first opened).
 */
export function registerOfficeView(context: vscode.ExtensionContext): {editor: vscode.CustomReadonlyEditorProvider; openDocumentText(uri?: vscode.Uri): Promise<void>} {
  const host = new OfficeEngines();
  const texts = new OfficeTexts(host);
  const findings = new OfficeFindings(host, texts);
  const fixer = new OfficeFixer(host, texts);
  const selector: vscode.DocumentSelector = {scheme: OFFICE_SCHEME};
  const same = (t: FixTarget) => (f: Finding) => f.rule === t.rule && f.fix?.start === t.start && f.fix.end === t.end && f.fix.text === t.text;
  context.subscriptions.push(
    host, texts,
    vscode.workspace.registerTextDocumentContentProvider(OFFICE_SCHEME, texts),
    vscode.languages.registerCodeActionsProvider(selector, new OfficeFixes(findings), {providedCodeActionKinds: [vscode.CodeActionKind.QuickFix]}),
    vscode.languages.registerHoverProvider(selector, new OfficeHover(findings)),
    vscode.commands.registerCommand('rubric.officeQuickFix', () => pickFix(findings, vscode.window.activeTextEditor)),
    // The text's URI as a string: the arguments also come from a command link in a hover.
    vscode.commands.registerCommand('rubric.officeApplyFix', (text: string, target: FixTarget) => fixer.apply(vscode.Uri.parse(text), same(target), 1, target)),
    vscode.commands.registerCommand('rubric.officeFixAll', (text: string) => fixer.apply(vscode.Uri.parse(text), fixable, 10)),
  );
  return {
    editor: new OfficeEditor(host),
    async openDocumentText(uri?: vscode.Uri) {
      const file = uri ?? activeOfficeFile();
      if (!file || !isOfficeFile(file)) {
        void vscode.window.showWarningMessage(say(langOf(host.engineFor(file ?? vscode.Uri.file(process.cwd()))), 'notOffice'));
        return;
      }
      const r = read(file, langOf(host.engineFor(file)));
      if (r.error) void vscode.window.showErrorMessage(`Rubric: ${r.error}`);
      else await openText(file, activeOfficeFile()?.toString() === file.toString());
    },
  };
}

/** The Office file of the active editor: its page, or its text. */
function activeOfficeFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : undefined;
  if (!uri) return undefined;
  return uri.scheme === OFFICE_SCHEME ? officeFileUri(uri) : uri;
}
