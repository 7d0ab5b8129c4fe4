/**
 * Stop 49: Pecan's config module. A Pecan app (every OpenStack API built on it: octavia, ironic,
 * magnum, watcher…) is described by a Python config module, not by code that imports its
 * controllers: `app = {'root': 'octavia.api.root_controller.RootController', …}` in
 * octavia/api/config.py, read by the app factory with `pecan.configuration.conf_from_file(
 * app_config.__file__…)` (the scaffold's own `get_pecan_config()`), then `pecan.make_app(
 * config.app.root, …)`, which imports the root controller by its dotted name. Nothing imports
 * the root controller module otherwise, and the whole controller tree below it was dead (or test,
 * or manual, reached only from a test or from a controller with top-level code).
 *
 * The rule: a file that imports pecan and calls `conf_from_file(ARG)` reads the config module
 * ARG names: `NAME.__file__` (NAME a module its imports bind, folder-loaders' boundModuleFile:
 * `from octavia.api import config as app_config`), directly or through a variable assigned so a
 * few lines above (python-files' assignmentAbove). Any other `NAME.__file__` in the file (a log
 * line) reads nothing. In that config module, the string value of a `'root'` key whose string is a
 * dotted name (`pkg.mod.Class`) is loaded by the make_app of each reading file: an edge from each
 * reader, at its call's line (the controllers live as the app that reads the config lives, not as
 * anything importing the config for a value does). A `pecan serve PATH` command line reads PATH,
 * a root of the command's kind: the root's edge hangs on the config, and so does one to `<m>.app`
 * for each literal of its `'modules'` list (pecan.load_app imports it and calls its
 * `setup_app(config)`, the `pecan create` scaffold's app factory). Read from tokens, never run; a
 * computed root (a variable, a call) has no literal to read and gives nothing.
 */
import { lineStarts } from '../../util/lines.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader, KnownCommand } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { assignmentAbove, packageImporters } from './python-files.js';
import { boundModuleFile } from './folder-loaders.js';
import { perScan } from '../per-scan.js';
import { joinRepo } from '../../util/path.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, isOp, nameText } from '../../languages/python/ranges.js';
import { isPlainString, stringTokenValue } from '../../languages/python/literals.js';
import { literalModules, pecanDictConfigs, pecanLiteralRoots, type PecanDictConfig, type PecanLiteralRoot } from './pecan-config-dict.js';

