/**
 * package.json: `bin`, `main`, `module`, every file `exports` names and the root JS files `files`
 * publishes (published-files.ts) are production entries. A subpath pattern (`"./*": "./src/*.ts"`)
 * names the files Node would load through it: a subpath another key takes (`"./internal/*": null`,
 * `"./*.test.js": null`) is not exported (manifests/package-exports.ts). Paths are relative to the
 * package's folder. Each script is a command run in that folder — tooling, except the ones that serve the package (`start`, `serve` and their pre/post hooks).
 * Without `main` and `exports`, Node loads the package's index.js: it (or the TypeScript source
 * it is built from) is the entry. index/main/cli files at the package root and in src/ are
 * entries by the ecosystem's convention (the defaults knip uses), whatever the fields say.
 * `main` is completed as Node completes it (nodeMainTarget): `"main": "lib/hexo"` and
 * `"main": "./lib"` load lib/hexo.js or lib/hexo/index.js, and lib/index.js.
 * `types` targets (field or condition) are tooling entries: the declarations users' TypeScript reads.
 */
import { isFolder, pathsWithPrefix } from '../util/file-index.js';
import { isWithheldSubpath, targetPatternStar } from '../manifests/package-exports.js';
import type { EntryKind } from '../model/verdict.js';
import { warning } from '../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../util/path.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { publishedRootEntries } from './published-files.js';
import { createBuildOutputMap, sourceNamesFor } from '../languages/javascript/build-output.js';
import { isRecord, JSON_MANIFEST, type JsonDocument } from '../manifests/json.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';

const PRODUCTION_SCRIPTS = new Set(['start', 'serve', 'prestart', 'poststart']);

export const scriptKind = (name: string): EntryKind => (PRODUCTION_SCRIPTS.has(name) ? 'production' : 'tooling');

interface Site {
  path: string;
  dir: string;
  doc: JsonDocument;
  ctx: DetectorContext;
  out: DetectorOutput;
}

/**
 * The repo files a pattern target (`dist/*.js`, relative to the repo) covers under the exports
 * key `key` (`./*`). Each file's subpath (`./x`) is resolved as Node does, and a file whose
 * subpath lands on a `null` key (`"./internal/*": null`, a longer `"./*.test.js": null`, an
 * exact `"./legacy.js": null`) is withheld: Node refuses that import. A subpath that a broader
 * pattern shares with another non-null key still counts: the package named the file, and a key
 * precedence its author likely never meant is no reason to call the file dead. Without a map
 * (a bin, main or module field with a `*`) every match counts.
 */
const patternFiles = (pattern: string, ctx: DetectorContext, exported: { key: string; map: Record<string, unknown> } | null): { all: number; files: string[] } => {
  const starOf = targetPatternStar(pattern);
  const files: string[] = [];
  let all = 0;
  // Only a `null` key withholds: a map without one (most) exports every file its pattern covers.
  const withholding = exported !== null && Object.values(exported.map).includes(null) ? exported : null;
  for (const f of pathsWithPrefix(ctx.files, pattern.slice(0, pattern.indexOf('*')))) {
    const star = starOf(f);
    if (star === null) continue;
    all++;
    if (withholding === null || !isWithheldSubpath(withholding.map, withholding.key.split('*').join(star))) files.push(f);
  }
  return { all, files };
};

/** A source the build may copy beside the rest, which no user imports: tests, and declarations (their own entries). */
const TEST_OR_DECLARATION = /(^|\/)__tests__\/|\.(test|spec)\.[cm]?[jt]sx?$|\.d\.[cm]?ts$/;

/** Type declarations, styles and data are not code that runs: not entries. */
const NOT_CODE = /\.(d\.[cm]?ts|json|css|scss|less|map)$/;

/**
 * `subpath` is the exports key the target belongs to: Node expands `*` in a target only when the
 * key has one too (`"./*": "./src/*.js"`); under `"./ignored": "./*"` the star is a literal name.
 * `map` is the exports map the key is in, whose `null` keys withhold part of what a pattern covers.
 */
