import {strict as assert} from 'node:assert';
import {fixAll} from '../../src/core/fix.js';
import {builtinEngine, lint, testEngine} from '../helpers.js';

const of = (text: string, rule: string, language: 'markdown' | 'plaintext' = 'markdown') => lint(text, testEngine(), language).filter((f) => f.rule === rule);

describe('term/acronym-undefined', () => {
  it('reports the first use of an acronym that was not written out, once', () => {
    const found = of('De TIB oordeelt. Daarna oordeelt de TIB opnieuw.', 'term/acronym-undefined');
    assert.equal(found.length, 1);
    assert.equal(found[0].column, 3);
    assert.equal(found[0].fix?.text, 'Toetsingscommissie Inzet Bevoegdheden (TIB)');
  });

  it('accepts both ways of introducing it, and an earlier written-out form', () => {
    assert.deepEqual(of('De Toetsingscommissie Inzet Bevoegdheden (TIB) oordeelt. De TIB ook.', 'term/acronym-undefined'), []);
    assert.deepEqual(of('De TIB (Toetsingscommissie Inzet Bevoegdheden) oordeelt.', 'term/acronym-undefined'), []);
    assert.deepEqual(of('De Toetsingscommissie Inzet Bevoegdheden oordeelt.\n\nLater de TIB.', 'term/acronym-undefined'), []);
  });

  it('exempts well-known acronyms, from the glossary and from the configuration', () => {
    assert.deepEqual(of('De AIVD en de IND.', 'term/acronym-undefined'), []);
    const engine = testEngine({wellKnown: ['TIB']});
    assert.deepEqual(lint('De TIB oordeelt.', engine).filter((f) => f.rule === 'term/acronym-undefined'), []);
  });

  it('takes a heading\'s acronym as introduced when its section below introduces it, and only then', () => {
    assert.deepEqual(of('# De TIB\n\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) oordeelt.\n', 'term/acronym-undefined'), []);
    // Further down the section: a lead paragraph that does not name it comes first.
    assert.deepEqual(of('# De TIB\n\nDe commissie oordeelt.\n\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) oordeelt.\n', 'term/acronym-undefined'), []);
    // A bare use in the section before the introduction is the first use, reported there, not in the heading.
    const bare = of('# De TIB\n\nDe TIB oordeelt.\n\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) oordeelt.\n', 'term/acronym-undefined');
    assert.deepEqual(bare.map((f) => f.line), [2]);
    // Introduced only in the next section (a heading of the same depth ends this one): the heading's is the first use.
    const later = of('## De TIB\n\nDe commissie oordeelt.\n\n## Verder\n\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) oordeelt.\n', 'term/acronym-undefined');
    assert.deepEqual(later.map((f) => f.line), [0]);
    // In plain text with one paragraph a line and no blank lines, a short line without final punctuation between
    // sentences is a heading; a line of a sentence is not.
    assert.deepEqual(of('Inleiding van het stuk.\nDe rol van de TIB\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) toetst vooraf.\n', 'term/acronym-undefined', 'plaintext'), []);
    assert.deepEqual(of('Inleiding van het stuk. Hier oordeelt\nde TIB\nals Toetsingscommissie Inzet Bevoegdheden (TIB) vooraf.\n', 'term/acronym-undefined', 'plaintext').map((f) => f.line), [1]);
    // So in a Word paragraph of lines read as Markdown, with its hard breaks.
    assert.deepEqual(of('Inleiding van het stuk.\\\nDe rol van de TIB\\\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) toetst vooraf.\n', 'term/acronym-undefined'), []);
  });

  it('takes a name with its year after the parentheses as an introduction, and only its own name', () => {
    assert.deepEqual(of('De Wet op de inlichtingen- en veiligheidsdiensten (Wiv) 2017 geldt. De Wiv 2017 ook.', 'term/acronym-undefined'), []);
    assert.deepEqual(of('Over de Wiv 2017\n\nDe Wet op de inlichtingen- en veiligheidsdiensten (Wiv) 2017 geldt.\n', 'term/acronym-undefined'), []);
    // Another year, or another name before the parentheses, introduces nothing.
    assert.equal(of('De Wet op de inlichtingen- en veiligheidsdiensten (Wiv) 2002 gold. De Wiv 2017 geldt.', 'term/acronym-undefined').length, 1);
    assert.equal(of('De Wet veiligheidsonderzoeken (Wiv) 2017 geldt. De Wiv 2017 geldt.', 'term/acronym-undefined').length, 1);
  });

  it('leaves the acronym-first introduction in other words to term/acronym-expansion, and parentheses of other words alone', () => {
    const text = 'De TIB (Toetsingscommissie Bijzondere Bevoegdheden) oordeelt. De TIB toetst vooraf.';
    assert.deepEqual(of(text, 'term/acronym-undefined'), []);
    const [f] = of(text, 'term/acronym-expansion');
    assert.equal(f?.fix?.text, 'Toetsingscommissie Inzet Bevoegdheden');
    assert.equal(of('De TIB (zie de bijlage) oordeelt.', 'term/acronym-undefined').length, 1);
    assert.deepEqual(of('De TIB (zie de bijlage) oordeelt.', 'term/acronym-expansion'), []);
    assert.deepEqual(of('De TIB (Toetsingscommissie Inzet Bevoegdheden) oordeelt.', 'term/acronym-expansion'), []);
    assert.deepEqual(of('De TIB (Toetsingscommissie Inzet Bevoegdheden, sinds 2018) oordeelt.', 'term/acronym-expansion'), []);
    assert.deepEqual(of('De TIB (Toetsingscommissie Inzet Bevoegdheden, sinds 2018) oordeelt.', 'term/acronym-undefined'), []);
  });

  it('takes an apposition set off by commas as an introduction: a description before it, the name after it', () => {
    assert.deepEqual(of('De toezichthouder op beide diensten, de CTIVD, publiceert. De CTIVD ook.', 'term/acronym-undefined'), []);
    assert.deepEqual(of('Vooraf oordeelt de TIB, de Toetsingscommissie Inzet Bevoegdheden, over de inzet.', 'term/acronym-undefined'), []);
    assert.deepEqual(of('Vooraf oordeelt de TIB, de Toetsingscommissie Inzet Bevoegdheden.', 'term/acronym-undefined'), []);
    // A plural begins a list; words that refer back say nothing of what it is; a clause after the comma is no name.
    assert.equal(of('De minister sprak met de diensten, de CTIVD en de TIB.', 'term/acronym-undefined').length, 2);
    assert.equal(of('Daarnaast oordeelt de andere toezichthouder, de CTIVD, achteraf.', 'term/acronym-undefined').length, 1);
    assert.equal(of('Vooraf oordeelt de TIB, die de toestemming toetst.', 'term/acronym-undefined').length, 1);
    // Its wording is checked as that of the parenthesised form.
    const [f] = of('Vooraf oordeelt de TIB, de Toetsingscommissie Bijzondere Bevoegdheden, over de inzet.', 'term/acronym-expansion');
    assert.equal(f?.fix?.text, 'Toetsingscommissie Inzet Bevoegdheden');
  });

  it('offers no fix where the acronym is part of a compound', () => {
    const [f] = of('De PNG-verklaring kwam snel.', 'term/acronym-undefined');
    assert.ok(f);
    assert.equal(f.fix, undefined);
  });

  it('its fix leaves nothing to report', () => {
    const text = 'De TIB oordeelt en de CTIVD kijkt achteraf.';
    const fixed = fixAll(testEngine(), text, 'markdown');
    assert.equal(fixed.text, 'De Toetsingscommissie Inzet Bevoegdheden (TIB) oordeelt en de Commissie van Toezicht op de Inlichtingen- en Veiligheidsdiensten (CTIVD) kijkt achteraf.');
    assert.deepEqual(fixed.findings, []);
  });
});

