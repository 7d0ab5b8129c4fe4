/**
 * countLines' compiled code outlives the extraction of a Python module (extract/metrics.ts,
 * warmUpCountLines). With its warm-up's for-of written in countLines, the Python extractor's first
 * store into an object's `value` field (own-strings.ts rewrites a type path's `value`) threw V8's
 * optimised countLines away ("code dependencies"), and V8 compiled it again on every saleor scan.
 * At the start build's metrics.ts this test fails (countLines is no longer optimised after the
 * extraction). Run in a fresh process, as the fields' state is the process's, with V8's test hooks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const metrics = new URL('../../src/extract/metrics.js', import.meta.url).href;
const python = new URL('../../src/languages/python/extract.js', import.meta.url).href;

const CHILD = `
const { countLines } = await import(${JSON.stringify(metrics)});
const { pythonExtractor } = await import(${JSON.stringify(python)});
const optimised = (f) => (%GetOptimizationStatus(f) & 16) !== 0;
const optimise = (f, call) => { call(); %PrepareFunctionForOptimization(f); call(); %OptimizeFunctionOnNextCall(f); call(); };
optimise(countLines, () => countLines('a\\n# b\\n', 'python'));
const before = optimised(countLines);
// A graphene module's string that names a type: the extractor notes it and then rewrites its value.
pythonExtractor.extract('app/schema.py', 'import graphene\\nx = "app.types.User"\\n', true);
console.log(JSON.stringify({ before, after: optimised(countLines) }));
`;

test("countLines' optimised code is not thrown away by a Python module's extraction", () => {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', '--no-turbo-inlining', '--input-type=module', '-e', CHILD], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { before, after } = JSON.parse(r.stdout.trim()) as { before: boolean; after: boolean };
  assert.equal(before, true, 'optimised before the extraction (else this test shows nothing)');
  assert.equal(after, true);
});
