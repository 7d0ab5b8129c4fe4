/**
 * Stop 46: programs a Python module spawns by an absolute path, a literal or held in a constant. blueman's
 * Constants.py:15 `RFCOMM_WATCHER_PATH = "/usr/libexec/blueman-rfcomm-watcher"`, imported and run
 * by plugins/mechanism/Rfcomm.py:14 `subprocess.Popen([RFCOMM_WATCHER_PATH, …])`; gnome-tweaks'
 * tweak_group_general.py:22 `self._inhibitor_path = "%s/%s" % (gtweak.LIBEXEC_DIR,
 * self._inhibitor_name)` run at :39 by `GLib.spawn_command_line_async(self._inhibitor_path)`, where
 * usr/bin/gnome-tweaks sets `gtweak.LIBEXEC_DIR` from gtweak/defs.py's `LIBEXEC_DIR = "/usr/libexec"`.
 * The program of a spawn call (subprocess's Popen/run/call/check_call/check_output, os.execv and kin,
 * os.spawnv and kin (whose program follows the mode), os.system/popen, GLib's spawn_ calls, asyncio's
 * create_subprocess_ calls: its first argument, or the first item of the argv list it is given) is
 * read through names to string literals: a local assigned above, `self.x` assigned in the class
 * around the call, a module-level constant of the file or of the module it is imported from
 * (followed through re-exports, reexports.ts), `mod.NAME` (that module's constant, or what a repo
 * file that imports it assigns to `mod.NAME`), and `%`/format/f-string/`+`/os.path.join of such
 * parts. An absolute path so read is placed below the filesystem tree the spawning module lies in
 * (util/filesystem-tree.ts, as apache-wsgi places a script): when a file is there, the spawn is an
 * edge to it. Only a spawn call in code counts (the tokenizer's names: one in a comment or a
 * docstring is none), and only its program: a path constant nothing runs makes nothing alive. Stop
 * 47: a literal program (`subprocess.run(["/usr/libexec/x"])`) is read the same way (extraction's
 * command lines do not place an absolute path in the filesystem tree); a spawn call is also read
 * through the names the file's imports bind (`import subprocess as sp; sp.Popen(…)`, `from subprocess import
 * Popen as P; P(…)`, `from os import system`, `import os as _os`, `from gi.repository import GLib as
 * G`, `from asyncio import create_subprocess_exec as launch`).
 *
 * Hostile input: a name read again on its own chain (`A = A`) gives nothing, each spawn call has one
 * budget of lookups, and a module constant, a class's `self.x` and a `mod.NAME` are read once per scan.
 */
import type { ImportFact } from '../../model/facts.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths, sortedPaths } from '../../util/file-index.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';
import { inFilesystemTree } from '../../util/filesystem-tree.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind } from '../../languages/python/tokens.js';
import { callArguments, joinArguments, literalValue } from './call-text.js';
import { templateParts } from './loader-templates.js';
import { boundModuleFile } from './folder-loaders.js';
import { importedNameOrigin } from './reexports.js';
import { boundDotted, lookText } from './package-paths.js';
import { perScan } from '../per-scan.js';
import { SPAWN_FUNCTIONS, spawnArgsOf } from '../../languages/python/spawn-calls.js';
import { assignmentsOf, type Assignment } from '../../languages/python/assignment-lines.js';

/**
 * The spawn functions, by the module that offers them (languages/python/spawn-calls.ts, the table
 * extraction's command lines read too): each runs its first argument as a program (`after-mode`:
 * os.spawn*, whose program follows the mode). Written `<last part of the module>.<function>(`
 * (`subprocess.run(`, `GLib.spawn_sync(`), or bare for `bare` (`Popen(`, `spawn_sync(`,
 * `create_subprocess_exec(`); through an import's names, boundSpawnCalls. Here as regex sources, one
 * alternative per module.
 */
