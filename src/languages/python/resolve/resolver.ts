/**
 * Python import resolution: ImportFact → repo files, first search root that has the module wins
 * (regular packages and modules beat namespace folders, as in Python's path finder), and the
 * answer records which root won. What does not resolve is classified: a module that looks
 * internal (its top-level name exists in the repo) is `not-found`; else `stdlib` or `external`.
 */
import type { ImportFact } from '../../../model/facts.js';
import type { ImportResolver, Resolution, ResolveContext } from '../../../resolve/types.js';
import type { ImportAlias } from './import-aliases.js';
import { pathsNamedLike, type NameKeys } from '../../../util/file-index.js';
import { dirname } from '../../../util/path.js';
import { isStdlibModule } from '../stdlib.js';
import { buildModuleIndex, joinModulePath, moduleFile, packageInit, stubBeside, type ModuleIndex } from './module-index.js';
import { buildSearchRoots, type SearchRoot } from './search-roots.js';

interface Found {
  file: string | null; // null: a namespace package (a folder with Python files, no __init__)
  chain: string[]; // __init__ files of the parent packages, outermost first
}

/** The extensions of every Python source and stub path (pathsNamedLike's keys are lower-cased: a superset). */
export const PYTHON_SOURCE_NAMES: NameKeys = { extensions: ['py', 'pyi'] };

/** How many importing folders (and roots lists) keep their memoised answers (see `relativeMemo` below). */
const MEMO_FOLDERS = 64;
/** How many absolute answers one roots list keeps before starting over. */
const MEMO_ANSWERS = 16_384;

/** Folders that hold Python files at any depth: the only folders that can be namespace packages. */
const pythonDirs = (index: ModuleIndex): Set<string> => {
  const out = new Set<string>();
  // The set's own order, as the walk of every path had: the Set's order is the same.
  for (const f of pathsNamedLike(index.files, PYTHON_SOURCE_NAMES)) {
    if (!f.endsWith('.py') && !f.endsWith('.pyi')) continue;
    let d = dirname(f);
    while (!out.has(d)) {
      out.add(d);
      if (d === '') break;
      d = dirname(d);
    }
  }
  return out;
};

/**
 * Top-level module names that exist somewhere in the repo (`scripts/ingest_helpers.py` →
 * `ingest_helpers`), so an import that misses its sibling after a move reads as broken-internal,
 * not as an unknown third-party package.
 */
const modulesAnywhere = (index: ModuleIndex): Map<string, string> => {
  const out = new Map<string, string>();
  // Only `.py`/`.pyi` paths can match: their sorted list, not every path sorted (issue 19: a JS repo's 8,854 paths sorted per scan).
  for (const f of pathsNamedLike(index.files, PYTHON_SOURCE_NAMES, 'sorted')) {
    const m = /(?:^|\/)([A-Za-z_]\w*)(?:\/__init__)?\.pyi?$/.exec(f);
    if (m && m[1] !== '__init__' && !out.has(m[1])) out.set(m[1], f);
  }
  return out;
};

/**
 * Top-level name → the folders `d` where `d/name` is a module or a folder of Python files: the
 * only search roots worth trying for an import starting with that name. Without it every
 * absolute import tried every root, and a repo of many projects has many roots.
 */
const foldersHolding = (index: ModuleIndex, pyDirs: ReadonlySet<string>): Map<string, Set<string>> => {
  const out = new Map<string, Set<string>>();
  const add = (modulePath: string) => {
    const slash = modulePath.lastIndexOf('/');
    const name = modulePath.slice(slash + 1);
    const dir = slash === -1 ? '' : modulePath.slice(0, slash);
    const dirs = out.get(name);
    if (dirs) dirs.add(dir);
    else out.set(name, new Set([dir]));
  };
  for (const f of index.files) {
    if (f.endsWith('.py')) add(f.slice(0, -3));
    else if (f.endsWith('.pyi')) add(f.slice(0, -4));
  }
  for (const m of index.extensionModules.keys()) add(m);
  for (const d of pyDirs) if (d !== '') add(d);
  return out;
};

