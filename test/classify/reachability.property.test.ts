/**
 * The walk over numbered files (fileGraph + reachByTier) must give every file the tier, root and
 * chain that the walk keyed by path gave, which is kept here as the reference: the verdicts and
 * their evidence are part of the byte-identical Audit. Random graphs with repeated edges, edges to
 * unlisted and unreachable files, self-loops, doc mentions, roots repeated across tiers and
 * projects that make ties swap chains.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Edge, EdgeKind } from '../../src/model/edge.js';
import type { Verdict } from '../../src/model/verdict.js';
import type { Root } from '../../src/classify/roots.js';
import { fileGraph, pathOf, reachByTier } from '../../src/classify/reachability.js';
import { byString } from '../../src/util/compare.js';

interface Reached { verdict: Verdict; root: Root; path: Edge[] }

/** The walk as it was, keyed by path. */
const reference = (reachable: ReadonlySet<string>, edges: Edge[], tiers: [Verdict, Root[]][], projectOf: (path: string) => string): Map<string, Reached> => {
  const adjacency = new Map<string, Edge[]>();
  for (const e of edges) {
    if (e.to === null || e.kind === 'doc-mention' || e.to === e.from) continue;
    const list = adjacency.get(e.from);
    if (list) list.push(e);
    else adjacency.set(e.from, [e]);
  }
  for (const list of adjacency.values()) list.sort((a, b) => byString(a.to!, b.to!) || a.line - b.line);
  const reached = new Map<string, Reached>();
  const atHome = (file: string, root: Root): boolean => projectOf(root.source) === projectOf(file);
  const better = (file: string, root: Root): boolean => atHome(file, root) && !atHome(file, reached.get(file)!.root);
  for (const [verdict, roots] of tiers) {
    let level = new Set<string>();
    for (const root of roots) {
      if (!reachable.has(root.file)) continue;
      if (reached.has(root.file)) {
        if (level.has(root.file) && better(root.file, root)) reached.set(root.file, { verdict, root, path: [] });
        continue;
      }
      reached.set(root.file, { verdict, root, path: [] });
      level.add(root.file);
    }
    while (level.size > 0) {
      const next = new Set<string>();
      for (const file of level) {
        const from = reached.get(file)!;
        for (const edge of adjacency.get(file) ?? []) {
          const to = edge.to!;
          if (!reachable.has(to)) continue;
          if (reached.has(to)) {
            if (next.has(to) && better(to, from.root)) reached.set(to, { verdict, root: from.root, path: [...from.path, edge] });
            continue;
          }
          reached.set(to, { verdict, root: from.root, path: [...from.path, edge] });
          next.add(to);
        }
      }
      level = next;
    }
  }
  return reached;
};

const TIERS: Verdict[] = ['production', 'tooling', 'test', 'documented', 'manual'];
const KINDS: EdgeKind[] = ['import', 'import', 'exec', 'reference', 'doc-mention'];
/** Paths in two projects (`a/`, `b/`) and the root's, so `better` has ties to break. */
const PATHS = ['a/x.py', 'a/y.py', 'a/z/w.py', 'b/x.py', 'b/y.py', 'c.py', 'd.py', 'e.md', 'f.py', 'a/q.py'];

const scenario = fc.record({
  listed: fc.shuffledSubarray(PATHS, { minLength: 1 }),
  unreachable: fc.array(fc.nat(PATHS.length - 1), { maxLength: 3 }),
  edges: fc.array(fc.record({ from: fc.nat(PATHS.length), to: fc.nat(PATHS.length + 1), kind: fc.nat(KINDS.length - 1), line: fc.integer({ min: 1, max: 4 }) }), { maxLength: 45 }),
  roots: fc.array(fc.record({ tier: fc.nat(TIERS.length - 1), file: fc.nat(PATHS.length), source: fc.nat(PATHS.length - 1), evidence: fc.nat(3) }), { maxLength: 14 }),
});

const pathAt = (i: number): string | null => (i < PATHS.length ? PATHS[i] : i === PATHS.length ? 'unlisted.py' : null);

test('the numbered walk gives every file the tier, root and chain of the walk keyed by path', () => {
  fc.assert(fc.property(scenario, (s) => {
    const unreachable = new Set(s.unreachable.map((i) => PATHS[i]));
    const reachableSet = new Set(s.listed.filter((p) => !unreachable.has(p)));
    const edges: Edge[] = s.edges.map((e) => ({ from: pathAt(e.from) ?? 'c.py', to: pathAt(e.to), kind: KINDS[e.kind], line: e.line, specifier: 'm', names: [], guard: null }));
    const tiers: [Verdict, Root[]][] = TIERS.map((verdict, t) => [verdict, s.roots.filter((r) => r.tier === t).map((r) => ({ file: pathAt(r.file) ?? 'c.py', source: PATHS[r.source], evidence: `e${r.evidence}` }))
      .sort((a, b) => byString(a.file, b.file) || byString(a.evidence, b.evidence))]);
    const projectOf = (path: string): string => (path.startsWith('a/') ? 'a' : path.startsWith('b/') ? 'b' : '');

    const want = reference(reachableSet, edges, tiers, projectOf);
    const paths = s.listed;
    const reachable = (id: number): boolean => reachableSet.has(paths[id]);
    const graph = fileGraph(paths, reachable, edges);
    const reach = reachByTier(graph, reachable, tiers.map(([, roots]) => roots), (file, root) => projectOf(root.source) === projectOf(paths[file]));
    for (let id = 0; id < paths.length; id++) {
      const expected = want.get(paths[id]);
      if (expected === undefined) {
        assert.equal(reach.tierOf[id], -1, paths[id]);
        continue;
      }
      assert.equal(TIERS[reach.tierOf[id]], expected.verdict, paths[id]);
      assert.equal(reach.rootOf[id], expected.root, paths[id]);
      assert.deepEqual(pathOf(reach, edges, id), expected.path, paths[id]);
      assert.ok(pathOf(reach, edges, id).every((e, i) => e === expected.path[i]), paths[id]);
    }
  }), { numRuns: 1500 });
});

test('a file with more edges than the in-place sort takes keeps them by target, then line, stably', () => {
  const paths = ['a.py', ...Array.from({ length: 40 }, (_, i) => `m${String(39 - i).padStart(2, '0')}.py`)];
  const edges: Edge[] = [];
  for (let i = 0; i < 80; i++) edges.push({ from: 'a.py', to: paths[1 + (i * 7) % 40], kind: 'import', line: 1 + (i % 3), specifier: `s${i}`, names: [], guard: null });
  const graph = fileGraph(paths, () => true, edges);
  const taken = Array.from(graph.adjacency.subarray(graph.start[0], graph.start[1]), (i) => edges[i]);
  const expected = [...edges].sort((a, b) => byString(a.to!, b.to!) || a.line - b.line);
  assert.ok(taken.length === expected.length && taken.every((e, i) => e === expected[i]));
});
