/**
 * Random and mutated documents and glossaries for fuzzing: seeded, so a
 * failure can be replayed from its seed.
 */

import type {GlossaryEntry} from '../../src/core/glossary.js';
import {corpusNames, corpusText, ownTexts} from '../corpus.js';

export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, n: number) => Math.floor(r() * n);

let seedCache: string[] | undefined;

/**
 * The texts that mutated documents start from: the corpus texts when ../shared/corpus is there,
 * and always the project's own documents (test/corpus.ts).
 */
export function seedTexts(): string[] {
  return (seedCache ??= [...corpusNames().map(corpusText), ...ownTexts()]);
}

/** Pieces that stress the parser and the matcher. */
const PIECES = [
  '```', '~~~', '<!--', '-->', '<!-- rubric-disable -->', '<!-- rubric-disable-next-line term/variant -->', '<!-- rubric-enable -->',
  '---\n', '# ', '> ', '- ', '1. ', '    ', '\t', '|', '| a | b |\n|---|---|\n', '[^1]', '[^1]: ', '[x](', ')', '<', '>', '`',
  '*', '_', '**', '\\', '&amp;', '&#x0;', '\r\n', '\r', '\n\n', '\u0308', '\u200b', '\u202e', '\ufeff', '\u0000', '\u0007', '\ud800', '\udfff',
  'https://x.nl/WIV2017', 'a@b.nl', 'kaart.png', 'WIV2017', 'Wiv-2017-bevoegdheden', 'ambts-berichten', 'PNG verklaring',
  'inlichtingen officieren', 'Gei\u0308ntegreerde Aanwijzing', 'GA IenV', '\u0410IVD', 'Stg. Geheim', 'STG GEHEIM', 'Stg. G\u0415HEIM', '(Stg.G) ',
  '(NS) ', '(O) ', 'NATO TOP SECRET', 'TLP: AMBER', 'TLP:WHITE', 'RESTREINT UE / EU RESTRICTED', 'Rubriceringstermijn: 2030', 'Datum 10-12-2020',
  'Betreft ', 'Postbus 20108', '2500EA Den Haag', 'De minister van Oorlog,', 'Toetsingscommissie Bijzondere Bevoegdheden (TIB)', '(TIB)', 'TIB (',
];

function randomChar(r: Rng): string {
  const k = r();
  if (k < 0.6) return String.fromCharCode(32 + int(r, 95));
  if (k < 0.8) return pick(r, ['ë', 'ï', 'é', 'ü', 'Ï', 'ß', '€', '–', '—', '’', '“', '”', ' ', '\n', '\t']);
  if (k < 0.95) return String.fromCharCode(int(r, 0x3000));
  return String.fromCharCode(0xd800 + int(r, 0x800));
}

/** One random document, from one of several families. */
export function randomDocument(r: Rng, maxSize = 20000): string {
  const family = int(r, 7);
  const seeds = seedTexts();
  switch (family) {
    case 0: {
      let s = '';
      const n = int(r, maxSize / 4);
      for (let i = 0; i < n; i++) s += randomChar(r);
      return s;
    }
    case 1: {
      let s = '';
      while (s.length < maxSize / 2 && r() > 0.02) s += pick(r, PIECES) + (r() < 0.5 ? ' tekst ' : '');
      return s;
    }
    case 2: {
      // Seed texts, mutated.
      let s = pick(r, seeds);
      for (let i = int(r, 30); i > 0; i--) {
        const at = int(r, s.length + 1);
        const op = int(r, 4);
        if (op === 0) s = s.slice(0, at) + pick(r, PIECES) + s.slice(at);
        else if (op === 1) s = s.slice(0, at) + s.slice(at + int(r, 200));
        else if (op === 2) s = s.slice(0, at) + s.slice(int(r, s.length), int(r, s.length)) + s.slice(at);
        else s = s.slice(0, at) + randomChar(r) + s.slice(at);
      }
      return s.slice(0, maxSize * 2);
    }
    case 3:
      return `${'x'.repeat(int(r, maxSize))} WIV2017 ${'ambts-bericht '.repeat(int(r, 50))}`;
    case 4: {
      const depth = 1 + int(r, 120);
      let s = '';
      for (let i = 0; i < depth; i++) s += `${'  '.repeat(i)}- (Stg.G) item WIV2017 ${i}\n`;
      return s + '>'.repeat(int(r, 300)) + ' quote ambts-bericht\n';
    }
    case 5:
      return `${'```\n'.repeat(int(r, 5))}WIV2017\n${'~~~ '.repeat(int(r, 3))}\n<!-- ${pick(r, PIECES)}\n\nambts-bericht`;
    default:
      return pick(r, seeds).replace(/\n/g, pick(r, ['\r\n', '\r', '\n', '\n\n']));
  }
}

/** A random glossary: odd characters, regex metacharacters, overlapping and empty-ish forms. */
export function randomGlossary(r: Rng, size: number): GlossaryEntry[] {
  const words = ['(a+)+$', '.*', 'a', 'AA', 'ß', 'ï', 'Wiv', '2017', 'x-y', 'GA I&V', '\u0410', '???', '[', 'ambts', 'bericht', 'TLP:X', 'Ο'];
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    const n = 1 + int(r, 3);
    const term = Array.from({length: n}, () => pick(r, words)).join(pick(r, [' ', '-', '', ':'])) + (r() < 0.5 ? String(i) : '');
    if (seen.has(term)) continue;
    seen.add(term);
    entries.push({
      term,
      expansions: r() < 0.4 ? [Array.from({length: 1 + int(r, 4)}, () => pick(r, words)).join(' ')] : [],
      definition: 'x',
      variants: r() < 0.5 ? [pick(r, words) + pick(r, words)].filter((v) => v !== term && !seen.has(v)) : [],
      wellKnown: r() < 0.2,
      inflect: r() < 0.8,
      caseSensitive: r() < 0.2 ? r() < 0.5 : undefined,
      origin: {file: 'random', line: i},
    });
  }
  return entries;
}
