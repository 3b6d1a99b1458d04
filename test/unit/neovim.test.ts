/**
 * An LSP client nobody here wrote: Debian's Neovim, headless, with the README's
 * configuration as its init.lua, opens a draft, receives Rubric's diagnostics,
 * applies a code action with its own code, and saves. Skipped, with a note,
 * where Neovim is not installed (`.ci/run` installs it: apt-get install neovim).
 */

import {strict as assert} from 'node:assert';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {CLI, tmpWorkspace} from './lsp.helpers.js';

const ROOT = path.join(__dirname, '..', '..');

/** The README's Neovim configuration for the installed version: the Lua block that begins with this line. */
function readmeConfig(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.startsWith('-- Neovim 0.7 to 0.10'));
  if (!block) throw new Error('README.md has no ```lua block beginning with "-- Neovim 0.7 to 0.10"');
  return block;
}

describe('Neovim as the client', () => {
  const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'});
  before(function () {
    if (nvim.error) {
      console.log('    (Neovim is not installed: apt-get install neovim; .ci/run installs it)');
      this.skip();
    }
  });

  it('shows Rubric\'s diagnostics and applies its quick fix; the saved file has the fix', function () {
    this.timeout(60_000);
    const dir = tmpWorkspace({'draft.md': 'De WIV2017 en het ambts-bericht.\n'});
    // `rubric` on the PATH, as `npm link` puts it there.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'rubric'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, {mode: 0o755});
    fs.writeFileSync(path.join(dir, 'init.lua'), readmeConfig());
    const report = path.join(dir, 'report.txt');
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(dir, 'init.lua'), 'draft.md', '-c', `luafile ${path.join(ROOT, 'test', 'editors', 'neovim.lua')}`], {
      cwd: dir, encoding: 'utf8', timeout: 50_000,
      env: {...process.env, PATH: `${bin}:${process.env.PATH}`, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data'), XDG_STATE_HOME: path.join(dir, 'state'),
        RUBRIC_REPORT: report, RUBRIC_ACTION: 'Vervangen door «Wiv 2017»'},
    });
    const seen = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
    assert.equal(r.status, 0, `nvim exited ${r.status}:\n${seen}\n${r.stderr}`);
    assert.match(seen, /^diagnostic 1:4 term\/variant «WIV2017» is niet de voorkeursvorm; schrijf «Wiv 2017»\.$/m);
    assert.match(seen, /^diagnostic 1:19 term\/variant «ambts-bericht» is niet de voorkeursvorm; schrijf «ambtsbericht»\.$/m);
    assert.match(seen, /^action Alle correcties in dit bestand toepassen$/m);
    assert.match(seen, /^applied$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), 'De Wiv 2017 en het ambts-bericht.\n');
  });
});
