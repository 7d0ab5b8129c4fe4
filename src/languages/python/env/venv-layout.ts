/**
 * Where an environment keeps its packages, read from its folder layout without running it:
 * `lib/python3.X/site-packages` (POSIX venvs, conda), `Lib/site-packages` (Windows),
 * `lib/pypy3.X/site-packages` (PyPy).
 */
import { isDirectory, isFile, readDirNames, readTextOrNull, realpathOrNull } from '../../../util/fs.js';
import { joinAbsolute } from '../../../util/path.js';

export interface VenvLayout {
  sitePackages: string[];
  /** `3.11` or `3.11.7` when the layout or pyvenv.cfg says it. */
  pythonVersion?: string;
  /** pyvenv.cfg has include-system-site-packages = true: packages outside this folder are visible too. */
  includesSystemSitePackages: boolean;
}

/** pyvenv.cfg is `key = value` lines; keys are compared lower-case. */
export const parsePyvenvCfg = (text: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf('=');
    if (i <= 0) continue;
    out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
};

const versionFromCfg = (cfg: Map<string, string>): string | undefined => {
  // venv writes `version`, uv and virtualenv write `version_info` (3.11.7.final.0).
  const raw = cfg.get('version') ?? cfg.get('version_info');
  const m = raw ? /^(\d+\.\d+(?:\.\d+)?)/.exec(raw) : null;
  return m ? m[1] : undefined;
};

/** True when the folder looks like a Python environment: a venv (pyvenv.cfg) or a conda env (conda-meta/). */
export const isEnvironmentFolder = (prefixAbs: string): boolean =>
  isFile(joinAbsolute(prefixAbs, 'pyvenv.cfg')) || isDirectory(joinAbsolute(prefixAbs, 'conda-meta'));

export const readVenvLayout = (prefixAbs: string): VenvLayout => {
  const cfgText = readTextOrNull(joinAbsolute(prefixAbs, 'pyvenv.cfg'));
  const cfg = cfgText === null ? new Map<string, string>() : parsePyvenvCfg(cfgText);
  const found: { dir: string; version?: string }[] = [];
  for (const lib of ['lib', 'lib64']) {
    for (const name of readDirNames(joinAbsolute(prefixAbs, lib))) {
      const m = /^(?:python|pypy)(\d+\.\d+)t?$/.exec(name);
      if (!m) continue;
      const dir = joinAbsolute(prefixAbs, lib, name, 'site-packages');
      if (isDirectory(dir)) found.push({ dir, version: m[1] });
    }
  }
  for (const rel of [['Lib', 'site-packages'], ['site-packages']]) {
    const dir = joinAbsolute(prefixAbs, ...rel);
    if (isDirectory(dir)) found.push({ dir });
  }
  // lib64 is usually a symlink to lib: keep each real folder once, first spelling wins.
  const seen = new Set<string>();
  const sitePackages: string[] = [];
  const versions: string[] = [];
  for (const f of found) {
    const real = realpathOrNull(f.dir) ?? f.dir;
    if (seen.has(real)) continue;
    seen.add(real);
    sitePackages.push(f.dir);
    if (f.version) versions.push(f.version);
  }
  const minor = (v: string): number => Number(v.split('.')[1]);
  const layoutVersion = versions.sort((a, b) => minor(a) - minor(b))[versions.length - 1];
  const pythonVersion = versionFromCfg(cfg) ?? layoutVersion;
  const includesSystemSitePackages = (cfg.get('include-system-site-packages') ?? '').toLowerCase() === 'true';
  return { sitePackages, ...(pythonVersion ? { pythonVersion } : {}), includesSystemSitePackages };
};
