/**
 * The files Eleventy (`@11ty/eleventy`) loads by convention from its input folder, which nothing
 * imports: JavaScript templates (`*.11ty.js`, `.cjs`, `.mjs`, and the `11ty.*` extensions the
 * config maps to them with `addExtension(['11ty.ts', …], { key: '11ty.js' })`, run through a
 * TypeScript loader) are pages it renders; in the includes folder (`_includes`, `dir.includes`)
 * and the layouts folder (`dir.layouts`, else the includes folder) they are layouts; the `*.js`,
 * `*.cjs`, `*.mjs` files of the data folder (`_data`, `dir.data`) are global data; and
 * `<folder>/<folder>.11tydata.js` (directory data) and `<name>.11tydata.js` beside a template
 * `<name>.*` (template data) are data files. Those folders are relative to the input folder, which
 * is `--input` on the eleventy command line, else the config's `dir.input` (from the object its
 * function returns, the `config` it exports, or `eleventyConfig.setInputDirectory()`), else the
 * project folder; the output folder (`_site`), node_modules, `.eleventyignore` lines (in the project
 * and input folders) and `eleventyConfig.ignores.add()` globs are not read. `templateFormats` (or
 * `--formats`) that leaves `11ty.js` out means no JavaScript templates are rendered. Each file is a
 * root with the kind of what runs that eleventy command (the site build); a computed folder is a
 * warning naming the line. The config's own imports (`addPlugin(require('./plugin'))`) are
 * imports already.
 */
import { callsIn, configAt, readConfigExport, type ConfigValue } from '../../languages/javascript/config-value.js';
import { compileRepoGlob } from '../../util/glob.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput } from '../types.js';
import { defaultConfigIn } from './eleventy-configs.js';
import { configArg, kindOf, readToolConfig, runEvidence, toolInvocations, toolRun, warnUnread, type JsPackage } from './support.js';

const JS_TEMPLATE_EXTENSIONS = ['11ty.js', '11ty.cjs', '11ty.mjs'];
const DATA_CODE = /\.[cm]?js$/;
const DATA_FILE = /^(.+)\.11tydata\.[cm]?js$/;
const DIRS = ['input', 'output', 'includes', 'layouts', 'data'] as const;
type DirKey = (typeof DIRS)[number];
const DEFAULTS: Record<DirKey, string> = { input: '.', output: '_site', includes: '_includes', layouts: '', data: '_data' };
const SETTERS: Record<string, DirKey> = { setInputDirectory: 'input', setOutputDirectory: 'output', setIncludesDirectory: 'includes', setLayoutsDirectory: 'layouts', setDataDirectory: 'data' };

/** One folder setting: its value and why (for evidence), or null when computed. */
interface Setting {
  value: string;
  why: string;
  line?: number;
}

/** One eleventy command (or none: the defaults) in a package: its config and command-line folders. */
interface Run {
  config: string | null;
  input: string | null;
  output: string | null;
  formats: string | null;
}

const sameRun = (a: Run, b: Run): boolean => a.config === b.config && a.input === b.input && a.output === b.output && a.formats === b.formats;

const runOf = (ctx: FrameworkContext, pkg: JsPackage, args: string[]): Run => {
  const named = configArg(args, ['--config']);
  const config = named === null ? defaultConfigIn(ctx.files, pkg.dir) : joinRepo(pkg.dir, named);
  return { config: config !== null && ctx.files.has(config) ? config : null, input: configArg(args, ['--input']), output: configArg(args, ['--output']), formats: configArg(args, ['--formats']) };
};

/** The distinct eleventy runs of a package: one per set of command-line choices, the defaults when nothing runs it. */
const runsOf = (ctx: FrameworkContext, pkg: JsPackage): Run[] => {
  const runs: Run[] = [];
  for (const call of toolInvocations(ctx, ['eleventy'])) {
    if (call.cwd !== pkg.dir) continue;
    const run = runOf(ctx, pkg, call.args);
    if (!runs.some((r) => sameRun(r, run))) runs.push(run);
  }
  return runs.length > 0 ? runs : [runOf(ctx, pkg, [])];
};

/** A string list value (`'njk,md'` or `['njk', 'md']`), or null when absent or computed. */
const formatList = (value: ConfigValue | null): string[] | null => {
  if (value?.kind === 'string') return value.value.split(',').map((f) => f.trim());
  if (value?.kind === 'array') return value.items.flatMap((i) => (i.kind === 'string' ? [i.value] : []));
  return null;
};

interface ConfigFacts {
  dirs: Partial<Record<DirKey, Setting | null>>;
  formats: string[] | null;
  extensions: string[];
  ignores: string[];
}

