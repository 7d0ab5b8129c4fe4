/**
 * JavaScript / TypeScript file → FileFacts. Imports and exports come from a module record; one
 * walk of the AST adds CommonJS, guards, commands and runnable markers, only in files whose text
 * could hold them (see text-shape.ts). Files that need no walk get their module record from the
 * module scan (module-scan/), which gives the same record as oxc-parser far faster, or gives up
 * and leaves the file to oxc; the rest are parsed by oxc. Complexity is counted on the module
 * scan's tokens (on the text, for the few files it cannot tokenize), the summary read from the
 * leading comments. Pure and worker-safe; never throws: parse errors become a diagnostic and the
 * facts keep whatever could be read.
 */
import type { Comment } from 'oxc-parser';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { FileFacts, RunnableMarker } from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';
import { byString, sortedUnique } from '../../util/compare.js';
import { warning } from '../../util/diagnostics.js';
import { errorMessage } from '../../util/errors.js';
import type { LanguageExtractor } from '../types.js';
import { type AstNode, nodesAt } from './ast.js';
import { COMMAND_MODULES, type CommandBinding } from './commands.js';
import { commandSitesText } from './command-sites.js';
import { scanImportsFromText } from './fallback-scan.js';
import { buildLineTable, type LineTable } from './line-table.js';
import { dynamicImportFacts, exportedNamesOf, type PlacedImport, reexportFacts, staticImportFacts } from './module-record.js';
import { type Dialect, type Parsed, parseFile, parserOptions, type ParsePath } from './parse.js';
import { TooCostlyToParse } from './parse-cost.js';
import { lexedComplexity, type ModuleScan, type ScanLanguage, scanModule } from './module-scan/index.js';
import { checkNesting } from './nesting.js';
import { leadingSummary } from './summary.js';
import { registerCallees } from './module-hooks.js';
import { walkProgram, type WalkResult } from './walk.js';
import { importedResolverCallees } from './cwd-resolvers.js';
import { fsGlobBindingsOf } from './fs-glob.js';
import { codeStartOf, needsWalk, textComplexity } from './text-shape.js';
import { WARM_UP_FILES } from './warm-up.js';
import { rewriteNames } from '../rewrite-names.js';
import { ownPathNames } from './static-value.js';
import { quotedJsonNames } from './json-names.js';
import { textMarksOf } from './text-marks.js';
import { isNodeScript, mayBeNodeScript } from './top-level-script.js';
import { tripleSlashImports } from './triple-slash.js';
import { packedMap } from '../../util/packed-list.js';

/** 41: the whole-folder hole leaves out test, fixture, docs and example folders (review s66-rv3). 40: a hole that is an option's dotted name with a default folder in the same file (jsdoc's `${env.opts.template}/publish`, s66-leadsjs2). 39: a computed specifier with one hole that is a whole folder name and a literal rest Node loads as it is (``import(`./${ruleName}/index.mjs`)``, stylelint's rules) is a glob over the direct subfolders (s66-surveyjs). 38: an `@import` text mark (JSDoc imports, frameworks/js/type-references.ts, s66-precision). 37: the parse-cost probe's fold reads a `/` after a comment or a control statement's `)` as a regex, so a valid text with one is no longer refused when its line is megabytes long (review s65-rv3). 36: an import() oxc records twice (in a parenthesised destructuring assignment, `({ a } = await import('m'))`) is one import (s65-hostile). 35: the text scan of a file the parser gave up on (fallback-scan.ts) reads `require.resolve(lit)` as a require, as the walk does (Parcel's Flow src/Parcel.js, s65-accjs). 33: a `require.resolve(` text mark (registry-requires.ts, s64-leadsjs2). 32: the module scan's 'after a colon' reads the previous token, so a comment or any blank between leaves the file to oxc too; a sameHoles hole `this.#m` is not `this.m` (review s63-rv2). 31: a computed specifier whose holes are all one name may fill several segments (``import(`../modes/${m}/${m}-builder.js`)``, a `sameHoles` glob), and the module scan leaves an import/export right after a `:` to oxc (s63-accjs). 30: `new URL('x', BASE)` with BASE any `new URL('<relative>', import.meta.url)` name (astro's `PKG_BASE = new URL("../../", …)`) names `x` from that URL's folder (s62-leadsjs). 29: a .tsx `<T extends U>` (a name after extends, which oxc may read as an element) is left to oxc (review s62-rv1). 28: the module scan reads a .tsx generic arrow function (`<T,>(x: T) => x`) and `let:`/`const:` keys, and a .tsx file's complexity is lexed through such a list (the text estimate missed conditionals inside template substitutions). 27: the module scan leaves a file with `<!--` (a script's HTML-like comment) to oxc (review s61-rv3). 26: a folder URL name assigned again is no folder URL (review s61-rv2). 25: `new URL('x', ROOT)` with ROOT the module's folder URL (`new URL('./', import.meta.url)`) names a file as `new URL('./x', import.meta.url)` does. 24: a declaration file (.d.ts, .d.mts, .d.cts) gets no runnable marker. 23: a glob named by its prefix alone leaves out declarations and tests (computed-specifier). 22: a computed program is read as a script's interpreter only when its name says the script's language (util/interpreter-names.ts); 21 was the NestJS StaticAssets text mark. */
export const JAVASCRIPT_EXTRACTOR_VERSION = 41;

