/**
 * census plan on a repo modelled on seeds/001: scripts in two and three copies across folders,
 * importers of each, docs and systemd units naming some. Each safety rule has a case here that
 * the plan would get wrong without it (shown by turning the evidence it reads off).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Audit } from '../../src/model/audit.js';
import { expectedFor } from '../helpers/fixtures.js';
import { actions, auditOf, planOf, planRepo, type PlanRepo } from './plan-repo.js';
import { planSchemaErrors } from './plan-schema.js';

let repo: PlanRepo;
let audit: Audit;
let rootAbs: string;
before(async () => {
  repo = planRepo('scripts-mess', ['backend/ml/experiment.py'], ['scripts/quick_db_check.js']);
  ({ audit, rootAbs } = await auditOf(repo));
});
after(() => repo.cleanup());

/** The audit with one change, for "without this evidence the plan would remove it" cases. */
const altered = (change: (a: Audit) => void): Audit => {
  const copy = structuredClone(audit);
  change(copy);
  return copy;
};
const reasonsOf = (plan: ReturnType<typeof planOf>, path: string): string => plan.items.find((i) => i.path === path)!.reasons.join('\n');

test('scripts-mess: every source file gets the expected action', () => {
  const plan = planOf(audit, rootAbs);
  assert.deepEqual(actions(plan), expectedFor('plan', 'scripts-mess', actions(plan)));
  assert.deepEqual(planSchemaErrors(plan), []);
  assert.equal(plan.items.length, audit.files.filter((f) => f.verdict).length, 'one item per source file');
  assert.deepEqual(plan.items.map((i) => i.path), [...plan.items.map((i) => i.path)].sort(), 'sorted by path');
});

test('copies: exact copies whose keeper stays are deleted or merged into it, with the keeper named', () => {
  const a = actions(planOf(audit, rootAbs));
  assert.equal(a['backend/data/analyze_dmm_data.js'], 'delete', 'an exact copy nobody uses');
  assert.equal(a['old/analyze_dmm_data.js'], 'merge → scripts/analyze_dmm_data.js', 'old/report.js imports it: switched to the keeper');
  assert.equal(a['backend/ml/training/scripts/towers.py'], 'delete');
  assert.equal(a['backend/ml/training/scripts/model_768.py'], 'merge → backend/ml/model_768.py', 'a 99% same-name copy');
  assert.equal(a['scripts/analyze_dmm_data.js'], 'keep', 'the keeper stays (and is not moved away from its copies)');
  assert.match(reasonsOf(planOf(audit, rootAbs), 'old/analyze_dmm_data.js'), /switch its users to scripts\/analyze_dmm_data\.js: imported by old\/report\.js:2/);
});

test('a same-name cluster with low similarity never merges', () => {
  assert.equal(actions(planOf(audit, rootAbs))['backend/data/utils.js'], 'archive → archive/backend/data/utils.js');
  // saleor's case: a "same-name" cluster at similarity 0.009 must not become a merge.
  const low = altered((a) => {
    for (const c of a.duplicates!.clusters) if (c.files.includes('backend/ml/model_768.py')) c.similarity = 0.009;
  });
  assert.notEqual(actions(planOf(low, rootAbs))['backend/ml/training/scripts/model_768.py'].split(' ')[0], 'merge');
  const below = altered((a) => {
    for (const c of a.duplicates!.clusters) if (c.files.includes('backend/ml/model_768.py')) c.similarity = 0.94;
  });
  assert.notEqual(actions(planOf(below, rootAbs))['backend/ml/training/scripts/model_768.py'].split(' ')[0], 'merge');
});

test('merge only when the importers can be switched by rewriting an import', () => {
  const local = altered((a) => {
    for (const e of a.edges) if (e.from === 'backend/ml/training/scripts/run_all.py' && e.to === 'backend/ml/training/scripts/model_768.py') e.via = 'script-dir:backend/ml/training/scripts';
  });
  const a = actions(planOf(local, rootAbs));
  assert.notEqual(a['backend/ml/training/scripts/model_768.py'].split(' ')[0], 'merge');
});

