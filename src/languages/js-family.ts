/**
 * The JavaScript family's languages and their file extensions, in one place. The language records
 * (javascript/index.ts, vue/, svelte/, astro/, marko/, tsrx/, mdx/) take their `extensions` from
 * here, and so do the stages that must tell a JS-family file by its name alone: framework readers,
 * the knip config reader, `census plan` (framework-paths.ts) and `census apply` (references.ts).
 * Those import this module, not the registry: the records bring their extractors and parsers with
 * them, and a module that only tests a path must not add that weight to whatever loads it (plan's
 * and apply's start-up, today already paying for the pipeline they import, must not grow by it).
 * So this module imports nothing at run time but a one-line utility (a test checks), and a new
 * language of the family is one line here plus its record.
 */
import type { Language } from '../model/file.js';
import { escapeRegExp } from '../util/regexp.js';

/** Plain JavaScript, and JavaScript with JSX. */
export const JAVASCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx'] as const;
/** TypeScript, with JSX (`.tsx`) and with Node's module kinds (`.mts`, `.cts`); `.d.ts` ends in `.ts`. */
export const TYPESCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'] as const;

/** Components: markup files whose script blocks (or, for TSRX, everything outside the templates) are a JS/TS module. */
export const COMPONENT_EXTENSIONS = {
  vue: ['.vue'],
  svelte: ['.svelte'],
  astro: ['.astro'],
  marko: ['.marko'],
  tsrx: ['.tsrx'],
} as const satisfies Partial<Record<Language, readonly string[]>>;

/** MDX pages: documentation (no verdict of their own) whose top-level import/export statements are JS. */
export const MDX_EXTENSIONS = ['.mdx'] as const;

/** Every language whose imports are JS imports: read by the JS/TS extractor, resolved by the JS resolver. */
export const JS_FAMILY_EXTENSIONS = {
  javascript: JAVASCRIPT_EXTENSIONS,
  typescript: TYPESCRIPT_EXTENSIONS,
  ...COMPONENT_EXTENSIONS,
  mdx: MDX_EXTENSIONS,
} as const satisfies Partial<Record<Language, readonly string[]>>;

/** The ids of JS_FAMILY_EXTENSIONS: the languages whose import statements `census apply` rewrites as JS. */
export const JS_FAMILY_LANGUAGES: ReadonlySet<Language> = new Set(Object.keys(JS_FAMILY_EXTENSIONS) as Language[]);

/** A pattern that matches a path ending in one of `extensions` (exactly: `.mjsx` is none of them). */
export const endingIn = (extensions: readonly string[]): RegExp =>
  new RegExp(`(?:${extensions.map(escapeRegExp).join('|')})$`);

/** JS and TS files and components: the family's code, which gets a verdict. MDX pages are not in it. */
export const JS_FAMILY_CODE_FILE = endingIn([...JAVASCRIPT_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS, ...Object.values(COMPONENT_EXTENSIONS).flat()]);

/** JS_FAMILY_CODE_FILE and MDX pages: every file whose imports are JS imports. */
export const JS_FAMILY_FILE = endingIn(Object.values(JS_FAMILY_EXTENSIONS).flat());
