/**
 * Karma serves the files its config lists to the browser, which nothing imports: the `files`
 * patterns (strings or `{ pattern }` objects, minus `exclude`) of karma.conf.{js,cjs,mjs,ts}
 * beside a package.json or in its .config/ folder, or the file `karma start x` names, relative
 * to `basePath` (itself relative to the config's folder). The config is usually a function that
 * calls `config.set({...})`, so the options are read from that call. Matched code files are test
 * roots; the config itself is the tool-configs detector's (a tooling root by its name).
 */
import { callsIn, configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { dependsOn, enabledByPackages, filesIn, globFiles, jsPackages, readToolConfig, toolInvocations, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^karma\.conf\.([cm]?[jt]s)$/;
const CODE = /\.([cm]?[jt]sx?)$/;

const packages = (ctx: FrameworkContext): JsPackage[] =>
  jsPackages(ctx).filter((p) => dependsOn(p, 'karma') || filesIn(ctx, p.dir, CONFIG).length > 0 || filesIn(ctx, joinRepo(p.dir, '.config') ?? '.config', CONFIG).length > 0);

/** The options object: the default export when it is one, else the first `x.set({...})` call's argument. */
const options = (ctx: FrameworkContext, config: string, out: FrameworkOutput): ConfigValue | null => {
  const exported = readToolConfig(ctx, config, out.diagnostics, 'karma').value;
  if (exported?.kind === 'object') return exported;
  const text = ctx.readText(config);
  if (text === null) return null;
  for (const call of callsIn(config, text, /(^|\.)set$/)) {
    const arg = call.args[0];
    if (arg?.kind === 'object') return arg;
    if (arg?.kind === 'unknown') warnUnread(out.diagnostics, 'karma', config, [arg], 'the options of config.set');
  }
  return null;
};

/** Each `files` entry's pattern: a string or a `{ pattern }` object. */
const patterns = (value: ConfigValue | null, config: string, out: FrameworkOutput): { value: string; line: number }[] => {
  const found: { value: string; line: number }[] = [];
  const unread: { line: number; text: string }[] = [];
  for (const item of value?.kind === 'array' ? value.items : []) {
    const pattern = item.kind === 'object' ? configAt(item, 'pattern') : item;
    if (pattern?.kind === 'string') found.push({ value: pattern.value, line: pattern.line });
    else if (pattern?.kind === 'unknown') unread.push({ line: pattern.line, text: pattern.text });
  }
  if (value?.kind === 'unknown') unread.push({ line: value.line, text: value.text });
  warnUnread(out.diagnostics, 'karma', config, unread, 'files');
  return found;
};

const readConfig = (ctx: FrameworkContext, config: string, out: FrameworkOutput): void => {
  const value = options(ctx, config, out);
  if (value === null) return;
  const basePath = configAt(value, 'basePath');
  const base = joinRepo(dirname(config), basePath?.kind === 'string' ? basePath.value.replace(/\/+$/, '') : '') ?? dirname(config);
  const excluded = configStrings(configAt(value, 'exclude')).strings.map((s) => `!${s.value}`);
  const files = patterns(configAt(value, 'files'), config, out);
  for (const { file, glob } of globFiles(ctx, base, [...files.map((f) => f.value), ...excluded])) {
    if (!CODE.test(file)) continue;
    const line = files.find((f) => f.value === glob)?.line ?? 1;
    out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${line > 1 ? `${config}:${line}` : config} karma files "${glob}"${base === dirname(config) ? '' : ` (basePath ${base || '.'})`}`, ...(line > 1 ? { line } : {}) });
  }
};

const configsOf = (ctx: FrameworkContext, pkg: JsPackage): string[] => {
  const own = [...filesIn(ctx, pkg.dir, CONFIG), ...filesIn(ctx, joinRepo(pkg.dir, '.config') ?? '.config', CONFIG)];
  for (const run of toolInvocations(ctx, ['karma']).filter((r) => r.cwd === pkg.dir && r.args[0] === 'start' && r.args[1] && !r.args[1].startsWith('-'))) {
    const named = joinRepo(pkg.dir, run.args[1]);
    if (named !== null && ctx.files.has(named) && !own.includes(named)) own.push(named);
  }
  return own;
};

const karma: FrameworkReader = {
  id: 'karma',
  title: 'Karma (the files patterns of its config)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Karma'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) for (const config of configsOf(ctx, pkg)) readConfig(ctx, config, out);
    return out;
  },
};

export default karma;
