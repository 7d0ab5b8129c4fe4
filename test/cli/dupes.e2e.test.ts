/** End-to-end: the built `census dupes` on fixture repos, checked by exit code and output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, standaloneFixture } from '../helpers/fixtures.js';

const SEED = standaloneFixture('test/fixtures/duplicates/seed-ml-and-sync');

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs/audit.schema.json'), 'utf8'));
const validateDuplicates = new Ajv2020.default({ allErrors: true, strict: true }).compile({ $schema: schema.$schema, $defs: schema.$defs, $ref: '#/$defs/duplicates' });

test('dupes --format json prints a schema-valid duplicates section with every kind', () => {
  const r = runCli(['dupes', SEED, '--format', 'json', '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { clusters: { kind: string }[] };
  assert.ok(validateDuplicates(report), JSON.stringify(validateDuplicates.errors));
  assert.deepEqual([...new Set(report.clusters.map((c) => c.kind))], ['exact', 'renamed', 'same-name', 'near', 'block', 'overlap']);
});

test('dupes --format md and the terminal view name the keeper', () => {
  const md = runCli(['dupes', SEED, '--format', 'md', '--quiet']);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^# Duplicates\n/);
  assert.match(md.stdout, /\| `scripts\/real_dmm_sync\.js` \| \*\*keep\*\* \|/);
  const terminal = runCli(['dupes', SEED, '--quiet']);
  assert.match(terminal.stdout, /Renamed copies \(1\)/);
});

test('dupes options change the result: a stricter similarity drops the near-duplicate pair', () => {
  const r = runCli(['dupes', SEED, '--format', 'json', '--quiet', '--min-similarity', '0.99']);
  const report = JSON.parse(r.stdout);
  assert.equal(report.options.minSimilarity, 0.99);
  assert.equal(report.clusters.filter((c: { kind: string }) => c.kind === 'near').length, 0);
});

test('a similarity outside 0..1 is one clear line and exit 2', () => {
  const r = runCli(['dupes', SEED, '--min-similarity', '80']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'census: --min-similarity must be a number from 0 to 1, got "80"\n');
});

test('fingerprints made in worker threads give the same clusters as the main thread', () => {
  // Enough files that the pool really starts workers (small repos are scanned inline).
  const dir = mkdtempSync(join(tmpdir(), 'census-dupes-'));
  try {
    for (let i = 0; i < 170; i++) {
      const folder = join(dir, `jobs_${i % 4}`);
      mkdirSync(folder, { recursive: true });
      const body = [`"""Nightly job ${i % 40}: export the ledger."""`, 'import csv', '', `def export_${i % 40}(rows, path):`];
      for (let line = 0; line < 12; line++) body.push(`    total_${line} = sum(row[${line}] for row in rows if row[${line}] is not None)`);
      body.push('    with open(path, "w") as handle:', '        csv.writer(handle).writerows(rows)', '');
      writeFileSync(join(folder, `export_job_${i}.py`), body.join('\n'));
    }
    const one = runCli(['dupes', dir, '--format', 'json', '--quiet', '--workers', '1']);
    const two = runCli(['dupes', dir, '--format', 'json', '--quiet', '--workers', '2']);
    assert.equal(one.code, 0, one.stderr);
    assert.ok(JSON.parse(one.stdout).clusters.length > 0);
    assert.equal(two.stdout, one.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
