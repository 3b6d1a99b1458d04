/**
 * The language server, driven as an editor drives it: `rubric lsp --stdio` in
 * a child process, LSP messages over its stdin and stdout (test/unit/lsp.helpers.ts).
 */

import {strict as assert} from 'node:assert';
import {fork, spawn, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {CodeAction, CompletionItem, DocumentSymbol, Hover, TextDocumentEdit, WorkspaceDiagnosticReport} from 'vscode-languageserver-protocol';
import {run} from '../../src/cli/main.js';
import {CLI, rulesOf, TestClient, tmpWorkspace, uriOf} from './lsp.helpers.js';
import {docx, p as para, r as run_} from '../office/docx.js';
import {readOffice} from '../../src/node/office/index.js';

const DRAFT = 'De WIV2017 en het ambts-bericht van de BVD.\n';
/** The draft after every fix, to the fixed point (as rubric check --fix). */
const FIXED = 'De Wet op de inlichtingen- en veiligheidsdiensten 2017 (Wiv 2017) en het ambtsbericht van de AIVD.\n';
const BRIEF = fs.readFileSync(path.join(__dirname, '..', 'e2e', 'workspace', 'brief.txt'), 'utf8');

function cli(args: string[]): {code: number; out: string; err: string} {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, {out: (s) => out.push(s), err: (s) => err.push(s), color: false});
  return {code, out: out.join('\n'), err: err.join('\n')};
}

