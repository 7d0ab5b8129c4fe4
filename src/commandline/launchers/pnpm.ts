/** `pnpm x`, `pnpm run x`, `pnpm -C dir x`, `pnpm --filter ./dir x`; `pnpm exec|dlx` run a bin. */
import { commandAfter, optionValue, scanArgs } from '../args.js';
import { type Value, literal, text } from '../value.js';
import { KNOWN_BINS } from './js-bins.js';
import { type Intent, type Launcher, argv, npmScript } from './types.js';

const BUILTINS: ReadonlySet<string> = new Set([
  'install', 'i', 'add', 'remove', 'rm', 'uninstall', 'update', 'up', 'link', 'ln', 'unlink', 'import', 'rebuild', 'rb', 'prune', 'fetch',
  'patch', 'patch-commit', 'audit', 'list', 'ls', 'outdated', 'why', 'publish', 'pack', 'store', 'root', 'bin', 'env', 'setup', 'init',
  'deploy', 'licenses', 'server', 'config', 'c', 'dedupe', 'approve-builds', 'ignored-builds', 'create', 'self-update', 'doctor', 'install-test', 'it',
]);

/** A `--filter` selector that is a folder (`./web`, `{./web}`), else null (a package name). */
const filterDir = (v: Value | undefined): Value | null => {
  const t = literal(v);
  const m = t === null ? null : /^\{?(\.{1,2}\/[^}]*)\}?$/.exec(t);
  return m ? text(m[1]) : null;
};

export const pnpm: Launcher = {
  names: ['pnpm'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: ['-C', '--dir', '--filter', '-F', '--workspace-concurrency', '--reporter', '--loglevel'], stopAtPositional: true });
    const filter = optionValue(scanned, '--filter', '-F');
    const dir = filterDir(filter) ?? optionValue(scanned, '-C', '--dir');
    const [cmd, ...rest] = [scanned.positionals[0], ...scanned.rest];
    const sub = literal(cmd);
    if (cmd === undefined || (sub !== null && BUILTINS.has(sub))) return [];
    if (sub === 'exec' || sub === 'dlx') {
      const words = commandAfter(rest, { values: ['--package'] });
      return words.length > 0 ? [argv(words, dir)] : [];
    }
    const script = sub === 'run' || sub === 'run-script' ? rest[0] : sub === 't' || sub === 'test' ? text('test') : cmd;
    if (!script) return [];
    if ((filter && !filterDir(filter)) || scanned.options.has('-r') || scanned.options.has('--recursive')) {
      return [{ kind: 'unresolved', reason: `pnpm ${filter ? `--filter ${literal(filter) ?? '?'}` : '--recursive'}: packages chosen by name, which census does not map to folders here` }];
    }
    if (sub !== 'run' && sub !== null && KNOWN_BINS.has(sub)) return [argv([cmd, ...rest], dir)];
    return [npmScript(script, dir)];
  },
};
