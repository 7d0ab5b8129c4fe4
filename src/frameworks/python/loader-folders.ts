/**
 * The repo folder a loader's folder (or file) argument names, settled in the calling file: a
 * package's `__path__[0]`, a path built from `__file__` or a repo module's `__file__`, a repo helper
 * that answers its caller's folder (quodlibet's `get_module_dir()`, read through
 * `sys._getframe(1).f_globals["__file__"]`) or its own, names assigned such paths above, and the
 * items of a literal list of folders (or a comprehension over one). A folder a user hands in at run
 * time settles to nothing.
 */
import type { FileFacts } from '../../model/facts.js';
import type { FrameworkContext } from '../types.js';
import { basename, dirname } from '../../util/path.js';
import { absRepoPath, pathAssignments, pathValue, repoPathOf, splitCommas } from '../../languages/python/sys-path.js';
import { assignmentAbove, indentOf, moduleFile } from './python-files.js';
import { lineStarts } from '../../util/lines.js';
import { boundModuleFile } from './folder-loaders.js';
import { literalValue } from './call-text.js';
import type { FunctionFlows } from './loader-roles.js';
import { topLevelDefAround } from './loader-functions.js';
import { nameOrigin } from './reexports.js';
import { perScan } from '../per-scan.js';
import { pluginFolderNamed } from './manifest-folder-plugins.js';

/** What settling a folder expression may read: the file, and the function the expression is in. */
export interface SettleEnv {
  ctx: FrameworkContext;
  file: string;
  facts: FileFacts;
  text: string;
  fn: FunctionFlows;
  moduleFn: FunctionFlows | undefined;
  assignments: () => ReturnType<typeof pathAssignments>;
}

/** The last value assigned (not appended) to a local name before `line`, in the function or else at module level. */
const assignedBefore = (env: SettleEnv, name: string, line: number): { text: string; line: number } | null => {
  for (const fn of [env.fn, env.moduleFn]) {
    const list = fn?.assigned.get(name)?.filter((v) => !v.append && (fn !== env.fn || v.line < line));
    if (list !== undefined && list.length > 0) return list[list.length - 1];
  }
  return null;
};

/**
 * The repo folder an expression names: `pkg.__path__[0]`, `__path__[0]` in a package, or a path
 * built from `__file__`, a repo module's `__file__`, a call of a repo helper answering a folder,
 * literals, and names assigned such paths (in the function, or `extra`: a loop variable's value).
 */
