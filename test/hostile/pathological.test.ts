/**
 * Every pathological repository of pathological-cases.ts, scanned at a small size in-process: the
 * scan completes, and every warning names a file of the repository (and a line, when it gives one,
 * inside that file). The sizes are small enough for the fast suite; the superlinear guard (N vs 4N
 * CPU) is pathological-scale.e2e.test.ts. The seed is printed; CENSUS_TEST_SEED=S replays a run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanDir } from '../helpers/scan-fixture.js';
import { PATHOLOGICAL_CASES, randomSource, testSeed, writeTree, type Tree } from './pathological-cases.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

/** A hang guard, not a budget. */
const HANG_GUARD = { timeout: 120_000 };
const SEED = testSeed();
console.log(`pathological: seed ${SEED} (replay with CENSUS_TEST_SEED=${SEED})`);

/** Lines of a text as census counts them (LF, CRLF or a lone CR ends a line), so a line past the last is caught. */
const lineCount = (content: string | Buffer): number => String(content).split(/\r\n|\r|\n/).length;

/** What is wrong with a warning, or null: it must name a file of the tree, and a line of it when it gives one. */
const warningFault = (w: Diagnostic, tree: Tree): string | null => {
  const file = w.location?.file;
  if (file === undefined || file === '') return `${w.id} names no file: ${w.message.slice(0, 200)}`;
  if (!(file in tree)) return `${w.id} names ${JSON.stringify(file)}, not a file of the repository`;
  const line = w.location?.line;
  if (line !== undefined && !(Number.isInteger(line) && line >= 1 && line <= lineCount(tree[file]))) return `${w.id} names line ${line} of ${file}, which has ${lineCount(tree[file])}`;
  return null;
};

for (const [k, c] of PATHOLOGICAL_CASES.entries()) {
  test(`pathological ${c.id} (n=${c.small}): ${c.aims}`, HANG_GUARD, async () => {
    const tree = c.build(c.small, randomSource(SEED + k));
    const repo = mkdtempSync(join(tmpdir(), `census-patho-${c.id}-`));
    try {
      writeTree(repo, tree);
      const { audit } = await scanDir(repo);
      const faults = audit.warnings.map((w) => warningFault(w, tree)).filter((f): f is string => f !== null);
      assert.deepEqual(faults, [], `seed ${SEED}: warnings that do not name their place`);
      // A file is in the census or set aside as junk (binary content), never lost.
      const seen = new Set([...audit.files.map((f) => f.path), ...(audit.junk ?? []).map((j) => j.path)]);
      assert.deepEqual(Object.keys(tree).filter((p) => !seen.has(p)), [], `seed ${SEED}: files with no record`);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
}
