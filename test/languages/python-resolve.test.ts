/** Python resolution on fixture repos: one layout rule per fixture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedFor, fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { createPythonResolver } from '../../src/languages/python/resolve/resolver.js';
import { buildImportEdges } from '../../src/graph/import-edges.js';
import { Manifests } from '../../src/manifests/store.js';
import type { ImportFact } from '../../src/model/facts.js';

for (const name of fixtureCases('python')) {
  test(`python resolution: ${name}`, async () => {
    const { audit } = await scanDir(fixturePath('python', name));
    const actual = audit.edges
      .filter((e) => e.from.endsWith('.py'))
      .map((e) => ({
        from: e.from,
        line: e.line,
        specifier: e.specifier,
        to: e.to,
        kind: e.kind,
        names: e.names,
        guard: e.guard,
        ...(e.via ? { via: e.via } : {}),
        ...(e.unresolved ? { unresolved: e.unresolved } : {}),
      }));
    assert.deepEqual(actual, expectedFor('python', name, actual));
  });
}

test('python resolution: one answer per folder and question, shared by its asks and read only by the edges', () => {
  const files = ['app/__init__.py', 'app/a.py', 'app/b.py', 'pkg/__init__.py', 'pkg/sub.py', 'pkg/sub.pyi'];
  const manifests = new Manifests({ files: new Set(files), readText: () => null });
  const resolver = createPythonResolver({ rootAbs: '/nowhere', files: manifests.files, manifests });
  const fact: ImportFact = { specifier: 'pkg', syntax: 'from', line: 1, names: [{ name: 'sub' }], guard: null };
  const first = resolver.resolve(fact, 'app/a.py');
  // A sibling's ask is the same question: the same answer, not a copy of it.
  assert.equal(resolver.resolve({ ...fact, line: 7 }, 'app/b.py'), first);
  const facts = (path: string) => ({ path, language: 'python' as const, facts: { imports: [{ ...fact, line: path === 'app/a.py' ? 1 : 7 }] } });
  const edges = buildImportEdges([facts('app/a.py'), facts('app/b.py')] as Parameters<typeof buildImportEdges>[0], { python: resolver, javascript: resolver }, () => null);
  const shape = (from: string, line: number) => [
    { from, to: 'pkg/__init__.py', line, names: ['sub'], via: 'root' },
    { from, to: 'pkg/sub.py', line, names: ['sub'], via: 'root' },
    { from, to: 'pkg/sub.pyi', line, names: ['sub'], via: 'stub' },
  ];
  assert.deepEqual(edges.map((e) => ({ from: e.from, to: e.to, line: e.line, names: e.names, via: e.via })), [...shape('app/a.py', 1), ...shape('app/b.py', 7)]);
  // Building the edges changed none of the shared answers.
  assert.deepEqual(resolver.resolve(fact, 'app/a.py'), first);
  assert.deepEqual(first.map((r) => r.names), [undefined, ['sub'], ['sub']]);
});

test('python resolution: an absolute import is answered once for the folders that share its roots, not for others', () => {
  const files = ['app/__init__.py', 'app/x/__init__.py', 'app/x/m.py', 'app/y/__init__.py', 'app/y/n.py', 'shared/__init__.py', 'shared/util.py', 'scripts/run.py', 'scripts/helpers.py', 'tools/go.py'];
  const manifests = new Manifests({ files: new Set(files), readText: () => null });
  const resolver = createPythonResolver({ rootAbs: '/nowhere', files: manifests.files, manifests });
  const ask = (specifier: string, from: string) => resolver.resolve({ specifier, syntax: 'import', line: 1, names: [], guard: null }, from);
  // app/x and app/y are packages of the root: the same roots, one answer.
  const shared = ask('shared.util', 'app/x/m.py');
  assert.equal(ask('shared.util', 'app/y/n.py'), shared);
  assert.deepEqual(shared.map((r) => r.to), ['shared/util.py', 'shared/__init__.py']);
  // A script folder is a root of its own files only: scripts/run.py finds helpers.py beside it, tools/go.py does not.
  assert.deepEqual(ask('helpers', 'scripts/run.py').map((r) => [r.to, r.via]), [['scripts/helpers.py', 'script-dir:scripts']]);
  assert.deepEqual(ask('helpers', 'tools/go.py').map((r) => [r.to, r.unresolved]), [[null, 'not-found']]);
  assert.deepEqual(ask('helpers', 'app/x/m.py').map((r) => [r.to, r.unresolved]), [[null, 'not-found']]);
});

test('python resolution: a test sys.modules swap loads its fake from the test, not from the production importer', async () => {
  const { audit } = await scanDir(fixturePath('python', 'import-alias-test-swap'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('app/driver.py'), 'production');
  // Reached while the tests run (the driver's import under the swap), and by nothing in production.
  assert.equal(verdict('app/tests/fake_storops/lib/tasks.py'), 'test');
  assert.equal(verdict('app/tests/__init__.py'), 'test');
  const swapped = audit.edges.find((e) => e.to === 'app/tests/fake_storops/lib/tasks.py');
  assert.match(swapped?.label ?? '', /imported by app\/driver\.py:1 while tests run, "storops\.lib" mapped by sys\.modules\["storops"\] = fake_storops in app\/tests\/__init__\.py:6/);
});

test('python resolution: a production sys.modules alias wins over a test swap of the same name, whatever their path order', async () => {
  // app/tests/__init__.py sorts before app/vendor_shim.py: the first alias by path was the test's.
  const { audit } = await scanDir(fixturePath('python', 'import-alias-test-swap-shadow'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('app/_vendor/storops_lite/lib/tasks.py'), 'production');
  assert.equal(verdict('app/_vendor/storops_lite/lib/__init__.py'), 'production');
  const edge = audit.edges.find((e) => e.from === 'app/driver.py' && e.to === 'app/_vendor/storops_lite/lib/tasks.py');
  assert.match(edge?.label ?? '', /sys\.modules\["storops"\] = storops_lite in app\/vendor_shim\.py:7/);
  // The test's fake is still what the tests load: the driver's import reaches it too, test at most.
  assert.equal(verdict('app/tests/fake_storops/lib/tasks.py'), 'test');
  assert.equal(verdict('app/tests/fake_storops/lib/__init__.py'), 'test');
  // The import resolves in production: no unresolved edge for it.
  assert.equal(audit.edges.some((e) => e.from === 'app/driver.py' && e.line === 2 && e.to === null), false);
});

test('python resolution: a test swap gives nothing through a dead importer, and no edge to the packages the swapping file sits in', async () => {
  // app/legacy.py imports storops.lib.tasks under the swap, but nothing imports app/legacy.py.
  const { audit } = await scanDir(fixturePath('python', 'import-alias-test-swap-deadimp'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('app/legacy.py'), 'dead');
  assert.equal(verdict('app/tests/fake_storops/lib/tasks.py'), 'dead');
  const swaps = audit.edges.filter((e) => e.via === 'test-swap');
  assert.deepEqual(swaps.map((e) => [e.from, e.to]), [
    ['app/legacy.py', 'app/tests/fake_storops/__init__.py'],
    ['app/legacy.py', 'app/tests/fake_storops/lib/__init__.py'],
    ['app/legacy.py', 'app/tests/fake_storops/lib/tasks.py'],
  ]);
});

test('python resolution: a sys.modules alias in a module whose name ends like a test module\'s (app/latest.py) is production\'s', async () => {
  const { audit } = await scanDir(fixturePath('python', 'import-alias-latest'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('app/_vendor/storops_lite/lib/tasks.py'), 'production');
  const edge = audit.edges.find((e) => e.from === 'app/driver.py' && e.to === 'app/_vendor/storops_lite/lib/tasks.py');
  assert.equal(edge?.via === 'test-swap', false);
  assert.doesNotMatch(edge?.label ?? '', /a test swaps it in/);
  assert.match(edge?.label ?? '', /sys\.modules\["storops"\] = storops_lite in app\/latest\.py:8/);
});
