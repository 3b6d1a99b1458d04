/**
 * Writes snippets/kamerbrief.code-snippets from the Kamerbrief data
 * (glossary/ministries.yaml) and the marking schemes (glossary/markings.yaml):
 * `npx tsx scripts/build-snippets.ts`. The test suite fails when the file is
 * stale, e.g. after a new cabinet's ministries were added to the data.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {kamerbriefSnippets, type MarkingChoices} from '../src/core/kamerbrief/snippets.js';
import {loadKamerbrief, loadMarkings} from '../src/node/files.js';

export const SNIPPETS_FILE = path.resolve(__dirname, '..', 'snippets', 'kamerbrief.code-snippets');

/** The Dutch (VIRBI) levels from the marking data: banners from rank 1 up, portion marks from rank 0 up. */
export function markingChoices(): MarkingChoices {
  const {ruleset} = loadMarkings();
  const nl = ruleset.levels.filter((l) => l.schemeId === 'nl').sort((a, b) => a.rank - b.rank);
  return {
    banners: nl.filter((l) => l.rank >= 1).map((l) => l.banner),
    portions: nl.map((l) => l.portions[0]).filter(Boolean),
    durationLabel: ruleset.duration.label,
  };
}

/** The snippets file's text, for the titles official on `at` (today). */
export function snippetsFileText(at: Date = new Date()): string {
  const {data, problems} = loadKamerbrief();
  if (!data) throw new Error(problems.map((p) => p.message).join('\n'));
  return `${JSON.stringify(kamerbriefSnippets(data, markingChoices(), at), null, 2)}\n`;
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(SNIPPETS_FILE), {recursive: true});
  fs.writeFileSync(SNIPPETS_FILE, snippetsFileText());
  console.log(`wrote ${path.relative(process.cwd(), SNIPPETS_FILE)}`);
}