export const settleFolder = (env: SettleEnv, source: string, line: number, extra: ReadonlyMap<string, string> = new Map(), depth = 0): string | null => {
  const { ctx, file, facts, text } = env;
  const expr = source.trim();
  const ofModule = /^(?:([A-Za-z_][\w.]*)\.)?__path__(?:\s*\[\s*0\s*\])?$/.exec(expr);
  if (ofModule) {
    if (ofModule[1] === undefined) return basename(file) === '__init__.py' ? dirname(file) : null;
    const init = boundModuleFile(ctx, file, facts, ofModule[1]);
    return init !== null && basename(init) === '__init__.py' ? dirname(init) : null;
  }
  if (expr.length > 300) return null;
  const unslashed = separatorsRewritten(expr);
  if (unslashed !== null) return settleFolder(env, unslashed, line, extra, depth);
  const vars = new Map<string, string>();
  for (const a of env.assignments()) {
    if (a.line >= line) break;
    if (a.value !== null) vars.set(a.name, a.value);
    else vars.delete(a.name);
  }
  for (const [k, v] of extra) vars.set(k, v);
  let n = 0;
  const bind = (path: string): string => {
    const v = `__census_${n++}`;
    vars.set(v, absRepoPath(path));
    return v;
  };
  // Stop 62: `PluginRegistry.getInstance().getPluginPath("PostProcessingPlugin")`: a plugin's folder by its id.
  let e = PLUGIN_PATH_CALL.test(expr) ? expr.replace(PLUGIN_PATH_CALLS, (m, id: string) => {
    const folder = pluginFolderNamed(ctx, file, id);
    return folder === null ? m : bind(folder);
  }) : expr;
  // `borg.__file__`: a repo module's file; `get_base_dir()`: a repo helper that answers a folder.
  e = e.replace(/\b([A-Za-z_][\w.]*)\.__file__\b/g, (m, mod: string) => {
    const f = boundModuleFile(ctx, file, facts, mod);
    return f === null ? m : bind(f);
  });
  e = e.replace(/(?<![\w.])([A-Za-z_][\w.]*)\(\s*\)/g, (m, name: string) => {
    const folder = helperFolder(env, name);
    return folder === null ? m : bind(folder);
  });
  // Names the function assigned a path above (`(head, _tail) = os.path.split(borg.__file__)`).
  if (depth < 2) {
    for (const m of e.matchAll(/(?<![\w.])([A-Za-z_]\w*)\b(?!\s*[(.])/g)) {
      if (vars.has(m[1]) || m[1] === '__file__') continue;
      const value = assignedBefore(env, m[1], line);
      const folder = value === null ? null : settleFolder(env, value.text, value.line, extra, depth + 1);
      if (folder !== null) vars.set(m[1], absRepoPath(folder));
    }
  }
  const settled = repoPathOf(pathValue(e, file, vars));
  if (settled !== null) return settled;
  // `this_dir = util.get_module_dir()` a few lines above, or the call itself: the caller's own folder.
  const call = /^[A-Za-z_]\w*$/.test(expr) ? (assignmentAbove(text, lineStarts(text), line, expr)?.value ?? null) : expr;
  const helper = call === null ? null : /^([A-Za-z_][\w.]*)\(\s*\)$/.exec(call);
  return helper !== null && answersCallerFolder(ctx, file, facts, helper[1]) ? dirname(file) : null;
};

/**
 * Stop 65: `re.sub(r'[/\\]+', separator, os.path.dirname(tests.__file__))` (neutron's
 * tests/unit/common/test_utils.py:407, handed to its `import_modules_recursively`, which turns the
 * separators back into dots): a rewrite of the path's separators alone names the same folder, so the
 * path inside is settled. A pattern that matches anything but slashes (`re.sub('old', 'new', p)`)
 * moves the path: nothing is returned for it. The whole expression must be the call.
 */
const SEPARATOR_SUB = /^re\.sub\(\s*r?(?:'([^'\n]*)'|"([^"\n]*)")\s*,\s*(?:[A-Za-z_][\w.]*|r?'[^'\n]*'|r?"[^"\n]*")\s*,\s*([\s\S]+)\)$/;
const separatorsRewritten = (expr: string): string | null => {
  const m = SEPARATOR_SUB.exec(expr);
  if (m === null) return null;
  // The pattern's characters: slashes, backslashes, and the class and repeat marks around them.
  if (!/^[[\]/\\+*]+$/.test(m[1] ?? m[2]) || !/[/\\]/.test(m[1] ?? m[2])) return null;
  const inner = m[3].trim();
  // One argument, its brackets balanced (`f(a), x` is not one).
  let open = 0;
  for (const c of inner) {
    if (c === '(' || c === '[') open++;
    else if (c === ')' || c === ']') open--;
    else if (c === ',' && open === 0) return null;
    if (open < 0) return null;
  }
  return open === 0 ? inner : null;
};

/**
 * Stop 62: a call that answers a plugin's folder by the plugin's id, a literal (Uranium's
 * `getPluginPath("PostProcessingPlugin")`, Cura's PostProcessingPlugin.py:145), reached through a
 * chain of names and empty calls (`PluginRegistry.getInstance().`). The id settles only as the name
 * of a plugin folder manifest-folder-plugins finds (a folder holding the plugins' manifest).
 */
const PLUGIN_PATH_CALL = /plugin_?(?:path|dir|folder|directory)\(/i;
const PLUGIN_PATH_CALLS = /(?<![\w.)])(?:[A-Za-z_]\w*(?:\(\s*\))?\.)*(?:get_?)?plugin_?(?:path|dir|folder|directory)\(\s*['"]([\w.+-]+)['"]\s*\)/gi;

/** At most this many loops around a call are tried, innermost first. */
const MAX_LOOPS = 3;
/** How many lines above a call its enclosing `for` may start. */
const LOOP_SPAN = 80;
const FOR_LOOP = /^\s*(?:async\s+)?for\s+([A-Za-z_]\w*)\s+in\s+(.+?)\s*:\s*(?:#.*)?$/;
const BLOCK_HEAD = /^\s*(?:async\s+)?(?:def|class)\b/;

/** The last text split into lines, kept: a file's loader calls ask about the same text. */
let lastLines: { text: string; lines: string[] } | null = null;
const linesOf = (text: string): string[] => {
  if (lastLines === null || lastLines.text !== text) lastLines = { text, lines: text.split('\n') };
  return lastLines.lines;
};

/**
 * The `for NAME in ITERABLE:` statements around 1-based `line`, innermost first, found by indentation
 * within the function (not above `defLine`); each with its 1-based line.
 */
const enclosingLoops = (text: string, line: number, defLine: number): { name: string; iterable: string; line: number }[] => {
  const lines = linesOf(text);
  const out: { name: string; iterable: string; line: number }[] = [];
  if (line < 1 || line > lines.length) return out;
  let indent = indentOf(lines[line - 1]);
  for (let i = line - 2; i >= Math.max(0, defLine - 1, line - 1 - LOOP_SPAN) && indent > 0 && out.length < MAX_LOOPS; i--) {
    const own = lines[i];
    const trimmed = own.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^[)\]}]/.test(trimmed) || indentOf(own) >= indent) continue;
    indent = indentOf(own);
    if (BLOCK_HEAD.test(own)) break;
    const loop = own.length > 400 ? null : FOR_LOOP.exec(own);
    if (loop !== null) out.push({ name: loop[1], iterable: loop[2], line: i + 1 });
  }
  return out;
};

