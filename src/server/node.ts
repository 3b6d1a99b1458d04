/**
 * The language server in Node: files, `.rubric.yaml` and glossaries through
 * src/node/, over stdio or Node IPC (`rubric lsp --stdio` / `--node-ipc`).
 */

import {OFFICE_SCHEME, officeFileOf} from '../core/office/textUri.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {inspect} from 'node:util';
import RIL from 'vscode-jsonrpc/lib/node/ril.js';
import {
  AbstractMessageReader, AbstractMessageWriter, createConnection, createProtocolConnection, Disposable, ReadableStreamMessageReader, WriteableStreamMessageWriter,
  type Connection, type DataCallback, type InitializeParams, type Message, type MessageReader, type MessageWriter,
} from 'vscode-languageserver';
import {builtinDataDir, CONFIG_NAME, findConfig, loadEngine} from '../node/files.js';
import {configRelative, editTextFile, workspaceGlossaries} from '../node/glossaryFiles.js';
import {readDocument, writeDocument} from '../node/textFile.js';
import {OfficeError, readOffice} from '../node/office/index.js';
import {fixOfficeFile} from '../node/office/write.js';
import {say, type Localized} from '../core/index.js';
import type {OfficeFiles, ServerHost} from './host.js';
import {checkedJson} from './messages.js';
import {startServer, type RubricServer} from './server.js';

/** Folders never walked into for workspace diagnostics: tools' and build output, and hidden ones. */
const SKIPPED = new Set(['node_modules', 'dist', 'out']);
const DOCUMENT = /\.(md|markdown|txt)$/i;

/** An Office file's error with the file's name: `nota.docx: …` in either language. */
const named = (e: OfficeError): Localized => ({nl: `${e.file}: ${e.said.nl}`, en: `${e.file}: ${e.said.en}`});

/** Word and OpenDocument files through src/node/office/: an OfficeError is the answer, anything else a fault. */
const officeFiles: OfficeFiles = {
  read: (file) => {
    try {
      const doc = readOffice(file);
      if (!doc) return {error: say(`${file}: geen Word- of OpenDocument-document; niet gelezen`, `${file}: not a Word or OpenDocument document; not read`)};
      return {text: doc.mapped, trackedChanges: doc.content.trackedChanges};
    } catch (e) {
      if (e instanceof OfficeError) return {error: named(e)};
      throw e;
    }
  },
  fix: (file, lint, include, passes) => {
    try {
      const r = fixOfficeFile(file, lint, include, passes);
      return {applied: r.applied, notApplied: [...r.notApplied], text: r.doc.mapped};
    } catch (e) {
      if (e instanceof OfficeError) return {error: named(e)};
      throw e;
    }
  },
};

export const nodeHost: ServerHost = {
  office: officeFiles,
  // The text of an Office file (src/core/office/textUri.ts) has the file's configuration and `ignore:` entries.
  pathOf: (uri) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri.startsWith(`${OFFICE_SCHEME}:`) ? fileURLToPath(officeFileOf(uri)!) : undefined),
  uriOf: (file) => pathToFileURL(file).href,
  dirname: (file) => path.dirname(file),
  findConfig: (dir) => findConfig(path.join(dir, 'untitled.md')),
  loadEngine: (file, options) => {
    const loaded = loadEngine(file ?? path.join(process.cwd(), 'untitled.md'), {
      builtinOnly: options.builtinOnly, glossaries: options.glossaries, rules: options.rules,
      ...(options.configFile ? {configFile: options.configFile} : {}), ...(options.lang ? {lang: options.lang} : {}),
    });
    return loaded;
  },
  readFile: (file) => {
    try {
      return readDocument(file).text;
    } catch {
      return undefined;
    }
  },
  writeFile: (file, text) => {
    if (fs.existsSync(file)) writeDocument(readDocument(file), text);
    else fs.writeFileSync(file, text, {flag: 'wx'});
  },
  ignoreTarget: (file, folder) => {
    const configFile = findConfig(file) ?? path.join(folder ?? path.dirname(file), CONFIG_NAME);
    return {configFile, relative: path.relative(path.dirname(configFile), file).split(path.sep).join('/')};
  },
  listDocuments: (folders, cancelled) => {
    const out: string[] = [];
    const walk = (dir: string) => {
      if (cancelled()) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, {withFileTypes: true});
      } catch {
        return;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory() && !SKIPPED.has(e.name) && !e.name.startsWith('.')) walk(full);
        else if (e.isFile() && DOCUMENT.test(e.name)) out.push(full);
      }
    };
    for (const f of folders) walk(f);
    return out;
  },
  isBuiltinFile: (file) => path.dirname(file) === builtinDataDir(),
  workspaceGlossaries: (file, folder) => workspaceGlossaries(file, folder ?? path.dirname(file)),
  relativePath: configRelative,
  editTextFile: (file, change) => void editTextFile(file, change),
  pageUri: (url) => {
    try {
      const page = path.join(path.dirname(builtinDataDir()), ...url.split('/'));
      return fs.existsSync(page) ? pathToFileURL(page).href : undefined;
    } catch {
      return undefined;
    }
  },
};

