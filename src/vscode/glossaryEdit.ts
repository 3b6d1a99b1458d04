/**
 * Growing the glossary from the editor: on a selected word or phrase, or on an all-capital acronym the
 * glossary does not know, the server offers quick fixes that run these commands: add it as a term, as a
 * variant of an entry (the nearest first) or as a code word with its minimum level, and treat an acronym
 * as well known in the workspace. This module asks the questions; the server knows the entries
 * (`rubric/glossary`, `rubric/closestEntries`), the files one may add to (`rubric/glossaryDestinations`)
 * and writes the edit (`rubric/glossaryEdit`: src/core/glossaryEdit.ts and configEdit.ts, comments and
 * layout kept, checked against the schema), then lints again.
 */

import * as vscode from 'vscode';
import type {BaseLanguageClient} from 'vscode-languageclient/lib/common/api.js';
import type {Lang} from '../core/types.js';
import {EDITOR_REQUESTS, type EntryInfo, type GlossaryAnswer, type GlossaryEditParams} from '../server/protocol.js';
import {baseName} from './convert.js';
import {te} from './editTexts.js';

/** The name of the glossary Rubric offers to create (in the workspace, or in Rubric's storage). */
const GLOSSARY_NAME = 'woordenlijst.yaml';

const WORD = /[\p{L}\p{N}&][\p{L}\p{N}\p{M}&'’-]*/u;

export function registerGlossaryEdit(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const edit = new GlossaryEditing(context, client);
  context.subscriptions.push(
    vscode.commands.registerCommand('rubric.addToGlossary', (text?: string) => edit.run('term', text)),
    vscode.commands.registerCommand('rubric.addVariant', (text?: string) => edit.run('variant', text)),
    vscode.commands.registerCommand('rubric.addCodeWord', (text?: string) => edit.run('codeWord', text)),
    vscode.commands.registerCommand('rubric.addWellKnown', (text?: string) => edit.run('wellKnown', text)),
  );
}

/** The word or phrase the writer means: the selection (one line), else the word at the cursor. */
function targetOf(document: vscode.TextDocument, range: vscode.Range): string | undefined {
  if (!range.isEmpty) {
    const text = document.getText(range).trim();
    return text && !/[\r\n]/.test(text) && text.length <= 100 ? text : undefined;
  }
  const word = document.getWordRangeAtPosition(range.start, new RegExp(WORD.source, 'gu'));
  return word ? document.getText(word).replace(/['’-]+$/, '') : undefined;
}

type Kind = 'term' | 'variant' | 'codeWord' | 'wellKnown';

interface Destination {
  file: string;
  /** A new workspace glossary also gets its line in this `.rubric.yaml`; a new user glossary its place in the settings. */
  create?: {configFile: string} | 'user';
}

class GlossaryEditing {
  constructor(private readonly context: vscode.ExtensionContext, private readonly client: BaseLanguageClient) {}

  private uri(document: vscode.TextDocument): string {
    return this.client.code2ProtocolConverter.asUri(document.uri);
  }

  async run(kind: Kind, given?: string): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    const text = given ?? (editor ? targetOf(editor.document, editor.selection) : undefined);
    const glossary = await this.client.sendRequest<GlossaryAnswer>(EDITOR_REQUESTS.glossary, {uri: document ? this.uri(document) : undefined, text});
    const lang = glossary.lang;
    if (!vscode.workspace.isTrusted || !glossary.trusted) {
      void vscode.window.showWarningMessage(te(lang, 'untrusted'));
      return;
    }
    if (!text || !document) {
      void vscode.window.showInformationMessage(te(lang, 'noWord'));
      return;
    }
    try {
      if (kind === 'wellKnown') await this.send({uri: this.uri(document), kind: 'wellKnown', text}, lang, (file) => te(lang, 'addedWellKnown', text, vscode.workspace.asRelativePath(file)));
      else if (kind === 'variant') await this.variant(document, text, lang);
      else await this.term(document, text, glossary, kind === 'codeWord');
    } catch (e) {
      void vscode.window.showErrorMessage(te(lang, 'notWritten', (e as Error).message ?? String(e)));
    }
  }

  private async term(document: vscode.TextDocument, text: string, glossary: GlossaryAnswer, codeWord: boolean): Promise<void> {
    const {lang} = glossary;
    const known = glossary.entries.find((e) => e.term === text);
    if (known) {
      void vscode.window.showInformationMessage(te(lang, 'alreadyTerm', text, this.where(known, lang)));
      return;
    }
    const entry: NonNullable<GlossaryEditParams['entry']> = {term: text, definition: ''};
    if (codeWord) {
      const ordered = [...glossary.levels].sort((a, b) => Number(b.schemeId === 'nl') - Number(a.schemeId === 'nl'));
      const picked = await vscode.window.showQuickPick(
        ordered.map((l) => ({label: l.banner, description: l.schemeName})),
        {title: te(lang, 'addAsCodeWord', text), placeHolder: te(lang, 'pickLevel', text), ignoreFocusOut: true},
      );
      if (!picked) return;
      entry.minimumMarking = picked.label;
    } else if (glossary.acronym) {
      const expansion = await vscode.window.showInputBox({title: te(lang, 'addToGlossary', text), prompt: te(lang, 'askExpansion', text), ignoreFocusOut: true});
      if (expansion === undefined) return;
      if (expansion.trim()) entry.expansion = expansion.trim();
    }
    const definition = await vscode.window.showInputBox({
      title: te(lang, codeWord ? 'addAsCodeWord' : 'addToGlossary', text), prompt: te(lang, 'askDefinition', text), ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : te(lang, 'definitionRequired')),
    });
    if (definition === undefined) return;
    entry.definition = definition.trim();
    const dest = await this.pickDestination(document, lang);
    if (!dest) return;
    await this.send({uri: this.uri(document), kind: 'term', text, entry, dest: this.destParam(dest)}, lang, (file) => te(lang, 'added', text, vscode.workspace.asRelativePath(file)), dest);
  }

  private async variant(document: vscode.TextDocument, text: string, lang: Lang): Promise<void> {
    const closest = await this.client.sendRequest<EntryInfo[]>(EDITOR_REQUESTS.closestEntries, {uri: this.uri(document), text});
    const picked = await vscode.window.showQuickPick(
      closest.map((e) => ({label: e.term, description: e.expansions[0] ?? '', detail: this.where(e, lang), entry: e})),
      {title: te(lang, 'addAsVariant', text), placeHolder: te(lang, 'pickVariantOf', text), matchOnDescription: true, ignoreFocusOut: true},
    );
    if (!picked) return;
    const entry = picked.entry;
    let dest: Destination | undefined;
    // A built-in entry is copied, with the new variant, into the glossary the writer chooses.
    if (entry.builtin) {
      dest = await this.pickDestination(document, lang, te(lang, 'builtinCopy', entry.term));
      if (!dest) return;
    }
    await this.send({uri: this.uri(document), kind: 'variant', text, of: entry.term, dest: this.destParam(dest ?? {file: entry.file})}, lang,
      (file) => te(lang, 'addedVariant', text, entry.term, vscode.workspace.asRelativePath(file)), dest);
  }

  private destParam(dest: Destination): NonNullable<GlossaryEditParams['dest']> {
    return {file: dest.file, ...(dest.create && dest.create !== 'user' ? {createIn: dest.create.configFile} : {})};
  }

  /** The server writes; open files it edited are saved here (the engine reads them from disk); a new user glossary goes into the settings. */
  private async send(params: GlossaryEditParams, lang: Lang, said: (file: string) => string, dest?: Destination): Promise<void> {
    const {file, opened} = await this.client.sendRequest<{file: string; opened: string[]}>(EDITOR_REQUESTS.glossaryEdit, params);
    for (const uri of opened) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.client.protocol2CodeConverter.asUri(uri).toString());
      await open?.save();
    }
    if (dest?.create === 'user') {
      const config = vscode.workspace.getConfiguration('rubric');
      const current = config.inspect<string[]>('glossaries')?.globalValue ?? [];
      await config.update('glossaries', [...current, dest.file], vscode.ConfigurationTarget.Global);
    }
    void vscode.window.showInformationMessage(said(file), te(lang, 'open')).then(async (choice) => {
      if (choice) await vscode.window.showTextDocument(vscode.Uri.file(file), {preview: true});
    });
  }

  private where(e: EntryInfo, lang: Lang): string {
    return e.builtin ? te(lang, 'builtin') : `${vscode.workspace.asRelativePath(e.file)}:${e.line}`;
  }

  /** The workspace's glossaries (those `.rubric.yaml` names, or a new woordenlijst.yaml) and the user's own (in the settings, or a new one). */
  private async pickDestination(document: vscode.TextDocument, lang: Lang, note?: string): Promise<Destination | undefined> {
    const ws = await this.client.sendRequest<{configFile: string; files: string[]}>(EDITOR_REQUESTS.glossaryDestinations, {uri: this.uri(document)});
    const user = vscode.workspace.getConfiguration('rubric').inspect<string[]>('glossaries')?.globalValue ?? [];
    type Item = vscode.QuickPickItem & {dest: Destination};
    const items: Item[] = [];
    for (const file of ws.files) items.push({label: baseName(file), description: vscode.workspace.asRelativePath(file), detail: te(lang, 'destWorkspace'), dest: {file}});
    for (const file of user) items.push({label: baseName(file), description: file, detail: te(lang, 'destUser'), dest: {file}});
    if (!ws.files.length) {
      const configUri = vscode.Uri.file(ws.configFile);
      const file = vscode.Uri.joinPath(configUri, '..', GLOSSARY_NAME).fsPath;
      items.push({
        label: `$(new-file) ${te(lang, 'destNewWorkspace', GLOSSARY_NAME)}`,
        detail: te(lang, 'destNewWorkspaceDetail', GLOSSARY_NAME, vscode.workspace.asRelativePath(ws.configFile)),
        dest: {file, create: {configFile: ws.configFile}},
      });
    }
    if (!user.length) {
      const file = vscode.Uri.joinPath(this.context.globalStorageUri, GLOSSARY_NAME).fsPath;
      items.push({label: `$(new-file) ${te(lang, 'destNewUser')}`, detail: te(lang, 'destNewUserDetail'), dest: {file, create: 'user'}});
    }
    const picked = await vscode.window.showQuickPick(items, {title: te(lang, 'pickDestination'), placeHolder: note ?? te(lang, 'pickDestination'), ignoreFocusOut: true});
    return picked?.dest;
  }
}
