/** Temp copies of guardrail fixture repos, optionally under git with fixed dates, for tests that write into them. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '../helpers/fixtures.js';

export const copyFixture = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `census-guardrails-${name}-`));
  cpSync(fixturePath('guardrails', name), dir, { recursive: true });
  return dir;
};

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

const GIT_ENV = (date: string) => ({
  ...process.env,
  GIT_AUTHOR_NAME: 'Census Test',
  GIT_AUTHOR_EMAIL: 'census@example.invalid',
  GIT_COMMITTER_NAME: 'Census Test',
  GIT_COMMITTER_EMAIL: 'census@example.invalid',
  GIT_AUTHOR_DATE: date,
  GIT_COMMITTER_DATE: date,
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
});

export const git = (dir: string, args: string[], date = '2026-01-01T10:00:00Z'): string =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: GIT_ENV(date), stdio: ['ignore', 'pipe', 'pipe'] });

/** `git init` plus a first commit of everything (with `.census/` ignored, as the README advises). */
export const gitInit = (dir: string, date = '2026-01-01T10:00:00Z'): void => {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  commitAll(dir, 'initial', date);
};

export const commitAll = (dir: string, message: string, date: string): void => {
  git(dir, ['add', '--all'], date);
  git(dir, ['commit', '--quiet', '--allow-empty', '-m', message], date);
};
