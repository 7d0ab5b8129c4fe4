/**
 * oxc-parser with the options census needs, chosen from the file name. On runtimes with raw
 * transfer (Node 22+ on 64-bit little-endian) the AST arrives through a shared buffer instead of
 * JSON, several times faster to deserialise; elsewhere the JSON path. Both give the same ESTree
 * objects; a test compares the facts when both paths are available.
 */
import type { Comment, EcmaScriptModule, OxcError, ParserOptions } from 'oxc-parser';
import type { AstNode } from './ast.js';
import { oxcParser } from './oxc-loaders.js';
import { checkNesting } from './nesting.js';
import { FRAME_BUDGET, foldedForProbe, frameCost, needsCostProbe, TooCostlyToParse } from './parse-cost.js';

export interface Parsed {
  program: AstNode;
  module: EcmaScriptModule;
  comments: Comment[];
  errors: OxcError[];
}

export type ParsePath = 'raw-transfer' | 'json';

/**
 * How to read code whose file name does not say (a `<script lang="ts">` block of a `.vue` file):
 * the grammar, always as an ES module, and whether a `return` may stand at the top level, as in
 * Astro's frontmatter (which also uses top-level `await` and `import.meta`, so it cannot be read
 * as CommonJS, the one source type where oxc allows that `return`).
 */
export interface Dialect {
  lang: 'js' | 'jsx' | 'ts' | 'tsx';
  topLevelReturn?: boolean;
}

/** oxc's error for a `return` outside a function: not an error where the dialect allows it. */
const RETURN_OUTSIDE_FUNCTION = /'return' statement can only be used within a function body/;

let rawTransfer: boolean | null = null;

/** Which path `parseFile` takes on this runtime. */
export const defaultParsePath = (): ParsePath => {
  if (rawTransfer === null) {
    try {
      rawTransfer = oxcParser().rawTransferSupported();
    } catch {
      rawTransfer = false;
    }
  }
  return rawTransfer ? 'raw-transfer' : 'json';
};

const lowerExtension = (path: string): string => {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1).toLowerCase();
  if (/\.d\.[mc]?ts$/.test(name)) return '.d.ts';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
};

/**
 * `.js` files are parsed as JSX, which is a superset for real code (React projects keep JSX in
 * `.js`). `.ts` is not: `<T>x` casts conflict with JSX, so only `.tsx` gets it. Files that are
 * not explicitly ESM or CommonJS are `unambiguous`: a module if they use import/export.
 */
export const parserOptions = (path: string, isTypeScript: boolean, dialect?: Dialect): ParserOptions => {
  if (dialect) return { lang: dialect.lang, sourceType: 'module', astType: 'js', preserveParens: false };
  const ext = lowerExtension(path);
  const lang: ParserOptions['lang'] = ext === '.d.ts' ? 'dts' : ext === '.tsx' ? 'tsx' : isTypeScript || ext === '.ts' || ext === '.mts' || ext === '.cts' ? 'ts' : 'jsx';
  const sourceType: ParserOptions['sourceType'] = ext === '.mjs' || ext === '.mts' ? 'module' : ext === '.cjs' || ext === '.cts' ? 'commonjs' : 'unambiguous';
  // `astType: 'js'` drops type annotations from the AST: a third less JSON to build and parse.
  return { lang, sourceType, astType: 'js', preserveParens: false };
};

const parseWith = (path: string, text: string, options: ParserOptions, via: ParsePath): Parsed => {
  const { parseSync } = oxcParser();
  const result = via === 'raw-transfer' ? parseSync(path, text, { ...options, experimentalRawTransfer: true } as ParserOptions) : parseSync(path, text, options);
  return {
    // oxc builds the AST objects when `program` is first read (on Node 20, a JSON.parse of the
    // whole tree, the larger part of a parse): read through, so a file that needs no walk and
    // parses cleanly never builds it.
    get program(): AstNode {
      return result.program as unknown as AstNode;
    },
    module: result.module,
    comments: result.comments,
    errors: result.errors,
  };
};

/**
 * Throws TooCostlyToParse when the text's syntax errors would make the parser copy its long lines
 * past the budget (parse-cost.ts): a probe parse of the text folded into short lines says where
 * its errors are. A text with no long line is not probed.
 */
const refuseCostlyText = (path: string, text: string, options: ParserOptions, via: ParsePath): void => {
  if (!needsCostProbe(text)) return;
  const folded = foldedForProbe(text);
  const probe = parseWith(path, folded.text, options, via);
  if (probe.errors.length === 0) return;
  const offsets = probe.errors.map((e) => e.labels[0]?.start ?? 0);
  const cost = frameCost(text, folded, offsets);
  if (cost.chars <= FRAME_BUDGET) return;
  const mb = Math.round(cost.chars / 1_000_000);
  throw new TooCostlyToParse(`${probe.errors.length} syntax errors on long lines (the parser would copy a line into each error's code frame: over ${mb} MB)`, cost.line);
};

export const parseFile = (path: string, text: string, isTypeScript: boolean, via: ParsePath = defaultParsePath(), dialect?: Dialect): Parsed => {
  const options = parserOptions(path, isTypeScript, dialect);
  refuseCostlyText(path, text, options, via);
  const parsed = parseWith(path, text, options, via);
  if (dialect?.topLevelReturn) {
    const errors = parsed.errors.filter((e) => !RETURN_OUTSIDE_FUNCTION.test(e.message));
    return {
      get program(): AstNode {
        return parsed.program;
      },
      module: parsed.module,
      comments: parsed.comments,
      errors,
    };
  }
  // A script with errors may be CommonJS, where a top-level `return` is legal: try it that way.
  if (parsed.errors.length > 0 && options.sourceType === 'unambiguous' && parsed.program.sourceType === 'script') {
    const asCommonJs = parseWith(path, text, { ...options, sourceType: 'commonjs' }, via);
    if (asCommonJs.errors.length < parsed.errors.length) return asCommonJs;
  }
  return parsed;
};

/**
 * parseFile for a reader that parses a file extraction did not hand it (a config, a file holding
 * generated code): oxc overflows the thread's stack on deep nesting and ends the process, so a text
 * nesting.ts finds too deep throws here instead, as a parse that failed (a file of 20,000 unclosed
 * `require(join(dir, x, ` in one line segfaulted node through generated-requires).
 */
export const parseCheckedFile = (path: string, text: string, isTypeScript: boolean): Parsed => {
  const nesting = checkNesting(text);
  if (nesting.tooDeep) throw new Error(`nested too deeply to parse safely (line ${nesting.line ?? 1})`);
  return parseFile(path, text, isTypeScript);
};
