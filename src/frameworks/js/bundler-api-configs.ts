/**
 * A bundler config the package's own code runs through the bundler's Node API: apidoc's
 * lib/writer.js:97 requires `this.path.resolve(this.path.join(this.opt.template, 'src',
 * 'webpack.config.js'))` and hands it to `webpack(…)` (:123) whenever it writes docs. The config
 * (template/src/webpack.config.js) is below the package root, where the webpack reader does not
 * look, and its `entry` (template/src/main.js and what it imports) is what apidoc bundles into
 * every site it writes. Such a config is read like a root one (webpack.ts configReferences), and
 * is reached from the code that requires it, which gives it its kind.
 *
 * Read: in a module that binds webpack or @rspack/core (`const webpack = require('webpack')`,
 * `import webpack from 'webpack'`, `const { rspack } = require('@rspack/core')`, the one binder
 * module-binding.ts) and runs it (calls it or hands
 * it on as a value: `runs` below), a `require(…)`/`import(…)`
 * that names a config file of that bundler (webpack.ts's names: `webpack.config.js`, …):
 * - a literal relative path, or a path folder-expr.ts settles (`path.join(__dirname, 'webpack.config.js')`):
 *   that file;
 * - a relative template (``require(`../webpack/${name}/webpack.config`)``, apostrophe's asset task):
 *   each config file its literal parts allow, one folder name for each substitution;
 * - a join whose base is computed and whose trailing literal parts give a folder and the file
 *   name (`join(opt.template, 'src', 'webpack.config.js')`): each config of the module's own package
 *   whose path ends with them.
 * Where it stops: a module that does not bind the bundler, or only reads members off it (it may read
 * the config as data, not run it); a computed join ending in the file name alone
 * (`join(process.cwd(), 'webpack.config.js')` is the user's config, not one of the package's), or
 * based on the working folder (`process.cwd()`, a `cwd` name, a name assigned from one); a config of another
 * package; a call in a comment or a string; entries that are computed (`entry: importFile`) name
 * nothing, as in a root config.
 */
