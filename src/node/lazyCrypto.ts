/**
 * node:crypto, loaded when first used. Loading it costs a short run about
 * 9 ms (Node 20 builds its cipher and key modules then), and most runs of
 * `rubric check` (a pre-commit hook on one file) need no hash at all.
 */

let loaded: typeof import('node:crypto') | undefined;

export function nodeCrypto(): typeof import('node:crypto') {
  return (loaded ??= require('node:crypto') as typeof import('node:crypto'));
}
