/**
 * Which JS/TS files a package's test runner would collect, by the runner's own defaults or by
 * its config, read statically with the config-value reader (a spread of a local object, or of a
 * base config the file imports one level deep, is followed; what needs running is a warning with
 * its file and line, and the runner's defaults are used):
 *
 * - the runner comes from the nearest package.json: its dependencies (vitest, jest, mocha, @rstest/core), a
 *   runner config file beside it, or a script that runs `node --test`;
 * - vitest: `test.include`/`test.exclude` in vitest.config.* / vite.config.* (relative to `test.dir`, else
 *   `test.root` or `root` when one is given), else `**\/*.{test,spec}.?(c|m)[jt]s?(x)`;
 * - jest: `testMatch` or `testRegex` under `roots` and `rootDir` in jest.config.* or package.json
 *   "jest", else `**\/__tests__/**` and `*.{test,spec}.*`;
 * - mocha: `spec` in .mocharc.* or package.json "mocha", else test/**;
 * - ava: `files` and `extensions` in ava.config.* or package.json "ava", else ava's defaults (test.js,
 *   `*.spec.*`, `*.test.*`, `test-*`, `test/**`, `tests/**`, `__tests__/**`), never its helpers and
 *   fixtures (`test/helpers/**`, `test/fixtures/**`, `_`-prefixed files and folders);
 * - rstest: `include`/`exclude` in rstest.config.* (under its `root`), else `**\/*.{test,spec}.?(c|m)[jt]s?(x)`,
 *   never under dist/ (rstest's own excludes, which a config's `exclude` adds to);
 * - node --test (and `tsx --test`, which runs it): node's defaults (`*.test.js`, `test-*.js`, `test/**`, … and their .ts forms);
 * - karma, when no runner above is the package's and its karma.conf.* (or the config `karma start x`
 *   in its scripts names) lists `files`: nothing here
 *   (the karma reader roots what `files` serves; a spec it does not serve is not a test);
 * - no runner found: `*.test.*`, `*.spec.*` and `__tests__/**` anywhere.
 *
 * A jest or vitest config a knip config names for its plugin (`"jest": { "config":
 * ["jest.e2e.config.js"] }`) is read like the runner's own configs, for the knip workspace's
 * package; a runner's plugin a knip config turns on (`"ava": true`) is the package's runner. Configs a command names (`jest --config e2e.json`, `vitest -c x`) are the jest and
 * vitest readers' (src/frameworks/js/), which see the command lines.
 */
import { pathsInDir, sortedPaths } from '../../util/file-index.js';
import { compileRepoGlob, isGlob } from '../../util/glob.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { DetectorContext } from '../types.js';
import { knipPlugins } from '../../languages/javascript/knip-config-file.js';
import { karmaConfigsIn, karmaListsFiles, karmaOptions } from '../../languages/javascript/karma-config.js';
import { isRecord } from '../../manifests/json.js';
import { packageJsonObject } from '../../manifests/package-json.js';
import { YAML } from '../../manifests/yaml.js';
import { configAt, configStrings, fromFile, jsonConfigValue, readConfigFile, type ConfigValue } from '../../languages/javascript/config-value.js';
import { GENERIC_TESTS, JEST_DEFAULTS, JS_EXTENSIONS, RSTEST_DEFAULTS, VITEST_DEFAULTS, avaPatterns, jestPatterns, rstestPatterns, testMatcher, vitestPatterns, vitestProjects, type ReadPatterns, type TestPatterns } from '../../languages/javascript/test-runner-config.js';

export interface JsTest {
  file: string;
  config: string | null;
  evidence: string;
}

interface RunnerPatterns {
  runner: string;
  globs: string[];
  /** The file the globs come from, when not the runner's defaults. */
  config: string | null;
}

