import {hasHomoglyph, matchCase, withoutLayout, type TermMatch} from '../matcher.js';
import {defineRule, factsOf, type ChunkContext, type ChunkFact, type DocumentContext, type DocumentRule} from '../rule.js';
import type {RuleReport} from '../types.js';
import {editDistance} from '../distance.js';
import {BEFORE_PARENTHESIS, CORRECT, summariesOf} from '../matchSummary.js';
import {shortFormAfter, withoutYear, writesOut, yearless, yearlessBeforeItsTime, yearlessOfOtherYear} from './acronyms.js';
import type {GlossaryEntry} from '../glossary.js';
import type {EngineData} from '../engineData.js';
import {documentProfileOf} from '../document/profile.js';
import {FINISHING_LEAVES_ALONE, documentDay, historicalUse, inCapitalsLine, inEnglish, inRegisteredTitle, inUnitName, isTranslation, keptOn, nameInCapitals, openCompound, sameButCase, supersededAt, undated} from './termContext.js';

/**
 * A short form the document introduces itself: after the written-out term (`Geïntegreerde Aanwijzing … (GA)`,
 * `… (hierna: WVO)`), or defined before it, as legislation defines its words (`a. WVO: Wet veiligheidsonderzoeken;`, also
 * with the items run together on one line: `…;b.WVO: Wet …`).
 */
function introducedHere(text: string, m: TermMatch, prev: TermMatch | undefined, next: TermMatch | undefined): boolean {
  if (m.form.writtenOut) return false;
  const entry = m.form.entry;
  if (prev && writesOut(prev, entry) && shortFormAfter(text, prev, m)) return true;
  return !!next && writesOut(next, entry) && /^[ \t]*:[ \t]*$/.test(text.slice(m.tailEnd, next.start)) && /(?:^|[\n;:])[ \t]*(?:[a-z]{1,2}[.)]|\d{1,2}[.)°]|[-*•])?[ \t]*$/.test(text.slice(Math.max(0, m.start - 8), m.start));
}

/** A short form in parentheses right after a name: `(NSCS)`, `(KMar)`. */
const SHORT_FORM_IN_PARENTHESES = /^[ \t]*\([ \t]*(\p{Lu}[\p{L}&]{1,9})[ \t]*\)/u;

/**
 * The short form a written-out name is given in parentheses, when it is the glossary's short form misspelt
 * (`Nationaal Cyber Security Centrum (NSCS)` for NCSC): a word of three letters or more, capitals first, within two
 * letters of the entry's term (one for a term of three, unless its letters are the term's), that no entry knows (a
 * known form is matched, and judged, as itself).
 */
function misspeltShortForm(text: string, m: TermMatch, next: TermMatch | undefined): {start: number; end: number; text: string} | undefined {
  if (!m.form.writtenOut) return undefined;
  const p = SHORT_FORM_IN_PARENTHESES.exec(text.slice(m.tailEnd, m.tailEnd + 20));
  if (!p) return undefined;
  const start = m.tailEnd + p[0].indexOf(p[1]);
  const end = start + p[1].length;
  if (next && next.start < end && next.end > start) return undefined;
  const term = m.form.entry.term;
  const word = p[1];
  if (word.length < 3 || /\s/.test(term) || term.length < 3 || word.toUpperCase() === term.toUpperCase()) return undefined;
  // Two letters off, or, for a short form of three letters, one off or the same letters in another order (`TBI`).
  const [a, b] = [word.toUpperCase(), term.toUpperCase()];
  const sameLetters = [...a].sort().join('') === [...b].sort().join('');
  if (editDistance(a, b, 2) > (b.length > 3 ? 2 : sameLetters ? 2 : 1)) return undefined;
  return {start, end, text: word};
}

