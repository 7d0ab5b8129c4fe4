/**
 * contextKey (graph/targets.ts) is the memo key of a command context for the target resolver's
 * command and shell-analysis memos: the path map's JSON is kept per array, the context's per
 * object. Two contexts must share a key exactly when they hold the same fields and values, whether
 * or not they share the map's array, and a key must not go stale for a context asked again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contextKey } from '../../src/graph/targets.js';
import type { CommandContext, PathMapping } from '../../src/commandline/types.js';
import { assertProperty } from '../helpers/property.js';

const SHARED: PathMapping[] = [{ from: '/app/src', to: 'src' }, { from: '/app', to: '' }];
const mapping = fc.record({ from: fc.constantFrom('/app', '/app/src', '/srv'), to: fc.constantFrom('', 'src', 'web') });
const pathMap = fc.oneof(fc.constant(undefined), fc.constant(SHARED), fc.constant(SHARED.map((m) => ({ ...m }))), fc.array(mapping, { maxLength: 3 }));
const context = fc.record({
  cwd: fc.constantFrom('', 'a', 'a/b', '/app'),
  pathMap,
  env: fc.option(fc.dictionary(fc.constantFrom('A', 'B'), fc.constantFrom('1', '/x')), { nil: undefined }),
  scriptDir: fc.option(fc.constantFrom('', 'bin'), { nil: undefined }),
});
/** As the pipeline builds them: a field only when it has a value. */
const build = (c: { cwd: string; pathMap: PathMapping[] | undefined; env: Record<string, string> | undefined; scriptDir: string | undefined }): CommandContext => ({
  cwd: c.cwd,
  ...(c.scriptDir !== undefined ? { scriptDir: c.scriptDir } : {}),
  ...(c.pathMap !== undefined ? { pathMap: c.pathMap } : {}),
  ...(c.env !== undefined ? { env: c.env } : {}),
});

test('contextKey: equal keys exactly for equal contexts, shared map array or not', () => {
  assertProperty(
    fc.property(context, context, (a, b) => {
      const x = build(a);
      const y = build(b);
      assert.equal(contextKey(x) === contextKey(y), JSON.stringify(x) === JSON.stringify(y));
      // asked again, the same answer
      assert.equal(contextKey(x), contextKey(build(a)));
    }),
    { numRuns: 3000 },
  );
});
