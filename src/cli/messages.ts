/**
 * What the CLI writes in Rubric's two languages (`--lang`, else `lang:` in `.rubric.yaml`, else Dutch):
 * the summary of `rubric check`, the rows of `rubric info`, the notes of the glossary
 * commands. One table, filled in by `cliText` (src/core/messages.ts); counted nouns by `count`. Usage
 * errors stay English, as the help text's option names are.
 */

import {count, message} from '../core/index.js';
import type {Lang, Localized} from '../core/index.js';

export {count};

export const CLI_MESSAGES = {

  // rubric check: the text format
  error: {nl: 'fout', en: 'error'},
  warning: {nl: 'waarschuwing', en: 'warning'},
  info: {nl: 'info', en: 'info'},
  character: {nl: 'teken', en: 'character'},
  noProblems: {nl: 'Geen problemen gevonden in {0}.', en: 'No problems found in {0}.'},
  problems: {nl: '{0} ({1}, {2}, {3} info) in {4}.', en: '{0} ({1}, {2}, {3} info) in {4}.'},
  fixesApplied: {nl: '{0} toegepast.', en: '{0} applied.'},
  // SARIF: a rule's help
  leavesAlone: {nl: 'Laat met rust', en: 'Leaves alone'},
  notOk: {nl: 'Fout', en: 'Not ok'},
  ok: {nl: 'Goed', en: 'Ok'},

  // rubric check --fix: raising the classification
  raised: {
    nl: '{0}: de rubricering is verhoogd naar «{1}» (--fix-raise); controleer of dat klopt',
    en: '{0}: the classification was raised to "{1}" (--fix-raise); check that it is right',
  },
  raiseLeft: {
    nl: '{0}: de rubricering is niet verhoogd naar «{1}»: dat is uw beslissing (--fix --fix-raise doet het, of pas de rubricering zelf aan)',
    en: '{0}: the classification was not raised to "{1}": that is your decision (--fix --fix-raise does it, or change the marking yourself)',
  },

  // rubric info
  kind: {nl: 'Soort', en: 'Kind'},
  date: {nl: 'Datum', en: 'Date'},
  dateRead: {nl: '{0} ({1})', en: '{0} ({1})'},
  dateReadAt: {nl: '{0} ({1}, regel {2}: «{3}»)', en: '{0} ({1}, line {2}: "{3}")'},

  // rubric glossary validate, list, show
  valid: {nl: 'Geldig: {0}.', en: 'Valid: {0}.'},
  outdated: {nl: 'verouderd → {0}', en: 'outdated → {0}'},
  notInGlossary: {nl: 'rubric: "{0}" staat niet in de woordenlijst', en: 'rubric: "{0}" is not in the glossary'},
  entryExpansion: {nl: 'Uitgeschreven: {0}', en: 'Expansion: {0}'},
  entryVariants: {nl: 'Varianten: {0}', en: 'Variants: {0}'},
  entryOutdated: {nl: 'Verouderd: → {0} (sinds {1})', en: 'Outdated: → {0} (since {1})'},
  entryMinimum: {nl: 'Minimale rubricering: {0}', en: 'Minimum marking: {0}'},
  entryWellKnown: {nl: 'Algemeen bekend', en: 'Well known'},
  entrySource: {nl: 'Bron: {0}', en: 'Source: {0}'},

  // rubric glossary export, import
  restrictedLeftOutOne: {
    nl: 'rubric: 1 term met een minimale rubricering (codewoord) is weggelaten; --include-restricted neemt ze mee',
    en: 'rubric: 1 restricted term (code word) was left out; --include-restricted exports them too',
  },
  restrictedLeftOut: {
    nl: 'rubric: {0} termen met een minimale rubricering (codewoorden) zijn weggelaten; --include-restricted neemt ze mee',
    en: 'rubric: {0} restricted terms (code words) were left out; --include-restricted exports them too',
  },
  wrote: {nl: 'rubric: geschreven: {0} ({1})', en: 'rubric: wrote: {0} ({1})'},
  cannotReadFile: {nl: '{0}: kan het bestand niet lezen: {1}', en: '{0}: cannot read file: {1}'},
  row: {nl: 'rij {0}: {1}', en: 'row {0}: {1}'},
  nothingWritten: {nl: 'rubric: niets geschreven: {0} in {1} (hierboven)', en: 'rubric: nothing was written: {0} in {1} (above)'},
  added: {nl: 'rubric: {0} toegevoegd aan {1}', en: 'rubric: added {0} to {1}'},
} satisfies Record<string, Localized>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;

/** A CLI text in `lang`, with `{0}`, `{1}` … filled in. */
export function cliText(lang: Lang, key: CliMessageKey, ...args: (string | number)[]): string {
  return message(CLI_MESSAGES, lang, key, args);
}

/** A CLI text in both languages, for a Localized value (an input problem's message); a Localized value fills in each language's own. */
export function cliSay(key: CliMessageKey, ...args: (string | number | Localized)[]): Localized {
  const fill = (lang: Lang) => cliText(lang, key, ...args.map((a) => (typeof a === 'object' ? a[lang] : a)));
  return {nl: fill('nl'), en: fill('en')};
}
