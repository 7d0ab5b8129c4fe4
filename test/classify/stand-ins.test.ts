/** A root that stands in for a launcher the tree lacks yields its chain to one from a file the tree holds (stand-ins.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from '../../src/classify/verdicts.js';
import type { Edge } from '../../src/model/edge.js';
import type { Entry } from '../../src/model/entry.js';
import type { FileRecord } from '../../src/model/file.js';

const file = (path: string): FileRecord => ({ path, language: 'python', bytes: 1, lines: 1, codeLines: 1, hash: '0', executable: false });
const edge = (from: string, to: string, line: number, guard: Edge['guard'] = null): Edge => ({ from, to, kind: 'import', line, specifier: to, names: [], guard });
const EP = 'pkg/svc.egg-info/entry_points.txt';

/** Debian's heat: usr/bin/svc-all imports svc.cmd.all, which imports svc.cmd.api; svc-api's launcher ships in another package. */
const tree = (extraEdges: Edge[] = [], extraEntries: Entry[] = []) => {
  const files = ['usr/bin/svc-all', 'pkg/svc/cmd/all.py', 'pkg/svc/cmd/api.py', 'pkg/svc/cmd/worker.py', 'pkg/svc/common/db.py', 'pkg/svc/opts.py'].map(file);
  const edges = [edge('usr/bin/svc-all', 'pkg/svc/cmd/all.py', 6), edge('pkg/svc/cmd/all.py', 'pkg/svc/cmd/api.py', 37), edge('pkg/svc/cmd/api.py', 'pkg/svc/common/db.py', 12), ...extraEdges];
  const standIn = (module: string, line: number): Entry => ({ file: `pkg/svc/cmd/${module}.py`, kind: 'production', detector: 'installed-entry-points', source: EP, line, evidence: `svc-${module} in ${EP}:${line}, whose launcher (not in the tree) imports svc.cmd.${module}`, standsIn: true });
  const entries: Entry[] = [
    { file: 'usr/bin/svc-all', kind: 'production', detector: 'installed-commands', source: 'usr/bin/svc-all', evidence: 'usr/bin/svc-all: an installed command' },
    standIn('api', 3),
    standIn('worker', 4),
    ...extraEntries,
  ];
  return classify(files, edges, entries).verdicts;
};

test('stand-ins: an in-tree launcher that imports the module takes the stand-in sentence\'s place; the rest of the chain is kept', () => {
  const verdicts = tree();
  assert.deepEqual(verdicts.get('pkg/svc/cmd/api.py')!.evidence, [
    'usr/bin/svc-all: an installed command',
    'pkg/svc/cmd/all.py is imported by usr/bin/svc-all:6',
    'pkg/svc/cmd/api.py is imported by pkg/svc/cmd/all.py:37',
  ]);
  assert.equal(verdicts.get('pkg/svc/common/db.py')!.evidence.at(-1), 'pkg/svc/common/db.py is imported by pkg/svc/cmd/api.py:12');
  assert.equal(verdicts.get('pkg/svc/common/db.py')!.evidence[0], 'usr/bin/svc-all: an installed command');
});

test('stand-ins: where no file of the tree reaches the module, the stand-in stays the evidence', () => {
  const verdicts = tree();
  assert.equal(verdicts.get('pkg/svc/cmd/worker.py')!.verdict, 'production');
  assert.match(verdicts.get('pkg/svc/cmd/worker.py')!.evidence[0], /^pkg\/svc\/cmd\/worker.py is an entry point: svc-worker in .*whose launcher \(not in the tree\)/);
});

test('stand-ins: another line of the same metadata (a plugin that imports the module) does not replace the stand-in', () => {
  const plugin: Entry = { file: 'pkg/svc/opts.py', kind: 'production', detector: 'installed-entry-points', source: EP, line: 31, evidence: `[oslo.config.opts] svc = svc.opts:list_opts in ${EP}:31` };
  const verdicts = tree([edge('pkg/svc/opts.py', 'pkg/svc/cmd/worker.py', 45)], [plugin]);
  assert.match(verdicts.get('pkg/svc/cmd/worker.py')!.evidence[0], /^pkg\/svc\/cmd\/worker.py is an entry point: svc-worker in /);
  assert.equal(verdicts.get('pkg/svc/cmd/worker.py')!.evidence.length, 1);
});

