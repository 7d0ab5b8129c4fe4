/**
 * WebdriverIO's test runner (`wdio`, from @wdio/cli) loads a config that exports `config`
 * (`export const config = {...}` or `exports.config = {...}`): `wdio.conf.{js,ts,…}` in the folder
 * it runs in, or the file `wdio run ./wdio.ci.conf.ts` / `wdio ./x.conf.js` names. Its `specs`,
 * `suites` and, for cucumber, `cucumberOpts.require` are globs relative to the config's folder,
 * less `exclude` (https://webdriver.io/docs/configurationfile). The config and every file those
 * globs match are test roots; reporters and services are packages, which give nothing.
 */
import { configAt, configStrings, readConfigExport, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, globFiles, positionalArgs, toolInvocations, toolPackages, warnUnread, type JsPackage } from './support.js';
import { warning } from '../../util/diagnostics.js';

/** `wdio.conf.ts`, and the per-environment `wdio.<name>.conf.ts` a command names. */
const CONFIG = /^wdio(\.[\w-]+)?\.conf\.[cm]?[jt]s$/;
/** `wdio config`, `wdio install`…: words that are subcommands, not config paths. */
const SUBCOMMANDS = new Set(['run', 'config', 'install', 'repl']);

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@wdio/cli', 'webdriverio'], CONFIG);

/** The configs of a package: those beside its package.json, and those its `wdio` commands name. */
const configsOf = (ctx: FrameworkContext, pkg: JsPackage): Map<string, string> => {
  const configs = new Map<string, string>(filesIn(ctx, pkg.dir, CONFIG).map((f) => [f, 'where wdio looks for it']));
  for (const run of toolInvocations(ctx, ['wdio']).filter((r) => r.cwd === pkg.dir)) {
    for (const arg of positionalArgs(run.args, ['--spec', '--exclude', '--suite', '--logLevel', '--baseUrl', '--framework', '--reporters', '--hostname', '--port', '--user', '--key'])) {
      if (SUBCOMMANDS.has(arg)) continue;
      const path = joinRepo(pkg.dir, arg);
      if (path !== null && ctx.files.has(path)) configs.set(path, `named by ${run.evidence}`);
    }
  }
  return configs;
};

/** Every glob string under a value: a string, or arrays of them (a spec group is an array in `specs`). */
const globsIn = (value: ConfigValue | null, unknown: { line: number; text: string }[]): { value: string; line: number }[] => {
  if (value === null) return [];
  if (value.kind === 'array') return value.items.flatMap((v) => globsIn(v, unknown));
  const read = configStrings(value);
  unknown.push(...read.unknown);
  return read.strings;
};

const readConfig = (ctx: FrameworkContext, config: string, how: string, out: FrameworkOutput) => {
  out.entries.push({ source: config, target: config, targetKind: 'file', kind: 'test', evidence: `${config}: WebdriverIO config, loaded by wdio (${how})` });
  const text = ctx.readText(config);
  if (text === null) return;
  const read = readConfigExport(config, text, 'config');
  for (const e of read.errors.slice(0, 1)) out.diagnostics.push(warning('webdriverio/config-syntax', `config not parsed: ${e.message}`, config, e.line));
  const unknown: { line: number; text: string }[] = [];
  const suites = configAt(read.value, 'suites');
  const groups: [string, ConfigValue | null][] = [
    ['specs', configAt(read.value, 'specs')],
    ...(suites?.kind === 'object' ? [...suites.props].map(([name, v]): [string, ConfigValue] => [`suites.${name}`, v]) : []),
    ['cucumberOpts.require', configAt(read.value, 'cucumberOpts', 'require')],
  ];
  const exclude = globsIn(configAt(read.value, 'exclude'), unknown).map((g) => `!${g.value}`);
  for (const [key, value] of groups) {
    const globs = globsIn(value, unknown);
    for (const { file, glob } of globFiles(ctx, dirname(config), [...globs.map((g) => g.value), ...exclude])) {
      const line = globs.find((g) => g.value === glob)?.line ?? 1;
      out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${config}:${line} WebdriverIO ${key} "${glob}"`, line });
    }
  }
  warnUnread(out.diagnostics, 'webdriverio', config, unknown, 'specs');
};

const webdriverio: FrameworkReader = {
  id: 'webdriverio',
  title: 'WebdriverIO (wdio.conf.* and the specs, suites and cucumber steps it names)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'WebdriverIO'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) for (const [config, how] of configsOf(ctx, pkg)) readConfig(ctx, config, how, out);
    return out;
  },
};

export default webdriverio;
