/**
 * docs/plan.schema.json holds plans to the contract src/model/plan.ts states, and refuses the edits
 * a user could get wrong by hand: an unknown action or field, a destination on an action without
 * one, a path that leaves the repo.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLAN_ACTIONS, PLAN_VERSION, type Plan } from '../../src/model/plan.js';
import { planSchema, planSchemaErrors } from './plan-schema.js';

const sample = (): Plan => ({
  planVersion: PLAN_VERSION,
  tool: { name: 'census', version: '0.1.0' },
  generatedAt: '2026-01-02T03:04:05.678Z',
  root: '.',
  git: { commit: 'abc', branch: 'main', dirty: false },
  archiveDir: 'archive',
  items: [
    { path: 'a.py', action: 'keep', hash: '0123456789abcdef', verdict: 'production', reasons: ['production: systemd ExecStart'] },
    { path: 'old/a.py', action: 'merge', to: 'a.py', hash: '0123456789abcdee', verdict: 'dead', reasons: ['exact copy of a.py'] },
    { path: 'scripts/x.sh', action: 'archive', to: 'archive/scripts/x.sh', hash: '0123456789abcded', verdict: 'dead', reasons: [] },
  ],
  summary: { keep: 1, merge: 1, archive: 1 },
});

test('a well-formed plan passes both checkers', () => {
  assert.deepEqual(planSchemaErrors(sample()), []);
  assert.deepEqual(planSchemaErrors({ ...sample(), git: null, items: [], summary: {} }), []);
});

test('the schema lists exactly the model\'s actions and version', () => {
  const defs = planSchema.$defs as Record<string, { enum: string[] }>;
  assert.deepEqual(defs.action.enum, [...PLAN_ACTIONS]);
  assert.deepEqual((planSchema.properties as Record<string, unknown>).planVersion, { const: PLAN_VERSION });
});

test('hand edits that break the contract are refused by both checkers', () => {
  const broken: [string, (p: Record<string, any>) => void][] = [
    ['unknown action', (p) => (p.items[0].action = 'remove')],
    ['unknown item field', (p) => (p.items[0].note = 'x')],
    ['unknown top-level field', (p) => (p.extra = 1)],
    ['merge without a destination', (p) => delete p.items[1].to],
    ['delete with a destination', (p) => (p.items[0] = { ...p.items[0], action: 'delete', to: 'b.py' })],
    ['path that leaves the repo', (p) => (p.items[2].to = '../outside.sh')],
    ['absolute path', (p) => (p.items[0].path = '/etc/passwd')],
    ['dot segment', (p) => (p.items[0].path = 'a/./b.py')],
    ['backslash', (p) => (p.items[0].path = 'a\\b.py')],
    ['archive folder outside the repo', (p) => (p.archiveDir = '../archive')],
    ['hash that is not a census hash', (p) => (p.items[0].hash = 'xyz')],
    ['unknown verdict', (p) => (p.items[0].verdict = 'alive')],
    ['summary of an unknown action', (p) => (p.summary.remove = 2)],
    ['newer plan version', (p) => (p.planVersion = 2)],
  ];
  for (const [name, edit] of broken) {
    const plan = structuredClone(sample()) as unknown as Record<string, any>;
    edit(plan);
    const errors = planSchemaErrors(plan);
    assert.ok(errors.some((e) => e.startsWith('ajv:')), `${name}: ajv refuses it`);
    assert.ok(errors.some((e) => e.startsWith('census:')), `${name}: census's checker refuses it`);
  }
});
