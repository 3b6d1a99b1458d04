import {atSentenceStart, formKey, matchCase} from '../matcher.js';
import {defineRule, type ChunkRule} from '../rule.js';
import type {GlossaryEntry} from '../glossary.js';
import {expansionAfter, expansionApposition, expansionAttempt, inParentheses, usesShortForm, withoutYear, writesOut, yearless} from './acronyms.js';
import {FINISHING_LEAVES_ALONE, inCitedTitle, inEnglishSentence} from './termContext.js';
import type {EngineData} from '../engineData.js';
import {editDistance} from '../distance.js';
import {formatDataDate} from '../kamerbrief/dates.js';
import {supersededFrom} from '../document/profile.js';

const olderNamesOf = new WeakMap<EngineData, Map<GlossaryEntry, GlossaryEntry[]>>();

/**
 * The entry's names under an older law that it still accepts as writing it out: the glossary's superseded terms
 * whose replacement is the entry and which the entry lists as accepted (the CTIVD's `Commissie van Toezicht
 * betreffende de Inlichtingen- en Veiligheidsdiensten`, until 1 May 2018).
 */
function olderNames(data: EngineData, entry: GlossaryEntry): GlossaryEntry[] {
  let byEntry = olderNamesOf.get(data);
  if (!byEntry) {
    byEntry = new Map();
    for (const e of data.entries) {
      const now = e.deprecated && data.byTerm.get(e.deprecated.replacement);
      if (!now || !now.accepted?.some((a) => formKey(a, false) === formKey(e.term, false))) continue;
      byEntry.set(now, [...(byEntry.get(now) ?? []), e]);
    }
    olderNamesOf.set(data, byEntry);
  }
  return byEntry.get(entry) ?? [];
}

/**
 * An older name of the entry nearer to the words written than the current one is: in a text of its time they are a
 * slip of that name, which a chunk cannot tell without the document's date, so the message gives both.
 */
function nearerOlderName(data: EngineData, entry: GlossaryEntry, phrase: string): GlossaryEntry | undefined {
  const written = formKey(phrase, false);
  const distance = (name: string) => editDistance(written, formKey(name, false));
  let nearest = distance(entry.expansions[0]);
  let best: GlossaryEntry | undefined;
  for (const old of olderNames(data, entry)) {
    const d = distance(old.term);
    if (d < nearest) [best, nearest] = [old, d];
  }
  return best;
}

