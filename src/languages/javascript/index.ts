/**
 * The language records of JavaScript and TypeScript: one family, one resolver, one tokenizer. Workers
 * load this module; the resolver (with its native module) is loaded on the main thread only, by
 * ../resolvers.ts.
 */
import { JAVASCRIPT_EXTENSIONS, TYPESCRIPT_EXTENSIONS } from '../js-family.js';
import type { LanguageRecord } from '../types.js';
import { javascriptExtractor, typescriptExtractor } from './extract.js';

/** walk.ts marks 'main-guard' for `require.main === module`, `import.meta.main`, `esMain(import.meta)` and a process.argv check against the module's own path. */
const JS_MAIN_GUARD = 'it has a `require.main === module` guard (or its ES module form)';

export const javascriptLanguage: LanguageRecord = {
  id: 'javascript',
  family: 'javascript',
  extensions: JAVASCRIPT_EXTENSIONS,
  shebang: /^(node|nodejs|bun|deno)$/,
  comments: 'slash',
  source: true,
  extractor: javascriptExtractor,
  ecosystem: 'javascript',
  tokens: 'js',
  // The extractor marks 'top-level-code' only on a Node script that exports nothing (top-level-script.ts).
  topLevelCodeRuns: true,
  mainGuardEvidence: JS_MAIN_GUARD,
};

export const typescriptLanguage: LanguageRecord = {
  id: 'typescript',
  family: 'javascript',
  extensions: TYPESCRIPT_EXTENSIONS,
  shebang: /^(tsx|ts-node|ts-node-esm)$/,
  comments: 'slash',
  source: true,
  extractor: typescriptExtractor,
  ecosystem: 'javascript',
  typeScriptImports: true,
  topLevelCodeRuns: true,
  mainGuardEvidence: JS_MAIN_GUARD,
  tokens: 'js',
};
