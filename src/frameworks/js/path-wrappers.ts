/**
 * A repo helper that joins its parameter onto the module's own folder and returns the path (or
 * loads it): VuePress's `getLibFilePath (relative) { return path.join(this.libDir, relative) }`
 * with `this.libDir = path.join(__dirname, '../')` in the constructor, called as
 * `ctx.getLibFilePath('client/clientEntry.js')` to give webpack its entry. The join names no file
 * (anchored-paths.ts reads joins of literals only); each call with a literal does. Read from the
 * text, never run:
 *
 * - the wrapper: a function, arrow or class/object method whose body returns `path.join|resolve(
 *   BASE, …, param, …)` (or hands it to `require(`/`import(`/a file read), the other parts
 *   string literals. BASE is the module's folder (`__dirname`, `import.meta.dirname`,
 *   `path.dirname(__filename)`, a name an ES module declares for it), a literal join onto it or a
 *   module-level name holding one (folder-expr.ts settles it, as the folder loaders do), or a
 *   property `this.X` every assignment `this.X = …` of the file sets to the same such folder;
 * - its calls: by name in the same file (a function or arrow), in a file that imports it from the
 *   wrapper's file by name (`const { asset } = require('./paths')`, `import { asset } from`) or
 *   through the module (`paths.asset('x')`), and — for a method — `anything.name(…)` in the
 *   package (nearest package.json) when exactly one wrapper of that package has the name. The
 *   argument at the parameter's place is a literal, a local or default census can read
 *   (parameter-values.ts), both arms of `c ? 'a' : 'b'`, or the element variable of a loop over
 *   a literal list (literal-lists.ts);
 * - each value that settles to a repo file (not a folder: a folder is loaded by something else's
 *   rules) is a reference from the calling file, with the call's line and the wrapper's line.
 *   In a `require(…)`/`import(…)` wrapper the path is completed as Node completes it.
 *
 * Only files that spell a module's folder define a wrapper (the `dirname` text mark: the files
 * anchored-paths reads); callers are read only when a wrapper's name is in their text. Tool
 * configs are left to their own readers, as anchored-paths leaves them.
 */
