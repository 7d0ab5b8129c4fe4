/**
 * The last safety pass on its own: whatever an earlier rule (or a bug in one) proposed, a removal
 * of a reachable or convention-loaded file, a merge into a keeper that goes, and an archive or move
 * onto an existing or shared destination come out as reviews that say why.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Audit } from '../../src/model/audit.js';
import type { PlanItem } from '../../src/model/plan.js';
import { gatherEvidence } from '../../src/plan/evidence.js';
import { enforceSafety } from '../../src/plan/safety.js';
import { OPTIONS } from './plan-repo.js';

const file = (path: string, verdict: 'production' | 'dead') => ({ path, language: 'python' as const, bytes: 1, lines: 1, codeLines: 1, hash: '0123456789abcdef', executable: false, verdict, evidence: [] });
const audit = {
  git: null,
  files: [file('app/main.py', 'production'), file('app/old.py', 'dead'), file('db/migrations/0002_x.py', 'dead'), file('archive/app/old.py', 'dead'), file('tools/a.py', 'dead'), file('tools/b.py', 'dead')],
  edges: [],
  entries: [],
} as unknown as Audit;
const evidence = gatherEvidence(audit);
const item = (path: string, action: PlanItem['action'], verdict: PlanItem['verdict'], to?: string): PlanItem => ({ path, action, ...(to ? { to } : {}), hash: '0123456789abcdef', verdict, reasons: [] });

test('removals the rules forbid become reviews, with the reason', () => {
  const out = enforceSafety(
    [
      item('app/main.py', 'delete', 'production'),
      item('db/migrations/0002_x.py', 'archive', 'dead', 'archive/db/migrations/0002_x.py'),
      item('app/old.py', 'archive', 'dead', 'archive/app/old.py'),
      item('tools/a.py', 'merge', 'dead', 'tools/b.py'),
      item('tools/b.py', 'archive', 'dead', 'archive/tools/x.py'),
      item('archive/app/old.py', 'move', 'dead', 'archive/tools/x.py'),
    ],
    evidence,
    OPTIONS,
  );
  const by = Object.fromEntries(out.map((i) => [i.path, i]));
  assert.equal(by['app/main.py'].action, 'review');
  assert.match(by['app/main.py'].reasons.join(' '), /it is production, not dead/);
  assert.equal(by['db/migrations/0002_x.py'].action, 'review');
  assert.match(by['db/migrations/0002_x.py'].reasons.join(' '), /database migration/);
  assert.equal(by['app/old.py'].action, 'review', 'archive/app/old.py already exists');
  assert.match(by['app/old.py'].reasons.join(' '), /archive\/app\/old\.py already exists/);
  assert.equal(by['tools/a.py'].action, 'review', 'its keeper is itself archived');
  assert.equal(by['tools/b.py'].action, 'review', 'two items go to the same place');
  assert.ok(out.every((i) => i.action !== 'review' || i.to === undefined), 'a review has no destination');
});

test('a removal no rule forbids passes unchanged', () => {
  const fine = item('tools/a.py', 'archive', 'dead', 'archive/tools/a.py');
  assert.deepEqual(enforceSafety([fine], evidence, OPTIONS), [fine]);
});
