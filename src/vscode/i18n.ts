/**
 * Every text the extension shows, in Rubric's two languages. The language is
 * the document's (`rubric.lang`, else `lang:` in `.rubric.yaml`, else Dutch),
 * not VS Code's display language, so that a Dutch finding never comes with an
 * English quick fix. Only the static contributions in package.json (command
 * titles, setting descriptions) follow VS Code's language (package.nls*.json).
 */

import {EDITOR_MESSAGES} from '../core/editorTexts.js';
import {message} from '../core/messages.js';
import type {Lang, Localized} from '../core/types.js';

const MESSAGES = {
  // What every editor layer shows (quick-fix titles, fix all, a broken configuration): src/core/editorTexts.ts.
  ...EDITOR_MESSAGES,
  // Quick fixes
  raiseBanner: {nl: 'Rubricering verhogen naar «{0}» (bovenaan en onderaan)', en: 'Raise the classification to "{0}" (top and bottom)'},
  raiseBannerOne: {nl: 'Rubricering verhogen naar «{0}»', en: 'Raise the classification to "{0}"'},
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
  // Outline
  classification: {nl: 'Rubricering', en: 'Classification'},
  // New letter
  newLetterTitle: {nl: 'Rubric: nieuwe Kamerbrief', en: 'Rubric: new Kamerbrief'},
  whichMinister: {nl: 'Welke minister ondertekent de brief?', en: 'Which minister signs the letter?'},
  // Commands
  lookupTitle: {nl: 'Rubric: term opzoeken', en: 'Rubric: look up a term'},
  lookupPlaceholder: {nl: 'Term, afkorting of uitgeschreven vorm', en: 'Term, acronym or written-out form'},
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

export {count} from '../core/editorTexts.js';
