/**
 * A module that spells out the path of a code file next to it — `path.resolve(__dirname,
 * 'clean-tokens.js')` handed to a job scheduler (Bree, Ghost's job manager), a process pool or an
 * environment variable (`GIT_ASKPASS`) — names that file for something to load or run, though it
 * never imports it. Each `path.join`/`path.resolve` of `__dirname` (or `import.meta.dirname`, or
 * `path.dirname(__filename)` / `path.dirname(module.filename)`, the same folder spelled out, as pm2
 * names the `ProcessContainer.js` it forks; in an ES module, which has no `__dirname`, a name it
 * declares for its folder: `const dirname = path.dirname(fileURLToPath(import.meta.url))`, as a
 * Payload job names its handler file) and string literals only, that ends at an existing
 * JS/TS file or single-file component (`.vue`, `.svelte`: a bundler alias such as a VuePress
 * theme's `'@AlgoliaSearchBox': path.resolve(__dirname, 'components/AlgoliaSearchBox.vue')`) other
 * than the module itself, is a reference from the module, with the line as evidence. Inside `require(…)` the path is completed as Node completes it (`X.js`, `X.cjs`,
 * `X.mjs`, then `X/index.js`): `require(path.join(__dirname, '../config'))`. A last part that is a template with a
 * computed name and a literal extension (`path.resolve(__dirname, 'jobs', `${name}.js`)`, the
 * job a test-mode route schedules by its URL's name; or the same written as a `+` chain of one
 * name and literals, `require(path.join(__dirname, "middleware", mw + ".js"))`, live-server's
 * middleware by the names its options give; or a template that opens with the folder,
 * `` `${__dirname}/middleware/${name}.js` ``) names every code file of that folder the
 * literal parts allow, as the same `require()` would (computed-specifier.ts), tests left out; a
 * computed part anywhere else, or one that spans folders, is not followed. A name that opens the
 * last part (`${name}.js`, not `job-${name}.js`) may hold `/` (Haraka enables its core plugin
 * `queue/smtp_forward` by that name), so it reaches the folder's subfolders too, as webpack's context
 * for the same expression does. The base may also be a parameter of the function the path is built
 * in, when a call of that function in the same file passes the module's folder there (Haraka's
 * `plugin_search_paths(__dirname, name)` → `path.resolve(prefix, 'plugins', `${name}.js`)`;
 * parameter-values.ts); a call passing anything else (an environment variable) adds nothing. A path
 * handed to a byte-use call, or held in a name whose every later use is one (support.ts byteUse), is
 * read by what the call does: read or copied (a scaffolder's `fs.copySync(path.join(__dirname,
 * '../template/server.js'), …)`) the file is used as data and the reference says so; only written,
 * removed or tested for, it names no file in use. Tool configs (`webpack.prod.js`, `vite.config.ts`, `.babelrc.js`) are left to their
 * own readers, which say what a path there is (an entry, a loader alias, a page template).
 *
 * Stop 51: the path module under a name of the file's own (`pth = require('path')`) reads as `path`;
 * a literal join may also end at a shell or Python script or a program without an extension, which
 * (stop 52) counts only with a use the text shows, its bytes read or the path run (script-use.ts);
 * a last part read off a literal table a loop walks (`TABLE[KEY].FIELD` in a `for…in` or
 * `Object.keys(TABLE).forEach`, `ITEM.FIELD` in a `for…of` over a literal list) names each entry's
 * file (for-in-tables.ts).
 */
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { compileRepoGlob } from '../../util/glob.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { byteUse, codeFilesMarked, fileReference, resolveToolPath, type DataUse } from './support.js';
import { lineAt, lineOfOffset, lineStarts } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { ownPathNames } from '../../languages/javascript/static-value.js';
import { perScan } from '../per-scan.js';
import { callArguments, type CallArgument, enclosingFunction } from './parameter-values.js';
import { forOfNames, holdsTableLoops, tableReader } from './for-in-tables.js';
import { lookedUpTable } from './lookup-tables.js';
import { scriptUse } from './script-use.js';
import { shadowedBetween } from './shadowed-names.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import { moduleAliasedAsSource } from '../../languages/javascript/module-binding.js';
import { blankedText } from './blanked-texts.js';
import { literalTexts } from '../../languages/javascript/folder-expr.js';
import { localFolderAt } from './local-folder-names.js';
import { assignedFileNames, namesAssignedFileNames } from './assigned-file-names.js';
import { packageJsonObject } from '../../manifests/package-json.js';

