/**
 * `npm run bench`: a floor for Rubric's start-up, not a way Rubric starts.
 *
 * Built into dist/startup-floor.js and given to `node --build-snapshot`: it
 * loads the built-in engine and lints a short text once, so that the V8
 * start-up snapshot holds the engine as a warm run leaves it. Started with
 * `node --snapshot-blob <blob> <file>`, it lints the file and prints the
 * number of findings. No JavaScript CLI can start faster than deserialising
 * what it needs, so the time of this run against `node -e 0` is what any
 * loading scheme of the CLI's bundle could at best reach on this Node.
 */

import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import {loadEngine} from '../src/node/files.js';

const {engine} = loadEngine(__filename, {builtinOnly: true});
engine.lint('# Nota\n\nDe AIVD en de Wiv 2017.\n', 'plaintext');

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // In a snapshot's main function the file to lint is argv[1]: there is no script name.
  const text = fs.readFileSync(process.argv[1], 'utf8');
  process.stdout.write(`${engine.lint(text, 'plaintext').findings.length}\n`);
});
