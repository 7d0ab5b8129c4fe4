/**
 * A module that loads every file of a folder: it lists the folder (`fs.readdirSync(__dirname)`,
 * `await fs.readdir(METRICS_DIR)`, `glob.sync('!(index).js', {cwd: __dirname})`) and requires
 * each name it got back (`require(path.join(__dirname, file))`, `require('./' + name)`). Sequelize's
 * generated `models/index.js`, Ghost's `core/server/models/index.js` and Node-RED's telemetry
 * metrics load their siblings this way, so nothing imports those files by name. Both halves must
 * be in the same file and name the same folder — `__dirname`, `path.join(__dirname, 'metrics')`,
 * or a const holding one of those — and the require's argument must be computed from that folder
 * (or be a bare name, when the file joins that folder to what it listed: `path.resolve(dir, f)`);
 * then each code file the listing would return (the glob's matches, or every code file directly in
 * the folder for a readdir, test files and the loader itself left out) is referenced from the
 * loader, with the listing's and the require's lines as evidence. When the folder is the first
 * parameter of the function that lists it (Ghost's `registerDir(helperPath)`), each call of that
 * function, in any file, whose argument is such a folder expression in the caller
 * (`helperService.registerDir(path.resolve(__dirname, './lib/helpers'))`) is the reference instead,
 * from the caller. The folder may be a parameter at any place, or a local joined once onto one
 * (Ghost-CLI's `discoverCommands(commands, dir, …)` lists `commandsDir = path.join(dir, 'commands')`
 * and is called as `bootstrap.discoverCommands({}, __dirname)`): the call's argument at that place,
 * with the join's literal parts below it. When the require is past the listing's function (the
 * function stores each `path.resolve(commandsDir, name)`, another requires it), the store's line
 * is evidence too. A filter on the listing that keeps a subfolder holding an index file
 * (`fs.existsSync(path.join(commandsDir, c, 'index.js'))`) adds those index files.
 */
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { compileRepoGlob, isGlob } from '../../util/glob.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { assignmentsIn, folderCandidatesOf, folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { functionRegion } from './function-region.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { codeFilesMarked, fileReference } from './support.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import { escapeRegExp } from '../../util/regexp.js';
import { callArgsText } from './parameter-values.js';
import { IDENTIFIER } from '../../languages/javascript/js-text.js';
import { lastMatchBefore, MatchesByKey, RequireIndex, type RequireCall } from './folder-requires-index.js';

const CODE = /\.[cm]?[jt]sx?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** A folder expression: `__dirname`, `import.meta.dirname`, `path.join(__dirname, 'a', 'b')`, or a name. */
const FOLDER = String.raw`(?:(?:path\s*\.\s*)?(?:join|resolve)\(\s*(?:__dirname|import\.meta\.dirname)\s*(?:,\s*(?:"[^"\n]*"|'[^'\n]*'|\`[^\`$\n]*\`)\s*)*\)|(?:__dirname|import\.meta\.dirname)\s*\+\s*(?:'/'|"/")|__dirname|import\.meta\.dirname|[A-Za-z_$][\w$]*)`;
/** `__dirname + '/'` lists the module's own folder, as `__dirname` does (signalk's dist/interfaces/index.js). */
const withoutTrailingSlash = (expr: string): string => expr.replace(/\s*\+\s*(?:'\/'|"\/")\s*$/, '');
const READDIR = new RegExp(String.raw`\b(readdir(?:Sync)?)\(\s*(${FOLDER})\s*[,)]`, 'g');
const GLOB_CWD = new RegExp(String.raw`\b(?:glob\s*\.\s*sync|globSync|glob)\(\s*(["'\`])([^"'\`\n]+)\1\s*,\s*\{[^{}]*?\bcwd\s*:\s*(${FOLDER})\s*[,}]`, 'g');
/**
 * A glob call whose pattern is computed from a folder (actionhero's `safeGlobSync(path.join(p, '**', '*.ts'))`,
 * `` safeGlobSync(`${realpath}/**\/*.js`) ``): any function named `glob`, `globSync`, `…Glob`/`…GlobSync`
 * (a project's wrapper) or `glob.sync`. The pattern is read by globPathOf.
 */