const SPAWN_MODULES: ReadonlyArray<{ module: string; functions: string; bare: string | null }> = [...new Set(SPAWN_FUNCTIONS.map((s) => s.module))].map((module) => {
  const rows = SPAWN_FUNCTIONS.filter((s) => s.module === module);
  const bare = rows.filter((s) => s.bare).flatMap((s) => s.functions);
  return { module, functions: rows.flatMap((s) => s.functions).join('|'), bare: bare.length === 0 ? null : bare.join('|') };
});
/** A module's spawn functions, as a regex source (one group-free alternative). */
const functionsOf = (module: string): string | null => {
  const m = SPAWN_MODULES.find((x) => x.module === module);
  return m === undefined ? null : `(?:${m.functions})`;
};
/** Whether an import may bind a spawn function's module: `subprocess`, `os`, `gi`, `gi.repository…`, `asyncio`. */
const importsSpawnModule = (specifier: string): boolean =>
  SPAWN_MODULES.some(({ module }) => {
    const dot = module.indexOf('.');
    return specifier === (dot < 0 ? module : module.slice(0, dot)) || (dot >= 0 && specifier.startsWith(module.slice(0, module.lastIndexOf('.'))));
  });
/** The spellings of a spawn call's name with no import's names (`subprocess\s*\.\s*(?:Popen|…)`, `Popen`). */
const SPAWN_NAMES = SPAWN_MODULES.flatMap(({ module, functions, bare }) => [
  `${module.slice(module.lastIndexOf('.') + 1)}\\s*\\.\\s*(?:${functions})`,
  ...(bare === null ? [] : [`(?:${bare})`]),
]);
/** A spawn call by SPAWN_NAMES. */
const SPAWN = new RegExp(`(?<![\\w.])(?:${SPAWN_NAMES.join('|')})\\s*\\(`, 'g');
/** The cheap test of a file's text before the spawn calls are read: a SPAWN name anywhere. */
const SPAWN_WORDS = new RegExp(SPAWN_NAMES.join('|'));
/** A plain name. */
const NAME = /^[A-Za-z_]\w*$/;
const DEF_LINE = /^[ \t]*(?:async\s+)?def\s/;
const CLASS_LINE = /^class\s/;
/** A line of code at column 0 (not a comment, not a closing bracket): where a class's body ends. */
const COLUMN_ZERO_CODE = /^[^\s#)\]}]/;
/** How many names deep a program is followed, and how many values one expression may take. */
const MAX_DEPTH = 5;
const MAX_VALUES = 8;
/** valuesOf evaluations per spawn call (a chain of names fanning out gives no more work). */
const MAX_LOOKUPS = 64;
/** How far above a spawn call a local's assignment may stand. */
const LOCAL_LOOK_BACK = 40;
/** Files read for `mod.NAME = …` per module (those importing it, in path order). */
const MAX_SETTERS = 64;
/** Spawn calls read per file (a hostile file of thousands gives no more work). */
const MAX_CALLS = 64;

interface Value {
  value: string;
  /** How it was read, for evidence. */
  how: string[];
}

/** A file's lines and its assignments by target, made once per scan for each file a program is read in. */
interface Source {
  file: string;
  lines: string[];
  assignments: Map<string, Assignment[]>;
}

const sourceOf = (text: string, file: string): Source => {
  const lines = text.split(/\r\n?|\n/);
  return { file, lines, assignments: assignmentsOf(lines) };
};

/** Per scan: what a program is read through, and the values of line-independent expressions. */
const scanState = perScan(() => ({ sources: new Map<string, Source | null>(), values: new Map<string, Value[]>() }));

/** A repo file's source, read without keeping its text (lookText); null when unreadable. */
const sourceFile = (ctx: FrameworkContext, file: string): Source | null => {
  const sources = scanState(ctx).sources;
  if (!sources.has(file)) {
    const text = lookText(ctx, file);
    sources.set(file, text === null ? null : sourceOf(text, file));
  }
  return sources.get(file)!;
};

/** Module-level assignments to a name (every one: a constant set in each branch of an `if`). */
const moduleAssignments = (src: Source, name: string): Assignment[] => (src.assignments.get(name) ?? []).filter((a) => !a.indented).slice(0, MAX_VALUES);

/** The class a line lies in: its `class` line to the next line of code at column 0 (1-based, end exclusive); null at module level or in a function. */
const classAround = (src: Source, line: number): { start: number; end: number } | null => {
  let start = line - 1;
  for (; start >= 1; start--) {
    const l = src.lines[start - 1];
    if (COLUMN_ZERO_CODE.test(l)) break;
  }
  if (start < 1 || !CLASS_LINE.test(src.lines[start - 1])) return null;
  let end = line + 1;
  while (end <= src.lines.length && !COLUMN_ZERO_CODE.test(src.lines[end - 1])) end++;
  return { start, end };
};

/** Per scan: the repo files that import a module (a dotted name as written), for `module.NAME = …` set elsewhere; at most MAX_SETTERS each. */
const importersByModule = perScan((ctx: FrameworkContext): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const f of listedPaths(ctx.files)) {
    for (const i of ctx.facts(f)?.imports ?? []) {
      if (i.syntax !== 'import' && i.syntax !== 'from') continue;
      const list = out.get(i.specifier) ?? out.set(i.specifier, []).get(i.specifier)!;
      if (list.length < MAX_SETTERS && !list.includes(f)) list.push(f);
    }
  }
  return out;
});

