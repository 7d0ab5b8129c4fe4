import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCrontab } from '../../src/entries/crontab.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('crontab');

for (const c of detectorCases(detector)) test(`crontab: ${c.name}`, c.check);

test('crontab: crontabs by name and folder, but not scripts that live in a cron folder', () => {
  for (const p of ['crontab', 'deploy/crontab', 'ops/reports.cron', 'x/y.crontab', 'etc/cron.d/backup', 'cron/nightly.txt']) assert.ok(isCrontab(p), p);
  for (const p of ['cron/nightly_cleanup.py', 'cron.d/run.sh', 'docs/crontab.md']) assert.ok(!isCrontab(p), p);
});
