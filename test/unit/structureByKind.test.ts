/** The structure rules by the document's kind: a sent letter, a published Kamerstuk, the other kinds. */

import {strict as assert} from 'node:assert';
import {Engine} from '../../src/core/engine.js';
import {buildEngineData, DEFAULT_CONFIG, type ResolvedConfig} from '../../src/core/engineData.js';
import {mergeGlossaries} from '../../src/core/glossary.js';
import {allRules} from '../../src/core/rules/index.js';
import type {DocumentLanguage} from '../../src/core/types.js';
import {builtinGlossary, loadKamerbrief, loadMarkings} from '../../src/node/files.js';
import {ADDRESS, fixStructure, letter} from './kamerbriefFixtures.js';

function engine(config: Partial<ResolvedConfig> = {}): Engine {
  const merged = mergeGlossaries([builtinGlossary()]);
  return new Engine(buildEngineData(merged.entries, {...DEFAULT_CONFIG, today: '2026-03-01', ...config}, loadMarkings().ruleset, loadKamerbrief().data), allRules);
}

const fixed = engine();

const structure = (text: string, language: DocumentLanguage = 'plaintext', e: Engine = fixed) =>
  e.lint(text, language).findings.filter((f) => f.rule.startsWith('structure/')).map((f) => `${f.rule}@${f.line + 1}:${f.column + 1}${f.actual ? ` ${f.actual}` : ''}`);

interface KamerstukParts {
  denHaag?: string | null;
  signature?: string[] | null;
  title?: string;
  body?: string;
}

/** A published Kamerstuk letter of our own, every part replaceable. */
function kamerstuk(p: KamerstukParts = {}): string {
  return [
    'Tweede Kamer der Staten-Generaal', '', 'Vergaderjaar 2013–2014', '', '31 999', '', 'Toezicht op de diensten', '', 'Nr. 7', '',
    p.title ?? 'BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES', '',
    'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', '',
    ...(p.denHaag === null ? [] : [p.denHaag ?? 'Den Haag, 18 december 2013', '']),
    p.body ?? 'Met deze brief bericht ik u, mede namens de Minister van Defensie, over het toezicht op de diensten.', '',
    ...(p.signature === null ? [] : [...(p.signature ?? ['De Minister van Binnenlandse Zaken en Koninkrijksrelaties,', '', 'P.Q. de Wit']), '']),
  ].join('\n');
}

