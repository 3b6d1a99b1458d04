/**
 * The texts of growing the glossary, the Glossary view and setting the
 * classification, in Rubric's two languages (the document's, as in i18n.ts).
 */

import {EDITOR_MESSAGES} from '../core/editorTexts.js';
import {message} from '../core/messages.js';
import type {Lang, Localized} from '../core/types.js';

const MESSAGES = {
  // The quick fixes' titles, which the server gives (src/core/editorTexts.ts), as the titles of the questions that follow.
  addToGlossary: EDITOR_MESSAGES.addToGlossary,
  addAsVariant: EDITOR_MESSAGES.addAsVariant,
  addAsCodeWord: EDITOR_MESSAGES.addAsCodeWord,
  noWord: {nl: 'Rubric: selecteer een woord of woordgroep, of zet de cursor in een afkorting.', en: 'Rubric: select a word or phrase, or put the cursor in an acronym.'},
  alreadyTerm: {nl: 'Rubric: «{0}» staat al in de woordenlijst ({1}).', en: 'Rubric: "{0}" is already in the glossary ({1}).'},
  askExpansion: {nl: 'Waar staat «{0}» voor? (leeg laten als het geen afkorting is)', en: 'What does "{0}" stand for? (leave empty when it is no acronym)'},
  askDefinition: {nl: 'Wat betekent «{0}»? Eén tot drie zinnen.', en: 'What does "{0}" mean? One to three sentences.'},
  definitionRequired: {nl: 'Elke term heeft een definitie.', en: 'Every term needs a definition.'},
  pickVariantOf: {nl: '«{0}» is een variant van welke term? (de meest gelijkende eerst)', en: 'Which term is "{0}" a variant of? (the most alike first)'},
  pickLevel: {nl: 'Vanaf welke rubricering mag «{0}» in een document staan?', en: 'From which classification on may "{0}" appear in a document?'},
  pickDestination: {nl: 'In welke woordenlijst?', en: 'In which glossary?'},
  destWorkspace: {nl: 'woordenlijst van de werkruimte (in .rubric.yaml)', en: 'workspace glossary (in .rubric.yaml)'},
  destUser: {nl: 'uw eigen woordenlijst (in uw instellingen)', en: 'your own glossary (in your settings)'},
  destNewWorkspace: {nl: 'Nieuwe {0} in de werkruimte', en: 'New {0} in the workspace'},
  destNewWorkspaceDetail: {nl: 'met de regel «glossaries: [{0}]» in {1}', en: 'with the line "glossaries: [{0}]" in {1}'},
  destNewUser: {nl: 'Nieuwe eigen woordenlijst', en: 'New glossary of your own'},
  destNewUserDetail: {nl: 'in de opslag van Rubric, genoemd in uw instelling rubric.glossaries', en: 'in Rubric\'s storage, named in your setting rubric.glossaries'},
  builtinCopy: {nl: '«{0}» is ingebouwd: Rubric kopieert de term met de nieuwe variant naar de woordenlijst die u kiest (en die vervangt dan de ingebouwde)', en: '"{0}" is built in: Rubric copies the entry with the new variant into the glossary you choose (which then replaces the built-in one)'},
  documentChanged: {nl: 'Rubric: het document is intussen gewijzigd; niets geschreven. Probeer het opnieuw.', en: 'Rubric: the document changed meanwhile; nothing written. Please try again.'},
  added: {nl: 'Rubric: «{0}» toegevoegd aan {1}.', en: 'Rubric: "{0}" added to {1}.'},
  addedVariant: {nl: 'Rubric: «{0}» is nu een variant van «{1}» ({2}).', en: 'Rubric: "{0}" is now a variant of "{1}" ({2}).'},
  addedWellKnown: {nl: 'Rubric: «{0}» geldt als algemeen bekend in {1}.', en: 'Rubric: "{0}" counts as well known in {1}.'},
  open: {nl: 'Openen', en: 'Open'},
  notWritten: {nl: 'Rubric: niets geschreven. {0}', en: 'Rubric: nothing written. {0}'},
  untrusted: {nl: 'Rubric: in een niet-vertrouwde werkruimte schrijft Rubric geen woordenlijsten.', en: 'Rubric: in an untrusted workspace Rubric writes no glossaries.'},
  // Setting the classification
  pickClassification: {nl: 'Rubricering van dit document', en: 'Classification of this document'},
  pickClassificationTitle: {nl: 'Rubricering van dit document (nu: {0})', en: 'Classification of this document (now: {0})'},
  pickClassificationHint: {nl: 'Het niveau voor de rubricering bovenaan en onderaan', en: 'The level for the banners at the top and the bottom'},
  belowRequired: {nl: 'Niet lager dan {0}: een portiemarkering of term vraagt dat', en: 'Not below {0}: a portion mark or term requires it'},
  unmarkedNow: {nl: 'ongerubriceerd', en: 'unmarked'},
  currentLevel: {nl: 'huidige rubricering', en: 'current classification'},
  lowers: {nl: 'verlaagt de rubricering', en: 'lowers the classification'},
  aboveEveryPortion: {nl: 'hoger dan elke portiemarkering (marking/over-classified)', en: 'above every portion mark (marking/over-classified)'},
  askDuration: {nl: 'Rubriceringstermijn van {0}: tot welke datum of gebeurtenis?', en: 'Classification period of {0}: until which date or event?'},
  durationPlaceholder: {nl: 'bijvoorbeeld 1 januari 2035, of «einde van de operatie»', en: 'e.g. 1 januari 2035, or "einde van de operatie"'},
  durationRequired: {nl: 'Vanaf dit niveau hoort er een termijn bij.', en: 'From this level on a period is required.'},
  confirmLower: {nl: 'De rubricering verlagen van {0} naar {1}?', en: 'Lower the classification from {0} to {1}?'},
  lower: {nl: 'Verlagen', en: 'Lower'},
  labelGroup: {nl: 'Deellabel ({0})', en: 'Sharing label ({0})'},
  currentLabel: {nl: 'huidig label', en: 'current label'},
  labelDetail: {nl: 'bepaalt met wie het document gedeeld mag worden; de rubricering blijft {0}', en: 'says with whom the document may be shared; the classification stays {0}'},
  pickPortion: {nl: 'Portiemarkering van deze alinea', en: 'Portion mark of this paragraph'},
  portionUsed: {nl: 'al in dit document', en: 'used in this document'},
  portionExceeds: {nl: 'hoger dan de rubricering {0} (marking/portion-exceeds-banner)', en: 'above the classification {0} (marking/portion-exceeds-banner)'},
  noParagraph: {nl: 'Rubric: zet de cursor in een alinea of opsommingspunt om die te markeren.', en: 'Rubric: put the cursor in a paragraph or list item to mark it.'},
  // Glossary view
  viewFilter: {nl: 'Termen filteren (term, afkorting, variant of definitie)', en: 'Filter the terms (term, acronym, variant or definition)'},
  viewFiltered: {nl: 'filter: «{0}»', en: 'filter: "{0}"'},
  builtin: {nl: 'ingebouwd', en: 'built in'},
  noCategory: {nl: 'overig', en: 'other'},
  fieldExpansion: {nl: 'uitgeschreven', en: 'expansion'},
  fieldVariants: {nl: 'varianten', en: 'variants'},
  fieldDeprecated: {nl: 'verouderd', en: 'outdated'},
  fieldMinimum: {nl: 'minimale rubricering', en: 'minimum level'},
  fieldDefinition: {nl: 'definitie', en: 'definition'},
  fieldWellKnown: {nl: 'algemeen bekend', en: 'well known'},
  since: {nl: 'sinds', en: 'since'},
  terms: {nl: '{0} termen', en: '{0} terms'},
  oneTerm: {nl: '1 term', en: '1 term'},
} satisfies Record<string, Localized>;

export type EditMessageKey = keyof typeof MESSAGES;

/** The message in `lang`, with `{0}`, `{1}` … filled in. */
export function te(lang: Lang, key: EditMessageKey, ...args: (string | number)[]): string {
  return message(MESSAGES, lang, key, args);
}
