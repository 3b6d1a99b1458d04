/**
 * End-to-end harness: runs the packaged extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3,
 * installed by scripts/setup-e2e.sh) and drives the workbench with playwright-core in Debian's Chromium.
 *
 *   const server = await startCodeServer({vsix: 'rubric-0.1.0.vsix', workspace: '/tmp/ws', settings: {...}});
 *   const wb = await openWorkbench(server.url, server.workspace);
 *   await quickOpen(wb.page, 'draft.md');
 *   const rows = await waitForProblems(wb.page, (rs) => rs.some((r) => r.code === 'RB001'));
 *   const text = await hoverWord(wb.page, 'AIVD', {expect: 'Algemene'});
 *   await applyCodeAction(wb.page, 'Vervang ...', {word: 'AIVD'});
 *   await screenshot(wb.page, 'test-results/e2e/draft.png');
 *   await wb.close(); await server.stop();
 *
 * Or inside the extension host: runExtensionTests({workspace, extensionDevelopmentPath, extensionTestsPath}).
 *
 * Waits are Playwright locator waits or polling loops with a time limit (waitUntil); there are no fixed
 * sleeps. A suite should `this.skip()` when !e2eAvailable(), and use a mocha timeout of a few minutes.
 *
 * Pitfalls met with VS Code 1.100 / code-server 4.100.3 / headless Chromium, and what this file does:
 * - Timing (2 shared cores): the HTTP port answers ~1-3 s after spawn (+2-3 s per --install-extension);
 *   `.monaco-workbench` is visible 6-15 s after page.goto; the FIRST Quick Open result then takes another
 *   ~8-15 s (file search waits for the server side / extension host to come up; a later Ctrl+P answers in
 *   ~0.2 s); diagnostics of an onLanguage-activated extension are in the Problems panel ~1.5-3 s after the
 *   file opens. Total from spawn to "first diagnostic seen": ~25-35 s. Wait on effects, not on time.
 * - Keyboard: Playwright sends keys through CDP to the page, so Chromium's own accelerators do not take
 *   them: Ctrl+P (Quick Open), F1 and Ctrl+Shift+P (Command Palette), Ctrl+G, Ctrl+Shift+M (Problems),
 *   Ctrl+Shift+O, Ctrl+Shift+E, Ctrl+Space, Ctrl+., Ctrl+K Ctrl+I, Ctrl+N and even Ctrl+W (closes the editor,
 *   not the page) all reach VS Code (checked).
 * - Command palette: typing a command id (e.g. `workbench.actions.view.problems`) matches it; the row shows
 *   the label ("View: Toggle Problems"). That command toggles, so openProblems() only runs it when
 *   `.markers-panel` is not visible.
 * - Quick input: `.quick-input-widget`, text box `.quick-input-box input`, rows
 *   `.quick-input-list .monaco-list-row`, highlighted row `.focused`. Results arrive asynchronously: wait until
 *   the focused row shows the wanted text before pressing Enter.
 * - Problems panel: see readProblems() for the DOM. It is virtualised (only rows in view exist).
 * - Editor hover: `.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content` (other `.monaco-hover`
 *   elements exist for workbench hovers). One widget holds the diagnostic part ("message source(code)",
 *   "View Problem (Alt+F8)", "Quick Fix... (Ctrl+.)") and each hover provider's part, filled in
 *   asynchronously: pass `expect` to wait for your provider's text.
 * - Monaco renders spaces as U+00A0 (editorText() normalises) and only the lines in view; words further
 *   down are reached with Go to Line (hoverWord/clickWord `line` option). Never `locator.click()` into
 *   `.view-lines`: Playwright's scroll-into-view scrolls Monaco's overflow:hidden containers natively and
 *   the editor ends up showing only its last line; click at computed coordinates with page.mouse instead.
 * - Code action menu (`.action-widget`): a `.context-view-pointerBlock` overlay swallows clicks while it
 *   is open; choose with ArrowDown/Enter.
 * - page.evaluate() of a function defined in a .ts file fails with "ReferenceError: __name is not
 *   defined": tsx/esbuild keep function names by wrapping them in a `__name` helper that the page does not
 *   have. Page-side code is kept in strings here (pageFunction()).
 * - The harness's tsconfig has no DOM lib, hence the `any` for elements.
 * - code-server reads/creates ~/.config/code-server/config.yaml and ~/.local/share/code-server, and Chromium
 *   writes ~/.config/chromium/Crash Reports: both get --config / XDG_* folders in temp dirs instead.
 * - VSCODE_IPC_HOOK_CLI (set in a VS Code terminal) would send `--install-extension` to that other VS Code:
 *   VSCODE_* and NODE_OPTIONS (tsx's loader) are removed from code-server's environment.
 * - code-server's extension gallery is open-vsx.org (unreachable here; the workbench logs ENOTFOUND):
 *   EXTENSIONS_GALLERY='{}' disables it. Installing a .vsix works without it.
 * - Two harmless 404s per page load for `static/node_modules/vsda/...` (closed-source module missing from
 *   code-server); they are left out of Workbench.consoleErrors.
 * - stop() must kill the process group: code-server forks the extension host, pty host and file watcher,
 *   which outlive a killed leader. Children are also killed on process exit.
 */
