/** The extension's own page (dist/README.md, from EXTENSION.md by scripts/extension-readme.mjs). */

import {strict as assert} from 'node:assert';
import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));

describe('the extension page', () => {
  it('names every command of the palette in Dutch and in English, as VS Code shows it', function () {
    this.timeout(30000);
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'extension-readme.mjs')], {stdio: 'ignore'});
    const page = fs.readFileSync(path.join(ROOT, 'dist', 'README.md'), 'utf8');
    assert.ok(!page.includes('<!-- commands -->'));
    const pkg = read('package.json');
    const nls = {nl: read('package.nls.nl.json'), en: read('package.nls.json')};
    const hidden = new Set((pkg.contributes.menus?.commandPalette ?? []).filter((m: {when?: string}) => m.when === 'false').map((m: {command: string}) => m.command));
    const commands = (pkg.contributes.commands as {command: string; title: string}[]).filter((c) => !hidden.has(c.command));
    assert.ok(commands.length > 10);
    for (const c of commands) {
      const key = c.title.slice(1, -1);
      assert.ok(page.includes(`| Rubric: ${nls.nl[key]} | Rubric: ${nls.en[key]} |`), `${c.command}: ${nls.nl[key]} / ${nls.en[key]}`);
    }
  });
});
