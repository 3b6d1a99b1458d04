/** Every rule, registered in one place. */

import type {Rule} from '../rule.js';
import {termAcronymExpansion} from './termAcronymExpansion.js';
import {termAcronymUndefined} from './termAcronymUndefined.js';
import {termDeprecated} from './termDeprecated.js';
import {termVariant} from './termVariant.js';

export const allRules: readonly Rule[] = [termVariant, termDeprecated, termAcronymUndefined, termAcronymExpansion];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
