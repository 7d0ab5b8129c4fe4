/**
 * Issue 19: `Manifests.all(match, named)` tries only the paths of the named stems or extensions
 * (util/file-index.ts pathsNamedLike). It is exact when every path `match` accepts has one of the
 * keys: checked here for each caller's keys against its own test, over names each test accepts and
 * near misses, in every letter case. And the answer is the old one: every accepted path, sorted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Manifests } from '../../src/manifests/store.js';
import { byString } from '../../src/util/compare.js';
import type { NameKeys } from '../../src/util/file-index.js';
import { isPackageJson, PACKAGE_JSON_NAME } from '../../src/manifests/package-json.js';
import { PYTEST_CONFIG_FILE, PYTEST_CONFIG_NAMES } from '../../src/manifests/pytest.js';
import { COMPOSE_FILE_NAMES, isComposeFile } from '../../src/manifests/compose.js';
import { CODE_NAME, JSON_NAMES, KNIP_CONFIG_STEMS } from '../../src/languages/javascript/knip-config-file.js';
import { CONDITION_CONFIG_NAMES, VITE_CONFIG } from '../../src/languages/javascript/resolution/conditions.js';
import { leadingStem, TOOL_CONFIG_NAMES, TOOL_CONFIGS, toolOf } from '../../src/languages/javascript/resolution/tool-aliases.js';
import { PROJECT_NAMES } from '../../src/languages/python/resolve/search-roots.js';
import { PYTHON_SOURCE_NAMES } from '../../src/languages/python/resolve/resolver.js';

const BASE_NAMES = [
  'package.json', 'package.json5', 'packages.json', 'Package.json', '.package.json',
  'pytest.ini', '.pytest.ini', 'pytest.toml', '.pytest.toml', 'pyproject.toml', 'tox.ini', 'setup.cfg', 'setup.py', 'setup.toml',
  'compose.yml', 'compose.yaml', 'docker-compose.yml', 'docker-compose.prod.yaml', 'compose-dev.yml', 'compose.override.yml', 'x.yml',
  'knip.json', '.knip.json', 'knip.jsonc', '.knip.jsonc', 'knip.ts', 'knip.config.ts', 'knip.config.mjs', 'knip.cts',
  'vite.config.ts', 'vite.config.mjs', 'vitest.config.ts', 'vite.dev.config.js', 'vitest.workspace.config.cts', 'vite.tanstack.config.ts',
  'webpack.config.js', 'webpack.dev.js', 'webpack.prod.config.ts', 'rspack.config.js', 'jest.config.json', 'jest.e2e.config.ts',
  'astro.config.mjs', 'svelte.config.js', 'quasar.config.ts', 'quasar.conf.js',
  'a.py', 'a.pyi', '__init__.py', 'a.pyc', 'a.py.txt', 'py', '.py', 'README', 'index.ts',
];
const cased = (name: string): string[] => [name, name.toUpperCase(), name.charAt(0).toUpperCase() + name.slice(1)];
const NAMES = [...new Set(BASE_NAMES.flatMap(cased))];
const PATHS = NAMES.flatMap((n) => [n, `pkg/${n}`, `a/b/${n}`, `node_modules/x/${n}`]);

const stemOf = (name: string): string => {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.', 1);
  return dot === -1 ? lower : lower.slice(0, dot);
};
const extensionOf = (name: string): string => {
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot === -1 ? '' : lower.slice(dot + 1);
};
const hasKey = (path: string, keys: NameKeys): boolean => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (keys.stems ?? []).includes(stemOf(name)) || (keys.extensions ?? []).includes(extensionOf(name));
};
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Each caller of `Manifests.all` with keys: its own test of a path, and the keys it passes. */
const CALLERS: [string, (path: string) => boolean, NameKeys][] = [
  ['package.json (workspaces, build output, tsconfig programs)', isPackageJson, PACKAGE_JSON_NAME],
  ['pytest configs', (p) => PYTEST_CONFIG_FILE.test(p), PYTEST_CONFIG_NAMES],
  ['compose files', isComposeFile, COMPOSE_FILE_NAMES],
  ['knip configs', (p) => JSON_NAMES.has(baseName(p)) || CODE_NAME.test(baseName(p)) || baseName(p) === 'package.json', { stems: KNIP_CONFIG_STEMS }],
  ['declared conditions', (p) => { const n = baseName(p); return VITE_CONFIG.test(n) || JSON_NAMES.has(n) || CODE_NAME.test(n) || n === 'package.json'; }, CONDITION_CONFIG_NAMES],
  ['tool aliases', (p) => toolOf(baseName(p)) !== null || baseName(p) === 'package.json', TOOL_CONFIG_NAMES],
  ['Python project files', (p) => ['pyproject.toml', 'setup.py', 'setup.cfg'].includes(baseName(p)), PROJECT_NAMES],
  ['Python modules', (p) => p.endsWith('.py') || p.endsWith('.pyi'), PYTHON_SOURCE_NAMES],
];

