/** `census diff` picks runs by when they were recorded, not by their commits' dates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordedRun } from '../../src/model/findings.js';
import { pickRuns } from '../../src/guardrails/run-ref.js';

const run = (id: number, commitDate: string): RecordedRun => ({
  id,
  recordedAt: `2026-12-0${id}T10:00:00.000Z`,
  commit: `${id}`.repeat(40),
  commitDate,
  dirty: false,
  source: 'scan',
  census: '0.1.0',
  files: 1,
  sourceFiles: 1,
  counts: {},
});

test('the last two runs are the last two recorded, though a backfilled commit is older', () => {
  // As history lists them (by commit date): run 3 recorded last, of an old commit, comes first.
  const listed = [run(3, '2025-01-01T00:00:00Z'), run(1, '2026-11-01T00:00:00Z'), run(2, '2026-11-02T00:00:00Z')];
  assert.deepEqual(pickRuns(listed, []).map((r) => r.id), [2, 3]);
  assert.deepEqual(pickRuns(listed, ['1']).map((r) => r.id), [1, 3]);
  assert.deepEqual(pickRuns(listed, ['3', '1']).map((r) => r.id), [3, 1], 'two runs named: in the order given');
});
