/** The TextMate grammars tokenised with VS Code's own engine (vscode-textmate + oniguruma). */

import {strict as assert} from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import {INITIAL, Registry, type IGrammar} from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..');
const FILES: Record<string, string> = {
  'text.rubric.patterns': 'syntaxes/rubric.patterns.json',
  'text.plain.rubric': 'syntaxes/rubric.plaintext.tmLanguage.json',
};

let grammar: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s)}),
    loadGrammar: async (scope) => {
      const file = FILES[scope];
      return file ? JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) : null;
    },
  });
  grammar = (await registry.loadGrammar('text.plain.rubric'))!;
});

/** The text of each token that carries `scope`, line by line. */
function scoped(text: string, scope: string): string[] {
  let state = INITIAL;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) if (t.scopes.some((s) => s.startsWith(scope))) out.push(line.slice(t.startIndex, t.endIndex));
    state = r.ruleStack;
  }
  return out;
}

describe('grammars', () => {
  it('give banners in every scheme a classification scope', () => {
    const text = 'Stg. GEHEIM\nDepartementaal VERTROUWELIJK\nNATO SECRET\nCOSMIC TOP SECRET\nRESTREINT UE/EU RESTRICTED\nStg. Geheim';
    assert.deepEqual(scoped(text, 'markup.bold.classification.rubric'), text.split('\n'));
  });

  it('scope portion marks only where they open a paragraph or list item', () => {
    assert.deepEqual(scoped('(Stg.G) Tekst\n- (NS) punt\n1. (Dep.V.) punt\nTekst (Stg.G) midden', 'keyword.other.portion-mark.rubric'), ['(Stg.G)', '(NS)', '(Dep.V.)']);
  });

  it('scope TLP labels anywhere, and Kamerbrief field labels at the start of a line', () => {
    assert.deepEqual(scoped('Gedeeld als TLP:AMBER+STRICT en TLP:CLEAR.', 'constant.language.tlp.rubric'), ['TLP:AMBER+STRICT', 'TLP:CLEAR']);
    assert.deepEqual(scoped('Datum 10 december 2020\nBetreft Verstoring\nOns kenmerk 123\nDe Datum van', 'keyword.other.field.kamerbrief.rubric'), ['Datum', 'Betreft', 'Ons kenmerk']);
    assert.deepEqual(scoped('Rubriceringstermijn: 2030', 'keyword.other.field.rubric'), ['Rubriceringstermijn']);
  });

  it('are injected into Markdown outside code', () => {
    const injection = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes/rubric.markdown-injection.json'), 'utf8'));
    assert.match(injection.injectionSelector, /^L:text\.html\.markdown -markup\.fenced_code -markup\.inline\.raw/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.map((g: {path: string}) => g.path.replace('./', ''));
    for (const file of [...Object.values(FILES), 'syntaxes/rubric.markdown-injection.json']) assert.ok(contributed.includes(file), file);
  });
});