test('a dead file changed recently is review, never removed (and --recent-days 0 turns that off)', () => {
  const plan = planOf(audit, rootAbs);
  assert.equal(actions(plan)['backend/ml/experiment.py'], 'review');
  assert.match(reasonsOf(plan, 'backend/ml/experiment.py'), /changed recently \(2026-01-10, within 90 days of 2026-01-15\)/);
  assert.equal(actions(planOf(audit, rootAbs, { recentDays: 0 }))['backend/ml/experiment.py'], 'archive → archive/backend/ml/experiment.py');
});

test('a dead file only a staying file uses is review: archiving it would break that file', () => {
  const plan = planOf(audit, rootAbs);
  assert.equal(actions(plan)['backend/ml/experiment_helpers.py'], 'review');
  assert.match(reasonsOf(plan, 'backend/ml/experiment_helpers.py'), /backend\/ml\/experiment\.py:2 uses it and stays/);
  // Once its user goes too, so can it.
  assert.equal(actions(planOf(audit, rootAbs, { recentDays: 0 }))['backend/ml/experiment_helpers.py'], 'archive → archive/backend/ml/experiment_helpers.py');
});

test('a docs mention census could not tie to one file (two files share the name) makes both review', () => {
  const plan = planOf(audit, rootAbs);
  for (const p of ['scripts/multi_sort_dmm_sync.js', 'backend/data/multi_sort_dmm_sync.js']) {
    assert.equal(actions(plan)[p], 'review', p);
    assert.match(reasonsOf(plan, p), /its name appears in docs\/SYNC\.md:3/);
  }
  // Without the text search, both would be archived.
  const blind = actions(planOf(audit, null));
  assert.equal(blind['scripts/multi_sort_dmm_sync.js'], 'archive → archive/scripts/multi_sort_dmm_sync.js');
  assert.equal(blind['backend/data/multi_sort_dmm_sync.js'], 'archive → archive/backend/data/multi_sort_dmm_sync.js');
});

test('a module named as a string (a job config) is review', () => {
  const plan = planOf(audit, rootAbs);
  assert.equal(actions(plan)['backend/ml/jobs.py'], 'review');
  assert.match(reasonsOf(plan, 'backend/ml/jobs.py'), /config\/jobs\.yaml:3 \(backend\.ml\.jobs\.rebuild_index\)/);
  assert.equal(actions(planOf(audit, null))['backend/ml/jobs.py'], 'archive → archive/backend/ml/jobs.py');
});

test('a guarded import and a dynamic import pointing at a dead file make it review', () => {
  const plan = planOf(audit, rootAbs);
  assert.equal(actions(plan)['backend/ml/verify_768_model.py'], 'review');
  assert.match(reasonsOf(plan, 'backend/ml/verify_768_model.py'), /imported inside try\/except by backend\/scripts\/old_eval\.py:3/);
  assert.equal(actions(plan)['backend/ml/plugin_v2.py'], 'review');
  assert.match(reasonsOf(plan, 'backend/ml/plugin_v2.py'), /imported dynamically by backend\/ml\/loader\.py:4/);
  const plain = altered((a) => {
    for (const e of a.edges) {
      if (e.to === 'backend/ml/verify_768_model.py') e.guard = null;
      if (e.to === 'backend/ml/plugin_v2.py') e.kind = 'import';
    }
  });
  const a = actions(planOf(plain, rootAbs));
  assert.equal(a['backend/ml/verify_768_model.py'], 'archive → archive/backend/ml/verify_768_model.py');
  assert.equal(a['backend/ml/plugin_v2.py'], 'archive → archive/backend/ml/plugin_v2.py');
});

