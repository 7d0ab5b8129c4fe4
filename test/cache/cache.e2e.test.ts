/**
 * The facts cache as users meet it: on by default in .census/cache/, byte-identical output cold,
 * warm and with --no-cache, --cache-dir elsewhere, and two census processes writing at once never
 * leave a torn pack.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePack } from '../../src/cache/pack.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';

/** A copy of the demo app, outside any git work tree. */
const copyDemo = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'census-cache-e2e-'));
  // Without the checkout's own .census/ (other tests run census on examples/demo in place).
  cpSync(join(REPO_ROOT, 'examples/demo'), join(dir, 'demo'), { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('.census') });
  return join(dir, 'demo');
};

const withoutTime = (json: string): string => json.replace(/"generatedAt": "[^"]*"/, '"generatedAt": ""');
const scanJson = (repo: string, ...extra: string[]): string => {
  const r = runCli(['scan', '.', '--format', 'json', '--no-env', ...extra], { cwd: repo });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.doesNotMatch(r.stderr, /cache/, 'no cache warnings');
  return withoutTime(r.stdout);
};
const packs = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.pack')) : []);

test('scan output is byte-identical cold, warm and with --no-cache; --no-cache writes nothing', () => {
  const repo = copyDemo();
  try {
    const none = scanJson(repo, '--no-cache');
    assert.ok(!existsSync(join(repo, '.census')), '--no-cache wrote nothing');
    const cold = scanJson(repo);
    assert.equal(packs(join(repo, '.census/cache')).length, 1);
    assert.match(readFileSync(join(repo, '.census/.gitignore'), 'utf8'), /^\*$/m);
    const warm = scanJson(repo);
    assert.equal(cold, none);
    assert.equal(warm, none);
    // A run with duplicates has its own pack and still agrees with itself uncached.
    assert.equal(scanJson(repo, '--duplicates'), scanJson(repo, '--duplicates', '--no-cache'));
    assert.equal(packs(join(repo, '.census/cache')).length, 2);
  } finally {
    rmSync(join(repo, '..'), { recursive: true, force: true });
  }
});

