/**
 * A package's `dist/`, `build/` or `out/` that is its own code, not a build's output. The default
 * excludes leave those folders out as what a build writes; a published package (hexo-cli's
 * `"main": "dist/hexo"`, verdaccio's `build/`), or a repo that commits a package's compiled code
 * without what compiles it, has no build in the tree: left out, all its code vanished from the
 * census. Such a folder is kept when its package.json's entry fields (`main`, `module`, `browser`,
 * `bin`, `exports`, `types`, `typings`) point into it, or name a file beside the package.json that
 * requires a file in it (The Lounge's bin `index.js`: `require("./dist/server/index.js")`), and
 * nothing in that package builds it:
 *
 * - no `src/` or `source/` folder beside it that holds code (the sources a build compiles into it;
 *   @actual-app/sync-server publishes a src/ with one README and its whole app in build/);
 * - no bundler or build-tool config beside it (rollup, webpack, vite, tsup, … gulp, grunt, parcel:
 *   they write `dist/` by default or by what they say);
 * - no `binding.gyp` beside a `build/` (node-gyp writes it: Makefile, `Release/*.node`);
 * - no tsconfig*.json beside it whose `outDir`, `outFile` or `declarationDir` is inside it;
 * - no package.json script that names the folder (`babel lib -d dist`, `rimraf dist`, `ncc build
 *   index.js -o dist`) together with an input that is there: another path of the package it names,
 *   or a tsconfig beside it. verdaccio's `babel src/ --out-dir build/` names no input the published
 *   package has: nothing there writes build/. A deeper input must be there (`cp -r src/sql build/src/sql`
 *   with no src/sql is not one). The word after an output flag (`-o`, `--outfile`,
 *   `--out-dir`, `-d`, …) counts even when it names a file in it (`--outfile=dist/x.js`);
 * - no source twin of the entry outside it (`dist/foo.js` ← a root `foo.ts`, or `lib/foo.js`);
 * - no bundler config at the root of the workspace the package is in.
 *
 * Only the package.json (and tsconfig) files beside a listed output folder are read, each at most
 * MAX_READ bytes, symlinks not followed; the last two checks, reached only by a folder about to be
 * kept, lstat a few paths and list the folders above the package. A package.json that is not JSON is a warning naming it, and
 * the folder stays out as before.
 */
import fs from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnostic, warning } from '../util/diagnostics.js';
import { parseJsonDocument, isRecord, type JsonDocument } from '../manifests/json.js';
import { sourceNamesFor } from '../languages/javascript/build-output.js';
import { pathKind } from '../util/fs.js';
import { byString } from '../util/compare.js';
import { lineAt } from '../util/lines.js';
import { JS_FAMILY_CODE_FILE } from '../languages/js-family.js';
import { runsWithNode } from '../languages/shebang.js';
import { joinRepo } from '../util/path.js';

/** The default-excluded folder names a package's own code may sit in. */
const OUTPUT_DIRS: ReadonlySet<string> = new Set(['dist', 'build', 'out']);

/** Largest package.json or tsconfig read here: a bigger one is not a hand-written manifest. */
export const MAX_READ = 512 * 1024;

/** The names one folder of a package holds: its files and its folders. */
interface FolderNames {
  files: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
}

/** One output folder kept, and the package.json field that says it is the package's code. */
export interface KeptOutput {
  /** The folder's repo path (`dist`, `packages/x/build`). */
  dir: string;
  manifest: string;
  field: string;
  value: string;
  line: number;
}

/** A package.json entry that puts the package's code in an output folder; `target` is the path in it when `value` describes more. */
interface EntryHit {
  field: string;
  value: string;
  target?: string;
  path: (string | number)[];
}

/** The package.json fields that name the files a package's users load. */
const ENTRY_FIELDS = ['main', 'module', 'browser', 'bin', 'exports', 'types', 'typings'] as const;

/** Source folders a build compiles into an output folder beside them. */
const SOURCE_DIRS = ['src', 'source'];