const JS_FILE = /\.(c|m)?[jt]sx?$/;
const DEFAULTS: Record<string, string[]> = {
  vitest: VITEST_DEFAULTS,
  jest: JEST_DEFAULTS,
  rstest: RSTEST_DEFAULTS,
  mocha: ['test/**/*.{js,cjs,mjs,ts}'],
  'node:test': [`**/*{.,-,_}test.${JS_EXTENSIONS}`, `**/test-*.${JS_EXTENSIONS}`, `**/test.${JS_EXTENSIONS}`, `**/test/**/*.${JS_EXTENSIONS}`],
};
const CONFIG_FILES: Record<string, RegExp> = {
  vitest: /^(vitest|vite)\.config\.[cm]?[jt]s$/,
  jest: /^jest\.config\.([cm]?[jt]s|json)$/,
  mocha: /^\.mocharc\.(js|cjs|json|jsonc|ya?ml)$/,
  ava: /^ava\.config\.(js|cjs|mjs)$/,
  rstest: /^rstest\.config\.[cm]?[jt]s$/,
};
/** The package a runner is declared by, when it is not the runner's own name. */
const RUNNER_PACKAGES: Record<string, string> = { rstest: '@rstest/core' };
/** What a config imports (`require('./jest.base')`) is tried with these endings, as Node and the runners' loaders would. */
const IMPORT_ENDINGS = ['', '.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.json'];

/** A runner's patterns for a package, with the config line they come from when it is known. */
interface Runner {
  patterns: TestPatterns;
  /** The config and key, with the line when it is known (`jest.config.js:4 testMatch`). */
  place?: string;
}

/**
 * A config's exported value. A local config it imports (`const base = require('./jest.base')`,
 * `import base from './jest.config.base'`) is read one level deep, its unread parts marked with
 * its own file; further imports are unread.
 */
const configValue = (ctx: DetectorContext, path: string, nested = false): ConfigValue | null => {
  const text = ctx.manifests.text(path);
  if (text === null) return null;
  if (/\.jsonc?$|(^|\/)\.\w+rc$/.test(path)) return jsonConfigValue(text);
  if (/\.ya?ml$/.test(path)) {
    const [y] = ctx.manifests.get(path, YAML) ?? [];
    const spec = y ? y.get(y.root, 'spec') : undefined;
    if (!y || spec === undefined) return null;
    const items = y.isSeq(spec) ? y.items(spec) : [spec];
    return { kind: 'object', line: 1, partial: false, props: new Map([['spec', { kind: 'array', line: y.lineOf(spec), items: items.map((n) => ({ kind: 'string' as const, value: y.str(n) ?? '', line: y.lineOf(n) })) }]]) };
  }
  const load = nested
    ? undefined
    : (spec: string): ConfigValue | null => {
        const base = joinRepo(dirname(path), spec);
        const file = base === null ? undefined : IMPORT_ENDINGS.map((e) => `${base}${e}`).find((f) => f !== path && ctx.files.has(f));
        const value = file === undefined ? null : configValue(ctx, file, true);
        return file === undefined || value === null ? null : fromFile(value, file);
      };
  return readConfigFile(path, text, load).value;
};

const dependsOn = (pkg: Record<string, unknown>, name: string): boolean =>
  ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((k) => isRecord(pkg[k]) && name in (pkg[k] as Record<string, unknown>));

/** ava runs TypeScript tests through @ava/typescript (configured under `typescript`). */
const usesAvaTypeScript = (pkg: Record<string, unknown>, value: ConfigValue | null): boolean => dependsOn(pkg, '@ava/typescript') || configAt(value, 'typescript') !== null;

/**
 * The package's scripts run `runner` only with a config of their own (`vitest -c config/ci.ts`,
 * `jest --config ./test/jest-e2e.json`): its default patterns collect nothing there, and the runs'
 * tests are the jest and vitest readers' (they see the command lines).
 */
const runsOnlyNamedConfigs = (pkg: Record<string, unknown>, runner: string): boolean => {
  const scripts = isRecord(pkg.scripts) ? Object.values(pkg.scripts).filter((v): v is string => typeof v === 'string') : [];
  const runs = scripts.flatMap((script) =>
    script.split(/&&|\|\||[;|\n]/).flatMap((segment) => {
      const words = segment.trim().split(/\s+/);
      const at = words.findIndex((w) => basename(w) === runner);
      return at < 0 ? [] : [words.slice(at + 1)];
    }),
  );
  return runs.length > 0 && runs.every((args) => args.some((a) => a === '-c' || a === '--config' || a.startsWith('--config=')));
};

