/**
 * Stop 66: a program a Python module runs from the folder a config names. mailman3's
 * mailman/bin/master.py:331 `exe = os.path.join(config.BIN_DIR, 'runner')`, run at :334 as
 * `[sys.executable, sys.executable, exe, …]` by `os.execle(*args)`, where Debian's config
 * (usr/share/mailman3/mailman.cfg.sample:128, installed as /etc/mailman3/mailman.cfg) says
 * `bin_dir: /usr/lib/mailman3/bin`: the daemon's runners are usr/lib/mailman3/bin/runner, started by
 * the master, not commands a user runs by hand.
 *
 * Read only in filesystem trees (util/filesystem-tree.ts): configs (`.cfg`, `.conf`, `.ini`, and
 * their `.sample`s) with a key naming a program folder (`bin_dir`, `libexec_dir`, `scripts_dir`,
 * with a prefix: `mailman_bin_dir`) set to an absolute path. Only then are the tree's .py files read
 * for `os.path.join(<obj>.<KEY>, 'name')` (the key as an attribute, any case: `config.BIN_DIR`,
 * `self.cfg.bin_dir`) that is launched: an element of a command list that runs the interpreter
 * (`[sys.executable, …, join(…)]`), or assigned to a name such a list or a spawn call holds within
 * LAUNCH_REACH lines below. The path is placed in the tree; a repo file there is run by the module.
 * A path only printed, checked or compared (`os.path.exists(join(config.BIN_DIR, 'x'))`) gives
 * nothing, and neither does a key with a relative value or a value naming no repo folder.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { pathsNamedLike } from '../../util/file-index.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';
import { inFilesystemTree } from '../../util/filesystem-tree.js';
import { escapeRegExp } from '../../util/regexp.js';
import { perScan } from '../per-scan.js';
import { lookText } from './package-paths.js';

const CONFIG = /\.(?:cfg|conf|ini)(?:\.sample)?$/;
/** `bin_dir: /usr/lib/app/bin`, `libexec_dir = /usr/libexec/app` (a config line; `#`/`;` comments are no value). */
const FOLDER_KEY = /^[ \t]*((?:[A-Za-z]\w*_)?(?:bin|libexec|scripts?)_dir)[ \t]*[:=][ \t]*(\/[^\s#;'"]+)[ \t]*$/gim;
/** How many configs are read, and folder values kept in all. */
const MAX_CONFIGS = 400;
const MAX_FOLDERS = 32;
/** How many lines below an assignment its name is looked for in a command. */
const LAUNCH_REACH = 20;
/** Launches read per file (a hostile file of thousands gives no more work). */
const MAX_PER_FILE = 32;
/** How many chars before a join its module (`os.path.`) is looked for in. */
const MODULE_REACH = 256;
/** A command list that runs the interpreter: `[sys.executable, …` or `[python, …` (a name holding it). */
const INTERPRETER_LIST = /\[\s*(?:sys\.executable|[\w.]*python\w*)\s*,/;
/** A spawn call's name (subprocess's, os's exec*, spawn*). */
const SPAWN_CALL = /(?<![\w])(?:Popen|run|call|check_call|check_output|exec[lv]p?e?|spawn[lv]p?e?|system|create_subprocess_exec)\s*\(/;

interface Folder {
  key: string;
  value: string;
  config: string;
  line: number;
}

/** The program folders the tree's configs name, once per scan. */
const foldersOf = perScan((ctx: FrameworkContext): Folder[] => {
  const out: Folder[] = [];
  let read = 0;
  for (const config of pathsNamedLike(ctx.files, { extensions: ['cfg', 'conf', 'ini', 'sample'] }, 'sorted')) {
    if (!CONFIG.test(config) || inFilesystemTree(config, '/') === null) continue;
    if (++read > MAX_CONFIGS || out.length >= MAX_FOLDERS) break;
    const text = lookText(ctx, config);
    if (text === null || !/_dir/i.test(text)) continue;
    let starts: number[] | undefined;
    for (const m of text.matchAll(FOLDER_KEY)) {
      if (out.length >= MAX_FOLDERS) break;
      out.push({ key: m[1].toLowerCase(), value: m[2].replace(/\/+$/, ''), config, line: lineOfOffset((starts ??= lineStarts(text)), m.index!) });
    }
  }
  return out;
});

/** The 1-based line a launch of the join at `line` is written on and how, or null: the join in an interpreter list, or its name held by one or by a spawn call below. */
const launchLine = (lines: readonly string[], line: number, joinText: string): { line: number; how: string } | null => {
  const own = lines[line - 1];
  // What stands before the call, its module (`os.path.`) left off.
  // Only the tail is stripped: the `$`-anchored regex tried at every start of a long line is quadratic.
  const cut = own.slice(0, own.indexOf(joinText));
  const tail = Math.max(0, cut.length - MODULE_REACH);
  const before = cut.slice(0, tail) + cut.slice(tail).replace(/(?:[A-Za-z_]\w*\.)+$/, '');
  // In a command list: its `[` opened on this line or on one of the few above (an exploded list).
  const head = [...lines.slice(Math.max(0, line - 4), line - 1), before].join('\n');
  const open = head.lastIndexOf('[');
  if (open >= 0 && !head.slice(open).includes(']') && INTERPRETER_LIST.test(head.slice(open))) return { line, how: 'an element of a command list that runs the interpreter' };
  const assigned = /^\s*(?:self\.)?([A-Za-z_]\w*)\s*=\s*$/.exec(before)?.[1];
  if (assigned === undefined) return null;
  const name = new RegExp(`(?<![\\w.])${escapeRegExp(assigned)}(?![\\w])`);
  for (let k = line; k < Math.min(lines.length, line + LAUNCH_REACH); k++) {
    const l = lines[k];
    if (!name.test(l)) continue;
    if (/^\s*(?:async\s+)?def\s/.test(l)) return null;
    const at = l.search(name);
    const prefix = l.slice(0, at);
    // An element of an interpreter list on that line (or one opened just above), or a spawn call's argument.
    const around = [...lines.slice(Math.max(0, k - 3), k), prefix].join('\n');
    const bracket = around.lastIndexOf('[');
    if (bracket >= 0 && !around.slice(bracket).includes(']') && INTERPRETER_LIST.test(around.slice(bracket))) return { line: k + 1, how: `held as ${assigned} by a command list that runs the interpreter` };
    if (SPAWN_CALL.test(prefix)) return { line: k + 1, how: `held as ${assigned} by a spawn call` };
  }
  return null;
};

const collectConfigBinDirs = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const folders = foldersOf(ctx);
  if (folders.length === 0) return out;
  const keys = [...new Set(folders.map((f) => f.key))];
  const mark = new RegExp(`\\.(?:${keys.map(escapeRegExp).join('|')})\\b`, 'i');
  const join = new RegExp(`\\bjoin\\s*\\(\\s*(?:[A-Za-z_]\\w*\\.)+(${keys.map(escapeRegExp).join('|')})\\s*,\\s*(['"])([\\w.-]{1,100})\\2\\s*\\)`, 'gi');
  for (const file of pathsNamedLike(ctx.files, { extensions: ['py'] }, 'sorted')) {
    if (!file.endsWith('.py') || inFilesystemTree(file, '/') === null) continue;
    const text = lookText(ctx, file);
    if (text === null || !mark.test(text)) continue;
    let starts: number[] | undefined;
    let lines: string[] | undefined;
    let count = 0;
    for (const m of text.matchAll(join)) {
      if (++count > MAX_PER_FILE) break;
      const line = lineOfOffset((starts ??= lineStarts(text)), m.index!);
      const launched = launchLine((lines ??= text.split(/\r?\n/)), line, m[0]);
      if (launched === null) continue;
      for (const folder of folders) {
        if (folder.key !== m[1].toLowerCase()) continue;
        const target = inFilesystemTree(file, `${folder.value}/${m[3]}`)?.path;
        if (target === undefined || target === file || !ctx.files.has(target)) continue;
        out.references.push({
          from: file,
          target,
          targetKind: 'file',
          line: launched.line,
          label: `run by ${file}:${launched.line} (${m[0].replace(/\s+/g, ' ')} at line ${line}, ${launched.how}), where ${folder.config}:${folder.line} says ${folder.key}: ${folder.value}`,
        });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'config-bin-dirs',
  title: 'Python programs run from a program folder a config names (bin_dir: /usr/lib/app/bin)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = foldersOf(ctx)[0];
    return first === undefined ? null : `${first.config}:${first.line} names the program folder ${first.key}: ${first.value}`;
  },
  collect: collectConfigBinDirs,
};

export default reader;
