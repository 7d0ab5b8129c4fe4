/**
 * `yarn x`, `yarn run x`, `yarn --cwd dir x`; `yarn node|exec|dlx …` run a command. `yarn workspace
 * <name> x` runs x in the workspace of that name, `yarn workspaces foreach … x` (`yarn workspaces run x`
 * in yarn 1) in every workspace: the packages are found against the repo's workspace later
 * (graph/workspace-selection.ts).
 */
import { commandAfter, optionValue, scanArgs } from '../args.js';
import type { WorkspaceSelection } from '../types.js';
import { type Value, literal } from '../value.js';
import { KNOWN_BINS } from './js-bins.js';
import { type Intent, type Launcher, argv, npmScript, workspaceRun } from './types.js';

const BUILTINS: ReadonlySet<string> = new Set([
  'install', 'add', 'remove', 'upgrade', 'up', 'init', 'info', 'why', 'workspaces', 'config', 'cache', 'global', 'link', 'unlink', 'pack',
  'publish', 'login', 'logout', 'set', 'plugin', 'version', 'audit', 'outdated', 'list', 'import', 'bin', 'constraints', 'dedupe', 'patch',
  'npm', 'rebuild', 'autoclean', 'check', 'licenses', 'owner', 'tag', 'team', 'policies', 'help', 'create', 'generate-lock-entry', 'explain',
]);

/** Options of `yarn workspaces foreach` that take a value. */
const FOREACH_VALUES = ['--include', '--exclude', '--from', '-j', '--jobs', '--since'];

/** What `yarn <args>` runs, in the folder `dir` names. */
const yarnRun = (args: readonly Value[]): Intent[] => {
  const scanned = scanArgs(args, { values: ['--cwd', '--modules-folder', '--cache-folder', '--mutex', '--network-timeout'], stopAtPositional: true });
  const dir = optionValue(scanned, '--cwd');
  const [cmd, ...rest] = [scanned.positionals[0], ...scanned.rest];
  const sub = literal(cmd);
  if (sub === 'workspace' && rest[0]) return inPackages({ by: 'selectors', selectors: [rest[0]] }, rest.slice(1), dir);
  if (sub === 'workspaces') {
    const verb = literal(rest[0]);
    if (verb === 'foreach') return inPackages({ by: 'all', includeRoot: false }, commandAfter(rest.slice(1), { values: FOREACH_VALUES }), dir);
    if (verb === 'run') return inPackages({ by: 'all', includeRoot: false }, rest, dir);
    return [];
  }
  if (cmd === undefined || (sub !== null && BUILTINS.has(sub))) return [];
  if (sub === 'node') return [argv([cmd, ...rest], dir)];
  if (sub === 'exec' || sub === 'dlx') {
    const words = commandAfter(rest, { values: ['-p', '--package'] });
    return words.length > 0 ? [argv(words, dir)] : [];
  }
  if (sub === 'run') return rest[0] ? [npmScript(rest[0], dir, rest.slice(1))] : [];
  if (sub !== null && KNOWN_BINS.has(sub)) return [argv([cmd, ...rest], dir)];
  return [npmScript(cmd, dir, rest)];
};

/** The yarn command `args` run in each package `select` picks: its scripts and commands, not its own folder. */
const inPackages = (select: WorkspaceSelection<Value>, args: readonly Value[], dir: Value | undefined): Intent[] =>
  yarnRun(args).flatMap((intent): Intent[] => {
    if (intent.kind === 'npm-script') return [workspaceRun('yarn', select, { script: intent.name }, dir)];
    if (intent.kind === 'argv') return [workspaceRun('yarn', select, { command: intent.argv }, dir)];
    return [intent];
  });

export const yarn: Launcher = {
  names: ['yarn'],
  run: (args): Intent[] => yarnRun(args),
};
