/**
 * What the detectors that read a filesystem tree (a Debian package unpacked, a container's rootfs/)
 * share: the tree's root as `/` for the absolute paths its files name (systemd units, D-Bus
 * activation files, system hook folders), the names Debian's run-parts runs (cron's periodic
 * folders, update-motd.d, kernel/postinst.d, …). The folders that install nothing (a tree or a unit
 * kept as a test's fixture, an example or documentation) are util/installs-nothing.ts' rule.
 */
import type { PathMapping } from '../../commandline/types.js';

/** A name Debian's run-parts runs: letters, digits, `_` and `-` (`x.dpkg-old`, `.placeholder`, `README.md` are left alone); a regex source without anchors. */
export const RUN_PARTS_NAME = '[A-Za-z0-9_-]+';

/** `/` as the tree at `root` (the repo-relative folder, '' for the repo's root) for `path`, which lies where `where` (`systemd reads units`). */
export const filesystemRoot = (path: string, root: string, where: string): PathMapping => ({
  from: '/',
  to: root,
  label: `${path} lies where ${where}, below the filesystem root ${root === '' ? 'at the repo root' : `${root}/`}`,
});
