import type {EngineData} from '../engineData.js';
import type {GlossaryEntry} from '../glossary.js';
import type {TermMatch} from '../matcher.js';
import {looksLikeTitle, type Block} from '../parse.js';
import {kamerbriefOf} from '../kamerbrief/analysis.js';
import {findDates} from '../kamerbrief/dates.js';
import {defineRule, factsOf, type ChunkFact, type DocumentContext, type DocumentRule} from '../rule.js';
import {ALSO_WRITES_OUT, entryNumberOf, SHORT_FORM, summariesOf, WRITTEN_OUT} from '../matchSummary.js';
import {DESCRIBED, describedApposition, expansionAfter, expansionApposition, inParentheses, needsIntroduction, usesShortForm, writesOut, tailAfterEntries, tailAfterIntroductions, yearless, yearlessBeforeItsTime, yearlessOfOtherYear} from './acronyms.js';
import {FINISHING_LEAVES_ALONE, documentDay, DOCUMENT_WORDS, inCapitalsLine, inCitedTitle, inContentsLine, inDocumentNameLine, inEnglish, inRegisteredTitle, keptOn, lastBreakEnd, PARAGRAPH_BREAK} from './termContext.js';

const introductionFound = new WeakMap<EngineData, Map<GlossaryEntry, boolean>>();

/**
 * The introduction `expansion (term)`, once inserted, is recognised (a glossary form of odd punctuation might not be). Per
 * engine's data and entry, found once: it depends on nothing else, and a scan costs more than the rest of a report.
 */
function introductionIsFound(entry: GlossaryEntry, data: EngineData): boolean {
  let known = introductionFound.get(data);
  if (!known) introductionFound.set(data, (known = new Map()));
  let found = known.get(entry);
  if (found === undefined) {
    const intro = `${entry.expansions[0]} (${entry.term})`;
    const matches: TermMatch[] = [];
    data.matcher.scan(intro, 0, intro.length, matches);
    known.set(entry, (found = matches.some((f) => writesOut(f, entry))));
  }
  return found;
}

/** Words that make the acronym after them part of a title (`Jaarverslag CTIVD 2021`, `Regeling BZK 2012`). */
const TITLE_WORD = new RegExp(String.raw`(?:^|[^\p{L}])(?:${DOCUMENT_WORDS}|jaarverslagen)((?:\s+\p{Ll}[\p{Ll}-]*){0,2})\s+$`, 'iu');
/** Words that make a phrase of a sentence rather than a name (`het rapport van de CTIVD`: a first use). */
const PHRASE_WORDS = new Set(['van', 'de', 'het', 'een', 'der', 'des', 'over', 'door', 'voor', 'aan', 'op', 'in', 'met', 'bij', 'naar', 'om', 'en', 'of', 'dat', 'die', 'dit', 'deze', 'is', 'zijn', 'wordt', 'worden', 'heeft', 'hebben']);

/** Whether the words before an acronym make it part of a document's name: `Jaarverslag CTIVD`, `Regeling naslag Wiv 2017`. */
function inDocumentName(before: string): boolean {
  const m = TITLE_WORD.exec(before);
  return !!m && m[1].trim().split(/\s+/).filter(Boolean).every((w) => !PHRASE_WORDS.has(w.toLowerCase()));
}
/** After an acronym, what makes it a document's name: a year (`CTIVD 2021`) or a number (`CTIVD nr. 33`, a report's number). */
const NAMES_A_DOCUMENT = /^(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:(?:19|20)\d\d\b|nrs?\.[ \t]*\d)/i;
/**
 * A speaker's label in a verbatim record (Handelingen, the report of a debate): `De heer Van Dam (VVD):`,
 * `Mevrouw Jansen (D66):`, `De voorzitter:`, `Minister Ollongren:` (not `Minister van …:`, a list's label). What follows is what was said.
 */
const SPEAKER = /^(?:(?:De\s+heer|Mevrouw)\s+[^\n:()]{1,60}\([^()\n]{1,24}\)|De\s+voorzitter|(?:Minister|Staatssecretaris)\s+(?!van\b)[^\n:()]{1,40})[ \t]*:/m;

