/**
 * A bundler alias map built by listing a folder: a module that builds a webpack config writes
 * `resolve: { alias: { ...(await loadDocusaurusAliases()), ...themeAliases } }`, and the function
 * it spreads there lists a folder of the package (`fs.readdir(dirPath)` of
 * `dirPath = path.resolve(__dirname, '../../client/exports')`, or `Globby(['**\/*.{js,tsx}'], { cwd: themePath })`)
 * and maps each file it finds to a module name (`aliases[`@docusaurus/${name}`] = path.resolve(dirPath, fileName)`).
 * The bundler then builds those files wherever the site imports the names, though no module of the
 * package imports them. Read statically: an `alias: { … }` object whose spread is the result of a
 * function (called there, or through a `const` holding its awaited result), found in the same file
 * or in the relative module it is imported from; that function, or a function of that module it
 * calls (within the module, three calls deep), lists a folder and stores the folder joined to each
 * listed name under a computed key. The folder is one folder-expr.ts reads (a join onto
 * `__dirname`, a const holding one), or a parameter of the listing function whose callers in the
 * module pass such a folder, directly or as an element of an array literal a caller's `for … of`
 * walks (`createThemeAliases([ThemeFallbackDir, ...pluginThemes])`). Each code file the listing
 * returns (readdir: the folder's own files; a glob: its matches, less its `!` patterns and its
 * options' literal `ignore:` list, comments in it skipped; an `ignore:` not literal drops the glob) is a reference from the file with
 * the alias map, the spread's, listing's and store's lines as evidence. Compiled CommonJS is read as
 * its source (compiled-interop.ts): `(0, aliases_1.loadThemeAliases)(…)`, `path_1.default.join(…)`.
 */
import { asSource } from '../../languages/javascript/compiled-interop.js';
import { folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText, IDENTIFIER } from '../../languages/javascript/js-text.js';
import { commentsBlanked } from '../../languages/javascript/text-skips.js';
import { pathsInDir } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { PATH_NAMES } from './anchored-paths.js';
import { functionRegion, type Region } from './function-region.js';
import { callArgsText, callsOf, enclosingFunction } from './parameter-values.js';
import { codeFilesMarked, fileReference, globFiles } from './support.js';
import { filesJoiningTo } from './import-index.js';