test('a dead file a run loaded is review', () => {
  // The runtime overlay makes a loaded file production; a dead verdict with a load is checked all the same.
  const dead = altered((a) => {
    const f = a.files.find((x) => x.path === 'scripts/quick_db_check.js')!;
    f.verdict = 'dead';
    f.evidence = ['not imported, run or loaded by any file'];
  });
  assert.equal(actions(planOf(dead, rootAbs))['scripts/quick_db_check.js'], 'review');
  const noRuntime = altered((a) => {
    const f = a.files.find((x) => x.path === 'scripts/quick_db_check.js')!;
    f.verdict = 'dead';
    delete a.runtime;
  });
  assert.equal(actions(planOf(noRuntime, rootAbs))['scripts/quick_db_check.js'], 'archive → archive/scripts/quick_db_check.js');
});

test('framework files (migrations, package markers) and entry targets are never removed', () => {
  const plan = planOf(audit, rootAbs);
  assert.equal(actions(plan)['backend/catalog/migrations/0001_initial.py'], 'review');
  assert.match(reasonsOf(plan, 'backend/catalog/migrations/0001_initial.py'), /database migration/);
  const entered = altered((a) => {
    a.entries.push({ file: 'scripts/mega_dmm_sync_200k.js', kind: 'tooling', detector: 'config', source: 'census.config.json', evidence: 'declared in census.config.json' });
  });
  assert.equal(actions(planOf(entered, rootAbs))['scripts/mega_dmm_sync_200k.js'], 'review');
  assert.equal(actions(plan)['scripts/mega_dmm_sync_200k.js'], 'archive → archive/scripts/mega_dmm_sync_200k.js');
});

test('nothing reachable, no framework file and no manual file is ever merged, archived or deleted', () => {
  for (const options of [{}, { deleteDead: true }, { recentDays: 0 }]) {
    const plan = planOf(audit, rootAbs, options);
    for (const i of plan.items.filter((x) => x.action === 'merge' || x.action === 'archive' || x.action === 'delete')) {
      assert.equal(i.verdict, 'dead', `${i.path} is ${i.verdict}`);
      assert.doesNotMatch(i.path, /migrations\/|__init__\.py$/);
    }
  }
  const a = actions(planOf(audit, rootAbs));
  assert.equal(a['backend/ml/training/scripts/standardize_models_768.py'], 'review', 'a hand-run copy is for a person');
  assert.equal(a['backend/scripts/standardize_models_768.py'], 'keep');
});

test('--delete-dead deletes instead of archiving; safety reviews stay reviews', () => {
  const a = actions(planOf(audit, rootAbs, { deleteDead: true }));
  assert.equal(a['scripts/mega_dmm_sync_200k.js'], 'delete');
  assert.equal(a['backend/ml/experiment.py'], 'review');
  assert.equal(a['backend/catalog/migrations/0001_initial.py'], 'review');
});

test('layout: loose scripts folders that mix production and tooling are split; packages and unknown starters are not', () => {
  const plan = planOf(audit, rootAbs);
  const moves = Object.fromEntries(plan.items.filter((i) => i.action === 'move').map((i) => [i.path, i.to]));
  assert.deepEqual(moves, {
    'backend/scripts/train_768_dim_two_tower.py': 'backend/scripts/tools/train_768_dim_two_tower.py',
    'backend/scripts/train_production_two_tower.py': 'backend/scripts/production/train_production_two_tower.py',
    'scripts/build.js': 'scripts/tools/build.js',
    'scripts/real_dmm_sync.js': 'scripts/production/real_dmm_sync.js',
  });
  // Loaded at runtime with no static edge: what starts it is unknown, so it stays where it is.
  assert.equal(actions(plan)['scripts/quick_db_check.js'], 'keep');
  assert.match(reasonsOf(plan, 'scripts/real_dmm_sync.js'), /systemd deploy\/dmm-sync\.service ExecStart/);
});

test('the plan is deterministic and archive folder is an option', () => {
  assert.deepEqual(planOf(audit, rootAbs), planOf(audit, rootAbs));
  const a = actions(planOf(audit, rootAbs, { archiveDir: 'attic/2026' }));
  assert.equal(a['scripts/mega_dmm_sync_200k.js'], 'archive → attic/2026/scripts/mega_dmm_sync_200k.js');
});
