/**
 * discover: list the repo's files (git-aware), detect what can be known without reading them,
 * and turn every listing problem into a warning on that file.
 */
import fs from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.js';
import type { GitInfo } from '../model/audit.js';
import type { Language } from '../model/file.js';
import { warning } from '../util/diagnostics.js';
import { holdsPrefix } from '../util/file-index.js';
import { compileGlobs } from '../util/glob.js';
import { joinAbsolute, toRepoPath } from '../util/path.js';
import { isInsideRoot, realpathOrNull } from '../util/fs.js';
import { buildsInListed, gitignoreReinclusions, isInDefaultExcludedDir, type BuildsIn } from './excludes.js';
import { gitInfo, gitLastChangeDates, gitListFiles, gitWorkTree, UNTRACKED_TIMEOUT_MS } from './git.js';
import { languageFromPath } from './language.js';
import { listedPackageOutputs, type KeptOutput } from './package-output.js';
import { walkFiles } from './walk.js';
import { isResolutionInput, junkReason } from './junk.js';

export interface DiscoverOptions {
  include: string[];
  exclude: string[];
  defaultExcludes: boolean;
}

export interface DiscoveredFile {
  path: string;
  abs: string;
  bytes: number;
  executable: boolean;
  symlink: boolean;
  /** For a symlink: the repo path of the file it leads to, links followed (absent when that is not a path below the root). */
  linkTarget?: string;
  /** null: extension-less, the first line decides. */
  language: Language | null;
}

/**
 * A symlink to a folder inside the scanned root (Debian's `hyperkitty/static ->
 * ../../../../share/python3-django-hyperkitty/static`). Discovery does not enter it (its files are
 * listed once, where they are); readers that map a path below an app folder look the path up
 * through it (util/folder-links.ts).
 */
export interface FolderLink {
  /** The link's repo path. */
  path: string;
  /** The repo path of the folder it resolves to, links followed: never the root, nor a folder holding the link. */
  target: string;
}

export interface JunkFile {
  path: string;
  reason: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Litter recognised by name (junk.ts): listed, never analysed. */
  junk: JunkFile[];
  /** null outside a git work tree; else pending until `git status` answers (the scan awaits it for the Audit). */
  git: Promise<GitInfo> | null;
  /** Every git-known path's last commit date, pending until `git log` answers; null outside a work tree. */
  lastChangeDates: Promise<Map<string, string>> | null;
  diagnostics: Diagnostic[];
  /** Symlinks to folders inside the root (not entered; a link that leaves the root, loops or holds itself is left out). */
  folderLinks: FolderLink[];
  /** What git lists that the census leaves out (default-excluded, not included, excluded, junk): their bytes decide `git.dirty`. */
  unlisted: string[];
}

const describeStatError = (code: string | undefined): string =>
  code === 'ELOOP' ? 'symlink loop' : code === 'ENOENT' ? 'broken symlink (target does not exist)' : code === 'EACCES' ? 'permission denied' : `cannot stat (${code ?? 'unknown error'})`;

/** Where `abs` (a path below the root) resolves, links followed, when that is inside `rootReal`; else null. */
const realInside = (rootReal: string, abs: string): string | null => {
  const real = realpathOrNull(abs);
  return real !== null && isInsideRoot(rootReal, real) ? real : null;
};

/**
 * The paths the listed .gitignore files re-include inside default-excluded folders (the walk
 * outside git enters them by the same rule). A .gitignore inside such a folder (dist/.gitignore's `*`, `!.gitignore`)
 * speaks for a folder census leaves out, so it is not read.
 */
const listedReinclusions = (rootAbs: string, listed: string[], buildsIn: BuildsIn): string[] => {
  const out: string[] = [];
  for (const path of listed) {
    if (!(path === '.gitignore' || path.endsWith('/.gitignore')) || isInDefaultExcludedDir(path, [], buildsIn)) continue;
    let text: string;
    try {
      text = fs.readFileSync(joinAbsolute(rootAbs, path), 'utf8');
    } catch {
      continue; // listed but unreadable: its rules are git's to apply, the listing already did
    }
    out.push(...gitignoreReinclusions(text, path.slice(0, Math.max(0, path.length - '/.gitignore'.length))));
  }
  return out;
};

/** The file type bits Stats' isSymbolicLink and isFile test, read once per listed file without the two calls. */
const { S_IFMT, S_IFLNK, S_IFREG } = fs.constants;

/** A path with an empty, `.` or `..` segment, or a leading or trailing slash: node:path's join would normalise it. */
const NOT_PLAIN = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** A root node:path leaves as it is, with `/` between it and a name (not `/` itself, not Windows). */
export const isPlainRoot = (rootAbs: string): boolean => joinAbsolute(rootAbs, 'x') === `${rootAbs}/x`;

/**
 * A listed path's absolute path. git and the walk list plain paths, which below a resolved root
 * join as text: what joinAbsolute (node:path's join, a normalisation per call) answers for them,
 * asked once per listed file. Anything else, and a root that is not one, still goes through it.
 */
export const absoluteOf = (rootAbs: string, plainRoot: boolean, path: string): string =>
  plainRoot && path !== '' && !NOT_PLAIN.test(path) ? `${rootAbs}/${path}` : joinAbsolute(rootAbs, path);

