/** `census plan` as a user runs it: the JSON is a valid Plan, --output picks the format, bad options are one-line errors, the repo is not written. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { planRepo, type PlanRepo } from './plan-repo.js';
import { planSchemaErrors } from './plan-schema.js';

let repo: PlanRepo;
before(() => {
  repo = planRepo('lakehouse');
});
after(() => repo.cleanup());

const status = (): string => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo.dir, encoding: 'utf8' });

test('census plan --format json writes a valid Plan and touches nothing in the repo', () => {
  const r = runCli(['plan', repo.dir, '--format', 'json', '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const plan = JSON.parse(r.stdout);
  assert.deepEqual(planSchemaErrors(plan), []);
  assert.equal(plan.summary.archive, 2);
  assert.equal(status(), '', 'the plan writes nothing into the repo');
  const again = JSON.parse(runCli(['plan', repo.dir, '--format', 'json', '--quiet']).stdout);
  assert.deepEqual({ ...again, generatedAt: '' }, { ...plan, generatedAt: '' }, 'only generatedAt changes between runs');
});

test('--output plan.md writes Markdown; a folder lists only its files; --archive-dir is checked', () => {
  const out = join(repo.dir, '..', 'plan.md');
  const r = runCli(['plan', repo.dir, '--output', out, '--quiet', '--archive-dir', 'attic']);
  assert.equal(r.code, 0, r.stderr);
  const md = readFileSync(out, 'utf8');
  assert.match(md, /^# Cleanup plan$/m);
  assert.match(md, /`attic\/sidecar\/sidecar\/lab_ui\.py`/);
  const folder = JSON.parse(runCli(['plan', join(repo.dir, 'scripts'), '--format', 'json', '--quiet']).stdout);
  assert.ok(folder.items.length > 0 && folder.items.every((i: { path: string }) => i.path.startsWith('scripts/')));
  for (const bad of ['../outside', '/tmp/x', '.']) {
    const refused = runCli(['plan', repo.dir, '--archive-dir', bad, '--quiet']);
    assert.equal(refused.code, 2, bad);
    assert.match(refused.stderr, /^census: --archive-dir .*: give a folder inside the repo/);
  }
  assert.equal(runCli(['plan', repo.dir, '--recent-days', 'soon']).code, 2);
});
