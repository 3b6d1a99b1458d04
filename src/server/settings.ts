/**
 * Rubric's settings in the server: asked of the client per document through
 * `workspace/configuration` (section `rubric`), cached per resource, dropped
 * on `workspace/didChangeConfiguration`. A client that cannot be asked gives
 * them in `initializationOptions.settings` or in the change notification.
 */

import type {Lang, SeveritySetting} from '../core/index.js';

export interface Settings {
  enable: boolean;
  /** The language ids linted (`text` counts as `plaintext`). */
  languages: string[];
  glossaries: string[];
  rules: Record<string, SeveritySetting>;
  lintOnType: boolean;
  debounceMs: number;
  /** Set only where the user chose it; else `.rubric.yaml` decides. */
  lang: Lang | undefined;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true, languages: ['markdown', 'plaintext'], glossaries: [], rules: {}, lintOnType: true, debounceMs: 300, lang: undefined,
};

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Settings from whatever the client sent: wrong types fall back to the defaults, `auto` to the client's locale. */
export function readSettings(raw: unknown, locale: string | undefined): Settings {
  const o = raw && typeof raw === 'object' ? raw as Record<string, unknown> : {};
  const strings = (v: unknown, d: string[]) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : d);
  const rules: Record<string, SeveritySetting> = {};
  if (o.rules && typeof o.rules === 'object') {
    for (const [k, v] of Object.entries(o.rules as Record<string, unknown>)) if (typeof v === 'string' && SEVERITIES.has(v)) rules[k] = v as SeveritySetting;
  }
  const lang = o.lang === 'nl' || o.lang === 'en' ? o.lang : o.lang === 'auto' ? (locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en') : undefined;
  const debounce = typeof o.debounceMs === 'number' && Number.isFinite(o.debounceMs) ? Math.min(5000, Math.max(0, o.debounceMs)) : DEFAULT_SETTINGS.debounceMs;
  return {
    enable: typeof o.enable === 'boolean' ? o.enable : true,
    languages: strings(o.languages, DEFAULT_SETTINGS.languages),
    glossaries: strings(o.glossaries, []),
    rules,
    lintOnType: typeof o.lintOnType === 'boolean' ? o.lintOnType : true,
    debounceMs: debounce,
    lang,
  };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** The settings pushed by a client that cannot be asked. */
  private pushed: unknown;

  constructor(
    /** Asks the client; undefined when it cannot be asked. */
    private readonly ask: ((uri: string) => Promise<unknown>) | undefined,
    private readonly locale: string | undefined,
    initial: unknown,
  ) {
    this.pushed = initial;
  }

  get(uri: string): Promise<Settings> {
    if (!this.ask) return Promise.resolve(readSettings(this.pushed, this.locale));
    let s = this.cache.get(uri);
    if (!s) {
      s = this.ask(uri).then((raw) => readSettings(raw, this.locale), () => readSettings(this.pushed, this.locale));
      this.cache.set(uri, s);
    }
    return s;
  }

  /** On `workspace/didChangeConfiguration`: `settings.rubric` where the client sent it. */
  changed(settings: unknown): void {
    const rubric = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).rubric : undefined;
    if (rubric !== undefined) this.pushed = rubric;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