export const createPythonResolver = (ctx: ResolveContext): ImportResolver => {
  const index = buildModuleIndex(ctx.files);
  const pyDirs = pythonDirs(index);
  let holding: Map<string, Set<string>> | null = null;
  const foldersWith = (top: string): Set<string> | undefined => (holding ??= foldersHolding(index, pyDirs)).get(top);
  const elsewhere = modulesAnywhere(index);
  const roots = buildSearchRoots(index, ctx.manifests);

  /** Find dotted `parts` below `base`, walking package by package. */
  const find = (base: string, parts: string[]): Found | null => {
    const chain: string[] = [];
    let dir = base;
    for (let i = 0; i < parts.length - 1; i++) {
      dir = joinModulePath(dir, parts[i]);
      if (!pyDirs.has(dir)) return null;
      const init = packageInit(index, dir);
      if (init) chain.push(init);
    }
    const target = joinModulePath(dir, parts[parts.length - 1]);
    const file = moduleFile(index, target);
    if (file) return { file, chain };
    if (pyDirs.has(target)) return { file: null, chain };
    return null;
  };

  /**
   * Roots for one importing folder: its own folder first when it is a script folder, else its
   * package's base; a file a script reaches (scriptFiles) has its own list, with the script's folder.
   * Folders with the same roots get the same list object (`absoluteMemo` is keyed by it).
   */
  const rootsMemo = new Map<string, SearchRoot[]>();
  /** Lists holding a root seen only from a line on: their answers depend on the import's line. */
  const lineBound = new Set<SearchRoot[]>();
  const rootLists = new Map<string, SearchRoot[]>();
  /** A list rootsOfDir made → the list of the same roots first met (issue 19: see baseRootsOfDir). */
  const sameRoots = new WeakMap<SearchRoot[], SearchRoot[]>();
  const rootsFor = (fromDir: string, fromFile: string): SearchRoot[] => {
    const script = scriptFiles().get(fromFile);
    const imported = importerRoots(fromFile, fromDir);
    const reached = imported === null ? script : [...(script ?? []), ...imported];
    const memoKey = reached === undefined ? fromDir : `\0${fromFile}`;
    let list = rootsMemo.get(memoKey);
    if (!list) {
      const made = rootsOfDir(fromDir, reached ?? []);
      list = sameRoots.get(made);
      if (list !== undefined) {
        rootsMemo.set(memoKey, list);
        return list;
      }
      list = made;
      // Joined by hand: `.map(...).join` met both the packed list the map builtin makes and the holey
      // one of TurboFan's inlined copy, and V8 recompiled the resolver when the second came.
      let signature = '';
      for (const r of list) signature += `${r.dir}\0${r.kind}\0${r.after ?? ''}\n`;
      if (list.some((r) => r.after !== undefined)) lineBound.add(list);
      const same = rootLists.get(signature);
      if (same) list = same;
      else rootLists.set(signature, list);
      sameRoots.set(made, list);
      rootsMemo.set(memoKey, list);
    }
    return list;
  };
  /**
   * The usual roots of a folder's files, one list object per package base (or script folder): the
   * folders of one package share it, so rootsFor writes and looks up a list's signature once per
   * list, not per folder. Issue 19: a tree of many projects has many roots (saleor-100k: each of its
   * 22 copies adds its own), and each folder had copied them and joined them into a signature.
   */
  const rootDirs = new Set(roots.map((r) => r.dir));
  const baseLists = new Map<string, SearchRoot[]>();
  const baseRootsOfDir = (fromDir: string): SearchRoot[] => {
    let dir = fromDir;
    let kind = 'script-dir';
    while (packageInit(index, dir) && dir !== '') {
      dir = dirname(dir);
      kind = 'package-base';
    }
    if (rootDirs.has(dir)) return roots;
    const key = `${kind}:${dir}`;
    let list = baseLists.get(key);
    if (list === undefined) baseLists.set(key, (list = kind === 'script-dir' ? [{ dir, kind: key }, ...roots] : [...roots, { dir, kind: key }]));
    return list;
  };
  const rootsOfDir = (fromDir: string, reached: readonly SearchRoot[]): SearchRoot[] => {
    const base = baseRootsOfDir(fromDir);
    const more = [...reached, ...extraRoots(fromDir)];
    return more.length === 0 ? base : [...base, ...more.filter((e, i) => !base.some((r) => r.dir === e.dir) && more.findIndex((o) => o.dir === e.dir) === i)];
  };

  /**
   * A script's folder is sys.path[0] while it runs (`python pkg/tool.py`, a `#!` file or a command
   * linking to it), even when the folder holds an `__init__.py`, so the package base is not the only
   * root: `from base import utils` in usr/share/hplip/align.py finds usr/share/hplip/base/utils.py.
   * The modules reached that way are top-level modules of that process and find their own imports
   * the same way. File → that root, for the script and the files it reaches through it (followed
   * from the script, import by import), never their whole folders: a module beside them that the
   * script never reaches is loaded only by other processes, with their roots; after the usual roots,
   * so it only fills their gaps. A script outside a package already has its folder (rootsOfDir), so only scripts in a
   * package folder are followed; what a module inside a real package imports as `pkg.mod` keeps its roots.
   */
  let scriptRoots: Map<string, SearchRoot[]> | null = null;
  /** A script's own root, to name it (not the folder's first script) in its own imports' labels. */
  const ownScriptKind = new Map<string, string>();
  const ownLabels = (known: readonly Readonly<Resolution>[], fromFile: string, dir: string): readonly Readonly<Resolution>[] => {
    const own = ownScriptKind.get(fromFile);
    const folderKind = own === undefined ? undefined : scriptFiles().get(fromFile)?.find((r) => r.dir === dir)?.kind;
    if (folderKind === undefined || folderKind === own) return known;
    return known.map((r) => (r.via === folderKind ? { ...r, via: own } : r.via === `${folderKind}:namespace-package` ? { ...r, via: `${own}:namespace-package` } : r));
  };
  const scriptFiles = (): Map<string, SearchRoot[]> => {
    if (scriptRoots !== null) return scriptRoots;
    const out = new Map<string, SearchRoot[]>();
    scriptRoots = out;
    const importsOf = ctx.pythonImportsOf;
    if (!ctx.pythonScripts || !importsOf) return out;
    const scripts = [...ctx.pythonScripts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // What the scripts of one folder reach is followed once: a file reached from an earlier one is not again.
    const reachedFrom = new Map<string, Set<string>>();
    for (const [script, why] of scripts) {
      const dir = dirname(script);
      if (dir === '' || !packageInit(index, dir) || roots.some((r) => r.dir === dir)) continue;
      const root: SearchRoot = { dir, kind: `script-folder:${script} (${why})` };
      ownScriptKind.set(script, root.kind);
      const scope = (file: string) => {
        const list = out.get(file) ?? out.set(file, []).get(file)!;
        if (!list.some((r) => r.dir === dir)) list.push(root);
      };
      scope(script);
      const seen = reachedFrom.get(dir) ?? reachedFrom.set(dir, new Set()).get(dir)!;
      if (seen.has(script)) continue;
      seen.add(script);
      const queue = [script];
      const reach = (to: string | null) => {
        if (to === null || seen.has(to) || !to.startsWith(`${dir}/`)) return;
        seen.add(to);
        scope(to);
        queue.push(to);
      };
      while (queue.length > 0) {
        const file = queue.pop()!;
        const from = dirname(file);
        for (const fact of importsOf(file) ?? []) {
          if (fact.specifier === '' || fact.specifier === '__future__') continue;
          if (fact.specifier.startsWith('.')) {
            for (const r of resolveRelative(fact, from)) reach(r.to);
            continue;
          }
          const parts = fact.specifier.split('.');
          const holders = foldersWith(parts[0]);
          if (!holders?.has(dir)) continue;
          // Followed only where this folder is what finds the module: the first root holding it as a file wins.
          if (baseRootsOfDir(from).some((r) => holders.has(r.dir) && find(r.dir, parts)?.file)) continue;
          const found = find(dir, parts);
          if (!found?.file) continue;
          for (const r of toResolutions(found, root.kind, fact, dir, parts)) {
            reach(r.to);
          }
        }
      }
    }
    return out;
  };

  /**
   * sys.path is the process's: a file that imports a module which puts a folder on it sees that
   * folder too (usr/bin/bumblebee-status imports bumblebee_status.discover, whose discover()
   * appends the package's folder, then `import core.config`). Only an absolute import found through
   * the file's own roots (no root this adds: one step, no chain) that runs the module itself: the
   * module, a package __init__ on its way (`import vpkg.cli` runs vpkg/__init__.py), or a name of a
   * `from` import that is a module (`from pkg import setup_path`). After the usual roots, so it only
   * fills gaps, and only for the imports from that line on (one above ran before the folder was
   * added); a def that adds it is taken as called, a folder added under its `__main__` guard is not.
   */
  const importerMemo = new Map<string, SearchRoot[] | null>();
  /** A module-level import above the one that ran the adder; an import in a def's body runs when it is called, later. */
  const ranBefore = (root: SearchRoot, fact: ImportFact): boolean => root.after !== undefined && fact.line < root.after && fact.guard !== 'function' && fact.within === undefined;
  let adderNames: Set<string> | null = null;
  const importerRoots = (fromFile: string, fromDir: string): SearchRoot[] | null => {
    const adders = ctx.pythonPathAdders;
    const importsOf = ctx.pythonImportsOf;
    if (adders === undefined || adders.size === 0 || importsOf === undefined) return null;
    const memo = importerMemo.get(fromFile);
    if (memo !== undefined) return memo;
    // The dotted part an import of an adder names it by: its file name, or its package's folder name.
    adderNames ??= new Set([...adders.keys()].map((a) => {
      const file = a.slice(a.lastIndexOf('/') + 1).replace(/\.pyi?$/, '');
      return file === '__init__' ? dirname(a).slice(dirname(a).lastIndexOf('/') + 1) : file;
    }));
    let out: SearchRoot[] | null = null;
    let own: SearchRoot[] | null = null;
    const reach = (file: string, fact: ImportFact) => {
      for (const r of adders.get(file) ?? []) {
        if (r.mainOnly || !index.dirs.has(r.dir) || own!.some((o) => o.dir === r.dir)) continue;
        const at = out?.findIndex((o) => o.dir === r.dir) ?? -1;
        if (at >= 0 && out![at].after! <= fact.line) continue;
        const root = { dir: r.dir, kind: `${r.why.endsWith(')') ? r.why.slice(0, -1) + '; ' : `${r.why} (`}imported by ${fromFile}:${fact.line})`, after: fact.line };
        if (at >= 0) out![at] = root;
        else (out ??= []).push(root);
      }
    };
    for (const fact of importsOf(fromFile) ?? []) {
      if (fact.specifier === '' || fact.specifier.startsWith('.')) continue;
      const parts = fact.specifier.split('.');
      const asFrom = fact.syntax === 'from' ? fact.names.filter((n) => adderNames!.has(n.name)) : [];
      if (asFrom.length === 0 && !parts.some((p) => adderNames!.has(p))) continue;
      const holders = foldersWith(parts[0]);
      if (holders === undefined) continue;
      own ??= [...baseRootsOfDir(fromDir), ...extraRoots(fromDir)];
      for (const root of own) {
        if (!holders.has(root.dir)) continue;
        const found = find(root.dir, parts);
        if (found === null) continue;
        for (const init of found.chain) reach(init, fact);
        if (found.file !== null) reach(found.file, fact);
        for (const n of asFrom) {
          const sub = find(root.dir, [...parts, n.name])?.file;
          if (sub) reach(sub, fact);
        }
        break;
      }
    }
    importerMemo.set(fromFile, out);
    return out;
  };

  /** Folders a module's own sys.path.insert (or a deploy's PYTHONPATH) adds for files in `dir`: after the usual roots, so they only fill gaps. */
  const extraMemo = new Map<string, SearchRoot[]>();
  const extraRoots = (dir: string): SearchRoot[] => {
    if (!ctx.pythonPathFor || ctx.pythonPathFor.size === 0) return [];
    const memo = extraMemo.get(dir);
    if (memo) return memo;
    const out: SearchRoot[] = [];
    for (let d = dir; ; d = dirname(d)) {
      for (const r of ctx.pythonPathFor.get(d) ?? []) if (index.dirs.has(r.dir) && !out.some((o) => o.dir === r.dir)) out.push({ dir: r.dir, kind: r.why });
      if (d === '') break;
    }
    extraMemo.set(dir, out);
    return out;
  };

  const toResolutions = (found: Found, via: string, fact: ImportFact, base: string, parts: string[]): Resolution[] => {
    const out: Resolution[] = [];
    if (found.file) {
      out.push({ to: found.file, via });
      const stub = stubBeside(index, found.file);
      if (stub) out.push({ to: stub, via: 'stub', names: [] });
    } else {
      out.push({ to: null, via: `${via}:namespace-package` });
    }
    for (const init of found.chain) out.push({ to: init, via: 'package-init', names: [] });
    if (fact.syntax === 'from') {
      // `from pkg import name` also imports pkg/name.py when that submodule exists. Only a name that
      // is a module or a folder of Python files in the package's folder can be one (foldersHolding
      // lists every such name with its folders): most imported names are classes and functions, and
      // each was looked up as a path (a copied parts list, three or four joined strings) for nothing.
      let folder: string | null = null;
      for (const { name } of fact.names) {
        if (name === '*') continue;
        if (!name.includes('/')) {
          if (folder === null) {
            folder = base;
            for (let i = 0; i < parts.length; i++) folder = joinModulePath(folder, parts[i]);
          }
          if (foldersWith(name)?.has(folder) !== true) continue;
        }
        const sub = find(base, [...parts, name]);
        if (sub?.file && sub.file !== found.file) {
          out.push({ to: sub.file, via, names: [name] });
          const stub = stubBeside(index, sub.file);
          if (stub) out.push({ to: stub, via: 'stub', names: [name] });
        }
      }
    }
    return out;
  };

  const resolveRelative = (fact: ImportFact, fromDir: string): Resolution[] => {
    const level = /^\.+/.exec(fact.specifier)![0].length;
    const rest = fact.specifier.slice(level);
    let base = fromDir;
    for (let i = 1; i < level; i++) {
      if (base === '') return [{ to: null, unresolved: 'not-found', via: 'relative' }];
      base = dirname(base);
    }
    if (rest === '') {
      const init = packageInit(index, base);
      return toResolutions({ file: init, chain: [] }, 'relative', fact, base, []);
    }
    const parts = rest.split('.');
    const found = find(base, parts);
    if (found) return toResolutions(found, 'relative', fact, base, parts);
    return [{ to: null, unresolved: 'not-found', via: 'relative' }];
  };

  const resolveAbsolute = (fact: ImportFact, fromDir: string, fromFile: string): Resolution[] => {
    const parts = fact.specifier.split('.');
    const top = parts[0];
    let namespaceHit: { found: Found; root: SearchRoot } | null = null;
    let internalRoot: SearchRoot | null = null;
    const holders = foldersWith(top);
    for (const root of holders ? rootsFor(fromDir, fromFile) : []) {
      // moduleFile(root/top) or a Python folder root/top exists exactly when root holds top.
      if (!holders!.has(root.dir) || ranBefore(root, fact)) continue;
      const found = find(root.dir, parts);
      if (found?.file) return toResolutions(found, root.kind, fact, root.dir, parts);
      if (found) namespaceHit ??= { found, root };
      else internalRoot ??= root;
    }
    const linked = links === undefined || namespaceHit !== null ? null : resolveLinked(fact, parts, fromDir, fromFile);
    if (linked !== null) return linked;
    const aliased = aliases === undefined ? null : resolveAliased(fact, parts);
    if (aliased !== null) return aliased;
    if (namespaceHit) return toResolutions(namespaceHit.found, namespaceHit.root.kind, fact, namespaceHit.root.dir, parts);
    if (internalRoot) return [{ to: null, unresolved: 'not-found', via: internalRoot.kind, package: top }];
    if (isStdlibModule(top)) return [{ to: null, unresolved: 'stdlib', package: top }];
    const other = elsewhere.get(top);
    if (other) return [{ to: null, unresolved: 'not-found', via: `not-on-path:${other}`, package: top }];
    return [{ to: null, unresolved: 'external', package: top }];
  };

  /**
   * Stop 57: a root's top-level package that is a symlink to a folder of the tree (Debian's
   * `usr/lib/python3/dist-packages/supysonic -> ../../../share/supysonic`): discovery lists the
   * files once, where the link leads, so the import is looked up there, its evidence naming the
   * link. Only a link standing for the import's first name, in one of the importing file's roots;
   * tried when no root found the module itself (a real package of that name wins).
   */
  const links = ctx.folderLinks !== undefined && ctx.folderLinks.size > 0 ? ctx.folderLinks : undefined;
  const resolveLinked = (fact: ImportFact, parts: string[], fromDir: string, fromFile: string): Resolution[] | null => {
    for (const root of rootsFor(fromDir, fromFile)) {
      if (ranBefore(root, fact)) continue;
      const link = joinModulePath(root.dir, parts[0]);
      const target = links!.get(link);
      if (target === undefined || !pyDirs.has(target)) continue;
      const base = dirname(target);
      const targetParts = [target.slice(base === '' ? 0 : base.length + 1), ...parts.slice(1)];
      const found = find(base, targetParts);
      if (!found?.file) continue;
      const mapping = `the folder link ${link}, which points to ${target}`;
      return toResolutions(found, root.kind, fact, base, targetParts).map((r) => (r.to === null ? r : { ...r, mapping }));
    }
    return null;
  };

  /**
   * An import that found no module by its own name, through an alias a module of the repo makes
   * (import-aliases.ts): the longest aliased prefix of the name, looked up as the aliasing file
   * would import its target. Null when none applies or the target is not in the repo.
   */
  const aliases = ctx.pythonImportAliases !== undefined && ctx.pythonImportAliases.size > 0 ? ctx.pythonImportAliases : undefined;
  let aliasDepth = 0;
  const resolveAliased = (fact: ImportFact, parts: string[]): Resolution[] | null => {
    // An alias whose target is aliased in turn is followed a few steps, never round a loop.
    if (aliasDepth > 4) return null;
    for (let n = parts.length; n >= 1; n--) {
      const alias = aliases!.get(n === parts.length ? fact.specifier : parts.slice(0, n).join('.'));
      if (alias === undefined) continue;
      const found = resolveThrough(alias, fact, parts.slice(n).join('.'));
      const fake = alias.underTest === undefined ? null : resolveThrough(alias.underTest, fact, parts.slice(n).join('.'));
      if (found === null) return fake;
      return fake === null ? found : [...found, ...fake.filter((r) => r.to !== null)];
    }
    return null;
  };
  /** The import's resolutions through one alias (`rest`: the name's part after the aliased prefix), or null when its target is not in the repo. */
  const resolveThrough = (alias: ImportAlias, fact: ImportFact, rest: string): Resolution[] | null => {
    const specifier = rest === '' ? alias.target : alias.target.endsWith('.') ? `${alias.target}${rest}` : `${alias.target}.${rest}`;
    const target: ImportFact = { ...fact, specifier };
    aliasDepth++;
    let found: Resolution[];
    try {
      found = specifier.startsWith('.') ? resolveRelative(target, dirname(alias.from)) : resolveAbsolute(target, dirname(alias.from), alias.from);
    } finally {
      aliasDepth--;
    }
    if (found.length === 0 || found[0].to === null) return null;
    const mapping = found[0].mapping === undefined ? alias.how : `${alias.how}, then ${found[0].mapping}`;
    const swappedInBy = alias.testOnly ? { file: alias.from, line: alias.line } : undefined;
    return found.map((r) => (r.to === null ? r : swappedInBy === undefined ? { ...r, mapping } : { ...r, mapping, swappedInBy }));
  };

  // An answer depends only on the dotted name, (for `from`) the names imported, and for a relative
  // import the importing folder, for an absolute one the folder's roots: the files of one folder
  // import the same modules again and again, and the folders of one package share its roots, so
  // each such question is answered once (saleor: 26,178 asks; 13,995 (folder, question) pairs,
  // 7,324 distinct questions). Callers share the answers, as the `ImportResolver` contract says
  // (read, never changed): a copy per ask was 50,000 objects and arrays on saleor. Files come folder
  // by folder (in path order, a folder's files around its subfolders'), so only the relative answers
  // of the last folders are kept: kept for the whole scan they were about 17 MB per 18,000 files;
  // the absolute answers of a roots list start over past MEMO_ANSWERS.
  const relativeMemo = new Map<string, Map<string, readonly Readonly<Resolution>[]>>();
  const absoluteMemo = new Map<SearchRoot[], Map<string, readonly Readonly<Resolution>[]>>();
  return {
    ecosystem: 'python',
    resolve: (fact, fromFile) => {
      if (fact.specifier === '' || fact.specifier === '__future__') return [{ to: null, unresolved: 'stdlib', package: '__future__' }];
      const dir = dirname(fromFile);
      const relative = fact.specifier.startsWith('.');
      let answers: Map<string, readonly Readonly<Resolution>[]> | undefined;
      let bound = false;
      if (relative) {
        answers = relativeMemo.get(dir);
        if (!answers) {
          if (relativeMemo.size >= MEMO_FOLDERS) relativeMemo.delete(relativeMemo.keys().next().value!);
          relativeMemo.set(dir, (answers = new Map()));
        }
      } else {
        const roots = rootsFor(dir, fromFile);
        bound = lineBound.has(roots);
        answers = absoluteMemo.get(roots);
        if (!answers || answers.size >= MEMO_ANSWERS) {
          if (!answers && absoluteMemo.size >= MEMO_FOLDERS) absoluteMemo.delete(absoluteMemo.keys().next().value!);
          absoluteMemo.set(roots, (answers = new Map()));
        }
      }
      let key = fact.specifier;
      if (bound) key += `\0@${fact.line}`;
      if (fact.syntax === 'from') for (const n of fact.names) key += `\0:${n.name}`;
      let known = answers.get(key);
      if (!known) answers.set(key, (known = relative ? resolveRelative(fact, dir) : resolveAbsolute(fact, dir, fromFile)));
      return relative || ownScriptKind.size === 0 ? known : ownLabels(known, fromFile, dir);
    },
  };
};