import {spawn, execFile, type ChildProcess} from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {chromium, type Browser, type BrowserContext, type Locator, type Page} from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
const READY_MARKER = '.rubric-e2e-ready';

/**
 * Flags from /work/shared/E2E.md (without the background-networking ones Chromium keeps trying Google's
 * hosts, which this closed network refuses), plus --disable-dev-shm-usage for containers' small /dev/shm.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Settings written under every test's user-data-dir unless overridden: no welcome page, no noise. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 150,
  'files.autoSave': 'off',
};

// ---------------------------------------------------------------------------------------------------
// code-server
// ---------------------------------------------------------------------------------------------------

/** Where scripts/setup-e2e.sh installed code-server (RUBRIC_E2E_CODE_SERVER overrides). */
export function codeServerDir(): string {
  const override = process.env.RUBRIC_E2E_CODE_SERVER;
  const cache = process.env.RUBRIC_E2E_CACHE || path.join(os.homedir(), '.cache', 'rubric-e2e');
  const dir = override || path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const ok = override
    ? fs.existsSync(path.join(dir, 'out', 'node', 'entry.js'))
    : fs.existsSync(path.join(dir, READY_MARKER));
  if (!ok) throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${dir}: run scripts/setup-e2e.sh`);
  return dir;
}

/** True when code-server and Chromium are installed; e2e suites can `this.skip()` otherwise. */
export function e2eAvailable(): boolean {
  try {
    codeServerDir();
    return fs.existsSync(chromiumPath());
  } catch {
    return false;
  }
}

export function chromiumPath(): string {
  return process.env.RUBRIC_E2E_CHROMIUM || '/usr/bin/chromium';
}

export interface StartOptions {
  /** Packaged extension(s) to install with --install-extension before the server starts. */
  vsix?: string | string[];
  /** Folder the workbench opens. */
  workspace: string;
  /** User settings (merged over DEFAULT_SETTINGS), written to <user-data-dir>/User/settings.json. */
  settings?: Record<string, unknown>;
  /** Extra code-server arguments, e.g. ['--locale', 'nl']. */
  args?: string[];
  /** Leave workspace trust on (the folder then opens in restricted mode until trusted). Default: trust is disabled. */
  workspaceTrust?: boolean;
  /** Time limit for the HTTP port to answer (default 60 s). */
  startTimeoutMs?: number;
  /** Echo code-server's output to stderr (also RUBRIC_E2E_VERBOSE=1). */
  verbose?: boolean;
  /** Keep the temp dir (user data, logs) after stop() (also RUBRIC_E2E_KEEP=1). */
  keep?: boolean;
}

export interface CodeServer {
  url: string;
  port: number;
  workspace: string;
  /** Temp folder holding user-data, extensions, config.yaml; removed by stop() unless kept. */
  root: string;
  userDataDir: string;
  extensionsDir: string;
  /** code-server's stdout+stderr so far (install + run). */
  log(): string;
  /** Kills the whole process group (server, extension host, pty host, watchers) and cleans up. */
  stop(): Promise<void>;
}

/** Running servers and their temp dirs (removed on exit unless kept). */
const live = new Map<ChildProcess, string | undefined>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A crashed or interrupted test run must not leave code-server process groups behind: the server is
  // detached (own process group), so a Ctrl+C in the terminal does not reach it by itself.
  const killAll = (): void => {
    for (const [child, root] of live) {
      killGroup(child, 'SIGKILL');
      if (root) fs.rmSync(root, {recursive: true, force: true});
    }
    live.clear();
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAll();
      // Keep the default behaviour (terminate) unless someone else (e.g. mocha) handles the signal.
      if (process.listenerCount(sig) === 1) {
        process.removeListener(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, onSignal);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const {port} = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function cleanEnv(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'NODE_OPTIONS' || k === 'PASSWORD' || k === 'HASHED_PASSWORD') continue;
    if (k === 'ELECTRON_RUN_AS_NODE' || k === 'PORT') continue;
    env[k] = v;
  }
  // No extension gallery: code-server's default is open-vsx.org, unreachable here (the workbench logs
  // "getaddrinfo ENOTFOUND open-vsx.org" otherwise). An empty gallery config disables it; installing
  // a .vsix does not need it.
  env.EXTENSIONS_GALLERY ??= '{}';
  env.XDG_CONFIG_HOME = path.join(root, 'xdg-config');
  env.XDG_DATA_HOME = path.join(root, 'xdg-data');
  env.XDG_CACHE_HOME = path.join(root, 'xdg-cache');
  return env;
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, {timeout: 2000}, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, {env, timeout: timeoutMs, maxBuffer: 16 << 20}, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      if (err) reject(new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1).join(' ')} failed: ${err.message}\n${out}`));
      else resolve(out);
    });
  });
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  const dir = codeServerDir();
  const entry = path.join(dir, 'out', 'node', 'entry.js');
  const workspace = path.resolve(opts.workspace);
  if (!fs.existsSync(workspace)) throw new Error(`workspace does not exist: ${workspace}`);
  const verbose = opts.verbose ?? process.env.RUBRIC_E2E_VERBOSE === '1';
  const keep = opts.keep ?? process.env.RUBRIC_E2E_KEEP === '1';

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-e2e-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const config = path.join(root, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), {recursive: true});
  fs.mkdirSync(extensionsDir, {recursive: true});
  // Our own config file, so code-server neither reads nor creates ~/.config/code-server/config.yaml.
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({...DEFAULT_SETTINGS, ...opts.settings}, null, 2),
  );
  const env = cleanEnv(root);
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const logChunks: string[] = [];
  const append = (s: string): void => {
    logChunks.push(s);
    if (verbose) process.stderr.write(s);
  };

  const cleanup = (): void => {
    if (!keep) fs.rmSync(root, {recursive: true, force: true});
  };

  // 1. Install the packaged extension(s) offline (~2-3 s each; a separate short-lived process).
  const vsixes = opts.vsix === undefined ? [] : Array.isArray(opts.vsix) ? opts.vsix : [opts.vsix];
  try {
    for (const vsix of vsixes) {
      const file = path.resolve(vsix);
      if (!fs.existsSync(file)) throw new Error(`vsix not found: ${file}`);
      const out = await run(process.execPath, [entry, ...common, '--install-extension', file, '--force'], env, 120_000);
      append(out);
      if (!/successfully installed/i.test(out)) throw new Error(`installing ${file} did not succeed:\n${out}`);
    }
  } catch (e) {
    cleanup();
    throw e;
  }

  // 2. Start the server in its own process group (detached) so stop() can kill everything it spawned.
  const port = await freePort();
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--disable-proxy',
    ...common,
    ...(opts.args ?? []),
    workspace,
  ];
  const child = spawn(process.execPath, args, {cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe']});
  live.set(child, keep ? undefined : root);
  installExitHook();
  child.stdout!.setEncoding('utf8').on('data', append);
  child.stderr!.setEncoding('utf8').on('data', append);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (!hasExited) {
      killGroup(child, 'SIGTERM');
      const t = new Promise((r) => setTimeout(r, 5000).unref());
      await Promise.race([exited, t]);
    }
    // The leader may be gone while the extension host or watchers linger in the group: make sure.
    killGroup(child, 'SIGKILL');
    live.delete(child);
    cleanup();
  };

  // 3. Wait until the HTTP port answers (/healthz is code-server's own, cheap, no auth).
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (hasExited) {
      const log = logChunks.join('');
      await stop();
      throw new Error(`code-server exited during startup:\n${log}`);
    }
    if (await httpOk(`${url}/healthz`)) break;
    if (Date.now() > deadline) {
      const log = logChunks.join('');
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${opts.startTimeoutMs ?? 60_000} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200)); // polling interval, not a settle delay
  }

  return {url, port, workspace, root, userDataDir, extensionsDir, log: () => logChunks.join(''), stop};
}

