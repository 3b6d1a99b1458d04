/**
 * The language server as an editor meets it (`rubric lsp --stdio` in a child
 * process, LSP messages over its pipes): the round trip from `didChange` to
 * the diagnostics received for that version after a one-character edit, at
 * 1x, 10x and 100x the corpus document, with the debounce at 0 (the pause an
 * editor waits is excluded); the time from starting the server to the first
 * diagnostics; the server's memory (resident and peak, from /proc).
 */

import {spawn} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node';
import type {Engine} from '../src/core/engine.js';

interface Server {
  connection: MessageConnection;
  pid: number;
  /** Resolves when diagnostics for `version` arrive. */
  diagnosticsFor(version: number): Promise<number>;
  stop(): Promise<void>;
}

const URI = 'file:///bench/corpus.md';

/** Node's flags for the server: `--profile DIR` writes its CPU profiles (one a server) there. */
let serverFlags: string[] = [];

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [...serverFlags, path.join(__dirname, 'cli.js'), 'lsp', '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']});
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (n: number) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: {uri: string; version?: number; diagnostics: unknown[]}) => {
    if (p.uri === URI && p.version !== undefined) waiting.get(p.version)?.(p.diagnostics.length);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {settings: {debounceMs: 0}}});
  await connection.sendNotification('initialized', {});
  return {
    connection,
    pid: child.pid!,
    diagnosticsFor: (version) => new Promise((resolve) => waiting.set(version, resolve)),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Resident and peak memory of a process, in MB (Linux). */
function memoryOf(pid: number): {rss: number; peak: number} | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return {rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024};
  } catch {
    return undefined;
  }
}

/** The engine alone, in this process, on the same edit: the floor of the round trip. */
function engineRelint(engine: Engine, doc: string, mid: number, runs: number): number {
  const linter = engine.documentLinter('markdown');
  linter.lint(doc);
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    // A new string each time, as an editor's document gives the server.
    const text = i % 2 === 0 ? `${doc.slice(0, mid)}x${doc.slice(mid)}` : doc.slice(0, mid) + doc.slice(mid);
    const t = performance.now();
    linter.lint(text);
    if (i >= 3) samples.push(performance.now() - t);
  }
  return median(samples);
}

export async function lspBench(engine: Engine, corpusDocument: (times: number) => string, quick: boolean, profileDir?: string): Promise<void> {
  serverFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  console.log('\nLanguage server (rubric lsp --stdio, a child process; debounce 0, so the pause an editor waits is excluded):');
  // Start to first diagnostics: spawning Node, loading the bundle and the built-in data, the first lint of the 1x document.
  const one = corpusDocument(1);
  const starts: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t = performance.now();
    const server = await startServer();
    const first = server.diagnosticsFor(1);
    void server.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: URI, languageId: 'markdown', version: 1, text: one}});
    await first;
    starts.push(performance.now() - t);
    await server.stop();
  }
  console.log(`Start to first diagnostics (corpus 1x): ${median(starts).toFixed(0)} ms (median of ${starts.length}).`);
  console.log('\n| input | didChange to diagnostics, 1-char edit | the engine alone, same edit | a hover round trip (no lint) | server memory after it (resident / peak) |');
  console.log('|---|---|---|---|---|');
  for (const times of quick ? [1, 10] : [1, 10, 100]) {
    const doc = corpusDocument(times);
    const server = await startServer();
    let version = 1;
    const opened = server.diagnosticsFor(version);
    void server.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: URI, languageId: 'markdown', version, text: doc}});
    await opened;
    // The middle of the document, as a position: the line and column of a space there.
    const mid = doc.indexOf(' ', doc.length >> 1);
    const before = doc.slice(0, mid);
    const line = before.split('\n').length - 1;
    const character = mid - (before.lastIndexOf('\n') + 1);
    const samples: number[] = [];
    const runs = times === 100 ? 21 : 51;
    for (let i = 0; i < runs + 3; i++) {
      // Alternately type an "x" and delete it again, so that every edit is a real change.
      const insert = i % 2 === 0;
      const change = insert
        ? {range: {start: {line, character}, end: {line, character}}, text: 'x'}
        : {range: {start: {line, character}, end: {line, character: character + 1}}, text: ''};
      version++;
      const received = server.diagnosticsFor(version);
      const t = performance.now();
      void server.connection.sendNotification('textDocument/didChange', {textDocument: {uri: URI, version}, contentChanges: [change]});
      await received;
      if (i >= 3) samples.push(performance.now() - t);
    }
    // The transport's own share: a request the server answers without linting (a hover where nothing stands).
    const hovers: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await server.connection.sendRequest('textDocument/hover', {textDocument: {uri: URI}, position: {line: 0, character: 0}});
      hovers.push(performance.now() - t);
    }
    const memory = memoryOf(server.pid);
    await server.stop();
    const floor = engineRelint(engine, doc, mid, runs);
    console.log(`| corpus ${times}x (${(doc.length / 1024).toFixed(0)} KB) | ${median(samples).toFixed(2)} ms | ${floor.toFixed(2)} ms | ${median(hovers).toFixed(2)} ms | ${memory ? `${memory.rss.toFixed(0)} MB / ${memory.peak.toFixed(0)} MB` : 'n/a (no /proc)'} |`);
  }
}
