/**
 * Guardrail findings: the keys derived from a real scan of the ledger fixture, and their stability
 * when code moves (an import pushed down 10 lines keeps its key; only the line changes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveFindings, incompleteness, runCounts } from '../../src/guardrails/findings.js';
import type { Audit } from '../../src/model/audit.js';
import { expectedFor, fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { copyFixture, removeDir } from './temp-repo.js';

const guardrailScan = (dir: string) => scanDir(dir, { noEnv: true, duplicates: {} });

test('the ledger fixture yields one finding per dead file, failing import, duplicate cluster and missing command target', async () => {
  const { audit } = await guardrailScan(fixturePath('guardrails', 'ledger-repo'));
  const actual = deriveFindings(audit).map((f) => ({ key: f.key, category: f.category, file: f.file, line: f.line }));
  assert.deepEqual(actual, expectedFor('guardrails', 'ledger-repo', actual));
  // The cases the keys promise, spelled out, so a regenerated expected file cannot hide them.
  const keys = actual.map((f) => f.key);
  for (const key of [
    'dead:scripts/old_export.py',
    'import:broken-internal:ledger/reconcile.py:ledger.fx_rates',
    'import:missing-name:ledger/sync.py:ledger.currency:to_cents',
    'dupe:exact:ledger/currency.py,tools/currency.py',
    'exec-not-found:deploy/nightly.sh:python scripts/close_books.py --date yesterday',
  ]) assert.ok(keys.includes(key), `missing ${key} in ${keys.join(', ')}`);
});

test('moving an import down 10 lines keeps its key and changes only its line', async () => {
  const dir = copyFixture('ledger-repo');
  try {
    const before = deriveFindings((await guardrailScan(dir)).audit);
    const file = join(dir, 'ledger/reconcile.py');
    const [docstring, ...rest] = readFileSync(file, 'utf8').split('\n');
    const padding = Array.from({ length: 10 }, (_, i) => `# bank statement format note ${i + 1}`);
    writeFileSync(file, [docstring, ...padding, ...rest].join('\n'));
    // An unrelated edit elsewhere must not matter either.
    writeFileSync(join(dir, 'scripts/old_export.py'), `${readFileSync(join(dir, 'scripts/old_export.py'), 'utf8')}\n\n# kept for the 2019 audit\n`);
    const after = deriveFindings((await guardrailScan(dir)).audit);
    assert.deepEqual(after.map((f) => f.key), before.map((f) => f.key));
    const line = (list: typeof before) => list.find((f) => f.key === 'import:broken-internal:ledger/reconcile.py:ledger.fx_rates')?.line;
    assert.equal(line(after), (line(before) ?? 0) + 10);
  } finally {
    removeDir(dir);
  }
});

const tinyAudit = (overrides: Partial<Audit>): Audit => ({
  schemaVersion: 1,
  tool: { name: 'census', version: '0.0.0' },
  generatedAt: '2026-01-01T00:00:00.000Z',
  root: '.',
  git: null,
  options: { include: [], exclude: [], maxFileSize: 1 },
  summary: { files: 0, sourceFiles: 0, edges: 0, unresolvedImports: 0, languages: [], warnings: 0 },
  files: [],
  edges: [],
  entries: [],
  warnings: [],
  ...overrides,
});

test('a repeated import keeps one finding (the first line), and sections the Audit lacks yield nothing', () => {
  const finding = { file: 'app/jobs.py', specifier: 'torch', bucket: 'missing-from-environment' as const, rootCause: 'torch', language: 'python' as const, breaksModule: true };
  const audit = tinyAudit({
    imports: {
      environment: { mode: 'none', note: '' },
      findings: [{ ...finding, line: 40 }, { ...finding, line: 7 }],
      rootCauses: [],
      counts: { 'broken-internal': 0, 'missing-name': 0, 'stdlib-removed': 0, 'missing-from-environment': 2, undeclared: 0, optional: 0, 'type-only': 0 },
    },
  });
  const findings = deriveFindings(audit);
  assert.deepEqual(findings.map((f) => [f.key, f.line]), [['import:missing-from-environment:app/jobs.py:torch', 7]]);
  const counts = runCounts(audit, findings);
  assert.equal(counts['finding:missing-from-environment'], 1);
  assert.equal(counts['finding:duplicate-exact'], undefined, 'no duplicates section: unknown, not zero');
  assert.equal(counts['verdict:dead'], undefined, 'no verdicts: unknown, not zero');
});

test('incompleteness: files not read or parsed fully and crashed steps', () => {
  const file = { path: 'legacy/report.py', language: 'python' as const, bytes: 1, lines: 1, codeLines: 1, hash: '', executable: false, incomplete: true };
  const audit = tinyAudit({
    files: [file, { ...file, path: 'ok.py', incomplete: undefined }],
    warnings: [
      { id: 'detector/crash', severity: 'warning', message: 'systemd detector failed: boom' },
      { id: 'python/syntax-error', severity: 'warning', message: 'x', location: { file: 'legacy/report.py' } },
    ],
  });
  const result = incompleteness(audit);
  assert.deepEqual(result.files, ['legacy/report.py']);
  assert.deepEqual(result.crashes.map((d) => d.id), ['detector/crash']);
});
