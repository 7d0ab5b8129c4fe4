/**
 * The scan's test roots: the files an entry detector made a root of kind test (pytest's
 * `test_*.py`, a vitest spec, a suite's harness). Readers that read tests for what they load
 * (test-dotted-strings, payload-migrations, payload-suites, test-data) ask this one set.
 */
import type { FrameworkContext } from './types.js';
import { perScan } from './per-scan.js';

export const testRoots = perScan((ctx: FrameworkContext): ReadonlySet<string> => {
  const out = new Set<string>();
  for (const e of ctx.entries) if (e.kind === 'test' && e.targetKind === 'file') out.add(e.target);
  return out;
});
