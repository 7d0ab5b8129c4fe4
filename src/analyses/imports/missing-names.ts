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
  dirs: ReadonlySet<string>;
  /** Files that could not be read or parsed fully. */
  incomplete: ReadonlySet<string>;
  /**
   * Module → the names it can be checked against, or null when it is never said to miss one, per
   * language of the importer: filled as modules are asked about (a module is imported from many
   * files; payload asks about 29,000 import statements, saleor about 22,000).
   */
  checkable: { python: Map<string, ReadonlySet<string> | null>; javascript: Map<string, ReadonlySet<string> | null> };
}

const NONE: readonly Failure[] = [];

const SKIPPED_VIA = new Set(['package-init', 'stub']);
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
    names = new Set([...facts.definitions, ...(facts.exportedNames ?? []), ...(python ? MODULE_ATTRIBUTES : [])]);
    definedCache.set(facts, names);
  }
  return names;
};

const definitionsCache = new WeakMap<FileFacts, Set<string>>();
/** A module's own definitions as a set: asked about for every `from` import of it (a large module defines thousands). */
const definitionSet = (facts: FileFacts): Set<string> => {
  let names = definitionsCache.get(facts);
  if (!names) definitionsCache.set(facts, (names = new Set(facts.definitions)));
  return names;
};

/** The module file itself among the edges of one `from` import, and the submodule names that resolved. */
const splitTargets = (fact: ImportFact, edges: Edge[]): { module: string; submodules: Set<string> } | null => {
  if (edges.some((e) => e.to === null)) return null; // missing module or namespace package: not a name question
  const resolved = edges.filter((e) => e.to !== null && !SKIPPED_VIA.has(e.via ?? ''));
  const names = fact.names.filter((n) => n.name !== '*');
  let module: Edge | undefined;
  if (names.length >= 2) module = resolved.find((e) => e.names.length === names.length);
  else if (resolved.length === 1) module = resolved[0];
  else return null; // one name and two targets: the name is a submodule
  if (!module) return null;
  const submodules = new Set(resolved.filter((e) => e !== module && e.names.length === 1).map((e) => e.names[0]));
  return { module: module.to!, submodules };
};

/** The names a Python module can be checked against (null: never said to miss one), once per module. */
const pythonNamesOf = (module: string, ctx: NameCheckContext): ReadonlySet<string> | null => {
  let known = ctx.checkable.python.get(module);
  if (known !== undefined) return known;
  known = null;
  const target = module.endsWith('.py') && !ctx.incomplete.has(module) ? ctx.facts.get(module) : undefined;
  if (target && !target.hasStarImport) {
    const definitions = definitionSet(target);
    // An `__all__` census could not read as a literal is computed: the module builds its names at run time.
    if (!definitions.has('__getattr__') && !(definitions.has('__all__') && target.exportedNames === undefined)) known = definedNames(target, true);
  }
  ctx.checkable.python.set(module, known);
  return known;
};

export const missingPythonNames = (fact: ImportFact, edges: Edge[], ctx: NameCheckContext): readonly Failure[] => {
  if (fact.syntax !== 'from') return NONE;
  const split = splitTargets(fact, edges);
  if (!split) return NONE;
  const defined = pythonNamesOf(split.module, ctx);
  if (defined === null) return NONE;
  const packageDir = split.module.endsWith('/__init__.py') || split.module === '__init__.py' ? dirname(split.module) : null;
  let out: Failure[] | undefined;
  for (const { name } of fact.names) {
    if (name === '*' || defined.has(name) || split.submodules.has(name)) continue;
    if (packageDir !== null && ctx.dirs.has(packageDir === '' ? name : `${packageDir}/${name}`)) continue; // a namespace subpackage
    out ??= [];
    if (!out.some((f) => f.name === name)) out.push(failure(split.module, name, 'defined in'));
  }
  return out ?? NONE;
};

/** The names a JS/TS module can be checked against (null: never said to miss one), once per module. */
const javascriptNamesOf = (module: string, ctx: NameCheckContext): ReadonlySet<string> | null => {
  let known = ctx.checkable.javascript.get(module);
  if (known !== undefined) return known;
  known = null;
  const target = JS_SOURCE.test(module) && !/\.d\.[cm]?ts$/.test(module) && !ctx.incomplete.has(module) ? ctx.facts.get(module) : undefined;
  // CommonJS modules whose exports census cannot see, and `export *`, stay unchecked.
  if (target && !target.hasStarImport && target.exportedNames && target.exportedNames.length > 0) known = definedNames(target, false);
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
