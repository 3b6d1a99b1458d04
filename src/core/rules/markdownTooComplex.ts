import {MARKDOWN_LIMITS} from '../parse.js';
import {defineRule, type ChunkRule} from '../rule.js';
import type {Localized} from '../types.js';

const REASON: Record<string, (l: typeof MARKDOWN_LIMITS) => Localized> = {
  size: (l) => ({nl: `het blok is groter dan ${l.size / 1024} KB`, en: `the block is larger than ${l.size / 1024} KB`}),
  nesting: (l) => ({nl: `een regel opent meer dan ${l.nesting} geneste citaten of lijsten`, en: `a line opens more than ${l.nesting} nested quotes or lists`}),
  emphasis: (l) => ({nl: `het blok heeft meer dan ${l.emphasis} reeksen * of _`, en: `the block has more than ${l.emphasis} runs of * or _`}),
  table: (l) => ({nl: `het blok heeft meer dan ${l.table} regels met |`, en: `the block has more than ${l.table} lines with |`}),
};

export const markdownTooComplex = defineRule<ChunkRule>({
  scope: 'chunk',
  meta: {
    id: 'markdown/too-complex',
    tags: ['markdown'],
    description: {
      nl: 'Een Markdown-blok waarvan de structuur te kostbaar is om te ontleden (een heel groot blok, diep geneste citaten of lijsten, duizenden nadrukmarkeringen of tabelregels): het is als platte tekst gecontroleerd, zodat elke invoer in begrensde tijd klaar is. Termen, rubriceringen en codewoorden worden er nog steeds in gevonden; alleen de Markdown-opmaak telt niet mee.',
      en: 'A Markdown block whose structure is too costly to parse (a huge block, deeply nested quotes or lists, thousands of emphasis markers or table rows): it was checked as plain text, so that every input finishes in bounded time. Terms, markings and code words are still found in it; only its Markdown formatting is not taken into account.',
    },
    defaultSeverity: 'info',
    fixable: false,
    leavesAlone: {
      nl: [
        'Gewone Markdown: de grenzen liggen ver boven wat iemand met de hand schrijft (256 KB per blok, 32 niveaus op één regel, 1000 reeksen * of _, 2000 tabelregels).',
        'Platte tekst.',
      ],
      en: [
        'Ordinary Markdown: the limits are far above what anyone writes by hand (256 KB per block, 32 levels on one line, 1,000 runs of * or _, 2,000 table rows).',
        'Plain text.',
      ],
    },
    examples: {
      bad: [`${'>'.repeat(40)} Een te diep genest citaat.`, `${'- '.repeat(40)}Een lijst in een lijst in een lijst.`],
      good: ['> Een citaat.\n>\n> > Met een citaat erin.', '- Een lijst\n  - met een sublijst\n    - en nog een.'],
    },
  },
  check(ctx, report) {
    if (!ctx.plainText) return;
    const reason = REASON[ctx.plainText](MARKDOWN_LIMITS);
    // The block's first line (at most 200 characters of it), after a byte-order mark.
    const start = ctx.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let end = ctx.text.slice(start, start + 200).search(/[\r\n]/);
    end = end === -1 ? Math.min(ctx.text.length, start + 200) : start + end;
    report({
      start,
      end,
      message: {
        nl: `Dit blok is als platte tekst gecontroleerd: ${reason.nl}, te complex om als Markdown te ontleden.`,
        en: `This block was checked as plain text: ${reason.en}, too complex to parse as Markdown.`,
      },
    });
  },
});
