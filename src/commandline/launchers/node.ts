/**
 * `node [options] file | --test [paths]`: the file, and files preloaded with -r/--require/--import/--loader
 * or loaded as a test reporter. Preloads in `$NODE_OPTIONS` are read by analyse.ts for every command
 * (every node process of the command reads it, whatever the command word), with `nodeOptionPreloads`.
 */
import { type ArgSpec, scanArgs } from '../args.js';
import { type Value, literal, text } from '../value.js';
import { type Intent, type Launcher, file, testRun } from './types.js';

export const NODE_VALUES = [
  '-r', '--require', '--import', '--loader', '--experimental-loader', '--input-type', '-C', '--conditions', '--env-file', '--env-file-if-exists',
  '--watch-path', '--test-name-pattern', '--test-skip-pattern', '--test-reporter', '--test-reporter-destination', '--test-concurrency', '--test-shard',
  '--title', '--redirect-warnings', '--disable-warning', '--inspect-port', '--diagnostic-dir', '--heapsnapshot-signal', '--stack-trace-limit',
  '--openssl-config', '--icu-data-dir', '--report-dir', '--report-filename', '--cpu-prof-dir', '--heap-prof-dir', '--unhandled-rejections',
  '--dns-result-order', '--experimental-config-file',
];
// A local `--test-reporter ./reporter.js` is loaded like a preload; `spec`/`dot` are built in.
const PRELOADS = ['-r', '--require', '--import', '--loader', '--experimental-loader', '--test-reporter'];

/** A module specifier that is a file rather than a package (`./setup.js`, not `dotenv/config`). */
export const isFileSpecifier = (v: Value): boolean => {
  if (v.kind === 'path') return true;
  const t = literal(v);
  return t !== null && (/^\.{0,2}\//.test(t) || /\.(m|c)?[jt]sx?$/.test(t));
};

/**
 * Options with which node does not run the entry: `--check` only parses it (node's check_syntax main
 * reads the source and compiles it, while preloads still load), and help/version print and exit.
 */
const NO_RUN = ['-c', '--check', '-h', '--help', '-v', '--version', '--v8-options'];

/** Shared by node, tsx and ts-node: preloads, `--test`, then the entry file. `noRun`: options that leave the entry unrun. */
export const nodeLike = (args: readonly Value[], spec: ArgSpec, runner: string, noRun: readonly string[] = []): Intent[] => {
  const scanned = scanArgs(args, { ...spec, stops: ['-e', '--eval', '-p', '--print', ...(spec.stops ?? [])], stopAtPositional: !args.some((a) => literal(a) === '--test') });
  const out: Intent[] = [];
  for (const option of PRELOADS) for (const v of scanned.options.get(option) ?? []) if (isFileSpecifier(v)) out.push(file(v));
  if (scanned.stopped || noRun.some((o) => scanned.options.has(o))) return out;
  if (scanned.options.has('--test')) return [...out, testRun(`${runner} --test`, scanned.positionals)];
  const entry = scanned.positionals[0];
  if (entry && literal(entry) !== '-') out.push(file(entry));
  return out;
};

/** Preloads named in a value of NODE_OPTIONS (`--require ./otel.cjs --max-old-space-size=4096`). */
export const nodeOptionPreloads = (value: Value | undefined): Intent[] => {
  const options = value === undefined ? null : literal(value);
  if (!options) return [];
  const scanned = scanArgs(options.split(/\s+/).filter((w) => w !== '').map(text), { values: NODE_VALUES });
  return PRELOADS.flatMap((o) => scanned.options.get(o) ?? []).filter(isFileSpecifier).map((v) => file(v));
};

export const node: Launcher = {
  names: ['node', 'nodejs'],
  run: (args) => nodeLike(args, { values: NODE_VALUES }, 'node', NO_RUN),
};
