/** Temp git copies of the apply fixture repos, hand-written plans for them, and an exact picture of a tree to compare. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '../helpers/fixtures.js';
import { scratchDir } from '../helpers/scratch.js';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Census Test',
  GIT_AUTHOR_EMAIL: 'census@example.invalid',
  GIT_COMMITTER_NAME: 'Census Test',
  GIT_COMMITTER_EMAIL: 'census@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T10:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
};

export const git = (dir: string, args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });

/** A fresh copy of test/fixtures/<area>/<name> in a temp folder, committed as a git repo of its own. */
export const gitFixture = (name: string, area = 'apply'): string => {
  const dir = join(scratchDir(`census-apply-${name}-`), name);
  cpSync(fixturePath(area, name), dir, { recursive: true });
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '-m', 'initial']);
  return dir;
};

export const hashOf = (dir: string, path: string): string => createHash('sha256').update(readFileSync(join(dir, path))).digest('hex').slice(0, 16);

export type ItemSpec = [path: string, action: string, to?: string];

/** A plan document as a user would write it (the hash of each file read from the repo). */
export const writePlan = (dir: string, items: ItemSpec[], extra: Record<string, unknown> = {}, file = join(dir, '..', 'plan.json')): string => {
  const plan = {
    planVersion: 1,
    tool: { name: 'census', version: '0.1.0' },
    generatedAt: '2026-01-01T10:00:00.000Z',
    root: '.',
    git: null,
    archiveDir: 'archive',
    items: items.map(([path, action, to]) => ({ path, action, ...(to !== undefined ? { to } : {}), hash: safeHash(dir, path), verdict: 'dead', reasons: [] })),
    summary: {},
    ...extra,
  };
  writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
  return file;
};

const safeHash = (dir: string, path: string): string => {
  try {
    return hashOf(dir, path);
  } catch {
    return '0000000000000000';
  }
};

/** Every file and folder under `dir` but .git, with its bytes' hash and mode (or link target), plus the index and status. */
export const picture = (dir: string): string => {
  const lines: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      if (rel === '' && name === '.git') continue;
      const p = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(join(dir, p));
      if (st.isSymbolicLink()) lines.push(`${p} -> ${readlinkSync(join(dir, p))}`);
      else if (st.isDirectory()) {
        lines.push(`${p}/`);
        walk(p);
      } else lines.push(`${p} ${(st.mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(join(dir, p))).digest('hex')}`);
    }
  };
  walk('');
  lines.push(`index ${git(dir, ['write-tree']).trim()}`, `status ${git(dir, ['status', '--porcelain', '--untracked-files=all'])}`);
  return lines.join('\n');
};
