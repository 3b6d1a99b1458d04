// The JSON schemas' validators compiled once at build time (Ajv's standalone code), for the CLI bundle:
// `rubric check` in a folder with a .rubric.yaml would otherwise compile the configuration's schema
// with Ajv at every start (about 60 ms). src/core/yamlInput.ts uses them by the schema's $id and
// compiles any other schema itself, with the same options, so the errors are the same.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMAS = ['glossary.schema.json', 'rubric-config.schema.json', 'markings.schema.json', 'ministries.schema.json'];

/** The source of a module exporting {[$id]: () => validate} for every schema. */
function validatorsSource() {
  const parts = [];
  const read = (name) => JSON.parse(fs.readFileSync(path.join(root, 'glossary', 'schema', name), 'utf8'));
  // As yamlInput.ts's withoutUniqueItems: the readers check uniqueness themselves, in linear time.
  const strip = (schema) => JSON.parse(JSON.stringify(schema, (key, value) => (key === 'uniqueItems' ? undefined : value)));
  for (const name of SCHEMAS) {
    const schema = read(name);
    // The options of yamlInput.ts (AJV_OPTIONS), and the source kept for standalone code.
    const ajv = new Ajv.default({allErrors: true, strict: false, verbose: true, code: {source: true}});
    // The schemas it names in a $ref (the configuration's refers to the markings' and ministries' shapes), by their $id.
    for (const other of SCHEMAS) if (other !== name) ajv.addSchema(strip(read(other)));
    const code = standaloneCode.default(ajv, ajv.compile(strip(schema)));
    parts.push(`  ${JSON.stringify(schema.$id)}: () => {\n    const module = {exports: {}};\n    const exports = module.exports;\n${code}\n    return module.exports;\n  },`);
  }
  return `module.exports = {\n${parts.join('\n')}\n};\n`;
}

/** An esbuild plugin: `require('rubric:validators')` is that module. */
export const validatorsPlugin = {
  name: 'rubric-validators',
  setup(build) {
    build.onResolve({filter: /^rubric:validators$/}, () => ({path: 'validators', namespace: 'rubric-validators'}));
    build.onLoad({filter: /.*/, namespace: 'rubric-validators'}, () => ({
      contents: validatorsSource(), loader: 'js', resolveDir: root, watchFiles: SCHEMAS.map((n) => path.join(root, 'glossary', 'schema', n)),
    }));
  },
};