const GLOB_PATH = /(?<![\w$])(?:[A-Za-z_$][\w$]*[gG]lob(?:Sync)?|glob\s*\.\s*sync|globSync|glob)\(/g;
const REQUIRE = /\b(?:require|import)\(\s*([^()'"`\n][^\n]*?|`[^`\n]*\$\{[^`\n]*`|["'][^"'\n]*["']\s*\+[^\n]*?)\s*\)/g;
const LITERAL_ARG = /^\s*(["'])[^"'\n]*\1\s*$/;

interface Loader {
  folder: string;
  /** How the folder is listed, as the evidence says it: `readdirSync(__dirname)`, `glob.sync('*.js', …)`. */
  listing: string;
  listLine: number;
  requireLine: number;
  /** The basenames the listing returns, or null for every code file directly in the folder. */
  glob: string | null;
  /** The listing function (`readdirSync`) when the loader reads its files' text instead of requiring them. */
  reads?: string;
  /** The listing is filtered to directories: the loader requires each subfolder (its index file). */
  dirs?: boolean;
  /** The loader lists each subfolder of the folder and registers the files it finds (a yeoman-environment generator folder). */
  nested?: boolean;
  /** The listing keeps code files and the subfolders holding an index file: both are required. */
  indexes?: boolean;
  /** The listing's `.filter(…)` keeps only names passing these literal tests (listedNameTests). */
  names?: NameTest[][];
  /** The only require joins the folder to a literal file (`glob` holds it): that file, not the listing, is loaded. */
  one?: boolean;
}

/** A loader whose folder is a parameter of its function (or a literal join onto one): its callers name the folder. */
interface ParamLoader {
  file: string;
  fn: string;
  /** The parameter's place among the function's parameters. */
  position: number;
  /** The literal parts the listed local joins onto the parameter (`commandsDir = path.join(dir, 'commands')`), or none. */
  sub: string[];
  /** That join as written and its line, for the evidence. */
  joined?: string;
  /** Where the listed names, joined to the folder, are stored when the require is in another function (its line). */
  storeLine?: number;
  listing: string;
  listLine: number;
  requireLine: number;
  glob: string | null;
  dirs?: boolean;
  indexes?: boolean;
  names?: NameTest[][];
  /** As Loader.one: the require names one literal file in the folder. */
  one?: boolean;
}

/** `function f(a)`, `const f = (a) =>`, `const f = function (a)`, a method `f(a) {`. */
const FUNCTION = /\bfunction\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\s*)?\(([^)]*)\)|^[ \t]*(?:async\s+)?([A-Za-z_$][\w$]*)\s*\(([^)]*)\)\s*\{/gm;
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'with']);

/** The function around `index` that has a parameter `name`, if any: its name and the parameter's place. */
const functionWithParam = (text: string, functions: RegExpExecArray[], index: number, name: string): { fn: string; position: number } | null => {
  const fn = lastMatchBefore(functions, text, index, FUNCTION);
  if (!fn) return null;
  const fnName = fn[1] ?? fn[3] ?? fn[5];
  const position = splitArgs(fn[2] ?? fn[4] ?? fn[6] ?? '').findIndex((p) => /^([A-Za-z_$][\w$]*)\s*(?:\??\s*:|=|$)/.exec(p)?.[1] === name);
  return fnName && !KEYWORDS.has(fnName) && position >= 0 ? { fn: fnName, position } : null;
};

/** The literal parts of PARAM_JOIN's second group: `, 'a', "b"` → ['a', 'b']. */
const joinedLiterals = (parts: string): string[] => [...parts.matchAll(/"([^"\n]*)"|'([^'\n]*)'/g)].map((p) => p[1] ?? p[2]);

/** `path.join(dir, 'commands')`: a name and literal parts joined onto it (a listed local's one assignment; a glob's folder and pattern parts too). */
const PARAM_JOIN = /^(?:path\s*\.\s*)?(?:join|resolve)\(\s*([A-Za-z_$][\w$]*)\s*((?:,\s*(?:"[^"\n]*"|'[^'\n]*')\s*)+)\)$/;

const FOLDER_NAME = String.raw`(?:__dirname|import\.meta\.dirname|[A-Za-z_$][\w$]*)`;
const QUOTED = String.raw`(?:"[^"\n]*"|'[^'\n]*')`;

/** `fs.realpathSync(dir)`, `path.resolve(dir)`: a local naming the same folder as a name. */
const SAME_FOLDER = /^(?:fs\s*\.\s*)?(?:realpathSync(?:\s*\.\s*native)?|(?:path\s*\.\s*)?(?:resolve|normalize))\(\s*([A-Za-z_$][\w$]*)\s*\)$/;

/**
 * A require of a folder and literal parts only (`path.join(dir, 'lint.config.js')`, REQUIRE's
 * argument ending before the join's `)`; `dir + '/x.js'`; `` `${dir}/x.js` ``) loads that one file,
 * not what a listing of the folder found (review s55-rm2 #2: a glob's matches only linted).
 */
const ONE_FILE = new RegExp(
  String.raw`^(?:(?:path\s*\.\s*)?(?:join|resolve)\(\s*${FOLDER_NAME}\s*(?:,\s*${QUOTED}\s*)+\)?|${FOLDER_NAME}\s*\+\s*${QUOTED}|\`\$\{\s*${FOLDER_NAME}\s*\}[^\`$
]*\`)$`,
);
const namesOneFile = (arg: string): boolean => ONE_FILE.test(arg.trim());

/**
 * When a computed require argument is built from the listing's folder expression: it reads the
 * expression's name (`(?:^|[^\w$.])name(?![\w$])`, RequireIndex's tokens), or holds the expression's
 * text (containsExpr), or, for the loader's own folder, reads `__dirname` or starts with `'./' +`
 * (readsOwnFolder). RequireIndex.from asks this of each require once per expression.
 */
const containsExpr = (arg: string, e: string): boolean => arg.replace(/\s+/g, '').includes(e.replace(/\s+/g, ''));
const readsOwnFolder = (arg: string): boolean => /(?:^|[(,\s])(?:__dirname|import\.meta\.dirname)\b/.test(arg) || /^\s*(?:["'`])\.\/(?:["'`]\s*\+|\$\{)/.test(arg);

/**
 * A name the loader built from the listing (or its file URL, as an ES module imports a path:
 * `import(fileUrl.toString())`, `import(pathToFileURL(file).href)`, @actual-app/sync-server's banks).
 */
/** REQUIRE's argument stops at the first `)`: `fileUrl.toString(`, `pathToFileURL(file`. */
const BARE_NAME = /^\s*(?:(?:url\s*\.\s*)?pathToFileURL\(\s*[A-Za-z_$][\w$]*|[A-Za-z_$][\w$]*(?:\s*\.\s*(?:href|toString\())?)\s*$/;

/**
 * The listing's folder joined to a name (`path.resolve(dir, f)`): the paths the loader builds from
 * what it listed. A loader that hands those on before requiring them (Strapi's middlewares:
 * `mountMiddleware(name, [path.resolve(dir, f)])`, then `require(file)`) requires a bare name.
 */
const joinsNamesPattern = (folderExpr: string): RegExp => new RegExp(String.raw`\b(?:join|resolve)\(\s*${escapeRegExp(folderExpr).replace(/\s+/g, '\\s*')}\s*,\s*[A-Za-z_$]`, 'g');

/** Where the text first joins the folder expression to a name in a join assigned or pushed (`commands[name] = path.resolve(dir, name)`), or -1. */
const storedJoinOfNames = (text: string, folderExpr: string): number => {
  const e = escapeRegExp(folderExpr.trim()).replace(/\s+/g, '\\s*');
  const m = new RegExp(String.raw`(?:(?<![=!<>])=|\bpush\()\s*(?:path\s*\.\s*)?(?:join|resolve)\(\s*${e}\s*,\s*[A-Za-z_$]`).exec(text);
  return m === null ? -1 : m.index + m[0].search(/(?:join|resolve)\(/);
};

/** `!(index).js`: every name matching the rest except the listed ones (the one extglob form read here). */
const globMatcher = (glob: string): ((name: string) => boolean) | null => {
  const negated = /^!\(([\w.|-]+)\)([^()!]*)$/.exec(glob);
  if (negated) {
    const excluded = new Set(negated[1].split('|').map((n) => n + negated[2]));
    const rest = compileRepoGlob(`*${negated[2]}`);
    return (name) => rest(name) && !excluded.has(name);
  }
  if (glob.includes('!(')) return null;
  return compileRepoGlob(glob);
};

/**
 * A read of a listed entry's text after the listing, in the same function: `readFileSync`,
 * `readFile` or `createReadStream` of the listed folder joined to a name
 * (`fs.readFileSync(path.join(dir, names[i]))`). A listing whose entries are never read there
 * (counted, tested for existence, handed elsewhere) loads nothing: it is not followed.
 */
const readsPattern = (folderExpr: string): RegExp =>
  new RegExp(String.raw`\b(?:readFileSync|readFile|createReadStream)\(\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?:join|resolve)\(\s*${escapeRegExp(folderExpr).replace(/\s+/g, '\\s*')}\s*,\s*[A-Za-z_$]`, 'g');
/** joinsNamesPattern and readsPattern with the folder left open, a name (MatchesByKey's one scan for every name). */
const JOINS_A_NAME = /\b(?:join|resolve)\(\s*([A-Za-z_$][\w$]*)\s*,\s*[A-Za-z_$]/g;
const READS_A_NAME = /\b(?:readFileSync|readFile|createReadStream)\(\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?:join|resolve)\(\s*([A-Za-z_$][\w$]*)\s*,\s*[A-Za-z_$]/g;
/** joinsNamesPattern and readsPattern up to the folder: where a match may start (MatchesByKey's lookup for any other key). */
const JOIN_OPENS = /\b(?:join|resolve)\(\s*/g;
const READ_OPENS = /\b(?:readFileSync|readFile|createReadStream)\(\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?:join|resolve)\(\s*/g;
const readOfEntries = (reads: MatchesByKey, from: number, to: number, folderExpr: string): number | null => reads.firstIn(folderExpr.trim(), from, to)?.start ?? null;

/**
 * Whether a listing call's `.filter(…)` callback (filterBody) keeps directories only:
 * `readdirSync(dir).filter(d => fs.lstatSync(path.resolve(dir, d)).isDirectory())` (express-gateway's
 * policies), or `{ withFileTypes: true }` and `.filter(d => d.isDirectory())`. Such a loader requires
 * subfolders, so what it loads is each subfolder's index file, not the files beside it. A negated
 * test (`!stat.isDirectory()`) keeps the files.
 */
const NEGATED_DIRECTORY = /!\s*(?:[\w$]|\s*\.\s*|\([^()]*(?:\([^()]*\)[^()]*)*\))*isDirectory\(\)/;
const filteredToDirs = (body: string | null): boolean => body !== null && body.includes('isDirectory()') && !NEGATED_DIRECTORY.test(body);

/** `f.includes('_')`, `!f.startsWith('legacy')`: a literal test of the listed name. */
interface NameTest {
  method: 'includes' | 'endsWith' | 'startsWith';
  literal: string;
  negated: boolean;
}
const NAME_TEST = /^(!\s*)?([A-Za-z_$][\w$]*)\s*\.\s*(includes|endsWith|startsWith)\(\s*(["'])([^"'\n\\]*)\4\s*\)$/;
const ARROW = /^\s*(?:async\s+)?(?:\(\s*([A-Za-z_$][\w$]*)\s*\)|([A-Za-z_$][\w$]*))\s*=>([\s\S]*)$/;

/**
 * The literal tests a listing's `.filter(…)` callback puts on each name: `(f) => f.includes('_') &&
 * f.endsWith('.js')` (sync-server's banks), `f => !f.startsWith('legacy')`, as alternatives (`||`)
 * of terms that must all hold (`&&`). Node never requires a name they reject. A term that is no such
 * test (a call, a regex, a grouped `( … )`) is taken to keep every name, so an alternative with none
 * keeps all; null when the callback is no arrow function, holds a conditional, or keeps every name.
 */
const listedNameTests = (body: string | null): NameTest[][] | null => {
  const arrow = body === null ? null : ARROW.exec(body);
  if (arrow === null) return null;
  const param = arrow[1] ?? arrow[2];
  const expr = arrow[3].trim().replace(/^\{\s*return\s+([\s\S]*?);?\s*\}$/, '$1');
  // A conditional (`a ? b : c`, `??`, `?.`) binds looser than `&&`: not split here.
  if (expr.includes('?')) return null;
  const alternatives = splitArgs(expr, '||').map((alt) =>
    splitArgs(alt, '&&')
      .map((term) => NAME_TEST.exec(term))
      .filter((m): m is RegExpExecArray => m !== null && m[2] === param)
      .map((m) => ({ method: m[3] as NameTest['method'], literal: m[5], negated: m[1] !== undefined })),
  );
  return alternatives.length === 0 || alternatives.some((a) => a.length === 0) ? null : alternatives;
};

/** Whether a listed name passes the filter's tests. */
const passes = (name: string, tests: NameTest[][]): boolean => tests.some((all) => all.every((t) => name[t.method](t.literal) !== t.negated));

/** The evidence's words for the tests: `names that include "_" and end with ".js"`. */
const testsText = (tests: NameTest[][]): string =>
  tests.map((all) => all.map((t) => `${t.negated ? 'do not ' : ''}${t.method === 'includes' ? 'include' : t.method === 'endsWith' ? 'end with' : 'start with'} "${t.literal}"`).join(' and ')).join(' or ');

/** The callback text of a `.filter(…)` right after the listing call whose `(` is at `open`, or null. */
const filterBody = (text: string, open: number): string | null => {
  const args = callArgsText(text, open);
  if (args === null) return null;
  const after = text.slice(open + args.length + 2, open + args.length + 2 + 200);
  const filter = /^\s*\.\s*filter\s*\(/.exec(after);
  return filter === null ? null : callArgsText(text, open + args.length + 2 + filter[0].length - 1);
};

/**
 * Whether that filter's callback also keeps a subfolder holding an index file: `path.extname(c) === '.js' ||
 * fs.existsSync(path.join(commandsDir, c, 'index.js'))` (Ghost-CLI's commands). The loader then
 * requires such a subfolder, which loads its index file, besides the files.
 */
const keepsIndexFolders = (body: string | null, folderExpr: string): boolean => {
  if (body === null) return false;
  const e = escapeRegExp(folderExpr.trim()).replace(/\s+/g, '\\s*');
  return new RegExp(String.raw`\b(?:join|resolve)\(\s*${e}\s*,\s*[A-Za-z_$][\w$]*\s*,\s*(["'])index\.[cm]?js\1\s*\)`).test(body);
};
const GLOB_SYNC = /glob\s*\.\s*sync\(/;
/** A project's glob wrapper, `safeGlobSync(`: GLOB_PATH's other callees. */
const WRAPPED_GLOB = /[\w$]Glob(?:Sync)?\(/;

/**
 * Whether the text may hold a listing READDIR or GLOB_CWD reads: a call of `readdir`,
 * `readdirSync`, `glob`, `globSync` or `glob.sync`. The marks also hold texts that only name
 * `readdir` or a `globby`, and three patterns over each were most of this reader's time.
 */
const mayList = (text: string): boolean =>
  text.includes('readdir(') || text.includes('readdirSync(') || text.includes('glob(') || text.includes('globSync(') || (text.includes('sync(') && GLOB_SYNC.test(text)) || WRAPPED_GLOB.test(text);

const YEOMAN = /\brequire\(\s*['"]yeoman-environment['"]\s*\)|\bfrom\s*['"]yeoman-environment['"]/;
/** `path.join(<folder>, <name>)`: a listed folder joined to one of its entries. */
const JOIN_ENTRY = /^(?:path\s*\.\s*)?(?:join|resolve)\(\s*([A-Za-z_$][\w$]*)\s*,\s*[A-Za-z_$][\w$]*\s*\)$/;

/**
 * A second-level listing of a yeoman-environment generator folder: express-gateway's
 * bin/environment.js lists `generatorsPath` (a join onto `__dirname`), then each
 * `directoryPath = path.join(generatorsPath, dir)`, and hands each `path.join(directoryPath, file)`
 * (or the folder, for its index.js) to `env.register(…)`, which requires it when the command runs.
 * The listed local must be such a join of a folder the file also lists, and a `.register(` call after
 * the listing in the same function must take the local or a join onto it. The files of each
 * subfolder of that folder are what it registers.
 */
const registeredSubfolder = (file: string, text: string, yeoman: boolean, name: string, region: { start: number; end: number }, at: number): { folder: string; line: number } | null => {
  if (!yeoman) return null;
  const parent = assignmentsIn(name, text, region)
    .map((a) => JOIN_ENTRY.exec(a.value)?.[1])
    .find((p): p is string => p !== undefined && p !== name);
  if (parent === undefined || !new RegExp(String.raw`\breaddir(?:Sync)?\(\s*${escapeRegExp(parent)}\s*[,)]`).test(text)) return null;
  const folder = folderOf(parent, file, text);
  if (folder === null) return null;
  const joined = new RegExp(String.raw`^(?:path\s*\.\s*)?(?:join|resolve)\(\s*${escapeRegExp(name)}\s*,`);
  for (const m of text.slice(at, region.end).matchAll(/\.\s*register\(\s*([A-Za-z_$][\w$]*)\s*[,)]/g)) {
    const arg = m[1];
    if (arg === name || assignmentsIn(arg, text, region).some((a) => joined.test(a.value))) return { folder, line: lineAt(text, at + (m.index ?? 0)) };
  }
  return null;
};

/** How far a glob's template pattern is read before it is taken as none. */
const TEMPLATE_LIMIT = 500;

/**
 * A template literal's text from just after its opening backtick to its close, each `${…}` (nested
 * templates too) as `*`, and the name its first substitution holds when the template starts with one
 * (`` `${realpath}/**` ``); null when unclosed on its line or within TEMPLATE_LIMIT characters.
 */
const templateWithWildcards = (text: string, from: number): { body: string; head: string | null } | null => {
  let out = '';
  let head: string | null = null;
  // A glob pattern is short: a longer template is none, and each call costs at most this much (review s55-rm2 #5).
  const end = Math.min(text.length, from + TEMPLATE_LIMIT);
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '`') return { body: out, head };
    if (c === '\\' || c === '\n') return null;
    if (c !== '$' || text[i + 1] !== '{') {
      out += c;
      continue;
    }
    // Braces balance inside a substitution, nested templates' own `${…}` included.
    const open = i + 1;
    let depth = 0;
    for (i = open; i < end; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) break;
    }
    if (open === from + 1) head = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(open + 1, i))?.[1] ?? null;
    out += '*';
  }
  return null;
};

/**
 * The folder and pattern of a glob call whose first argument joins literal parts below a folder name
 * (`path.join(p, '**', '**\/*(*.js|*.ts)')`) or is a template starting with one (`` `${realpath}/**\/+(${…})` ``,
 * each later substitution any name, `*`), directly or through a local the listing's function assigns
 * once (actionhero's `const matcher = …`). Null for anything else, or a pattern with no wildcard.
 */
const globPathOf = (text: string, open: number, region: { start: number; end: number }, assignedMemo: Map<string, { value: string; index: number }[]>): { expr: string; glob: string } | null => {
  // The first argument is read in place by sticky patterns, not as the call's whole argument text:
  // a file of thousands of unclosed `…Glob(` calls cost a 10,000-character walk each (review s55-rm2 #5).
  let value: string;
  // Where the value starts in the text, for a template that spans lines.
  let at: number;
  FIRST_JOIN.lastIndex = FIRST_NAME.lastIndex = FIRST_TEMPLATE.lastIndex = open + 1;
  const join = FIRST_JOIN.exec(text);
  const name = join === null ? FIRST_NAME.exec(text) : null;
  const template = join === null && name === null ? FIRST_TEMPLATE.exec(text) : null;
  if (join !== null) {
    value = join[1];
    at = join.index + join[0].indexOf(join[1]);
  } else if (name !== null) {
    const key = `${name[1]}@${region.start}`;
    let assigned = assignedMemo.get(key);
    if (assigned === undefined) assignedMemo.set(key, (assigned = assignmentsIn(name[1], text, region)));
    if (assigned.length !== 1) return null;
    value = assigned[0].value;
    at = text.indexOf(value, assigned[0].index);
  } else if (template !== null) {
    value = '`';
    at = template.index + template[0].length - 1;
  } else return null;
  let expr: string | null = null;
  let glob: string | null = null;
  const joined = PARAM_JOIN.exec(value.replace(/;\s*$/, ''));
  if (joined !== null) {
    expr = joined[1];
    glob = joinedLiterals(joined[2]).map((p) => p.replace(/^\/+|\/+$/g, '')).join('/');
  } else if (value.startsWith('`') && at >= 0) {
    const template = templateWithWildcards(text, at + 1);
    const rest = template === null ? null : /^\*\/(.+)$/.exec(template.body);
    if (template !== null && template.head !== null && rest !== null) {
      expr = template.head;
      glob = rest[1];
    }
  }
  return expr !== null && glob !== null && isGlob(glob) ? { expr, glob } : null;
};

/** GLOB_PATH's first argument, from just after its `(`: a join of a name and literal parts, a name, or a template's backtick. */
const FIRST_JOIN = /\s*((?:path\s*\.\s*)?(?:join|resolve)\(\s*[A-Za-z_$][\w$]*\s*(?:,\s*(?:"[^"\n]*"|'[^'\n]*')\s*)+\))\s*[,)]/y;
const FIRST_NAME = /\s*([A-Za-z_$][\w$]*)\s*[,)]/y;
const FIRST_TEMPLATE = /\s*`/y;

/** `const files = wrap(` just before a listing call: the local that holds what it listed. */
const RESULT_LOCAL = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?(?:[A-Za-z_$][\w$.]*\(\s*)?$/;

/**
 * Whether a require's argument is one element of the listing's result `files`: `files[i]`, or `f` in
 * `for (const f of files)` / `files.forEach((f) =>` between the listing and the require. A glob's
 * matches are whole paths, so requiring one loads a listed file.
 */
const requiresElement = (arg: string, result: string, between: string): boolean => {
  const r = escapeRegExp(result);
  if (new RegExp(String.raw`^\s*${r}\s*\[\s*[A-Za-z_$][\w$]*\s*\]\s*$`).test(arg)) return true;
  const name = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(arg)?.[1];
  if (name === undefined) return false;
  const n = escapeRegExp(name);
  return new RegExp(String.raw`\bfor\s*\(\s*(?:const|let|var)\s+${n}\s+of\s+${r}\s*\)|\b${r}\s*\.\s*forEach\(\s*(?:async\s+)?(?:\(\s*${n}\s*[,)]|${n}\s*=>)`).test(between);
};

const loadersIn = (file: string, text: string): { loaders: Loader[]; params: ParamLoader[]; unread: Diagnostic[] } => {
  const loaders: Loader[] = [];
  const params: ParamLoader[] = [];
  const unread: Diagnostic[] = [];
  const requires = [...text.matchAll(REQUIRE)].filter((m) => !LITERAL_ARG.test(m[1])) as RequireCall[];
  // Built once per file: each listing's questions are looked up, not asked of the whole text again.
  const index = new RequireIndex(requires, readsOwnFolder, containsExpr, namesOneFile, (arg) => BARE_NAME.test(arg));
  const joins = new MatchesByKey(text, joinsNamesPattern, JOINS_A_NAME, JOIN_OPENS);
  const reads = new MatchesByKey(text, readsPattern, READS_A_NAME, READ_OPENS);
  let functions: RegExpExecArray[] | null = null;
  const functionsOf = (): RegExpExecArray[] => (functions ??= [...text.matchAll(FUNCTION)]);
  const yeoman = YEOMAN.test(text);
  const assignedMemo = new Map<string, { value: string; index: number }[]>();
  const listings: { expr: string; glob: string | null; listing: string; fn: string | null; index: number; dirs: boolean; indexes: boolean; names: NameTest[][] | null; result?: string }[] = [
    ...[...text.matchAll(READDIR)].map((m) => {
      const open = (m.index ?? 0) + m[0].indexOf('(');
      // The `.filter(…)` callback right after the listing, read once for both questions.
      const body = filterBody(text, open);
      const dirs = filteredToDirs(body);
      const indexes = !dirs && keepsIndexFolders(body, withoutTrailingSlash(m[2]));
      const names = dirs || indexes ? null : listedNameTests(body);
      const filtered = dirs ? ' filtered to directories' : indexes ? ' filtered to code files and subfolders with an index file' : names !== null ? ` filtered to names that ${testsText(names)}` : '';
      return { expr: withoutTrailingSlash(m[2]), glob: null, listing: `readdir(${m[2].trim()})${filtered}`, fn: m[1], index: m.index ?? 0, dirs, indexes, names };
    }),
    ...[...text.matchAll(GLOB_CWD)].map((m) => ({ expr: m[3], glob: m[2], listing: `glob "${m[2]}" in ${m[3].trim()}`, fn: null, index: m.index ?? 0, dirs: false, indexes: false, names: null })),
    ...[...text.matchAll(GLOB_PATH)].flatMap((m) => {
      const index = m.index ?? 0;
      const path = globPathOf(text, index + m[0].length - 1, functionRegion(text, index), assignedMemo);
      if (path === null) return [];
      const result = RESULT_LOCAL.exec(text.slice(Math.max(0, index - 120), index))?.[1];
      return [{ expr: path.expr, glob: path.glob, listing: `glob "${path.glob}" below ${path.expr}`, fn: null, index, dirs: false, indexes: false, names: null, ...(result ? { result } : {}) }];
    }),
  ];
  for (const l of listings) {
    const name = IDENTIFIER.test(l.expr.trim()) ? l.expr.trim() : null;
    const region = name !== null || l.fn !== null ? functionRegion(text, l.index) : null;
    // A local assigned several times in the listing's function names one folder per readable assignment.
    const folders = name !== null && region !== null ? folderCandidatesOf(name, file, text, region, null, l.index) : [folderOf(l.expr, file, text)].filter((f): f is string => f !== null);
    let fn = folders.length === 0 && name !== null ? functionWithParam(text, functionsOf(), l.index, name) : null;
    // A local the function joins onto its parameter (`const commandsDir = path.join(dir, 'commands')`,
    // assigned once there): the callers' folder, and those parts below it.
    let sub: string[] = [];
    let joined: string | undefined;
    if (fn === null && folders.length === 0 && name !== null && region !== null) {
      const assigned = assignmentsIn(name, text, region);
      const join = assigned.length === 1 ? (PARAM_JOIN.exec(assigned[0].value) ?? SAME_FOLDER.exec(assigned[0].value)) : null;
      fn = join === null ? null : functionWithParam(text, functionsOf(), l.index, join[1]);
      if (join !== null && fn !== null) {
        sub = joinedLiterals(join[2] ?? '');
        joined = `${name} = ${assigned[0].value.replace(/\s+/g, ' ')} at line ${lineAt(text, assigned[0].index)}`;
      }
    }
    // The require (or read) that loads what was listed: first in the listing's own function, and
    // only when that function neither requires nor reads them, a require later in the file.
    const ownFolder = folders.length === 1 && folders[0] === dirname(file);
    const expr = l.expr.trim();
    const from = index.from(expr, IDENTIFIER.test(expr) ? expr : null, ownFolder);
    const requireIn = (end: number): RequireCall | undefined => {
      const element = l.result === undefined || end > regionEnd ? null : l.result;
      const built = index.first(from.many, l.index, end, () => true);
      // An element of the listing's result required before that one is the first.
      const each = element === null ? undefined : index.first(index.all, l.index, built?.index ?? end, (r) => requiresElement(r[1], element, text.slice(l.index, r.index)));
      return each ?? built ?? (joins.firstIn(expr, l.index, end) !== null ? index.first(index.bare, l.index, end, () => true) : undefined);
    };
    const regionEnd = region?.end ?? text.length;
    const read = l.fn === null ? null : readOfEntries(reads, l.index, regionEnd, l.expr);
    let req = requireIn(regionEnd) ?? (read === null ? requireIn(text.length) : undefined);
    let glob = l.glob;
    if (req === undefined && read === null) {
      // Only a require of one file joined to the folder: that file is loaded, nothing else listed.
      req = index.first(from.one, l.index, regionEnd, () => true);
      if (req !== undefined) glob = joinedLiterals(req[1]).join('/').replace(/\/{2,}/g, '/').replace(/^(?:\.?\/)+/, '');
    }
    const listLine = lineAt(text, l.index);
    const nested = l.fn !== null && name !== null && region !== null && folders.length === 0 ? registeredSubfolder(file, text, yeoman, name, region, l.index) : null;
    if (nested !== null) {
      loaders.push({ folder: nested.folder, listing: l.listing, listLine, requireLine: nested.line, glob: null, nested: true });
      continue;
    }
    if (req) {
      const found = { listing: l.listing, listLine, requireLine: lineAt(text, req.index ?? 0), glob, ...(glob !== l.glob ? { one: true } : {}), ...(l.dirs ? { dirs: true } : {}), ...(l.indexes ? { indexes: true } : {}), ...(l.names ? { names: l.names } : {}) };
      for (const folder of folders) loaders.push({ folder, ...found });
      if (folders.length === 0 && fn !== null) {
        // A require past the listing's function loads what the function stored: its join's line is evidence too.
        const store = (req.index ?? 0) >= regionEnd ? storedJoinOfNames(text.slice(l.index, regionEnd), l.expr) : -1;
        params.push({ file, fn: fn.fn, position: fn.position, sub, ...(joined ? { joined } : {}), ...(store >= 0 ? { storeLine: lineAt(text, l.index + store) } : {}), ...found });
      }
      continue;
    }
    // A subfolder is not a file to read.
    if (l.fn === null || region === null || read === null || l.dirs) continue;
    const found = { listing: l.listing, listLine, requireLine: lineAt(text, read), glob: null, reads: l.fn, ...(l.names ? { names: l.names } : {}) };
    for (const folder of folders) loaders.push({ folder, ...found });
    if (folders.length === 0 && (fn === null || joined !== undefined) && name !== null && assignmentsIn(name, text, region).length > 0) {
      unread.push(warning('folder-requires/unread-folder', `${file}:${listLine} lists ${name} (${l.fn}) and reads its files, but no assignment of ${name} in that function names a folder census can read`, file, listLine));
    }
  }
  return { loaders, params, unread };
};

/** `<sub>/index.<ext>`: what a require of a subfolder loads. */
const SUBFOLDER_INDEX = /^[^/]+\/index\.[cm]?[jt]sx?$/;
/** `<sub>/<file>`: a file directly in a subfolder. */
const SUBFOLDER_FILE = /^[^/]+\/[^/]+$/;

/** The files below the folder whose path from it (`<sub>/<file>`) the pattern accepts. */
const inSubfolders = (ctx: FrameworkContext, folder: string, relative: RegExp): string[] => {
  const prefix = folder === '' ? '' : `${folder}/`;
  return pathsWithPrefix(ctx.files, prefix).filter((f) => relative.test(f.slice(prefix.length)));
};

/** The files a loader's listing returns, that it can require. */
const targetsOf = (ctx: FrameworkContext, file: string, loader: Loader): string[] => {
  const code = (f: string): boolean => f !== file && CODE.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules/');
  if (loader.dirs === true) return inSubfolders(ctx, loader.folder, SUBFOLDER_INDEX).filter(code);
  if (loader.nested === true) return inSubfolders(ctx, loader.folder, SUBFOLDER_FILE).filter((f) => code(f) && !TEST_FILE.test(f));
  if (loader.glob === null && loader.indexes === true)
    return [...pathsInDir(ctx.files, loader.folder), ...inSubfolders(ctx, loader.folder, SUBFOLDER_INDEX)].filter((f) => code(f) && !TEST_FILE.test(f));
  if (loader.glob === null) return pathsInDir(ctx.files, loader.folder).filter((f) => code(f) && !TEST_FILE.test(f) && (loader.names === undefined || passes(basename(f), loader.names)));
  const glob = loader.glob.replace(/^\.\//, '');
  if (!isGlob(glob)) {
    const one = joinRepo(loader.folder, glob);
    return one !== null && ctx.files.has(one) && code(one) ? [one] : [];
  }
  const matches = globMatcher(glob);
  if (matches === null) return [];
  const prefix = loader.folder === '' ? '' : `${loader.folder}/`;
  const candidates = glob.includes('/') ? pathsWithPrefix(ctx.files, prefix) : pathsInDir(ctx.files, loader.folder);
  return candidates.filter((f) => code(f) && matches(glob.includes('/') ? f.slice(prefix.length) : basename(f)));
};

interface Found {
  loaders: { file: string; loader: Loader }[];
  params: ParamLoader[];
  unread: Diagnostic[];
}

/** Every folder loader in the scan's code files (found once per scan). */
const loaders = perScan((ctx): Found => {
  const out: Found = { loaders: [], params: [], unread: [] };
  // A loader lists a folder and computes a require() or import() from it, or reads its files.
  for (const file of codeFilesMarked(ctx, ['readdir', 'glob'])) {
    const text = ctx.readText(file) ?? '';
    if (!mayList(text)) continue;
    const { loaders: here, params, unread } = loadersIn(file, text);
    for (const loader of here) out.loaders.push({ file, loader });
    out.params.push(...params);
    out.unread.push(...unread);
  }
  return out;
});

/** Calls of a parameter loader whose argument names a folder in the caller: a reference from the caller to each file it loads. */
const collectCalls = (ctx: FrameworkContext, params: ParamLoader[], out: FrameworkOutput) => {
  const byName = new Map<string, ParamLoader>();
  for (const p of params) if (!byName.has(p.fn)) byName.set(p.fn, p);
  if (byName.size === 0) return;
  const names = [...byName.keys()].map(escapeRegExp).join('|');
  const call = new RegExp(String.raw`(?:^|[^\w$])(${names})\(`, 'g');
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    // The argument is read without a scope (folder-expr.ts): only `__dirname` or
    // `import.meta.dirname`, or a const holding a join onto one, names a folder, so a file
    // without the word dirname has no call to follow and is not read.
    const text = ctx.readText(file) ?? '';
    if (![...byName.keys()].some((n) => text.includes(`${n}(`))) continue;
    for (const m of text.matchAll(call)) {
      const p = byName.get(m[1])!;
      const argsText = callArgsText(text, (m.index ?? 0) + m[0].length - 1);
      const args = argsText === null ? [] : splitArgs(argsText);
      if (args[p.position] === undefined) continue;
      const base = folderOf(args[p.position], file, text);
      const folder = base === null ? null : joinRepo(base, ...p.sub);
      if (folder === null) continue;
      const line = lineAt(text, (m.index ?? 0) + m[0].indexOf(m[1]));
      const loader: Loader = { folder, listing: p.listing, listLine: p.listLine, requireLine: p.requireLine, glob: p.glob, ...(p.dirs ? { dirs: true } : {}), ...(p.indexes ? { indexes: true } : {}), ...(p.names ? { names: p.names } : {}) };
      const through = p.joined === undefined ? '' : `, ${p.joined}`;
      const requires = p.storeLine === undefined ? p.one === true ? `requires ${p.glob} in it (line ${p.requireLine})` : `requires each ${p.dirs ? 'subfolder (its index file)' : 'file'} it finds (line ${p.requireLine})` : `stores each path it finds (line ${p.storeLine}), which it requires (line ${p.requireLine})`;
      for (const target of targetsOf(ctx, p.file, loader)) {
        if (target === file) continue;
        const label = `${file}:${line} calls ${p.fn}(${args.slice(0, p.position + 1).map((a) => a.replace(/\s+/g, ' ')).join(', ')}), which lists ${folder || '.'} (${p.file}:${p.listLine}, ${p.listing}${through}) and ${requires}`;
        out.references.push(fileReference(file, target, line, label));
      }
    }
  }
};

const folderRequires: FrameworkReader = {
  id: 'folder-requires',
  title: 'modules that list a folder and require every file in it (models/index.js loaders)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const { loaders: found, params } = loaders(ctx);
    const first = found[0];
    if (first) return `${first.file}:${first.loader.listLine} lists ${first.loader.folder || '.'} and requires each file (line ${first.loader.requireLine})`;
    return params[0] ? `${params[0].file}:${params[0].listLine} ${params[0].fn}() lists the folder it is given and requires each file (line ${params[0].requireLine})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    collectCalls(ctx, loaders(ctx).params, out);
    out.diagnostics.push(...loaders(ctx).unread);
    for (const { file, loader } of loaders(ctx).loaders) {
      for (const target of targetsOf(ctx, file, loader)) {
        const label =
          loader.nested === true
            ? `${file}:${loader.listLine} lists each subfolder of ${loader.folder || '.'} (${loader.listing}) and registers each file it finds with yeoman-environment (line ${loader.requireLine})`
            : loader.reads === undefined
            ? `${file}:${loader.listLine} lists ${loader.folder || '.'} (${loader.listing}) and requires ${loader.one === true ? `${loader.glob} in it` : `each ${loader.dirs ? 'subfolder (its index file)' : 'file'} it finds`} (line ${loader.requireLine})`
            : `${file}:${loader.listLine} lists ${loader.folder || '.'} (${loader.reads}) and reads its files (line ${loader.requireLine})`;
        out.references.push(fileReference(file, target, loader.requireLine, label));
      }
    }
    return out;
  },
};

export default folderRequires;