/** Where a verbatim record begins: the first speaker's label, or -1 (an acronym a speaker says is written as said). */
function transcriptStart(ctx: DocumentContext): number {
  const {text} = ctx;
  const labels = factsOf(ctx, SPEAKER_KEY);
  const open = factsOf(ctx, SPEAKER_OPEN_KEY);
  if (!labels || !open) {
    const m = SPEAKER.exec(text);
    return m ? m.index : -1;
  }
  const first = labels.length ? labels[0].start : -1;
  // A label broken over the blank line that ends a chunk, before the first whole one: read on in the next chunk.
  for (const f of open) {
    if (first !== -1 && f.start > first) break;
    SPEAKER_AT.lastIndex = f.start;
    if (SPEAKER_AT.test(text)) return f.start;
  }
  return first;
}

const SPEAKER_KEY = 'term/acronym-undefined:speaker';
const SPEAKER_OPEN_KEY = 'term/acronym-undefined:speaker-open';
const SPEAKER_AT = new RegExp(SPEAKER.source, 'my');
/**
 * A line that could begin a speaker's label going on in the next chunk, with nothing but white space
 * after it to the chunk's end: only the label's white space (`De` and `heer`, the name or the words after
 * `Minister` are apart by `\s+`) can hold the blank line a chunk ends with. At a line start as SPEAKER's
 * `^` is (after any line terminator); `$` the chunk's end.
 */
const SPEAKER_OPEN = /(?<![^\n\r\u2028\u2029])(?:De(?:\s+heer)?|Mevrouw|Minister|Staatssecretaris)\s+$/;

/**
 * The chunk's share of transcriptStart: its first speaker's label; without one, a last line that opens
 * one the next chunk may finish (checked in the whole text).
 */
function speakerFacts(text: string): ChunkFact[] {
  const facts: ChunkFact[] = [];
  const m = SPEAKER.exec(text);
  if (m) {
    facts.push({key: SPEAKER_KEY, start: m.index, end: m.index + m[0].length});
    return facts;
  }
  const open = SPEAKER_OPEN.exec(text);
  if (open) facts.push({key: SPEAKER_OPEN_KEY, start: open.index, end: text.length});
  return facts;
}
const TAIL_AFTER_KEY = 'term/acronym-undefined:tail-after';
interface TailAfterFact extends ChunkFact {
  entry: GlossaryEntry;
}
/** Per engine's data: the entries whose introductions may put the year after the parentheses. */
const TAIL_ENTRIES = new WeakMap<EngineData, GlossaryEntry[]>();

/** The chunk's share of tailAfterIntroductions, for every entry it applies to (`… (Wiv) 2017`). */
function tailAfterFacts(text: string, data: EngineData): ChunkFact[] {
  let entries = TAIL_ENTRIES.get(data);
  if (!entries) TAIL_ENTRIES.set(data, (entries = tailAfterEntries(data.entries)));
  const facts: TailAfterFact[] = [];
  for (const entry of entries) for (const at of tailAfterIntroductions(text, entry)) facts.push({key: TAIL_AFTER_KEY, start: at, end: at, entry});
  return facts;
}

/** tailAfterIntroductions of the whole document, from its chunks' facts (or from its text). */
function tailAfterIn(ctx: DocumentContext, entry: GlossaryEntry): number[] {
  const facts = factsOf<TailAfterFact>(ctx, TAIL_AFTER_KEY);
  if (!facts) return tailAfterIntroductions(ctx.text, entry);
  const found: number[] = [];
  for (const f of facts) if (f.entry === entry) found.push(f.start);
  return found;
}

/** Between an acronym and its expansion in a list of abbreviations or a table row. */
const LIST_GAP = /^(?=[\s|:=\-–—\t]*(?:[|:=–—\t]| {2}))[\s|:=\-–—\t]*$/;

/**
 * Entries written out in a list of abbreviations (a line `CTIVD: Commissie van …`, a table row `| CTIVD |
 * Commissie … |`): the short form and its expansion on one line, so within one chunk.
 */
function listedIn(text: string, matches: readonly TermMatch[], found: (m: TermMatch) => void): void {
  for (let i = 0; i + 1 < matches.length; i++) {
    const m = matches[i];
    const next = matches[i + 1];
    if (!usesShortForm(m) || !writesOut(next, m.form.entry)) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', m.start - 1), text.lastIndexOf('\r', m.start - 1)) + 1;
    if (!/^[\s|*\-•]*$/.test(text.slice(lineStart, m.start))) continue;
    const gap = text.slice(m.tailEnd, next.start);
    if (LIST_GAP.test(gap) && !PARAGRAPH_BREAK.test(gap)) found(m);
  }
}

