/**
 * discover joins each listed path to the root as text when node:path's join would answer the
 * same; any other path or root goes through joinAbsolute.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { absoluteOf, isPlainRoot } from '../../src/discover/index.js';
import { joinAbsolute } from '../../src/util/path.js';

test('absoluteOf: the same path as joinAbsolute, for any listed path and root', () => {
  const seed = Date.now() % 100000;
  console.log(`absoluteOf property seed ${seed}`);
  const piece = fc.constantFrom('a', 'b.ts', '.', '..', '/', '//', '.x', '...', '');
  const path = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  const root = fc.array(piece, { maxLength: 5 }).map((parts) => `/${parts.join('')}`);
  fc.assert(
    fc.property(root, path, (r, p) => {
      assert.equal(absoluteOf(r, isPlainRoot(r), p), joinAbsolute(r, p), JSON.stringify([r, p]));
    }),
    { seed, numRuns: 3000 },
  );
  assert.equal(isPlainRoot('/repo'), true);
  assert.equal(isPlainRoot('/'), false);
  assert.equal(isPlainRoot('/repo/'), false);
  assert.equal(absoluteOf('/repo', true, 'src/a.ts'), '/repo/src/a.ts');
});
