/** `bun [run] file.ts | script`, `bun test [paths]`, `bun x tool`: a file-like target is a file, anything else a package.json script. */
import { optionValue, scanArgs } from '../args.js';
import { type Value, literal } from '../value.js';
import { isFileSpecifier } from './node.js';
import { type Intent, type Launcher, argv, file, npmScript, testRun } from './types.js';

const VALUES = ['-r', '--preload', '--cwd', '--env-file', '--config', '-c', '--tsconfig-override', '--filter', '-F', '--conditions', '--main-fields', '--port', '--define', '-d', '--loader', '-l', '--timeout', '-t', '--test-name-pattern', '--shell'];
const NOT_RUNNERS: ReadonlySet<string> = new Set(['install', 'i', 'add', 'a', 'remove', 'rm', 'update', 'outdated', 'link', 'unlink', 'pm', 'build', 'init', 'create', 'upgrade', 'publish', 'patch', 'audit', 'info', 'repl', 'completions', 'help']);

export const bun: Launcher = {
  names: ['bun'],
  run(args, _name, env): Intent[] {
    const scanned = scanArgs(args, { values: VALUES, stopAtPositional: true });
    const dir = optionValue(scanned, '--cwd');
    const [first, ...rest] = [scanned.positionals[0], ...scanned.rest];
    const sub = literal(first);
    if (first === undefined || (sub !== null && NOT_RUNNERS.has(sub))) return [];
    if (sub === 'test') return [testRun('bun test', scanArgs(rest, { values: VALUES }).positionals, dir)];
    if (sub === 'x') return rest.length > 0 ? [argv(rest, dir)] : [];
    if (sub === 'run') return bun.run(rest, 'bun', env).map((i) => withDir(i, dir));
    return [isFileSpecifier(first) ? file(first, dir) : npmScript(first, dir)];
  },
};

const withDir = (intent: Intent, dir: Value | undefined): Intent =>
  dir && (intent.kind === 'file' || intent.kind === 'npm-script' || intent.kind === 'test-run' || intent.kind === 'argv') && !intent.dir ? { ...intent, dir } : intent;
