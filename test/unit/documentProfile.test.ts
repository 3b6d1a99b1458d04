/** documentProfileOf(): a document's kind and date, each source in turn (src/core/document/profile.ts). */

import {strict as assert} from 'node:assert';
import {Engine} from '../../src/core/engine.js';
import {buildEngineData, DEFAULT_CONFIG, todayOf, type ResolvedConfig} from '../../src/core/engineData.js';
import {documentProfileOf, type DocumentProfile} from '../../src/core/document/profile.js';
import {parseKind} from '../../src/core/document/kinds.js';
import {mergeGlossaries} from '../../src/core/glossary.js';
import {allRules} from '../../src/core/rules/index.js';
import type {DocumentLanguage} from '../../src/core/types.js';
import {builtinGlossary, loadKamerbrief, loadMarkings} from '../../src/node/files.js';

const TODAY = '2026-03-01';

function engine(config: Partial<ResolvedConfig> = {}): Engine {
  const merged = mergeGlossaries([builtinGlossary()]);
  return new Engine(buildEngineData(merged.entries, {...DEFAULT_CONFIG, today: TODAY, ...config}, loadMarkings().ruleset, loadKamerbrief().data), allRules);
}

const fixed = engine();

function profile(text: string, language: DocumentLanguage = 'plaintext', e: Engine = fixed): DocumentProfile & {read?: string} {
  const {context} = e.lint(text, language);
  const p = documentProfileOf(context);
  return p.date.start !== undefined ? {...p, read: text.slice(p.date.start, p.date.end)} : p;
}

const date = (text: string, language: DocumentLanguage = 'plaintext', e: Engine = fixed) => {
  const p = profile(text, language, e);
  return `${p.date.iso} ${p.date.from}${p.read !== undefined ? ` «${p.read}»` : ''}`;
};
const kind = (text: string, language: DocumentLanguage = 'plaintext', e: Engine = fixed) => {
  const p = profile(text, language, e);
  return `${p.kind} ${p.kindFrom}`;
};

/** A sent letter of our own, dated in its Datum field. */
const SENT = [
  'Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20017', '2500 EA Den Haag', '',
  'Betreft Toezicht op de diensten', 'Datum 3 maart 2015', '',
  'Geachte voorzitter,', '', 'Met deze brief bericht ik u over het toezicht.', '',
  'De minister van Veiligheid en Justitie,', '', 'P.Q. de Wit', '',
].join('\n');

/** A published Kamerstuk of our own. */
const KAMERSTUK = [
  'Tweede Kamer der Staten-Generaal', '', 'Vergaderjaar 2013–2014', '', '31 999', '', 'Toezicht op de diensten', '', 'Nr. 7', '',
  'BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES', '',
  'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', '', 'Den Haag, 18 december 2013', '',
  'Met deze brief bericht ik u over het toezicht in 2012 en 2013.', '',
  'De Minister van Binnenlandse Zaken en Koninkrijksrelaties,', '', 'P.Q. de Wit', '',
].join('\n');

