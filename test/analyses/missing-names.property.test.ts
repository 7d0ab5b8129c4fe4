/**
 * The missing-name checks against the way they were written before stop 32 (a list of resolved
 * edges, the imported names and a set of submodules per statement, the module's tests per
 * statement): random statements, edges and module facts must give the same failures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Edge } from '../../src/model/edge.js';
import type { FileFacts, ImportFact } from '../../src/model/facts.js';
import { missingJavaScriptNames, missingPythonNames, type NameCheckContext } from '../../src/analyses/imports/missing-names.js';
import { dirname } from '../../src/util/path.js';

const MODULE_ATTRIBUTES = ['__doc__', '__file__', '__name__', '__spec__', '__loader__', '__package__', '__path__', '__builtins__', '__dict__', '__cached__', '__annotations__'];
const SKIPPED_VIA = new Set(['package-init', 'stub']);

const oldPython = (fact: ImportFact, edges: Edge[], ctx: Omit<NameCheckContext, 'checkable'>): string[] => {
  if (fact.syntax !== 'from') return [];
  if (edges.some((e) => e.to === null)) return [];
  const resolved = edges.filter((e) => e.to !== null && !SKIPPED_VIA.has(e.via ?? ''));
  const names = fact.names.filter((n) => n.name !== '*');
  let module: Edge | undefined;
  if (names.length >= 2) module = resolved.find((e) => e.names.length === names.length);
  else if (resolved.length === 1) module = resolved[0];
  else return [];
  if (!module) return [];
  const submodules = new Set(resolved.filter((e) => e !== module && e.names.length === 1).map((e) => e.names[0]));
  const path = module.to!;
  if (!path.endsWith('.py') || ctx.incomplete.has(path)) return [];
  const target = ctx.facts.get(path);
  if (!target || target.hasStarImport) return [];
  if (target.definitions.includes('__getattr__')) return [];
  if (target.definitions.includes('__all__') && target.exportedNames === undefined) return [];
  const defined = new Set([...target.definitions, ...(target.exportedNames ?? []), ...MODULE_ATTRIBUTES]);
  const packageDir = path.endsWith('/__init__.py') || path === '__init__.py' ? dirname(path) : null;
  const out: string[] = [];
  for (const { name } of fact.names) {
    if (name === '*' || defined.has(name) || submodules.has(name)) continue;
    if (packageDir !== null && ctx.dirs.has(packageDir === '' ? name : `${packageDir}/${name}`)) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out.map((n) => `${path}:${n}`);
};

const oldJavaScript = (fact: ImportFact, edges: Edge[], ctx: Omit<NameCheckContext, 'checkable'>): string[] => {
  if (fact.syntax !== 'import' && fact.syntax !== 'export-from') return [];
  const targets = edges.filter((e) => e.to !== null);
  if (targets.length !== 1 || edges.length !== 1) return [];
  const module = targets[0].to!;
  if (!/\.(?:[cm]?[jt]sx?)$/.test(module) || /\.d\.[cm]?ts$/.test(module) || ctx.incomplete.has(module)) return [];
  const target = ctx.facts.get(module);
  if (!target || target.hasStarImport || !target.exportedNames || target.exportedNames.length === 0) return [];
  const defined = new Set([...target.definitions, ...target.exportedNames]);
  const out: string[] = [];
  for (const { name } of fact.names) {
    if (name === '*' || name === 'default' || defined.has(name)) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out.map((n) => `${module}:${n}`);
};

const NAMES = ['a', 'b', 'c', '*', 'default', '__getattr__', '__all__', '__doc__', 'sub'];
const MODULES = ['pkg/__init__.py', '__init__.py', 'pkg/mod.py', 'mod.py', 'pkg/mod.pyi', 'src/a.ts', 'src/b.d.ts', 'src/c.js', 'src/d.json', 'lib/e.mjs'];
const name = fc.constantFrom(...NAMES);
// Stop 65: lists long enough to be put in a Set (over 8 names) and short enough to be searched, and
// the extractor's JS facts, whose definitions and exportedNames are one list.
const facts = fc.record({
  definitions: fc.array(name, { maxLength: 10 }),
  exportedNames: fc.option(fc.array(name, { maxLength: 6 }), { nil: undefined }),
  hasStarImport: fc.boolean(),
  shared: fc.boolean(),
}).map((f) => (f.shared && f.exportedNames !== undefined ? { ...f, exportedNames: f.definitions } : f));
const edge = fc.record({
  to: fc.option(fc.constantFrom(...MODULES), { nil: null }),
  names: fc.array(name, { maxLength: 3 }),
  via: fc.option(fc.constantFrom('package-init', 'stub', 'root', 'relative'), { nil: undefined }),
}).map((e): Edge => ({ from: 'main.py', to: e.to, kind: 'import', line: 1, specifier: 'm', names: e.names, guard: null, ...(e.via !== undefined ? { via: e.via } : {}) }));
const statement = fc.record({
  syntax: fc.constantFrom('from', 'import', 'export-from'),
  names: fc.array(name, { maxLength: 4 }),
}).map((s): ImportFact => ({ specifier: 'm', syntax: s.syntax as ImportFact['syntax'], line: 1, names: s.names.map((n) => ({ name: n })), guard: null }));

test('missing names: the same failures as the checks written per statement, on random statements and modules', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...MODULES), facts), { maxLength: 6 }),
      fc.array(fc.tuple(statement, fc.array(edge, { maxLength: 4 })), { minLength: 1, maxLength: 8 }),
      fc.subarray(MODULES),
      fc.subarray(['pkg/a', 'pkg/sub', 'a', 'sub', 'pkg']),
      (modules, statements, incomplete, dirs) => {
        const known = new Map<string, FileFacts>(modules.map(([path, f]) => [path, { imports: [], definitions: f.definitions, ...(f.exportedNames !== undefined ? { exportedNames: f.exportedNames } : {}), hasStarImport: f.hasStarImport } as unknown as FileFacts]));
        const plain = { facts: known, dirs: new Set(dirs), incomplete: new Set(incomplete) };
        // One context for every statement, as the triage keeps one: its memo is filled as it goes.
        const ctx: NameCheckContext = { ...plain, checkable: { python: new Map(), javascript: new Map() } };
        for (const [fact, edges] of statements) {
          assert.deepEqual(missingPythonNames(fact, edges, ctx).map((f) => f.rootCause), oldPython(fact, edges, plain));
          assert.deepEqual(missingJavaScriptNames(fact, edges, ctx).map((f) => f.rootCause), oldJavaScript(fact, edges, plain));
        }
      },
    ),
    { numRuns: 3000 },
  );
});
