/**
 * bin/engine.js turns TurboFan inlining off for census's one-shot commands and leaves it on for
 * `census mcp`. Held by what V8 itself reports: a child process sets the flags as bin/census.js
 * does, runs a loop hot enough to be optimized, and `--trace-turbo-inlining` says whether the
 * small function it calls was inlined (compiles made on the main thread, so that a busy machine
 * cannot end the loop before its compile is traced).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/fixtures.js';

const ENGINE = pathToFileURL(join(REPO_ROOT, 'bin/engine.js')).href;

const inlinedFor = (command: string): boolean => {
  const script = [
    `const { tuneEngineFor } = await import(${JSON.stringify(ENGINE)});`,
    `tuneEngineFor(${JSON.stringify(command)});`,
    'const add = (a, b) => a + b * 2;',
    'let s = 0;',
    'for (let i = 0; i < 3e6; i++) s = add(s, i & 7) | 0;',
    'console.log(`sum ${s}`);',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--trace-turbo-inlining', '--no-concurrent-recompilation', '--no-concurrent-osr', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(child.status, 0, child.stderr);
  assert.match(child.stdout, /sum 21000000/);
  return /Inlining .*SharedFunctionInfo add/.test(child.stdout);
};

test('a one-shot command runs without TurboFan inlining', () => {
  assert.equal(inlinedFor('scan'), false);
});

test('census mcp, a long-lived server, keeps V8 inlining', () => {
  assert.equal(inlinedFor('mcp'), true);
});
