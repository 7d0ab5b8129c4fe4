/** Plan fixtures as git repos in a temp folder (fixed dates, so "recent" is deterministic), and a plan of them. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Audit } from '../../src/model/audit.js';
import type { Plan } from '../../src/model/plan.js';
import { buildPlan } from '../../src/plan/index.js';
import type { PlanOptions } from '../../src/plan/options.js';
import { repoTextReader } from '../../src/util/fs.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

export const TODAY = '2026-01-15';
export const OPTIONS: PlanOptions = { archiveDir: 'archive', recentDays: 90, today: TODAY, deleteDead: false };

const git = (dir: string, args: string[], date: string): void => {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };
  execFileSync('git', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
};

export interface PlanRepo {
  dir: string;
  /** A runtime evidence file (outside the repo) listing the given paths. */
  runtime: string | null;
  cleanup(): void;
}

/** The fixture committed on 2025-01-01, then `recent` files touched and committed on 2026-01-10. */
export const planRepo = (name: string, recent: string[] = [], loaded: string[] = []): PlanRepo => {
  const base = mkdtempSync(join(tmpdir(), `census-plan-${name}-`));
  const dir = join(base, 'repo');
  cpSync(fixturePath('plan', name), dir, { recursive: true });
  git(dir, ['init', '--quiet', '--initial-branch=main'], '2025-01-01T10:00:00Z');
  git(dir, ['add', '--all'], '2025-01-01T10:00:00Z');
  git(dir, ['commit', '--quiet', '--no-gpg-sign', '-m', 'initial'], '2025-01-01T10:00:00Z');
  if (recent.length > 0) {
    for (const p of recent) appendFileSync(join(dir, p), '\n');
    git(dir, ['add', '--all'], '2026-01-10T10:00:00Z');
    git(dir, ['commit', '--quiet', '--no-gpg-sign', '-m', 'recent'], '2026-01-10T10:00:00Z');
  }
  let runtime: string | null = null;
  if (loaded.length > 0) {
    runtime = join(base, 'loaded.txt');
    writeFileSync(runtime, `${loaded.join('\n')}\n`);
  }
  return { dir, runtime, cleanup: () => rmSync(base, { recursive: true, force: true }) };
};

export const auditOf = async (repo: PlanRepo): Promise<{ audit: Audit; rootAbs: string }> => {
  const { audit, rootAbs } = await scanDir(repo.dir, { duplicates: {}, ...(repo.runtime ? { runtime: [repo.runtime] } : {}) });
  return { audit, rootAbs };
};

export const planOf = (audit: Audit, rootAbs: string | null, options: Partial<PlanOptions> = {}): Plan =>
  buildPlan(audit, { ...OPTIONS, ...options }, { generatedAt: '2026-01-15T12:00:00.000Z', ...(rootAbs ? { readText: repoTextReader(rootAbs) } : {}) });

/** `path → action [→ to]`, for assertions that read like the plan. */
export const actions = (plan: Plan): Record<string, string> =>
  Object.fromEntries(plan.items.map((i) => [i.path, i.to ? `${i.action} → ${i.to}` : i.action]));