import { dirname, joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { folderOf, LITERAL, splitArgs } from '../../languages/javascript/folder-expr.js';
import { IDENTIFIER, IDENTIFIER_SOURCE as NAME } from '../../languages/javascript/js-text.js';
import { ownPathNames } from '../../languages/javascript/static-value.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { isToolConfig, nodeCompletion, OWN_FOLDER, OWN_FOLDER_ONLY } from './anchored-paths.js';
import { functionRegion } from './function-region.js';
import { listElementAt } from './literal-lists.js';
import { argumentValues, callArgsText, callsOf, enclosingFunction, literalValue, paramNames } from './parameter-values.js';
import { BYTE_READ_CALLS, codeFilesMarked, enclosingPackages, jsCodeFiles, labelledReferences, type LabelledReference } from './support.js';
import { filesImporting, relativeImporters } from './import-index.js';
import { joinCallMatches } from './join-call-matches.js';
import { argumentGlob, copiedAt, globTargets } from './wrapper-globs.js';
import { heldFolderFiles } from './held-wrapper-folders.js';
import { blankedText } from './blanked-texts.js';
import { isFolder } from '../../util/file-index.js';
import type { ImportFact } from '../../model/facts.js';

/** A template literal whose one substitution is a name: `` `/../../${file}` ``, `` `${name}.js` `` (Stop 54). */
const NAME_TEMPLATE = String.raw`\`[^\`$\n]*\$\{\s*${NAME}\s*\}[^\`$\n]*\``;
const NAME_TEMPLATE_PARTS = new RegExp(String.raw`^\`([^\`$\n]*)\$\{\s*(${NAME})\s*\}([^\`$\n]*)\`$`);
/**
 * A join whose parts are literals and names: `path.join(this.libDir, relative)`, `resolve(__dirname, '..', name)`, `join(__dirname, `/../../${file}`)`.
 * Sticky: tried only in the head before each `join(` / `resolve(` (joinCallMatches), as matchAll of it with `g` would find it.
 */
export const JOIN = new RegExp(
  String.raw`(?:\b[\w$]*[pP]ath[\w$]*(?:\s*\.\s*default)?\s*\.\s*|(?<![\w$.]))(join|resolve)\(\s*(${OWN_FOLDER}|this\s*\.\s*${NAME}|${NAME})\s*((?:,\s*(?:${LITERAL}|${NAME_TEMPLATE}|(?:\.\.\.\s*)?${NAME})\s*)+),?\s*\)`,
  'y',
);
/**
 * tsc's call of a named import, `import { resolve } from "path"`: `(0, path_1.resolve)(__dirname, "../templates", relPath)`
 * (firebase-tools' lib/templates.js), read as `path_1.resolve(…)`, which JOIN takes. Only this form is rewritten, so
 * the evidence of every other join still quotes the file as written.
 */
const ZERO_JOIN = /\([ \t]*0[ \t]*,[ \t]*([\w$]*[pP]ath[\w$]*(?:[ \t]*\.[ \t]*default)?[ \t]*\.[ \t]*(?:join|resolve))[ \t]*\)(?=[ \t]*\()/g;
/**
 * A minifier's (or a hand's) name for the path module that does not say `path`: marp-cli's rollup
 * bundle lib/marp-cli-*.js binds `u=require("node:path")` and reads its page scripts through
 * `async function Js(e){return(await a.promises.readFile(u.resolve(__dirname,e))).toString()}`,
 * called `Js("bespoke.js")`. Found from the `require(`/`from` of the path module (a literal search),
 * the name read back before it; its `X.join(`/`X.resolve(` is read as `path.join(`/`path.resolve(`,
 * on the same line, as ZERO_JOIN rewrites tsc's form (the evidence quotes `path.resolve(…)`).
 */
const PATH_REQUIRE = /require\(\s*(['"])(?:node:)?path\1\s*\)/g;
const PATH_IMPORT = /\bfrom\s*(['"])(?:node:)?path\1/g;
const NAME_BEFORE_REQUIRE = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*$/;
const NAME_BEFORE_FROM = /\bimport\s*(?:\*\s*as\s+|\s)([A-Za-z_$][\w$]*)\s*$/;

const pathAliasesAsPath = (text: string): string => {
  const names = new Set<string>();
  for (const m of text.matchAll(PATH_REQUIRE)) {
    const name = NAME_BEFORE_REQUIRE.exec(text.slice(Math.max(0, (m.index ?? 0) - 80), m.index))?.[1];
    if (name !== undefined) names.add(name);
  }
  for (const m of text.matchAll(PATH_IMPORT)) {
    const name = NAME_BEFORE_FROM.exec(text.slice(Math.max(0, (m.index ?? 0) - 80), m.index))?.[1];
    if (name !== undefined) names.add(name);
  }
  const others = [...names].filter((n) => !/[pP]ath/.test(n));
  if (others.length === 0) return text;
  const call = new RegExp(String.raw`(?<![\w$.])(?:${others.map(escapeRegExp).join('|')})(?=[ \t]*\.[ \t]*(?:join|resolve)[ \t]*\()`, 'g');
  return text.replace(call, 'path');
};

/** What the joined path is handed to right before it: a return (an arm of a returned `c ? a : b` too), or a load or read of the file. */
const HANDED = new RegExp(String.raw`(?:\breturn|\breturn\b[^;{}\n]*[?:]|\b(?:require|import|${BYTE_READ_CALLS})\s*\(|=>)\s*$`);
const LOADED = /\b(?:require|import)\s*\(\s*$/;
const METHOD_HEADER = new RegExp(String.raw`(?:^|[\s;{},])(?:(?:async|static|public|private|protected)\s+)*(${NAME})\s*\(([^()]*)\)\s*(?::\s*[\w$<>[\]|. ]+)?$`);
/** `name: (a, b) =>` / `name: a =>` at the end of the text: an object property holding an arrow. */
const PROPERTY_ARROW = new RegExp(String.raw`(?:^|[\s,{])(${NAME})\s*:\s*(?:async\s*)?(?:\(([^()]*)\)|(${NAME}))\s*=>\s*$`);
const NOT_METHODS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'function', 'return']);

interface Wrapper {
  file: string;
  name: string;
  /** Called as `obj.name(…)`: a class or object-literal method, or an object property holding an arrow. */
  method: boolean;
  /** The parameter's place among the function's parameters. */
  param: number;
  /** The join's parts around the parameter, literals. */
  before: string[];
  after: string[];
  /** The literal text around the parameter in its own part, when that part is a template (`/../../${file}`). */
  prefix: string;
  suffix: string;
  folder: string;
  /** The join as written, where, and how its base was read, for the evidence: `which returns path.join(…) (file:line, …)`. */
  says: string;
  loads: boolean;
  /** The parameter is a rest parameter spread into the join (`(...args) => path.join(__dirname, '..', ...args)`): the call's arguments from its place on are the parts. */
  rest: boolean;
  /** The module is the function itself (`module.exports = function name`, `export default name`): a default or whole-module import calls it. */
  exportedAsModule: boolean;
  /** A method that is a function held as an object property: the key of the object holding it (`resolve` of `resolve: { cli: fn }`), which the call's receiver must end with. */
  receiverKey?: string;
}

/** A function around a position: its name, parameters, and whether it is called as a method. */
interface Header {
  name: string;
  params: (string | null)[];
  method: boolean;
}

/**
 * The function around a position: a named function or arrow (parameter-values.ts), else a class or
 * object-literal method whose body holds it (`getLibFilePath (relative) {`), else an object
 * property holding an arrow (`read: assetPath => {`, or `read: (p) => path.join(…)` right before
 * `at`). Null at the top level or in an unnamed callback.
 */
const headerAt = (text: string, at: number): Header | null => {
  const fn = enclosingFunction(text, at);
  if (fn !== null) return { name: fn.name, params: fn.params, method: false };
  const inline = PROPERTY_ARROW.exec(text.slice(Math.max(0, at - 300), at));
  if (inline) return { name: inline[1], params: paramNames(inline[2] ?? inline[3]), method: true };
  const region = functionRegion(text, at);
  if (region.start === 0) return null;
  const before = text.slice(Math.max(0, region.start - 1 - 300), region.start - 1).trimEnd();
  const arrow = PROPERTY_ARROW.exec(before);
  if (arrow) return { name: arrow[1], params: paramNames(arrow[2] ?? arrow[3]), method: true };
  const m = METHOD_HEADER.exec(before);
  if (!m || NOT_METHODS.has(m[1])) return null;
  return { name: m[1], params: paramNames(m[2]), method: true };
};

/** The folder a join's base names in the file, and how it was read; null when census cannot tell. */
const baseFolder = (base: string, file: string, text: string): { folder: string; how: string } | null => {
  const own = dirname(file);
  const b = base.replace(/\s+/g, '');
  if (OWN_FOLDER_ONLY.test(base.trim())) return { folder: own, how: b };
  const prop = /^this\.([A-Za-z_$][\w$]*)$/.exec(b);
  if (prop) {
    // Every assignment of the property in the file must name the same folder.
    const set = new RegExp(String.raw`\bthis\s*\.\s*${escapeRegExp(prop[1])}\s*=(?![=>])\s*([^;\n]+)`, 'g');
    let found: { folder: string; how: string } | null = null;
    for (const m of text.matchAll(set)) {
      const value = m[1].trim().replace(/,$/, '');
      const folder = folderOf(value, file, text);
      if (folder === null || (found !== null && found.folder !== folder)) return null;
      found ??= { folder, how: `${b} = ${value} at line ${lineAt(text, m.index ?? 0)}` };
    }
    return found;
  }
  if (!IDENTIFIER.test(b)) return null;
  if (ownPathNames(text)?.folders.has(b)) return { folder: own, how: b };
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(b)}\s*=\s*([^\n;]+)`).exec(text);
  if (decl === null) return null;
  const folder = folderOf(decl[1].trim().replace(/,$/, ''), file, text);
  return folder === null ? null : { folder, how: `${b} = ${decl[1].trim()} at line ${lineAt(text, decl.index)}` };
};

const exportsAsModule = (text: string, name: string): boolean =>
  new RegExp(String.raw`(?:\bmodule\s*\.\s*exports\s*=|\bexport\s+default)\s*(?:async\s+)?(?:function\s*\*?\s*)?${escapeRegExp(name)}\b`).test(text);

/** The wrappers one file defines. */
const wrappersIn = (file: string, text: string): Wrapper[] => {
  const out: Wrapper[] = [];
  for (const m of joinCallMatches(text, JOIN)) {
    const at = m.index ?? 0;
    const parts = splitArgs(m[3].replace(/^\s*,/, ''));
    const names = parts.map((p, i) => (literalValue(p) === null ? i : -1)).filter((i) => i >= 0);
    const spread = names.length === 1 && names[0] === parts.length - 1 && /^\.\.\.\s*[A-Za-z_$][\w$]*$/.test(parts[names[0]]);
    if (spread) parts[names[0]] = parts[names[0]].replace(/^\.\.\.\s*/, '');
    if (names.length !== 1) continue;
    const template = NAME_TEMPLATE_PARTS.exec(parts[names[0]].trim());
    // path.resolve starts over at a part that opens with `/`: the path is then absolute, no repo file.
    if (template !== null && m[1] === 'resolve' && template[1].startsWith('/')) continue;
    if (template !== null) parts[names[0]] = template[2];
    if (!IDENTIFIER.test(parts[names[0]])) continue;
    const handed = text.slice(Math.max(0, at - 60), at);
    if (!HANDED.test(handed)) continue;
    const header = headerAt(text, at);
    if (header === null) continue;
    const param = header.params.indexOf(parts[names[0]]);
    if (param < 0 || header.params.includes(m[2])) continue;
    const base = baseFolder(m[2], file, text);
    if (base === null) continue;
    const literals = parts.map((p) => literalValue(p) ?? '');
    out.push({
      file,
      name: header.name,
      method: header.method,
      param,
      before: literals.slice(0, names[0]),
      after: literals.slice(names[0] + 1),
      prefix: template?.[1] ?? '',
      suffix: template?.[3] ?? '',
      folder: base.folder,
      says: `which ${LOADED.test(handed) ? 'loads' : 'returns'} ${m[0].replace(/\s+/g, ' ')} (${file}:${lineAt(text, at)}${base.how === m[2].replace(/\s+/g, '') ? '' : `, ${base.how}`})`,
      loads: LOADED.test(handed),
      rest: spread,
      exportedAsModule: !header.method && exportsAsModule(text, header.name),
    });
  }
  return out;
};

/** The key of the object literal around `at` (`resolve` of `resolve: { cli: fn }`), read back to the unmatched `{`; undefined when it has none. */
const enclosingKey = (text: string, at: number): string | undefined => {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - 4_000); i--) {
    if (text[i] === '}') depth++;
    else if (text[i] === '{') {
      if (depth === 0) return new RegExp(String.raw`(${NAME})\s*:\s*$`).exec(text.slice(Math.max(0, i - 80), i))?.[1];
      depth--;
    }
  }
  return undefined;
};

/**
 * A function wrapper handed on as an object property's value, in its own file or one importing it
 * by name: Quasar's lib/utils/get-app-paths.js:81 `resolve: { cli: resolveToCliDir, … }`, called as
 * `appPaths.resolve.cli(…)` all over the package. Each is a method wrapper named by the key, whose
 * calls' receiver must end with the enclosing object's key when it has one.
 */
const propertyWrappers = (ctx: FrameworkContext, wrappers: readonly Wrapper[]): Wrapper[] => {
  const out: Wrapper[] = [];
  for (const w of wrappers) {
    if (w.method) continue;
    const scopes = [{ file: w.file, local: w.name }];
    for (const { from, imp } of relativeImporters(ctx, w.file)) {
      for (const n of imp.names) if (n.name === w.name && IDENTIFIER.test(n.alias ?? n.name)) scopes.push({ file: from, local: n.alias ?? n.name });
    }
    for (const { file, local } of scopes) {
      const text = ctx.readText(file) ?? '';
      if (!text.includes(`${local}`)) continue;
      const held = new RegExp(String.raw`(?<=[{,]\s*)(${NAME})\s*:\s*${escapeRegExp(local)}\s*(?=[,}])`, 'g');
      for (const m of text.matchAll(held)) {
        const at = m.index ?? 0;
        const receiverKey = enclosingKey(text, at);
        const line = lineAt(text, at);
        out.push({ ...w, file, name: m[1], method: true, exportedAsModule: false, receiverKey, says: `which is ${w.name} held as ${receiverKey === undefined ? '' : `${receiverKey}.`}${m[1]} (${file}:${line}), ${w.says}` });
      }
    }
  }
  return out;
};

/** A call whose result `require(…)` loads right there: `require(asset('x'))`, `require(ctx.name('x'))`. */
const REQUIRED_CALL = /\brequire\s*\(\s*(?:\(\s*0\s*,\s*)?[\w$.]*$/;

/** The repo file a value names through the wrapper, or null (a folder, nothing there; its index file when a require loads it). */
const targetOf = (ctx: FrameworkContext, w: Wrapper, value: string, required: boolean): string | null => {
  if (/^[a-z][\w+.-]*:/i.test(value) || value.startsWith('/')) return null;
  const joined = joinRepo(w.folder, ...w.before, `${w.prefix}${value}${w.suffix}`, ...w.after);
  if (joined === null) return null;
  if (!w.loads && !required) return ctx.files.has(joined) ? joined : null;
  return nodeCompletion(ctx.files, joined);
};

/** The string values an argument may take: a literal, a local or default, both arms of `c ? 'a' : 'b'`, a loop's element over a literal list. */
const valuesAt = (arg: string, text: string, at: number): { values: string[]; list: number | null } => {
  const a = arg.trim();
  const arms = new RegExp(String.raw`^[^?'"\`]+\?\s*(${LITERAL})\s*:\s*(${LITERAL})$`).exec(a);
  if (arms) return { values: [literalValue(arms[1]) ?? '', literalValue(arms[2]) ?? ''], list: null };
  if (IDENTIFIER.test(a)) {
    const list = listElementAt(text, at, a);
    if (list !== null) return { values: list.names, list: list.at };
  }
  return { values: argumentValues(a, text, at).literals, list: null };
};

/** A call `recv.name(…)` (or `(0, recv.name)(…)`, as TypeScript compiles a call of an imported function): where, its receiver and its arguments. */
interface MethodCall {
  index: number;
  receiver: string;
  args: string[];
}

/** The receiver right before a call's `.`, read back over at most 120 characters: `ctx`, `_index.default.asset`; `(0, x.name)(` gives `x`. */
const RECEIVER = /(?:^|[^\w$.])([\w$][\w$.]*)\s*$/;
const COMPILED_CALL = /\(\s*0\s*,\s*[\w$][\w$.]*\s*$/;

const methodCalls = (text: string, name: string): MethodCall[] => {
  const out: MethodCall[] = [];
  // The `.name(` first, the receiver read back from it: a pattern that opened with the receiver would
  // try every start inside a long run of word characters (minified text), quadratic in its length.
  for (const m of text.matchAll(new RegExp(String.raw`\.\s*${escapeRegExp(name)}\s*(\)\s*)?\(`, 'g'))) {
    const dot = m.index ?? 0;
    const before = text.slice(Math.max(0, dot - 120), dot);
    const receiver = RECEIVER.exec(before);
    // `(0, x.name)(…)`: the parenthesized callee TypeScript writes for an imported function.
    if (m[1] !== undefined && !COMPILED_CALL.test(before)) continue;
    const args = callArgsText(text, dot + m[0].length - 1);
    if (args !== null) out.push({ index: dot, receiver: receiver?.[1] ?? '', args: splitArgs(args) });
  }
  return out;
};

/** One call of a wrapper: the calling file, its text, the call, and the callee as the caller spells it. */
interface CallSite {
  w: Wrapper;
  from: string;
  text: string;
  call: { index: number; args: string[] };
  how: string;
}

/**
 * Every call of the wrappers census can tie to them: a function's by name in its own file and in
 * the files importing it from there (by name, or through the module: `paths.asset(…)`, `(0,
 * paths_1.asset)(…)`, or called whole when it is the module), a method's as `anything.name(…)` in
 * its package when no other wrapper there has that name.
 */
const callSites = (ctx: FrameworkContext, wrappers: readonly Wrapper[]): CallSite[] => {
  const out: CallSite[] = [];
  for (const w of wrappers) {
    if (w.method) continue;
    const text = ctx.readText(w.file) ?? '';
    for (const call of callsOf(text, w.name)) out.push({ w, from: w.file, text, call, how: w.name });
  }
  const byFile = new Map<string, Wrapper[]>();
  for (const w of wrappers) byFile.set(w.file, [...(byFile.get(w.file) ?? []), w]);
  // Each importing file's imports of a wrapper file, read in path order and each file's import order.
  const importing = new Map<string, { imp: ImportFact; defined: Wrapper[] }[]>();
  for (const [source, defined] of byFile) {
    for (const { from, imp } of relativeImporters(ctx, source)) importing.set(from, [...(importing.get(from) ?? []), { imp, defined }]);
  }
  for (const file of jsCodeFiles(ctx)) {
    if (!importing.has(file)) continue;
    const order = ctx.facts(file)?.imports ?? [];
    const text = ctx.readText(file) ?? '';
    for (const { imp, defined } of importing.get(file)!.sort((a, b) => order.indexOf(a.imp) - order.indexOf(b.imp))) {
      for (const w of defined) {
        if (!text.includes(w.name)) continue;
        for (const n of imp.names) {
          const local = n.alias ?? n.name;
          if (!IDENTIFIER.test(local)) continue;
          const whole = n.name === 'default' || n.name === '*';
          if (n.name === w.name || (whole && w.exportedAsModule)) for (const call of callsOf(text, local)) out.push({ w, from: file, text, call, how: local });
          else if (whole) for (const call of methodCalls(text, w.name)) if (call.receiver === local) out.push({ w, from: file, text, call, how: `${local}.${w.name}` });
        }
      }
    }
  }
  const packageOf = (file: string): string => enclosingPackages(ctx, dirname(file))[0]?.dir ?? '';
  const methods = new Map<string, Wrapper[]>();
  for (const w of wrappers.filter((x) => x.method)) {
    const key = `${packageOf(w.file)}\0${w.name}`;
    methods.set(key, [...(methods.get(key) ?? []), w]);
  }
  const unique = [...methods.entries()].filter(([, ws]) => ws.length === 1).map(([key, ws]) => ({ dir: key.split('\0')[0], w: ws[0] }));
  if (unique.length === 0) return out;
  const dirs = new Set(unique.map((u) => u.dir));
  for (const file of jsCodeFiles(ctx)) {
    if (isToolConfig(ctx, file)) continue;
    // Only the files of a package with a method wrapper are read; the prefix test first, the package walk after.
    if (![...dirs].some((d) => d === '' || file.startsWith(`${d}/`))) continue;
    const dir = packageOf(file);
    const mine = unique.filter((u) => u.dir === dir);
    if (mine.length === 0) continue;
    const text = ctx.readText(file) ?? '';
    for (const { w } of mine) {
      if (!text.includes(w.name)) continue;
      for (const call of methodCalls(text, w.name)) {
        if (w.receiverKey !== undefined && call.receiver.split('.').pop() !== w.receiverKey) continue;
        out.push({ w, from: file, text, call, how: `${call.receiver}.${w.name}`.replace(/^\./, '') });
      }
    }
  }
  return out;
};

/** The files a caller names by joining onto the folder a call gives (`const dir = getTemplatePath("snap")`, then `path.join(dir, script)`). */
const heldFolder = (ctx: FrameworkContext, { w, from, text, call, how }: CallSite, value: string, line: number, out: LabelledReference[]): void => {
  const folder = joinRepo(w.folder, ...w.before, `${w.prefix}${value}${w.suffix}`, ...w.after);
  if (folder === null || !isFolder(ctx.files, folder)) return;
  // Comments blanked (same offsets): an apostrophe in one (`// copyFile doesn't preserve mode`) is no string's quote.
  for (const h of heldFolderFiles(ctx.files, blankedText(ctx, from, text), call.index, folder)) {
    if (h.target !== from) out.push({ from, target: h.target, line: h.line, label: `${from}:${h.line} names it by ${h.how}, the folder ${how}('${value}') gives at line ${line}, ${w.says}` });
  }
};

/** A computed argument (wrapper-globs.ts): each file its glob names, and all below a folder it names when the call is a copy's source. */
const handGlob = (ctx: FrameworkContext, { w, from, text, call, how }: CallSite, arg: string, line: number, out: LabelledReference[]): void => {
  const read = argumentGlob(arg, text, call.index);
  if (read === null) return;
  const joined = joinRepo(w.folder, ...w.before, `${w.prefix}${read.glob}${w.suffix}`, ...w.after);
  if (joined === null) return;
  const copied = copiedAt(text, call.index);
  const targets = globTargets(ctx, joined, from, copied);
  if (targets === null) return;
  const written = arg.trim().replace(/\s+/g, ' ');
  for (const target of targets) {
    out.push({ from, target, line, label: `${from}:${line} calls ${how}(${written})${read.held}, read as ${joined}${copied ? " (a copy's source: every file below it too)" : ''}, ${w.says}` });
  }
};

/**
 * The files that may define a wrapper: those that spell a module's folder (the `dirname` mark) and
 * those that import Node's url module, as Quasar's lib/utils/cli-runtime.js:5 does:
 * `export const cliDir = fileURLToPath(new URL('../..', import.meta.url))`. The url importers come
 * from the shared import index, as folder-constants takes them (a walk of every file's import facts
 * here cost 15-28 ms on payload). In jsCodeFiles' order.
 */
const wrapperCandidates = (ctx: FrameworkContext): readonly string[] => {
  const marked = codeFilesMarked(ctx, ['dirname']);
  const urlUsers = filesImporting(ctx, (specifier) => specifier === 'url' || specifier === 'node:url');
  if (urlUsers.length === 0) return marked;
  const wanted = new Set([...marked, ...urlUsers]);
  return jsCodeFiles(ctx).filter((file) => wanted.has(file));
};

const found = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const wrappers: Wrapper[] = [];
  for (const file of wrapperCandidates(ctx)) {
    if (isToolConfig(ctx, file)) continue;
    const written = ctx.readText(file) ?? '';
    // Every ZERO_JOIN match spells `join` or `resolve`: a text without either (payload's large test files
    // that name their folder) is not matched for none, and holds no join after it either.
    if (!written.includes('join') && !written.includes('resolve')) continue;
    const text = pathAliasesAsPath(written.replace(ZERO_JOIN, '$1'));
    if (!text.includes('join(') && !text.includes('resolve(')) continue;
    wrappers.push(...wrappersIn(file, text));
  }
  const out: LabelledReference[] = [];
  if (wrappers.length === 0) return out;
  wrappers.push(...propertyWrappers(ctx, wrappers));
  const seen = new Set<string>();
  const derived = new Map<string, Wrapper>();
  const hand = ({ w, from, text, call, how }: CallSite, deriving: boolean) => {
    const arg = call.args[w.param];
    if (arg === undefined) return;
    // A rest parameter: each argument from its place on is a part, all literals or nothing.
    const rest = w.rest ? call.args.slice(w.param).map((a) => literalValue(a)) : [];
    if (rest.some((v) => v === null)) return;
    const line = lineAt(text, call.index);
    // A caller that hands on its own parameter is a wrapper too (one level): `render(path) { … asset.read(path) }`.
    if (deriving && !w.rest && IDENTIFIER.test(arg.trim())) {
      const header = headerAt(text, call.index);
      const param = header?.params.indexOf(arg.trim()) ?? -1;
      if (header != null && param >= 0) {
        // One per join handed on: a helper with two returns (firebase-tools' `absoluteTemplateFilePath`: `templates`
        // beside it for the VS Code build, `../templates` else) hands its caller both folders, not the first only.
        const key = `${from}\0${header.name}\0${param}\0${w.file}\0${w.says}`;
        if (!derived.has(key))
          derived.set(key, { ...w, file: from, name: header.name, method: header.method, param, says: `which hands it to ${how} (${from}:${line}), ${w.says}`, exportedAsModule: !header.method && exportsAsModule(text, header.name) });
        return;
      }
    }
    const { values, list } = w.rest ? { values: [rest.join('/')], list: null } : valuesAt(arg, text, call.index);
    const required = REQUIRED_CALL.test(text.slice(Math.max(0, call.index - 120), call.index));
    if (values.length === 0 && !w.rest && !w.loads && !required) {
      handGlob(ctx, { w, from, text, call, how }, arg, line, out);
      return;
    }
    for (const value of values) {
      const target = targetOf(ctx, w, value, required);
      // Stop 64: a folder the caller holds and joins file names onto (held-wrapper-folders.ts).
      if (target === null && !w.loads && !required) heldFolder(ctx, { w, from, text, call, how }, value, line, out);
      if (target === null || target === from) continue;
      const key = `${from}\0${target}\0${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const element = list === null ? '' : ` (an element of the list at line ${lineAt(text, list)})`;
      out.push({ from, target, line, label: `${from}:${line} ${required ? 'requires' : 'calls'} ${how}('${w.rest ? rest.join("', '") : value}')${element}, ${w.says}` });
    }
  };
  for (const site of callSites(ctx, wrappers)) hand(site, true);
  if (derived.size > 0) for (const site of callSites(ctx, [...derived.values()])) hand(site, false);
  return out;
});

const pathWrappers: FrameworkReader = {
  id: 'path-wrappers',
  title: 'files named through a repo helper that joins its argument onto the module folder',
  ecosystem: 'javascript',
  ...labelledReferences(found),
};

export default pathWrappers;
