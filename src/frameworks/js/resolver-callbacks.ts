/**
 * Stop 46: a module that is handed a path resolver and names files through it. react-scripts'
 * `scripts/utils/createJestConfig.js` exports `(resolve, rootDir, isEjecting) => ({ transform: {
 * '^.+\\.css$': resolve('config/jest/cssTransform.js'), … } })`, and `scripts/test.js` calls it as
 * `createJestConfig(relativePath => path.resolve(__dirname, '..', relativePath), …)`: Jest loads
 * each transform from the path the resolver gives, and no file imports them.
 *
 * A code file that binds a repo module by a relative `require`/default `import` and calls it with
 * an arrow of one parameter whose body is an anchored `path.join`/`path.resolve` (folder-expr.ts:
 * `__dirname`, `import.meta.dirname`, …) ending at that parameter hands the module a resolver. The
 * module's export (`module.exports = (…) => …` / `= function (…)`, `export default function (…)`)
 * names the parameter at that place; each call of it in the module with one string literal is the
 * join with the literal in the parameter's place. A repo file there is a reference from the module
 * (the file that names it), with the call's line; the resolver's line is in the evidence. A
 * resolver that is not anchored (react-scripts' eject passes `p => path.posix.join('<rootDir>', p)`,
 * a path for the ejected app) names nothing here.
 */
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { explainedFolderOf } from '../../languages/javascript/folder-expr.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { callsOf, literalValue, paramNames } from './parameter-values.js';
import { codeFilesMarked, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';

/** `const name = require('./x')` or `import name from './x'`: a repo module bound to a name. */
const BINDING = /\b(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*(['"])(\.{1,2}\/[^'"\n]*)\2\s*\)|import\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])(\.{1,2}\/[^'"\n]*)\5)/g;
/** An arrow of one parameter: `p => body`, `(p) => body`. */
const ARROW = /^(?:\(\s*([A-Za-z_$][\w$]*)\s*\)|([A-Za-z_$][\w$]*))\s*=>\s*([\s\S]+)$/;
/**
 * A resolver arrow anywhere in a text: `p => path.resolve(`, `(p) => join(`. The match starts at a
 * `=>` and checks the one parameter before it with a look-behind, so each `=>` is tried once: a
 * pattern that started at the parameter would try every identifier character and run each to the
 * end of its word, costing a long word (a hex blob, a bundle) the square of its length.
 */
export const RESOLVER_ARROW = /=>(?<=(?:\(\s*[A-Za-z_$][\w$]*\s*\)|[A-Za-z_$][\w$]*)\s*=>)\s*(?:[\w$]+\s*\.\s*)?(?:join|resolve)\s*\(/;
/** The module's exported function and its parameter list. */
const EXPORT = /(?:\bmodule\.exports\s*=\s*(?:async\s+)?(?:function\b\s*[\w$]*\s*\(([^()]*)\)|\(([^()]*)\)\s*=>|([A-Za-z_$][\w$]*)\s*=>)|\bexport\s+default\s+(?:async\s+)?(?:function\b\s*[\w$]*\s*\(([^()]*)\)|\(([^()]*)\)\s*=>))/;

/** The folder an arrow `p => path.resolve(<anchor>, …literals, p)` joins its parameter onto, or null. */
const resolverFolder = (arrow: string, file: string, text: string): string | null => {
  const m = ARROW.exec(arrow.trim());
  if (m === null) return null;
  const param = m[1] ?? m[2];
  const body = m[3].trim();
  const tail = new RegExp(String.raw`,\s*${escapeRegExp(param)}\s*\)$`).exec(body);
  if (tail === null || !/(?:join|resolve)\s*\(/.test(body)) return null;
  const folder = explainedFolderOf(`${body.slice(0, tail.index)})`, file, text);
  return folder === null || folder.why.length > 0 ? null : folder.folder;
};

/** The parameter names of the function a module exports, or null. */
const exportedParams = (text: string): (string | null)[] | null => {
  const m = EXPORT.exec(text);
  if (m === null) return null;
  return paramNames(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
};

const resolverCallbackLoads = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const seen = new Set<string>();
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    const text = ctx.readText(file) ?? '';
    // Only a file that writes a resolver arrow is read for bindings and calls.
    if (!RESOLVER_ARROW.test(text)) continue;
    for (const b of text.matchAll(BINDING)) {
      const name = b[1] ?? b[4];
      const module = resolveToolPath(ctx, dirname(file), b[3] ?? b[6]);
      if (module === null || module === file) continue;
      for (const call of callsOf(text, name)) {
        call.args.forEach((arg, position) => {
          if (!arg.includes('=>')) return;
          const folder = resolverFolder(arg, file, text);
          if (folder === null) return;
          const moduleText = ctx.readText(module) ?? '';
          const param = exportedParams(moduleText)?.[position];
          if (param === null || param === undefined) return;
          const resolverLine = lineAt(text, call.index);
          for (const use of callsOf(moduleText, param)) {
            const value = use.args.length === 1 ? literalValue(use.args[0]) : null;
            if (value === null || value === '') continue;
            const target = joinRepo(folder, value);
            if (target === null || target === module || !ctx.files.has(target)) continue;
            const line = lineAt(moduleText, use.index);
            const key = `${module}\0${target}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({
              from: module,
              target,
              line,
              label: `${module}:${line} ${param}('${value}'), ${param} being the path resolver ${file}:${resolverLine} hands ${name}() (${folder || '.'}/ joined with the name)`,
            });
          }
        });
      }
    }
  }
  return out;
});

const resolverCallbacks: FrameworkReader = {
  id: 'resolver-callbacks',
  title: 'files a module names through a path resolver its caller hands it',
  ecosystem: 'javascript',
  ...labelledReferences(resolverCallbackLoads),
};

export default resolverCallbacks;