/** What ends the words of an introduction: punctuation, brackets and opening or closing quotation marks (`«…»`, `„…”`, `‘…`). */
const BOUNDARY = /[.;:!?()\[\]"“”«»„‘‹›]/;
const BOUNDARY_OR_SPACE = /[\s.;:!?()\[\]"“”«»„‘‹›]/;

/** Words before an opening parenthesis, back to the start of the sentence or an opening quotation mark. */
function wordsBefore(text: string, end: number, max: number): {word: string; start: number; end: number}[] {
  const words: {word: string; start: number; end: number}[] = [];
  let i = end;
  while (words.length < max) {
    while (i > 0 && /[\s]/.test(text[i - 1])) i--;
    if (i === 0 || BOUNDARY.test(text[i - 1])) break;
    const wEnd = i;
    while (i > 0 && !BOUNDARY_OR_SPACE.test(text[i - 1])) i--;
    words.unshift({word: text.slice(i, wEnd), start: i, end: wEnd});
  }
  return words;
}

export const termAcronymExpansion = defineRule<ChunkRule>({
  scope: 'chunk',
  meta: {
    id: 'term/acronym-expansion',
    tags: ['terminology', 'glossary'],
    description: {
      nl: 'Een afkorting die wordt ingevoerd met een andere uitschrijving dan die in de woordenlijst, de uitschrijving voor of na de afkorting («ABRO (Algemene Beveiligingseisen Rijksoverheid Opdrachten)», ook tussen komma\'s of streepjes: «de TIB, de Toetsingscommissie Bijzondere Bevoegdheden,»). Liggen de woorden dichter bij een oudere naam die de woordenlijst kent, dan noemt de melding die; in een tekst van vóór de dag dat die naam plaatsmaakte, is hij de correctie.',
      en: 'An acronym introduced with an expansion other than the glossary’s, the expansion before or after the acronym ("ABRO (Algemene Beveiligingseisen Rijksoverheid Opdrachten)", also between commas or dashes: "de TIB, de Toetsingscommissie Bijzondere Bevoegdheden,"). Where the words are nearer to an older name the glossary knows, the message names it; in a text of before the day that name gave way, it is the fix.',
    },
    defaultSeverity: 'warning',
    fixable: true,
    leavesAlone: {
      nl: [
        'Een beschrijving tussen haakjes die niet met een woord van de uitschrijving begint en waarvan de hoofdletters de afkorting niet spellen («De toezichthouder (CTIVD)»).',
        'Een beschrijving in kleine letters, tussen haakjes of als bijstelling, waar de naam hoofdletters heeft («de MIVD (militaire kant)», «de Wiv 2017, de wet die de diensten regelt,»).',
        'Een afkorting tussen haakjes na een juiste uitschrijving, ook na «hierna:» of gevolgd door een tweede naam («(CTIVD of Commissie)»).',
        'Na de afkorting: woorden tussen haakjes die niet met het eerste woord van de uitschrijving beginnen en waarvan de hoofdletters de afkorting niet spellen («ABRO (zie de bijlage)»).',
        'Een Engelse zin of titel: daar is de naam een vertaling («The National Cyber Security Centre (NCSC) …»).',
        'De naam van een wet zonder het jaar dat de afkorting tussen haakjes draagt («de Wet op de inlichtingen- en veiligheidsdiensten (Wiv 2017)»): het jaar staat er één keer.',
        'De titel van een aangehaald Kamerstuk, zoals een agenda of een lijst van brieven die schrijft («… inzake de Wet op de inlichtingen- en veiligheidsdiensten (Wiv 2017) (Kamerstuk 29 924, nr. 299);»): die staat er zoals hij is geregistreerd.',
        ...FINISHING_LEAVES_ALONE.nl,
      ],
      en: [
        'A description before the parentheses that starts with no word of the expansion and whose capitals do not spell the acronym ("De toezichthouder (CTIVD)").',
        'A description in lower case, in parentheses or as an apposition, where the name has capitals ("de MIVD (militaire kant)", "de Wiv 2017, de wet die de diensten regelt,").',
        'An acronym in parentheses after a correct expansion, also after "hierna:" or followed by a second name ("(CTIVD of Commissie)").',
        'After the acronym: words in parentheses that do not start with the expansion\'s first word and whose capitals do not spell the acronym ("ABRO (zie de bijlage)").',
        'An English sentence or title: there the name is a translation ("The National Cyber Security Centre (NCSC) …").',
        'A law\'s name without the year its short form in parentheses carries ("de Wet op de inlichtingen- en veiligheidsdiensten (Wiv 2017)"): the year is written once.',
        'The title of a cited parliamentary paper, as an agenda or a list of letters writes it ("… inzake de Wet op de inlichtingen- en veiligheidsdiensten (Wiv 2017) (Kamerstuk 29 924, nr. 299);"): it is quoted as registered.',
        ...FINISHING_LEAVES_ALONE.en,
      ],
    },
    examples: {
      bad: ['De Toetsingscommissie Bijzondere Bevoegdheden (TIB) oordeelde anders.', 'De TIB (Toetsingscommissie Bijzondere Bevoegdheden) oordeelde anders.'],
      good: ['De Toetsingscommissie Inzet Bevoegdheden (TIB) oordeelde anders.', 'De toezichthouder (CTIVD) oordeelde anders.'],
    },
  },
  check(ctx, report) {
    const {matches, text} = ctx;
    /** The introduction's words at [phraseStart, phraseEnd), when they are not the glossary's expansion. */
    const reportWording = (entry: GlossaryEntry, phraseStart: number, phraseEnd: number): void => {
      const phrase = text.slice(phraseStart, phraseEnd);
      // A year after the name is the edition's (`Cybersecuritybeeld Nederland 2023 (CSBN)`), where the name has none.
      const edition = phrase.replace(/\s+(?:19|20)\d\d$/, '');
      if (entry.expansions.some((e) => formKey(e, false) === formKey(phrase, false) || formKey(e, false) === formKey(edition, false))) return;
      // A law's name without the year its short form carries (`Wet op de inlichtingen- en veiligheidsdiensten (Wiv
      // 2017)`): the year is written once, in the parentheses, as the government's own papers write it.
      const year = /\s((?:19|20)\d\d)$/.exec(entry.term)?.[1];
      if (year && entry.expansions.some((e) => e.endsWith(` ${year}`) && formKey(withoutYear(e), false) === formKey(phrase, false))) return;
      const expected = matchCase(phrase, entry.expansions[0], atSentenceStart(text, phraseStart));
      const older = nearerOlderName(ctx.data, entry, phrase);
      const until = older?.deprecated ? {nl: ` (tot ${formatDataDate(older.deprecated.since, 'nl')}: «${older.term}»)`, en: ` (until ${formatDataDate(older.deprecated.since, 'en')}: "${older.term}")`} : {nl: '', en: ''};
      const written = phrase.replace(/\s+/g, ' ');
      // In a text of before the day the older name gave way, that name is what the words should have been.
      const thenText = older?.deprecated && matchCase(phrase, older.term, atSentenceStart(text, phraseStart));
      report({
        start: phraseStart,
        end: phraseEnd,
        actual: phrase,
        expected,
        fix: {start: phraseStart, end: phraseEnd, text: expected},
        message: {
          nl: `«${entry.term}» wordt ingevoerd als «${written}»; de woordenlijst schrijft «${entry.expansions[0]}»${until.nl}.`,
          en: `"${entry.term}" is introduced as "${written}"; the glossary writes "${entry.expansions[0]}"${until.en}.`,
        },
        ...(older?.deprecated && thenText ? {before: {
          day: supersededFrom(older.deprecated.since),
          text: thenText,
          message: {
            nl: `«${entry.term}» wordt ingevoerd als «${written}»; tot ${formatDataDate(older.deprecated.since, 'nl')} was de naam «${older.term}».`,
            en: `"${entry.term}" is introduced as "${written}"; until ${formatDataDate(older.deprecated.since, 'en')} the name was "${older.term}".`,
          },
        }} : {}),
      });
    };
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      // In English text the name is a translation (`The National Cyber Security Centre (NCSC)`), not the Dutch name written wrongly.
      // A short form without its year (`WIV`) may stand for the law of another year: `… 2002 (WIV)` is no other wording.
      if (!usesShortForm(m) || inEnglishSentence(text, m) || yearless(m)) continue;
      const entry = m.form.entry;
      if (!inParentheses(text, m)) {
        // `ABRO (Algemene Beveiligingseisen …)`: the acronym first, its expansion in parentheses after it, or set off
        // by commas or dashes as an apposition (`de TIB, de Toetsingscommissie Inzet Bevoegdheden,`).
        const after = expansionAfter(text, m) ?? expansionApposition(text, m);
        const next = matches[i + 1];
        if (after && !(next && next.start >= after.start && next.end <= after.end && writesOut(next, entry)) && !inCitedTitle(text, m)) reportWording(entry, after.start, after.end);
        continue;
      }
      const open = text.lastIndexOf('(', m.start);
      const prev = matches[i - 1];
      // A near miss before it is reported here, as the introduction's wording, not as a variant too.
      if (prev && prev.form.role !== 'near' && writesOut(prev, entry) && /^\s*$/.test(text.slice(prev.tailEnd, open))) continue;
      const maxWords = Math.max(...entry.expansions.map((e) => e.split(/\s+/).length)) + 2;
      const words = wordsBefore(text, open, maxWords);
      if (words.length === 0) continue;
      // From the expansion's first word; with none, an attempt only if the capitals spell the acronym.
      const from = expansionAttempt(entry, words.map((w) => w.word));
      // The title of a cited parliamentary paper is quoted as it was registered (as for term/acronym-undefined).
      if (from !== -1 && !inCitedTitle(text, m)) reportWording(entry, words[from].start, words[words.length - 1].end);
    }
  },
});