describe('rubric lsp', function () {
  this.timeout(30_000);
  const clients: TestClient[] = [];
  const start = async (options: Parameters<typeof TestClient.start>[0]) => {
    const c = await TestClient.start(options);
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  it('documents its transports in --help, and refuses to start without one', () => {
    const help = cli(['lsp', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /rubric lsp --stdio/);
    assert.match(help.out, /rubric lsp --node-ipc/);
    assert.match(help.out, /Neovim, Emacs \(eglot\), Helix, Sublime Text \(LSP\) en JetBrains \(LSP4IJ\)/);
    const none = cli(['lsp']);
    assert.equal(none.code, 2);
    assert.match(none.err, /a transport is needed: --stdio or --node-ipc/);
    assert.match(cli(['lsp', '--stdio', '--socket=9000']).err, /unknown option --socket=9000/);
    assert.match(cli(['--help']).out, /rubric lsp --stdio \| --node-ipc/);
  });

  it('pushes diagnostics on open and after an incremental edit, with the version they belong to', async () => {
    const dir = tmpWorkspace({'a.md': DRAFT});
    const c = await start({folder: dir, settings: {debounceMs: 0}});
    assert.equal(c.initializeResult.capabilities.textDocumentSync && typeof c.initializeResult.capabilities.textDocumentSync === 'object' && c.initializeResult.capabilities.textDocumentSync.change, 2);
    const uri = c.open(path.join(dir, 'a.md'));
    const first = await c.pushed(uri, (d) => d.length > 0, 1);
    assert.deepEqual(rulesOf(first), ['term/variant@1:4', 'term/variant@1:19', 'term/deprecated@1:40']);
    const d = first[0];
    assert.equal(d.source, 'Rubric');
    assert.equal(d.message, '«WIV2017» is niet de voorkeursvorm; schrijf «Wiv 2017».');
    assert.match(d.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/term-variant\.md$/);
    // Replace "WIV2017" (characters 3 to 10) only.
    const v = c.edit(uri, {start: {line: 0, character: 3}, end: {line: 0, character: 10}}, 'Wiv 2017');
    const second = await c.pushed(uri, () => true, v);
    // The written form is an acronym used before it is written out.
    assert.deepEqual(rulesOf(second), ['term/acronym-undefined@1:4', 'term/variant@1:20', 'term/deprecated@1:41']);
  });

  it('answers pulled diagnostics for an open document, unchanged when nothing changed, and for the files of the workspace that are not open', async () => {
    const dir = tmpWorkspace({'a.md': DRAFT, 'docs/b.md': 'De BVD.\n', 'c.txt': 'De AIVD.\n', 'node_modules/x.md': 'De BVD.\n'});
    const c = await start({folder: dir, settings: {}, capabilities: {workspace: {configuration: true}, textDocument: {diagnostic: {}}}});
    assert.deepEqual(c.initializeResult.capabilities.diagnosticProvider, {identifier: 'rubric', interFileDependencies: false, workspaceDiagnostics: true});
    const uri = c.open(path.join(dir, 'a.md'));
    const report = await c.request<{kind: string; resultId: string; items: []}>('textDocument/diagnostic', {textDocument: {uri}});
    assert.equal(report.kind, 'full');
    assert.deepEqual(rulesOf(report.items), ['term/variant@1:4', 'term/variant@1:19', 'term/deprecated@1:40']);
    const again = await c.request<{kind: string}>('textDocument/diagnostic', {textDocument: {uri}, previousResultId: report.resultId});
    assert.equal(again.kind, 'unchanged');
    const ws = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', {previousResultIds: []});
    const byFile = Object.fromEntries(ws.items.map((i) => [path.relative(dir, new URL(i.uri).pathname), i.kind === 'full' ? rulesOf(i.items) : []]));
    // a.md is open (its own pull reports it); node_modules is not walked into.
    assert.deepEqual(byFile, {'c.txt': [], 'docs/b.md': ['term/deprecated@1:4']});
    assert.ok(ws.items.every((i) => i.version === null));
    // Nothing pushed for an open document to a client that pulls.
    assert.equal(c.diagnostics.received.filter((p) => p.uri === uri && p.diagnostics.length).length, 0);
  });

  it('answers a workspace pull again when a file changes on disk, not before', async () => {
    const dir = tmpWorkspace({'b.md': 'De BVD.\n'});
    const c = await start({folder: dir, settings: {}, capabilities: {workspace: {configuration: true}, textDocument: {diagnostic: {}}}});
    const first = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', {previousResultIds: []});
    assert.deepEqual(first.items.map((i) => i.kind === 'full' && rulesOf(i.items)), [['term/deprecated@1:4']]);
    // With every result current the request waits for a change instead of linting the workspace in a loop.
    const previous = first.items.map((i) => ({uri: i.uri, value: i.resultId!}));
    const again = c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', {previousResultIds: previous});
    fs.writeFileSync(path.join(dir, 'b.md'), 'De WIV2017.\n');
    c.notify('workspace/didChangeWatchedFiles', {changes: [{uri: uriOf(path.join(dir, 'b.md')), type: 2}]});
    const second = await again;
    assert.deepEqual(second.items.map((i) => i.kind === 'full' && rulesOf(i.items)), [['term/variant@1:4']]);
    assert.notEqual(second.items[0].resultId, first.items[0].resultId);
  });

  it('a large document\'s first lint, in slices, gives way to a newer version: the last diagnostics are the newest text\'s', async () => {
    const dir = tmpWorkspace({});
    const c = await start({folder: dir, settings: {debounceMs: 0}});
    // Above 200,000 characters: the first lint runs in slices.
    const big = `${'Een alinea over de inzet van bevoegdheden door de dienst.\n\n'.repeat(4000)}De BVD.\n`;
    const uri = c.open(path.join(dir, 'groot.md'), big);
    const v = c.change(uri, `${big}De WIV2017.\n`);
    const last = await c.pushed(uri, (x) => x.length === 2, v, 'the newest version\'s diagnostics');
    assert.deepEqual(last.map((d) => d.code), ['term/deprecated', 'term/variant']);
    // Nothing older arrives after them.
    await c.request('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 0}});
    const pushes = c.diagnostics.received.filter((p) => p.uri === uri);
    assert.equal(pushes[pushes.length - 1].version, v);
  });

  it('offers each fix, fix all (resolved when picked), source.fixAll.rubric and both suppressions, in the document\'s language', async () => {
    const dir = tmpWorkspace({'a.md': DRAFT});
    const c = await start({folder: dir, settings: {debounceMs: 0}});
    const uri = c.open(path.join(dir, 'a.md'));
    const diagnostics = await c.pushed(uri, (d) => d.length === 3, 1);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: diagnostics[0].range, context: {diagnostics: [diagnostics[0]]}});
    assert.deepEqual(actions.map((a) => a.title), [
      'Vervangen door «Wiv 2017»',
      'Alle correcties in dit bestand toepassen',
      '«WIV2017» negeren voor term/variant in dit bestand (in .rubric.yaml; het document blijft ongewijzigd)',
      'term/variant uitzetten voor de volgende regel (HTML-commentaar in het document)',
    ]);
    const fix = actions[0];
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['term/variant']);
    const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, {uri, version: 1});
    assert.deepEqual(edit.edits, [{range: {start: {line: 0, character: 3}, end: {line: 0, character: 10}}, newText: 'Wiv 2017'}]);
    // Fix all is worked out only when picked.
    assert.equal(actions[1].edit, undefined);
    const resolved = await c.request<CodeAction>('codeAction/resolve', actions[1]);
    c.apply({edit: resolved.edit!});
    assert.equal(c.documents.get(uri)!.getText(), FIXED);
    assert.deepEqual(resolved.command?.arguments, ['Rubric: 4 correcties, 0 aan u.', false]);
    // On save: source.fixAll.rubric, worked out at once; nothing left to do after it.
    c.change(uri, DRAFT);
    const onSave = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: [], only: ['source.fixAll']}});
    assert.deepEqual(onSave.map((a) => [a.title, a.kind]), [['Alle correcties in dit bestand toepassen', 'source.fixAll.rubric']]);
    c.apply({edit: onSave[0].edit!});
    const none = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: [], only: ['source.fixAll.rubric']}});
    assert.deepEqual(none, []);
    // The disable comment goes above the line, in Markdown.
    c.change(uri, DRAFT);
    const second = await c.pushed(uri, (d) => d.length === 3, c.documents.get(uri)!.version);
    const more = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: second[2].range, context: {diagnostics: [second[2]]}});
    const disable = more.find((a) => a.title.startsWith('term/deprecated uitzetten'))!;
    c.apply({edit: disable.edit!});
    assert.equal(c.documents.get(uri)!.getText(), `<!-- rubric-disable-next-line term/deprecated -->\n${DRAFT}`);
  });

  it('fix all as a command: the edit through workspace/applyEdit and what it did as a message', async () => {
    const dir = tmpWorkspace({'a.md': DRAFT});
    const c = await start({folder: dir, settings: {debounceMs: 0, lang: 'en'}});
    const uri = c.open(path.join(dir, 'a.md'));
    await c.pushed(uri, (d) => d.length === 3, 1);
    const r = await c.request<{applied: number; message: string}>('workspace/executeCommand', {command: 'rubric.fixAll', arguments: [uri]});
    assert.equal(r.applied, 4);
    assert.equal(c.documents.get(uri)!.getText(), FIXED);
    const shown = await c.messages.next((m) => m.message.startsWith('Rubric:'), 'a message');
    assert.equal(shown.message, 'Rubric: 4 fixes, 0 left to you.');
    const unknown = await c.request('workspace/executeCommand', {command: 'rubric.nothing', arguments: []}).catch((e: {code: number; message: string}) => e);
    assert.equal((unknown as {code: number}).code, -32601);
    assert.match((unknown as {message: string}).message, /unknown command "rubric\.nothing"/);
    const bad = await c.request('workspace/executeCommand', {command: 'rubric.fixAll', arguments: [42]}).catch((e: {code: number; message: string}) => e);
    assert.equal((bad as {code: number}).code, -32602);
  });

  it('ignores a finding in .rubric.yaml (the letter untouched), and lints again with the entry', async () => {
    const dir = tmpWorkspace({'notitie.txt': 'De WIV2017 staat in deze notitie.\n', '.rubric.yaml': 'lang: nl\n'});
    const c = await start({folder: dir, settings: {debounceMs: 0}});
    const uri = c.open(path.join(dir, 'notitie.txt'));
    const d = await c.pushed(uri, (x) => x.length === 1, 1);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: d[0].range, context: {diagnostics: d}});
    // Plain text gets no comment written into it.
    assert.deepEqual(actions.map((a) => a.title), [
      'Vervangen door «Wiv 2017»', 'Alle correcties in dit bestand toepassen',
      '«WIV2017» negeren voor term/variant in dit bestand (in .rubric.yaml; het document blijft ongewijzigd)',
    ]);
    const ignore = actions[2];
    await c.request('workspace/executeCommand', ignore.command);
    assert.equal(fs.readFileSync(path.join(dir, '.rubric.yaml'), 'utf8'), 'lang: nl\nignore:\n  - {file: "notitie.txt", rule: term/variant, text: "WIV2017"}\n');
    // What is left is the acronym, written as it stands, that is never written out.
    const left = await c.pushed(uri, (x) => !x.some((f) => f.code === 'term/variant'), undefined, 'no term/variant after the ignore entry');
    assert.deepEqual(rulesOf(left), ['term/acronym-undefined@1:4']);
    assert.equal(c.documents.get(uri)!.getText(), 'De WIV2017 staat in deze notitie.\n');
  });

  it('hovers a term and a marking, completes terms, banners and today\'s date', async () => {
    const dir = tmpWorkspace({});
    const c = await start({folder: dir, settings: {}});
    const uri = c.open(path.join(dir, 'a.md'), 'Stg. GEHEIM\n\n(Stg.G) De AIVD en de TIB.\n\nStg. GEHEIM\n');
    const term = await c.request<Hover>('textDocument/hover', {textDocument: {uri}, position: {line: 2, character: 12}});
    const value = (term.contents as {kind: string; value: string});
    assert.equal(value.kind, 'markdown');
    assert.match(value.value, /^\*\*AIVD\*\* — Algemene Inlichtingen\\- en Veiligheidsdienst/);
    assert.deepEqual(term.range, {start: {line: 2, character: 11}, end: {line: 2, character: 15}});
    const banner = await c.request<Hover>('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 3}});
    assert.match((banner.contents as {value: string}).value, /^\*\*Stg\\\. GEHEIM\*\*\n\n- Stelsel: /);
    assert.equal(await c.request('textDocument/hover', {textDocument: {uri}, position: {line: 1, character: 0}}), null);
    const items = await c.request<CompletionItem[]>('textDocument/completion', {textDocument: {uri}, position: {line: 2, character: 0}});
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Toetsingscommissie Inzet Bevoegdheden (TIB)'), labels.slice(0, 20).join(', '));
    assert.ok(labels.includes('Stg. GEHEIM'));
    const today = items.find((i) => i.label === 'vandaag')!;
    assert.match(String(today.insertText), /^\d{1,2} [a-z]+ \d{4}$/);
    const tib = items.find((i) => i.label === 'TIB')!;
    assert.match((tib.documentation as {value: string}).value, /Toetsingscommissie Inzet Bevoegdheden/);
  });

  it('outlines a plain-text Kamerbrief: its kind and date, address, fields, sections with their classification, signature', async () => {
    const dir = tmpWorkspace({'brief.txt': BRIEF});
    const c = await start({folder: dir, settings: {}});
    const uri = c.open(path.join(dir, 'brief.txt'));
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', {textDocument: {uri}});
    const flat: string[] = [];
    const walk = (s: DocumentSymbol[], depth: number) => s.forEach((x) => {
      flat.push(`${'  '.repeat(depth)}${x.name}${x.detail ? ` [${x.detail}]` : ''}`);
      walk(x.children ?? [], depth + 1);
    });
    walk(symbols, 0);
    const joined = flat.join('\n');
    assert.match(joined, /^Kamerbrief · 17 maart 2025 \(veld Datum\) \[herkend\]$/m);
    assert.match(joined, /^Adresblok \[Aan de Voorzitter/m);
    assert.match(joined, /^Datum \[17 maart 2025\]$/m);
    assert.match(joined, /^Controle van verklaringen \[Stg\. CONFIDENTIEEL\]$/m);
    assert.match(joined, /^Tot slot$/m);
    assert.match(joined, /^Ondertekening \[/m);
    // Markdown too, unless the client outlines Markdown itself.
    const md = c.open(path.join(dir, 'a.md'), '# Kop\n\nTekst.\n');
    const mdSymbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', {textDocument: {uri: md}});
    assert.deepEqual(mdSymbols.slice(1).map((s) => s.name), ['Kop']);
  });

  it('reads the settings through workspace/configuration: rules, language, languages linted', async () => {
    const dir = tmpWorkspace({});
    const c = await start({folder: dir, settings: {debounceMs: 0, rules: {'term/variant': 'off'}, lang: 'en'}});
    const uri = c.open(path.join(dir, 'a.md'), DRAFT);
    const d = await c.pushed(uri, (x) => x.length > 0, 1);
    assert.deepEqual(rulesOf(d), ['term/acronym-undefined@1:4', 'term/deprecated@1:40']);
    assert.match(d[1].message, /^"BVD" is outdated/);
    assert.ok(c.configurationRequests.received.length >= 1);
    // A language not linted: no diagnostics at all.
    c.settings = {languages: ['markdown']};
    c.notify('workspace/didChangeConfiguration', {settings: {}});
    const txt = c.open(path.join(dir, 'b.txt'), DRAFT, 'plaintext');
    await c.pushed(txt, (x) => x.length === 0, 1, 'no diagnostics for plain text');
    // `text` (Neovim's and Helix's name) is plain text.
    c.settings = {};
    c.notify('workspace/didChangeConfiguration', {settings: {}});
    const text = c.open(path.join(dir, 'c.txt'), DRAFT, 'text');
    await c.pushed(text, (x) => x.length === 3, 1, 'plain-text findings for languageId text');
  });

  it('a client that cannot be asked gives the settings in initializationOptions', async () => {
    const dir = tmpWorkspace({});
    const c = await start({folder: dir, capabilities: {}, initializationOptions: {settings: {rules: {'term/deprecated': 'off'}, debounceMs: 0}}});
    const uri = c.open(path.join(dir, 'a.md'), DRAFT);
    const d = await c.pushed(uri, (x) => x.length > 0, 1);
    assert.deepEqual(rulesOf(d), ['term/variant@1:4', 'term/variant@1:19']);
    assert.equal(c.configurationRequests.received.length, 0);
  });

  it('reloads .rubric.yaml and its glossaries on didChangeWatchedFiles; a broken one is reported on its file while the last good one lints', async () => {
    const dir = tmpWorkspace({'a.md': 'De KOPERWIEK en de WIV2017.\n', '.rubric.yaml': 'rules:\n  term/variant: off\n'});
    const c = await start({folder: dir, settings: {debounceMs: 0}});
    const uri = c.open(path.join(dir, 'a.md'));
    const variant = (x: {code?: unknown}[]) => x.some((d) => d.code === 'term/variant');
    await c.pushed(uri, (x) => x.length > 0 && !variant(x), 1, 'term/variant off');
    const config = path.join(dir, '.rubric.yaml');
    const watched = (file: string, type = 2) => c.notify('workspace/didChangeWatchedFiles', {changes: [{uri: uriOf(file), type}]});
    // A glossary named by the configuration: its term is found.
    fs.writeFileSync(path.join(dir, 'codes.yaml'), 'terms:\n  - term: KOPERWIEK\n    definition: Codenaam.\n    minimumMarking: Stg. GEHEIM\n');
    fs.writeFileSync(config, 'glossaries: [codes.yaml]\nrules:\n  term/variant: off\n');
    watched(config);
    await c.pushed(uri, (x) => rulesOf(x).includes('marking/restricted-term@1:4'), undefined, 'the code word found');
    // The glossary changes: the engine is rebuilt from it.
    fs.writeFileSync(path.join(dir, 'codes.yaml'), 'terms:\n  - term: ZILVERMEEUW\n    definition: Codenaam.\n    minimumMarking: Stg. GEHEIM\n');
    watched(path.join(dir, 'codes.yaml'));
    await c.pushed(uri, (x) => !rulesOf(x).includes('marking/restricted-term@1:4'), undefined, 'the code word gone');
    // Broken: the problem on .rubric.yaml, a warning, and the last good engine goes on (term/variant still off).
    fs.writeFileSync(config, 'rules:\n  term/varient: off\n');
    watched(config);
    const problems = await c.pushed(uriOf(config), (x) => x.length > 0, undefined, 'the configuration problem');
    // In the configuration's language (Dutch unless set).
    assert.match(problems[0].message, /«term\/varient» is geen regel-id; bedoelt u «term\/variant»\?/);
    assert.equal(problems[0].range.start.line, 1);
    await c.messages.next((m) => /configuratiebestand of woordenlijst bevat fouten/.test(m.message), 'the warning');
    // The log names the engine that lints: the last good one, with the code word's glossary (the built-in terms and ZILVERMEEUW).
    await c.logs.next((m) => /^de laatste goede versie: \d+ termen/.test(m.message), 'the log of the last good engine');
    c.change(uri, 'De WIV2017.\n');
    await c.pushed(uri, (x) => x.length > 0 && !variant(x), c.documents.get(uri)!.version, 'the last good engine');
    // Fixed: the problem cleared; removed: the defaults (term/variant on).
    fs.writeFileSync(config, 'lang: nl\n');
    watched(config);
    await c.pushed(uriOf(config), (x) => x.length === 0, undefined, 'the problem cleared');
    await c.pushed(uri, (x) => rulesOf(x).includes('term/variant@1:4'), undefined, 'term/variant back on');
    // Deleted, with term/variant off in it just before: the folder's lookup starts again, and finds none.
    fs.writeFileSync(config, 'rules:\n  term/variant: off\n');
    watched(config);
    await c.pushed(uri, (x) => x.length > 0 && !variant(x), undefined, 'term/variant off again');
    fs.rmSync(config);
    watched(config, 3);
    await c.pushed(uri, (x) => rulesOf(x).includes('term/variant@1:4'), undefined, 'no configuration');
  });

  it('reads a Word file\'s text for the client, and makes its fixes in the file: within one run written, across runs refused with why and where', async () => {
    const dir = tmpWorkspace({});
    const file = path.join(dir, 'nota.docx');
    fs.writeFileSync(file, docx(para(run_('De AIVD stelde een ambts-bericht op over de ') + run_('WIV', '<w:b/>') + run_('-2017', '<w:i/>') + run_('.'))));
    const c = await start({folder: dir, settings: {debounceMs: 0}});
    const answer = await c.request<{lang: string; text?: string; error?: string}>('rubric/officeText', {uri: uriOf(file)});
    assert.equal(answer.lang, 'nl');
    assert.equal(answer.text, 'De AIVD stelde een ambts-bericht op over de WIV-2017.\n');
    // The client's read-only text of the file (src/core/office/textUri.ts).
    const text = `rubric-office:${file}.md`;
    c.documents.set(text, (await import('vscode-languageserver-textdocument')).TextDocument.create(text, 'markdown', 1, answer.text!));
    c.notify('textDocument/didOpen', {textDocument: {uri: text, languageId: 'markdown', version: 1, text: answer.text}});
    const d = await c.pushed(text, (x) => x.length === 2, 1);
    const split = d.find((x) => x.message.includes('WIV-2017'))!;
    const refused = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri: text}, range: split.range, context: {diagnostics: [split]}});
    const across = refused.find((a) => a.title === 'Vervangen door «Wiv 2017»')!;
    assert.ok(!across.edit && !across.command, 'no edit of the read-only text, no command');
    assert.match(across.disabled!.reason, /^correctie niet toegepast: de tekst loopt over delen met verschillende opmaak; pas hem in Word aan \(alinea 1\)$/);
    assert.ok(refused.some((a) => a.title.startsWith('«WIV-2017» negeren voor term/variant')), 'an ignore: entry for the file is offered');
    assert.ok(refused.every((a) => !a.edit), 'no action edits the text');
    const picker = await c.request<{fixes: {title: string; reason?: string}[]}>('rubric/officeFixes', {uri: text, range: split.range});
    assert.deepEqual(picker.fixes.map((f) => [f.title, !!f.reason]), [['Vervangen door «Wiv 2017»', true]]);
    const hover = await c.request<Hover>('textDocument/hover', {textDocument: {uri: text}, position: split.range.start});
    assert.match((hover.contents as {value: string}).value, /In het document: alinea 1/);
    const variant = d.find((x) => x.message.includes('ambts-bericht'))!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri: text}, range: variant.range, context: {diagnostics: [variant]}});
    const fix = actions.find((a) => a.title === 'Vervangen door «ambtsbericht»')!;
    assert.equal(fix.command!.command, 'rubric.officeApplyFix');
    const written = c.notifications('rubric/officeWritten');
    const result = await c.request<{applied: number}>('workspace/executeCommand', fix.command);
    assert.equal(result.applied, 1);
    assert.equal(readOffice(file)!.mapped.text, 'De AIVD stelde een ambtsbericht op over de WIV-2017.\n');
    assert.equal((await c.messages.next((m) => m.message.includes('geschreven'), 'the message')).message, 'Rubric: 1 correctie in nota.docx geschreven.');
    assert.deepEqual(await written, {uri: text});
    // Fix all: nothing left within one run; what was left is said with where.
    await c.request('workspace/executeCommand', {command: 'rubric.officeFixAll', arguments: [text]});
    assert.match((await c.messages.next((m) => m.message.includes('niets'), 'the message')).message, /^Rubric: niets in nota\.docx te corrigeren\.$/);
    const bad = await c.request('workspace/executeCommand', {command: 'rubric.officeApplyFix', arguments: [text, {rule: 1}]}).catch((e: {code: number}) => e);
    assert.equal((bad as {code: number}).code, -32602);
    // A file Rubric cannot read: why, with its name, in the file's language.
    fs.writeFileSync(path.join(dir, 'kapot.docx'), 'PK\u0003\u0004 afgebroken');
    const broken = await c.request<{text?: string; error?: string}>('rubric/officeText', {uri: uriOf(path.join(dir, 'kapot.docx'))});
    assert.equal(broken.text, undefined);
    assert.match(broken.error!, /kapot\.docx: .*niet gelezen$/);
  });

  it('closing a document clears its diagnostics', async () => {
    const dir = tmpWorkspace({'a.md': DRAFT});
    const c = await start({folder: dir, settings: {debounceMs: 0}});
    const uri = c.open(path.join(dir, 'a.md'));
    await c.pushed(uri, (x) => x.length === 3, 1);
    const since = c.diagnostics.received.length;
    c.close(uri);
    await c.diagnostics.next((p) => p.uri === uri && p.diagnostics.length === 0, 'cleared diagnostics', 10_000, since);
  });

  it('answers a request it cannot serve with an LSP error, and carries on', async () => {
    const dir = tmpWorkspace({});
    const c = await start({folder: dir, settings: {}});
    const broken = await c.request('textDocument/hover', {}).catch((e: {code: number; message: string}) => e);
    assert.deepEqual([(broken as {code: number}).code, (broken as {message: string}).message], [-32602, 'textDocument/hover: params.textDocument.uri must be a string']);
    assert.equal(await c.request('textDocument/hover', {textDocument: {uri: 'file:///nowhere.md'}, position: {line: 0, character: 0}}), null);
    const wrong = await c.request('codeAction/resolve', {title: 'x', data: {fixAll: 'file:///nowhere.md'}}).catch((e: {code: number; message: string}) => e);
    assert.equal((wrong as {code: number}).code, -32602);
    const unknown = await c.request('rubric/nothing', {}).catch((e: {code: number}) => e);
    assert.equal((unknown as {code: number}).code, -32601);
    const uri = c.open(path.join(dir, 'a.md'), 'De AIVD.\n');
    const hover = await c.request<Hover>('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 4}});
    assert.match((hover.contents as {value: string}).value, /AIVD/);
  });
});

