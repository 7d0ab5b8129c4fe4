/** `yarn x`, `yarn run x`, `yarn --cwd dir x`; `yarn node|exec|dlx …` run a command; `yarn workspace <name> x` names a package, not a folder. */
import { commandAfter, optionValue, scanArgs } from '../args.js';
import { literal } from '../value.js';
import { KNOWN_BINS } from './js-bins.js';
import { type Intent, type Launcher, argv, npmScript } from './types.js';

const BUILTINS: ReadonlySet<string> = new Set([
  'install', 'add', 'remove', 'upgrade', 'up', 'init', 'info', 'why', 'workspaces', 'config', 'cache', 'global', 'link', 'unlink', 'pack',
  'publish', 'login', 'logout', 'set', 'plugin', 'version', 'audit', 'outdated', 'list', 'import', 'bin', 'constraints', 'dedupe', 'patch',
  'npm', 'rebuild', 'autoclean', 'check', 'licenses', 'owner', 'tag', 'team', 'policies', 'help', 'create', 'generate-lock-entry', 'explain',
]);

export const yarn: Launcher = {
  names: ['yarn'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: ['--cwd', '--modules-folder', '--cache-folder', '--mutex', '--network-timeout'], stopAtPositional: true });
    const dir = optionValue(scanned, '--cwd');
    const [cmd, ...rest] = [scanned.positionals[0], ...scanned.rest];
    const sub = literal(cmd);
    if (cmd === undefined || (sub !== null && BUILTINS.has(sub))) return [];
    if (sub === 'workspace') return [{ kind: 'unresolved', reason: `yarn workspace ${literal(rest[0]) ?? '?'}: a workspace name, which census does not map to a folder here` }];
    if (sub === 'node') return [argv([cmd, ...rest], dir)];
    if (sub === 'exec' || sub === 'dlx') {
      const words = commandAfter(rest, { values: ['-p', '--package'] });
      return words.length > 0 ? [argv(words, dir)] : [];
    }
    if (sub === 'run') return rest[0] ? [npmScript(rest[0], dir)] : [];
    if (sub !== null && KNOWN_BINS.has(sub)) return [argv([cmd, ...rest], dir)];
    return [npmScript(cmd, dir)];
  },
};
