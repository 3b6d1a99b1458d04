import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {now} from '../../src/core/clock.js';
import {formatDutchDate} from '../../src/core/kamerbrief/dates.js';
import {kamerbriefTemplate, TWEEDE_KAMER} from '../../src/core/kamerbrief/template.js';
import {ministerTitles} from '../../src/core/kamerbrief/data.js';
import {loadKamerbrief} from '../../src/node/files.js';
import type {DocumentLanguage} from '../../src/core/types.js';
import {SNIPPETS_FILE, snippetsFileText} from '../../scripts/build-snippets.js';
import {dateVariables, expandSnippet} from './kamerbriefSnippetExpand.js';
import {builtin, letter, lintStructure} from './kamerbriefFixtures.js';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const tweedeKamer = () => loadKamerbrief().data!.addressees[0];

const snippets = (): Record<string, Snippet> => JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8'));
const TODAY = new Date(2026, 10, 26);
const fill = (name: string, at = TODAY) => expandSnippet(snippets()[name].body, dateVariables(at));
const allFindings = (text: string, language: DocumentLanguage) => builtin().lint(text, language).findings.map((f) => `${f.rule}@${f.line + 1}:${f.column + 1} ${f.actual ?? ''}`);
/** A snippet or template filled in with its defaults keeps the template's texts: those, and only those, are reported. */
const PLACEHOLDER = 'structure/placeholder';
const unlessPlaceholder = (found: string[]) => found.filter((f) => !f.startsWith(PLACEHOLDER));
const placeholders = (found: string[]) => found.filter((f) => f.startsWith(PLACEHOLDER)).map((f) => f.slice(f.indexOf(' ') + 1));
const TEMPLATE_TEXTS = ['Onderwerp van de brief', 'kenmerk', 'Aanleiding en strekking van de brief.', 'Titel van de paragraaf', 'Tekst van de paragraaf.', 'Naam van de minister'];

describe('kamerbrief: snippets', () => {
  it('the snippets file is JSON, has Dutch prefixes and descriptions, and is contributed for Markdown and plain text', () => {
    const all = snippets();
    assert.ok(Object.keys(all).length >= 12);
    for (const [name, s] of Object.entries(all)) {
      assert.ok(s.description.length > 10, name);
      assert.ok((Array.isArray(s.prefix) ? s.prefix : [s.prefix]).every((p) => /^[a-z][a-z-]+$/.test(p)), name);
    }
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
    const contributed = (pkg.contributes.snippets ?? []) as Array<{language: string; path: string}>;
    for (const language of ['markdown', 'plaintext']) {
      assert.ok(contributed.some((c) => c.language === language && path.resolve(__dirname, '..', '..', c.path) === SNIPPETS_FILE), language);
    }
  });

  it('is current with the data (run `npx tsx scripts/build-snippets.ts`)', () => {
    assert.equal(fs.readFileSync(SNIPPETS_FILE, 'utf8'), snippetsFileText());
  });

  it('the whole letter, filled in with its defaults, has no finding but its template texts, as plain text and as Markdown', () => {
    const plain = fill('Kamerbrief');
    assert.deepEqual(plain.stops, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0], 'tab stops in the order of the letter');
    assert.ok(plain.text.includes('Datum 26 november 2026\n'));
    // Plain text without front matter is read as a letter from its address block.
    assert.deepEqual(unlessPlaceholder(allFindings(plain.text, 'plaintext')), []);
    assert.deepEqual(placeholders(allFindings(plain.text, 'plaintext')), TEMPLATE_TEXTS);
    assert.deepEqual(unlessPlaceholder(allFindings(plain.text, 'markdown')), []);
    const md = fill('Kamerbrief (Markdown)');
    assert.deepEqual(md.stops, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0]);
    assert.deepEqual(unlessPlaceholder(allFindings(md.text, 'markdown')), []);
    assert.deepEqual(placeholders(allFindings(md.text, 'markdown')), TEMPLATE_TEXTS);
    assert.deepEqual(unlessPlaceholder(lintStructure(md.text, 'plaintext')), []);
  });

  it('the date of today is written in Dutch on every day of the year', () => {
    for (let month = 0; month < 12; month++) {
      for (const day of [1, 9, 10, 28]) {
        const at = new Date(2027, month, day);
        assert.equal(fill('Datum van vandaag', at).text, formatDutchDate(at));
      }
    }
  });

  it('every minister in the choices signs lint-clean, today', () => {
    const data = loadKamerbrief().data!;
    const titles = ministerTitles(data);
    assert.ok(titles.includes('minister van Binnenlandse Zaken en Koninkrijksrelaties'));
    assert.equal(titles[0], 'minister van Binnenlandse Zaken en Koninkrijksrelaties');
    const body = snippets()['Kamerbrief: ondertekening'].body as string[];
    assert.ok(body[0].includes(titles.map((t) => t.replace(/,/g, '\\,')).join(',')));
    for (const title of titles) {
      const text = letter({datum: formatDutchDate(now()), signature: [`De ${title},`, 'A.B. Jansen']});
      assert.deepEqual(lintStructure(text), [], title);
    }
  });

  describe('each part, filled in and put in its place in a letter, lints without structure findings', () => {
    const base = (o: Parameters<typeof letter>[0] = {}) => letter({datum: '26 november 2026', ...o});
    const lines = (text: string) => text.replace(/\n$/, '').split('\n');
    const parts: Array<[string, (filled: string) => string, DocumentLanguage]> = [
      ['Kamerbrief: adresblok', (s) => base({address: lines(s)}), 'plaintext'],
      ['Kamerbrief: Datum en Betreft', (s) => base({datum: null, betreft: null, extraFields: lines(s)}), 'plaintext'],
      ['Datum van vandaag', (s) => base({datum: s}), 'plaintext'],
      ['Kamerbrief: mede namens', (s) => base({body: [s]}), 'plaintext'],
      ['Kamerbrief: Kamerstuk', (s) => base({body: [`Zoals eerder gemeld (${s}), informeer ik u.`]}), 'plaintext'],
      ['Kamerbrief: ondertekening', (s) => base({signature: [lines(s).filter(Boolean).join('\n\n')]}), 'plaintext'],
      ['Kamerbrief: voetnoot', (s) => base({markdown: true, body: [`Zoals gemeld.${s}`, '[^1]: Bron.']}), 'markdown'],
      ['Kamerbrief: voetnoottekst', (s) => base({markdown: true, body: ['Zoals gemeld.[^1]', s]}), 'markdown'],
      ['Rubricering: banners', (s) => s.replace(/\n\n\n\n/, `\n\n${base()}\n\n`), 'plaintext'],
      ['Rubricering: portiemarkering', (s) => base({body: [`${s}Hierbij informeer ik u.`]}), 'plaintext'],
    ];
    for (const [name, place, language] of parts) {
      it(name, () => {
        const filled = fill(name).text;
        const text = place(filled);
        assert.ok(text.includes(filled.trim().split('\n')[0]), `${name} is in the letter`);
        assert.deepEqual(unlessPlaceholder(lintStructure(text, language)), []);
      });
    }

    it('covers every snippet', () => {
      const covered = new Set([...parts.map(([n]) => n), 'Kamerbrief', 'Kamerbrief (Markdown)']);
      assert.deepEqual(Object.keys(snippets()).filter((n) => !covered.has(n)), []);
    });
  });
});

