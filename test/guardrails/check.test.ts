/** runCheck as a pure function: new vs fixed, the default gate, thresholds, incompleteness. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryOfKey, runCheck, type CheckInput } from '../../src/guardrails/check.js';
import { DEFAULT_CHECK_CONFIG } from '../../src/config/check.js';
import type { CheckConfig, Finding, FindingCategory } from '../../src/model/findings.js';

const finding = (key: string, category: FindingCategory, file = 'app/jobs.py'): Finding => ({ key, kind: 'import', category, file, line: 3, message: key });

const DEAD = finding('dead:scripts/old_export.py', 'dead', 'scripts/old_export.py');
const BROKEN = finding('import:broken-internal:ledger/reconcile.py:ledger.fx_rates', 'broken-internal');
const OPTIONAL = finding('import:optional:ledger/sync.py:ujson', 'optional');
const OVERLAP = finding('dupe:overlap:a.py,b.ts', 'duplicate-overlap');

const input = (findings: Finding[], accepted: string[] | null, config: Partial<CheckConfig> = {}): CheckInput => ({
  root: '.',
  commit: 'abc',
  findings,
  baseline: accepted === null ? null : { census: '0.1.0', commit: 'def', date: '2026-01-01', findings: accepted },
  baselineFile: '.census/baseline.json',
  config: { ...DEFAULT_CHECK_CONFIG, ...config },
  incomplete: { files: [], crashes: [] },
});

test('a finding not in the baseline is new and fails; a baseline key no longer found is fixed', () => {
  const result = runCheck(input([DEAD, BROKEN], [DEAD.key, 'dead:scripts/gone.py']));
  assert.deepEqual(result.new.map((f) => f.key), [BROKEN.key]);
  assert.deepEqual(result.unchanged.map((f) => f.key), [DEAD.key]);
  assert.deepEqual(result.fixed, ['dead:scripts/gone.py']);
  assert.equal(result.status, 'regression');
  assert.deepEqual(result.breaches, [{ category: 'broken-internal', limit: 'maxNew', allowed: 0, actual: 1 }]);
  const dead = result.counts.find((c) => c.category === 'dead');
  assert.deepEqual(dead, { category: 'dead', baseline: 2, current: 1, new: 0, fixed: 1, gated: true });
});

test('only fixed findings pass', () => {
  const result = runCheck(input([], [DEAD.key]));
  assert.equal(result.status, 'pass');
  assert.deepEqual(result.fixed, [DEAD.key]);
});

test('without a baseline every finding is new', () => {
  const result = runCheck(input([DEAD], null));
  assert.equal(result.baselineFound, false);
  assert.deepEqual(result.new.map((f) => f.key), [DEAD.key]);
  assert.equal(result.status, 'regression');
});

test('optional and type-only imports and overlap hints are reported as new but not gated by default', () => {
  const result = runCheck(input([OPTIONAL, OVERLAP], []));
  assert.equal(result.new.length, 2);
  assert.equal(result.status, 'pass');
  assert.equal(result.counts.find((c) => c.category === 'optional')?.gated, false);
});

test('a maxNew threshold on an informational category gates it', () => {
  const result = runCheck(input([OPTIONAL], [], { maxNew: { optional: 0 } }));
  assert.equal(result.status, 'regression');
});

test('maxNew tolerates that many new findings', () => {
  assert.equal(runCheck(input([DEAD], [], { maxNew: { dead: 1 } })).status, 'pass');
  assert.equal(runCheck(input([DEAD, { ...DEAD, key: 'dead:b.py' }], [], { maxNew: { dead: 1 } })).status, 'regression');
});

test('max caps the total, accepted findings included', () => {
  const result = runCheck(input([BROKEN], [BROKEN.key], { max: { 'broken-internal': 0 } }));
  assert.equal(result.new.length, 0);
  assert.equal(result.status, 'regression');
  assert.deepEqual(result.breaches, [{ category: 'broken-internal', limit: 'max', allowed: 0, actual: 1 }]);
});

test('an incomplete analysis is never clean unless the config accepts it', () => {
  const incomplete = { files: ['legacy/report.py'], crashes: [] };
  assert.equal(runCheck({ ...input([], []), incomplete }).status, 'incomplete');
  assert.equal(runCheck({ ...input([DEAD], []), incomplete }).status, 'incomplete', 'incomplete wins over a regression: the run is not trustworthy');
  assert.equal(runCheck({ ...input([], [], { allowIncomplete: true }), incomplete }).status, 'pass');
  const crash = { id: 'detector/crash', severity: 'warning' as const, message: 'boom' };
  assert.equal(runCheck({ ...input([], []), incomplete: { files: [], crashes: [crash] } }).status, 'incomplete');
});

test('a baseline made against another import environment is pointed out', () => {
  const base = input([], []);
  const result = runCheck({ ...base, baseline: { ...base.baseline!, environment: 'venv' }, environment: 'manifests-only' });
  assert.match(result.environmentNote ?? '', /"venv".*"manifests-only"/);
});

test('categoryOfKey reads the category back from any key', () => {
  assert.equal(categoryOfKey('dead:a.py'), 'dead');
  assert.equal(categoryOfKey('import:missing-name:a.py:m:x'), 'missing-name');
  assert.equal(categoryOfKey('dupe:same-name:a/x.py,b/x.py'), 'duplicate-same-name');
  assert.equal(categoryOfKey('exec-not-found:run.sh:python gone.py'), 'exec-not-found');
  assert.equal(categoryOfKey('nonsense:a'), null);
});
