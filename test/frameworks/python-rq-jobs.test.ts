/**
 * Functions an rq queue runs by their dotted name (recon-ng's `task_queue.enqueue('recon.core.tasks.run_module', …)`),
 * on fixture repos with expected verdicts: which enqueue calls name a repo function, and a tree without rq.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-rq-jobs');
test('python-rq-jobs: has the enqueue and no-rq fixtures', () => {
  for (const name of ['enqueue', 'no-rq']) assert.ok(cases.includes(`python-rq-jobs-${name}`), name);
});
for (const name of cases) test(`python-rq-jobs: ${name}`, () => checkFrameworkFixture(name));
