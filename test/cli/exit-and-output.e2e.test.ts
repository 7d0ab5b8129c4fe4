/**
 * What scripts rely on: exit codes, a closed pipe ending quietly, --output naming the format and
 * refusing a folder that does not exist, and `census report -` reading standard input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scratchDir } from '../helpers/scratch.js';

test('census scan --format json | head: the closed pipe ends census quietly with 0', () => {
  // census's own repo: an Audit of several MB, far more than a pipe holds, so the write must fail.
  const script = `node bin/census.js scan . --format json --no-env | head -c 100 > /dev/null; echo "exit=\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', script], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.stdout.trim(), 'exit=0');
  assert.doesNotMatch(r.stderr, /EPIPE|Error|internal error/);
});

test('--output infers the format from the extension; --format still wins', () => {
  const dir = scratchDir('census-output-');
  const md = runCli(['scan', 'examples/demo', '--output', join(dir, 'census.md')]);
  assert.equal(md.code, 0, md.stderr);
  assert.match(readFileSync(join(dir, 'census.md'), 'utf8'), /^# Census of/);
  const html = runCli(['scan', 'examples/demo', '--output', join(dir, 'census.html')]);
  assert.equal(html.code, 0, html.stderr);
  assert.match(readFileSync(join(dir, 'census.html'), 'utf8'), /^<!DOCTYPE html>/);
  const json = runCli(['scan', 'examples/demo', '--output', join(dir, 'audit.json')]);
  assert.equal(JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')).tool.name, 'census');
  const explicit = runCli(['scan', 'examples/demo', '--output', join(dir, 'x.json'), '--format', 'md']);
  assert.equal(explicit.code, 0, explicit.stderr);
  assert.match(readFileSync(join(dir, 'x.json'), 'utf8'), /^# Census of/);
});

test('--output into a folder that does not exist is a usage error, and nothing is created', () => {
  const dir = scratchDir('census-output-');
  const r = runCli(['scan', 'examples/demo', '--output', join(dir, 'missing/sub/census.md')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^census: --output .*missing\/sub\/census\.md: the folder .*missing\/sub\/ does not exist; create it first\n$/);
  assert.ok(!existsSync(join(dir, 'missing')));
});

test('census report - reads the Audit from standard input', () => {
  const audit = runCli(['scan', 'examples/demo', '--format', 'json']).stdout;
  const r = runCli(['report', '-', '--format', 'md'], { input: audit });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# Census of `examples\/demo`/);
  const empty = runCli(['report', '-'], { input: '' });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /standard input is empty/);
});

test('exit codes: 0 clean, 2 usage error, help says 3 is incomplete', () => {
  assert.equal(runCli(['scan', 'examples/demo', '--quiet']).code, 0);
  assert.equal(runCli(['scan', '--no-such-option']).code, 2);
  assert.match(runCli(['--help']).stdout, /3 incomplete/);
});
