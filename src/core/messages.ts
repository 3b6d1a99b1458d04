/** Filling in Rubric's message tables (each message a Localized text with `{0}`, `{1}` … for its values). */

import type {Lang, Localized} from './types.js';

/** The message `key` of `table` in `lang`, with `{0}`, `{1}` … filled in (a placeholder without a value stays). */
export function message<K extends string>(table: Record<K, Localized>, lang: Lang, key: K, args: readonly (string | number)[]): string {
  return table[key][lang].replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
