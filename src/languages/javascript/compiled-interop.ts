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
 * after it is dropped, and `(0, f)(` reads `f(`. Rollup's CommonJS output binds a module once by
 * `require` and again through an interop helper, `var path__namespace = _interopNamespace(path)`
 * or `var path__default = _interopDefaultLegacy(path)` (each after a `#__PURE__` comment), then calls `path__namespace.resolve(…)`
 * and `path__default["default"].resolve(…)` (@remix-run/dev's dist/compiler/js/compiler.js:53,73): the
 * helper's name is the module's too. Every rewrite stays on its line, so line numbers in the result
 * are the original's.
 */
import { escapeRegExp } from '../../util/regexp.js';
import { moduleAliasesOf } from './module-binding.js';

/** `(0, f)(` / `(0, m.f)(`, the call without a `this`. */
const ZERO_CALL = /\([ \t]*0[ \t]*,[ \t]*([A-Za-z_$][\w$]*(?:[ \t]*\.[ \t]*[A-Za-z_$][\w$]*)*)[ \t]*\)(?=[ \t]*\()/g;
/** Rollup's `var X = _interopNamespace(Y)` (or `_interopDefaultLegacy`, `_interopDefaultCompat`, `_interopDefault`): X and Y. */
const ROLLUP_INTEROP = /(?<![\w$.])(?:var|let|const)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*(?:\/\*[#@]__PURE__\*\/[ \t]*)?_interop(?:Namespace|DefaultLegacy|DefaultCompat|Default)\([ \t]*([A-Za-z_$][\w$]*)[ \t]*\)/g;
/**
 * What marks a text as compiled CommonJS (`__importDefault`, `__importStar`, `_interopRequire` and
 * Rollup's `_interopNamespace`, `__toESM`, `(0, `): one test before any rewrite. Five `includes`, not one alternation: the
 * pattern tries each `_` and `(` of every text, a substring search skips ahead (one cold pass over
 * payload's JS/TS texts: 55-59 → 19-21 ms CPU).
 */
const isCompiled = (text: string): boolean =>
  text.includes('(0, ') || text.includes('__importDefault') || text.includes('__importStar') || text.includes('_interop') || text.includes('__toESM');

/**
 * `text` with each binding of a module named in `names` (module → the name source code gives it)
 * spelled by that name and its `.default` dropped, and `(0, f)(` calls as `f(`; `text` itself
 * when it holds none of the compilers' marks.
 */
export const asSource = (text: string, names: Readonly<Record<string, string>>): string => {
  if (!isCompiled(text)) return text;
  let out = text;
  const renames = new Map<string, string>();
  // The bindings module-binding.ts reads; a compiler binds a whole module by `require`.
  const bound = new Map<string, string>();
  for (const { local, module, member, via } of moduleAliasesOf(text, Object.keys(names), false)) {
    if (member === null && via !== 'import') bound.set(local, names[module]);
    if (member === null && via !== 'import' && local !== names[module]) renames.set(local, names[module]);
  }
  // Rollup's second name of a module bound above, through its interop helper.
  if (bound.size > 0 && text.includes('_interop')) for (const m of text.matchAll(ROLLUP_INTEROP)) {
    const name = bound.get(m[2]);
    if (name !== undefined && m[1] !== name) renames.set(m[1], name);
  }
  for (const [local, name] of renames) {
    out = out.replace(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(local)}(?:[ \t]*\.[ \t]*default\b|\[[ \t]*(['"])default\1[ \t]*\])?(?![\w$])`, 'g'), name);
  }
  return out.replace(ZERO_CALL, '$1');
};
