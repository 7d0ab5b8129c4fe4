/**
 * Module aliases that bundlers and test runners apply before Node's resolution: Vite and Vitest
 * `resolve.alias` (Astro's `vite.resolve.alias` too; SvelteKit's `$lib` and `kit.alias`; and `test.alias`, in object and `[{ find, replacement }]` form, regex finds with
 * `$1`), webpack and Rspack `resolve.alias` (`name$` for an exact match, array targets; also written by statements,
 * `config.resolve.alias['@'] = path.resolve(__dirname, 'src')` and webpack-chain's `config.resolve.alias.set('@', …)`), and Jest
 * `moduleNameMapper` (regex keys, `$1`, `<rootDir>`; jest.config.* or package.json "jest",
 * inline `projects`), Quasar's built-in aliases (`@`, `src`, `components`, `layouts`, `pages`, `boot`, `stores`…:
 * its CLI adds them to the Vite or webpack config it builds, so they are in no config file), ApostropheCMS's `Modules/` (its admin build's webpack alias, apostropheModules), and a knip config's `paths` (knip-paths.ts, scoped per workspace). Each rule applies to every file of the project folder its config belongs to
 * (the nearest package.json folder at or above the config), as a bundler's aliases do: the tool
 * builds or tests that folder's files. Configs are read statically (config-value.ts), once per
 * scan; an alias census cannot read, or whose target is no file or folder of the repo, is a
 * warning naming the config and line, and never a guess. A conditional value (`a ? b : c`,
 * `a || b`, `a ?? b`) is each of its branches census can read (branchesOf): the tool takes one of
 * them when it runs, so each is a candidate target, and each branch it cannot read is a warning.
 */
import { callsIn, configAt, possibleValues, readConfigFile, writesTo, type ConfigValue, type ConfigWrite } from '../config-value.js';
import type { Diagnostic } from '../../../model/diagnostic.js';
import { JSON_MANIFEST, isRecord } from '../../../manifests/json.js';
import type { Manifests } from '../../../manifests/store.js';
import { warning } from '../../../util/diagnostics.js';
import { isFolder, pathsWithPrefix, type NameKeys } from '../../../util/file-index.js';
import { compileRepoGlob } from '../../../util/glob.js';
import { byString } from '../../../util/compare.js';
import { folderPatternOf } from '../folder-expr.js';
import { basename, dirname, joinRepo } from '../../../util/path.js';
import { regexProblem, safeRegExp } from '../../../util/safe-regex.js';
import { knipPathRules } from './knip-paths.js';
import { EMPTY_LIST, uniformList } from '../../../util/packed-list.js';
import { packageJsonObject } from '../../../manifests/package-json.js';

export type AliasTool = 'Vite' | 'Vitest' | 'Astro' | 'SvelteKit' | 'Quasar' | 'Apostrophe' | 'Vue CLI' | 'webpack' | 'Rspack' | 'Jest' | 'knip';

/**
 * What an aliased specifier becomes: a repo path (file or folder) or another module name. A path
 * with `computed` is one a value computed at run time may name (computedPaths; the string says how
 * it was read): a target beside the one the rule picks, not a fallback tried in turn.
 */
export type AliasTarget = { path: string; computed?: string } | { module: string };

export interface AliasRule {
  tool: AliasTool;
  config: string;
  line: number;
  /** How the rule is spelled in its config, for evidence: `resolve.alias "@"`. */
  what: string;
  /** The targets the specifier maps to, in the order the tool tries them; null when the rule does not match. */
  map(specifier: string): AliasTarget[] | null;
}

export interface ToolAliases {
  /** Rules that apply to files in folder `dir`, nearest config first. */
  rulesFor(dir: string): readonly AliasRule[];
}

/**
 * Whether the rule applies only while a test runner runs the importer: every Jest
 * `moduleNameMapper` and every alias of a vitest.config (the runner's own configs), and a Vite
 * config's `test.alias` (Vitest's key). Node, a bundler or a server never apply them, so what
 * they map a production import to is loaded only under test (resolve.ts `underTestOnly`).
 */
export const appliesOnlyUnderTest = (rule: AliasRule): boolean => rule.tool === 'Jest' || rule.tool === 'Vitest' || rule.what.startsWith('test.');

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Whether a package.json at or above folder `dir` declares package `name`: an import of it finds the install in node_modules. */
export const declaresPackage = (manifests: Manifests, dir: string, name: string): boolean => {
  for (let manifest = manifests.nearest(dir, 'package.json'); manifest !== null; ) {
    const json = packageJsonObject(manifests, manifest);
    if (json !== null && DEPENDENCY_SECTIONS.some((k) => isRecord(json[k]) && name in json[k])) return true;
    const folder = dirname(manifest);
    manifest = folder === '' ? null : manifests.nearest(dirname(folder), 'package.json');
  }
  return false;
};

