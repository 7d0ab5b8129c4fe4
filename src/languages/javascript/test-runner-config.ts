/**
 * What a JS test runner's config says it collects, read from a config value (config-value.ts),
 * never run: jest's `rootDir`, `roots`, `testMatch` and `testRegex`, vitest's `root` and
 * `test.include`/`test.exclude`. Test discovery (entries/support/js-test-discovery.ts) asks it for
 * the configs beside a package.json, the jest and vitest readers for the configs a command line
 * names (`jest --config test/jest-e2e.json`, `vitest -c sub/vitest.config.ts`). What cannot be
 * read is returned as unread parts (file and line) for the caller to warn about.
 */
import { compileRepoGlob, isGlob } from '../../util/glob.js';
import { safeRegExp } from '../../util/safe-regex.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { pathsWithPrefix, sortedPaths } from '../../util/file-index.js';
import { configAt, configStrings, type ConfigValue } from './config-value.js';

export interface Unread {
  line: number;
  text: string;
  /** The file the part is in, when it is not the config itself (an imported base config). */
  file?: string;
  /** The option it belongs to (`testMatch`, `test.include`). */
  key: string;
}

/** The files a runner collects under one config: a file is a test when it is under a root and matches a glob or a regex. */
export interface TestPatterns {
  runner: string;
  /** The file the patterns come from; null for the runner's defaults. */
  config: string | null;
  /** The folder globs are relative to (jest's rootDir, vitest's root). */
  root: string;
  /** The folders searched (jest's `roots`); [root] unless the config says otherwise. */
  roots: string[];
  /** Globs relative to `root`; a `!glob` excludes. */
  globs: string[];
  /** jest's testRegex, matched against `/` + the repo path (jest matches the absolute path). */
  regexes: string[];
  /** The config key the patterns come from, for evidence (`testMatch`, `test.include`, `defaults`). */
  key: string;
  /** Only files with one of these extensions (ava's `extensions`); any code file when absent. */
  extensions?: string[];
}

export interface ReadPatterns {
  patterns: TestPatterns;
  unread: Unread[];
  /** Patterns census will not compile (a regex that could backtrack without end), with why. */
  refused: { line: number; text: string }[];
}

export const JEST_DEFAULTS = ['**/__tests__/**/*.?([mc])[jt]s?(x)', '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'];
export const VITEST_DEFAULTS = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];

const unreadOf = (v: ConfigValue | null, key: string): Unread[] => configStrings(v).unknown.map((u) => ({ ...u, key }));

/** `<rootDir>/x`, `./x`, `x` → a repo folder; null outside the repo. */
const folderOf = (rootDir: string, value: string): string | null =>
  joinRepo(rootDir, value.replace(/^<rootDir>\/?/, '').replace(/\/+$/, '') || '.');

/**
 * jest's options in a config value. `configDir` is the folder of the file that holds them (a
 * package.json's for its "jest" key): rootDir is relative to it and defaults to it.
 */
