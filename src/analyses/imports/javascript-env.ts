/**
 * The JS/TS environment imports are checked against: each file's nearest package.json (what it
 * declares) and the node_modules folders between the file and the scanned root (what is
 * installed). Nothing above the scanned root is consulted, so the answer depends on the repo only.
 * Where no node_modules exists at all (a fresh clone), packages are checked against package.json
 * only, the way Python falls back to manifests.
 */
import { isPackageJson, packageJsonObject } from '../../manifests/package-json.js';
import type { Manifests } from '../../manifests/store.js';
import { createPathProbe, type PathProbe } from '../../util/fs.js';
import { dirname, foldersOf, joinAbsolute } from '../../util/path.js';

export type DependencyField = 'dependencies' | 'devDependencies' | 'peerDependencies' | 'optionalDependencies';
const FIELDS: DependencyField[] = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];

export interface PackageManifest {
  /** Repo-relative package.json path. */
  file: string;
  dir: string;
  name?: string;
  /** Package name → the first field that declares it (runtime fields before devDependencies). */
  declared: Map<string, DependencyField>;
  /** False when the file is not valid JSON: nothing it declares can be checked. */
  readable: boolean;
  /** A `workspaces` field or a pnpm-workspace.yaml beside it: its dependencies are installed for every package below. */
  workspaceRoot: boolean;
}

export interface JavaScriptEnvironment {
  /** The package.json nearest to a repo file (its folder, then up to the root), or null. */
  manifestFor(file: string): PackageManifest | null;
  /** Workspace roots above a file's nearest package.json, nearest first: what they declare is installed for it too. */
  workspaceRootsFor(file: string): readonly PackageManifest[];
  /** Whether `pkg` is in a node_modules between the file and the root; null when no node_modules is there at all. */
  isInstalled(file: string, pkg: string): boolean | null;
  /** Whether any repo file sits under this folder (a build output folder usually has none: it is generated). */
  hasFilesUnder(dir: string): boolean;
  /** Names of the repo's own packages (workspaces): imports of them are the repo's code. */
  repoPackageNames: ReadonlySet<string>;
  mode: 'node-modules' | 'manifests-only';
  note: string;
}

const readManifest = (file: string, manifests: Manifests): PackageManifest => {
  const manifest: PackageManifest = { file, dir: dirname(file), declared: new Map(), readable: false, workspaceRoot: false };
  const obj = packageJsonObject(manifests, file);
  if (obj === null) return manifest;
  manifest.readable = true;
  if (typeof obj.name === 'string' && obj.name !== '') manifest.name = obj.name;
  if (obj.workspaces !== undefined) manifest.workspaceRoot = true;
  for (const field of FIELDS) {
    const deps = obj[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const name of Object.keys(deps)) if (!manifest.declared.has(name)) manifest.declared.set(name, field);
  }
  return manifest;
};

/** Folders asked about by a walk of the paths each, before every path's folders are gathered at once. */
const FOLDERS_ASKED_BY_WALK = 16;

/**
 * Whether a repo file sits under a folder: a path starts with the folder and a slash (the root ''
 * holds every file, as foldersOf's set has it). The triage asks it only of a build folder an
 * unresolved import names (payload: 28 asks, a handful of folders), so the first folders are each
 * answered by one walk of the paths, and every folder of every path (payload: 8,854 paths, 4-6 ms
 * CPU) is gathered only once more than FOLDERS_ASKED_BY_WALK folders were asked.
 */
export const filesUnderAsker = (files: readonly string[]): ((dir: string) => boolean) => {
  const asked = new Map<string, boolean>();
  let folders: Set<string> | null = null;
  return (dir) => {
    if (folders !== null) return folders.has(dir);
    let known = asked.get(dir);
    if (known !== undefined) return known;
    if (asked.size >= FOLDERS_ASKED_BY_WALK) return (folders = foldersOf(files)).has(dir);
    const prefix = `${dir}/`;
    known = dir === '';
    for (let i = 0; !known && i < files.length; i++) known = files[i].startsWith(prefix);
    asked.set(dir, known);
    return known;
  };
};

/** Folders from a repo folder up to the root ('' last). */
const upFrom = (dir: string): string[] => {
  const out: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    out.push(d);
    if (d === '') return out;
  }
};