// ---------------------------------------------------------------------------------------------------
// Browser / workbench
// ---------------------------------------------------------------------------------------------------

export interface Workbench {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Errors the page logged (console.error and uncaught exceptions), for diagnosing a failing test. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Browser viewport (default 1400x900). */
  viewport?: {width: number; height: number};
  /** Time limit for `.monaco-workbench` (default 90 s). */
  timeoutMs?: number;
  /** Run Chromium with a window (needs a display, e.g. Xvfb). Default headless. */
  headed?: boolean;
  /** Extra query parameters for the workbench URL (e.g. payload). */
  query?: Record<string, string>;
}

/**
 * Launches Debian's Chromium through playwright-core with the flags above. Chromium writes "Crash Reports"
 * under $XDG_CONFIG_HOME/chromium even with a temp profile, so XDG points at a temp folder that close()
 * removes: a test run leaves nothing in $HOME.
 */
export async function launchChromium({headed = false} = {}): Promise<{browser: Browser; close(): Promise<void>}> {
  const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-e2e-chromium-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: !headed,
    args: CHROMIUM_ARGS,
    env: {...process.env, XDG_CONFIG_HOME: xdg, XDG_CACHE_HOME: xdg},
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      fs.rmSync(xdg, {recursive: true, force: true});
    },
  };
}

