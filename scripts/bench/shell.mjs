// Running outside programs for the bench: every call has a time limit, and a failure becomes one
// BenchError whose message says what to do, instead of a hang or a stack trace.
import { spawnSync } from 'node:child_process';

export class BenchError extends Error {}

const tail = (text, lines = 12) => (text ?? '').toString().trim().split('\n').slice(-lines).join('\n');

/**
 * Runs `command args` and returns its stdout. `hint` is added to the message when it fails
 * (for example: "is the npm registry reachable?").
 */
export const run = (command, args, { timeoutMs = 120_000, cwd, env, input, hint, quiet = true } = {}) => {
  const result = spawnSync(command, args, {
    cwd,
    env: env ? { ...process.env, ...env } : process.env,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', quiet ? 'pipe' : 'inherit'],
  });
  const shown = `${command} ${args.join(' ')}`;
  if (result.error?.code === 'ETIMEDOUT') {
    throw new BenchError(`${shown}: no answer after ${Math.round(timeoutMs / 1000)} s, stopped.${hint ? ` ${hint}` : ''}`);
  }
  if (result.error) throw new BenchError(`${shown}: ${result.error.message}${hint ? `. ${hint}` : ''}`);
  if (result.status !== 0) {
    const said = tail(result.stderr) || tail(result.stdout);
    throw new BenchError(`${shown} failed (exit ${result.status ?? result.signal}).${hint ? ` ${hint}` : ''}${said ? `\n${said}` : ''}`);
  }
  return result.stdout;
};

/** Like run, but returns null instead of throwing (for probes such as "is it installed?"). */
export const probe = (command, args, options = {}) => {
  try {
    return run(command, args, { timeoutMs: 30_000, ...options });
  } catch {
    return null;
  }
};
