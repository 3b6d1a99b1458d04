/**
 * Reads a YAML input file (glossary, configuration, marking scheme) and
 * validates it against its JSON schema, turning every problem into an
 * InputProblem with the file, line, column and field it concerns.
 */

import {parseDocument, isMap, isSeq, type Node as YamlNode, LineCounter} from 'yaml';
import type AjvClass from 'ajv';
import type {ErrorObject, Options, ValidateFunction} from 'ajv';
import {editDistance} from './distance.js';
import {say, type InputProblem, type Localized} from './types.js';

// `verbose`: errors carry their schema, for the names a problem offers instead of an unknown one.
// scripts/validators.mjs compiles the built-in schemas with the same options.
export const AJV_OPTIONS: Options = {allErrors: true, strict: false, verbose: true};
let ajv: AjvClass | undefined;
const compiled = new WeakMap<object, ValidateFunction>();
const precompiled = new Map<string, () => ValidateFunction>();

/**
 * Validators compiled at build time, by their schema's `$id` (the CLI bundle
 * registers them: scripts/validators.mjs): a schema with one of these ids is
 * not compiled again, and Ajv itself is then never loaded.
 */
export function registerPrecompiledValidators(validators: Record<string, () => ValidateFunction>): void {
  for (const [id, load] of Object.entries(validators)) precompiled.set(id, load);
}

/** `referenced`: the schemas that `schema` names in a `$ref` (by their `$id`), given to Ajv with it. */
function validatorOf(schema: object, referenced: readonly object[]): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const id = (schema as {$id?: string}).$id ?? '';
    const load = precompiled.get(id);
    if (load) validate = load();
    else {
      // Loaded on first use: a run whose inputs are all precompiled or built in never needs it.
      const instance = (ajv ??= new (require('ajv') as {default: typeof AjvClass}).default(AJV_OPTIONS));
      for (const r of referenced) {
        const rid = (r as {$id?: string}).$id;
        if (rid && !instance.getSchema(rid)) instance.addSchema(withoutUniqueItems(r));
      }
      // A schema added as another's reference is compiled once, under its $id.
      validate = (id && instance.getSchema(id)) || instance.compile(withoutUniqueItems(schema));
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/** Input files larger than this are refused rather than parsed. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export interface YamlInput<T> {
  /** The data, or undefined when the file could not be read at all. */
  data: T | undefined;
  problems: InputProblem[];
  /** 1-based line of the node at a JSON path like `/terms/3/variants`. */
  lineOf(path: string): {line: number; column: number};
}

/** `referenced`: the schemas `schema` refers to with `$ref` (the configuration's schema shares the data files' shapes). */
export function readYaml<T>(text: string, file: string, schema: object, referenced: readonly object[] = []): YamlInput<T> {
  const problems: InputProblem[] = [];
  const lineCounter = new LineCounter();
  const none = () => ({line: 0, column: 0});
  if (text.length > MAX_INPUT_BYTES) {
    problems.push({file, line: 0, column: 0, severity: 'error', message: say(`het bestand is groter dan ${MAX_INPUT_BYTES / 1024 / 1024} MB`, `file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`)});
    return {data: undefined, problems, lineOf: none};
  }
  const doc = parseDocument(text.replace(/^\ufeff/, ''), {lineCounter, uniqueKeys: true, prettyErrors: false});
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({file, line: pos.line, column: pos.col, severity: 'error', message: say(`ongeldige YAML: ${firstLine(e.message)}`, `invalid YAML: ${firstLine(e.message)}`)});
  }
  if (doc.errors.length) return {data: undefined, problems, lineOf: none};

  const lineOf = (path: string) => {
    let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
    for (const seg of path.split('/').slice(1)) {
      const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
      if (isMap(node)) node = node.get(key, true) as YamlNode | undefined;
      else if (isSeq(node)) node = node.get(Number(key), true) as YamlNode | undefined;
      else break;
      if (!node) break;
    }
    const offset = node?.range?.[0] ?? (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return {line: pos.line, column: pos.col};
  };

  let data: unknown;
  try {
    data = doc.toJS({maxAliasCount: 100}) ?? {};
  } catch (e) {
    problems.push({file, line: 1, column: 1, severity: 'error', message: say(`ongeldige YAML: ${(e as Error).message}`, `invalid YAML: ${(e as Error).message}`)});
    return {data: undefined, problems, lineOf};
  }
  const validate = validatorOf(schema, referenced);
  if (!validate(data)) {
    const topLevel = Object.keys((schema as {properties?: object}).properties ?? {});
    for (const err of dedupe(validate.errors ?? [])) {
      // A key that fails `propertyNames` is reported once, at that key and by name (not at the map's first key).
      if (err.keyword === 'propertyNames') continue;
      const key = err.propertyName ?? (err.keyword === 'additionalProperties' ? (err.params as {additionalProperty: string}).additionalProperty : undefined);
      const at = key !== undefined ? `${err.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` : err.instancePath;
      const {line, column} = lineOf(at);
      const what = describe(err, err.propertyName !== undefined ? [] : topLevel);
      const message = err.propertyName !== undefined ? say(`sleutel «${err.propertyName}» ${what.nl}`, `key "${err.propertyName}" ${what.en}`) : what;
      problems.push({file, line, column, severity: 'error', field: err.propertyName !== undefined ? [fieldPath(err.instancePath), err.propertyName].filter(Boolean).join('.') : fieldName(at, err), message});
    }
    return {data: undefined, problems, lineOf};
  }
  return {data: data as T, problems, lineOf};
}

