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
  // Issue 13: labels, code words outside prose, a byte-order mark mid-text.
  '[BVD]', '[BVD][]', '[BVD]: https://x.nl/bvd\n', '[^BVD]', '\n[^BVD]: De BVD.\n', '[WIV2017]: <x.md>\n', '![KOPERWIEK](KOPERWIEK.png)',
  '`KOPERWIEK`', '<div>\nKOPERWIEK BVD\n</div>\n', '<!-- KOPERWIEK -->', 'https://intra.example/koperwiek', '\n\n\ufeff(Stg.ZG) ',
];

/** Markdown whose structure costs micromark far more than its size (issue 13, item 12), up to about `size` characters. */
export function pathologicalMarkdown(r: Rng, size: number): string {
  const n = Math.max(10, Math.floor(size / 4));
  switch (int(r, 7)) {
    case 0:
      return `${'*a '.repeat(n / 2)}b${' a*'.repeat(n / 2)}`;
    case 1:
      // At most 5,000 markers: a longer line of them is quadratic in src/core/document/lines.ts (its table
      // delimiter pattern backtracks; 46 KB took 2 s), which is not this shape's point. Raise it once that is linear.
      return `${'- '.repeat(Math.min(n, 5000))}x WIV2017\n`;
    case 2:
      return Array.from({length: Math.min(n, 2000)}, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n');
    case 3:
      return `| a | b |\n|---|---|\n${'| cel WIV2017 | (Stg.G) cel |\n'.repeat(n / 8)}`;
    case 4:
      return `${'_a __b '.repeat(n / 3)}BVD`;
    case 5:
      return `${'> - '.repeat(n / 2)}x\n`;
    default:
      return `(Stg.G) ${'woord BVD '.repeat(n / 2)}`;
  }
}

/** Random bytes: text in some encoding, with or without a byte-order mark, or binary (issue 13, item 10). */
export function randomBytes(r: Rng, maxSize: number): Buffer {
  const n = int(r, maxSize);
  const kind = int(r, 5);
  if (kind === 0) return Buffer.from(Array.from({length: n}, () => int(r, 256)));
  const text = randomDocument(r, n).replace(/\u0000/g, '');
  if (kind === 1) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (kind === 2) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (kind === 3) return Buffer.from(text.replace(/[^\u0001-\u00ff]/g, ''), 'latin1');
  return Buffer.from(text, 'utf8');
}

/** A byte-order mark before a seed text (issue 13, item 1). */
export function withByteOrderMark(r: Rng): string {
  return `\ufeff${pick(r, seedTexts())}`;
}

function randomChar(r: Rng): string {
  const k = r();
  if (k < 0.6) return String.fromCharCode(32 + int(r, 95));
  if (k < 0.8) return pick(r, ['ë', 'ï', 'é', 'ü', 'Ï', 'ß', '€', '–', '—', '’', '“', '”', ' ', '\n', '\t']);
  if (k < 0.95) return String.fromCharCode(int(r, 0x3000));
  return String.fromCharCode(0xd800 + int(r, 0x800));
}

/** One random document, from one of several families. */
export function randomDocument(r: Rng, maxSize = 20000): string {
  const family = int(r, 9);
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
    case 7:
      return r() < 0.5 ? withByteOrderMark(r) : `\ufeff${pathologicalMarkdown(r, maxSize)}`;
    case 8:
      return pathologicalMarkdown(r, maxSize);
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