/** A script runs node's test runner: `node --test`, or `tsx --test` / `tsx watch --test`, which hand `--test` to node with TypeScript loaded. */
const runsNodeTest = (pkg: Record<string, unknown>): boolean =>
  isRecord(pkg.scripts) && Object.values(pkg.scripts).some((s) => typeof s === 'string' && /\b(node|tsx)\b[^&|;\n]*\s--test(?![-\w])/.test(s));

/** Patterns relative to the package folder (mocha's, node's and the generic ones). */
const inPackage = (runner: string, dir: string, globs: string[], config: string | null, key: string): TestPatterns => ({ runner, config, root: dir, roots: [dir], globs, regexes: [], key });

const isJsConfig = (path: string): boolean => /\.[cm]?[jt]s$/.test(path);

/**
 * Where the key a runner's patterns came from sits: `jest.config.js:4 testMatch`, or `jest.config.js
 * testMatch from jest.base.js:2` when a base config it imports holds it; JSON keeps no positions,
 * so a JSON config is named without a line.
 */
const keyPlace = (value: ConfigValue | null, config: string, key: string): string => {
  const v = key === 'test.include' ? configAt(value, 'test', 'include') : configAt(value, key);
  if (v?.file) return `${config} ${key} from ${v.file}${isJsConfig(v.file) ? `:${v.line}` : ''}`;
  return v && isJsConfig(config) ? `${config}:${v.line} ${key}` : `${config} ${key}`;
};

/** One runner's reading of one config: what could not be read is a warning naming file and line. */
const fromConfig = (read: ReadPatterns, value: ConfigValue | null, config: string, diagnostics: Diagnostic[]): Runner => {
  const seen = new Set<string>();
  for (const u of read.unread) {
    const where = u.file ?? config;
    if (seen.has(`${where}:${u.line}`)) continue;
    seen.add(`${where}:${u.line}`);
    diagnostics.push(warning('tests/config-not-static', `${read.patterns.runner} ${u.key}${u.file ? ` (read for ${config})` : ''} is computed, not read: ${u.text}; census uses what it can read, else ${read.patterns.runner}'s defaults`, where, u.line));
  }
  for (const r of read.refused) diagnostics.push(warning('tests/regex-refused', `${read.patterns.runner} testRegex "${r.text.slice(0, 80)}" is not compiled: it could backtrack without end`, config, r.line));
  return { patterns: read.patterns, place: read.patterns.key === 'defaults' ? config : keyPlace(value, config, read.patterns.key) };
};

interface Package {
  dir: string;
  runners: Runner[];
  /** The runs of vitest projects its configs declare, which reach into nested packages; `complete` when every entry was read. */
  projectRuns: (Runner & { complete: boolean })[];
}

/** The folders a jest `projects` string names (`<rootDir>/packages/*`, `./api`): those holding a jest config or a package.json. */
const projectFolders = (ctx: DetectorContext, root: string, spec: string): string[] => {
  const folder = joinRepo(root, spec.replace(/^<rootDir>\/?/, '').replace(/\/+$/, '') || '.');
  if (folder === null) return [];
  if (!isGlob(folder)) return [folder];
  const match = compileRepoGlob(folder);
  const dirs = new Set(sortedPaths(ctx.files).filter((f) => (CONFIG_FILES.jest.test(basename(f)) || basename(f) === 'package.json') && !f.includes('node_modules/')).map(dirname));
  return [...dirs].filter((d) => match(d));
};

/**
 * The runs a jest config makes: its own patterns, or with `projects`, each project's — an inline
 * object, or a folder with its own jest.config (else jest's defaults there) — as jest runs the
 * projects instead of the top-level patterns. rootDir is relative to each config's folder.
 */
