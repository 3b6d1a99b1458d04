/**
 * Classification markings (rubricering, DOMAIN.md §3): the ruleset as data,
 * the recognizer, and the document's classification for rules, status bar,
 * outline and CLI.
 */

import type {GlossaryEntry} from '../glossary.js';
import type {InputProblem} from '../types.js';
import {resolveLevel} from './classify.js';
import {checkMinimumMarkings, type MarkingRuleset} from './ruleset.js';

export {
  classify, higher, resolveLevel,
  type Classification, type DurationLine, type LineRange, type MarkingOccurrence, type PortionBlock,
  type RestrictedUse, type SectionClassification,
} from './classify.js';
export {acceptedForms, findLabels, recognize, type LabelHit, type MarkingContext, type Recognition} from './recognize.js';
export {
  buildRuleset, DEFAULT_DURATION, EMPTY_RULESET, levelByName, parseMarkings, readMarkingsInput,
  type MarkingLevel, type MarkingRuleset, type MarkingScheme, type MarkingsInput, type RawMarkings, type SchemeKind,
} from './ruleset.js';

/** Input problems for glossary `minimumMarking` values that name no classification level of the ruleset. */
export function checkGlossaryMarkings(entries: GlossaryEntry[], ruleset: MarkingRuleset): InputProblem[] {
  return checkMinimumMarkings(entries, ruleset, (name) => resolveLevel(ruleset, name));
}

export {insideMarking} from './inMarking.js';