/**
 * One spawn call's reading: its lookups left, the keys being read on the current chain, and whether
 * what is being read came out partial (the budget or the depth ran out, or a chain met itself): a
 * partial value is not kept for the scan.
 */
interface Reading {
  left: number;
  open: Set<string>;
  partial: boolean;
}

/** The string values `expr` may hold in `src` (read at 1-based `line`), through names, to literals. */
const valuesOf = (ctx: FrameworkContext, reading: Reading, src: Source, line: number, expr: string, depth: number): Value[] => {
  const e = expr.trim().replace(/^\((.*)\)$/s, '$1').trim();
  if (e === '' || e.length > 400) return [];
  if (depth > MAX_DEPTH) {
    reading.partial = true;
    return [];
  }
  const literal = literalValue(e);
  if (literal !== null) return [{ value: literal, how: [] }];
  if (reading.left <= 0) {
    reading.partial = true;
    return [];
  }
  reading.left--;
  const combine = (parts: Array<string | { expr: string }>, join = ''): Value[] => {
    let acc: Value[] = [{ value: '', how: [] }];
    parts.forEach((p, k) => {
      const options = typeof p === 'string' ? [{ value: p, how: [] }] : valuesOf(ctx, reading, src, line, p.expr, depth + 1);
      const sep = k === 0 || join === '' ? '' : join;
      acc = acc.flatMap((a) => options.map((o) => ({ value: `${a.value}${sep}${o.value}`, how: [...a.how, ...o.how] }))).slice(0, MAX_VALUES);
    });
    return acc;
  };
  const from = (src2: Source, assigned: readonly Assignment[], shown: string): Value[] => {
    const out: Value[] = [];
    for (const a of assigned) {
      for (const v of valuesOf(ctx, reading, src2, a.line, a.expr, depth + 1)) out.push({ value: v.value, how: [`${shown} = ${a.expr} at ${src2.file}:${a.line}`, ...v.how] });
      if (out.length >= MAX_VALUES) break;
    }
    return out.slice(0, MAX_VALUES);
  };
  /** A line-independent read, once per scan; a key met again on its own chain gives nothing. */
  const once = (key: string, read: () => Value[]): Value[] => {
    const known = scanState(ctx).values;
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    if (reading.open.has(key)) {
      reading.partial = true;
      return [];
    }
    reading.open.add(key);
    const wasPartial = reading.partial;
    reading.partial = false;
    const values = read();
    reading.open.delete(key);
    if (!reading.partial) known.set(key, values);
    reading.partial ||= wasPartial;
    return values;
  };
  const join = joinArguments(e, 0, true);
  if (join !== null) return combine(join.map((a) => ({ expr: a })), '/');
  const template = templateParts(e);
  if (template !== null) return combine(template);
  const plus = /^(.+?)\s*\+\s*(.+)$/.exec(e);
  if (plus !== null && (literalValue(plus[1]) !== null || literalValue(plus[2]) !== null)) return combine([{ expr: plus[1] }, { expr: plus[2] }]);
  // self.x: its assignments in the class around the line.
  if (/^self\.[A-Za-z_]\w*$/.test(e)) {
    const cls = classAround(src, line);
    if (cls === null) return [];
    return once(`${src.file}\0${cls.start}\0${e}`, () =>
      from(src, (src.assignments.get(e) ?? []).filter((a) => a.line > cls.start && a.line < cls.end).slice(0, MAX_VALUES), e),
    );
  }
  if (NAME.test(e)) {
    // A local assigned above (the nearest, within the def), else the module's own constant, else an import.
    const local = (src.assignments.get(e) ?? []).filter((a) => a.indented && a.line < line && a.line >= line - LOCAL_LOOK_BACK).pop();
    if (local !== undefined && !src.lines.slice(local.line, line - 1).some((l) => DEF_LINE.test(l))) {
      const key = `${src.file}\0${local.line}\0${e}`;
      if (reading.open.has(key)) {
        reading.partial = true;
        return [];
      }
      reading.open.add(key);
      const values = from(src, [local], e);
      reading.open.delete(key);
      return values;
    }
    return once(`${src.file}\0${e}`, () => {
      const own = moduleAssignments(src, e);
      if (own.length > 0) return from(src, own, e);
      const imported = importedNameOrigin(ctx, src.file, e);
      const holder = imported === null || imported.file === src.file ? null : sourceFile(ctx, imported.file);
      return holder === null ? [] : from(holder, moduleAssignments(holder, imported!.name), imported!.name);
    });
  }
  // mod.NAME: the module's constant, else what a repo file importing the module assigns to mod.NAME.
  const qualified = /^([A-Za-z_][\w.]*)\.([A-Za-z_]\w*)$/.exec(e);
  const facts = ctx.facts(src.file);
  if (qualified === null || facts === undefined) return [];
  return once(`${src.file}\0${e}`, () => {
    const holderFile = boundModuleFile(ctx, src.file, facts, qualified[1], true);
    const holder = holderFile === null ? null : sourceFile(ctx, holderFile);
    if (holder === null) return [];
    const own = moduleAssignments(holder, qualified[2]);
    if (own.length > 0) return from(holder, own, qualified[2]);
    const module = facts.imports.find((i) => i.syntax === 'import' && (i.alias ?? i.specifier) === qualified[1])?.specifier ?? qualified[1];
    const out: Value[] = [];
    for (const setterFile of importersByModule(ctx).get(module) ?? []) {
      const setter = setterFile === src.file ? src : sourceFile(ctx, setterFile);
      const assigned = setter?.assignments.get(e);
      if (setter === null || assigned === undefined) continue;
      out.push(...from(setter, assigned.slice(0, MAX_VALUES), e));
      if (out.length >= MAX_VALUES) break;
    }
    return out.slice(0, MAX_VALUES);
  });
};