const addFile = (site: Site, target: string, evidence: string, jsonPath: (string | number)[], subpath: string | null = null, map: Record<string, unknown> = {}) => {
  if (NOT_CODE.test(target)) return;
  const path = joinRepo(site.dir, target);
  if (path === null) {
    site.out.diagnostics.push(warning('package-json/outside-package', `${evidence} points outside the repo: ${target}`, site.path, site.doc.lineOf(jsonPath)));
    return;
  }
  const line = site.doc.lineOf(jsonPath);
  const isPattern = path.includes('*') && (subpath === null || subpath.includes('*'));
  if (!isPattern) {
    site.out.entries.push(fileEntry(path, 'production', evidence, line));
    return;
  }
  const exported = subpath === null ? null : { key: subpath, map };
  const matches = patternFiles(path, site.ctx, exported);
  if (matches.all > 0) {
    // A pattern over a source folder (`"./lib/*": "./src/lib/*"`) covers its tests too; no user imports those.
    for (const p of matches.files) if (!TEST_OR_DECLARATION.test(p)) site.out.entries.push(fileEntry(p, 'production', evidence, line));
    return;
  }
  // Output not built (`dist/utilities/*.js`): the sources it is built from, when the build map knows the folder's.
  const built = builtPatternSources(site, path, exported);
  // A pattern that covers no repo file and no known source stays as written, an unresolved entry.
  if (built === null) site.out.entries.push(fileEntry(path, 'production', evidence, line));
  else for (const p of built.files) site.out.entries.push(fileEntry(p, 'production', `${evidence}, built from ${p} (${built.why})`, line));
};

/**
 * The source files a pattern into build output covers (`packages/ui/dist/utilities/*.js` →
 * `packages/ui/src/utilities/*.ts`…): the folder before the `*` mapped by the build-output map
 * (tsconfig outDir/rootDir, or a dist/ beside src/), the rest of the pattern kept with each of the
 * source extensions the built one may come from. Null when the folder maps to nothing.
 */
const builtPatternSources = (site: Site, pattern: string, exported: { key: string; map: Record<string, unknown> } | null): { files: string[]; why: string } | null => {
  const folder = pattern.slice(0, pattern.lastIndexOf('/', pattern.indexOf('*')));
  if (folder === '') return null;
  const source = createBuildOutputMap(site.ctx.manifests).explainFolder(folder);
  if (source === null) return null;
  const files = new Set<string>();
  for (const candidate of sourceNamesFor(`${source.source}${pattern.slice(folder.length)}`)) {
    for (const f of patternFiles(candidate, site.ctx, exported).files) if (!TEST_OR_DECLARATION.test(f)) files.add(f);
  }
  return files.size === 0 ? null : { files: [...files].sort(), why: source.why };
};

/** TypeScript's conditions: `types`, `typings`, and the versioned `types@>=5.0`. */
const isTypesCondition = (key: string): boolean => key === 'types' || key === 'typings' || key.startsWith('types@');

/**
 * A `types` target (the `types`/`typings` field, a `types` condition): the declarations the
 * package's users' TypeScript reads, so a tooling entry — on the `.d.ts` when the repo has it,
 * else on the source it is built from (`dist/types.d.ts` → `types.ts` through the tsconfig's
 * outDir/rootDir, build-output.ts). Declarations not built yet whose source census cannot find are
 * no entry and no finding: nothing runs them. A pattern target is not followed.
 */
const addTypes = (site: Site, target: string, evidence: string, jsonPath: (string | number)[], subpath: string | null = null, map: Record<string, unknown> = {}) => {
  const path = joinRepo(site.dir, target);
  if (path === null) return;
  const line = site.doc.lineOf(jsonPath);
  if (path.includes('*')) {
    // A subpath pattern's declarations (vite's `"./types/*": { "types": "./types/*" }`): each the
    // package ships and no `null` key withholds is what its users' `vite/types/x` reads.
    if (subpath === null || !subpath.includes('*')) return;
    for (const p of patternFiles(path, site.ctx, { key: subpath, map }).files) {
      if (/\.d\.[cm]?ts$/.test(p)) site.out.entries.push(fileEntry(p, 'tooling', `${evidence} "${target}": the declarations its users' TypeScript reads`, line));
    }
    return;
  }
  if (site.ctx.files.has(path)) {
    site.out.entries.push(fileEntry(path, 'tooling', `${evidence} "${target}": the declarations its users' TypeScript reads`, line));
    return;
  }
  const built = createBuildOutputMap(site.ctx.manifests).explain(path);
  if (built) site.out.entries.push(fileEntry(built.source, 'tooling', `${evidence} "${target}", built from ${built.source} (${built.why}): the declarations its users' TypeScript reads`, line));
};

/**
 * The files a package gives other loaders than Node, when the package ships them: `browser` (a
 * bundler's main for a browser build, or its map's replacement files: `"./lib/node.js":
 * "./lib/browser.js"`), and `unpkg`/`jsdelivr` (the file those CDNs serve for the bare package URL,
 * a `<script src>` of the UMD build: vuex's `dist/vuex.js`). Production entries; a file the package
 * does not ship (a build not run here) is no entry.
 */
