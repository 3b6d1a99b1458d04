import {exampleLetter} from '../kamerbrief/example.js';
import {exampleKamerstuk} from '../document/example.js';
import {type MinisterRef} from '../kamerbrief/analysis.js';
import {formatDutchDate} from '../kamerbrief/dates.js';
import {kamerstukOf, letterPartsOf} from '../document/kamerstuk.js';
import {documentProfileOf} from '../document/profile.js';
import {lookupName, nameStatus, type KamerbriefData, type Ministry} from '../kamerbrief/data.js';
import {defineRule, type DocumentRule} from '../rule.js';
import type {Fix, RuleReport} from '../types.js';

const example = (datum: string, signature: string) => exampleLetter({datum, signature});

const dutchDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return formatDutchDate({year: y, month: m, day: d});
};

/** The day a name stopped being official, before `day`. */
const endedOn = (m: Ministry, day: string) =>
  m.periods.map((p) => p.until).filter((u): u is string => !!u && u <= day).sort().pop();

/** The name in `list` that `m` replaced and that was official on `day` (for a name used before its time). */
const predecessorOn = (list: Ministry[], m: Ministry, day: string) =>
  list.find((o) => o.replacedBy === m.name && nameStatus(o, day) === 'official');

function checkRef(ref: MinisterRef, inClosing: boolean, data: KamerbriefData, day: string, report: (r: RuleReport) => void): void {
  if (!ref.name || !ref.preposition) return;
  const name = ref.name;
  const written = name.text.replace(/\s+/g, ' ').trim();
  const allCaps = /\p{Lu}/u.test(written) && written === written.toUpperCase();
  const where = inClosing ? {nl: 'De ondertekening', en: 'The signature'} : {nl: '«Mede namens»', en: '"Mede namens"'};
  const fixName = (text: string): Fix => ({start: name.start, end: name.end, text});
  const say = (message: RuleReport['message'], expected?: string, fix?: Fix) =>
    report({start: name.start, end: name.end, actual: name.text, message, ...(expected ? {expected} : {}), ...(fix ? {fix} : {})});

  const asMinistry = lookupName(data.ministries, written);
  if (ref.preposition === 'voor') {
    // `minister voor Defensie`: a ministry's minister signs with `van`.
    if (asMinistry && asMinistry.how !== 'near' && nameStatus(asMinistry.ministry, day) === 'official') {
      const prep = /voor(\s+)$/i.exec(ref.text.slice(0, name.start - ref.start));
      if (!prep) return;
      const prepStart = name.start - prep[0].length;
      const expected = `van${prep[1]}${asMinistry.ministry.name}`;
      report({
        start: prepStart, end: name.end, actual: `voor ${name.text}`, expected: `van ${asMinistry.ministry.name}`,
        fix: {start: prepStart, end: name.end, text: expected},
        message: {
          nl: `${asMinistry.ministry.name} is een ministerie: schrijf «minister van ${asMinistry.ministry.name}».`,
          en: `${asMinistry.ministry.name} is a ministry: write "minister van ${asMinistry.ministry.name}".`,
        },
      });
      return;
    }
  }
  const list = ref.preposition === 'van' ? data.ministries : data.ministersFor;
  const found = ref.preposition === 'van' ? asMinistry : lookupName(list, written);
  if (!found) {
    // Only a signature line is sure to hold nothing but the name; `voor` portfolios are not all known.
    if (inClosing && ref.preposition === 'van') {
      say({
        nl: `«${written}» is geen officiële naam van een ministerie.`,
        en: `"${written}" is not an official ministry name.`,
      });
    }
    return;
  }
  const m = found.ministry;
  const status = nameStatus(m, day);
  const spellingOnly = found.how === 'exact' || (found.how === 'spelling' && allCaps);
  if (status === 'official') {
    if (spellingOnly) return;
    say({
      nl: `${where.nl}: schrijf de naam als «${m.name}».`,
      en: `${where.en}: write the name as "${m.name}".`,
    }, m.name, fixName(m.name));
    return;
  }
  if (status === 'outdated') {
    const ended = endedOn(m, day)!;
    const next = m.replacedBy ? list.find((o) => o.name === m.replacedBy) : undefined;
    const replacement = next && nameStatus(next, day) === 'official' ? next.name : undefined;
    say({
      nl: `«${m.name}» is sinds ${dutchDay(ended)} geen officiële naam meer${replacement ? `; schrijf «${replacement}»` : ''}.`,
      en: `"${m.name}" has not been an official name since ${ended}${replacement ? `; write "${replacement}"` : ''}.`,
    }, replacement, replacement ? fixName(replacement) : undefined);
    return;
  }
  // Named before its time: most likely the letter's date is wrong, so the name is not changed.
  const earlier = predecessorOn(list, m, day);
  say({
    nl: `«${m.name}» was op ${dutchDay(day)}, de datum van de brief, nog geen officiële naam${earlier ? `; toen was het «${earlier.name}»` : ''}.`,
    en: `"${m.name}" was not yet an official name on ${day}, the letter's date${earlier ? `; it was "${earlier.name}"` : ''}.`,
  }, earlier?.name);
}

