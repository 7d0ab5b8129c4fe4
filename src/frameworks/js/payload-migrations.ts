/**
 * Payload migrations, loaded by folder: `payload migrate` reads every `.ts`/`.js` file of the db
 * adapter's `migrationDir` except index (packages/payload/src/database/migrations/
 * readMigrationFiles.ts); without one, findMigrationDir picks `src/migrations`, `dist/migrations`
 * or `migrations` in the folder it runs from (the package). `payload migrate:create` writes the
 * folder's `index.ts`, which a config's `prodMigrations` imports. A file that sets
 * `migrationDir = path.resolve(dirname, 'migrations')` (a spec, a config) loads that folder itself.
 * Predefined migrations: getPredefinedMigration turns `--file @payloadcms/db-<x>/<name>` into
 * `<adapter>/predefinedMigrations/<name>`, so in a `@payloadcms/db-*` package each template of
 * `src/predefinedMigrations/` (one that exports `upSQL`/`downSQL`/`imports`/`dynamic`) is loaded
 * by that command.
 */
import { foldersWithPaths, pathsInDir } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { byString } from '../../util/compare.js';
import type { FrameworkContext, FrameworkEntry, ReferenceInput } from '../types.js';
import { CODE, folderLiterals, type PayloadConfig } from './payload-configs.js';
import { fileReference, jsPackages, kindOf, runEvidence, toolRun } from './support.js';
import { testRoots } from '../test-roots.js';

const MIGRATION_FILE = /\.(?:ts|js)$/;
const TEMPLATE_EXPORTS = ['upSQL', 'downSQL', 'imports', 'dynamic'];
const TEST_NAME = /\.(?:spec|test)\.[cm]?[jt]sx?$/;

/** The migration files of a folder as readMigrationFiles lists them, then its index. */
const migrationFiles = (ctx: FrameworkContext, dir: string): { files: string[]; index: string | null } => {
  const all = pathsInDir(ctx.files, dir).filter((f) => MIGRATION_FILE.test(f) && !f.endsWith('.d.ts'));
  const isIndex = (f: string): boolean => basename(f) === 'index.ts' || basename(f) === 'index.js';
  return { files: all.filter((f) => !isIndex(f)), index: all.find(isIndex) ?? null };
};

/** findMigrationDir's default for a package: src/migrations, dist/migrations, migrations (the first that exists). */
const defaultFolder = (ctx: FrameworkContext, pkgDir: string): string | null => {
  for (const sub of ['src/migrations', 'dist/migrations', 'migrations']) {
    const dir = joinRepo(pkgDir, sub);
    if (dir !== null && pathsInDir(ctx.files, dir).length > 0) return dir;
  }
  return null;
};

/** Roots for the migrations each config's `payload migrate` reads, with the kind of what runs it there. */
export const configMigrations = (ctx: FrameworkContext, configs: PayloadConfig[]): { entries: FrameworkEntry[]; references: ReferenceInput[] } => {
  const entries: FrameworkEntry[] = [];
  const references: ReferenceInput[] = [];
  const done = new Set<string>();
  for (const config of configs) {
    if (config.migrationDir) {
      // The config names its folder: whatever loads the config runs these when it migrates.
      const { files, index } = migrationFiles(ctx, config.migrationDir.path);
      const named = config.migrationDir;
      for (const f of index ? [...files, index] : files) references.push(fileReference(named.file, f, named.line, `a Payload migration in migrationDir ${named.path} (${named.file}:${named.line}), read by payload migrate`));
      continue;
    }
    if (!config.pkg) continue;
    const dir = defaultFolder(ctx, config.pkg.dir);
    if (dir === null || done.has(dir)) continue;
    done.add(dir);
    const run = toolRun(ctx, config.pkg.dir, ['payload'], { args: (args) => /^migrate(?::(?:fresh|refresh|reset|down))?$/.test(args.find((a) => !a.startsWith('-')) ?? '') });
    const why = runEvidence(run, 'payload migrate');
    const { files, index } = migrationFiles(ctx, dir);
    for (const f of files) entries.push({ source: config.file, target: f, targetKind: 'file', kind: kindOf(run), evidence: `${f} is a Payload migration in ${dir} (the default migrationDir of ${config.file}), read by ${why}` });
    if (index) entries.push({ source: config.file, target: index, targetKind: 'file', kind: kindOf(run), evidence: `${index} is the migrations index payload migrate:create writes in ${dir} (for ${config.file}'s prodMigrations), beside the migrations read by ${why}` });
  }
  return { entries, references };
};

