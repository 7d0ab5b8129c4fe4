/**
 * Karma serves the files its config lists to the browser, which nothing imports: the `files`
 * patterns (strings or `{ pattern }` objects, minus `exclude`) of karma.conf.{js,cjs,mjs,ts}
 * beside a package.json or in its .config/ folder, or the file `karma start x` names, relative
 * to `basePath` (itself relative to the config's folder). The config is usually a function that
 * calls `config.set({...})`, so the options are read from that call. Matched code files are test
 * roots; a local `plugins` path (`'./karma-plugin'`) a tooling root; the config itself is the
 * tool-configs detector's (a tooling root by its name). When the config lists its `files`, those
 * are the package's tests: test discovery does not add the generic `*.spec.*` names on top.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { karmaBase, karmaConfigsIn, karmaOptions } from '../../languages/javascript/karma-config.js';
import { warning } from '../../util/diagnostics.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { dependsOn, enabledByPackages, globFiles, jsPackages, looksLikePath, resolveToolPath, toolInvocations, warnUnread, type JsPackage } from './support.js';

const CODE = /\.([cm]?[jt]sx?)$/;

const packages = (ctx: FrameworkContext): JsPackage[] =>
  jsPackages(ctx).filter((p) => dependsOn(p, 'karma') || karmaConfigsIn(ctx.files, p.dir).length > 0);

/** The options object (languages/javascript/karma-config.ts); what cannot be read is a warning naming file and line. */
const options = (ctx: FrameworkContext, config: string, out: FrameworkOutput): ConfigValue | null => {
  const text = ctx.readText(config);
  if (text === null) return null;
  const read = karmaOptions(config, text);
  for (const e of read.errors.slice(0, 1)) out.diagnostics.push(warning('karma/config-syntax', `config not parsed: ${e.message}`, config, e.line));
  warnUnread(out.diagnostics, 'karma', config, read.unread, 'the options of config.set');
  return read.value;
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
  const base = karmaBase(config, value);
  // A local plugin (`plugins: ['karma-jasmine', './karma-plugin']`) is a module karma loads, relative to the config's folder.
  for (const p of configStrings(configAt(value, 'plugins')).strings) {
    const file = looksLikePath(p.value) ? resolveToolPath(ctx, dirname(config), p.value) : null;
    if (file !== null) out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'tooling', evidence: `${config}:${p.line} karma plugins "${p.value}" (loaded by karma)`, line: p.line });
  }
  const excluded = configStrings(configAt(value, 'exclude')).strings.map((s) => `!${s.value}`);
  const files = patterns(configAt(value, 'files'), config, out);
  for (const { file, glob } of globFiles(ctx, base, [...files.map((f) => f.value), ...excluded])) {
    if (!CODE.test(file)) continue;
    const line = files.find((f) => f.value === glob)?.line ?? 1;
    out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `${line > 1 ? `${config}:${line}` : config} karma files "${glob}"${base === dirname(config) ? '' : ` (basePath ${base || '.'})`}`, ...(line > 1 ? { line } : {}) });
  }
};

const configsOf = (ctx: FrameworkContext, pkg: JsPackage): string[] => {
  const own = karmaConfigsIn(ctx.files, pkg.dir);
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
