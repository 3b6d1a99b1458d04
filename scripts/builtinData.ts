/**
 * Writes dist/builtin.json: the built-in glossary, marking schemes and
 * ministry data as parsed and checked, with a digest of their YAML files.
 * Run by the build (scripts/build.mjs) from the bundle next to it; the CLI
 * and the extension use it when the digest still matches.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BUILTIN_DIR_TOKEN, builtinDataDir, builtinDigest, builtinGlossary, builtinMarkings, bypassBuiltinCache, loadKamerbrief, type BuiltinCache,
} from '../src/node/files.js';

// The previous build's file has the same digest when only the code changed: parse the YAML anew.
bypassBuiltinCache();

const data: BuiltinCache = {digest: builtinDigest(), glossary: builtinGlossary(), markings: builtinMarkings(), kamerbrief: loadKamerbrief()};
const problems = [...data.glossary.problems, ...data.markings.problems, ...data.kamerbrief.problems];
if (problems.length) {
  console.error(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  process.exit(1);
}
// File names are stored relative to the data folder, which differs from machine to machine.
const dir = JSON.stringify(builtinDataDir()).slice(1, -1);
fs.writeFileSync(path.join(__dirname, 'builtin.json'), JSON.stringify(data).split(dir).join(BUILTIN_DIR_TOKEN));
