/**
 * Rubric's engine as the editor layers and the language server use it: lint a
 * text (once or incrementally), fix it, suggest changes, look up what stands at
 * a place, outline it and classify it. Everything here works on strings; no
 * `fs`, no `vscode`. Code outside `src/core/` imports the engine from here,
 * never from its internals.
 */

export {Engine, DocumentLinter, type LintResult} from './engine.js';
export type {EngineData, ResolvedConfig, IgnoreEntry} from './engineData.js';
export {applyFixes, fixAll, type FixAllOptions, type FixAllResult} from './fix.js';
export {fixRaisesClassification, isQuickFix, suggestionsFor, type Suggestion} from './suggestions.js';
export {addIgnoreEntry, type IgnoreInput} from './configEdit.js';
export {count, message, type Noun} from './messages.js';
export {formatProblem, InputError, say, type DocumentLanguage, type Finding, type Fix, type InputProblem, type Lang, type Localized, type Severity, type SeveritySetting} from './types.js';
export {mergeGlossaries, parseGlossary, type GlossaryEntry} from './glossary.js';
export {addEntries, GlossaryEditError} from './glossaryEdit.js';
export {parseCsvGlossary, toCsv, toCspellWords, toGlossaryYaml, toValeVocabulary, type ExportFormat} from './glossaryTransfer.js';
export type {DocumentContext, Rule} from './rule.js';
export {LineIndex} from './text.js';
export {registerPrecompiledValidators} from './yamlInput.js';
export {allRules, ruleById} from './rules/index.js';
export {checkGlossaryMarkings, classify, type Classification, type MarkingLevel, type MarkingOccurrence, type MarkingRuleset} from './markings/index.js';
export {intended} from './markings/fixes.js';
export {classificationSummary, formatMarkings, markingsJson} from './markings/summary.js';
export {formatDutchDate, ministerTitles} from './kamerbrief/index.js';
export {isoDate, isValidDate, parseDutchDate} from './kamerbrief/dates.js';
export {documentProfileOf, type DocumentKind, type DocumentProfile} from './document/profile.js';
export {DATE_SOURCE_LABELS, DOCUMENT_KINDS, KIND_LABELS, KIND_SOURCE_LABELS, parseKind} from './document/kinds.js';
export {contextExcerpt, describeLocation, notAppliedText, type FixRefusal} from './office/location.js';
export {locate, planFindingFix, type OfficeLocation, type OfficeText} from './office/text.js';
export {documentOutline, letterNodes, nest, profileNode, sectionNodes, type OutlineKind, type OutlineNode} from './outline.js';
export {entryMarkdown, escapeMarkdown, levelMarkdown} from './describe.js';
export {completionEntries, configOf, findEntry, glossaryEntries, hoverAt, kamerbriefDataOf, langOf, markingRulesetOf, type CompletionEntry, type HoverText} from './lookup.js';
export {engineFromTexts, type BuiltinTexts} from './builtinEngine.js';
export {
  classificationChoices, markPortionEdit, needsDuration, portionBlockAt, portionChoices, setClassificationEdits, setLabelEdits,
} from './markings/setLevel.js';
export {addEntry, addVariant, closestEntries, entryToRaw, isAcronym, type RawGlossaryEntry} from './glossaryEdit.js';
export {addToConfigList, ConfigEditError} from './configEdit.js';
export {letterParts, toSnippet, TWEEDE_KAMER} from './kamerbrief/template.js';