import { basename, dirname, joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { assignmentsIn, folderOf, splitArgs, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { moduleAliases } from '../../languages/javascript/module-binding.js';
import { insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { callArgsText } from './parameter-values.js';
import { codeFilesMarked, dependsOn, enclosingPackages, fileReference, jsPackages, sortedFiles } from './support.js';
import { configReferences, WEBPACK, type WebpackLikeSpec } from './webpack.js';
import { RSPACK } from './rspack.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { blankedText } from './blanked-texts.js';

/** The modules whose Node API builds a webpack-format config, and the config names each takes. */
const BUNDLERS: ReadonlyMap<string, WebpackLikeSpec> = new Map([['webpack', WEBPACK], ['@rspack/core', RSPACK]]);
/**
 * The bundler's function by name, as its own docs bind it (`const { rspack } = require('@rspack/core')`,
 * `import { webpack } from 'webpack'`): review rm4 of stop 57, the whole module only had been read.
 */
const COMPILER_EXPORTS: ReadonlySet<string> = new Set(['webpack', 'rspack']);
/** Node's loader, not another object's `require`/`import` method. */
const LOAD = /(?<![\w$.])(?:require|import)\s*\(/g;
/** One string literal, whole. */
const STRING = /^(['"])([^'"\n]*)\1$/;
/** The code extensions Node completes `…/webpack.config` with. */
const COMPLETIONS = ['', '.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];

/** `spec`'s config file at `base` as Node completes it, or null. */
const configAt = (ctx: FrameworkContext, spec: WebpackLikeSpec, base: string): string | null => {
  for (const ext of COMPLETIONS) if (ctx.files.has(base + ext) && spec.config.test(basename(base + ext))) return base + ext;
  return null;
};

/** The process's working folder: `process.cwd()` in the expression, or a `cwd` name (`opts.cwd`). */
const CWD = /\bprocess\s*\.\s*cwd\s*\(\s*\)|(?:^|\.)\s*cwd\s*\)?$/;

/**
 * Whether a join's base is the working folder, the user's project and not the package: written so, or a
 * plain name the module assigns from it anywhere (`const root = process.cwd()`, a default `(root =
 * process.cwd())`); review rm4 of stop 57: a CLI building the user's `join(root, 'config', 'webpack.config.js')`
 * read the package's own scaffold template config as built.
 */
const workingFolder = (base: string, text: string): boolean =>
  CWD.test(base) || (/^[A-Za-z_$][\w$]*$/.test(base) && assignmentsIn(base, text, { start: 0, end: text.length }).some((a) => CWD.test(a.value)));

/**
 * The trailing literal parts of a join whose base is computed (`join(opt.template, 'src', 'x.js')` →
 * ['src', 'x.js']), with `head`, the folder its leading parts settle when they do (`join(__dirname,
 * '..', 'themes', theme, 'src', 'x.js')` → themes: review rm4 of stop 57, an examples/ config ending
 * the same was read as a theme), or null.
 */
const joinTail = (arg: string, file: string, text: string): { tail: string[]; head: string | null } | null => {
  // `path.resolve(path.join(…))`: the innermost join holds the parts.
  let expr = arg.trim();
  for (let m = /^[\w$.]*\b(?:join|resolve)\s*\(([\s\S]*)\)$/.exec(expr); m; m = /^[\w$.]*\b(?:join|resolve)\s*\(([\s\S]*)\)$/.exec(expr)) {
    const parts = splitArgs(m[1]).map((p) => p.trim());
    if (parts.length === 1) {
      expr = parts[0];
      continue;
    }
    if (parts.length < 2 || workingFolder(parts[0], text) || STRING.test(parts[0])) return null;
    const tail: string[] = [];
    for (let i = parts.length - 1; i > 0; i--) {
      const s = STRING.exec(parts[i]);
      if (!s) break;
      tail.unshift(...s[2].split('/').filter((x) => x !== '' && x !== '.'));
    }
    if (tail.length < 2 || tail.includes('..')) return null;
    const computed = parts.findIndex((p, i) => i > 0 && !STRING.test(p));
    const base = folderOf(templateAsJoin(parts[0]), file, text);
    const lead = parts.slice(1, computed < 0 ? 1 : computed).map((p) => STRING.exec(p)?.[2] ?? '');
    return { tail, head: base === null ? null : joinRepo(base, ...lead) };
  }
  return null;
};

/** A relative template's files as a pattern over repo paths (one folder name per substitution), or null. */
const templatePattern = (arg: string, file: string): RegExp | null => {
  const t = /^`(\.{1,2}\/[^`]*)`$/.exec(arg.trim());
  if (!t || !t[1].includes('${')) return null;
  // `../webpack/${name}/webpack.config` from lib/build: the folder before the first substitution is a path, the rest a pattern.
  const open = t[1].indexOf('${');
  const folder = t[1].slice(0, t[1].lastIndexOf('/', open) + 1);
  const anchored = joinRepo(dirname(file), folder.replace(/\/$/, ''));
  if (anchored === null) return null;
  const rest = t[1].slice(folder.length).split(/\$\{[^{}]*\}/);
  if (rest.some((p) => p.includes('${') || p.includes('`'))) return null;
  return new RegExp(`^${escapeRegExp(anchored === '' ? '' : `${anchored}/`)}${rest.map(escapeRegExp).join('[^/]+')}(?:\\.[cm]?[jt]s)?$`);
};

/**
 * Whether the module runs the bundler it binds as `local`: calls it (`webpack(config)`, tsc's
 * `(0, webpack_1.default)(config)`) or hands it on as a value (apostrophe's
 * `Promise.promisify(webpackModule)`). A module that only reads members off it (`new
 * webpack.DefinePlugin(…)` in a storybook main.js that borrows a config's `module.rules`) builds
 * nothing (review rm4 of stop 57).
 */
const runs = (text: string, quoted: number[], local: string): boolean => {
  const name = escapeRegExp(local);
  const use = new RegExp(String.raw`(?<![\w$.])${name}(?:\s*\.\s*default)?\s*\)?\s*\(|[(,]\s*${name}\s*[),]`, 'g');
  for (const m of text.matchAll(use)) if (!insideQuoted(text, quoted, m.index ?? 0)) return true;
  return false;
};

interface Found {
  from: string;
  line: number;
  config: string;
  spec: WebpackLikeSpec;
  how: string;
}

/** The configs one `require(arg)` names for `spec`. */
const configsNamed = (ctx: FrameworkContext, spec: WebpackLikeSpec, file: string, text: string, arg: string): { config: string; how: string }[] => {
  const s = STRING.exec(arg.trim());
  if (s) {
    if (!/^\.{1,2}\//.test(s[2])) return [];
    const base = joinRepo(dirname(file), s[2]);
    const config = base === null ? null : configAt(ctx, spec, base);
    return config ? [{ config, how: '' }] : [];
  }
  const settled = folderOf(templateAsJoin(arg), file, text);
  if (settled !== null) {
    const config = configAt(ctx, spec, settled);
    return config ? [{ config, how: '' }] : [];
  }
  const pattern = templatePattern(arg, file);
  if (pattern !== null) return sortedFiles(ctx).filter((f) => pattern.test(f) && spec.config.test(basename(f))).map((config) => ({ config, how: ` (${arg.trim()}: one folder name for each computed part)` }));
  const joined = joinTail(arg, file, text);
  if (joined === null || !spec.config.test(joined.tail[joined.tail.length - 1])) return [];
  const { tail, head } = joined;
  const under = head === null || head === '' ? '' : `${head}/`;
  const own = enclosingPackages(ctx, dirname(file))[0];
  if (own === undefined) return [];
  const suffix = `/${tail.join('/')}`;
  const prefix = own.dir === '' ? '' : `${own.dir}/`;
  return sortedFiles(ctx)
    .filter((f) => f.endsWith(suffix) && f.startsWith(prefix) && f.startsWith(under) && enclosingPackages(ctx, dirname(f))[0] === own)
    .map((config) => ({ config, how: ` (a path ending in '${tail.join('/')}'${under === '' ? '' : ` below ${head}`})` }));
};

const found = perScan((ctx): Found[] => {
  const out: Found[] = [];
  // Only a scan with a package that declares the bundler has modules that run it.
  if (!jsPackages(ctx).some((p) => [...BUNDLERS.keys()].some((m) => dependsOn(p, m)))) return out;
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    const written = ctx.readText(file) ?? '';
    if (!written.includes('webpack') && !written.includes('rspack')) continue;
    // A call in a comment (retired code) or in a string (a usage message) loads nothing.
    const text = blankedText(ctx, file, written);
    const quoted = quotedSpans(text);
    const bound = moduleAliases(text, (m) => BUNDLERS.has(m), true, COMPILER_EXPORTS).filter((a) => (a.member === null || COMPILER_EXPORTS.has(a.member)) && runs(text, quoted, a.local));
    if (bound.length === 0) continue;
    const spec = BUNDLERS.get(bound[0].module) as WebpackLikeSpec;
    for (const m of text.matchAll(LOAD)) {
      const at = m.index ?? 0;
      if (insideQuoted(text, quoted, at)) continue;
      const arg = callArgsText(text, at + m[0].length - 1);
      if (arg === null || !/webpack|rspack/.test(arg)) continue;
      for (const { config, how } of configsNamed(ctx, spec, file, text, arg)) {
        if (config !== file) out.push({ from: file, line: lineAt(text, at), config, spec, how });
      }
    }
  }
  return out;
});

const bundlerApiConfigs: FrameworkReader = {
  id: 'bundler-api-configs',
  title: "webpack-format configs a module runs through the bundler's Node API (require(join(dir, 'src', 'webpack.config.js')) then webpack(config))",
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = found(ctx)[0];
    return first ? `${first.from}:${first.line} runs ${first.config} through ${first.spec.tool}'s Node API` : null;
  },
  collect: (ctx) => {
    const out: FrameworkOutput = emptyFrameworkOutput();
    const read = new Set<string>();
    for (const f of found(ctx)) {
      out.references.push(fileReference(f.from, f.config, f.line, `required by ${f.from}:${f.line}${f.how}, which binds ${f.spec.tool}'s Node API to build the config`));
      if (read.has(f.config)) continue;
      read.add(f.config);
      configReferences(ctx, f.spec, f.config, dirname(f.config), out);
    }
    return out;
  },
};

export default bundlerApiConfigs;