/** Importing one of these makes a file a command-line program. */
const CLI_FRAMEWORKS = new Set(['commander', 'yargs', 'yargs/yargs', 'cac', 'meow', 'minimist', 'mri', 'arg', 'sade', 'citty', 'clipanion', '@oclif/core', 'caporal', 'vorpal']);

const seedBindings = (parsed: Parsed): Map<string, CommandBinding> => {
  const bindings = new Map<string, CommandBinding>();
  for (const statement of parsed.module.staticImports) {
    const tool = COMMAND_MODULES[statement.moduleRequest.value];
    if (!tool) continue;
    for (const entry of statement.entries) {
      const kind = entry.importName.kind as string;
      const fn = kind === 'Name' ? entry.importName.name : null;
      // cross-spawn's default export is spawn itself; child_process's is the module object.
      bindings.set(entry.localName.value, { tool, fn: fn ?? (tool === 'cross-spawn' && kind === 'Default' ? 'spawn' : null) });
    }
  }
  return bindings;
};

const syntaxErrorDiagnostic = (path: string, parsed: Parsed, lines: LineTable, fromTextScan: boolean): Diagnostic => {
  const first = parsed.errors[0];
  const offset = first.labels[0]?.start;
  const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
  const scan = fromTextScan ? '; imports taken from a text scan' : '';
  return warning('javascript/syntax-error', `syntax error: ${first.message}${more}${scan}`, path, offset === undefined ? undefined : lines.lineOf(offset));
};

/** 'top-level-code': a Node script that works when loaded and exports nothing (top-level-script.ts). */
const isTopLevelScript = (path: string, walk: WalkResult | null, imports: PlacedImport[], exported: ModuleFacts['exported']): boolean =>
  walk !== null && walk.topLevelWork && !walk.usesExports && walk.commonJsExports.length === 0 && exported.names.length === 0 && !exported.star && isNodeScript(path, imports, walk.usesNodeProcess);

/** A declaration file (`.d.ts`, `.d.mts`, `.d.cts`): types only, which no runtime loads or runs. */
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

const runnableOf = (path: string, text: string, walk: WalkResult | null, imports: PlacedImport[], topLevelScript = false): RunnableMarker[] => {
  // `import yargs from "yargs"` in lerna's dist/libs/core/src/lib/cli.d.ts types a factory's return; it
  // runs nothing, so the file is no command-line program (it was called manual, and so were the
  // declarations that import it).
  if (DECLARATION_FILE.test(path)) return [];
  const markers = new Set<RunnableMarker>(walk?.runnable ?? []);
  if (topLevelScript) markers.add('top-level-code');
  if (text.startsWith('#!')) markers.add('shebang');
  for (const { fact } of imports) {
    if (fact.typeOnly) continue;
    if (CLI_FRAMEWORKS.has(fact.specifier)) markers.add('cli-framework');
    else if ((fact.specifier === 'node:util' || fact.specifier === 'util') && fact.names.some((n) => n.name === 'parseArgs')) markers.add('cli-framework');
  }
  return [...markers].sort(byString);
};

export interface ExtractOptions {
  /** How oxc hands over the AST; the runtime's fastest by default. */
  via?: ParsePath;
  /** Read files that need no AST walk with the module scan instead of oxc (default true). */
  moduleScan?: boolean;
  /** The grammar when the path does not decide it (script blocks of single-file components). */
  dialect?: Dialect;
}

/** What the module record and comment list of a file give, from oxc or from the module scan. */
interface ModuleFacts {
  imports: PlacedImport[];
  exported: { names: string[]; star: boolean };
  comments: Comment[];
  walk: WalkResult | null;
}

/** The grammar the parser would read the file with, which the module scan reads it with too. */
export const scanLanguage = (path: string, isTypeScript: boolean, dialect?: Dialect): ScanLanguage => parserOptions(path, isTypeScript, dialect).lang ?? 'jsx';

/** Whether the file may hold JSX, by the language the parser would read it as (.js, .jsx, .tsx and extension-less scripts). */
export const mayHoldJsx = (path: string, isTypeScript: boolean, dialect?: Dialect): boolean => {
  const lang = scanLanguage(path, isTypeScript, dialect);
  return lang !== 'ts' && lang !== 'dts';
};

let warmedUp = false;