export const discover = async (rootAbs: string, options: DiscoverOptions): Promise<Discovery> => {
  const diagnostics: Diagnostic[] = [];
  const rootReal = fs.realpathSync(rootAbs);
  const tree = gitWorkTree(rootAbs);
  const fromGit = tree ? await gitListFiles(rootAbs) : null;
  // Started once the listing is in (started with it, they slowed it: 4 git processes on 2 cores),
  // before the lstat pass: status and log run beside this thread's listing and extraction, and are
  // awaited where their answers are needed.
  const git = tree ? gitInfo(rootAbs, tree) : null;
  const lastChangeDates = tree ? gitLastChangeDates(rootAbs, tree) : null;
  if (fromGit?.untrackedSkipped) {
    diagnostics.push(warning('read/untracked-skipped', `git could not list the untracked files within ${UNTRACKED_TIMEOUT_MS / 1000} s (.gitignore patterns too costly to match?); only tracked files are in this census`, '.gitignore'));
  }
  const walkedOutputs: KeptOutput[] = [];
  const listed = fromGit?.files ?? walkFiles(rootAbs, options.defaultExcludes, walkedOutputs, diagnostics);
  // Only the default excludes ask which folders hold a build file.
  const buildsIn = options.defaultExcludes ? buildsInListed(listed) : undefined;
  const reincluded = buildsIn ? listedReinclusions(rootAbs, listed, buildsIn) : [];
  // A package's dist/ or build/ that its package.json names and nothing beside it builds is its code (package-output.ts).
  // The walk decided on what it walked; git's listing is judged here by the same rule.
  if (buildsIn) {
    // listedPackageOutputs asks of the .gitignore re-inclusions alone: it returns before the kept outputs are added.
    const kept = fromGit ? listedPackageOutputs(rootAbs, listed, (path) => isInDefaultExcludedDir(path, reincluded, buildsIn), diagnostics) : walkedOutputs;
    for (const k of kept) reincluded.push(k.dir);
  }
  const included = options.include.length > 0 ? compileGlobs(options.include) : null;
  const excluded = compileGlobs(options.exclude);

  const files: DiscoveredFile[] = [];
  const folderLinks: FolderLink[] = [];
  const junk: JunkFile[] = [];
  const plainRoot = isPlainRoot(rootAbs);
  const unlisted: string[] = [];
  // The default order is byString's (UTF-16 code units) without a call into a comparator per
  // comparison, which ran cold (interpreted) over every listed path.
  for (const path of listed.sort()) {
    const left = (options.defaultExcludes && isInDefaultExcludedDir(path, reincluded, buildsIn)) || (included !== null && !included(path) && !isResolutionInput(path)) || excluded(path);
    const junkWhy = left ? null : junkReason(path);
    if (left || junkWhy !== null) {
      if (fromGit) unlisted.push(path);
      if (junkWhy !== null) junk.push({ path, reason: junkWhy });
      continue;
    }
    const abs = absoluteOf(rootAbs, plainRoot, path);
    let lstat: fs.Stats;
    try {
      lstat = fs.lstatSync(abs);
    } catch {
      continue; // listed by git but deleted in the work tree: not a file any more
    }
    let stat = lstat;
    const symlink = (lstat.mode & S_IFMT) === S_IFLNK;
    let linkTarget: string | undefined;
    if (symlink) {
      try {
        stat = fs.statSync(abs);
      } catch (e) {
        diagnostics.push(warning('read/symlink', `${describeStatError((e as NodeJS.ErrnoException).code)}; file skipped`, path));
        continue;
      }
      if (stat.isDirectory()) {
        const real = realInside(rootReal, abs);
        const target = real === null ? null : toRepoPath(rootReal, real);
        // Not entered either way. A link to a folder of the tree is kept as an alias (its files are
        // listed once, where they are, and readers look through it): nothing to warn about. The root,
        // or a folder above the link, would alias the link into itself.
        if (target === null) diagnostics.push(warning('read/symlink', 'symlink to a folder outside the scanned folder is not followed', path));
        else if (target === '' || path.startsWith(`${target}/`)) diagnostics.push(warning('read/symlink', `symlink to ${target === '' ? 'the scanned folder' : `${target}/`}, a folder that holds it, is not followed`, path));
        else folderLinks.push({ path, target });
        continue;
      }
      // A link out of the tree could bring any file of the user's (a key, /etc/shadow) into the reports.
      const real = realInside(rootReal, abs);
      if (real === null) {
        diagnostics.push(warning('read/symlink-outside', 'symlink points outside the scanned folder; not read', path));
        continue;
      }
      linkTarget = toRepoPath(rootReal, real) ?? undefined;
    }
    if ((stat.mode & S_IFMT) !== S_IFREG) continue;
    files.push({
      path,
      abs,
      bytes: stat.size,
      executable: (stat.mode & 0o111) !== 0,
      symlink,
      ...(linkTarget !== undefined && linkTarget !== '' ? { linkTarget } : {}),
      language: languageFromPath(path),
    });
  }
  // An alias of a folder none of whose files are in the census (excluded, or empty) stands for nothing: say so.
  // The listing is sorted by UTF-16 code units: a bisection a link (file-index's holdsPrefix).
  const paths = folderLinks.length > 0 ? files.map((f) => f.path) : [];
  for (const link of folderLinks) {
    const under = `${link.target}/`;
    if (!holdsPrefix(paths, under)) diagnostics.push(warning('read/symlink', `symlink to ${under}, a folder with no file in this census, is not followed`, link.path));
  }
  return { files, junk, git, lastChangeDates, diagnostics, folderLinks, unlisted };
};
