/**
 * Which engine lints a document: the built-in data, the nearest `.rubric.yaml`
 * (looked up once per folder, until the watcher reports a change) and its
 * glossaries, and the settings. Engines are cached per configuration; a broken
 * configuration or glossary is reported on its own file while linting goes on
 * with the last good engine.
 */

import type {Engine, InputProblem} from '../core/index.js';
import {formatProblem} from '../core/index.js';
import {editorText as t} from '../core/editorTexts.js';
import type {ServerHost} from './host.js';
import type {Settings} from './settings.js';
import {langOf, glossaryEntries} from '../core/index.js';

export interface EngineEvents {
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** The problems of every input loaded since the last reset, per file path; `newErrors` when a load just failed. */
  problems(byFile: Map<string, InputProblem[]>, newErrors: boolean, lang: 'nl' | 'en'): void;
}

export class EngineCache {
  private readonly engines = new Map<string, Engine>();
  private readonly lastGood = new Map<string, Engine>();
  private readonly problemsByKey = new Map<string, InputProblem[]>();
  /** The configuration file per folder (null: none), until a configuration file appears or goes. */
  private readonly configs = new Map<string, string | null>();
  /** Files engines were built from: a change to one of them drops the engines. */
  private readonly watched = new Set<string>();
  /** Incremented by every reset: a result from an older generation is out of date. */
  generation = 0;

  constructor(private readonly host: ServerHost, private readonly events: EngineEvents, private readonly builtinOnly: boolean) {}

  /** Whether a change to this file concerns an engine (a configuration anywhere, or a file one was built from). */
  concerns(file: string): boolean {
    return /(^|[\\/])\.rubric\.yaml$/.test(file) || this.watched.has(file);
  }

  /** Drops every engine and the configuration lookups. */
  reset(): void {
    this.engines.clear();
    this.problemsByKey.clear();
    this.configs.clear();
    this.generation++;
  }

  /** The configuration for a document in `dir`, cached per folder. */
  private configFor(dir: string): string | undefined {
    let found = this.configs.get(dir);
    if (found === undefined) {
      found = this.host.findConfig(dir) ?? null;
      this.configs.set(dir, found);
    }
    return found ?? undefined;
  }

  /** The engine for a document (its path, or a made-up one in the workspace folder); never throws. */
  forFile(file: string | undefined, settings: Settings): Engine {
    const configFile = file && !this.builtinOnly ? this.configFor(this.host.dirname(file)) : undefined;
    const key = JSON.stringify([configFile ?? '', settings.glossaries, settings.rules, settings.lang ?? '', this.builtinOnly]);
    let engine = this.engines.get(key);
    if (engine) return engine;
    const started = Date.now();
    const loaded = this.host.loadEngine(file, {
      ...(configFile ? {configFile} : {}), glossaries: settings.glossaries, rules: settings.rules, builtinOnly: this.builtinOnly,
      ...(settings.lang ? {lang: settings.lang} : {}),
    });
    loaded.files.forEach((f) => this.watched.add(f));
    const broken = loaded.problems.some((p) => p.severity === 'error');
    const lastGood = broken ? this.lastGood.get(key) : undefined;
    engine = lastGood ?? loaded.engine;
    if (!broken) this.lastGood.set(key, engine);
    const lang = langOf(loaded.engine);
    for (const p of loaded.problems) this.events.log(p.severity === 'error' ? 'error' : 'warn', formatProblem(p, lang));
    if (lastGood) {
      // The log names the engine that lints, not the one the broken file would have made.
      this.events.log('warn', t(lang, 'logBroken'));
      this.events.log('info', t(lang, 'logKept', glossaryEntries(lastGood).length));
    } else {
      const what = this.builtinOnly ? t(lang, 'logUntrusted') : configFile ? t(lang, 'logConfig', configFile) : t(lang, 'logNoConfig');
      this.events.log('info', t(lang, 'logEngine', Date.now() - started, what, glossaryEntries(loaded.engine).length, loaded.files.length ? loaded.files.join(', ') : t(lang, 'logNone'), lang));
      if (broken) this.events.log('warn', t(lang, 'logBrokenFirst'));
    }
    this.problemsByKey.set(key, loaded.problems);
    this.events.problems(this.problemsByFile(), broken, lang);
    this.engines.set(key, engine);
    return engine;
  }

  private problemsByFile(): Map<string, InputProblem[]> {
    const seen = new Set<string>();
    const byFile = new Map<string, InputProblem[]>();
    for (const p of [...this.problemsByKey.values()].flat()) {
      const id = `${p.file}:${p.line}:${p.column}:${p.message.en}`;
      if (seen.has(id)) continue;
      seen.add(id);
      byFile.set(p.file, [...byFile.get(p.file) ?? [], p]);
    }
    return byFile;
  }
}
