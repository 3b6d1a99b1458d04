// `npm run screenshots`: copies the screenshots of the last end-to-end run (test-results/screenshots,
// written by test/e2e/ui.e2e.ts) to docs/screenshots, which the README shows. Run it after
// `npm run test:e2e` when the new screenshots are to be committed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ui.e2e.ts's, and glossary.e2e.ts's (the Glossary view, the classification picker).
const folders = ['screenshots', 'screenshots-glossary'].map((f) => path.join(root, 'test-results', f));
const from = folders[0];
const to = path.join(root, 'docs', 'screenshots');
const found = folders.flatMap((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => ({dir, f})) : []));
const shots = found.map((s) => s.f).sort();
if (!shots.length) {
  console.error(`No screenshots in ${path.relative(root, from)}: run npm run test:e2e first.`);
  process.exit(1);
}
fs.mkdirSync(to, {recursive: true});
for (const {dir, f} of found) fs.copyFileSync(path.join(dir, f), path.join(to, f));
console.log(`Copied ${shots.length} screenshots to ${path.relative(root, to)}: ${shots.join(', ')}`);
