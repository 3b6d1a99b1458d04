/**
 * The document that is the text of a Word or OpenDocument file in an editor (src/vscode/officeView.ts):
 * `rubric-office:/path/nota.docx.md` for `file:///path/nota.docx`, a read-only Markdown document that
 * the language server lints like any other, with the Office file's configuration and `ignore:` entries.
 */

export const OFFICE_SCHEME = 'rubric-office';

/** The `file:` URI of the Office file whose text `uri` is; undefined for any other URI. */
export function officeFileOf(uri: string): string | undefined {
  if (!uri.startsWith(`${OFFICE_SCHEME}:`)) return undefined;
  const path = uri.slice(OFFICE_SCHEME.length + 1).replace(/^\/\//, '').replace(/\.md$/, '');
  return `file://${path.startsWith('/') ? '' : '/'}${path}`;
}
