/**
 * The one way census runs git. The audited tree may arrive with its own `.git` (a tarball, a
 * contractor's zip), and repo-local config can make plain `git status` run code: an fsmonitor
 * hook, clean/smudge/process filters, index and checkout hooks. Every call here turns those off,
 * takes no optional locks (so `status` never rewrites the index and fires no post-index-change
 * hook), never pages, and has a time limit (a catastrophic `.gitignore` pattern cannot hang a scan).
 */
import { execFileSync } from 'node:child_process';

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

const execGit = (cwd: string, args: string[], options: RunOptions, encoding: 'utf8' | 'buffer'): string | Buffer | null => {
  try {
    return execFileSync('git', [...hardenedArgs(cwd), ...args], {
      cwd,
      encoding,
      env: gitEnv(),
      maxBuffer: options.maxBuffer ?? 1024 * 1024 * 1024,
      timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'],
      // As bytes: a string input would be encoded with `encoding`, and 'buffer' is no text encoding.
      ...(options.input !== undefined ? { input: Buffer.from(options.input) } : {}),
    });
  } catch {
    return null;
  }
};

/** Run git in `cwd`; its stdout, or null when git fails, is missing or runs past the time limit. */
export const runGit = (cwd: string, args: string[], options: RunOptions = {}): string | null => execGit(cwd, args, options, 'utf8') as string | null;

/** Like runGit, for binary output (blobs). */
export const runGitBytes = (cwd: string, args: string[], options: RunOptions = {}): Buffer | null => execGit(cwd, args, options, 'buffer') as Buffer | null;