describe('document profile', () => {
  it('is computed once per lint, under the key "profile"', () => {
    const {context} = fixed.lint(SENT, 'plaintext');
    assert.equal(documentProfileOf(context), documentProfileOf(context));
    assert.equal(context.memo('profile', () => null), documentProfileOf(context));
  });

  describe('date', () => {
    it('--date on the command line overrides everything the document says', () => {
      assert.equal(date(SENT, 'plaintext', engine({cliDate: '2019-06-01'})), '2019-06-01 cli');
      assert.equal(date(`---\ndate: 2015-01-02\n---\n\n${SENT}`, 'markdown', engine({cliDate: '2019-06-01'})), '2019-06-01 cli');
    });

    it('the place and date a long text closes with, as an act is signed, before the latest year it names', () => {
      const articles = Array.from({length: 40}, (_, k) => `Artikel ${k + 1}\n\nDe dienst houdt een lijst bij van stukken van soort ${k + 1}.`).join('\n\n');
      const act = (close: string) => `Regeling over de lijsten\n\n${articles}\n\nDeze regeling vervalt op 1 januari 2021.\n\n${close}\n\nDe minister,\nA.B. de Vries\n`;
      assert.equal(date(act('Den Haag\n20 december 2017')), '2017-12-20 closing «20 december 2017»');
      assert.equal(date(act("'s-Gravenhage, 3 mei 2016")), '2016-05-03 closing «3 mei 2016»');
      // Without it, the latest year named.
      assert.equal(date(act('Den Haag')), '2021-12-31 mentioned «2021»');
    });

    it('front matter date: or datum:, ISO, a YAML timestamp, quoted or a Dutch date', () => {
      assert.equal(date('---\ndate: 2015-01-02\n---\n\nTekst.\n', 'markdown'), '2015-01-02 frontMatter «2015-01-02»');
      assert.equal(date('---\ntitel: x\ndatum: "7 mei 2020"\n---\n\nTekst.\n', 'markdown'), '2020-05-07 frontMatter «7 mei 2020»');
      assert.equal(date('---\ndate: 2015-01-02T10:00:00Z\n---\n\nTekst.\n', 'markdown'), '2015-01-02 frontMatter «2015-01-02»');
      // Before the letter's own Datum field.
      assert.equal(date(`---\ndate: 2016-04-05\n---\n\n${SENT}`, 'markdown'), '2016-04-05 frontMatter «2016-04-05»');
      // Not a date: the next source.
      assert.equal(date('---\ndate: binnenkort\n---\n\nTekst.\n', 'markdown'), `${TODAY} today`);
    });

    it('a classified note: its banners and classification period are no title, kind or date of the document', () => {
      const note = 'Stg. CONFIDENTIEEL\n\n# Notitie over de samenwerking\n\nRubriceringstermijn: 1 januari 2036\n\n(Stg.C) De dienst werkt samen.\n\nStg. CONFIDENTIEEL\n';
      const p = profile(note, 'markdown');
      assert.equal(p.kind, 'note');
      assert.equal(`${p.date.iso} ${p.date.from}`, `${TODAY} today`);
      // A date the note does state is still its date.
      assert.equal(date(note.replace('# Notitie over de samenwerking\n', '# Notitie over de samenwerking\n\nDatum: 4 april 2016\n'), 'markdown'), '2016-04-04 datum «4 april 2016»');
    });

    it('the letter’s Datum field, in any form, and a Datum line in a note', () => {
      assert.equal(date(SENT), '2015-03-03 datum «3 maart 2015»');
      assert.equal(date(SENT.replace('3 maart 2015', '03-03-2015')), '2015-03-03 datum «03-03-2015»');
      assert.equal(date('Notitie\n\nAan: de directeur\nVan: de analist\nDatum: 4 april 2016\nOnderwerp: toezicht\n\nTekst.\n'), '2016-04-04 datum «4 april 2016»');
    });

    it('a Den Haag or ’s-Gravenhage line', () => {
      assert.equal(date(KAMERSTUK), '2013-12-18 denHaag «18 december 2013»');
      assert.equal(date("Verslag\n\n's-Gravenhage, 7 mei 2020\n\nTekst.\n"), '2020-05-07 denHaag «7 mei 2020»');
      assert.equal(date('Den Haag, 07-05-2020\n\nTekst.\n'), '2020-05-07 denHaag «07-05-2020»');
      // Prose that begins with Den Haag is no date line.
      assert.equal(date('Den Haag is op 7 mei 2020 de gastheer.\n'), '2020-12-31 mentioned «2020»');
    });

    it('legislation’s title: Wet van …, Besluit van …, Regeling van de Minister … van …', () => {
      assert.equal(date('Wet van 26 juli 2017, houdende regels over de diensten\n\nArtikel 1\n'), '2017-07-26 legislation «26 juli 2017»');
      assert.equal(date('Besluit van de Minister-President, Minister van Algemene Zaken van 1 juni 2013, nr. 99, houdende een voorschrift\n'),
        '2013-06-01 legislation «1 juni 2013»');
      assert.equal(date('Regeling van de Minister van Binnenlandse Zaken en Koninkrijksrelaties van 3 mei 2018, nr. 2018-1, houdende regels\n'),
        '2018-05-03 legislation «3 mei 2018»');
    });

    it('one year in the title: the last day of that year; a date in the title', () => {
      assert.equal(date('Jaarverslag 2016\n\nHet jaar stond in het teken van de nieuwe wet.\n'), '2016-12-31 title «2016»');
      assert.equal(date('# Jaarverslag 2016\n\nTekst.\n', 'markdown'), '2016-12-31 title «2016»');
      assert.equal(date('Stg. GEHEIM\n\nJaarplan 2019\n\nTekst.\n\nStg. GEHEIM\n'), '2019-12-31 title «2019»');
      // The short lines that open the document make the title.
      assert.equal(date('Algemene Inlichtingen- en Veiligheidsdienst\n\nAIVD\nJaarverslag 2021\n\nTekst in een zin.\n'), '2021-12-31 title «2021»');
      assert.equal(date('Verslag van 3 maart 2015\n\nTekst.\n'), '2015-03-03 title «3 maart 2015»');
    });

    it('no year from a title with two years, or with a year that is part of a law’s name', () => {
      assert.equal(date('Jaarverslag 2016-2017\n\nTekst.\n'), `${TODAY} today`);
      assert.equal(date('Evaluatie van de Wiv 2017\n\nTekst.\n'), `${TODAY} today`);
      // In the law's own text the year of its name is its date.
      assert.equal(date('Wet op de inlichtingen- en veiligheidsdiensten 2002\n\nArtikel 1\n\nIn deze wet wordt verstaan onder:\n\nArtikel 2\n'),
        '2002-12-31 title «2002»');
    });

    it('one labelled or stand-alone date in the first lines, also written as a web page does', () => {
      assert.equal(date('Nieuwsbericht over toezicht\n\nPublicatiedatum 12-04-2022\n\nTekst.\n'), '2022-04-12 firstLines «12-04-2022»');
      assert.equal(date('VERSLAG VAN EEN OVERLEG\n\nVastgesteld 6 juni 2017\n\nDe commissie sprak op 1 juni 2017 met de minister.\n'),
        '2017-06-06 firstLines «6 juni 2017»');
      // The answers to written questions are dated when they were received, not when the questions were sent in.
      assert.equal(date('Vragen van het lid (ingezonden 20 december 2024).\n\nAntwoord (ontvangen 31 januari 2025).\n'), '2025-01-31 firstLines «31 januari 2025»');
      // A motion is dated when it was proposed, not by the budget year in its dossier's title.
      assert.equal(date('33 000 VI Vaststelling van de begrotingsstaten van het Ministerie voor het jaar 2013\n\nNr. 12 MOTIE VAN HET LID DE BOER\n\nVoorgesteld 8 november 2011\n\nDe Kamer,\n'),
        '2011-11-08 firstLines «8 november 2011»');
      // A report of a debate by the day of the debate.
      assert.equal(date('33 000 VI Vaststelling van de begrotingsstaten voor het jaar 2026\n\nVERSLAG VAN EEN COMMISSIEDEBAT\n\nDe vaste commissie voor Binnenlandse Zaken heeft op 14 mei 2025 overleg gevoerd met de minister.\n'),
        '2025-05-14 firstLines «14 mei 2025»');
      // Two different labelled dates of the same rank: not unambiguous.
      assert.equal(date('Nieuwsbericht\n\nGepubliceerd 3 maart 2021\n\nBijgewerkt 4 april 2022\n\nIn 2020 begon het.\n'), '2022-12-31 mentioned «2022»');
      // A date inside a sentence is an event, not the document's date.
      assert.equal(date('Inleiding\n\nOp 24 februari 2022 viel Rusland Oekraïne binnen.\n'), '2022-12-31 mentioned «2022»');
    });

    it('a byline under the title: what the text is, a comma and its date, also in italics or bold', () => {
      assert.equal(date('# Inzet van drones\n\n*Werknotitie voor het managementteam, 3 maart 2023*\n\nIn 2019 begon de proef.\n', 'markdown'),
        '2023-03-03 firstLines «3 maart 2023»');
      assert.equal(date('Inzet van drones\n\nWerknotitie van de afdeling Analyse, 3 maart 2023\n\nIn 2019 begon de proef.\n'), '2023-03-03 firstLines «3 maart 2023»');
      assert.equal(date('# Inzet van drones\n\n__Verslag, 3 maart 2023__\n\nIn 2019 begon de proef.\n', 'markdown'), '2023-03-03 firstLines «3 maart 2023»');
      // Not a sentence that ends with a date, nor a line of many words, nor a line further down.
      assert.equal(date('Inzet van drones\n\nDe proef met de drones die de dienst inzette bij de haven eindigde, 3 maart 2023\n'), '2023-12-31 mentioned «2023»');
      assert.equal(date('Inzet van drones\n\nDe proef liep af. Het besluit viel, 3 maart 2023\n'), '2023-12-31 mentioned «2023»');
    });

    it('.rubric.yaml date: when the document states none; else today', () => {
      assert.equal(date('Tekst zonder datum.\n', 'plaintext', engine({configDate: '2014-09-09'})), '2014-09-09 config');
      assert.equal(date(SENT, 'plaintext', engine({configDate: '2014-09-09'})), '2015-03-03 datum «3 maart 2015»');
      assert.equal(date('Tekst zonder datum.\n'), `${TODAY} today`);
    });

    it('the end of the latest year an undated text speaks of, before this year; never a year in a term', () => {
      assert.equal(date('Inleiding\n\nIn 2006 nam de dreiging toe; in 2004 nog niet.\n'), '2006-12-31 mentioned «2006»');
      assert.equal(date('Inleiding\n\nIn 2006 nam de dreiging toe, en in 2026 weer.\n'), `${TODAY} today`);
      assert.equal(date('Inleiding\n\nDe AIVD werkt op grond van de Wiv 2002.\n'), `${TODAY} today`);
    });

    it('a term that came into use after the latest year: that day, said as the term, not as a year in the text', () => {
      // The Woo replaced the Wob on 1 May 2022; a text that names it and speaks of 2019 was written after that day.
      assert.equal(date('Inleiding\n\nIn 2019 vroeg een journalist stukken op; nu valt dat onder de Woo.\n'), '2022-05-01 term «Woo»');
      assert.equal(date('Inleiding\n\nIn 2023 vroeg een journalist stukken op onder de Woo.\n'), '2023-12-31 mentioned «2023»');
    });

    it('reads today from one place: the configuration’s fixed day, else the clock', () => {
      assert.equal(todayOf({...DEFAULT_CONFIG, today: '2001-02-03'}), '2001-02-03');
      assert.match(todayOf(DEFAULT_CONFIG), /^\d{4}-\d{2}-\d{2}$/);
    });
  });

  describe('kind', () => {
    it('a sent letter: address block with Postbus, Datum, Betreft', () => {
      assert.equal(kind(SENT), 'letter detected');
      // A draft without Postbus but with its fields is still a sent letter.
      assert.equal(kind(SENT.replace('Postbus 20017\n', '')), 'letter detected');
    });

    it('a published Kamerstuk, in the forms it takes', () => {
      assert.equal(kind(KAMERSTUK), 'kamerstuk detected');
      assert.equal(kind('31 999\nToezicht op de diensten\n\nnr. 12\nMEMORIE VAN TOELICHTING\n\nTekst van de toelichting.\n'), 'kamerstuk detected');
      assert.equal(kind('Nr. 33 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\nVastgesteld 3 mei 2010\n\nDe commissie sprak met de minister.\n'), 'kamerstuk detected');
      assert.equal(kind('Vragen van het lid De Wit aan de Minister van Justitie en Veiligheid over toezicht.\n\nVraag 1\nKent u het bericht?\n'), 'kamerstuk detected');
      // A web page's metadata header glued into one line is no Datum field; and a Datum line beside a dossier number
      // with its Nr., or beside a BRIEF VAN title with its Den Haag line, does not make the Kamerstuk a sent letter.
      assert.equal(kind(`Datum publicatieOrganisatieVergaderjaar\nTweede Kamer2013-2014\n\n${KAMERSTUK}`), 'kamerstuk detected');
      assert.equal(kind(`Datum 18 december 2013\n\n${KAMERSTUK}`), 'kamerstuk detected');
      assert.equal(kind(`Datum 18 december 2013\n\n${KAMERSTUK.replace(/^[\s\S]*?(?=BRIEF VAN)/, '')}`), 'kamerstuk detected');
      // With a Postbus it is the sent letter, whatever else it has.
      assert.equal(kind(KAMERSTUK.replace('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', 'Aan de Voorzitter van de Eerste Kamer der Staten-Generaal\nPostbus 20017')),
        'letter detected');
    });

    it('legislation: a Wet/Besluit/Regeling van title, articles with chapters, the enacting formula or lid', () => {
      assert.equal(kind('Wet van 26 juli 2017, houdende regels over de diensten\n\nTekst.\n'), 'legislation detected');
      assert.equal(kind('Wet toezicht diensten\n\nHoofdstuk 1 Algemeen\n\nArtikel 1\n\nIn deze wet wordt verstaan onder: dienst.\n'), 'legislation detected');
      assert.equal(kind('Regeling toezicht\n\nArtikel 1\n\nHet eerste lid geldt ook hier.\n'), 'legislation detected');
      // A web page that cites an article is no legislation.
      assert.equal(kind('Taken van de dienst\n\nIn artikel 8 van de wet staan de taken.\n'), 'other detected');
      // Nor is guidance that quotes an article and its lid.
      assert.equal(kind('Handreiking toetsing vooraf\n\nArtikel 32\n\nArtikel 32, eerste lid, luidt: er is een commissie.\n'), 'other detected');
    });

    it('a note: Notitie or Nota with Aan/Van/Onderwerp', () => {
      assert.equal(kind('Notitie\n\nAan: de directeur\nVan: de analist\nOnderwerp: toezicht\n\nTekst.\n'), 'note detected');
      assert.equal(kind('Aan: de directeur\nVan: de analist\n\nTekst.\n'), 'note detected');
      assert.equal(kind('# Notitie: beïnvloeding\n\nTekst.\n', 'markdown'), 'note detected');
    });

    it('a report: a report’s title, or chapters of long prose', () => {
      assert.equal(kind('Jaarverslag 2016\n\nTekst.\n'), 'report detected');
      assert.equal(kind('TOEZICHTSRAPPORT\n\nover de inzet van een bevoegdheid\n'), 'report detected');
      const para = 'Dit is een lange alinea over het werk van de dienst in het afgelopen jaar, met veel woorden. '.repeat(6);
      assert.equal(kind(['# Dreigingen', '', para, '', '## Cyber', '', para, '', '## Spionage', '', para, ''].join('\n'), 'markdown'), 'report detected');
    });

    it('otherwise other', () => {
      assert.equal(kind('Een korte tekst.\n'), 'other detected');
    });

    it('front matter type:, .rubric.yaml kind:, --kind over everything', () => {
      assert.equal(kind('---\ntype: kamerbrief\n---\n\nTekst.\n', 'markdown'), 'letter frontMatter');
      assert.equal(kind('---\ntype: rapport\n---\n\nTekst.\n', 'markdown'), 'report frontMatter');
      assert.equal(kind('---\ntype: wet\n---\n\nTekst.\n', 'markdown'), 'legislation frontMatter');
      assert.equal(kind('---\ntype: nota\n---\n\nTekst.\n', 'markdown'), 'note frontMatter');
      assert.equal(kind('---\ntype: kamerstuk\n---\n\nTekst.\n', 'markdown'), 'kamerstuk frontMatter');
      // An unknown type is no kind: the next source decides.
      assert.equal(kind(`---\ntype: iets\n---\n\n${KAMERSTUK}`, 'markdown'), 'kamerstuk detected');
      assert.equal(kind(SENT, 'plaintext', engine({configKind: 'report'})), 'report config');
      assert.equal(kind('---\ntype: nota\n---\n\nTekst.\n', 'markdown', engine({configKind: 'report'})), 'note frontMatter');
      assert.equal(kind('---\ntype: nota\n---\n\nTekst.\n', 'markdown', engine({configKind: 'report', cliKind: 'legislation'})), 'legislation cli');
    });

    it('knows the names of the kinds in Dutch and English', () => {
      assert.equal(parseKind('Kamerbrief'), 'letter');
      assert.equal(parseKind('regeling'), 'legislation');
      assert.equal(parseKind('notitie'), 'note');
      assert.equal(parseKind('brochure'), undefined);
      assert.equal(parseKind('constructor'), undefined);
    });
  });
});
