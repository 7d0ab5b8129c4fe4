/**
 * Runs the built CLI on every case of the hostile-repository suite (test/hostile/cases.ts) and
 * checks what must hold for all of them, then the case's own expectation. The time limit per run
 * is a hang detector (a case that once ran past 120 s), not a speed budget: speed is the bench's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_SECRET, HOSTILE_CASES, type CaseContext } from './cases.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const HANG_LIMIT_MS = 180_000;

/** Every entry under a folder with a hash of its content (links by their target), to prove nothing changed. */
const snapshot = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      const st = lstatSync(abs);
      const path = rel === '' ? name : `${rel}/${name}`;
      if (st.isSymbolicLink()) out.push(`${path} -> ${readlinkSync(abs)}`);
      else if (st.isDirectory()) walk(abs, path);
      else out.push(`${path} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`);
    }
  };
  walk(dir, '');
  return out;
};

const HUMAN = (args: string[]): boolean => !args.some((a, i) => (a === '--format' && ['json', 'html', 'sarif'].includes(args[i + 1] ?? '')));

for (const c of HOSTILE_CASES) {
  test(`hostile: ${c.id} — ${c.expected}`, () => {
    const base = mkdtempSync(join(tmpdir(), `census-hostile-${c.id}-`));
    const ctx: CaseContext = { repo: join(base, 'repo'), outside: join(base, 'outside'), markers: join(base, 'markers') };
    for (const dir of Object.values(ctx)) spawnSync('mkdir', ['-p', dir]);
    try {
      c.build(ctx);
      const before = snapshot(ctx.outside);
      const runs = [...(c.baseRuns ?? [['scan'], ['scan', '--format', 'json']]), ...(c.commands ?? [])];
      const outputs: string[] = [];
      for (const args of runs) {
        const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/census.js'), ...args], {
          cwd: ctx.repo,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', HOME: base, GIT_CONFIG_NOSYSTEM: '1' },
          timeout: HANG_LIMIT_MS,
          killSignal: 'SIGKILL',
          maxBuffer: 512 * 1024 * 1024,
        });
        const shown = `census ${args.join(' ')}`;
        assert.equal(r.signal, null, `${shown} did not finish (hang) or was killed`);
        assert.ok([0, 1, 2, 3].includes(r.status ?? -1), `${shown} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
        assert.doesNotMatch(r.stderr, /\n\s+at .+[:(]\d+:\d+\)?\n/, `${shown} printed a stack trace: ${r.stderr.slice(0, 800)}`);
        const both = r.stdout + r.stderr;
        assert.equal(both.includes(FAKE_SECRET), false, `${shown} printed a file from outside the repository`);
        if (HUMAN(args)) assert.doesNotMatch(both, /[\u001b\u0007]/, `${shown} printed a raw ESC or BEL byte`);
        outputs.push(both);
      }
      assert.deepEqual(snapshot(ctx.outside), before, 'a file outside the repository changed');
      assert.deepEqual(readdirSync(ctx.markers), [], 'a git hook, filter or fsmonitor of the repository ran');
      const problem = c.check?.(outputs.join('\n'), ctx) ?? null;
      assert.equal(problem, null, problem ?? '');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
}
