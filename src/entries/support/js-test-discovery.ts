/**
 * Which JS/TS files a package's test runner would collect, by the runner's own defaults or by
 * its config when the config gives the patterns as a literal array:
 *
 * - the runner comes from the nearest package.json: its dependencies (vitest, jest, mocha), a
 *   runner config file beside it, or a script that runs `node --test`;
 * - vitest: `test.include` in vitest.config.* / vite.config.* (under `test.root` when one is given),
 *   else `**\/*.{test,spec}.?(c|m)[jt]s?(x)`;
 * - jest: `testMatch` in jest.config.* or package.json "jest", else `**\/__tests__/**` and `*.{test,spec}.*`;
 * - mocha: `spec` in .mocharc.* or package.json "mocha", else test/**;
 * - node --test: node's defaults (`*.test.js`, `test-*.js`, `test/**`, … and their .ts forms);
 * - no runner found: `*.test.*`, `*.spec.*` and `__tests__/**` anywhere.
 */
import { pathsInDir } from '../../util/file-index.js';
import { compileRepoGlob } from '../../util/glob.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { diagnostic, warning } from '../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { DetectorContext } from '../types.js';
import { isRecord } from '../../manifests/json.js';
import { packageJsonObject } from '../../manifests/package-json.js';
import { YAML } from '../../manifests/yaml.js';

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
const EXT = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';
const GENERIC = [`**/*.{test,spec}.${EXT}`, `**/__tests__/**/*.${EXT}`];
const DEFAULTS: Record<string, string[]> = {
  vitest: ['**/*.{test,spec}.?(c|m)[jt]s?(x)'],
  jest: ['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[jt]s?(x)'],
  mocha: ['test/**/*.{js,cjs,mjs,ts}'],
  'node:test': [`**/*{.,-,_}test.${EXT}`, `**/test-*.${EXT}`, `**/test.${EXT}`, `**/test/**/*.${EXT}`],
};
const CONFIG_FILES: Record<string, RegExp> = {
  vitest: /^(vitest|vite)\.config\.[cm]?[jt]s$/,
  jest: /^jest\.config\.([cm]?[jt]s|json)$/,
  mocha: /^\.mocharc\.(js|cjs|json|jsonc|ya?ml)$/,
};
const CONFIG_KEY: Record<string, string> = { vitest: 'include', jest: 'testMatch', mocha: 'spec' };

/** The index after the string literal that opens at `i` (quotes `'`, `"`, backtick; backslash escapes). */
const skipString = (text: string, i: number): number => {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote || text[j] === '\n') return j + 1;
  }
  return text.length;
};

/**
 * The text of the object literal opened by `key: {` (vitest's `test: { … }`), else the whole text.
 * Braces inside strings (`'**\/*.{ts,tsx}'`) are not the object's.
 */
const objectBody = (text: string, key: string): string => {
  const at = new RegExp(`["']?\\b${key}["']?\\s*:\\s*\\{`).exec(text);
  if (!at) return text;
  let depth = 0;
  const start = at.index + at[0].length - 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '"' || text[i] === "'" || text[i] === '`') {
      i = skipString(text, i) - 1;
      continue;
    }
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start + 1, i);
  }
  return text.slice(start + 1);
};

/** Nested object literals blanked out, so a key is only found at this object's own level (strings kept whole). */
const ownLevel = (body: string): string => {
  let out = '';
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = skipString(body, i);
      if (depth === 0) out += body.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === '{') depth++;
    if (depth === 0) out += c;
    if (c === '}') depth = Math.max(0, depth - 1);
  }
  return out;
};

