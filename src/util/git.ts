/**
 * The one way census runs git. The audited tree may arrive with its own `.git` (a tarball, a
 * contractor's zip), and repo-local config can make plain `git status` run code: an fsmonitor
 * hook, clean/smudge/process filters, index and checkout hooks. Every call here turns those off,
 * takes no optional locks (so `status` never rewrites the index and fires no post-index-change
 * hook), never pages, and has a time limit (a catastrophic `.gitignore` pattern cannot hang a scan).
 */
import { execFileSync, spawn } from 'node:child_process';
import { anonymousTempFile, closeFd, readWholeFd } from './fs.js';

/** Seconds one git call may take before census gives up on it (a warning or a fallback, never a hang). */
export const GIT_TIMEOUT_MS = 60_000;

const HARDENING = [
  '-c', 'core.fsmonitor=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.untrackedCache=false',
  '-c', 'core.pager=cat',
  '-c', 'diff.external=',
  '-c', 'protocol.allow=never',
];

/** Git's environment: repo-provided config may not reach the network, a pager, an editor or a lock. */
const gitEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
  GIT_TERMINAL_PROMPT: '0',
  GIT_EDITOR: 'true',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_NO_REPLACE_OBJECTS: '1',
  // a hostile .git/config may set core.sshCommand or credential helpers; nothing here fetches
  GIT_SSH_COMMAND: 'false',
});

interface RunOptions {
  maxBuffer?: number;
  timeoutMs?: number;
  input?: string | Buffer;
}

/** The filter drivers the repo's config defines: each is disabled by name, since git has no switch for all. */
const filterOverrides = (cwd: string): string[] => {
  let out: string;
  try {
    out = execFileSync('git', [...HARDENING, 'config', '--get-regexp', '^filter\\.'], {
      cwd,
      encoding: 'utf8',
      env: gitEnv(),
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: 1024 * 1024,
    });
  } catch {
    return []; // exit 1: no filter is configured
  }
  const drivers = new Set<string>();
  for (const line of out.split('\n')) {
    const m = /^filter\.(.+)\.(clean|smudge|process|required)\s/i.exec(line);
    if (m) drivers.add(m[1]);
  }
  return [...drivers].flatMap((d) => ['-c', `filter.${d}.clean=`, '-c', `filter.${d}.smudge=`, '-c', `filter.${d}.process=`, '-c', `filter.${d}.required=false`]);
};

const overridesByDir = new Map<string, string[]>();

/** The hardening arguments for a repository: fixed flags plus one override per configured filter. */
export const hardenedArgs = (cwd: string): string[] => {
  let filters = overridesByDir.get(cwd);
  if (filters === undefined) {
    filters = filterOverrides(cwd);
    overridesByDir.set(cwd, filters);
  }
  return [...HARDENING, ...filters];
};

/** The limits every git call runs under, synchronous or not: its output's size and its time. */
const limitsOf = (options: RunOptions): { maxBuffer: number; timeoutMs: number } => ({
  maxBuffer: options.maxBuffer ?? 1024 * 1024 * 1024,
  timeoutMs: options.timeoutMs ?? GIT_TIMEOUT_MS,
});

/** execFileSync's options for a git call: the hardened environment, the limits, stdin only for `input`. */
const syncOptions = (cwd: string, options: RunOptions, encoding: 'utf8' | 'buffer') => {
  const { maxBuffer, timeoutMs } = limitsOf(options);
  return {
    cwd,
    encoding,
    env: gitEnv(),
    maxBuffer,
    timeout: timeoutMs,
    killSignal: 'SIGKILL' as const,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'] as ('ignore' | 'pipe')[],
    // As bytes: a string input would be encoded with `encoding`, and 'buffer' is no text encoding.
    ...(options.input !== undefined ? { input: Buffer.from(options.input) } : {}),
  };
};

const execGit = (cwd: string, args: string[], options: RunOptions, encoding: 'utf8' | 'buffer'): string | Buffer | null => {
  try {
    return execFileSync('git', [...hardenedArgs(cwd), ...args], syncOptions(cwd, options, encoding));
  } catch {
    return null;
  }
};

