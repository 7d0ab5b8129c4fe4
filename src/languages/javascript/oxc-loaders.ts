/**
 * oxc-parser and oxc-resolver, loaded at their first use rather than when census starts: both are
 * native addons (a `dlopen` and their JavaScript glue, about 50 ms of CPU together), and a scan of a
 * repo with no JavaScript or TypeScript (saleor: Python, YAML, Markdown) never parses or resolves
 * any. `require` of oxc-parser's ES module is synchronous on the Node versions census supports
 * (`engines`: require(esm) is on by default from 20.19), so every caller stays synchronous and
 * nothing else changes.
 */
import { createRequire } from 'node:module';
import type * as OxcParser from 'oxc-parser';
import type * as OxcResolver from 'oxc-resolver';

const require = createRequire(import.meta.url);

let parser: typeof OxcParser | null = null;
let resolver: typeof OxcResolver | null = null;

export const oxcParser = (): typeof OxcParser => (parser ??= require('oxc-parser') as typeof OxcParser);

export const oxcResolver = (): typeof OxcResolver => (resolver ??= require('oxc-resolver') as typeof OxcResolver);
