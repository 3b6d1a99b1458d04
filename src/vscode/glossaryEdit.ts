/**
 * Growing the glossary from the editor: on a selected word or phrase, or on
 * an all-capital acronym the glossary does not know, quick fixes and commands
 * to add it as a term, as a variant of an entry (the nearest first) or as a
 * code word with its minimum level, and to treat an acronym as well known in
 * the workspace. The edits are src/core/glossaryEdit.ts's and configEdit.ts's
 * (comments and layout kept, checked against the schema); this module asks
 * the questions, writes the file and relints the open documents.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import {addToConfigList, ConfigEditError} from '../core/configEdit.js';
import type {GlossaryEntry} from '../core/glossary.js';
import {addEntry, addVariant, closestEntries, entryToRaw, GlossaryEditError, isAcronym, type RawGlossaryEntry} from '../core/glossaryEdit.js';
import type {Lang} from '../core/types.js';
import {builtinDataDir} from '../node/files.js';
import {configRelative, editTextFile, workspaceGlossaries, WORKSPACE_GLOSSARY_NAME} from '../node/glossaryFiles.js';
import {TextFileError} from '../node/textFile.js';
import type {LintController} from './diagnostics.js';
import type {EngineProvider} from './engines.js';
import {te} from './editTexts.js';

/** A word or phrase to add, and the document it was found in. */
interface Target {
  text: string;
  document: vscode.TextDocument;
}

const WORD = /[\p{L}\p{N}&][\p{L}\p{N}\p{M}&'’-]*/u;

export function registerGlossaryEdit(context: vscode.ExtensionContext, lints: LintController, engines: EngineProvider, selector: vscode.DocumentSelector): void {
  const edit = new GlossaryEditing(context, lints, engines);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(selector, new GlossaryCodeActions(lints), {providedCodeActionKinds: [vscode.CodeActionKind.QuickFix]}),
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

/** Whether the engine knows `text` as a term or a listed form of one. */
function knownEntry(entries: readonly GlossaryEntry[], text: string): GlossaryEntry | undefined {
  return entries.find((e) => e.term === text || e.variants.includes(text) || e.expansions.includes(text) || (e.accepted ?? []).includes(text));
}

class GlossaryCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly lints: LintController) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    if (!this.lints.applies(document) || !vscode.workspace.isTrusted) return [];
    const text = targetOf(document, range);
    if (!text) return [];
    const result = this.lints.resultFor(document);
    const engine = this.lints.engineFor(document);
    const lang = this.lints.langFor(document);
    const at = document.offsetAt(range.start);
    const undefinedAcronym = result?.findings.some((f) => f.rule === 'term/acronym-undefined' && f.start <= at && at <= f.end);
    const known = knownEntry(engine.data.entries, text);
    const acronym = isAcronym(text);
    const actions: vscode.CodeAction[] = [];
    const action = (title: string, command: string) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = {title, command, arguments: [text]};
      actions.push(a);
    };
    // On a bare cursor only an acronym the glossary does not know is offered, so that every word does not get four actions.
    if (!known && (acronym || !range.isEmpty)) {
      action(te(lang, 'addToGlossary', text), 'rubric.addToGlossary');
      action(te(lang, 'addAsVariant', text), 'rubric.addVariant');
      action(te(lang, 'addAsCodeWord', text), 'rubric.addCodeWord');
    }
    const wellKnown = new Set(engine.data.config.wellKnown);
    // Well known matters for a glossary acronym that must be written out before its first use.
    if (acronym && !wellKnown.has(text) && (undefinedAcronym || (known && known.expansions.length && !known.wellKnown))) action(te(lang, 'addWellKnown', text), 'rubric.addWellKnown');
    return actions;
  }
}

type Kind = 'term' | 'variant' | 'codeWord' | 'wellKnown';

interface Destination {
  file: string;
  /** A new workspace glossary also gets its line in `.rubric.yaml`; a new user glossary its place in the settings. */
  create?: {configFile: string} | 'user';
}

