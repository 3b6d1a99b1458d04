import {strict as assert} from 'node:assert';
import {analyseKamerbrief, kamerbriefOf, letterField, type KamerbriefAnalysis} from '../../src/core/kamerbrief/analysis.js';
import type {DocumentLanguage} from '../../src/core/types.js';
import {CORPUS_LETTER, needsCorpus} from '../corpus.js';
import {ADDRESS, builtin, corpusLetter, letter, markdownText, plainText} from './kamerbriefFixtures.js';
import {markingEngine} from './markings.helpers.js';

function analyse(text: string, language: DocumentLanguage = 'plaintext'): KamerbriefAnalysis {
  return kamerbriefOf(builtin().lint(text, language).context);
}

/** The parts as text, for compact assertions. */
function outline(a: KamerbriefAnalysis, text: string) {
  return {
    isLetter: a.isLetter,
    detectedBy: a.detectedBy,
    address: a.address?.lines.map((l) => l.text),
    postbus: a.address?.postbus?.text,
    city: a.address?.city?.text,
    fields: a.fields.map((f) => `${f.name}: ${f.value.text}`),
    date: a.date,
    salutation: a.salutation?.text,
    sections: a.sections.map((s) => s.title.text),
    footnotes: a.footnotes.map((f) => f.label),
    references: a.references.map((r) => r.text),
    coSigners: a.coSigners.map((c) => `${c.role} ${c.preposition} ${c.name?.text.replace(/\s+/g, ' ')}`),
    signers: a.closing?.signers.map((s) => `${s.title.text} / ${s.name?.text}`),
    bodyStart: a.body && text.slice(a.body.start, a.body.start + 12),
  };
}

/** The project's own letter, test/fixtures/kamerbrief/vervalste-verklaringen.txt (the plain text of a sent PDF). */
const LETTER_OUTLINE = {
  isLetter: true,
  detectedBy: 'address',
  address: ADDRESS,
  postbus: ADDRESS[1],
  city: ADDRESS[2],
  fields: ['datum: 17 maart 2025', 'betreft: Vervalste verklaringen van geen bezwaar bij een beveiligingsbedrijf'],
  date: {year: 2025, month: 3, day: 17},
  salutation: 'Geachte voorzitter,',
  sections: ['Hoe de zaak aan het licht kwam', 'Wat er is gebeurd', 'Genomen maatregelen', 'Controle van verklaringen', 'Doorlooptijden', 'Tot slot'],
  footnotes: ['1', '2'],
  references: ['Kamerstuk 36 412, nr. 5', 'Kamerstuk 36 412, nr. 7'],
  coSigners: ['minister van Justitie en Veiligheid', 'minister van Infrastructuur en Waterstaat'],
  signers: ['De minister van Binnenlandse Zaken en Koninkrijksrelaties / mr. E.L. Verhoeven', 'De minister van Defensie / drs. H.J. Lammers'],
  bodyStart: 'Wie in Neder',
};