/**
 * Stop 62: the folders an expression names when it is built from a loop variable over a list of
 * folders around the call (Cura's PostProcessingPlugin.py:147 `for root in resource_folders:`, then
 * `path = os.path.join(root, "scripts")` and `self.loadScripts(path)`): once for each item of the
 * list that settles. An item that does not (a user's folder) gives nothing; nor does a loop
 * variable the function assigns anew between the loop and the call.
 */
const loopFolders = (env: SettleEnv, source: string, line: number): string[] => {
  const out: string[] = [];
  for (const loop of enclosingLoops(env.text, line, env.fn.name === '' ? 1 : env.fn.defLine)) {
    if (!source.includes(loop.name) && !env.fn.assigned.has(source.trim())) continue;
    if ((env.fn.assigned.get(loop.name) ?? []).some((v) => v.line > loop.line && v.line <= line)) continue;
    for (const item of listItems(env, loop.iterable, loop.line)) {
      const head = settleFolder(env, item.expr, item.line, item.extra);
      if (head === null) continue;
      const folder = settleFolder(env, source, line, new Map([[loop.name, absRepoPath(head)]]));
      if (folder !== null && !out.includes(folder)) out.push(folder);
    }
    if (out.length > 0) break;
  }
  return out;
};

/** The strings of a literal list or tuple (or a name assigned one): `["editing", "events"]`. */
const literalItems = (env: SettleEnv, source: string, line: number, depth = 0): string[] | null => {
  const t = source.trim();
  if (t.length > 2000) return null;
  if (/^[A-Za-z_]\w*$/.test(t)) {
    const value = depth < 2 ? assignedBefore(env, t, line) : null;
    return value === null ? null : literalItems(env, value.text, value.line, depth + 1);
  }
  if (!/^[[(][\s\S]*[\])]$/.test(t)) return null;
  const out: string[] = [];
  const items = splitCommas(t.slice(1, -1));
  if (items === null) return null;
  for (const item of items) {
    if (item === '') continue;
    const value = literalValue(item);
    if (value === null) return null;
    out.push(value);
  }
  return out;
};

