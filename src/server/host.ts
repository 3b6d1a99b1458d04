/**
 * What the language server needs of the platform it runs on: files and the
 * configuration in Node (src/server/node.ts), the built-in data alone in a web
 * worker (src/server/browser.ts). The server's core (server.ts) reaches files
 * only through this, so that it runs in both.
 */

import type {Engine, Finding, FixRefusal, InputProblem, Lang, Localized, OfficeText, SeveritySetting} from '../core/index.js';

export interface EngineOptions {
  /** The configuration file to use (found by the server through `findConfig`, cached per folder). */
  configFile?: string;
  /** Extra glossary files, from the settings. */
  glossaries: string[];
  rules: Record<string, SeveritySetting>;
  lang?: Lang;
  /** Read nothing from the workspace (an untrusted workspace, or a host without files). */
  builtinOnly: boolean;
}

export interface LoadedEngine {
  engine: Engine;
  problems: InputProblem[];
  /** The files the engine was built from, as paths: a change to one of them reloads it. */
  files: string[];
}

/** A Word or OpenDocument file as read: its text with the map back to its paragraphs, or why it cannot be read. */
export type OfficeRead = {text: OfficeText; trackedChanges: boolean} | {error: Localized};

/** What fixing an Office file did: how many fixes were made, the fixes left with why, and the text after. */
export type OfficeFixed = {applied: number; notApplied: [Finding, FixRefusal][]; text: OfficeText} | {error: Localized};

/** Word and OpenDocument files, where the host has files (Node: src/node/office/). */
export interface OfficeFiles {
  read(file: string): OfficeRead;
  /**
   * Makes the fixes of the findings `include` accepts in the file, each only where its text lies within one
   * run, to a fixed point of at most `passes` rounds of `lint`; writes the file (atomically) when one was made.
   */
  fix(file: string, lint: (text: string) => Finding[], include: (f: Finding) => boolean, passes: number): OfficeFixed;
}

export interface ServerHost {
  /** Word and OpenDocument files; undefined in a host without files (the browser). */
  office?: OfficeFiles;
  /** The file path of a `file:` URI; undefined for any other document (a new one, or a host without files). */
  pathOf(uri: string): string | undefined;
  uriOf(file: string): string;
  /** The folder of a file path. */
  dirname(file: string): string;
  /** The nearest `.rubric.yaml` in the folder or above it. */
  findConfig(dir: string): string | undefined;
  /** An engine for a document at `file` (a made-up name in the workspace folder for a new document). */
  loadEngine(file: string | undefined, options: EngineOptions): LoadedEngine;
  /** The text of a file, or undefined when it cannot be read. */
  readFile(file: string): string | undefined;
  /** Replaces a file's text safely (its encoding and line endings kept); throws with the reason when it cannot. */
  writeFile(file: string, text: string): void;
  /** Where an `ignore:` entry for `file` goes: the nearest `.rubric.yaml`, else a new one in `folder`; and the file's name relative to it. */
  ignoreTarget(file: string, folder: string | undefined): {configFile: string; relative: string};
  /** The documents Rubric lints under these folders (Markdown and text, without node_modules and .git). */
  listDocuments(folders: string[], cancelled: () => boolean): string[];
  /** Whether a glossary file is one of Rubric's built-in data (not the writer's to edit). */
  isBuiltinFile(file: string): boolean;
  /** The glossaries the nearest `.rubric.yaml` above `file` names, and that configuration (or where a new one goes, in `folder`). */
  workspaceGlossaries(file: string, folder: string | undefined): {configFile: string; configExists: boolean; files: string[]};
  /** A path as a configuration names it: relative to the configuration's folder, with `/`. */
  relativePath(configFile: string, file: string): string;
  /** Applies `change` to a file's text and writes it back safely (made when missing); throws with the reason when it cannot. */
  editTextFile(file: string, change: (text: string) => string): void;
  /** The URI of a rule's page (`Finding.url`, relative to Rubric's installation), for the link in a diagnostic. */
  pageUri(url: string): string | undefined;
}
