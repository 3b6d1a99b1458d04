/**
 * `dist/cli.js`, the `rubric` command: starts the CLI bundle beside it
 * (`cli-main.js`) with V8's code cache, so that a short run (a pre-commit
 * hook on one file) does not compile the bundle's code anew each time.
 *
 * On a Node with `module.enableCompileCache` (22.1 and later) that is Node's
 * own compile cache. On Node 20 the bundle is compiled as a `vm.Script` with
 * the cached data of an earlier run (a file per bundle and Node version in
 * a folder of the user's own in the system's temporary folder,
 * `rubric-compile-cache-<uid>/`, used only when it is the user's and no one
 * else may write it), written after a run that had none or whose data V8
 * rejected. The cache holds compiled code of Rubric only, never a text that
 * was linted. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for Node's own.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';

const bundle = path.join(__dirname, 'cli-main.js');

type CompileCacheModule = typeof Module & {enableCompileCache?: () => unknown};
type InternalModule = Module & {filename: string; paths: string[]};
type ModuleStatics = typeof Module & {_nodeModulePaths(dir: string): string[]; wrap(source: string): string};

function start(): void {
  const mod = Module as CompileCacheModule;
  if (process.env.NODE_DISABLE_COMPILE_CACHE) {
    require(bundle);
    return;
  }
  if (typeof mod.enableCompileCache === 'function') {
    mod.enableCompileCache();
    require(bundle);
    return;
  }
  runWithCodeCache();
}

/** Node 20: the bundle as a CommonJS module compiled with V8's cached data. */
function runWithCodeCache(): void {
  // Loaded here, not above: Node 22 and later never need them.
  const os = require('node:os') as typeof import('node:os');
  const vm = require('node:vm') as typeof import('node:vm');
  let source: string;
  let stat: fs.Stats;
  try {
    source = fs.readFileSync(bundle, 'utf8');
    stat = fs.statSync(bundle);
  } catch {
    // Let Node say what is wrong with it.
    require(bundle);
    return;
  }
  // One cache file per bundle (its path, size and time) and Node version: V8 rejects data of another.
  const id = `${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}-${hash(bundle)}`;
  const dir = ownFolder(path.join(os.tmpdir(), `rubric-compile-cache-${process.getuid?.() ?? 'user'}`));
  if (!dir) {
    require(bundle);
    return;
  }
  const cacheFile = path.join(dir, `${id}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const statics = Module as ModuleStatics;
  // The hashbang line is a comment to V8 only at the very start of a module Node reads itself.
  const script = new vm.Script(statics.wrap(source.startsWith('#!') ? `//${source}` : source), {filename: bundle, cachedData});
  if (!cachedData || script.cachedDataRejected) {
    // After the run, so that the functions it compiled are in the cache too.
    process.once('exit', () => writeCache(dir, cacheFile, script));
  }
  const m = new Module(bundle, module) as InternalModule;
  m.filename = bundle;
  m.paths = statics._nodeModulePaths(__dirname);
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const req = ((id: string) => m.require(id)) as NodeJS.Require;
  fn.call(m.exports, m.exports, req, m, bundle, __dirname);
}

/**
 * `dir`, made when missing, when it is a folder of this user that no one
 * else can write (cached data is code that runs); undefined otherwise.
 */
function ownFolder(dir: string): string | undefined {
  try {
    fs.mkdirSync(dir, {mode: 0o700});
  } catch {
    // There already, or not to be made: judged below.
  }
  try {
    const stat = fs.lstatSync(dir);
    const uid = process.getuid?.();
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** Writes the cached data atomically, and drops the data of earlier builds of the same bundle. */
function writeCache(dir: string, file: string, script: import('node:vm').Script): void {
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData(), {mode: 0o600});
    fs.renameSync(tmp, file);
    const sameBundle = `-${hash(bundle)}.bin`;
    for (const name of fs.readdirSync(dir)) {
      if (name.endsWith(sameBundle) && path.join(dir, name) !== file) fs.rmSync(path.join(dir, name), {force: true});
    }
  } catch {
    // A cache that cannot be written costs the next run its compile time, nothing else.
  }
}

/** A short hash of a string (FNV-1a), to tell bundles at different paths apart without loading node:crypto. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

start();
