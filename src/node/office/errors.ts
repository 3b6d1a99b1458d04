/** Why a Word or OpenDocument file cannot be read or written; the message names the file. Exit 2, nothing written. */
export class OfficeError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'OfficeError';
  }
}