describe('rubric lsp --node-ipc', () => {
  it('speaks LSP over the IPC channel of a parent that forked it, and exits 0 after shutdown', async function () {
    this.timeout(20_000);
    const child = fork(CLI, ['lsp', '--node-ipc'], {stdio: ['ignore', 'pipe', 'pipe', 'ipc']});
    const received: {id?: number; method?: string; result?: {capabilities?: object}; params?: {diagnostics?: {code: string}[]}}[] = [];
    child.on('message', (m) => received.push(m as never));
    const until = async (test: () => boolean, what: string) => {
      const deadline = Date.now() + 10_000;
      while (!test()) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${what}: ${JSON.stringify(received).slice(0, 1000)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      child.send({jsonrpc: '2.0', id: 1, method: 'initialize', params: {processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {settings: {debounceMs: 0}}}});
      await until(() => received.some((m) => m.id === 1 && m.result?.capabilities), 'initialize result');
      child.send({jsonrpc: '2.0', method: 'initialized', params: {}});
      child.send({jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri: 'untitled:Naamloos-1', languageId: 'markdown', version: 1, text: 'De BVD.\n'}}});
      await until(() => received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.diagnostics?.[0]?.code === 'term/deprecated'), 'diagnostics');
      child.send({jsonrpc: '2.0', id: 2, method: 'shutdown'});
      await until(() => received.some((m) => m.id === 2), 'the shutdown result');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.send({jsonrpc: '2.0', method: 'exit'});
      assert.equal(await exited, 0);
    } finally {
      child.kill();
    }
  });

  it('refuses --node-ipc without an IPC channel', () => {
    const r = spawnSync(process.execPath, [CLI, 'lsp', '--node-ipc'], {encoding: 'utf8', timeout: 10_000});
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--node-ipc needs a parent that started this process with an IPC channel/);
  });
});