const addBrowserEntries = (site: Site, pkg: Record<string, unknown>): void => {
  const add = (value: unknown, evidence: string, jsonPath: string[]) => {
    if (typeof value !== 'string' || NOT_CODE.test(value)) return;
    const path = joinRepo(site.dir, value);
    // After main, exports and the defaults: a file they enter already keeps their evidence.
    if (path === null || !site.ctx.files.has(path) || site.out.entries.some((e) => e.target === path && e.kind === 'production')) return;
    site.out.entries.push(fileEntry(path, 'production', evidence, site.doc.lineOf(jsonPath)));
  };
  if (isRecord(pkg.browser)) {
    for (const [from, to] of Object.entries(pkg.browser)) if (from.startsWith('.')) add(to, `${site.path} browser "${from}": the file a browser bundle loads in its place`, ['browser', from]);
  } else add(pkg.browser, `${site.path} browser: the main a browser bundle loads`, ['browser']);
  for (const field of ['unpkg', 'jsdelivr']) add(pkg[field], `${site.path} ${field}: the file the CDN serves for the package`, [field]);
};

/** Every string leaf of `exports`: subpaths (`./cli`), conditions (`import`, `node`, `types`), fallback arrays. */
const walkExports = (site: Site, value: unknown, jsonPath: (string | number)[], subpath: string, conditions: string[], map: Record<string, unknown>, field = 'exports') => {
  if (typeof value === 'string') {
    const cond = conditions.length > 0 ? ` (${conditions.join(', ')})` : '';
    if (conditions.some(isTypesCondition)) addTypes(site, value, `${site.path} ${field} "${subpath}"${cond}`, jsonPath, subpath, map);
    else addFile(site, value, `${site.path} ${field} "${subpath}"${cond}`, jsonPath, subpath, map);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walkExports(site, v, [...jsonPath, i], subpath, conditions, map, field));
  } else if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('.')) walkExports(site, v, [...jsonPath, key], key, conditions, value, field);
      else walkExports(site, v, [...jsonPath, key], subpath, [...conditions, key], map, field);
    }
  }
};

/** An exports value as a map of subpaths: a string, array or conditions-only object is the `"."` subpath. */
const subpathMap = (exports: unknown): Record<string, unknown> => {
  if (isRecord(exports) && Object.keys(exports).some((k) => k.startsWith('.'))) return exports;
  return exports === undefined ? {} : { '.': exports };
};

/**
 * pnpm (and Yarn Berry) publish a package with `publishConfig`'s fields in place of the top-level
 * ones: `publishConfig.exports` is what its users may import (payload's ui: `"./utilities/*":
 * "./dist/utilities/*.js"`), while the top-level `exports` serves the workspace (`./src/…`). The
 * subpaths only the published map has are entries too; those both maps have are read from
 * `exports` alone, as is `"."` when `main` or `module` names it. A private package is never published.
 */
const walkPublishedExports = (site: Site, pkg: Record<string, unknown>): void => {
  if (pkg.private === true || !isRecord(pkg.publishConfig) || pkg.publishConfig.exports === undefined) return;
  const dev = subpathMap(pkg.exports);
  const published = subpathMap(pkg.publishConfig.exports);
  const asMap = published !== pkg.publishConfig.exports;
  for (const [key, value] of Object.entries(published)) {
    if (key in dev || (key === '.' && (typeof pkg.main === 'string' || typeof pkg.module === 'string'))) continue;
    walkExports(site, value, asMap ? ['publishConfig', 'exports'] : ['publishConfig', 'exports', key], key, [], published, 'publishConfig.exports');
  }
};

/**
 * The file Node loads for a `main` (or a bundler for `module`) that is not a file as written: X.js,
 * then the folder's X/index.js (Node's LOAD_AS_FILE, then LOAD_AS_DIRECTORY; .json and .node are
 * not code census reads). A name without an extension that matches neither, with nothing under
 * it, is an output not built yet (`dist/index`): X.js, which the graph maps to its source.
 */
const nodeMainTarget = (site: Site, value: string): string => {
  const rel = joinRepo(value);
  if (rel === null || value.includes('*')) return value;
  const inPackage = (p: string) => joinRepo(site.dir, p) ?? p;
  if (rel !== '' && site.ctx.files.has(inPackage(rel))) return value;
  const candidates = rel === '' ? ['index.js'] : [`${rel}.js`, `${rel}/index.js`];
  const found = candidates.find((c) => site.ctx.files.has(inPackage(c)));
  if (found) return found;
  if (rel === '' || isFolder(site.ctx.files, inPackage(rel))) return rel === '' ? 'index.js' : `${rel}/index.js`;
  return /\.[a-z0-9]+$/i.test(basename(rel)) ? value : `${rel}.js`;
};

