/**
 * `rubric check` on a Word (.docx, .docm) or OpenDocument (.odt) file: the
 * findings of its text with the place of each in the document, and
 * `--fix` in the XML (src/node/office/). Every problem with the file itself
 * is an error naming it (exit 2), and then nothing is written.
 */

import * as path from 'node:path';
import {fixOffice, OfficeError, readOffice, type NotAppliedReason, type OfficeDocument} from '../node/office/index.js';
import {writePackageAtomically} from '../node/office/write.js';
import type {CheckedFinding, FileOutcome} from './checkFile.js';
import {raiseOutcome} from './raise.js';
import {fixRaisesClassification, langOf, locate, notAppliedText, type Engine, type Finding, type Lang} from '../core/index.js';

const TRACKED: Record<Lang, string> = {
  nl: 'het document heeft niet-geaccepteerde bijgehouden wijzigingen; Rubric leest het alsof ze zijn geaccepteerd',
  en: 'the document has tracked changes that were not accepted; Rubric reads it as if they were',
};

function located(doc: OfficeDocument, findings: Finding[], notApplied?: Map<Finding, NotAppliedReason>, lang: Lang = 'nl'): CheckedFinding[] {
  return findings.map((f) => {
    const location = locate(doc.mapped, f.start, f.end);
    const reason = notApplied?.get(f);
    return {...f, ...(location ? {location} : {}), ...(reason ? {fixNotApplied: notAppliedText(reason, lang)} : {})};
  });
}

/**
 * The outcome of checking `file` when it is a Word or OpenDocument file (or
 * another binary format, which is an error); undefined for a text file.
 */
export function checkOfficeFile(file: string, engine: Engine, fix: boolean, raise = false): FileOutcome | undefined {
  const lang = langOf(engine);
  let doc: OfficeDocument | undefined;
  try {
    doc = readOffice(file);
  } catch (e) {
    if (e instanceof OfficeError) return {file, findings: [], fixed: 0, error: `${e.file}: ${e.said[lang]}`};
    throw e;
  }
  if (!doc) return undefined;
  const notices = doc.content.trackedChanges ? [`${file}: ${TRACKED[lang]}`] : [];
  // The absolute path, for the configuration's `ignore:` entries.
  const where = path.resolve(file);
  const lint = (text: string) => engine.lint(text, 'markdown', where).findings;
  if (!fix) return {file, findings: located(doc, lint(doc.mapped.text)), fixed: 0, ...(notices.length ? {notices} : {})};
  try {
    const first = lint(doc.mapped.text);
    const result = fixOffice(doc, lint, 10, raise ? undefined : (f) => !fixRaisesClassification(f));
    if (result.bytes) writePackageAtomically(file, doc.pkg.bytes, result.bytes);
    return {
      file, findings: located(result.doc, result.findings, result.notApplied, lang), fixed: result.bytes ? result.applied : 0,
      ...raiseOutcome(first, result.findings, raise),
      ...(notices.length ? {notices} : {}),
    };
  } catch (e) {
    if (!(e instanceof OfficeError)) throw e;
    // Nothing was written: the findings are those of the file as it is.
    return {file, findings: located(doc, lint(doc.mapped.text)), fixed: 0, error: `${e.file}: ${e.said[lang]}`, ...(notices.length ? {notices} : {})};
  }
}
