/**
 * Stop 47: a folder named through a path helper another repo module exports. The Lounge serves its
 * client with `express.static(Utils.getFileFromRelativeToRoot("public"))`, where `Utils`
 * (command-line/utils.js) is a class whose static method is `return fromRoot(...fileName)`, and
 * rootpath.js' `fromRoot(...fileName)` is `return path.resolve(rootDir, ...fileName)` with `rootDir`
 * a `const` chosen between `path.resolve(__dirname, "..")` and `path.resolve(__dirname, "..", "..")`.
 *
 * A call whose arguments are all string literals, of a name the file binds to a relative module
 * (`require('./x')` through a compiler's interop helper or not, `import X from`, `import { f as X }
 * from`, `import * as X from`), is read through that module: the function or method of the name
 * called (the default export's, or the module's function of that name) whose body is one `return`
 * (or an arrow's expression), its parameters replaced by the literals (a rest parameter by all the
 * remaining ones), is read as a folder in the module's own text (folder-expr.ts: anchored on that
 * module's `__dirname`). A join onto a `const` holding a conditional (`cond ? a : b`) gives each
 * branch's folder that exists; a returned call of another imported helper is followed in turn (up
 * to MAX_HOPS modules). Nothing is run; anything else is null. Only the static-serving readers
 * (static-dirs.ts) ask it, for a folder they could not read from their own file.
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { INTEROP_OPEN, asSource } from '../../languages/javascript/compiled-interop.js';
import { explainedFolderOf, splitArgs, templateAsJoin, type FolderScope } from '../../languages/javascript/folder-expr.js';
import { balancedText, IDENTIFIER_SOURCE as NAME, topLevelIndex } from '../../languages/javascript/js-text.js';
import type { FrameworkContext } from '../types.js';
import { literalValue } from './parameter-values.js';
import { resolveToolPath } from './support.js';

/** How many modules a helper's call is followed through. */
const MAX_HOPS = 3;
/** `Utils.getFileFromRelativeToRoot(…)`, `utils_1.default.f(…)`, `fromRoot(…)`: a dotted callee and its argument list. */
const CALL = new RegExp(String.raw`^(${NAME}(?:\s*\.\s*${NAME})*)\s*\(([\s\S]*)\)$`);
/** The path module names source and compiled code give it. */
const PATH_NAMES: Record<string, string> = { path: 'path', 'node:path': 'path' };

export interface HelperFolder {
  folder: string;
  why: string[];
}

/**
 * The relative module `head` is bound to in `text`, and the name of the function the callee
 * `head.rest…` reaches in it (null: the module's default export itself). A member of the default
 * export (`Utils.f`, a class's static method) and a function the module exports by that name are
 * both looked up by the name in the module.
 */
const boundModule = (text: string, head: string, rest: string[]): { spec: string; name: string | null } | null => {
  const h = escapeRegExp(head);
  const required = new RegExp(String.raw`\b(?:const|let|var)\s+${h}\s*=\s*(?:${INTEROP_OPEN})?require\(\s*(['"])(\.{1,2}\/[^'"\n]*)\1\s*\)`).exec(text);
  const imported = required
    ? null
    : new RegExp(String.raw`\bimport\s+(?:${h}|\*\s+as\s+${h}|\{[^}]*?\b(${NAME})\s+as\s+${h}\s*[,}]|\{[^}]*?\b(${h})\s*[,}])\s*from\s*(['"])(\.{1,2}\/[^'"\n]*)\3`).exec(text);
  const spec = required?.[2] ?? imported?.[4];
  if (spec === undefined) return null;
  const named = imported?.[1] ?? imported?.[2];
  if (named !== undefined) return rest.length === 0 ? { spec, name: named } : null;
  // `.default` is how compiled code reaches a default export.
  const path = rest[0] === 'default' ? rest.slice(1) : rest;
  if (path.length > 1) return null;
  return { spec, name: path[0] ?? null };
};

interface Fn {
  params: string;
  body: string;
  index: number;
}

