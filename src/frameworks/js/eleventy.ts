/**
 * Eleventy (`@11ty/eleventy`) copies what its config passes through into the built site as it is:
 * `eleventyConfig.addPassthroughCopy('js/vendor')` or `addPassthroughCopy({ 'src/app.js': 'app.js' })`
 * (the object's keys are the sources), each a file, a folder (all below it) or a glob, relative
 * to the project folder eleventy runs in — not to the config or the input folder. A script copied
 * so is shipped to browsers and nothing imports it. The config is the first of eleventy's names
 * (`.eleventy.js`, `eleventy.config.{js,mjs,cjs}`: DEFAULT_CONFIGS in eleventy-configs.ts) beside the
 * package.json, or the file `eleventy --config=x` names (a TypeScript config is loaded only so). Each code file passed through is a root with the kind of what runs eleventy
 * (a site built in a Dockerfile is production; else as the build command's kind, tooling when
 * nothing runs it); a source census cannot read is a warning naming the line. A copy in
 * `mode: 'html-relative'` takes the files the templates link to, relative to each template, which
 * census does not follow. The templates, layouts and data files Eleventy loads from its input
 * folder by convention are eleventy-site.ts's.
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configArg, configsFromCommands, eachPackage, enabledByPackages, globFiles, kindOf, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';
import { joinRepo } from '../../util/path.js';
import { collectSites } from './eleventy-site.js';
import { defaultConfigIn, DEFAULT_CONFIGS } from './eleventy-configs.js';
import { escapeRegExp } from '../../util/regexp.js';

/** A package holding one of the configs eleventy loads by name uses Eleventy. */
const CONFIG = new RegExp(`^(?:${DEFAULT_CONFIGS.map(escapeRegExp).join('|')})$`);
const CODE = /\.[cm]?[jt]sx?$/;
const PASSTHROUGH = /(?:^|\.)addPassthroughCopy$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@11ty/eleventy'], CONFIG);

/** The sources of one addPassthroughCopy argument: a string, or an object's keys. */
const sources = (arg: ConfigValue | null, line: number): { sources: { value: string; line: number }[]; unread: { line: number; text: string }[] } => {
  if (arg?.kind === 'string') return { sources: [{ value: arg.value, line: arg.line }], unread: [] };
  if (arg?.kind === 'object') {
    const unread = arg.partial ? [{ line: arg.line, text: 'a spread or computed key in the passthrough object' }] : [];
    return { sources: [...arg.props].map(([key, v]) => ({ value: key, line: v.line })), unread };
  }
  if (arg?.kind === 'unknown') return { sources: [], unread: [{ line: arg.line, text: arg.text }] };
  return { sources: [], unread: arg === null ? [{ line, text: 'addPassthroughCopy(…) with no readable argument' }] : [] };
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const named = configsFromCommands(ctx, ['eleventy'], ['--config']).filter((c) => c.dir === pkg.dir).map((c) => c.config);
  const loaded = defaultConfigIn(ctx.files, pkg.dir);
  const configs = [...new Set([...(loaded === null ? [] : [loaded]), ...named])];
  for (const config of configs) {
    const byCommand = named.includes(config);
    const run = byCommand
      ? toolRun(ctx, pkg.dir, ['eleventy'], { bundler: true, args: (args) => { const arg = configArg(args, ['--config']); return arg !== null && joinRepo(pkg.dir, arg) === config; } })
      : toolRun(ctx, pkg.dir, ['eleventy'], { bundler: true });
    const kind = kindOf(run);
    out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: Eleventy config, loaded by ${runEvidence(run, 'eleventy')}` });
    const text = ctx.readText(config);
    if (text === null) continue;
    const unread: { line: number; text: string }[] = [];
    for (const call of callsIn(config, text, PASSTHROUGH)) {
      // html-relative copies follow the templates' links, relative to each template.
      const mode = configAt(call.args[1] ?? null, 'mode');
      if (mode?.kind === 'string' && mode.value === 'html-relative') continue;
      const found = sources(call.args[0] ?? null, call.line);
      unread.push(...found.unread);
      for (const source of found.sources) {
        const glob = source.value.replace(/^\.\//, '').replace(/\/+$/, '');
        if (glob === '' || glob.startsWith('..') || glob.startsWith('/')) continue;
        // A folder is copied with all below it.
        for (const { file } of globFiles(ctx, pkg.dir, [glob, `${glob}/**`])) {
          if (!CODE.test(file) || file === config) continue;
          out.entries.push({ source: config, target: file, targetKind: 'file', kind, evidence: `${config}:${source.line} addPassthroughCopy "${source.value}", copied into the built site as it is (${runEvidence(run, 'eleventy')})`, line: source.line });
        }
      }
    }
    warnUnread(out.diagnostics, 'eleventy', config, unread, 'a passthrough copy source');
  }
  collectSites(ctx, pkg, out);
};

const eleventy: FrameworkReader = {
  id: 'eleventy',
  title: 'Eleventy (JavaScript templates, layouts and data files of its input folder, and the scripts its config passes through into the built site)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Eleventy'),
  collect: eachPackage(packages, collectPackage),
};

export default eleventy;
