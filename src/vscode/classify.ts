/**
 * Setting the classification from the editor: "Set the classification" (also behind a click on the
 * status-bar item) asks for a level of the schemes in force and writes both banners and, from rank 2,
 * the `Rubriceringstermijn:` line, or after the levels a sharing label (TLP) that leaves the banners
 * alone; "Mark this paragraph" sets a portion mark. Lowering asks for confirmation. The choices and the
 * edits are the server's (`rubric/classificationChoices`, `rubric/classificationEdit`, the same for a
 * portion mark; src/core/markings/setLevel.ts); this module asks the questions and applies the edit.
 */

import * as vscode from 'vscode';
import type {BaseLanguageClient, WorkspaceEdit} from 'vscode-languageclient/lib/common/api.js';
import {EDITOR_REQUESTS, type ClassificationChoicesAnswer, type PortionChoicesAnswer} from '../server/protocol.js';
import type {Lang} from '../core/types.js';
import {settingLang} from './commands.js';
import {te} from './editTexts.js';
import {t} from './i18n.js';

export function registerClassify(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rubric.setClassification', () => setClassification(client)),
    vscode.commands.registerCommand('rubric.markParagraph', () => markParagraph(client)),
  );
}

/** The active editor and the server's answer for its document; a message when Rubric does not lint it. */
async function ask<T>(client: BaseLanguageClient, method: string, params: (editor: vscode.TextEditor) => object): Promise<{editor: vscode.TextEditor; answer: T} | undefined> {
  const editor = vscode.window.activeTextEditor;
  const answer = editor && await client.sendRequest<T>(method, {uri: client.code2ProtocolConverter.asUri(editor.document.uri), ...params(editor)}).catch(() => undefined);
  if (!editor || !answer) {
    void vscode.window.showInformationMessage(t(settingLang(), 'noDocument'));
    return undefined;
  }
  return {editor, answer};
}

/** Applies the server's edit; none (null) means the document changed while the writer was choosing. */
async function apply(client: BaseLanguageClient, edit: WorkspaceEdit | null, lang: Lang): Promise<boolean> {
  if (!edit) {
    void vscode.window.showWarningMessage(te(lang, 'documentChanged'));
    return false;
  }
  return vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
}

async function setClassification(client: BaseLanguageClient): Promise<void> {
  const asked = await ask<ClassificationChoicesAnswer>(client, EDITOR_REQUESTS.classificationChoices, () => ({}));
  if (!asked) return;
  const {editor, answer} = asked;
  const {lang} = answer;
  const now = answer.current ?? te(lang, 'unmarkedNow');
  type Item = vscode.QuickPickItem & {level?: ClassificationChoicesAnswer['levels'][number]; label_?: ClassificationChoicesAnswer['labels'][number]};
  const items: Item[] = [];
  let scheme = '';
  for (const level of answer.levels) {
    if (level.schemeName !== scheme) {
      scheme = level.schemeName;
      items.push({label: scheme, kind: vscode.QuickPickItemKind.Separator});
    }
    const notes = [level.current ? te(lang, 'currentLevel') : '', level.lowers ? te(lang, 'lowers') : '', level.aboveEveryPortion ? te(lang, 'aboveEveryPortion') : ''].filter(Boolean);
    items.push({label: level.banner, description: notes.join(' · '), detail: level.portion ?? undefined, level});
  }
  // The sharing labels in a group of their own, per label scheme: they share, they do not classify.
  scheme = '';
  for (const label of answer.labels) {
    if (label.schemeId !== scheme) {
      scheme = label.schemeId;
      items.push({label: te(lang, 'labelGroup', scheme.toUpperCase()), kind: vscode.QuickPickItemKind.Separator});
    }
    items.push({label: label.banner, description: label.current ? te(lang, 'currentLabel') : '', detail: te(lang, 'labelDetail', now), label_: label});
  }
  const hint = answer.required && answer.belowRequired ? te(lang, 'belowRequired', answer.required) : te(lang, 'pickClassificationHint');
  const picked = await vscode.window.showQuickPick(items, {title: te(lang, 'pickClassificationTitle', now), placeHolder: hint, matchOnDescription: true});
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  if (picked?.label_) {
    await apply(client, await client.sendRequest<WorkspaceEdit | null>(EDITOR_REQUESTS.classificationEdit, {uri, version: answer.version, key: picked.label_.key}), lang);
    return;
  }
  const level = picked?.level;
  if (!level) return;
  if (level.lowers) {
    const ok = await vscode.window.showWarningMessage(te(lang, 'confirmLower', now, level.banner), {modal: true}, te(lang, 'lower'));
    if (ok !== te(lang, 'lower')) return;
  }
  let duration: string | undefined;
  if (level.needsDuration) {
    duration = await vscode.window.showInputBox({
      title: te(lang, 'pickClassification'), prompt: te(lang, 'askDuration', level.banner), placeHolder: te(lang, 'durationPlaceholder'),
      ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : te(lang, 'durationRequired')),
    });
    if (duration === undefined) return;
  }
  await apply(client, await client.sendRequest<WorkspaceEdit | null>(EDITOR_REQUESTS.classificationEdit, {uri, version: answer.version, key: level.key, ...(duration !== undefined ? {duration} : {})}), lang);
}

async function markParagraph(client: BaseLanguageClient): Promise<void> {
  const asked = await ask<PortionChoicesAnswer>(client, EDITOR_REQUESTS.portionChoices, (e) => ({position: client.code2ProtocolConverter.asPosition(e.selection.active)}));
  if (!asked) return;
  const {editor, answer} = asked;
  const {lang} = answer;
  if (!answer.paragraph || !answer.choices) {
    void vscode.window.showInformationMessage(te(lang, 'noParagraph'));
    return;
  }
  const current = answer.current ?? undefined;
  const items = answer.choices.map((c) => ({
    label: c.mark,
    description: [c.banner, c.used ? te(lang, 'portionUsed') : '', c.exceedsBanner ? te(lang, 'portionExceeds', answer.banner ?? '') : ''].filter(Boolean).join(' · '),
    picked: c.mark === current,
  }));
  const picked = await vscode.window.showQuickPick(items, {title: te(lang, 'pickPortion'), placeHolder: current ? `${te(lang, 'currentLevel')}: ${current}` : te(lang, 'pickPortion')});
  if (!picked) return;
  const edit = await client.sendRequest<WorkspaceEdit | null>(EDITOR_REQUESTS.portionEdit, {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri), version: answer.version, position: client.code2ProtocolConverter.asPosition(editor.selection.active), mark: picked.label,
  });
  await apply(client, edit, lang);
}