test('stand-ins: an in-tree chain through an import inside a function (run only when called) does not replace the stand-in', () => {
  const verdicts = tree([edge('pkg/svc/cmd/all.py', 'pkg/svc/cmd/worker.py', 50, 'function')]);
  assert.match(verdicts.get('pkg/svc/cmd/worker.py')!.evidence[0], /^pkg\/svc\/cmd\/worker.py is an entry point: svc-worker in /);
});

test('stand-ins: an in-tree chain to the module that passes through the file itself shows the file\'s own in-tree chain', () => {
  // db.py is reached from api's stand-in; the launcher reaches api.py only through db.py (a cycle).
  const files = ['usr/bin/svc-db', 'pkg/svc/cmd/api.py', 'pkg/svc/common/db.py'].map(file);
  const edges = [edge('usr/bin/svc-db', 'pkg/svc/common/db.py', 5), edge('pkg/svc/common/db.py', 'pkg/svc/cmd/api.py', 9), edge('pkg/svc/cmd/api.py', 'pkg/svc/common/db.py', 12)];
  const entries: Entry[] = [
    { file: 'usr/bin/svc-db', kind: 'production', detector: 'installed-commands', source: 'usr/bin/svc-db', evidence: 'usr/bin/svc-db: an installed command' },
    { file: 'pkg/svc/cmd/api.py', kind: 'production', detector: 'installed-entry-points', source: EP, line: 3, evidence: 'svc-api stand-in', standsIn: true },
  ];
  const { verdicts } = classify(files, edges, entries);
  assert.deepEqual(verdicts.get('pkg/svc/common/db.py')!.evidence, ['usr/bin/svc-db: an installed command', 'pkg/svc/common/db.py is imported by usr/bin/svc-db:5']);
  assert.deepEqual(verdicts.get('pkg/svc/cmd/api.py')!.evidence, ['usr/bin/svc-db: an installed command', 'pkg/svc/common/db.py is imported by usr/bin/svc-db:5', 'pkg/svc/cmd/api.py is imported by pkg/svc/common/db.py:9']);
});

test('stand-ins: a launcher that only reaches the module as a tooling or test root does not replace a production stand-in', () => {
  const files = ['tools/gen.py', 'pkg/svc/cmd/api.py'].map(file);
  const edges = [edge('tools/gen.py', 'pkg/svc/cmd/api.py', 2)];
  const entries: Entry[] = [
    { file: 'tools/gen.py', kind: 'tooling', detector: 'tox', source: 'tox.ini', evidence: 'tox runs tools/gen.py' },
    { file: 'pkg/svc/cmd/api.py', kind: 'production', detector: 'installed-entry-points', source: EP, line: 3, evidence: 'svc-api stand-in', standsIn: true },
  ];
  const { verdicts } = classify(files, edges, entries);
  assert.deepEqual(verdicts.get('pkg/svc/cmd/api.py'), { verdict: 'production', evidence: ['pkg/svc/cmd/api.py is an entry point: svc-api stand-in'] });
});

test('stand-ins: an import under `if TYPE_CHECKING:`, or a type-only import, never runs: the stand-in stays', () => {
  for (const extra of [edge('pkg/svc/cmd/all.py', 'pkg/svc/cmd/worker.py', 4, 'type-checking'), { ...edge('pkg/svc/cmd/all.py', 'pkg/svc/cmd/worker.py', 4), kind: 'type-import' as const }]) {
    const verdicts = tree([extra]);
    assert.match(verdicts.get('pkg/svc/cmd/worker.py')!.evidence[0], /^pkg\/svc\/cmd\/worker.py is an entry point: svc-worker in /, `${extra.kind} ${extra.guard}`);
  }
});

test('stand-ins: an import inside try: runs on load and is taken', () => {
  const verdicts = tree([edge('pkg/svc/cmd/all.py', 'pkg/svc/cmd/worker.py', 8, 'try')]);
  assert.equal(verdicts.get('pkg/svc/cmd/worker.py')!.evidence[0], 'usr/bin/svc-all: an installed command');
});

