/**
 * An engine on the built-in data given as text (the YAML of glossary/), with
 * the settings' rules and language: what a host without files (the language
 * server in a web worker) lints with. No `fs`: the caller brings the texts.
 */

import {Engine} from './engine.js';
import {buildEngineData, type ResolvedConfig} from './engineData.js';
import {mergeGlossaries, parseGlossary} from './glossary.js';
import {parseKamerbriefData} from './kamerbrief/data.js';
import {buildRuleset, checkGlossaryMarkings, parseMarkings} from './markings/index.js';
import {allRules} from './rules/index.js';
import type {InputProblem, Lang, SeveritySetting} from './types.js';

export interface BuiltinTexts {
  /** `default.yaml`, `markings.yaml` and `ministries.yaml`, each with the name its problems should carry. */
  glossary: {text: string; file: string};
  markings: {text: string; file: string};
  ministries: {text: string; file: string};
}

export function engineFromTexts(texts: BuiltinTexts, options: {rules?: Record<string, SeveritySetting>; lang?: Lang} = {}): {engine: Engine; problems: InputProblem[]} {
  const glossary = parseGlossary(texts.glossary.text, texts.glossary.file);
  const merged = mergeGlossaries([glossary]);
  const markings = parseMarkings(texts.markings.text, texts.markings.file);
  const ruleset = buildRuleset(markings.input ?? {file: texts.markings.file, schemes: []});
  const kamerbrief = parseKamerbriefData(texts.ministries.text, texts.ministries.file);
  const config: ResolvedConfig = {rules: options.rules ?? {}, wellKnown: [], lang: options.lang ?? 'nl'};
  const problems = [...merged.problems, ...markings.problems, ...ruleset.problems, ...checkGlossaryMarkings(merged.entries, ruleset.ruleset), ...kamerbrief.problems];
  return {engine: new Engine(buildEngineData(merged.entries, config, ruleset.ruleset, kamerbrief.data), allRules), problems};
}