/** `vite.config.ts` and the named variants a `--config` picks (`vite.tanstack.config.ts`). */
const VITE_CONFIG = /^vite(\.[\w-]+)*\.config\.[cm]?[jt]s$/;
const VITEST_CONFIG = /^vitest(\.[\w-]+)*\.config\.[cm]?[jt]s$/;
const WEBPACK_CONFIG = /^webpack(\.[\w-]+)*\.config\.[cm]?[jt]s$|^webpack\.[\w-]+\.[cm]?js$/;
/** Rspack reads webpack's config format, `resolve.alias` included. */
const RSPACK_CONFIG = /^rspack(\.[\w-]+)*\.config\.[cm]?[jt]s$/;
const JEST_CONFIG = /^jest(\.[\w-]+)*\.config\.([cm]?[jt]s|json)$/;
/** Quasar CLI's app config (app-vite's quasar.config.*, app-webpack's older quasar.conf.js). */
const QUASAR_CONFIG = /^quasar\.config\.[cm]?[jt]s$|^quasar\.conf\.js$/;
/**
 * The aliases Quasar's CLI (app-vite, app-webpack) gives every app, alias → folder under the app:
 * `@` is app-vite's `defaultAliases` (quasar-config-file.js), the others both CLIs' long-standing
 * names (`import X from 'components/X.vue'`). No package can be named `@`; a folder the app lacks gets no rule.
 */
const QUASAR_ALIASES: [string, string][] = [['@', 'src'], ['src', 'src'], ['app', ''], ['components', 'src/components'], ['layouts', 'src/layouts'], ['pages', 'src/pages'], ['assets', 'src/assets'], ['boot', 'src/boot'], ['stores', 'src/stores'], ['store', 'src/store']];
/** Astro builds with Vite: its config's `vite` key is a Vite config. */
const ASTRO_CONFIG = /^astro\.config\.[cm]?[jt]s$/;
const SVELTE_CONFIG = /^svelte\.config\.[cm]?[jt]s$/;

/** Each config name's pattern and its tool, tried in this order (the first that matches names the tool). */
export const TOOL_CONFIGS: readonly (readonly [RegExp, AliasTool])[] = [
  [VITE_CONFIG, 'Vite'], [VITEST_CONFIG, 'Vitest'], [WEBPACK_CONFIG, 'webpack'], [RSPACK_CONFIG, 'Rspack'],
  [JEST_CONFIG, 'Jest'], [ASTRO_CONFIG, 'Astro'], [SVELTE_CONFIG, 'SvelteKit'], [QUASAR_CONFIG, 'Quasar'],
];

/** A pattern's source cut at its top-level `|` (not one inside a group or a class). */
const topLevelAlternatives = (source: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
};

/**
 * The stem a pattern's every name has: each top-level alternative opens with `^word` and then a
 * literal dot (`\.`, or a group that opens with one: `^vite(\.[\w-]+)*\.config…`). Read off the
 * patterns (review s66-rv4), not kept beside them: a pattern added to TOOL_CONFIGS whose stem a
 * hand-kept list lacked would never be tried by `Manifests.all`, its config never read, and the
 * files only its aliases reach called dead. A pattern of another shape throws when the module
 * loads, so no test or scan runs past it.
 */
