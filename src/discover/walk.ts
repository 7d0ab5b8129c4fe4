/**
 * Outside git: walk the tree honouring every .gitignore on the way down (each applies to its
 * own folder, as git does) and the default excluded folders, less the paths a .gitignore
 * negation names inside them (excludes.ts). The why snapshot stamps the folders
 * this walk visits (cache/tree-stamps.ts).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Ignore } from 'ignore';
import { joinAbsolute } from '../util/path.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { keptOutputsAmong, type KeptOutput } from './package-output.js';
import { BUILD_FILES, gitignoreReinclusions, isInDefaultExcludedDir, leadsToReincluded, type BuildsIn } from './excludes.js';
import { gitignoreLiteralFilter } from './gitignore-literals.js';

/**
 * `ignore` is CommonJS: importing it from an ES module starts Node's CommonJS export scanner,
 * about 0.1 s of CPU that `census why` (which loads this file) does not otherwise pay. Required
 * on first use: a scan inside git never reads a .gitignore here, and every scan loads this file.
 */
let ignoreFactory: typeof import('ignore') | undefined;
const ignore = (): Ignore => (ignoreFactory ??= createRequire(import.meta.url)('ignore') as typeof import('ignore'))();

interface Matcher {
  base: string; // repo path of the folder holding the .gitignore ('' for root)
  rules: Ignore;
  /** False for a path none of the rules can match (gitignore-literals.ts); null: every path is asked. */
  mayMatch: ((candidate: string) => boolean) | null;
  /** Paths inside default-excluded folders that its negations name (`!lib/dist/`): walked and listed. */
  reincluded: string[];
}