/** Files outside configs that point the adapter at a folder (`adapter.migrationDir = path.resolve(dirname, 'migrations')` in a spec). */
export const namedMigrationDirs = (ctx: FrameworkContext, tests: readonly string[], configs: PayloadConfig[]): ReferenceInput[] => {
  const inConfigs = new Set(configs.flatMap((c) => c.files));
  const out: ReferenceInput[] = [];
  for (const file of tests) {
    if (inConfigs.has(file)) continue;
    const text = ctx.readText(file) ?? '';
    for (const named of folderLiterals(file, text, 'migrationDir', null)) {
      const { files, index } = migrationFiles(ctx, named.path);
      for (const f of index ? [...files, index] : files) out.push(fileReference(file, f, named.line, `a Payload migration in the migrationDir ${file}:${named.line} sets (${named.path}), read when it migrates`));
    }
  }
  return out;
};

/** The predefined-migration templates of the `@payloadcms/db-*` packages, by package name and migration name. */
const predefined = (ctx: FrameworkContext): Map<string, { file: string; pkg: string }> => {
  const out = new Map<string, { file: string; pkg: string }>();
  for (const pkg of jsPackages(ctx)) {
    const name = pkg.json.name;
    if (typeof name !== 'string' || !name.startsWith('@payloadcms/db-')) continue;
    for (const sub of ['src/predefinedMigrations', 'predefinedMigrations']) {
      const dir = joinRepo(pkg.dir, sub);
      if (dir === null) continue;
      for (const f of pathsInDir(ctx.files, dir)) {
        if (!CODE.test(f) || f.endsWith('.d.ts')) continue;
        const exported = ctx.facts(f)?.exportedNames ?? [];
        if (!exported.some((e) => TEMPLATE_EXPORTS.includes(e))) continue;
        const key = `${name}/${basename(f).replace(/\.[^.]+$/, '')}`;
        if (!out.has(key)) out.set(key, { file: f, pkg: pkg.manifest });
      }
    }
  }
  return out;
};

/** Predefined migrations as tooling roots: an operator runs `payload migrate:create --file …` (a spec that does too is a test, which tooling outranks). */
export const predefinedMigrations = (ctx: FrameworkContext): FrameworkEntry[] => {
  const entries: FrameworkEntry[] = [];
  for (const [key, t] of [...predefined(ctx)].sort(([a], [b]) => byString(a, b))) {
    entries.push({ source: t.pkg, target: t.file, targetKind: 'file', kind: 'tooling', evidence: `${t.file} is a Payload predefined migration, loaded by \`payload migrate:create --file ${key}\` (getPredefinedMigration reads the adapter's predefinedMigrations/<name>)` });
  }
  return entries;
};

/**
 * The test files that may point the adapter at a migrations folder of their own: test roots the
 * detectors found and `*.spec`/`*.test` files beside a folder named like `*migration*` (only
 * those are read: reading every test file would cost more than the rest of the reader).
 */
export const testFiles = (ctx: FrameworkContext): string[] => {
  // Per folder, not per file: the folders that hold files, then the files of the folders beside a
  // migrations folder (two walks of every path, a dirname and basename each, were most of it).
  const beside = new Set<string>();
  for (const dir of foldersWithPaths(ctx.files)) if (/migration/i.test(basename(dir))) beside.add(dirname(dir));
  if (beside.size === 0) return [];
  const roots = testRoots(ctx);
  const candidates = [...beside].flatMap((dir) => pathsInDir(ctx.files, dir)).sort(byString);
  return candidates.filter((f) => CODE.test(f) && !f.includes('node_modules/') && (roots.has(f) || TEST_NAME.test(f)));
};