test('--cache-dir puts the cache there and nothing in the repo', () => {
  const repo = copyDemo();
  const dir = mkdtempSync(join(tmpdir(), 'census-cache-dir-e2e-'));
  try {
    const cold = scanJson(repo, '--cache-dir', dir);
    assert.equal(packs(dir).length, 1);
    assert.ok(!existsSync(join(repo, '.census')));
    assert.equal(scanJson(repo, '--cache-dir', dir), cold);
    const both = runCli(['scan', '.', '--cache-dir', dir, '--no-cache'], { cwd: repo });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /contradict/);
  } finally {
    rmSync(join(repo, '..'), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

const runAsync = (args: string[], cwd: string): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/census.js'), ...args], { cwd, stdio: 'ignore' });
    child.on('exit', (code) => resolve(code ?? -1));
  });

test('two census processes writing the cache at once never leave a torn pack', async () => {
  const repo = copyDemo();
  try {
    const expected = scanJson(repo, '--no-cache');
    for (let round = 0; round < 4; round++) {
      // Each round changes a file, so both runs miss and both write a whole new pack.
      writeFileSync(join(repo, `added_${round}.py`), `import os\nprint(os.sep, ${round})\n`);
      const codes = await Promise.all([0, 1].map(() => runAsync(['scan', '.', '--no-env', '--quiet', '--format', 'json', '--output', join(repo, '..', `out-${round}-${Math.random()}.json`)], repo)));
      for (const code of codes) assert.ok(code === 0 || code === 1);
      const folder = join(repo, '.census/cache');
      for (const name of packs(folder)) assert.ok(!('invalid' in decodePack(readFileSync(join(folder, name)))), `${name} is whole`);
      assert.deepEqual(readdirSync(folder).filter((n) => n.endsWith('.census-tmp')), [], 'no temp files left');
    }
    for (let round = 0; round < 4; round++) rmSync(join(repo, `added_${round}.py`));
    assert.equal(scanJson(repo), expected);
  } finally {
    rmSync(join(repo, '..'), { recursive: true, force: true });
  }
});

test('why after a scan answers from the recorded audit, and never from a stale one', () => {
  const repo = copyDemo();
  try {
    const why = (...extra: string[]) => runCli(['why', 'sidecar/admin.py', '--no-env', '--format', 'json', ...extra], { cwd: repo });
    assert.equal(runCli(['scan', '.', '--no-env', '--quiet'], { cwd: repo }).code === 2, false);
    assert.ok(readdirSync(join(repo, '.census/cache')).some((n) => /^audit-[0-9a-f]{16}\.snapshot$/.test(n)));
    const fast = why('--all');
    assert.equal(fast.code, 0, fast.stderr);
    assert.equal(fast.stdout, why('--all', '--no-cache').stdout);
    assert.equal(JSON.parse(why().stdout).file.verdict, 'production');
    // Right after the scan (inside any timestamp tick): nothing imports admin.py any more.
    const main = join(repo, 'sidecar/main.py');
    writeFileSync(main, readFileSync(main, 'utf8').replace(/^.*admin.*$/gm, ''));
    const after = JSON.parse(why().stdout);
    assert.notEqual(after.file.verdict, 'production', 'the edit shows at once');
    assert.equal(why().stdout, why('--no-cache').stdout);
  } finally {
    rmSync(join(repo, '..'), { recursive: true, force: true });
  }
});

test('why after a scan in a git work tree runs no git, and answers exactly as a scan does', () => {
  const repo = copyDemo();
  const bin = mkdtempSync(join(tmpdir(), 'census-fake-git-'));
  try {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=census', '-c', 'user.email=census@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'demo');
    assert.equal(runCli(['scan', '.', '--no-env', '--quiet'], { cwd: repo }).code === 2, false);
    // A git first on the PATH that notes every call, then runs the real one.
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const calls = join(bin, 'calls');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const noted = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    for (const extra of [[], ['--all'], ['--format', 'json', '--all']]) {
      const fast = runCli(['why', 'sidecar/admin.py', '--no-env', ...extra], { cwd: repo, env: noted });
      assert.equal(fast.code, 0, fast.stderr);
      assert.equal(existsSync(calls), false, `why ${extra.join(' ')} ran git: ${existsSync(calls) ? readFileSync(calls, 'utf8') : ''}`);
      assert.equal(fast.stdout, runCli(['why', 'sidecar/admin.py', '--no-env', '--no-cache', ...extra], { cwd: repo }).stdout, `why ${extra.join(' ')}`);
    }
    // scan, imports and check with nothing changed answer from the recording too: no scan (so no git
    // call; check still asks git for the root's place in the repo), the cold output but for generatedAt.
    const withoutTime = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '');
    for (const command of [['scan', '--format', 'json'], ['imports', '--format', 'json'], ['check', '--format', 'json']]) {
      runCli([...command, '.', '--no-env', '--quiet'], { cwd: repo });
      const warm = runCli([...command, '.', '--no-env', '--quiet'], { cwd: repo, env: noted });
      const gitCalls = existsSync(calls) ? readFileSync(calls, 'utf8') : '';
      if (command[0] !== 'check') assert.equal(gitCalls, '', `${command[0]} ran git: ${gitCalls}`);
      rmSync(calls, { force: true });
      assert.equal(withoutTime(warm.stdout), withoutTime(runCli([...command, '.', '--no-env', '--no-cache', '--quiet'], { cwd: repo }).stdout), command[0]);
    }
    // The noting git works: a scan's calls are noted.
    runCli(['why', 'sidecar/admin.py', '--no-env', '--no-cache'], { cwd: repo, env: noted });
    assert.match(readFileSync(calls, 'utf8'), /ls-files/);
  } finally {
    rmSync(join(repo, '..'), { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
  }
});
