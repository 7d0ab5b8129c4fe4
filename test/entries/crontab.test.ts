import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCrontab, isRunPartsScript } from '../../src/entries/crontab.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('crontab');

for (const c of detectorCases(detector)) test(`crontab: ${c.name}`, c.check);

test('crontab: crontabs by name and folder, but not scripts that live in a cron folder', () => {
  for (const p of ['crontab', 'deploy/crontab', 'ops/reports.cron', 'x/y.crontab', 'etc/cron.d/backup', 'cron/nightly.txt']) assert.ok(isCrontab(p), p);
  for (const p of ['cron/nightly_cleanup.py', 'cron.d/run.sh', 'docs/crontab.md']) assert.ok(!isCrontab(p), p);
});

test('crontab: run-parts runs the scripts of cron.hourly/daily/weekly/monthly whose names are letters, digits, _ and -', () => {
  for (const p of ['etc/cron.hourly/graphite_build_search_index', 'etc/cron.daily/logrotate', 'deploy/cron.monthly/report-2']) assert.ok(isRunPartsScript(p), p);
  for (const p of ['etc/cron.daily/x.dpkg-old', 'etc/cron.daily/.placeholder', 'etc/cron.weekly/README.md', 'etc/cron.yearly/x', 'etc/cron.daily/sub/x', 'cron.daily.sh']) assert.ok(!isRunPartsScript(p), p);
});
