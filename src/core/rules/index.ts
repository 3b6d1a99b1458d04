/** Every rule, registered in one place. */

import type {Rule} from '../rule.js';
import {termAcronymExpansion} from './termAcronymExpansion.js';
import {termAcronymUndefined} from './termAcronymUndefined.js';
import {termDeprecated} from './termDeprecated.js';
import {termVariant} from './termVariant.js';
import {markingInvalid} from './markingInvalid.js';
import {markingMissing} from './markingMissing.js';
import {markingBannerMismatch} from './markingBannerMismatch.js';
import {markingPortionExceedsBanner} from './markingPortionExceedsBanner.js';
import {markingOverClassified} from './markingOverClassified.js';
import {markingUnmarkedPortion} from './markingUnmarkedPortion.js';
import {markingMissingDuration} from './markingMissingDuration.js';
import {markingRestrictedTerm} from './markingRestrictedTerm.js';
import {structureMissingField} from './structureMissingField.js';
import {structureDateFormat} from './structureDateFormat.js';
import {structureAddressee} from './structureAddressee.js';
import {structureSignature} from './structureSignature.js';
import {markdownTooComplex} from './markdownTooComplex.js';
import {structurePlaceholder} from './structurePlaceholder.js';

export const allRules: readonly Rule[] = [
  termVariant, termDeprecated, termAcronymUndefined, termAcronymExpansion,
  markingInvalid, markingMissing, markingBannerMismatch, markingPortionExceedsBanner, markingOverClassified,
  markingUnmarkedPortion, markingMissingDuration, markingRestrictedTerm,
  structureMissingField, structureDateFormat, structureAddressee, structureSignature, structurePlaceholder,
  markdownTooComplex,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
