// Writes dist/README.md, the page VS Code shows for the installed extension (package.json's `package`
// script hands it to vsce): EXTENSION.md with its images inlined as data: URIs. VS Code's extension page
// resolves no relative image path of an extension installed from a .vsix, and Rubric fetches nothing
// from the network, so the images travel inside the page itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where EXTENSION.md lists the commands: replaced by their titles in both languages, read from the package. */
const COMMANDS_MARKER = '<!-- commands -->';

/**
 * The palette's commands as a table, Dutch beside English, so that a writer whose VS Code is in
 * English finds each command the page names (the titles are those of package.nls*.json).
 */
function commandsTable() {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
  const pkg = read('package.json');
  const en = read('package.nls.json');
  const nl = read('package.nls.nl.json');
  const hidden = new Set((pkg.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const title = (table, t) => (/^%.*%$/.test(t) ? table[t.slice(1, -1)] : t);
  const rows = pkg.contributes.commands
    .filter((c) => !hidden.has(c.command))
    .map((c) => `| ${c.category ?? 'Rubric'}: ${title(nl, c.title)} | ${c.category ?? 'Rubric'}: ${title(en, c.title)} |`);
  return ['| Nederlands | English |', '|---|---|', ...rows].join('\n');
}
const source = fs.readFileSync(path.join(root, 'EXTENSION.md'), 'utf8');
const types = {'.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif'};
let inlined = 0;
const page = source.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (all, alt, src) => {
  if (/^[a-z]+:/i.test(src)) return all;
  const file = path.join(root, src);
  const type = types[path.extname(file).toLowerCase()];
  if (!type) throw new Error(`EXTENSION.md: ${src} is no PNG, JPEG or GIF`);
  inlined++;
  return `![${alt}](data:${type};base64,${fs.readFileSync(file).toString('base64')})`;
});
fs.mkdirSync(path.join(root, 'dist'), {recursive: true});
fs.writeFileSync(path.join(root, 'dist', 'README.md'), page.replace(COMMANDS_MARKER, () => commandsTable()));
console.log(`wrote dist/README.md (${inlined} images inlined, ${Math.round(page.length / 1024)} KB)`);
