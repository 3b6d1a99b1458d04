// Writes rubric-cli-<version>.tgz: the command-line tool as one npm package with everything bundled
// and no dependencies, for `npm install -g ./rubric-cli-<version>.tgz` on a machine that reaches no
// registry. `npm run package` runs it beside the .vsix; `--out DIR` puts the tarball in DIR instead of
// the repository's root.
import {lspCommonOnly} from './lspCommonOnly.mjs';
import * as esbuild from 'esbuild';
import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import {validatorsPlugin} from './validators.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
const out = path.resolve(outAt > 0 ? process.argv[outAt + 1] : root);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-cli-package-'));
try {
  const copy = (dir, filter) => {
    fs.mkdirSync(path.join(stage, dir), {recursive: true});
    for (const name of fs.readdirSync(path.join(root, dir)).filter(filter).sort()) {
      fs.copyFileSync(path.join(root, dir, name), path.join(stage, dir, name));
    }
  };
  // The data the CLI reads beside itself (src/node/files.ts: builtinDataDir) and the rules' pages (SARIF's helpUri).
  copy('glossary', (n) => n.endsWith('.yaml'));
  copy('glossary/schema', (n) => n.endsWith('.json'));
  copy('docs/rules', (n) => n.endsWith('.md'));
  for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md']) fs.copyFileSync(path.join(root, f), path.join(stage, f));

  const common = {
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'warning',
    absWorkingDir: root, define: {RUBRIC_VERSION: JSON.stringify(pkg.version)},
  };
  await esbuild.build({
    ...common, entryPoints: {cli: 'src/cli/launcher.ts', 'cli-main': 'src/cli/index.ts'}, outdir: path.join(stage, 'dist'), banner: {js: '#!/usr/bin/env node'},
    plugins: [lspCommonOnly, validatorsPlugin],
  });
  // dist/builtin.json: the built-in data parsed and checked once, as the build does it (scripts/builtinData.ts).
  await esbuild.build({...common, entryPoints: {'builtin-data': 'scripts/builtinData.ts'}, outdir: path.join(stage, 'dist')});
  execFileSync(process.execPath, [path.join(stage, 'dist', 'builtin-data.js')], {stdio: 'inherit'});
  fs.rmSync(path.join(stage, 'dist', 'builtin-data.js'));
  fs.chmodSync(path.join(stage, 'dist', 'cli.js'), 0o755);

  const manifest = {
    name: 'rubric-cli',
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    keywords: pkg.keywords,
    engines: {node: pkg.engines.node},
    bin: {rubric: 'dist/cli.js'},
    files: ['dist/cli.js', 'dist/cli-main.js', 'dist/builtin.json', 'glossary', 'docs/rules', 'CHANGELOG.md'],
  };
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.mkdirSync(out, {recursive: true});
  // --ignore-scripts: packing runs nothing of the package; the npm cache is a throwaway one, so packing needs no registry.
  const cache = path.join(stage, '.npm-cache');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--offline', '--cache', cache, '--pack-destination', out], {cwd: stage, encoding: 'utf8'}));
  console.log(path.relative(process.cwd(), path.join(out, packed[0].filename)) || packed[0].filename);
} finally {
  fs.rmSync(stage, {recursive: true, force: true});
}
