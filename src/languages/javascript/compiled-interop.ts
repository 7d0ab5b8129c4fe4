/**
 * CommonJS written by a compiler, read as the source it was compiled from. tsc, Babel and esbuild
 * bind each import to a name of their own and reach the module's default through `.default`:
 * `import express from 'express'` becomes `const express_1 = __importDefault(require("express"))`
 * (tsc), `var _express = _interopRequireDefault(require("express"))` (Babel) or
 * `var import_express = __toESM(require("express"))` (esbuild), and `express.static(dir)` becomes
 * `express_1.default.static(dir)` (Babel's loose output: `_express["default"]`); a named import's
 * call `join(…)` becomes `(0, path_1.join)(…)`, the `(0, f)(…)` form calling `f` without a `this`.
 * `asSource` rewrites a text so that readers matching the source's spelling read the compiled file
 * too: the name each listed module is bound to becomes the name the caller gives for it, `.default`
 * after it is dropped, and `(0, f)(` reads `f(`. Every rewrite stays on its line, so line numbers in
 * the result are the original's.
 */
import { escapeRegExp } from '../../util/regexp.js';

/** The opening of the interop helper call tsc (plain and through tslib), Babel and esbuild wrap a `require` in: a pattern's source. */
export const INTEROP_OPEN = String.raw`(?:tslib(?:_1)?\.)?(?:__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM)\([ \t]*`;
/** A name bound to a `require`, through an interop helper or not. */
const BINDING = new RegExp(String.raw`\b(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*(?:${INTEROP_OPEN})?require\([ \t]*(['"])([^'"\n]+)\2[ \t]*\)`, 'g');
/** `(0, f)(` / `(0, m.f)(`, the call without a `this`. */
const ZERO_CALL = /\([ \t]*0[ \t]*,[ \t]*([A-Za-z_$][\w$]*(?:[ \t]*\.[ \t]*[A-Za-z_$][\w$]*)*)[ \t]*\)(?=[ \t]*\()/g;
/**
 * What marks a text as compiled CommonJS (`__importDefault`, `__importStar`, `_interopRequire`,
 * `__toESM`, `(0, `): one test before any rewrite. Five `includes`, not one alternation: the
 * pattern tries each `_` and `(` of every text, a substring search skips ahead (one cold pass over
 * payload's JS/TS texts: 55-59 → 19-21 ms CPU).
 */
const isCompiled = (text: string): boolean =>
  text.includes('(0, ') || text.includes('__importDefault') || text.includes('__importStar') || text.includes('_interopRequire') || text.includes('__toESM');

/**
 * `text` with each binding of a module named in `names` (module → the name source code gives it)
 * spelled by that name and its `.default` dropped, and `(0, f)(` calls as `f(`; `text` itself
 * when it holds none of the compilers' marks.
 */
export const asSource = (text: string, names: Readonly<Record<string, string>>): string => {
  if (!isCompiled(text)) return text;
  let out = text;
  const renames = new Map<string, string>();
  for (const m of text.matchAll(BINDING)) {
    const name = names[m[3]];
    if (name !== undefined && m[1] !== name) renames.set(m[1], name);
  }
  for (const [local, name] of renames) {
    out = out.replace(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(local)}(?:[ \t]*\.[ \t]*default\b|\[[ \t]*(['"])default\1[ \t]*\])?(?![\w$])`, 'g'), name);
  }
  return out.replace(ZERO_CALL, '$1');
};

/** A module bound to a name in hand-written code: `var fs = require('fs'), pth = require('path')`, `import * as pth from 'node:path'`. */
const PLAIN_BINDING = /(?:\b(?:const|let|var)|,)\s*([A-Za-z_$][\w$]*)\s*=\s*require\(\s*(['"])([^'"\n]+)\2\s*\)|\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s+(['"])([^'"\n]+)\5/g;

const MAX_RENAMES = 4;

/**
 * `text` with a listed module that hand-written code binds to a name of its own read under the
 * source's name at its member uses: pm2's `pth = require('path')` and `pth.join(__dirname,
 * 'completion.sh')` read as `path.join(…)`. Only `NAME.` is renamed (not a bare `NAME`, which may be a
 * parameter or a string of the same spelling elsewhere); lines stay where they were. `aliases`: the
 * names renamed, so evidence can say what the line spells.
 */
export const aliasedAsSource = (text: string, names: Readonly<Record<string, string>>): { text: string; aliases: ReadonlySet<string> } => {
  const renamed = new Set<string>();
  if (!Object.keys(names).some((module) => text.includes(module))) return { text, aliases: renamed };
  let out = text;
  for (const m of text.matchAll(PLAIN_BINDING)) {
    const local = m[1] ?? m[4];
    const name = names[m[3] ?? m[6]];
    // Each name once, and a few at most: every rename is a pass over the whole text.
    if (name === undefined || local === name || renamed.has(local) || renamed.size >= MAX_RENAMES) continue;
    renamed.add(local);
    out = out.replace(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(local)}(?=[ \t]*\.[ \t]*[A-Za-z_$])`, 'g'), name);
  }
  return { text: out, aliases: renamed };
};
