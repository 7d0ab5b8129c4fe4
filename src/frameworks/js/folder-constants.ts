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
 *   part, a name imported from elsewhere, or a path handed to a call that reads the file as bytes
 *   (`fs.readFileSync(path.join(FIXTURES_DIR, 'x.ts'))`, hashed by payload's eval runner) adds nothing. Tool configs are left to their own readers.
 */
import { basename, dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { lineAt } from '../../util/lines.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { folderOf } from '../../languages/javascript/folder-expr.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import type { FrameworkReader } from '../types.js';
import { perScan } from '../per-scan.js';
import { jsCodeFiles, labelledReferences, type LabelledReference } from './support.js';
import { PATH_NAMES, TOOL_CONFIG } from './anchored-paths.js';

/** What a named path may end at: code, or a component file a bundler compiles. */
const TARGET = /\.[cm]?[jt]sx?$|\.(?:vue|svelte)$/;
const ANCHOR = /__dirname|import\.meta\.(?:dirname|url)|__filename/;
/** A module-level declaration (at a line's start): its name and value, to the line's end. */
const DECLARATION = /^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^\n;]+)/gm;
/** `fileURLToPath(new URL('../runtime', import.meta.url))`, maybe inside one more call (`posixify(…)`). */
const URL_FOLDER = /^(?:[A-Za-z_$][\w$]*\s*\(\s*)?(?:url\s*\.\s*)?fileURLToPath\(\s*new\s+URL\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`)\s*,\s*import\.meta\.url\s*\)\s*\)(?:\s*\))?$/;
/** Cheap prefilter: a folder constant's value spells one of these. */
const DECLARED = /fileURLToPath|join\(|resolve\(/;
/** Text that ends where a call reading a file's bytes (or its existence) takes its path. */
const READ_AS_TEXT = /\b(?:readFileSync|readFile|createReadStream|existsSync|statSync|stat|lstat|access|copyFile|copyFileSync)\(\s*$/;
const LITERAL = /"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`/g;

interface FolderConstant {
  file: string;
  name: string;
  folder: string;
  line: number;
  value: string;
  /** The declaring module's name without extension, looked for in an importer's text. */
  stem: string;
}

/** The folder a constant's value names, beside the declaring module; null for anything else. */
const folderValue = (value: string, file: string, text: string): string | null => {
  const url = URL_FOLDER.exec(value.trim());
  if (url) return joinRepo(dirname(file), (url[1] ?? url[2] ?? url[3]).replace(/\/+$/, '') || '.');
  return folderOf(value, file, text);
};

const constants = perScan((ctx): FolderConstant[] => {
  const out: FolderConstant[] = [];
  // Every code file: an ES module spelling only `import.meta.url` holds none of the text marks (text-marks.ts).
  for (const file of jsCodeFiles(ctx)) {
    if (TOOL_CONFIG.test(basename(file))) continue;
    const read = ctx.readText(file) ?? '';
    if (!ANCHOR.test(read) || !DECLARED.test(read)) continue;
    // Read as written: a declaration's value is looked at only when it spells the module's place.
    const text = read;
    for (const m of text.matchAll(DECLARATION)) {
      const value = m[2].trim();
      // The value spells the module's place itself: a name holding one is left to folder-expr's readers.
      if (!ANCHOR.test(value) || !DECLARED.test(value)) continue;
      const folder = folderValue(value, file, text);
      // The module's own folder (`const dirname = path.dirname(fileURLToPath(import.meta.url))`) is anchored-paths.ts's.
      if (folder === null || folder === '' || folder.startsWith('..') || folder === dirname(file)) continue;
      // A folder of the repo: some file below it.
      if (pathsWithPrefix(ctx.files, `${folder}/`).length === 0) continue;
      out.push({ file, name: m[1], folder, line: lineAt(text, m.index ?? 0), value: value.replace(/\s+/g, ' '), stem: basename(file).replace(/\.[^.]*$/, '') });
    }
  }
  return out;
});

const SPEC_COMPLETIONS = ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '/index.js', '/index.ts'];

/** The repo file a relative specifier names from `from`: as written, then completed; `.js` written for a `.ts` source too. */
const resolveRelative = (files: ReadonlySet<string>, from: string, spec: string): string | null => {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return null;
  const base = joinRepo(dirname(from), spec);
  if (base === null) return null;
  for (const c of SPEC_COMPLETIONS) if (files.has(base + c)) return base + c;
  const ts = base.replace(/\.([cm]?)js$/, '.$1ts');
  return files.has(ts) ? ts : null;
};

/** The local names `text` binds to `name` imported from a module (`import { name as local } from 'spec'`, `const { name } = require('spec')`), with the specifier. */
const importsOf = (text: string, name: string): { local: string; spec: string }[] => {
  const out: { local: string; spec: string }[] = [];
  const n = escapeRegExp(name);
  const binding = new RegExp(String.raw`(?:^|[{,])\s*${n}(?:\s+as\s+([A-Za-z_$][\w$]*)|\s*:\s*([A-Za-z_$][\w$]*))?\s*(?=[,}])`);
  const forms = [/\bimport\s*\{([^}]*)\}\s*from\s*["']([^"'\n]+)["']/g, /\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\(\s*["']([^"'\n]+)["']\s*\)/g];
  for (const form of forms) {
    for (const m of text.matchAll(form)) {
      const b = binding.exec(`{${m[1]}}`);
      if (b) out.push({ local: b[1] ?? b[2] ?? name, spec: m[2] });
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
    out.push({ rest: [...m[1].matchAll(LITERAL)].map((p) => p[1] ?? p[2] ?? p[3]), index: m.index ?? 0, expr: m[0].replace(/\s+/g, ' ') });
  }
  return out;
};

const namedFiles = perScan((ctx): LabelledReference[] => {
  const defs = constants(ctx);
  if (defs.length === 0) return [];
  const out: LabelledReference[] = [];
  const seen = new Set<string>();
  const add = (def: FolderConstant, user: string, text: string, local: string): void => {
    for (const use of usesOf(text, local)) {
      const target = joinRepo(def.folder, ...use.rest);
      if (target === null || target === user || !TARGET.test(target) || !ctx.files.has(target)) continue;
      // A file read as text (hashed, copied) or tested for is not loaded: payload's eval runner hashes a fixture's source.
      if (READ_AS_TEXT.test(text.slice(Math.max(0, use.index - 40), use.index))) continue;
      const line = lineAt(text, use.index);
      const key = `${user}\0${target}\0${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = user === def.file ? `line ${def.line}` : `${def.file}:${def.line}`;
      out.push({ from: user, target, line, label: `${user}:${line} names it by path (${use.expr}, ${local} = ${def.value} at ${where}: ${def.folder}/)` });
    }
  };
  for (const user of jsCodeFiles(ctx)) {
    if (TOOL_CONFIG.test(basename(user))) continue;
    const raw = ctx.readText(user);
    if (raw === null) continue;
    // Plain `includes` first: the constant's name, and for another module the declaring module's name in a specifier.
    const mine = defs.filter((d) => raw.includes(d.name) && (d.file === user || raw.includes(d.stem)));
    if (mine.length === 0) continue;
    const text = asSource(raw, PATH_NAMES);
    for (const def of mine) {
      if (user === def.file) add(def, user, text, def.name);
      else for (const imp of importsOf(text, def.name)) if (resolveRelative(ctx.files, user, imp.spec) === def.file) add(def, user, text, imp.local);
    }
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
