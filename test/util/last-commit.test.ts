/** The last-commit note is split off by one rule: the last sentence, equal to the record's own date. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastCommitNote, splitLastCommit } from '../../src/util/last-commit.js';

test('splitLastCommit takes the note only when it is last and carries the record\'s date', () => {
  assert.equal(lastCommitNote(undefined), null);
  assert.equal(lastCommitNote('2026-01-02'), 'last commit 2026-01-02');
  assert.deepEqual(splitLastCommit({ evidence: ['a is runnable', 'last commit 2026-01-02'], lastChange: '2026-01-02' }), {
    sentences: ['a is runnable'],
    lastCommit: 'last commit 2026-01-02',
  });
  // Another date, no date, or a sentence that only starts like the note: no note.
  assert.deepEqual(splitLastCommit({ evidence: ['a', 'last commit 2025-01-01'], lastChange: '2026-01-02' }).lastCommit, null);
  assert.deepEqual(splitLastCommit({ evidence: ['a', 'last commit 2026-01-02'] }), { sentences: ['a', 'last commit 2026-01-02'], lastCommit: null });
  assert.deepEqual(splitLastCommit({ evidence: ['last commit 2026-01-02', 'b'], lastChange: '2026-01-02' }).lastCommit, null);
  assert.deepEqual(splitLastCommit({ lastChange: '2026-01-02' }), { sentences: [], lastCommit: null });
});
