/**
 * Cucumber.js loads its support code (step definitions, hooks, world) by globs, not imports: the
 * `import` and `require` lists of cucumber.{js,cjs,mjs,json} (one profile or `default`), or its
 * default `features/**\/*.{js,cjs,mjs}` (and `.ts` with a TypeScript loader). They are test roots.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, globFiles, readToolConfig, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^cucumber\.([cm]?js|json)$/;
const DEFAULT = ['features/**/*.{js,cjs,mjs,ts}'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@cucumber/cucumber'], CONFIG);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const value = config ? readToolConfig(ctx, config, out.diagnostics, 'cucumber').value : null;
  // A config exporting profiles (`{ default: {...}, ci: {...} }`) or the options themselves.
  const profiles: ConfigValue[] = value?.kind === 'object' && !value.props.has('import') && !value.props.has('require') ? [...value.props.values()] : value ? [value] : [];
  const globs: string[] = [];
  for (const profile of profiles) {
    for (const key of ['import', 'require']) {
      const read = configStrings(configAt(profile, key));
      if (config) warnUnread(out.diagnostics, 'cucumber', config, read.unknown, key);
      globs.push(...read.strings.map((s) => s.value));
    }
  }
  const source = config ?? pkg.manifest;
  for (const { file, glob } of globFiles(ctx, pkg.dir, globs.length > 0 ? globs : DEFAULT)) {
    out.entries.push({ source, target: file, targetKind: 'file', kind: 'test', evidence: `cucumber support code ${config ? `in ${config}` : '(default)'}: ${glob}` });
  }
};

const cucumber: FrameworkReader = {
  id: 'cucumber',
  title: 'Cucumber.js (support code by import/require globs)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Cucumber'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) collectPackage(ctx, pkg, out);
    return out;
  },
};

export default cucumber;
