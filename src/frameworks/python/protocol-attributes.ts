/**
 * Stop 59: modules a loader imports by a name it is handed and then asks for a module-level dunder
 * attribute of its own protocol. beancount 2.3.5 loads the plugins a ledger names
 * (`plugin "beancount.plugins.auto"`), loader.py:574-575:
 *
 *     module = importlib.import_module(plugin_name)
 *     if not hasattr(module, '__plugins__'):
 *         continue
 *     …
 *     for function_name in module.__plugins__:
 *
 * and each plugin module declares `__plugins__ = ('check_closing',)`. The name comes from user data,
 * so no literal names a plugin and census saw 15 of beancount's plugins dead.
 *
 * The rule: a computed import (`V = import_module(<not a string literal>)`, `__import__`,
 * `import_string`; not one relative to the loader's package, which other readers settle with the
 * loader's own tests) whose variable the same def then reads for a dunder name that is not one of
 * Python's own or a packaging field (`hasattr(V, '__plugins__')`, `getattr(V, '__plugins__'…)`,
 * `V.__plugins__`). Every other Python file of the loader's top-level package whose top level
 * assigns that dunder is a module the loader may import: an edge from the loader at the import's
 * line, so a plugin takes the loader's class. A loader outside any package, a read of `__version__`
 * or `__all__`, a read of another variable, a module of another package: nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { pathsWithPrefix, sortedPaths } from '../../util/file-index.js';
import { perScan } from '../per-scan.js';
import { defSpan, topPackageFolder } from './python-files.js';
import { alternation, CORE_LOADS } from '../../languages/python/loader-names.js';
import { callArguments, literalValue } from './call-text.js';
import { escapeRegExp } from '../../util/regexp.js';
import { mayHoldPythonMark } from '../../languages/python/text-marks.js';

/** `V = [mod.]import_module(`: the variable and the loader's name; the call's `(` ends the match. */
const IMPORT_ASSIGN = new RegExp(String.raw`^\s*([A-Za-z_]\w*)\s*=\s*(?:[\w.]+\.)?(${alternation(CORE_LOADS)})\s*\(`);
/** A dunder name as a protocol word: lower case, at least one letter between the underscores. */
const DUNDER = '__[a-z][a-z0-9_]*[a-z0-9]__';
/**
 * Dunders that say nothing of a loader's protocol: the interpreter's own module attributes and the
 * packaging fields many modules set (`__version__`, `__all__`, `__author__`). A loader that reads one
 * of these after a computed import (a version check) would otherwise make every module alive.
 */
const COMMON_DUNDERS = new Set([
  '__all__', '__annotations__', '__author__', '__authors__', '__builtins__', '__cached__', '__class__', '__contact__',
  '__copyright__', '__credits__', '__date__', '__deprecated__', '__description__', '__dict__', '__doc__', '__docformat__',
  '__email__', '__file__', '__license__', '__loader__', '__maintainer__', '__module__', '__name__', '__package__',
  '__path__', '__revision__', '__spec__', '__status__', '__title__', '__url__', '__version__', '__version_info__',
]);
/** Lines read below a computed import at module level (no def bounds it). */
const MODULE_LEVEL_SPAN = 60;

export interface ProtocolLoad {
  file: string;
  /** 1-based line of the computed import. */
  loadLine: number;
  /** 1-based line of the attribute read. */
  readLine: number;
  attr: string;
  /** Folder of the loader's top-level package. */
  scope: string;
}

