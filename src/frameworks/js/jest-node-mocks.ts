/**
 * Jest's manual mocks of node modules, used with no `jest.mock()` call. jest-haste-map registers
 * every file in a `__mocks__` folder under the config's `roots` (default `[<rootDir>]`) by its path
 * below that folder less its extension (`__mocks__/airtable.ts` → `airtable`,
 * `__mocks__/@octokit/rest.ts` → `@octokit/rest`), and jest-runtime hands that mock to a test
 * whenever it requires a node module of that name: "If the module you are mocking is a Node module
 * …, the mock should be placed in the __mocks__ directory adjacent to node_modules …, and will be
 * used automatically" (jestjs.io, Manual Mocks). Budibase's server ships five such mocks
 * (`__mocks__/airtable.ts`, `__mocks__/arangojs.ts`, …) beside its jest.config.ts.
 *
 * Read for each Jest config the jest reader reads at its top: `rootDir` and `roots` (literal strings,
 * `<rootDir>` expanded; a `roots` census cannot read names nothing). A mock is a test root when its
 * name is a package the config's package, or the repo's root package, lists in a dependency field:
 * the same name of a user module (`src/__mocks__/utils.ts` for `src/utils.ts`) is mocked only where
 * a test calls `jest.mock('./utils')`, and a Node built-in (`fs`) only by `jest.mock('fs')`, so
 * neither is one here; nor is a mock in `node_modules/`, which the haste map does not crawl.
 */
import { builtinModules } from 'node:module';
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput } from '../types.js';
import { dependsOn, jsPackages, type JsPackage } from './support.js';

/** The extensions of jest's default `moduleFileExtensions` a mock is written in. */
const MOCK = /(?:^|\/)__mocks__\/((?:@[^/]+\/)?[^/]+?)\.(?:[cm]?[jt]sx?|json|node)$/;
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The folders jest crawls for this config: `roots`, `<rootDir>` expanded, or the rootDir; null when `roots` is not a list of strings. */
const rootsOf = (value: ConfigValue, dir: string): string[] | null => {
  const rootDirValue = configAt(value, 'rootDir');
  const rootDir = rootDirValue?.kind === 'string' ? joinRepo(dir, rootDirValue.value) : dir;
  if (rootDir === null) return null;
  const roots = configAt(value, 'roots');
  if (roots === null) return [rootDir];
  if (roots?.kind !== 'array') return null;
  const out: string[] = [];
  for (const item of roots.items) {
    if (item.kind !== 'string') return null;
    const folder = item.value.startsWith('<rootDir>') ? joinRepo(rootDir, item.value.slice('<rootDir>'.length).replace(/^\//, '')) : joinRepo(dir, item.value);
    if (folder === null) return null;
    out.push(folder);
  }
  return out;
};

/** The node-module mocks jest uses by themselves for the config at `config` (its value `value`, its folder `dir`), as test roots. */
export const nodeModuleMocks = (ctx: FrameworkContext, pkg: JsPackage, config: string, value: ConfigValue | null | undefined, dir: string, out: FrameworkOutput): void => {
  if (value === null || value === undefined || value.kind !== 'object') return;
  const roots = rootsOf(value, dir);
  if (roots === null) return;
  const root = jsPackages(ctx).find((p) => p.dir === '');
  /** The manifest that lists `name` as a dependency: the config's package's, else the repo root's; null for a built-in or no dependency. */
  const listedIn = (name: string): string | null => {
    if (BUILTINS.has(name)) return null;
    if (dependsOn(pkg, name)) return pkg.manifest;
    return root !== undefined && root !== pkg && dependsOn(root, name) ? root.manifest : null;
  };
  const seen = new Set<string>();
  for (const folder of roots) {
    for (const file of pathsWithPrefix(ctx.files, folder === '' ? '' : `${folder}/`)) {
      if (seen.has(file) || !file.includes('__mocks__/') || file.includes('node_modules/')) continue;
      const mock = MOCK.exec(file);
      const manifest = mock === null ? null : listedIn(mock[1]);
      if (mock === null || manifest === null) continue;
      seen.add(file);
      out.entries.push({
        source: config,
        target: file,
        targetKind: 'file',
        kind: 'test',
        evidence: `${file}: jest's manual mock of the node module "${mock[1]}" (a dependency in ${manifest}), which jest hands every test that requires it, no jest.mock() needed (a __mocks__ folder under a root of ${config})`,
      });
    }
  }
};
