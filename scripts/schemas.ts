/**
 * Generates, from the rules' metadata, the parts of the two settings schemas
 * that list the rules: `rubric.rules` in package.json (with a description of
 * each rule in package.nls.json and package.nls.nl.json, so that the Settings
 * editor and settings.json complete every rule id and its severities), and
 * `rules:` and `ignore:` in glossary/schema/rubric-config.schema.json (for
 * `.rubric.yaml`, checked with it when it is read).
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

/** `rules:` in the `.rubric.yaml` schema; `x-key` (and `x-value` below) name what a problem calls a wrong one ("… is not a rule id"). */
function configRulesSchema(): Record<string, unknown> {
  return {
    description: 'Severity per rule id: off, info, warning or error.',
    type: 'object',
    'x-key': 'rule id',
    properties: Object.fromEntries(allRules.map((r) => [r.meta.id, {
      description: `${r.meta.description.en} (default: ${r.meta.defaultSeverity})`,
      enum: SEVERITIES,
    }])),
    additionalProperties: false,
  };
}

/** `ignore:` in the `.rubric.yaml` schema. */
function configIgnoreSchema(): Record<string, unknown> {
  return {
    description: 'Findings judged right, left out: those of `rule` (any rule when absent) on exactly `text`, in `file` (relative to this file; every file under it when absent). The editor\'s quick fix "Ignore … in this file" adds entries.',
    type: 'array',
    items: {
      type: 'object',
      required: ['text'],
      additionalProperties: false,
      properties: {
        file: {description: 'The document, relative to this file.', type: 'string', minLength: 1},
        rule: {description: 'The rule id.', 'x-value': 'rule id', enum: allRules.map((r) => r.meta.id)},
        text: {description: 'The words exactly as the finding underlines them.', type: 'string', minLength: 1},
      },
    },
  };
}

/**
 * The schema's text with the top-level property `name` set to `value` (before `before` when it is new), the
 * rest of the hand-written file as it is.
 */
function setProperty(text: string, name: string, value: unknown, before: string): string {
  const lines = text.split('\n');
  const head = (key: string) => lines.findIndex((l) => l.startsWith(`    ${JSON.stringify(key)}: `));
  const at = head(name);
  const rendered = `    ${JSON.stringify(name)}: ${render(value, 4)}`;
  if (at < 0) {
    lines.splice(head(before), 0, `${rendered},`);
    return lines.join('\n');
  }
  let end = at;
  if (lines[at].endsWith('{')) while (!/^ {4}\},?$/.test(lines[end])) end++;
  const comma = lines[end].endsWith(',') ? ',' : '';
  lines.splice(at, end - at + 1, `${rendered}${comma}`);
  return lines.join('\n');
}

/** JSON in the schema file's own style: an object with a description, or a map of properties, one key a line; the rest on one line. */
function render(value: unknown, indent: number): string {
  const inline = (v: unknown): string => JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']').replace(/\{ /g, '{').replace(/ \}/g, '}');
  if (!value || typeof value !== 'object' || Array.isArray(value)) return inline(value);
  const entries = Object.entries(value as Record<string, unknown>);
  const expand = 'description' in (value as object) || entries.some(([, v]) => v && typeof v === 'object' && !Array.isArray(v) && 'description' in (v as object));
  if (!expand) return inline(value);
  const pad = ' '.repeat(indent + 2);
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${render(v, indent + 2)}`).join(',\n')}\n${' '.repeat(indent)}}`;
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
  let config = fs.readFileSync(SCHEMA_FILES.config, 'utf8');
  config = setProperty(config, 'rules', configRulesSchema(), 'wellKnown');
  config = setProperty(config, 'ignore', configIgnoreSchema(), 'markings');
  return new Map([
    [SCHEMA_FILES.packageJson, json(pkg)],
    [SCHEMA_FILES.nls, json(withRules(SCHEMA_FILES.nls, 'en'))],
    [SCHEMA_FILES.nlsNl, json(withRules(SCHEMA_FILES.nlsNl, 'nl'))],
    [SCHEMA_FILES.config, config],
  ]);
}

if (require.main === module) {
  for (const [file, text] of schemaFiles()) fs.writeFileSync(file, text);
  console.log(`wrote the rule ids into ${Object.values(SCHEMA_FILES).map((f) => path.relative(process.cwd(), f)).join(', ')}`);
}
