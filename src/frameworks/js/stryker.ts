/**
 * Stryker (mutation testing) loads the plugins its config lists: `plugins` and `appendPlugins`
 * hold package names (`@stryker-mutator/*`, a glob over node_modules) and local files
 * (`./stryker-plugins/reporter.js`), which Stryker resolves against the folder it runs in (the
 * project folder) and loads itself: nothing imports them, so each is a root with the kind of what
 * runs stryker. `commandRunner.command` (the command test runner's test command) and
 * `buildCommand` are command lines run in the project folder, the first as a test command. The
 * configs the test-runner plugins are given (`jest.configFile`, `karma.configFile`,
 * `vitest.configFile`, `jasmineConfigFile`) are loaded too. `mutate` names the source files
 * mutated (their tests reach them already); `testRunner` and `checkers` are package names. The
 * config is stryker.conf.* / stryker.config.* (with or without a leading dot) beside the
 * package.json, or the file `stryker run <config>` names. A computed value is a warning naming
 * the line.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { STRYKER_VALUE_OPTIONS } from '../../commandline/launchers/stryker.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, filesIn, jsPackages, kindOf, placeIn, positionalArgs, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolRun, warnUnread, type JsPackage, type ToolRun } from './support.js';

const CONFIG = /^\.?stryker\.conf(?:ig)?\.(?:json|[cm]?[jt]s)$/;
const NAMED_CONFIG = /\.(?:json|[cm]?[jt]s)$/;
/** Keys whose value is a config file a test-runner plugin loads. */
const CONFIG_FILE_KEYS = [['jest', 'configFile'], ['karma', 'configFile'], ['vitest', 'configFile'], ['jasmineConfigFile']];

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, '@stryker-mutator/core') || filesIn(ctx, p.dir, CONFIG).length > 0);

/** The configs stryker loads in a package: the ones found by name and the ones `stryker run <config>` names there. */
const configsOf = (ctx: FrameworkContext, pkg: JsPackage): string[] => {
  const paths = filesIn(ctx, pkg.dir, CONFIG);
  for (const call of toolInvocations(ctx, ['stryker']).filter((c) => c.cwd === pkg.dir && c.args[0] === 'run')) {
    const named = positionalArgs(call.args.slice(1), STRYKER_VALUE_OPTIONS)[0];
    const path = named !== undefined && NAMED_CONFIG.test(named) ? joinRepo(pkg.dir, named) : null;
    if (path !== null && ctx.files.has(path) && !paths.includes(path)) paths.push(path);
  }
  return paths;
};

const lineOf = (line: number): { line?: number } => (line > 1 ? { line } : {});

const readConfig = (ctx: FrameworkContext, pkg: JsPackage, source: string, value: ConfigValue | null, run: ToolRun | null, out: FrameworkOutput): void => {
  const unread: { line: number; text: string }[] = [];
  const by = runEvidence(run, 'stryker');
  for (const key of ['plugins', 'appendPlugins']) {
    const list = configAt(value, key);
    for (const item of list?.kind === 'array' ? list.items : list ? [list] : []) {
      if (item.kind === 'unknown') unread.push({ line: item.line, text: item.text });
      // A package name (or a glob of them in node_modules) is no repo file.
      if (item.kind !== 'string' || !/^\.{1,2}\//.test(item.value)) continue;
      const file = resolveToolPath(ctx, pkg.dir, item.value);
      if (file) out.entries.push({ source, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${placeIn(source, item.line)} stryker ${key} "${item.value}", a plugin Stryker loads (${by})`, ...lineOf(item.line) });
    }
  }
  for (const keys of CONFIG_FILE_KEYS) {
    const v = configAt(value, ...keys);
    if (v?.kind === 'unknown') unread.push({ line: v.line, text: v.text });
    const file = v?.kind === 'string' ? resolveToolPath(ctx, pkg.dir, v.value) : null;
    if (file && v) out.entries.push({ source, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${placeIn(source, v.line)} stryker ${keys.join('.')} "${file}", the config its test runner loads (${by})`, ...lineOf(v.line) });
  }
  const commands: [string[], 'test' | null][] = [[['commandRunner', 'command'], 'test'], [['buildCommand'], null]];
  for (const [keys, kind] of commands) {
    const v = configAt(value, ...keys);
    if (v?.kind === 'unknown') unread.push({ line: v.line, text: v.text });
    if (v?.kind !== 'string') continue;
    out.commands.push({ source, command: v.value, cwd: pkg.dir, kind: kind ?? kindOf(run), evidence: `${placeIn(source, v.line)} stryker ${keys.join('.')} (${by})`, ...lineOf(v.line) });
  }
  warnUnread(out.diagnostics, 'stryker', source, unread, 'a Stryker option');
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const run = toolRun(ctx, pkg.dir, ['stryker']);
  for (const source of configsOf(ctx, pkg)) readConfig(ctx, pkg, source, readToolConfig(ctx, source, out.diagnostics, 'stryker').value, run, out);
};

const stryker: FrameworkReader = {
  id: 'stryker',
  title: 'Stryker (local plugins, the command runner and build commands, test-runner configs)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Stryker'),
  collect: eachPackage(packages, collectPackage),
};

export default stryker;
