import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {schemaFiles} from '../../scripts/schemas.js';
import {allRules} from '../../src/core/rules/index.js';

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