export const leadingStem = (pattern: RegExp): string => {
  const stems = new Set(topLevelAlternatives(pattern.source).map((alternative) => /^\^([a-z][a-z0-9_]*)(?:\\\.|\((?:\?:)?\\\.)/.exec(alternative)?.[1]));
  const [stem] = stems;
  if (stems.size !== 1 || stem === undefined || pattern.flags.includes('i')) throw new Error(`tool-aliases: ${pattern} does not open every name with one lower-case word and a dot`);
  return stem;
};

/** The stems of every name toolOf accepts, and package.json's, for `Manifests.all`. */
export const TOOL_CONFIG_NAMES: NameKeys = { stems: [...new Set([...TOOL_CONFIGS.map(([pattern]) => leadingStem(pattern)), 'package'])] };

export const toolOf = (name: string): AliasTool | null => {
  for (const [pattern, tool] of TOOL_CONFIGS) if (pattern.test(name)) return tool;
  return null;
};

/** A string that names a path rather than a module: what bundlers resolve against the file system. */
const isPathLike = (s: string): boolean => s.startsWith('./') || s.startsWith('../') || s.startsWith('/') || s === '.' || s.startsWith('<rootDir>');

/** A replacement string → where it points, given the folder relative paths are read from (the config's, or Jest's rootDir). */
const targetOf = (replacement: string, base: string): AliasTarget | null => {
  if (!isPathLike(replacement)) return { module: replacement };
  const rel = replacement.startsWith('<rootDir>') ? replacement.slice('<rootDir>'.length).replace(/^\/+/, '') : replacement.replace(/^\/+(?=.)/, '');
  const path = joinRepo(base, rel);
  return path === null ? null : { path };
};

/** Read context of one config: where problems are reported and what the repo has. */
interface Reading {
  config: string;
  /** The config's text, where a path joined from computed parts is read (null for package.json). */
  text: string | null;
  tool: AliasTool;
  files: ReadonlySet<string>;
  rules: AliasRule[];
  problems: Diagnostic[];
}

const warn = (r: Reading, line: number, message: string): void => {
  r.problems.push(warning('resolve/alias', `${r.tool} ${message}`, r.config, line));
};

/** Is there a file or folder at `path`, or a file it names without its extension? */
const exists = (files: ReadonlySet<string>, path: string): boolean =>
  path === '' || files.has(path) || isFolder(files, path) || pathsWithPrefix(files, `${path}.`).some((f) => !f.slice(path.length + 1).includes('/'));

/** Warn about a target that names nothing in the repo (false only when it leaves the repo); targets inside node_modules are installs, not checked. */
const checkTarget = (r: Reading, what: string, replacement: string, target: AliasTarget | null, line: number): boolean => {
  if (target === null) {
    warn(r, line, `${what} points outside the repo ("${replacement}")`);
    return false;
  }
  if (!('path' in target) || /(^|\/)node_modules(\/|$)/.test(target.path)) return true;
  // `./src/$1`: the folder before the first substitution must exist.
  const dollar = target.path.indexOf('$');
  const fixed = dollar < 0 ? target.path : dirname(target.path.slice(0, dollar + 1));
  // Kept all the same: the alias still claims the name, so its imports are the repo's own and broken.
  if (!exists(r.files, fixed)) warn(r, line, `${what} maps to ${target.path}, which is no file or folder of the repo`);
  return true;
};

/**
 * The values an alias value may take. config-value reads a conditional as unknown with its
 * branches (`fs.existsSync(x) ? x : path.resolve(__dirname, 'stub.ts')`, `env.DIR || './src'`):
 * every branch census can read is a candidate, as the tool would use it when that branch runs,
 * and every branch it cannot read is a warning naming its line. A value with no readable branch
 * is returned as it is, for the caller's own "not read statically" warning.
 */
const branchesOf = (r: Reading, what: string, value: ConfigValue, readComputed = false): ConfigValue[] => {
  const each = possibleValues(value);
  const readable: ConfigValue[] = [];
  const unread: ConfigValue[] = [];
  for (const v of each) {
    if (v.kind !== 'unknown') readable.push(v);
    else {
      const computed = readComputed ? computedPaths(r, what, v) : null;
      if (computed === null) unread.push(v);
      else readable.push(...computed);
    }
  }
  if (readable.length === 0) return [value];
  for (const v of unread) if (v.kind === 'unknown') warn(r, v.line, `${what} is not read statically when it is ${v.text}: imports through it follow its other values only`);
  return readable;
};

/** More paths than this from one computed value: too loose to be what the config means. */
const MAX_COMPUTED_PATHS = 32;

/** The string values computedPaths made, with how each was read (for the edge's evidence). */
const computedWhy = new WeakMap<ConfigValue, string>();

/** A rule's line: that of the value it picks, not of a computed one beside it. */
const pickedLine = (kept: readonly { line: number; computed?: string }[]): number => (kept.find((k) => k.computed === undefined) ?? kept[0]).line;

/** `target`, marked as named by a computed value when `computed` says how. */
const withComputed = (target: AliasTarget | null, computed: string | undefined): AliasTarget | null =>
  target === null || computed === undefined || !('path' in target) ? target : { ...target, computed };

/**
 * A path joined onto the config's folder from parts some of which are computed
 * (`path.resolve(__dirname, suite, 'functions.ts')`, `suite` from an environment variable), read
 * as a glob (`folderPatternOf`: each computed part one folder name) and taken as every repo file
 * or folder it matches — whichever the value is when the tool runs is among them. Said in a
 * warning naming the pattern and the paths. Null when the value is no such join, names a place
 * outside the config's folder, or matches nothing or too much.
 */
const computedPaths = (r: Reading, what: string, v: ConfigValue & { kind: 'unknown' }): ConfigValue[] | null => {
  if (r.text === null || (v.file !== undefined && v.file !== r.config)) return null;
  const pattern = folderPatternOf(v.source ?? v.text, r.config, r.text);
  const dir = dirname(r.config);
  const prefix = dir === '' ? '' : `${dir}/`;
  if (pattern === null || !pattern.includes('*') || !pattern.startsWith(prefix)) return null;
  const fixed = pattern.slice(0, pattern.lastIndexOf('/', pattern.indexOf('*')) + 1);
  const matches = compileRepoGlob(pattern);
  const found = new Set<string>();
  // A folder is tried once: the files below it are many (payload's test/vite.tanstack.config.ts:
  // 2,351 files, 8,019 tries of one glob), and a folder tried had its own folders above it tried too.
  const tried = new Set<string>();
  for (const f of pathsWithPrefix(r.files, fixed)) {
    if (matches(f)) found.add(f);
    for (let p = dirname(f); p.length > fixed.length && !tried.has(p); p = dirname(p)) {
      tried.add(p);
      if (matches(p)) found.add(p);
    }
  }
  if (found.size === 0 || found.size > MAX_COMPUTED_PATHS) return null;
  const paths = [...found].sort(byString);
  warn(r, v.line, `${what} is computed when it is ${v.text}: read as ${pattern}, which names ${paths.join(', ')}`);
  const why = `computed at run time, read as ${pattern} (${r.config}:${v.line})`;
  return paths.map((p) => {
    const value: ConfigValue = { kind: 'string', value: `./${p.slice(prefix.length)}`, line: v.line };
    computedWhy.set(value, why);
    return value;
  });
};

/** `$1`…`$9` of a regex match into a replacement, as Jest and String.replace do. */
const substitute = (replacement: string, match: RegExpExecArray): string => replacement.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');

/** Vite / Vitest `alias`, object or array form. */
const readViteAliases = (r: Reading, value: ConfigValue | null, key: string, base: string): void => {
  if (value === null) return;
  const add = (find: ConfigValue, replacement: ConfigValue | null, line: number) => {
    const what = `${key} ${find.kind === 'regex' ? `/${find.source}/` : `"${find.kind === 'string' ? find.value : '?'}"`}`;
    const replacements: { value: string; line: number; computed?: string }[] = [];
    for (const v of replacement === null ? [null] : branchesOf(r, what, replacement, true)) {
      if (v?.kind === 'string') {
        const computed = computedWhy.get(v);
        replacements.push({ value: v.value, line: v.line, ...(computed === undefined ? {} : { computed }) });
      }
      else warn(r, v?.line ?? line, `${what} is not read statically${v?.kind === 'unknown' ? ` (${v.text})` : ''}: imports through it are not followed`);
    }
    if (replacements.length === 0) return;
    if (find.kind === 'regex') {
      const re = safeRegExp(find.source);
      if (re === null) {
        warn(r, find.line, `${what} is not used: ${regexProblem(find.source) ?? 'an invalid regular expression'}`);
        return;
      }
      const kept = replacements.filter((to) => checkTarget(r, what, to.value, targetOf(to.value, base), to.line));
      if (kept.length === 0) return;
      r.rules.push({
        tool: r.tool, config: r.config, line: pickedLine(kept), what,
        map: (s) => {
          const m = re.exec(s);
          if (!m) return null;
          return kept
            .map((to) => withComputed(targetOf(s.slice(0, m.index) + substitute(to.value, m) + s.slice(m.index + m[0].length), base), to.computed))
            .filter((t): t is AliasTarget => t !== null);
        },
      });
      return;
    }
    if (find.kind !== 'string') {
      warn(r, find.line, `${what} is not read statically: imports through it are not followed`);
      return;
    }
    // Vite drops a trailing slash from both sides: `'@/': '/src/'` is `'@': '/src'`.
    const kept: { name: string; to: string; line: number; computed?: string }[] = [];
    for (const replacement of replacements) {
      const both = find.value.endsWith('/') && replacement.value.endsWith('/');
      const to = both ? replacement.value.slice(0, -1) : replacement.value;
      const computed = replacement.computed;
      if (checkTarget(r, what, replacement.value, targetOf(to, base), replacement.line)) kept.push({ name: both ? find.value.slice(0, -1) : find.value, to, line: replacement.line, ...(computed === undefined ? {} : { computed }) });
    }
    if (kept.length === 0) return;
    r.rules.push({
      tool: r.tool, config: r.config, line: pickedLine(kept), what,
      map: (s) => {
        const matching = kept.filter(({ name }) => s === name || s.startsWith(`${name}/`));
        if (matching.length === 0) return null;
        return matching.map(({ name, to, computed }) => withComputed(targetOf(to + s.slice(name.length), base), computed)).filter((t): t is AliasTarget => t !== null);
      },
    });
  };
  for (const aliases of branchesOf(r, key, value)) {
    if (aliases.kind === 'object') {
      for (const [find, replacement] of aliases.props) add({ kind: 'string', value: find, line: replacement.line }, replacement, replacement.line);
    } else if (aliases.kind === 'array') {
      for (const item of aliases.items) {
        const find = configAt(item, 'find');
        if (find) add(find, configAt(item, 'replacement'), item.line);
        else warn(r, item.line, `${key} entry is not read statically: imports through it are not followed`);
      }
    } else if (aliases.kind === 'unknown') {
      warn(r, aliases.line, `${key} is not read statically (${aliases.text}): imports through it are not followed`);
    }
  }
};

/** What a statement writing an alias spells: `alias['@'] =`, `alias.vue =`, `alias.set(`. */
const ALIAS_WRITE = /\balias\s*(?:\[[^\]\n]+\]\s*=(?!=)|\.\s*[\w$]+\s*(?:=(?!=)|\())/;

/**
 * A config's literal `resolve.alias` with the statement writes laid over it in source order: a
 * top-level write replaces the key's value, a guarded one (under an `if`, in a function) adds its
 * value as an alternative, since the earlier one stays when it does not run.
 */
const withWrites = (literal: ConfigValue | null, writes: readonly ConfigWrite[]): ConfigValue => {
  const props = new Map(literal?.kind === 'object' ? literal.props : []);
  for (const w of writes) {
    const before = props.get(w.key);
    props.set(w.key, !w.guarded || before === undefined ? w.value : { kind: 'unknown', line: before.line, text: `one of the values written to "${w.key}"`, alternatives: [before, w.value] });
  }
  return { kind: 'object', props, line: literal?.line ?? writes[0].line, partial: literal?.kind === 'object' && literal.partial };
};

/** webpack `resolve.alias`: `name` matches `name` and `name/…`, `name$` only `name`; a target may be a list. */
const readWebpackAliases = (r: Reading, value: ConfigValue | null, base: string): void => {
  if (value === null) return;
  const add = (key: string, replacement: ConfigValue) => {
    const what = `resolve.alias "${key}"`;
    const exact = key.endsWith('$');
    const name = exact ? key.slice(0, -1) : key;
    const strings = (replacement.kind === 'array' ? replacement.items : [replacement]).flatMap((v) => branchesOf(r, what, v));
    // `false` ignores the module: nothing to follow, nothing to warn about.
    if (strings.every((s) => s.kind === 'boolean')) return;
    const targets: string[] = [];
    for (const s of strings) {
      if (s.kind === 'string') targets.push(s.value);
      else if (s.kind !== 'boolean') warn(r, s.line, `${what} is not read statically${s.kind === 'unknown' ? ` (${s.text})` : ''}: imports through it are not followed`);
    }
    const kept = targets.filter((t) => checkTarget(r, what, t, targetOf(t, base), replacement.line));
    if (kept.length === 0) return;
    r.rules.push({
      tool: r.tool, config: r.config, line: replacement.line, what,
      map: (s) => {
        if (s !== name && (exact || !s.startsWith(`${name}/`))) return null;
        return kept.map((t) => targetOf(t + s.slice(name.length), base)).filter((t): t is AliasTarget => t !== null);
      },
    });
  };
  for (const aliases of branchesOf(r, 'resolve.alias', value)) {
    if (aliases.kind === 'object') for (const [key, replacement] of aliases.props) add(key, replacement);
    else if (aliases.kind === 'array') {
      for (const item of aliases.items) {
        const name = configAt(item, 'name');
        const alias = configAt(item, 'alias');
        if (name?.kind === 'string' && alias) add(configAt(item, 'onlyModule')?.kind === 'boolean' ? `${name.value}$` : name.value, alias);
      }
    } else if (aliases.kind === 'unknown') warn(r, aliases.line, `resolve.alias is not read statically (${aliases.text}): imports through it are not followed`);
  }
};

/** Jest `moduleNameMapper`: each key a regular expression over the whole specifier. */
const readJestMapper = (r: Reading, options: ConfigValue | null, dir: string, depth: number): void => {
  if (options?.kind !== 'object' || depth > 3) return;
  const rootDirValue = configAt(options, 'rootDir');
  const root = rootDirValue?.kind === 'string' ? (joinRepo(dir, rootDirValue.value.replace(/^<rootDir>\/?/, '')) ?? dir) : dir;
  const mapper = configAt(options, 'moduleNameMapper');
  if (mapper?.kind === 'object') {
    for (const [key, replacement] of mapper.props) {
      const what = `moduleNameMapper "${key}"`;
      const re = safeRegExp(key);
      if (re === null) {
        warn(r, replacement.line, `${what} is not used: ${regexProblem(key) ?? 'an invalid regular expression'}`);
        continue;
      }
      const values = (replacement.kind === 'array' ? replacement.items : [replacement]).flatMap((v) => branchesOf(r, what, v));
      const paths: string[] = [];
      for (const v of values) {
        if (v.kind !== 'string') warn(r, v.line, `${what} is not read statically${v.kind === 'unknown' ? ` (${v.text})` : ''}: imports through it are not followed`);
        // A module stand-in (`identity-obj-proxy` for styles) is a test double, not a file of the repo to reach.
        else if (isPathLike(v.value) && checkTarget(r, what, v.value, targetOf(v.value, root), v.line)) paths.push(v.value);
      }
      if (paths.length === 0) continue;
      r.rules.push({
        tool: r.tool, config: r.config, line: replacement.line, what,
        map: (s) => {
          const m = re.exec(s);
          return m ? paths.map((p) => targetOf(substitute(p, m), root)).filter((t): t is AliasTarget => t !== null) : null;
        },
      });
    }
  } else if (mapper?.kind === 'unknown') warn(r, mapper.line, `moduleNameMapper is not read statically (${mapper.text}): imports through it are not followed`);
  const projects = configAt(options, 'projects');
  if (projects?.kind === 'array') for (const p of projects.items) readJestMapper(r, p, root, depth + 1);
};

/** A JSON value as a config value, with each member's line from the document. */
const fromJson = (value: unknown, lineOf: (path: (string | number)[]) => number, path: (string | number)[]): ConfigValue => {
  const line = lineOf(path);
  if (typeof value === 'string') return { kind: 'string', value, line };
  if (typeof value === 'number') return { kind: 'number', value, line };
  if (typeof value === 'boolean') return { kind: 'boolean', value, line };
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v, i) => fromJson(v, lineOf, [...path, i])), line };
  if (isRecord(value)) return { kind: 'object', props: new Map(Object.entries(value).map(([k, v]) => [k, fromJson(v, lineOf, [...path, k])])), line, partial: false };
  return { kind: 'null', line };
};

