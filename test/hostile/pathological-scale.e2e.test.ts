/**
 * The superlinear guard for pathological-cases.ts without a wall clock: each case is scanned by the
 * built CLI at N and at 4N, and the CPU the process spent (user + system, read by the process itself
 * at exit) past a scan of an empty repository must grow less than 8 times: a linear cost grows ~4
 * times, a quadratic one 16. A pair whose larger scan costs under a second past start-up is too small
 * to judge and passes. A pair that reads superlinear is measured once more and judged on the least
 * CPU of each size. The run's time limit is a hang guard (120 s), not a budget.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { PATHOLOGICAL_CASES, randomSource, testSeed, writeTree, type Tree } from './pathological-cases.js';

const HANG_GUARD_MS = 120_000;
/** The growth past which a 4x larger input is called superlinear (quadratic is 16). */
const MAX_GROWTH = 8;
/** Below this many CPU seconds past start-up the larger scan is too small to judge. */
const JUDGED_FROM_S = 1;
/** Files up to this size are analysed, so a 4N file past the default 1 MB cap is not skipped (which would hide its cost). */
const MAX_FILE_SIZE = 64_000_000;
const SEED = testSeed();
console.log(`pathological-scale: seed ${SEED} (replay with CENSUS_TEST_SEED=${SEED})`);

const base = mkdtempSync(join(tmpdir(), 'census-patho-scale-'));
const PRELOAD = join(base, 'cpu-at-exit.cjs');
writeFileSync(PRELOAD, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.CENSUS_CPU_OUT, String((u.user + u.system) / 1e6)); });\n");

/** The CPU seconds one scan of the tree costs the CLI process. */
const scanCpu = (tree: Tree, name: string): number => {
  const repo = join(base, name);
  writeTree(repo, tree);
  const out = join(base, `${name}.cpu`);
  try {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, join(REPO_ROOT, 'bin/census.js'), 'scan', repo, '--no-cache', '--workers', '1', '--max-file-size', String(MAX_FILE_SIZE), '--format', 'json', '--output', join(base, `${name}.json`)], {
      encoding: 'utf8',
      env: { ...process.env, CENSUS_CPU_OUT: out, NO_COLOR: '1' },
      timeout: HANG_GUARD_MS,
      killSignal: 'SIGKILL',
    });
    assert.equal(r.signal, null, `${name}: the scan did not finish in ${HANG_GUARD_MS / 1000} s (hang) or was killed`);
    assert.ok([0, 1, 2, 3].includes(r.status ?? -1), `${name}: census exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    return Number(readFileSync(out, 'utf8'));
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
};

const startUp = scanCpu({ 'empty.txt': '' }, 'empty');

for (const [k, c] of PATHOLOGICAL_CASES.entries()) {
  test(`pathological scale ${c.id} (n=${c.scale} vs ${4 * c.scale}): ${c.aims}`, { timeout: 3 * HANG_GUARD_MS }, () => {
    const measure = (): [number, number] => [
      Math.max(0, scanCpu(c.build(c.scale, randomSource(SEED + k)), `${c.id}-n`) - startUp),
      Math.max(0, scanCpu(c.build(4 * c.scale, randomSource(SEED + k)), `${c.id}-4n`) - startUp),
    ];
    let [small, large] = measure();
    console.log(`${c.id}: ${small.toFixed(2)} s -> ${large.toFixed(2)} s CPU past start-up (${startUp.toFixed(2)} s)`);
    if (large < JUDGED_FROM_S) return;
    const maxGrowth = c.maxGrowth ?? MAX_GROWTH;
    if (large >= maxGrowth * Math.max(small, 0.1)) {
      // On a busy machine one pair can read high (a small scan's CPU is a few tenths of a second, and
      // load or a major GC inflates either side). Noise only adds CPU, so the least of two
      // measurements of each size is the truer one; a real quadratic still grows ~16 times.
      const [small2, large2] = measure();
      console.log(`${c.id}: measured again: ${small2.toFixed(2)} s -> ${large2.toFixed(2)} s`);
      small = Math.min(small, small2);
      large = Math.min(large, large2);
    }
    assert.ok(large < maxGrowth * Math.max(small, 0.1), `seed ${SEED}: ${c.id} costs ${small.toFixed(2)} s at n=${c.scale} and ${large.toFixed(2)} s at 4n: superlinear`);
  });
}

test.after(() => rmSync(base, { recursive: true, force: true }));
