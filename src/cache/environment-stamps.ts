/**
 * What a recorded Audit depends on outside the listed files: the environment that JS resolution
 * and the import triage look at. A package installed or removed changes the folder it lands in
 * (a name added to `node_modules/` or to site-packages), so the stamps of those folders, taken
 * when the Audit is recorded, tell a re-run that nothing was installed since:
 *
 * - `node_modules` beside every package.json and in every folder above one (where the triage's
 *   `isInstalled` and the resolver look), present or not;
 * - the in-repo virtual environments the Python environment search tries first (`.venv`, `venv`,
 *   `env`, `.env`), present or not (the listing skips them, so their folders are not stamped);
 * - the site-packages folders of the environment the triage used, and the interpreter `--python`
 *   named.
 *
 * The comparison (cache/snapshot.ts) is by stamp, else by bytes for a file and by the names it
 * holds for a folder (`dir:` and their digest), so a folder written just before the recording is
 * still recognised as the same.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { PythonEnvironment } from '../languages/python/env/index.js';
import { statStamp } from '../discover/changes.js';
import { dirname, joinAbsolute } from '../util/path.js';
import { extraStamp, type ExtraStamp } from './tree-stamps.js';

const IN_REPO_ENVIRONMENTS = ['.venv', 'venv', 'env', '.env'];

/** Every folder from `dir` up to the root ('' = the root). */
const upFrom = (dir: string): string[] => {
  const out: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    out.push(d);
    if (d === '') return out;
  }
};

/** A folder's names, sorted, as a digest (`dir:…`); '' when it cannot be read. */
export const folderDigest = (abs: string): string => {
  try {
    return `dir:${createHash('sha256').update(fs.readdirSync(abs).sort().join('\0')).digest('hex').slice(0, 16)}`;
  } catch {
    return '';
  }
};

const stampOf = (abs: string): ExtraStamp => {
  const stamp = statStamp(abs);
  return stamp !== null && fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory() ? [abs, stamp, folderDigest(abs)] : extraStamp(abs);
};

export const environmentStamps = (rootAbs: string, paths: readonly string[], python: PythonEnvironment | null): ExtraStamp[] => {
  const folders = new Set<string>(['']);
  for (const p of paths) {
    if (p !== 'package.json' && !p.endsWith('/package.json')) continue;
    if (p.startsWith('node_modules/') || p.includes('/node_modules/')) continue;
    for (const d of upFrom(dirname(p))) {
      if (folders.has(d)) break;
      folders.add(d);
    }
  }
  const absolute = new Set<string>();
  for (const d of folders) absolute.add(joinAbsolute(rootAbs, d, 'node_modules'));
  for (const n of IN_REPO_ENVIRONMENTS) absolute.add(joinAbsolute(rootAbs, n));
  for (const folder of [...(python?.detected?.sitePackages ?? []), ...(python?.interpreter?.sitePackages ?? [])]) absolute.add(folder);
  if (python?.interpreter) absolute.add(python.interpreter.executable);
  return [...absolute].sort().map(stampOf);
};
