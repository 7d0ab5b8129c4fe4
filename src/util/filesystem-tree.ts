/**
 * Where an absolute path lies in the filesystem tree a repo file is part of: a Debian package
 * unpacked at the repo root (`usr/bin/app`), a container's `rootfs/etc/…`. The tree is the file's
 * path up to its first top folder of the FHS (`etc/`, `usr/`, `opt/`, `srv/`, `var/`, and `lib/`
 * where it holds what Debian installs below /lib). Entry detectors (apache-wsgi), the resolver
 * (absolute sys.path folders) and framework readers (http-web-roots, spawned-paths,
 * django-wrappers) all place an absolute path by this one rule.
 */
import { joinRepo } from './path.js';

/**
 * The filesystem tree a file lies in: everything before its first top-level folder of the FHS.
 * Stop 61: `lib/` counts only followed by a folder Debian installs below /lib (lava-server's units
 * in `lib/systemd/system/`): a repo's own `lib/` (a JS or Ruby package's source) is no filesystem.
 */
const FS_ROOT = /^((?:[^/]+\/)*?)(?:etc|usr|opt|srv|var|lib(?=\/(?:systemd|udev|tmpfiles\.d|sysusers\.d|modules-load\.d|modprobe\.d)\/))\//;

/**
 * Where an absolute path lies in the filesystem tree a repo file is part of (`usr/bin/app`'s tree is
 * the repo root): the tree's folder ('' = the root) and the path below it; null when the file is in
 * no such tree or the path leaves it.
 */
export const inFilesystemTree = (repoPath: string, absolute: string): { tree: string; path: string } | null => {
  const root = FS_ROOT.exec(repoPath);
  if (root === null) return null;
  const path = joinRepo(root[1], absolute.slice(1));
  return path === null ? null : { tree: root[1], path };
};

/** The filesystem tree a file lies in ('' = the repo root, else a folder with its `/`), or null when it lies in none. */
export const filesystemTreeOf = (repoPath: string): string | null => FS_ROOT.exec(repoPath)?.[1] ?? null;

/** The folders of `usr/` a package or a rootfs installs into: one of them with a file in it shows the tree is an image. */
const IMAGE_USR = /^usr\/(?:s?bin|lib|libexec|share|local\/s?bin)\/[^]/;

/**
 * Stop 56: the filesystem trees of a file list that are file-system images (a Debian package
 * unpacked, a container's rootfs overlay): a tree whose `usr/` holds a file below bin/, sbin/, lib/,
 * libexec/, share/ or local/bin/ (kupfer's `usr/bin/kupfer`, `usr/share/kupfer/…`). A tree that only
 * has `etc/`, `opt/` or `var/` (a repo's config folder) is not one by itself. The answer holds the
 * tree folders as filesystemTreeOf gives them.
 */
export const imageTrees = (paths: Iterable<string>): Set<string> => {
  const trees = new Set<string>();
  for (const path of paths) {
    if (!path.includes('usr/')) continue;
    const tree = filesystemTreeOf(path);
    if (tree !== null && !trees.has(tree) && IMAGE_USR.test(path.slice(tree.length))) trees.add(tree);
  }
  return trees;
};
