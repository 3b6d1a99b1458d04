/**
 * The parse of a plain paragraph without micromark (plainParagraph in src/core/parse.ts) is exactly
 * micromark's: over every chunk of the project's own documents and of the corpus (where present), over
 * made-up paragraphs with each character that could give a line a Markdown meaning, and over random text
 * of prose and syntax characters. A chunk the fast path takes must parse the same both ways; a chunk it
 * leaves goes to micromark.
 */

import {strict as assert} from 'node:assert';
import fc from 'fast-check';
import {chunksFrom} from '../../src/core/chunks.js';
import {micromarkChunk, plainParagraph} from '../../src/core/parse.js';
import {corpusNames, corpusText, ownTexts} from '../corpus.js';

/** Checks a chunk both ways; true when the fast path took it. */
function same(text: string): boolean {
  const fast = plainParagraph(text);
  if (fast) assert.deepEqual(fast, micromarkChunk(text, false), JSON.stringify(text));
  return Boolean(fast);
}

describe('a plain paragraph parsed without micromark', () => {
  it('is parsed as micromark parses it, in every chunk of the project’s documents and the corpus', () => {
    let taken = 0;
    let chunks = 0;
    for (const doc of [...ownTexts(), ...corpusNames().map(corpusText)]) {
      for (const chunk of chunksFrom(doc, 'markdown', 0)) {
        chunks++;
        if (same(doc.slice(chunk.start, chunk.end))) taken++;
      }
    }
    // Most chunks of prose are plain paragraphs: the fast path must take a good share of them.
    assert.ok(taken > chunks / 4, `${taken} of ${chunks} chunks`);
  });

  it('leaves every chunk with Markdown syntax to micromark', () => {
    const cases = [
      '# Kop\n', 'Kop\n===\n', 'Kop\n---\n', '- punt\n', '1. punt\n', '2) punt\n', '> citaat\n', '    code\n', '\tcode\n',
      'een *nadruk*\n', 'een _nadruk_\n', 'een `code`\n', 'een [link](x)\n', 'een <b>tag</b>\n', 'een \\* escape\n', 'een &amp; ref\n',
      'een | b |\n', '~~weg~~\n', 'zie www.aivd.nl\n', 'zie https://x.nl\n', 'mail a@b.nl\n', 'harde  \nregel\n', 'een\n\ntwee\n',
      'regel\r\n', '+ punt\n', '* punt\n', ': term\n', '=\n',
    ];
    for (const c of cases) assert.equal(plainParagraph(c), undefined, JSON.stringify(c));
  });

  it('parses random prose with syntax characters as micromark does', () => {
    // Mostly prose, so that the fast path takes many of them; now and then a character of syntax.
    const prose = fc.constantFrom(...'abc de Fg.,;:!?()\'"’-–0123456789 \n'.split(''));
    const syntax = fc.constantFrom(...'#*_`[]<>\\|~&@/=+>\t\r'.split(''), 'www.', '://', '&amp;', '1. ', '- ', '\n\n', '  \n', '\n    ');
    const part = fc.oneof({arbitrary: prose, weight: 30}, {arbitrary: syntax, weight: 1});
    let taken = 0;
    fc.assert(fc.property(fc.array(part, {minLength: 1, maxLength: 80}), (parts) => {
      if (same(`${parts.join('')}\n`)) taken++;
    }), {numRuns: 5000});
    assert.ok(taken > 500, `the fast path took ${taken} of 5000`);
  });
});
