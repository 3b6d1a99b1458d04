/**
 * Rubric inside a real extension host, through VS Code's own API: the same
 * calls the editor makes for the Problems panel, quick fixes, hover,
 * completion and the outline. Waits on events with time limits, never sleeps.
 */

import {strict as assert} from 'node:assert';
import * as vscode from 'vscode';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const file = (name: string) => vscode.Uri.joinPath(folder(), name);

/** Resolves with the URI's diagnostics once `ok` holds for them; rejects after `ms`. */
function diagnostics(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, ms = 15000, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri);
      if (ok(d)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what} for ${uri.path} not as expected within ${ms} ms; got: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((x) => [code(x), x.message]))}`));
    }, ms);
    check();
  });
}

const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const withRule = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => code(d) === rule);

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(name));
  return vscode.window.showTextDocument(doc);
}

function positionOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${doc.uri.path}`);
  return doc.positionAt(at + 1);
}

describe('Rubric in the extension host', () => {
  it('activates and lints an opened draft: source Rubric, rule ids as codes linking to the rule page', async () => {
    const editor = await open('draft.md');
    const ds = await diagnostics(editor.document.uri, withRule('term/variant'));
    const variant = ds.find((d) => code(d) === 'term/variant' && d.message.includes('WIV2017'))!;
    assert.ok(variant, 'no finding on WIV2017');
    assert.equal(variant.source, 'Rubric');
    assert.equal(variant.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(variant.range), 'WIV2017');
    const target = (variant.code as {target: vscode.Uri}).target;
    assert.match(target.path, /docs\/rules\/term-variant\.md$/);
    await vscode.workspace.fs.stat(target);
    assert.ok(ds.some((d) => code(d) === 'term/deprecated'));
    assert.ok(ds.some((d) => code(d) === 'marking/invalid'), 'the wrong banner form is reported');
  });

  it('a quick fix changes only its own range, and undo restores the text', async () => {
    const editor = await open('draft.md');
    const doc = editor.document;
    const before = doc.getText();
    const ds = await diagnostics(doc.uri, withRule('term/variant'));
    const d = ds.find((x) => doc.getText(x.range) === 'ambts-bericht')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.title.includes('ambtsbericht'));
    assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const start = doc.offsetAt(d.range.start);
    assert.equal(doc.getText(), `${before.slice(0, start)}ambtsbericht${before.slice(start + 'ambts-bericht'.length)}`);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  });

  it('offers "disable this rule on this line", which silences it there', async () => {
    const editor = await open('draft.md');
    const doc = editor.document;
    const before = doc.getText();
    const ds = await diagnostics(doc.uri, withRule('term/deprecated'));
    const d = ds.find((x) => code(x) === 'term/deprecated')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const disable = actions.find((a) => a.title.includes('term/deprecated') && a.title.toLowerCase().includes('disable'));
    assert.ok(disable?.edit, `no disable action among ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(disable.edit);
    await diagnostics(doc.uri, (x) => !withRule('term/deprecated')(x), 15000, 'no term/deprecated');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  });

  it('fixes everything with source.fixAll.rubric, leaving no fixable finding', async () => {
    const editor = await open('fixall.md');
    const doc = editor.document;
    await diagnostics(doc.uri, (x) => x.length >= 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), 'source.fixAll.rubric');
    const all = actions.find((a) => a.kind?.value === 'source.fixAll.rubric');
    assert.ok(all?.edit);
    await vscode.workspace.applyEdit(all.edit);
    assert.equal(doc.getText(), 'De Wiv 2017 en het ambtsbericht van de AIVD.\n');
    await diagnostics(doc.uri, (x) => x.every((d) => code(d) === 'term/acronym-undefined'));
    await vscode.commands.executeCommand('undo');
  });

  it('hovers a glossary term and a marking', async () => {
    const editor = await open('draft.md');
    const doc = editor.document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'inlichtingenofficier'));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /inlichtingenofficier/);
    assert.match(text, /Medewerker|medewerker|officier/i);
    const marking = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '(Stg.C)'));
    const mtext = marking.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(mtext, /CONFIDENTIEEL/);
    assert.match(mtext, /NATO CONFIDENTIAL/);
  });

  it('completes terms and their introductions', async () => {
    const editor = await open('empty.md');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'De Toetsings'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 12));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Toetsingscommissie Inzet Bevoegdheden (TIB)'), labels.slice(0, 20).join(', '));
    assert.ok(labels.includes('Stg. GEHEIM'));
    await vscode.commands.executeCommand('undo');
  });

  it('outlines a Kamerbrief: address, fields, sections with their classification, signature', async () => {
    const editor = await open('brief.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const flat: string[] = [];
    const walk = (s: vscode.DocumentSymbol[], depth: number) => s.forEach((x) => {
      flat.push(`${'  '.repeat(depth)}${x.name}${x.detail ? ` [${x.detail}]` : ''}`);
      walk(x.children, depth + 1);
    });
    walk(symbols, 0);
    const joined = flat.join('\n');
    assert.match(joined, /Datum \[17 maart 2025\]/);
    assert.match(joined, /Betreft/);
    assert.match(joined, /Controle van verklaringen \[Stg\. CONFIDENTIEEL\]/);
    assert.match(joined, /Tot slot/);
  });

  it('relints after typing', async () => {
    const editor = await open('typing.md');
    const doc = editor.document;
    await diagnostics(doc.uri, (x) => x.length === 0, 15000, 'a clean start');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'De BVD. '));
    await diagnostics(doc.uri, withRule('term/deprecated'));
    await vscode.commands.executeCommand('undo');
    await diagnostics(doc.uri, (x) => x.length === 0, 15000, 'clean again');
  });

  it('takes rule severities from the settings', async () => {
    const editor = await open('draft.md');
    const config = vscode.workspace.getConfiguration('rubric', folder());
    await config.update('rules', {'term/variant': 'error'}, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnostics(editor.document.uri, (x) => x.some((d) => code(d) === 'term/variant' && d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnostics(editor.document.uri, (x) => x.some((d) => code(d) === 'term/variant' && d.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('keeps the last good configuration when .rubric.yaml breaks, and shows where it broke', async () => {
    const editor = await open('draft.md');
    const uri = editor.document.uri;
    // The workspace glossary (codes.yaml via .rubric.yaml) makes "Koper Wiek" a variant of KOPERWIEK.
    await diagnostics(uri, (x) => x.some((d) => d.message.includes('KOPERWIEK')));
    const configUri = file('.rubric.yaml');
    const good = await vscode.workspace.fs.readFile(configUri);
    await vscode.workspace.fs.writeFile(configUri, Buffer.from('glossaries: [codes.yaml]\nrules:\n  term/variant: loud\n'));
    try {
      const problems = await diagnostics(configUri, (x) => x.length > 0, 15000, '.rubric.yaml problems');
      assert.equal(problems[0].range.start.line, 2);
      assert.match(problems[0].message, /off, info, warning, error/);
      await diagnostics(uri, (x) => x.some((d) => d.message.includes('KOPERWIEK')));
    } finally {
      await vscode.workspace.fs.writeFile(configUri, good);
    }
    await diagnostics(configUri, (x) => x.length === 0, 15000, 'no .rubric.yaml problems');
  });

  it('lints the whole workspace into the Problems panel', async () => {
    await vscode.commands.executeCommand('rubric.lintWorkspace');
    await diagnostics(file('notitie.txt'), withRule('term/variant'));
  });

  it('inserts today’s date in Dutch', async () => {
    const editor = await open('empty.md');
    await vscode.commands.executeCommand('rubric.insertDate');
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    const now = new Date();
    assert.equal(editor.document.getText(), `${now.getDate()} ${months[now.getMonth()]} ${now.getFullYear()}`);
    await vscode.commands.executeCommand('undo');
  });

  it('clears a document’s diagnostics when it closes', async () => {
    const doc = await vscode.workspace.openTextDocument({language: 'markdown', content: 'De WIV2017.\n'});
    await vscode.window.showTextDocument(doc);
    await diagnostics(doc.uri, (x) => x.length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await diagnostics(doc.uri, (x) => x.length === 0, 15000, 'cleared diagnostics');
  });
});
