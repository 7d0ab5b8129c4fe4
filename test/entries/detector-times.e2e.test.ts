/**
 * CENSUS_DETECTOR_TIMES=1 prints each entry detector's CPU ms to stderr, slowest first (as
 * CENSUS_READER_TIMES does for the framework readers); without it nothing is printed, and the
 * Audit is the same either way (only `generatedAt` differs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETECTORS } from '../../src/entries/index.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const TIME_LINE = /^ *(\d+\.\d) ms {2}(\S+)$/;

const auditOf = (path: string): unknown => {
  const audit = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete audit.generatedAt;
  return audit;
};

test('CENSUS_DETECTOR_TIMES=1 lists every detector once, slowest first; unset, no list and the same Audit', { timeout: 120_000 }, () => {
  const dir = scratchDir('detector-times');
  const timed = runCli(['scan', 'examples/demo', '--no-cache', '--format', 'json', '--output', join(dir, 'timed.json')], { env: { CENSUS_DETECTOR_TIMES: '1' } });
  assert.equal(timed.code, 0, timed.stderr);
  const lines = timed.stderr.split('\n').filter((l) => TIME_LINE.test(l));
  const ids = lines.map((l) => TIME_LINE.exec(l)![2]);
  assert.deepEqual([...ids].sort(), DETECTORS.map((d) => d.id).sort());
  const ms = lines.map((l) => Number(TIME_LINE.exec(l)![1]));
  assert.deepEqual(ms, [...ms].sort((a, b) => b - a));

  const plain = runCli(['scan', 'examples/demo', '--no-cache', '--format', 'json', '--output', join(dir, 'plain.json')], { env: { CENSUS_DETECTOR_TIMES: '' } });
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stderr.split('\n').filter((l) => TIME_LINE.test(l)).length, 0);
  assert.deepEqual(auditOf(join(dir, 'timed.json')), auditOf(join(dir, 'plain.json')));
});
