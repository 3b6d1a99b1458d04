import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {schemaFiles} from '../../scripts/schemas.js';
import {allRules} from '../../src/core/rules/index.js';
import {parseConfig} from '../../src/core/config.js';

describe('the settings schemas generated from the rules', () => {
  it('are current (run `npm run docs`)', () => {
    for (const [file, text] of schemaFiles()) assert.equal(fs.readFileSync(file, 'utf8'), text, `${path.basename(file)} is stale`);
  });

  it('list every rule id with its severities, for the Settings editor and for .rubric.yaml', () => {
    const root = path.resolve(__dirname, '..', '..');
    const setting = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).contributes.configuration.properties['rubric.rules'];
    const config = JSON.parse(fs.readFileSync(path.join(root, 'glossary', 'schema', 'rubric-config.schema.json'), 'utf8')).properties.rules;
    for (const schema of [setting, config]) {
      assert.deepEqual(Object.keys(schema.properties), allRules.map((r) => r.meta.id));
      assert.equal(schema.additionalProperties, false);
      for (const p of Object.values(schema.properties) as {enum: string[]}[]) assert.deepEqual(p.enum, ['off', 'info', 'warning', 'error']);
    }
    // The Settings editor shows an object setting only when its values have a simple type.
    assert.ok(Object.values(setting.properties).every((p) => (p as {type: string}).type === 'string'));
  });
});

describe('the input schemas (glossary/schema/)', () => {
  const dir = path.resolve(__dirname, '..', '..', 'glossary', 'schema');
  const schemas = new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json')).map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))]));
  const refsOf = (node: unknown, out: string[] = []): string[] => {
    if (Array.isArray(node)) for (const n of node) refsOf(n, out);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) if (k === '$ref' && typeof v === 'string') out.push(v); else refsOf(v, out);
    }
    return out;
  };

  it('refer to each other with $ref, every reference naming a definition that exists', () => {
    const across: string[] = [];
    for (const [file, schema] of schemas) {
      for (const ref of refsOf(schema)) {
        const [target, pointer] = ref.split('#');
        const named = target ? schemas.get(target) : schema;
        assert.ok(named, `${file}: ${ref} names no schema of glossary/schema/`);
        const found = pointer.split('/').slice(1).reduce((n: Record<string, unknown> | undefined, key) => n?.[key] as Record<string, unknown> | undefined, named);
        assert.ok(found, `${file}: ${ref} names no definition`);
        if (target) across.push(`${file} -> ${ref}`);
      }
    }
    // The configuration shares the shapes of the marking schemes and the Kamerbrief data rather than copying them.
    assert.ok(across.some((r) => r.startsWith('rubric-config.schema.json -> markings.schema.json#')));
    assert.ok(across.some((r) => r.startsWith('rubric-config.schema.json -> ministries.schema.json#')));
    assert.equal(schemas.get('rubric-config.schema.json').definitions, undefined);
  });

  it('check a .rubric.yaml through the shapes they refer to, naming file, line and field', () => {
    const text = 'markings:\n  schemes:\n    - id: NL\n      levels:\n        - id: x\n          portion: Stg.G\nkamerbrief:\n  addressees:\n    - {name: Tweede Kamer, addressee: Aan de Voorzitter, postbus: Postbus 2x, city: [2500 EA Den Haag]}\n';
    const problems = parseConfig(text, 'cfg.yaml').problems.map((p) => `${p.file}:${p.line} ${p.field}`);
    assert.deepEqual(problems, ['cfg.yaml:3 markings.schemes[0].id', 'cfg.yaml:6 markings.schemes[0].levels[0].portion', 'cfg.yaml:9 kamerbrief.addressees[0].postbus']);
  });
});