const jestRuns = (ctx: DetectorContext, value: ConfigValue | null, config: string, diagnostics: Diagnostic[]): Runner[] => {
  const own = fromConfig(jestPatterns(value, config, dirname(config)), value, config, diagnostics);
  const projects = configAt(value, 'projects');
  if (projects?.kind !== 'array') return [own];
  const runs: Runner[] = [];
  for (const p of projects.items) {
    if (p.kind === 'object') runs.push({ ...fromConfig(jestPatterns(p, config, dirname(config)), p, config, diagnostics), place: `${config}:${p.line} projects` });
    else if (p.kind === 'string') {
      for (const folder of projectFolders(ctx, own.patterns.root, p.value)) {
        const projectConfig = pathsInDir(ctx.files, folder).find((f) => CONFIG_FILES.jest.test(basename(f)));
        const projectValue = projectConfig === undefined || projectConfig === config ? null : configValue(ctx, projectConfig);
        const read = jestPatterns(projectValue, projectConfig ?? config, folder);
        runs.push(projectConfig && projectConfig !== config ? fromConfig(read, projectValue, projectConfig, diagnostics) : { patterns: read.patterns, place: `${config}:${p.line} projects "${p.value}"` });
      }
    }
  }
  // A project on jest's defaults is still a run of its own: it must not give way to another project's patterns.
  return runs.length > 0 ? runs.map((r) => (r.patterns.key === 'defaults' ? { ...r, patterns: { ...r.patterns, key: 'projects' } } : r)) : [own];
};

/** The runs of a vitest config and whether its `test.projects` were all read (none computed). */
interface VitestRuns {
  runs: Runner[];
  /** The config declares projects and census read every entry: its runs are all vitest runs from it. */
  complete: boolean;
}

/**
 * The runs a vitest config makes: its own `test.include`, or with `test.projects` (or the older
 * `test.workspace`), each project's — an inline object with its own include/exclude/root/dir, or a
 * string naming folders or config files — as a config that declares projects runs none itself
 * (vitest docs, config/projects). A project census cannot read is a warning, and the config's own
 * patterns stay as a run beside the projects it could read.
 */
const vitestRuns = (ctx: DetectorContext, value: ConfigValue | null, config: string, dir: string, diagnostics: Diagnostic[], depth = 0): VitestRuns => {
  const own = fromConfig(vitestPatterns(value, config, dir), value, config, diagnostics);
  const projects = configAt(value, 'test', 'projects') ?? configAt(value, 'test', 'workspace');
  if (projects === null || depth > 1) return { runs: [own], complete: false };
  const runs: Runner[] = [];
  let computed = false;
  // The entries as test-runner-config.ts reads them (the vitest reader reads the same ones for their setup files).
  for (const p of vitestProjects(ctx.files, projects, config, dir)) {
    if (p.kind === 'inline') {
      const read = fromConfig(vitestPatterns(p.value, config, dir), p.value, config, diagnostics);
      runs.push(read.patterns.key === 'defaults' ? { patterns: { ...read.patterns, key: 'projects' }, place: `${config}:${p.line} projects` } : read);
    } else if (p.kind === 'paths') {
      for (const c of p.configs) runs.push(...vitestRuns(ctx, configValue(ctx, c), c, dirname(c), diagnostics, depth + 1).runs);
      for (const { folder, config: inner } of p.folders) {
        if (inner !== null) runs.push(...vitestRuns(ctx, configValue(ctx, inner), inner, folder, diagnostics, depth + 1).runs);
        else runs.push({ patterns: { ...vitestPatterns(null, null, folder).patterns, config, key: 'projects' }, place: `${config}:${p.line} projects "${p.spec}"` });
      }
    } else {
      computed = true;
      diagnostics.push(warning('tests/config-not-static', `vitest test.projects entry is computed, not read: ${p.text}; census keeps ${config}'s own patterns for the files no read project collects`, config, p.line));
    }
  }
  // A project on vitest's defaults is a run of its own, not one that gives way to another's patterns.
  const fixed = runs.map((r) => (r.patterns.key === 'defaults' ? { ...r, patterns: { ...r.patterns, key: 'projects' } } : r));
  // The config's own patterns stay for what no read project collects, marked so they do not give way to the projects'.
  if (computed) return { runs: [...fixed, own.patterns.key === 'defaults' ? { patterns: { ...own.patterns, key: 'projects' }, place: config } : own], complete: false };
  return { runs: fixed, complete: true };
};

/** Configs a knip config names for a runner's plugin (`"jest": { "config": [...] }`), by workspace folder and runner. */
type KnipConfigs = Map<string, { config: string; source: string }[]>;