const LISTED_KEY = 'term/acronym-undefined:listed';
interface ListedFact extends ChunkFact {
  entry: GlossaryEntry;
}

function listedFacts(text: string, matches: readonly TermMatch[]): ChunkFact[] {
  const facts: ListedFact[] = [];
  listedIn(text, matches, (m) => facts.push({key: LISTED_KEY, start: m.start, end: m.end, entry: m.form.entry}));
  return facts;
}

function listedAbbreviations(ctx: DocumentContext): Set<GlossaryEntry> {
  const listed = new Set<GlossaryEntry>();
  const facts = factsOf<ListedFact>(ctx, LISTED_KEY);
  if (facts) {
    for (const f of facts) listed.add(f.entry);
  } else {
    listedIn(ctx.text, ctx.matches, (m) => listed.add(m.form.entry));
  }
  return listed;
}

/** The block holding `offset`, and the index of the next prose block after it. */
function blockAt(blocks: Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A title: a heading, or a paragraph of one short line that is no sentence (a plain-text title, a question as a title). */
function isTitleBlock(text: string, block: Block | undefined): boolean {
  if (!block) return false;
  if (block.kind === 'heading') return true;
  const line = text.slice(block.start, block.end).trim();
  return block.kind === 'paragraph' && !block.listItem && line.length <= 150 && !/[\r\n]/.test(line) && !/[.,;:]$/.test(line);
}

/**
 * A line that dates the text above it, under a title (`Gepubliceerd op 14 maart 2024`, `Nieuwsbericht | 14-03-2024`,
 * `Den Haag, 5 maart 2024`): one line with a full date and at most four words beside it, also where plain text takes
 * it for a heading. No title of a section.
 */
function isDateLine(text: string, block: Block): boolean {
  if ((block.kind !== 'paragraph' && block.kind !== 'heading') || block.end - block.start > 80) return false;
  const line = text.slice(block.start, block.end);
  if (/[\r\n]/.test(line.trim()) || !/\d/.test(line)) return false;
  const date = findDates(line).find((d) => d.day !== undefined && d.year !== undefined);
  if (!date) return false;
  return (line.slice(0, date.start) + line.slice(date.end)).split(/[^\p{L}]+/u).filter(Boolean).length <= 4;
}

/** Whether the acronym's block is one of a run of three or more titles: a table of contents or a list of chapters. */
function inTitleRun(ctx: DocumentContext, m: TermMatch): boolean {
  const {blocks, text} = ctx;
  const b = blockAt(blocks, m.start);
  if (!isTitleBlock(text, blocks[b])) return false;
  let run = 1;
  for (let k = b - 1; k >= 0 && run < 3 && isTitleBlock(text, blocks[k]); k--) run++;
  for (let k = b + 1; k < blocks.length && run < 3 && isTitleBlock(text, blocks[k]); k++) run++;
  return run >= 3;
}

/** The end of a sentence, also before a closing quotation mark or bracket, or an ellipsis (`[…]`). */
const SENTENCE_END = /[.!?:…]["'”’»)\]]?$/;

/**
 * A line inside a paragraph that is a title: in a text that puts one paragraph on each line, without blank lines
 * between them (a copy from a web page, a Word paragraph of lines), a short line without final punctuation
 * (looksLikeTitle) after a line that ends a sentence, before a line of prose.
 */
function titleLineIn(ctx: DocumentContext, block: Block, pos: number): {start: number; end: number} | undefined {
  if (block.kind !== 'paragraph' || block.listItem) return undefined;
  const {lines, text} = ctx;
  const line = lines.lineAround(pos);
  if (line.end >= block.end) return undefined;
  // A Markdown hard break (`\`) at a line's end is no part of its words.
  const words = (l: {start: number; end: number}) => text.slice(l.start, l.end).trim().replace(/\s*\\$/, '');
  const own = words(line);
  // A question is a title too (`ABDO, ABRO: wat verandert er?`), as web pages head their sections.
  if (!looksLikeTitle(own.replace(/\?$/, ''))) return undefined;
  // The line before it in the paragraph ends a sentence (or there is none: a list item or a blank line before it).
  if (line.start > block.start && !SENTENCE_END.test(words(lines.lineAround(line.start - 1)))) return undefined;
  const after = words(lines.lineAround(Math.min(text.length, line.end + (text[line.end] === '\r' ? 2 : 1))));
  if (!/^\p{Lu}/u.test(after) || after.length <= own.length || !SENTENCE_END.test(after)) return undefined;
  return {start: line.start, end: line.end};
}

/**
 * The title holding the acronym and where its section ends: a heading (to the next of its depth or higher), a
 * plain-text title paragraph (to the next title), or a title line inside a paragraph (titleLineIn; to the next).
 */
function titleAround(ctx: DocumentContext, m: TermMatch): {end: number; sectionEnd: number} | undefined {
  const {blocks, text} = ctx;
  const b = blockAt(blocks, m.start);
  const block = blocks[b];
  if (!block) return undefined;
  let end: number;
  let from: number;
  if (isTitleBlock(text, block) && block.end >= m.end) {
    end = block.end;
    from = b + 1;
  } else {
    const line = titleLineIn(ctx, block, m.start);
    if (!line || line.end < m.end) return undefined;
    end = line.end;
    // The section ends at the next title line in the paragraph, or at the next title after it.
    for (let at = line.end + 1; at < block.end;) {
      const l = ctx.lines.lineAround(at);
      if (titleLineIn(ctx, block, l.start)) return {end, sectionEnd: l.start};
      at = l.end + 1;
    }
    from = b + 1;
  }
  // A heading's section ends at the next heading of its depth or higher (in plain text also at a title paragraph); a
  // title paragraph's or line's at the next title.
  const depth = block.kind === 'heading' ? block.depth ?? 2 : 7;
  for (let k = from; k < blocks.length; k++) {
    const x = blocks[k];
    if (k === from && isDateLine(text, x)) continue;
    if (x.kind === 'heading' ? (x.depth ?? 2) <= depth : (block.kind !== 'heading' || ctx.language === 'plaintext') && isTitleBlock(text, x)) return {end, sectionEnd: x.start};
  }
  return {end, sectionEnd: text.length};
}

/**
 * A title's acronym that its section below introduces is no first use: written out, in parentheses after other
 * words, with the year after the parentheses (`… (Wiv) 2017`: `tailAfter`) or as any other introduction
 * (introducesShortForm), in the paragraph under it or further down. The title marks nothing introduced, so a
 * bare use in the section before the introduction is the first use, and reported there.
 */
function writtenOutBelowHeading(ctx: DocumentContext, m: TermMatch, from: number, tailAfter: readonly number[]): boolean {
  const {matches} = ctx;
  const title = titleAround(ctx, m);
  // A letter's Betreft is a field, not a title: its acronym is the letter's first use.
  if (!title || kamerbriefOf(ctx).fields.some((f) => f.start <= m.start && m.start < f.end)) return false;
  if (tailAfter.some((at) => at >= title.end && at < title.sectionEnd)) return true;
  const entry = m.form.entry;
  for (let k = from; k < matches.length && matches[k].start < title.sectionEnd; k++) {
    if (matches[k].start < title.end) continue;
    // Written out, or introduced where it stands (term/acronym-expansion judges the words of an introduction).
    if (writesOut(matches[k], entry) || (matches[k].form.entry === entry && introducesShortForm(ctx, k))) return true;
  }
  return false;
}

/**
 * Whether the short form at `matches[i]` is introduced where it stands: its expansion right after it in
 * parentheses (`TIB (Toetsingscommissie …)`), a colon (a definition) or as an apposition (`de TIB, de
 * Toetsingscommissie …,`); the short form in parentheses after the name (`… (TIB)`); a description before it
 * (`de toezichthouder CTIVD`, `de toezichthouder op beide diensten, de CTIVD,`).
 */
function introducesShortForm(ctx: DocumentContext, i: number): boolean {
  const {matches, text} = ctx;
  const m = matches[i];
  const entry = m.form.entry;
  if (!usesShortForm(m)) return false;
  const next = matches[i + 1];
  // So does a definition, as legislation writes its own (`a. Wvo: Wet veiligheidsonderzoeken;`).
  if (next && writesOut(next, entry) && /^\s*\(\s*$|^[ \t]*:[ \t]*$/.test(text.slice(m.tailEnd, next.start))) return true;
  if (expansionAfter(text, m) || expansionApposition(text, m)) return true;
  return inParentheses(text, m) || DESCRIBED.test(text.slice(Math.max(0, m.start - 40), m.start)) || describedApposition(text, m);
}

export const termAcronymUndefined = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'term/acronym-undefined',
    tags: ['terminology', 'glossary', 'dates'],
    description: {
      nl: 'Een afkorting die wordt gebruikt voordat ze is uitgeschreven, bijvoorbeeld «Toetsingscommissie Inzet Bevoegdheden (TIB)». Een afkorting in een titel («Jaarverslag CTIVD 2021»), in Engelse tekst, na een beschrijving («de Iraanse inlichtingendienst MOIS») of in een afkortingenlijst telt niet als eerste gebruik.',
      en: 'An acronym used before it is written out, e.g. "Toetsingscommissie Inzet Bevoegdheden (TIB)". An acronym in a title ("Jaarverslag CTIVD 2021"), in English text, after a description ("de Iraanse inlichtingendienst MOIS") or in a list of abbreviations is not a first use.',
    },
    defaultSeverity: 'warning',
    fixable: true,
    leavesAlone: {
      nl: [
        'Afkortingen die iedereen kent (`wellKnown`: AIVD, MIVD, NAVO, EU, …) en verouderde termen.',
        'Een afkorting in de naam van een stuk («Jaarverslag CTIVD 2021», «Regeling BZK 2012», «CTIVD nr. 33», «(Regeling naslag Wiv 2017)», een regel die alleen die naam is), in een titel in hoofdletters, in een inhoudsopgave («Wiv 2017 41», «1.2 Evaluatie Wiv 2017 | 6»), in de titel van een aangehaald Kamerstuk («… beleidsreactie op CTIVD-rapporten (29 924, nr. 288);», ook over meer regels) of in Engelse tekst.',
        'Een afkorting na een beschrijving van wat ze noemt («de Iraanse inlichtingendienst MOIS», «de toezichthouder TIB»), ook tussen komma\'s of streepjes («de toezichthouder op beide diensten, de CTIVD,», «… – de CTIVD –»; niet na een meervoud, het begin van een opsomming, of na «de andere toezichthouder»).',
        'Wat een spreker zegt in een woordelijk verslag (Handelingen, het verslag van een debat): alles na het eerste «De heer … (partij):», «Mevrouw … (partij):», «De voorzitter:» of «Minister …:». De uitgeschreven vorm telt daar wel.',
        'Een afkorting in een kop die het deel eronder invoert (tot de volgende kop van dezelfde of een hogere orde; een kale afkorting daar vóór de invoering wordt dan gemeld), ook een kop op een eigen regel in platte tekst zonder witregels tussen de alinea\'s (ook een vraag: «ABDO of ABRO: wat geldt er?»), en een datumregel onder de kop («Gepubliceerd op 3 juni 2024») sluit het deel niet af; een Betreft is geen kop. Verder in een reeks van drie of meer titels (een inhoudsopgave zonder paginanummers), en een afkorting uit een afkortingenlijst of tabel («CTIVD: Commissie van …»).',
        'Invoeringen als «(hierna: de CTIVD)», «(de CTIVD)», «(CTIVD of Commissie)», «CTIVD (Commissie van …)» en «de TIB, de Toetsingscommissie Inzet Bevoegdheden,», ook in andere woorden dan die van de woordenlijst («ABRO (Algemene Beveiligingseisen Rijksoverheid Opdrachten)»: dat meldt term/acronym-expansion), en het laatste woord na de haakjes («Wet op de inlichtingen- en veiligheidsdiensten (Wiv) 2017», «onderzoeksopdrachtgerichte (OOG) interceptie»).',
        'Een afkorting in de naam van een notitie («Hoofdlijnennotitie herziening Wiv 2017») en in een agendapunt dat zijn regel eindigt met het aangehaalde stuk en een punt («… d.d. 14 maart 2025 inzake beleidsreactie op brief TIB (30821, nr. 270).»).',
        ...FINISHING_LEAVES_ALONE.nl,
      ],
      en: [
        'Acronyms every reader knows (`wellKnown`: AIVD, MIVD, NAVO, EU, …) and superseded terms.',
        'An acronym in the name of a document ("Jaarverslag CTIVD 2021", "Regeling BZK 2012", "CTIVD nr. 33", "(Regeling naslag Wiv 2017)", a line that is only that name), in a title in capitals, in a table of contents ("Wiv 2017 41", "1.2 Evaluatie Wiv 2017 | 6"), in the title of a cited parliamentary paper ("… beleidsreactie op CTIVD-rapporten (29 924, nr. 288);", also over several lines) or in English text.',
        'An acronym after a description of what it names ("de Iraanse inlichtingendienst MOIS", "de toezichthouder TIB"), also between commas or dashes ("de toezichthouder op beide diensten, de CTIVD,", "… – de CTIVD –"; not after a plural, which begins a list, or after "de andere toezichthouder").',
        'What a speaker says in a verbatim record (Handelingen, the report of a debate): everything after the first "De heer … (party):", "Mevrouw … (party):", "De voorzitter:" or "Minister …:". A written-out form there still counts.',
        'An acronym in a heading whose section below introduces it (up to the next heading of the same or a higher level; a bare use there before the introduction is then reported), also a heading on a line of its own in plain text without blank lines between paragraphs (also a question: "ABDO of ABRO: wat geldt er?"), and a dateline under the heading ("Gepubliceerd op 3 juni 2024") does not end the section; a Betreft is no heading. Further, in a run of three or more titles (a table of contents without page numbers), and one from a list of abbreviations or a table ("CTIVD: Commissie van …").',
        'Introductions such as "(hierna: de CTIVD)", "(de CTIVD)", "(CTIVD of Commissie)", "CTIVD (Commissie van …)" and "de TIB, de Toetsingscommissie Inzet Bevoegdheden,", also in other words than the glossary\'s ("ABRO (Algemene Beveiligingseisen Rijksoverheid Opdrachten)": term/acronym-expansion reports that), and the last word after the parentheses ("Wet op de inlichtingen- en veiligheidsdiensten (Wiv) 2017", "onderzoeksopdrachtgerichte (OOG) interceptie").',
        'An acronym in the name of a notitie ("Hoofdlijnennotitie herziening Wiv 2017") and in an agenda item that ends its line with the cited paper and a full stop ("… d.d. 14 maart 2025 inzake beleidsreactie op brief TIB (30821, nr. 270).").',
        ...FINISHING_LEAVES_ALONE.en,
      ],
    },
    examples: {
      bad: ['De TIB toetst de toestemming.'],
      good: [
        'De Toetsingscommissie Inzet Bevoegdheden (TIB) toetst de toestemming. Daarna oordeelt de TIB.',
        'De TIB (Toetsingscommissie Inzet Bevoegdheden) toetst de toestemming.',
        'De Commissie van Toezicht op de Inlichtingen- en Veiligheidsdiensten (hierna: de CTIVD) oordeelt. De CTIVD publiceert.',
        'De AIVD en de NAVO werken samen.',
        'In het Jaarverslag CTIVD 2021 staat het.',
        'De Iraanse inlichtingendienst MOIS werft in Europa.',
        '# De TIB\n\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) toetst vooraf.',
        'Afkortingen\n\nTIB: Toetsingscommissie Inzet Bevoegdheden\n\nDe TIB toetst vooraf.',
        '- de brief over de beleidsreactie op het rapport van de TIB (29 924, nr. 288);',
        'De Wet op de inlichtingen- en veiligheidsdiensten (Wiv) 2017 geldt. De Wiv 2017 regelt ook het toezicht.',
      ],
    },
  },
  chunkFacts: (ctx) => [...speakerFacts(ctx.text), ...tailAfterFacts(ctx.text, ctx.data), ...listedFacts(ctx.text, ctx.matches)],
  check(ctx, report) {
    const {matches, text, data} = ctx;
    /** The entries introduced so far, by number (matchSummary.ts). */
    const introduced = new Uint8Array(data.entries.length);
    /** Whether an entry's short form needs introducing at the document's date, by number: 1 yes, 2 no, 0 not asked yet. */
    const needs = new Uint8Array(data.entries.length);
    const summaries = summariesOf(ctx);
    let listed: Set<GlossaryEntry> | undefined;
    const tailAfterOf = new Map<GlossaryEntry, number[]>();
    let spoken: number | undefined;
    let otherYear: Set<GlossaryEntry> | undefined;
    const day = documentDay(ctx);
    /**
     * A short form of entry `e` at `matches[i]`, not introduced before: reported as its first use, unless it stands
     * where no introduction is needed. A function of its own, so that only these matches get its closures.
     */
    const firstUse = (i: number, e: number): void => {
      const entry = data.entries[e];
      const m = matches[i];
      if (yearlessBeforeItsTime(data, m, day)) return;
      // `WIV` made the short form of the same name of another year (`… 2002 (WIV)`): that law's, from there on.
      if (yearlessOfOtherYear(text, m, matches[i - 1])) (otherYear ??= new Set()).add(entry);
      if (otherYear?.has(entry) && yearless(m)) return;
      // `Wet op de inlichtingen- en veiligheidsdiensten (Wiv) 2017` before it introduced `Wiv 2017`.
      let tailAfter = tailAfterOf.get(entry);
      if (!tailAfter) tailAfterOf.set(entry, (tailAfter = tailAfterIn(ctx, entry)));
      if (tailAfter.some((at) => at < m.start)) {
        introduced[e] = 1;
        return;
      }
      // Not a first use: a name in a title, a title in capitals, English text; these introduce nothing either.
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      // What its line and the words around it in its paragraph tell lies in its chunk: kept on the match between lints.
      if (keptOn(m, 'inTitle', () => inDocumentName(before.slice(lastBreakEnd(before))) || NAMES_A_DOCUMENT.test(text.slice(m.tailEnd, m.tailEnd + 12)))) return;
      if (keptOn(m, 'titleLine', () => inCapitalsLine(ctx.lines, m.start) || inContentsLine(ctx.lines, m.start) || inDocumentNameLine(ctx.lines, m.start) || inCitedTitle(text, m))) return;
      if (inRegisteredTitle(ctx, m) || inEnglish(ctx, m)) return;
      if (writtenOutBelowHeading(ctx, m, i + 1, tailAfter) || inTitleRun(ctx, m)) return;
      if ((spoken ??= transcriptStart(ctx)) >= 0 && m.start > spoken) return;
      introduced[e] = 1;
      // `TIB (Toetsingscommissie Inzet Bevoegdheden)` introduces it too, also in other words (`ABRO (Algemene
      // Beveiligingseisen Rijksoverheid Opdrachten)`) or as an apposition (`de TIB, de Toetsingscommissie …,`);
      // so does `… (TIB)`; term/acronym-expansion checks their wording. And a description before it, or a list of
      // abbreviations.
      if (introducesShortForm(ctx, i)) return;
      if ((listed ??= listedAbbreviations(ctx)).has(entry)) return;
      const expansion = entry.expansions[0];
      // Only a bare acronym can be replaced by its introduction; a variant or compound is fixed by hand.
      const plain = m.tailEnd === m.end && m.form.role === 'term' && introductionIsFound(entry, data);
      report({
        start: m.start,
        end: m.end,
        actual: m.surface,
        expected: `${expansion} (${entry.term})`,
        ...(plain ? {fix: {start: m.start, end: m.end, text: `${expansion} (${entry.term})`}} : {}),
        message: {
          nl: `«${entry.term}» wordt gebruikt voordat de afkorting is uitgeschreven; schrijf de eerste keer «${expansion} (${entry.term})».`,
          en: `"${entry.term}" is used before it is written out; on first use write "${expansion} (${entry.term})".`,
        },
      });
    };
    for (let i = 0; i < matches.length; i++) {
      // The summary says most (matchSummary.ts): an introduction, or a short form introduced already or needing none.
      const s = summaries[i];
      const e = entryNumberOf(s);
      if (s & ALSO_WRITES_OUT) for (const other of matches[i].alsoWritesOut!) introduced[data.entryNumber.get(other)!] = 1;
      if (s & WRITTEN_OUT) {
        introduced[e] = 1;
        continue;
      }
      if (!(s & SHORT_FORM) || introduced[e]) continue;
      if (needs[e] === 0) needs[e] = needsIntroduction(data.entries[e], data, day) ? 1 : 2;
      if (needs[e] === 2) continue;
      firstUse(i, e);
    }
  },
});