const CODE = /\.[cm]?[jt]sx?$/;
/** The path module, as compiled CommonJS binds it (`const path_1 = tslib_1.__importDefault(require("path"))`), read as `path`. */
export const PATH_NAMES: Readonly<Record<string, string>> = { path: 'path', 'node:path': 'path' };
/**
 * Parts of the path module that are path modules of their own: `const { posix: pp } = require('path')`, then `pp.join(…)`.
 * Stop 54: `win32` too: its join names the same file where Windows runs the module (`\` between the parts), and a file
 * loaded on one platform is in use.
 */
const PATH_NAMESPACES: ReadonlySet<string> = new Set(['posix', 'win32']);
/**
 * What a literal anchored path may end at: code, a component file a bundler compiles, or (stop 51)
 * a script the module runs or reads: shell or Python, or a program without an extension (pm2 reads
 * `lib/completion.sh`, named by `pth.join(__dirname, 'completion.sh')`, and runs `lib/tools/xdg-open`
 * by `execFile(cmd, …)` after `cmd = appName || path.join(__dirname, './xdg-open')`).
 */
const LITERAL_TARGET = /\.[cm]?[jt]sx?$|\.(?:vue|svelte|sh|bash|zsh|py)$|(?:^|\/)[^./]+$/;
/** Tool configs, whose own readers say what a path there is (path-wrappers leaves them too). */
export const TOOL_CONFIG = /(?:^|[.-])(?:config|conf)\.[cm]?[jt]s$|^\.?[\w-]+rc\.[cm]?[jt]s$|^(?:webpack|rollup|vite|vitest|rspack|esbuild|gulpfile|gruntfile)(?:\.[\w-]+)*\.[cm]?[jt]s$/i;
/** A bare JavaScript `config.js`/`conf.js` (no tool's name before it). */
const BARE_CONFIG = /^(?:config|conf)\.[cm]?js$/i;

/**
 * Whether `file` is a tool config (TOOL_CONFIG on its name). A bare `config.js` is one only at a
 * package's root (a package.json beside it) or in a dot-folder (VuePress' `.vuepress/config.js`);
 * elsewhere it is the app's own settings module, which its code requires. A bare `config.ts` stays
 * a tool's (Payload's test suites each have one, which payload-configs.ts reads): a published
 * settings module is compiled JavaScript. browser-sync's
 * `dist/config.js` names `template: path.join(__dirname, "..", "templates/cli-template.js")`, which
 * `browser-sync init` reads (dist/cli/cli-info.js:39) to write the user's bs-config.js (Stop 60).
 * Stop 64: a package.json whose `main` names no file from its folder (a copy of the manifest) makes no root.
 */
export const isToolConfig = (ctx: FrameworkContext, file: string): boolean => {
  const name = basename(file);
  if (!TOOL_CONFIG.test(name)) return false;
  if (!BARE_CONFIG.test(name)) return true;
  const dir = dirname(file);
  if (basename(dir).startsWith('.')) return true;
  const manifest = dir === '' ? 'package.json' : `${dir}/package.json`;
  if (!ctx.files.has(manifest)) return false;
  // Stop 64: a package.json whose `main` names no file from its own folder is a copy of the package's
  // manifest, not a package root: @remix-run/dev publishes dist/package.json (`"main": "dist/index.js"`)
  // beside dist/config.js, the settings module whose readConfig picks the default entry files.
  const main = packageJsonObject(ctx.manifests, manifest)?.main;
  return typeof main !== 'string' || resolveToolPath(ctx, dir, main.startsWith('.') ? main : `./${main}`) !== null;
};
/** The module's own folder: `__dirname`, `import.meta.dirname`, `path.dirname(__filename)`, `path.dirname(module.filename)`. */
export const OWN_FOLDER = /(?:__dirname|import\.meta\.dirname|(?:\bpath\s*\.\s*)?dirname\(\s*(?:__filename|module\.filename)\s*\))/.source;
/** The base of a join: the module's folder, or a name (a parameter the function's callers may pass the folder in). */
const BASE = `(${OWN_FOLDER}|[A-Za-z_$][\\w$]*)`;
export const OWN_FOLDER_ONLY = new RegExp(`^${OWN_FOLDER}$`);
/** A join's head up to its base: `path.join(BASE`, `require('path').resolve(BASE`, a bare `join(BASE` (destructured), `path.posix.join(BASE` (stop 53: POSIX joins name the same file where census runs), `path.win32.join(BASE` (stop 54: the same file on Windows); the method and the base are groups 1 and 2. */
const JOIN_HEAD = String.raw`(?:\bpath\s*\.\s*(?:(?:posix|win32)\s*\.\s*)?|\brequire\(\s*["'](?:node:)?path["']\s*\)\s*\.\s*(?:(?:posix|win32)\s*\.\s*)?|(?<![\w$.]))(join|resolve)\(\s*${BASE}\s*`;
/** One plain string part: `"a"`, `'a'`, `` `a` `` with no substitution. */
const LITERAL_PART = String.raw`(?:"[^"\n]*"|'[^'\n]*'|` + '`[^`$\\n]*`)';
/** The literal parts after the base (group 3), each after a comma. */
const LITERAL_PARTS = String.raw`((?:,\s*${LITERAL_PART}\s*)*)`;
const NAME = '[A-Za-z_$][\\w$]*';

