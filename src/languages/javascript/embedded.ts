/**
 * JavaScript/TypeScript embedded in markup (single-file components): the language records of
 * .vue, .svelte and .astro are built here from a function that finds their script blocks. The
 * blocks are read as one program by the JS/TS extractor on a view of the file in which everything
 * else is blanked to spaces (line breaks kept), so every offset and line number is the real file's;
 * the same view is what line counts and duplicate fingerprints see. Template parts are not code.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { FileFacts } from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';
import { warning } from '../../util/diagnostics.js';
import { errorMessage } from '../../util/errors.js';
import type { CodeView, KnownLanguage, LanguageRecord } from '../types.js';
import { extractJavaScript, JAVASCRIPT_EXTRACTOR_VERSION } from './extract.js';
import { buildLineTable } from './line-table.js';
import type { Dialect } from './parse.js';

export type ScriptLang = Dialect['lang'];

export interface ScriptBlock {
  /** The code: from just after the opening tag (or fence) to the closing tag's `<` (or fence). */
  start: number;
  end: number;
  lang: ScriptLang;
  /**
   * The code to read in place of the span, when it is not the span's text as written (a Marko
   * `server import` without its prefix, `class {` as a class expression): it holds the span's line
   * breaks, and ends its own statement, so no separator is added after it.
   */
  code?: string;
}

/** `<script src="./x.ts">`: an import of that file, made where the tag is. */
export interface ScriptSource {
  /** Offset of the tag's `<`, and the tag's length (the import must fit in it). */
  at: number;
  length: number;
  specifier: string;
}

/** What a component's reader found; a problem is an offset and a sentence, made into a warning here. */
export interface FoundScripts {
  blocks: ScriptBlock[];
  sources: ScriptSource[];
  problems: { offset: number; message: string }[];
  /** Astro's frontmatter may `return` at the top level. */
  topLevelReturn?: boolean;
}

const blank = (segment: string): string => segment.replace(/[^\r\n]/g, ' ');

/** The dialect of the blocks read as one program: TypeScript if any block is, JSX if any allows it. */
const dialectOf = (found: FoundScripts): Dialect => {
  const ts = found.blocks.some((b) => b.lang === 'ts' || b.lang === 'tsx');
  const jsx = found.blocks.some((b) => b.lang === 'tsx' || b.lang === 'jsx');
  return { lang: ts ? (jsx ? 'tsx' : 'ts') : 'jsx', ...(found.topLevelReturn ? { topLevelReturn: true } : {}) };
};

/**
 * The file with only its code left. For reading (`program`), each block is followed by a `;` where
 * its closing tag starts, so one block's last statement cannot run on into the next block's first,
 * and each `<script src>` becomes an import; for counting lines and tokens, the blocks alone.
 */
export const codeOnly = (text: string, found: FoundScripts, program: boolean): string => {
  const pieces = [
    ...found.blocks.map((b) =>
      program && b.code !== undefined
        ? { start: b.start, end: b.end, code: b.code, replaces: true }
        : { start: b.start, end: b.end, code: text.slice(b.start, b.end) + (program && b.end < text.length ? ';' : ''), replaces: false },
    ),
    ...(program ? found.sources : []).map((s) => {
      const code = `import ${JSON.stringify(s.specifier)};`;
      return { start: s.at, end: s.at + Math.max(s.length, code.length), code: code.length <= s.length ? code : '', replaces: false };
    }),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const p of pieces) {
    if (p.start < at || p.code === '') continue;
    out += blank(text.slice(at, p.start)) + p.code;
    // A replacement stands for its whole span, whatever its length (its line breaks are the span's).
    at = p.replaces ? p.end : p.start + p.code.length;
    // The separator took one character of the closing tag: blank the rest of the piece's span.
    if (at < p.end) {
      out += blank(text.slice(at, p.end));
      at = p.end;
    }
  }
  return out + blank(text.slice(at));
};

const lineOfOffset = (text: string, offset: number): number => buildLineTable(text).lineOf(offset);

export interface EmbeddedLanguage {
  id: KnownLanguage;
  extensions: readonly string[];
  findScripts(text: string): FoundScripts;
}

/** The language record of a single-file component format whose scripts `findScripts` finds. */
export const embeddedScriptLanguage = (spec: EmbeddedLanguage): LanguageRecord => {
  const problems = (path: string, text: string, found: FoundScripts): Diagnostic[] =>
    found.problems.map((p) => warning(`${spec.id}/syntax-error`, p.message, path, lineOfOffset(text, p.offset)));
  const view = (path: string, text: string): CodeView => {
    const found = spec.findScripts(text);
    return { text: codeOnly(text, found, false), diagnostics: problems(path, text, found) };
  };
  const extract = (path: string, text: string): FileFacts => {
    try {
      const found = spec.findScripts(text);
      const diagnostics = problems(path, text, found);
      if (found.blocks.length === 0 && found.sources.length === 0) {
        const facts = emptyFacts();
        facts.diagnostics.push(...diagnostics);
        return facts;
      }
      const dialect = dialectOf(found);
      const facts = extractJavaScript(path, codeOnly(text, found, true), dialect.lang.startsWith('ts'), { dialect });
      facts.diagnostics.unshift(...diagnostics);
      return facts;
    } catch (e) {
      const facts = emptyFacts();
      facts.diagnostics.push(warning(`${spec.id}/extract-failed`, `extraction failed: ${errorMessage(e)}`, path));
      return facts;
    }
  };
  return {
    id: spec.id,
    family: 'javascript',
    extensions: spec.extensions,
    comments: 'slash',
    source: true,
    extractor: { language: spec.id, version: JAVASCRIPT_EXTRACTOR_VERSION, extract },
    ecosystem: 'javascript',
    // Components are compiled by TypeScript-aware tools (Vite, the Svelte and Astro compilers), and Astro's frontmatter is TypeScript.
    typeScriptImports: true,
    tokens: 'js',
    codeView: view,
  };
};

/** `lang="ts"` and its kin → the grammar; absent or unknown → JavaScript (JSX allowed, as in a .js file). */
export const scriptLang = (lang: string | true | undefined): ScriptLang => {
  const value = typeof lang === 'string' ? lang.trim().toLowerCase() : '';
  return value === 'ts' || value === 'typescript' ? 'ts' : value === 'tsx' ? 'tsx' : 'jsx';
};

/** A `type` that is not JavaScript (`application/ld+json`, Vue's `text/x-template`) marks a script that is not code. */
export const isJavaScriptType = (type: string | true | undefined): boolean =>
  type === undefined || type === true || /^\s*(module|text\/javascript|application\/javascript|text\/typescript|application\/typescript|ts|js)?\s*$/i.test(type);
