/** The `.rubric.yaml` configuration file, parsed and checked. */

import configSchema from '../../glossary/schema/rubric-config.schema.json';
import markingsSchema from '../../glossary/schema/markings.schema.json';
import ministriesSchema from '../../glossary/schema/ministries.schema.json';
import {allRules, ruleById} from './rules/index.js';
import {readMarkingsInput, type MarkingsInput, type RawMarkings} from './markings/ruleset.js';
import type {KamerbriefOverride} from './kamerbrief/data.js';
import {say, type InputProblem, type Lang, type SeveritySetting} from './types.js';
import {nearest, readYaml} from './yamlInput.js';

export interface ConfigFile {
  glossaries?: string[];
  rules?: Record<string, SeveritySetting>;
  wellKnown?: string[];
  lang?: Lang;
  /** The date of documents that state none (YYYY-MM-DD). */
  date?: string;
  /** The kind of documents whose front matter sets none (a name parseKind() knows). */
  kind?: string;
  /** Changes to the marking schemes and `requireBanner`, with the line of each part. */
  markings?: MarkingsInput;
  /** Changes to the Kamerbrief data (glossary/ministries.yaml); `file` replaces it, relative to the configuration. */
  kamerbrief?: KamerbriefOverride & {file?: string};
  /** Findings judged right: of `rule` (any when absent) on exactly `text`, in `file` (relative to the configuration; every file when absent). */
  ignore?: {text: string; rule?: string; file?: string}[];
}

export interface ParsedConfig {
  config: ConfigFile | undefined;
  problems: InputProblem[];
  /** Line and column of a field (`kamerbrief.ministries[0].replacedBy`) in the file, for problems found later. */
  locate(field: string): {line: number; column: number};
}

export function parseConfig(text: string, file: string): ParsedConfig {
  const input = readYaml<Omit<ConfigFile, 'markings'> & {markings?: RawMarkings}>(text, file, configSchema, [markingsSchema, ministriesSchema]);
  const problems = [...input.problems];
  const locate = (field: string) => input.lineOf(`/${field.replace(/\[(\d+)\]/g, '.$1').split('.').join('/')}`);
  if (!input.data) return {config: undefined, problems, locate};
  const {markings: rawMarkings, ...rest} = input.data;
  const config: ConfigFile = rest;
  if (rawMarkings) {
    const read = readMarkingsInput(rawMarkings, file, input.lineOf, '/markings');
    problems.push(...read.problems);
    config.markings = read.input;
  }
  for (const id of Object.keys(input.data.rules ?? {})) {
    if (!ruleById(id)) {
      const {line, column} = input.lineOf(`/rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      const near = nearest(id, allRules.map((r) => r.meta.id));
      problems.push({file, line, column, field: `rules.${id}`, severity: 'error', message: say(`«${id}» is geen regel-id${near ? `; bedoelt u «${near}»?` : ''}`, `"${id}" is not a rule id${near ? `; did you mean "${near}"?` : ''}`)});
    }
  }
  return {config: problems.some((p) => p.severity === 'error') ? undefined : config, problems, locate};
}