/** Words before a noun that make it one of a kind, not a name: `een`, `geen`, `elke`, `zo'n`, a number, with at most two words after it (`een geheel nieuwe`). */
const COUNTING = /(?:^|[^\p{L}])(?:een|geen|elke|iedere|ieder|welke|zo[’']n|twee|drie|vier|vijf|enkele|meerdere|andere|sommige|veel|vele|beide|alle|\d+)\s+(?:\p{Ll}+\s+){0,2}$/iu;

/**
 * A written-out name with capitals, written all in lower case where it is a common noun: one of a kind
 * (`een binnenlandse veiligheidsdienst`, `twee militaire inlichtingen- en veiligheidsdiensten`), in the
 * plural, a country's (`de militaire inlichtingen- en veiligheidsdienst van België`), or in legislation,
 * which writes the names of bodies in lower case (`de commissie van toezicht`, DOMAIN.md §4a).
 */
function lowerCaseNoun(ctx: DocumentContext, m: TermMatch): boolean {
  // A written-out name, or a name that has no short form (`Wet op de inlichtingen- en veiligheidsdiensten`).
  const name = m.form.writtenOut || (m.form.entry.expansions.length === 0 && m.form.role === 'term');
  if (!name || !/\s/.test(m.form.text.trim()) || m.surface !== m.surface.toLowerCase() || m.form.expected === m.form.expected.toLowerCase()) return false;
  // An old name in lower case is a kind of service (`de militaire inlichtingendienst van Rusland`), as term/deprecated has it.
  if (m.form.entry.deprecated || documentProfileOf(ctx).kind === 'legislation') return true;
  const tail = ctx.text.slice(m.end, m.tailEnd).toLowerCase();
  if (tail === 'en' || tail === 's' || tail === 'n') return true;
  // The service of a country or a place (`de militaire inlichtingen- en veiligheidsdienst van België`).
  if (OF_A_PLACE.test(ctx.text.slice(m.tailEnd, m.tailEnd + 30))) return true;
  // Given its short form, it is the name, also after `een` (`een gezamenlijk dreigingsbeeld statelijke actoren (DBSA)`).
  const short = m.form.entry.term;
  const after = ctx.text.slice(m.tailEnd, m.tailEnd + short.length + 4);
  if (m.form.writtenOut && /^\s*\(\s*/.test(after) && after.replace(/^\s*\(\s*/, '').startsWith(short)) return false;
  return COUNTING.test(ctx.text.slice(Math.max(0, m.start - 40), m.start));
}

/** After a common noun: of a country or a place, named with a capital (`van België`, `uit het Verenigd Koninkrijk`). */
const OF_A_PLACE = /^[ \t]+(?:van|uit|in)[ \t]+(?:het[ \t]+|de[ \t]+)?\p{Lu}/u;

export const termVariant = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'term/variant',
    tags: ['terminology', 'glossary'],
    description: {
      nl: 'Een andere schrijfwijze dan de voorkeursvorm van een term uit de woordenlijst (hoofdletters, spaties, koppeltekens, trema’s, verbuigingen en samenstellingen inbegrepen), een lange naam met een letter of woord verkeerd, het jaartal van een naam verschreven tot een getal dat geen jaar kan zijn («Wiv 1017»), een afkorting van vier hoofdletters of meer met twee letters verwisseld («AVID»), of een verschreven afkorting tussen haakjes na een goed geschreven naam («Nationaal Cyber Security Centrum (NSCS)»).',
      en: 'A form of a glossary term other than its preferred form (case, spacing, hyphens, diacritics, inflected and compound forms included), a long name with a letter or word wrong, the year of a name mistyped into a number that can be no year ("Wiv 1017"), an acronym of four capitals or more with two letters swapped ("AVID"), or a misspelt short form in parentheses after a name written right ("Nationaal Cyber Security Centrum (NSCS)").',
    },
    defaultSeverity: 'warning',
    fixable: true,
    leavesAlone: {
      nl: [
        'Een vorm die de woordenlijst als geaccepteerd opgeeft (`accepted`), zoals «openbaar ministerie» in wetgeving.',
        'Hoofdletters in een regel die helemaal in hoofdletters staat (een titel als «BRIEF VAN DE MINISTER VAN …»), en een naam van meer woorden die helemaal in hoofdletters staat (een briefhoofd dat in één regel met andere tekst is gelopen).',
        'Een vertaling in Engelse tekst of een Engelse titel («NATO Security Policy»), ook in een korte regel van een Engels document (een kop, een punt van een dia), en in een Engelse zin een woord dat Engels open of met een streepje schrijft («spear phishing»); een spelfout blijft een bevinding.',
        'Een naam van één woord die de woordenlijst alleen met hoofdletter kent («Defensie»), in kleine letters als soortnaam («de uitgaven aan defensie»); direct na «minister van», «ministerie van» of «staatssecretaris van» is hij de naam van het ministerie en wordt hij wel gemeld.',
        'Een soortnaam uit de woordenlijst met hoofdletters in de naam van een onderdeel («de Directie Economische Veiligheid», «het team Statelijke Dreigingen»).',
        'Een afkortend woord dat alleen een deel is van een weggelaten samenstelling («woon- of verblijfplaats»).',
        'Een afkorting van hoofdletters helemaal in kleine letters («ga», «om»: andere woorden) of als woord van twee of drie letters met een hoofdletter («Om»); met één letter in de verkeerde kast («MIVd», «Aivd») wordt ze wel gemeld.',
        'Een uitgeschreven naam helemaal in kleine letters als soortnaam: na «een», «geen», «elke», een telwoord (ook met een of twee woorden ertussen: «een geheel nieuwe wet op de inlichtingen- en veiligheidsdiensten»), in het meervoud («een binnenlandse veiligheidsdienst», «twee militaire inlichtingen- en veiligheidsdiensten»), van een land («de militaire inlichtingen- en veiligheidsdienst van België»), en in wetgeving, die namen van organen met kleine letters schrijft («de commissie van toezicht op de inlichtingen- en veiligheidsdiensten»).',
        'Een andere naam die met een naam van meer woorden begint en er een woord aan vastschrijft («… Inlichtingen- en Veiligheidsdiensten» is niet de naam «… Inlichtingen en Veiligheid»).',
        'Een afkorting die het document zelf invoert («… (GA)», «… (hierna: WVO)», «WVO: Wet veiligheidsonderzoeken;» in een lijst van begrippen): die wordt één keer gemeld, bij de invoering, niet bij elk gebruik erna; in wetgeving, die haar eigen begrippen vastlegt, niet.',
        'De geregistreerde titel van een Kamerstukdossier in de kop van een gepubliceerd Kamerstuk: die wordt aangehaald zoals hij is geregistreerd.',
        'Een verouderde naam die als huidige wordt gebruikt: dat meldt term/deprecated.',
        'Een vorm zonder het jaartal van de naam («WIV» voor «Wiv 2017») in een tekst van vóór de dag dat die naam in gebruik kwam, of als de tekst hem invoert als afkorting van dezelfde naam met een ander jaar («… 2002 (WIV)»): dan noemt hij die wet. In een tekst zonder datum wordt alleen de schrijfwijze verbeterd («WIV» wordt «Wiv»): welke wet bedoeld is, staat er niet.',
        'Tekst in code, URL’s, e-mailadressen, bestandsnamen, HTML-commentaar en linkdoelen, en een term binnen een rubricering («NATO SECRET»).',
        'Na de naam van een wet een getal dat een jaar kan zijn, vanaf 1800 tot en met volgend jaar («Wiv 2016», «Wiv 1987»); een afkorting met twee letters verwisseld die niet helemaal in hoofdletters staat («Avid»), de vorm van een andere term of een woord op zich is («ARBO»), of drie letters heeft («IDN»).',
        ...FINISHING_LEAVES_ALONE.nl,
      ],
      en: [
        'A form the glossary lists as accepted (`accepted`), such as "openbaar ministerie" in legislation.',
        'Case in a line written entirely in capitals (a title such as "BRIEF VAN DE MINISTER VAN …"), and a name of several words written entirely in capitals (a letterhead run into one line with other text).',
        'A translation in English text or an English title ("NATO Security Policy"), also in a short line of an English document (a heading, a slide\'s bullet), and in an English sentence a word English writes open or hyphenated ("spear phishing"); a misspelling is still reported.',
        'A one-word name the glossary knows only with a capital ("Defensie"), in lower case as a common noun ("de uitgaven aan defensie"); right after "minister van", "ministerie van" or "staatssecretaris van" it names the ministry and is reported.',
        'A common noun of the glossary in capitals in the name of a unit ("de Directie Economische Veiligheid", "het team Statelijke Dreigingen").',
        'A word that is only part of an elided compound ("woon- of verblijfplaats").',
        'An acronym in capitals written all in lower case ("ga", "om": other words) or as a word of two or three letters with a capital ("Om"); with one letter in the wrong case ("MIVd", "Aivd") it is reported.',
        'A written-out name all in lower case as a common noun: after "een", "geen", "elke", a number (also with one or two words between: "een geheel nieuwe wet op de inlichtingen- en veiligheidsdiensten"), in the plural ("een binnenlandse veiligheidsdienst", "twee militaire inlichtingen- en veiligheidsdiensten"), of a country ("de militaire inlichtingen- en veiligheidsdienst van België"), and in legislation, which writes the names of bodies in lower case ("de commissie van toezicht op de inlichtingen- en veiligheidsdiensten").',
        'Another name that begins with a name of several words and glues a word to it ("… Inlichtingen- en Veiligheidsdiensten" is not the name "… Inlichtingen en Veiligheid").',
        'A short form the document introduces itself ("… (GA)", "… (hierna: WVO)", "WVO: Wet veiligheidsonderzoeken;" in a list of definitions): reported once, where it is introduced, not at every use after; in legislation, which lays down its own words, not at all.',
        'The registered title of a Kamerstuk dossier in the head of a published Kamerstuk: it is quoted as registered.',
        'A superseded name used as the current one: term/deprecated reports that.',
        'A form without the year of the name ("WIV" for "Wiv 2017") in a text of before the day that name came into use, or where the text introduces it as the short form of the same name of another year ("… 2002 (WIV)"): then it names that law. In a text without a date only the spelling is fixed ("WIV" becomes "Wiv"): which law is meant, the text does not say.',
        'Text in code, URLs, e-mail addresses, file names, HTML comments and link targets, and a term inside a marking ("NATO SECRET").',
        'After the name of a law, a number that can be a year, from 1800 up to next year ("Wiv 2016", "Wiv 1987"); an acronym with two letters swapped that is not all in capitals ("Avid"), is another term\'s form or a word of its own ("ARBO"), or has three letters ("IDN").',
        ...FINISHING_LEAVES_ALONE.en,
      ],
    },
    examples: {
      bad: [
        'De bevoegdheden staan in de WIV2017.',
        'Het ambts-bericht ging naar de IND.',
        'Twee inlichtingen officieren werden uitgezet.',
        'De Geintegreerde Aanwijzing Inlichtingen en Veiligheid noemt Rusland.',
        'Het Nationaal Cyber Security Centrum (NSCS) waarschuwt.',
        'De Algemene Inlichtingen- en Veilgheidsdienst deed onderzoek.',
        'Mede namens de minister van defensie.',
        'De AVID werkt volgens de Wiv 1017.',
      ],
      good: [
        'De bevoegdheden staan in de Wiv 2017.',
        'De ambtsberichten gingen naar de IND.',
        'Ik ga naar huis.',
        'Een Wiv 2016 heeft nooit bestaan.',
        'Het gaat om de woon- of verblijfplaats van de betrokkene.',
        'Bijna elk land heeft een binnenlandse veiligheidsdienst.',
        'BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES',
        'The report quotes the NATO Security Policy.',
      ],
    },
  },
  check(ctx, report) {
    const {matches, text} = ctx;
    const day = documentDay(ctx);
    /** Short forms this document introduced itself, per entry. */
    const ownForms = new Set<string>();
    /** Entries whose short form without a year the document gave to the same name of another year. */
    const otherYear = new Set<GlossaryEntry>();
    const summaries = summariesOf(ctx);
    /**
     * The match at `matches[i]`, when it is not the preferred form or a parenthesis follows the name it writes out:
     * reported unless it stands where its form is right. A function of its own, so that only these matches get its
     * closures.
     */
    const judge = (i: number): void => {
      const m = matches[i];
      // In the match's own line (the parentheses right after it): kept on the match, from its end, between lints.
      // Only a written-out name has a short form after it: the common match passes on without anything kept.
      const kept = m.form.writtenOut && keptOn(m, 'misspeltShortForm', () => {
        const found = misspeltShortForm(text, m, matches[i + 1]);
        return found && {from: found.start - m.tailEnd, to: found.end - m.tailEnd, text: found.text};
      });
      const short = kept && {start: m.tailEnd + kept.from, end: m.tailEnd + kept.to, text: kept.text};
      if (short) {
        const term = m.form.entry.term;
        report({
          start: short.start, end: short.end, actual: short.text, expected: term,
          fix: {start: short.start, end: short.end, text: term},
          message: {
            nl: `«${short.text}» na «${withoutLayout(m.surface)}» is niet de afkorting van de woordenlijst; schrijf «${term}».`,
            en: `"${short.text}" after "${withoutLayout(m.surface)}" is not the glossary's short form; write "${term}".`,
          },
        });
      }
      if (m.correct) return;
      const entry = m.form.entry;
      // A superseded name used as the current one is term/deprecated's; in history it is judged as the name it was.
      if (supersededAt(entry, day) && !historicalUse(ctx, m)) return;
      // `WIV` for the law then in force, or made the short form of the same name of another year (`… 2002 (WIV)`).
      if (yearlessBeforeItsTime(ctx.data, m, day) || otherYear.has(entry)) return;
      if (yearlessOfOtherYear(text, m, matches[i - 1])) {
        otherYear.add(entry);
        return;
      }
      // What the match's own chunk tells (its line, its sentence) is kept on the match between lints. A form without
      // the year in a text without a date may name any law of the name: its own case is fixed, no year added (`Wiv`).
      const written = keptOn(m, 'expected', () => matchCase(m.surface, m.form.expected, m.sentenceStart));
      const expected = yearless(m) && undated(ctx) ? withoutYear(m.form.entry.term) : written;
      // Capitals as typography: a line in capitals, or a name of several words all in capitals (a letterhead run into one line).
      if (keptOn(m, 'capitals', () => sameButCase(m.surface, written) && (inCapitalsLine(ctx.lines, m.start) || nameInCapitals(m.surface)))) return;
      // In English: a name translated, or a compound written open as English writes it (`spear phishing`).
      if (keptOn(m, 'translation', () => isTranslation(m, written) || openCompound(m, written)) && inEnglish(ctx, m)) return;
      if (keptOn(m, 'unitName', () => inUnitName(ctx.text, m, written))) return;
      if (inRegisteredTitle(ctx, m) || lowerCaseNoun(ctx, m)) return;
      const own = `${entry.term}\u0000${m.surface}`;
      if (ownForms.has(own)) return;
      const actual = withoutLayout(m.surface);
      const found: RuleReport = {
        start: m.start, end: m.end, actual: m.surface, expected,
        fix: {start: m.start, end: m.end, text: expected},
        message: {
          nl: `«${actual}» is niet de voorkeursvorm; schrijf «${expected}».`,
          en: `"${actual}" is not the preferred form; write "${expected}".`,
        },
      };
      if (introducedHere(text, m, matches[i - 1], matches[i + 1])) {
        // Reported once where the document introduces it, not at every use after; legislation's own definitions are its law.
        ownForms.add(own);
        if (documentProfileOf(ctx).kind === 'legislation') return;
        found.message = {
          nl: `Het document voert «${actual}» in als afkorting; de woordenlijst kort af als «${expected}».`,
          en: `The document introduces "${actual}" as its short form; the glossary's short form is "${expected}".`,
        };
      } else if (hasHomoglyph(m.surface)) {
        found.message = {
          nl: `«${actual}» bevat letters uit een ander schrift die op Latijnse lijken; schrijf «${expected}».`,
          en: `"${actual}" contains look-alike letters from another script; write "${expected}".`,
        };
      }
      report(found);
    };
    for (let i = 0; i < matches.length; i++) {
      // A match in its preferred form (most of them) is passed by its summary, the match unread, unless it writes a
      // name out with a parenthesis after it, where the short form may be misspelt.
      const s = summaries[i];
      if (!(s & CORRECT) || s & BEFORE_PARENTHESIS) judge(i);
    }
    for (const f of factsOf<MinistryFact>(ctx, MINISTRY_KEY) ?? ministryFacts(ctx)) {
      report({
        start: f.start, end: f.end, actual: f.written, expected: f.expected,
        fix: {start: f.start, end: f.end, text: f.expected},
        message: {
          nl: `«${f.written}» is hier de naam van het ministerie; schrijf «${f.expected}».`,
          en: `"${f.written}" names the ministry here; write "${f.expected}".`,
        },
      });
    }
  },
  chunkFacts: (ctx) => ministryFacts(ctx),
});

const MINISTRY_KEY = 'term/variant:ministry';
/** A ministry's one-word name in lower case where it names the ministry (`de minister van defensie`). */
interface MinistryFact extends ChunkFact {
  written: string;
  expected: string;
}

const oneWordNames = new WeakMap<EngineData, ReadonlyMap<string, string>>();

/** The glossary's one-word names written with a capital and only so (`Defensie`, `Financiën`), by their lower case. */
function caseSensitiveNames(data: EngineData): ReadonlyMap<string, string> {
  let names = oneWordNames.get(data);
  if (!names) {
    const found = new Map<string, string>();
    for (const e of data.entries) if (e.caseSensitive && /^\p{Lu}\p{Ll}+$/u.test(e.term)) found.set(e.term.toLowerCase(), e.term);
    oneWordNames.set(data, (names = found));
  }
  return names;
}

/** After these words the next one names a ministry: `de minister van`, `het ministerie van`, `de staatssecretaris van`. */
const OF_THE_MINISTRY = /(?<![\p{L}])(?:minister|ministers|ministerie|ministeries|staatssecretaris|staatssecretarissen|departement)[ \t]+van[ \t]+(\p{Ll}+)(?![\p{L}\p{N}-])/giu;

/**
 * The one-word names of ministries that the glossary writes only with a capital (a lower-case `defensie` is the
 * common noun, which the matcher leaves alone), in lower case right after the words that make them the ministry's
 * name. Read from the chunk's prose alone.
 */
function ministryFacts(ctx: Pick<ChunkContext, 'text' | 'prose' | 'data'>): MinistryFact[] {
  const names = caseSensitiveNames(ctx.data);
  if (names.size === 0) return [];
  const out: MinistryFact[] = [];
  for (const r of ctx.prose) {
    const slice = ctx.text.slice(r.start, r.end);
    if (!slice.includes(' van')) continue;
    for (const m of slice.matchAll(OF_THE_MINISTRY)) {
      const expected = names.get(m[1]);
      if (!expected) continue;
      const start = r.start + m.index! + m[0].length - m[1].length;
      out.push({key: MINISTRY_KEY, start, end: start + m[1].length, written: m[1], expected});
    }
  }
  return out;
}