/**
 * Extracts the sample files of warm-up.ts twice before the first real file, so V8's first
 * compiled version of the scan, the walk and their helpers is the one that stays (a branch first
 * met later throws compiled code away). Two passes: V8 records what a function meets only once
 * it has run for a while; a single pass left scanModule, openTag, walkNodes and onCallee each
 * thrown away once on payload, and the third and fourth passes the warm-up ran before bin/engine.js
 * turned TurboFan inlining off saved no compile (traces of payload, 3 runs each) while costing
 * about 20 ms each. The facts' shared names are written once too (rewrite-names.ts).
 */
const warmUp = (): void => {
  warmedUp = true;
  for (let i = 0; i < 2; i++) for (const f of WARM_UP_FILES) rewriteNames(extractJavaScript(f.path, f.text, f.isTypeScript));
};

export const extractJavaScript = (path: string, text: string, isTypeScript: boolean, options: ExtractOptions = {}): FileFacts => {
  if (!warmedUp) warmUp();
  const facts = emptyFacts();
  const lines = buildLineTable(text);
  const language = scanLanguage(path, isTypeScript, options.dialect);
  const jsx = language !== 'ts' && language !== 'dts';
  // The scan stops at anything the walk acts on, so it runs first and needsWalk only after it.
  const scan = options.moduleScan !== false ? scanModule(text, lines, language) : null;
  // An ES module script (`import fs from 'node:fs'; await run()`) may need no walk for anything
  // else: when it exports nothing and could be a Node script, parse it so the walk sees its top level.
  let scanned = scan && scan.exportedNames.length === 0 && !scan.star && mayBeNodeScript(path, scan.imports, text) ? null : scan;
  // A file read whole but for its command module's import, `process.argv` or `new URL(…)`: what the
  // walk reads of them from their sites alone, or oxc as before.
  const sitesWalked = scanned !== null && (scanned.commandImport || scanned.argvSites !== null || scanned.urlSites);
  const sitesWalk = sitesWalked ? walkSites(path, text, isTypeScript, lines, language, scanned!, options) : null;
  if (sitesWalked && sitesWalk === null) scanned = null;
  let module: ModuleFacts;
  if (scanned) {
    module = { imports: [...scanned.imports, ...scanned.reexports], exported: { names: scanned.exportedNames, star: scanned.star }, comments: scanned.comments, walk: null };
  } else {
    const parsed = parseModule(path, text, isTypeScript, lines, needsWalk(text), facts, options.via, options.dialect);
    if (!parsed) return facts;
    module = parsed;
  }
  const { imports, exported, comments, walk } = module;
  imports.push(...tripleSlashImports(comments, text, lines));

  imports.sort((a, b) => a.offset - b.offset);
  facts.imports = packedMap(imports, (p) => p.fact);
  facts.runnable = runnableOf(path, text, walk ?? sitesWalk, imports, isTopLevelScript(path, walk, imports, exported));
  if (walk) {
    facts.commands = walk.commands.sort((a, b) => a.line - b.line);
    facts.references = walk.references;
  } else if (sitesWalk !== null) {
    facts.commands = sitesWalk.commands.sort((a, b) => a.line - b.line);
    // the files `new URL(…)` names (the scan stopped at every other word that gives a reference)
    facts.references = sitesWalk.references;
  }
  // A script the scan read to its end and left to oxc has the count lexedComplexity would make again.
  facts.complexity = scan?.complexity ?? lexedComplexity(text, jsx, language === 'tsx') ?? textComplexity(text, comments);

  const names = sortedUnique([...exported.names, ...(walk?.commonJsExports ?? [])]);
  if (names.length > 0) facts.exportedNames = names;
  facts.definitions = names;
  if (exported.star) facts.hasStarImport = true;

  const summary = leadingSummary(comments, text, codeStartOf(text, comments));
  if (summary !== undefined) facts.summary = summary;
  return facts;
};

/**
 * The walk of a file the module scan read but for its import of a command module, its
 * `process.argv` or its `new URL(…)`, over a parse of those sites alone (command-sites.ts): its
 * commands, runnable marks and references are the whole file's. The rest of what a walk gives is not read from it: the scan stopped
 * at every other word the walk acts on, and the file exports something or is no Node script
 * (mayBeNodeScript), so it is no top-level script either. Null when a site is in a form that
 * reading does not cover or the sites' text does not parse cleanly.
 */
