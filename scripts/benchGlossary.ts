/**
 * `npm run bench`, issue 16: what the writer waits for when growing the
 * glossary and setting the classification from the editor, and the glossary
 * export and import: the variant picker's order (closestEntries), one entry
 * written into a glossary (parse, splice, proof, schema check), an import of a
 * spreadsheet into a large glossary in one edit, the exports, and the banner
 * edits on a long document.
 */

import {parseGlossary} from '../src/core/glossary.js';
import {addEntries, addEntry, closestEntries} from '../src/core/glossaryEdit.js';
import {parseCsvGlossary, toCsv, toCspellWords, toGlossaryYaml} from '../src/core/glossaryTransfer.js';
import {classificationChoices, setClassificationEdits} from '../src/core/markings/setLevel.js';
import {builtinGlossary, loadEngine} from '../src/node/files.js';

type Time = (fn: () => unknown, runs: number, warmup?: number) => number;

/** A glossary file of `n` entries, each with an expansion, a definition and two variants. */
function glossaryText(n: number, prefix = 'TERM'): string {
  return toGlossaryYaml(Array.from({length: n}, (_, i) => ({
    term: `${prefix}${i}`, expansion: `Voorbeeld Eenheid Nummer ${i}`, definition: `Een verzonnen eenheid, nummer ${i}, voor de meting.`,
    variants: [`${prefix.toLowerCase()}-${i}`, `${prefix} ${i}`],
  })));
}

export function glossaryEditBench(document: (times: number) => string, time: Time, quick: boolean): void {
  const builtin = builtinGlossary().entries;
  const big = parseGlossary(glossaryText(10_000), 'big.yaml').entries;
  const pickSmall = time(() => closestEntries(builtin, 'Toetsingscommisie Inzet Bevoegdheden'), 21);
  const pickBig = time(() => closestEntries(big, 'TERM4321x'), quick ? 3 : 7, 1);
  const team = glossaryText(1_000, 'CODE');
  const addOne = time(() => addEntry(team, 'team.yaml', {term: 'NIEUW', definition: 'Een nieuwe term.'}), quick ? 3 : 7, 1);
  const rows = quick ? 1_000 : 5_000;
  const csv = toCsv(parseGlossary(glossaryText(rows, 'RIJ'), 'x.yaml').entries);
  const target = glossaryText(rows);
  const read = time(() => parseCsvGlossary(csv, 'termen.csv'), 3, 1);
  const imported = parseCsvGlossary(csv, 'termen.csv').entries;
  const into = time(() => addEntries(target, 'big.yaml', imported), 3, 1);
  const cspell = time(() => toCspellWords(big), 5, 1);
  const csvOut = time(() => toCsv(big), 5, 1);
  const doc = document(10);
  // The built-in data as the editor loads it (the bench's own engine has no marking schemes).
  const ctx = loadEngine('bench.md', {builtinOnly: true}).engine.lint(doc, 'markdown').context;
  const level = classificationChoices(ctx).choices[0].level;
  const banners = time(() => setClassificationEdits(ctx, level, '1 januari 2040'), 21);
  console.log(`\nGrowing the glossary: the variant picker's order ${pickSmall.toFixed(1)} ms over ${builtin.length} entries, ${pickBig.toFixed(0)} ms over 10,000; ` +
    `one entry written into a 1,000-entry glossary (parse, splice, proof, schema) ${addOne.toFixed(0)} ms. ` +
    `Import: ${rows.toLocaleString('en')} CSV rows read ${read.toFixed(0)} ms, added to a ${rows.toLocaleString('en')}-entry glossary in one edit ${into.toFixed(0)} ms. ` +
    `Export of 10,000 entries: cspell ${cspell.toFixed(0)} ms, csv ${csvOut.toFixed(0)} ms. ` +
    `Setting the classification of corpus 10x (after its lint): ${banners.toFixed(2)} ms.`);
}
