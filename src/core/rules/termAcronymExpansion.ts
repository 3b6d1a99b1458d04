import {atSentenceStart, formKey, matchCase} from '../matcher.js';
import {defineRule, type ChunkRule} from '../rule.js';
import {inParentheses, usesShortForm, writesOut} from './acronyms.js';

/** Words before an opening parenthesis, back to the start of the sentence. */
function wordsBefore(text: string, end: number, max: number): {word: string; start: number; end: number}[] {
  const words: {word: string; start: number; end: number}[] = [];
  let i = end;
  while (words.length < max) {
    while (i > 0 && /[\s]/.test(text[i - 1])) i--;
    if (i === 0 || /[.;:!?()\[\]"“”]/.test(text[i - 1])) break;
    const wEnd = i;
    while (i > 0 && !/[\s.;:!?()\[\]"“”]/.test(text[i - 1])) i--;
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
      nl: 'Een afkorting die wordt ingevoerd met een andere uitschrijving dan die in de woordenlijst.',
      en: 'An acronym introduced with an expansion other than the glossary’s.',
    },
    defaultSeverity: 'warning',
    fixable: true,
    leavesAlone: {
      nl: [
        'Een beschrijving tussen haakjes die niet met een woord van de uitschrijving begint en waarvan de hoofdletters de afkorting niet spellen («De toezichthouder (CTIVD)»).',
        'Een afkorting tussen haakjes na een juiste uitschrijving, ook na «hierna:» of gevolgd door een tweede naam («(CTIVD of Commissie)»).',
      ],
      en: [
        'A description before the parentheses that starts with no word of the expansion and whose capitals do not spell the acronym ("De toezichthouder (CTIVD)").',
        'An acronym in parentheses after a correct expansion, also after "hierna:" or followed by a second name ("(CTIVD of Commissie)").',
      ],
    },
    examples: {
      bad: ['De Toetsingscommissie Bijzondere Bevoegdheden (TIB) oordeelde anders.'],
      good: ['De Toetsingscommissie Inzet Bevoegdheden (TIB) oordeelde anders.', 'De toezichthouder (CTIVD) oordeelde anders.'],
    },
  },
  check(ctx, report) {
    const {matches, text} = ctx;
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      if (!usesShortForm(m) || !inParentheses(text, m)) continue;
      const entry = m.form.entry;
      const open = text.lastIndexOf('(', m.start);
      const prev = matches[i - 1];
      // A near miss before it is reported here, as the introduction's wording, not as a variant too.
      if (prev && prev.form.role !== 'near' && writesOut(prev, entry) && /^\s*$/.test(text.slice(prev.tailEnd, open))) continue;
      const maxWords = Math.max(...entry.expansions.map((e) => e.split(/\s+/).length)) + 2;
      const words = wordsBefore(text, open, maxWords);
      if (words.length === 0) continue;
      const firstKeys = new Set(entry.expansions.map((e) => formKey(e.split(/\s+/)[0], false)));
      let from = words.findIndex((w) => firstKeys.has(formKey(w.word, false)));
      if (from === -1) {
        // No shared first word: an attempt only if the capitals spell the acronym.
        const letters = formKey(entry.term, true).replace(/[^A-Z]/g, '');
        const tail = words.slice(-letters.length);
        const initials = tail.map((w) => w.word[0]).join('');
        if (tail.length !== letters.length || initials !== letters) continue;
        from = words.length - letters.length;
      }
      const phraseStart = words[from].start;
      const phraseEnd = words[words.length - 1].end;
      const phrase = text.slice(phraseStart, phraseEnd);
      if (entry.expansions.some((e) => formKey(e, false) === formKey(phrase, false))) continue;
      const expected = matchCase(phrase, entry.expansions[0], atSentenceStart(text, phraseStart));
      report({
        start: phraseStart,
        end: phraseEnd,
        actual: phrase,
        expected,
        fix: {start: phraseStart, end: phraseEnd, text: expected},
        message: {
          nl: `«${entry.term}» wordt ingevoerd als «${phrase.replace(/\s+/g, ' ')}»; de woordenlijst schrijft «${entry.expansions[0]}».`,
          en: `"${entry.term}" is introduced as "${phrase.replace(/\s+/g, ' ')}"; the glossary writes "${entry.expansions[0]}".`,
        },
      });
    }
  },
});
