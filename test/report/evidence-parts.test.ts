/** A record's evidence split into chain, notes and last commit (evidence-parts.ts), as `census why` and the markdown report show it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainRootFile, evidenceParts } from '../../src/report/evidence-parts.js';
import { renderView } from '../../src/report/index.js';
import type { Audit } from '../../src/model/audit.js';
import type { FileRecord } from '../../src/model/file.js';
import { syntheticAudit } from './html-audits.js';

const record = (path: string, verdict: FileRecord['verdict'], evidence: string[]): FileRecord => ({ path, language: 'python', bytes: 1, lines: 1, codeLines: 1, hash: '0', executable: false, verdict, evidence, lastChange: '2026-12-06' });
const DEAD = record('scripts/old.py', 'dead', ['scripts/old.py is not imported, run or loaded by any file', 'no entry point, test rule, docs mention or runnable marker reaches it', 'last commit 2026-12-06']);
const MANUAL = record('scripts/helpers.py', 'manual', ['scripts/fix_data.py is runnable on its own: it has a shebang line', 'scripts/helpers.py is imported by scripts/fix_data.py:1 (as helpers)', 'last commit 2026-12-06']);

test('evidence parts: a dead file\'s sentences are notes, a reached file\'s a chain; the last commit apart', () => {
  assert.deepEqual(evidenceParts(DEAD), { chain: [], notes: DEAD.evidence!.slice(0, 2), lastCommit: 'last commit 2026-12-06' });
  assert.deepEqual(evidenceParts(MANUAL), { chain: MANUAL.evidence!.slice(0, 2), notes: [], lastCommit: 'last commit 2026-12-06' });
  assert.equal(chainRootFile(MANUAL.evidence!), 'scripts/fix_data.py');
  assert.equal(chainRootFile(["usr/bin/svc-all: an installed command, on every user's PATH"]), 'usr/bin/svc-all');
});

test('markdown: arrows join a chain\'s hops only, and the last commit is left to its own column', async () => {
  const base = syntheticAudit(3);
  const audit: Audit = { ...base, files: [DEAD, MANUAL] };
  const md = (await renderView('audit', 'md', audit, { color: false })) as string;
  const row = (name: string): string => md.split('\n').find((l) => l.startsWith(`| ${name} |`))!;
  assert.equal(row('old.py'), '| old.py | scripts/old.py is not imported, run or loaded by any file; no entry point, test rule, docs mention or runnable marker reaches it |  | 2026-12-06 |');
  assert.equal(row('helpers.py'), '| helpers.py | scripts/fix_data.py is runnable on its own: it has a shebang line → scripts/helpers.py is imported by scripts/fix_data.py:1 (as helpers) |  | 2026-12-06 |');
});
