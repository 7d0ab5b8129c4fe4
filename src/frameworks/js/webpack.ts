/**
 * webpack builds from the `entry` of its config, in every shape: a string, an array, an object of
 * named entries (strings, arrays, `{ import }` descriptors), a function returning any of these, an
 * array of configs, configs merged with webpack-merge; paths relative to `context` (default: the
 * package folder). Loader aliases that name local files count too, and so do HtmlWebpackPlugin
 * templates (and their scripts) and local modules a ProvidePlugin injects. The config is the root, with
 * the kind of what runs webpack there (a Dockerfile's `npm run build`: production); each entry is
 * a reference from it. Configs are webpack.config.* and webpack.<name>.js beside package.json, and
 * any file a command names with `webpack --config`.
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import { htmlScripts } from './vite.js';
import { warning } from '../../util/diagnostics.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import {
  configsFromCommands, enabledByPackages, fileReference, filesIn, kindOf, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage,
} from './support.js';

const CONFIG = /^webpack(\.[\w-]+)*\.config\.[cm]?[jt]s$|^webpack\.[\w-]+\.[cm]?js$/;
const BINS = ['webpack', 'webpack-cli', 'webpack-dev-server'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['webpack'], CONFIG);

/** The entry strings of one config value (an object, or an array of configs). */
const entryStrings = (config: ConfigValue | null, out: { value: string; line: number; context: string | null }[], unread: { line: number; text: string }[]) => {
  if (!config) return;
  if (config.kind === 'array') {
    for (const c of config.items) entryStrings(c, out, unread);
    return;
  }
  if (config.kind !== 'object') return;
  const contextValue = configAt(config, 'context');
  const context = contextValue?.kind === 'string' ? contextValue.value : null;
  const visit = (v: ConfigValue | null) => {
    if (!v) return;
    if (v.kind === 'string') out.push({ value: v.value, line: v.line, context });
    else if (v.kind === 'array') v.items.forEach(visit);
    else if (v.kind === 'object') {
      // `{ main: './a.js' }` or a descriptor `{ import: './a.js', dependOn: 'x' }`.
      if (v.props.has('import')) visit(v.props.get('import') ?? null);
      else for (const item of v.props.values()) visit(item);
    } else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
  };
  visit(configAt(config, 'entry'));
};

/**
 * `new HtmlWebpackPlugin({ template })`: the page webpack writes is built from that template (a
 * `.js` template is code webpack runs), and the scripts the template itself loads
 * (`<script src="./vendor/x.js">`) ship with it. Without a `template`, the plugin's default
 * `src/index.ejs` when there is one.
 */
const htmlTemplates = (ctx: FrameworkContext, config: string, dir: string, out: FrameworkOutput) => {
  const text = ctx.readText(config);
  if (text === null || !text.includes('HtmlWebpackPlugin') && !text.includes('html-webpack-plugin')) return;
  for (const call of callsIn(config, text, /^(HtmlWebpackPlugin|HtmlPlugin|HTMLWebpackPlugin)$/)) {
    const options = call.args[0] ?? null;
    const named = configAt(options, 'template');
    if (named?.kind === 'unknown') {
      out.diagnostics.push(warning('webpack/not-static', `HtmlWebpackPlugin template is computed, not read: ${named.text}`, config, named.line));
      continue;
    }
    // `template: 'html-loader!./src/index.html'`: the file is after the last loader.
    const spec = named?.kind === 'string' ? (named.value.split('!').pop() ?? '') : 'src/index.ejs';
    const template = resolveToolPath(ctx, dir, spec) ?? (ctx.files.has(joinRepo(dir, spec) ?? '') ? joinRepo(dir, spec) : null);
    if (template === null) continue;
    const line = named?.line ?? call.line;
    out.references.push(fileReference(config, template, line, `HtmlWebpackPlugin template "${spec}" in ${config}:${line}`));
    if (/\.[cm]?[jt]sx?$/.test(template)) continue;
    for (const script of htmlScripts(ctx.readText(template) ?? '')) {
      const file = resolveToolPath(ctx, dirname(template), script.src, dir);
      // From the config: an HTML page is not a node that reachability passes through.
      if (file) out.references.push(fileReference(config, file, line, `<script src="${script.src}"> in ${template}:${script.line}, the HtmlWebpackPlugin template of ${config}:${line}`));
    }
  }
};

/** `new webpack.ProvidePlugin({ $: path.resolve(__dirname, 'src/jquery-shim') })`: a local module webpack injects wherever the name is used. */
const providedModules = (ctx: FrameworkContext, config: string, dir: string, out: FrameworkOutput) => {
  const text = ctx.readText(config);
  if (text === null || !text.includes('ProvidePlugin')) return;
  for (const call of callsIn(config, text, /(^|\.)ProvidePlugin$/)) {
    const options = call.args[0];
    if (options?.kind !== 'object') continue;
    for (const [name, v] of options.props) {
      const spec = v.kind === 'string' ? v : v.kind === 'array' && v.items[0]?.kind === 'string' ? v.items[0] : null;
      if (spec?.kind !== 'string' || !/^\.{1,2}\//.test(spec.value)) continue;
      const file = resolveToolPath(ctx, dir, spec.value);
      if (file) out.references.push(fileReference(config, file, spec.line, `webpack ProvidePlugin "${name}": "${spec.value}" in ${config}:${spec.line}`));
    }
  }
};

const collectConfig = (ctx: FrameworkContext, config: string, dir: string, out: FrameworkOutput) => {
  const run = toolRun(ctx, dir, BINS, { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'webpack');
  out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: webpack config, loaded by ${why}` });
  const { value } = readToolConfig(ctx, config, out.diagnostics, 'webpack');
  const entries: { value: string; line: number; context: string | null }[] = [];
  const unread: { line: number; text: string }[] = [];
  entryStrings(value, entries, unread);
  warnUnread(out.diagnostics, 'webpack', config, unread, 'entry');
  for (const e of entries) {
    const base = e.context === null ? dir : (joinRepo(dir, e.context) ?? dir);
    const file = resolveToolPath(ctx, base, e.value);
    if (file) out.references.push(fileReference(config, file, e.line, `webpack entry "${e.value}" in ${config}:${e.line}`));
  }
  htmlTemplates(ctx, config, dir, out);
  providedModules(ctx, config, dir, out);
  for (const key of ['resolveLoader', 'resolve']) {
    const alias = configAt(value, key, 'alias');
    if (alias?.kind !== 'object') continue;
    for (const [name, target] of alias.props) {
      if (target.kind !== 'string' || !/\.[cm]?[jt]sx?$/.test(target.value)) continue;
      const file = resolveToolPath(ctx, dir, target.value);
      if (file) out.references.push(fileReference(config, file, target.line, `webpack ${key}.alias "${name}" in ${config}:${target.line}`));
    }
  }
};

const webpack: FrameworkReader = {
  id: 'webpack',
  title: 'webpack (entry in all its shapes, context, loader aliases)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'webpack'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const seen = new Set<string>();
    for (const pkg of packages(ctx)) {
      for (const config of filesIn(ctx, pkg.dir, CONFIG)) {
        seen.add(config);
        collectConfig(ctx, config, pkg.dir, out);
      }
    }
    for (const { dir, config } of configsFromCommands(ctx, BINS)) if (!seen.has(config)) collectConfig(ctx, config, dir, out);
    return out;
  },
};

export default webpack;
