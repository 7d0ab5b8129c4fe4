/**
 * `pnpm x`, `pnpm run x`, `pnpm -C dir x`; `pnpm exec|dlx` run a bin. `pnpm --filter <selector>`,
 * `-r` and `-w` run the script (or `exec` command) in the workspace packages they pick: which
 * ones is decided against the repo's workspace later (graph/workspace-selection.ts).
 */
import { commandAfter, optionValue, scanArgs } from '../args.js';
import type { WorkspaceSelection } from '../types.js';
import { type Value, literal, text } from '../value.js';
import { KNOWN_BINS } from './js-bins.js';
import { type Intent, type Launcher, argv, npmScript, workspaceRun } from './types.js';

const BUILTINS: ReadonlySet<string> = new Set([
  'install', 'i', 'add', 'remove', 'rm', 'uninstall', 'update', 'up', 'link', 'ln', 'unlink', 'import', 'rebuild', 'rb', 'prune', 'fetch',
  'patch', 'patch-commit', 'audit', 'list', 'ls', 'outdated', 'why', 'publish', 'pack', 'store', 'root', 'bin', 'env', 'setup', 'init',
  'deploy', 'licenses', 'server', 'config', 'c', 'dedupe', 'approve-builds', 'ignored-builds', 'create', 'self-update', 'doctor', 'install-test', 'it',
]);

const VALUES = ['-C', '--dir', '--filter', '-F', '--filter-prod', '--workspace-concurrency', '--reporter', '--loglevel', '--changed-files-ignore-pattern', '--test-pattern'];

export const pnpm: Launcher = {
  names: ['pnpm'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: VALUES, stopAtPositional: true });
    const has = (...names: string[]): boolean => names.some((n) => scanned.options.has(n));
    const dir = optionValue(scanned, '-C', '--dir');
    const filters = ['--filter', '-F', '--filter-prod'].flatMap((o) => scanned.options.get(o) ?? []);
    const select: WorkspaceSelection<Value> | null =
      filters.length > 0 ? { by: 'selectors', selectors: filters }
      : has('-r', '--recursive') ? { by: 'all', includeRoot: has('--include-workspace-root') }
      : has('-w', '--workspace-root') ? { by: 'root' }
      : null;
    const [cmd, ...rest] = [scanned.positionals[0], ...scanned.rest];
    const sub = literal(cmd);
    if (cmd === undefined || (sub !== null && BUILTINS.has(sub))) return [];
    if (sub === 'exec' || sub === 'dlx') {
      const words = commandAfter(rest, { values: ['--package'] });
      if (words.length === 0) return [];
      return [select && sub === 'exec' ? workspaceRun('pnpm', select, { command: words }, dir) : argv(words, dir)];
    }
    const script = sub === 'run' || sub === 'run-script' ? rest[0] : sub === 't' || sub === 'test' ? text('test') : cmd;
    if (!script) return [];
    const bin = sub !== 'run' && sub !== null && KNOWN_BINS.has(sub);
    if (select) return [bin ? workspaceRun('pnpm', select, { command: [cmd, ...rest] }, dir) : workspaceRun('pnpm', select, { script }, dir)];
    if (bin) return [argv([cmd, ...rest], dir)];
    return [npmScript(script, dir, sub === 'run' || sub === 'run-script' ? rest.slice(1) : sub === 't' || sub === 'test' ? [] : rest)];
  },
};
