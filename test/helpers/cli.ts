/** Runs the built CLI as a user would: a real process, real exit code. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const runCli = (args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/census.js'), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    // Wide lines are not wrapped for the tests that read the output's content; test/cli/terminal-fit checks the wrapping.
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '1000', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};