/** Run git in `cwd`; its stdout, or null when git fails, is missing or runs past the time limit. */
export const runGit = (cwd: string, args: string[], options: RunOptions = {}): string | null => execGit(cwd, args, options, 'utf8') as string | null;

/**
 * Like runGit, but a git that ran and exited non-zero still gives its stdout and exit status (git
 * prints as it goes, so a rev-parse that dies on its third argument has answered the first two).
 * null only when git could not run, was killed or ran past the time limit.
 */
export const runGitWithStatus = (cwd: string, args: string[], options: Omit<RunOptions, 'input'> = {}): { status: number; stdout: string } | null => {
  try {
    const stdout = execFileSync('git', [...hardenedArgs(cwd), ...args], syncOptions(cwd, options, 'utf8')) as string;
    return { status: 0, stdout };
  } catch (e) {
    const failed = e as { status?: number | null; signal?: string | null; stdout?: unknown; error?: unknown; code?: unknown };
    if (typeof failed.status !== 'number' || failed.signal || typeof failed.stdout !== 'string' || typeof failed.code === 'string') return null;
    return { status: failed.status, stdout: failed.stdout };
  }
};

/** Like runGit, for binary output (blobs). */
export const runGitBytes = (cwd: string, args: string[], options: RunOptions = {}): Buffer | null => execGit(cwd, args, options, 'buffer') as Buffer | null;

/** A limit timer this late found the thread busy; the kill waits GRACE_MS more of a free event loop. */
const LATE_MS = 100;
const GRACE_MS = 250;

export interface Captured {
  /** The child's process id; undefined when it could not be started. */
  pid: number | undefined;
  /** Its stdout once it exits 0 within the time limit; null otherwise (not started, a failure, killed, over maxBuffer). */
  output: Promise<Buffer | null>;
}

/**
 * Start `command` without waiting for it, with execFileSync's outcomes: its stdout when it exits 0
 * within `timeoutMs`, else null (killed with SIGKILL at the limit). Its stdout goes to a file, not a
 * pipe: census's main thread runs long synchronous stages while the child works, and a pipe (64 KB)
 * would stall the child until the next await, with the stall counted against its time limit. For
 * the same reason a limit that expires while this thread is busy is not enforced until the thread
 * has been free for a moment (see `check`): a child that finished in time is not reported as
 * timed out because census noticed late.
 */
export const startCaptured = (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; maxBuffer: number }): Captured => {
  let fd: number;
  try {
    fd = anonymousTempFile('census-git-');
  } catch {
    return { pid: undefined, output: Promise.resolve(null) };
  }
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, 'ignore'] });
  } catch {
    closeFd(fd);
    return { pid: undefined, output: Promise.resolve(null) };
  }
  const output = new Promise<Buffer | null>((resolve) => {
    let settled = false;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      let out: Buffer | null = null;
      try {
        if (ok && !timedOut) out = readWholeFd(fd, options.maxBuffer);
      } catch {
        out = null;
      }
      closeFd(fd);
      resolve(out);
    };
    // The limit is checked by a timer; one that fires late found this thread busy (a synchronous
    // stage), and a child that exited meanwhile may not have been taken in yet: the check is put
    // off until a timer fires on time, that is after the event loop has been free to see an exit.
    let due = performance.now() + options.timeoutMs;
    const check = (): void => {
      if (settled) return;
      const now = performance.now();
      if (now - due > LATE_MS) {
        due = now + GRACE_MS;
        timer = setTimeout(check, GRACE_MS);
        return;
      }
      timedOut = true;
      child.kill('SIGKILL');
    };
    timer = setTimeout(check, options.timeoutMs);
    child.once('error', () => finish(false));
    child.once('exit', (code, signal) => finish(code === 0 && signal === null));
  });
  return { pid: child.pid, output };
};

/**
 * runGit without waiting: the same hardened arguments, environment, time limit and null on any
 * failure, while census goes on with other work. The filter overrides are asked for (synchronously)
 * on the first call for a folder, as runGit does.
 */
export const startGit = (cwd: string, args: string[], options: Omit<RunOptions, 'input'> = {}): Promise<string | null> =>
  startCaptured('git', [...hardenedArgs(cwd), ...args], { cwd, env: gitEnv(), ...limitsOf(options) }).output.then((b) => (b === null ? null : b.toString('utf8')));
