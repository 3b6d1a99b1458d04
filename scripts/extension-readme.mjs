// Writes dist/README.md, the page VS Code shows for the installed extension (package.json's `package`
// script hands it to vsce): EXTENSION.md with its images inlined as data: URIs. VS Code's extension page
// resolves no relative image path of an extension installed from a .vsix, and Rubric fetches nothing
// from the network, so the images travel inside the page itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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
fs.writeFileSync(path.join(root, 'dist', 'README.md'), page);
console.log(`wrote dist/README.md (${inlined} images inlined, ${Math.round(page.length / 1024)} KB)`);
