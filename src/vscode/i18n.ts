/**
 * Every text the extension shows, in Rubric's two languages. The language is
 * the document's (`rubric.lang`, else `lang:` in `.rubric.yaml`, else Dutch),
 * not VS Code's display language, so that a Dutch finding never comes with an
 * English quick fix. Only the static contributions in package.json (command
 * titles, setting descriptions) follow VS Code's language (package.nls*.json).
 */

import {message} from '../core/messages.js';
import type {Lang, Localized} from '../core/types.js';

const MESSAGES = {
  // Quick fixes
  replaceWith: {nl: 'Vervangen door «{0}»', en: 'Replace with "{0}"'},
  remove: {nl: '«{0}» verwijderen', en: 'Remove "{0}"'},
  fixAllInFile: {nl: 'Alle correcties in dit bestand toepassen', en: 'Apply every fix in this file'},
  raiseBanner: {nl: 'Rubricering verhogen naar «{0}» (bovenaan en onderaan)', en: 'Raise the classification to "{0}" (top and bottom)'},
  raiseBannerOne: {nl: 'Rubricering verhogen naar «{0}»', en: 'Raise the classification to "{0}"'},
  disableOnLine: {nl: '{0} uitzetten voor de volgende regel (HTML-commentaar in het document)', en: 'Disable {0} for the next line (an HTML comment in the document)'},
  ignoreInConfig: {nl: '«{1}» negeren voor {0} in dit bestand (in .rubric.yaml; het document blijft ongewijzigd)', en: 'Ignore "{1}" for {0} in this file (in .rubric.yaml; the document is not changed)'},
  // Fix all
  fixAllDone: {nl: 'Rubric: {0}, {1} aan u.', en: 'Rubric: {0}, {1} left to you.'},
  fixAllNothing: {nl: 'Rubric: niets te corrigeren.', en: 'Rubric: nothing left to fix.'},
  fixAllNothingLeft: {nl: 'Rubric: niets automatisch te corrigeren; {0} aan u.', en: 'Rubric: nothing to fix automatically; {0} left to you.'},
  fixAllRaiseHint: {nl: ' De rubricering verhogen is uw beslissing: zie de snelle correctie bij marking/portion-exceeds-banner.', en: ' Raising the classification is your decision: see the quick fix of marking/portion-exceeds-banner.'},
  // Status bar
  statusUnmarked: {nl: 'ongerubriceerd', en: 'unmarked'},
  statusTooltip: {nl: 'Rubric: {0}; {1} in dit document. Klik om de rubricering in te stellen.', en: 'Rubric: {0}; {1} in this document. Click to set the classification.'},
  statusStated: {nl: 'gerubriceerd als {0}', en: 'marked {0}'},
  statusEffective: {nl: 'gerubriceerd als {0}, maar een portiemarkering of term vraagt {1}', en: 'marked {0}, but a portion mark or term requires {1}'},
  statusNoBanner: {nl: 'geen rubricering bovenaan of onderaan, effectief {0}', en: 'no banner, effectively {0}'},
  statusUnmarkedTooltip: {nl: 'niet gerubriceerd', en: 'not classified'},
  // Workspace
  lintingWorkspace: {nl: 'Rubric: werkruimte controleren', en: 'Rubric: linting the workspace'},
  workspaceDone: {nl: 'Rubric: {0} in {1}.', en: 'Rubric: {0} in {1}.'},
  configBroken: {nl: 'Rubric: een configuratiebestand of woordenlijst bevat fouten; Rubric controleert verder met de laatste goede versie. Zie het venster Problemen.', en: 'Rubric: a configuration or glossary file has errors; linting goes on with the last good one. See the Problems panel.'},
  // Outline
  classification: {nl: 'Rubricering', en: 'Classification'},
  // New letter
  newLetterTitle: {nl: 'Rubric: nieuwe Kamerbrief', en: 'Rubric: new Kamerbrief'},
  whichMinister: {nl: 'Welke minister ondertekent de brief?', en: 'Which minister signs the letter?'},
  today: {nl: 'vandaag', en: 'today'},
  // Commands
  lookupTitle: {nl: 'Rubric: term opzoeken', en: 'Rubric: look up a term'},
  lookupPlaceholder: {nl: 'Term, afkorting of uitgeschreven vorm', en: 'Term, acronym or written-out form'},
  noDocument: {nl: 'Rubric: open eerst een document dat Rubric controleert.', en: 'Rubric: open a document that Rubric lints first.'},
  // The output channel
  logActivated: {nl: 'Rubric {0} gestart in VS Code {1} ({2}, weergavetaal {3})', en: 'Rubric {0} activated in VS Code {1} ({2}, display language {3})'},
  logSnippets: {nl: 'kan de snippets {0} niet lezen: {1}', en: 'could not read the snippets {0}: {1}'},
  logEngine: {nl: 'engine geladen in {0} ms: {1}; {2} termen in de woordenlijsten; bestanden: {3}; taal {4} ({5})', en: 'engine loaded in {0} ms: {1}; {2} glossary entries; files: {3}; language {4} ({5})'},
  logConfig: {nl: 'configuratie {0}', en: 'configuration {0}'},
  logNoConfig: {nl: 'geen .rubric.yaml', en: 'no .rubric.yaml'},
  logUntrusted: {nl: 'werkruimte niet vertrouwd, alleen de ingebouwde gegevens', en: 'untrusted workspace, built-in data only'},
  logNone: {nl: 'geen', en: 'none'},
  logLangSetting: {nl: 'rubric.lang', en: 'rubric.lang'},
  logLangFile: {nl: '.rubric.yaml of de standaard', en: '.rubric.yaml or default'},
  logLangDefault: {nl: 'de standaard', en: 'default'},
  logBroken: {nl: 'een configuratiebestand of woordenlijst bevat fouten: Rubric controleert verder met de laatste goede versie', en: 'a configuration or glossary file has errors: linting goes on with the last good engine'},
  logSlow: {nl: 'trage controle{0}: {1} ({2} tekens) duurde {3} ms', en: 'slow lint{0}: {1} ({2} characters) took {3} ms'},
  logInSlices: {nl: ' (in stukken)', en: ' (in slices)'},
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

/** The message in `lang`, with `{0}`, `{1}` … filled in. */
export function t(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  return message(MESSAGES, lang, key, args);
}

const NOUNS = {
  fix: {nl: ['correctie', 'correcties'], en: ['fix', 'fixes']},
  problem: {nl: ['probleem', 'problemen'], en: ['problem', 'problems']},
  file: {nl: ['bestand', 'bestanden'], en: ['file', 'files']},
} as const;

/** `1 correctie`, `3 correcties`; `1 fix`, `3 fixes`. */
export function count(lang: Lang, n: number, noun: keyof typeof NOUNS): string {
  return `${n} ${NOUNS[noun][lang][n === 1 ? 0 : 1]}`;
}