/** What a config says about folders, formats, extensions and ignores. */
const readConfig = (ctx: FrameworkContext, config: string, out: FrameworkOutput): ConfigFacts => {
  const facts: ConfigFacts = { dirs: {}, formats: null, extensions: [], ignores: [] };
  const text = ctx.readText(config);
  if (text === null) return facts;
  // The object the config function returns wins over the `config` it exports.
  const returned = readToolConfig(ctx, config, out.diagnostics, 'eleventy').value;
  const exported = readConfigExport(config, text, 'config').value;
  const unread: { line: number; text: string }[] = [];
  for (const key of DIRS) {
    const v = configAt(returned, 'dir', key) ?? configAt(exported, 'dir', key);
    if (v?.kind === 'string') facts.dirs[key] = { value: v.value, why: `${config}:${v.line} dir.${key} "${v.value}"`, line: v.line };
    else if (v?.kind === 'unknown') {
      unread.push({ line: v.line, text: v.text });
      facts.dirs[key] = null;
    }
  }
  facts.formats = formatList(configAt(returned, 'templateFormats') ?? configAt(exported, 'templateFormats'));
  for (const call of callsIn(config, text, /\.(?:set(?:Input|Output|Includes|Layouts|Data)Directory|setTemplateFormats|addTemplateFormats|addExtension|ignores\.add)$/)) {
    const method = call.name.split('.').pop() ?? '';
    const arg = call.args[0] ?? null;
    const setter = SETTERS[method];
    if (setter !== undefined) {
      if (arg?.kind === 'string') facts.dirs[setter] = { value: arg.value, why: `${config}:${call.line} ${method}("${arg.value}")`, line: call.line };
      else {
        unread.push({ line: call.line, text: arg?.kind === 'unknown' ? arg.text : `${method}(…)` });
        facts.dirs[setter] = null;
      }
    } else if (method === 'setTemplateFormats') facts.formats = formatList(arg);
    else if (method === 'addTemplateFormats') facts.formats = facts.formats && [...facts.formats, ...(formatList(arg) ?? [])];
    else if (method === 'addExtension') facts.extensions.push(...(formatList(arg) ?? []).filter((e) => e.startsWith('11ty.')));
    else if (call.name.endsWith('ignores.add') && arg?.kind === 'string') facts.ignores.push(arg.value);
  }
  warnUnread(out.diagnostics, 'eleventy', config, unread, 'an Eleventy folder');
  return facts;
};

