// `npm run screenshots`: copies the screenshots of the last end-to-end run (test-results/screenshots,
// written by test/e2e/ui.e2e.ts) to docs/screenshots, which the README shows. Run it after
// `npm run test:e2e` when the new screenshots are to be committed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'test-results', 'screenshots');
const to = path.join(root, 'docs', 'screenshots');
const shots = fs.existsSync(from) ? fs.readdirSync(from).filter((f) => f.endsWith('.png')).sort() : [];
if (!shots.length) {
  console.error(`No screenshots in ${path.relative(root, from)}: run npm run test:e2e first.`);
  process.exit(1);
}
fs.mkdirSync(to, {recursive: true});
for (const f of shots) fs.copyFileSync(path.join(from, f), path.join(to, f));
console.log(`Copied ${shots.length} screenshots to ${path.relative(root, to)}: ${shots.join(', ')}`);
