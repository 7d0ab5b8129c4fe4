/**
 * Ask a Python interpreter the user named (`--python PATH`) where its environment is. The probe is
 * one short script run with `-I -S`: isolated from PYTHON* variables and the working folder, and
 * without the `site` start-up, so no `.pth` hook, sitecustomize or repo code runs. site-packages
 * are computed from the venv prefix the way `site.venv()` would find it.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { Diagnostic } from '../../../model/diagnostic.js';
import { warning } from '../../../util/diagnostics.js';
import { resolveAbsolute } from '../../../util/path.js';

export interface InterpreterInfo {
  /** As the user gave it. */
  requested: string;
  executable: string;
  /** Full version, `3.11.7`. */
  version: string;
  implementation: string;
  prefix: string;
  basePrefix: string;
  /** sys.path without site-packages (the interpreter ran with -S): the standard library folders. */
  sysPath: string[];
  /** The environment's site-packages folders, in import order. */
  sitePackages: string[];
}

export interface InterpreterResult {
  info: InterpreterInfo | null;
  diagnostics: Diagnostic[];
}

export const DEFAULT_INTERPRETER_TIMEOUT_MS = 5000;
const MAX_OUTPUT_BYTES = 1 << 20;

const PROBE = [
  'import sys, os, json, site',
  'd = os.path.dirname(os.path.abspath(sys.executable))',
  "cfgs = [c for c in (os.path.join(d, 'pyvenv.cfg'), os.path.join(os.path.dirname(d), 'pyvenv.cfg')) if os.path.isfile(c)]",
  'prefix = os.path.dirname(cfgs[0]) if cfgs else sys.prefix',
  "text = open(cfgs[0], encoding='utf-8', errors='replace').read().lower().replace(' ', '') if cfgs else ''",
  'sp = site.getsitepackages([prefix])',
  "sp = sp + site.getsitepackages([sys.base_prefix]) if cfgs and 'include-system-site-packages=true' in text else sp",
  "print(json.dumps({'version': '%d.%d.%d' % sys.version_info[:3], 'implementation': sys.implementation.name, 'executable': sys.executable, 'prefix': prefix, 'base_prefix': sys.base_prefix, 'sys_path': sys.path, 'site_packages': [p for p in sp if os.path.isdir(p)]}))",
].join('\n');

const PROBE_ID = 'python-env/interpreter';

const fallbackNote = "census falls back to the repo's manifests only";

interface RunOutcome {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  spawnError?: NodeJS.ErrnoException;
}

/** Run a command with a hard deadline; resolves as soon as the deadline passes, whatever the child does. */
const runWithDeadline = (command: string, args: string[], timeoutMs: number): Promise<RunOutcome> =>
  new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (o: Omit<RunOutcome, 'stdout' | 'stderr'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ stdout, stderr, ...o });
    };
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('PYTHON')) delete env[k];
    const child = spawn(command, args, { cwd: tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      // A grandchild may still hold the pipes open: stop listening so nothing keeps census waiting.
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      finish({ code: null, signal: 'SIGKILL', timedOut: true });
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < MAX_OUTPUT_BYTES) stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < MAX_OUTPUT_BYTES) stderr += chunk;
    });
    child.on('error', (e: NodeJS.ErrnoException) => finish({ code: null, signal: null, timedOut: false, spawnError: e }));
    child.on('close', (code, signal) => finish({ code, signal, timedOut: false }));
  });

const lastLine = (text: string): string => {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.length ? lines[lines.length - 1] : '';
};

/** For messages: the last line, cut short. */
const lastLineShort = (text: string): string => {
  const l = lastLine(text);
  return l.length > 200 ? `${l.slice(0, 200)}...` : l;
};

const asStrings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;

const parseProbe = (requested: string, stdout: string): InterpreterInfo | null => {
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(lastLine(stdout));
    if (typeof parsed !== 'object' || parsed === null) return null;
    data = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const sysPath = asStrings(data.sys_path);
  const sitePackages = asStrings(data.site_packages);
  const { version, implementation, executable, prefix, base_prefix: basePrefix } = data;
  if (typeof version !== 'string' || !/^\d+\.\d+/.test(version) || !sysPath || !sitePackages) return null;
  if (typeof prefix !== 'string' || typeof basePrefix !== 'string') return null;
  return {
    requested,
    executable: typeof executable === 'string' ? executable : requested,
    version,
    implementation: typeof implementation === 'string' ? implementation : 'unknown',
    prefix,
    basePrefix,
    sysPath,
    sitePackages,
  };
};

/** Describe the environment of `python`; never throws, never waits longer than the timeout. */
export const describeInterpreter = async (
  python: string,
  options: { timeoutMs?: number } = {},
): Promise<InterpreterResult> => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_INTERPRETER_TIMEOUT_MS;
  // The probe runs in a neutral folder, so a relative path is taken from census's own working folder.
  const command = /[\\/]/.test(python) ? resolveAbsolute(python) : python;
  const out = await runWithDeadline(command, ['-I', '-S', '-c', PROBE], timeoutMs);
  const fail = (what: string): InterpreterResult => ({
    info: null,
    diagnostics: [warning(PROBE_ID, `--python ${python}: ${what}; ${fallbackNote}`)],
  });
  if (out.timedOut) return fail(`the interpreter did not answer within ${timeoutMs / 1000} s and was stopped`);
  if (out.spawnError) {
    const code = out.spawnError.code;
    return fail(
      code === 'ENOENT' ? 'no such interpreter'
      : code === 'EACCES' ? 'the interpreter is not executable (permission denied)'
      : `the interpreter could not be started (${code ?? out.spawnError.message})`,
    );
  }
  if (out.code !== 0) {
    const why = lastLineShort(out.stderr) || lastLineShort(out.stdout);
    const how = out.signal ? `was killed by ${out.signal}` : `exited with code ${out.code}`;
    return fail(`the interpreter ${how}${why ? ` (${why})` : ''}`);
  }
  const info = parseProbe(python, out.stdout);
  if (!info) return fail(`the interpreter's answer was not understood (${lastLineShort(out.stdout) || 'no output'}); is it Python 3?`);
  return { info, diagnostics: [] };
};
