/**
 * Rubric's one way to say a thing in both languages: a message table (each message a Localized text with
 * `{0}`, `{1}` … for its values) filled in by `message()`, and a counted noun by `count()`. The editor
 * layers' table is src/core/editorTexts.ts, the CLI's src/cli/messages.ts; a rule's report carries its
 * Localized message itself.
 */

import type {Lang, Localized} from './types.js';

/** The message `key` of `table` in `lang`, with `{0}`, `{1}` … filled in (a placeholder without a value stays). */
export function message<K extends string>(table: Record<K, Localized>, lang: Lang, key: K, args: readonly (string | number)[]): string {
  return table[key][lang].replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

const NOUNS = {
  fix: {nl: ['correctie', 'correcties'], en: ['fix', 'fixes']},
  problem: {nl: ['probleem', 'problemen'], en: ['problem', 'problems']},
  file: {nl: ['bestand', 'bestanden'], en: ['file', 'files']},
  error: {nl: ['fout', 'fouten'], en: ['error', 'errors']},
  warning: {nl: ['waarschuwing', 'waarschuwingen'], en: ['warning', 'warnings']},
  term: {nl: ['term', 'termen'], en: ['term', 'terms']},
} as const;

export type Noun = keyof typeof NOUNS;

/** `1 correctie`, `3 correcties`; `1 fix`, `3 fixes`. */
export function count(lang: Lang, n: number, noun: Noun): string {
  return `${n} ${NOUNS[noun][lang][n === 1 ? 0 : 1]}`;
}
