import type {Localized} from '../../core/types.js';

/** Why a Word or OpenDocument file cannot be read or written; the message names the file. Exit 2, nothing written. */
export class OfficeError extends Error {
  /** The reason in both languages (a reason given as one string is the same in both). */
  readonly said: Localized;

  constructor(readonly file: string, reason: string | Localized) {
    const said = typeof reason === 'string' ? {nl: reason, en: reason} : reason;
    super(`${file}: ${said.en}`);
    this.name = 'OfficeError';
    this.said = said;
  }

  /** The reason, in English. */
  get reason(): string {
    return this.said.en;
  }
}
