/**
 * pytest's configuration per folder, read the way pytest finds it: in each folder the first of
 * pytest.toml, .pytest.toml ([pytest], pytest 9), pytest.ini, .pytest.ini, pyproject.toml
 * ([tool.pytest], pytest 9's native TOML table, or [tool.pytest.ini_options]), tox.ini [pytest],
 * setup.cfg [tool:pytest] that holds a pytest section (pytest.toml and pytest.ini count even when
 * empty); a file is governed by the nearest such folder at or above it. Both test discovery (`testpaths`,
 * `python_files`) and the Python resolver (`pythonpath`) read it from here, so every file pytest
 * reads counts for both.
 */
import { basename, dirname, joinRepo } from '../util/path.js';
import { CONFIGPARSER, iniValue } from './ini.js';
import { isRecord } from './json.js';
import type { Manifests } from './store.js';
import type { NameKeys } from '../util/file-index.js';
import { TOML } from './toml.js';

export interface PytestConfig {
  /** The file the settings come from. */
  path: string;
  /** Its folder: pytest's rootdir and inifile folder, which `testpaths` and `pythonpath` are relative to. */
  dir: string;
  testpaths: string[];
  /** `python_files`, or pytest's default. */
  pythonFiles: string[];
  /** `pythonpath` as repo folders (pytest puts them first on sys.path); missing ones are kept. */
  pythonpath: string[];
  /** `python_functions` or `python_classes` is set: tests are named otherwise than `test*`/`Test*`. */
  customTestNames: boolean;
}

export const DEFAULT_PYTHON_FILES = ['test_*.py', '*_test.py'];
const CONFIG_PRECEDENCE = ['pytest.toml', '.pytest.toml', 'pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'];
export const PYTEST_CONFIG_FILE = /(^|\/)(\.?pytest\.(?:toml|ini)|pyproject\.toml|tox\.ini|setup\.cfg)$/;
/** The stems of every name PYTEST_CONFIG_FILE accepts, for `Manifests.all`. */
export const PYTEST_CONFIG_NAMES: NameKeys = { stems: ['pytest', '.pytest', 'pyproject', 'tox', 'setup'] };

/** An ini value is split like a command line (pytest uses shlex); a TOML one may already be a list. */
const words = (v: unknown): string[] | null => {
  if (typeof v === 'string') return (v.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
  if (Array.isArray(v)) return v.filter((w): w is string => typeof w === 'string');
  return null;
};

type Settings = Omit<PytestConfig, 'path' | 'dir' | 'pythonpath'> & { pythonpath: string[] };

/**
 * pyproject's pytest table: pytest 9 reads `[tool.pytest]` itself as native TOML (saleor's
 * `testpaths = ["saleor"]` sits there); older pytest, and pytest 9 without native keys, read
 * `[tool.pytest.ini_options]`.
 */
const nativeOrIni = (table: Record<string, unknown>): unknown => {
  for (const key of Object.keys(table)) if (key !== 'ini_options') return table;
  return table.ini_options;
};

/** The pytest settings a file holds, or null when it is not a pytest config. */
const readConfig = (manifests: Manifests, path: string): Settings | null => {
  const name = basename(path);
  const settings = (get: (key: string) => unknown): Settings => ({
    testpaths: words(get('testpaths')) ?? [],
    pythonFiles: words(get('python_files')) ?? DEFAULT_PYTHON_FILES,
    pythonpath: words(get('pythonpath')) ?? [],
    customTestNames: get('python_functions') !== undefined || get('python_classes') !== undefined,
  });
  if (name === 'pyproject.toml') {
    const tool = manifests.get(path, TOML)?.value.tool;
    const pytest = isRecord(tool) && isRecord(tool.pytest) ? nativeOrIni(tool.pytest) : undefined;
    return isRecord(pytest) ? settings((key) => pytest[key]) : null;
  }
  if (name.endsWith('pytest.toml')) {
    const table = manifests.get(path, TOML)?.value.pytest;
    const pytest = isRecord(table) ? table : {};
    return settings((key) => pytest[key]);
  }
  const doc = manifests.get(path, CONFIGPARSER);
  if (!doc) return null;
  const section = name === 'setup.cfg' ? 'tool:pytest' : 'pytest';
  if (!doc.sections.some((s) => s.name === section) && !name.endsWith('pytest.ini')) return null;
  return settings((key) => iniValue(doc, section, key)?.value);
};

/** The governing config of every folder that has one (computed once per scan). */
export const pytestConfigs = (manifests: Manifests): ReadonlyMap<string, PytestConfig> =>
  manifests.derive('pytest-configs', () => {
    const byDir = new Map<string, PytestConfig>();
    const rank = (f: string) => CONFIG_PRECEDENCE.indexOf(basename(f));
    const candidates = manifests.all((f) => PYTEST_CONFIG_FILE.test(f), PYTEST_CONFIG_NAMES).sort((a, b) => rank(a) - rank(b));
    for (const path of candidates) {
      const dir = dirname(path);
      if (byDir.has(dir)) continue;
      const settings = readConfig(manifests, path);
      if (!settings) continue;
      const pythonpath = settings.pythonpath.map((p) => joinRepo(dir, p)).filter((p): p is string => p !== null);
      byDir.set(dir, { path, dir, ...settings, pythonpath });
    }
    return byDir;
  });

/** The config governing files in folder `dir`: the nearest folder at or above it that has one. */
export const pytestConfigFor = (manifests: Manifests, dir: string): PytestConfig | null => {
  // Memoised per folder: test discovery asks once for every Python file.
  const memo = manifests.derive('pytest-config-for', () => new Map<string, PytestConfig | null>());
  const known = memo.get(dir);
  if (known !== undefined) return known;
  const found = pytestConfigs(manifests).get(dir) ?? (dir === '' ? null : pytestConfigFor(manifests, dirname(dir)));
  memo.set(dir, found);
  return found;
};