/** conf_from_file's argument is `NAME.__file__` (a dotted NAME allowed; `.replace('.pyc', '.py')` may follow), or a variable assigned that above. */
const MODULE_FILE = /^\s*((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\.__file__\b/;
const CONF_FROM_FILE = /\bconf_from_file\s*\(/;
/** conf_from_file calls read per file (a hostile file of thousands costs no more than this many argument walks). */
const MAX_CALLS = 200;
/** `pecan serve config.py`: Pecan's own command line (`pecan` then `serve`, as a program or `-m pecan`). */
const SERVE = /(?:^|[\s/])pecan[ \t]+serve[ \t]+(?:-\S+[ \t]+)*([^\s;&|]+\.py)\b/;

interface ConfigModule {
  config: string;
  /** The files that read it with conf_from_file, each with the call's line: the app each builds loads the root. */
  readers: { path: string; line: number }[];
  /** The `pecan serve` command that reads it, which makes it a root of that command's kind. */
  command?: KnownCommand;
  /** The command's `pecan serve` argument, as written. */
  served?: string;
}

/** The config modules `path`'s conf_from_file calls read, each with the call's line. */
const readConfigs = (ctx: FrameworkContext, path: string, text: string): { config: string; line: number }[] => {
  const facts = ctx.facts(path);
  if (facts === undefined || facts === null) return [];
  const out: { config: string; line: number }[] = [];
  const t = tokenize(text);
  let starts: number[] | null = null;
  for (let i = 0, calls = 0; i + 1 < t.count && calls < MAX_CALLS; i++) {
    if (t.kind[i] !== Kind.Name || nameText(t, i) !== 'conf_from_file' || !isOp(t, i + 1, Op.LParen)) continue;
    calls++;
    const args = callArgs(t, i + 1, t.count);
    if (args === null || args.positional.length === 0) continue;
    const [a0, a1] = args.positional[0];
    const line = t.line[i];
    let m = MODULE_FILE.exec(text.slice(t.start[a0], t.end[a1 - 1]));
    if (m === null && a1 === a0 + 1 && t.kind[a0] === Kind.Name) {
      // The scaffold's `filename = app_config.__file__.replace(…)` a line above the call.
      starts ??= lineStarts(text);
      const above = assignmentAbove(text, starts, line, nameText(t, a0));
      m = above === null ? null : MODULE_FILE.exec(above.value);
    }
    const config = m === null ? null : boundModuleFile(ctx, path, facts, m[1]);
    if (config !== null && config !== path) out.push({ config, line });
  }
  return out;
};

/** The scan's Pecan config modules, each with the files and lines that read it. */
const configModules = perScan((ctx: FrameworkContext): ConfigModule[] => {
  const out = new Map<string, ConfigModule>();
  const entry = (config: string): ConfigModule => {
    let c = out.get(config);
    if (c === undefined) out.set(config, (c = { config, readers: [] }));
    return c;
  };
  for (const path of packageImporters(ctx, 'pecan', 'listed')) {
    const text = ctx.manifests.transientText(path);
    if (text === null || !CONF_FROM_FILE.test(text)) continue;
    for (const { config, line } of readConfigs(ctx, path, text)) {
      const c = entry(config);
      if (!c.readers.some((r) => r.path === path)) c.readers.push({ path, line });
    }
  }
  for (const c of ctx.commands) {
    const m = SERVE.exec(c.command);
    if (m === null) continue;
    const config = joinRepo(c.cwd, m[1]);
    if (config === null || !ctx.files.has(config)) continue;
    const e = entry(config);
    if (e.command === undefined) Object.assign(e, { command: c, served: m[1] });
  }
  return [...out.values()].sort((a, b) => (a.config < b.config ? -1 : a.config > b.config ? 1 : 0));
});

/** The scan's files that hand a Pecan loader a config dict (pecan-config-dict.ts), each with the dicts. */
const dictConfigs = perScan((ctx: FrameworkContext): { path: string; configs: PecanDictConfig[] }[] => {
  const out: { path: string; configs: PecanDictConfig[] }[] = [];
  for (const path of packageImporters(ctx, 'pecan', 'listed')) {
    const text = ctx.manifests.transientText(path);
    const facts = ctx.facts(path);
    if (text === null || facts === undefined || facts === null) continue;
    const configs = pecanDictConfigs(text, facts);
    if (configs.length > 0) out.push({ path, configs });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
});

/** The scan's files that name a Pecan root controller by a string literal in make_app/Pecan (pecan-config-dict.ts). */
const literalRoots = perScan((ctx: FrameworkContext): { path: string; roots: PecanLiteralRoot[] }[] => {
  const out: { path: string; roots: PecanLiteralRoot[] }[] = [];
  for (const path of packageImporters(ctx, 'pecan', 'listed')) {
    const text = ctx.manifests.transientText(path);
    const facts = ctx.facts(path);
    if (text === null || facts === undefined || facts === null || (!text.includes('make_app') && !text.includes('Pecan'))) continue;
    const roots = pecanLiteralRoots(text, facts);
    if (roots.length > 0) out.push({ path, roots });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
});

/** The string literals of the config's `'modules': [...]` list (pecan.load_app imports each one's `app` module), with their lines. */
const moduleList = (text: string): { name: string; line: number }[] => {
  const t = tokenize(text);
  const out: { name: string; line: number }[] = [];
  for (let i = 0; i + 2 < t.count; i++) {
    if (!isPlainString(t, i) || stringTokenValue(t, i) !== 'modules' || !isOp(t, i + 1, Op.Colon) || !(isOp(t, i + 2, Op.LBracket) || isOp(t, i + 2, Op.LParen))) continue;
    out.push(...literalModules(t, i + 2, t.count));
  }
  return out;
};

const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const { config, readers, command, served } of configModules(ctx)) {
    const text = ctx.manifests.transientText(config);
    if (text === null) continue;
    if (command !== undefined) {
      const evidence = `${command.evidence}: ${command.command.trim().replace(/\s+/g, ' ')} (Pecan reads the config module ${config})`;
      out.entries.push({ source: command.source, target: config, targetKind: 'file', kind: command.kind, ...(command.line ? { line: command.line } : {}), evidence });
      // pecan.load_app imports each package of the config's `modules` list for its app.setup_app(config), which builds the app.
      for (const { name, line } of moduleList(text)) {
        out.references.push({ from: config, target: `${name}.app`, targetKind: 'module', line, label: `imported by pecan.load_app for the setup_app of '${name}' in the 'modules' list of the Pecan config module ${config}:${line} (${command.evidence} runs pecan serve ${served})` });
      }
    }
    for (const s of settingStrings(text)) {
      if (s.value !== 'root' || s.mapsTo === undefined || !s.mapsTo.includes('.') || !isDottedName(s.mapsTo)) continue;
      const label = (how: string): string => `imported for the root controller '${s.mapsTo}' of the Pecan config module ${config}:${s.line} (${how}; pecan.make_app imports the root by its dotted name)`;
      // The edge hangs on what reads the config (a served config is a root itself): the controllers live as the app that loads them lives.
      if (command !== undefined) out.references.push({ from: config, target: s.mapsTo, targetKind: 'module-attr', line: s.line, label: label(`${command.evidence} runs pecan serve ${served}`) });
      for (const r of readers) out.references.push({ from: r.path, target: s.mapsTo, targetKind: 'module-attr', line: r.line, label: label(`${r.path}:${r.line} reads it with pecan.configuration.conf_from_file`) });
    }
  }
  for (const { path, configs } of dictConfigs(ctx)) {
    for (const { loader, line, dictLine, root, modules } of configs) {
      const how = `${path}:${line} passes the config dict at line ${dictLine} to ${loader}`;
      // The edges hang on the loading file at its call: the app lives as the file that builds it lives.
      if (root !== null) out.references.push({ from: path, target: root.name, targetKind: 'module-attr', line, label: `imported for the root controller '${root.name}' of a Pecan config dict (${how}; pecan.make_app imports the root by its dotted name)` });
      for (const m of modules) {
        out.references.push({ from: path, target: `${m.name}.app`, targetKind: 'module', line, label: `imported by pecan.load_app for the setup_app of '${m.name}' in the 'modules' list of a Pecan config dict (${how})` });
      }
    }
  }
  for (const { path, roots } of literalRoots(ctx)) {
    for (const { factory, line, name } of roots) {
      out.references.push({ from: path, target: name, targetKind: 'module-attr', line, label: `imported for the root controller '${name}' that ${path}:${line} hands ${factory} (Pecan imports a string root by its dotted name)` });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'pecan',
  title: "Pecan config modules: the app's root controller named by its dotted path",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = configModules(ctx)[0];
    if (first === undefined) {
      const dict = dictConfigs(ctx)[0];
      if (dict !== undefined) return `${dict.path}:${dict.configs[0].line} passes a Pecan config dict to ${dict.configs[0].loader}`;
      const literal = literalRoots(ctx)[0];
      return literal === undefined ? null : `${literal.path}:${literal.roots[0].line} names a Pecan root controller in ${literal.roots[0].factory}`;
    }
    const how = first.readers.length > 0 ? `${first.readers[0].path}:${first.readers[0].line} reads it with pecan.configuration.conf_from_file` : `${first.command!.evidence} runs pecan serve ${first.served}`;
    return `${first.config} is a Pecan config module (${how})`;
  },
  collect,
};

export default reader;