describe('structure rules by kind', () => {
  describe('a published Kamerstuk', () => {
    it('is right as it is: no address block, Datum, Betreft or Postbus needed; "De Minister" with a capital', () => {
      assert.deepEqual(structure(kamerstuk()), []);
      assert.deepEqual(structure(kamerstuk(), 'markdown'), []);
    });

    it('needs its Den Haag line, reported on the title in capitals', () => {
      assert.deepEqual(structure(kamerstuk({denHaag: null})), ['structure/missing-field@11:1']);
    });

    it('checks the date of its Den Haag line, and only that date', () => {
      assert.deepEqual(structure(kamerstuk({denHaag: 'Den Haag, 18 December 2013'})), ['structure/date-format@15:11 18 December 2013']);
      assert.deepEqual(structure(kamerstuk({denHaag: "'s-Gravenhage, 18-12-2013"})), ['structure/date-format@15:16 18-12-2013']);
      assert.deepEqual(structure(kamerstuk({denHaag: 'Den Haag, 18 december'})), ['structure/date-format@15:11 18 december']);
      const fixed = fixStructure(kamerstuk({denHaag: 'Den Haag, 18 December 2013'}), 'plaintext', fixedEngine());
      assert.equal(fixed.text, kamerstuk());
      // Dates in its body are the publisher's business.
      assert.deepEqual(structure(kamerstuk({body: 'Op 01-12-2013 ontving ik het rapport.'})), []);
    });

    it('needs a name under its signature, and takes a text without a signature as an extract', () => {
      assert.deepEqual(structure(kamerstuk({signature: null})), []);
      assert.deepEqual(structure(kamerstuk({signature: ['De Minister van Binnenlandse Zaken en Koninkrijksrelaties,']})), ['structure/missing-field@19:1']);
    });

    it('judges the ministry name in the signature at the date of its Den Haag line', () => {
      assert.deepEqual(structure(kamerstuk({signature: ['De Minister van Binnenlandse Zaken,', '', 'P.Q. de Wit']})),
        ['structure/signature@19:17 Binnenlandse Zaken']);
      const vj = ['De Minister van Veiligheid en Justitie,', '', 'P.Q. de Wit'];
      assert.deepEqual(structure(kamerstuk({signature: vj})), []);
      assert.deepEqual(structure(kamerstuk({signature: vj, denHaag: 'Den Haag, 18 december 2020'})), ['structure/signature@19:17 Veiligheid en Justitie']);
    });

    it('is also read from its addressee on, the head left off: the addressee, then its Den Haag line', () => {
      const fromAddressee = kamerstuk().slice(kamerstuk().indexOf('Aan de Voorzitter'));
      assert.deepEqual(structure(fromAddressee), []);
      assert.deepEqual(structure(fromAddressee.replace('18 december 2013', '18 December 2013')), ['structure/date-format@3:11 18 December 2013']);
      // A Den Haag line without a date, or above the addressee, is no printed letter's: the letter's fields are asked for.
      assert.ok(structure(fromAddressee.replace('Den Haag, 18 december 2013', 'Den Haag, later')).some((f) => f.startsWith('structure/missing-field')));
      // A Postbus line makes it a sent letter, which needs its Datum and Betreft.
      assert.ok(structure(fromAddressee.replace('Staten-Generaal\n', 'Staten-Generaal\nPostbus 20018\n2500 EA  DEN HAAG\n')).some((f) => f.startsWith('structure/missing-field')));
    });

    it('leaves a Kamerstuk that is no letter alone (the report of a debate, an explanatory memorandum)', () => {
      const verslag = ['31 999 Toezicht op de diensten', '', 'Nr. 8 VERSLAG VAN EEN COMMISSIEDEBAT', '', 'Vastgesteld 6 juni 2017', '',
        'De commissie heeft overleg gevoerd met de minister over het toezicht.', ''].join('\n');
      assert.deepEqual(structure(verslag), []);
    });
  });

  describe('a sent letter', () => {
    it('of 2015, signed by the minister of Veiligheid en Justitie, is right; in 2020 that name was gone', () => {
      const signature = ['De minister van Veiligheid en Justitie,', 'P.Q. de Wit'];
      assert.deepEqual(structure(letter({datum: '3 maart 2015', signature})), []);
      assert.deepEqual(structure(letter({datum: '3 maart 2020', signature})), ['structure/signature@12:17 Veiligheid en Justitie']);
    });

    it('takes the date for the signature from front matter or --date when there is no Datum field', () => {
      const signature = ['De minister van Veiligheid en Justitie,', 'P.Q. de Wit'];
      const text = letter({frontMatter: 'type: kamerbrief\ndate: 2015-03-03', datum: null, signature, markdown: true});
      assert.deepEqual(structure(text, 'markdown'), ['structure/missing-field@6:1']); // only the Datum field: the name was official then
      assert.deepEqual(structure(letter({datum: '3 maart 2020', signature}), 'plaintext', engine({cliDate: '2015-03-03'})), []);
    });

    it('is read as a letter when the kind says so, also without an address block', () => {
      const text = 'Datum 3 maart 2015\nBetreft Toezicht\n\nTekst van de brief.\n\nDe minister van Defensie,\n\nP.Q. de Wit\n';
      assert.deepEqual(structure(text), []);
      assert.deepEqual(structure(text, 'plaintext', engine({cliKind: 'letter'})), ['structure/missing-field@1:1']);
    });

    it('inserts a missing address line with a fix whose text begins with the line, not with a line break', () => {
      for (const [lines, markdown] of [[[ADDRESS[0], ADDRESS[2]], false], [[ADDRESS[0], ADDRESS[1]], false], [[ADDRESS[0]], true], [[ADDRESS[0], ADDRESS[1]], true]] as const) {
        const text = letter({address: [...lines], markdown});
        const fixes = fixed.lint(text, markdown ? 'markdown' : 'plaintext').findings.filter((f) => f.rule === 'structure/addressee' && f.fix).map((f) => f.fix!);
        assert.ok(fixes.length > 0);
        for (const f of fixes) assert.ok(!/^[\r\n]/.test(f.text), JSON.stringify(f.text));
      }
    });
  });

  describe('the other kinds', () => {
    it('legislation with a minister’s closing gets no letter finding', () => {
      const wet = ['Besluit van de Minister van Binnenlandse Zaken van 3 mei 2018, houdende regels over toezicht', '',
        'Artikel 1', '', 'In dit besluit wordt verstaan onder dienst: de dienst.', '', 'Artikel 2', '', 'Dit besluit treedt in werking op 1 juni 2018.', '',
        'Den Haag, 03-05-2018', '', 'De Minister van Binnenlandse Zaken,', '', 'P.Q. de Wit', ''].join('\n');
      assert.deepEqual(structure(wet), []);
    });

    it('a report or note that addresses the Kamer or names a minister gets none either', () => {
      assert.deepEqual(structure('Jaarverslag 2016\n\nOp 10-12-2016 sprak de minister.\n\nDe minister van Binnenlandse Zaken,\n\nP.Q. de Wit\n'), []);
      assert.deepEqual(structure('---\ntype: notitie\n---\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nTekst.\n', 'markdown'), []);
    });
  });
});

function fixedEngine(): Engine {
  return fixed;
}
