/**
 * The module record of a JS/TS file without a parser: top-level imports, `export … from`,
 * exported names and the comment list, read by a purpose-built lexer at many times the speed
 * of building and transferring an AST. Returns null whenever the file holds anything it cannot
 * read exactly, and the caller parses that file with oxc instead. Only used for files whose
 * text needs no AST walk (see text-shape.ts); a test holds it to oxc's record on real code.
 */
import type { Comment } from 'oxc-parser';
import type { LineTable } from '../line-table.js';
import { FS_MODULES, mayGlobWithFs } from '../fs-glob.js';
import { MODULE_API } from '../module-hooks.js';
import { LOADING_RESOLVERS, RESOLVER_PACKAGES } from '../cwd-resolvers.js';
import type { PlacedImport } from '../module-record.js';
import { readDynamicImports, type ScanLanguage } from './dynamic-imports.js';
import { Lexer, Token, Unsure } from './lexer.js';
import { COMMAND_MODULE, type ModuleStatements, StatementReader } from './statements.js';

export type { ScanLanguage };

export interface ModuleScan extends ModuleStatements {
  comments: Comment[];
  /** 1 + the decision points in code (see Lexer.branches). */
  complexity: number;
  /** Where each `argv` the walk would read starts (Lexer.argvSites): the caller walks the statements holding them. */
  argvSites: number[] | null;
  /**
   * `import.meta` stands where it may be a second argument and the file names `URL`: a
   * `new URL('./x', import.meta.url)` may name a file, which the walk reads. The caller walks each
   * `new URL(…)` alone (command-sites.ts), or the whole file.
   */
  urlSites: boolean;
}

/**
 * A module whose `import()` loads one of these gets bindings the walk acts on from the names a
 * declaration takes (`const { exec } = await import('node:child_process')`: commands; node:module's
 * `register`, node:fs's `glob`, a resolver's path later imported).
 */
const walkedDynamicImport = (specifier: string): boolean =>
  COMMAND_MODULE.test(specifier) || MODULE_API.has(specifier) || FS_MODULES.has(specifier) || RESOLVER_PACKAGES.has(specifier);

/** Whether the grammar lets the file hold JSX (.js, .jsx, .tsx), which the lexer skips element by element. */
const holdsJsx = (language: ScanLanguage): boolean => language !== 'ts' && language !== 'dts';

/** @param language the grammar oxc would read the file with (parserOptions' `lang`). */
export const scanModule = (text: string, lines: LineTable, language: ScanLanguage): ModuleScan | null => {
  try {
    const lexer = new Lexer(text, holdsJsx(language), { walkWords: true, tsx: language === 'tsx' });
    const statements = new StatementReader(lexer, lines).read();
    if (lexer.importCalls.length > 0) {
      const dynamic: PlacedImport[] = readDynamicImports(text, lines, language, lexer.importCalls);
      if (dynamic.some((d) => walkedDynamicImport(d.fact.specifier))) return null;
      // `const p = resolveCwd.silent(id)` and `import(p)`: the walk reads the resolved id
      if (statements.imports.some((i) => RESOLVER_PACKAGES.has(i.fact.specifier))) return null;
      statements.imports.push(...dynamic);
    }
    // node:module's `register('./hooks.mjs', import.meta.url)` loads a file: the walk reads it.
    if (statements.imports.some((i) => MODULE_API.has(i.fact.specifier))) return null;
    // import-cwd's `importCwd('pkg/plugins/' + name)` loads a module: the walk reads it.
    if (statements.imports.some((i) => LOADING_RESOLVERS.has(i.fact.specifier))) return null;
    // node:fs's `glob('migrations/*.ts')` lists files: the walk reads it.
    if (statements.imports.some((i) => FS_MODULES.has(i.fact.specifier)) && mayGlobWithFs(text)) return null;
    // `new URL('./x', import.meta.url)` names a file: the walk reads it, at its sites (urlSites).
    const urlSites = lexer.sawImportMetaArgument && lexer.sawUrl;
    // The fields written out, not `...statements`: V8 copied the reader's result by its slow
    // path, about 3 µs a file (a tenth of payload's warm scan); the same object, field for field.
    const { imports, reexports, exportedNames, star, commandImport } = statements;
    return { imports, reexports, exportedNames, star, commandImport, comments: lexer.comments, complexity: 1 + lexer.branches, argvSites: lexer.argvSites, urlSites };
  } catch (e) {
    // a RangeError is a destructuring pattern nested past the stack: the parser path guards that
    if (e instanceof Unsure || e instanceof RangeError) return null;
    throw e;
  }
};

/**
 * The complexity of a file the scan did not read (it needs the AST walk, say), by the same lexer:
 * null when the lexer cannot tokenize it, and the caller falls back to the text estimate.
 */
export const lexedComplexity = (text: string, jsx: boolean, tsx = false): number | null => {
  try {
    const lexer = new Lexer(text, jsx, { walkWords: false, tsx });
    do lexer.next();
    while (lexer.token() !== Token.End);
    return 1 + lexer.branches;
  } catch (e) {
    if (e instanceof Unsure) return null;
    throw e;
  }
};
