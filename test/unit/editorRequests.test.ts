/**
 * The requests of the VS Code client's own interface (src/server/editorRequests.ts), over the server's
 * stdio as the client sends them: the status and the Rubric view, the classification summary, setting
 * the classification, a sharing label and a portion mark, the glossary and its edits, the Kamerbrief
 * template; and the glossary's quick fixes the server offers such a client.
 */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {CodeAction, TextDocumentEdit, WorkspaceEdit} from 'vscode-languageserver-protocol';
import {EDITOR_REQUESTS, type ClassificationChoicesAnswer, type DocumentInfo, type GlossaryAnswer, type KamerbriefAnswer, type PortionChoicesAnswer} from '../../src/server/protocol.js';
import {TestClient, tmpWorkspace} from './lsp.helpers.js';

const VSCODE_LIKE = {glossaryActions: true, glossaryLinks: true, snippetEdits: true};

describe('the editor requests of the VS Code client', function () {
  this.timeout(30000);
  const clients: TestClient[] = [];
  const start = async (files: Record<string, string>) => {
    const folder = tmpWorkspace(files);
    const c = await TestClient.start({folder, settings: {debounceMs: 0}, initializationOptions: VSCODE_LIKE});
    clients.push(c);
    return {c, folder};
  };
  const applied = (c: TestClient, uri: string, edit: WorkspaceEdit) => {
    c.apply({edit});
    return c.documents.get(uri)!.getText();
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  it('states the classification for the status bar and the Rubric view', async () => {
    const {c, folder} = await start({'a.md': 'Stg. GEHEIM\n\n(Stg.ZG) Een alinea.\n\nStg. GEHEIM\n'});
    const uri = c.open(path.join(folder, 'a.md'));
    await c.pushed(uri);
    const info = await c.request<DocumentInfo>(EDITOR_REQUESTS.documentInfo, {uri});
    assert.equal(info.lang, 'nl');
    assert.equal(info.status.text, 'Stg. GEHEIM → Stg. ZEER GEHEIM');
    assert.equal(info.status.warning, true);
    const classification = info.nodes.find((n) => n.label.startsWith('Rubricering:'))!;
    assert.deepEqual(classification.children.map((n) => n.label).slice(0, 3), ['Bovenaan: Stg. GEHEIM', 'Onderaan: Stg. GEHEIM', 'Hoogste portiemarkering: (Stg.ZG)']);
    assert.deepEqual(classification.children[0].range, {start: {line: 0, character: 0}, end: {line: 0, character: 11}});
    assert.equal(await c.request(EDITOR_REQUESTS.documentInfo, {uri: 'file:///not/open.md'}), null);
    const summary = await c.request<{text: string}>(EDITOR_REQUESTS.classificationSummary, {uri, name: 'a.md'});
    assert.match(summary.text, /^a\.md\n {2}Rubricering boven: +Stg\. GEHEIM \(regel 1\)/);
  });

  it('sets the classification, a sharing label and a portion mark as edits of the version chosen on', async () => {
    const {c, folder} = await start({'b.md': 'Dep. VERTROUWELIJK\n\nHet concept.\n\nDep. VERTROUWELIJK\n'});
    const uri = c.open(path.join(folder, 'b.md'));
    await c.pushed(uri);
    const choices = await c.request<ClassificationChoicesAnswer>(EDITOR_REQUESTS.classificationChoices, {uri});
    assert.equal(choices.current, 'Dep. VERTROUWELIJK');
    const amber = choices.labels.find((l) => l.banner === 'TLP:AMBER')!;
    assert.ok(amber, choices.labels.map((l) => l.banner).join(', '));
    const edit = await c.request<WorkspaceEdit>(EDITOR_REQUESTS.classificationEdit, {uri, version: choices.version, key: amber.key});
    assert.equal(applied(c, uri, edit), 'Dep. VERTROUWELIJK\n\nTLP:AMBER\n\nHet concept.\n\nDep. VERTROUWELIJK\n');
    // Chosen on a version that is gone: no edit.
    assert.equal(await c.request(EDITOR_REQUESTS.classificationEdit, {uri, version: choices.version, key: amber.key}), null);
    const now = await c.request<ClassificationChoicesAnswer>(EDITOR_REQUESTS.classificationChoices, {uri});
    const geheim = now.levels.find((l) => l.banner === 'Stg. GEHEIM')!;
    assert.equal(geheim.needsDuration, true);
    const raised = await c.request<WorkspaceEdit>(EDITOR_REQUESTS.classificationEdit, {uri, version: now.version, key: geheim.key, duration: '1 januari 2040'});
    assert.match(applied(c, uri, raised), /^Stg\. GEHEIM\n[\s\S]*Rubriceringstermijn: 1 januari 2040\n\nStg\. GEHEIM\n$/);
    const position = {line: c.documents.get(uri)!.getText().split('\n').indexOf('Het concept.'), character: 3};
    const portions = await c.request<PortionChoicesAnswer>(EDITOR_REQUESTS.portionChoices, {uri, position});
    assert.equal(portions.paragraph, true);
    const mark = await c.request<WorkspaceEdit>(EDITOR_REQUESTS.portionEdit, {uri, version: portions.version, position, mark: '(Stg.G)'});
    assert.match(applied(c, uri, mark), /\n\(Stg\.G\) Het concept\.\n/);
    await assert.rejects(c.request(EDITOR_REQUESTS.classificationEdit, {uri}), /params\.version is required/);
  });

  it('gives the glossary and its quick fixes, and writes a term and a well-known acronym', async () => {
    const {c, folder} = await start({'c.md': 'De DVTB werkt eraan.\n', '.rubric.yaml': 'glossaries: [codes.yaml]\n', 'codes.yaml': '# eigen termen\nterms:\n  - term: KOPERWIEK\n    definition: Een operatie.\n'});
    const uri = c.open(path.join(folder, 'c.md'));
    await c.pushed(uri);
    const glossary = await c.request<GlossaryAnswer>(EDITOR_REQUESTS.glossary, {uri, text: 'DVTB'});
    assert.equal(glossary.acronym, true);
    const own = glossary.entries.find((e) => e.term === 'KOPERWIEK')!;
    assert.deepEqual([own.builtin, own.file, own.line], [false, path.join(folder, 'codes.yaml'), 3]);
    assert.ok(glossary.entries.find((e) => e.term === 'AIVD')?.builtin);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: {start: {line: 0, character: 4}, end: {line: 0, character: 4}}, context: {diagnostics: []}});
    const commands = actions.filter((a) => a.command?.command.startsWith('rubric.add')).map((a) => [a.title, a.command!.command, a.command!.arguments]);
    assert.deepEqual(commands[0], ['«DVTB» aan de woordenlijst toevoegen...', 'rubric.addToGlossary', ['DVTB']]);
    // Not yet a glossary acronym: nothing to treat as well known.
    assert.ok(!commands.some(([, command]) => command === 'rubric.addWellKnown'));
    const destinations = await c.request<{configFile: string; files: string[]}>(EDITOR_REQUESTS.glossaryDestinations, {uri});
    assert.deepEqual(destinations.files, [path.join(folder, 'codes.yaml')]);
    const written = await c.request<{file: string}>(EDITOR_REQUESTS.glossaryEdit, {
      uri, kind: 'term', text: 'DVTB', entry: {term: 'DVTB', definition: 'Een verzonnen dienst.', expansion: 'Dienst Voorbeeld'}, dest: {file: path.join(folder, 'codes.yaml')},
    });
    assert.equal(written.file, path.join(folder, 'codes.yaml'));
    assert.equal(fs.readFileSync(path.join(folder, 'codes.yaml'), 'utf8'), '# eigen termen\nterms:\n  - term: KOPERWIEK\n    definition: Een operatie.\n  - term: DVTB\n    expansion: Dienst Voorbeeld\n    definition: Een verzonnen dienst.\n');
    await c.request(EDITOR_REQUESTS.glossaryEdit, {uri, kind: 'wellKnown', text: 'DVTB'});
    assert.equal(fs.readFileSync(path.join(folder, '.rubric.yaml'), 'utf8'), 'glossaries: [codes.yaml]\nwellKnown: [DVTB]\n');
    // A refused edit says why, in Rubric's language.
    await assert.rejects(c.request(EDITOR_REQUESTS.glossaryEdit, {uri, kind: 'variant', text: 'X', of: 'GEEN', dest: {file: path.join(folder, 'codes.yaml')}}), /no entry "GEEN"/);
  });

  it('links a term’s hover to the Glossary view and gives a quick fix its snippet', async () => {
    const {c, folder} = await start({'d.md': 'Stg. GEHEIM\n\n(Stg.G) De AIVD.\n\nStg. GEHEIM\n'});
    const uri = c.open(path.join(folder, 'd.md'));
    const ds = await c.pushed(uri, (d) => d.some((x) => x.code === 'marking/missing-duration'));
    const hover = await c.request<{contents: {value: string}}>('textDocument/hover', {textDocument: {uri}, position: {line: 2, character: 12}});
    assert.match(hover.contents.value, /\[\$\(book\) In de woordenlijst tonen\]\(command:rubric\.showInGlossary\?%5B%22AIVD%22%5D\)$/);
    const duration = ds.find((d) => d.code === 'marking/missing-duration')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {textDocument: {uri}, range: duration.range, context: {diagnostics: [duration]}});
    const insert = actions.find((a) => a.title === 'Regel «Rubriceringstermijn: …» invoegen')!;
    assert.match((insert.data as {snippet: string}).snippet, /Rubriceringstermijn: \$\{1:datum of gebeurtenis\}/);
    assert.ok((insert.edit!.documentChanges![0] as TextDocumentEdit).edits[0].newText.includes('Rubriceringstermijn: datum of gebeurtenis'));
  });

  it('gives the Kamerbrief template for the minister chosen', async () => {
    const {c} = await start({});
    const {titles, snippet} = await c.request<KamerbriefAnswer>(EDITOR_REQUESTS.kamerbrief, {});
    assert.ok(titles.includes('minister van Defensie'), titles.join(', '));
    assert.equal(snippet, null);
    const letter = await c.request<KamerbriefAnswer>(EDITOR_REQUESTS.kamerbrief, {minister: 'minister van Defensie'});
    assert.match(letter.snippet!, /Aan de Voorzitter van de Tweede Kamer/);
    assert.match(letter.snippet!, /minister van Defensie/);
  });

  it('leaves the excluded folder alone, and answers workspace diagnostics when asked though it does not announce them', async () => {
    const folder = tmpWorkspace({'own/page.md': 'De WIV2017.\n', 'owner.md': 'De WIV2017.\n', 'closed.md': 'De BVD.\n'});
    const c = await TestClient.start({
      folder, settings: {debounceMs: 0}, initializationOptions: {...VSCODE_LIKE, exclude: [path.join(folder, 'own')], workspaceDiagnostics: false},
      capabilities: {workspace: {configuration: true}, textDocument: {diagnostic: {}}},
    });
    clients.push(c);
    assert.equal((c.initializeResult.capabilities.diagnosticProvider as {workspaceDiagnostics: boolean}).workspaceDiagnostics, false);
    const page = c.open(path.join(folder, 'own', 'page.md'));
    const owner = c.open(path.join(folder, 'owner.md'));
    const pull = (uri: string) => c.request<{items: {code: string}[]; resultId?: string}>('textDocument/diagnostic', {textDocument: {uri}});
    assert.deepEqual((await pull(page)).items, []);
    const ownerReport = await pull(owner);
    // A folder whose name only begins like the excluded one is linted.
    assert.deepEqual(ownerReport.items.map((d) => d.code), ['term/variant']);
    // The client lists the result of a document it pulled: the workspace is linted at once, not waited on.
    const ws = await c.request<{items: {uri: string; items: {code: string}[]}[]}>('workspace/diagnostic', {previousResultIds: [{uri: owner, value: ownerReport.resultId}]});
    assert.deepEqual(ws.items.map((i) => [path.basename(i.uri), i.items.map((d) => d.code)]), [['closed.md', ['term/deprecated']]]);
  });
});