describe('term/acronym-expansion', () => {
  it('reports an introduction with another expansion', () => {
    const [f] = of('De Toetsingscommissie Bijzondere Bevoegdheden (TIB) oordeelt.', 'term/acronym-expansion');
    assert.equal(f.actual, 'Toetsingscommissie Bijzondere Bevoegdheden');
    assert.equal(f.fix?.text, 'Toetsingscommissie Inzet Bevoegdheden');
  });

  it('names the older name too where the words are nearer to it, and makes it the fix in a text of its time', () => {
    const expansion = (text: string) => lint(text, builtinEngine(), 'markdown').filter((f) => f.rule === 'term/acronym-expansion');
    const slip = 'De Commissie van Toezicht betreffende de Inlichtingen- en Veiligheidsdienst (CTIVD) keek mee.';
    // A slip of the CTIVD's name under the Wiv 2002, in a text of that time: the name then in use is the fix.
    const [then] = expansion(`Datum 6 december 2010\n\n${slip}`);
    assert.equal(then.fix?.text, 'Commissie van Toezicht betreffende de Inlichtingen- en Veiligheidsdiensten');
    assert.equal(then.expected, 'Commissie van Toezicht betreffende de Inlichtingen- en Veiligheidsdiensten');
    assert.match(then.message, /; tot 1 mei 2018 was de naam «Commissie van Toezicht betreffende de Inlichtingen- en Veiligheidsdiensten»\.$/);
    // The same slip in a text of later: the current name is the fix, the older one in the message.
    const [old] = expansion(`Datum 6 december 2020\n\n${slip}`);
    assert.equal(old.fix?.text, 'Commissie van Toezicht op de Inlichtingen- en Veiligheidsdiensten');
    assert.match(old.message, /\(tot 1 mei 2018: «Commissie van Toezicht betreffende de Inlichtingen- en Veiligheidsdiensten»\)\.$/);
    // Words nearer to the current name: only that one.
    const [now] = expansion('De Commissie van Toezicht op de Inlichtingen- en Veiligheidsdienst (CTIVD) keek mee.');
    assert.equal(now.fix?.text, 'Commissie van Toezicht op de Inlichtingen- en Veiligheidsdiensten');
    assert.doesNotMatch(now.message, /tot 1 mei 2018/);
    // The older name itself written out is no other wording.
    assert.deepEqual(expansion('De Commissie van Toezicht betreffende de Inlichtingen- en Veiligheidsdiensten (CTIVD) keek mee.'), []);
  });

  it('starts the wording after an opening quotation mark, which its fix keeps', () => {
    for (const [open, close] of [['«', '»'], ['„', '”'], ['‘', '’']]) {
      const text = `De brief noemt ${open}Toetsingscommissie Bijzondere Bevoegdheden (TIB)${close} als toezichthouder.`;
      const [f] = of(text, 'term/acronym-expansion');
      assert.equal(f?.actual, 'Toetsingscommissie Bijzondere Bevoegdheden', open);
      assert.equal(f.fix?.text, 'Toetsingscommissie Inzet Bevoegdheden');
    }
  });

  it('recognises an attempt by its initials', () => {
    const [f] = of('De Technische Inlichtingen Bureau (TIB) oordeelt.', 'term/acronym-expansion');
    assert.equal(f.actual, 'Technische Inlichtingen Bureau');
  });

  it('leaves a correct expansion, a spelling variant (term/variant’s job) and an apposition alone', () => {
    assert.deepEqual(of('De Toetsingscommissie Inzet Bevoegdheden (TIB).', 'term/acronym-expansion'), []);
    assert.deepEqual(of('De Toetsingscommissie Inzet bevoegdheden (TIB).', 'term/acronym-expansion'), []);
    assert.deepEqual(of('De toezichthouder (TIB) keek mee.', 'term/acronym-expansion'), []);
  });
});

