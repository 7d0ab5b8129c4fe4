/**
 * Which workspace packages a package manager's selection picks, by its own rules:
 *   pnpm `--filter`: a name or name pattern (`@scope/*`, `*core`; the scope may be left out when
 *     one package matches), a folder (`./web`, `{web}`, `../x`: every package at or below it) or a
 *     folder glob (`./packages/**`), `...` before/after for dependents/dependencies (`^` leaving the
 *     package itself out), `!` to exclude, `[ref]` (changed since ref: census cannot tell which,
 *     so every package the rest of the selector names); `-r` every package; `-w` the root.
 *     Outside a workspace, pnpm's packages are those at or below the folder it runs in.
 *   npm `-w`: a workspace name, or a folder (every workspace at or below it); `--workspaces` all.
 *   yarn `workspace <name>`: the workspace with that name; `workspaces foreach` all.
 */
import type { WorkspaceSelection } from '../commandline/types.js';
import { isPackageJson, PACKAGE_JSON_NAME } from '../manifests/package-json.js';
import type { Manifests } from '../manifests/store.js';
import { type Workspace, type WorkspaceManager, type WorkspacePackage, packageAt, workspaceFor } from '../manifests/workspaces.js';
import { byString } from '../util/compare.js';
import { compileRepoGlob, isGlob } from '../util/glob.js';
import { dirname, joinRepo } from '../util/path.js';

export type Selected = { packages: WorkspacePackage[]; workspace: string } | { reason: string };

/** `*` in a package name pattern matches any run of characters, `/` included (pnpm's matcher). */
const wildcard = (pattern: string): ((name: string) => boolean) => {
  const parts = pattern.split('*');
  if (parts.length === 1) return (name) => name === pattern;
  const [head, ...others] = parts;
  const tail = others.pop()!;
  return (name) => {
    if (!name.startsWith(head) || !name.endsWith(tail) || name.length < head.length + tail.length) return false;
    // Each middle part at its first place after the previous one: greedy is exact for `*` alone.
    let at = head.length;
    const end = name.length - tail.length;
    for (const part of others) {
      const i = name.indexOf(part, at);
      if (i < 0 || i + part.length > end) return false;
      at = i + part.length;
    }
    return true;
  };
};

const isAtOrBelow = (dir: string, parent: string): boolean => parent === '' || dir === parent || dir.startsWith(`${parent}/`);

/** Every package below `cwd` (pnpm outside a workspace runs recursive commands on them). */
const packagesBelow = (manifests: Manifests, cwd: string): Workspace => {
  const members: WorkspacePackage[] = [];
  for (const manifest of manifests.all((p) => isPackageJson(p) && !p.includes('node_modules/'), PACKAGE_JSON_NAME)) {
    const dir = dirname(manifest);
    if (dir !== cwd && isAtOrBelow(dir, cwd)) members.push(packageAt(manifests, dir)!);
  }
  return { definedBy: `the package.json files below ${cwd || '.'}`, dir: cwd, root: packageAt(manifests, cwd), members };
};

interface PnpmSelector {
  exclude: boolean;
  dependents: boolean;
  dependencies: boolean;
  /** `^`: the matched packages themselves are not selected, only their dependencies/dependents. */
  excludeSelf: boolean;
  by: 'name' | 'dir' | 'all';
  pattern: string;
}

const parsePnpmSelector = (raw: string): PnpmSelector => {
  let s = raw;
  const exclude = s.startsWith('!');
  if (exclude) s = s.slice(1);
  // `[origin/main]`: packages changed since a ref, which only git at run time knows.
  s = s.replace(/\[[^\]]*\]$/, '');
  let dependents = false;
  let dependencies = false;
  let excludeSelf = false;
  if (s.startsWith('...')) {
    dependents = true;
    s = s.slice(3);
    if (s.startsWith('^')) (excludeSelf = true), (s = s.slice(1));
  }
  if (s.endsWith('...')) {
    dependencies = true;
    s = s.slice(0, -3);
    if (s.endsWith('^')) (excludeSelf = true), (s = s.slice(0, -1));
  }
  const braces = /^\{(.*)\}$/.exec(s);
  if (braces) return { exclude, dependents, dependencies, excludeSelf, by: 'dir', pattern: braces[1] };
  if (s === '') return { exclude, dependents, dependencies, excludeSelf, by: 'all', pattern: '' };
  return { exclude, dependents, dependencies, excludeSelf, by: s === '.' || s.startsWith('./') || s.startsWith('../') ? 'dir' : 'name', pattern: s };
};

const byName = (all: WorkspacePackage[]): Map<string, WorkspacePackage> => new Map(all.flatMap((p) => (p.name ? [[p.name, p] as const] : [])));