/** Configs of tools that build a package into dist/ (or build/, out/) by default or as configured. */
const BUILDER_CONFIG = /^(?:(?:rollup|webpack|vite|tsup|tsdown|rolldown|rspack|rsbuild|esbuild|build|snowpack|parcel|vue|svelte|astro|electron-builder)\.config\.[cm]?[jt]s|(?:gulpfile|gruntfile)(?:\.babel)?\.[cm]?[jt]s|\.parcelrc|angular\.json|electron-builder\.(?:json|ya?ml))$/i;

const TSCONFIG = /^tsconfig(?:\.[^/]*)?\.json$/;

/** Script flags whose next word is what the command writes (`-o dist/x.js`, `--outfile=dist/x.js`, `babel lib -d dist`). */
const OUTPUT_FLAGS: ReadonlySet<string> = new Set(['-o', '--outfile', '--out-file', '--outdir', '--out-dir', '-d']);

/** Extensions only a build reads: a root file with one is a source, not a shim beside the output (verdaccio's root index.js). */
const SOURCE_ONLY_EXT = /\.(?:ts|tsx|mts|cts|jsx)$/;

/** Code files a source twin may be in a first-level folder (`lib/foo.js` for `dist/foo.js`). */
const CODE_EXT = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** What beyond the package.json and its folder's names the rule looks at, on disk. */
interface PackageDisk {
  /** Whether a repo path is a regular file (no symlink followed). */
  isFile: (repoPath: string) => boolean;
  /** What a folder (repo path, '' = the root) holds, null when it cannot be read. */
  namesAt: (repoDir: string) => FolderNames | null;
}

/** A regular file's text (no symlink followed), null when absent, unreadable or larger than MAX_READ. */
const readSmallFile = (abs: string): string | null => {
  try {
    const st = fs.lstatSync(abs);
    if (!st.isFile() || st.size > MAX_READ) return null;
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return null;
  }
};

/** `./dist/x.js` → `dist/x.js`. */
const plain = (value: string): string => value.replace(/^(?:\.\/)+/, '');

/** Conditions whose target is the source a build starts from, or its types, never code shipped beside the output. */
const SOURCE_CONDITIONS = new Set(['types', 'typings', 'development', 'source']);

/** The subpath an entry serves: main, module, browser and the types fields all serve `.`; exports its key; bin each command. */
const subpathOf = (root: Record<string, unknown>, path: readonly (string | number)[]): string => {
  const [field, key] = path;
  if (field === 'bin') return `bin:${String(key ?? '')}`;
  if (field === 'exports' && typeof key === 'string' && key.startsWith('.')) return key;
  return field === 'exports' && isRecord(root.exports) && Object.keys(root.exports).some((k) => k.startsWith('.')) ? String(key) : '.';
};

/**
 * Every path an entry field names for another subpath than `hit`'s (astro's `"./components":
 * "./components/index.ts"` beside `".": "./dist/index.js"`), nested maps and lists read to depth 8.
 * A path the same subpath names (`"types": "./lib/index.ts"` beside `"main": "./dist/index.js"`) or
 * a types/development/source condition names is what the output is built from, so it still counts as its twin.
 */
const entryPaths = (root: Record<string, unknown>, hit: EntryHit): Set<string> => {
  const out = new Set<string>();
  const own = subpathOf(root, hit.path);
  const walk = (value: unknown, path: (string | number)[], depth: number): void => {
    if (typeof value === 'string') {
      if (subpathOf(root, path) !== own && !path.some((k) => typeof k === 'string' && SOURCE_CONDITIONS.has(k))) out.add(plain(value));
    } else if (depth < 8 && Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], depth + 1));
    else if (depth < 8 && isRecord(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k], depth + 1);
  };
  for (const field of ENTRY_FIELDS) if (field !== 'types' && field !== 'typings') walk(root[field], [field], 0);
  return out;
};