describe('term/deprecated', () => {
  it('names the replacement and the date, and fixes the short and the written-out form', () => {
    const found = of('---\ndate: 2024-01-01\n---\n\nDe BVD, de Binnenlandse Veiligheidsdienst.', 'term/deprecated');
    assert.deepEqual(found.map((f) => f.fix?.text), ['AIVD', 'Algemene Inlichtingen- en Veiligheidsdienst']);
    // The date as a sentence writes it, not as the data does.
    assert.equal(found[0].message, '«BVD» is verouderd: sinds 29 mei 2002 «AIVD».');
  });

  it('tells a term finding in words quoted from a written source as info, saying so; spoken words stay a warning', () => {
    const text = '---\ndate: 2010-03-03\n---\n\nDe commissie schrijft: “Dat raakte niet aan de WIV 2002.” Daarna: „De WIV 2002 is streng”, zei hij.';
    const found = lint(text, builtinEngine()).filter((f) => f.rule === 'term/variant');
    assert.deepEqual(found.map((f) => f.severity), ['info', 'warning']);
    assert.match(found[0].message, /citaat uit een tekst/);
  });

  it('tells an old name as info in a text that itself says it became the new one, as a warning elsewhere', () => {
    const old = '---\ndate: 2023-03-01\n---\n\nInformatie met TLP:WHITE mag iedereen lezen.';
    const severities = (text: string) => lint(text, builtinEngine()).filter((f) => f.rule === 'term/deprecated').map((f) => f.severity);
    assert.deepEqual(severities(old), ['warning']);
    assert.deepEqual(severities(`${old}\n\nVoortaan heet TLP:WHITE TLP:CLEAR.`), ['info']);
  });

  it('replaces an old name in words by the new name written out, in capitals where the old one stands in capitals', () => {
    const text = '---\ndate: 2024-01-01\n---\n\nDe Commissie van Toezicht betreffende de Inlichtingen- en Veiligheidsdiensten keek mee. Op de omslag: COMMISSIE VAN TOEZICHT BETREFFENDE DE INLICHTINGEN- EN VEILIGHEIDSDIENSTEN.';
    const found = lint(text, builtinEngine()).filter((f) => f.rule === 'term/deprecated');
    assert.deepEqual(found.map((f) => f.fix?.text), [
      'Commissie van Toezicht op de Inlichtingen- en Veiligheidsdiensten',
      'COMMISSIE VAN TOEZICHT OP DE INLICHTINGEN- EN VEILIGHEIDSDIENSTEN',
    ]);
  });
});
