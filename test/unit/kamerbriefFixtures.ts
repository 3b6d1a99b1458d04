/** Shared by the kamerbrief*.test.ts files: the engine with the built-in data, and letters to lint. */

import * as fs from 'node:fs';
import type {Engine} from '../../src/core/engine.js';
import {fixAll} from '../../src/core/fix.js';
import type {DocumentLanguage, Finding} from '../../src/core/types.js';
import {loadEngine} from '../../src/node/files.js';
import {CORPUS_LETTER, corpusText, OWN_LETTER_MD, OWN_LETTER_TXT} from '../corpus.js';

/** The project's own letter (invented content) as a Markdown draft and as the plain text of a sent PDF. */
export const MARKDOWN_LETTER = OWN_LETTER_MD;
export const PLAIN_LETTER = OWN_LETTER_TXT;

export const markdownText = (): string => fs.readFileSync(MARKDOWN_LETTER, 'utf8');
export const plainText = (): string => fs.readFileSync(PLAIN_LETTER, 'utf8');
/** The published letter in ../shared/corpus: only in tests that call `needsCorpus(this, CORPUS_LETTER)` first. */
export const corpusLetter = (): string => corpusText(CORPUS_LETTER);

let engine: Engine | undefined;

/** The built-in glossary, markings and Kamerbrief data, no workspace configuration. */
export function builtin(): Engine {
  return (engine ??= loadEngine(MARKDOWN_LETTER, {builtinOnly: true}).engine);
}

export function structure(findings: Finding[], rule?: string): Finding[] {
  return findings.filter((f) => (rule ? f.rule === rule : f.rule.startsWith('structure/')));
}

/** `rule@line:col actual` (1-based) of the structure findings. */
export function lintStructure(text: string, language: DocumentLanguage = 'plaintext', e: Engine = builtin()): string[] {
  return structure(e.lint(text, language).findings).map((f) => `${f.rule}@${f.line + 1}:${f.column + 1} ${f.actual ?? ''}`.trim());
}

/** Applies every fix and returns the text with the structure findings left over. */
export function fixStructure(text: string, language: DocumentLanguage = 'plaintext', e: Engine = builtin()): {text: string; left: Finding[]} {
  const fixed = fixAll(e, text, language);
  return {text: fixed.text, left: structure(fixed.findings)};
}

export interface LetterParts {
  address?: string[] | null;
  datum?: string | null;
  betreft?: string | null;
  extraFields?: string[];
  salutation?: string | null;
  body?: string[];
  signature?: string[] | null;
  frontMatter?: string;
  /** Markdown: hard breaks in the address and field blocks. */
  markdown?: boolean;
}

export const ADDRESS = ['Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', 'Postbus 20018', '2500 EA Den Haag'];

/** A letter in plain text (or Markdown), every part replaceable; `null` leaves a part out. */
export function letter(p: LetterParts = {}): string {
  const br = p.markdown ? '\\' : '';
  const block = (lines: string[]) => lines.map((l, i) => (i < lines.length - 1 ? l + br : l)).join('\n');
  const parts: string[] = [];
  if (p.frontMatter !== undefined) parts.push(`---\n${p.frontMatter}\n---`);
  if (p.address !== null) parts.push(block(p.address ?? ADDRESS));
  const fields = [
    ...(p.datum === null ? [] : [`Datum ${p.datum ?? '10 december 2020'}`]),
    ...(p.betreft === null ? [] : [`Betreft ${p.betreft ?? 'Vervalste verklaringen van geen bezwaar bij een beveiligingsbedrijf'}`]),
    ...(p.extraFields ?? []),
  ];
  if (fields.length) parts.push(block(fields));
  if (p.salutation !== null) parts.push(p.salutation ?? 'Geachte voorzitter,');
  parts.push(...(p.body ?? ['Hierbij informeer ik u over de controle van verklaringen van geen bezwaar.']));
  if (p.signature !== null) parts.push(...(p.signature ?? ['De minister van Binnenlandse Zaken en Koninkrijksrelaties,', 'drs. K.H. Ollongren']));
  return `${parts.join('\n\n')}\n`;
}
