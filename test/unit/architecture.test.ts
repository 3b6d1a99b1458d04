import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

/** The TypeScript files under `src/<folder>`, with their text. */
function sources(folder: string): [string, string][] {
  const dir = path.join(SRC, folder);
  return (fs.readdirSync(dir, {recursive: true}) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [path.join(folder, f).split(path.sep).join('/'), fs.readFileSync(path.join(dir, f), 'utf8')]);
}

/** Every module a file imports: `import … from 'x'`, `export … from 'x'`, `import('x')` and `require('x')`. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)) found.push(m[1]);
  return found;
}

describe('the layers (CONTRIBUTING.md)', () => {
  it('the core imports neither vscode nor Node’s modules: it works on strings', () => {
    const bad = sources('core').flatMap(([file, text]) => importsOf(text)
      .filter((m) => m === 'vscode' || m.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(m))
      .map((m) => `${file}: ${m}`));
    assert.deepEqual(bad, []);
  });

  it('the CLI imports the engine only through src/core/index.ts, and reads no engine.data', () => {
    const bad = sources('cli').flatMap(([file, text]) => [
      ...importsOf(text).filter((m) => m.startsWith('../core/') && m !== '../core/index.js').map((m) => `${file}: imports ${m}`),
      ...(/\.data\.(?:entries|matcher|markings|config|kamerbrief)\b/.test(text) ? [`${file}: reads engine.data`] : []),
    ]);
    assert.deepEqual(bad, []);
  });

  it('the Node layer, the server and the extension read no engine.data (they ask src/core/index.ts)', () => {
    const bad = ['node', 'server', 'vscode', 'cli'].flatMap((layer) => sources(layer))
      .filter(([, text]) => /\.data\.(?:entries|matcher|markings|config|kamerbrief)\b/.test(text)).map(([file]) => file);
    assert.deepEqual(bad, []);
  });

  it('the language server and the extension stand beside the CLI, never on it', () => {
    const bad = ['server', 'vscode'].flatMap((layer) => sources(layer).flatMap(([file, text]) => importsOf(text)
      .filter((m) => /^(?:\.\.\/)+cli\//.test(m))
      .map((m) => `${file}: imports ${m}`)));
    assert.deepEqual(bad, []);
  });

  it('the extension imports no engine: everything the engine computes comes from the server', () => {
    const bad = sources('vscode').flatMap(([file, text]) => importsOf(text)
      // Texts, the clock, dates and folding are helpers on strings; the engine, its rules and its data stay in the server.
      .filter((m) => /^(?:\.\.\/)+core\/(?:index|engine|engineData|matcher|glossary|parse|config|rules\/|markings\/|office\/(?!textUri))/.test(m) || /^(?:\.\.\/)+node\//.test(m))
      .map((m) => `${file}: imports ${m}`));
    assert.deepEqual(bad, []);
  });
});
