/**
 * The census trace file: what `census trace` writes and `--runtime` reads back. Repo-relative
 * paths only, so a trace taken on one checkout applies to another.
 */
import { basename, joinAbsolute } from '../util/path.js';

export const TRACE_FORMAT = 'census-trace';
export const TRACE_VERSION = 1;

export interface CensusTraceFile {
  format: typeof TRACE_FORMAT;
  version: number;
  label: string;
  command: string[];
  /** Working directory of the command, relative to the scanned root ('.' for the root; null when outside it). */
  cwd: string | null;
  startedAt: string;
  exitCode: number;
  /** Repo-relative files the run loaded, sorted. */
  loaded: string[];
}

export const serialiseTrace = (trace: CensusTraceFile): string => `${JSON.stringify(trace, null, 2)}\n`;

/** Where a trace goes unless the user names a file: the one place census writes by default. */
export const TRACE_DIR = '.census/traces';

export const defaultTracePath = (rootAbs: string, label: string): string => joinAbsolute(rootAbs, TRACE_DIR, `${label}.json`);

const INTERPRETERS = /^(?:python[\d.]*|node|nodejs|bash|sh|zsh|dash|bun|deno|tsx|ts-node|npx|npm|pnpm|yarn|uv|poetry|pipenv|env|exec|time|nice|sudo|run)$/;

/** Flags whose value is inline code or an option, not the program: `python -c CODE`, `python -X importtime`, `node -r hook`. */
const VALUE_FLAGS = new Set(['-c', '-e', '-p', '--eval', '--print', '-X', '-W', '-r', '--require', '--import', '--loader', '--experimental-loader']);

/** A label from the command: the first word that is not an interpreter, a flag or inline code (`bash bin/run_batch.sh` → `run_batch`). */
export const defaultLabel = (command: string[]): string => {
  const words = command.filter((w, i) => !w.startsWith('-') && !/^\w+=/.test(w) && !VALUE_FLAGS.has(command[i - 1] ?? ''));
  const named = words.find((w) => !INTERPRETERS.test(basename(w))) ?? words[0] ?? 'run';
  const label = basename(named).replace(/\.(?:py|[cm]?[jt]s|tsx|jsx|sh|bash)$/, '').replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return label === '' ? 'run' : label;
};

/** Labels name files and appear in evidence: keep them to a safe alphabet. */
export const isValidLabel = (label: string): boolean => /^[\w][\w.-]*$/.test(label) && label.length <= 100;
