/**
 * The Office view's part that is there from activation (src/vscode/officeView.ts is the rest, bundled
 * apart as dist/office.js with the readers and an engine, and loaded when an Office file or its text is
 * first opened): the custom editor for `.docx`, `.docm`, `.odt` and `.doc`, and *Rubric: Open document
 * text*. The extension itself stays a small language client.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import {OFFICE_SCHEME} from '../core/office/textUri.js';

type OfficeView = ReturnType<typeof import('./officeView.js').registerOfficeView>;

export function registerOfficeEntry(context: vscode.ExtensionContext): void {
  let view: OfficeView | undefined;
  const load = (): OfficeView => {
    // A path esbuild does not follow: the module is its own bundle beside this one.
    view ??= (require(path.join(__dirname, 'office.js')) as typeof import('./officeView.js')).registerOfficeView(context);
    return view;
  };
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider('rubric.officeDocument', {
      openCustomDocument: (uri) => ({uri, dispose: () => undefined}),
      resolveCustomEditor: (document, panel, token) => load().editor.resolveCustomEditor(document, panel, token),
    }),
    vscode.commands.registerCommand('rubric.openDocumentText', (uri?: vscode.Uri) => load().openDocumentText(uri)),
  );
  // A text restored with the window needs its provider at once.
  const restored = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === OFFICE_SCHEME));
  if (restored) load();
}
