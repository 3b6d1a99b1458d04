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
    // The rule id links to the rule's page, shown rendered and read-only (a Markdown preview, not the .md source).
    const target = (variant.code as {target: vscode.Uri}).target;
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'rubric.showRule');
    assert.deepEqual(JSON.parse(decodeURIComponent(target.query)), ['term/variant']);
    assert.ok(ds.some((d) => code(d) === 'term/deprecated'));
    assert.ok(ds.some((d) => code(d) === 'marking/invalid'), 'the wrong banner form is reported');
  });

  it('a quick fix changes only its own range, and undo restores the text', async () => {
    const editor = await open('draft.md');
    const doc = editor.document;
    const before = doc.getText();
    const ds = await diagnostics(doc.uri, withRule('term/variant'));
    const d = ds.find((x) => doc.getText(x.range) === 'ambts-bericht')!;
    // The quick fixes come from the lint, which may still be finishing when the diagnostics arrive: ask again, within a limit.
    let actions: vscode.CodeAction[] = [];
    let fix: vscode.CodeAction | undefined;
    for (const deadline = Date.now() + 10000; !fix?.edit && Date.now() < deadline;) {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
      fix = actions.find((a) => a.kind?.value === 'quickfix' && a.title.includes('ambtsbericht'));
      if (!fix?.edit) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const start = doc.offsetAt(d.range.start);
    assert.equal(doc.getText(), `${before.slice(0, start)}ambtsbericht${before.slice(start + 'ambts-bericht'.length)}`);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  });

  it('offers "disable this rule on the next line" in Markdown, labelled as a comment in the document, after the fixes', async () => {
    const editor = await open('draft.md');
    const doc = editor.document;
    const before = doc.getText();
    const ds = await diagnostics(doc.uri, withRule('term/deprecated'));
    const d = ds.find((x) => code(x) === 'term/deprecated')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const inserts = (a: vscode.CodeAction) => a.edit?.entries().some(([, edits]) => edits.some((e) => e.newText.includes('rubric-disable-next-line term/deprecated')));
    const disable = actions.find(inserts);
    assert.match(disable?.title ?? '', /term\/deprecated uitzetten voor de volgende regel \(HTML-commentaar in het document\)/);
    assert.ok(actions.findIndex(inserts) > actions.findIndex((a) => a.isPreferred), `the fix comes first: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(disable?.edit, `no disable action among ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(disable.edit);
    await diagnostics(doc.uri, (x) => !withRule('term/deprecated')(x), 15000, 'no term/deprecated');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  });

  it('fixes everything with source.fixAll.rubric, to the same fixed point as rubric check --fix', async () => {
    const editor = await open('fixall.md');
    const doc = editor.document;
    await diagnostics(doc.uri, (x) => x.length >= 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), 'source.fixAll.rubric');
    const all = actions.find((a) => a.kind?.value === 'source.fixAll.rubric');
    assert.ok(all?.edit);
    await vscode.workspace.applyEdit(all.edit);
    // In one action: the acronym written out once the variant is fixed, as `rubric check --fix` does.
    assert.equal(doc.getText(), 'De Wet op de inlichtingen- en veiligheidsdiensten 2017 (Wiv 2017) en het ambtsbericht van de AIVD.\n');
    await diagnostics(doc.uri, (x) => x.length === 0, 15000, 'no finding left');
    await vscode.commands.executeCommand('undo');
  });

  it('hovers a glossary term and a marking', async () => {
    const editor = await open('draft.md');
    const doc = editor.document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'inlichtingenofficier'));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /inlichtingenofficier/);
    // The entry's definition and source, not only the word hovered.
    assert.match(text, /Medewerker van een inlichtingendienst die inlichtingen verzamelt/);
    assert.match(text, /Kamerbrief 10 december 2020/);
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

  it('outlines a plain-text Kamerbrief: address, fields, sections with their classification, signature, in Dutch', async () => {
    const editor = await open('brief.txt');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const flat: string[] = [];
    const walk = (s: vscode.DocumentSymbol[], depth: number) => s.forEach((x) => {
      flat.push(`${'  '.repeat(depth)}${x.name}${x.detail ? ` [${x.detail}]` : ''}`);
      walk(x.children, depth + 1);
    });
    walk(symbols, 0);
    const joined = flat.join('\n');
    assert.match(joined, /^Kamerbrief · 17 maart 2025 \(veld Datum\) \[herkend\]$/m);
    assert.match(joined, /^Adresblok \[Aan de Voorzitter/m);
    assert.match(joined, /^Ondertekening \[/m);
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

  it('says what is wrong in .rubric.yaml in the writer’s terms and language, with the nearest key or rule id', async () => {
    await open('draft.md');
    const configUri = file('.rubric.yaml');
    const good = await vscode.workspace.fs.readFile(configUri);
    await vscode.workspace.fs.writeFile(configUri, Buffer.from('glossaries: [codes.yaml]\nrules:\n  wellKnown: [OM]\n  term/varient: error\n'));
    try {
      const problems = await diagnostics(configUri, (x) => x.length === 2, 15000, '.rubric.yaml problems');
      assert.deepEqual(problems.map((p) => [p.range.start.line, p.message]), [
        [2, '«wellKnown» is geen regel-id; hoort het niet op het hoogste niveau, in plaats van onder «rules»? (rules.wellKnown)'],
        [3, '«term/varient» is geen regel-id; bedoelt u «term/variant»? (rules.term/varient)'],
      ]);
      // With rubric.lang set to English, the same problems in English.
      const config = vscode.workspace.getConfiguration('rubric', folder());
      await config.update('lang', 'en', vscode.ConfigurationTarget.Workspace);
      try {
        const english = await diagnostics(configUri, (x) => x.length === 2 && x[0].message.startsWith('"'), 15000, 'English .rubric.yaml problems');
        assert.equal(english[1].message, '"term/varient" is not a rule id; did you mean "term/variant"? (rules.term/varient)');
      } finally {
        await config.update('lang', undefined, vscode.ConfigurationTarget.Workspace);
      }
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

  // ---- Issue 12: the editor as a writer meets it ----

  const actionsAt = (doc: vscode.TextDocument, range: vscode.Range, kind?: string) =>
    vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, kind);
  const titles = (actions: vscode.CodeAction[]) => actions.map((a) => a.title).join(' | ');
  const whole = (doc: vscode.TextDocument) => new vscode.Range(0, 0, doc.lineCount, 0);
  /** Waits until the document's text satisfies `ok` (edits from commands arrive asynchronously). */
  const textOf = (doc: vscode.TextDocument, ok: (t: string) => boolean, ms = 10000) => new Promise<string>((resolve, reject) => {
    const check = () => ok(doc.getText()) && (sub.dispose(), clearTimeout(timer), resolve(doc.getText()), true);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && check());
    const timer = setTimeout(() => (sub.dispose(), reject(new Error(`text not as expected: ${doc.getText()}`))), ms);
    check();
  });

  it('fix all reaches the fixed point in one action, never raises the banner, and says what it left', async () => {
    const editor = await open('banners.md');
    const doc = editor.document;
    const before = doc.getText();
    await diagnostics(doc.uri, withRule('marking/portion-exceeds-banner'));
    const [all] = (await actionsAt(doc, whole(doc), 'source.fixAll.rubric')).filter((a) => a.kind?.value === 'source.fixAll.rubric');
    assert.ok(all?.edit, 'a fix-all action');
    assert.equal(all.title, 'Alle correcties in dit bestand toepassen');
    // What it says afterwards: one fix, four findings left, raising the banner is the writer's decision.
    assert.deepEqual(all.command?.arguments?.slice(1), [true]);
    assert.match(String(all.command?.arguments?.[0]), /^Rubric: 1 correctie, 3 aan u\. De rubricering verhogen is uw beslissing/);
    await vscode.workspace.applyEdit(all.edit);
    assert.equal(doc.getText(), before.replace('Stg. Geheim', 'Stg. GEHEIM'), 'only the wrong form is fixed: no banner raised, no new mismatch');
    const ds = await diagnostics(doc.uri, (x) => !withRule('marking/invalid')(x) && withRule('marking/portion-exceeds-banner')(x));
    // Raising the classification is a quick fix of its own, for top and bottom at once.
    const exceeds = ds.find((d) => code(d) === 'marking/portion-exceeds-banner')!;
    const raise = (await actionsAt(doc, exceeds.range)).find((a) => a.title.startsWith('Rubricering verhogen'));
    assert.equal(raise?.title, 'Rubricering verhogen naar «Stg. ZEER GEHEIM» (bovenaan en onderaan)', titles(await actionsAt(doc, exceeds.range)));
    await vscode.workspace.applyEdit(raise!.edit!);
    assert.match(doc.getText(), /^Stg\. ZEER GEHEIM\n[\s\S]*\nStg\. ZEER GEHEIM\n$/);
    await diagnostics(doc.uri, (x) => x.length === 0, 15000, 'a consistent document');
    const none = await actionsAt(doc, whole(doc), 'source.fixAll.rubric');
    assert.equal(none.length, 0, 'nothing left to fix');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('suppresses in a plain-text letter without writing into it: an ignore entry in .rubric.yaml', async () => {
    const editor = await open('notitie.txt');
    const doc = editor.document;
    const before = doc.getText();
    const configUri = file('.rubric.yaml');
    const config = await vscode.workspace.fs.readFile(configUri);
    const ds = await diagnostics(doc.uri, withRule('term/variant'));
    const actions = await actionsAt(doc, ds[0].range);
    assert.ok(!actions.some((a) => a.edit?.entries().some(([, es]) => es.some((e) => e.newText.includes('<!--')))), `no comment in a letter: ${titles(actions)}`);
    assert.ok(actions[0].isPreferred && actions[0].title === 'Vervangen door «Wiv 2017»', `the fix comes first: ${titles(actions)}`);
    const ignore = actions.find((a) => a.command?.command === 'rubric.ignoreInConfig');
    assert.equal(ignore?.title, '«WIV2017» negeren voor term/variant in dit bestand (in .rubric.yaml; het document blijft ongewijzigd)');
    try {
      await vscode.commands.executeCommand(ignore!.command!.command, ...ignore!.command!.arguments!);
      await diagnostics(doc.uri, (x) => !withRule('term/variant')(x), 15000, 'the finding ignored');
      assert.equal(doc.getText(), before);
      assert.match(Buffer.from(await vscode.workspace.fs.readFile(configUri)).toString(), /^glossaries: \[codes\.yaml\]\nignore:\n {2}- \{file: "notitie\.txt", rule: term\/variant, text: "WIV2017"\}\n$/);
    } finally {
      await vscode.workspace.fs.writeFile(configUri, config);
    }
    await diagnostics(doc.uri, withRule('term/variant'));
  });

  it('offers the missing quick fixes: the classification period, a portion mark, a banner, an acronym written out below a heading', async () => {
    let editor = await open('markeringen.md');
    let doc = editor.document;
    let ds = await diagnostics(doc.uri, (x) => withRule('marking/missing-duration')(x) && withRule('marking/unmarked-portion')(x));
    const unmarked = ds.find((d) => code(d) === 'marking/unmarked-portion')!;
    const marks = (await actionsAt(doc, unmarked.range)).map((a) => a.title).filter((x) => x.startsWith('Portiemarkering'));
    assert.deepEqual(marks.slice(0, 3), ['Portiemarkering «(Stg.G)» invoegen', 'Portiemarkering «(O)» invoegen', 'Portiemarkering «(Dep.V.)» invoegen'], 'the document’s own level first');
    const duration = ds.find((d) => code(d) === 'marking/missing-duration')!;
    const insert = (await actionsAt(doc, duration.range)).find((a) => a.title === 'Regel «Rubriceringstermijn: …» invoegen');
    assert.ok(insert?.edit, titles(await actionsAt(doc, duration.range)));
    await vscode.workspace.applyEdit(insert.edit);
    await textOf(doc, (t) => t.includes('\nRubriceringstermijn: datum of gebeurtenis\n\nStg. GEHEIM\n'));
    // The placeholder is selected, to be typed over; left as it is, it is reported.
    assert.equal(doc.getText(editor.selection), 'datum of gebeurtenis');
    await diagnostics(doc.uri, (x) => withRule('structure/placeholder')(x) && !withRule('marking/missing-duration')(x));
    await vscode.commands.executeCommand('workbench.action.files.revert');

    editor = await open('zonder-banner.md');
    doc = editor.document;
    ds = await diagnostics(doc.uri, withRule('marking/missing'));
    const top = (await actionsAt(doc, ds.find((d) => code(d) === 'marking/missing')!.range)).map((a) => a.title);
    assert.ok(top.includes('«Stg. CONFIDENTIEEL» bovenaan invoegen') && top.includes('«Stg. CONFIDENTIEEL» onderaan invoegen'), top.join(' | '));

    editor = await open('kop.md');
    doc = editor.document;
    ds = await diagnostics(doc.uri, withRule('term/acronym-undefined'));
    const below = (await actionsAt(doc, ds[0].range)).find((a) => a.title.startsWith('«TIB» in de alinea eronder uitschrijven'));
    assert.ok(below?.edit, titles(await actionsAt(doc, ds[0].range)));
    await vscode.workspace.applyEdit(below.edit);
    assert.equal(doc.getText(), '# De TIB en de bevoegdheden\n\nDe Toetsingscommissie Inzet Bevoegdheden (TIB) toetst de inzet van bijzondere bevoegdheden.\n');
    await diagnostics(doc.uri, (x) => x.length === 0, 15000, 'the heading keeps its short form');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('speaks the language of .rubric.yaml unless rubric.lang is set', async () => {
    const editor = await open('en/draft.md');
    const uri = editor.document.uri;
    let ds = await diagnostics(uri, withRule('term/variant'));
    assert.match(ds[0].message, /^"WIV2017" is not the preferred form/);
    assert.equal((await actionsAt(editor.document, ds[0].range))[0].title, 'Replace with "Wiv 2017"');
    const config = vscode.workspace.getConfiguration('rubric', folder());
    await config.update('lang', 'nl', vscode.ConfigurationTarget.Workspace);
    try {
      ds = await diagnostics(uri, (x) => x.some((d) => d.message.startsWith('«WIV2017» is niet de voorkeursvorm')));
      assert.equal((await actionsAt(editor.document, ds[0].range))[0].title, 'Vervangen door «Wiv 2017»');
    } finally {
      await config.update('lang', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnostics(uri, (x) => x.some((d) => d.message.startsWith('"WIV2017" is not the preferred form')));
  });

  it('hovers and completion details render escaped Markdown that wraps at spaces, with the whole definition', async () => {
    const editor = await open('draft.md');
    const doc = editor.document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'inlichtingenofficier'));
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(!/&nbsp;|\u00a0/.test(md), `no non-breaking spaces: ${md}`);
    assert.match(md, /Medewerker van een inlichtingendienst die inlichtingen verzamelt, vaak door menselijke bronnen te werven/);
    const empty = await open('empty.md');
    await empty.edit((e) => e.insert(new vscode.Position(0, 0), 'De Toetsings'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', empty.document.uri, new vscode.Position(0, 12), undefined, 200);
    const tib = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'TIB')!;
    const docs = (tib.documentation as vscode.MarkdownString).value;
    assert.ok(!/&nbsp;/.test(docs), docs);
    assert.match(docs, /Onafhankelijke commissie die/);
    await vscode.commands.executeCommand('undo');
  });

  it('outlines Markdown headings once (VS Code’s own), and a plain-text image caption is no section', async () => {
    const editor = await open('brief.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const names: string[] = [];
    const walk = (s: vscode.DocumentSymbol[]) => s.forEach((x) => (names.push(x.name), walk(x.children)));
    walk(symbols);
    assert.equal(names.filter((n) => n.includes('Controle van verklaringen')).length, 1, names.join(' | '));
    const plain = await open('bijschrift.txt');
    const plainSymbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', plain.document.uri);
    const plainNames = plainSymbols.map((x) => x.name);
    assert.ok(plainNames.includes('Dreigingen') && plainNames.includes('Spionage in Nederland'), plainNames.join(' | '));
    assert.ok(!plainNames.some((n) => n.startsWith('Gebombardeerde')), plainNames.join(' | '));
  });

  it('New Kamerbrief inserts a snippet: tab stops through the letter, and what is left of the template is reported', async () => {
    await vscode.commands.executeCommand('rubric.newKamerbrief', 'minister van Defensie');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'untitled');
    const doc = editor.document;
    assert.equal(doc.getText(editor.selection), 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal');
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(doc.getText(editor.selection), 'Onderwerp van de brief');
    await vscode.commands.executeCommand('type', {text: 'Toezicht op verklaringen'});
    assert.match(doc.getText(), /\nBetreft Toezicht op verklaringen\\\n/);
    assert.match(doc.getText(), /\nDe minister van Defensie,\n/);
    // Until the lint of the typed subject arrives, the panel may still hold the ranges of the text before it.
    const left = ['kenmerk', 'Aanleiding en strekking van de brief.', 'Titel van de paragraaf', 'Tekst van de paragraaf.', 'Naam van de minister'];
    const placeholders = (x: vscode.Diagnostic[]) => x.filter((d) => code(d) === 'structure/placeholder').map((d) => doc.getText(d.range));
    const ds = await diagnostics(doc.uri, (x) => placeholders(x).join('|') === left.join('|'), 15000, 'the placeholders left of the template');
    assert.deepEqual(placeholders(ds), left);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('holds a word being typed that begins a snippet prefix back from the Problems panel until the writer moves on', async () => {
    const editor = await open('typing.md');
    const doc = editor.document;
    await diagnostics(doc.uri, (x) => x.length === 0, 15000, 'a clean start');
    const end = doc.lineAt(0).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', {text: ' kamerbrief'});
    // The lint ran (the status bar and hover know the finding), but the panel does not show it yet.
    const stillTyping = await new Promise<boolean>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => undefined);
      setTimeout(() => (sub.dispose(), resolve(!withRule('term/variant')(vscode.languages.getDiagnostics(doc.uri)))), 1500);
    });
    assert.ok(stillTyping, 'not a finding while it is being typed');
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), new vscode.Position(0, 0));
    await diagnostics(doc.uri, withRule('term/variant'), 15000, 'the finding once the cursor moved on');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the classification summary and opens a rule’s page rendered, read-only', async () => {
    await open('brief.md');
    await vscode.commands.executeCommand('rubric.showClassification');
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'rubric-info');
    assert.ok(shown, vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).join(', '));
    assert.match(shown.document.getText(), /^brief\.md\n {2}Rubricering boven: +Stg\. CONFIDENTIEEL \(regel 1\)/);
    assert.match(shown.document.getText(), /Effectief niveau: +Stg\. CONFIDENTIEEL/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('rubric.showRule', 'term/variant');
    const preview = await new Promise<vscode.Tab | undefined>((resolve) => {
      const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
      const timer = setTimeout(() => (sub.dispose(), resolve(find())), 10000);
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => find() && (clearTimeout(timer), sub.dispose(), resolve(find())));
      if (find()) (clearTimeout(timer), sub.dispose(), resolve(find()));
    });
    assert.ok(preview, 'a Markdown preview of the rule page');
    assert.match(preview.label, /term-variant\.md/);
    assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.path.endsWith('term-variant.md')), 'no editable tab of the .md source');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a 4 MB document does not hold up another extension: its command answers before the document’s diagnostics arrive', async function () {
    this.timeout(180_000);
    // test/e2e/neighbour, installed beside Rubric in the same extension host.
    assert.ok(vscode.extensions.getExtension('rubric-e2e.neighbour'), 'the neighbouring test extension is not installed');
    const uri = file('groot.md');
    const paragraph = 'De AIVD verzamelt inlichtingen over dreigingen tegen de nationale veiligheid en deelt ze met de partners van de dienst.\n\n';
    const text = `${paragraph.repeat(Math.ceil(4_000_000 / paragraph.length))}De BVD bestaat sinds 2002 niet meer.\n`;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    const order: string[] = [];
    let pings = 0;
    const linted = diagnostics(uri, withRule('term/deprecated'), 150_000, 'the 4 MB document’s diagnostics').then(() => order.push('diagnostics'));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      // While Rubric's server lints the document, the neighbour's command keeps answering.
      while (!order.includes('diagnostics')) {
        const answer = await vscode.commands.executeCommand<{answeredAt: number}>('neighbour.ping');
        assert.equal(typeof answer.answeredAt, 'number');
        if (!order.includes('diagnostics')) order.push('ping');
        pings++;
        await new Promise((r) => setTimeout(r, 10));
      }
      await linted;
      console.log(`      (${text.length} characters: the neighbour answered ${order.filter((o) => o === 'ping').length} times before the diagnostics arrived)`);
      assert.equal(order[0], 'ping', `the neighbour answered first: ${order.slice(0, 5).join(', ')}`);
      assert.equal(order[order.length - 1], 'diagnostics');
      assert.ok(pings >= 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