const ANCHORED = new RegExp(String.raw`${JOIN_HEAD}((?:,\s*${LITERAL_PART}\s*)+),?\s*\)`, 'g');

/** The same, ending in a template with a computed name: `path.resolve(__dirname, 'jobs', `${name}.js`)`, or the same name written as a `+` chain: `path.join(__dirname, 'middleware', mw + '.js')`. */
const ANCHORED_TEMPLATE = new RegExp(String.raw`${JOIN_HEAD}${LITERAL_PARTS},\s*(?:` + '`' + String.raw`((?:[^` + '`' + String.raw`\\\n$]|\$(?!\{))*\$\{[^` + '`' + String.raw`\n]*)` + '`' + String.raw`|((?:(?:"[^"\n]*"|'[^'\n]*')\s*\+\s*)?${NAME}(?:\s*\.\s*${NAME})*\s*\+\s*(?:"[^"\n]*"|'[^'\n]*')))\s*,?\s*\)`, 'g');

/** The same, ending in an entry of a table a loop walks by key: `path.join(__dirname, 'agents', list[id].localname)` (for-in-tables.ts). */
const ANCHORED_TABLE = new RegExp(String.raw`${JOIN_HEAD}${LITERAL_PARTS},\s*(${NAME})\s*\[\s*(${NAME})\s*\](?:\s*\.\s*(${NAME}))?\s*,?\s*\)`, 'g');
/** The same, ending in the item a `for…of` over a literal list gives: `path.join(__dirname, 'agents', s.file)`. */
const ANCHORED_ITEM = new RegExp(String.raw`${JOIN_HEAD}${LITERAL_PARTS},\s*(${NAME})(?:\s*\.\s*(${NAME}))?\s*,?\s*\)`, 'g');

/** A lookup by a name closing a call, `T[k])` or `T[k],\n)` (`T[k] )` is not looked for): the test before the constant-table joins are looked for. */
const LOOKUP_LAST = /\[\s*[A-Za-z_$][\w$]*\s*\]\s*,?\s*\)/;

/** A template that opens with the folder and ends in a computed name: `${__dirname}/middleware/${name}.js`. */
const FOLDER_TEMPLATE = new RegExp(String.raw`\`\$\{\s*${BASE}\s*\}((?:\/[^\`$/\\\n]+)*)\/((?:[^\`\\\n$/]|\$(?!\{))*\$\{[^\`\n]*)\``, 'g');

/**
 * Stop 65: the folder and one literal joined by `+`, older Node code's spelling of the same join:
 * `__dirname + '/multi_require/main.js'` (browserify's tests hand their fixtures to browserify() so). The
 * literal opens with `/` and ends the expression (`__dirname + '/plugins/' + name` is not one file).
 */
