/**
 * joinNormal (graph/doc-edges.ts) joins a doc's folder and a mentioned path by concatenation when
 * both are plain, else through joinRepo: it must answer what joinRepo answers for any pair.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { joinNormal } from '../../src/graph/doc-edges.js';
import { joinRepo } from '../../src/util/path.js';
import { assertProperty } from '../helpers/property.js';

const segment = fc.constantFrom('', '.', '..', '...', 'a', 'b.md', '.github', 'x..y', ' ', '~', 'c\\d');
const pathOf = fc.array(segment, { maxLength: 5 }).map((s) => s.join('/'));
const withEnds = fc.tuple(fc.constantFrom('', '/', './', '//'), pathOf, fc.constantFrom('', '/', '/.', '//')).map(([a, b, c]) => a + b + c);

test('joinNormal: the same answer as joinRepo, plain or not', () => {
  for (const [dir, path] of [['', 'a/b.md'], ['docs', 'a/b.md'], ['docs', '../x'], ['docs', '../../x'], ['docs', './a'], ['', ''], ['docs', ''], ['docs/', 'a'], ['a//b', 'c'], ['docs', '/abs']]) {
    assert.equal(joinNormal(dir, path), joinRepo(dir, path), `${dir} + ${path}`);
  }
  assertProperty(
    fc.property(fc.oneof(pathOf, withEnds), fc.oneof(pathOf, withEnds), (dir, path) => {
      assert.equal(joinNormal(dir, path), joinRepo(dir, path), JSON.stringify([dir, path]));
    }),
    { numRuns: 5000 },
  );
});