/** `key: ['a', "b"]` in a JS/JSON config → the strings; null when absent; 'computed' when not literal. */
export const literalArray = (text: string, key: string): string[] | 'computed' | null => {
  const at = new RegExp(`["']?\\b${key}["']?\\s*:\\s*`).exec(text);
  if (!at) return null;
  const rest = text.slice(at.index + at[0].length);
  const single = /^(['"`])([^'"`$]*)\1/.exec(rest);
  if (single) return [single[2]];
  const list = /^\[([^\]]*)\]/.exec(rest);
  if (!list) return 'computed';
  const strings = [...list[1].matchAll(/(['"`])([^'"`]*)\1/g)].map((m) => m[2]);
  const leftover = list[1].replace(/(['"`])[^'"`]*\1/g, '').replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').replace(/[\s,]/g, '');
  return leftover === '' && !strings.some((g) => g.includes('${')) ? strings : 'computed';
};

/**
 * Where a runner's pattern list sits in its config: vitest's `include` under `test: { … }` (not
 * `coverage.include`), jest's `testMatch` and mocha's `spec` wherever they first appear.
 */
const configGlobs = (runner: string, text: string): string[] | 'computed' | null => {
  if (runner !== 'vitest') return literalArray(text, CONFIG_KEY[runner]);
  const body = objectBody(text, 'test');
  if (body === text) return null;
  const own = ownLevel(body);
  const globs = literalArray(own, CONFIG_KEY[runner]);
  // `test.root` moves where vitest looks: its include globs are relative to it.
  const root = literalArray(own, 'root');
  const base = Array.isArray(root) && root.length === 1 ? root[0].replace(/^\.\/?/, '').replace(/\/+$/, '') : '';
  if (base === '' || base.startsWith('..') || !Array.isArray(globs)) return globs;
  return globs.map((g) => `${base}/${g.replace(/^\.\//, '')}`);
};

const dependsOn = (pkg: Record<string, unknown>, name: string): boolean =>
  ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((k) => isRecord(pkg[k]) && name in (pkg[k] as Record<string, unknown>));

const runsNodeTest = (pkg: Record<string, unknown>): boolean =>
  isRecord(pkg.scripts) && Object.values(pkg.scripts).some((s) => typeof s === 'string' && /\bnode\b[^&|;\n]*\s--test(?![-\w])/.test(s));

const stripRootDir = (glob: string): string => glob.replace(/^<rootDir>\//, '').replace(/^\.\//, '');

interface Package {
  dir: string;
  runners: RunnerPatterns[];
}

const readPackage = (dir: string, ctx: DetectorContext, diagnostics: Diagnostic[]): Package => {
  const pkgPath = joinRepo(dir, 'package.json') ?? 'package.json';
  // A broken package.json is reported by the store; here it just names no runner.
  const pkg: Record<string, unknown> = packageJsonObject(ctx.manifests, pkgPath) ?? {};
  const siblings = pathsInDir(ctx.files, dir);
  const runners: RunnerPatterns[] = [];
  for (const runner of ['vitest', 'jest', 'mocha', 'node:test']) {
    const configs = siblings.filter((f) => CONFIG_FILES[runner]?.test(basename(f)));
    const inPackage = runner !== 'node:test' ? pkg[runner] : undefined;
    const used = runner === 'node:test' ? runsNodeTest(pkg) : dependsOn(pkg, runner) || configs.length > 0 || isRecord(inPackage);
    if (!used) continue;
    let found: RunnerPatterns | null = null;
    for (const config of configs) {
      const text = ctx.manifests.text(config) ?? '';
      let globs = configGlobs(runner, text);
      if (/\.ya?ml$/.test(config)) {
        const [y] = ctx.manifests.get(config, YAML) ?? [];
        const spec = y ? y.get(y.root, 'spec') : undefined;
        globs = y && spec !== undefined ? (y.isSeq(spec) ? y.items(spec).map((n) => y.str(n) ?? '') : [y.str(spec) ?? '']) : null;
      }
      if (globs === 'computed') diagnostics.push(diagnostic('tests/config-not-literal', 'info', `${CONFIG_KEY[runner]} is computed, not a literal list: ${runner}'s default patterns are used`, config));
      else if (globs) found = { runner, globs: globs.map(stripRootDir), config };
    }
    const fromPackage = isRecord(inPackage) ? inPackage[CONFIG_KEY[runner]] : undefined;
    if (!found && Array.isArray(fromPackage)) found = { runner, globs: fromPackage.filter((g): g is string => typeof g === 'string').map(stripRootDir), config: pkgPath };
    runners.push(found ?? { runner, globs: DEFAULTS[runner], config: null });
  }
  return { dir, runners };
};

/** The folder of the nearest package.json. */
const nearestPackageDir = (ctx: DetectorContext, file: string): string | null => {
  const pkg = ctx.manifests.nearest(dirname(file), 'package.json');
  return pkg === null ? null : dirname(pkg);
};

export const jsTests = (ctx: DetectorContext): { tests: JsTest[]; diagnostics: Diagnostic[] } => {
  const diagnostics: Diagnostic[] = [];
  const packages = new Map<string, Package>();
  const matchers = new Map<string, (path: string) => boolean>();
  const matcher = (glob: string) => {
    let m = matchers.get(glob);
    if (!m) matchers.set(glob, (m = compileRepoGlob(glob, (reason) => diagnostics.push(warning('entry/glob-refused', reason)))));
    return m;
  };
  const tests: JsTest[] = [];
  for (const file of ctx.files) {
    if (!JS_FILE.test(file) || file.endsWith('.d.ts')) continue;
    const dir = nearestPackageDir(ctx, file);
    let pkg = dir === null ? undefined : packages.get(dir);
    if (dir !== null && !pkg) packages.set(dir, (pkg = readPackage(dir, ctx, diagnostics)));
    const runners = pkg && pkg.runners.length > 0 ? pkg.runners : [{ runner: 'test', globs: GENERIC, config: null }];
    const relative = !dir ? file : file.slice(dir.length + 1);
    for (const r of runners) {
      const glob = r.globs.find((g) => matcher(g)(relative));
      if (!glob) continue;
      const name = r.runner === 'test' ? 'test file' : r.runner;
      tests.push({ file, config: r.config, evidence: `${name} discovery${r.config ? ` (${r.config})` : ''}: ${glob}` });
      break;
    }
  }
  return { tests, diagnostics };
};