/** Node's require, whose `__dirname + '/x'` argument the JS extractor reads itself; a method `b.require(…)` (browserify's) is not Node's require. */
const EXTRACTED_REQUIRE = /(?<![\w$.])require\(\s*$/;
/**
 * child_process's runs, which the extractor reads too, but only in a file that names child_process: a
 * `pool.fork(__dirname + '/w.js')` or threads' `spawn(…)` is no child_process run the extractor sees, and
 * skipping it left the file dead (review s65-rv5).
 */
const EXTRACTED_RUN = /\b(?:fork|spawn(?:Sync)?|execFile(?:Sync)?)\(\s*$/;
const FOLDER_CONCAT = new RegExp(String.raw`(${OWN_FOLDER})\s*\+\s*(?:'\/([^'\n]*)'|"\/([^"\n]*)")(?!\s*[+.\[])`, 'g');

/** `'x-' + name + '.js'` (a `+` chain of literals and one name) as the template it spells: `x-${name}.js`. */
const concatAsTemplate = (chain: string): string =>
  [...chain.matchAll(/"([^"\n]*)"|'([^'\n]*)'|([A-Za-z_$](?:[\w$.\s]*[\w$])?)/g)].map((p) => p[1] ?? p[2] ?? '${' + p[3].replace(/\s+/g, '') + '}').join('');
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
/**
 * The words a module's own folder is spelled with (`__dirname`, `import.meta.dirname`, `__filename`,
 * `module.filename`, `import.meta.url`): one pattern, one pass. Five `includes` walked the whole text
 * of every file holding the first ones tested for none of them (payload's ES modules spell
 * `import.meta.url`, the last): 9-14 ms over its 380 files asked, the pattern 0.5-0.8.
 */
const ANCHOR = /__dirname|import\.meta\.(?:dirname|url)|__filename|module\.filename/;
const GLOB_CHARACTERS = /[*?[\]{}!]/;

/**
 * `${name}.js` → `*.js`: one computed name within the last segment, ending in a literal extension;
 * or (stop 59) a literal name whose extension alone is computed, `migration-template.${suffix}` →
 * `migration-template.*` (node-pg-migrate copies the template of the language a project writes its
 * migrations in; a scaffolder picks `component.${ext}` the same way); else null. The computed
 * extension takes no `/` and needs a literal stem: `${a}.${b}` would be any file of the folder.
 */
const namePattern = (template: string): string | null => {
  const literalParts = template.split(/\$\{[^}]*\}/);
  if (literalParts.some((p) => GLOB_CHARACTERS.test(p) || p.includes('${'))) return null;
  const pattern = literalParts.join('*').replace(/\*{2,}/g, '*');
  if (pattern.includes('/')) return null;
  if (/\*[^*]*\.[a-z]+$/i.test(pattern) || /^[^*]+\.\*$/.test(pattern)) return pattern;
  return null;
};

/** Text that ends where a `require(` argument starts. */
const REQUIRED_ARGUMENT = /\brequire\(\s*$/;
const COMPLETIONS = ['', '.js', '.cjs', '.mjs', '/index.js'];

/** What `require()` of this path loads, as Node completes it: the file, `X.js`, `X.cjs`, `X.mjs`, then `X/index.js`. */
export const nodeCompletion = (files: ReadonlySet<string>, path: string): string | null =>
  COMPLETIONS.map((c) => `${path}${c}`).find((p) => files.has(p) && CODE.test(p)) ?? null;

/** A last part without an extension: a program's name, or a script node completes. */
const BARE_NAME = /(?:^|\/)[^./]+$/;

/** Calls whose first argument is the program itself, which the system runs by its exact name (not `fork`, which hands it to node). */
const PROGRAM_CALLS = String.raw`(?<![\w$.])(?:exec|execSync|execFile|execFileSync|spawn|spawnSync|execa|execaSync|execaCommand|execaCommandSync)\s*\(\s*`;
const PROGRAM_BEFORE = new RegExp(`${PROGRAM_CALLS}$`);

/**
 * How the text runs a path node completes: handed to a call that starts a program (not `chmod`, not a
 * byte use), as a script for node, not as the program (review rm4 of stop 57: `execFileSync(path.join(__dirname,
 * 'bin', 'helper'))`, directly or through the name it is assigned to, runs bin/helper, never bin/helper.js); null when it shows none.
 */
const nodeRun = (text: string, file: string, at: number, end: number): string | null => {
  if (PROGRAM_BEFORE.test(text.slice(Math.max(0, at - 60), at))) return null;
  const use = scriptUse(text, file, at, end);
  if (use === null || !/hands it to (?!chmod)\w+\(\)/.test(use)) return null;
  const held = / \(as ([A-Za-z_$][\w$]*)\)$/.exec(use);
  return held !== null && new RegExp(String.raw`${PROGRAM_CALLS}${escapeRegExp(held[1])}\s*[,)]`).test(text) ? null : use;
};

interface Named {
  from: string;
  target: string;
  line: number;
  expr: string;
  /** How the module uses the file as data (reads or copies its bytes), when it does: the evidence says so. */
  data?: string;
}

/** The evidence's tail for a path read or copied as bytes: ` reads its bytes` (handed straight on), or ` and copies it at X:L` (through a name). */
export const dataUseNote = (text: string, file: string, at: number, use: DataUse): string =>
  use.at === at ? ` ${use.verb}` : `, ${use.verb} at ${file}:${lineAt(text, use.at)}`;

/** A code file or a component a bundler compiles: its path is evidence by itself (something may load it); a script's is not (script-use.ts). */
const LOADABLE = /\.[cm]?[jt]sx?$|\.(?:vue|svelte)$/;

/**
 * The evidence's tail for how the module uses the file its path names: the byte use when there is
 * one; for a script or program (not code), how the text reads or runs it, null when it shows neither
 * (a path only printed or returned names no file in use: review 2 finding 5).
 */
const useNote = (text: string, file: string, target: string, at: number, end: number, bytes: DataUse | null): string | undefined | null => {
  if (bytes !== null) return dataUseNote(text, file, at, bytes);
  return LOADABLE.test(target) ? undefined : scriptUse(text, file, at, end);
};

/**
 * Where a join's base names the module's folder: the base itself (`__dirname`), or a parameter of
 * the function around it that a call in the same file passes the module's folder in (`prefix`, with
 * the call's line for the evidence). Null when neither holds.
 */
/**
 * What baseNote asks of a text more than once, made once per text: a function's calls (one pass of the
 * whole text each; 20,000 joins in one function of a 476 KB file read it 20,000 times: 7 s) and lines.
 */
interface TextAsks {
  callersOf: (name: string, position: number) => readonly CallArgument[];
  lineOf: (at: number) => number;
}

const textAsks = (text: string): TextAsks => {
  const callers = new Map<string, CallArgument[]>();
  let starts: number[] | undefined;
  return {
    callersOf: (name, position) => {
      const key = `${position}:${name}`;
      let found = callers.get(key);
      if (found === undefined) callers.set(key, (found = callArguments(text, name, position)));
      return found;
    },
    lineOf: (at) => lineOfOffset((starts ??= lineStarts(text)), at),
  };
};

const baseNote = (text: string, base: string, at: number, folderNames: () => ReadonlySet<string>, asks: TextAsks): string | null => {
  const ownFolder = (expr: string): boolean => OWN_FOLDER_ONLY.test(expr) || folderNames().has(expr);
  if (OWN_FOLDER_ONLY.test(base)) return '';
  // Stop 54: a function between the name's binding and the join that takes a parameter of that name
  // (`roots.map(dirname => path.join(dirname, 'x.js'))`) joins onto its argument.
  if (folderNames().has(base)) return shadowedBetween(text, base, 0, at) ? null : '';
  const fn = enclosingFunction(text, at);
  const position = fn === null ? -1 : fn.params.indexOf(base);
  if (fn === null || position < 0 || shadowedBetween(text, base, fn.start, at)) return null;
  const call = asks.callersOf(fn.name, position).find((c) => ownFolder(c.text.trim()));
  return call === undefined ? null : `, ${base} = ${call.text.trim()} at line ${asks.lineOf(call.index)}`;
};

/** A computed name that opens the last part (`${name}.js`) may hold `/`: the pattern reaches subfolders (below a literal folder only). */
const spansFolders = (template: string): boolean => template.startsWith('${');

/**
 * Past this many names assigned file names the joins are read without first looking for each name's `NAME)`: a
 * text search per name over a minified bundle of thousands was quadratic (review s64-rv2).
 */
const FEW_ASSIGNED = 16;

const namedFiles = perScan((ctx): Named[] => {
  const out: Named[] = [];
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    if (isToolConfig(ctx, file)) continue;
    const written = ctx.readText(file) ?? '';
    if (!ANCHOR.test(written)) continue;
    // Stop 53: a join in a comment (`// job: path.join(__dirname, 'old-job.js')`) names nothing; strings are kept.
    const read = blankedText(ctx, file, written);
    // Compiled CommonJS read as its source (compiled-interop.ts): tsc's `path_1.default.resolve(__dirname, '../client/clientEntry.js')`
    // (a webpack entry @docusaurus/core's lib/webpack/client.js builds), Babel's `_path.default.join(…)`, `(0, path_1.join)(…)`.
    // Stop 51: the path module under a name of the file's own, pm2's `pth = require('path')`, read as `path` (stop 52: `import pth =
    // require('path')`, `await import('path')`, `const { join: pjoin } = require('path')` too; module-binding.ts).
    const aliased = moduleAliasedAsSource(read, PATH_NAMES, PATH_NAMESPACES, true);
    const text = asSource(aliased.text, PATH_NAMES);
    const asks = textAsks(text);
    // The evidence quotes the text as read (`path.join(…)`); on a line that spells an alias, it says which.
    const originalLines = aliased.aliases.size > 0 ? read.split('\n') : null;
    const shown = (expr: string, at: number): string => {
      const flat = expr.replace(/\s+/g, ' ');
      const line = originalLines?.[asks.lineOf(at) - 1];
      const alias = line === undefined ? undefined : [...aliased.aliases].find(([a]) => new RegExp(String.raw`(?<![\w$.])${escapeRegExp(a)}\s*[.(]`).test(line));
      return alias === undefined ? flat : `${flat}, ${alias[0]} being ${alias[1] === 'path' ? 'the path module' : alias[1]}`;
    };
    if (text.includes('+')) for (const m of text.matchAll(FOLDER_CONCAT)) {
      const at = m.index ?? 0;
      // The extractor already reads the same path handed to require() or to a child_process run (typedoc's
      // `fork(__dirname + "/../dist/cli.js")` is run by bin/typedoc): an edge of its own says more.
      const before = text.slice(Math.max(0, at - 40), at);
      if (EXTRACTED_REQUIRE.test(before) || (EXTRACTED_RUN.test(before) && text.includes('child_process'))) continue;
      const target = joinRepo(dirname(file), m[2] ?? m[3]);
      if (target === null || target === file || !LITERAL_TARGET.test(target) || !ctx.files.has(target)) continue;
      const bytes = byteUse(text, at);
      if (bytes === 'content-free') continue;
      const data = useNote(text, file, target, at, at + m[0].length, bytes);
      if (data === null) continue;
      out.push({ from: file, target, line: asks.lineOf(at), expr: shown(m[0], at), ...(data === undefined ? {} : { data }) });
    }
    // The join patterns below hold `join(` or `resolve(`: payload's large test files name their folder
    // and join nothing to it (116 of its 538 files marked dirname, 1.9 MB both patterns scanned for nothing).
    const joins = text.includes('join(') || text.includes('resolve(');
    if (!joins && !text.includes('${')) continue;
    // An ES module has no __dirname: the names it declares for its own folder stand for it (looked
    // for when a join's base is not spelled as the folder: two regexes over the text).
    let declared: ReadonlySet<string> | undefined;
    const folderNames = (): ReadonlySet<string> => (declared ??= ownPathNames(text)?.folders ?? new Set());
    if (joins) for (const m of text.matchAll(ANCHORED)) {
      // The target first: most joins (`path.join(root, 'x')` of some other folder) name no repo code file
      // beside the module, and the base's note (the enclosing function, its callers) is what costs.
      const parts = literalTexts(m[3]);
      let joined = joinRepo(dirname(file), ...parts);
      // Stop 62: a base the function declares as a join of the module's folder (local-folder-names.ts), looked
      // for only when the join read from the module's folder names no file and ends like a target (payload's
      // joins mostly name folders and data files: the declarations are not read for them).
      const local =
        OWN_FOLDER_ONLY.test(m[2]) || (joined !== null && ctx.files.has(joined)) || !LITERAL_TARGET.test(parts[parts.length - 1] ?? '')
          ? null
          : localFolderAt(text, m[2], m.index ?? 0, (b) => OWN_FOLDER_ONLY.test(b) || folderNames().has(b));
      if (local !== null) joined = joinRepo(dirname(file), ...local.parts, ...parts);
      let target = joined !== null && REQUIRED_ARGUMENT.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index)) ? nodeCompletion(ctx.files, joined) : joined;
      // Stop 57: a name without an extension that is no file but `X.js` is, handed to a run call (firebase-tools'
      // `args = [path.join(__dirname, "functionsEmulatorRuntime")]`, then `spawn(bin, args)`): only node finds
      // the script by that name, completing it as it completes a main module.
      const completed = target !== null && !ctx.files.has(target) && BARE_NAME.test(target) ? nodeCompletion(ctx.files, target) : null;
      if (completed !== null) target = completed;
      if (target === null || target === file || !LITERAL_TARGET.test(target) || !ctx.files.has(target)) continue;
      // Stop 49: a path only written, removed or tested for (`fs.writeFileSync(path.join(__dirname, 'gen.js'), …)`) names no file in
      // use; one read or copied as bytes (`fs.copySync(path.join(__dirname, '../template/x.js'), …)`) is used as data.
      const bytes = byteUse(text, m.index ?? 0);
      if (bytes === 'content-free' || (completed !== null && bytes !== null)) continue;
      const data = completed === null ? useNote(text, file, target, m.index ?? 0, (m.index ?? 0) + m[0].length, bytes) : nodeRun(text, file, m.index ?? 0, (m.index ?? 0) + m[0].length);
      if (data === null) continue;
      const note = local === null ? baseNote(text, m[2], m.index ?? 0, folderNames, asks) : `, ${m[2]} = ${local.expr} at line ${asks.lineOf(local.at)}`;
      if (note === null) continue;
      out.push({ from: file, target, line: asks.lineOf(m.index ?? 0), expr: `${shown(m[0], m.index ?? 0)}${note}`, ...(data === undefined ? {} : { data }) });
    }
    // The table joins a loop walks, which the constant-table lookups below leave to the loop's reading.
    const walked = new Set<number>();
    // Stop 51: a last part read off a literal table a loop walks, each entry's value joined in turn
    // (stop 52: by for…in, Object.keys(…).forEach or for…of; for-in-tables.ts reads each file's loops once).
    // The uses are read only where a loop is: the two patterns below cost more than the test for one.
    if (joins && (text.includes(' in ') || text.includes(' of ') || text.includes('forEach')) && holdsTableLoops(text)) {
      // Most joins ending in a name (`path.join(__dirname, file)`) are no loop's item: the file's loops are read
      // only for a name some `for (… NAME of` declares (payload: many for…of loops, none over a table).
      const keyed = [...text.matchAll(ANCHORED_TABLE)];
      let itemNames: Set<string> | undefined;
      const items = [...text.matchAll(ANCHORED_ITEM)].filter((m) => (itemNames ??= forOfNames(text)).has(m[4]));
      const tables = keyed.length + items.length === 0 ? null : tableReader(text);
      const uses = tables === null || !tables.loops ? [] : [
        ...keyed.map((m) => ({ m, table: tables.valuesAt(m.index ?? 0, 'key', m[5], m[4], m[6] ?? null), read: `${m[4]}[${m[5]}]${m[6] === undefined ? '' : `.${m[6]}`}` })),
        ...items.map((m) => ({ m, table: tables.valuesAt(m.index ?? 0, 'item', m[4], null, m[5] ?? null), read: `${m[4]}${m[5] === undefined ? '' : `.${m[5]}`}` })),
      ];
      for (const { m, table, read: spelled } of uses) {
        if (table === null) continue;
        walked.add(m.index ?? 0);
        const parts = literalTexts(m[3]);
        const bytes = byteUse(text, m.index ?? 0);
        if (bytes === 'content-free') continue;
        let note: string | null | undefined;
        for (const value of table.values) {
          const target = joinRepo(dirname(file), ...parts, value);
          if (target === null || target === file || !LITERAL_TARGET.test(target) || !ctx.files.has(target)) continue;
          const data = useNote(text, file, target, m.index ?? 0, (m.index ?? 0) + m[0].length, bytes);
          if (data === null) continue;
          if (note === undefined) note = baseNote(text, m[2], m.index ?? 0, folderNames, asks);
          if (note === null) break;
          const how = `${spelled} = '${value}' in the ${table.loop === 'for…of' ? 'list' : 'table'} at line ${asks.lineOf(table.tableAt)}, walked by the ${table.loop} at line ${asks.lineOf(table.loopAt)}`;
          out.push({ from: file, target, line: asks.lineOf(m.index ?? 0), expr: `${shown(m[0], m.index ?? 0)}${note}, ${how}`, ...(data === undefined ? {} : { data }) });
        }
      }
    }
    // Stop 65: a last part looked up by a computed key in the file's own constant table of file names,
    // no loop walking it (lookup-tables.ts): nx's `join(__dirname, 'scripts', WRAPPER_FILES[shell])`.
    // Two substring tests first: the pattern over payload's 422 joining texts cost 3-5 ms, the tests 0.5.
    if (joins && (text.includes('])') || text.includes('],')) && LOOKUP_LAST.test(text)) for (const m of text.matchAll(ANCHORED_TABLE)) {
      const at = m.index ?? 0;
      if (m[6] !== undefined || walked.has(at)) continue;
      const table = lookedUpTable(text, m[4], at);
      if (table === null) continue;
      const parts = literalTexts(m[3]);
      const bytes = byteUse(text, at);
      if (bytes === 'content-free') continue;
      let note: string | null | undefined;
      for (const value of table.values) {
        const target = joinRepo(dirname(file), ...parts, value);
        if (target === null || target === file || !LITERAL_TARGET.test(target) || !ctx.files.has(target)) continue;
        const data = useNote(text, file, target, at, at + m[0].length, bytes);
        if (data === null) continue;
        if (note === undefined) note = baseNote(text, m[2], at, folderNames, asks);
        if (note === null) break;
        const how = `${m[4]}[${m[5]}] = '${value}', one of the values of the constant table at line ${asks.lineOf(table.tableAt)} (a key computed at run time may pick any)`;
        out.push({ from: file, target, line: asks.lineOf(at), expr: `${shown(m[0], at)}${note}, ${how}`, ...(data === undefined ? {} : { data }) });
      }
    }
    // Stop 64: a last part that is a local the function assigns file names before the join
    // (assigned-file-names.ts): @remix-run/dev's `path.resolve(defaultsDirectory, entryServerFile)`.
    // The joins ending in a name are read only in a text that assigns a file name to a name it joins with.
    const fileNames = joins ? namesAssignedFileNames(text) : new Set<string>();
    if (fileNames.size > 0 && (fileNames.size > FEW_ASSIGNED || [...fileNames].some((n) => text.includes(`${n})`)))) for (const m of text.matchAll(ANCHORED_ITEM)) {
      if (m[5] !== undefined || !fileNames.has(m[4])) continue;
      const at = m.index ?? 0;
      const values = assignedFileNames(text, m[4], at, namePattern);
      if (values.length === 0) continue;
      const bytes = byteUse(text, at);
      if (bytes === 'content-free') continue;
      const ownBase = (b: string): boolean => OWN_FOLDER_ONLY.test(b) || folderNames().has(b);
      const local = ownBase(m[2]) ? null : localFolderAt(text, m[2], at, ownBase);
      const folder = joinRepo(dirname(file), ...(local?.parts ?? []), ...literalTexts(m[3]));
      const note = folder === null ? null : local === null ? baseNote(text, m[2], at, folderNames, asks) : `, ${m[2]} = ${local.expr} at line ${asks.lineOf(local.at)}`;
      if (folder === null || note === null) continue;
      for (const v of values) {
        let targets: string[];
        if (v.pattern) {
          const match = compileRepoGlob(joinRepo(folder, v.name) ?? v.name);
          targets = pathsInDir(ctx.files, folder).filter((f) => CODE.test(f) && !TEST_FILE.test(f) && match(f));
        } else {
          const target = joinRepo(folder, v.name);
          targets = target !== null && LITERAL_TARGET.test(target) && ctx.files.has(target) ? [target] : [];
        }
        for (const target of targets) {
          if (target === file) continue;
          const data = useNote(text, file, target, at, at + m[0].length, bytes);
          if (data === null) continue;
          const how = `${m[4]} = ${v.written} at line ${asks.lineOf(v.at)}${v.pattern ? ': every file its literal parts allow' : ''}`;
          out.push({ from: file, target, line: asks.lineOf(at), expr: `${shown(m[0], at)}${note}, ${how}`, ...(data === undefined ? {} : { data }) });
        }
      }
    }
    if (!text.includes('${') && !text.includes('+')) continue;
    // A computed last part: a join's (a template or a `+` chain), or a template that opens with the folder.
    const computed = [
      ...(joins ? [...text.matchAll(ANCHORED_TEMPLATE)] : []).map((m) => ({ m, base: m[2], parts: literalTexts(m[3]), template: m[4] ?? concatAsTemplate(m[5]) })),
      ...(text.includes('${') ? [...text.matchAll(FOLDER_TEMPLATE)] : []).map((m) => ({ m, base: m[1], parts: m[2].split('/').filter((p) => p !== ''), template: m[3] })),
    ];
    for (const { m, base, parts, template } of computed) {
      const name = namePattern(template);
      const folder = name === null ? null : joinRepo(dirname(file), ...parts);
      if (name === null || folder === null) continue;
      const bytes = byteUse(text, m.index ?? 0);
      if (bytes === 'content-free') continue;
      const data = bytes === null ? undefined : dataUseNote(text, file, m.index ?? 0, bytes);
      // Only below a named folder: the module's own folder and all below it would be every file there.
      const deep = spansFolders(template) && parts.length > 0;
      const match = compileRepoGlob(joinRepo(folder, deep ? `**/${name}` : name) ?? name);
      const candidates = deep ? pathsWithPrefix(ctx.files, folder === '' ? '' : `${folder}/`).filter((f) => !f.includes('node_modules/')) : pathsInDir(ctx.files, folder);
      // The base's note only once a file fits, as above.
      let note: string | null | undefined;
      for (const target of candidates) {
        if (target === file || !CODE.test(target) || TEST_FILE.test(target) || !match(target)) continue;
        if (note === undefined) note = baseNote(text, base, m.index ?? 0, folderNames, asks);
        if (note === null) break;
        out.push({ from: file, target, line: asks.lineOf(m.index ?? 0), expr: `${shown(m[0], m.index ?? 0)}${note}: every file its literal parts allow${deep ? ', in subfolders too (the name may hold /)' : ''}`, ...(data === undefined ? {} : { data }) });
      }
    }
  }
  return out;
});

const anchoredPaths: FrameworkReader = {
  id: 'anchored-paths',
  title: 'code files a module names by a path from its own folder (job and worker files)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = namedFiles(ctx)[0];
    return first ? `${first.from}:${first.line} names ${first.target} by path` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const n of namedFiles(ctx)) out.references.push(fileReference(n.from, n.target, n.line, n.data?.startsWith(' ') ? `${n.from}:${n.line}${n.data} (${n.expr})` : `${n.from}:${n.line} names it by path (${n.expr})${n.data ?? ''}`));
    return out;
  },
};

export default anchoredPaths;
