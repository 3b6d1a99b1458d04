import {strict as assert} from 'node:assert';
import {builtinEngine} from '../helpers.js';

const engine = builtinEngine();

/** `line:col severity` of the term findings, linting from scratch and after an edit elsewhere (the spans kept per chunk). */
function termFindings(body: string, language: 'plaintext' | 'markdown' = 'plaintext'): string[] {
  // Dated, so that the old law's name is the current one: its capitals are a variant, a warning unless quoted.
  const text = `Datum: 3 maart 2010\n\n${body}`;
  const show = (fs: readonly {rule: string; line: number; column: number; severity: string}[]) =>
    fs.filter((f) => f.rule.startsWith('term/')).map((f) => `${f.line + 1}:${f.column + 1} ${f.severity}`);
  const fresh = show(engine.lint(text, language).findings);
  const linter = engine.documentLinter(language);
  linter.lint(`${text}\n\nEen alinea erbij.\n`);
  assert.deepEqual(show(linter.lint(text).findings), fresh, 'a relint gives what a lint from scratch gives');
  return fresh;
}

describe('the spans the finishing step reads (quotations from a text, wiki links, labels)', () => {
  it('finds a quotation a verb of writing introduces, also with the mark on the next line', () => {
    assert.deepEqual(termFindings('De commissie schrijft: “De WIV 2002 geldt.” Zo staat het er.\n'), ['3:28 info']);
    assert.deepEqual(termFindings('De commissie schrijft:\n“De WIV 2002 geldt.”\n'), ['4:5 info']);
  });

  it('not past the paragraph: a verb before a blank line, a quotation not closed in its paragraph', () => {
    assert.deepEqual(termFindings('De commissie schrijft:\n\n“De WIV 2002 geldt.”\n'), ['5:5 warning']);
    assert.deepEqual(termFindings('De commissie schrijft: “De WIV 2002 geldt.\n\nDat is alles.”\n'), ['3:28 warning']);
  });

  it('words after the quotation closed are the writer’s again', () => {
    assert.deepEqual(termFindings('De commissie schrijft: “Zo is het.” De WIV 2002 geldt.\n'), ['3:40 warning']);
  });

  it('a Markdown block quote under a verb of writing is quoted, also a blank line below it; the text after it is the writer’s', () => {
    assert.deepEqual(termFindings('Artikel 8 luidt:\n\n> De WIV 2002 geldt.\n> Ook hier de WIV 2002.\n\nDe WIV 2002 geldt.\n', 'markdown'), ['5:6 info', '6:15 info', '8:4 warning']);
    assert.deepEqual(termFindings('Artikel 8 luidt:\n> De WIV 2002 geldt.\n', 'markdown'), ['4:6 info']);
    // A quotation mark inside the block quote does not end its quotation.
    assert.deepEqual(termFindings('De commissie schreef:\n\n> Zij schrijft: “zo”. De WIV 2002 geldt.\n', 'markdown'), ['5:26 info']);
  });

  it('a block quote without a verb of writing above it, or with a paragraph between, is not', () => {
    assert.deepEqual(termFindings('Een gedachte.\n\n> De WIV 2002 geldt.\n', 'markdown'), ['5:6 warning']);
    assert.deepEqual(termFindings('Artikel 8 luidt:\n\nDat is kort.\n\n> De WIV 2002 geldt.\n', 'markdown'), ['7:6 warning']);
  });

  it('leaves terms in a wiki link alone, not those beside it on the line', () => {
    assert.deepEqual(termFindings('Zie [[Handreiking WIV 2002]] en de WIV 2002.\n'), ['3:36 warning']);
  });
});
