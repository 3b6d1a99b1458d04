/**
 * Word (.docx, .docm) and OpenDocument (.odt) files in the editor. Opening one shows a short page of
 * Rubric's own (a read-only custom editor) and, beside it, the document's text as Rubric reads it: a
 * read-only Markdown document of scheme `rubric-office` (`nota.docx.md`), which the language server
 * lints, hovers and outlines like any other document. The server reads the file (`rubric/officeText`)
 * and makes the fixes in it, each only where its text lies within one run (src/server/office.ts); a
 * fix that spans runs is offered disabled, with why and where. Here: the page, the text's content,
 * read again when the file changes on disk or the server wrote it, and the picker of fixes that stands
 * in for Ctrl+. (VS Code opens no quick-fix menu in a read-only editor).
 */

import * as vscode from 'vscode';
import type {BaseLanguageClient} from 'vscode-languageclient/lib/common/api.js';
import {message} from '../core/messages.js';
import {OFFICE_SCHEME} from '../core/office/textUri.js';
import type {Lang, Localized} from '../core/types.js';
import {EDITOR_REQUESTS, OFFICE_WRITTEN, type OfficeFix, type OfficeFixesAnswer, type OfficeTextAnswer} from '../server/protocol.js';
import {settingLang} from './commands.js';
import {t} from './i18n.js';

/** The files the view opens: Word and OpenDocument, and an old binary `.doc`, to say that it is one. */
const EXTENSIONS = ['.docx', '.docm', '.odt', '.doc'];

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const extension = (uri: vscode.Uri) => {
  const name = baseName(uri);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
};
const isOfficeFile = (uri: vscode.Uri) => uri.scheme === 'file' && EXTENSIONS.includes(extension(uri));

/** The document text of an Office file. */
function officeTextUri(file: vscode.Uri): vscode.Uri {
  return file.with({scheme: OFFICE_SCHEME, path: `${file.path}.md`});
}

/** The Office file whose text a `rubric-office` document is. */
function officeFileUri(text: vscode.Uri): vscode.Uri {
  return text.with({scheme: 'file', path: text.path.replace(/\.md$/, '')});
}

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
  noFix: {nl: 'Rubric: hier is niets te corrigeren.', en: 'Rubric: nothing to fix here.'},
  pickFix: {nl: 'Correctie, geschreven in {0}', en: 'Fix, written to {0}'},
} satisfies Record<string, Localized>;

const say = (lang: Lang, key: keyof typeof TEXTS, ...args: (string | number)[]) => message(TEXTS, lang, key, args);

/** The `rubric-office` documents: each Office file's text as the server reads it, again when the file changes. */
class OfficeTexts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme !== OFFICE_SCHEME) return;
        this.watchers.get(d.uri.toString())?.dispose();
        this.watchers.delete(d.uri.toString());
      }),
      client.onNotification(OFFICE_WRITTEN, (p: {uri?: unknown}) => {
        if (typeof p?.uri === 'string') this.refresh(vscode.Uri.parse(p.uri));
      }),
    );
  }

  /** The file's text, or why it cannot be read, in the file's language. */
  read(file: vscode.Uri): Promise<OfficeTextAnswer> {
    return this.client.sendRequest<OfficeTextAnswer>(EDITOR_REQUESTS.officeText, {uri: this.client.code2ProtocolConverter.asUri(file)});
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    if (!this.watchers.has(key)) this.watchers.set(key, this.watch(uri));
    const answer = await this.read(officeFileUri(uri));
    if (answer.error) void vscode.window.showErrorMessage(`Rubric: ${answer.error}`);
    return answer.text ?? '';
  }

  /** Reads the file again and updates its text, when it is open. */
  refresh(text: vscode.Uri): void {
    if (this.watchers.has(text.toString())) this.emitter.fire(text);
  }

  /** The file on disk, also outside the workspace. */
  private watch(text: vscode.Uri): vscode.Disposable {
    const file = officeFileUri(text);
    const folder = file.with({path: file.path.slice(0, file.path.lastIndexOf('/')) || '/'});
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, baseName(file)));
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
  constructor(private readonly texts: OfficeTexts) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return {uri, dispose: () => undefined};
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const answer = await this.texts.read(document.uri);
    panel.webview.options = {enableScripts: true};
    panel.webview.html = page(document.uri, answer);
    panel.webview.onDidReceiveMessage((m) => {
      if (m === 'open') void openText(document.uri, true);
    });
    if (answer.text !== undefined) void openText(document.uri, true);
  }
}

