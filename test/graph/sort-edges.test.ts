/**
 * The Audit's edge order at 100k files comes from placing edges by importer (graph/sort-edges.ts),
 * not from one sort: it must be the order `sort(compareEdges)` gives, ties (equal keys) included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareEdges, placedByImporter, sortEdges } from '../../src/graph/sort-edges.js';
import type { Edge } from '../../src/model/edge.js';

/** A small deterministic generator (no Math.random: a failure must replay). */
const numbers = (seed: number): (() => number) => {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
};

/** `count` edges from `importers` files, in runs of one importer (as the stages make them) and scattered, lines out of order, keys repeated. */
const edgesFor = (count: number, importers: number, seed: number): Edge[] => {
  const next = numbers(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const edges: Edge[] = [];
  while (edges.length < count) {
    const from = `app/pkg${pick(importers) % 7}/mod${pick(importers)}.py`;
    const run = 1 + pick(30);
    let line = 1 + pick(5);
    for (let i = 0; i < run && edges.length < count; i++) {
      // mostly ascending, sometimes back (a code edge after the imports), sometimes the same line twice
      line = next() < 0.8 ? line + pick(3) : 1 + pick(40);
      const to = next() < 0.2 ? null : `app/lib/m${pick(50)}.py`;
      edges.push({ from, to, kind: next() < 0.9 ? 'import' : 'reference', line, specifier: `lib.m${pick(4)}`, names: [], guard: null });
    }
  }
  return edges;
};

test('edges placed by importer come in the order one sort by compareEdges gives, ties in input order', () => {
  for (const [count, importers, seed] of [[5_000, 300, 1], [40_000, 4_000, 2], [3_000, 1, 3], [0, 1, 4]] as const) {
    const edges = edgesFor(count, importers, seed);
    const expected = [...edges].sort(compareEdges);
    const placed = placedByImporter([...edges], compareEdges);
    assert.equal(placed.length, expected.length);
    // the same objects in the same places: equal keys keep their input order, as a stable sort does
    const firstMoved = placed.findIndex((e, i) => e !== expected[i]);
    assert.equal(firstMoved, -1, `edges ${count}, importers ${importers}: differs at ${firstMoved}`);
  }
});

test('a list past the placement threshold is placed, a short one sorted, with one result', () => {
  const long = edgesFor(210_000, 20_000, 5);
  const expected = [...long].sort(compareEdges);
  const placed = sortEdges([...long]);
  assert.ok(placed.every((e, i) => e === expected[i]));
  const short = edgesFor(1_000, 50, 6);
  const shortExpected = [...short].sort(compareEdges);
  assert.ok(sortEdges(short).every((e, i) => e === shortExpected[i]));
});
