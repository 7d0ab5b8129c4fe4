/**
 * The workspace a package manager sees from a folder: its root (the nearest pnpm-workspace.yaml
 * for pnpm, the nearest package.json with `workspaces` for npm and yarn) and its member packages
 * (the package.json folders its globs name, `!` globs left out), each with its name and the
 * workspace packages it depends on. Commands that pick packages (`pnpm --filter`, `npm -w`,
 * `yarn workspace`) are placed through it.
 */
import { compileRepoGlob } from '../util/glob.js';
import { dirname, joinRepo } from '../util/path.js';
import { isRecord } from './json.js';
import { isPackageJson, PACKAGE_JSON_NAME, packageJsonObject } from './package-json.js';
import type { Manifests } from './store.js';
import { YAML } from './yaml.js';

export type WorkspaceManager = 'pnpm' | 'npm' | 'yarn';

export interface WorkspacePackage {
  /** Repo folder of the package ('' for the repo root). */
  dir: string;
  name?: string;
  /** Names of the workspace's packages it depends on (dependencies, devDependencies, optionalDependencies). */
  dependsOn: string[];
}

export interface Workspace {
  /** The file that defines the workspace: `pnpm-workspace.yaml` or a package.json with `workspaces`. */
  definedBy: string;
  /** The workspace root's folder. */
  dir: string;
  /** The root's own package, when it has a package.json (pnpm counts it as a project). */
  root: WorkspacePackage | null;
  /** Member packages (the root not among them), sorted by folder. */
  members: WorkspacePackage[];
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'];

/** The globs a workspace file lists; null when the file defines no workspace. */
const memberGlobs = (manifests: Manifests, file: string): string[] | null => {
  if (isPackageJson(file)) {
    const field = packageJsonObject(manifests, file)?.workspaces;
    const list = Array.isArray(field) ? field : isRecord(field) && Array.isArray(field.packages) ? field.packages : null;
    return list === null ? null : list.filter((g): g is string => typeof g === 'string');
  }
  const doc = manifests.get(file, YAML)?.[0];
  if (!doc) return [];
  return doc.items(doc.get(doc.root, 'packages')).flatMap((n) => {
    const s = doc.str(n);
    return s === undefined ? [] : [s];
  });
};

/** The package in repo folder `dir` with its dependency names, or null when it has no package.json. */
export const packageAt = (manifests: Manifests, dir: string): WorkspacePackage | null => {
  const manifest = joinRepo(dir, 'package.json');
  if (manifest === null || !manifests.files.has(manifest)) return null;
  const json = packageJsonObject(manifests, manifest);
  const dependsOn = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = json?.[field];
    if (isRecord(deps)) for (const name of Object.keys(deps)) dependsOn.add(name);
  }
  return { dir, ...(typeof json?.name === 'string' && json.name !== '' ? { name: json.name } : {}), dependsOn: [...dependsOn] };
};

const readWorkspace = (manifests: Manifests, definedBy: string, globs: string[]): Workspace => {
  const dir = dirname(definedBy);
  const below = (p: string): string | null => (dir === '' ? p : p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : null);
  const clean = (g: string): string => g.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  const include = globs.filter((g) => !g.startsWith('!')).map((g) => compileRepoGlob(clean(g)));
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => compileRepoGlob(clean(g.slice(1))));
  const members: WorkspacePackage[] = [];
  for (const manifest of manifests.all((p) => isPackageJson(p) && !p.includes('node_modules/'), PACKAGE_JSON_NAME)) {
    const rel = below(dirname(manifest));
    if (rel === null || rel === '' || !include.some((m) => m(rel)) || exclude.some((m) => m(rel))) continue;
    const pkg = packageAt(manifests, dirname(manifest));
    if (pkg) members.push(pkg);
  }
  // Only dependencies on the workspace's own packages make its graph.
  const names = new Set(members.map((m) => m.name).filter((n) => n !== undefined));
  const root = packageAt(manifests, dir);
  for (const pkg of root ? [root, ...members] : members) pkg.dependsOn = pkg.dependsOn.filter((n) => names.has(n));
  return { definedBy, dir, root, members };
};

/** The workspace `manager` uses for a command run in repo folder `cwd`, or null when there is none. */
export const workspaceFor = (manifests: Manifests, cwd: string, manager: WorkspaceManager): Workspace | null => {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const file = manager === 'pnpm' ? joinRepo(dir, 'pnpm-workspace.yaml') : joinRepo(dir, 'package.json');
    if (file !== null && manifests.files.has(file)) {
      const found = manifests.derive(`workspace\0${file}`, () => {
        const globs = memberGlobs(manifests, file);
        return globs === null ? null : readWorkspace(manifests, file, globs);
      });
      if (found) return found;
    }
    if (dir === '') return null;
  }
};
