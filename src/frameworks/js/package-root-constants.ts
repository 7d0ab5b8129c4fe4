/**
 * Stop 60: a module constant that holds its own package's folder, found the way Node finds any
 * package (`dirname(require.resolve('<own name>/package.json'))`), and a path joined onto it by
 * literal parts — in the module or in one that imports the constant, also through the package's
 * `imports` map (`#node-utils`) — names the file at its end. typedoc's dist/node-utils.js declares
 * `var TYPEDOC_ROOT = dirname3(req.resolve("typedoc/package.json"))`; dist/index.js imports it
 * from "#node-utils" and, rendering a site, does `const src = join5(TYPEDOC_ROOT, "static")` then
 * `readFile4(join5(src, "main.js"))`, inlining `static/main.js` into every site it writes (dead
 * before). folder-constants.ts reads constants spelled by the module's place (`__dirname`); this
 * reads the one spelled by the package's own name. Read statically:
 *
 * - the constant: `const|let|var NAME = dirname(X.resolve('<pkg>/package.json'))` at a line's start,
 *   the call to `dirname` under any name that opens with it (a bundler's `dirname3`), `<pkg>` the
 *   `name` of the nearest package.json around the module that has one (another package's folder is not in the repo);
 * - its users: the module itself, and a module whose import facts bind NAME from a specifier that
 *   resolves to the module (a relative one, or a key of the package's `imports` whose target is it);
 * - a `join`/`resolve` (path's, or a bundler's `join5`) of the constant and string literals names the
 *   file at its end; one held in a name (`const src = join(ROOT, 'static')`) and joined again before
 *   the name is declared again names the file at the second join's end. Only an existing code file
 *   of the package counts.
 *
 * Cost: a module is read only when its text marks hold `dirname` and its text spells `/package.json`.
 */
import { dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { lineAt } from '../../util/lines.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { perScan } from '../per-scan.js';
import { byteUse, codeFilesMarked, enclosingPackages, jsCodeFiles, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import { dataUseNote, isToolConfig } from './anchored-paths.js';
import { filesImporting, relativeImports } from './import-index.js';
import { blankedText } from './blanked-texts.js';
import { functionRegion, paramListBefore } from './function-region.js';
import { literalTexts, paramNames } from '../../languages/javascript/folder-expr.js';
import { createBuildOutputMap } from '../../languages/javascript/build-output.js';

/** What a named path may end at: code, or a component file a bundler compiles. */
const TARGET = /\.[cm]?[jt]sx?$|\.(?:vue|svelte)$/;
/** `NAME = dirname…(X.resolve('<pkg>/package.json'))` at a line's start; X is not `path` or an alias of it (that resolves against the working folder). */
const ROOT_DECLARATION = /^[ \t]*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:[\w$]+\s*\.\s*)?dirname[\w$]*\(\s*([\w$]+)\s*\.\s*resolve\(\s*(["'`])([^"'`\n]+)\/package\.json\3\s*\)\s*\)/gm;
/**
 * Stop 61: `NAME = (() => { let D = <the module's folder>; while (!existsSync(join(D, 'package.json'))) D = dirname(D); return D; })()`,
 * the walk up to the nearest folder with a package.json (census's own test/helpers/fixtures.ts:8 REPO_ROOT); the
 * module's folder is `__dirname` or a `dirname(…)` of `import.meta.url` or `__filename`.
 */
const WALK_UP_DECLARATION = new RegExp(
  String.raw`^[ \t]*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*\(\s*\(\s*\)\s*=>\s*\{\s*let\s+([A-Za-z_$][\w$]*)\s*=\s*(?:__dirname|(?:[\w$]+\s*\.\s*)?dirname\w*\(\s*(?:[\w$.]+\s*\(\s*)?(?:import\.meta\.url|__filename)\s*\)?\s*\))\s*;?\s*` +
    String.raw`while\s*\(\s*!\s*(?:[\w$]+\s*\.\s*)?existsSync\w*\(\s*(?:[\w$]+\s*\.\s*)?join\w*\(\s*\2\s*,\s*(["'])package\.json\3\s*\)\s*\)\s*\)\s*\{?\s*\2\s*=\s*(?:[\w$]+\s*\.\s*)?dirname\w*\(\s*\2\s*\)\s*;?\s*\}?\s*return\s+\2\s*;?\s*\}\s*\)\s*\(\s*\)`,
  'gm',
);
/** A join call, path's or a bundler's alias of it (`join5`), opened. */
const JOIN = String.raw`(?<![\w$])(?:[\w$]+\s*\.\s*)?(?:join|resolve)\d*\(\s*`;
const LITERALS = String.raw`((?:,\s*(?:"[^"\n]*"|'[^'\n]*'|\`[^\`$\n]*\`)\s*)+),?\s*\)`;

interface RootConstant {
  file: string;
  name: string;
  /** The package's folder ('' = the repo root). */
  folder: string;
  line: number;
  value: string;
}

const constants = perScan((ctx): RootConstant[] => {
  const out: RootConstant[] = [];
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    const written = ctx.readText(file);
    if (written === null || !written.includes('package.json')) continue;
    // A declaration in a block comment declares nothing (review s60-rv2).
    const text = blankedText(ctx, file, written);
    for (const m of text.matchAll(ROOT_DECLARATION)) {
      // path's resolve (also under a bundler's alias: `path2`, `import_path`, `path__default`) works from the working folder.
      if (/path/i.test(m[2])) continue;
      // The nearest package.json that names a package: one that only sets the module type
      // (`dist/esm/package.json`: {"type": "module"}) is no package a name resolves to (review s60-rv2).
      const pkg = enclosingPackages(ctx, dirname(file)).find((p) => typeof p.json.name === 'string');
      if (pkg === undefined || pkg.json.name !== m[4]) continue;
      out.push({ file, name: m[1], folder: pkg.dir, line: lineAt(text, m.index ?? 0), value: m[0].trim().replace(/^(?:export\s+)?(?:const|let|var)\s+[\w$]+\s*=\s*/, '') });
    }
    for (const m of text.matchAll(WALK_UP_DECLARATION)) {
      // The first folder up from the module's that holds a package.json (any: existsSync asks for no name).
      const pkg = enclosingPackages(ctx, dirname(file))[0];
      if (pkg === undefined) continue;
      out.push({ file, name: m[1], folder: pkg.dir, line: lineAt(text, m.index ?? 0), value: `the walk up from the module's folder to the first with a package.json` });
    }
  }
  return out;
});

/** The string leaves of a package.json `imports` value (a path, or nested conditions). */
const leaves = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
};

/** The `imports` keys of the module's package that lead to it (`"#node-utils": { "default": "./dist/node-utils.js" }`). */
const importKeysOf = (ctx: FrameworkContext, file: string): Set<string> => {
  const keys = new Set<string>();
  const pkg = enclosingPackages(ctx, dirname(file))[0];
  const imports = pkg?.json.imports;
  if (pkg === undefined || imports === null || typeof imports !== 'object') return keys;
  for (const [key, value] of Object.entries(imports as Record<string, unknown>)) {
    if (key.includes('*')) continue;
    if (leaves(value).some((leaf) => joinRepo(pkg.dir, leaf) === file)) keys.add(key);
  }
  return keys;
};

/** Who binds each constant by name: the declaring module, and its importers (relative or through `imports`) with the local name. */
const users = (ctx: FrameworkContext, defs: readonly RootConstant[]): Map<string, { def: RootConstant; local: string }[]> => {
  const out = new Map<string, { def: RootConstant; local: string }[]>();
  const add = (user: string, def: RootConstant, local: string): void => {
    const list = out.get(user) ?? [];
    if (!list.some((u) => u.def === def && u.local === local)) list.push({ def, local });
    out.set(user, list);
  };
  for (const def of defs) {
    add(def.file, def, def.name);
    const keys = importKeysOf(ctx, def.file);
    const via = keys.size === 0 ? [] : filesImporting(ctx, (s) => keys.has(s));
    for (const user of via) {
      for (const imp of ctx.facts(user)?.imports ?? []) {
        if (!keys.has(imp.specifier)) continue;
        for (const named of imp.names) if (named.name === def.name) add(user, def, named.alias ?? named.name);
      }
    }
  }
  for (const { from: user, imp } of relativeImports(ctx)) {
    for (const named of imp.names) {
      for (const def of defs) {
        if (named.name !== def.name || user === def.file) continue;
        if (resolveToolPath(ctx, dirname(user), imp.specifier) === def.file) add(user, def, named.alias ?? named.name);
      }
    }
  }
  return out;
};

/** The literal parts of a join's rest (`, "static", 'main.js'`). */
const partsOf = (rest: string): string[] => literalTexts(rest);

/** Each join of `local` and literals in `text` (from `from` to `to`): its parts, place and expression. */
const joinsOf = (text: string, local: string, from = 0, to = text.length): { parts: string[]; index: number; expr: string }[] => {
  const re = new RegExp(`${JOIN}${escapeRegExp(local)}\\s*${LITERALS}`, 'g');
  re.lastIndex = from;
  const out: { parts: string[]; index: number; expr: string }[] = [];
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) out.push({ parts: partsOf(m[1]), index: m.index, expr: m[0].replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')') });
  return out;
};

/** Whether a function opened after `from` and around `at` takes `name` as a parameter (`function other(src) { join(src, …) }`). */
const rebound = (text: string, name: string, at: number, from: number): boolean => {
  for (let region = functionRegion(text, at); region.start > from; region = functionRegion(text, region.start - 1)) {
    if (paramNames(paramListBefore(text, region.start - 1)).includes(name)) return true;
  }
  return false;
};

const namedFiles = perScan((ctx): LabelledReference[] => {
  const defs = constants(ctx);
  if (defs.length === 0) return [];
  const out: LabelledReference[] = [];
  const seen = new Set<string>();
  // `chain`: how the path's base holds the package's folder (`src = join5(ROOT, "static"), ROOT`).
  const refer = (def: RootConstant, user: string, text: string, chain: string, parts: string[], index: number, expr: string): void => {
    const named = joinRepo(def.folder, ...parts);
    // Stop 61: a built file not in the repo (`dist/test/x.js`) names the source it is compiled from (tsconfig's outDir/rootDir).
    const built = named === null || ctx.files.has(named) ? null : createBuildOutputMap(ctx.manifests).explain(named);
    const target = built?.source ?? named;
    if (target === null || target === user || !TARGET.test(target) || !ctx.files.has(target)) return;
    const bytes = byteUse(text, index);
    if (bytes === 'content-free') return;
    const line = lineAt(text, index);
    const key = `${user}\0${target}\0${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    const where = user === def.file ? `line ${def.line}` : `${def.file}:${def.line}`;
    const data = bytes === null ? '' : dataUseNote(text, user, index, bytes);
    const how = data.startsWith(' ') ? data : ' names it by path';
    const compiled = built === null || built === undefined ? '' : `; ${named} is built from it: ${built.why}`;
    out.push({ from: user, target, line, label: `${user}:${line}${how} (${expr}, ${chain} = ${def.value} at ${where}: ${def.folder === '' ? 'the package root' : `${def.folder}/`}${compiled})${how === data ? '' : data}` });
  };
  const byUser = users(ctx, defs);
  for (const user of jsCodeFiles(ctx)) {
    const uses = byUser.get(user);
    if (uses === undefined || isToolConfig(ctx, user)) continue;
    const written = ctx.readText(user);
    if (written === null) continue;
    // A join in a comment (`// readFile(join(ROOT, "static", "old.js"))`) names nothing, as anchored-paths reads it (review s60-rv2).
    const text = blankedText(ctx, user, written);
    for (const { def, local } of uses) {
      if (!text.includes(local)) continue;
      for (const j of joinsOf(text, local)) {
        refer(def, user, text, local, j.parts, j.index, j.expr);
        // Held in a name and joined again (`const src = join5(TYPEDOC_ROOT, "static")`, then `join5(src, "main.js")`),
        // up to the name's next declaration.
        const held = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*$/.exec(text.slice(Math.max(0, j.index - 80), j.index));
        if (held === null) continue;
        const after = j.index + j.expr.length;
        const again = new RegExp(String.raw`(?:const|let|var)\s+${escapeRegExp(held[1])}\s*=`, 'g');
        again.lastIndex = after;
        // ...and within the function that declares it: another function's `src` (a parameter, a minifier's
        // reused one-letter name) is another value (review s60-rv2).
        const scope = functionRegion(text, j.index);
        const end = Math.min(again.exec(text)?.index ?? text.length, scope.end);
        for (const k of joinsOf(text, held[1], after, end)) {
          if (rebound(text, held[1], k.index, scope.start)) continue;
          refer(def, user, text, `${held[1]} = ${j.expr}, ${local}`, [...j.parts, ...k.parts], k.index, k.expr);
        }
      }
    }
  }
  return out;
});

const packageRootConstants: FrameworkReader = {
  id: 'package-root-constants',
  title: "code files named by a path joined onto a constant holding the package's own folder (dirname(require.resolve('<own name>/package.json')))",
  ecosystem: 'javascript',
  ...labelledReferences(namedFiles),
};

export default packageRootConstants;