describe('kamerbrief: template for "Rubric: nieuwe Kamerbrief"', () => {
  it('writes the whole letter with the minister and date, lint-clean in Markdown and plain text', () => {
    const md = kamerbriefTemplate({minister: 'minister van Defensie', date: TODAY, addressee: tweedeKamer()});
    assert.ok(md.startsWith('---\ntype: kamerbrief\n---\n'));
    assert.ok(md.includes('Datum 26 november 2026\\\n'));
    assert.ok(md.includes('\nDe minister van Defensie,\n'));
    assert.deepEqual(unlessPlaceholder(allFindings(md, 'markdown')), []);
    assert.deepEqual(placeholders(allFindings(md, 'markdown')), TEMPLATE_TEXTS);
    const plain = kamerbriefTemplate({minister: 'De minister van Defensie,', date: {year: 2026, month: 3, day: 1}, language: 'plaintext', addressee: tweedeKamer()});
    assert.ok(plain.includes('Datum 1 maart 2026\n') && plain.includes('\nDe minister van Defensie,\n'));
    assert.deepEqual(unlessPlaceholder(allFindings(plain, 'plaintext')), []);
  });

  it('uses today when no date is given, and CRLF when asked', () => {
    const text = kamerbriefTemplate({minister: 'minister van Financiën', eol: '\r\n', addressee: tweedeKamer()});
    // Today is the core's clock (fixed for the unit run in test/setup.ts), not the machine's.
    assert.ok(text.includes(`Datum ${formatDutchDate(now())}\\\r\n`));
    assert.ok(!/[^\r]\n/.test(text));
    assert.deepEqual(unlessPlaceholder(lintStructure(text, 'markdown')), []);
  });

  it('addresses the Kamer the data gives, and keeps the fallback address equal to the data', () => {
    const eerste = loadKamerbrief().data!.addressees[1];
    assert.ok(kamerbriefTemplate({minister: 'minister van Defensie', date: TODAY, addressee: eerste}).includes(`\n${eerste.addressee}\\\n${eerste.postbus}\\\n`));
    assert.deepEqual(TWEEDE_KAMER, tweedeKamer());
  });
});