const clean = (path: string): string => path.replace(/^\.\//, '').replace(/\/+$/, '');

/** A matcher for ignore globs relative to `base`: a glob, or a folder and all below it. */
const ignoreMatcher = (base: string, globs: string[]): ((file: string) => boolean) => {
  const matchers = globs.flatMap((g) => {
    const glob = clean(g.trim());
    if (glob === '' || glob.startsWith('#') || glob.startsWith('!')) return [];
    const rooted = joinRepo(base, glob);
    return rooted === null ? [] : [compileRepoGlob(rooted), compileRepoGlob(`${rooted}/**`)];
  });
  return (file) => matchers.some((m) => m(file));
};

const ignoreFileLines = (ctx: FrameworkContext, dir: string): string[] => {
  const path = joinRepo(dir, '.eleventyignore');
  return path === null ? [] : (ctx.readText(path)?.split(/\r?\n/) ?? []);
};

const under = (dir: string, file: string): boolean => dir === '' || file.startsWith(`${dir}/`);

/** The conventional files of one eleventy run of a package, as roots. */
const collectRun = (ctx: FrameworkContext, pkg: JsPackage, r: Run, facts: ConfigFacts, out: FrameworkOutput): void => {
  const source = r.config ?? pkg.manifest;
  const setting = (key: DirKey, cli: string | null): Setting | null => {
    if (cli !== null) return { value: cli, why: `eleventy --${key}=${cli}` };
    const set = facts.dirs[key];
    if (set !== undefined) return set;
    return { value: DEFAULTS[key], why: `dir.${key} "${DEFAULTS[key]}" (Eleventy's default)` };
  };
  const inputSetting = setting('input', r.input);
  if (inputSetting === null) return;
  // `--input` may name one file or a glob of templates; only a folder is read here.
  if (/[*?{]/.test(inputSetting.value) || /\.\w+$/.test(basename(inputSetting.value))) return;
  const input = joinRepo(pkg.dir, clean(inputSetting.value) || '.');
  if (input === null) return;
  const folder = (key: DirKey, cli: string | null): { dir: string; why: string } | null => {
    const s = setting(key, cli);
    if (s === null) return null;
    const dir = joinRepo(input, clean(s.value) || '.');
    return dir === null ? null : { dir, why: s.why };
  };
  const output = setting('output', r.output);
  const outputDir = output === null ? null : joinRepo(pkg.dir, clean(output.value) || '.');
  const includes = folder('includes', null);
  const layouts = facts.dirs.layouts === undefined ? includes : folder('layouts', null);
  const data = folder('data', null);
  const formats = r.formats !== null ? r.formats.split(',').map((f) => f.trim()) : facts.formats;
  // `.11ty.cjs` and `.11ty.mjs` are the 11ty.js format.
  const rendered = (ext: string): boolean => {
    const format = JS_TEMPLATE_EXTENSIONS.includes(ext) ? '11ty.js' : ext;
    return formats === null || formats.includes(format) || formats.includes('*');
  };
  const extensions = [...JS_TEMPLATE_EXTENSIONS, ...facts.extensions].filter((e, i, all) => all.indexOf(e) === i);
  const templateExt = (file: string): string | null => extensions.find((e) => file.endsWith(`.${e}`)) ?? null;
  const ignored = ignoreMatcher(pkg.dir, [...ignoreFileLines(ctx, pkg.dir), ...facts.ignores]);
  const ignoredInInput = input === pkg.dir ? () => false : ignoreMatcher(input, ignoreFileLines(ctx, input));
  const skip = (file: string): boolean =>
    file.includes('node_modules/') || (outputDir !== null && outputDir !== input && outputDir !== pkg.dir && under(outputDir, file)) || ignored(file) || ignoredInInput(file);

  const run = toolRun(ctx, pkg.dir, ['eleventy'], { bundler: true, args: (args) => sameRun(runOf(ctx, pkg, args), r) });
  const kind = kindOf(run);
  const by = runEvidence(run, 'eleventy');
  const add = (file: string, what: string, line?: number) =>
    out.entries.push({ source, target: file, targetKind: 'file', kind, evidence: `${what} (${by})`, ...(line !== undefined && source === r.config ? { line } : {}) });
  const inputWhy = `the input folder "${input || '.'}" (${inputSetting.why})`;
  const inputLine = inputSetting.line;

  const layoutDirs = [includes, layouts].filter((d): d is { dir: string; why: string } => d !== null);
  const inLayouts = (file: string) => layoutDirs.find((d) => under(d.dir, file));
  const inData = (file: string) => data !== null && under(data.dir, file);

  // Layouts and includes (their folders may lie outside the input folder).
  for (const d of layoutDirs) {
    for (const file of pathsWithPrefix(ctx.files, d.dir === '' ? '' : `${d.dir}/`)) {
      if (skip(file) || templateExt(file) === null) continue;
      add(file, `${file} is a JavaScript layout or include Eleventy loads from the folder "${d.dir || '.'}" (${d.why}) of ${inputWhy}`, inputLine);
    }
  }
  // Global data.
  if (data !== null) {
    for (const file of pathsWithPrefix(ctx.files, data.dir === '' ? '' : `${data.dir}/`)) {
      if (skip(file) || !DATA_CODE.test(file) || inLayouts(file)) continue;
      add(file, `${file} is global data Eleventy loads from the data folder "${data.dir || '.'}" (${data.why}) of ${inputWhy}`, inputLine);
    }
  }
  // Templates and their data files, under the input folder.
  for (const file of pathsWithPrefix(ctx.files, input === '' ? '' : `${input}/`)) {
    if (!file.includes('.11ty') || skip(file) || inLayouts(file) || inData(file)) continue;
    const ext = templateExt(file);
    if (ext !== null) {
      if (rendered(ext)) add(file, `${file} is a JavaScript template (.${ext}) Eleventy renders into the site from ${inputWhy}`, inputLine);
      continue;
    }
    const stem = DATA_FILE.exec(basename(file))?.[1];
    if (stem === undefined) continue;
    const folderOf = dirname(file);
    if (stem === basename(folderOf === '' ? pkg.dir || '.' : folderOf)) {
      add(file, `${file} is the directory data file Eleventy loads for the templates in "${folderOf || '.'}/" (${inputWhy})`, inputLine);
      continue;
    }
    const prefix = `${folderOf === '' ? '' : `${folderOf}/`}${stem}.`;
    const template = pathsWithPrefix(ctx.files, prefix).find((f) => dirname(f) === folderOf && !DATA_FILE.test(basename(f)) && !/\.11tydata\.json$/.test(f) && f !== `${prefix}json`);
    if (template !== undefined) add(file, `${file} is the template data file Eleventy loads for ${template} (${inputWhy})`, inputLine);
  }
};

/** Every eleventy run of a package: the conventional files of its site. */
export const collectSites = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  // Several runs share a config (`eleventy` and `eleventy --serve`): it is read, and warned about, once.
  const read = new Map<string, ConfigFacts>();
  for (const r of runsOf(ctx, pkg)) {
    let facts: ConfigFacts = { dirs: {}, formats: null, extensions: [], ignores: [] };
    if (r.config !== null) {
      const known = read.get(r.config);
      if (known === undefined) read.set(r.config, (facts = readConfig(ctx, r.config, out)));
      else facts = known;
    }
    collectRun(ctx, pkg, r, facts, out);
  }
};
