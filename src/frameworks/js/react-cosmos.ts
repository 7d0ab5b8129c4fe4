/**
 * React Cosmos finds its fixtures by name, not by import: every file in a folder named by
 * `fixturesDir` (default `__fixtures__`) and every file named `*.fixture.*` (the suffix is
 * `fixtureFileSuffix`), under the config's `rootDir` (default: the config's folder), plus the
 * `cosmos.decorator.*` files that wrap the fixtures of their folder. Fixtures, decorators and
 * `globalImports` are test roots (the fixture gallery renders components, as tests do); local
 * `plugins` and the webpack/vite `configPath`/`overridePath` files it loads are tooling roots.
 * Configs are cosmos.config.json beside a package.json; without one, the defaults apply to a
 * package that depends on react-cosmos.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { basename, dirname } from '../../util/path.js';
import type { EntryKind } from '../../model/verdict.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configDir, eachPackage, enabledByPackages, filesIn, packageFilesUnder, readToolConfig, resolveToolPath, toolPackages, type JsPackage } from './support.js';
import { escapeRegExp } from '../../util/regexp.js';

const CONFIG = /^cosmos\.config\.json$/;
const CODE = /\.([cm]?[jt]sx?|mdx?)$/;
const DECORATOR = /^cosmos\.decorator\.[cm]?[jt]sx?$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, [/^react-cosmos(-|$)/], CONFIG);


const stringAt = (value: ConfigValue | null, ...keys: string[]): string | null => {
  const v = configAt(value, ...keys);
  return v?.kind === 'string' ? v.value : null;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const value = config ? readToolConfig(ctx, config, out.diagnostics, 'react-cosmos').value : null;
  const source = config ?? pkg.manifest;
  const root = configDir(pkg.dir, configAt(value, 'rootDir'), '.');
  const fixturesDir = stringAt(value, 'fixturesDir') ?? '__fixtures__';
  const suffix = stringAt(value, 'fixtureFileSuffix') ?? 'fixture';
  const suffixed = new RegExp(`(^|\\.)${escapeRegExp(suffix)}\\.([cm]?[jt]sx?|mdx?)$`);
  const add = (target: string, kind: EntryKind, what: string) => out.entries.push({ source, target, targetKind: 'file', kind, evidence: `React Cosmos ${what} (${source})` });

  for (const file of packageFilesUnder(ctx, pkg, root)) {
    const name = basename(file);
    if (DECORATOR.test(name)) add(file, 'test', 'decorator');
    else if (CODE.test(name) && !file.endsWith('.d.ts') && (suffixed.test(name) || dirname(file).slice(root.length).split('/').includes(fixturesDir))) add(file, 'test', `fixture (${suffixed.test(name) ? `*.${suffix}.*` : `${fixturesDir}/`})`);
  }
  if (config === null) return;
  const paths: { key: string; kind: EntryKind; v: ConfigValue | null }[] = [
    { key: 'plugins', kind: 'tooling', v: configAt(value, 'plugins') },
    { key: 'globalImports', kind: 'test', v: configAt(value, 'globalImports') },
    { key: 'webpack.configPath', kind: 'tooling', v: configAt(value, 'webpack', 'configPath') },
    { key: 'webpack.overridePath', kind: 'tooling', v: configAt(value, 'webpack', 'overridePath') },
    { key: 'vite.configPath', kind: 'tooling', v: configAt(value, 'vite', 'configPath') },
  ];
  for (const { key, kind, v } of paths) {
    for (const item of v?.kind === 'array' ? v.items : v ? [v] : []) {
      if (item.kind !== 'string' || !/^\.{1,2}\//.test(item.value)) continue;
      // Paths are relative to the config's rootDir, which defaults to the config's folder.
      const file = resolveToolPath(ctx, root, item.value);
      if (file) add(file, kind, `${key} "${item.value}"`);
    }
  }
};

const reactCosmos: FrameworkReader = {
  id: 'react-cosmos',
  title: 'React Cosmos (fixtures, decorators, global imports, local plugins)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'React Cosmos'),
  collect: eachPackage(packages, collectPackage),
};

export default reactCosmos;