const isIgnored = (matchers: Matcher[], path: string, isDir: boolean): boolean => {
  let ignored = false;
  for (const m of matchers) {
    const rel = m.base === '' ? path : path.slice(m.base.length + 1);
    const candidate = isDir ? `${rel}/` : rel;
    // No rule holds text of this path: the library would answer neither ignored nor re-included.
    if (m.mayMatch !== null && !m.mayMatch(candidate)) continue;
    const result = m.rules.test(candidate);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
};

const loadGitignore = (absDir: string, base: string): Matcher | null => {
  let text: string;
  try {
    text = fs.readFileSync(joinAbsolute(absDir, '.gitignore'), 'utf8');
  } catch {
    return null;
  }
  return { base, rules: ignore().add(text), mayMatch: gitignoreLiteralFilter(text), reincluded: gitignoreReinclusions(text, base) };
};

/** The paths re-included in a folder: by the .gitignore files above it, and the package output folders kept (package-output.ts). */
const reincludedIn = (active: readonly Matcher[], outputs: readonly string[]): string[] => [...active.flatMap((m) => m.reincluded), ...outputs];

/**
 * Whether the walk goes on with a folder's entry: not git's folder, not a default-excluded folder, not ignored.
 * `reincluded`: reincludedIn's answer for the folder, made once for all its entries.
 */
const isKept = (entry: fs.Dirent, base: string, active: Matcher[], useDefaultExcludes: boolean, buildsIn: BuildsIn, reincluded: readonly string[]): boolean => {
  const path = base === '' ? entry.name : `${base}/${entry.name}`;
  // A default-excluded folder is entered only to reach a re-included path: its other files stay out.
  if (!entry.isDirectory()) return !(useDefaultExcludes && reincluded.length > 0 && isInDefaultExcludedDir(path, reincluded, buildsIn)) && !isIgnored(active, path, false);
  if (entry.name === '.git') return false;
  if (useDefaultExcludes && isInDefaultExcludedDir(`${path}/x`, reincluded, buildsIn) && !leadsToReincluded(path, reincluded)) return false;
  return !isIgnored(active, path, true);
};

/**
 * Which folders hold a build file (excludes.ts: build/ is output only beside one),
 * learnt from each folder's entries as they are read; a folder not read yet is looked at on disk.
 */
const createBuildsIn = (rootAbs: string): { buildsIn: BuildsIn; learn(dir: string, entries: fs.Dirent[]): void } => {
  const known = new Map<string, boolean>();
  const learn = (dir: string, entries: fs.Dirent[]): void => {
    known.set(dir, entries.some((e) => !e.isDirectory() && BUILD_FILES.has(e.name)));
  };
  const buildsIn: BuildsIn = (dir) => {
    let answer = known.get(dir);
    if (answer === undefined) {
      try {
        learn(dir, fs.readdirSync(dir === '' ? rootAbs : joinAbsolute(rootAbs, dir), { withFileTypes: true }));
      } catch {
        known.set(dir, false);
      }
      answer = known.get(dir) as boolean;
    }
    return answer;
  };
  return { buildsIn, learn };
};

export interface TreeVisitor {
  /** Each folder walked (repo path, '' = the root) with the entries not skipped, sorted by name; null when it cannot be read. */
  folder?(path: string, absDir: string, kept: fs.Dirent[] | null): void;
  /** Each file (any entry that is not a folder) not ignored. */
  file?(path: string): void;
  /** Each package output folder kept (package-output.ts), with the notes and warnings on it. */
  output?(kept: KeptOutput): void;
  /** Where warnings and notes on what the walk read (package.json files beside output folders) go. */
  diagnostics?: Diagnostic[];
}

/**
 * Walks the folders that are not ignored, as the listing does (the why snapshot stamps the same
 * folders, cache/tree-stamps.ts). Directories are not followed through symlinks.
 */
export const walkTree = (rootAbs: string, useDefaultExcludes: boolean, visitor: TreeVisitor): void => {
  const builds = createBuildsIn(rootAbs);
  const visit = (absDir: string, base: string, matchers: Matcher[], outputs: readonly string[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch {
      visitor.folder?.(base, absDir, null);
      return; // unreadable folder: its files cannot be listed; discover reports the folder
    }
    // A folder's .gitignore is read only when the folder lists one: a read of a name that is not
    // there throws, and building that error was most of what the attempt cost (saleor's 513
    // folders hold one .gitignore). A name listed but not readable as a file gives null, as before.
    const own = entries.some((e) => e.name === '.gitignore') ? loadGitignore(absDir, base) : null;
    const active = own ? [...matchers, own] : matchers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    builds.learn(base, entries);
    const ownOutputs = useDefaultExcludes ? keptOutputsAmong(rootAbs, base, entries, visitor.diagnostics) : [];
    for (const kept of ownOutputs) visitor.output?.(kept);
    const reaching = ownOutputs.length > 0 ? [...outputs, ...ownOutputs.map((k) => k.dir)] : outputs;
    const reincluded = reincludedIn(active, reaching);
    const kept = entries.filter((entry) => isKept(entry, base, active, useDefaultExcludes, builds.buildsIn, reincluded));
    visitor.folder?.(base, absDir, kept);
    for (const entry of kept) {
      const path = base === '' ? entry.name : `${base}/${entry.name}`;
      if (entry.isDirectory()) visit(joinAbsolute(absDir, entry.name), path, active, reaching);
      else visitor.file?.(path);
    }
  };
  visit(rootAbs, '', [], []);
};

/**
 * Every file path (POSIX, relative to root) not ignored; directories are not followed through
 * symlinks. `outputs`: the package output folders kept (package-output.ts), into which the walk went.
 */
export const walkFiles = (rootAbs: string, useDefaultExcludes: boolean, outputs: KeptOutput[] = [], diagnostics: Diagnostic[] = []): string[] => {
  const out: string[] = [];
  walkTree(rootAbs, useDefaultExcludes, { file: (path) => out.push(path), output: (kept) => outputs.push(kept), diagnostics });
  return out;
};

/**
 * The entries walkTree keeps in a folder (repo path, '' = the root), sorted by name; null when it
 * cannot be read. Each folder's .gitignore is read and compiled once for all the folders asked.
 */
export const keptEntriesOf = (rootAbs: string, useDefaultExcludes: boolean): ((path: string) => fs.Dirent[] | null) => {
  const builds = createBuildsIn(rootAbs);
  const chains = new Map<string, Matcher[]>();
  const chainOf = (path: string): Matcher[] => {
    const known = chains.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const above = path === '' ? [] : chainOf(slash < 0 ? '' : path.slice(0, slash));
    const own = loadGitignore(path === '' ? rootAbs : joinAbsolute(rootAbs, path), path);
    const chain = own ? [...above, own] : above;
    chains.set(path, chain);
    return chain;
  };
  // The package output folders kept (package-output.ts) in a folder and those above it, as walkTree passes them down.
  const outputs = new Map<string, readonly string[]>();
  const outputsOf = (path: string, entries?: fs.Dirent[]): readonly string[] => {
    const known = outputs.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const above = path === '' ? [] : outputsOf(slash < 0 ? '' : path.slice(0, slash));
    let own: string[] = [];
    if (useDefaultExcludes) {
      try {
        own = keptOutputsAmong(rootAbs, path, entries ?? fs.readdirSync(path === '' ? rootAbs : joinAbsolute(rootAbs, path), { withFileTypes: true })).map((k) => k.dir);
      } catch {
        // unreadable: keeps nothing
      }
    }
    const reaching = own.length > 0 ? [...above, ...own] : above;
    outputs.set(path, reaching);
    return reaching;
  };
  return (path) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path === '' ? rootAbs : joinAbsolute(rootAbs, path), { withFileTypes: true });
    } catch {
      return null;
    }
    const matchers = chainOf(path);
    builds.learn(path, entries);
    const reincluded = reincludedIn(matchers, outputsOf(path, entries));
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).filter((e) => isKept(e, path, matchers, useDefaultExcludes, builds.buildsIn, reincluded));
  };
};
