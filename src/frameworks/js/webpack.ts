/**
 * webpack builds from the `entry` of its config, in every shape: a string, an array, an object of
 * named entries (strings, arrays, `{ import }` descriptors), a function returning any of these, an
 * array of configs, configs merged with webpack-merge; paths relative to `context` (default: the
 * package folder). Loader aliases that name local files count too, and so do HtmlWebpackPlugin
 * templates (and their scripts) and local modules a ProvidePlugin injects. The config is the root, with
 * the kind of what runs webpack there (a Dockerfile's `npm run build`: production); each entry is
 * a reference from it. Configs are webpack.config.* and webpack.<name>.js beside package.json, and
 * any file a command names with `webpack --config`. Rspack takes webpack's config format as it is,
 * so `webpackLikeReader` reads its configs too (rspack.ts).
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import { htmlScripts } from './vite.js';
import { warning } from '../../util/diagnostics.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import {
  configsFromCommands, enabledByPackages, fileReference, filesIn, kindOf, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage,
} from './support.js';

/** One bundler that reads webpack's config format. */
export interface WebpackLikeSpec {
  id: string;
  /** The name evidence uses: "webpack", "Rspack". */
  tool: string;
  /** Packages whose declaration means the package uses the bundler. */
  packages: string[];
  /** Config file names beside package.json. */
  config: RegExp;
  /** Programs that run it (and take `--config`). */
  bins: string[];
}

/**
 * The paths of one `entry` value in webpack's shapes (Rsbuild's `source.entry` takes them too): a
 * string, an array, an object of names to either, or to a descriptor `{ import, dependOn, … }`.
 */
export const entryPointStrings = (entry: ConfigValue | null, unread: { line: number; text: string }[]): { value: string; line: number }[] => {
  const out: { value: string; line: number }[] = [];
  const visit = (v: ConfigValue | null) => {
    if (!v) return;
    if (v.kind === 'string') out.push({ value: v.value, line: v.line });
    else if (v.kind === 'array') v.items.forEach(visit);
    else if (v.kind === 'object') {
      // `{ main: './a.js' }` or a descriptor `{ import: './a.js', dependOn: 'x' }`.
      if (v.props.has('import')) visit(v.props.get('import') ?? null);
      else for (const item of v.props.values()) visit(item);
    } else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
  };
  visit(entry);
  return out;
};

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
  for (const e of entryPointStrings(configAt(config, 'entry'), unread)) out.push({ ...e, context });
};

/**
 * `new HtmlWebpackPlugin({ template })`: the page webpack writes is built from that template (a
 * `.js` template is code webpack runs), and the scripts the template itself loads
 * (`<script src="./vendor/x.js">`) ship with it. Without a `template`, the plugin's default
 * `src/index.ejs` when there is one.
 */