/** The project folder a config belongs to: the nearest package.json folder at or above it. */
const projectOf = (manifests: Manifests, config: string): string => {
  const manifest = manifests.nearest(dirname(config), 'package.json');
  return manifest === null ? dirname(config) : dirname(manifest);
};

/** `name` and `name/…` → the repo folders or files `paths`, tried in order (SvelteKit's aliases are paths, never module names). */
const pathPrefixRule = (r: Reading, name: string, paths: string[], line: number, what: string, check: boolean, config = r.config): void => {
  for (const path of check ? paths : []) if (!exists(r.files, path)) warn(r, line, `${what} maps to ${path}, which is no file or folder of the repo`);
  r.rules.push({
    tool: r.tool, config, line, what,
    map: (s) => {
      if (s !== name && !s.startsWith(`${name}/`)) return null;
      return paths.map((path) => joinRepo(path, s.slice(name.length + 1))).filter((t): t is string => t !== null).map((path) => ({ path }));
    },
  });
};

/** The options of `sveltekit({...})` in the vite config of folder `dir`, when it passes any. */
const sveltePluginOptions = (manifests: Manifests, dir: string): { config: string; value: ConfigValue } | null => {
  for (const ext of ['ts', 'js', 'mjs', 'mts', 'cjs', 'cts']) {
    const config = joinRepo(dir, `vite.config.${ext}`);
    const text = config === null || !manifests.files.has(config) ? null : manifests.text(config);
    if (config === null || text === null || !text.includes('sveltekit(')) continue;
    const arg = callsIn(config, text, /^sveltekit$/).find((c) => c.args[0]?.kind === 'object')?.args[0];
    if (arg) return { config, value: arg };
  }
  return null;
};

