/**
 * Stop 47: a folder named through a path helper another repo module exports. The Lounge serves its
 * client with `express.static(Utils.getFileFromRelativeToRoot("public"))`, where `Utils`
 * (command-line/utils.js) is a class whose static method is `return fromRoot(...fileName)`, and
 * rootpath.js' `fromRoot(...fileName)` is `return path.resolve(rootDir, ...fileName)` with `rootDir`
 * a `const` chosen between `path.resolve(__dirname, "..")` and `path.resolve(__dirname, "..", "..")`.
 *
 * A call whose arguments are all string literals, of a name the file binds to a relative module
 * (languages/javascript/module-binding.ts moduleBinding: `require('./x')` through a compiler's interop helper or not,
 * `import X from`, `import { f as X } from`, `import * as X from`), is read through that module: the
 * one function or method of the name called (the default export's, or the module's function of
 * that name: folder-expr.ts functionNamed) whose body is one `return` (or an arrow's expression),
 * its parameters replaced by the literals (folder-expr.ts inlined), is read as the folders it may
 * name in the module's own text (folder-expr.ts explainedCandidatesOf: anchored on that module's
 * `__dirname`, a branch per side of a conditional `const`), those that exist; a returned call of
 * another imported helper is followed in turn (up to MAX_HOPS modules). Nothing is run; anything
 * else is nothing. Only the static-serving readers (static-dirs.ts) ask it, for a folder they
 * could not read from their own file.
 */
import { isFolder } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import { explainedCandidatesOf, functionAt, functionNamed, inlined, splitArgs, templateAsJoin, type ExplainedFolder, type FolderScope, type HelperFunction } from '../../languages/javascript/folder-expr.js';
import { IDENTIFIER_SOURCE as NAME } from '../../languages/javascript/js-text.js';
import type { FrameworkContext } from '../types.js';
import { moduleBinding } from '../../languages/javascript/module-binding.js';
import { literalValue } from './parameter-values.js';
import { resolveToolPath } from './support.js';

/** How many modules a helper's call is followed through. */
const MAX_HOPS = 3;
/** `Utils.getFileFromRelativeToRoot(…)`, `utils_1.default.f(…)`, `fromRoot(…)`: a dotted callee and its argument list. */
const CALL = new RegExp(String.raw`^(${NAME}(?:\s*\.\s*${NAME})*)\s*\(([\s\S]*)\)$`);
/** The path module names source and compiled code give it. */
const PATH_NAMES: Record<string, string> = { path: 'path', 'node:path': 'path' };

/**
 * The relative module `head` is bound to in `text`, and the name of the function the callee
 * `head.rest…` reaches in it (null: the module's default export itself). A member of the default
 * export (`Utils.f`, a class's static method) and a function the module exports by that name are
 * both looked up by the name in the module.
 */
const boundModule = (text: string, head: string, rest: string[]): { spec: string; name: string | null } | null => {
  const bound = moduleBinding(text, head);
  if (bound === null || bound.derived === true || !/^\.{1,2}\//.test(bound.spec)) return null;
  if (bound.member !== null) return rest.length === 0 ? { spec: bound.spec, name: bound.member } : null;
  // `.default` is how compiled code reaches a default export.
  const path = rest[0] === 'default' ? rest.slice(1) : rest;
  if (path.length > 1) return null;
  return { spec: bound.spec, name: path[0] ?? null };
};

/** The name a module's default export is given (`exports.default = X`, `module.exports = X`, `export default X`), or its own function. */
const defaultExport = (text: string): HelperFunction | null => {
  const named = /\b(?:exports\s*\.\s*default|module\s*\.\s*exports|export\s+default)\s*=?\s*([A-Za-z_$][\w$]*)\s*;?\s*$/m.exec(text);
  if (named && named[1] !== 'function' && named[1] !== 'class' && named[1] !== 'async') return functionNamed(text, named[1]);
  const inline = /\b(?:module\s*\.\s*exports\s*=|export\s+default)\s*(?:async\s+)?(?:function\b\s*\*?\s*[\w$]*\s*)?(?=\(|[A-Za-z_$][\w$]*\s*=>)/.exec(text);
  if (inline === null) return null;
  const fn = functionAt(text, (inline.index ?? 0) + inline[0].length);
  return fn === null ? null : { ...fn, index: inline.index ?? 0 };
};

/**
 * The folders a call of an imported path helper names (`Utils.getFileFromRelativeToRoot("public")`
 * in `file`, whose text is `text`), each with the steps it went through; empty when the call is not
 * one census can read.
 */
export const helperFolders = (ctx: FrameworkContext, file: string, text: string, expr: string, scope: FolderScope | null, hops = 0): ExplainedFolder[] => {
  if (hops >= MAX_HOPS) return [];
  const call = CALL.exec(expr.trim());
  if (call === null) return [];
  const values = splitArgs(call[2]).map((a) => literalValue(a));
  if (values.length === 0 || values.some((v) => v === null)) return [];
  const [head, ...rest] = call[1].split('.').map((s) => s.trim());
  const bound = boundModule(text, head, rest);
  if (bound === null) return [];
  const module = resolveToolPath(ctx, dirname(file), bound.spec);
  if (module === null || module === file) return [];
  const moduleText = asSource(ctx.readText(module) ?? '', PATH_NAMES);
  const fn = bound.name !== null ? functionNamed(moduleText, bound.name) : defaultExport(moduleText);
  const body = fn === null ? null : inlined(fn.params, fn.body, values as string[]);
  if (fn === null || body === null) return [];
  const step = `${call[1].replace(/\s+/g, '')}(${(values as string[]).map((v) => `'${v}'`).join(', ')}) returns ${body.replace(/\s+/g, ' ')} (${module}:${lineAt(moduleText, fn.index)})`;
  const found = explainedCandidatesOf(templateAsJoin(body), module, moduleText, scope);
  // A folder the module names is the answer (those of the scan); else the body may call another helper.
  const folders = found.length > 0 ? found.filter((f) => isFolder(ctx.files, f.folder)) : helperFolders(ctx, module, moduleText, body, scope, hops + 1);
  return folders.map((f) => ({ folder: f.folder, why: [step, ...f.why] }));
};
