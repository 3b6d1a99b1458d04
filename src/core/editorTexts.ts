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
  // The glossary's quick fixes (for a client that carries out the commands)
  addToGlossary: {nl: '«{0}» aan de woordenlijst toevoegen...', en: 'Add "{0}" to the glossary...'},
  addAsVariant: {nl: '«{0}» als variant van ... toevoegen', en: 'Add "{0}" as a variant of...'},
  addAsCodeWord: {nl: '«{0}» als codewoord toevoegen (minimale rubricering ...)', en: 'Add "{0}" as a code word (minimum level ...)'},
  addWellKnown: {nl: '«{0}» als algemeen bekend behandelen in deze werkruimte', en: 'Treat "{0}" as well known in this workspace'},
  // The classification as the status bar and the Rubric view state it
  classification: {nl: 'Rubricering', en: 'Classification'},
  statusUnmarked: {nl: 'ongerubriceerd', en: 'unmarked'},
  statusStated: {nl: 'gerubriceerd als {0}', en: 'marked {0}'},
  statusEffective: {nl: 'gerubriceerd als {0}, maar een portiemarkering of term vraagt {1}', en: 'marked {0}, but a portion mark or term requires {1}'},
  statusNoBanner: {nl: 'geen rubricering bovenaan of onderaan, effectief {0}', en: 'no banner, effectively {0}'},
  statusUnmarkedTooltip: {nl: 'niet gerubriceerd', en: 'not classified'},
  viewLine: {nl: 'regel {0}', en: 'line {0}'},
  viewTop: {nl: 'Bovenaan: {0}', en: 'Top: {0}'},
  viewBottom: {nl: 'Onderaan: {0}', en: 'Bottom: {0}'},
  viewHighestPortion: {nl: 'Hoogste portiemarkering: {0}', en: 'Highest portion mark: {0}'},
  // A hover's link to the Glossary view (a client with that view)
  showInView: {nl: 'In de woordenlijst tonen', en: 'Show in the Glossary view'},
  // The server's log (the output channel "Rubric" in VS Code)
  logEngine: {nl: 'engine geladen in {0} ms: {1}; {2} termen in de woordenlijsten; bestanden: {3}; taal {4}', en: 'engine loaded in {0} ms: {1}; {2} glossary entries; files: {3}; language {4}'},
  logConfig: {nl: 'configuratie {0}', en: 'configuration {0}'},
  logNoConfig: {nl: 'geen .rubric.yaml', en: 'no .rubric.yaml'},
  logUntrusted: {nl: 'alleen de ingebouwde gegevens (niet-vertrouwde werkruimte of geen bestanden)', en: 'built-in data only (untrusted workspace, or no files)'},
  logNone: {nl: 'geen', en: 'none'},
  logBroken: {nl: 'een configuratiebestand of woordenlijst bevat fouten: Rubric controleert verder met de laatste goede versie', en: 'a configuration or glossary file has errors: linting goes on with the last good engine'},
  logSlow: {nl: 'trage controle: {0} ({1} tekens) duurde {2} ms', en: 'slow lint: {0} ({1} characters) took {2} ms'},
} satisfies Record<string, Localized>;

export type EditorMessageKey = keyof typeof EDITOR_MESSAGES;

/** An editor text in `lang`, with `{0}`, `{1}` … filled in. */
export function editorText(lang: Lang, key: EditorMessageKey, ...args: (string | number)[]): string {
  return message(EDITOR_MESSAGES, lang, key, args);
}

/** `1 correctie`, `3 correcties`: counted nouns are shared with the CLI (src/core/messages.ts). */
export {count} from './messages.js';
