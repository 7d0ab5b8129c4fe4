/**
 * Runs the project's own tests after an apply (`--test "npm test"`): the one place census apply
 * runs code from the repository, and only because the user named the command. It runs in the
 * repo (or the dry run's copy) through sh, with the user's environment, and its output is kept.
 */
import { spawnSync } from 'node:child_process';

export interface TestRun {
  exitCode: number;
  /** The last lines of its output (stdout and stderr), for the report. */
  output: string;
}

const TAIL_LINES = 40;

export const runTestCommand = (command: string, cwd: string): TestRun => {
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`;
  return { exitCode: r.status ?? (r.signal ? 128 : 127), output: output.split('\n').slice(-TAIL_LINES).join('\n').trimEnd() };
};
