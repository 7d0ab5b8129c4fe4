/**
 * One string per distinct name in the facts of a scan. A worker's results reach the main thread
 * as copies (structured clone copies every string), so the 216,000 definition names, import
 * specifiers, imported names and syntax words of 18,000 files were each a string of their own;
 * facts extracted on the main thread hold slices of their file's text instead, and a slice keeps
 * that whole text alive. Facts live until the Audit is written (at 100k files about 100 MB of
 * such strings), so each scan shares them through one table, filled as results arrive.
 */
import type { FileFacts, Guard, ImportFact, ImportSyntax } from '../model/facts.js';
import { ownString } from '../util/own-string.js';
import { EMPTY_LIST } from '../util/packed-list.js';
import type { ScannedFile } from './scan-file.js';

export type StringTable = Map<string, string>;

const share = (table: StringTable, text: string): string => {
  const known = table.get(text);
  if (known !== undefined) return known;
  const own = ownString(text);
  table.set(own, own);
  return own;
};

const shareAll = (table: StringTable, list: string[]): void => {
  for (let i = 0; i < list.length; i++) list[i] = share(table, list[i]);
};

/**
 * An import's syntax and guard as the literals in census's code. Code compares them with literals
 * (`fact.syntax === 'reference-path'`), which V8 does by pointer while every string it has seen
 * there is one of its canonical (internalized) strings; a copy (ownString copies every string of
 * 13 or more characters: 'reference-path', 'import-equals', 'type-checking'), a worker's or the
 * cache's string is not one, and the first such string to arrive threw away the optimised code
 * of each function comparing it (resolveOne, the import edges' loop).
 */
const WORDS: ReadonlyMap<string, string> = new Map(
  (['import', 'from', 'export-from', 'require', 'dynamic', 'import-equals', 'reference-path', 'reference-types', 'type-checking', 'try', 'function'] satisfies (ImportSyntax | Guard)[]).map((w) => [w, w]),
);
const word = (table: StringTable, text: string): string => WORDS.get(text) ?? share(table, text);

/**
 * One empty list (util/packed-list.ts) for every file without imports and every import without
 * names. The extractors make empty lists of two V8 array kinds (a `[]` literal holds small
 * integers, an emptied or flatMapped one holes): each kind is another map for the code that reads
 * the lists (the import edges, the triage), and V8 recompiled those functions when a kind first
 * arrived late. Shared, so never filled: nothing changes a file's facts after extraction.
 */
const NO_IMPORTS = EMPTY_LIST as unknown as FileFacts['imports'];
const NO_NAMES = EMPTY_LIST as unknown as ImportFact['names'];

const shareFacts = (table: StringTable, facts: FileFacts): void => {
  if (facts.imports.length === 0) facts.imports = NO_IMPORTS;
  for (const fact of facts.imports) {
    if (fact.names.length === 0) fact.names = NO_NAMES;
    fact.specifier = share(table, fact.specifier);
    fact.syntax = word(table, fact.syntax) as typeof fact.syntax;
    if (fact.guard !== null) fact.guard = word(table, fact.guard) as typeof fact.guard;
    if (fact.alias !== undefined) fact.alias = share(table, fact.alias);
    for (const n of fact.names) {
      n.name = share(table, n.name);
      if (n.alias !== undefined) n.alias = share(table, n.alias);
    }
  }
  for (const ref of facts.references) {
    ref.target = share(table, ref.target);
    ref.via = share(table, ref.via);
  }
  // A command's `via` is not shared: it is one of a few literals (a worker's copies of them are a
  // few bytes per command), and reading it here met the five shapes the extractors give commands,
  // which made V8 recompile this function three times on payload.
  shareAll(table, facts.definitions);
  // The JS/TS extractor hands out one list as both (a worker's copy keeps that: structured clone
  // copies a shared object once), and a second pass would only look up each name again.
  if (facts.exportedNames !== undefined && facts.exportedNames !== facts.definitions) shareAll(table, facts.exportedNames);
  // `'package.json'` in hundreds of files: one string.
  if (facts.jsonNames !== undefined) shareAll(table, facts.jsonNames);
};

/** Every field of FileFacts, each required: a field added to FileFacts and not copied below fails to compile instead of being dropped. */
type EveryFactField = { [K in keyof Required<FileFacts>]: FileFacts[K] | undefined };

/**
 * The facts with every field present, in one order: one V8 hidden class for every file's facts.
 * The extractors add the optional fields (summary, exportedNames, textMarks…) as they find them,
 * which gave payload's facts nine shapes; each function reading facts (this table's own loop,
 * the import triage's name check) was optimized for the shapes it had met and thrown away when
 * another arrived. An absent field is undefined here, which reads the same and which neither JSON
 * nor the cache's validation tells apart from absent.
 */
const uniformFacts = (f: FileFacts): FileFacts => {
  const every: EveryFactField = {
    imports: f.imports,
    commands: f.commands,
    references: f.references,
    runnable: f.runnable,
    definitions: f.definitions,
    complexity: f.complexity,
    diagnostics: f.diagnostics,
    summary: f.summary,
    exportedNames: f.exportedNames,
    hasStarImport: f.hasStarImport,
    importRoots: f.importRoots,
    typePaths: f.typePaths,
    settingSwaps: f.settingSwaps,
    computedImportLines: f.computedImportLines,
    scriptNames: f.scriptNames,
    moduleArgs: f.moduleArgs,
    codeTemplateLines: f.codeTemplateLines,
    declarationNames: f.declarationNames,
    mentionsFile: f.mentionsFile,
    textMarks: f.textMarks,
    jsonNames: f.jsonNames,
    holdsTests: f.holdsTests,
    dottedStrings: f.dottedStrings,
  };
  return every as FileFacts;
};

/** Rewrites the scanned file's facts so equal names are one string (the table keeps them) and every file's facts have one shape. */
export const shareStrings = (table: StringTable, scanned: ScannedFile): void => {
  scanned.record.language = share(table, scanned.record.language) as typeof scanned.record.language;
  if (scanned.facts) shareFacts(table, (scanned.facts = uniformFacts(scanned.facts)));
};