/** A function or method named `name` in `text` whose body is one `return` (or an arrow's expression). */
const functionNamed = (text: string, name: string): Fn | null => {
  const n = escapeRegExp(name);
  const headers = [
    new RegExp(String.raw`\bfunction\s*\*?\s*${n}\s*\(`, 'g'),
    new RegExp(String.raw`(?:^|[\n;{}])\s*(?:(?:static|async|public|export)\s+)*${n}\s*\(`, 'g'),
    new RegExp(String.raw`(?:\b(?:const|let|var)\s+|\bexports\s*\.\s*|\bmodule\s*\.\s*exports\s*\.\s*|[\n{,]\s*)${n}\s*[=:]\s*(?:async\s+)?(?:function\b\s*[\w$]*\s*)?(?=\()`, 'g'),
    new RegExp(String.raw`(?:\b(?:const|let|var)\s+|\bexports\s*\.\s*)${n}\s*=\s*(?:async\s+)?(?=${NAME}\s*=>)`, 'g'),
  ];
  for (const header of headers) {
    for (const m of text.matchAll(header)) {
      const open = (m.index ?? 0) + m[0].length - (m[0].endsWith('(') ? 1 : 0);
      const fn = functionAt(text, open);
      // The header's own first character (the pattern may open on the separator before it).
      if (fn !== null) return { ...fn, index: (m.index ?? 0) + Math.max(0, m[0].search(/[^\s;{},]/)) };
    }
  }
  return null;
};

/** The function whose parameter list opens at `open` (`(a, ...b) {`, `(a) =>`, `a =>`): its parameters and its one returned expression. */
const functionAt = (text: string, open: number): { params: string; body: string } | null => {
  let params: string;
  let after: number;
  if (text[open] === '(') {
    const list = balancedText(text, open, 2_000);
    if (list === null) return null;
    params = list.slice(1, -1);
    after = open + list.length;
  } else {
    const m = new RegExp(String.raw`^(${NAME})\s*`, 'y');
    m.lastIndex = 0;
    const bare = m.exec(text.slice(open, open + 200));
    if (bare === null) return null;
    params = bare[1];
    after = open + bare[0].length;
  }
  const tail = /^\s*(?::[^{}=;]*?)?\s*(=>\s*)?/.exec(text.slice(after, after + 200));
  const start = after + (tail?.[0].length ?? 0);
  if (text[start] === '{') {
    const block = balancedText(text, start, 10_000);
    const ret = block === null ? null : /^\{\s*return\s+([\s\S]+?)\s*;?\s*\}$/.exec(block);
    if (ret === null || /;\s*\S/.test(ret[1])) return null;
    return { params, body: ret[1] };
  }
  if (tail?.[1] === undefined) return null;
  const line = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
  return { params, body: line.replace(/[;,]\s*$/, '').trim() };
};