/** The packages one pnpm selector matches before `...` widens it. */
const pnpmEntries = (sel: PnpmSelector, all: WorkspacePackage[], cwd: string): WorkspacePackage[] => {
  if (sel.by === 'all') return all;
  if (sel.by === 'dir') {
    const path = joinRepo(cwd, sel.pattern) ?? null;
    if (path === null) return [];
    if (isGlob(sel.pattern)) {
      const match = compileRepoGlob(path);
      return all.filter((p) => match(p.dir));
    }
    return all.filter((p) => isAtOrBelow(p.dir, path));
  }
  const match = wildcard(sel.pattern);
  const found = all.filter((p) => p.name !== undefined && match(p.name));
  if (found.length > 0 || sel.pattern.startsWith('@')) return found;
  // The scope may be left out: `scripts` is `@tools/scripts` when exactly one scope has it.
  const scoped = all.filter((p) => p.name !== undefined && /^@[^/]+\//.test(p.name) && match(p.name.slice(p.name.indexOf('/') + 1)));
  return scoped.length === 1 ? scoped : [];
};

/** `from` and everything reachable along `next` (dependencies or dependents); `from` itself unless excludeSelf. */
const closure = (from: WorkspacePackage[], next: (p: WorkspacePackage) => WorkspacePackage[], excludeSelf: boolean, into: Set<WorkspacePackage>): void => {
  const walked = new Set<WorkspacePackage>();
  const walk = (p: WorkspacePackage, self: boolean): void => {
    if (walked.has(p)) return;
    walked.add(p);
    if (self) into.add(p);
    for (const n of next(p)) walk(n, true);
  };
  for (const p of from) walk(p, !excludeSelf);
};

const selectPnpm = (selectors: string[], ws: Workspace, cwd: string, includeRoot: boolean): WorkspacePackage[] => {
  const all = ws.root ? [ws.root, ...ws.members] : ws.members;
  const names = byName(all);
  const dependencies = (p: WorkspacePackage): WorkspacePackage[] => p.dependsOn.flatMap((n) => names.get(n) ?? []);
  let dependents: Map<WorkspacePackage, WorkspacePackage[]> | null = null;
  const dependentsOf = (p: WorkspacePackage): WorkspacePackage[] => {
    if (dependents === null) {
      dependents = new Map();
      for (const q of all) for (const d of dependencies(q)) dependents.set(d, [...(dependents.get(d) ?? []), q]);
    }
    return dependents.get(p) ?? [];
  };
  const picked = new Set<WorkspacePackage>();
  const excluded = new Set<WorkspacePackage>();
  const parsed = selectors.map(parsePnpmSelector);
  for (const sel of parsed) {
    const into = sel.exclude ? excluded : picked;
    const entries = pnpmEntries(sel, all, cwd);
    if (sel.dependencies) closure(entries, dependencies, sel.excludeSelf, into);
    if (sel.dependents) closure(entries, dependentsOf, sel.excludeSelf, into);
    if (!sel.dependencies && !sel.dependents) for (const p of entries) into.add(p);
  }
  // Only exclusions: every package but those.
  if (parsed.every((s) => s.exclude)) for (const p of includeRoot || !ws.root ? all : ws.members) picked.add(p);
  return [...picked].filter((p) => !excluded.has(p));
};

const selectNpm = (values: string[], ws: Workspace, cwd: string): WorkspacePackage[] => {
  const names = byName(ws.members);
  return values.flatMap((v) => {
    const named = names.get(v);
    if (named) return [named];
    const path = joinRepo(cwd, v);
    return path === null ? [] : ws.members.filter((p) => isAtOrBelow(p.dir, path));
  });
};

const describeSelection = (select: WorkspaceSelection): string =>
  select.by === 'selectors' ? select.selectors.join(', ') : select.by === 'root' ? 'the workspace root' : 'every package';

/** The packages a manager's selection picks from folder `cwd`, sorted by folder; or why none. */
export const selectWorkspacePackages = (manifests: Manifests, manager: WorkspaceManager, select: WorkspaceSelection, cwd: string): Selected => {
  const ws = workspaceFor(manifests, cwd, manager) ?? (manager === 'pnpm' ? packagesBelow(manifests, cwd) : null);
  if (ws === null) return { reason: `no package.json with "workspaces" at or above ${cwd || '.'}, so census cannot say which packages ${describeSelection(select)} names` };
  let packages: WorkspacePackage[];
  if (select.by === 'root') packages = ws.root ? [ws.root] : [];
  else if (select.by === 'all') packages = select.includeRoot && ws.root ? [ws.root, ...ws.members] : ws.members;
  else if (manager === 'pnpm') packages = selectPnpm(select.selectors, ws, cwd, false);
  else if (manager === 'npm') packages = selectNpm(select.selectors, ws, cwd);
  else packages = select.selectors.flatMap((n) => [ws.root, ...ws.members].filter((p) => p !== null && p.name === n) as WorkspacePackage[]);
  if (packages.length === 0) return { reason: `no package of the workspace (${ws.definedBy}) matches ${describeSelection(select)}` };
  return { packages: [...new Set(packages)].sort((a, b) => byString(a.dir, b.dir)), workspace: ws.definedBy };
};
