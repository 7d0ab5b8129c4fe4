/**
 * dependency-cruiser (`depcruise`) loads its config by name from the folder it runs in
 * (`.dependency-cruiser.{js,cjs,mjs,json}`), or the file a command names with `--config <file>` /
 * `-c <file>` (`--validate <file>` / `-v <file>` in older versions; a bare `--config` means the
 * default name). A config may `extends` others (a path or a list, resolved from the config's
 * folder, package names being dependencies) and name a webpack or babel config for resolution
 * (`options.webpackConfig.fileName`, `options.babelConfig.fileName`, from the folder it runs in).
 * All of them are tooling roots: they are the linter's rules, whatever command runs it.
 */
import { configAt, configStrings } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configArg, configsFromCommands, eachPackage, enabledByPackages, filesIn, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^\.dependency-cruiser\.(?:[cm]?js|json)$/;
const BINS = ['depcruise', 'dependency-cruiser', 'dependency-cruise', 'depcruise-baseline'];
const FLAGS = ['--config', '-c', '--validate', '-v'];
/** Configs read through `extends`, at most this deep (a cycle stops earlier: each file is read once). */
const MAX_EXTENDS = 8;

/** The repo file a run's `--config` names, or null (no flag, or a bare `--config` followed by what to cruise). */
const configFileOf = (ctx: FrameworkContext, dir: string, args: string[]): string | null => {
  const arg = configArg(args, FLAGS);
  const path = arg === null ? null : joinRepo(dir, arg);
  return path !== null && ctx.files.has(path) ? path : null;
};

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['dependency-cruiser'], CONFIG);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const named = configsFromCommands(ctx, BINS, FLAGS).filter((c) => c.dir === pkg.dir).map((c) => c.config);
  const read = new Set<string>();
  const readConfig = (config: string, depth: number) => {
    if (read.has(config) || depth > MAX_EXTENDS) return;
    read.add(config);
    const value = readToolConfig(ctx, config, out.diagnostics, 'dependency-cruiser').value;
    const unread: { line: number; text: string }[] = [];
    const extended = configStrings(configAt(value, 'extends'));
    unread.push(...extended.unknown);
    for (const e of extended.strings) {
      // A package name (`dependency-cruiser/configs/recommended`) is a dependency, not a repo file.
      if (!/^\.{1,2}\//.test(e.value)) continue;
      const file = resolveToolPath(ctx, dirname(config), e.value);
      if (file === null || file === config) continue;
      out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'tooling', evidence: `${config}:${e.line} extends "${e.value}", loaded by dependency-cruiser`, line: e.line });
      readConfig(file, depth + 1);
    }
    for (const key of ['webpackConfig', 'babelConfig']) {
      const fileName = configAt(value, 'options', key, 'fileName');
      const names = configStrings(fileName);
      unread.push(...names.unknown);
      for (const n of names.strings) {
        const file = resolveToolPath(ctx, pkg.dir, n.value);
        if (file === null || file === config) continue;
        out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'tooling', evidence: `${config}:${n.line} options.${key}.fileName "${n.value}", loaded by dependency-cruiser to resolve modules`, line: n.line });
      }
    }
    warnUnread(out.diagnostics, 'dependency-cruiser', config, unread, 'a dependency-cruiser path');
  };
  for (const config of filesIn(ctx, pkg.dir, CONFIG)) {
    // The runs that name no config file load this one.
    const run = toolRun(ctx, pkg.dir, BINS, { args: (args) => configFileOf(ctx, pkg.dir, args) === null });
    out.entries.push({ source: config, target: config, targetKind: 'file', kind: 'tooling', evidence: `${config}: dependency-cruiser's default config, loaded by ${runEvidence(run, 'depcruise')}` });
    readConfig(config, 0);
  }
  for (const config of named) {
    if (read.has(config)) continue;
    const run = toolRun(ctx, pkg.dir, BINS, { args: (args) => configFileOf(ctx, pkg.dir, args) === config });
    out.entries.push({ source: config, target: config, targetKind: 'file', kind: 'tooling', evidence: `${config}: dependency-cruiser config named by ${runEvidence(run, 'depcruise')}` });
    readConfig(config, 0);
  }
};

const dependencyCruiser: FrameworkReader = {
  id: 'dependency-cruiser',
  title: 'dependency-cruiser (its default config, configs named with --config, and what they extend)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'dependency-cruiser'),
  collect: eachPackage(packages, collectPackage),
};

export default dependencyCruiser;
