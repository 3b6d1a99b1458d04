/**
 * Word and OpenDocument files for the CLI: reading one into the text the
 * engine lints (with the map back to its paragraphs), and `--fix`: each fix
 * whose text lies within one text node is made in the XML, the document is
 * read and linted again, until no such fix is left; the package is then
 * written with only the changed XML parts replaced.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type {Finding} from '../../core/types.js';
import type {FixRefusal} from '../../core/office/location.js';
import type {OfficeContent} from '../../core/office/model.js';
import {officeText, planFindingFix, type NodeEdit, type OfficeText} from '../../core/office/text.js';
import {readDocx} from './docx.js';
import {OfficeError} from './errors.js';
import {say} from '../../core/types.js';
import {readOdt} from './odt.js';
import {OFFICE_EXTENSIONS, oleReason, openPackage, sniff, type OfficePackage} from './package.js';
import {patchZip, ZipPatchError} from './zipPatch.js';

export {OfficeError} from './errors.js';
export {OFFICE_EXTENSIONS} from './package.js';

/** Files larger than this are not read. */
export const MAX_OFFICE_BYTES = 64 * 1024 * 1024;

const tooLarge = () => say(`het bestand is groter dan ${MAX_OFFICE_BYTES / 1024 / 1024} MB; niet gelezen`, `file is larger than ${MAX_OFFICE_BYTES / 1024 / 1024} MB; not read`);

import {TEXT_EXTENSIONS} from './textExtensions.js';

export interface OfficeDocument {
  pkg: OfficePackage;
  content: OfficeContent;
  mapped: OfficeText;
}

/** The bytes of a regular file of at most MAX_OFFICE_BYTES. */
function readBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new OfficeError(file, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!stat.isFile()) throw new OfficeError(file, say('geen gewoon bestand; niet gelezen', 'not a regular file; not read'));
  if (stat.size > MAX_OFFICE_BYTES) throw new OfficeError(file, tooLarge());
  const bytes = fs.readFileSync(file);
  if (bytes.length > MAX_OFFICE_BYTES) throw new OfficeError(file, tooLarge());
  return bytes;
}

/** Reads the model and the linted text out of an opened package. */
export function readPackage(pkg: OfficePackage): OfficeDocument {
  const content = pkg.format === 'docx' ? readDocx(pkg) : readOdt(pkg);
  return {pkg, content, mapped: officeText(content)};
}

/**
 * Reads `file` as a Word or OpenDocument document when its name or its
 * bytes say it is one (or another binary format, which is an error);
 * undefined for a text file, which the text reader reads.
 */