export const structureSignature = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'structure/signature',
    tags: ['letter', 'dates'],
    description: {
      nl: 'Een ondertekening (of «mede namens») met een naam van een ministerie die niet officieel is, of niet meer of nog niet op de datum van het document: het veld Datum, de regel «Den Haag, <datum>» van een Kamerstuk, front matter `date:`, `--date` (zie `rubric info`).',
      en: 'A signature (or "mede namens") with a ministry name that is not official, or no longer or not yet on the document\'s date: the Datum field, a Kamerstuk\'s "Den Haag, <datum>" line, front matter `date:`, `--date` (see `rubric info`).',
    },
    defaultSeverity: 'error',
    fixable: true,
    leavesAlone: {
      nl: [
        'Een naam die op de datum van het document officieel was: een brief van 2015 ondertekend door «De minister van Veiligheid en Justitie» is juist.',
        'De hoofdletter van «De Minister van …» in een gepubliceerd Kamerstuk.',
        'Documenten die geen brief zijn (rapporten, regelgeving, notities), en Kamerstukken die geen brief zijn.',
        '«De minister voor …» met een portefeuille die Rubric niet kent.',
      ],
      en: [
        'A name that was official on the document\'s date: a 2015 letter signed by "De minister van Veiligheid en Justitie" is right.',
        'The capital of "De Minister van …" in a published Kamerstuk.',
        'Documents that are no letter (reports, legislation, notes), and Kamerstukken that are no letter.',
        '"De minister voor …" with a portfolio Rubric does not know.',
      ],
    },
    examples: {
      bad: [
        exampleKamerstuk({signature: 'De Minister van Binnenlandse Zaken,'}),
        example('12 mei 2021', 'De minister van Binnenlandse Zaken,'),
        example('12 mei 2025', 'De minister van Veiligheid en Justitie,'),
        example('12 mei 2021', 'De minister van BZK,'),
        example('12 mei 2021', 'De minister voor Defensie,'),
      ],
      good: [
        exampleKamerstuk({signature: 'De Minister van Veiligheid en Justitie,'}),
        example('12 mei 2021', 'De minister van Binnenlandse Zaken en Koninkrijksrelaties,'),
        example('12 mei 2015', 'De minister van Veiligheid en Justitie,'),
        example('12 mei 2021', 'De minister-president, minister van Algemene Zaken,'),
        example('12 mei 2021', 'De minister voor Rechtsbescherming,'),
      ],
    },
  },
  check(ctx, report) {
    const profile = documentProfileOf(ctx);
    const data = ctx.data.kamerbrief;
    if ((profile.kind !== 'letter' && profile.kind !== 'kamerstuk') || !data?.ministries.length) return;
    if (profile.kind === 'kamerstuk' && !kamerstukOf(ctx).isLetter) return;
    const a = letterPartsOf(ctx);
    // Names are judged at the document's date: its Datum field, Den Haag line, front matter, --date…
    const day = profile.date.iso;
    for (const signer of a.closing?.signers ?? []) checkRef(signer.title, true, data, day, report);
    for (const ref of a.coSigners) checkRef(ref, false, data, day, report);
  },
});
