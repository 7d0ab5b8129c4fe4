/**
 * A module-level constant that names a folder of the package by the module's own place, exported and
 * joined onto by literal parts — in the same module or in another that imports it by name — names
 * the file at the end: SvelteKit's `src/core/utils.js` declares
 * `export const runtime_directory = posixify(fileURLToPath(new URL('../runtime', import.meta.url)))`
 * and its Vite plugin (`src/exports/vite/index.js`, `import { runtime_directory } from
 * '../../core/utils.js'`) hands Vite `` input.index = `${runtime_directory}/server/index.js` `` and
 * `` `${runtime_directory}/client/entry.js` `` as build inputs, so those files (and all they import)
 * run though nothing imports them. anchored-paths.ts reads joins onto the module's own folder in the
 * module itself; this reads the folder a constant holds wherever the constant goes. Read statically:
 *
 * - the constant: `const|let|var NAME = …` at the start of a line (optionally `export`), its value
 *   `fileURLToPath(new URL('<relative>', import.meta.url))` (also wrapped in one more call, as
 *   `posixify(…)`), or a folder expression folder-expr.ts settles (`path.join(__dirname, '../client')`),
 *   naming a folder that holds repo files;
 * - its uses: in its own module, and in a module that imports it by name from that module
 *   (`import { NAME } from './utils.js'`, `import { NAME as x }`, `const { NAME } = require('./utils')`),
 *   a template that opens with it and goes on with literal text only (`` `${NAME}/client/entry.js` ``)
 *   or a `path.join`/`path.resolve` of it and string literals;
 * - each such path that ends at an existing code file or single-file component is a reference from
 *   the using module, with the use's line and the constant's place as evidence. A folder, a computed
 *   part, a name imported from elsewhere, or a path only written, removed or tested for adds nothing;
 *   a path whose bytes are read or copied (`fs.readFileSync(path.join(FIXTURES_DIR, 'x.ts'))`, hashed by
 *   payload's eval runner) is a reference whose evidence says so (support.ts byteUse). Tool configs are left to their own readers.
 *
 * Cost: the facts decide what is read. A module is read for constants only when its text marks hold
 * `dirname` or it imports Node's url module, and a module is read for uses only when its import facts
 * bind a constant's name from the declaring module (one walk of the import facts per scan): no code
 * file's text is tested for every constant's name, which cost payload's frameworks stage 350–480 ms.
 */
import { dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { lineAt } from '../../util/lines.js';
import { isFolder } from '../../util/file-index.js';
import { folderOf, literalTexts } from '../../languages/javascript/folder-expr.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { perScan } from '../per-scan.js';
import { aliasReferences, byteUse, codeFilesMarked, enclosingPackages, inNestedPackage, jsCodeFiles, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import { dataUseNote, isToolConfig, PATH_NAMES } from './anchored-paths.js';
import { enclosingFunction, paramNames } from './parameter-values.js';
import { filesImporting, relativeImports } from './import-index.js';
import { someParamListAround } from './function-region.js';

/** What a named path may end at: code, or a component file a bundler compiles. */
const TARGET = /\.[cm]?[jt]sx?$|\.(?:vue|svelte)$/;
const ANCHOR = /__dirname|import\.meta\.(?:dirname|url)|__filename/;
const ANCHOR_ALL = new RegExp(ANCHOR.source, 'g');
/** A module-level declaration (tried at a line's start): its name and value, to the line's end. */
const DECLARATION = /(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^\n;]+)/y;
/** Cheap prefilter: a folder constant's value spells one of these. */
const DECLARED = /fileURLToPath|join\(|resolve\(/;

interface FolderConstant {
  file: string;
  name: string;
  folder: string;
  line: number;
  value: string;
}

/**
 * The module-level declarations of `text` whose line spells the module's place: each place found by
 * one pass of ANCHOR, then the declaration tried at that line's start (DECLARATION, sticky), so a
 * long module is not matched line by line.
 */
export function* anchoredDeclarations(text: string): Generator<{ name: string; value: string; index: number }> {
  // The end of the line last looked at: later places on it are skipped before any look-back, so each
  // line is looked back on once (a one-line bundle with thousands of places stays linear).
  let lineEnd = -1;
  for (const a of text.matchAll(ANCHOR_ALL)) {
    const at = a.index ?? 0;
    if (at < lineEnd) continue;
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at);
    lineEnd = end < 0 ? text.length : end;
    DECLARATION.lastIndex = start;
    const m = DECLARATION.exec(text);
    if (m) yield { name: m[1], value: m[2].trim(), index: start };
  }
}

const constants = perScan((ctx): FolderConstant[] => {
  const out: FolderConstant[] = [];
  // From the facts first: a module is read when its text marks hold `dirname` (`__dirname`,
  // `import.meta.dirname`) or it imports Node's url module (`fileURLToPath`), not every code file.
  // codeFilesMarked keeps jsCodeFiles' order: walked beside it.
  const marked = codeFilesMarked(ctx, ['dirname']);
  // The modules importing Node's url module (where `fileURLToPath` comes from), from the shared
  // import index, which namedFiles walks too: a walk of every other code file's imports here cost
  // 19-33 ms on payload (6,518 files), about what building the index costs.
  const urlUsers = new Set(filesImporting(ctx, (specifier) => specifier === 'url' || specifier === 'node:url'));
  let next = 0;
  for (const file of jsCodeFiles(ctx)) {
    const hasMark = marked[next] === file;
    if (hasMark) next++;
    if (!(hasMark || urlUsers.has(file)) || isToolConfig(ctx, file)) continue;
    const text = ctx.readText(file) ?? '';
    if (!DECLARED.test(text)) continue;
    // Read as written: a declaration is looked at only when its value spells the module's place.
    for (const d of anchoredDeclarations(text)) {
      // The value spells the module's place itself: a name holding one is left to folder-expr's readers.
      if (!ANCHOR.test(d.value) || !DECLARED.test(d.value)) continue;
      const folder = folderOf(d.value, file, text);
      // The module's own folder (`const dirname = path.dirname(fileURLToPath(import.meta.url))`) is anchored-paths.ts's.
      if (folder === null || folder === '' || folder.startsWith('..') || folder === dirname(file)) continue;
      // A folder of the repo: some file below it.
      if (!isFolder(ctx.files, folder)) continue;
      out.push({ file, name: d.name, folder, line: lineAt(text, d.index), value: d.value.replace(/\s+/g, ' ') });
    }
  }
  return out;
});

/**
 * Who imports each folder constant by name: the code files' relative imports (import-index.ts, one
 * walk of the import facts a scan) that bind a constant's name (`import { runtime_directory as rd }`,
 * `const { assetsDir } = require('./assets')`), resolved and kept when it is the declaring module.
 * Only these files and the declaring modules themselves are read for uses: no code file's text is
 * tested for every name. (relativeImporters per declaring module resolved far more: one is an
 * index file, whose importers may be any relative import.)
 */
const importers = (ctx: FrameworkContext, defs: readonly FolderConstant[]): Map<string, { def: FolderConstant; local: string }[]> => {
  const byName = new Map<string, FolderConstant[]>();
  for (const def of defs) byName.set(def.name, [...(byName.get(def.name) ?? []), def]);
  const out = new Map<string, { def: FolderConstant; local: string }[]>();
  const add = (user: string, def: FolderConstant, local: string): void => {
    const list = out.get(user);
    if (list === undefined) out.set(user, [{ def, local }]);
    else if (!list.some((u) => u.def === def && u.local === local)) list.push({ def, local });
  };
  for (const def of defs) add(def.file, def, def.name);
  // The specifier is resolved once per import, and only when it binds a constant's name.
  for (const { from: user, imp } of relativeImports(ctx)) {
    if (imp.syntax !== 'import' && imp.syntax !== 'require') continue;
    let from: string | null | undefined;
    for (const named of imp.names) {
      const declared = byName.get(named.name);
      if (declared === undefined) continue;
      if (from === undefined) from = resolveToolPath(ctx, dirname(user), imp.specifier);
      for (const def of declared) if (def.file === from && user !== from) add(user, def, named.alias ?? named.name);
    }
  }
  return out;
};

/** The literal paths joined onto `local` in `text`: a template opening with it, or a join of it and literals. */
const usesOf = (text: string, local: string): { rest: string[]; index: number; expr: string }[] => {
  const l = escapeRegExp(local);
  const out: { rest: string[]; index: number; expr: string }[] = [];
  for (const m of text.matchAll(new RegExp(String.raw`\`\$\{\s*${l}\s*\}(\/[^\`$\\\n]+)\``, 'g'))) out.push({ rest: [m[1].slice(1)], index: m.index ?? 0, expr: m[0] });
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\w$.])(?:path\s*\.\s*)?(?:join|resolve)\(\s*${l}\s*((?:,\s*(?:"[^"\n]*"|'[^'\n]*'|\`[^\`$\n]*\`)\s*)+),?\s*\)`, 'g'))) {
    out.push({ rest: literalTexts(m[1]), index: m.index ?? 0, expr: m[0].replace(/\s+/g, ' ') });
  }
  return out;
};

/**
 * The bundler alias entries of `text` whose replacement is `local` or a template opening with it and
 * going on with literal text (`{ find: '$app', replacement: `${runtime_directory}/app` }`, Vite's and
 * @rollup/plugin-alias's shape); a `find` that is not a string literal (a RegExp) is left out.
 */
const aliasesOf = (text: string, local: string): { name: string; rest: string; index: number }[] => {
  const l = escapeRegExp(local);
  const entry = new RegExp(String.raw`\bfind\s*:\s*(?:"([^"\n]+)"|'([^'\n]+)')\s*,\s*replacement\s*:\s*(?:\`\$\{\s*${l}\s*\}(\/[^\`$\\\n]*)?\`|${l}(?![\w$.]))`, 'g');
  return [...text.matchAll(entry)].map((m) => ({ name: m[1] ?? m[2], rest: (m[3] ?? '').replace(/^\/+|\/+$/g, ''), index: m.index ?? 0 }));
};

/**
 * Whether `local` at `at` is a parameter of a function around it (`build(root = process.cwd())`),
 * not the constant: the caller's folder, which generic names (`root`, `dir`) are often. Each braced
 * body out from the position (function-region.ts, its braces walked once per text), and a named
 * arrow with an expression body (enclosingFunction).
 */
const shadowed = (text: string, at: number, local: string): boolean => {
  if (enclosingFunction(text, at)?.params.includes(local)) return true;
  return someParamListAround(text, at, (list) => paramNames(list).includes(local));
};

const namedFiles = perScan((ctx): LabelledReference[] => {
  const defs = constants(ctx);
  if (defs.length === 0) return [];
  const out: LabelledReference[] = [];
  const seen = new Set<string>();
  const add = (def: FolderConstant, user: string, text: string, local: string): void => {
    for (const use of usesOf(text, local)) {
      if (shadowed(text, use.index, local)) continue;
      const target = joinRepo(def.folder, ...use.rest);
      if (target === null || target === user || !TARGET.test(target) || !ctx.files.has(target)) continue;
      // A path only written, removed or tested for names no file in use; one read or copied as bytes is used as data
      // (payload's eval runner hashes a fixture's source; a scaffolder copies its template), and the evidence says so.
      const bytes = byteUse(text, use.index);
      if (bytes === 'content-free') continue;
      const line = lineAt(text, use.index);
      const key = `${user}\0${target}\0${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = user === def.file ? `line ${def.line}` : `${def.file}:${def.line}`;
      const data = bytes === null ? '' : dataUseNote(text, user, use.index, bytes);
      const how = data.startsWith(' ') ? data : ' names it by path';
      out.push({ from: user, target, line, label: `${user}:${line}${how} (${use.expr}, ${local} = ${def.value} at ${where}: ${def.folder}/)${how === data ? '' : data}` });
    }
  };
  // A bundler alias to a folder below the constant (`{ find: '$app', replacement: `${runtime_directory}/app` }`):
  // the imports through it in the declaring file's package name the files (aliasReferences). Every entry
  // of the file in text order in one call, so the first whose `find` matches wins, as Vite's and
  // @rollup/plugin-alias's do (`$app/env` before `$app`); nested packages have their own bundlers.
  const alias = (user: string, text: string, uses: readonly { def: FolderConstant; local: string }[]): void => {
    if (!text.includes('replacement')) return;
    const pkg = enclosingPackages(ctx, dirname(user))[0];
    if (pkg === undefined) return;
    const entries: { name: string; target: string; line: number; index: number; note: string }[] = [];
    for (const { def, local } of uses) {
      for (const a of aliasesOf(text, local)) {
        if (shadowed(text, a.index, local)) continue;
        const target = joinRepo(def.folder, a.rest);
        if (target === null || !(isFolder(ctx.files, target) || ctx.files.has(target))) continue;
        const where = user === def.file ? `line ${def.line}` : `${def.file}:${def.line}`;
        entries.push({ name: a.name, target, line: lineAt(text, a.index), index: a.index, note: `${local} = ${def.value} at ${where}: ${def.folder}/` });
      }
    }
    if (entries.length === 0) return;
    entries.sort((a, b) => a.index - b.index);
    for (const r of aliasReferences(ctx, pkg.dir, entries, user, 'bundler', inNestedPackage(ctx, pkg))) {
      const entry = entries.find((e) => r.label.includes(`alias "${e.name}" (${user}:${e.line})`));
      const key = `${r.from}\0${r.target}\0${r.line ?? 0}`;
      if (entry === undefined || seen.has(key)) continue;
      seen.add(key);
      out.push({ from: r.from, target: r.target, line: r.line ?? 1, label: `${r.label}, ${entry.note}` });
    }
  };
  const users = importers(ctx, defs);
  // In the files' order, as every reader walks them.
  for (const user of jsCodeFiles(ctx)) {
    const uses = users.get(user);
    if (uses === undefined || isToolConfig(ctx, user)) continue;
    const raw = ctx.readText(user);
    if (raw === null) continue;
    const text = asSource(raw, PATH_NAMES);
    const present = uses.filter((u) => text.includes(u.local));
    for (const { def, local } of present) add(def, user, text, local);
    alias(user, text, present);
  }
  return out;
});

const folderConstants: FrameworkReader = {
  id: 'folder-constants',
  title: 'code files named by a path joined onto a folder constant another module exports (a runtime folder handed to Vite)',
  ecosystem: 'javascript',
  ...labelledReferences(namedFiles),
};

export default folderConstants;
