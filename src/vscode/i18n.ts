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
  // Status bar
  statusTooltip: {nl: 'Rubric: {0}; {1} in dit document. Klik om de rubricering in te stellen.', en: 'Rubric: {0}; {1} in this document. Click to set the classification.'},
  // Workspace
  lintingWorkspace: {nl: 'Rubric: werkruimte controleren', en: 'Rubric: linting the workspace'},
  workspaceDone: {nl: 'Rubric: {0} in {1}.', en: 'Rubric: {0} in {1}.'},
  // New letter
  newLetterTitle: {nl: 'Rubric: nieuwe Kamerbrief', en: 'Rubric: new Kamerbrief'},
  whichMinister: {nl: 'Welke minister ondertekent de brief?', en: 'Which minister signs the letter?'},
  // Commands
  lookupTitle: {nl: 'Rubric: term opzoeken', en: 'Rubric: look up a term'},
  lookupPlaceholder: {nl: 'Term, afkorting of uitgeschreven vorm', en: 'Term, acronym or written-out form'},
  // The output channel
  logActivated: {nl: 'Rubric {0} gestart in VS Code {1} ({2}, weergavetaal {3})', en: 'Rubric {0} activated in VS Code {1} ({2}, display language {3})'},
  logSnippets: {nl: 'kan de snippets {0} niet lezen: {1}', en: 'could not read the snippets {0}: {1}'},
  logServer: {nl: 'taalserver {0} gestart ({1})', en: 'language server {0} started ({1})'},
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

/** The message in `lang`, with `{0}`, `{1}` … filled in. */
export function t(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  return message(MESSAGES, lang, key, args);
}

export {count} from '../core/editorTexts.js';
