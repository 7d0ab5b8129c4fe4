/**
 * `census trace -- <command>`: run the user's command (they asked for it) with the tracing hooks
 * in its environment, stdio passed through, and turn what its processes loaded into a census
 * trace file of repo-relative paths.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Diagnostic } from '../../model/diagnostic.js';
import { sortedUnique } from '../../util/compare.js';
import { diagnostic, warning } from '../../util/diagnostics.js';
import { errorMessage, UsageError } from '../../util/errors.js';
import { makeTempDir, readTextOrNull, removeTree, writeTextFile } from '../../util/fs.js';
import { joinAbsolute, toRepoPath } from '../../util/path.js';
import { createRepoPathMapper } from '../repo-paths.js';
import { writeCensusFile } from '../../store/census-dir.js';
import { defaultTracePath, serialiseTrace, TRACE_DIR, TRACE_FORMAT, TRACE_VERSION, type CensusTraceFile } from '../trace-file.js';
import { parseRawTrace } from './raw-trace.js';
import { tracingEnv, writeHookFiles } from './tracing-env.js';

export interface TraceRequest {
  /** The command and its arguments, run without a shell. */
  command: string[];
  /** Absolute working directory for the command. */
  cwd: string;
  /** Absolute path of the scanned root: what "repo file" means. */
  rootAbs: string;
  label: string;
  /** Absolute path of the trace file to write (default: .census/traces/<label>.json under the root). */
  outFile?: string;
  /** Environment for the command (default: this process's); the hooks are added to it. */
  env?: NodeJS.ProcessEnv;
  /** The command's stdio (default: passed through; tests silence it). */
  stdio?: 'inherit' | 'ignore';
}

export interface TraceResult {
  /** The command's exit code (128 + signal number when a signal ended it). */
  exitCode: number;
  /** Absolute path of the trace file written. */
  traceFile: string;
  /** Repo-relative files the run loaded, sorted. */
  loaded: string[];
  /** Traced processes per runtime, e.g. { python: 2, node: 1 }. */
  processes: Record<string, number>;
  diagnostics: Diagnostic[];
}

/** While the command runs, census outlives it: Ctrl-C reaches the command through the terminal, other signals are passed on. */
const FORWARDED_SIGNALS = ['SIGTERM', 'SIGHUP'] as const;

const runCommand = (command: string[], cwd: string, env: NodeJS.ProcessEnv, stdio: 'inherit' | 'ignore'): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { cwd, env, stdio });
    const ignoreInterrupt = (): void => {};
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGINT', ignoreInterrupt);
    for (const s of FORWARDED_SIGNALS) process.on(s, forward);
    const done = (): void => {
      process.off('SIGINT', ignoreInterrupt);
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      done();
      reject(new UsageError(e.code === 'ENOENT' ? `cannot run "${command[0]}": command not found` : `cannot run "${command[0]}": ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });

const traceDiagnostics = (processes: Record<string, number>, loaded: string[]): Diagnostic[] => {
  if (Object.keys(processes).length === 0) {
    return [warning('trace/nothing-traced', 'no Python or Node process started with the tracing hook (was the command run with python -I/-E/-S, or by another runtime?)')];
  }
  if (loaded.length === 0) return [diagnostic('trace/no-repo-files', 'info', 'the traced processes loaded no file of this repo')];
  return [];
};

export const runTrace = async (request: TraceRequest): Promise<TraceResult> => {
  if (request.command.length === 0) throw new UsageError('census trace needs a command after --, e.g. census trace -- python scripts/nightly.py');
  const tempDir = makeTempDir('census-trace-');
  try {
    const rawFile = joinAbsolute(tempDir, 'loaded.log');
    writeTextFile(rawFile, '');
    const env = tracingEnv(request.env ?? process.env, writeHookFiles(tempDir), rawFile);
    const startedAt = new Date().toISOString();
    const exitCode = await runCommand(request.command, request.cwd, env, request.stdio ?? 'inherit');

    const raw = parseRawTrace(readTextOrNull(rawFile) ?? '');
    const toRepo = createRepoPathMapper({ rootAbs: request.rootAbs, cwdAbs: request.cwd });
    const loaded = sortedUnique(raw.paths.map(toRepo).filter((p): p is string => p !== null));
    const cwd = toRepoPath(request.rootAbs, request.cwd);
    const trace: CensusTraceFile = {
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      label: request.label,
      command: request.command,
      cwd: cwd === null ? null : cwd === '' ? '.' : cwd,
      startedAt,
      exitCode,
      loaded,
    };
    const traceFile = request.outFile ?? defaultTracePath(request.rootAbs, request.label);
    try {
      // --out is the user's own choice of path; the default is under .census/, never through a link.
      if (request.outFile) writeTextFile(traceFile, serialiseTrace(trace));
      else writeCensusFile(request.rootAbs, `${TRACE_DIR}/${request.label}.json`, serialiseTrace(trace));
    } catch (e) {
      throw new UsageError(`cannot write the trace file ${traceFile}: ${errorMessage(e)}`);
    }
    return { exitCode, traceFile, loaded, processes: raw.processes, diagnostics: traceDiagnostics(raw.processes, loaded) };
  } finally {
    removeTree(tempDir);
  }
};
