/**
 * The head of a published Kamerstuk (DOMAIN.md §4a): `Tweede Kamer der
 * Staten-Generaal`, `Vergaderjaar 2013–2014`, the dossier number and title,
 * `Nr. 2`, a title in capitals (`BRIEF VAN DE MINISTER …`), the addressee
 * without Postbus and the `Den Haag, <datum>` line. Read from the first
 * lines, once per lint; what it finds decides whether a document is a
 * Kamerstuk and gives the Kamerstuk its own structure checks.
 */

import {factsOf, type ChunkContext, type ChunkFact, type DocumentContext} from '../rule.js';
import {analyseKamerbrief, kamerbriefOf, type KamerbriefAnalysis, type TextSpan} from '../kamerbrief/analysis.js';
import {findDates, type FoundDate} from '../kamerbrief/dates.js';
import {firstTextLines, type TextLine} from './lines.js';
import {PARAGRAPH_BREAK} from '../text.js';

export interface DenHaagLine extends TextSpan {
  /** `Den Haag` or `'s-Gravenhage`, as written. */
  place: TextSpan;
  /** What follows the place and its comma. */
  value: TextSpan;
  /** The date in the value, when there is one (with or without a year). */
  date?: FoundDate;
}

export interface KamerstukHead {
  /** `Tweede Kamer der Staten-Generaal` on a line of its own. */
  chamber?: TextSpan;
  vergaderjaar?: TextSpan;
  /** `33 820` at the start of a line. */
  dossier?: TextSpan;
  /** The dossier's registered title, on the lines after its number (`Evaluatie Wet op de …`): a name as registered, quoted. */
  dossierTitle?: TextSpan;
  /** `Nr. 2`, `nr. 58a`. */
  number?: TextSpan;
  /** A parliamentary paper's title in capitals: `BRIEF VAN DE MINISTER …`, `MEMORIE VAN TOELICHTING`. */
  title?: TextSpan;
  /** Written questions and their answers (`Vragen van het lid …`, `Antwoord van minister …`). */
  questions?: TextSpan;
  /** Who answered them, on a page of answered questions (`Beantwoord door de minister van …`). */
  answeredBy?: TextSpan;
  /** The title of the answers, which repeats the members' subject (`Antwoord op vragen van het lid … over …`). */
  answerTitle?: TextSpan;
  /** `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal`. */
  addressee?: TextSpan;
  /** A `Postbus` line in the first lines: the mark of a sent letter. */
  postbus: boolean;
  denHaag?: DenHaagLine;
  /** The head is a Kamerstuk's (no Postbus, no Datum or Betreft field). */
  isKamerstuk: boolean;
  /** A letter published as a Kamerstuk: a `BRIEF VAN` title, the addressee line or a `Den Haag` line. */
  isLetter: boolean;
}

/** How far down the head and the Den Haag line are looked for. */
const HEAD_LINES = 30;
const DEN_HAAG_LINES = 60;

