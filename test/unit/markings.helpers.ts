/** Engines for the marking tests: the built-in markings on a small glossary, with configuration changes. */

import {strict as assert} from 'node:assert';
import {parseConfig} from '../../src/core/config.js';
import {Engine} from '../../src/core/engine.js';
import {buildEngineData, DEFAULT_CONFIG, type ResolvedConfig} from '../../src/core/engineData.js';
import {fixAll} from '../../src/core/fix.js';
import {mergeGlossaries, parseGlossary} from '../../src/core/glossary.js';
import {allRules} from '../../src/core/rules/index.js';
import type {DocumentLanguage, Finding} from '../../src/core/types.js';
import {loadMarkings} from '../../src/node/files.js';

/** A glossary with a restricted code word and the TLP entries of the default glossary. */
export const SMALL_GLOSSARY = `terms:
  - term: KOPERWIEK
    definition: Codenaam van een operatie.
    minimumMarking: Stg. GEHEIM
  - term: ZILVERREIGER
    definition: Codenaam van een bron.
    minimumMarking: (Stg.C)
  - term: AIVD
    expansion: Algemene Inlichtingen- en Veiligheidsdienst
    definition: De civiele inlichtingen- en veiligheidsdienst.
    wellKnown: true
  - term: "TLP:CLEAR"
    definition: Vrij deelbaar.
    inflect: false
  - term: "TLP:WHITE"
    definition: TLP 1.0.
    deprecated:
      replacement: "TLP:CLEAR"
      since: "2022-08"
    inflect: false
`;

export interface EngineOptions {
  /** `.rubric.yaml` text; its `markings:` section changes the schemes. */
  configYaml?: string;
  config?: Partial<ResolvedConfig>;
  glossary?: string;
}

export function markingEngine(options: EngineOptions = {}): Engine {
  const g = parseGlossary(options.glossary ?? SMALL_GLOSSARY, 'small.yaml');
  const merged = mergeGlossaries([g]);
  assert.deepEqual(merged.problems, []);
  let changes;
  let requireBanner = false;
  if (options.configYaml !== undefined) {
    const parsed = parseConfig(options.configYaml, '.rubric.yaml');
    assert.deepEqual(parsed.problems, []);
    changes = parsed.config?.markings;
    requireBanner = changes?.requireBanner ?? false;
  }
  const markings = loadMarkings(changes);
  assert.deepEqual(markings.problems, []);
  const config = {...DEFAULT_CONFIG, requireBanner, ...options.config};
  return new Engine(buildEngineData(merged.entries, config, markings.ruleset), allRules);
}

let shared: Engine | undefined;

/** The engine with the small glossary and built-in markings, made once. */
export function engine(): Engine {
  return (shared ??= markingEngine());
}

export function lint(text: string, e: Engine = engine(), language: DocumentLanguage = 'markdown'): Finding[] {
  return e.lint(text, language).findings;
}

/** The marking findings as `rule@line:col «text»` (1-based). */
export function marks(text: string, e: Engine = engine(), language: DocumentLanguage = 'markdown'): string[] {
  return lint(text, e, language)
    .filter((f) => f.rule.startsWith('marking/'))
    .map((f) => `${f.rule}@${f.line + 1}:${f.column + 1} ${text.slice(f.start, f.end)}`);
}

/** The ids of the marking findings. */
export function ids(text: string, e: Engine = engine(), language: DocumentLanguage = 'markdown'): string[] {
  return lint(text, e, language).filter((f) => f.rule.startsWith('marking/')).map((f) => f.rule);
}

/** Applies every fix until none is left; returns the text and the findings that remain. */
export function fixed(text: string, e: Engine = engine(), language: DocumentLanguage = 'markdown') {
  return fixAll(e, text, language);
}
