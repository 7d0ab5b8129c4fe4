/**
 * Imports and exports from oxc's module record (`result.module`): static imports, `export … from`,
 * dynamic `import()` with a literal specifier, and the exported names. The parser has already
 * done the work; this only reshapes it into census facts.
 */
import type { EcmaScriptModule, ExportExportName, ImportName, StaticExportEntry } from 'oxc-parser';
import type { Guard, ImportedName, ImportFact } from '../../model/facts.js';
import type { LineTable } from './line-table.js';
import { packedMap } from '../../util/packed-list.js';

/** An import fact with the offset it was found at, so facts from several sources sort by position. */
export interface PlacedImport {
  offset: number;
  fact: ImportFact;
}

/** What the AST walk learnt about one `import()`: its guard and the names it binds. */
export interface DynamicImportContext {
  guard: Guard | null;
  names: ImportedName[];
}

const importedName = (importName: ImportName, local: string): ImportedName => {
  const name = importName.kind === 'Default' ? 'default' : importName.kind === 'NamespaceObject' ? '*' : (importName.name ?? local);
  return name === local ? { name } : { name, alias: local };
};

const exportName = (name: ExportExportName): string | null =>
  name.kind === 'Default' ? 'default' : name.kind === 'Name' ? name.name : null;

const reexportedName = (entry: StaticExportEntry): ImportedName => {
  const exported = exportName(entry.exportName);
  const name = entry.importName.kind === 'Name' ? (entry.importName.name ?? '*') : '*';
  return exported !== null && exported !== name ? { name, alias: exported } : { name };
};

export const staticImportFacts = (module: EcmaScriptModule, lines: LineTable): PlacedImport[] =>
  packedMap(module.staticImports, (statement) => {
    const entries = statement.entries;
    const fact: ImportFact = {
      specifier: statement.moduleRequest.value,
      syntax: 'import',
      line: lines.lineOf(statement.start),
      names: packedMap(entries, (e) => importedName(e.importName, e.localName.value)),
      guard: null,
    };
    if (entries.length > 0 && entries.every((e) => e.isType)) fact.typeOnly = true;
    return { offset: statement.start, fact };
  });

/**
 * The head of an exported declaration (`function A`, `default async function B`, `declare const C`,
 * `namespace D`), where an export clause's specifier (`D`, `type D`, `D as E`) starts with its name.
 * A clause's name may be `async`, `declare`, `namespace` or `module`, but never followed by what
 * this requires after them; a namespace named `as` is read as a clause, the old reading.
 */
const DECLARATION_HEAD = /^(?:declare\s+)?(?:(?:async\s+)?function\b|(?:abstract\s+)?class\b|const\b|let\b|var\b|enum\b|(?:namespace|module)\s+(?!as\b)[A-Za-z_$])/;

/**
 * Whether oxc made this export of an imported binding from a declaration of the same name:
 * `import type { Footer } from './types'` beside `export function Footer() {}` (a type import and a
 * value of one name) gives an entry with the import's module request, but the export is the local
 * function, as the module scan reads it.
 */
const declaredLocally = (entry: StaticExportEntry, text: string): boolean => DECLARATION_HEAD.test(text.slice(entry.start, Math.min(entry.end, entry.start + 80)));

export const reexportFacts = (module: EcmaScriptModule, text: string, lines: LineTable): PlacedImport[] => {
  const placed: PlacedImport[] = [];
  for (const statement of module.staticExports) {
    const entries = statement.entries.filter((e) => e.moduleRequest !== null && !declaredLocally(e, text));
    if (entries.length === 0) continue;
    const fact: ImportFact = {
      specifier: entries[0].moduleRequest!.value,
      syntax: 'export-from',
      line: lines.lineOf(statement.start),
      names: packedMap(entries, reexportedName),
      guard: null,
    };
    if (entries.every((e) => e.isType)) fact.typeOnly = true;
    placed.push({ offset: statement.start, fact });
  }
  return placed;
};

/** A string literal as written in the source: quotes or a substitution-free template. */
const LITERAL = /^(?:'([^'\\\n]*)'|"([^"\\\n]*)"|`([^`\\$]*)`)$/;

/**
 * `import('x')` with a literal specifier. The specifier is read from the source slice of the
 * request; an escaped literal falls back to the value the AST walk saw. Non-literal specifiers
 * (`import(name)`, `` import(`./${x}.js`) ``) name no file statically and are left out.
 */
export const dynamicImportFacts = (
  module: EcmaScriptModule,
  text: string,
  lines: LineTable,
  contexts: ReadonlyMap<number, DynamicImportContext & { specifier: string | null }>,
): PlacedImport[] => {
  const placed: PlacedImport[] = [];
  // oxc records an import() twice when it stands in a parenthesised destructuring assignment
  // (`({ a } = await import('m'))`: the object is read as an expression, then again as a pattern);
  // one call is one import, so one record per start.
  const seen = new Set<number>();
  for (const dynamic of module.dynamicImports) {
    if (seen.has(dynamic.start)) continue;
    seen.add(dynamic.start);
    const context = contexts.get(dynamic.start);
    const match = LITERAL.exec(text.slice(dynamic.moduleRequest.start, dynamic.moduleRequest.end).trim());
    const specifier = match ? (match[1] ?? match[2] ?? match[3]) : (context?.specifier ?? null);
    if (specifier === null) continue;
    placed.push({
      offset: dynamic.start,
      fact: { specifier, syntax: 'dynamic', line: lines.lineOf(dynamic.start), names: context?.names ?? [], guard: context?.guard ?? null },
    });
  }
  return placed;
};

/** Names this module exports (`default` for a default export), and whether it has `export * from`. */
export const exportedNamesOf = (module: EcmaScriptModule): { names: string[]; star: boolean } => {
  const names: string[] = [];
  let star = false;
  for (const statement of module.staticExports) {
    for (const entry of statement.entries) {
      const name = exportName(entry.exportName);
      if (name !== null) names.push(name);
      else if (entry.importName.kind === 'AllButDefault') star = true;
    }
  }
  return { names, star };
};