/** Configs a knip config names for the jest and vitest plugins, and the runners it turns on (`"ava": true`), by folder and runner. */
const knipByDir = (ctx: DetectorContext): { configs: KnipConfigs; enabled: Set<string> } => {
  const configs: KnipConfigs = new Map();
  const knip = knipPlugins(ctx.files, ctx.manifests.text, ['jest', 'vitest', 'mocha', 'ava']);
  for (const k of knip.configs.filter((c) => c.plugin === 'jest' || c.plugin === 'vitest')) {
    const key = `${k.dir}\0${k.plugin}`;
    (configs.get(key) ?? configs.set(key, []).get(key)!).push({ config: k.config, source: k.source });
  }
  const enabled = new Set(knip.enabled.map((k) => `${k.dir}\0${k.plugin}`));
  return { configs, enabled };
};

const readPackage = (dir: string, ctx: DetectorContext, diagnostics: Diagnostic[], knip: { configs: KnipConfigs; enabled: Set<string> }): Package => {
  const pkgPath = joinRepo(dir, 'package.json') ?? 'package.json';
  // A broken package.json is reported by the store; here it just names no runner.
  const pkg: Record<string, unknown> = packageJsonObject(ctx.manifests, pkgPath) ?? {};
  const siblings = pathsInDir(ctx.files, dir);
  const runners: Runner[] = [];
  const projectRuns: Package['projectRuns'] = [];
  for (const runner of ['vitest', 'jest', 'mocha', 'ava', 'rstest', 'node:test']) {
    const fromKnip = knip.configs.get(`${dir}\0${runner}`) ?? [];
    const configs = [...new Set([...siblings.filter((f) => CONFIG_FILES[runner]?.test(basename(f))), ...fromKnip.map((k) => k.config)])];
    const inPkg = runner !== 'node:test' && runner !== 'rstest' ? pkg[runner] : undefined;
    const used = runner === 'node:test' ? runsNodeTest(pkg) : dependsOn(pkg, RUNNER_PACKAGES[runner] ?? runner) || configs.length > 0 || isRecord(inPkg) || knip.enabled.has(`${dir}\0${runner}`);
    if (!used) continue;
    if ((runner === 'jest' || runner === 'vitest') && configs.length === 0 && !isRecord(inPkg) && runsOnlyNamedConfigs(pkg, runner)) {
      // Still this package's runner (the generic names must not apply), with nothing of its own to collect.
      runners.push({ patterns: inPackage(runner, dir, [], null, 'defaults') });
      continue;
    }
    const found: Runner[] = [];
    for (const config of configs) {
      const value = configValue(ctx, config);
      const named = fromKnip.find((k) => k.config === config);
      const before = found.length;
      if (runner === 'vitest') {
        // A vite.config without a `test` key says nothing about tests.
        if (configAt(value, 'test') !== null) {
          const read = vitestRuns(ctx, value, config, dir, diagnostics);
          found.push(...read.runs);
          if (configAt(value, 'test', 'projects') ?? configAt(value, 'test', 'workspace')) projectRuns.push(...read.runs.map((r) => ({ ...r, complete: read.complete })));
        }
      } else if (runner === 'jest') found.push(...jestRuns(ctx, value, config, diagnostics));
      else if (runner === 'rstest') found.push(fromConfig(rstestPatterns(value, config, dir), value, config, diagnostics));
      else if (runner === 'ava') found.push(fromConfig(avaPatterns(value, config, dir, usesAvaTypeScript(pkg, value)), value, config, diagnostics));
      else if (runner === 'mocha') {
        const spec = configStrings(configAt(value, 'spec'));
        if (spec.strings.length > 0 || spec.unknown.length > 0) {
          const read: ReadPatterns = { patterns: inPackage('mocha', dir, spec.strings.map((s) => s.value.replace(/^\.\//, '')), config, 'spec'), unread: spec.unknown.map((u) => ({ ...u, key: 'spec' })), refused: [] };
          if (spec.strings.length === 0) read.patterns.globs = DEFAULTS.mocha;
          found.push(fromConfig(read, value, config, diagnostics));
        }
      }
      // A config only a knip config names says so in the evidence.
      if (named && found.length > before) {
        const r = found[found.length - 1];
        r.place = `${r.place ?? config}, named in ${named.source}`;
      }
    }
    if (runner === 'ava' && found.length === 0) {
      const value = isRecord(inPkg) ? jsonConfigValue(JSON.stringify(inPkg)) : null;
      found.push({ patterns: avaPatterns(value, isRecord(inPkg) ? pkgPath : null, dir, usesAvaTypeScript(pkg, value)).patterns });
    } else if (isRecord(inPkg) && runner === 'jest') {
      found.push(...jestRuns(ctx, jsonConfigValue(JSON.stringify(inPkg)), pkgPath, []));
    } else if (isRecord(inPkg) && runner === 'mocha') {
      const spec = inPkg.spec;
      const globs = (typeof spec === 'string' ? [spec] : Array.isArray(spec) ? spec : []).filter((g): g is string => typeof g === 'string');
      if (globs.length > 0) found.push({ patterns: inPackage('mocha', dir, globs.map((g) => g.replace(/^\.\//, '')), pkgPath, 'spec') });
    }
    // Configs that name their own patterns win over the defaults (each is a run of its own: jest.config.js and a
    // jest.e2e.config.js a knip config names); the package.json key after the files beside it, as jest and mocha read them.
    const own = found.filter((r) => r.patterns.key !== 'defaults');
    runners.push(...(own.length > 0 ? own : found.length > 0 ? [found[0]] : [{ patterns: inPackage(runner, dir, DEFAULTS[runner] ?? [], null, 'defaults') }]));
  }
  // With no other runner, a karma config that lists its `files` says which spec files run: they are
  // the karma reader's (src/frameworks/js/karma.ts), and a spec outside basePath or excluded is not a test.
  const karma = runners.length === 0 ? karmaListing(ctx, dir, pkg) : null;
  if (karma !== null) runners.push({ patterns: inPackage('karma', dir, [], karma, 'files') });
  return { dir, runners, projectRuns };
};

/**
 * The karma config that lists the files karma serves, if any: beside the package.json, in its
 * .config/, or named by `karma start <config>` in its scripts.
 */
const karmaListing = (ctx: DetectorContext, dir: string, pkg: Record<string, unknown>): string | null => {
  const scripts = isRecord(pkg.scripts) ? Object.values(pkg.scripts).filter((v): v is string => typeof v === 'string') : [];
  const started = scripts.flatMap((script) =>
    script.split(/&&|\|\||[;|\n]/).flatMap((segment) => {
      const words = segment.trim().split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
      const at = words.findIndex((w) => basename(w) === 'karma');
      const named = at >= 0 && words[at + 1] === 'start' && words[at + 2] && !words[at + 2].startsWith('-') ? joinRepo(dir, words[at + 2]) : null;
      return named !== null && ctx.files.has(named) ? [named] : [];
    }),
  );
  const configs = karmaConfigsIn(ctx.files, dir);
  configs.push(...started);
  for (const config of configs) {
    const text = ctx.manifests.text(config);
    if (text !== null && karmaListsFiles(karmaOptions(config, text).value)) return config;
  }
  return null;
};

/** The folder of the nearest package.json at or above `folder`. */
const nearestPackageDir = (ctx: DetectorContext, folder: string): string | null => {
  const pkg = ctx.manifests.nearest(folder, 'package.json');
  return pkg === null ? null : dirname(pkg);
};

/** The folder a glob's fixed leading segments name (`packages/**\/*.spec.ts` → `packages`). */
const globFolder = (root: string, glob: string): string | null => {
  const fixed: string[] = [];
  for (const segment of glob.split('/').slice(0, -1)) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    fixed.push(segment);
  }
  return joinRepo(root, fixed.join('/') || '.');
};

const inside = (file: string, folder: string): boolean => folder === '' || file === folder || file.startsWith(`${folder}/`);

/** Some include glob of the run can take a file under `dir` (excludes aside). */
const reaches = (p: TestPatterns, dir: string): boolean =>
  p.globs.some((g) => {
    if (g.startsWith('!')) return false;
    const folder = globFolder(p.root, g);
    return folder !== null && (inside(dir, folder) || inside(folder, dir));
  });

/** "jest discovery (jest.config.js:4 testMatch): src/**\/*.test.ts" */
const evidenceOf = (r: Runner, pattern: string, pkgDir: string): string => {
  const { runner, config, key, root } = r.patterns;
  const name = runner === 'test' ? 'test file' : runner;
  const where = config === null ? '' : ` (${r.place ?? (key === 'defaults' ? config : `${config} ${key}`)})`;
  // Globs are relative to the runner's root (jest's rootDir, vitest's root): named when it is not the package's folder.
  const under = root !== pkgDir && !pattern.startsWith('/') ? (root === '' ? ' from the repo root' : ` under ${root}/`) : '';
  return `${name} discovery${where}: ${pattern}${under}`;
};

export const jsTests = (ctx: DetectorContext): { tests: JsTest[]; diagnostics: Diagnostic[] } => {
  const diagnostics: Diagnostic[] = [];
  const packages = new Map<string, Package>();
  const knip = knipByDir(ctx);
  const match = testMatcher((reason) => diagnostics.push(warning('entry/glob-refused', reason)));
  const tests: JsTest[] = [];
  const GENERIC_RUN = (d: string): Runner[] => [{ patterns: inPackage('test', d, GENERIC_TESTS, null, 'defaults') }];
  const packageAt = (d: string): Package => {
    let p = packages.get(d);
    if (!p) packages.set(d, (p = readPackage(d, ctx, diagnostics, knip)));
    return p;
  };
  const runsByDir = new Map<string, Runner[]>();
  /**
   * A package's runs in the order they are tried: its own configs' runs, then the vitest projects
   * of the packages above it (a root vitest.config whose `unit` project takes `packages/**\/*.spec.ts`
   * runs the tests of packages with no runner of their own), then its runners' defaults, then the
   * generic names — unless a project above reaches into its folder: vitest collects there only
   * what a project takes, so the generic names do not apply.
   */
  const runsFor = (d: string, pkg: Package): Runner[] => {
    const known = runsByDir.get(d);
    if (known) return known;
    const above: Package['projectRuns'] = [];
    for (let up = d === '' ? null : nearestPackageDir(ctx, dirname(d)); up !== null; up = up === '' ? null : nearestPackageDir(ctx, dirname(up))) {
      above.push(...packageAt(up).projectRuns.filter((r) => reaches(r.patterns, d)));
    }
    const explicit = pkg.runners.filter((r) => r.patterns.config !== null);
    const defaults = pkg.runners.filter((r) => r.patterns.config === null);
    // A project census could not read may take the rest: the generic names stay after the read ones.
    const covered = above.some((r) => r.complete);
    // Under a complete project set the test-file names (`*.spec.js` no project takes) say nothing, but a `__tests__` folder's
    // other files stay: they are the collected tests' fixtures and helpers (payload's typescript-plugin spec loads
    // __tests__/fixtures/components/*.tsx through the TypeScript language service, by path strings).
    const generic = pkg.runners.length > 0 ? [] : covered ? [{ patterns: inPackage('test', d, [GENERIC_TESTS[1]], null, 'defaults') }] : GENERIC_RUN(d);
    const runs = above.length === 0 ? (pkg.runners.length > 0 ? pkg.runners : GENERIC_RUN(d)) : [...explicit, ...above, ...defaults, ...generic];
    runsByDir.set(d, runs);
    return runs;
  };
  // The nearest package depends on the file's folder alone, and a folder's files come together
  // (the store's memo would hash each file's folder, a new string, again).
  let lastFolder: string | null = null;
  let dir: string | null = null;
  for (const file of ctx.files) {
    if (!JS_FILE.test(file) || file.endsWith('.d.ts')) continue;
    const folder = dirname(file);
    if (folder !== lastFolder) {
      lastFolder = folder;
      dir = nearestPackageDir(ctx, folder);
    }
    const runners = dir === null ? GENERIC_RUN('') : runsFor(dir, packageAt(dir));
    for (const r of runners) {
      const pattern = match(r.patterns, file);
      if (!pattern) continue;
      tests.push({ file, config: r.patterns.config, evidence: evidenceOf(r, pattern, dir ?? '') });
      break;
    }
  }
  return { tests, diagnostics };
};