/** The workbench URL for `folder` (a path on the server machine, i.e. this one). */
export function workbenchUrl(url: string, folder: string, query: Record<string, string> = {}): string {
  return `${url}/?${new URLSearchParams({folder: path.resolve(folder), ...query}).toString()}`;
}

/** Opens the workbench for `folder` in Chromium and waits until `.monaco-workbench` is visible. */
export async function openWorkbench(url: string, folder: string, opts: WorkbenchOptions = {}): Promise<Workbench> {
  const {browser, close} = await launchChromium({headed: opts.headed});
  try {
    const context = await browser.newContext({viewport: opts.viewport ?? {width: 1400, height: 900}});
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      // code-server lacks VS Code's closed-source `vsda` module: two harmless 404s on every load.
      if (m.type() === 'error' && !m.location().url.includes('/vsda/')) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(workbenchUrl(url, folder, opts.query));
    const timeout = opts.timeoutMs ?? 90_000;
    await page.locator('.monaco-workbench').waitFor({state: 'visible', timeout});
    // The status bar and the editor area are created after the workbench shell: wait for them too,
    // so that the first keyboard shortcut lands on a workbench that has its keybinding service.
    await page.locator('.monaco-workbench .part.statusbar').waitFor({state: 'visible', timeout});
    await page.locator('.monaco-workbench .part.editor').waitFor({state: 'visible', timeout});
    return {browser, context, page, consoleErrors, close};
  } catch (e) {
    await close();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------
// Tests inside the extension host (like @vscode/test-web, but with code-server's Node extension host)
// ---------------------------------------------------------------------------------------------------

export interface ExtensionTestsOptions {
  /** Folder the workbench opens. */
  workspace: string;
  /** Folder of the extension under development (its package.json), loaded unpackaged. */
  extensionDevelopmentPath: string;
  /** Module in the extension host exporting `run(): Promise<void>` (e.g. one that runs mocha). */
  extensionTestsPath: string;
  /** Other extensions to install first, user settings, as for startCodeServer(). */
  vsix?: string | string[];
  settings?: Record<string, unknown>;
  /** Overall time limit (default 5 min). */
  timeoutMs?: number;
  /** Receives each console line of the workbench and extension host (default: written to stdout). */
  onLine?: (line: string) => void;
}

/**
 * Runs `extensionTestsPath` inside code-server's Node extension host with the extension at
 * `extensionDevelopmentPath` loaded, and resolves with the exit code (0 = run() resolved).
 *
 * How (verified with code-server 4.100.3): the web workbench reads `extensionDevelopmentPath` and
 * `extensionTestsPath` from the `payload` query parameter, a JSON list of [key, value] pairs; the values
 * must be `vscode-remote://127.0.0.1:<port>/<absolute path>` URIs so that the *remote* (Node) extension
 * host loads them (with `file://` URIs the workbench logs "No extension host found that can launch the
 * test runner at file:///..." and never finishes). When run()
 * settles, the workbench calls `window.codeAutomationExit(code)`, which we expose with Playwright. The
 * extension host's console output (mocha's reporter) is forwarded to the page console as
 * `console.log('%c INFO', 'color: #33f', format, ...args)`; it is formatted back here with util.format.
 */
export async function runExtensionTests(opts: ExtensionTestsOptions): Promise<{exitCode: number; output: string[]}> {
  const {format} = await import('node:util');
  const server = await startCodeServer({workspace: opts.workspace, vsix: opts.vsix, settings: opts.settings});
  const {browser, close} = await launchChromium();
  const output: string[] = [];
  const emit = opts.onLine ?? ((l: string) => process.stdout.write(`${l}\n`));
  try {
    const page = await browser.newPage();
    page.on('console', async (m) => {
      let args: unknown[];
      try {
        args = await Promise.all(m.args().map((a) => a.jsonValue()));
      } catch {
        args = [m.text()];
      }
      // Strip the workbench logger's '%c INFO', 'color: ...' prefix.
      if (typeof args[0] === 'string' && args[0].startsWith('%c') && typeof args[1] === 'string') args = args.slice(2);
      const line = format(...args);
      output.push(line);
      emit(line);
    });
    const authority = `127.0.0.1:${server.port}`;
    const remote = (p: string): string => `vscode-remote://${authority}${path.resolve(p)}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(opts.extensionTestsPath)],
    ]);
    let resolveExit!: (code: number) => void;
    const exit = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    await page.goto(workbenchUrl(server.url, opts.workspace, {payload}));
    const limit = opts.timeoutMs ?? 300_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`extension tests did not finish within ${limit} ms`)), limit);
    });
    try {
      const exitCode = await Promise.race([exit, timeout]);
      return {exitCode, output};
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await close();
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------
// Generic waiting
// ---------------------------------------------------------------------------------------------------

/**
 * Polls `fn` until it returns a truthy value or `timeoutMs` passes; returns that value. For conditions a
 * single locator cannot express (e.g. "the Problems panel has a row matching ..."). The last error thrown by
 * `fn` is reported on timeout.
 */
export async function waitUntil<T>(
  fn: () => Promise<T | undefined | null | false>,
  {timeoutMs = 30_000, intervalMs = 250, what = 'condition'} = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${String(lastErr)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs)); // polling interval
  }
}

// ---------------------------------------------------------------------------------------------------
// Quick input: Quick Open and Command Palette
// ---------------------------------------------------------------------------------------------------

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_INPUT_FOCUSED_ROW = `${QUICK_INPUT} .quick-input-list .monaco-list-row.focused`;

/**
 * Opens the quick input with `key` and fills in `value`. A view that takes the focus just after a command
 * (the Output view, say) closes a quick input opened at that moment: then it is opened again.
 */
async function openAndFill(page: Page, key: string, value: string, timeout: number): Promise<Locator> {
  const input = page.locator(QUICK_INPUT_BOX);
  const until = Date.now() + timeout;
  for (;;) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({state: 'visible', timeout: Math.min(5_000, Math.max(1, until - Date.now()))});
      await input.fill(value, {timeout: 3_000});
      return input;
    } catch (e) {
      if (Date.now() >= until) throw e;
    }
  }
}

async function pickInQuickInput(page: Page, openKey: string, value: string, expect: string, timeout: number): Promise<void> {
  const input = await openAndFill(page, openKey, value, timeout);
  // Results are filtered/searched asynchronously: wait until the highlighted row is the one we want.
  await page.locator(QUICK_INPUT_FOCUSED_ROW, {hasText: expect}).first().waitFor({state: 'visible', timeout});
  await input.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({state: 'hidden', timeout});
}

/**
 * Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor. `file` is a name or a
 * workspace-relative path; the highlighted result must contain its base name. The default time limit is
 * long because the first file search of a session waits for the server side to be ready (8-15 s here).
 */
export async function quickOpen(page: Page, file: string, {timeout = 60_000} = {}): Promise<Locator> {
  const base = path.basename(file);
  await pickInQuickInput(page, 'Control+P', file, base, timeout);
  return waitForEditor(page, base, {timeout});
}

/** Waits until the active editor tab is `fileName` and its text is rendered; returns the editor locator. */
export async function waitForEditor(page: Page, fileName: string, {timeout = 30_000} = {}): Promise<Locator> {
  await page
    .locator('.editor-group-container.active .tabs-container .tab.active', {hasText: fileName})
    .waitFor({state: 'visible', timeout});
  const editor = activeEditor(page);
  await editor.locator('.view-lines .view-line').first().waitFor({state: 'visible', timeout});
  return editor;
}

/** The text editor in the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/**
 * Runs a command through the Command Palette (F1). `label` is the text shown in the palette, e.g.
 * 'View: Toggle Problems' or 'Rubric: Check Document'; matching is by the palette's fuzzy filter, and the
 * highlighted row must contain `label` (case-insensitive) before Enter is pressed. Pass `expect` when the
 * typed text differs from the shown label: typing a command id also finds the command, e.g.
 * runCommand(page, 'workbench.actions.view.problems', {expect: 'View: Toggle Problems'}).
 */
export async function runCommand(page: Page, label: string, {timeout = 30_000, expect}: {timeout?: number; expect?: string} = {}): Promise<void> {
  await pickInQuickInput(page, 'F1', `>${label}`, expect ?? label, timeout);
}

/**
 * Runs a command that asks for more in the quick input (a list to pick from, a text box), such as "Rubric: New
 * Kamerbrief" or "Output: Show Output Channels...": chooses it like runCommand but returns with the quick
 * input open, once a row other than the command itself is shown (the widget is reused, so it never hides).
 */
export async function runCommandAsking(page: Page, label: string, {timeout = 30_000, expect}: {timeout?: number; expect?: string} = {}): Promise<void> {
  const input = await openAndFill(page, 'F1', `>${label}`, timeout);
  await page.locator(QUICK_INPUT_FOCUSED_ROW, {hasText: expect ?? label}).first().waitFor({state: 'visible', timeout});
  await input.press('Enter');
  await waitUntil(async () => !(await input.inputValue()).startsWith('>'), {timeoutMs: timeout, what: `the input of "${label}"`});
}

// ---------------------------------------------------------------------------------------------------
// Problems panel
// ---------------------------------------------------------------------------------------------------

export interface ProblemRow {
  severity: 'error' | 'warning' | 'info' | 'hint' | 'unknown';
  message: string;
  /** Diagnostic.source ('' when none); the panel shows it as `source(code)`. */
  source: string;
  /** Diagnostic.code ('' when none). */
  code: string;
  /** 1-based, from "[Ln 2, Col 22]". */
  line: number;
  column: number;
  /** Absolute path of the file row the marker sits under (its label's aria-label). */
  file: string;
  /**
   * The row's aria-label, e.g. "Warning: Het woord TEST is verboden at line 2 and character 22.
   * generated by e2e-demo".
   */
  ariaLabel: string;
}

/**
 * Opens (shows and focuses) the Problems panel by running `workbench.actions.view.problems` from the
 * Command Palette (typing the id matches the command, shown as "View: Toggle Problems"). It is a toggle,
 * so it is only run when the panel is not already visible.
 */
export async function openProblems(page: Page, {timeout = 30_000} = {}): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await runCommand(page, 'workbench.actions.view.problems', {timeout, expect: 'View: Toggle Problems'});
  }
  await panel.waitFor({state: 'visible', timeout});
  return panel;
}

// Page-side code is kept in strings and turned into functions at run time with pageFunction(): tsx/esbuild
// compile this file with keepNames, which wraps inner named functions in `__name(...)` calls; a function
// passed to evaluate() is sent to the page as source text, where `__name` does not exist
// ("ReferenceError: __name is not defined").
function pageFunction<A, R>(src: string): (el: any, arg: A) => R {
  return new Function(`return (${src});`)() as (el: any, arg: A) => R;
}

const READ_PROBLEMS = pageFunction<void, ProblemRow[]>(String.raw`(el) => {
  const rows = [...el.querySelectorAll('.monaco-list-row')];
  rows.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
  const text = (root, sel) => ((root.querySelector(sel) || {}).textContent || '').trim();
  const out = [];
  let file = '';
  for (const row of rows) {
    const details = row.querySelector('.marker-message-details-container');
    if (!details) {
      const label = row.querySelector('.resource-label-container .monaco-icon-label');
      file = (label && label.getAttribute('aria-label')) || '';
      continue;
    }
    const icon = (row.querySelector('.marker-icon') || {}).className || '';
    const lc = /Ln\s*(\d+)\D+(\d+)/.exec(text(row, '.marker-line'));
    out.push({
      severity: /\berror\b/.test(icon) ? 'error' : /\bwarning\b/.test(icon) ? 'warning'
        : /\binfo\b/.test(icon) ? 'info' : /\bhint\b/.test(icon) ? 'hint' : 'unknown',
      message: text(details, '.marker-message'),
      source: text(details, '.marker-source'),
      code: text(details, '.marker-code'),
      line: lc ? Number(lc[1]) : 0,
      column: lc ? Number(lc[2]) : 0,
      file,
      ariaLabel: row.getAttribute('aria-label') || '',
    });
  }
  return out;
}`);

/**
 * Reads the marker rows rendered in the Problems panel (opens it first if needed), in panel order.
 * DOM of VS Code 1.100 (tree view mode, the default): `.markers-panel .monaco-list-row[aria-level="1"]`
 * is a file row (`.monaco-icon-label[aria-label]` = absolute path), `[aria-level="2"]` a marker row with
 * `.marker-icon.{error,warning,info}`, `.marker-message`, `.marker-source`, `.marker-code`, and
 * `.marker-line` "[Ln 2, Col 22]". The list is virtualised: rows scrolled out of the panel are not in the DOM,
 * so keep the number of problems in a test small (or maximise the panel).
 */
export async function readProblems(page: Page, {timeout = 30_000} = {}): Promise<ProblemRow[]> {
  const panel = await openProblems(page, {timeout});
  // One evaluate = one consistent snapshot of the rows. (No DOM lib in tsconfig: `any`.)
  return panel.evaluate(READ_PROBLEMS);
}

/** Polls the Problems panel until `predicate(rows)` holds; returns the rows. */
export async function waitForProblems(
  page: Page,
  predicate: (rows: ProblemRow[]) => boolean,
  {timeoutMs = 30_000} = {},
): Promise<ProblemRow[]> {
  let last: ProblemRow[] = [];
  try {
    return await waitUntil(async () => {
      last = await readProblems(page, {timeout: timeoutMs});
      return predicate(last) ? last : undefined;
    }, {timeoutMs, what: 'Problems panel rows'});
  } catch (e) {
    throw new Error(`${(e as Error).message}\nlast rows: ${JSON.stringify(last, null, 1)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Editor: hover, cursor
// ---------------------------------------------------------------------------------------------------

type Rect = {x: number; y: number; width: number; height: number};

const WORD_RECT = pageFunction<[string, number], Rect | null>(String.raw`(el, [w, nth]) => {
  const doc = el.ownerDocument;
  // Monaco positions lines absolutely and reuses their nodes: sort by top offset for document order.
  const lines = [...el.querySelectorAll('.view-lines .view-line')];
  lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  const escaped = w.replace(/[.*+?^(){}$|[\]\\]/g, '\\$&');
  let seen = 0;
  for (const line of lines) {
    const walker = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
    const nodes = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({n, start: text.length});
      text += n.data;
    }
    text = text.replace(/\u00a0/g, ' '); // Monaco renders spaces as U+00A0
    const re = new RegExp('(?<![\\p{L}\\p{N}_])' + escaped + '(?![\\p{L}\\p{N}_])', 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (seen++ !== nth) continue;
      const at = (off) => {
        for (let i = nodes.length - 1; i >= 0; i--) if (off >= nodes[i].start) return [nodes[i].n, off - nodes[i].start];
        return [nodes[0].n, 0];
      };
      const range = doc.createRange();
      const [sn, so] = at(m.index);
      const [en, eo] = at(m.index + w.length - 1);
      range.setStart(sn, so);
      range.setEnd(en, eo + 1);
      const r = range.getBoundingClientRect();
      return {x: r.x, y: r.y, width: r.width, height: r.height};
    }
  }
  return null;
}`);

/** Screen rectangle of the `occurrence`-th rendered whole-word occurrence of `word` in the active editor. */
async function wordRect(page: Page, word: string, occurrence: number): Promise<Rect | null> {
  return activeEditor(page).evaluate(WORD_RECT, [word, occurrence] as [string, number]);
}

/** The active editor's rendered text (visible lines only), with Monaco's U+00A0 spaces turned into spaces. */
export async function editorText(page: Page): Promise<string> {
  return (await activeEditor(page).locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Moves the cursor in the active editor to line:column (1-based) with Go to Line (Ctrl+G), which also
 * scrolls it into view. Ctrl+G works wherever the focus is (it acts on the active editor). Do not click
 * into `.view-lines` with a Playwright locator to focus the editor: the locator's scroll-into-view scrolls
 * Monaco's overflow:hidden containers natively and leaves the editor showing its last line.
 */
export async function goToLine(page: Page, line: number, column = 1, {timeout = 30_000} = {}): Promise<void> {
  const input = page.locator(QUICK_INPUT_BOX);
  await page.keyboard.press('Control+G');
  await input.waitFor({state: 'visible', timeout});
  await input.fill(`:${line}:${column}`);
  await input.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({state: 'hidden', timeout});
}

/**
 * Finds `word` (whole word, case-sensitive) in the active editor's rendered lines; when it is not rendered
 * and `line` is given, reveals that line first. Returns its centre in page coordinates.
 */
async function locateWord(page: Page, word: string, occurrence: number, line: number | undefined, timeout: number) {
  let rect = await wordRect(page, word, occurrence);
  if (!rect && line !== undefined) {
    await goToLine(page, line, 1, {timeout});
    rect = await waitUntil(() => wordRect(page, word, 0), {timeoutMs: timeout, what: `"${word}" rendered on line ${line}`});
  }
  if (!rect) throw new Error(`"${word}" (occurrence ${occurrence}) is not rendered in the active editor`);
  return {x: rect.x + rect.width / 2, y: rect.y + rect.height / 2};
}

/** Clicks into the word, placing the cursor inside it (e.g. before Ctrl+. for a quick fix). */
export async function clickWord(page: Page, word: string, {occurrence = 0, line, timeout = 30_000}: {occurrence?: number; line?: number; timeout?: number} = {}): Promise<void> {
  const {x, y} = await locateWord(page, word, occurrence, line, timeout);
  await page.mouse.click(x, y);
}

const EDITOR_HOVER = '.monaco-editor .monaco-hover:not(.hidden)';

/**
 * Hovers the mouse over `word` in the active editor and returns the editor hover's text. Pass `line` for
 * words that may be scrolled out of view; `occurrence` picks among rendered occurrences (0-based).
 * Pass `expect` to wait until the hover contains that text (hovers fill in asynchronously, provider by
 * provider: the first paint may show only "Loading..." or another provider's part).
 */
export async function hoverWord(
  page: Page,
  word: string,
  {occurrence = 0, line, expect, timeout = 30_000}: {occurrence?: number; line?: number; expect?: string; timeout?: number} = {},
): Promise<string> {
  const {x, y} = await locateWord(page, word, occurrence, line, timeout);
  // Leave first, so that a hover already open elsewhere closes and a new one is requested.
  await page.mouse.move(1, 1);
  await page.locator(EDITOR_HOVER).waitFor({state: 'hidden', timeout});
  // Two moves: Monaco starts the hover timer on mousemove inside the word.
  await page.mouse.move(x - 1, y);
  await page.mouse.move(x, y);
  return readHover(page, {expect, timeout});
}

/** Waits for the editor hover widget and returns its text (optionally until it contains `expect`). */
export async function readHover(page: Page, {expect, timeout = 30_000}: {expect?: string; timeout?: number} = {}): Promise<string> {
  const content = page.locator(`${EDITOR_HOVER} .monaco-hover-content`).first();
  if (expect !== undefined) {
    await page.locator(`${EDITOR_HOVER} .monaco-hover-content`, {hasText: expect}).first().waitFor({state: 'visible', timeout});
  } else {
    await content.waitFor({state: 'visible', timeout});
    // Wait until "Loading..." has been replaced by provider content.
    await waitUntil(async () => !/^\s*Loading\.\.\.\s*$/.test(await content.innerText()), {timeoutMs: timeout, what: 'hover content'});
  }
  return (await content.innerText()).trim();
}

/**
 * Applies the code action (quick fix, refactoring) titled `title`: clicks into `word` when given, opens the
 * code action menu with Ctrl+. (`.action-widget`), and picks the row containing `title`. When there is
 * no action, VS Code shows the overlay message "No code actions available" instead and this times out.
 */
export async function applyCodeAction(
  page: Page,
  title: string,
  {word, occurrence = 0, line, timeout = 30_000}: {word?: string; occurrence?: number; line?: number; timeout?: number} = {},
): Promise<void> {
  if (word !== undefined) await clickWord(page, word, {occurrence, line, timeout});
  await page.keyboard.press('Control+.');
  // Rows: `.monaco-list-row.action` (headers such as "Quick Fix" are rows without `.action`), the
  // highlighted one has `.focused`, its aria-label is the action's title. A mouse click does not work:
  // while the menu is open a `.context-view-pointerBlock` overlay takes pointer events until the mouse
  // moves. So walk the highlight with the arrow keys and press Enter.
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.filter({hasText: title}).first().waitFor({state: 'visible', timeout});
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  const count = await rows.count();
  for (let i = 0; ; i++) {
    if (((await focused.getAttribute('aria-label', {timeout})) ?? '').includes(title)) break;
    if (i >= count) throw new Error(`code action "${title}" could not be highlighted`);
    const before = await focused.getAttribute('id');
    await page.keyboard.press('ArrowDown');
    await waitUntil(async () => (await focused.getAttribute('id')) !== before, {timeoutMs: timeout, intervalMs: 50, what: 'highlight to move'});
  }
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({state: 'hidden', timeout});
}

// ---------------------------------------------------------------------------------------------------
// Misc
// ---------------------------------------------------------------------------------------------------

/** Saves a PNG of the whole browser viewport to `file` (folders created). */
export async function screenshot(page: Page, file: string): Promise<string> {
  const out = path.resolve(file);
  fs.mkdirSync(path.dirname(out), {recursive: true});
  await page.screenshot({path: out});
  return out;
}

/** Text of the notification toasts currently shown (e.g. after a command that shows a message). */
export async function notifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
}
