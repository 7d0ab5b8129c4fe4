/**
 * Oxlint reads `.oxlintrc.json` (or .jsonc; `oxlint.config.ts`/`.mts` in newer releases) in the
 * folder it lints and in folders below (nested configs), or the one file `oxlint --config x` /
 * `-c x` names. A config's `extends` lists other configs by path, relative to the config that
 * names them, each read in turn (their own `extends` too); `jsPlugins` at the top and in each of
 * `overrides[]` loads JS plugins, a package name or a local file relative to the config that
 * names it (`"./rules-plugin.cjs"`, or `{ "name": "x", "specifier": "./x.js" }`). Those local
 * plugins, and a config that is a code file, are roots with the kind of what runs oxlint (else
 * tooling). A code config's `extends` holds imported values, which the import graph follows.
 */
import { configAt, plainConfigValue, type ConfigValue } from '../../languages/javascript/config-value.js';
import { warning } from '../../util/diagnostics.js';
import { parseJsonc } from '../../util/jsonc.js';
import { lineHolding } from '../../util/lines.js';
import { pathsNamedLike } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { configArg, dependsOn, enclosingPackages, jsPackages, kindOf, placeIn, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolRun, warnUnread, type ToolRun } from './support.js';

const OXLINT_CONFIG = /^(\.oxlintrc(\.jsonc?)?|oxlint\.config\.[cm]?ts)$/;
const CODE = /\.([cm]?[jt]sx?)$/;

interface Config {
  path: string;
  /** The folder oxlint runs in for it: the command's folder, or the package that holds a config found by name. */
  runDir: string;
  /** How it is reached: found by name, named by a command, or extended by another config. */
  how: string;
}

/** Configs oxlint finds by name, outside node_modules, and those a command names, each with the folder it runs from. */
const rootConfigs = (ctx: FrameworkContext): Config[] => {
  const out: Config[] = [];
  for (const f of pathsNamedLike(ctx.files, { stems: ['.oxlintrc', 'oxlint'] }, 'sorted')) {
    if (!OXLINT_CONFIG.test(basename(f)) || f.includes('node_modules/')) continue;
    const pkg = enclosingPackages(ctx, dirname(f))[0];
    out.push({ path: f, runDir: pkg?.dir ?? dirname(f), how: 'found by name' });
  }
  for (const call of toolInvocations(ctx, ['oxlint'])) {
    const named = configArg(call.args, ['--config', '-c']);
    const path = named === null ? null : joinRepo(call.cwd, named);
    if (path !== null && ctx.files.has(path) && !out.some((c) => c.path === path)) out.push({ path, runDir: call.cwd, how: 'named on the oxlint command line' });
  }
  return out;
};

const readValue = (ctx: FrameworkContext, path: string, out: FrameworkOutput): ConfigValue | null => {
  if (/\.jsonc?$|rc$/.test(path)) {
    const text = ctx.readText(path);
    if (text === null) return null;
    const parsed = parseJsonc(text);
    if ('value' in parsed) return plainConfigValue(parsed.value);
    // The plugins and extended configs it names are not read: say so, or they look dead for no reason.
    out.diagnostics.push(warning('oxlint/config-syntax', `config not parsed (not valid JSON: ${parsed.error}): its jsPlugins and extends are not read`, path, parsed.line));
    return null;
  }
  return readToolConfig(ctx, path, out.diagnostics, 'oxlint').value;
};

/** `jsPlugins` entries: a specifier string, or `{ name, specifier }`. */
const pluginSpecifiers = (v: ConfigValue | null, unread: { line: number; text: string }[]): { value: string; line: number }[] => {
  const out: { value: string; line: number }[] = [];
  for (const item of v?.kind === 'array' ? v.items : []) {
    const spec = item.kind === 'object' ? item.props.get('specifier') : item;
    if (spec?.kind === 'string') out.push({ value: spec.value, line: spec.line });
    else if (spec?.kind === 'unknown') unread.push({ line: spec.line, text: spec.text });
  }
  return out;
};

const readChain = (ctx: FrameworkContext, root: Config, run: ToolRun | null, seen: Set<string>, out: FrameworkOutput): void => {
  const why = runEvidence(run, 'oxlint');
  const visit = (path: string, via: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const value = readValue(ctx, path, out);
    const text = ctx.readText(path) ?? '';
    const dir = dirname(path);
    const at = (line: number, spec: string) => placeIn(path, line > 1 ? line : (lineHolding(text, JSON.stringify(spec)) ?? 1));
    if (CODE.test(path)) out.entries.push({ source: path, target: path, targetKind: 'file', kind: kindOf(run), evidence: `${path}: config ${via}, loaded by ${why}` });
    const unread: { line: number; text: string }[] = [];
    const plugins = [...pluginSpecifiers(configAt(value, 'jsPlugins'), unread)];
    const overrides = configAt(value, 'overrides');
    for (const item of overrides?.kind === 'array' ? overrides.items : []) plugins.push(...pluginSpecifiers(configAt(item, 'jsPlugins'), unread));
    warnUnread(out.diagnostics, 'oxlint', path, unread, 'jsPlugins');
    for (const p of plugins) {
      if (!/^\.{1,2}\//.test(p.value)) continue;
      const file = resolveToolPath(ctx, dir, p.value);
      if (file === null || file === path) continue;
      out.entries.push({ source: path, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${at(p.line, p.value)} jsPlugins "${p.value}" (config ${via}; plugin loaded by ${why})` });
    }
    const extended = configAt(value, 'extends');
    for (const item of extended?.kind === 'array' ? extended.items : []) {
      if (item.kind !== 'string') continue;
      const target = joinRepo(dir, item.value);
      if (target === null || !ctx.files.has(target)) continue;
      visit(target, `extended by ${at(item.line, item.value)}`);
    }
  };
  visit(root.path, root.how);
};

const oxlint: FrameworkReader = {
  id: 'oxlint',
  title: 'Oxlint (configs and the configs they extend; local jsPlugins)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const config = rootConfigs(ctx)[0];
    if (config) return `${config.path} configures Oxlint`;
    const pkg = jsPackages(ctx).find((p) => dependsOn(p, 'oxlint'));
    return pkg ? `${pkg.manifest} uses Oxlint` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    // A config extended by several is read once, from the first that reaches it.
    const seen = new Set<string>();
    for (const config of rootConfigs(ctx)) readChain(ctx, config, toolRun(ctx, config.runDir, ['oxlint']), seen, out);
    return out;
  },
};

export default oxlint;
