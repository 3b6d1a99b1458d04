/**
 * Image captions in texts copied from a web page: a short line under a
 * picture, followed by its credit (`Beeld: ©ANP`), or numbered (`Figuur 3 …`).
 * They look like titles (short, capitalised, no full stop) but open no section.
 */

/** A credit line under a picture. */
const CREDIT = /^\s*(?:beeld|foto|foto's|fotografie|illustratie|afbeelding|bron afbeelding|image|photo|picture|credit)\s*:/i;
/** A numbered caption. */
const NUMBERED = /^\s*(?:figuur|afbeelding|tabel|grafiek|kaart|foto|figure|table|image|map)\s+\d+\b/i;

/** Whether the line at [start, end) of `text` is an image caption rather than a title. */
export function isCaption(text: string, start: number, end: number): boolean {
  if (NUMBERED.test(text.slice(start, end))) return true;
  // The credit on the next line (the same paragraph), or on the line before (a credit above the caption is rare but seen).
  let next = end;
  if (text[next] === '\r') next++;
  if (text[next] === '\n') next++;
  const nextEnd = lineEnd(text, next);
  if (next > end && CREDIT.test(text.slice(next, nextEnd))) return true;
  return false;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}