describe('kamerbrief: analysis of the letter', () => {
  it('reads the letter (plain text from a sent PDF) into its parts', () => {
    const text = plainText();
    const a = analyse(text);
    assert.deepEqual(outline(a, text), LETTER_OUTLINE);
    // Sections run from their title to the last line before the next one (a footnote of the page break excluded).
    const first = a.sections[0];
    assert.ok(text.slice(first.start, first.end).startsWith('Hoe de zaak aan het licht kwam'));
    assert.ok(text.slice(first.start, first.end).endsWith('volledige inzage gegeven in zijn administratie.'));
    assert.ok(text.slice(a.sections[3].start, a.sections[3].end).endsWith('in gebruik te nemen.'));
    assert.ok(text.slice(a.closing!.start, a.closing!.end).startsWith('De minister van Binnenlandse Zaken'));
  });

  it('reads the same parts from the letter as Markdown, and from the plain text read as Markdown', () => {
    const md = markdownText();
    assert.deepEqual(outline(analyse(md, 'markdown'), md), {
      ...LETTER_OUTLINE,
      detectedBy: 'frontMatter',
      address: [...ADDRESS.slice(0, 2), '2500 EA DEN HAAG'],
      city: '2500 EA DEN HAAG',
    });
    const asMarkdown = outline(analyse(plainText(), 'markdown'), plainText());
    assert.deepEqual({...asMarkdown, sections: [], footnotes: []}, {...LETTER_OUTLINE, sections: [], footnotes: []});
  });

  it('reads the published letter in the shared corpus (plain text from the sent PDF) into its parts', function () {
    needsCorpus(this, CORPUS_LETTER);
    const text = corpusLetter();
    const a = analyse(text);
    assert.deepEqual(outline(a, text), {
      isLetter: true,
      detectedBy: 'address',
      address: ADDRESS,
      postbus: ADDRESS[1],
      city: ADDRESS[2],
      fields: ['datum: 10 december 2020', 'betreft: Verstoring Russische economische spionageactiviteiten door AIVD'],
      date: {year: 2020, month: 12, day: 10},
      salutation: undefined,
      sections: ['Verstoringsoperatie', 'Bedrijven en onderwijsinstelling geïnformeerd', 'PNG-verklaringen', 'Strafbaarstelling spionage', 'Vervolgaanpak', 'Bewustwording'],
      footnotes: ['1'],
      references: [],
      coSigners: ['minister van Buitenlandse Zaken', 'minister van Justitie en Veiligheid'],
      signers: ['De minister van Binnenlandse Zaken en Koninkrijksrelaties / drs. K.H. Ollongren'],
      bodyStart: 'Zoals gemeld',
    });
    // The first section ends before the footnote at its page break.
    const first = a.sections[0];
    assert.ok(text.slice(first.start, first.end).startsWith('Verstoringsoperatie'));
    assert.ok(text.slice(first.start, first.end).endsWith('ondersteunende rol.'));
    // Read as Markdown: the same header, body and closing.
    const asMarkdown = outline(analyse(text, 'markdown'), text);
    assert.deepEqual({...asMarkdown, sections: [], footnotes: []}, {...outline(a, text), sections: [], footnotes: []});
  });

  it('gives the same offsets, lines and columns for CRLF text', () => {
    const lf = plainText().replace(/\r\n/g, '\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = builtin().lint(lf, 'plaintext').context;
    const b = builtin().lint(crlf, 'plaintext').context;
    const pos = (ctx: typeof a, offset: number) => ctx.lines.position(offset);
    const spans = (ctx: typeof a) => {
      const k = kamerbriefOf(ctx);
      return [k.address!, ...k.address!.lines, ...k.fields, ...k.fields.map((f) => f.value), k.salutation!, ...k.sections, ...k.sections.map((s) => s.title),
        ...k.footnotes, ...k.references, ...k.coSigners, k.closing!, ...k.closing!.signers.flatMap((s) => [s.title, s.name!])].map((s) => [pos(ctx, s.start), pos(ctx, s.end)]);
    };
    assert.deepEqual(spans(b), spans(a));
    assert.equal(kamerbriefOf(b).eol, '\r\n');
    assert.equal(kamerbriefOf(a).eol, '\n');
    assert.deepEqual(outline(kamerbriefOf(b), crlf), LETTER_OUTLINE);
  });

  it('is memoized per lint under the key "kamerbrief"', () => {
    const ctx = builtin().lint(plainText(), 'plaintext').context;
    assert.equal(kamerbriefOf(ctx), kamerbriefOf(ctx));
    assert.equal(ctx.memo('kamerbrief', () => null), kamerbriefOf(ctx));
  });

  it('detects a letter by its address block or by front matter type: kamerbrief', () => {
    assert.equal(analyse('Een notitie.\n\nDatum 10 december 2020\n').isLetter, false);
    assert.equal(analyse('---\ntype: kamerbrief\n---\n\nDatum 10 december 2020\n', 'markdown').detectedBy, 'frontMatter');
    assert.equal(analyse('---\ntype: "Kamerbrief"  # een brief\n---\n\nTekst.\n', 'markdown').isLetter, true);
    // An explicit other type wins over an address block.
    assert.equal(analyse(`---\ntype: nota\n---\n\n${letter()}`, 'markdown').isLetter, false);
    // A sentence that starts like an address is not one.
    assert.equal(analyse('Aan de voorzitter van de werkgroep is gevraagd te reageren.\n').isLetter, false);
    // Further down a long document, the words are no address block either.
    const long = `${Array.from({length: 20}, (_, i) => `Alinea ${i}.`).join('\n\n')}\n\n${letter()}`;
    assert.equal(analyse(long).isLetter, false);
    // A return address line and a banner above the address block are fine.
    const withPreamble = `Stg. GEHEIM\n\n> Retouradres Postbus 20011 2500 EA Den Haag\n\n${letter()}`;
    assert.deepEqual(analyse(withPreamble).address?.lines.map((l) => l.text), ADDRESS);
  });

  it('reads fields written with a colon, bold labels, in a table, and a subject on two lines', () => {
    const fieldsOf = (text: string, language: DocumentLanguage = 'markdown') => analyse(text, language).fields.map((f) => `${f.name}: ${f.value.text}`);
    const address = 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\\\nPostbus 20018\\\n2500 EA Den Haag\n\n';
    assert.deepEqual(fieldsOf(`${address}**Datum:** 10 december 2020\\\n**Betreft** Iets\\\n*Ons kenmerk* 2020-0000123\\\nBijlage(n): 2\n\nTekst.\n`), [
      'datum: 10 december 2020', 'betreft: Iets', 'onsKenmerk: 2020-0000123', 'bijlagen: 2',
    ]);
    assert.deepEqual(fieldsOf(`${address}| Datum | 10 december 2020 |\n|---|---|\n| Betreft | Iets |\n| Uw kenmerk | 123 |\n\nTekst.\n`), [
      'datum: 10 december 2020', 'betreft: Iets', 'uwKenmerk: 123',
    ]);
    assert.deepEqual(fieldsOf(letter({betreft: 'Een lang onderwerp dat\ndoorloopt op de volgende regel'}), 'plaintext'), [
      'datum: 10 december 2020', 'betreft: Een lang onderwerp dat\ndoorloopt op de volgende regel',
    ]);
    // A Datum label stands alone: before a date or what stands for one, a single word, after a colon or a tab; a
    // label that runs on into other words (a web page's glued metadata header) is no field.
    for (const datum of ['10-12-2020', 'vrijdag 10 december 2020', '[datum]', 'xx december 2020', 'volgt']) {
      assert.deepEqual(fieldsOf(letter({datum}), 'plaintext')[0], `datum: ${datum}`);
    }
    assert.deepEqual(fieldsOf(letter({datum: 'publicatieOrganisatieVergaderjaar'}), 'plaintext').map((f) => f.split(':')[0]), ['betreft']);
    assert.deepEqual(fieldsOf(letter({datum: 'van de vergadering 3 maart'}), 'plaintext').map((f) => f.split(':')[0]), ['betreft']);
    assert.deepEqual(fieldsOf(letter({datum: 'nog niet bekend'}).replace('Datum ', 'Datum:\t'), 'plaintext')[0], 'datum: nog niet bekend');
    const empty = analyse(letter({datum: '', betreft: ''}).replace('Datum \n', 'Datum\n'));
    assert.deepEqual(empty.fields.map((f) => [f.name, f.value.text, f.value.start === f.value.end]), [['datum', '', true], ['betreft', '', true]]);
  });

  it('reads the salutation, Markdown headings and bold titles as sections, and footnotes', () => {
    const text = letter({
      markdown: true,
      body: ['Inleiding met een voetnoot.[^1]', '## Eerste paragraaf', 'Tekst (Kamerstuk 31 288, nr. 1003).', '**Tweede paragraaf**', 'Meer tekst.', '[^1]: De bron.'],
    });
    const a = analyse(text, 'markdown');
    assert.equal(a.salutation?.text, 'Geachte voorzitter,');
    assert.deepEqual(a.sections.map((s) => [s.title.text, s.depth]), [['Eerste paragraaf', 2], ['Tweede paragraaf', 2]]);
    assert.deepEqual(a.footnotes.map((f) => f.label), ['1']);
    assert.deepEqual(a.references.map((r) => r.text), ['Kamerstuk 31 288, nr. 1003']);
    assert.equal(text.slice(a.body!.start, a.body!.start + 9), 'Inleiding');
  });

  it('reads several signers, on separate lines or side by side, and the minister-president', () => {
    const names = (signature: string[]) =>
      analyse(letter({signature})).closing?.signers.map((s) => `${s.title.role}|${s.title.preposition ?? ''}|${s.title.name?.text ?? ''}|${s.name?.text ?? ''}`);
    assert.deepEqual(names(['De minister van Justitie en Veiligheid,', 'A.B. Jansen', 'De staatssecretaris van Justitie en Veiligheid,', 'C.D. Pietersen']), [
      'minister|van|Justitie en Veiligheid|A.B. Jansen', 'staatssecretaris|van|Justitie en Veiligheid|C.D. Pietersen',
    ]);
    assert.deepEqual(names(['De minister van Defensie,      De minister van Buitenlandse Zaken,', 'A.B. Jansen      C.D. Pietersen']), [
      'minister|van|Defensie|A.B. Jansen', 'minister|van|Buitenlandse Zaken|C.D. Pietersen',
    ]);
    assert.deepEqual(names(['De minister-president, minister van Algemene Zaken,', 'M. Rutte']), ['minister-president|van|Algemene Zaken|M. Rutte']);
    assert.deepEqual(names(['Hoogachtend,\nDe minister voor Rechtsbescherming,', 'S. Dekker']), ['minister|voor|Rechtsbescherming|S. Dekker']);
    // The closing on one line, as the HTML of a Kamerstuk joins it: the title ends at the comma before the name.
    assert.deepEqual(names(['De minister van Defensie, A.Th.B. Bakker-Smit', 'De minister van Binnenlandse Zaken en Koninkrijksrelaties, drs. P.Q. de Wit']), [
      'minister|van|Defensie|A.Th.B. Bakker-Smit', 'minister|van|Binnenlandse Zaken en Koninkrijksrelaties|drs. P.Q. de Wit',
    ]);
    assert.deepEqual(names(['De minister van Landbouw, Visserij, Voedselzekerheid en Natuur, J. van der Berg']), [
      'minister|van|Landbouw, Visserij, Voedselzekerheid en Natuur|J. van der Berg',
    ]);
    // Without initials after the comma the words stay the ministry's (and are checked as such).
    assert.deepEqual(names(['De minister van Landbouw, Visserij, Voedselzekerheid en Natuur,', 'J. van der Berg']), [
      'minister|van|Landbouw, Visserij, Voedselzekerheid en Natuur|J. van der Berg',
    ]);
    // A last paragraph that starts like a title but is a sentence is no signature.
    assert.equal(analyse(letter({signature: null, body: ['De minister van Defensie heeft dit besloten.']})).closing, undefined);
  });

  it('reads the marking lines under a signature from the marking schemes in force, not from a list of its own', () => {
    const text = letter({signature: ['De minister van Defensie,', 'Intern BEPERKT', 'A.B. Jansen']});
    const name = (e: ReturnType<typeof builtin>) => kamerbriefOf(e.lint(text, 'plaintext').context).closing?.signers[0]?.name?.text;
    // Unknown to the built-in schemes, the line is taken for the signer's name.
    assert.equal(name(builtin()), 'Intern BEPERKT');
    const own = markingEngine({configYaml: 'markings:\n  schemes:\n    - id: intern\n      name: Intern\n      levels:\n        - {id: beperkt, rank: 1, banner: Intern BEPERKT}\n'});
    assert.equal(name(own), 'A.B. Jansen');
    const stg = letter({signature: ['De minister van Defensie,', 'Stg. GEHEIM', 'A.B. Jansen']});
    assert.equal(kamerbriefOf(builtin().lint(stg, 'plaintext').context).closing?.signers[0]?.name?.text, 'A.B. Jansen');
  });

  it('works on any text without an engine', () => {
    const a = analyseKamerbrief({text: 'x', language: 'plaintext', lines: builtin().lint('x', 'plaintext').context.lines, blocks: [], frontMatter: undefined});
    assert.equal(a.isLetter, false);
    assert.equal(letterField(a, 'datum'), undefined);
  });
});