function page(file: vscode.Uri, answer: OfficeTextAnswer): string {
  const {lang} = answer;
  const nonce = Array.from({length: 24}, () => Math.floor(Math.random() * 36).toString(36)).join('');
  const name = baseName(file);
  const kind = say(lang, extension(file) === '.odt' ? 'viewKindOdt' : 'viewKind', name);
  const body = answer.error
    ? `<p class="error">${escapeHtml(say(lang, 'viewCannotRead'))}</p><pre>${escapeHtml(answer.error)}</pre>`
    : `<p>${escapeHtml(say(lang, 'viewIntro'))}</p>${answer.trackedChanges ? `<p class="warning">${escapeHtml(say(lang, 'tracked'))}</p>` : ''}` +
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

/** Ctrl+. in the text: the server's fixes under the cursor in a picker, a refused one with why and where. */
async function pickFix(client: BaseLanguageClient, editor: vscode.TextEditor | undefined): Promise<void> {
  const document = editor?.document;
  if (!editor || !document || document.uri.scheme !== OFFICE_SCHEME) return;
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  const {lang, fixes} = await client.sendRequest<OfficeFixesAnswer>(EDITOR_REQUESTS.officeFixes, {uri, range: client.code2ProtocolConverter.asRange(editor.selection)});
  if (!fixes.length) {
    vscode.window.setStatusBarMessage(say(lang, 'noFix'), 5000);
    return;
  }
  type Item = vscode.QuickPickItem & {fix?: OfficeFix};
  const items: Item[] = [
    ...fixes.map((fix) => ({label: fix.reason ? `$(circle-slash) ${fix.title}` : `$(lightbulb) ${fix.title}`, detail: fix.reason, fix})),
    {label: `$(check-all) ${t(lang, 'fixAllInFile')}`},
  ];
  const picked = await vscode.window.showQuickPick(items, {placeHolder: say(lang, 'pickFix', baseName(officeFileUri(document.uri)))});
  if (!picked) return;
  // The server's commands (src/server/office.ts), which the language client registered.
  if (!picked.fix) await vscode.commands.executeCommand('rubric.officeFixAll', uri);
  else if (picked.fix.reason) void vscode.window.showWarningMessage(`Rubric: ${picked.fix.reason}`);
  else await vscode.commands.executeCommand('rubric.officeApplyFix', uri, picked.fix.target);
}

/** The Office file of the active editor: its page, or its text. */
function activeOfficeFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : undefined;
  if (!uri) return undefined;
  return uri.scheme === OFFICE_SCHEME ? officeFileUri(uri) : uri;
}

/** Registers the view: the custom editor, the text's content, *Rubric: Open document text* and the picker of fixes. */
export function registerOfficeView(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const texts = new OfficeTexts(client);
  context.subscriptions.push(
    texts,
    vscode.workspace.registerTextDocumentContentProvider(OFFICE_SCHEME, texts),
    vscode.window.registerCustomEditorProvider('rubric.officeDocument', new OfficeEditor(texts)),
    vscode.commands.registerCommand('rubric.officeQuickFix', () => pickFix(client, vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('rubric.openDocumentText', async (uri?: vscode.Uri) => {
      const file = uri ?? activeOfficeFile();
      if (!file || !isOfficeFile(file)) {
        void vscode.window.showWarningMessage(say(settingLang(), 'notOffice'));
        return;
      }
      const answer = await texts.read(file);
      if (answer.error) void vscode.window.showErrorMessage(`Rubric: ${answer.error}`);
      else await openText(file, activeOfficeFile()?.toString() === file.toString());
    }),
  );
}