test('Manifests.all: every path a caller accepts has one of the keys it passes', () => {
  for (const [caller, accepts, keys] of CALLERS) {
    const accepted = PATHS.filter(accepts);
    assert.ok(accepted.length > 0, `${caller}: the sample has names it accepts`);
    for (const path of accepted) assert.ok(hasKey(path, keys), `${caller}: ${path} is accepted but has none of ${JSON.stringify(keys)}`);
  }
});

test('Manifests.all: with keys or without, every accepted path, sorted; with keys, only the keyed paths are tried', () => {
  // The set's order is not sorted: the answer is sorted all the same.
  const files = new Set([...PATHS].reverse());
  const manifests = new Manifests({ readText: () => null, files });
  for (const [caller, accepts, keys] of CALLERS) {
    const want = [...files].filter(accepts).sort(byString);
    assert.deepEqual(manifests.all(accepts), want, caller);
    const tried: string[] = [];
    assert.deepEqual(manifests.all((p) => (tried.push(p), accepts(p)), keys), want, caller);
    assert.ok(tried.length < files.size, `${caller}: ${tried.length} of ${files.size} paths tried`);
    assert.ok(tried.every((p) => hasKey(p, keys)), `${caller}: only keyed paths tried`);
  }
});

test('tool aliases: the keys are read off toolOf\'s own patterns, so a pattern added there is tried too', () => {
  // Review s66-rv4: the stems had been a list kept beside the eight patterns, and this file's sample
  // names were the only check; a ninth tool's pattern (`rsbuild.config.ts`) added to toolOf alone
  // passed every test while Manifests.all never offered its configs to the loop.
  assert.deepEqual([...(TOOL_CONFIG_NAMES.stems ?? [])].sort(), ['astro', 'jest', 'package', 'quasar', 'rspack', 'svelte', 'vite', 'vitest', 'webpack']);
  for (const [pattern] of TOOL_CONFIGS) assert.ok(TOOL_CONFIG_NAMES.stems?.includes(leadingStem(pattern)), String(pattern));
  assert.equal(leadingStem(/^rsbuild(\.[\w-]+)*\.config\.[cm]?[jt]s$/), 'rsbuild');
  assert.equal(leadingStem(/^jest(\.[\w-]+)*\.config\.([cm]?[jt]s|json)$/), 'jest', 'a | inside a group is not an alternative');
  assert.equal(leadingStem(/^quasar\.config\.[cm]?[jt]s$|^quasar\.conf\.js$/), 'quasar');
  // Shapes whose names' stems cannot be read off: refused, not guessed.
  for (const bad of [/^(vite|vitest)\.config\.js$/, /^rs\.config\.js$|^rsbuild\.config\.js$/, /^vite\.config\.js$/i, /vite\.config\.js$/, /^vite-[\w]+\.config\.js$/, /^Vite\.config\.js$/]) {
    assert.throws(() => leadingStem(bad), /does not open every name/, String(bad));
  }
});
