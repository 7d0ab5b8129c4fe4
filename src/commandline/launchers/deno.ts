/** `deno run [flags] file.ts`, `deno test [paths]`, `deno file.ts`; remote (`https:`, `npm:`, `jsr:`) entries are not repo files. */
import { scanArgs } from '../args.js';
import { literal } from '../value.js';
import { isFileSpecifier } from './node.js';
import { type Intent, type Launcher, file, testRun } from './types.js';

const VALUES = ['-c', '--config', '--import-map', '--lock', '--cert', '--location', '--seed', '-L', '--log-level', '--ext', '--env-file', '--filter', '--reporter', '--coverage', '--shuffle'];

export const deno: Launcher = {
  names: ['deno'],
  run(args): Intent[] {
    const sub = literal(args[0]);
    const rest = sub === 'run' || sub === 'test' || sub === 'serve' ? args.slice(1) : args;
    const scanned = scanArgs(rest, { values: VALUES, stopAtPositional: sub !== 'test' });
    if (sub === 'test') return [testRun('deno test', scanned.positionals)];
    const entry = scanned.positionals[0];
    if (!entry || /^(https?|npm|jsr|data):/.test(literal(entry) ?? '')) return [];
    return (sub === 'run' || sub === 'serve' || isFileSpecifier(entry)) ? [file(entry)] : [];
  },
};