/** The name a module's default export is given (`exports.default = X`, `module.exports = X`, `export default X`), or its own function. */
const defaultExport = (text: string): Fn | null => {
  const named = /\b(?:exports\s*\.\s*default|module\s*\.\s*exports|export\s+default)\s*=?\s*([A-Za-z_$][\w$]*)\s*;?\s*$/m.exec(text);
  if (named && named[1] !== 'function' && named[1] !== 'class' && named[1] !== 'async') return functionNamed(text, named[1]);
  const inline = /\b(?:module\s*\.\s*exports\s*=|export\s+default)\s*(?:async\s+)?(?:function\b\s*\*?\s*[\w$]*\s*)?(?=\(|[A-Za-z_$][\w$]*\s*=>)/.exec(text);
  if (inline === null) return null;
  const fn = functionAt(text, (inline.index ?? 0) + inline[0].length);
  return fn === null ? null : { ...fn, index: inline.index ?? 0 };
};

/** `body` with the parameters replaced by the call's literals (a rest parameter by the remaining ones), or null. */
const inlined = (params: string, body: string, values: string[]): string | null => {
  let out = body;
  const list = params.trim() === '' ? [] : splitArgs(params);
  for (const [i, raw] of list.entries()) {
    const rest = raw.trim().startsWith('...');
    const name = raw.replace(/^\s*\.\.\./, '').replace(/[?]?\s*:[\s\S]*$/, '').replace(/=[\s\S]*$/, '').trim();
    if (!new RegExp(`^${NAME}$`).test(name)) return null;
    const p = escapeRegExp(name);
    if (rest) {
      const quoted = values.slice(i).map((v) => `'${v}'`);
      // `f(...fileName)` / `resolve(root, ...fileName)`: the literals spread in its place.
      out = out.replace(new RegExp(String.raw`,?\s*\.\.\.${p}(?![\w$])`, 'g'), (m) => (quoted.length === 0 ? '' : `${m.startsWith(',') ? ', ' : ''}${quoted.join(', ')}`));
      if (new RegExp(String.raw`(?<![\w$.])${p}(?![\w$])`).test(out)) return null;
      return out;
    }
    const value = values[i];
    if (value === undefined) return null;
    out = out.replace(new RegExp(String.raw`\$\{\s*${p}\s*\}`, 'g'), value).replace(new RegExp(String.raw`(?<![\w$.'"\`])${p}(?![\w$'"\`])`, 'g'), `'${value}'`);
  }
  return values.length > list.length ? null : out;
};

/** The statement a `const`/`let`/`var` of `name` holds, up to its `;` outside strings and brackets. */
const declaredValue = (text: string, name: string): { value: string; index: number } | null => {
  const m = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(name)}\s*=\s*`).exec(text);
  if (m === null) return null;
  const start = m.index + m[0].length;
  const end = topLevelIndex(text, start, (c) => c === ';', 2_000);
  return end < 0 ? null : { value: text.slice(start, end).trim(), index: m.index };
};

/** A conditional's `?` (not `??` or `?.`). */
const isQuestion = (expr: string) => (c: string, at: number): boolean => c === '?' && expr[at + 1] !== '?' && expr[at + 1] !== '.' && expr[at - 1] !== '?';

/** The two branches of `cond ? a : b` at the top level of `expr`, or null (none, or a conditional nested in its first branch). */
const branches = (expr: string): [string, string] | null => {
  const q = topLevelIndex(expr, 0, isQuestion(expr), expr.length);
  const colon = q < 0 ? -1 : topLevelIndex(expr, q + 1, (c) => c === ':', expr.length);
  if (colon < 0) return null;
  const nested = topLevelIndex(expr, q + 1, isQuestion(expr), expr.length);
  return nested >= 0 && nested < colon ? null : [expr.slice(q + 1, colon).trim(), expr.slice(colon + 1).trim()];
};

const exists = (ctx: FrameworkContext, folder: string): boolean => pathsWithPrefix(ctx.files, folder === '' ? '' : `${folder}/`).length > 0;

/** The folders `expr` (returned by a helper of `module`) names in that module's text. */
const foldersIn = (ctx: FrameworkContext, module: string, text: string, expr: string, scope: FolderScope | null, hops: number): HelperFolder[] => {
  const found = explainedFolderOf(templateAsJoin(expr), module, text, scope);
  if (found !== null) return exists(ctx, found.folder) ? [found] : [];
  // `path.resolve(rootDir, 'public')`, `rootDir` a `const` holding `cond ? path.resolve(__dirname, '..') : …`.
  const join = /^(?:path\s*\.\s*)?(?:join|resolve)\(([\s\S]*)\)$/.exec(expr.trim());
  const args = join ? splitArgs(join[1]) : [];
  const parts = args.slice(1).map((a) => literalValue(a));
  if (join && args.length > 0 && new RegExp(`^${NAME}$`).test(args[0]) && parts.every((p) => p !== null)) {
    const decl = declaredValue(text, args[0]);
    const both = decl === null ? null : branches(decl.value);
    if (decl !== null && both !== null) {
      const out: HelperFolder[] = [];
      for (const branch of both) {
        const base = explainedFolderOf(branch, module, text, scope);
        const folder = base === null ? null : joinRepo(base.folder, ...(parts as string[]));
        if (folder === null || base === null || !exists(ctx, folder)) continue;
        out.push({ folder, why: [...base.why, `${args[0]} = ${branch.replace(/\s+/g, ' ')} at ${module}:${lineAt(text, decl.index)} (one branch of its conditional)`] });
      }
      return out;
    }
  }
  return helperFolders(ctx, module, text, expr, scope, hops + 1);
};

/**
 * The folders a call of an imported path helper names (`Utils.getFileFromRelativeToRoot("public")`
 * in `file`, whose text is `text`), each with the steps it went through; empty when the call is not
 * one census can read.
 */
export const helperFolders = (ctx: FrameworkContext, file: string, text: string, expr: string, scope: FolderScope | null, hops = 0): HelperFolder[] => {
  if (hops >= MAX_HOPS) return [];
  const call = CALL.exec(expr.trim());
  if (call === null) return [];
  const values = splitArgs(call[2]).map((a) => literalValue(a));
  if (values.length === 0 || values.some((v) => v === null || /['"`\\$]/.test(v))) return [];
  const [head, ...rest] = call[1].split('.').map((s) => s.trim());
  const bound = boundModule(text, head, rest);
  if (bound === null) return [];
  const module = resolveToolPath(ctx, dirname(file), bound.spec);
  if (module === null || module === file) return [];
  const moduleText = asSource(ctx.readText(module) ?? '', PATH_NAMES);
  const fn = bound.name !== null ? functionNamed(moduleText, bound.name) : defaultExport(moduleText);
  if (fn === null) return [];
  const body = inlined(fn.params, fn.body, values as string[]);
  if (body === null) return [];
  const step = `${call[1].replace(/\s+/g, '')}(${(values as string[]).map((v) => `'${v}'`).join(', ')}) returns ${body.replace(/\s+/g, ' ')} (${module}:${lineAt(moduleText, fn.index)})`;
  return foldersIn(ctx, module, moduleText, body, scope, hops).map((f) => ({ folder: f.folder, why: [step, ...f.why] }));
};