const CODE = /\.[cm]?[jt]sx?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const ALIAS_OBJECT = /\balias\s*:\s*\{/g;
const ALIAS_MARK = /\balias\s*:\s*\{/;
/** A spread in the alias object: `...(await (0, m.f)())` (read as `...(await m.f())`), `...f()`, `...name`. */
const SPREAD = /\.\.\.\s*(?:\(\s*)?(?:await\s+)?([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)?)\s*(\()?/g;
/** A function the module declares: `function f(`, `async function f(`, `const f = (…) =>`, `const f = function (`. */
const DECLARED = /\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b\s*\*?\s*[\w$]*\s*)?\(/g;
const READDIR = /\breaddir(?:Sync)?\(\s*([A-Za-z_$][\w$]*)\s*[,)]/g;
const GLOB_CWD = /\b(?:glob|globby|Globby|globSync|fg|fastGlob|sync)\s*\(\s*(\[[^\]\n]*\]|"[^"\n]*"|'[^'\n]*')\s*,\s*\{[^{}]*?\bcwd\s*:\s*([A-Za-z_$][\w$]*)\s*[,}]/g;
const COMPLETIONS = ['', '.js', '.cjs', '.mjs', '.ts', '.tsx', '/index.js', '/index.ts'];
const MAX_CALL_DEPTH = 3;
/** A plain call `f(` (not a method `x.f(`): what a function calls of its module's functions. */
const CALLED = /(?<![\w$])(?:(?<=\.\.\.)|(?<!\.))([A-Za-z_$][\w$]*)\s*\(/g;

interface Listing {
  folder: string;
  /** How the folder came to the listing, for the evidence (empty when the listing names it itself). */
  via: string;
  how: string;
  globs: string[] | null;
  listLine: number;
  storeLine: number;
}

/**
 * The relative module a name is imported from (`const m = require('./x')`, `import { f } from './x'`,
 * `const { f } = require('./x')`), completed to a scan file. Linear on any text: the brace patterns
 * start only at `import {` / `const {`, stay inside one brace pair (`[^{}]`, so the tries from
 * successive anchors cover disjoint stretches) and read at most BRACE_LIST characters either side
 * of the name (so one try is bounded, however many times the name recurs); a text of many `{`
 * (review 3 of stop 45: 200 KB of them took 47 s) costs one pass per pattern.
 */
const BRACE_LIST = 400;
const moduleOf = (ctx: FrameworkContext, file: string, text: string, name: string): string | null => {
  const n = escapeRegExp(name);
  const list = String.raw`\{[^{}]{0,${BRACE_LIST}}?\b${n}\b[^{}]{0,${BRACE_LIST}}\}`;
  const spec =
    new RegExp(String.raw`\b${n}\s*=\s*(?:[\w$.]+\(\s*)?require\(\s*["'](\.[^"'\n]*)["']`).exec(text)?.[1] ??
    new RegExp(String.raw`\bimport\s*${list}\s*from\s*["'](\.[^"'\n]*)["']`).exec(text)?.[1] ??
    new RegExp(String.raw`\b(?:const|let|var)\s*${list}\s*=\s*require\(\s*["'](\.[^"'\n]*)["']`).exec(text)?.[1];
  if (spec === undefined) return null;
  const base = joinRepo(dirname(file), spec);
  return base === null ? null : (COMPLETIONS.map((c) => `${base}${c}`).find((p) => ctx.files.has(p) && CODE.test(p)) ?? null);
};

/** The body of each function the module declares, by name. */
const functionBodies = (text: string): Map<string, Region> => {
  const out = new Map<string, Region>();
  for (const m of text.matchAll(DECLARED)) {
    const name = m[1] ?? m[2];
    const open = (m.index ?? 0) + m[0].length - 1;
    const params = callArgsText(text, open);
    if (params === null || out.has(name)) continue;
    const brace = /^\s*(?::[^={]*)?(?:=>)?\s*\{/.exec(text.slice(open + params.length + 2, open + params.length + 2 + 200));
    if (brace === null) continue;
    out.set(name, functionRegion(text, open + params.length + 2 + brace[0].length));
  }
  return out;
};

/** The functions `start` reaches through calls within the module (itself included). */
const reached = (text: string, bodies: Map<string, Region>, start: string): Set<string> => {
  const out = new Set([start]);
  let frontier = [start];
  for (let depth = 0; depth < MAX_CALL_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const fn of frontier) {
      const body = bodies.get(fn);
      if (body === undefined) continue;
      // The names called in the body, one pass over it (not one search per function of the module: a large hostile module would be quadratic).
      for (const c of text.slice(body.start, body.end).matchAll(CALLED)) {
        const other = c[1];
        if (!out.has(other) && bodies.has(other)) (out.add(other), next.push(other));
      }
    }
    frontier = next;
  }
  return out;
};

/** The folders a listed name stands for: one the module names, or a parameter its callers pass a folder in (directly, or in an array a `for … of` walks). */
const foldersOf = (file: string, text: string, expr: string, at: number): { folder: string; via: string }[] => {
  const own = folderOf(expr, file, text);
  if (own !== null) return [{ folder: own, via: '' }];
  const fn = enclosingFunction(text, at);
  const position = fn === null ? -1 : fn.params.indexOf(expr);
  if (fn === null || position < 0) return [];
  const out: { folder: string; via: string }[] = [];
  for (const call of callsOf(text, fn.name)) {
    const arg = call.args[position];
    if (arg === undefined) continue;
    const line = lineAt(text, call.index);
    const direct = folderOf(arg, file, text);
    if (direct !== null) {
      out.push({ folder: direct, via: `, ${fn.name}(${arg}) at line ${line}` });
      continue;
    }
    if (!IDENTIFIER.test(arg)) continue;
    const caller = enclosingFunction(text, call.index);
    if (caller === null) continue;
    const walked = new RegExp(String.raw`\bfor\s*\(\s*(?:const|let|var)\s+${escapeRegExp(arg)}\s+of\s+([A-Za-z_$][\w$]*)\s*\)`).exec(text.slice(caller.start, call.index))?.[1];
    const place = walked === undefined ? -1 : caller.params.indexOf(walked);
    if (place < 0) continue;
    for (const outer of callsOf(text, caller.name)) {
      const list = outer.args[place];
      if (list === undefined || !list.startsWith('[') || !list.endsWith(']')) continue;
      for (const element of splitArgs(list.slice(1, -1))) {
        if (element.startsWith('...')) continue;
        const folder = folderOf(element, file, text);
        if (folder !== null) out.push({ folder, via: `, ${element} in ${caller.name}([…]) at line ${lineAt(text, outer.index)}, walked at line ${line}` });
      }
    }
  }
  return out;
};

const STRING = /"([^"\n]*)"|'([^'\n]*)'/g;
const IGNORE = /\bignore\s*:\s*/;
const LITERAL_LIST = /^\[\s*(?:(?:"[^"\n]*"|'[^'\n]*')\s*(?:,\s*)?)*\]/;
const LITERAL = /^(?:"[^"\n]*"|'[^'\n]*')/;

/**
 * A glob call's patterns (`!` ones exclude) with its options' `ignore:` patterns as more exclusions;
 * undefined when `ignore:` is there but not literal patterns (a name, a call), so what it drops is unknown.
 */
const globsOf = (text: string, m: RegExpMatchArray): string[] | undefined => {
  const globs = [...m[1].matchAll(STRING)].map((g) => g[1] ?? g[2]);
  const open = (m.index ?? 0) + m[0].indexOf('{', m[0].indexOf(m[1]) + m[1].length);
  const found = balancedText(text, open);
  if (found === null) return undefined;
  // Comments between the patterns (docusaurus's `ignore: [ // Ignore co-located test files …]`) are no patterns.
  const options = commentsBlanked(found);
  const ignore = IGNORE.exec(options);
  if (ignore === null) return globs;
  const value = options.slice(ignore.index + ignore[0].length);
  const literal = LITERAL_LIST.exec(value)?.[0] ?? LITERAL.exec(value)?.[0];
  if (literal === undefined) return undefined;
  return [...globs, ...[...literal.matchAll(STRING)].map((g) => `!${g[1] ?? g[2]}`)];
};

/** The listings in these functions whose names, joined to the folder, are stored under a computed key. */
const listingsIn = (file: string, text: string, bodies: Map<string, Region>, fns: Set<string>): Listing[] => {
  const out: Listing[] = [];
  const found = [
    ...[...text.matchAll(READDIR)].map((m) => ({ m, expr: m[1], globs: null as string[] | null, how: `readdir(${m[1]})` })),
    ...[...text.matchAll(GLOB_CWD)].map((m) => ({ m, expr: m[2], globs: globsOf(text, m), how: `glob ${m[1]} in ${m[2]}` })),
  ];
  for (const { m, expr, globs, how } of found) {
    // A glob whose `ignore:` is not a list of literal patterns: what it excludes is unknown, so nothing is taken.
    if (globs === undefined) continue;
    const at = m.index ?? 0;
    const inside = [...fns].map((f) => bodies.get(f)).find((b) => b !== undefined && b.start <= at && at < b.end);
    if (inside === undefined) continue;
    const region = functionRegion(text, at);
    const e = escapeRegExp(expr);
    const after = text.slice(at, region.end);
    // The join stored itself, or a const holding it (`const filePath = path.join(themePath, relativeSource); aliases[name] = filePath`).
    const held = [...after.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:path\s*\.\s*)?(?:join|resolve)\(\s*${e}\s*,\s*[A-Za-z_$]`, 'g'))].map((h) => escapeRegExp(h[1]));
    const stored = [String.raw`(?:path\s*\.\s*)?(?:join|resolve)\(\s*${e}\s*,\s*[A-Za-z_$]`, ...held.map((h) => String.raw`${h}\s*[;,\n)]`)].join('|');
    const store = new RegExp(String.raw`\]\s*=\s*(?:${stored})`).exec(after);
    if (store === null) continue;
    for (const { folder, via } of foldersOf(file, text, expr, at)) out.push({ folder, via, how, globs, listLine: lineAt(text, at), storeLine: lineAt(text, at + store.index) });
  }
  return out;
};

/** The code files a listing returns. */
const listedFiles = (ctx: FrameworkContext, l: Listing): string[] => {
  const code = (f: string): boolean => CODE.test(f) && !f.endsWith('.d.ts') && !TEST_FILE.test(f) && !f.includes('node_modules/');
  if (l.globs === null) return pathsInDir(ctx.files, l.folder).filter(code);
  return globFiles(ctx, l.folder, l.globs)
    .map((hit) => hit.file)
    .filter(code);
};

interface Aliased {
  from: string;
  line: number;
  callee: string;
  module: string;
  listing: Listing;
}

/** A listing module's mark: a folder joined to a name and stored under a computed key (`aliases[name] = path.resolve(dir, f)`). */
const STORE_MARK = /\]\s*=[^=]/;
const JOIN_MARK = /\b(?:join|resolve)\(/;

const aliased = perScan((ctx): Aliased[] => {
  const out: Aliased[] = [];
  const modules = new Map<string, { text: string; bodies: Map<string, Region> } | null>();
  // Each a whole-text search, asked once per file and name however many spreads repeat it.
  const memo = new Map<string, string | null | undefined>();
  const once = (key: string, find: () => string | null | undefined) => {
    if (!memo.has(key)) memo.set(key, find());
    return memo.get(key);
  };
  const moduleText = (file: string) => {
    if (!modules.has(file)) {
      const read = ctx.readText(file);
      const text = read === null ? null : asSource(read, PATH_NAMES);
      modules.set(file, text === null ? null : { text, bodies: functionBodies(text) });
    }
    return modules.get(file) ?? null;
  };
  // The modules that may build such a map: they list a folder and store joins of it (most files marked readdir or glob do neither).
  const listers = new Set<string>();
  for (const file of codeFilesMarked(ctx, ['readdir', 'glob'])) {
    const text = ctx.readText(file) ?? '';
    if (text.includes('cwd') || text.includes('readdir')) if (STORE_MARK.test(text) && JOIN_MARK.test(text)) listers.add(file);
  }
  if (listers.size === 0) return out;
  // The files that may spread one's function into an alias map: the module itself, and those importing it (by their facts, no text read).
  // The specifiers that name a lister, completed (`./aliases` for aliases/index.js), once, not per import.
  const bases = new Set<string>();
  for (const l of listers) for (const c of COMPLETIONS) if (l.endsWith(c)) bases.add(l.slice(0, l.length - c.length));
  const users = new Set([...listers, ...filesJoiningTo(ctx, bases)]);
  for (const file of [...users].sort()) {
    const read = ctx.readText(file) ?? '';
    if (!read.includes('...') || !ALIAS_MARK.test(read)) continue;
    const text = asSource(read, PATH_NAMES);
    for (const a of text.matchAll(ALIAS_OBJECT)) {
      const open = (a.index ?? 0) + a[0].length - 1;
      const object = balancedText(text, open);
      if (object === null) continue;
      for (const s of object.matchAll(SPREAD)) {
        const at = open + (s.index ?? 0);
        // A spread name holds the awaited result of a call made in the file: `const themeAliases = await (0, m.f)(…)`.
        const callee =
          s[2] !== undefined
            ? s[1].replace(/\s+/g, '')
            : once(`${file}\0=${s[1]}`, () => new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(s[1])}\s*=\s*(?:await\s+)?([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)?)\s*\(`).exec(text)?.[1]?.replace(/\s+/g, ''));
        if (callee === undefined || callee === null) continue;
        const [head, member] = callee.includes('.') ? callee.split('.') : [callee, undefined];
        const from = once(`${file}\0${head}`, () => moduleOf(ctx, file, text, head)) ?? null;
        const module = member === undefined ? (from ?? file) : from;
        const fn = member ?? head;
        const m = module === null || !listers.has(module) ? null : moduleText(module);
        if (module === null || m === null || !m.bodies.has(fn)) continue;
        for (const listing of listingsIn(module, m.text, m.bodies, reached(m.text, m.bodies, fn))) out.push({ from: file, line: lineAt(text, at), callee: fn, module, listing });
      }
    }
  }
  return out;
});

const aliasFolders: FrameworkReader = {
  id: 'alias-folders',
  title: 'bundler alias maps built by listing a folder (webpack resolve.alias)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = aliased(ctx)[0];
    return first ? `${first.from}:${first.line} spreads ${first.callee}() into an alias map; it lists ${first.listing.folder || '.'}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const a of aliased(ctx)) {
      const l = a.listing;
      for (const target of listedFiles(ctx, l)) {
        if (target === a.from) continue;
        const why = `${a.from}:${a.line} spreads ${a.callee}() into a bundler alias map; ${a.module} lists ${l.folder || '.'} (line ${l.listLine}, ${l.how}${l.via}) and maps each file it finds to an alias (line ${l.storeLine})`;
        out.references.push(fileReference(a.from, target, a.line, why));
      }
    }
    return out;
  },
};

export default aliasFolders;