const CHAMBER = /^(?:Tweede|Eerste)\s+Kamer(?:\s+der\s+Staten-Generaal)?(?:\s*,.*)?$/i;
const VERGADERJAAR = /^Vergaderjaar\s+\d{4}\s*[–—-]\s*\d{4}\b/i;
/** `33 820`, also unspaced as the Kamer's Word files write it (`36721 Initiatiefnota …`). */
const DOSSIER = /^\d{2}[ \u00a0]?\d{3}(?:-[A-Z0-9]{1,4})?(?=\s|$)/;
const NUMBER = /^nr\.\s*\d+[a-z]?\b/i;
/** The capital titles of parliamentary papers, after an optional `Nr. 164` or Eerste Kamer letter (`D`). */
const PAPER_TITLE = /^(?:(?:NR\.|Nr\.|nr\.)\s*\d+[A-Za-z]?\s+|[A-Z]{1,2}\s+)?((?:BRIEF|MEMORIE|NOTA|(?:NADER\s+)?(?:VOORLOPIG\s+)?(?:EIND)?VERSLAG|VOORSTEL|GEWIJZIGD\s+VOORSTEL|MOTIE|GEWIJZIGDE\s+MOTIE|AMENDEMENT|GEWIJZIGD\s+AMENDEMENT|ADVIES|LIJST|KONINKLIJKE\s+BOODSCHAP)\b.*)$/;
/** The same titles in sentence case after their number, as the Kamer's Word files write them (`Nr. 3 Brief van de minister …`). */
const PAPER_TITLE_AFTER_NUMBER = /^(?:NR\.|Nr\.|nr\.)\s*\d+[A-Za-z]?\s+((?:Brief\s+van\s+de|Memorie\s+van|Nota\s+(?:naar|van)|(?:Nader\s+voorlopig\s+verslag|Nader\s+verslag|Voorlopig\s+verslag|Eindverslag|Verslag)\s+van|Voorstel\s+van\s+wet|Motie\s+van|Amendement\s+van|Advies\s+(?:Raad|Afdeling))\b.*)$/;
const QUESTIONS = /^(?:Vragen\s+van\s+(?:het\s+lid|de\s+leden)\b|Antwoord\s+van\s+(?:de\s+)?(?:minister|staatssecretaris)\b|Aanhangsel\s+(?:van\s+de\s+)?Handelingen\b)/i;
/** The answers' title, as the Kamer's pages head them (`Antwoord schriftelijke vragen : Antwoord op vragen van de leden …`). */
const ANSWER_TITLE = /^(?:Antwoord(?:en)?\s+(?:op\s+)?schriftelijke\s+vragen\s*[:–—-]\s*)?Antwoord(?:en)?\s+op\s+(?:de\s+)?(?:schriftelijke\s+)?vragen\s+van\s+(?:het\s+lid|de\s+leden)\b/i;
/** Who answered the questions, in the head of a page of answered questions: `Beantwoord door de minister van …`. */
const ANSWERED_BY = /^Beantwoord\s+(?:door|op)\b/i;
const ADDRESSEE = /^Aan\s+de\s+Voorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer\b/i;
const POSTBUS = /^Postbus\b/i;
/** Where a `Den Haag, <datum>` run into the addressee's line begins (the white space before it). */
const RUN_IN_DEN_HAAG = /\s(?=(?:Den\s+Haag|['’‘`]?s-Gravenhage),?\s+\S)/iu;
const DEN_HAAG = /^(Den\s+Haag|['’‘`]?s-Gravenhage)(?![\p{L}\p{N}])[ \t]*(,?)[ \t]*/iu;

const span = (l: TextLine, from = 0): TextSpan => ({start: l.start + from, end: l.end, text: l.text.slice(from)});

/** A `Den Haag, 7 mei 2020` line (any date form, or something that should have been a date). */
export function readDenHaag(l: TextLine, text: string): DenHaagLine | undefined {
  const m = DEN_HAAG.exec(l.text);
  if (!m) return undefined;
  const rest = l.text.slice(m[0].length).replace(/[ \t]*[.;]?$/, '');
  if (!rest || rest.length > 40) return undefined;
  const valueStart = l.start + m[0].length;
  const value = {start: valueStart, end: valueStart + rest.length, text: rest};
  const date = findDates(text, value.start, value.end)[0];
  // Without a date, only a comma and a number (`Den Haag, 07.05.20`) make it a date line.
  if (!date && !(m[2] && /^\d/.test(rest))) return undefined;
  if (date && rest.slice(0, date.start - valueStart).trim() !== '' && !/^\w+dag\s*$/i.test(rest.slice(0, date.start - valueStart))) return undefined;
  return {start: l.start, end: value.end, text: l.text.slice(0, m[0].length + rest.length), place: {start: l.start, end: l.start + m[1].length, text: m[1]}, value, ...(date ? {date} : {})};
}

/**
 * The place and date a text closes with, as an act or a regulation is signed (`Den Haag, 20 december 2017`, or
 * `Den Haag` with the date on the line below), among its last lines: the day it was made.
 */
export function closingDate(ctx: Pick<DocumentContext, 'text' | 'lines'>): FoundDate | undefined {
  const {text, lines} = ctx;
  let below: {start: number; end: number} | undefined;
  for (let n = lines.lineCount - 1, seen = 0; n >= 0 && seen < 12; n--) {
    const start = lines.lineStart(n);
    const raw = text.slice(start, lines.lineEnd(n));
    const lead = raw.length - raw.trimStart().length;
    const own = raw.trim();
    if (!own) continue;
    seen++;
    const line = {start: start + lead, end: start + lead + own.length, text: own, line: n, heading: false, paragraphStart: false};
    const d = readDenHaag(line, text)?.date;
    if (d) return d;
    if (below && DEN_HAAG.test(own) && own.replace(DEN_HAAG, '') === '') {
      const date = findDates(text, below.start, below.end)[0];
      if (date && date.start === below.start && date.end === below.end) return date;
    }
    below = line;
  }
  return undefined;
}

function isCapitals(s: string): boolean {
  return /\p{Lu}{2}/u.test(s) && s === s.toUpperCase();
}

/** The Kamerstuk head of a document, computed once per lint. */
export function kamerstukOf(ctx: DocumentContext): KamerstukHead {
  return ctx.memo('kamerstuk', () => readHead(ctx));
}

function readHead(ctx: DocumentContext): KamerstukHead {
  const lines = firstTextLines(ctx, DEN_HAAG_LINES);
  const head: KamerstukHead = {postbus: false, isKamerstuk: false, isLetter: false};
  lines.forEach((l, i) => {
    if (i < HEAD_LINES) {
      const t = l.text;
      if (!head.chamber && i < 5 && CHAMBER.test(t) && t.length <= 80) head.chamber = span(l);
      if (!head.vergaderjaar && VERGADERJAAR.test(t)) head.vergaderjaar = span(l);
      if (!head.dossier && i < 8 && DOSSIER.test(t)) head.dossier = span(l);
      if (!head.number && i < 10 && NUMBER.test(t)) head.number = span(l);
      if (!head.title && i < 12) {
        const m = PAPER_TITLE.exec(t);
        if (m && isCapitals(m[1]) && m[1].split(/\s+/).length >= 2) head.title = span(l, t.length - m[1].length);
        const plain = m && isCapitals(m[1]) ? undefined : PAPER_TITLE_AFTER_NUMBER.exec(t);
        if (plain) head.title = span(l, t.length - plain[1].length);
        if (m && /^(?:NR\.|Nr\.|nr\.)/.test(t) && !head.number) head.number = span(l);
      }
      if (!head.questions && i < 3 && QUESTIONS.test(t)) head.questions = span(l);
      if (!head.answerTitle && i < 3 && ANSWER_TITLE.test(t)) head.answerTitle = span(l);
      if (!head.answeredBy && i < 20 && ANSWERED_BY.test(t)) head.answeredBy = span(l);
      if (!head.addressee && ADDRESSEE.test(t)) {
        // A page that runs the place and date into the addressee's line (`Aan de Voorzitter … Staten-Generaal Den Haag,
        // 12 december 2024`): the addressee ends where they begin.
        const runIn = RUN_IN_DEN_HAAG.exec(t);
        const d = runIn && !head.denHaag ? readDenHaag({...l, start: l.start + runIn.index + 1, text: t.slice(runIn.index + 1)}, ctx.text) : undefined;
        if (d) {
          head.denHaag = d;
          head.addressee = {start: l.start, end: l.start + runIn!.index, text: t.slice(0, runIn!.index)};
        } else {
          head.addressee = span(l);
        }
      }
      if (POSTBUS.test(t)) head.postbus = true;
    }
    if (!head.denHaag) {
      const d = readDenHaag(l, ctx.text);
      if (d) head.denHaag = d;
    }
  });
  if (head.dossier) {
    const at = lines.findIndex((l) => l.start === head.dossier!.start);
    const title = [];
    // `33 820 Evaluatie Wet op de …`: number and title on one line.
    const rest = /^\d{2}[ \u00a0]?\d{3}(?:-[A-Z0-9]{1,4})?[ \t]+(?=\S)/.exec(lines[at].text);
    if (rest) title.push({...lines[at], start: lines[at].start + rest[0].length});
    for (let k = at + 1; k < lines.length && k <= at + 3 && !rest; k++) {
      const t = lines[k].text;
      if (NUMBER.test(t) || PAPER_TITLE.test(t) || CHAMBER.test(t) || VERGADERJAAR.test(t)) break;
      title.push(lines[k]);
    }
    if (title.length) {
      const [first, last] = [title[0], title[title.length - 1]];
      head.dossierTitle = {start: first.start, end: last.end, text: ctx.text.slice(first.start, last.end)};
    }
  }
  const letter = kamerbriefOf(ctx);
  if (letter.address?.postbus) head.postbus = true;
  const brief = head.title !== undefined && /^BRIEF\b/i.test(head.title.text);
  const shape = Boolean(
    (head.chamber && (head.vergaderjaar || head.dossier || head.number || head.title || head.denHaag)) ||
    (head.dossier && (head.number || head.title)) ||
    (head.number && head.title) ||
    (brief && (head.denHaag || head.addressee)) ||
    // A letter as the Kamerstuk prints it, its head left off (a page that quotes the letter from its addressee on):
    // the addressee, then `Den Haag, <datum>` where a sent letter has its letterhead, Datum and Betreft.
    (head.addressee && head.denHaag?.date && head.denHaag.start > head.addressee.start) ||
    head.questions || head.answerTitle,
  );
  // A sent letter has a Postbus line and a Betreft; a Datum alone does not outweigh a Kamerstuk's head (a dossier
  // number with `Nr.`, a `BRIEF VAN …` title with its `Den Haag, <datum>`): a web page's metadata may carry one.
  const strong = (head.dossier && (head.number || head.title)) || (brief && head.denHaag);
  const sent = head.postbus || letter.fields.some((f) => f.name === 'betreft' || (f.name === 'datum' && !strong));
  head.isKamerstuk = !sent && shape;
  head.isLetter = brief || head.addressee !== undefined || head.denHaag !== undefined;
  return head;
}

/**
 * The letter's parts for the structure rules: the letter analysis, read as a
 * letter also where its first lines do not show one (the kind was set to
 * letter, or the document is a published Kamerstuk, whose closing is checked).
 */
export function letterPartsOf(ctx: DocumentContext): KamerbriefAnalysis {
  const a = kamerbriefOf(ctx);
  if (a.isLetter) return a;
  return ctx.memo('kamerbrief:asLetter', () => analyseKamerbrief(ctx, ctx.data.kamerbrief, {asLetter: true, markings: ctx.data.markings}));
}

/** `Vraag 1` or `Vraag 12:` opening a line (a member's question); `Antwoord 1`, `Antwoord op vraag 1` (the answer). */
const QUESTION_OR_ANSWER = /^[ \t]*(?:[•◦▪*-][ \t]+)?(?:[*_]{1,2}|#{1,6}[ \t]+)?(Vraag|Antwoord(?:[ \t]+op[ \t]+vraag)?)[ \t]+\d+[a-z]?\b/gim;

/** One question as a list of them numbers it: its number, a capital, to its question mark within its paragraph (`1 Is er …?`). */
const NUMBERED_QUESTION = String.raw`\d{1,3}[.)]?[ \t]+\p{Lu}(?:[^?\n]|\n(?![ \t]*\r?\n)){0,600}\?`;
/** Numbered questions opening a line, with those that follow them in the paragraph (a list printed run together: `1 Is er …? 2 Heeft u …?`). */
const NUMBERED_QUESTIONS = new RegExp(String.raw`^[ \t]*${NUMBERED_QUESTION}(?:[ \t]*\r?\n?[ \t]*${NUMBERED_QUESTION})*`, 'gmu');

/**
 * A text that answers questions says so in its first lines: `Antwoorden op feitelijke vragen over …`,
 * `Beantwoording van de schriftelijke vragen`, `Lijst van vragen en antwoorden`.
 */
const ANSWERS_QUESTIONS = /\b(?:(?:antwoord(?:en)?\s+op|beantwoording\s+van)\s+(?:de\s+)?(?:\p{L}+\s+){0,2}vragen|lijst\s+van\s+vragen\s+en\s+antwoorden)\b/iu;

const QUESTION_KEY = 'kamerstuk/question';
/** A line that opens a question (`Vraag 1`) or an answer (`Antwoord 1`), or numbered questions (`1 Is er …?`) from their first number to the last question mark. */
interface QuestionFact extends ChunkFact {
  question: boolean;
  numbered?: true;
}

/** The lines of a chunk (or a whole text) that open a question or an answer, and its numbered questions, for quotedQuestions. */
export function chunkQuestionFacts(ctx: Pick<ChunkContext, 'text'>): QuestionFact[] {
  const facts = [...ctx.text.matchAll(QUESTION_OR_ANSWER)].map((m): QuestionFact => ({key: QUESTION_KEY, start: m.index!, end: m.index! + m[0].length, question: /^vraag$/i.test(m[1])}));
  for (const m of ctx.text.matchAll(NUMBERED_QUESTIONS)) {
    const start = m.index! + m[0].length - m[0].trimStart().length;
    facts.push({key: QUESTION_KEY, start, end: m.index! + m[0].length, question: true, numbered: true});
  }
  return facts.sort((a, b) => a.start - b.start);
}

/** Whether the first lines of the text say it answers questions. */
function answersQuestions(ctx: DocumentContext): boolean {
  return firstTextLines(ctx, 12).some((l) => ANSWERS_QUESTIONS.test(l.text));
}

/**
 * In the answers to written questions, the members' words: the title (`Vragen van het lid … (ingezonden …)`),
 * the answers' title that repeats it (`Antwoord op vragen van het lid … over <subject>`) and each question, from
 * its `Vraag N` to the next `Antwoord N` (or the next question). They are quoted as the members asked them; only
 * the answers are the writer's. Nothing in a text without an answer.
 */
export function quotedQuestions(ctx: DocumentContext): readonly TextSpan[] {
  return ctx.memo('kamerstuk:questions', () => {
    // Each line is read alone, so the chunks found them (or the whole text is read here).
    const facts = factsOf<QuestionFact>(ctx, QUESTION_KEY) ?? chunkQuestionFacts(ctx);
    const spans: TextSpan[] = [];
    // Numbered questions (a committee's list of factual questions reproduced above the answers), in a text that
    // says it answers questions.
    const numbered = facts.filter((f) => f.numbered);
    if (numbered.length && answersQuestions(ctx)) for (const f of numbered) spans.push({start: f.start, end: f.end, text: ctx.text.slice(f.start, f.end)});
    const hits = facts.filter((f) => !f.numbered).map((f) => ({at: f.start, question: f.question}));
    const labelled = hits.some((h) => !h.question);
    // A page that lays out each question under its label and the answer below it, unlabelled (`• Vraag 1`, the
    // question, the answer), under a line that says who answered.
    const head = kamerstukOf(ctx);
    if (!labelled && !(hits.length > 0 && head.answeredBy)) return spans;
    if (head.answerTitle) spans.push(head.answerTitle);
    if (head.questions && /^Vragen\b/i.test(head.questions.text)) spans.push(head.questions);
    hits.forEach((h, i) => {
      const next = hits[i + 1];
      if (!h.question) return;
      if (labelled) {
        if (next) spans.push({start: h.at, end: next.at, text: ctx.text.slice(h.at, next.at)});
        return;
      }
      // Unlabelled answers: the question is the paragraph under its label.
      const {text} = ctx;
      const lineEnd = text.indexOf('\n', h.at);
      let from = lineEnd === -1 ? text.length : lineEnd + 1;
      while (from < text.length && /\s/.test(text[from])) from++;
      const rest = text.slice(from, next?.at ?? text.length);
      const brk = PARAGRAPH_BREAK.exec(rest);
      const end = from + (brk ? brk.index : rest.length);
      spans.push({start: h.at, end, text: text.slice(h.at, end)});
    });
    return spans;
  });
}
