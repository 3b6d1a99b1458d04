import {exampleLetter} from '../kamerbrief/example.js';
import {exampleKamerstuk} from '../document/example.js';
import {type TextSpan} from '../kamerbrief/analysis.js';
import {letterPartsOf} from '../document/kamerstuk.js';
import {documentProfileOf} from '../document/profile.js';
import {editDistance} from '../distance.js';
import {nameKey, type Addressee} from '../kamerbrief/data.js';
import {defineRule, type DocumentContext, type DocumentRule} from '../rule.js';
import type {Fix, Localized} from '../types.js';

const example = (address: string[]) => exampleLetter({address});

const shapes = new WeakMap<Addressee, RegExp>();

/**
 * A first line that certainly means this addressee, written differently: safe to replace. Read from the
 * data: the addressee line in any case and spacing, a hyphen also as a space, the words after the Kamer's
 * name optional (`Aan de voorzitter van de Tweede Kamer` means `… Tweede Kamer der Staten-Generaal`).
 */
function knownShape(ad: Addressee): RegExp {
  let re = shapes.get(ad);
  if (!re) {
    const words = (s: string) => s.trim().split(/\s+/).filter(Boolean)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[-\\s]*')).join('\\s+');
    const at = ad.addressee.indexOf(ad.name);
    const head = at > 0 ? ad.addressee.slice(0, at + ad.name.length) : ad.addressee;
    const tail = ad.addressee.slice(head.length).trim();
    re = new RegExp(`^${words(head)}${tail ? `(?:\\s+${words(tail)})?` : ''}[\\s,.]*$`, 'i');
    shapes.set(ad, re);
  }
  return re;
}

/** Two spaces between the postcode and the city, as PostNL's addressing rules have them (`2500 EA  DEN HAAG`): as good as one. */
const POSTNL_SPACES = /^(\d{4} ?[A-Z]{2}) {2}(?=\S)/;
const POSTBUS_SHAPE = /^postbus\s*[\d.\s]+$/i;
const CITY_SHAPE = /^(\d{4})\s*([a-z]{2})\b[\s,]*(.*)$/i;

/** Where a line's Markdown hard break ends: after `\` or trailing spaces, before the line break. */
function rawLineEnd(ctx: DocumentContext, span: TextSpan): number {
  return ctx.lines.lineEnd(ctx.lines.position(span.start).line);
}

