/**
 * What an editor's own interface asks of the server beyond LSP: the VS Code
 * client's status bar and Rubric view (`rubric/documentInfo`), the
 * classification summary, setting the classification and a portion mark
 * (the choices, then the edit), the glossary (its entries for the Glossary
 * view and the quick picks, the files one may add to, and the edit itself,
 * written here), and the Kamerbrief template. Every answer is plain JSON in
 * the document's language; the client asks the questions and shows the
 * answers. No Node API here: files go through the `ServerHost`.
 */

import {ErrorCodes, ResponseError, type Connection, type Position, type Range, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver';
import type {TextDocument} from 'vscode-languageserver-textdocument';
import {
  addEntry, addToConfigList, addVariant, classificationChoices, classify, closestEntries, ConfigEditError, entryMarkdown, entryToRaw,
  formatMarkings, GlossaryEditError, intended, isAcronym, langOf, letterParts, markPortionEdit, ministerTitles, needsDuration, portionBlockAt, portionChoices,
  profileNode, letterNodes, setClassificationEdits, setLabelEdits, toSnippet, TWEEDE_KAMER,
  type Engine, type Fix, type GlossaryEntry, type Lang, type LintResult, type MarkingOccurrence, type OutlineKind, type OutlineNode,
} from '../core/index.js';
import {editorText as t} from '../core/editorTexts.js';
import type {ServerHost} from './host.js';
import {EDITOR_REQUESTS, type DocumentInfo, type EntryInfo, type GlossaryEditParams, type ViewNode} from './protocol.js';
import {glossaryEntries, configOf, markingRulesetOf, kamerbriefDataOf} from '../core/index.js';

/** What the requests need of the server: the current result of an open document, and an engine for any URI. */
export interface EditorAccess {
  resultFor(uri: string): Promise<{document: TextDocument; result: LintResult; engine: Engine} | undefined>;
  /** The engine of an open document, else of the workspace folder (a command run without a document). */
  engineFor(uri: string | undefined): Promise<Engine>;
  /** The workspace folder a file belongs to (the longest that holds it), else the first. */
  folderOf(file: string | undefined): string | undefined;
  /** Whether the workspace may be read and written (false in an untrusted workspace). */
  trusted: boolean;
  /** Applies an edit in the client (an open file belongs to the editor). */
  applyEdit(edit: WorkspaceEdit): Promise<boolean>;
  /** An open document, by URI. */
  openDocument(uri: string): TextDocument | undefined;
  /** Drops the engines and lints again (after a glossary or configuration file was written). */
  refresh(): void;
}

const ICONS: Partial<Record<OutlineKind, string>> = {address: 'mail', field: 'symbol-field', salutation: 'comment', signature: 'edit'};

function params<T>(method: string, p: unknown, ...keys: string[]): T {
  const o = p && typeof p === 'object' ? p as Record<string, unknown> : undefined;
  for (const k of keys) {
    if (!o || o[k] === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: params.${k} is required`);
  }
  return o as T;
}

export function registerEditorRequests(connection: Connection, host: ServerHost, access: EditorAccess): void {
  const range = (document: TextDocument, start: number, end: number): Range => ({start: document.positionAt(start), end: document.positionAt(end)});
  const edit = (document: TextDocument, fixes: Fix[]): WorkspaceEdit => ({
    documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits: fixes.map((f): TextEdit => ({range: range(document, f.start, f.end), newText: f.text}))}],
  });
  const isBuiltin = (e: GlossaryEntry) => host.isBuiltinFile(e.origin.file);
  const entryInfo = (e: GlossaryEntry, lang: Lang): EntryInfo => ({
    term: e.term, expansions: e.expansions, variants: e.variants, accepted: e.accepted ?? [], definition: e.definition,
    ...(e.category ? {category: e.category} : {}), ...(e.deprecated ? {deprecated: {replacement: e.deprecated.replacement, since: String(e.deprecated.since)}} : {}),
    ...(e.minimumMarking ? {minimumMarking: e.minimumMarking} : {}), ...(e.wellKnown ? {wellKnown: true} : {}), ...(e.caseSensitive !== undefined ? {caseSensitive: e.caseSensitive} : {}),
    file: e.origin.file, line: e.origin.line, builtin: isBuiltin(e), markdown: entryMarkdown(e, lang),
  });
  const current = async (method: string, uri: string) => {
    const found = await access.resultFor(uri);
    if (!found) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${uri} is not open, or not linted by Rubric`);
    return found;
  };

  connection.onRequest(EDITOR_REQUESTS.documentInfo, async (p: unknown): Promise<DocumentInfo | null> => {
    const {uri} = params<{uri: string}>(EDITOR_REQUESTS.documentInfo, p, 'uri');
    const found = await access.resultFor(uri);
    if (!found) return null;
    const lang = langOf(found.engine);
    return {lang, status: statusOf(found.result, lang), nodes: documentNodes(found.document, found.result, lang, range)};
  });

  connection.onRequest(EDITOR_REQUESTS.classificationSummary, async (p: unknown) => {
    const {uri, name} = params<{uri: string; name: string}>(EDITOR_REQUESTS.classificationSummary, p, 'uri', 'name');
    const {result, engine} = await current(EDITOR_REQUESTS.classificationSummary, uri);
    const lang = langOf(engine);
    return {lang, text: formatMarkings(name, classify(result.context), result.context.lines, lang)};
  });

  connection.onRequest(EDITOR_REQUESTS.classificationChoices, async (p: unknown) => {
    const {uri} = params<{uri: string}>(EDITOR_REQUESTS.classificationChoices, p, 'uri');
    const {document, result, engine} = await current(EDITOR_REQUESTS.classificationChoices, uri);
    const ctx = result.context;
    const c = classificationChoices(ctx);
    return {
      lang: langOf(engine), version: document.version, current: c.current?.banner ?? null, required: c.required?.banner ?? null, belowRequired: c.belowRequired,
      levels: c.choices.map((x) => ({
        key: x.level.key, banner: x.level.banner, schemeName: x.level.schemeName, portion: x.level.portions[0] ?? null,
        current: x.current, lowers: x.lowers, aboveEveryPortion: x.aboveEveryPortion, needsDuration: needsDuration(ctx, x.level),
      })),
      labels: c.labels.map((x) => ({key: x.level.key, banner: x.level.banner, schemeId: x.level.schemeId, current: x.current})),
    };
  });

  connection.onRequest(EDITOR_REQUESTS.classificationEdit, async (p: unknown): Promise<WorkspaceEdit | null> => {
    const o = params<{uri: string; version: number; key: string; duration?: string}>(EDITOR_REQUESTS.classificationEdit, p, 'uri', 'version', 'key');
    const {document, result, engine} = await current(EDITOR_REQUESTS.classificationEdit, o.uri);
    // The writer chose on an earlier version: the edits would not fit.
    if (document.version !== o.version) return null;
    const {levels, labels} = markingRulesetOf(engine);
    const level = [...levels, ...labels].find((l) => l.key === o.key);
    if (!level) throw new ResponseError(ErrorCodes.InvalidParams, `${EDITOR_REQUESTS.classificationEdit}: no marking level "${o.key}"`);
    return edit(document, level.kind === 'label' ? setLabelEdits(result.context, level) : setClassificationEdits(result.context, level, o.duration));
  });

  connection.onRequest(EDITOR_REQUESTS.portionChoices, async (p: unknown) => {
    const {uri, position} = params<{uri: string; position: Position}>(EDITOR_REQUESTS.portionChoices, p, 'uri', 'position');
    const {document, result, engine} = await current(EDITOR_REQUESTS.portionChoices, uri);
    const ctx = result.context;
    const block = portionBlockAt(ctx, document.offsetAt(position));
    if (!block) return {lang: langOf(engine), version: document.version, paragraph: false};
    return {
      lang: langOf(engine), version: document.version, paragraph: true, current: block.mark?.text ?? null, banner: classificationChoices(ctx).current?.banner ?? '',
      choices: portionChoices(ctx).map((c) => ({mark: c.mark, banner: c.level.banner, used: c.used, exceedsBanner: c.exceedsBanner})),
    };
  });

  connection.onRequest(EDITOR_REQUESTS.portionEdit, async (p: unknown): Promise<WorkspaceEdit | null> => {
    const o = params<{uri: string; version: number; position: Position; mark: string}>(EDITOR_REQUESTS.portionEdit, p, 'uri', 'version', 'position', 'mark');
    const {document, result} = await current(EDITOR_REQUESTS.portionEdit, o.uri);
    if (document.version !== o.version) return null;
    const fix = markPortionEdit(result.context, document.offsetAt(o.position), o.mark);
    return fix ? edit(document, [fix]) : null;
  });

  connection.onRequest(EDITOR_REQUESTS.glossary, async (p: unknown) => {
    const {uri, text} = (p ?? {}) as {uri?: unknown; text?: unknown};
    const engine = await access.engineFor(typeof uri === 'string' ? uri : undefined);
    const lang = langOf(engine);
    return {
      lang, trusted: access.trusted, wellKnown: configOf(engine).wellKnown, ...(typeof text === 'string' ? {acronym: isAcronym(text)} : {}),
      entries: glossaryEntries(engine).map((e) => entryInfo(e, lang)),
      levels: markingRulesetOf(engine).levels.filter((l) => l.kind === 'classification' && l.rank >= 1).map((l) => ({banner: l.banner, schemeName: l.schemeName, schemeId: l.schemeId})),
    };
  });

  connection.onRequest(EDITOR_REQUESTS.closestEntries, async (p: unknown) => {
    const {uri, text} = params<{uri: string; text: string}>(EDITOR_REQUESTS.closestEntries, p, 'uri', 'text');
    const engine = await access.engineFor(uri);
    return closestEntries(glossaryEntries(engine), text).map((e) => entryInfo(e, langOf(engine)));
  });

  connection.onRequest(EDITOR_REQUESTS.glossaryDestinations, (p: unknown) => {
    const {uri} = params<{uri: string}>(EDITOR_REQUESTS.glossaryDestinations, p, 'uri');
    const file = host.pathOf(uri);
    if (!file || !access.trusted) throw new ResponseError(ErrorCodes.InvalidParams, `${uri}: only a saved file in a trusted workspace has workspace glossaries`);
    return host.workspaceGlossaries(file, access.folderOf(file));
  });

  connection.onRequest(EDITOR_REQUESTS.glossaryEdit, async (p: unknown) => glossaryEdit(params<GlossaryEditParams>(EDITOR_REQUESTS.glossaryEdit, p, 'uri', 'kind', 'text')));

  /** Writes the edit: through the editor where the file is open (the client saves it), else safely on disk; then lints again. */
  async function write(file: string, change: (text: string) => string, opened: string[]): Promise<void> {
    const uri = host.uriOf(file);
    const open = access.openDocument(uri);
    if (open) {
      const before = open.getText();
      const after = change(before);
      await access.applyEdit({documentChanges: [{textDocument: {uri, version: open.version}, edits: [{range: range(open, 0, before.length), newText: after}]}]});
      opened.push(uri);
    } else {
      host.editTextFile(file, change);
    }
  }

  async function glossaryEdit(o: GlossaryEditParams): Promise<{file: string; opened: string[]}> {
    const file = host.pathOf(o.uri);
    const engine = await access.engineFor(o.uri);
    const lang = langOf(engine);
    if (!file || !access.trusted) throw new ResponseError(ErrorCodes.InvalidParams, t(lang, 'cannotWrite', o.uri, 'untrusted workspace, or no file'));
    const opened: string[] = [];
    const entries = glossaryEntries(engine);
    let written: string;
    try {
      if (o.kind === 'wellKnown') {
        const {configFile} = host.workspaceGlossaries(file, access.folderOf(file));
        await write(configFile, (text) => addToConfigList(text, configFile, 'wellKnown', o.text), opened);
        access.refresh();
        return {file: configFile, opened};
      }
      const dest = o.dest;
      if (!dest) throw new ResponseError(ErrorCodes.InvalidParams, `${EDITOR_REQUESTS.glossaryEdit}: params.dest is required`);
      written = dest.file;
      if (o.kind === 'term') {
        if (!o.entry) throw new ResponseError(ErrorCodes.InvalidParams, `${EDITOR_REQUESTS.glossaryEdit}: params.entry is required`);
        const entry = o.entry;
        await write(dest.file, (text) => addEntry(text, dest.file, entry, entries), opened);
      } else {
        const of = entries.find((e) => e.term === o.of);
        if (!of) throw new ResponseError(ErrorCodes.InvalidParams, `${EDITOR_REQUESTS.glossaryEdit}: no entry "${o.of}"`);
        const others = entries.filter((e) => e !== of);
        // A built-in entry is copied, with its new variant, into the glossary chosen (which then replaces it).
        if (isBuiltin(of)) await write(dest.file, (text) => addVariant(addEntry(text, dest.file, entryToRaw(of)), dest.file, of.term, o.text, others), opened);
        else {
          written = of.origin.file;
          await write(of.origin.file, (text) => addVariant(text, of.origin.file, of.term, o.text, others), opened);
        }
      }
      if (dest.createIn) {
        const configFile = dest.createIn;
        await write(configFile, (text) => addToConfigList(text, configFile, 'glossaries', host.relativePath(configFile, dest.file)), opened);
      }
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      const said = (e as {file?: string; said?: Record<Lang, string>});
      const message = e instanceof GlossaryEditError || e instanceof ConfigEditError ? e.text(lang)
        : said.said && said.file ? `${said.file}: ${said.said[lang]}` : String((e as Error).message ?? e);
      throw new ResponseError(ErrorCodes.InvalidRequest, message);
    }
    access.refresh();
    return {file: written, opened};
  }

  connection.onRequest(EDITOR_REQUESTS.kamerbrief, async (p: unknown) => {
    const o = (p ?? {}) as {uri?: string; minister?: string};
    const engine = await access.engineFor(typeof o.uri === 'string' ? o.uri : undefined);
    const data = kamerbriefDataOf(engine);
    const titles = data ? ministerTitles(data) : [];
    const minister = typeof o.minister === 'string' ? o.minister : undefined;
    const snippet = minister === undefined ? null : toSnippet(letterParts({
      language: 'markdown', addressees: data?.addressees.length ? data.addressees : [TWEEDE_KAMER], titles: [minister, ...titles.filter((x) => x !== minister)],
    }));
    return {lang: langOf(engine), titles, snippet};
  });
}

/** `Stg. GEHEIM`, `Stg. Geheim → Stg. ZEER GEHEIM` (a warning), `Stg. GEHEIM / Stg. CONFIDENTIEEL` (a warning) or `ongerubriceerd`. */
export function statusOf(result: LintResult, lang: Lang): {text: string; tooltip: string; warning: boolean} {
  const c = classify(result.context);
  const banners = [c.top, c.bottom].filter((b) => b?.level);
  if (!banners.length) {
    if (!c.level) return {text: t(lang, 'statusUnmarked'), tooltip: t(lang, 'statusUnmarkedTooltip'), warning: false};
    return {text: `${t(lang, 'statusUnmarked')} → ${c.level.banner}`, tooltip: t(lang, 'statusNoBanner', c.level.banner), warning: true};
  }
  const stated = [...new Set(banners.map((b) => intended(b!)))].join(' / ');
  const ranks = banners.map((b) => b!.level!.rank);
  if (c.level && c.level.rank > Math.max(...ranks)) {
    return {text: `${stated} → ${c.level.banner}`, tooltip: t(lang, 'statusEffective', stated, c.level.banner), warning: true};
  }
  return {text: stated, tooltip: t(lang, 'statusStated', stated), warning: Math.min(...ranks) !== Math.max(...ranks)};
}

/**
 * The Rubric view's nodes: what VS Code's own outline does not say of a document: its kind and date, a
 * letter's parts (address block, fields, salutation, signature) and its classification (banners, highest
 * portion mark, classification period, the level of each marked section).
 */
function documentNodes(document: TextDocument, result: LintResult, lang: Lang, range: (d: TextDocument, s: number, e: number) => Range): ViewNode[] {
  const {lines} = result.context;
  const c = classify(result.context);
  const line = (o: {start: number}) => t(lang, 'viewLine', lines.position(o.start).line + 1);
  const node = (label: string, icon: string, start: number, end: number, extra: Partial<ViewNode> = {}): ViewNode => ({label, icon, range: range(document, start, end), children: [], ...extra});
  const mark = (key: 'viewTop' | 'viewBottom' | 'viewHighestPortion', o: MarkingOccurrence) => node(t(lang, key, intended(o)), 'shield', o.start, o.end, {description: line(o)});
  const status = statusOf(result, lang);
  const facts: ViewNode[] = [];
  if (c.top) facts.push(mark('viewTop', c.top));
  if (c.bottom) facts.push(mark('viewBottom', c.bottom));
  if (c.highestPortion) facts.push(mark('viewHighestPortion', c.highestPortion));
  if (c.duration) facts.push(node(`${c.duration.label}: ${c.duration.value || '–'}`, 'calendar', c.duration.start, c.duration.end, {description: line(c.duration)}));
  for (const s of c.sections) {
    if (s.level) facts.push(node(s.title || '…', 'symbol-string', s.headingStart, s.headingEnd, {description: s.level.banner}));
  }
  const first = c.top ?? c.bottom ?? c.highestPortion;
  const classification = node(`${t(lang, 'classification')}: ${status.text}`, status.warning ? 'warning' : 'law', first?.start ?? 0, first?.end ?? 0, {
    children: facts, ...(status.warning ? {warning: true} : {}),
  });
  const toNode = (n: OutlineNode, icon: string) => node(n.name, icon, n.start, Math.max(n.titleEnd, n.start), n.detail ? {description: n.detail} : {});
  const parts = letterNodes(result).filter((n) => n.kind !== 'section').map((n) => toNode(n, ICONS[n.kind] ?? 'symbol-field'));
  return [toNode(profileNode(result), 'file-text'), ...parts, classification];
}
