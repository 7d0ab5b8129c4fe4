/**
 * `from mod import x` (Python) and `import { x } from './mod'` (JS/TS) where mod is a repo file
 * that does not define x. Conservative: a module with a star import or re-export, a module-level
 * `__getattr__`, a file that did not parse fully, a stub or compiled module, a namespace package,
 * or a JS module that exports nothing census can see is never said to miss a name.
 */
import type { Edge } from '../../model/edge.js';
import type { FileFacts, ImportFact } from '../../model/facts.js';
import { dirname } from '../../util/path.js';
import type { Failure } from './types.js';

export interface NameCheckContext {
  facts: ReadonlyMap<string, FileFacts>;
  /** Every folder that holds a repo file ('' = root). */
  dirs: { has(dir: string): boolean };
  /** Files that could not be read or parsed fully. */
  incomplete: ReadonlySet<string>;
  /**
   * Module → the names it can be checked against, or null when it is never said to miss one, per
   * language of the importer: filled as modules are asked about (a module is imported from many
   * files; payload asks about 29,000 import statements, saleor about 22,000).
   */
  checkable: { python: Map<string, ReadonlySet<string> | null>; javascript: Map<string, NameSet | null> };
}

/** The names a module can be checked against: a Set, or its short lists asked as they are. */
export interface NameSet {
  has(name: string): boolean;
}

const NONE: readonly Failure[] = [];

/** An edge to a package's `__init__.py` run on the way, or to a stub: not the imported module itself. */
const skipped = (e: Edge): boolean => e.via === 'package-init' || e.via === 'stub';
const JS_SOURCE = /\.(?:[cm]?[jt]sx?)$/;

const failure = (target: string, name: string, verb: string): Failure => ({
  base: 'missing-name', rootCause: `${target}:${name}`, name, fails: true,
  reality: verb === 'defined in' ? 'the module does not define it' : 'the module does not export it',
  action: 'fix the import: the name was renamed, moved or removed',
  detail: `${target} does not ${verb === 'defined in' ? 'define' : 'export'} ${name}`,
});

/** What every Python module has without defining it. */
const MODULE_ATTRIBUTES = ['__doc__', '__file__', '__name__', '__spec__', '__loader__', '__package__', '__path__', '__builtins__', '__dict__', '__cached__', '__annotations__'];

const definedCache = new WeakMap<FileFacts, Set<string>>();
/** Names a module binds or exports (with the module attributes for Python), computed once per module. */
const definedNames = (facts: FileFacts, python: boolean): Set<string> => {
  let names = definedCache.get(facts);
  if (!names) {
    // Added by index, not spread into one array first: cold code, once per imported module.
    names = new Set<string>();
    const { definitions, exportedNames } = facts;
    for (let i = 0; i < definitions.length; i++) names.add(definitions[i]);
    if (exportedNames) for (let i = 0; i < exportedNames.length; i++) names.add(exportedNames[i]);
    if (python) for (let i = 0; i < MODULE_ATTRIBUTES.length; i++) names.add(MODULE_ATTRIBUTES[i]);
    definedCache.set(facts, names);
  }
  return names;
};

/**
 * The edge to the module file itself among the edges of one `from` import, or null when the
 * statement asks no name question (a missing module or namespace package, one name with two
 * targets: the name is a submodule). Loops, not lists: saleor asks it of about 20,000 statements.
 */
const moduleEdgeOf = (fact: ImportFact, edges: Edge[]): Edge | null => {
  let first: Edge | null = null;
  let resolved = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.to === null) return null; // missing module or namespace package: not a name question
    if (skipped(e)) continue;
    resolved++;
    first ??= e;
  }
  let names = 0;
  const imported = fact.names;
  for (let i = 0; i < imported.length; i++) if (imported[i].name !== '*') names++;
  if (names >= 2) {
    for (let i = 0; i < edges.length; i++) if (!skipped(edges[i]) && edges[i].names.length === names) return edges[i];
    return null;
  }
  return resolved === 1 ? first : null;
};

/** Whether `name` is a submodule the statement also resolved (its own edge, besides the module's). */
const isResolvedSubmodule = (edges: Edge[], module: Edge, name: string): boolean => {
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e !== module && !skipped(e) && e.names.length === 1 && e.names[0] === name) return true;
  }
  return false;
};

