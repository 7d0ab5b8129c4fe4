/**
 * edgesAt finds a statement's edges in its file's edges (in line order) by binary search: it must
 * give what the map of lines it replaces gave, the edges of that line with that specifier, in the
 * order listed, or nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Edge } from '../../src/model/edge.js';
import type { ImportFact } from '../../src/model/facts.js';
import { edgesAt, inStatementOrder, StatementEdges } from '../../src/analyses/imports/statement-edges.js';

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

/**
 * Stop 65: statements asked in line order are found by a cursor, and told classified by their
 * line's specifiers, instead of a binary search and a `line\0specifier` Set each: random files
 * (lines of more than 32 edges, which are grouped, and of more than 16 statements, whose
 * specifiers go to a Set) must give the edges and first answers of the search and the Set.
 */
test('StatementEdges in line order answers as the binary search and the key Set, statement by statement', () => {
  const seed = Date.now();
  console.log(`statement-edges property seed ${seed}`);
  const specifiers = Array.from({ length: 20 }, (_, i) => `./m${i}`);
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 5 }).chain((lines) => fc.tuple(
      fc.array(fc.record({ line: fc.integer({ min: 1, max: lines }), specifier: fc.constantFrom(...specifiers) }), { maxLength: 150, size: 'max' }),
      fc.array(fc.record({ line: fc.integer({ min: 0, max: lines + 1 }), specifier: fc.constantFrom(...specifiers, 'absent') }), { maxLength: 120, size: 'max' }),
    )),
    fc.boolean(),
    ([raw, asked], sorted) => {
      const edges: Edge[] = raw.map((r, i): Edge => ({ from: 'f.ts', to: null, kind: 'import', line: r.line, specifier: r.specifier, names: [], guard: null, via: `#${i}` }))
        .sort((a, b) => a.line - b.line);
      const statements: ImportFact[] = asked.map((a) => ({ specifier: a.specifier, syntax: 'require', line: a.line, names: [], guard: null }));
      if (sorted) statements.sort((a, b) => a.line - b.line);
      const ordered = inStatementOrder(statements);
      if (sorted) assert.equal(ordered, true);
      const searched = new StatementEdges(edges);
      const walked = new StatementEdges(edges, ordered);
      for (const s of statements) {
        const want = searched.at(s.line, s.specifier);
        const got = walked.at(s.line, s.specifier);
        assert.deepEqual(got?.map((e) => e.via), want?.map((e) => e.via), `edges of ${s.line} ${s.specifier}`);
        if (want === undefined) continue;
        assert.equal(walked.firstClassification(s.line, s.specifier), searched.firstClassification(s.line, s.specifier), `first ${s.line} ${s.specifier}`);
      }
    },
  ), { numRuns: 1500, seed });
});

test('inStatementOrder: a NaN line is out of order', () => {
  const at = (line: number): ImportFact => ({ specifier: 'a', syntax: 'import', line, names: [], guard: null });
  assert.equal(inStatementOrder([at(1), at(1), at(2)]), true);
  assert.equal(inStatementOrder([at(5), at(Number.NaN), at(3)]), false);
});