class GlossaryEditing {
  constructor(private readonly context: vscode.ExtensionContext, private readonly lints: LintController, private readonly engines: EngineProvider) {}

  async run(kind: Kind, given?: string): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    const lang = this.lints.langFor(document);
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(te(lang, 'untrusted'));
      return;
    }
    const text = given ?? (editor ? targetOf(editor.document, editor.selection) : undefined);
    if (!text || !document) {
      void vscode.window.showInformationMessage(te(lang, 'noWord'));
      return;
    }
    try {
      if (kind === 'wellKnown') await this.wellKnown({text, document}, lang);
      else if (kind === 'variant') await this.variant({text, document}, lang);
      else await this.term({text, document}, lang, kind === 'codeWord');
    } catch (e) {
      const message = e instanceof GlossaryEditError || e instanceof ConfigEditError ? e.text(lang)
        : e instanceof TextFileError ? `${e.file}: ${e.said[lang]}` : String((e as Error).message ?? e);
      void vscode.window.showErrorMessage(te(lang, 'notWritten', message));
    }
  }

  private entries(document: vscode.TextDocument): GlossaryEntry[] {
    return this.lints.engineFor(document).data.entries;
  }

  private async term(target: Target, lang: Lang, codeWord: boolean): Promise<void> {
    const {text, document} = target;
    const known = this.entries(document).find((e) => e.term === text);
    if (known) {
      void vscode.window.showInformationMessage(te(lang, 'alreadyTerm', text, this.where(known, lang)));
      return;
    }
    const entry: RawGlossaryEntry = {term: text, definition: ''};
    if (codeWord) {
      const levels = this.lints.engineFor(document).data.markings.levels.filter((l) => l.kind === 'classification' && l.rank >= 1);
      const ordered = [...levels].sort((a, b) => Number(b.schemeId === 'nl') - Number(a.schemeId === 'nl'));
      const picked = await vscode.window.showQuickPick(
        ordered.map((l) => ({label: l.banner, description: l.schemeName, level: l})),
        {title: te(lang, 'addAsCodeWord', text), placeHolder: te(lang, 'pickLevel', text), ignoreFocusOut: true},
      );
      if (!picked) return;
      entry.minimumMarking = picked.level.banner;
    } else if (isAcronym(text)) {
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
    const others = this.entries(document);
    await this.write(dest, (t) => addEntry(t, dest.file, entry, others));
    this.done(te(lang, 'added', text, vscode.workspace.asRelativePath(dest.file)), dest.file, lang);
  }

  private async variant(target: Target, lang: Lang): Promise<void> {
    const {text, document} = target;
    const entries = this.entries(document);
    const picked = await vscode.window.showQuickPick(
      closestEntries(entries, text).map((e) => ({
        label: e.term, description: e.expansions[0] ?? '', detail: this.where(e, lang), entry: e,
      })),
      {title: te(lang, 'addAsVariant', text), placeHolder: te(lang, 'pickVariantOf', text), matchOnDescription: true, ignoreFocusOut: true},
    );
    if (!picked) return;
    const entry = picked.entry;
    const others = entries.filter((e) => e !== entry);
    if (this.isBuiltin(entry)) {
      const dest = await this.pickDestination(document, lang, te(lang, 'builtinCopy', entry.term));
      if (!dest) return;
      await this.write(dest, (t) => addVariant(addEntry(t, dest.file, entryToRaw(entry)), dest.file, entry.term, text, others));
      this.done(te(lang, 'addedVariant', text, entry.term, vscode.workspace.asRelativePath(dest.file)), dest.file, lang);
      return;
    }
    const file = entry.origin.file;
    await this.write({file}, (t) => addVariant(t, file, entry.term, text, others));
    this.done(te(lang, 'addedVariant', text, entry.term, vscode.workspace.asRelativePath(file)), file, lang);
  }

  private async wellKnown(target: Target, lang: Lang): Promise<void> {
    const {text, document} = target;
    const {configFile} = workspaceGlossaries(document.uri.fsPath, this.folderOf(document));
    await this.write({file: configFile}, (t) => addToConfigList(t, configFile, 'wellKnown', text));
    this.done(te(lang, 'addedWellKnown', text, vscode.workspace.asRelativePath(configFile)), configFile, lang);
  }

  private folderOf(document: vscode.TextDocument): string {
    return vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(document.uri.fsPath);
  }

  private isBuiltin(e: GlossaryEntry): boolean {
    return path.dirname(e.origin.file) === builtinDataDir();
  }

  private where(e: GlossaryEntry, lang: Lang): string {
    return this.isBuiltin(e) ? te(lang, 'builtin') : `${vscode.workspace.asRelativePath(e.origin.file)}:${e.origin.line}`;
  }

  /** The workspace's glossaries (those `.rubric.yaml` names, or a new woordenlijst.yaml) and the user's own (in the settings, or a new one). */
  private async pickDestination(document: vscode.TextDocument, lang: Lang, note?: string): Promise<Destination | undefined> {
    const folder = this.folderOf(document);
    const ws = workspaceGlossaries(document.uri.fsPath, folder);
    const user = (vscode.workspace.getConfiguration('rubric').inspect<string[]>('glossaries')?.globalValue ?? []).map((g) => path.resolve(g));
    type Item = vscode.QuickPickItem & {dest: Destination};
    const items: Item[] = [];
    for (const file of ws.files) items.push({label: path.basename(file), description: vscode.workspace.asRelativePath(file), detail: te(lang, 'destWorkspace'), dest: {file}});
    for (const file of user) items.push({label: path.basename(file), description: file, detail: te(lang, 'destUser'), dest: {file}});
    if (!ws.files.length) {
      const file = path.join(path.dirname(ws.configFile), WORKSPACE_GLOSSARY_NAME);
      items.push({
        label: `$(new-file) ${te(lang, 'destNewWorkspace', WORKSPACE_GLOSSARY_NAME)}`,
        detail: te(lang, 'destNewWorkspaceDetail', configRelative(ws.configFile, file), vscode.workspace.asRelativePath(ws.configFile)),
        dest: {file, create: {configFile: ws.configFile}},
      });
    }
    if (!user.length) {
      const file = path.join(this.context.globalStorageUri.fsPath, WORKSPACE_GLOSSARY_NAME);
      items.push({label: `$(new-file) ${te(lang, 'destNewUser')}`, detail: te(lang, 'destNewUserDetail'), dest: {file, create: 'user'}});
    }
    const picked = await vscode.window.showQuickPick(items, {title: te(lang, 'pickDestination'), placeHolder: note ?? te(lang, 'pickDestination'), ignoreFocusOut: true});
    return picked?.dest;
  }

  /** Edits a file (through its open editor when it has one, else safely on disk), makes what a new one needs, and relints. */
  private async write(dest: Destination, edit: (text: string) => string): Promise<void> {
    const uri = vscode.Uri.file(dest.file);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      const before = open.getText();
      const after = edit(before);
      const we = new vscode.WorkspaceEdit();
      we.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(before.length)), after);
      await vscode.workspace.applyEdit(we);
      await open.save();
    } else {
      editTextFile(dest.file, edit);
    }
    if (dest.create && dest.create !== 'user') {
      const {configFile} = dest.create;
      await this.write({file: configFile}, (t) => addToConfigList(t, configFile, 'glossaries', configRelative(configFile, dest.file)));
    } else if (dest.create === 'user') {
      const config = vscode.workspace.getConfiguration('rubric');
      const current = config.inspect<string[]>('glossaries')?.globalValue ?? [];
      await config.update('glossaries', [...current, dest.file], vscode.ConfigurationTarget.Global);
    }
    this.engines.refresh();
  }

  private done(message: string, file: string, lang: Lang): void {
    void vscode.window.showInformationMessage(message, te(lang, 'open')).then(async (choice) => {
      if (choice) await vscode.window.showTextDocument(vscode.Uri.file(file), {preview: true});
    });
  }
}
