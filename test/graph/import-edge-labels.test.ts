/** The sentence each import edge carries: who imports the file, where, and under which names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildImportEdges } from '../../src/graph/import-edges.js';
import type { ImportFact } from '../../src/model/facts.js';
import type { ImportResolver, Resolution } from '../../src/resolve/types.js';

const labelsOf = (fact: Partial<ImportFact>, answers: Resolution[], language: 'python' | 'typescript' = 'python'): (string | undefined)[] => {
  const resolver: ImportResolver = { ecosystem: language === 'python' ? 'python' : 'javascript', resolve: () => answers };
  const full: ImportFact = { specifier: 'pkg', syntax: 'from', line: 4, names: [], guard: null, ...fact };
  const files = [{ path: 'app/main.py', language, facts: { imports: [full] } }] as Parameters<typeof buildImportEdges>[0];
  return buildImportEdges(files, { python: resolver, javascript: resolver }, () => null).map((e) => e.label);
};

test('import labels: the names bound, one to three of them, none of them *', () => {
  const to = [{ to: 'pkg/x.py', via: 'root' }];
  assert.deepEqual(labelsOf({ names: [] }, to), ['pkg/x.py is imported by app/main.py:4']);
  assert.deepEqual(labelsOf({ names: [{ name: 'a' }] }, to), ['pkg/x.py is imported by app/main.py:4 (as a)']);
  assert.deepEqual(labelsOf({ names: [{ name: 'a', alias: 'b' }, { name: 'c' }, { name: 'd' }] }, to), ['pkg/x.py is imported by app/main.py:4 (as b, c, d)']);
  assert.deepEqual(labelsOf({ names: [{ name: 'a' }, { name: 'c' }, { name: 'd' }, { name: 'e' }] }, to), ['pkg/x.py is imported by app/main.py:4']);
  assert.deepEqual(labelsOf({ names: [{ name: 'a' }, { name: '*' }] }, to), ['pkg/x.py is imported by app/main.py:4']);
  assert.deepEqual(labelsOf({ syntax: 'import', alias: 'np' }, to), ['pkg/x.py is imported by app/main.py:4 (as np)']);
  assert.deepEqual(labelsOf({ syntax: 'import', alias: '*' }, to), ['pkg/x.py is imported by app/main.py:4']);
});

test('import labels: a target serving some of the names counts only those', () => {
  const names = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }];
  assert.deepEqual(labelsOf({ names }, [{ to: 'pkg/b.py', via: 'root', names: ['b'] }, { to: 'pkg/cd.py', via: 'root', names: ['c', 'd'] }]), [
    'pkg/b.py is imported by app/main.py:4 (as b)',
    'pkg/cd.py is imported by app/main.py:4 (as c, d)',
  ]);
});

test('import labels: package inits and stubs say what reads them; unresolved imports have none', () => {
  assert.deepEqual(labelsOf({ names: [{ name: 'a' }] }, [{ to: 'pkg/__init__.py', via: 'package-init', names: [] }, { to: 'pkg/x.pyi', via: 'stub', names: [] }, { to: null, unresolved: 'external', package: 'pkg' }]), [
    'pkg/__init__.py is run by the import in app/main.py:4 (Python runs a package before its modules)',
    'pkg/x.pyi is the type stub read for the import in app/main.py:4',
    undefined,
  ]);
  assert.deepEqual(labelsOf({ syntax: 'reference-path', specifier: 'globals.d.ts' }, [{ to: 'app/globals.d.ts', via: 'relative' }], 'typescript'), [
    'app/globals.d.ts is named by the directive /// <reference path="globals.d.ts" /> in app/main.py:4 (TypeScript reads it with that file)',
  ]);
});

test('import labels: a module found in the folder of a script that reaches it says so (stop 45)', () => {
  const to = [{ to: 'usr/share/tool/base/g.py', via: 'script-folder:usr/share/tool/tool.py (the command usr/bin/tool links to it)' }];
  assert.deepEqual(labelsOf({ names: [] }, to), [
    'usr/share/tool/base/g.py is imported by app/main.py:4, found in the folder of the script usr/share/tool/tool.py (the command usr/bin/tool links to it), which Python puts first on sys.path',
  ]);
});

test('import labels: an import inside a function says it runs when the function is called, naming a Python def', () => {
  const to = [{ to: 'pkg/x.py', via: 'root' }];
  assert.deepEqual(labelsOf({ names: [{ name: 'a' }], guard: 'function', within: 'load_plugins' }, to), [
    'pkg/x.py is imported by app/main.py:4 (as a) inside def load_plugins: it runs when that function is called',
  ]);
  assert.deepEqual(labelsOf({ guard: 'function', within: 'load' }, [{ to: 'pkg/__init__.py', via: 'package-init', names: [] }]), [
    'pkg/__init__.py is run by the import in app/main.py:4 inside def load: it runs when that function is called (Python runs a package before its modules)',
  ]);
  // A try in the def's body guards the import; the def still runs it only when called.
  assert.deepEqual(labelsOf({ guard: 'try', handles: ['ImportError'], within: 'version' }, to), ['pkg/x.py is imported by app/main.py:4 inside def version: it runs when that function is called']);
  // JS knows no def name; a guard of `try` or `type-checking`, or none, says nothing of the kind.
  assert.deepEqual(labelsOf({ syntax: 'dynamic', specifier: './x.js', guard: 'function' }, [{ to: 'app/x.js', via: 'relative' }], 'typescript'), [
    'app/x.js is imported by app/main.py:4 inside a function: it runs when that function is called',
  ]);
  for (const guard of [null, 'try', 'type-checking'] as const) assert.deepEqual(labelsOf({ guard }, to), ['pkg/x.py is imported by app/main.py:4']);
});

test('import edges: a Python import in a def (a try inside it too) carries the def on the edge, for chain choice (stop 55)', () => {
  const resolver: ImportResolver = { ecosystem: 'python', resolve: () => [{ to: 'pkg/x.py', via: 'root' }] };
  const fact = (f: Partial<ImportFact>): ImportFact => ({ specifier: 'pkg', syntax: 'from', line: 4, names: [], guard: null, ...f });
  const files = [{ path: 'app/main.py', language: 'python', facts: { imports: [fact({ guard: 'try', within: 'version' }), fact({ guard: 'try' })] } }] as Parameters<typeof buildImportEdges>[0];
  assert.deepEqual(buildImportEdges(files, { python: resolver, javascript: resolver }, () => null).map((e) => e.within), ['version', undefined]);
});