export type Transport = 'stdio' | 'node-ipc';

// The Node runtime layer of vscode-jsonrpc (timers, encodings, streams), and nothing else of its Node part:
// that part also holds pipes, sockets and process spawning, which the build leaves out (scripts/build.mjs).
RIL.install();

/** Messages as they come from the parent over Node's IPC channel. */
class IpcReader extends AbstractMessageReader {
  listen(callback: DataCallback): Disposable {
    process.on('message', callback);
    return Disposable.create(() => process.off('message', callback));
  }
}

class IpcWriter extends AbstractMessageWriter {
  write(message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      process.send!(message, undefined, undefined, (error) => {
        if (error) {
          this.fireError(error, message);
          reject(error);
        } else resolve();
      });
    });
  }

  end(): void {
    // The channel belongs to the parent.
  }
}

/** The reader and writer of a transport; over stdio a message that is no JSON or no JSON-RPC gets its error response. */
function transport(kind: Transport): [MessageReader, MessageWriter] {
  if (kind === 'node-ipc') return [new IpcReader(), new IpcWriter()];
  const writer = new WriteableStreamMessageWriter(RIL().stream.asWritableStream(process.stdout));
  const reader = new ReadableStreamMessageReader(RIL().stream.asReadableStream(process.stdin), {contentTypeDecoder: checkedJson((m: Message) => void writer.write(m))});
  return [reader, writer];
}

/**
 * Starts the server on this process's stdio or IPC channel. The process ends on the client's `exit`
 * (code 0 after `shutdown`, else 1), when its input closes, and when the client's process (the
 * `processId` of `initialize`) is gone.
 */
export function runNodeServer(kind: Transport): RubricServer {
  const [reader, writer] = transport(kind);
  let shutdownReceived = false;
  const end = () => process.exit(shutdownReceived ? 0 : 1);
  if (kind === 'stdio') {
    process.stdin.on('end', end);
    process.stdin.on('close', end);
  } else process.on('disconnect', end);
  const watchDog = {
    get shutdownReceived() {
      return shutdownReceived;
    },
    set shutdownReceived(value: boolean) {
      shutdownReceived = value;
    },
    initialize(params: InitializeParams) {
      const pid = params.processId;
      if (typeof pid !== 'number') return;
      // Signal 0 only tells whether the process is there.
      const timer = setInterval(() => {
        try {
          process.kill(pid, 0);
        } catch {
          process.exit(1);
        }
      }, 3000);
      timer.unref();
    },
    exit: (code: number) => process.exit(code),
  };
  const connection: Connection = createConnection((logger) => {
    // Nothing but LSP messages may reach stdout: whatever else is printed goes to the client's log.
    const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
    console.log = console.info = console.debug = (...args: unknown[]) => logger.log(text(args));
    console.warn = (...args: unknown[]) => logger.warn(text(args));
    console.error = (...args: unknown[]) => logger.error(text(args));
    // A frame that cannot be read (a header without Content-Length) is dropped: the client's log says why.
    reader.onError((error) => logger.error(`a message from the client could not be read: ${error.message}`));
    return createProtocolConnection(reader, writer, logger);
  }, watchDog);
  return startServer(connection, nodeHost);
}