export const jestPatterns = (value: ConfigValue | null, config: string | null, configDir: string): ReadPatterns => {
  const unread: Unread[] = [];
  const refused: { line: number; text: string }[] = [];
  const rootDirValue = configAt(value, 'rootDir');
  if (rootDirValue?.kind === 'unknown') unread.push(...unreadOf(rootDirValue, 'rootDir'));
  const root = rootDirValue?.kind === 'string' ? (joinRepo(configDir, rootDirValue.value.replace(/\/+$/, '') || '.') ?? configDir) : configDir;
  const rootsValue = configAt(value, 'roots');
  const roots = configStrings(rootsValue);
  unread.push(...unreadOf(rootsValue, 'roots'));
  const rootFolders = roots.strings.map((s) => folderOf(root, s.value)).filter((f): f is string => f !== null);
  const match = configAt(value, 'testMatch');
  const regex = configAt(value, 'testRegex');
  const globs = configStrings(match);
  unread.push(...unreadOf(match, 'testMatch'));
  const regexes: string[] = [];
  const visit = (v: ConfigValue) => {
    if (v.kind === 'string' || v.kind === 'regex') {
      const source = v.kind === 'string' ? v.value : v.source;
      if (safeRegExp(source) === null) refused.push({ line: v.line, text: source });
      else regexes.push(source);
    } else if (v.kind === 'array') v.items.forEach(visit);
    else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text, key: 'testRegex', ...(v.file ? { file: v.file } : {}) });
  };
  if (regex) visit(regex);
  const fromGlobs = globs.strings.map((s) => s.value.replace(/^(!?)<rootDir>\//, '$1').replace(/^(!?)\.\//, '$1'));
  // Neither key read: jest's own defaults, still under the config's rootDir and roots.
  const given = fromGlobs.length > 0 || regexes.length > 0;
  const key = fromGlobs.length > 0 ? 'testMatch' : regexes.length > 0 ? 'testRegex' : 'defaults';
  return {
    patterns: {
      runner: 'jest',
      config,
      root,
      roots: rootsValue && rootFolders.length > 0 ? rootFolders : [root],
      globs: given ? fromGlobs : JEST_DEFAULTS,
      regexes,
      key,
    },
    unread,
    refused,
  };
};

/**
 * vitest's `test.include` (and `test.exclude`) in a vitest/vite config value, relative to the
 * folder it scans: `test.dir`, else the project root — `test.root`, else the config's top-level
 * `root`, else `rootDir` (the config's folder, or the folder `vitest --root` names). vitest hands
 * `dir` to its glob as the working folder without resolving it against the root (vitest 4,
 * TestProject.globTestFiles), so a relative `dir` is from the folder vitest runs in, `rootDir`.
 */
export const vitestPatterns = (value: ConfigValue | null, config: string | null, rootDir: string): ReadPatterns => {
  const unread: Unread[] = [];
  const test = configAt(value, 'test');
  const rootValue = configAt(test, 'root') ?? configAt(value, 'root');
  if (rootValue?.kind === 'unknown') unread.push(...unreadOf(rootValue, 'root'));
  const dirValue = configAt(test, 'dir');
  if (dirValue?.kind === 'unknown') unread.push(...unreadOf(dirValue, 'test.dir'));
  const named = dirValue?.kind === 'string' ? folderOf(rootDir, dirValue.value) : rootValue?.kind === 'string' ? folderOf(rootDir, rootValue.value) : null;
  // A root outside the repo names nothing census sees: the config's folder it stays.
  const root = named ?? rootDir;
  const include = configStrings(configAt(test, 'include'));
  const exclude = configStrings(configAt(test, 'exclude'));
  unread.push(...unreadOf(configAt(test, 'include'), 'test.include'), ...unreadOf(configAt(test, 'exclude'), 'test.exclude'));
  const globs = include.strings.map((s) => s.value.replace(/^\.\//, ''));
  return {
    patterns: {
      runner: 'vitest',
      config,
      root,
      roots: [root],
      globs: [...(globs.length > 0 ? globs : VITEST_DEFAULTS), ...exclude.strings.map((s) => `!${s.value.replace(/^\.\//, '')}`)],
      regexes: [],
      key: globs.length > 0 ? 'test.include' : 'defaults',
    },
    unread,
    refused: [],
  };
};

export const RSTEST_DEFAULTS = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];
/** What rstest leaves out before a config's own `exclude` (which adds to these unless `{ patterns, override: true }`). */
const RSTEST_EXCLUDES = ['**/node_modules/**', '**/dist/**', '**/.{idea,git,cache,output,temp}/**'];

/**
 * rstest's `include` and `exclude` in an rstest.config value, relative to its `root` (from
 * `rootDir`, the folder rstest runs in; default that folder). `include` replaces rstest's default;
 * `exclude` (an array, or `{ patterns, override }`) adds to its default excludes unless `override`.
 */
export const rstestPatterns = (value: ConfigValue | null, config: string | null, rootDir: string): ReadPatterns => {
  const unread: Unread[] = [];
  const rootValue = configAt(value, 'root');
  if (rootValue?.kind === 'unknown') unread.push(...unreadOf(rootValue, 'root'));
  const root = (rootValue?.kind === 'string' ? folderOf(rootDir, rootValue.value) : null) ?? rootDir;
  const includeValue = configAt(value, 'include');
  const include = configStrings(includeValue);
  const excludeValue = configAt(value, 'exclude');
  const excludeList = excludeValue?.kind === 'object' ? configAt(excludeValue, 'patterns') : excludeValue;
  const overrideValue = excludeValue?.kind === 'object' ? configAt(excludeValue, 'override') : null;
  const override = overrideValue?.kind === 'boolean' && overrideValue.value;
  const exclude = configStrings(excludeList);
  unread.push(...unreadOf(includeValue, 'include'), ...unreadOf(excludeList, 'exclude'));
  const globs = include.strings.map((s) => s.value.replace(/^\.\//, ''));
  const excludes = [...(override ? [] : RSTEST_EXCLUDES), ...exclude.strings.map((s) => s.value.replace(/^\.\//, ''))];
  return {
    patterns: { runner: 'rstest', config, root, roots: [root], globs: [...(globs.length > 0 ? globs : RSTEST_DEFAULTS), ...excludes.map((g) => `!${g}`)], regexes: [], key: globs.length > 0 ? 'include' : 'defaults' },
    unread,
    refused: [],
  };
};

/** ava's own defaults (lib/globs.js), for the extensions it runs: the patterns, then what it leaves out. */
const avaDefaults = (ext: string): string[] => [
  `test.${ext}`,
  `{src,source}/test.${ext}`,
  `**/__tests__/**/*.${ext}`,
  `**/*.spec.${ext}`,
  `**/*.test.${ext}`,
  `**/test-*.${ext}`,
  `**/test/**/*.${ext}`,
  `**/tests/**/*.${ext}`,
  '!**/__tests__/**/__{helper,fixture}?(s)__/**',
  '!**/test?(s)/**/{helper,fixture}?(s)/**',
];
/** ava never runs a file whose name starts with `_`, nor one inside a folder whose name starts with a single `_`: helpers. */
const AVA_HELPERS = ['!**/_*', '!**/_[!_]*/**'];
const AVA_EXTENSIONS = ['js', 'cjs', 'mjs'];

/**
 * ava's `files` and `extensions` (package.json "ava" or ava.config.*), relative to the package
 * folder. `typescript`: the package runs TypeScript tests (@ava/typescript, or a `typescript`
 * key), so .ts/.cts/.mts count too. `files` that only exclude keep the defaults, as ava does.
 */
export const avaPatterns = (value: ConfigValue | null, config: string | null, dir: string, typescript: boolean): ReadPatterns => {
  const unread: Unread[] = [];
  const extensionsValue = configAt(value, 'extensions');
  const listed = extensionsValue?.kind === 'object' ? [...extensionsValue.props.keys()] : configStrings(extensionsValue).strings.map((s) => s.value);
  unread.push(...unreadOf(extensionsValue, 'extensions'));
  const extensions = listed.length > 0 ? listed : [...AVA_EXTENSIONS, ...(typescript ? ['ts', 'cts', 'mts'] : [])];
  const ext = extensions.length === 1 ? extensions[0] : `{${extensions.join(',')}}`;
  const filesValue = configAt(value, 'files');
  const files = configStrings(filesValue).strings.map((s) => s.value.replace(/^(!?)\.\//, '$1'));
  unread.push(...unreadOf(filesValue, 'files'));
  const onlyExclusions = files.every((f) => f.startsWith('!'));
  const globs = [...(onlyExclusions ? [...avaDefaults(ext), ...files] : files), ...AVA_HELPERS];
  return { patterns: { runner: 'ava', config, root: dir, roots: [dir], globs, regexes: [], key: onlyExclusions ? 'defaults' : 'files', extensions }, unread, refused: [] };
};

const under = (file: string, folder: string): boolean => folder === '' || file.startsWith(`${folder}/`);

/** The JS/TS extensions as a glob alternation. */
export const JS_EXTENSIONS = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';
/** Test files by name alone, for a package whose runner is unknown: `*.test.*`, `*.spec.*` and `__tests__/**`. */
export const GENERIC_TESTS = [`**/*.{test,spec}.${JS_EXTENSIONS}`, `**/__tests__/**/*.${JS_EXTENSIONS}`];

/**
 * For the default globs, substrings a path must hold (one of them) for the glob to match it: a
 * package on its runner's defaults tests every one of its JS/TS files against them, most names
 * hold none, and the compiled glob tries each of its alternatives (vitest's default has twelve)
 * before saying no. A test holds each entry to its glob.
 */
export const GLOB_NEEDS: ReadonlyMap<string, readonly string[]> = new Map([
  [VITEST_DEFAULTS[0], ['.test.', '.spec.']],
  [RSTEST_DEFAULTS[0], ['.test.', '.spec.']],
  [JEST_DEFAULTS[0], ['__tests__/']],
  [JEST_DEFAULTS[1], ['spec.', 'test.']],
  [GENERIC_TESTS[0], ['.test.', '.spec.']],
  [GENERIC_TESTS[1], ['__tests__/']],
]);

/** A glob compiled, behind the substring test GLOB_NEEDS has for it. */
const compileTestGlob = (glob: string, refused?: (reason: string) => void): ((path: string) => boolean) => {
  const match = compileRepoGlob(glob, refused);
  const needs = GLOB_NEEDS.get(glob);
  if (needs === undefined) return match;
  return (path) => needs.some((n) => path.includes(n)) && match(path);
};

/**
 * A matcher for one run over a repo's files: the pattern that makes `file` one of the runner's
 * tests (a glob, or `/regex/`), or null. Compiled globs and regexes are kept for the run;
 * `refused` hears once about each glob census will not read.
 */
export const testMatcher = (refused?: (reason: string) => void): ((p: TestPatterns, file: string) => string | null) => {
  const globs = new Map<string, (path: string) => boolean>();
  const regexes = new Map<string, RegExp | null>();
  const glob = (g: string) => {
    let m = globs.get(g);
    if (!m) globs.set(g, (m = compileTestGlob(g, refused)));
    return m;
  };
  return (p, file) => {
    if (file.includes('node_modules/') || !p.roots.some((r) => under(file, r))) return null;
    if (p.extensions && !p.extensions.some((e) => file.endsWith(`.${e}`))) return null;
    const relative = under(file, p.root) ? file.slice(p.root === '' ? 0 : p.root.length + 1) : null;
    if (relative !== null) {
      if (p.globs.some((g) => g.startsWith('!') && glob(g.slice(1))(relative))) return null;
      const hit = p.globs.find((g) => !g.startsWith('!') && glob(g)(relative));
      if (hit) return hit;
    }
    for (const source of p.regexes) {
      let re = regexes.get(source);
      if (re === undefined) regexes.set(source, (re = safeRegExp(source)));
      if (re?.test(`/${file}`)) return `/${source}/`;
    }
    return null;
  };
};

/** Code a JS test runner loads as a test file (declaration files are types only). */
export const TEST_CODE = /\.(c|m)?[jt]sx?$/;

/** Every repo file the patterns select, with the pattern that selected it, in path order. */
export const testFilesOf = (files: ReadonlySet<string>, p: TestPatterns, match: ReturnType<typeof testMatcher>): { file: string; pattern: string }[] => {
  const out: { file: string; pattern: string }[] = [];
  const seen = new Set<string>();
  for (const root of p.roots) {
    for (const file of pathsWithPrefix(files, root === '' ? '' : `${root}/`)) {
      if (seen.has(file) || !TEST_CODE.test(file) || file.endsWith('.d.ts')) continue;
      seen.add(file);
      const pattern = match(p, file);
      if (pattern) out.push({ file, pattern });
    }
  }
  return out;
};

/**
 * A vitest config file's name, as a project entry may name one (`vitest.config.ts`, `vitest.unit.config.ts`,
 * `vite.config.js`, `vitest.config.e2e.ts`): vitest's own test, `^vite(?:st)?(?:\.[\w-]+)?\.config\.`, on a code file.
 */
const VITEST_PROJECT_CONFIG = /^vite(?:st)?(?:\.[\w-]+)?\.config\.(?:[^/]*\.)?[cm]?[jt]s$/;
/** The configs vitest finds in a project folder, in the order it tries them (its defaultConfigFiles: vitest.config before vite.config). */
const VITEST_FOLDER_CONFIGS = ['vitest.config', 'vite.config'].flatMap((name) => ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${name}.${ext}`));
/** The config vitest finds in `folder`, not `config` (the one that lists the project), or null. */
const folderConfig = (files: ReadonlySet<string>, folder: string, config: string): string | null => {
  for (const name of VITEST_FOLDER_CONFIGS) {
    const path = folder === '' ? name : `${folder}/${name}`;
    if (path !== config && files.has(path)) return path;
  }
  return null;
};

/** One entry of vitest's `test.projects` (or a vitest.workspace file's array), as census reads it. */
export type VitestProject =
  /** An inline project: `{ test: { include, root }, extends }`. */
  | { kind: 'inline'; value: ConfigValue; line: number }
  /** A string naming config files and folders (each folder with the config vitest finds in it, if any). */
  | { kind: 'paths'; spec: string; line: number; configs: string[]; folders: { folder: string; config: string | null }[] }
  /** An entry (or the whole list) census cannot read: its text. */
  | { kind: 'computed'; line: number; text: string };

/**
 * The folders and config files a vitest `projects` string names (`packages/*`, `./api`,
 * `packages/*\/vitest.config.ts`) from `root`: a config file is read as a config of its own; a
 * folder is a project rooted there.
 */
const projectPaths = (files: ReadonlySet<string>, root: string, spec: string): { configs: string[]; folders: string[] } => {
  const target = joinRepo(root, spec.replace(/^\.\//, '').replace(/\/+$/, '') || '.');
  if (target === null) return { configs: [], folders: [] };
  if (!isGlob(target)) return files.has(target) ? { configs: [target], folders: [] } : { configs: [], folders: [target] };
  const match = compileRepoGlob(target);
  const all = sortedPaths(files).filter((f) => !f.includes('node_modules/'));
  const configs = all.filter((f) => match(f) && VITEST_PROJECT_CONFIG.test(basename(f)));
  const folders = new Set<string>();
  for (const f of all) for (let d = dirname(f); d !== '' && !folders.has(d); d = dirname(d)) if (match(d)) folders.add(d);
  return { configs, folders: [...folders].sort() };
};

/**
 * The projects a vitest list declares (`test.projects`, the older `test.workspace`, a
 * vitest.workspace file's array), strings read from `dir` (vitest docs, config/projects), `!`
 * entries leaving out what the others name; `config` itself is never a project of its own. The one
 * reading for test discovery (each project's tests) and the vitest reader (each project's setup
 * files and configs). A list that is not an array is one computed entry.
 */
export const vitestProjects = (files: ReadonlySet<string>, list: ConfigValue, config: string, dir: string): VitestProject[] => {
  if (list.kind !== 'array') return [{ kind: 'computed', line: list.line, text: list.kind === 'unknown' ? list.text : list.kind }];
  const excluded = list.items.flatMap((p) => {
    const target = p.kind === 'string' && p.value.startsWith('!') ? joinRepo(dir, p.value.slice(1).replace(/^\.\//, '').replace(/\/+$/, '')) : null;
    return target === null ? [] : [isGlob(target) ? compileRepoGlob(target) : (path: string) => path === target || path.startsWith(`${target}/`)];
  });
  const left = (path: string) => excluded.some((x) => x(path));
  const out: VitestProject[] = [];
  for (const p of list.items) {
    if (p.kind === 'object') out.push({ kind: 'inline', value: p, line: p.line });
    else if (p.kind === 'string' && p.value.startsWith('!')) continue;
    else if (p.kind === 'string') {
      const found = projectPaths(files, dir, p.value);
      const folders = found.folders.filter((f) => !left(f)).map((folder) => ({ folder, config: folderConfig(files, folder, config) }));
      out.push({ kind: 'paths', spec: p.value, line: p.line, configs: found.configs.filter((c) => !left(c) && c !== config), folders });
    } else out.push({ kind: 'computed', line: p.line, text: p.kind === 'unknown' ? p.text : p.kind });
  }
  return out;
};
