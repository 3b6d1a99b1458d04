/**
 * Setting the classification from the editor: "Set the classification"
 * (also behind a click on the status-bar item) asks for a level of the
 * schemes in force and writes both banners and, from rank 2, the
 * `Rubriceringstermijn:` line, or after the levels a sharing label (TLP)
 * that leaves the banners alone; "Mark this paragraph" sets a portion mark.
 * Lowering asks for confirmation. The edits are src/core/markings/setLevel.ts's.
 */

import * as vscode from 'vscode';
import {
  classificationChoices, markPortionEdit, needsDuration, portionBlockAt, portionChoices, setClassificationEdits, setLabelEdits,
} from '../core/markings/setLevel.js';
import type {Fix, Lang} from '../core/types.js';
import {toRange} from './convert.js';
import type {LintController} from './diagnostics.js';
import {te} from './editTexts.js';
import {t} from './i18n.js';

export function registerClassify(context: vscode.ExtensionContext, lints: LintController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rubric.setClassification', () => setClassification(lints)),
    vscode.commands.registerCommand('rubric.markParagraph', () => markParagraph(lints)),
  );
}

function activeResult(lints: LintController) {
  const editor = vscode.window.activeTextEditor;
  const lang = lints.langFor(editor?.document);
  if (!editor || !lints.applies(editor.document)) {
    void vscode.window.showInformationMessage(t(lang, 'noDocument'));
    return undefined;
  }
  lints.lintNow(editor.document);
  const result = lints.resultFor(editor.document);
  if (!result) return undefined;
  return {editor, result, lang, version: editor.document.version};
}

async function apply(editor: vscode.TextEditor, version: number, edits: Fix[], lang: Lang): Promise<boolean> {
  // The document may have changed while the writer was choosing: the edits were worked out on that version.
  if (editor.document.version !== version) {
    void vscode.window.showWarningMessage(te(lang, 'documentChanged'));
    return false;
  }
  return editor.edit((b) => {
    for (const e of edits) b.replace(toRange(editor.document, e.start, e.end), e.text);
  });
}

async function setClassification(lints: LintController): Promise<void> {
  const active = activeResult(lints);
  if (!active) return;
  const {editor, result, lang, version} = active;
  const ctx = result.context;
  const choices = classificationChoices(ctx);
  const now = choices.current?.banner ?? te(lang, 'unmarkedNow');
  let scheme = '';
  type Item = vscode.QuickPickItem & {choice?: (typeof choices.choices)[number]; sharing?: (typeof choices.labels)[number]};
  const items: Item[] = [];
  for (const choice of choices.choices) {
    if (choice.level.schemeName !== scheme) {
      scheme = choice.level.schemeName;
      items.push({label: scheme, kind: vscode.QuickPickItemKind.Separator});
    }
    const notes = [
      choice.current ? te(lang, 'currentLevel') : '',
      choice.lowers ? te(lang, 'lowers') : '',
      choice.aboveEveryPortion ? te(lang, 'aboveEveryPortion') : '',
    ].filter(Boolean);
    items.push({label: choice.level.banner, description: notes.join(' · '), detail: choice.level.portions[0] ? `${choice.level.portions[0]}` : undefined, choice});
  }
  // The sharing labels in a group of their own, per label scheme: they share, they do not classify.
  scheme = '';
  for (const label of choices.labels) {
    if (label.level.schemeId !== scheme) {
      scheme = label.level.schemeId;
      items.push({label: te(lang, 'labelGroup', scheme.toUpperCase()), kind: vscode.QuickPickItemKind.Separator});
    }
    items.push({label: label.level.banner, description: label.current ? te(lang, 'currentLabel') : '', detail: te(lang, 'labelDetail', now), sharing: label});
  }
  const hint = choices.required && choices.belowRequired ? te(lang, 'belowRequired', choices.required.banner) : te(lang, 'pickClassificationHint');
  const picked = await vscode.window.showQuickPick(items, {title: te(lang, 'pickClassificationTitle', now), placeHolder: hint, matchOnDescription: true});
  if (picked?.sharing) {
    await apply(editor, version, setLabelEdits(ctx, picked.sharing.level), lang);
    return;
  }
  const choice = picked?.choice;
  if (!choice) return;
  if (choice.lowers) {
    const ok = await vscode.window.showWarningMessage(te(lang, 'confirmLower', now, choice.level.banner), {modal: true}, te(lang, 'lower'));
    if (ok !== te(lang, 'lower')) return;
  }
  let duration: string | undefined;
  if (needsDuration(ctx, choice.level)) {
    duration = await vscode.window.showInputBox({
      title: te(lang, 'pickClassification'), prompt: te(lang, 'askDuration', choice.level.banner), placeHolder: te(lang, 'durationPlaceholder'),
      ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : te(lang, 'durationRequired')),
    });
    if (duration === undefined) return;
  }
  await apply(editor, version, setClassificationEdits(ctx, choice.level, duration), lang);
}

async function markParagraph(lints: LintController): Promise<void> {
  const active = activeResult(lints);
  if (!active) return;
  const {editor, result, lang, version} = active;
  const ctx = result.context;
  const offset = editor.document.offsetAt(editor.selection.active);
  const block = portionBlockAt(ctx, offset);
  if (!block) {
    void vscode.window.showInformationMessage(te(lang, 'noParagraph'));
    return;
  }
  const current = block.mark?.text;
  const banner = classificationChoices(ctx).current?.banner ?? '';
  const items = portionChoices(ctx).map((c) => ({
    label: c.mark,
    description: [c.level.banner, c.used ? te(lang, 'portionUsed') : '', c.exceedsBanner ? te(lang, 'portionExceeds', banner) : ''].filter(Boolean).join(' · '),
    picked: c.mark === current,
    choice: c,
  }));
  const picked = await vscode.window.showQuickPick(items, {title: te(lang, 'pickPortion'), placeHolder: current ? `${te(lang, 'currentLevel')}: ${current}` : te(lang, 'pickPortion')});
  if (!picked) return;
  const edit = markPortionEdit(ctx, offset, picked.choice.mark);
  if (edit) await apply(editor, version, [edit], lang);
}