export const loadJavaScriptEnvironment = (o: {
  rootAbs: string;
  files: Iterable<string>;
  manifests: Manifests;
  /** --no-env: package.json only, node_modules is not looked at. */
  noEnv?: boolean;
  /** The scan's answers about paths on disk: the resolver has asked most folders for a node_modules already. */
  disk?: PathProbe;
}): JavaScriptEnvironment => {
  const disk = o.disk ?? createPathProbe();
  const manifests = new Map<string, PackageManifest>();
  const files = [...o.files];
  const hasFilesUnder = filesUnderAsker(files);
  for (const f of files) if (isPackageJson(f) && !f.includes('node_modules/')) manifests.set(dirname(f), readManifest(f, o.manifests));
  for (const f of files) {
    if (f !== 'pnpm-workspace.yaml' && !f.endsWith('/pnpm-workspace.yaml')) continue;
    const m = manifests.get(dirname(f));
    if (m) m.workspaceRoot = true;
  }
  const repoPackageNames = new Set([...manifests.values()].flatMap((m) => (m.name ? [m.name] : [])));

  const nearest = new Map<string, PackageManifest | null>();
  const manifestForDir = (dir: string): PackageManifest | null => {
    const known = nearest.get(dir);
    if (known !== undefined) return known;
    const found = manifests.get(dir) ?? (dir === '' ? null : manifestForDir(dirname(dir)));
    nearest.set(dir, found);
    return found;
  };

  // A manifest → the workspace roots above it: asked for every package import (5,400 on payload),
  // the same answer for every file the manifest governs.
  const rootsAbove = new Map<PackageManifest, readonly PackageManifest[]>();

  const nodeModulesAt = new Map<string, boolean>();
  const hasNodeModules = (dir: string): boolean => {
    let known = nodeModulesAt.get(dir);
    if (known === undefined) {
      known = disk.isDirectory(joinAbsolute(o.rootAbs, dir, 'node_modules'));
      nodeModulesAt.set(dir, known);
    }
    return known;
  };
  // The folders at or above a folder that hold a node_modules, nearest first: built from the
  // parent's, so each folder is stat'ed once. Without any (a fresh clone) a package import is
  // answered without a key string or a walk up of its own.
  const nodeModulesUp = new Map<string, readonly string[]>();
  const installedAbove = (dir: string): readonly string[] => {
    let known = nodeModulesUp.get(dir);
    if (known === undefined) {
      const above = dir === '' ? [] : installedAbove(dirname(dir));
      known = hasNodeModules(dir) ? [dir, ...above] : above;
      nodeModulesUp.set(dir, known);
    }
    return known;
  };
  const installedMemo = new Map<string, boolean>();
  const isInstalledFrom = (dir: string, pkg: string): boolean | null => {
    if (o.noEnv) return null;
    const folders = installedAbove(dir);
    if (folders.length === 0) return null;
    const key = `${dir}\0${pkg}`;
    let known = installedMemo.get(key);
    if (known === undefined) {
      known = folders.some((d) => disk.isFile(joinAbsolute(o.rootAbs, d, 'node_modules', pkg, 'package.json')));
      installedMemo.set(key, known);
    }
    return known;
  };

  const dirs = [...manifests.keys()].sort();
  const installedDirs = o.noEnv ? [] : dirs.filter((d) => upFrom(d).some(hasNodeModules));
  const show = (d: string): string => (d === '' ? 'package.json' : `${d}/package.json`);
  const mode = installedDirs.length > 0 ? 'node-modules' : 'manifests-only';
  const note =
    dirs.length === 0 ? 'no package.json in the repo: every package import is undeclared'
    : o.noEnv ? `--no-env: packages are checked against ${dirs.length === 1 ? show(dirs[0]) : `${dirs.length} package.json files`} only; whether they are installed is unknown`
    : mode === 'manifests-only' ? `no node_modules found (dependencies not installed): packages are checked against ${dirs.length === 1 ? show(dirs[0]) : `${dirs.length} package.json files`} only`
    : installedDirs.length === dirs.length ? `packages are checked against node_modules (${dirs.length === 1 ? 'beside ' + show(dirs[0]) : `for ${dirs.length} package.json files`})`
    : `packages are checked against node_modules for ${installedDirs.length} of ${dirs.length} package.json files; the others (${dirs.filter((d) => !installedDirs.includes(d)).map(show).join(', ')}) against package.json only`;

  return {
    manifestFor: (file) => manifestForDir(dirname(file)),
    hasFilesUnder,
    workspaceRootsFor: (file) => {
      const own = manifestForDir(dirname(file));
      if (!own || own.dir === '') return [];
      let roots = rootsAbove.get(own);
      if (roots === undefined) {
        roots = upFrom(dirname(own.dir)).flatMap((d) => {
          const m = manifests.get(d);
          return m && m.workspaceRoot && m.readable ? [m] : [];
        });
        rootsAbove.set(own, roots);
      }
      return roots;
    },
    isInstalled: (file, pkg) => isInstalledFrom(dirname(file), pkg),
    repoPackageNames,
    mode,
    note,
  };
};