export function readOffice(file: string): OfficeDocument | undefined {
  const ext = path.extname(file).toLowerCase();
  if (TEXT_EXTENSIONS.includes(ext)) return undefined;
  const office = OFFICE_EXTENSIONS.includes(ext);
  const bytes = readBytes(file);
  const kind = sniff(bytes);
  if (kind.kind === 'ole') throw new OfficeError(file, oleReason(bytes));
  if (kind.kind === 'binary') {
    throw new OfficeError(file, say(
      `${kind.what}, geen document dat Rubric leest (.docx, .docm, .odt, .md, .txt); niet gelezen`,
      `${kind.what}, not a document Rubric reads (.docx, .docm, .odt, .md, .txt); not read`,
    ));
  }
  if (kind.kind === 'text') {
    if (!office) return undefined;
    if (/^\s*\{\\rtf/.test(bytes.subarray(0, 16).toString('latin1'))) {
      throw new OfficeError(file, say(
        'een RTF-bestand, geen Word-document (.docx): sla op als .docx; niet gelezen',
        'an RTF file, not a Word (.docx) document: sla op als .docx (save as .docx); not read',
      ));
    }
    const kindName = ext === '.odt' ? 'OpenDocument' : 'Word';
    throw new OfficeError(file, say(
      `geen ${kindName}-document (het is geen zip-pakket: beschadigd, of een ander bestand met een andere naam); niet gelezen`,
      `not a ${kindName} document (it is no zip package; damaged, or another file renamed); not read`,
    ));
  }
  return readPackage(openPackage(file, bytes));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Applies text-node edits to the parts' XML; returns the new parts. */
function applyEdits(pkg: OfficePackage, edits: NodeEdit[]): Map<string, string> {
  // Per text node: its edits, right to left.
  const byNode = new Map<string, {part: string; start: number; end: number; text: string; edits: NodeEdit[]}>();
  for (const e of edits) {
    const node = e.piece.node!;
    const key = `${node.part}:${node.start}`;
    let entry = byNode.get(key);
    if (!entry) byNode.set(key, (entry = {part: node.part, start: node.start, end: node.end, text: e.piece.text, edits: []}));
    entry.edits.push(e);
  }
  const byPart = new Map<string, {start: number; end: number; content: string}[]>();
  for (const n of byNode.values()) {
    let text = n.text;
    for (const e of [...n.edits].sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
    const list = byPart.get(n.part) ?? [];
    list.push({start: n.start, end: n.end, content: escapeXml(text)});
    byPart.set(n.part, list);
  }
  const out = new Map<string, string>();
  for (const [part, list] of byPart) {
    let xml = pkg.parts.get(part)!.text;
    for (const r of list.sort((a, b) => b.start - a.start)) {
      let before = xml.slice(0, r.start);
      // Word drops leading and trailing spaces of a w:t without xml:space="preserve". (A text after a
      // comment or processing instruction in the w:t is not its first: the markup before it stays whole.)
      if (pkg.format === 'docx' && /^\s|\s$/.test(r.content)) {
        const tagStart = before.lastIndexOf('<');
        const tag = before.slice(tagStart);
        if (/^<[^!?/]/.test(tag) && !tag.includes('xml:space')) before = `${before.slice(0, -1)} xml:space="preserve">`;
      }
      xml = before + r.content + xml.slice(r.end);
    }
    out.set(part, xml);
  }
  return out;
}

export type NotAppliedReason = FixRefusal;

export interface OfficeFixResult {
  /** The fixed document (as read again), and its findings. */
  doc: OfficeDocument;
  findings: Finding[];
  applied: number;
  /** The package's new bytes, when a fix was applied. */
  bytes?: Buffer;
  /** Why the fix of a finding (by index in `findings`) was not applied. */
  notApplied: Map<Finding, NotAppliedReason>;
}

/** Lints and fixes `doc` to a fixed point (at most `passes` rounds); writes nothing. */
export function fixOffice(doc: OfficeDocument, lint: (text: string) => Finding[], passes = 10, include: (finding: Finding) => boolean = () => true): OfficeFixResult {
  let current = doc;
  let findings = lint(current.mapped.text);
  let applied = 0;
  const changed = new Map<string, string>();
  for (let pass = 0; pass < passes; pass++) {
    const edits: NodeEdit[] = [];
    let end = -1;
    let count = 0;
    for (const f of [...findings].filter((x) => x.fix && include(x)).sort((a, b) => a.fix!.start - b.fix!.start)) {
      if (f.fix!.start < end || current.mapped.text.slice(f.fix!.start, f.fix!.end) === f.fix!.text) continue;
      const plan = planFindingFix(current.mapped, f.fix!);
      if (!('edits' in plan)) continue;
      edits.push(...plan.edits);
      end = f.fix!.end;
      count++;
    }
    if (count === 0) break;
    const parts = applyEdits(current.pkg, edits);
    const nextParts = new Map(current.pkg.parts);
    for (const [name, text] of parts) {
      nextParts.set(name, {...current.pkg.parts.get(name)!, text});
      changed.set(name, text);
    }
    current = readPackage({...current.pkg, parts: nextParts});
    findings = lint(current.mapped.text);
    applied += count;
  }
  const notApplied = new Map<Finding, NotAppliedReason>();
  for (const f of findings) {
    // A fix left out on purpose (raising the classification) was not tried, so it has no reason here.
    if (!f.fix || !include(f)) continue;
    const plan = planFindingFix(current.mapped, f.fix);
    notApplied.set(f, 'reason' in plan ? plan.reason : 'runs');
  }
  let bytes: Buffer | undefined;
  if (changed.size > 0) {
    const replace = new Map<string, Uint8Array>();
    for (const [name, text] of changed) {
      if (current.pkg.parts.get(name)!.utf16) throw new OfficeError(doc.pkg.file, `${name} is UTF-16, which Rubric does not rewrite; not written`);
      const bom = current.pkg.parts.get(name)!.bom;
      replace.set(name, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]));
    }
    try {
      bytes = patchZip(doc.pkg.bytes, replace);
    } catch (e) {
      if (e instanceof ZipPatchError) throw new OfficeError(doc.pkg.file, `cannot rewrite the package (${e.message}); not written`);
      throw e;
    }
  }
  return {doc: current, findings, applied, ...(bytes ? {bytes} : {}), notApplied};
}