/** At most this many items of a list of folders are settled. */
const MAX_ITEMS = 64;

/**
 * The items of a list of folders an argument holds: a literal list, a comprehension over a literal
 * list (`[join(base, "ext", kind) for kind in PLUGIN_DIRS]`, each with its loop value), or a name
 * assigned one, with what is appended to it after (`folders.append(…)`).
 */
const listItems = (env: SettleEnv, source: string, line: number, depth = 0): { expr: string; line: number; extra: Map<string, string> }[] => {
  const t = source.trim();
  if (/^[A-Za-z_]\w*$/.test(t)) {
    if (depth >= 2) return [];
    const out: { expr: string; line: number; extra: Map<string, string> }[] = [];
    for (const fn of [env.fn, env.moduleFn]) {
      const list = fn?.assigned.get(t)?.filter((v) => fn !== env.fn || v.line < line) ?? [];
      if (list.length === 0) continue;
      for (const v of list) {
        if (v.append) out.push({ expr: v.text, line: v.line, extra: new Map() });
        else out.splice(0, out.length, ...listItems(env, v.text, v.line, depth + 1));
      }
      break;
    }
    return out.slice(0, MAX_ITEMS);
  }
  // A list of folders is short: a long argument is something else, and is not searched.
  if (t.length > 2000 || !/^[[(][\s\S]*[\])]$/.test(t)) return [];
  const inner = t.slice(1, -1);
  const comprehension = /^([\s\S]*?)\s+for\s+([A-Za-z_]\w*)\s+in\s+([\s\S]+)$/.exec(inner);
  if (comprehension !== null) {
    const values = literalItems(env, comprehension[3], line) ?? [];
    return values.slice(0, MAX_ITEMS).map((v) => ({ expr: comprehension[1], line, extra: new Map([[comprehension[2], v]]) }));
  }
  return (splitCommas(inner) ?? []).filter((x) => x !== '').slice(0, MAX_ITEMS).map((expr) => ({ expr, line, extra: new Map() }));
};

/** The folders an argument names: itself, or (for a list of folders) each of its items that settles. */
export const settleFolders = (env: SettleEnv, source: string, line: number, each: boolean): string[] => {
  if (!each) {
    const one = settleFolder(env, source, line);
    return one === null ? loopFolders(env, source, line) : [one];
  }
  // `pkg.__path__` is itself a list of folders (the package's).
  if (/^(?:[A-Za-z_][\w.]*\.)?__path__$/.test(source.trim())) return settleFolders(env, source, line, false);
  const out: string[] = [];
  for (const item of listItems(env, source, line)) {
    const folder = settleFolder(env, item.expr, item.line, item.extra);
    if (folder !== null && !out.includes(folder)) out.push(folder);
  }
  return out;
};

/**
 * Every folder a list of folders names, or null when one of its items does not settle (a user's
 * folder beside the package's own: `[dirname(enabled.__file__), self.user_dir]`) or it has none.
 * A reader that keeps only what the folders hold asks this: settleFolders' settled part would drop
 * what the unsettled folder holds at run time.
 */
export const settleEveryFolder = (env: SettleEnv, source: string, line: number): string[] | null => {
  if (/^(?:[A-Za-z_][\w.]*\.)?__path__$/.test(source.trim())) {
    const one = settleFolder(env, source, line);
    return one === null ? null : [one];
  }
  const items = listItems(env, source, line);
  const out: string[] = [];
  for (const item of items) {
    const folder = settleFolder(env, item.expr, item.line, item.extra);
    if (folder === null) return null;
    if (!out.includes(folder)) out.push(folder);
  }
  return out.length === 0 ? null : out;
};

/**
 * The file that holds what `dotted` names as `file` binds it: the module bound to its head
 * (`util.get_module_dir` → util's file), or the module a bare name is imported from by
 * `from m import name`; null when there is none.
 */
