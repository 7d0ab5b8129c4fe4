// File-tree helpers for building corpora: sorted walks and copies that keep exec bits and links.
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Byte-order (code unit) comparison, as census sorts paths: never locale-dependent. */
export const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const BYTECODE_DIR = '__pycache__';

/**
 * Every file under `root` as a POSIX path relative to it, depth-first in code-unit order
 * (folders and files interleaved by name). `keepDir(name, relPath)` prunes folders;
 * `keepFile(relPath)` filters files. Python bytecode caches are never listed.
 */
export const listFiles = (root, { keepDir = () => true, keepFile = () => true } = {}) => {
  const out = [];
  const visit = (abs, rel) => {
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => byCodeUnit(a.name, b.name));
    for (const e of entries) {
      const relPath = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== BYTECODE_DIR && keepDir(e.name, relPath)) visit(join(abs, e.name), relPath);
      } else if (!e.name.endsWith('.pyc') && keepFile(relPath)) {
        out.push(relPath);
      }
    }
  };
  visit(root, '');
  return out;
};

/** Copies one file (or symlink, as a symlink) from `fromAbs` to `toAbs`, making parent folders. */
export const copyOne = (fromAbs, toAbs) => {
  mkdirSync(dirname(toAbs), { recursive: true });
  if (lstatSync(fromAbs).isSymbolicLink()) symlinkSync(readlinkSync(fromAbs), toAbs);
  else copyFileSync(fromAbs, toAbs); // libuv keeps the mode, so exec bits survive
};

/** Sum of sizes of the given files (symlinks counted as what they point to, like census). */
export const totalBytes = (absPaths) => {
  let n = 0;
  for (const p of absPaths) {
    try {
      n += statSync(p).size;
    } catch {
      // a broken link adds nothing
    }
  }
  return n;
};
