import {strict as assert} from 'node:assert';
import {applyFixes} from '../../src/core/fix.js';
import {builtinEngine, lint, summary, testEngine} from '../helpers.js';

const variants = (text: string, language: 'markdown' | 'plaintext' = 'markdown') =>
  lint(text, testEngine(), language).filter((f) => f.rule === 'term/variant').map((f) => [f.actual, f.fix?.text]);

describe('term matching', () => {
  it('catches every spelling of Wiv 2017 that nobody listed', () => {
    const text = 'De Wet op de inlichtingen- en veiligheidsdiensten 2017 (Wiv 2017). WIV 2017, WIV2017, Wiv2017, wiv 2017, Wiv-2017, Wiv 2107.';
    assert.deepEqual(variants(text), [
      ['WIV 2017', 'Wiv 2017'], ['WIV2017', 'Wiv 2017'], ['Wiv2017', 'Wiv 2017'],
      ['wiv 2017', 'Wiv 2017'], ['Wiv-2017', 'Wiv 2017'], ['Wiv 2107', 'Wiv 2017'],
    ]);
  });

  it('catches a law’s year mistyped into a number that is no year, in any glossary, and leaves real years alone', () => {
    const e = testEngine({today: '2026-06-01'});
    const found = (text: string, engine = e) => lint(text, engine).filter((f) => f.rule === 'term/variant').map((f) => [f.actual, f.fix?.text]);
    // One digit off or two adjacent digits swapped, before 1800 or after next year; the expansion too; a compound keeps its tail.
    assert.deepEqual(found('De Wiv 1017, de WIV 9017, de Wiv 2071, de wiv 2097 en de Wiv 1017-bevoegdheden.'), [
      ['Wiv 1017', 'Wiv 2017'], ['WIV 9017', 'Wiv 2017'], ['Wiv 2071', 'Wiv 2017'], ['wiv 2097', 'Wiv 2017'], ['Wiv 1017', 'Wiv 2017'],
    ]);
    assert.deepEqual(found('De Wet op de inlichtingen- en veiligheidsdiensten 1017 geldt.'), [
      ['Wet op de inlichtingen- en veiligheidsdiensten 1017', 'Wet op de inlichtingen- en veiligheidsdiensten 2017'],
    ]);
    // Real years (also next year), two edits off, digits apart, a fifth digit: no typo of the year.
    assert.deepEqual(found('De Wiv 2016, de Wiv 1987, de Wiv 2027, de Wiv 2018, de Wiv 1071, de Wiv 10 17 en de Wiv 10170.'), []);
    // Next year is read from the day: in 2070, 2071 is.
    assert.deepEqual(found('De Wiv 2071.', testEngine({today: '2070-06-01'})), []);
    // Any glossary's entry of a name and a year; of several with the same name, the nearest year, the current one on a
    // tie (2050 is as near to 2040 as to 2060); a number near one year only is that one's, deprecated or not.
    const laws = testEngine({today: '2026-06-01'}, [
      'terms:',
      '  - term: Regeling Z 2030', '    definition: Een regeling.',
      '  - term: Regeling Z 2003', '    definition: Een regeling.',
      '  - term: Regeling Q 2040', '    definition: Een oude regeling.',
      '    deprecated: {replacement: Regeling Q 2060, since: "2020-01-01"}',
      '  - term: Regeling Q 2060', '    definition: Een regeling.',
    ].join('\n'));
    assert.deepEqual(found('De Regeling Z 2033, de Regeling Z 2903, de Regeling Q 2050 en de Regeling Q 2041.', laws), [
      ['Regeling Z 2033', 'Regeling Z 2030'], ['Regeling Z 2903', 'Regeling Z 2003'], ['Regeling Q 2050', 'Regeling Q 2060'],
      ['Regeling Q 2041', 'Regeling Q 2040'],
    ]);
  });

  it('catches an acronym of four capitals or more with two adjacent letters swapped, as a whole word in capitals only', () => {
    const e = builtinEngine();
    const found = (text: string, engine = e) => lint(text, engine, 'markdown').filter((f) => f.rule === 'term/variant').map((f) => [f.actual, f.fix?.text]);
    assert.deepEqual(found('De AVID, de AIDV, de IAVD, de MVID en AVID-informatie; de CTVID.'), [
      ['AVID', 'AIVD'], ['AIDV', 'AIVD'], ['IAVD', 'AIVD'], ['MVID', 'MIVD'], ['AVID', 'AIVD'], ['CTVID', 'CTIVD'],
    ]);
    // Not in another case, not spelt apart, not glued, not in code or a URL; no three-letter acronym (IND: IDN); not a word of its own.
    assert.deepEqual(found('Avid en avid, A.V.I.D, A VID, AVIDS, `AVID`, https://x.nl/AVID, de IDN en de ARBO-regels.'), []);
    // Not another entry's form; not a swap that two acronyms share (WXYZ and WYZX both give WYXZ).
    const extra = testEngine({}, [
      'terms:',
      '  - term: AVID', '    expansion: Een Ander Verband In Dienst', '    definition: Iets anders.', '    wellKnown: true',
      '  - term: WXYZ', '    expansion: Wet X Y Z', '    definition: Een wet.', '    wellKnown: true',
      '  - term: WYZX', '    expansion: Wet Y Z X', '    definition: Een wet.', '    wellKnown: true',
    ].join('\n'));
    assert.deepEqual(found('De AVID, de WYXZ en de WXZY.', extra), [['WXZY', 'WXYZ']]);
  });

  it('catches missing diacritics, spacing and hyphens', () => {
    assert.deepEqual(variants('De Geintegreerde Aanwijzing Inlichtingen en Veiligheid (GA I&V).'), [
      ['Geintegreerde Aanwijzing Inlichtingen en Veiligheid', 'Geïntegreerde Aanwijzing Inlichtingen en Veiligheid'],
    ]);
    assert.deepEqual(variants('een inlichtingen officier, een inlichtingen-officier'), [
      ['inlichtingen officier', 'inlichtingenofficier'], ['inlichtingen-officier', 'inlichtingenofficier'],
    ]);
    assert.deepEqual(variants('heimelijke beinvloeding'), [['heimelijke beinvloeding', 'heimelijke beïnvloeding']]);
  });

  it('matches Dutch inflections and compounds and keeps them in the fix', () => {
    const text = 'Twee ambts-berichten, inlichtingen officieren, de Wiv-2017-bevoegdheden, een PNG verklaring, supply chain aanvallen.';
    const findings = lint(text).filter((f) => f.rule === 'term/variant');
    assert.deepEqual(findings.map((f) => f.actual), ['ambts-bericht', 'inlichtingen officier', 'Wiv-2017', 'PNG verklaring', 'supply chain aanval']);
    const fixed = applyFixes(text, findings.map((f) => f.fix!)).text;
    assert.equal(fixed, 'Twee ambtsberichten, inlichtingenofficieren, de Wiv 2017-bevoegdheden, een PNG-verklaring, supply-chain-aanvallen.');
  });

  it('accepts the correct forms, inflected and compounded', () => {
    const text = 'De ambtsberichten. Ambtsbericht, inlichtingenofficieren, PNG-verklaringen, de AIVD-medewerker, AIVD’s werk, de Wiv 2017-bevoegdheden.';
    assert.deepEqual(variants(text), []);
  });

  it('allows a capital first letter (sentence starts, titles) and keeps it in fixes only where a sentence starts', () => {
    assert.deepEqual(variants('Ambtsbericht volgt.\n\n# Ambtsbericht\n\n- Ambtsbericht\n\nZie: Ambtsbericht. De alinea \'Ambtsbericht\'.'), []);
    assert.deepEqual(variants('Het Ambts-bericht volgt. Ambts-bericht volgt. - \'Ambts-bericht\''), [
      ['Ambts-bericht', 'ambtsbericht'], ['Ambts-bericht', 'Ambtsbericht'], ['Ambts-bericht', 'Ambtsbericht'],
    ]);
    assert.deepEqual(variants('Hij werd tot Persona Non Grata verklaard. Persona Non Grata is Latijn.'), [
      ['Persona Non Grata', 'persona non grata'], ['Persona Non Grata', 'Persona non grata'],
    ]);
  });

  it('reports NATO in Dutch prose but not inside a marking string', () => {
    const found = builtinEngine().lint('De NATO-top.\n\nGerubriceerd als NATO SECRET; de NAVO.', 'markdown').findings.filter((f) => f.rule === 'term/variant');
    assert.deepEqual(found.map((f) => [f.actual, f.fix?.text, f.line]), [['NATO', 'NAVO', 0]]);
  });

  it('matches short all-capital acronyms case-sensitively', () => {
    assert.deepEqual(summary(lint('Ik ga naar de ind van tib, en png is een bestandsformaat.')), []);
    assert.deepEqual(summary(lint('INDIA en AIVDX zijn geen termen.')), []);
  });

  it('finds a one-word acronym with a letter in the wrong case, never a word in lower case or a short capitalised one', () => {
    const builtin = (text: string) => builtinEngine().lint(text, 'markdown').findings.filter((f) => f.rule === 'term/variant').map((f) => [f.actual, f.fix?.text]);
    assert.deepEqual(builtin('De MIVd, de CtIVD, de aIVD en de Aivd. Een MIVd-medewerker.'), [
      ['MIVd', 'MIVD'], ['CtIVD', 'CTIVD'], ['aIVD', 'AIVD'], ['Aivd', 'AIVD'], ['MIVd', 'MIVD'],
    ]);
    // All in lower case, or a capital first letter in a word of two or three letters: other words (`om`, `Om`, `Ind`).
    assert.deepEqual(variants('Om die reden gaf de aivd niets door; Ind en Tib zijn namen. Ik ga naar huis.'), []);
    // Not glued to other letters; not a code word without an expansion (`Tulp` is a name too).
    assert.deepEqual(builtin('De Aivdx en de Mivdse.'), []);
    assert.deepEqual(lint('De familie Tulp.', testEngine({}, 'terms:\n  - term: TULP\n    definition: Codenaam.\n')).filter((f) => f.rule.startsWith('term/')), []);
  });

  it('finds terms written with look-alike letters from other scripts', () => {
    const findings = lint('De \u0410IVD en de Wiv 2\u03bf17.').filter((f) => f.rule === 'term/variant');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fix?.text, 'AIVD');
    assert.match(findings[0].message, /ander schrift/);
  });

  it('never looks inside code, URLs, e-mail addresses, file names, HTML comments or link targets', () => {
    const text = [
      'Zie `WIV2017` en https://example.org/WIV2017/ambts-bericht en www.wiv2017.nl.',
      'Mail wiv2017@example.org of open kaart-WIV2017.png. <!-- WIV2017 -->',
      '[de wet](https://wetten.nl/WIV2017) en <https://x.nl/WIV2017>.',
      '',
      '```',
      'WIV2017',
      '```',
      '',
      '    WIV2017 indented code',
      '',
      '<!--',
      'WIV2017',
      '',
      'ambts-bericht',
      '-->',
      '',
      '[ref]: https://example.org/WIV2017',
    ].join('\n');
    assert.deepEqual(summary(lint(text)), []);
  });

  it('lints link text, emphasis, headings, list items, tables and footnotes', () => {
    const text = '# De WIV2017\n\n- een *ambts-bericht*\n\n| a |\n|---|\n| WIV2017 |\n\nTekst[^1].\n\n[^1]: Over de WIV2017.\n\n[de WIV2017](https://x.nl)\n';
    assert.equal(lint(text).filter((f) => f.rule === 'term/variant').length, 5);
  });

  it('skips front matter', () => {
    assert.deepEqual(variants('---\ntitle: WIV2017\n---\nDe Wiv 2017.\n'), []);
  });

  it('reports the same findings at the right columns for CRLF, a BOM, tabs and NFD text', () => {
    const plain = 'Regel een.\nDe WIV2017 en de Geintegreerde Aanwijzing Inlichtingen en Veiligheid.\n';
    const base = lint(plain).map((f) => [f.rule, f.line, f.column, f.endColumn]);
    assert.deepEqual(lint(plain.replace(/\n/g, '\r\n')).map((f) => [f.rule, f.line, f.column, f.endColumn]), base);
    assert.deepEqual(lint(`\ufeff${plain}`).map((f) => [f.rule, f.line, f.column - (f.line === 0 ? 1 : 0)]), base.map(([r, l, c]) => [r, l, c]));
    const tabbed = lint(plain.replace('De WIV2017', 'De\tWIV2017')).map((f) => [f.rule, f.line, f.column]);
    assert.deepEqual(tabbed, base.map(([r, l, c]) => [r, l, c]));
    // NFD: a combining diaeresis; the correct form gives no finding, the wrong one the same finding.
    assert.deepEqual(variants('De Gei\u0308ntegreerde Aanwijzing Inlichtingen en Veiligheid.'), []);
    const nfdText = 'De ambts-bericht over heimelijke bei\u0308nvloeding en WIV2017.';
    const nfd = lint(nfdText);
    const nfc = lint(nfdText.normalize('NFC'));
    assert.deepEqual(nfd.map((f) => f.rule), nfc.map((f) => f.rule));
    // Columns count UTF-16 code units of the text as it is, so they point at the same words.
    // WIV2017 is misspelt and used before it is written out: one finding, the variant.
    assert.deepEqual(nfd.map((f) => nfdText.slice(f.start, f.end)), ['ambts-bericht', 'WIV2017']);
  });

  it('keeps a form’s own punctuation: an abbreviation with a full stop', () => {
    const engine = testEngine({}, 'terms:\n  - term: Stb.\n    definition: Staatsblad.\n');
    const found = lint('Zie Stb. 2017, 317 en Stb 2018.', engine).filter((f) => f.rule === 'term/variant');
    assert.deepEqual(found.map((f) => [f.actual, f.fix?.text]), [['Stb', 'Stb.']]);
  });

  it('lints plain text with the same matcher and exclusions', () => {
    assert.deepEqual(variants('De WIV2017 en https://x.nl/WIV2017 en kaart.png.\n\nEen ambts-bericht.', 'plaintext'), [
      ['WIV2017', 'Wiv 2017'], ['ambts-bericht', 'ambtsbericht'],
    ]);
  });
});
