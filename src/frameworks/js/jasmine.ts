/**
 * Jasmine (the `jasmine` Node runner) finds its specs by globs, not imports: its config
 * (spec/support/jasmine.{mjs,json,js,cjs}, the first found, or the file `jasmine --config=x`
 * names) gives `spec_files` and `helpers` globs relative to `spec_dir`, `requires` modules loaded
 * before the specs (relative to the package) and a `loader`. Without a config, Jasmine's
 * defaults: `spec/**\/*[sS]pec.?(m)js` and `spec/helpers/**\/*.?(m)js`. Specs on a `jasmine`
 * command line (`jasmine spec/a.spec.js`), `--helper=`, `--require=` and a local `--reporter=`
 * count too. All test roots, and so is the config, which Jasmine loads; a package name in
 * `requires` (`source-map-support/register`) gives nothing.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configArg, dependsOn, eachPackage, enabledByPackages, filesIn, globFiles, jsPackages, placeIn, readToolConfig, resolveToolPath, toolInvocations, warnUnread, type JsPackage } from './support.js';

/** Jasmine's own search order for its config. */
const DEFAULT_CONFIGS = ['jasmine.mjs', 'jasmine.json', 'jasmine.js', 'jasmine.cjs'];
const SUPPORT_DIR = 'spec/support';
const DEFAULT_SPEC_DIR = 'spec';
const DEFAULT_SPECS = ['**/*[sS]pec.?(m)js'];
const DEFAULT_HELPERS = ['helpers/**/*.?(m)js'];
/** `jasmine init`, `jasmine examples`…: words that are subcommands, not spec paths. */
const SUBCOMMANDS = new Set(['init', 'examples', 'help', 'version']);

const defaultConfig = (ctx: FrameworkContext, pkg: JsPackage): string | null => {
  const dir = joinRepo(pkg.dir, SUPPORT_DIR) ?? SUPPORT_DIR;
  return DEFAULT_CONFIGS.map((name) => `${dir}/${name}`).find((f) => ctx.files.has(f)) ?? null;
};

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'jasmine') || filesIn(ctx, joinRepo(p.dir, SUPPORT_DIR) ?? SUPPORT_DIR, /^jasmine\.(m|c)?js(on)?$/).length > 0);

type Named = { value: string; line: number };

const strings = (value: ConfigValue | null, key: string, config: string, out: FrameworkOutput): Named[] => {
  const read = configStrings(configAt(value, key));
  warnUnread(out.diagnostics, 'jasmine', config, read.unknown, key);
  return read.strings;
};

/** The roots one config gives: its globs under spec_dir, its requires and loader, and the config itself. */
const readConfig = (ctx: FrameworkContext, pkg: JsPackage, config: string, how: string, out: FrameworkOutput): void => {
  out.entries.push({ source: config, target: config, targetKind: 'file', kind: 'test', evidence: `${config}: config loaded by jasmine, ${how}` });
  const value = readToolConfig(ctx, config, out.diagnostics, 'jasmine').value;
  const specDirValue = configAt(value, 'spec_dir');
  const specDir = specDirValue?.kind === 'string' ? specDirValue.value : '';
  if (specDirValue?.kind === 'unknown') warnUnread(out.diagnostics, 'jasmine', config, [specDirValue], 'spec_dir');
  const base = joinRepo(pkg.dir, specDir.replace(/^\.\//, '').replace(/\/+$/, '')) ?? pkg.dir;
  for (const key of ['spec_files', 'helpers']) {
    const globs = strings(value, key, config, out);
    const shown = (g: string) => globs.find((s) => s.value === g);
    for (const { file, glob } of globFiles(ctx, base, globs.map((s) => s.value))) {
      const at = shown(glob)?.line ?? 1;
      out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${placeIn(config, at)} jasmine ${key} "${glob}"${specDir ? ` in spec_dir "${specDir}"` : ''}`, ...(at > 1 ? { line: at } : {}) });
    }
  }
  for (const key of ['requires', 'loader']) {
    for (const s of strings(value, key, config, out)) {
      const file = /^\.{1,2}\//.test(s.value) ? resolveToolPath(ctx, pkg.dir, s.value) : null;
      if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${placeIn(config, s.line)} jasmine ${key} "${s.value}"`, ...(s.line > 1 ? { line: s.line } : {}) });
    }
  }
};

/** `--helper=x` / `--require=x` / `--reporter=x` values of a command line. */
const optionValues = (args: string[], name: string): string[] => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const runs = toolInvocations(ctx, ['jasmine']).filter((r) => r.cwd === pkg.dir);
  const configs = new Map<string, string>();
  for (const run of runs) {
    const named = configArg(run.args, ['--config']) ?? run.args.find((a) => a.startsWith('JASMINE_CONFIG_PATH='))?.slice('JASMINE_CONFIG_PATH='.length) ?? null;
    const path = named === null ? null : joinRepo(pkg.dir, named);
    if (path !== null && ctx.files.has(path) && !configs.has(path)) configs.set(path, `named by ${run.evidence}`);
  }
  const fallback = defaultConfig(ctx, pkg);
  if (fallback !== null && (configs.size === 0 || runs.some((r) => configArg(r.args, ['--config']) === null && !r.args.some((a) => a.startsWith('JASMINE_CONFIG_PATH='))))) configs.set(fallback, `found where Jasmine looks (${SUPPORT_DIR}/)`);
  for (const [config, how] of configs) readConfig(ctx, pkg, config, how, out);
  if (configs.size === 0) {
    const base = joinRepo(pkg.dir, DEFAULT_SPEC_DIR) ?? DEFAULT_SPEC_DIR;
    for (const { file, glob } of globFiles(ctx, base, [...DEFAULT_SPECS, ...DEFAULT_HELPERS]))
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'test', evidence: `jasmine's default "${DEFAULT_SPEC_DIR}/${glob}" (no jasmine config in ${pkg.dir || 'the root'})` });
  }
  for (const run of runs) {
    const specs = run.args.filter((a) => !a.startsWith('-') && !SUBCOMMANDS.has(a) && !/^\w+=/.test(a));
    for (const { file, glob } of globFiles(ctx, pkg.dir, specs)) out.entries.push({ source: run.source, target: file, targetKind: 'file', kind: 'test', evidence: `jasmine spec "${glob}" (${run.evidence})` });
    for (const key of ['helper', 'require', 'reporter']) {
      for (const v of optionValues(run.args, key)) {
        const files = key === 'helper' ? globFiles(ctx, pkg.dir, [v]).map((g) => g.file) : [/^\.{1,2}\//.test(v) ? resolveToolPath(ctx, pkg.dir, v) : null].filter((f): f is string => f !== null);
        for (const file of files) out.entries.push({ source: run.source, target: file, targetKind: 'file', kind: 'test', evidence: `jasmine --${key}=${v} (${run.evidence})` });
      }
    }
  }
};

const jasmine: FrameworkReader = {
  id: 'jasmine',
  title: 'Jasmine (spec_files, helpers, requires and loader of its config; jasmine command arguments)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Jasmine'),
  collect: eachPackage(packages, collectPackage),
};

export default jasmine;