/**
 * The schema without `uniqueItems`: Ajv checks it by comparing every pair
 * (200,000 variants took minutes), so the readers check it themselves in
 * linear time (see duplicateItems). The schema files keep it for editors.
 */
function withoutUniqueItems(schema: object): object {
  return JSON.parse(JSON.stringify(schema, (key, value) => (key === 'uniqueItems' ? undefined : value))) as object;
}

/** Items of a list of strings that repeat an earlier item: their index, and the index of the first. */
export function duplicateItems(items: readonly string[]): {index: number; first: number}[] {
  const seen = new Map<string, number>();
  const found: {index: number; first: number}[] = [];
  items.forEach((item, index) => {
    const first = seen.get(item);
    if (first === undefined) seen.set(item, index);
    else found.push({index, first});
  });
  return found;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** `/terms/3/variants` -> `terms[3].variants`. */
export function fieldPath(jsonPath: string): string {
  return jsonPath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

function fieldName(at: string, err: ErrorObject): string {
  if (err.keyword === 'required') {
    const base = fieldPath(at);
    const missing = (err.params as {missingProperty: string}).missingProperty;
    return base ? `${base}.${missing}` : missing;
  }
  return fieldPath(at) || '(root)';
}

/** Dutch for the names the schemas give their keys and values (`x-key`, `x-value`). */
const NAME_NL: Record<string, string> = {'rule id': 'regel-id'};

/**
 * What is wrong, in the writer's terms: an unknown key with the nearest known one, or, for a key of the top
 * level written one level down (`wellKnown:` under `rules:`), where it belongs.
 */
function describe(err: ErrorObject, topLevel: string[] = []): Localized {
  const p = err.params as Record<string, unknown>;
  const meant = (near: string | undefined): Localized => (near ? say(`; bedoelt u «${near}»?`, `; did you mean "${near}"?`) : say('', ''));
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const parent = err.parentSchema as {properties?: object; 'x-key'?: string} | undefined;
      const name = parent?.['x-key'];
      const what = name
        ? say(`«${key}» is geen ${NAME_NL[name] ?? name}`, `"${key}" is not a ${name}`)
        : say(`onbekend veld «${key}»`, `unknown field "${key}"`);
      if (err.instancePath && topLevel.includes(key)) {
        const under = fieldPath(err.instancePath);
        return say(`${what.nl}; hoort het niet op het hoogste niveau, in plaats van onder «${under}»?`, `${what.en}; did you mean to put it at the top level, not under "${under}"?`);
      }
      const near = meant(nearest(key, Object.keys(parent?.properties ?? {})));
      return say(what.nl + near.nl, what.en + near.en);
    }
    case 'required':
      return say(`het verplichte veld «${p.missingProperty}» ontbreekt`, `missing required field "${p.missingProperty}"`);
    case 'type':
      return say(`moet van het type ${TYPE_NL[String(p.type)] ?? p.type} zijn`, `must be of type ${p.type}`);
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const near = meant(typeof err.data === 'string' ? nearest(err.data, allowed) : undefined);
      const name = (err.parentSchema as {'x-value'?: string} | undefined)?.['x-value'];
      const wrong = name
        ? say(`«${String(err.data)}» is geen ${NAME_NL[name] ?? name}`, `"${String(err.data)}" is not a ${name}`)
        : say(`moet een van deze zijn: ${allowed.join(', ')}`, `must be one of: ${allowed.join(', ')}`);
      return say(wrong.nl + near.nl, wrong.en + near.en);
    }
    case 'pattern':
      if (String(p.pattern).startsWith('^\\S')) return say('mag niet leeg zijn en niet met witruimte beginnen of eindigen', 'must not be empty or start or end with white space');
      if (String(p.pattern).startsWith('^[0-9]{4}')) return say('moet een datum zijn, geschreven als JJJJ, JJJJ-MM of JJJJ-MM-DD', 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD');
      return say(`heeft niet de verwachte vorm (${p.pattern})`, `does not have the expected form (${p.pattern})`);
    case 'minLength':
      return say('mag niet leeg zijn', 'must not be empty');
    case 'minItems':
      return say('mag geen lege lijst zijn', 'must not be an empty list');
    case 'maxLength':
      return say(`is langer dan ${p.limit} tekens`, `is longer than ${p.limit} characters`);
    case 'oneOf':
    case 'anyOf':
      return say('heeft geen van de toegestane vormen', 'has none of the allowed shapes');
    default:
      return say(err.message ?? 'is ongeldig', err.message ?? 'is invalid');
  }
}

/** Dutch for JSON's type names. */
const TYPE_NL: Record<string, string> = {
  string: 'tekst (string)', number: 'getal (number)', integer: 'geheel getal (integer)', boolean: 'ja/nee (boolean)',
  array: 'lijst (array)', object: 'object (sleutels met waarden)', null: 'null',
};

/** The known name nearest to `name` (case aside), when it is close enough to be a slip of the keyboard. */
export function nearest(name: string, known: string[]): string | undefined {
  const key = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(key.length, k.length) / 3)));
    const d = editDistance(key, k.toLowerCase(), limit);
    if (d <= limit && d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Ajv reports oneOf branches separately; keep one error per place and keyword family. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  const hasOneOf = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors) {
    if (hasOneOf.has(e.instancePath) && e.keyword !== 'oneOf' && e.keyword !== 'anyOf') continue;
    const key = `${e.instancePath}|${e.propertyName ?? ''}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

