/**
 * Renders the extension's icon, docs/extension/icon.svg, to the PNG that
 * package.json names (VS Code wants a PNG of at least 128×128): `npx tsx
 * scripts/icon.ts`, with the Chromium of the end-to-end tests.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import {chromium} from 'playwright-core';
import {chromiumPath} from '../test/e2e/codeServer.js';

const DIR = path.resolve(__dirname, '..', 'docs', 'extension');

async function main(): Promise<void> {
  const browser = await chromium.launch({executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu']});
  try {
    const page = await browser.newPage({viewport: {width: 256, height: 256}});
    await page.setContent(`<html><body style="margin:0">${fs.readFileSync(path.join(DIR, 'icon.svg'), 'utf8')}</body></html>`);
    await page.screenshot({path: path.join(DIR, 'icon.png'), omitBackground: true});
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
