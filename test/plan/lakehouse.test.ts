/**
 * census plan on a repo modelled on seeds/003: a FastAPI sidecar behind systemd, scripts served by
 * systemd units, documented and hand-run scripts, and two dead sidecar modules the inventory calls
 * "safe to delete". The plan archives exactly those two, keeps the rest, and proposes no layout:
 * scripts/ holds no tooling to split from production, and the sidecar is a Python package.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Audit } from '../../src/model/audit.js';
import { renderView } from '../../src/report/index.js';
import { expectedFor } from '../helpers/fixtures.js';
import { actions, auditOf, planOf, planRepo, type PlanRepo } from './plan-repo.js';
import { planSchemaErrors } from './plan-schema.js';

let repo: PlanRepo;
let audit: Audit;
let rootAbs: string;
before(async () => {
  repo = planRepo('lakehouse');
  ({ audit, rootAbs } = await auditOf(repo));
});
after(() => repo.cleanup());

test('lakehouse: the two dead sidecar modules are archived, everything wired in is kept', () => {
  const plan = planOf(audit, rootAbs);
  const a = actions(plan);
  assert.deepEqual(a, expectedFor('plan', 'lakehouse', a));
  assert.equal(a['sidecar/sidecar/lab_ui.py'], 'archive → archive/sidecar/sidecar/lab_ui.py');
  assert.equal(a['sidecar/sidecar/pipeline_lab.py'], 'archive → archive/sidecar/sidecar/pipeline_lab.py');
  for (const p of ['sidecar/sidecar/main.py', 'sidecar/sidecar/ollama.py', 'scripts/serve_lab.py', 'scripts/kb_measure.py', 'scripts/generate_workers.py']) assert.equal(a[p], 'keep', p);
  assert.equal(plan.items.filter((i) => i.action === 'move').length, 0, 'no tooling to split from production; the sidecar is a package');
  assert.deepEqual(planSchemaErrors(plan), []);
  const main = plan.items.find((i) => i.path === 'sidecar/sidecar/main.py')!;
  assert.match(main.reasons[0], /^production: .*deploy\/lakehouse-sidecar\.service/);
  const kb = plan.items.find((i) => i.path === 'scripts/kb_measure.py')!;
  assert.match(kb.reasons.join('\n'), /docs\/PHASES\.md:3/);
});

test('--delete-dead deletes the two dead modules instead, as the inventory suggested', () => {
  const a = actions(planOf(audit, rootAbs, { deleteDead: true }));
  assert.equal(a['sidecar/sidecar/lab_ui.py'], 'delete');
  assert.equal(a['sidecar/sidecar/pipeline_lab.py'], 'delete');
});

test('the Markdown and terminal views: counts, one table per action, repo text made safe', async () => {
  const plan = planOf(audit, rootAbs);
  const md = String(await renderView('plan', 'md', plan, { color: false }));
  assert.match(md, /^# Cleanup plan$/m);
  assert.match(md, /^\| archive \| 2 \|$/m);
  assert.match(md, /^## Archive \(2\)$/m);
  assert.match(md, /^\| `sidecar\/sidecar\/lab_ui\.py` \| `archive\/sidecar\/sidecar\/lab_ui\.py` \| dead \| /m);
  const terminal = String(await renderView('plan', 'terminal', plan, { color: false }));
  assert.match(terminal, /^plan: \d+ source files: 2 archive, \d+ keep$/m);
  assert.match(terminal, /^  sidecar\/sidecar\/lab_ui\.py → archive\/sidecar\/sidecar\/lab_ui\.py  dead$/m);
  // A hostile reason (a pipe, a newline, an escape sequence) cannot break the table or the terminal.
  const hostile = structuredClone(plan);
  hostile.items.find((i) => i.action === 'archive')!.reasons.push('x | y\n## injected \u001b[2J');
  const hmd = String(await renderView('plan', 'md', hostile, { color: false }));
  assert.doesNotMatch(hmd, /\u001b/);
  assert.doesNotMatch(hmd, /^## injected/m);
  assert.match(hmd, /x \\\| y/);
  assert.doesNotMatch(String(await renderView('plan', 'terminal', hostile, { color: false })), /\u001b/);
  const json = String(await renderView('plan', 'json', plan, { color: false }));
  assert.deepEqual(JSON.parse(json), plan);
  assert.ok(json.endsWith('}\n'));
});
