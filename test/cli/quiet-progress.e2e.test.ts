/**
 * --quiet and progress (issue #16, item 4): `census check --quiet` prints nothing on a pass and
 * only the failing findings otherwise (the README's pre-commit hook relies on it); progress lines
 * go to standard error, only on a terminal (CENSUS_PROGRESS=force stands in for one: no clock),
 * never with --quiet or --no-progress, and never into standard output.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const repo = mkdtempSync(join(tmpdir(), 'census-quiet-'));
cpSync(join(REPO_ROOT, 'examples/demo'), repo, { recursive: true });
after(() => rmSync(repo, { recursive: true, force: true }));

test('check --quiet: nothing at all on a pass, only the failing finding on a regression', () => {
  assert.equal(runCli(['baseline', repo, '--no-env']).code, 0);
  const pass = runCli(['check', repo, '--no-env', '--quiet']);
  assert.deepEqual([pass.code, pass.stdout, pass.stderr], [0, '', '']);
  writeFileSync(join(repo, 'sidecar/orphan_new.py'), 'x = 1\n');
  const fail = runCli(['check', repo, '--no-env', '--quiet']);
  assert.equal(fail.code, 1);
  assert.equal(fail.stderr, '');
  assert.equal(fail.stdout, '1 new finding over the limits:\n  dead  sidecar/orphan_new.py  sidecar/orphan_new.py is dead: not imported, run or loaded by any file\n');
  rmSync(join(repo, 'sidecar/orphan_new.py'));
});

test('progress: one line per stage on standard error when it is a terminal; none with --no-progress, --quiet, or without a terminal', () => {
  const forced = runCli(['scan', repo, '--no-env', '--format', 'json'], { env: { CENSUS_PROGRESS: 'force' } });
  assert.equal(forced.code, 0);
  assert.match(forced.stderr, /^census: discover: 33 files\ncensus: extract: 33 files\n/);
  assert.match(forced.stderr, /^census: classify: \d+ verdicts$/m);
  JSON.parse(forced.stdout); // standard output holds the report alone
  for (const flag of ['--no-progress', '--quiet']) {
    assert.equal(runCli(['scan', repo, '--no-env', flag], { env: { CENSUS_PROGRESS: 'force' } }).stderr, '', flag);
  }
  assert.equal(runCli(['scan', repo, '--no-env']).stderr, '', 'standard error is a pipe here: no progress');
});
