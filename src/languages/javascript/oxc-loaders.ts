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
import { UsageError } from '../../util/errors.js';

const require = createRequire(import.meta.url);

let parser: typeof OxcParser | null = null;
let resolver: typeof OxcResolver | null = null;

/**
 * Node's own words for a require of an ES module with require(esm) off tell the user to edit
 * census's bundle; each file the parser would have read says this instead (see the test).
 */
const loadParser = (): typeof OxcParser => {
  try {
    return require('oxc-parser') as typeof OxcParser;
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ERR_REQUIRE_ESM') throw e;
    throw new Error('oxc-parser is an ES module and this Node.js loads none with require(): census needs require(esm), on by default from Node.js 20.19 (is --no-experimental-require-module set, in NODE_OPTIONS perhaps?)');
  }
};

export const oxcParser = (): typeof OxcParser => (parser ??= loadParser());

/**
 * oxc-resolver could not be loaded (its native binding missing for this platform, a broken
 * install). The resolver answers an import it cannot resolve as not found, so this one error must
 * pass through it: otherwise every JS/TS import would be broken and its files dead, silently.
 * The scan stops instead, as census did when it imported the addon at start, with one line that
 * says what to do (a known error, not a bug to report).
 */
export class OxcLoadError extends UsageError {
  override name = 'OxcLoadError';
}

const loadResolver = (): typeof OxcResolver => {
  try {
    return require('oxc-resolver') as typeof OxcResolver;
  } catch (e) {
    throw new OxcLoadError(`oxc-resolver could not be loaded, so no JavaScript or TypeScript import can be resolved (reinstall census on this platform): ${(e as Error).message}`, { cause: e });
  }
};

export const oxcResolver = (): typeof OxcResolver => (resolver ??= loadResolver());