const DEFAULT_EXTENSIONS = ['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx'];

/** index/main/cli at the package root and in src/: the files a package is entered by when nothing else says so. */
const addDefaultEntries = (site: Site, hasEntryField: boolean) => {
  for (const folder of ['', 'src']) {
    // The folder joined once: each of its 24 names is a plain file name below it.
    const base = joinRepo(site.dir, folder);
    if (base === null) continue;
    for (const name of ['index', 'main', 'cli']) {
      for (const ext of DEFAULT_EXTENSIONS) {
        const path = base === '' ? `${name}.${ext}` : `${base}/${name}.${ext}`;
        // A tooling entry (a `types` target) does not stand in for the production one.
        if (!site.ctx.files.has(path) || site.out.entries.some((e) => e.target === path && e.kind === 'production')) continue;
        const nodeDefault = folder === '' && name === 'index' && !hasEntryField;
        const evidence = nodeDefault
          ? `${site.path} has no "main" or "exports": Node loads ${name}.${ext === 'js' || ext === 'cjs' ? ext : `js (built from ${name}.${ext})`}`
          : `${site.path}: ${folder ? `${folder}/` : ''}${name}.${ext} is a package entry by convention`;
        site.out.entries.push(fileEntry(path, 'production', evidence));
      }
    }
  }
};

const packageJson: EntryDetector = {
  id: 'package-json',
  title: 'package.json (bin, main, module, exports, scripts)',
  matches: (path, name) => name === 'package.json',
  candidates: { names: ['package.json'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const doc = ctx.manifests.get(file.path, JSON_MANIFEST);
    if (!doc) return out;
    const pkg = doc.value;
    if (!isRecord(pkg)) {
      out.diagnostics.push(warning('package-json/not-an-object', 'package.json is not a JSON object', file.path, 1));
      return out;
    }
    const site: Site = { path: file.path, dir: dirname(file.path), doc, ctx, out };
    const name = typeof pkg.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '') : basename(site.dir) || 'package';
    const declared = site.out.entries.length;
    if (typeof pkg.bin === 'string') addFile(site, pkg.bin, `${file.path} bin "${name}"`, ['bin']);
    else if (isRecord(pkg.bin)) {
      for (const [bin, target] of Object.entries(pkg.bin)) if (typeof target === 'string') addFile(site, target, `${file.path} bin "${bin}"`, ['bin', bin]);
    }
    // A bin is a command name users run: among the file's roots it comes before a script that runs it (Entry.startedBy).
    for (let i = declared; i < site.out.entries.length; i++) site.out.entries[i].startedBy = 'declared-command';
    for (const field of ['main', 'module'] as const) {
      const value = pkg[field];
      if (typeof value !== 'string') continue;
      const target = nodeMainTarget(site, value);
      addFile(site, target, `${file.path} ${field}${target === value ? '' : ` "${value}" (Node loads ${target})`}`, [field]);
    }
    for (const field of ['types', 'typings'] as const) if (typeof pkg[field] === 'string') addTypes(site, pkg[field], `${file.path} ${field}`, [field]);
    if (pkg.exports !== undefined) walkExports(site, pkg.exports, ['exports'], '.', [], {});
    walkPublishedExports(site, pkg);
    addDefaultEntries(site, typeof pkg.main === 'string' || pkg.exports !== undefined);
    addBrowserEntries(site, pkg);
    if (pkg.files !== undefined) {
      out.entries.push(...publishedRootEntries(ctx.files, file.path, site.dir, pkg.files, doc.lineOf(['files']), new Set(out.entries.filter((e) => e.kind === 'production').map((e) => e.target))));
    }
    if (pkg.scripts !== undefined && !isRecord(pkg.scripts)) {
      out.diagnostics.push(warning('package-json/bad-scripts', '"scripts" is not an object', file.path, doc.lineOf(['scripts'])));
    } else if (isRecord(pkg.scripts)) {
      for (const [script, body] of Object.entries(pkg.scripts)) {
        if (typeof body !== 'string') {
          out.diagnostics.push(warning('package-json/bad-scripts', `script "${script}" is not a string`, file.path, doc.lineOf(['scripts', script])));
          continue;
        }
        addCommand(out, body, { cwd: site.dir, kind: scriptKind(script), evidence: `${file.path} script "${script}"`, line: doc.lineOf(['scripts', script]) });
      }
    }
    return out;
  },
};

export default packageJson;