describe('rubric lsp: a broken client message', () => {
  /** Frames of the server's output, parsed. */
  function frames(buffer: string): unknown[] {
    const out: unknown[] = [];
    let rest = buffer;
    for (;;) {
      const m = /^Content-Length: (\d+)\r\n(?:[^\r\n]+\r\n)*\r\n/.exec(rest);
      if (!m || Buffer.byteLength(rest.slice(m[0].length)) < Number(m[1])) return out;
      const body = Buffer.from(rest.slice(m[0].length)).subarray(0, Number(m[1])).toString();
      out.push(JSON.parse(body));
      rest = rest.slice(m[0].length + body.length);
    }
  }

  it('gets Parse error or Invalid Request, never a crash: the next request is answered', async function () {
    this.timeout(20_000);
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], {stdio: ['pipe', 'pipe', 'pipe']});
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const send = (body: string) => child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const until = async (test: (frames: unknown[]) => boolean, what: string) => {
      const deadline = Date.now() + 10_000;
      while (!test(frames(out))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${what}; output: ${out.slice(-1000)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      // A header without Content-Length: the frame is dropped, the server reads on.
      child.stdin.write('Hello: world\r\n\r\n');
      await until(() => /could not be read: Header must provide a Content-Length property/.test(out), 'the log of the dropped frame');
      send('{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {}}}');
      await until((f) => f.some((m) => (m as {id?: number}).id === 1), 'initialize result');
      send('{"jsonrpc": "2.0", "id": 2, "method": ');
      await until((f) => f.some((m) => (m as {error?: {code: number}}).error?.code === -32700), 'Parse error');
      send('[1, 2, 3]');
      send('{"jsonrpc": "2.0", "id": 3}');
      send('{"jsonrpc": "2.0", "id": 4, "method": 17}');
      await until((f) => f.some((m) => (m as {id?: number}).id === 4), 'Invalid Request for id 4');
      const errors = frames(out).filter((m) => (m as {error?: unknown}).error) as {id: number | null; error: {code: number; message: string}}[];
      assert.deepEqual(errors.map((e) => [e.id, e.error.code]), [[null, -32700], [null, -32600], [3, -32600], [4, -32600]]);
      assert.match(errors[0].error.message, /^the message is not valid JSON: /);
      assert.equal(errors[3].error.message, '"method" must be a string');
      send('{"jsonrpc": "2.0", "id": 5, "method": "shutdown"}');
      await until((f) => f.some((m) => (m as {id?: number}).id === 5 && 'result' in (m as object)), 'the shutdown result');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      send('{"jsonrpc": "2.0", "method": "exit"}');
      assert.equal(await exited, 0);
    } finally {
      child.kill();
    }
  });
});
