/**
 * The Kamerbrief (DOMAIN.md §4): the letter's parts for the rules and the
 * outline, Dutch dates, the dated ministry data and the new-letter template.
 */

export {
  analyseKamerbrief, kamerbriefOf, letterField,
  type AddressBlock, type Closing, type FieldName, type Footnote, type KamerbriefAnalysis, type LetterField, type LetterInput,
  type MinisterRef, type MinisterRole, type Section, type Signer, type Span, type TextSpan,
} from './analysis.js';
export {findDates, formatDutchDate, isoDate, isValidDate, MONTHS, parseDutchDate, toDutchDate, type DutchDate, type FoundDate} from './dates.js';
export {
  lookupName, mergeKamerbriefData, ministerTitles, nameStatus, parseKamerbriefData, signatureTitle,
  type Addressee, type KamerbriefData, type KamerbriefOverride, type Ministry, type NameStatus, type Period,
} from './data.js';
export {kamerbriefTemplate, TWEEDE_KAMER, type TemplateOptions} from './template.js';