/** The first string under `value` (an exports map, a bin map) that lies in folder `dir`, with its member path. */
const firstInto = (value: unknown, dir: string, path: (string | number)[], depth = 0): { value: string; path: (string | number)[] } | null => {
  if (typeof value === 'string') {
    const p = plain(value);
    return p === dir || p.startsWith(`${dir}/`) ? { value, path } : null;
  }
  if (depth > 8) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = firstInto(value[i], dir, [...path, i], depth + 1);
      if (hit) return hit;
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      const hit = firstInto(v, dir, [...path, k], depth + 1);
      if (hit) return hit;
    }
  }
  return null;
};

/** Words of a script command line: quotes dropped, `--out-dir=dist` split at `=`, `&&`/`;`/`|` as separators. */
const scriptWords = (command: string): string[] =>
  command.split(/[\s;&|()]+/).flatMap((w) => w.replace(/^['"]+|['"]+$/g, '').split('=')).filter((w) => w !== '');

/** Whether a word names the folder `dir` itself (or a folder or glob inside it), not a file in it that is run. */
const namesFolder = (word: string, dir: string): boolean => {
  const p = plain(word).replace(/\/+$/, '');
  if (p === dir) return true;
  if (!p.startsWith(`${dir}/`)) return false;
  const last = p.slice(p.lastIndexOf('/') + 1);
  return last.includes('*') || !/\.[A-Za-z0-9]+$/.test(last);
};

/**
 * The source the entry `value` (a path into `dir`) is built from, in the package outside `dir`:
 * `dist/foo.js` ← `foo.ts` at the package root, or `lib/foo.js` / `src/x/foo.tsx` in a folder
 * directly under it other than bin/ (and node_modules/, output folders, dot folders), unless a
 * source map beside it says a compiler wrote it too (`cli/index.js` + `cli/index.js.map`). A root file
 * of the entry's own extension does not count: it is a shim that loads the output (verdaccio's
 * `index.js` is `export … from './build/index'`).
 */
const sourceTwin = (dir: string, value: string, names: FolderNames, isFile: (name: string) => boolean, entries: ReadonlySet<string>): string | null => {
  let rest = plain(value).slice(dir.length + 1);
  if (rest === '' || rest.includes('*')) return null;
  if (!/\.[A-Za-z0-9]+$/.test(rest.slice(rest.lastIndexOf('/') + 1))) rest = `${rest}.js`;
  const folders = [...names.dirs].filter((d) => d !== 'bin' && d !== 'node_modules' && !OUTPUT_DIRS.has(d) && !d.startsWith('.')).sort();
  for (const twin of sourceNamesFor(rest)) {
    if (SOURCE_ONLY_EXT.test(twin) && isFile(twin) && !entries.has(twin)) return twin;
    if (!CODE_EXT.test(twin)) continue;
    // A twin with its source map beside it is a compiler's output too (@vendure/core's cli/index.js + cli/index.js.map), not what dist/ is built from;
    // one an entry field names is shipped as it is (astro's `"./components": "./components/index.ts"`), not the source of `"." : "./dist/index.js"`.
    for (const d of folders) if (isFile(`${d}/${twin}`) && !isFile(`${d}/${twin}.map`) && !entries.has(`${d}/${twin}`)) return `${d}/${twin}`;
  }
  return null;
};

/**
 * A literal relative specifier of a `require`/`import` in an entry file: `require("./dist/server/index.js")`,
 * or from a bin/ file, `import … from '../dist/utils/x.js'` (netlify-cli's `bin/run.js`). A template
 * without a substitution is a literal too: gatsby's bin `cli.js` is `require(`./dist/bin/gatsby.js`)`
 * (its Babel preset writes every string so), and its whole dist/ was left out of the scan (stop 65).
 */
const LOCAL_SPECIFIER = /(?:\brequire\s*\(|\bimport\s*\(|\bfrom)\s*(['"`])((?:\.\.?\/)+[^'"`\n$]+)\1/g;

/**
 * Whether a specifier names JS code: a code extension or none (`./dist/server`). A native addon's
 * `require('./build/Release/addon.node')` or a `.json` is data node-gyp or a build wrote, not code.
 */
const namesCode = (specifier: string): boolean => {
  const last = specifier.slice(specifier.lastIndexOf('/') + 1);
  return CODE_EXT.test(last) || !/\.[A-Za-z0-9]+$/.test(last);
};

/** Whether offset `at` of `text` is on a comment line (`//`, `/*`, ` * `) or after a `//` on its line. */
const inLineComment = (text: string, at: number): boolean => {
  const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  return /^\s*(?:\/\*|\*)/.test(before) || before.includes('//');
};

/**
 * An entry file outside `dir` (`bin`, `main`, … naming a file beside the package.json) that
 * requires a file in it: The Lounge's bin `index.js` runs `require("./dist/server/index.js")`, and
 * its `server/` sources are not published. The entry's own member path, the entry and what it loads
 * as the value (for the diagnostic), and the required path as the target (for the source twin).
 * Only a specifier that names code counts, and not one on a comment line.
 *
 * Stop 55: the entry may be in a folder of the package other than an output folder or
 * node_modules (netlify-cli's `"bin": "./bin/run.js"` imports `../dist/utils/nodejs-compile-cache.js`,
 * and its 1,000 files of dist/ were left out), its specifier read from that folder; a file there
 * without an extension counts when a shebang runs it with Node. A specifier that leaves the package
 * or lands outside `dir` names nothing.
 */
const entryRequiring = (root: Record<string, unknown>, dir: string, readBeside: (name: string) => string | null): EntryHit | null => {
  const entries: { value: string; path: (string | number)[] }[] = [];
  const collect = (value: unknown, path: (string | number)[], depth: number): void => {
    if (typeof value === 'string') entries.push({ value, path });
    else if (depth < 4 && isRecord(value)) for (const [k, v] of Object.entries(value)) collect(v, [...path, k], depth + 1);
  };
  for (const field of ENTRY_FIELDS) collect(root[field], [field], 0);
  for (const entry of entries) {
    const file = plain(entry.value);
    const first = file.split('/')[0];
    if (file.includes('/') && (file.split('/').some((seg) => seg === '' || seg === '.' || seg === '..') || OUTPUT_DIRS.has(first) || first === 'node_modules')) continue;
    const last = file.slice(file.lastIndexOf('/') + 1);
    const bare = file.includes('/') && !/\.[A-Za-z0-9]+$/.test(last);
    if (SOURCE_ONLY_EXT.test(file) || (!CODE_EXT.test(file) && !bare)) continue;
    const text = readBeside(file);
    if (text === null || (bare && !runsWithNode(text))) continue;
    const from = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    for (const m of text.matchAll(LOCAL_SPECIFIER)) {
      const target = joinRepo(from, m[2]);
      if (target === null || !target.startsWith(`${dir}/`) || !namesCode(target) || inLineComment(text, m.index)) continue;
      return { field: String(entry.path[0]), value: `${entry.value}, which loads ${m[2]} (line ${lineAt(text, m.index)})`, target, path: entry.path };
    }
  }
  return null;
};

/**
 * A bundler or build config at the root of the workspace the package is in (the nearest folder
 * above it holding pnpm-workspace.yaml, lerna.json or a package.json with `workspaces`): a
 * monorepo's root `rollup.config.js` builds its packages' dist/.
 */
const workspaceBuilder = (pkgDir: string, read: (repoPath: string) => string | null, disk: PackageDisk): string | null => {
  if (pkgDir === '') return null;
  const parts = pkgDir.split('/');
  for (let n = parts.length - 1; n >= 0; n--) {
    const up = parts.slice(0, n).join('/');
    const names = disk.namesAt(up);
    if (names === null) continue;
    const at = (name: string): string => (up === '' ? name : `${up}/${name}`);
    let root = names.files.has('pnpm-workspace.yaml') || names.files.has('lerna.json');
    if (!root && names.files.has('package.json')) {
      const text = read(at('package.json'));
      const parsed = text === null ? null : parseJsonDocument(text, at('package.json'));
      root = parsed !== null && !('diagnostic' in parsed) && isRecord(parsed.doc.value) && parsed.doc.value.workspaces !== undefined;
    }
    if (!root) continue;
    for (const f of [...names.files].sort()) if (BUILDER_CONFIG.test(f)) return `${at(f)} at the workspace root`;
    return null;
  }
  return null;
};

/** Code a build compiles: the JS family's code files (JS, TS and the component languages bundlers read) and CoffeeScript. */
const isSourceCode = (f: string): boolean => JS_FAMILY_CODE_FILE.test(f) || f.endsWith('.coffee');

/** Most folders `holdsCode` lists under one source folder before it answers yes unread. */
const MAX_SOURCE_DIRS = 2000;

/**
 * Whether the package folder `name` (beside the package.json) holds a code file at any depth:
 * a src/ that a build compiles does; @actual-app/sync-server's published `src/` holds one README
 * (its TypeScript is not published) and builds nothing. A folder that cannot be listed, or more
 * than MAX_SOURCE_DIRS folders, counts as holding code (the folder stays out, as before).
 */
const holdsCode = (name: string, disk: PackageDisk): boolean => {
  const queue = [name];
  for (let i = 0; i < queue.length; i++) {
    if (i >= MAX_SOURCE_DIRS) return true;
    const names = disk.namesAt(queue[i]);
    if (names === null) return true;
    for (const f of names.files) if (isSourceCode(f)) return true;
    for (const d of [...names.dirs].sort()) if (d !== 'node_modules') queue.push(`${queue[i]}/${d}`);
  }
  return false;
};

/** Whether a path beside the package.json is there: a file or a folder (a folder that cannot be listed counts as absent). */
const isThere = (path: string, disk: PackageDisk): boolean => disk.isFile(path) || disk.namesAt(path) !== null;

/** Programs that only remove or make folders: a script of nothing else writes no output. */
const CLEARS = new Set(['rimraf', 'rm', 'del', 'del-cli', 'mkdir', 'mkdirp', 'make-dir']);

/**
 * Whether every command of a script (split at `&&`, `||`, `;`, `|`) only removes or makes folders:
 * gatsby's `"prebuild": "rimraf dist && rimraf cache-dir/commonjs"` clears dist/ and names a folder
 * the package ships, but builds nothing from it (stop 65: it read as a build of dist/ from cache-dir/commonjs).
 * Such a script names no input; beside a tsconfig it still counts (builderOf).
 */
const onlyClears = (command: string): boolean =>
  command
    .split(/&&|\|\||[;|]/)
    .map((part) => part.trim().split(/\s+/).filter((w) => w !== 'npx' && !/^[A-Za-z_][\w]*=/.test(w))[0] ?? '')
    .every((program) => program === '' || CLEARS.has(program));

/**
 * What in the package writes `dir` (a name in its folder), or null when nothing there does.
 * `disk` answers for paths relative to the package folder (`at` applied).
 */
const builderOf = (dir: string, names: FolderNames, doc: JsonDocument, readBeside: (name: string) => string | null, disk: PackageDisk): string | null => {
  for (const s of SOURCE_DIRS) if (names.dirs.has(s) && holdsCode(s, disk)) return `${s}/ beside it`;
  // node-gyp writes build/ (Makefile, Release/*.node) from a binding.gyp beside the package.json.
  if (dir === 'build' && names.files.has('binding.gyp')) return 'binding.gyp (node-gyp)';
  const tsconfigs: string[] = [];
  for (const f of names.files) {
    if (BUILDER_CONFIG.test(f)) return f;
    if (TSCONFIG.test(f)) tsconfigs.push(f);
  }
  const outInto = new RegExp(`"(?:outDir|outFile|declarationDir)"\\s*:\\s*"(?:\\./)*${dir}(?:[/"])`);
  for (const t of tsconfigs.sort()) if (outInto.test(readBeside(t) ?? '')) return `${t}'s output`;
  const root = doc.value as Record<string, unknown>;
  const scripts = isRecord(root.scripts) ? root.scripts : {};
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== 'string') continue;
    const words = scriptWords(command);
    const into = (w: string, i: number): boolean => namesFolder(w, dir) || (i > 0 && OUTPUT_FLAGS.has(words[i - 1]) && plain(w).startsWith(`${dir}/`));
    if (!words.some(into)) continue;
    // A clean of the folder beside a tsconfig still says tsc writes it: its outDir may come from a base
    // outside the package (`"extends": "../../tsconfig.base.json"`), which is not read (review s65-rv2).
    if (tsconfigs.length > 0) return `script "${name}" with ${tsconfigs[0]}`;
    // Otherwise a script that only clears folders reads no input: its other folders are removed too.
    if (onlyClears(command)) continue;
    // An input the command reads: a folder of the package (`lib`, `src/index.ts`'s `src`) or a file beside the package.json.
    const input = words.find((w) => {
      const p = plain(w).replace(/\/+$/, '');
      const first = p.split('/')[0];
      if (first === dir || first === 'node_modules' || p === 'package.json') return false;
      if (p === first) return names.dirs.has(p) || names.files.has(p);
      // A deeper path must be there (up to its first glob segment): sync-server's `cp -r src/sql build/src/sql` names a src/sql it does not publish.
      const fixed = p.split('/');
      const glob = fixed.findIndex((seg) => /[*?[{]/.test(seg));
      return names.dirs.has(first) && isThere((glob < 0 ? fixed : fixed.slice(0, glob)).join('/'), disk);
    });
    if (input !== undefined) return `script "${name}" (from ${input} to ${dir}/)`;
  }
  return null;
};

/**
 * The output folders of the package in folder `pkgDir` (repo path, '' = the root) that are its own
 * code. `names`: what the package's folder holds; `candidates`: its output folders that hold files;
 * `read`: a file's text by repo path (MAX_READ at most), null when it cannot be read.
 */
export const keptOutputDirs = (
  pkgDir: string,
  names: FolderNames,
  candidates: readonly string[],
  read: (repoPath: string) => string | null,
  diagnostics: Diagnostic[],
  disk: PackageDisk = { isFile: (path) => read(path) !== null, namesAt: () => null },
): KeptOutput[] => {
  const at = (name: string): string => (pkgDir === '' ? name : `${pkgDir}/${name}`);
  const manifest = at('package.json');
  const text = read(manifest);
  if (text === null) return [];
  const parsed = parseJsonDocument(text, manifest);
  if ('diagnostic' in parsed) {
    diagnostics.push(warning('discover/package-json-unread', `package.json not read for its entry points (${parsed.diagnostic.message}); ${candidates.map((c) => `${c}/`).join(', ')} left out as build output`, manifest, parsed.diagnostic.location?.line));
    return [];
  }
  if (!isRecord(parsed.doc.value)) return [];
  const root = parsed.doc.value;
  const out: KeptOutput[] = [];
  for (const dir of [...candidates].sort()) {
    let hit: EntryHit | null = null;
    for (const field of ENTRY_FIELDS) {
      const found = firstInto(root[field], dir, [field]);
      if (found) {
        hit = { field, ...found };
        break;
      }
    }
    hit ??= entryRequiring(root, dir, (name) => read(at(name)));
    const besideDisk: PackageDisk = { isFile: (name) => disk.isFile(at(name)), namesAt: (name) => disk.namesAt(at(name)) };
    if (hit === null || builderOf(dir, names, parsed.doc, (name) => read(at(name)), besideDisk) !== null) continue;
    // Costlier, so last (reached only by a folder about to be kept): a source twin of the entry, a workspace root's bundler config.
    if (sourceTwin(dir, hit.target ?? hit.value, names, (name) => disk.isFile(at(name)), entryPaths(root, hit)) !== null || workspaceBuilder(pkgDir, read, disk) !== null) continue;
    const line = parsed.doc.lineOf(hit.path);
    const field = `${hit.field}${hit.path.slice(1).map((k) => `[${JSON.stringify(k)}]`).join('')}`;
    const kept: KeptOutput = { dir: at(dir), manifest, field, value: hit.value, line };
    out.push(kept);
    diagnostics.push(diagnostic('discover/package-output-kept', 'info', `${dir}/ is scanned, not left out as build output: ${kept.field} names ${hit.value} and nothing in this package builds ${dir}/ (no src/ holding code, bundler config, tsconfig output or script that writes it)`, manifest, line));
  }
  return out;
};

/** The names a folder's entries hold: its files (links and other entries too) and its folders. */
const namesOf = (entries: readonly fs.Dirent[]): FolderNames => {
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const e of entries) (e.isDirectory() ? dirs : files).add(e.name);
  return { files, dirs };
};

/** The files and folders under the scanned root, by repo path. */
const diskAt = (rootAbs: string): PackageDisk => ({
  isFile: (path) => pathKind(`${rootAbs}/${path}`) === 'file',
  namesAt: (dir) => {
    try {
      return namesOf(fs.readdirSync(dir === '' ? rootAbs : `${rootAbs}/${dir}`, { withFileTypes: true }));
    } catch {
      return null;
    }
  },
});

/** The output folders a walked folder's entries keep: `keptOutputDirs` on what is on disk (walk.ts). */
export const keptOutputsAmong = (rootAbs: string, base: string, entries: readonly fs.Dirent[], diagnostics: Diagnostic[] = []): KeptOutput[] => {
  let manifest = false;
  const candidates: string[] = [];
  for (const e of entries) {
    if (e.name === 'package.json' && e.isFile()) manifest = true;
    else if (OUTPUT_DIRS.has(e.name) && e.isDirectory()) candidates.push(e.name);
  }
  if (!manifest || candidates.length === 0) return [];
  const prefix = `${rootAbs}/`;
  return keptOutputDirs(base, namesOf(entries), candidates, (path) => readSmallFile(`${prefix}${path}`), diagnostics, diskAt(rootAbs));
};

/**
 * The listed output folders that are their package's code (discover, from git's listing): each
 * listed path's first output-folder segment whose folder holds a listed package.json that is not
 * itself left out, judged by what that folder holds on disk (one read of it per such package).
 * One pass over the listing with a substring test per path; nothing read when no listed path is
 * inside such a folder.
 */
export const listedPackageOutputs = (
  rootAbs: string,
  listed: readonly string[],
  leftOut: (path: string) => boolean,
  diagnostics: Diagnostic[],
): KeptOutput[] => {
  const manifests = new Set<string>();
  const candidates = new Map<string, Set<string>>();
  for (const path of listed) {
    if (path.endsWith('package.json') && (path === 'package.json' || path.endsWith('/package.json'))) manifests.add(path.slice(0, Math.max(0, path.length - '/package.json'.length)));
    if (!path.includes('dist/') && !path.includes('build/') && !path.includes('out/')) continue;
    let start = 0;
    for (;;) {
      const slash = path.indexOf('/', start);
      if (slash < 0) break;
      const seg = path.slice(start, slash);
      if (OUTPUT_DIRS.has(seg)) {
        const pkg = start === 0 ? '' : path.slice(0, start - 1);
        let set = candidates.get(pkg);
        if (!set) candidates.set(pkg, (set = new Set()));
        set.add(seg);
        break;
      }
      start = slash + 1;
    }
  }
  const prefix = `${rootAbs}/`;
  const out: KeptOutput[] = [];
  for (const [pkg, dirs] of [...candidates].sort((a, b) => byString(a[0], b[0]))) {
    if (!manifests.has(pkg) || leftOut(pkg === '' ? 'package.json' : `${pkg}/package.json`)) continue;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(pkg === '' ? rootAbs : `${prefix}${pkg}`, { withFileTypes: true });
    } catch {
      continue;
    }
    out.push(...keptOutputDirs(pkg, namesOf(entries), [...dirs], (path) => readSmallFile(`${prefix}${path}`), diagnostics, diskAt(rootAbs)));
  }
  return out;
};