/** SvelteKit: `$lib` → `kit.files.lib` (default src/lib), and `kit.alias` (`'x/*': 'src/x/*'` as `'x': 'src/x'`), from the project root. */
const readSvelteKit = (r: Reading, value: ConfigValue | null, dir: string, plugin: { config: string; value: ConfigValue } | null): void => {
  // Options given to the `sveltekit({...})` vite plugin win over svelte.config's.
  const fromPlugin = plugin === null ? null : (configAt(plugin.value, 'kit', 'files', 'lib') ?? configAt(plugin.value, 'files', 'lib'));
  const lib = fromPlugin?.kind === 'string' ? fromPlugin : configAt(value, 'kit', 'files', 'lib');
  const libPath = joinRepo(dir, lib?.kind === 'string' ? lib.value : 'src/lib');
  const viaPlugin = lib !== null && lib === fromPlugin && plugin !== null;
  const what = lib?.kind !== 'string' ? '"$lib" (src/lib by default)' : viaPlugin ? 'files.lib "$lib" of the sveltekit() vite plugin' : 'kit.files.lib "$lib"';
  // The default folder is no claim of the config: a project without src/lib is not warned about.
  if (libPath !== null) pathPrefixRule(r, '$lib', [libPath], lib?.line ?? 1, what, lib?.kind === 'string', viaPlugin ? plugin.config : r.config);
  const alias = configAt(value, 'kit', 'alias');
  if (alias?.kind === 'object') {
    for (const [key, value] of alias.props) {
      const what = `kit.alias "${key}"`;
      const paths: { path: string; line: number }[] = [];
      for (const target of branchesOf(r, what, value)) {
        if (target.kind !== 'string') {
          warn(r, target.line, `${what} is not read statically${target.kind === 'unknown' ? ` (${target.text})` : ''}: imports through it are not followed`);
          continue;
        }
        const path = joinRepo(dir, target.value.replace(/\/\*$/, ''));
        if (path === null) warn(r, target.line, `${what} points outside the repo ("${target.value}")`);
        else {
          if (!exists(r.files, path)) warn(r, target.line, `${what} maps to ${path}, which is no file or folder of the repo`);
          paths.push({ path, line: target.line });
        }
      }
      if (paths.length > 0) pathPrefixRule(r, key.replace(/\/\*$/, ''), paths.map((p) => p.path), paths[0].line, what, false);
    }
  } else if (alias?.kind === 'unknown') warn(r, alias.line, `kit.alias is not read statically (${alias.text}): imports through it are not followed`);
};

