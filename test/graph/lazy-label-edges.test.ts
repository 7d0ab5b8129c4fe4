/**
 * Edges whose label is made when read (graph/lazy-label-edges.ts): the same sentence, keys and key
 * order as the literal edges they replace, no label string kept on the edge, and copies that keep
 * own properties only (the cache's snapshot) made through plainEdge.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { buildImportEdges } from '../../src/graph/import-edges.js';
import { buildFrameworkEdges } from '../../src/graph/framework-edges.js';
import type { TargetResolver } from '../../src/graph/targets.js';
import { plainEdge, type Edge } from '../../src/model/edge.js';
import type { ImportFact } from '../../src/model/facts.js';
import type { ImportResolver, Resolution } from '../../src/resolve/types.js';
import { hopSentence } from '../../src/classify/verdicts.js';

const edgesOf = (fact: Partial<ImportFact>, answers: Resolution[]): Edge[] => {
  const resolver: ImportResolver = { ecosystem: 'python', resolve: () => answers };
  const full: ImportFact = { specifier: 'pkg', syntax: 'from', line: 4, names: [{ name: 'a' }], guard: null, ...fact };
  const files = [{ path: 'app/main.py', language: 'python', facts: { imports: [full] } }] as Parameters<typeof buildImportEdges>[0];
  return buildImportEdges(files, { python: resolver, javascript: resolver }, () => null);
};

test('lazy labels: a resolved import edge writes the JSON a literal edge did, within last, and keeps no label string', () => {
  const [edge] = edgesOf({ guard: 'function', within: 'load' }, [{ to: 'pkg/x.py', via: 'root', mapping: 'the alias p (setup.cfg:3)' }]);
  const sentence = 'pkg/x.py is imported by app/main.py:4 (as a) inside def load: it runs when that function is called, "pkg" mapped by the alias p (setup.cfg:3)';
  assert.equal(edge.label, sentence);
  assert.equal(edge.within, 'load');
  assert.equal(JSON.stringify(edge), JSON.stringify({ from: 'app/main.py', to: 'pkg/x.py', kind: 'import', line: 4, specifier: 'pkg', names: ['a'], guard: 'function', via: 'root', label: sentence, within: 'load' }));
  assert.ok(!Object.keys(edge).includes('label'), 'the sentence is made when read, not kept');
});

test('lazy labels: re-marked (test-flags sets via, then lengthens the label), the sentence is the resolution\'s', () => {
  const [edge] = edgesOf({}, [{ to: 'lib/g.py', via: 'script-folder:bin/tool.py (run by Procfile)' }]);
  edge.via = 'test-flag';
  edge.label = `${edge.label ?? ''}, under a flag`;
  assert.equal(edge.label, 'lib/g.py is imported by app/main.py:4 (as a), found in the folder of the script bin/tool.py (run by Procfile), which Python puts first on sys.path, under a flag');
  assert.equal(JSON.parse(JSON.stringify(edge)).via, 'test-flag');
});

test('lazy labels: plainEdge and the snapshot\'s serialize keep the label, in the Audit\'s key order', () => {
  const [edge] = edgesOf({}, [{ to: 'pkg/__init__.py', via: 'package-init', names: [] }]);
  const plain = plainEdge(edge);
  assert.equal(Object.getPrototypeOf(plain), Object.prototype);
  assert.deepEqual(Object.keys(plain), ['from', 'to', 'kind', 'line', 'specifier', 'names', 'guard', 'via', 'label']);
  assert.equal((deserialize(serialize(plain)) as Edge).label, 'pkg/__init__.py is run by the import in app/main.py:4 (Python runs a package before its modules)');
  const unresolved = edgesOf({}, [{ to: null, unresolved: 'external', package: 'pkg' }])[0];
  assert.equal(plainEdge(unresolved), unresolved, 'a literal edge is its own plain form');
});

test('lazy labels: a framework reference\'s edge says the reader\'s sentence, with the package note above the named module', () => {
  const targets = { module: () => ['app/views.py', 'app/__init__.py'] } as unknown as TargetResolver;
  const edges = buildFrameworkEdges([{ from: 'conf/urls.py', target: 'app.views', targetKind: 'module', line: 7, label: 'named in ROOT_URLCONF in conf/urls.py:7', reader: 'django' }], targets);
  assert.deepEqual(edges.map((e) => JSON.parse(JSON.stringify(e)).label), [
    'app/views.py is named in ROOT_URLCONF in conf/urls.py:7',
    'app/__init__.py is named in ROOT_URLCONF in conf/urls.py:7 (Python runs a package before its modules)',
  ]);
  assert.deepEqual(Object.keys(plainEdge(edges[0])), ['from', 'to', 'kind', 'line', 'specifier', 'names', 'guard', 'via', 'label']);
});

test('lazy labels: a chain\'s hop (classify\'s hopSentence) makes its sentence once and keeps it for every file the chain reaches through it', () => {
  let made = 0;
  const fact: ImportFact = { specifier: 'pkg', syntax: 'from', names: [{ name: 'a' }], guard: null, get line() { made++; return 4; } };
  const files = [{ path: 'app/main.py', language: 'python', facts: { imports: [fact] } }] as Parameters<typeof buildImportEdges>[0];
  const resolver: ImportResolver = { ecosystem: 'python', resolve: () => [{ to: 'pkg/x.py', via: 'relative' }] };
  const [edge] = buildImportEdges(files, { python: resolver, javascript: resolver }, () => null);
  made = 0;
  const first = hopSentence(edge);
  assert.equal(hopSentence(edge), first);
  assert.equal(first, 'pkg/x.py is imported by app/main.py:4 (as a)');
  assert.equal(made, 1, 'the sentence was made once, not once per read');
  assert.equal(JSON.parse(JSON.stringify(edge)).label, first);
});
