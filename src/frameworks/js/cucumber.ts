/**
 * Cucumber.js loads its support code (step definitions, hooks, world) by globs, not imports: the
 * `import` and `require` lists of cucumber.{js,cjs,mjs,json,yaml,yml} (one profile or `default`), or its
 * default `features/**\/*.{js,cjs,mjs}` (and `.ts` with a TypeScript loader). They are test roots,
 * and so are local custom formatters in `format` (`./formatters/x.js`, `"./x.ts":"out.txt"`,
 * `['./x.js', 'out.txt']`) and local `requireModule`/`loader` modules, which cucumber loads by path.
 * A config a knip config names for its cucumber plugin (`"cucumber": { "config": ["cucumber.ts"] }`,
 * as `cucumber-js --config` would be given it) is read in place of the one beside package.json.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { knipPluginConfigs } from '../../languages/javascript/knip-config-file.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, filesIn, globFiles, readToolConfig, resolveToolPath, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^cucumber\.([cm]?js|json|ya?ml)$/;
/** Keys of the options object itself; a config without any of them at the top exports profiles. */
const OPTION_KEYS = ['import', 'require', 'format', 'paths', 'requireModule', 'loader', 'formatOptions', 'parallel', 'tags'];
const DEFAULT = ['features/**/*.{js,cjs,mjs,ts}'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@cucumber/cucumber'], CONFIG);

/** The config a knip config names for the cucumber plugin of this package's folder, if any. */
const knipConfig = (ctx: FrameworkContext, pkg: JsPackage): string | null =>
  knipPluginConfigs(ctx.files, ctx.readText, ['cucumber']).find((k) => k.dir === pkg.dir && ctx.files.has(k.config) && !k.config.endsWith('package.json'))?.config ?? null;

/**
 * The formatter a `format` item names: `name`, `name:output`, `"name":"output"` (quoted when the
 * name has a colon), or `[name, output]`.
 */
const formatterName = (item: ConfigValue): { value: string; line: number } | null => {
  const first = item.kind === 'array' ? item.items[0] : item;
  if (first?.kind !== 'string') return null;
  const text = first.value.trim();
  const quoted = /^"([^"]+)"/.exec(text);
  const name = quoted ? quoted[1] : item.kind === 'array' ? text : text.replace(/:[^:]*$/, '');
  return { value: name, line: first.line };
};

/** Local formatters and modules a profile names by path: cucumber loads them as it starts. */
const loadedByPath = (ctx: FrameworkContext, pkg: JsPackage, config: string, profile: ConfigValue, out: FrameworkOutput) => {
  const named: { key: string; value: string; line: number }[] = [];
  const format = configAt(profile, 'format');
  for (const item of format?.kind === 'array' ? format.items : format ? [format] : []) {
    const name = formatterName(item);
    if (name) named.push({ key: 'format', ...name });
    else if (item.kind === 'unknown') warnUnread(out.diagnostics, 'cucumber', config, [item], 'format');
  }
  for (const key of ['requireModule', 'loader']) {
    const read = configStrings(configAt(profile, key));
    warnUnread(out.diagnostics, 'cucumber', config, read.unknown, key);
    named.push(...read.strings.map((s) => ({ key, ...s })));
  }
  for (const n of named) {
    const file = /^\.{1,2}\//.test(n.value) ? resolveToolPath(ctx, pkg.dir, n.value) : null;
    if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${n.line > 1 ? `${config}:${n.line}` : config} cucumber ${n.key} "${n.value}"`, ...(n.line > 1 ? { line: n.line } : {}) });
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = knipConfig(ctx, pkg) ?? filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const value = config ? readToolConfig(ctx, config, out.diagnostics, 'cucumber').value : null;
  // A config exporting profiles (`{ default: {...}, ci: {...} }`) or the options themselves.
  const profiles: ConfigValue[] = value?.kind === 'object' && !OPTION_KEYS.some((k) => value.props.has(k)) ? [...value.props.values()] : value ? [value] : [];
  const globs: string[] = [];
  for (const profile of profiles) {
    for (const key of ['import', 'require']) {
      const read = configStrings(configAt(profile, key));
      if (config) warnUnread(out.diagnostics, 'cucumber', config, read.unknown, key);
      globs.push(...read.strings.map((s) => s.value));
    }
  }
  if (config) for (const profile of profiles) loadedByPath(ctx, pkg, config, profile, out);
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
  collect: eachPackage(packages, collectPackage),
};

export default cucumber;
