/**
 * Stop 46: programs a Python module spawns by an absolute path held in a constant. blueman's
 * Constants.py:15 `RFCOMM_WATCHER_PATH = "/usr/libexec/blueman-rfcomm-watcher"`, imported and run
 * by plugins/mechanism/Rfcomm.py:14 `subprocess.Popen([RFCOMM_WATCHER_PATH, …])`; gnome-tweaks'
 * tweak_group_general.py:22 `self._inhibitor_path = "%s/%s" % (gtweak.LIBEXEC_DIR,
 * self._inhibitor_name)` run at :39 by `GLib.spawn_command_line_async(self._inhibitor_path)`, where
 * usr/bin/gnome-tweaks sets `gtweak.LIBEXEC_DIR` from gtweak/defs.py's `LIBEXEC_DIR = "/usr/libexec"`.
 * The program of a spawn call (subprocess's Popen/run/call/check_call/check_output, os.execv and kin,
 * os.spawnv and kin, os.system/popen, GLib's spawn_ calls, asyncio's create_subprocess_ calls: its first argument, or the first
 * item of the argv list it is given) is read through names to string literals: a local assigned
 * above, `self.x` assigned in the file, a module-level constant of the file or of the module it is
 * imported from, `mod.NAME` (that module's constant, or what a repo file that imports it assigns to
 * `mod.NAME`), and `%`/format/f-string/`+`/os.path.join of such parts. An absolute path so read is
 * placed below the filesystem tree the spawning module lies in (the part of its path before `usr/`,
 * `opt/`, `etc/`, … as filesystem-root.ts maps `/`): when a file is there, the spawn is an edge to it.
 * Only a spawn call's program counts: a path constant nothing runs makes nothing alive. A literal
 * program is left to extraction's command lines.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths, sortedPaths } from '../../util/file-index.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { callArguments, joinArguments, literalValue } from './call-text.js';
import { templateParts } from './loader-templates.js';
import { boundModuleFile } from './folder-loaders.js';
import { moduleFile } from './python-files.js';
import { perScan } from '../per-scan.js';

/** A spawn call's name: what runs its first argument as a program. */
const SPAWN = /(?<![\w.])(?:subprocess\s*\.\s*(?:Popen|run|call|check_call|check_output)|Popen|os\s*\.\s*(?:exec[lv]p?e?|spawn[lv]p?e?|system|popen)|(?:GLib\s*\.\s*)?spawn_(?:command_line_(?:a?sync)|async(?:_with_pipes)?|sync)|(?:asyncio\s*\.\s*)?create_subprocess_(?:exec|shell))\s*\(/g;
/** The cheap test of a file's text before the spawn calls are read. */
const SPAWN_WORDS = /Popen|subprocess\.|os\.(?:exec|spawn|system|popen)|spawn_|create_subprocess_/;
/** A spawn call whose first argument is a plain literal: extraction's command lines read those. */
const NAME = /^[A-Za-z_]\w*$/;
/** How many names deep a program is followed, and how many values one expression may take. */
const MAX_DEPTH = 5;
const MAX_VALUES = 8;
/** Files read for `mod.NAME = …` per module (those importing it, in path order). */
const MAX_SETTERS = 64;
/** Spawn calls read per file (a hostile file of thousands gives no more work). */
const MAX_CALLS = 64;
/** Folders a filesystem tree holds programs under: the tree's root is the part of a path before the first. */
const TREE_TOP = /^((?:.*?\/)?)(?:usr\/(?:lib|lib64|share|bin|sbin|libexec|local|games)|opt|etc)\//;

interface Value {
  value: string;
  /** How it was read, for evidence. */
  how: string[];
}

/** Module-level `NAME = expr` lines of a text (every one: a constant set in each branch of an `if`). */
const moduleAssignments = (text: string, name: string): { expr: string; line: number }[] => {
  const out: { expr: string; line: number }[] = [];
  const starts = lineStarts(text);
  for (const m of text.matchAll(new RegExp(`^${escapeRegExp(name)}[ \\t]*=(?!=)[ \\t]*(.+?)[ \\t]*(?:#.*)?$`, 'gm'))) {
    out.push({ expr: m[1], line: lineOfOffset(starts, m.index) });
    if (out.length >= MAX_VALUES) break;
  }
  return out;
};

/** `target = expr` lines anywhere in the text (indented too: `self.x = …` in a method, `mod.NAME = …` in a function). */
const anyAssignments = (text: string, target: string): { expr: string; line: number }[] => {
  const out: { expr: string; line: number }[] = [];
  const starts = lineStarts(text);
  for (const m of text.matchAll(new RegExp(`^[ \\t]*${escapeRegExp(target)}[ \\t]*=(?!=)[ \\t]*(.+?)[ \\t]*(?:#.*)?$`, 'gm'))) {
    out.push({ expr: m[1], line: lineOfOffset(starts, m.index) });
    if (out.length >= MAX_VALUES) break;
  }
  return out;
};

/** The repo file a name imported by `from m import NAME` (as written in `file`) comes from, and its name there. */
const importedFrom = (ctx: FrameworkContext, file: string, name: string): { file: string; name: string } | null => {
  for (const i of ctx.facts(file)?.imports ?? []) {
    if (i.syntax !== 'from') continue;
    const n = i.names.find((x) => (x.alias ?? x.name) === name);
    if (n === undefined || n.name === '*') continue;
    const holder = moduleFile(ctx, file, i.specifier) ?? (i.specifier.startsWith('.') ? null : (ctx.module(i.specifier, '', file)[0] ?? null));
    if (holder !== null) return { file: holder, name: n.name };
  }
  return null;
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

/** The string values `expr` may hold in `file` (read at 1-based `line`), through names, to literals. */
const valuesOf = (ctx: FrameworkContext, file: string, text: string, line: number, expr: string, depth: number): Value[] => {
  const e = expr.trim().replace(/^\((.*)\)$/s, '$1').trim();
  if (depth > MAX_DEPTH || e === '' || e.length > 400) return [];
  const literal = literalValue(e);
  if (literal !== null) return [{ value: literal, how: [] }];
  const combine = (parts: Array<string | { expr: string }>, join = ''): Value[] => {
    let acc: Value[] = [{ value: '', how: [] }];
    parts.forEach((p, k) => {
      const options = typeof p === 'string' ? [{ value: p, how: [] }] : valuesOf(ctx, file, text, line, p.expr, depth + 1);
      const sep = k === 0 || join === '' ? '' : join;
      acc = acc.flatMap((a) => options.map((o) => ({ value: `${a.value}${sep}${o.value}`, how: [...a.how, ...o.how] }))).slice(0, MAX_VALUES);
    });
    return acc;
  };
  const join = joinArguments(e, 0, true);
  if (join !== null) return combine(join.map((a) => ({ expr: a })), '/');
  const template = templateParts(e);
  if (template !== null) return combine(template);
  const plus = /^(.+?)\s*\+\s*(.+)$/.exec(e);
  if (plus !== null && (literalValue(plus[1]) !== null || literalValue(plus[2]) !== null)) return combine([{ expr: plus[1] }, { expr: plus[2] }]);
  const from = (file2: string, text2: string, assigned: { expr: string; line: number }[], shown: string): Value[] =>
    assigned.flatMap((a) => valuesOf(ctx, file2, text2, a.line, a.expr, depth + 1).map((v) => ({ value: v.value, how: [`${shown} = ${a.expr} at ${file2}:${a.line}`, ...v.how] }))).slice(0, MAX_VALUES);
  // self.x: every assignment to it in the file.
  const attr = /^self\.([A-Za-z_]\w*)$/.exec(e);
  if (attr !== null) return from(file, text, anyAssignments(text, `self.${attr[1]}`), e);
  if (NAME.test(e)) {
    // A local assigned above (the nearest, within the def), else the module's own constant, else an import.
    const lines = text.split('\n');
    for (let l = line - 1; l >= 1 && l >= line - 40; l--) {
      const m = new RegExp(`^([ \\t]+)${escapeRegExp(e)}[ \\t]*=(?!=)[ \\t]*(.+?)[ \\t]*(?:#.*)?$`).exec(lines[l - 1]);
      if (m !== null) return from(file, text, [{ expr: m[2], line: l }], e);
      if (/^(?:async\s+)?def\s/.test(lines[l - 1].trimStart())) break;
    }
    const own = moduleAssignments(text, e);
    if (own.length > 0) return from(file, text, own, e);
    const imported = importedFrom(ctx, file, e);
    const importedText = imported === null ? null : ctx.readText(imported.file);
    return imported === null || importedText === null ? [] : from(imported.file, importedText, moduleAssignments(importedText, imported.name), imported.name);
  }
  // mod.NAME: the module's constant, else what a repo file importing the module assigns to mod.NAME.
  const qualified = /^([A-Za-z_][\w.]*)\.([A-Za-z_]\w*)$/.exec(e);
  const facts = ctx.facts(file);
  if (qualified === null || facts === undefined) return [];
  const holder = boundModuleFile(ctx, file, facts, qualified[1], true);
  if (holder === null) return [];
  const holderText = ctx.readText(holder);
  const own = holderText === null ? [] : moduleAssignments(holderText, qualified[2]);
  if (own.length > 0) return from(holder, holderText!, own, qualified[2]);
  const module = facts.imports.find((i) => i.syntax === 'import' && (i.alias ?? i.specifier) === qualified[1])?.specifier ?? qualified[1];
  const out: Value[] = [];
  for (const setter of importersByModule(ctx).get(module) ?? []) {
    const setterText = setter === file ? text : ctx.readText(setter);
    if (setterText === null || !setterText.includes(`${qualified[1]}.${qualified[2]}`)) continue;
    out.push(...from(setter, setterText, anyAssignments(setterText, `${qualified[1]}.${qualified[2]}`), e));
  }
  return out.slice(0, MAX_VALUES);
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

export const collectSpawnedPaths = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py')) continue;
    const root = TREE_TOP.exec(file)?.[1];
    // A tree kept as a fixture is no exception: the edge only carries the spawning module's own kind to the program.
    if (root === undefined) continue;
    const facts = ctx.facts(file);
    if (facts === undefined || !facts.imports.some((i) => /^(?:subprocess|os|gi\.repository|gi|asyncio)$/.test(i.specifier) || i.specifier.startsWith('gi.repository'))) continue;
    const text = ctx.readText(file);
    if (text === null || !SPAWN_WORDS.test(text)) continue;
    let starts: number[] | undefined;
    let calls = 0;
    const seen = new Set<string>();
    for (const m of text.matchAll(SPAWN)) {
      if (++calls > MAX_CALLS) break;
      const args = callArguments(text, m.index + m[0].length - 1);
      const program = args?.[0] === undefined ? null : programOf(args[0]);
      if (program === null || literalValue(program) !== null) continue;
      const line = lineOfOffset((starts ??= lineStarts(text)), m.index);
      for (const v of valuesOf(ctx, file, text, line, program, 0)) {
        // os.system's / spawn_command_line's string is a shell line: its program is the first word.
        const path = v.value.trim().split(/\s+/)[0].replace(/\/{2,}/g, '/');
        if (!path.startsWith('/') || path.split('/').some((s) => s === '..')) continue;
        const target = `${root}${path.slice(1)}`;
        if (!ctx.files.has(target) || target === file || seen.has(target)) continue;
        seen.add(target);
        const call = m[0].replace(/\s+/g, '').slice(0, -1);
        const how = v.how.length === 0 ? '' : ` (${v.how.join('; ')})`;
        out.references.push({ from: file, target, targetKind: 'file', line, label: `run by ${call} in ${file}:${line}, whose program ${program} is ${path}${how}: this file in the filesystem tree ${root === '' ? 'at the repo root' : `at ${root}`}` });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'spawned-paths',
  title: 'Python programs spawned by an absolute path held in a constant (filesystem trees)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (f.endsWith('.py') && TREE_TOP.test(f)) return `${f} lies in a filesystem tree`;
    }
    return null;
  },
  collect: collectSpawnedPaths,
};

export default reader;
