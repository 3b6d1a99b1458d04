/** A short Markdown letter for the structure rules' documented examples, with one part varied. */

export interface ExampleParts {
  address?: string[];
  datum?: string;
  body?: string;
  signature?: string;
}

export function exampleLetter(parts: ExampleParts = {}): string {
  const address = parts.address ?? ['Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', 'Postbus 20018', '2500 EA Den Haag'];
  return [
    ...address.map((l, i) => (i < address.length - 1 ? `${l}\\` : l)),
    '',
    `Datum ${parts.datum ?? '17 maart 2025'}\\`,
    'Betreft Voorbeeld',
    '',
    parts.body ?? 'De tekst van de brief.',
    '',
    parts.signature ?? 'De minister van Defensie,',
    '',
    'A.B. Jansen',
  ].join('\n');
}