test('stand-ins: an import in a try inside a def (its edge names the def) runs only when called: the stand-in stays', () => {
  const verdicts = tree([{ ...edge('pkg/svc/cmd/all.py', 'pkg/svc/cmd/worker.py', 8, 'try'), within: 'main' }]);
  assert.match(verdicts.get('pkg/svc/cmd/worker.py')!.evidence[0], /^pkg\/svc\/cmd\/worker.py is an entry point: svc-worker in /);
});

test('launchers: a launcher\'s chain through an import in a try inside a def leaves the shortest chain; a try at the top level does not', () => {
  const inDef = pasteTree('one-more', 'try', false, undefined, 'main').get('pkg/svc/env.py')!.evidence;
  assert.equal(inDef[0], 'pkg/svc/ctx.py is an entry point: PasteDeploy config etc/svc/api-paste.ini [filter:context]');
  assert.equal(pasteTree('one-more', 'try', false).get('pkg/svc/env.py')!.evidence[0], 'usr/bin/svc-all: an installed command');
});

test('stand-ins: a framework reference carries no guard (it may sit inside a def): only a launcher\'s load_entry_point() call is taken', () => {
  const ref = (via: string): Edge => ({ ...edge('pkg/svc/cmd/all.py', 'pkg/svc/cmd/worker.py', 5), kind: 'reference', via, label: `pkg/svc/cmd/worker.py is named in pkg/svc/cmd/all.py:5 (${via})` });
  assert.match(tree([ref('string-modules')]).get('pkg/svc/cmd/worker.py')!.evidence[0], /^pkg\/svc\/cmd\/worker.py is an entry point: svc-worker in /);
  assert.deepEqual(tree([ref('entry-point-scripts')]).get('pkg/svc/cmd/worker.py')!.evidence, ['usr/bin/svc-all: an installed command', 'pkg/svc/cmd/all.py is imported by usr/bin/svc-all:6', 'pkg/svc/cmd/worker.py is named in pkg/svc/cmd/all.py:5 (entry-point-scripts)']);
});

test('stand-ins: an installed package taken as a library names a module for whoever imports it: its chain does not replace the stand-in', () => {
  const library: Entry = { file: 'pkg/svc/opts.py', kind: 'production', detector: 'python-library', source: 'pkg/svc/opts.py', evidence: 'svc is an installed library' };
  const verdicts = tree([edge('pkg/svc/opts.py', 'pkg/svc/cmd/worker.py', 45)], [library]);
  assert.match(verdicts.get('pkg/svc/cmd/worker.py')!.evidence[0], /^pkg\/svc\/cmd\/worker.py is an entry point: svc-worker in /);
  assert.equal(verdicts.get('pkg/svc/cmd/worker.py')!.evidence.length, 1);
});

test('stand-ins: the in-tree walk\'s own chain is shown when it is shorter than the chain through the module', () => {
  // all.py imports db.py itself (heat/cmd/all.py:41 imports heat.common.messaging): 2 hops, not 3 through api.py.
  const verdicts = tree([edge('pkg/svc/cmd/all.py', 'pkg/svc/common/db.py', 41)]);
  assert.deepEqual(verdicts.get('pkg/svc/common/db.py')!.evidence, ['usr/bin/svc-all: an installed command', 'pkg/svc/cmd/all.py is imported by usr/bin/svc-all:6', 'pkg/svc/common/db.py is imported by pkg/svc/cmd/all.py:41']);
});

test('stand-ins: when the shortest in-tree chain to the file passes an import inside a function, the in-tree chain to the module and the module\'s own are shown', () => {
  const verdicts = tree([edge('pkg/svc/cmd/all.py', 'pkg/svc/common/db.py', 50, 'function')]);
  assert.deepEqual(verdicts.get('pkg/svc/common/db.py')!.evidence, [
    'usr/bin/svc-all: an installed command',
    'pkg/svc/cmd/all.py is imported by usr/bin/svc-all:6',
    'pkg/svc/cmd/api.py is imported by pkg/svc/cmd/all.py:37',
    'pkg/svc/common/db.py is imported by pkg/svc/cmd/api.py:12',
  ]);
});

