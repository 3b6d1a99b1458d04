/** A short published Kamerstuk letter (Markdown) for the structure rules' documented examples, with one part varied. */

export interface KamerstukExampleParts {
  /** The Den Haag line; null leaves it out. */
  denHaag?: string | null;
  signature?: string;
}

export function exampleKamerstuk(parts: KamerstukExampleParts = {}): string {
  return [
    'Tweede Kamer der Staten-Generaal', '',
    'Vergaderjaar 2013–2014', '',
    '31 999 Toezicht op de diensten', '',
    'Nr. 7 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES', '',
    'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal', '',
    ...(parts.denHaag === null ? [] : [parts.denHaag ?? 'Den Haag, 18 december 2013', '']),
    'De tekst van de brief.', '',
    parts.signature ?? 'De Minister van Binnenlandse Zaken en Koninkrijksrelaties,', '',
    'P.Q. de Wit',
  ].join('\n');
}
