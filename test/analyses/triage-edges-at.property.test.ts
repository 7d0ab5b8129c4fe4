/**
 * edgesAt finds a statement's edges in its file's edges (in line order) by binary search: it must
 * give what the map of lines it replaces gave, the edges of that line with that specifier, in the
 * order listed, or nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Edge } from '../../src/model/edge.js';
import { edgesAt } from '../../src/analyses/imports/triage.js';

test('edgesAt gives the edges of the line with the specifier, in the order listed', () => {
  fc.assert(fc.property(
    fc.array(fc.record({ line: fc.integer({ min: 1, max: 8 }), specifier: fc.constantFrom('a', 'b', './c') }), { maxLength: 30 }),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom('a', 'b', './c', 'd'),
    (raw, line, specifier) => {
      const listed: Edge[] = raw.map((r, i) => ({ from: 'f.ts', to: null, kind: 'import', line: r.line, specifier: r.specifier, names: [], guard: null, via: `#${i}` }));
      const inLineOrder = [...listed].sort((a, b) => a.line - b.line);
      const onLine = listed.filter((e) => e.line === line);
      const expected = onLine.filter((e) => e.specifier === specifier);
      const got = edgesAt(inLineOrder, line, specifier);
      if (expected.length === 0) assert.equal(got, undefined);
      else assert.deepEqual(got?.map((e) => e.via), expected.map((e) => e.via));
    },
  ), { numRuns: 1000 });
});