const walkSites = (path: string, text: string, isTypeScript: boolean, lines: LineTable, language: ScanLanguage, scan: ModuleScan, options: ExtractOptions): WalkResult | null => {
  const names = new Set<string>();
  for (const { fact } of scan.imports) {
    if (COMMAND_MODULES[fact.specifier] === undefined) continue;
    for (const n of fact.names) names.add(n.alias ?? n.name);
  }
  const sites = commandSitesText(text, language !== 'ts' && language !== 'dts', language === 'tsx', names, scan.argvSites, scan.urlSites);
  if (sites === null) return null;
  let parsed: Parsed;
  try {
    parsed = parseFile(path, sites, isTypeScript, options.via, options.dialect);
  } catch {
    return null;
  }
  if (parsed.errors.length > 0) return null;
  return walkProgram(parsed.program, { file: path, text, ownNames: ownPathNames(text) }, lines, seedBindings(parsed));
};

/** A file the walk must see for 'top-level-code' alone: it exports nothing and could be a Node script. */
const mayBeScript = (path: string, text: string, parsed: Parsed, lines: LineTable): boolean => {
  const exported = exportedNamesOf(parsed.module);
  return exported.names.length === 0 && !exported.star && mayBeNodeScript(path, staticImportFacts(parsed.module, lines), text);
};

/**
 * The module facts from oxc, with the AST walk when the text calls for it. Diagnostics go on
 * `facts`; null when the parser could not be used, in which case `facts` is already complete
 * from the text scan.
 */
const parseModule = (path: string, text: string, isTypeScript: boolean, lines: LineTable, walkNeeded: boolean, facts: FileFacts, via?: ParsePath, dialect?: Dialect): ModuleFacts | null => {
  const withoutParser = (diagnostic: Diagnostic): null => {
    facts.diagnostics.push(diagnostic);
    const imports = scanImportsFromText(text, lines);
    imports.sort((a, b) => a.offset - b.offset);
    facts.imports = packedMap(imports, (p) => p.fact);
    facts.runnable = runnableOf(path, text, null, imports);
    facts.complexity = 1;
    return null;
  };
  const nesting = checkNesting(text);
  if (nesting.tooDeep) {
    return withoutParser(warning('javascript/too-deeply-nested', 'nested too deeply to parse safely; imports taken from a text scan', path, nesting.line));
  }
  let parsed: Parsed;
  try {
    parsed = parseFile(path, text, isTypeScript, via, dialect);
  } catch (e) {
    if (e instanceof TooCostlyToParse) return withoutParser(warning('javascript/too-costly-to-parse', `not parsed: ${e.message}; imports taken from a text scan`, path, e.line));
    return withoutParser(warning('javascript/parse-failed', `the parser failed: ${errorMessage(e)}; imports taken from a text scan`, path));
  }

  // parsed.program is deserialised on first access: touch it only when the walk has work to do.
  const fatal = parsed.errors.length > 0 && nodesAt(parsed.program, 'body').length === 0 && text.trim() !== '';
  let walk: WalkResult | null = null;
  if (walkNeeded || (!fatal && mayBeScript(path, text, parsed, lines))) {
    try {
      walk = walkProgram(parsed.program, { file: path, text, ownNames: ownPathNames(text) }, lines, seedBindings(parsed), registerCallees(parsed.module), fsGlobBindingsOf(parsed.module.staticImports), importedResolverCallees(parsed.module));
    } catch (e) {
      facts.diagnostics.push(warning('javascript/walk-failed', `could not read the syntax tree: ${errorMessage(e)}`, path));
    }
  }

  let imports: PlacedImport[];
  if (fatal) {
    imports = scanImportsFromText(text, lines);
  } else {
    imports = [
      ...staticImportFacts(parsed.module, lines),
      ...reexportFacts(parsed.module, text, lines),
      ...dynamicImportFacts(parsed.module, text, lines, walk?.dynamicImports ?? new Map()),
      ...(walk?.imports ?? []),
    ];
  }
  if (parsed.errors.length > 0) facts.diagnostics.push(syntaxErrorDiagnostic(path, parsed, lines, fatal));
  return { imports, exported: exportedNamesOf(parsed.module), comments: parsed.comments, walk };
};

/** A JS/TS file's facts, with the marks of its whole text (a component's script block is not its whole text, so only here). */
const safeExtract = (isTypeScript: boolean) => (path: string, text: string): FileFacts => {
  let facts: FileFacts;
  try {
    facts = extractJavaScript(path, text, isTypeScript);
  } catch (e) {
    facts = emptyFacts();
    facts.diagnostics.push(warning('javascript/extract-failed', `extraction failed: ${errorMessage(e)}`, path));
  }
  facts.textMarks = textMarksOf(text);
  const jsonNames = quotedJsonNames(text);
  if (jsonNames.length > 0) facts.jsonNames = jsonNames;
  return facts;
};

export const javascriptExtractor: LanguageExtractor = {
  language: 'javascript',
  version: JAVASCRIPT_EXTRACTOR_VERSION,
  extract: safeExtract(false),
};

export const typescriptExtractor: LanguageExtractor = {
  language: 'typescript',
  version: JAVASCRIPT_EXTRACTOR_VERSION,
  extract: safeExtract(true),
};
