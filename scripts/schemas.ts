/**
 * Generates, from the rules' metadata, the parts of the two settings schemas
 * that list the rules: `rubric.rules` in package.json (with a description of
 * each rule in package.nls.json and package.nls.nl.json, so that the Settings
 * editor and settings.json complete every rule id and its severities), and
 * `rules:` in glossary/schema/rubric-config.schema.json (for `.rubric.yaml`).
 * `npm run docs` writes them; the test suite fails when either is stale.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {allRules} from '../src/core/rules/index.js';

const ROOT = path.resolve(__dirname, '..');
export const SCHEMA_FILES = {
  packageJson: path.join(ROOT, 'package.json'),
  nls: path.join(ROOT, 'package.nls.json'),
  nlsNl: path.join(ROOT, 'package.nls.nl.json'),
  config: path.join(ROOT, 'glossary', 'schema', 'rubric-config.schema.json'),
};

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const nlsKey = (id: string) => `config.rules.${id}`;

/** `rubric.rules` as package.json contributes it. */
function settingSchema(): Record<string, unknown> {
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription: '%config.rules%',
    properties: Object.fromEntries(allRules.map((r) => [r.meta.id, {
      type: 'string',
      enum: SEVERITIES,
      markdownDescription: `%${nlsKey(r.meta.id)}%`,
    }])),
    additionalProperties: false,
  };
}

/** `rules:` in the `.rubric.yaml` schema. */
function configRulesSchema(): Record<string, unknown> {
  return {
    description: 'Severity per rule id: off, info, warning or error.',
    type: 'object',
    properties: Object.fromEntries(allRules.map((r) => [r.meta.id, {
      description: `${r.meta.description.en} (default: ${r.meta.defaultSeverity})`,
      enum: SEVERITIES,
    }])),
    additionalProperties: false,
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;

/** The generated files' texts, by path. */
export function schemaFiles(): Map<string, string> {
  const pkg = read(SCHEMA_FILES.packageJson);
  pkg.contributes.configuration.properties['rubric.rules'] = settingSchema();
  const withRules = (file: string, lang: 'nl' | 'en') => {
    const nls = read(file);
    for (const key of Object.keys(nls)) if (key.startsWith('config.rules.')) delete nls[key];
    for (const r of allRules) nls[nlsKey(r.meta.id)] = `${r.meta.description[lang]} (${lang === 'nl' ? 'standaard' : 'default'}: \`${r.meta.defaultSeverity}\`)`;
    return nls;
  };
  const config = read(SCHEMA_FILES.config);
  config.properties.rules = configRulesSchema();
  return new Map([
    [SCHEMA_FILES.packageJson, json(pkg)],
    [SCHEMA_FILES.nls, json(withRules(SCHEMA_FILES.nls, 'en'))],
    [SCHEMA_FILES.nlsNl, json(withRules(SCHEMA_FILES.nlsNl, 'nl'))],
    [SCHEMA_FILES.config, json(config)],
  ]);
}

if (require.main === module) {
  for (const [file, text] of schemaFiles()) fs.writeFileSync(file, text);
  console.log(`wrote the rule ids into ${Object.values(SCHEMA_FILES).map((f) => path.relative(process.cwd(), f)).join(', ')}`);
}
