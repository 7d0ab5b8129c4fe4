/**
 * bin/engine.js turns TurboFan inlining off for census's one-shot commands, and has them tier up
 * later, and leaves both as V8 has them for `census mcp`. Held by what V8 itself reports: a child
 * process sets the flags as bin/census.js does, runs a loop, and `--trace-turbo-inlining` says
 * whether the small function it calls was inlined, `--trace-opt` whether it was marked for
 * TurboFan (compiles made on the main thread, so that a busy machine cannot end the loop before
 * its compile is traced; the budget V8 counts down is bytecode run, not time).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/fixtures.js';

const ENGINE = pathToFileURL(join(REPO_ROOT, 'bin/engine.js')).href;

/** The stdout of a child that tunes V8 for `command`, then calls `add` `calls` times, under V8's `trace` flag. */
const traced = (command: string, calls: number, trace: string): string => {
  const script = [
    `const { tuneEngineFor } = await import(${JSON.stringify(ENGINE)});`,
    `tuneEngineFor(${JSON.stringify(command)});`,
    'const add = (a, b) => a + b * 2;',
    'let s = 0;',
    `for (let i = 0; i < ${calls}; i++) s = add(s, i & 7) | 0;`,
    'console.log(`sum ${s}`);',
  ].join('\n');
  const child = spawnSync(process.execPath, [trace, '--no-concurrent-recompilation', '--no-concurrent-osr', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(child.status, 0, child.stderr);
  assert.match(child.stdout, /^sum \d+$/m);
  return child.stdout;
};

const inlinedFor = (command: string): boolean => /Inlining .*SharedFunctionInfo add/.test(traced(command, 3e6, '--trace-turbo-inlining'));

/**
 * Whether `add` was marked for TurboFan within 11,000 calls: V8's default budget marks it after
 * 7,000–8,000 (Node 20), twice that budget after 12,000–16,000.
 */
const optimizedEarlyFor = (command: string): boolean => /marking .*JSFunction add .*TURBOFAN/.test(traced(command, 11_000, '--trace-opt'));

test('a one-shot command runs without TurboFan inlining', () => {
  assert.equal(inlinedFor('scan'), false);
});

test('census mcp, a long-lived server, keeps V8 inlining', () => {
  assert.equal(inlinedFor('mcp'), true);
});

test('a one-shot command tiers up to TurboFan later than V8 would', () => {
  assert.equal(optimizedEarlyFor('scan'), false);
});

test('census mcp tiers up when V8 would', () => {
  assert.equal(optimizedEarlyFor('mcp'), true);
});

test('the one-shot variant, which keys the code cache, names its flags (V8 refuses a cache made under other flags)', async () => {
  const engine = (await import(ENGINE)) as { engineVariantFor: (command: string) => string; ONE_SHOT_V8_FLAGS: string };
  assert.ok(engine.engineVariantFor('scan').includes(engine.ONE_SHOT_V8_FLAGS));
  assert.notEqual(engine.engineVariantFor('scan'), engine.engineVariantFor('mcp'));
});