export const structureAddressee = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'structure/addressee',
    tags: ['letter'],
    description: {
      nl: 'Een regel van het adresblok van een Kamerbrief die niet klopt: de aanhef, het postbusnummer, de postcode of de plaats (`Postbus 20107`, `2500EA`).',
      en: 'A line of a Kamerbrief\'s address block that is wrong: the addressee, the Postbus number, the postcode or the city (`Postbus 20107`, `2500EA`).',
    },
    defaultSeverity: 'error',
    fixable: true,
    leavesAlone: {
      nl: [
        'Een gepubliceerd Kamerstuk: daar staat de aanhef zonder Postbus en postcode, en zo hoort het.',
        'Een geadresseerde die het adresvenster over twee regels verdeelde («Aan de Voorzitter van de Tweede Kamer» / «der Staten-Generaal»): dat is één regel.',
        'Documenten die geen verzonden brief zijn (rapporten, regelgeving, notities).',
        'Een adresblok aan iemand anders dan de Voorzitter van een Kamer (een commissie, een persoon).',
        'Twee spaties tussen postcode en plaats («2500 EA  DEN HAAG»), zoals PostNL adresseert.',
      ],
      en: [
        'An addressee the address window split over two lines («Aan de Voorzitter van de Tweede Kamer» / «der Staten-Generaal»): that is one line.',
        'A published Kamerstuk: its addressee line stands without Postbus and postcode, as it should.',
        'Documents that are not a sent letter (reports, legislation, notes).',
        'An address block to someone other than the Voorzitter of a Kamer (a committee, a person).',
        'Two spaces between the postcode and the city («2500 EA  DEN HAAG»), as PostNL addresses mail.',
      ],
    },
    examples: {
      bad: [
        example(['Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20107', '2500 EA Den Haag']),
        example(['Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20017', '2500EA Den Haag']),
        example(['Aan de voorzitter van de Eerste Kamer', 'Postbus 20017', '2500 EA Den Haag']),
      ],
      good: [
        exampleKamerstuk(),
        example(['Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20017', '2500 EA Den Haag']),
        example(['Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20017', '2500 EA DEN HAAG']),
        example(['Aan de Voorzitter van de Eerste Kamer der Staten-Generaal', 'Postbus 20017', '2500 EA  DEN HAAG']),
      ],
    },
  },
  check(ctx, report) {
    if (documentProfileOf(ctx).kind !== 'letter') return;
    const a = letterPartsOf(ctx);
    const data = ctx.data.kamerbrief;
    const block = a.address;
    if (!block || !data?.addressees.length) return;
    const say = (span: {start: number; end: number}, message: Localized, expected?: string, fix?: Fix, actual?: string) =>
      report({start: span.start, end: span.end, message, ...(actual !== undefined ? {actual} : {}), ...(expected ? {expected} : {}), ...(fix ? {fix} : {})});

    // Which Kamer the letter goes to: the addressee line closest to the one written.
    const key = nameKey(block.addressee.text);
    let to: Addressee = data.addressees[0];
    let best = Infinity;
    for (const ad of data.addressees) {
      const d = editDistance(key, nameKey(ad.addressee));
      if (d < best) [to, best] = [ad, d];
    }

    const first = block.addressee;
    // A line far from every addressee (a committee, a named person) is not judged; then neither is which Postbus goes with it.
    const shaped = data.addressees.some((ad) => knownShape(ad).test(first.text));
    const recognized = shaped || best <= Math.ceil(to.addressee.length / 5);
    if (first.text !== to.addressee) {
      const certain = shaped || best === 0;
      if (recognized) {
        say(first, {
          nl: `Schrijf de eerste regel van het adresblok als «${to.addressee}».`,
          en: `Write the first line of the address block as "${to.addressee}".`,
        }, to.addressee, certain ? {start: first.start, end: first.end, text: to.addressee} : undefined, first.text);
      }
    }

    // Inserting a missing line: keep the block's Markdown hard breaks.
    const deco = ctx.language === 'markdown'
      ? block.lines.map((l) => ctx.text.slice(l.end, rawLineEnd(ctx, l))).find((d) => d.length > 0) ?? ''
      : '';
    // The fix text begins with a line's text, never with a line break: a new line goes in at the start of the
    // next line of the block, or after the last line by rewriting it with its hard break.
    const insertAfter = (line: TextSpan, text: string): Fix => {
      const i = block.lines.indexOf(line);
      const next = block.lines[i + 1];
      if (next) {
        const at = ctx.lines.lineStart(ctx.lines.position(next.start).line);
        return {start: at, end: at, text: `${text}${deco}${a.eol}`};
      }
      const start = ctx.lines.lineStart(ctx.lines.position(line.start).line);
      const end = rawLineEnd(ctx, line);
      const own = ctx.text.slice(start, end);
      return {start, end, text: `${own}${own.endsWith(deco) ? '' : deco}${a.eol}${text}`};
    };

    const postbus = block.postbus;
    if (!postbus) {
      say(first, {
        nl: `Het adresblok mist de regel «${to.postbus}».`,
        en: `The address block lacks the line "${to.postbus}".`,
      }, to.postbus, insertAfter(first, to.postbus));
    } else if (postbus.text !== to.postbus && (recognized || !data.addressees.some((ad) => ad.postbus === postbus.text))) {
      const certain = recognized && POSTBUS_SHAPE.test(postbus.text);
      say(postbus, {
        nl: `Het postadres van de ${to.name} is «${to.postbus}», niet «${postbus.text}».`,
        en: `The ${to.name}'s postal address is "${to.postbus}", not "${postbus.text}".`,
      }, to.postbus, certain ? {start: postbus.start, end: postbus.end, text: to.postbus} : undefined, postbus.text);
    }

    const city = block.city;
    if (!city) {
      say(postbus ?? first, {
        nl: `Het adresblok mist de regel «${to.city[0]}».`,
        en: `The address block lacks the line "${to.city[0]}".`,
      }, to.city[0], insertAfter(postbus ?? first, to.city[0]));
    } else if (!to.city.includes(city.text.replace(POSTNL_SPACES, '$1 '))) {
      const m = CITY_SHAPE.exec(city.text)!;
      // Keep the writer's choice between `Den Haag` and `DEN HAAG` where the data accepts both.
      const upper = m[3] !== '' && m[3] === m[3].toUpperCase() && /\p{Lu}/u.test(m[3]);
      const expected = to.city.find((c) => upper === (c.slice(8) === c.slice(8).toUpperCase())) ?? to.city[0];
      say(city, {
        nl: `Schrijf de postcode en plaats als «${expected}», niet «${city.text}».`,
        en: `Write the postcode and city as "${expected}", not "${city.text}".`,
      }, expected, {start: city.start, end: city.end, text: expected}, city.text);
    }
  },
});