/** The names a Python module can be checked against (null: never said to miss one), once per module. */
const pythonNamesOf = (module: string, ctx: NameCheckContext): ReadonlySet<string> | null => {
  let known = ctx.checkable.python.get(module);
  if (known !== undefined) return known;
  known = null;
  const target = module.endsWith('.py') && !ctx.incomplete.has(module) ? ctx.facts.get(module) : undefined;
  if (target && !target.hasStarImport) {
    // Two questions of its own definitions, once per module: a search each, not a set of them all.
    const definitions = target.definitions;
    // An `__all__` census could not read as a literal is computed: the module builds its names at run time.
    if (!definitions.includes('__getattr__') && !(target.exportedNames === undefined && definitions.includes('__all__'))) known = definedNames(target, true);
  }
  ctx.checkable.python.set(module, known);
  return known;
};

export const missingPythonNames = (fact: ImportFact, edges: Edge[], ctx: NameCheckContext): readonly Failure[] => {
  if (fact.syntax !== 'from') return NONE;
  const moduleEdge = moduleEdgeOf(fact, edges);
  if (moduleEdge === null) return NONE;
  const module = moduleEdge.to!;
  const defined = pythonNamesOf(module, ctx);
  if (defined === null) return NONE;
  let out: Failure[] | undefined;
  const imported = fact.names;
  for (let i = 0; i < imported.length; i++) {
    const name = imported[i].name;
    if (name === '*' || defined.has(name) || isResolvedSubmodule(edges, moduleEdge, name)) continue;
    const packageDir = module.endsWith('/__init__.py') || module === '__init__.py' ? dirname(module) : null;
    if (packageDir !== null && ctx.dirs.has(packageDir === '' ? name : `${packageDir}/${name}`)) continue; // a namespace subpackage
    out ??= [];
    if (!out.some((f) => f.name === name)) out.push(failure(module, name, 'defined in'));
  }
  return out ?? NONE;
};

/** Names a module's lists hold together up to which they are searched as they are, not put in a Set. */
const SEARCHED_NAMES = 8;

/**
 * A JS module's names, its definitions and exports (one sorted list each, the same names for the
 * extractor's facts): payload's 5,144 modules imported with names hold 2.9 of each on average, and
 * a Set per module (with its WeakMap entry) was built to be asked about 4 times; a list that short
 * is searched (`includes` is Set.has's SameValueZero).
 */
const javascriptNameSet = (facts: FileFacts, exportedNames: readonly string[]): NameSet => {
  const definitions = facts.definitions;
  if (definitions.length + (definitions === exportedNames ? 0 : exportedNames.length) > SEARCHED_NAMES) return definedNames(facts, false);
  return definitions === exportedNames
    ? { has: (name) => definitions.includes(name) }
    : { has: (name) => definitions.includes(name) || exportedNames.includes(name) };
};

/** The names a JS/TS module can be checked against (null: never said to miss one), once per module. */
const javascriptNamesOf = (module: string, ctx: NameCheckContext): NameSet | null => {
  let known = ctx.checkable.javascript.get(module);
  if (known !== undefined) return known;
  known = null;
  const target = JS_SOURCE.test(module) && !/\.d\.[cm]?ts$/.test(module) && !ctx.incomplete.has(module) ? ctx.facts.get(module) : undefined;
  // CommonJS modules whose exports census cannot see, and `export *`, stay unchecked.
  if (target && !target.hasStarImport && target.exportedNames && target.exportedNames.length > 0) known = javascriptNameSet(target, target.exportedNames);
  ctx.checkable.javascript.set(module, known);
  return known;
};

export const missingJavaScriptNames = (fact: ImportFact, edges: Edge[], ctx: NameCheckContext): readonly Failure[] => {
  if (fact.syntax !== 'import' && fact.syntax !== 'export-from') return NONE;
  // One edge, and it resolved (a statement with more edges, or none resolved, is not checked).
  const module = edges.length === 1 ? edges[0].to : null;
  if (module === null) return NONE;
  const defined = javascriptNamesOf(module, ctx);
  if (defined === null) return NONE;
  let out: Failure[] | undefined;
  for (const { name } of fact.names) {
    if (name === '*' || name === 'default' || defined.has(name)) continue;
    out ??= [];
    if (!out.some((f) => f.name === name)) out.push(failure(module, name, 'exported by'));
  }
  return out ?? NONE;
};
