/**
 * `tsc -p|--project <tsconfig or folder>`, `tsc -b|--build [projects…]` (default the folder's
 * tsconfig.json): the files that tsconfig's program names (src/entries/support/tsconfig-files.ts).
 * A bare `tsc` is not followed: it names no config, and its program is whatever the folder holds.
 */
import { scanArgs } from '../args.js';
import { type Value, appendText, literal, text } from '../value.js';
import { type Intent, type Launcher, config } from './types.js';

const VALUES = ['-p', '--project', '--outDir', '--outFile', '--rootDir', '--target', '-t', '--module', '-m', '--lib', '--jsx', '--declarationDir', '--tsBuildInfoFile', '--moduleResolution', '--locale'];

/** A project argument: a tsconfig file, or a folder holding tsconfig.json. */
const tsconfigOf = (project: Value): Value => (literal(project)?.endsWith('.json') ? project : appendText(project, '/tsconfig.json'));

export const tsc: Launcher = {
  names: ['tsc', 'vue-tsc', 'tsgo'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: VALUES });
    const project = scanned.options.get('-p') ?? scanned.options.get('--project');
    if (project) return project.map((p) => config(tsconfigOf(p), 'tsconfig'));
    if (!scanned.options.has('-b') && !scanned.options.has('--build')) return [];
    if (scanned.positionals.length === 0) return [config(text('tsconfig.json'), 'tsconfig', undefined, true)];
    return scanned.positionals.map((p) => config(tsconfigOf(p), 'tsconfig'));
  },
};