/**
 * Quasar's built-in aliases, from the app's folder (the config's): only those whose folder the app
 * has; and `#q-app`, the CLI package itself (`import { defineBoot } from '#q-app/wrappers'`).
 */
const readQuasar = (r: Reading, dir: string, manifests: Manifests): void => {
  for (const [name, folder] of QUASAR_ALIASES) {
    const path = folder === '' ? dir : joinRepo(dir, folder);
    if (path === null || (path !== '' && !exists(r.files, path))) continue;
    pathPrefixRule(r, name, [path], 1, `built-in alias "${name}" (${folder === '' ? 'the app folder' : folder})`, false);
  }
  const manifest = manifests.nearest(dir, 'package.json');
  const cli = manifest !== null && (manifests.text(manifest) ?? '').includes('"@quasar/app-webpack"') ? '@quasar/app-webpack' : '@quasar/app-vite';
  r.rules.push({
    tool: r.tool, config: r.config, line: 1, what: `built-in alias "#q-app" (${cli})`,
    map: (s) => (s === '#q-app' || s.startsWith('#q-app/') ? [{ module: `${cli}${s.slice('#q-app'.length)}` }] : null),
  });
};

/** `Modules/<name>/<rest>` → the module name (scoped names keep their scope) and the rest; null for anything else. */
export const splitModulesImport = (specifier: string): { name: string; rest: string } | null => {
  if (!specifier.startsWith('Modules/')) return null;
  const parts = specifier.slice('Modules/'.length).split('/');
  const take = parts[0].startsWith('@') ? 2 : 1;
  if (parts.length <= take || parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return { name: parts.slice(0, take).join('/'), rest: parts.slice(take).join('/') };
};

/** A package.json that is the `apostrophe` package or depends on it. */
const usesApostrophe = (manifests: Manifests, manifest: string): boolean => {
  const doc = manifests.get(manifest, JSON_MANIFEST);
  const json = doc && isRecord(doc.value) ? doc.value : null;
  return json !== null && (json.name === 'apostrophe' || ['dependencies', 'devDependencies', 'peerDependencies'].some((k) => isRecord(json[k]) && 'apostrophe' in json[k]));
};

/**
 * ApostropheCMS's admin build (modules/@apostrophecms/asset, lib/webpack/apos/webpack.config.js)
 * copies each module's `ui/apos` to `<modulesDir>/<module>` and aliases `Modules` to that folder, so
 * `Modules/@apostrophecms/schema/mixins/X` is the project's `modules/@apostrophecms/schema/ui/apos/mixins/X`
 * (any depth below modules/ with nestedModuleSubdirs), else the core's file in the `apostrophe` package.
 */
const apostropheModules = (r: Reading, dir: string): void => {
  const local = joinRepo(dir, 'modules');
  if (local === null) return;
  const uiFolders = new Map<string, string>();
  // The module's folder name is its name; nested below modules/ with nestedModuleSubdirs.
  for (const f of pathsWithPrefix(r.files, `${local}/`)) {
    const at = f.indexOf('/ui/apos/', local.length);
    if (at < 0) continue;
    const folder = f.slice(0, at);
    const parts = folder.slice(local.length + 1).split('/');
    const name = parts.length >= 2 && parts[parts.length - 2].startsWith('@') ? parts.slice(-2).join('/') : parts[parts.length - 1];
    if (!uiFolders.has(name) || folder === `${local}/${name}`) uiFolders.set(name, `${folder}/ui/apos`);
  }
  r.rules.push({
    tool: r.tool, config: r.config, line: 1, what: 'admin build alias "Modules" (each module\'s ui/apos)',
    map: (s) => {
      const split = splitModulesImport(s);
      if (split === null) return null;
      const folder = uiFolders.get(split.name);
      const path = folder === undefined ? null : joinRepo(folder, split.rest);
      return [path !== null ? { path } : { module: `apostrophe/modules/${split.name}/ui/apos/${split.rest}` }];
    },
  });
};

const readConfig = (manifests: Manifests, config: string, tool: AliasTool, text: string): { rules: AliasRule[]; problems: Diagnostic[] } => {
  const r: Reading = { config, text, tool, files: manifests.files, rules: [], problems: [] };
  const dir = dirname(config);
  if (tool === 'Quasar') {
    readQuasar(r, dir, manifests);
    return r;
  }
  if (tool === 'Jest') {
    if (config.endsWith('.json')) {
      const doc = manifests.get(config, JSON_MANIFEST);
      if (doc) readJestMapper(r, fromJson(doc.value, doc.lineOf, []), dir, 0);
    } else readJestMapper(r, readConfigFile(config, text).value, dir, 0);
    return r;
  }
  // A config that does not parse is the tool reader's to report (frameworks/js): here it has no aliases.
  const value = readConfigFile(config, text).value;
  const configs = value?.kind === 'array' ? value.items : [value];
  // Aliases a webpack config writes by statements (a config built up before it is exported, webpack-chain): the text is asked first.
  const writes = (tool === 'webpack' || tool === 'Rspack') && ALIAS_WRITE.test(text) ? writesTo(config, text, 'resolve.alias') : [];
  let merged = false;
  for (const c of configs) {
    if (tool === 'webpack' || tool === 'Rspack') {
      const literal = configAt(c, 'resolve', 'alias');
      // One exported config: the writes are laid over its literal aliases, as they run before it is exported.
      merged = writes.length > 0 && configs.length === 1 && (literal === null || literal.kind === 'object');
      readWebpackAliases(r, merged ? withWrites(literal, writes) : literal, dir);
    }
    else if (tool === 'Astro') readViteAliases(r, configAt(c, 'vite', 'resolve', 'alias'), 'vite.resolve.alias', dir);
    else if (tool === 'SvelteKit') readSvelteKit(r, c, dir, sveltePluginOptions(manifests, dir));
    else {
      readViteAliases(r, configAt(c, 'resolve', 'alias'), 'resolve.alias', dir);
      readViteAliases(r, configAt(c, 'test', 'alias'), 'test.alias', dir);
      const projects = configAt(c, 'test', 'projects');
      for (const p of projects?.kind === 'array' ? projects.items : []) {
        readViteAliases(r, configAt(p, 'resolve', 'alias'), 'test.projects resolve.alias', dir);
        readViteAliases(r, configAt(p, 'test', 'alias'), 'test.projects test.alias', dir);
      }
    }
  }
  // Several exported configs, or aliases read as unknown: the writes are an object of their own.
  if (writes.length > 0 && !merged) readWebpackAliases(r, withWrites(null, writes), dir);
  return r;
};

const packageJest = (manifests: Manifests, manifest: string): { rules: AliasRule[]; problems: Diagnostic[] } => {
  const doc = manifests.get(manifest, JSON_MANIFEST);
  const r: Reading = { config: manifest, text: null, tool: 'Jest', files: manifests.files, rules: [], problems: [] };
  if (doc && isRecord(doc.value) && isRecord(doc.value.jest)) readJestMapper(r, fromJson(doc.value.jest, doc.lineOf, ['jest']), dirname(manifest), 0);
  return r;
};

const svelteKitDefault = (manifests: Manifests, manifest: string): { rules: AliasRule[]; problems: Diagnostic[] } => {
  const r: Reading = { config: manifest, text: null, tool: 'SvelteKit', files: manifests.files, rules: [], problems: [] };
  readSvelteKit(r, null, dirname(manifest), sveltePluginOptions(manifests, dirname(manifest)));
  return r;
};

const apostropheRules = (manifests: Manifests, manifest: string): { rules: AliasRule[]; problems: Diagnostic[] } => {
  const r: Reading = { config: manifest, text: null, tool: 'Apostrophe', files: manifests.files, rules: [], problems: [] };
  apostropheModules(r, dirname(manifest));
  return r;
};

/** The line of a package.json's `@vue/cli-service` dependency (dependencies or devDependencies), else null. */
const vueCliServiceLine = (manifests: Manifests, manifest: string): number | null => {
  const doc = manifests.get(manifest, JSON_MANIFEST);
  const json = doc && isRecord(doc.value) ? doc.value : null;
  const section = json === null ? undefined : ['dependencies', 'devDependencies'].find((k) => isRecord(json[k]) && '@vue/cli-service' in json[k]);
  return doc && section !== undefined ? doc.lineOf([section, '@vue/cli-service']) : null;
};

/**
 * Vue CLI's built-in `@` → the project's `src` (@vue/cli-service lib/config/base.js:
 * `.alias.set('@', api.resolve('src'))`), for a package that builds with @vue/cli-service: in no
 * config file, so `import X from '@/mixins/X'` (@vue/cli-ui's components) resolved to nothing.
 */
/** `'@': …` or `.alias.set('@', …)`: a vue.config that sets `@` itself. */
const SETS_AT = /(["'`])@\1\s*[:,]/;
/** The project's vue.config file when it sets an `@` alias of its own (configureWebpack or chainWebpack), else null. */
const ownAtAlias = (manifests: Manifests, dir: string): string | null => {
  for (const ext of ['js', 'cjs', 'mjs', 'ts']) {
    const config = joinRepo(dir, `vue.config.${ext}`);
    if (config === null || !manifests.files.has(config)) continue;
    const text = manifests.transientText(config) ?? '';
    if (text.includes('alias') && SETS_AT.test(text)) return config;
  }
  return null;
};

const vueCliRules = (manifests: Manifests, manifest: string): { rules: AliasRule[]; problems: Diagnostic[] } => {
  const r: Reading = { config: manifest, text: null, tool: 'Vue CLI', files: manifests.files, rules: [], problems: [] };
  // A vue.config that sets '@' replaces the built-in one (webpack-merge / chainWebpack run after base.js);
  // census does not read that config's alias, so it claims no '@' rather than name the wrong folder.
  if (ownAtAlias(manifests, dirname(manifest)) !== null) return r;
  const line = vueCliServiceLine(manifests, manifest);
  const src = joinRepo(dirname(manifest), 'src');
  if (line !== null && src !== null && isFolder(r.files, src)) pathPrefixRule(r, '@', [src], line, 'built-in alias "@" (the project\'s src)', false);
  return r;
};

const build = (manifests: Manifests): ToolAliases => {
  const byScope = new Map<string, AliasRule[]>();
  // Parsed through the store so each config is read once and its warnings reach the Audit once.
  const format = (tool: AliasTool) => ({
    id: `js-aliases-${tool}`,
    parse: (text: string, path: string) => {
      const read = basename(path) !== 'package.json' ? readConfig(manifests, path, tool, text) : tool === 'Jest' ? packageJest(manifests, path) : tool === 'Apostrophe' ? apostropheRules(manifests, path) : tool === 'Vue CLI' ? vueCliRules(manifests, path) : svelteKitDefault(manifests, path);
      return { value: read.rules, diagnostics: read.problems };
    },
  });
  const add = (config: string, tool: AliasTool) => {
    const rules = manifests.get(config, format(tool)) ?? [];
    if (rules.length === 0) return;
    const scope = projectOf(manifests, config);
    byScope.set(scope, [...(byScope.get(scope) ?? []), ...rules]);
  };
  for (const path of manifests.all((p) => !p.includes('node_modules/'), TOOL_CONFIG_NAMES)) {
    const name = basename(path);
    const tool = toolOf(name);
    if (tool !== null) add(path, tool);
    // Reading every package.json's text is the workspace scan's cost already; a "jest" key is rare.
    else if (name === 'package.json') {
      const text = manifests.text(path) ?? '';
      if (/"jest"\s*:/.test(text)) add(path, 'Jest');
      if (text.includes('"apostrophe"') && usesApostrophe(manifests, path)) add(path, 'Apostrophe');
      if (text.includes('"@vue/cli-service"')) add(path, 'Vue CLI');
      // A SvelteKit app without svelte.config still has `$lib`.
      if (text.includes('"@sveltejs/kit"') && !['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].some((ext) => manifests.files.has(joinRepo(dirname(path), `svelte.config.${ext}`) ?? ''))) add(path, 'SvelteKit');
    }
  }
  // A knip config's `paths` (knip-paths.ts): scoped to each workspace it names, not to the config's project.
  for (const { scope, rules } of knipPathRules(manifests)) byScope.set(scope, [...(byScope.get(scope) ?? []), ...rules]);
  const memo = new Map<string, readonly AliasRule[]>();
  const rulesFor = (dir: string): readonly AliasRule[] => {
    const known = memo.get(dir);
    if (known) return known;
    const own = byScope.get(dir);
    const above = dir === '' ? EMPTY_LIST : rulesFor(dirname(dir));
    // A folder without rules of its own shares the list above it.
    const rules = own === undefined ? above : uniformList([...own, ...above]);
    memo.set(dir, rules);
    return rules;
  };
  return { rulesFor };
};

/** The scan's tool aliases, read once per scan and shared by every stage that asks. */
export const toolAliases = (manifests: Manifests): ToolAliases => manifests.derive('js-tool-aliases', build);
