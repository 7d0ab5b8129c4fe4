/**
 * Which folder to audit when the user asks about some folder: its project's root. A scan of a
 * subfolder alone misses the units, manifests and CI files that wire it in, and then gives wrong
 * verdicts without a hint; so census audits the root and reports the asked folder.
 *
 * Walking up from the asked folder, the root is the first folder that holds a census config (it
 * marks a project nested in a bigger repo) or is the top of a git work tree. Outside git it is the
 * nearest folder with a census config or a manifest; failing all that, the asked folder itself.
 */
import fs from 'node:fs';
import { loadCensusConfig } from '../config/load.js';
import { readTextOrNull } from '../util/fs.js';
import { dirnameAbsolute, joinAbsolute } from '../util/path.js';

export type RootReason = 'census-config' | 'git' | 'manifest' | 'asked';

export interface FoundRoot {
  rootAbs: string;
  reason: RootReason;
  /** The file that decided (`census.config.json`, `.git`, `pyproject.toml`), when one did. */
  marker?: string;
}

/** Manifests that mark a project root outside git. */
export const MANIFESTS = ['pyproject.toml', 'setup.py', 'setup.cfg', 'package.json', 'Pipfile', 'requirements.txt'];

const exists = (abs: string): boolean => fs.existsSync(abs);

const ancestors = (startAbs: string): string[] => {
  const out = [startAbs];
  for (let dir = startAbs, parent = dirnameAbsolute(dir); parent !== dir; dir = parent, parent = dirnameAbsolute(dir)) out.push(parent);
  return out;
};

/** The census config file of a folder, or null. An invalid config throws (ConfigError): it is the user's to fix. */
const configFileOf = (dirAbs: string): string | null => loadCensusConfig((name) => readTextOrNull(joinAbsolute(dirAbs, name)))?.file ?? null;

export const findProjectRoot = (askedAbs: string): FoundRoot => {
  const chain = ancestors(askedAbs);
  for (const dir of chain) {
    const config = configFileOf(dir);
    if (config !== null) return { rootAbs: dir, reason: 'census-config', marker: config };
    if (exists(joinAbsolute(dir, '.git'))) return { rootAbs: dir, reason: 'git', marker: '.git' };
  }
  for (const dir of chain) {
    const manifest = MANIFESTS.find((m) => exists(joinAbsolute(dir, m)));
    if (manifest !== undefined) return { rootAbs: dir, reason: 'manifest', marker: manifest };
  }
  return { rootAbs: askedAbs, reason: 'asked' };
};
