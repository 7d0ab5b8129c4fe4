/**
 * tsc without an `outDir` writes each output beside its source: `core/shared/events/index.ts` →
 * `core/shared/events/index.js`. A project that ships (or commits) those outputs loads the `.js`,
 * which is what every `require('./events')` resolves to, and the `.ts` it was compiled from looks
 * dead. Ghost's npm package is one: its tsconfig.json has `"include": ["core/**\/*.ts"]` and no
 * outDir, and both files are there. For each tsconfig that emits in place (no `outDir`, `outFile`,
 * `noEmit` or `emitDeclarationOnly`, and no `extends`, which could set them), every `.ts`/`.mts`/
 * `.cts` file its `include`/`files` take (`exclude` left out) whose `.js`/`.mjs`/`.cjs` twin is
 * beside it is referenced from that twin: the source carries its output's verdict.
 */
import { isRecord, JSONC_MANIFEST } from '../../manifests/json.js';
import { pathsWithPrefix, pathsNamedLike } from '../../util/file-index.js';
import { compileRepoGlob, isGlob } from '../../util/glob.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { fileReference } from './support.js';
import { perScan } from '../per-scan.js';

const TSCONFIG = /^tsconfig(?:\.[\w-]+)?\.json$/;
const SOURCE = /\.([cm]?)ts$/;
const EMITS = ['outDir', 'outFile', 'out', 'noEmit', 'emitDeclarationOnly'];
/** tsc's default `exclude` when a config names none. */
const DEFAULT_EXCLUDE = ['node_modules', 'bower_components', 'jspm_packages'];

interface InPlaceConfig {
  config: string;
  include: string[];
  files: string[];
  exclude: string[];
}

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null);

/** A tsconfig that emits beside the sources, or null (it sets an output place, emits nothing, or extends another). */
const inPlace = (ctx: FrameworkContext, config: string): InPlaceConfig | null => {
  const value = ctx.manifests.get(config, JSONC_MANIFEST);
  if (!isRecord(value) || 'extends' in value) return null;
  const options = isRecord(value.compilerOptions) ? value.compilerOptions : {};
  if (EMITS.some((k) => k in options && options[k] !== false)) return null;
  const files = strings(value.files) ?? [];
  const include = strings(value.include) ?? (files.length === 0 ? ['**/*'] : []);
  return { config, include, files, exclude: strings(value.exclude) ?? DEFAULT_EXCLUDE };
};

/** tsc's include/exclude pattern as a glob: a folder or a pattern without an extension takes everything below it. */
const asGlob = (pattern: string): string => {
  const clean = pattern.replace(/^\.\//, '').replace(/\/$/, '');
  if (clean === '' || clean === '.') return '**/*';
  const last = basename(clean);
  return !isGlob(last) && !last.includes('.') ? `${clean}/**/*` : clean;
};

const configs = perScan((ctx): InPlaceConfig[] =>
  pathsNamedLike(ctx.files, { stems: ['tsconfig'] }, 'sorted')
    .filter((f) => TSCONFIG.test(basename(f)) && !f.includes('node_modules/'))
    .map((f) => inPlace(ctx, f))
    .filter((c): c is InPlaceConfig => c !== null),
);

const collectConfig = (ctx: FrameworkContext, c: InPlaceConfig, out: FrameworkOutput) => {
  const dir = dirname(c.config);
  const prefix = dir === '' ? '' : `${dir}/`;
  let included: ((path: string) => boolean)[] | null = null;
  let excluded: ((path: string) => boolean)[] = [];
  const named = new Set(c.files.map((f) => joinRepo(dir, f)));
  for (const file of pathsWithPrefix(ctx.files, prefix)) {
    const m = SOURCE.exec(file);
    if (!m || file.endsWith('.d.ts') || file.includes('node_modules/')) continue;
    const twin = file.replace(SOURCE, `.${m[1]}js`);
    if (!ctx.files.has(twin)) continue;
    // Globs are compiled only for a config that has a source with its output beside it.
    included ??= c.include.map((p) => compileRepoGlob(asGlob(p)));
    excluded = excluded.length > 0 ? excluded : c.exclude.map((p) => compileRepoGlob(asGlob(p)));
    const rel = file.slice(prefix.length);
    if (!named.has(file) && (!included.some((g) => g(rel)) || excluded.some((g) => g(rel)))) continue;
    out.references.push(fileReference(twin, file, undefined, `${twin}, tsc's output of it, written beside it (${c.config} sets no outDir)`));
  }
};

const tscInPlace: FrameworkReader = {
  id: 'tsc-in-place',
  title: "tsc's outputs beside their sources (a tsconfig without outDir)",
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = configs(ctx)[0];
    return first ? `${first.config} sets no outDir: tsc writes each .js beside its .ts` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const c of configs(ctx)) collectConfig(ctx, c, out);
    return out;
  },
};

export default tscInPlace;
