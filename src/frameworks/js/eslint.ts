/**
 * ESLint's legacy config (.eslintrc.js/.cjs/.json, package.json "eslintConfig") loads the local
 * files its `extends`, `plugins`, `parser` and `overrides` name (`./config/base.cjs`); a flat
 * eslint.config.* imports them, which the import graph already follows. Tooling roots, or the
 * kind of what runs eslint.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { basename, dirname } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { jsPackages, kindOf, pathEntries, readToolConfig, runEvidence, toolRun } from './support.js';

const LEGACY = /^\.eslintrc(\.(c?js|json|ya?ml))?$/;

const configs = (ctx: FrameworkContext): string[] => [...ctx.files].filter((f) => f.includes('.eslintrc') && LEGACY.test(basename(f)) && !f.includes('node_modules/') && !/\.ya?ml$|^\.eslintrc$/.test(basename(f))).sort();

const readOne = (ctx: FrameworkContext, config: string, value: ConfigValue | null, out: FrameworkOutput) => {
  const dir = dirname(config);
  const run = toolRun(ctx, dir, ['eslint']);
  const o = { config, dir, kind: kindOf(run), evidence: `loaded by ${runEvidence(run, 'eslint')}`, id: 'eslint' };
  for (const key of ['extends', 'plugins', 'parser']) pathEntries(ctx, { ...o, value: configAt(value, key), key }, out);
  const overrides = configAt(value, 'overrides');
  if (overrides?.kind === 'array') for (const item of overrides.items) for (const key of ['extends', 'plugins', 'parser']) pathEntries(ctx, { ...o, value: configAt(item, key), key: `overrides ${key}` }, out);
};

const eslint: FrameworkReader = {
  id: 'eslint',
  title: 'ESLint legacy config (local extends, plugins, parser, overrides)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = configs(ctx);
    const pkg = jsPackages(ctx).find((p) => p.json.eslintConfig !== undefined);
    return found.length > 0 ? `${found[0]} configures ESLint` : pkg ? `${pkg.manifest} has "eslintConfig"` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const config of configs(ctx)) readOne(ctx, config, readToolConfig(ctx, config, out.diagnostics, 'eslint').value, out);
    for (const pkg of jsPackages(ctx)) {
      if (pkg.json.eslintConfig === undefined) continue;
      readOne(ctx, pkg.manifest, configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, 'eslint').value, 'eslintConfig'), out);
    }
    return out;
  },
};

export default eslint;