/** The program expression of a spawn call: its first argument, or the first item of a literal argv list. */
const programOf = (first: string): string | null => {
  const arg = first.replace(/^args\s*=(?!=)\s*/, '').trim();
  if (/^[[(]/.test(arg)) {
    const items = callArguments(`(${arg.slice(1, -1)})`, 0);
    return items === null || items.length === 0 ? null : items[0];
  }
  return arg;
};

/**
 * The spawn calls a file spells through names its imports bind, which SPAWN does not know:
 * `import subprocess as sp` (`sp.run(`), `from subprocess import Popen as P` (`P(`), `from os import
 * system` (`system(`), `from gi.repository import GLib as G`; null when the file binds none.
 */
const boundSpawnCalls = (imports: readonly ImportFact[]): RegExp | null => {
  const alternatives: string[] = [];
  for (const i of imports) {
    const functions = functionsOf(i.specifier);
    if (i.syntax === 'import' && i.alias !== undefined && i.alias !== i.specifier && functions !== null) alternatives.push(`${i.alias}\\s*\\.\\s*${functions}`);
    if (i.syntax !== 'from') continue;
    for (const n of i.names) {
      const local = n.alias ?? n.name;
      if (!/^[A-Za-z_]\w*$/.test(local)) continue;
      const offered = functionsOf(`${i.specifier}.${n.name}`);
      if (functions !== null && new RegExp(`^${functions}$`).test(n.name)) alternatives.push(local);
      else if (offered !== null && local !== 'GLib') alternatives.push(`${local}\\s*\\.\\s*${offered}`);
    }
  }
  return alternatives.length === 0 ? null : new RegExp(`(?<![\\w.])(?:${alternatives.join('|')})\\s*\\(`, 'g');
};

/** The name a spawn call is written by, and the one it stands for through the file's imports: `sp.run` → `subprocess.run`. */
const calledName = (match: string, imports: readonly ImportFact[]): { written: string; meant: string } => {
  const written = match.replace(/\s+/g, '').slice(0, -1);
  return { written, meant: boundDotted(written, imports) };
};

/** A call through a name an import binds, shown with what it stands for: `sp.run (subprocess.run)`, `P (subprocess.Popen)`. */
const shownThroughImport = ({ written, meant }: { written: string; meant: string }): string => (meant === written ? written : `${written} (${meant})`);

/** Offsets where a name token starts: what is code, not a comment or a string. */
const nameStarts = (text: string): Set<number> => {
  const t = tokenize(text);
  const out = new Set<number>();
  for (let i = 0; i < t.count; i++) if (t.kind[i] === Kind.Name) out.add(t.start[i]);
  return out;
};

const collectSpawnedPaths = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py')) continue;
    // A tree kept as a fixture is no exception: the edge only carries the spawning module's own kind to the program.
    const tree = inFilesystemTree(file, '/');
    if (tree === null) continue;
    const facts = ctx.facts(file);
    if (facts === undefined || !facts.imports.some((i) => importsSpawnModule(i.specifier))) continue;
    const bound = boundSpawnCalls(facts.imports);
    const read = lookText(ctx, file);
    if (read === null || (bound === null && !SPAWN_WORDS.test(read))) continue;
    // The tokenizer reads CRLF as LF: offsets are compared in the text it reads.
    const text = read.includes('\r') ? read.replace(/\r\n?/g, '\n') : read;
    let starts: number[] | undefined;
    let code: Set<number> | undefined;
    let src: Source | undefined;
    let count = 0;
    const seen = new Set<string>();
    const calls = [...text.matchAll(SPAWN)];
    const throughImport = new Set<RegExpExecArray>();
    if (bound !== null) {
      // In text order, each call once.
      const taken = new Set(calls.map((m) => m.index));
      for (const m of text.matchAll(bound)) {
        if (taken.has(m.index)) continue;
        calls.push(m);
        throughImport.add(m);
      }
      calls.sort((a, b) => a.index - b.index);
    }
    for (const m of calls) {
      if (++count > MAX_CALLS) break;
      const args = callArguments(text, m.index + m[0].length - 1);
      // The name it is written by, and the one meant (through the file's imports when SPAWN does not know it).
      const name = throughImport.has(m) ? calledName(m[0], facts.imports) : { written: m[0].replace(/\s+/g, '').slice(0, -1), meant: m[0].replace(/\s+/g, '').slice(0, -1) };
      const first = spawnArgsOf(name.meant) === 'after-mode' ? args?.[1] : args?.[0];
      const program = first === undefined ? null : programOf(first);
      if (program === null) continue;
      if (!(code ??= nameStarts(text)).has(m.index)) continue;
      // The spawning file's own source is not kept past its calls: only the files names lead to are (sourceFile).
      src ??= sourceOf(text, file);
      const line = lineOfOffset((starts ??= lineStarts(text)), m.index);
      const reading: Reading = { left: MAX_LOOKUPS, open: new Set(), partial: false };
      for (const v of valuesOf(ctx, reading, src, line, program, 0)) {
        // os.system's / spawn_command_line's string is a shell line: its program is the first word.
        const path = v.value.trim().split(/\s+/)[0];
        if (!path.startsWith('/')) continue;
        const target = inFilesystemTree(file, path)?.path;
        if (target === undefined || !ctx.files.has(target) || target === file || seen.has(target)) continue;
        seen.add(target);
        const call = shownThroughImport(name);
        const how = v.how.length === 0 ? '' : ` (${v.how.join('; ')})`;
        const whose = literalValue(program) === null ? `whose program ${program} is ${path}` : `whose program is ${path}`;
        out.references.push({ from: file, target, targetKind: 'file', line, label: `run by ${call} in ${file}:${line}, ${whose}${how}: this file in the filesystem tree ${tree.tree === '' ? 'at the repo root' : `at ${tree.tree}`}` });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'spawned-paths',
  title: 'Python programs spawned by an absolute path, a literal or held in a constant (filesystem trees)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (f.endsWith('.py') && inFilesystemTree(f, '/') !== null) return `${f} lies in a filesystem tree`;
    }
    return null;
  },
  collect: collectSpawnedPaths,
};

export default reader;
