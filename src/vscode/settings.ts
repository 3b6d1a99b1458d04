/** Rubric's settings, read per resource, typed, cached and dropped when they change. */

import * as vscode from 'vscode';
import type {Lang, SeveritySetting} from '../core/types.js';
import {resourceOf} from './convert.js';

export interface Settings {
  enable: boolean;
  languages: string[];
  glossaries: string[];
  rules: Record<string, SeveritySetting>;
  lintOnType: boolean;
  debounceMs: number;
  /** `rubric.lang` where the user set it (`auto` resolved to VS Code's display language); else `.rubric.yaml` decides. */
  lang: Lang | undefined;
}

export class SettingsCache implements vscode.Disposable {
  private readonly cache = new Map<string, Settings>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when any `rubric.*` setting changed. */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('rubric')) {
        this.cache.clear();
        this.emitter.fire();
      }
    });
  }

  get(uri: vscode.Uri | undefined): Settings {
    const resource = uri && resourceOf(uri);
    const folder = resource ? vscode.workspace.getWorkspaceFolder(resource) : undefined;
    const key = folder?.uri.toString() ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      const c = vscode.workspace.getConfiguration('rubric', folder?.uri ?? resource);
      // The setting's default must not hide `lang:` in .rubric.yaml: only a value the user set counts.
      const set = c.inspect<string>('lang');
      const lang = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
      settings = {
        enable: c.get<boolean>('enable', true),
        languages: c.get<string[]>('languages', ['markdown', 'plaintext']),
        glossaries: c.get<string[]>('glossaries', []),
        rules: c.get<Record<string, SeveritySetting>>('rules', {}),
        lintOnType: c.get<boolean>('lintOnType', true),
        debounceMs: Math.max(0, c.get<number>('debounceMs', 300)),
        lang: lang === undefined ? undefined : lang === 'nl' || lang === 'en' ? lang : vscode.env.language.startsWith('nl') ? 'nl' : 'en',
      };
      this.cache.set(key, settings);
    }
    return settings;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
