/**
 * Stop 59: a join onto a function's parameter, where the callers in the same file pass a folder
 * built from the module's own (`path.join(fs.realpathSync(__dirname), '..', 'lib')`), and whose other
 * parts are literals or fields of an object literal of the file. brunch's bin/brunch:40-60:
 * `var files = {old: 'cli.js', new: 'run-cli.js'}`, `var loadBrunch = function(libPath) { var runCli =
 * join(libPath, files.new); … fork(runCli …) … require(join(libPath, files.old)).run(); }`, called as
 * `loadBrunch(join(fs.realpathSync(__dirname), '..', 'lib'))`, with `var join = sysPath.join`.
 *
 * anchored-paths reads a parameter base only when a caller passes the folder itself (`__dirname`) and
 * literal parts only; this reads the caller's folder expression (folder-expr.ts, `fs.realpathSync` of
 * the module's folder read as that folder, which it is in the tree) and `OBJ.KEY` parts of a
 * `const`/`let`/`var OBJ = { KEY: 'literal' }` of the file. The path module under a name of the file's
 * own and `join`/`resolve` taken off it (`var join = sysPath.join`, `const { join } = require('path')`)
 * count. Only a code file is named (its path needs no use, as in anchored-paths: something may require or
 * fork it); inside `require(…)` it is completed as Node does. A path only written, removed or tested
 * for names nothing; a caller passing anything else (a folder from the working directory) adds nothing.
 */
import { joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { byteUse, codeFilesMarked } from './support.js';
import { callArguments, callArgsText, type CallArgument, enclosingFunction, literalValue, mayBeParameter, objectText, propertyOf } from './parameter-values.js';
import { folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { dataUseNote, nodeCompletion } from './anchored-paths.js';
import { shadowedBetween } from './shadowed-names.js';
import { blankedText } from './blanked-texts.js';

/** A code file a join may name. */
const CODE = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/;
/** The module's real folder: in the tree it is the folder itself. */
const REAL_OWN_FOLDER = /(?:fs\s*\.\s*)?realpathSync(?:\s*\.\s*native)?\(\s*__dirname\s*\)/g;
const NAME = String.raw`[A-Za-z_$][\w$]*`;
/** A part read off an object literal of the file (`files.old`), compiled once rather than per part. */
const MEMBER_READ = new RegExp(String.raw`^(${NAME})\s*\.\s*(${NAME})$`);
/** A join's base that is a bare name (a parameter), compiled once rather than per join. */
const WHOLE_NAME = new RegExp(String.raw`^${NAME}$`);
/** How many functions' callers a file is read for: a bound on a minified file's cost, far above a hand-written loader's few. */
const CALLED_FUNCTIONS = 64;
/** A folder listing in a function's body: folder-requires reads those functions. */
const LISTS = /\b(?:readdir|readdirSync|glob|globSync|sync)\s*\(|[gG]lob\w*\s*\(/;

/** `P = require('path')`, found by its call: a pattern that opens with the name is tried at every character. */
const PATH_REQUIRE = /require\(\s*['"](?:node:)?path['"]\s*\)/g;
/** `NAME = ` as the whole of a slice that starts at the name. */
const NAME_BEFORE = new RegExp(String.raw`(?<![\w$.])(${NAME})\s*=\s*$`);

/**
 * The names bound to the path module as `NAME = require('path')`, in order: each call found first,
 * then the name before it. The same as matchAll of `(?<![\w$.])(NAME)\s*=\s*require(…)`: a match
 * ends at its call's `)`, so matches never overlap, and the name is the whole run of name
 * characters before the `=` (a shorter one would follow a name character).
 */
const pathRequireNames = (text: string): string[] => {
  const out: string[] = [];
  PATH_REQUIRE.lastIndex = 0;
  for (let m = PATH_REQUIRE.exec(text); m !== null; m = PATH_REQUIRE.exec(text)) {
    // Back over the spaces, the `=` and the spaces before it: each run is read by the one call after it.
    let at = m.index;
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    if (text[at - 1] !== '=') continue;
    at--;
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    let start = at;
    while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
    const found = NAME_BEFORE.exec(text.slice(start, m.index));
    if (found !== null && found.index === 0 && (start === 0 || !/[\w$.]/.test(text[start - 1]))) out.push(found[1]);
  }
  return out;
};

/** The names the file calls path.join/path.resolve by: `path.join`, `P.join` for `P = require('path')`, `join` taken off either. */
export const joinCallees = (text: string): string[] => {
  const modules = new Set(['path']);
  // Every pattern below is asked only when a literal each match must hold is in the text: tried at
  // every character they were most of this reader's time on payload (427 texts, 50 ms).
  if (text.includes('require(')) for (const name of pathRequireNames(text)) modules.add(name);
  const out = [...modules].flatMap((p) => [`${p}.join`, `${p}.resolve`]);
  const module = [...modules].map(escapeRegExp).join('|');
  if (new RegExp(String.raw`(?:${module})\s*\.\s*(?:join|resolve)\s*[;,\n]`).test(text)) for (const m of text.matchAll(new RegExp(String.raw`\b(?:var|let|const)\s+(${NAME})\s*=\s*(?:${module})\s*\.\s*(join|resolve)\s*[;,\n]`, 'g'))) out.push(m[1]);
  // Each gate is its pattern's tail from a literal on: the `}` of `{ join } = P;`, the module's name of `P.join;`.
  if (new RegExp(String.raw`\}\s*=\s*(?:require\(\s*['"](?:node:)?path['"]\s*\)|${module})\s*[;\n]`).test(text)) {
    for (const m of text.matchAll(new RegExp(String.raw`\b(?:var|let|const)\s*\{([^{}]*)\}\s*=\s*(?:require\(\s*['"](?:node:)?path['"]\s*\)|${module})\s*[;\n]`, 'g'))) {
      for (const part of m[1].split(',')) {
        const b = /^\s*(join|resolve)\s*(?::\s*([A-Za-z_$][\w$]*))?\s*$/.exec(part);
        if (b !== null) out.push(b[2] ?? b[1]);
      }
    }
  }
  return out;
};

/** A part's literal value: a string literal, or `OBJ.KEY` of an object literal the file declares; null otherwise. */
const partValue = (part: string, text: string): string | null => {
  const literal = literalValue(part);
  if (literal !== null) return literal;
  const m = MEMBER_READ.exec(part.trim());
  if (m === null) return null;
  const object = objectText(m[1], text);
  if (object === undefined || !object.startsWith('{')) return null;
  const value = propertyOf(object, m[2]);
  return value === null ? null : literalValue(value);
};

export const collectParameterFolderJoins = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    const written = ctx.readText(file);
    if (written === null || (!written.includes('join(') && !written.includes('resolve('))) continue;
    const text = blankedText(ctx, file, written);
    const callees = joinCallees(text);
    // A function's callers are read once however many joins it holds (20,000 joins of 50 functions in an
    // 850 KB one-line file read the whole text per join: 7 s), and at most CALLED_FUNCTIONS functions a file.
    const callers = new Map<string, CallArgument[]>();
    const callersOf = (name: string, position: number): CallArgument[] => {
      const key = `${position}:${name}`;
      let found = callers.get(key);
      if (found === undefined) {
        found = callers.size < CALLED_FUNCTIONS ? callArguments(text, name, position) : [];
        callers.set(key, found);
      }
      return found;
    };
    // Whether a function's body lists a folder, once per function: asked per join, a function of 20,000
    // joins had its whole body matched 20,000 times (5 s).
    const listing = new Map<string, boolean>();
    const listsFolder = (fn: { start: number; end: number }): boolean => {
      const key = `${fn.start}:${fn.end}`;
      let lists = listing.get(key);
      if (lists === undefined) listing.set(key, (lists = LISTS.test(text.slice(fn.start, fn.end))));
      return lists;
    };
    const call = new RegExp(String.raw`(?<![\w$.])(?:${callees.map((c) => c.split('.').map(escapeRegExp).join(String.raw`\s*\.\s*`)).join('|')})\s*\(`, 'g');
    for (const m of text.matchAll(call)) {
      const at = m.index ?? 0;
      const args = callArgsText(text, at + m[0].length - 1);
      if (args === null) continue;
      const [base, ...rest] = splitArgs(args).map((a) => a.trim());
      if (base === undefined || rest.length === 0 || !WHOLE_NAME.test(base)) continue;
      // A part that is neither a literal nor `OBJ.KEY` never has a value (partValue below): asked before
      // the function around the join is looked for, the dearer question (payload: 44 of this reader's ms).
      if (!rest.every((p) => literalValue(p) !== null || MEMBER_READ.test(p.trim()))) continue;
      // A name no function header of the text takes is no parameter: the braces are not walked for it.
      if (!mayBeParameter(text, base)) continue;
      const fn = enclosingFunction(text, at);
      const position = fn === null ? -1 : fn.params.indexOf(base);
      // A function between the def and the join that takes the name again (`names.map(prefix => join(prefix, …))`) joins onto its own argument.
      if (fn === null || position < 0 || shadowedBetween(text, base, fn.start, at)) continue;
      // A function that lists the folder it is handed (readdir, a glob) is folder-requires' to read, with the listing in its sentence.
      if (listsFolder(fn)) continue;
      const parts = rest.map((p) => partValue(p, text));
      if (parts.some((p) => p === null)) continue;
      const bytes = byteUse(text, at);
      if (bytes === 'content-free') continue;
      // A file read or copied as bytes (a scaffolder's template) is used as data: the evidence says so, as anchored-paths' does.
      const use = bytes === null ? '' : dataUseNote(text, file, at, bytes);
      for (const c of callersOf(fn.name, position)) {
        // The caller's argument read as a folder, the file's join names spelled `path.join`.
        let expr = c.text.trim().replace(REAL_OWN_FOLDER, '__dirname');
        const head = /^([\w$.\s]+?)\s*\(/.exec(expr)?.[1].replace(/\s+/g, '');
        if (head !== undefined && callees.includes(head)) expr = `path.${head.endsWith('resolve') ? 'resolve' : 'join'}${expr.slice(expr.indexOf('('))}`;
        const folder = folderOf(expr, file, text);
        if (folder === null) continue;
        const joined = joinRepo(folder, ...(parts as string[]));
        if (joined === null) continue;
        const required = /\brequire\(\s*$/.test(text.slice(Math.max(0, at - 40), at));
        const target = required ? nodeCompletion(ctx.files, joined) : joined;
        if (target === null || target === file || !CODE.test(target) || !ctx.files.has(target)) continue;
        const line = lineAt(text, at);
        const shown = text.slice(at, at + m[0].length + args.length + 1).replace(/\s+/g, ' ');
        out.references.push({
          from: file,
          target,
          targetKind: 'file',
          line,
          label: `named by path in ${file}:${line}${use} (${shown}, ${base} = ${c.text.trim().replace(/\s+/g, ' ')} at line ${lineAt(text, c.index)})`,
        });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'parameter-folder-joins',
  title: 'JS paths joined onto a parameter that callers fill with a folder of the module',
  ecosystem: 'javascript',
  enabledBy: (ctx) => (codeFilesMarked(ctx, ['dirname']).length > 0 ? 'a JS/TS file names its own folder' : null),
  collect: collectParameterFolderJoins,
};

export default reader;
