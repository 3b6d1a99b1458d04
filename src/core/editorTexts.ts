/**
 * The texts every editor layer shows (the VS Code extension and the language server), in Rubric's two
 * languages: quick-fix titles, what fix all did, a broken configuration. The language is the document's
 * (`rubric.lang`, else `lang:` in `.rubric.yaml`, else Dutch), so that a Dutch finding never comes with an
 * English quick fix.
 */

import {message} from './messages.js';
import type {Lang, Localized} from './types.js';

export const EDITOR_MESSAGES = {
  replaceWith: {nl: 'Vervangen door «{0}»', en: 'Replace with "{0}"'},
  remove: {nl: '«{0}» verwijderen', en: 'Remove "{0}"'},
  fixAllInFile: {nl: 'Alle correcties in dit bestand toepassen', en: 'Apply every fix in this file'},
  disableOnLine: {nl: '{0} uitzetten voor de volgende regel (HTML-commentaar in het document)', en: 'Disable {0} for the next line (an HTML comment in the document)'},
  ignoreInConfig: {nl: '«{1}» negeren voor {0} in dit bestand (in .rubric.yaml; het document blijft ongewijzigd)', en: 'Ignore "{1}" for {0} in this file (in .rubric.yaml; the document is not changed)'},
  fixAllDone: {nl: 'Rubric: {0}, {1} aan u.', en: 'Rubric: {0}, {1} left to you.'},
  fixAllNothing: {nl: 'Rubric: niets te corrigeren.', en: 'Rubric: nothing left to fix.'},
  fixAllNothingLeft: {nl: 'Rubric: niets automatisch te corrigeren; {0} aan u.', en: 'Rubric: nothing to fix automatically; {0} left to you.'},
  fixAllRaiseHint: {nl: ' De rubricering verhogen is uw beslissing: zie de snelle correctie bij marking/portion-exceeds-banner.', en: ' Raising the classification is your decision: see the quick fix of marking/portion-exceeds-banner.'},
  configBroken: {nl: 'Rubric: een configuratiebestand of woordenlijst bevat fouten; Rubric controleert verder met de laatste goede versie. Zie het venster Problemen.', en: 'Rubric: a configuration or glossary file has errors; linting goes on with the last good one. See the Problems panel.'},
  noDocument: {nl: 'Rubric: open eerst een document dat Rubric controleert.', en: 'Rubric: open a document that Rubric lints first.'},
  today: {nl: 'vandaag', en: 'today'},
  cannotWrite: {nl: 'Rubric: {0} kon niet worden geschreven: {1}', en: 'Rubric: could not write {0}: {1}'},
} satisfies Record<string, Localized>;

export type EditorMessageKey = keyof typeof EDITOR_MESSAGES;

/** An editor text in `lang`, with `{0}`, `{1}` … filled in. */
export function editorText(lang: Lang, key: EditorMessageKey, ...args: (string | number)[]): string {
  return message(EDITOR_MESSAGES, lang, key, args);
}

/** `1 correctie`, `3 correcties`: counted nouns are shared with the CLI (src/core/messages.ts). */
export {count} from './messages.js';