/**
 * Stop 54, heat: the stand-in for svc-api yields to the in-tree walk, whose shortest chain to db.py
 * starts at a PasteDeploy filter; usr/bin/svc-all reaches db.py too, one hop longer.
 */
const pasteTree = (allToDbHops: 'one-more' | 'two-more', guard: Edge['guard'] = null, standIn = true, ctxEvidence = 'PasteDeploy config etc/svc/api-paste.ini [filter:context]', within?: string) => {
  const files = ['usr/bin/svc-all', 'pkg/svc/cmd/all.py', 'pkg/svc/cmd/api.py', 'pkg/svc/ctx.py', 'pkg/svc/db/api.py', 'pkg/svc/env.py', 'pkg/svc/mid.py'].map(file);
  const edges = [
    edge('pkg/svc/ctx.py', 'pkg/svc/db/api.py', 34),
    edge('pkg/svc/db/api.py', 'pkg/svc/env.py', 45),
    edge('usr/bin/svc-all', 'pkg/svc/cmd/all.py', 6),
    { ...edge('pkg/svc/cmd/all.py', 'pkg/svc/cmd/api.py', 37, guard), ...(within === undefined ? {} : { within }) },
    ...(allToDbHops === 'one-more'
      ? [edge('pkg/svc/cmd/api.py', 'pkg/svc/env.py', 12)]
      : [edge('pkg/svc/cmd/api.py', 'pkg/svc/mid.py', 12), edge('pkg/svc/mid.py', 'pkg/svc/env.py', 3)]),
  ];
  const entries: Entry[] = [
    { file: 'usr/bin/svc-all', kind: 'production', detector: 'installed-commands', source: 'usr/bin/svc-all', evidence: 'usr/bin/svc-all: an installed command' },
    { file: 'pkg/svc/ctx.py', kind: 'production', detector: 'paste-deploy', source: 'etc/svc/api-paste.ini', evidence: ctxEvidence },
    ...(standIn ? [{ file: 'pkg/svc/env.py', kind: 'production' as const, detector: 'installed-entry-points', source: EP, line: 3, evidence: 'svc-env stand-in', standsIn: true as const }] : []),
  ];
  return classify(files, edges, entries).verdicts;
};

test('launchers: a launcher\'s chain one hop longer than a PasteDeploy filter\'s is shown, with or without a stand-in: it is what a user runs', () => {
  for (const standIn of [true, false]) {
    assert.deepEqual(pasteTree('one-more', null, standIn).get('pkg/svc/env.py')!.evidence, [
      'usr/bin/svc-all: an installed command',
      'pkg/svc/cmd/all.py is imported by usr/bin/svc-all:6',
      'pkg/svc/cmd/api.py is imported by pkg/svc/cmd/all.py:37',
      'pkg/svc/env.py is imported by pkg/svc/cmd/api.py:12',
    ], `stand-in: ${standIn}`);
  }
  // The filter's own module is its own entry: no launcher chain is as short.
  assert.equal(pasteTree('one-more', null, false).get('pkg/svc/ctx.py')!.evidence.length, 1);
});

test('launchers: a launcher\'s chain two hops longer, or through an import inside a function, leaves the shortest chain', () => {
  for (const verdicts of [pasteTree('two-more'), pasteTree('one-more', 'function'), pasteTree('two-more', null, false), pasteTree('one-more', 'function', false)]) {
    assert.deepEqual(verdicts.get('pkg/svc/env.py')!.evidence, [
      'pkg/svc/ctx.py is an entry point: PasteDeploy config etc/svc/api-paste.ini [filter:context]',
      'pkg/svc/db/api.py is imported by pkg/svc/ctx.py:34',
      'pkg/svc/env.py is imported by pkg/svc/db/api.py:45',
    ]);
  }
});

test('launchers: a chain whose root a command line runs (a Dockerfile CMD) keeps its place', () => {
  assert.deepEqual(pasteTree('one-more', null, false, 'Dockerfile CMD: python -m svc.ctx').get('pkg/svc/env.py')!.evidence, [
    'pkg/svc/ctx.py is run by Dockerfile CMD: python -m svc.ctx',
    'pkg/svc/db/api.py is imported by pkg/svc/ctx.py:34',
    'pkg/svc/env.py is imported by pkg/svc/db/api.py:45',
  ]);
});
