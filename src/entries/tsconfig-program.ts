/**
 * Declaration files in a tsconfig's program: tsc reads every `.d.ts` its `files` and `include`
 * select (default: everything under the tsconfig's folder) minus `exclude`, so a `global.d.ts`
 * or `env.d.ts` that nothing imports is still used — by the compiler, hence tooling. That holds
 * for a declaration file that acts ambiently: one that exports nothing (a script's globals,
 * `declare module 'x'`, `export {}` with `declare global`, side-effect imports) or that augments
 * (`declare global`, `declare module '…'`) whatever else it exports. A `.d.ts` that only exports
 * (`export interface Widget`) is a module like any other: its types reach nothing unless a file
 * imports it, so being listed does not make it used (knip reports it unused too). Without the
 * file's facts it is kept. Other sources in the program are code: they must be reached by what
 * runs them, not by being listed — unless they augment (tsconfig-augmentations.ts, stop 49).
 */
import { sortedPaths } from '../util/file-index.js';
import { compileRepoGlobs } from '../util/glob.js';
import { warning } from '../util/diagnostics.js';
import { parseJsonc } from '../util/jsonc.js';
import { dirname, joinRepo } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import { isRecord } from '../manifests/json.js';
import { emptyOutput, type DetectorContext, type EntryDetector } from './types.js';

export const DECLARATION = /\.d\.[cm]?ts$/;
/** A top-level `declare global` or `declare module '…'`: declarations the compiler applies to every file. */
const AUGMENTATION = /^[ \t]*(?:export[ \t]+)?declare[ \t]+(?:global\b|module[ \t]*['"])/m;
export const TSCONFIG = /^[tj]sconfig(\.[\w.-]+)?\.json$/;

/** tsconfig's include/exclude spec → a glob: a folder name means everything below it. */
const specToGlob = (spec: string): string => {
  const clean = spec.replace(/^\.\//, '').replace(/\/$/, '');
  if (clean === '' || clean === '.') return '**/*';
  return /[*?]/.test(clean) || /\.[\w]+$/.test(clean) ? clean : `${clean}/**/*`;
};

/**
 * Whether a declaration file acts ambiently: the compiler uses it for being in the program,
 * without an import of it (it exports nothing, or it augments). Without the file's facts it is kept.
 */
export const actsAmbiently = (ctx: DetectorContext, f: string): boolean => {
  const facts = ctx.facts?.(f);
  if (facts === undefined || (facts.exportedNames === undefined && facts.hasStarImport !== true)) return true;
  return AUGMENTATION.test(ctx.manifests.text(f) ?? '');
};

/**
 * The repo's declaration files outside node_modules, sorted, found once per file set: each
 * tsconfig then looks at those below its folder, not at every file there (payload has 269
 * tsconfigs over 8,855 files, 28 of them declaration files).
 */
// Keyed by the file index's sorted list, which is rebuilt exactly when the index's is, so this
// memo needs no invalidation of its own.
const declarationsOf = new WeakMap<readonly string[], string[]>();
const declarationFiles = (files: ReadonlySet<string>): readonly string[] => {
  const sorted = sortedPaths(files);
  let paths = declarationsOf.get(sorted);
  if (!paths) {
    paths = sorted.filter((f) => DECLARATION.test(f) && !f.includes('node_modules/'));
    declarationsOf.set(sorted, paths);
  }
  return paths;
};

const strings = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : null);

const tsconfigProgram: EntryDetector = {
  id: 'tsconfig-program',
  title: 'declaration files in a tsconfig program (files, include, exclude)',
  matches: (path, name) => TSCONFIG.test(name) && !path.includes('node_modules/'),
  candidates: { extensions: ['json'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const parsed = parseJsonc(file.text);
    if (!('value' in parsed)) {
      out.diagnostics.push(warning('tsconfig-program/invalid', `not valid JSON: ${parsed.error}`, file.path, parsed.line));
      return out;
    }
    const config = parsed.value;
    if (!isRecord(config)) return out;
    const dir = dirname(file.path);
    const listed = strings(config.files) ?? [];
    const include = strings(config.include) ?? (config.files === undefined ? ['**/*'] : []);
    const options = isRecord(config.compilerOptions) ? config.compilerOptions : {};
    const exclude = strings(config.exclude) ?? ['node_modules', 'bower_components', 'jspm_packages', ...(typeof options.outDir === 'string' ? [options.outDir] : [])];
    const included = compileRepoGlobs(include.map(specToGlob));
    const excluded = compileRepoGlobs(exclude.map(specToGlob));
    const prefix = dir === '' ? '' : `${dir}/`;
    const named = new Set(listed.map((f) => joinRepo(dir, f)).filter((f): f is string => f !== null));
    for (const f of declarationFiles(ctx.files)) {
      if (!f.startsWith(prefix)) continue;
      const relative = f.slice(prefix.length);
      const field = named.has(f) ? 'files' : included(relative) && !excluded(relative) ? 'include' : null;
      if (field !== null && actsAmbiently(ctx, f)) out.entries.push(fileEntry(f, 'tooling', `${file.path} ${field}: in the TypeScript program`));
    }
    return out;
  },
};

export default tsconfigProgram;