const htmlTemplates = (ctx: FrameworkContext, tool: WebpackLikeSpec, config: string, dir: string, out: FrameworkOutput) => {
  const text = ctx.readText(config);
  if (text === null || !/HtmlWebpackPlugin|html-webpack-plugin|HtmlRspackPlugin/.test(text)) return;
  // Rspack's built-in `new rspack.HtmlRspackPlugin({ template })` takes the same options.
  for (const call of callsIn(config, text, /(^|\.)(HtmlWebpackPlugin|HtmlPlugin|HTMLWebpackPlugin|HtmlRspackPlugin)$/)) {
    const options = call.args[0] ?? null;
    const named = configAt(options, 'template');
    if (named?.kind === 'unknown') {
      out.diagnostics.push(warning(`${tool.id}/not-static`, `HtmlWebpackPlugin template is computed, not read: ${named.text}`, config, named.line));
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
const providedModules = (ctx: FrameworkContext, tool: WebpackLikeSpec, config: string, dir: string, out: FrameworkOutput) => {
  const text = ctx.readText(config);
  if (text === null || !text.includes('ProvidePlugin')) return;
  for (const call of callsIn(config, text, /(^|\.)ProvidePlugin$/)) {
    const options = call.args[0];
    if (options?.kind !== 'object') continue;
    for (const [name, v] of options.props) {
      const named = v.kind === 'string' ? v : v.kind === 'array' && v.items[0]?.kind === 'string' ? v.items[0] : null;
      if (named?.kind !== 'string' || !/^\.{1,2}\//.test(named.value)) continue;
      const file = resolveToolPath(ctx, dir, named.value);
      if (file) out.references.push(fileReference(config, file, named.line, `${tool.tool} ProvidePlugin "${name}": "${named.value}" in ${config}:${named.line}`));
    }
  }
};

const collectConfig = (ctx: FrameworkContext, spec: WebpackLikeSpec, config: string, dir: string, out: FrameworkOutput) => {
  const run = toolRun(ctx, dir, spec.bins, { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, spec.tool);
  out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: ${spec.tool} config, loaded by ${why}` });
  configReferences(ctx, spec, config, dir, out);
};

/**
 * What one config builds, as references from the config: its entries (relative to `context`, else
 * `dir`), HTML templates, ProvidePlugin modules and loader aliases. The config's own root is the
 * caller's: a config beside package.json is one, a config the package's code runs is reached
 * from that code (bundler-api-configs.ts).
 */
export const configReferences = (ctx: FrameworkContext, spec: WebpackLikeSpec, config: string, dir: string, out: FrameworkOutput): void => {
  const { value } = readToolConfig(ctx, config, out.diagnostics, spec.id);
  const entries: { value: string; line: number; context: string | null }[] = [];
  const unread: { line: number; text: string }[] = [];
  entryStrings(value, entries, unread);
  warnUnread(out.diagnostics, spec.id, config, unread, 'entry');
  for (const e of entries) {
    const base = e.context === null ? dir : (joinRepo(dir, e.context) ?? dir);
    const file = resolveToolPath(ctx, base, e.value);
    if (file) out.references.push(fileReference(config, file, e.line, `${spec.tool} entry "${e.value}" in ${config}:${e.line}`));
  }
  htmlTemplates(ctx, spec, config, dir, out);
  providedModules(ctx, spec, config, dir, out);
  for (const key of ['resolveLoader', 'resolve']) {
    const alias = configAt(value, key, 'alias');
    if (alias?.kind !== 'object') continue;
    for (const [name, target] of alias.props) {
      if (target.kind !== 'string' || !/\.[cm]?[jt]sx?$/.test(target.value)) continue;
      const file = resolveToolPath(ctx, dir, target.value);
      if (file) out.references.push(fileReference(config, file, target.line, `${spec.tool} ${key}.alias "${name}" in ${config}:${target.line}`));
    }
  }
};

/** A reader for a bundler that reads webpack's config format: its configs beside package.json and those `--config` names. */
export const webpackLikeReader = (spec: WebpackLikeSpec, title: string): FrameworkReader => {
  const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, spec.packages, spec.config);
  return {
    id: spec.id,
    title,
    ecosystem: 'javascript',
    enabledBy: (ctx) => enabledByPackages(packages(ctx), spec.tool),
    collect: (ctx) => {
      const out = emptyFrameworkOutput();
      const seen = new Set<string>();
      for (const pkg of packages(ctx)) {
        for (const config of filesIn(ctx, pkg.dir, spec.config)) {
          seen.add(config);
          collectConfig(ctx, spec, config, pkg.dir, out);
        }
      }
      for (const { dir, config } of configsFromCommands(ctx, spec.bins)) if (!seen.has(config)) collectConfig(ctx, spec, config, dir, out);
      return out;
    },
  };
};

export const WEBPACK: WebpackLikeSpec = {
  id: 'webpack', tool: 'webpack', packages: ['webpack'], config: /^webpack(\.[\w-]+)*\.config\.[cm]?[jt]s$|^webpack\.[\w-]+\.[cm]?js$/, bins: ['webpack', 'webpack-cli', 'webpack-dev-server'],
};

export default webpackLikeReader(WEBPACK, 'webpack (entry in all its shapes, context, loader aliases)');
