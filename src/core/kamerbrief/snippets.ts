/**
 * The VS Code snippets for letters and markings, built from the data so that
 * a new cabinet (glossary/ministries.yaml) or a renamed marking
 * (glossary/markings.yaml) is a data change: `npx tsx scripts/build-snippets.ts`
 * writes snippets/kamerbrief.code-snippets, and a test fails while that file
 * is stale.
 */

import {now} from '../clock.js';
import {ministerTitles, type KamerbriefData} from './data.js';
import type {DutchDate} from './dates.js';
import {escapeChoice, letterParts, SNIPPET_TODAY, TEXT, toSnippet} from './template.js';
import {DURATION_PLACEHOLDER} from '../rules/structurePlaceholder.js';

export interface SnippetDefinition {
  prefix: string[];
  description: string;
  body: string[];
}

export interface MarkingChoices {
  /** Banner lines, lowest level first (`Dep. VERTROUWELIJK` … `Stg. ZEER GEHEIM`). */
  banners: string[];
  /** Portion marks with their parentheses, the unclassified one first (`(O)`, `(Dep.V.)` …). */
  portions: string[];
  /** The label of the classification-period line (`Rubriceringstermijn`). */
  durationLabel: string;
}

const choice = (n: number, options: string[]) => `\${${n}|${options.map(escapeChoice).join(',')}|}`;
const lines = (body: string) => body.split('\n');

/** Every snippet, by name, for the titles official on `at`. */
export function kamerbriefSnippets(data: KamerbriefData, markings: MarkingChoices, at: Date | DutchDate = now()): Record<string, SnippetDefinition> {
  const titles = ministerTitles(data, at);
  const addressees = data.addressees;
  const postbussen = [...new Set(addressees.map((a) => a.postbus.replace(/^Postbus /, '')))];
  return {
    'Kamerbrief': {
      prefix: ['kamerbrief', 'kb-brief'],
      description: 'Kamerbrief: de hele brief (adresblok, Datum, Betreft, Ons kenmerk, aanhef, paragraaf, ondertekening), met de datum van vandaag.',
      body: lines(toSnippet(letterParts({language: 'plaintext', addressees, titles})) + '$0'),
    },
    'Kamerbrief (Markdown)': {
      prefix: ['kamerbrief-md', 'kb-brief-md'],
      description: 'Kamerbrief in Markdown: front matter «type: kamerbrief», adresblok met harde regeleinden, paragraaftitels als ##.',
      body: lines(toSnippet(letterParts({language: 'markdown', addressees, titles})) + '$0'),
    },
    'Kamerbrief: adresblok': {
      prefix: ['kb-adres', 'adresblok'],
      description: 'Adresblok van een Kamerbrief: aan de Voorzitter, postbus, postcode en plaats.',
      body: [choice(1, addressees.map((a) => a.addressee)), `Postbus ${choice(2, postbussen)}`, addressees[0].city[0], '$0'],
    },
    'Kamerbrief: Datum en Betreft': {
      prefix: ['kb-datum', 'datum-betreft'],
      description: 'Datum (vandaag, in het Nederlands), Betreft en Ons kenmerk van een Kamerbrief.',
      body: [`Datum \${1:${SNIPPET_TODAY}}`, `Betreft \${2:${TEXT.betreft}}`, `Ons kenmerk \${3:${TEXT.kenmerk}}`, '$0'],
    },
    'Datum van vandaag': {
      prefix: ['datum-vandaag', 'kb-vandaag'],
      description: 'De datum van vandaag zoals een Kamerbrief die schrijft: 10 december 2020.',
      body: [`${SNIPPET_TODAY}$0`],
    },
    'Kamerbrief: mede namens': {
      prefix: ['kb-mede-namens', 'mede-namens'],
      description: 'Zin die de medeondertekenende minister noemt: «mede namens de minister van …».',
      body: [`In deze brief informeer ik u, mede namens de ${choice(1, titles)}, over \${2:het onderwerp}.$0`],
    },
    'Kamerbrief: voetnoot': {
      prefix: ['kb-voetnoot', 'voetnoot'],
      description: 'Voetnootverwijzing in Markdown: [^1]. De tekst van de voetnoot: kb-voetnoottekst.',
      body: ['[^${1:1}]$0'],
    },
    'Kamerbrief: voetnoottekst': {
      prefix: ['kb-voetnoottekst', 'voetnoottekst'],
      description: 'Tekst van een voetnoot in Markdown: [^1]: bron.',
      body: ['[^${1:1}]: ${2:Bron, datum, pagina.}$0'],
    },
    'Kamerbrief: Kamerstuk': {
      prefix: ['kb-kamerstuk', 'kamerstuk'],
      description: 'Verwijzing naar een Kamerstuk: Kamerstuk 31 288, nr. 1003.',
      body: ['Kamerstuk ${1:31 288}, nr. ${2:1003}$0'],
    },
    'Kamerbrief: ondertekening': {
      prefix: ['kb-ondertekening', 'ondertekening'],
      description: 'Ondertekening van een Kamerbrief: de officiële titel van de minister en de naam.',
      body: [`De ${choice(1, titles)},`, '', '', `\${2:${TEXT.signer}}`, '$0'],
    },
    'Rubricering: banners': {
      prefix: ['rubricering', 'rub-banner'],
      description: 'Rubriceringsbanner boven en onder het document (beide gelijk), met de rubriceringstermijn.',
      body: [choice(1, markings.banners), '', `${markings.durationLabel}: \${2:${DURATION_PLACEHOLDER.nl}}`, '', '$0', '', '$1'],
    },
    'Rubricering: portiemarkering': {
      prefix: ['rub-portie', 'portiemarkering'],
      description: 'Portiemarkering van een alinea of opsommingspunt: (O) voor ongerubriceerd, (Stg.G) voor Stg. GEHEIM, enz.',
      body: [`${choice(1, markings.portions)} $0`],
    },
  };
}