/** The first protocol dunder read of `variable` in `lines[from, end)`, with its 0-based line. */
const dunderRead = (lines: readonly string[], variable: string, from: number, end: number): { attr: string; at: number } | null => {
  const v = escapeRegExp(variable);
  const read = new RegExp(String.raw`\b(?:hasattr|getattr)\s*\(\s*${v}\s*,\s*(["'])(${DUNDER})\1|(?<![\w.])${v}\s*\.\s*(${DUNDER})(?!\w)`, 'g');
  for (let at = from; at < end; at++) {
    const line = lines[at];
    if (!line.includes('__')) continue;
    const code = line.replace(/#.*$/, '');
    for (const m of code.matchAll(read)) {
      const attr = m[2] ?? m[3];
      if (!COMMON_DUNDERS.has(attr)) return { attr, at };
    }
  }
  return null;
};

/**
 * A computed import relative to the loader's own package (`__import__(name, globals(), None, (), 1)`,
 * `import_module('.' + name, __package__)`): relative-dunder-import.ts and prefixed-imports.ts read
 * those with the loader's own tests (gallery-dl's downloader/__init__.py:28-30 imports only a scheme
 * `in modules`), which a module that merely sets the dunder must not bypass.
 */
const relative = (loader: string, args: readonly string[]): boolean => {
  const keyword = (name: string): string | undefined => args.find((a) => new RegExp(String.raw`^${name}\s*=(?!=)`).test(a))?.replace(/^\w+\s*=\s*/, '');
  if (loader === '__import__') {
    const level = keyword('level') ?? (args[4] !== undefined && !/^\w+\s*=(?!=)/.test(args[4]) ? args[4] : undefined);
    return level !== undefined && level.trim() !== '0';
  }
  return loader === 'import_module' && /^[fFrR]*(["'])\./.test(args[0].trim());
};

/** Each computed import in `text` whose variable is read for a protocol dunder (one per import). */
export const protocolLoads = (text: string): { loadLine: number; readLine: number; attr: string }[] => {
  if (!text.includes('__') || !/import_module|__import__|import_string/.test(text)) return [];
  const lines = text.split('\n');
  const found: { loadLine: number; readLine: number; attr: string }[] = [];
  for (let at = 0, offset = 0; at < lines.length; offset += lines[at].length + 1, at++) {
    const m = IMPORT_ASSIGN.exec(lines[at]);
    if (m === null) continue;
    const args = callArguments(text, offset + m[0].length - 1);
    if (args === null || args.length === 0 || literalValue(args[0]) !== null || relative(m[2], args)) continue;
    const span = defSpan(lines, at);
    const end = span === null ? Math.min(lines.length, at + MODULE_LEVEL_SPAN) : span.end;
    const read = dunderRead(lines, m[1], at + 1, end);
    if (read !== null) found.push({ loadLine: at + 1, readLine: read.at + 1, attr: read.attr });
  }
  return found;
};

/** The 1-based line where `text`'s top level assigns `attr` (`__plugins__ = …`, `__plugins__: T = …`), else 0. */
export const topLevelAssignment = (text: string, attr: string): number => {
  const at = text.search(new RegExp(String.raw`^${escapeRegExp(attr)}\s*(?::[^=\n]*)?=(?!=)`, 'm'));
  return at === -1 ? 0 : text.slice(0, at).split('\n').length;
};

const findProtocolLoads = perScan((ctx: FrameworkContext): ProtocolLoad[] => {
  const loads: ProtocolLoad[] = [];
  for (const file of sortedPaths(ctx.files)) {
    // Issue 19: only a file whose text may name a computed import's call is read (every one's name holds `import_`).
    if (!file.endsWith('.py') || !mayHoldPythonMark(ctx.facts(file)?.textMarks, 'import_')) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null) continue;
    const found = protocolLoads(text);
    if (found.length === 0) continue;
    const scope = topPackageFolder(ctx.files, file);
    if (scope === null) continue;
    for (const load of found) loads.push({ file, scope, ...load });
  }
  return loads;
});

export const collectProtocolAttributes = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const load of findProtocolLoads(ctx)) {
    for (const target of pathsWithPrefix(ctx.files, `${load.scope}/`)) {
      if (!target.endsWith('.py') || target === load.file) continue;
      const text = ctx.readText(target);
      if (text === null || !text.includes(load.attr)) continue;
      const line = topLevelAssignment(text, load.attr);
      if (line === 0) continue;
      out.references.push({
        from: load.file,
        target,
        targetKind: 'file',
        line: load.loadLine,
        label: `loaded by ${load.file}:${load.loadLine} as a plugin (a computed import, whose module line ${load.readLine} reads for ${load.attr}; ${target}:${line} sets it)`,
      });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'protocol-attributes',
  title: 'modules a computed import reads for a protocol dunder they set (beancount __plugins__)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = findProtocolLoads(ctx)[0];
    return first === undefined ? null : `${first.file}:${first.loadLine} imports a computed name and reads ${first.attr} at line ${first.readLine}`;
  },
  collect: collectProtocolAttributes,
};

export default reader;
