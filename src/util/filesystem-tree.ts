/**
 * Where an absolute path lies in the filesystem tree a repo file is part of: a Debian package
 * unpacked at the repo root (`usr/bin/app`), a container's `rootfs/etc/…`. The tree is the file's
 * path up to its first top folder of the FHS (`etc/`, `usr/`, `opt/`, `srv/`, `var/`). Entry
 * detectors (apache-wsgi), the resolver (absolute sys.path folders) and framework readers
 * (http-web-roots, spawned-paths) all place an absolute path by this one rule.
 */
import { joinRepo } from './path.js';

/** The filesystem tree a file lies in: everything before its first top-level folder of the FHS. */
const FS_ROOT = /^((?:[^/]+\/)*?)(?:etc|usr|opt|srv|var)\//;

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