const helperHolder = (ctx: FrameworkContext, file: string, facts: FileFacts, dotted: string): string | null => {
  const dot = dotted.lastIndexOf('.');
  if (dot >= 0) return boundModuleFile(ctx, file, facts, dotted.slice(0, dot));
  let holder: string | null = null;
  for (const i of facts.imports) if (i.syntax === 'from' && i.names.some((x) => (x.alias ?? x.name) === dotted && x.name === dotted)) holder = moduleFile(ctx, file, i.specifier);
  return holder;
};

/** The text of the top-level `def name(` of a module's text, or null. */
const defBody = (text: string, name: string): string | null => {
  const def = new RegExp(`^def ${name}\\(`, 'm').exec(text);
  const block = def === null ? null : topLevelDefAround(text, def.index + 4);
  return block === null ? null : text.slice(block.start, block.end);
};

/** Helpers found to answer a fixed folder (their own), by defining file and name. */
const fixedFolderHelpers = perScan((): Map<string, string | null> => new Map());

/**
 * The folder a no-argument call of `dotted` in the env's file answers: the caller's
 * (answersCallerFolder), or, for a repo function whose body returns such a call (quodlibet's
 * `def get_base_dir(): return util.get_module_dir()`), the folder of the file that defines it.
 */
const helperFolder = (env: SettleEnv, dotted: string): string | null => {
  const { ctx, file, facts } = env;
  if (answersCallerFolder(ctx, file, facts, dotted)) return dirname(file);
  const name = dotted.slice(dotted.lastIndexOf('.') + 1);
  const holder = name === dotted && new RegExp(`^def ${name}\\(`, 'm').test(env.text) ? file : helperHolder(ctx, file, facts, dotted);
  if (holder === null) return null;
  const known = fixedFolderHelpers(ctx);
  const k = `${holder}\0${name}`;
  if (known.has(k)) return known.get(k)!;
  known.set(k, null);
  const text = ctx.readText(holder);
  const holderFacts = ctx.facts(holder);
  const ret = /\breturn\s+([A-Za-z_][\w.]*)\(\s*\)\s*$/m.exec((text === null ? null : defBody(text, name)) ?? '');
  const answer = ret !== null && holderFacts !== undefined && ret[1] !== name && answersCallerFolder(ctx, holder, holderFacts, ret[1]) ? dirname(holder) : null;
  known.set(k, answer);
  return answer;
};

/** `sys._getframe(1).f_globals["__file__"]`: a function that reads its caller's file. */
const CALLER_FILE = /_getframe\(\s*1\s*\)\s*\.\s*f_globals\s*\[\s*["']__file__["']\s*\]/;

/** Helpers found to answer their caller's folder, by the file the caller has them from and name. */
const callerFolderHelpers = perScan((): Map<string, boolean> => new Map());

/**
 * Whether `dotted` (`util.get_module_dir`, `get_module_dir`), as `file` binds it, is a repo function
 * that answers the folder of the module calling it: quodlibet's `def get_module_dir(module=None)`,
 * whose body reads `sys._getframe(1).f_globals["__file__"]` and returns its dirname. The name is
 * followed through re-exports (`from .misc import get_module_dir` in util/__init__.py: reexports' nameOrigin).
 */
const answersCallerFolder = (ctx: FrameworkContext, file: string, facts: FileFacts, dotted: string): boolean => {
  const holder = helperHolder(ctx, file, facts, dotted);
  if (holder === null) return false;
  const name = dotted.slice(dotted.lastIndexOf('.') + 1);
  const known = callerFolderHelpers(ctx);
  const k = `${holder}\0${name}`;
  let answers = known.get(k);
  if (answers === undefined) {
    const origin = nameOrigin(ctx, holder, name);
    const text = ctx.readText(origin.file);
    const body = text === null ? null : defBody(text, origin.name);
    answers = body !== null && CALLER_FILE.test(body) && body.includes('dirname');
    known.set(k, answers);
  }
  return answers;
};
