/**
 * Dotted names noted during the token pass, read once every import of the file is known:
 * - dynamic imports: `__import__('m')`, `importlib.import_module('m')` (also through
 *   `import importlib as il`), `import_module('m')` when imported from importlib. The first
 *   positional argument must be a str literal (adjacent literals concatenated); anything else is
 *   ignored, because only a literal names a module without running the code;
 * - commands: literal command lines given to subprocess, os.system/popen/exec*, asyncio's
 *   create_subprocess_*; names are resolved through the file's imports (`from subprocess import
 *   run`, `import subprocess as sp`);
 * - command-line frameworks: click, typer, argparse, optparse, fire, docopt.
 */
import type { CommandFact } from '../../model/facts.js';
import { isModuleName, isSysExecutable, stringList, stringValue } from './literals.js';
import { type CallArgs, callArgs, isOp, nameText, unwrap } from './ranges.js';
import type { ExtractState, NameSite } from './state.js';
import { Kind, Op } from './tokens.js';
import { EXTRACTED_SPAWN_ARGS, spawnArgsOf } from './spawn-calls.js';

const CLI = new Set([
  'click.command',
  'click.group',
  'typer.Typer',
  'typer.run',
  'argparse.ArgumentParser',
  'optparse.OptionParser',
  'fire.Fire',
  'docopt.docopt',
]);

/** True for what an imported name may stand for when census cares about its calls. */
const isKnownCallee = (canonical: string): boolean => canonical === 'importlib.import_module' || CLI.has(canonical) || isExtractedSpawn(canonical);

/** A spawn function (spawn-calls.ts) whose command line extraction reads. */
const isExtractedSpawn = (canonical: string): boolean => {
  const args = spawnArgsOf(canonical);
  return args !== null && EXTRACTED_SPAWN_ARGS.has(args);
};

/**
 * Local names that stand for a known callee under another name (`from subprocess import run as
 * sh`): the token pass cannot spot those by their text alone.
 */
export const renamedCallees = (st: ExtractState): Set<string> => {
  const out = new Set<string>();
  for (const local of st.renamedLocals) {
    const target = st.aliases.get(local);
    if (target !== undefined && isKnownCallee(target)) out.add(local);
  }
  for (const local of st.importModuleNames) if (local !== 'import_module') out.add(local);
  return out;
};

const siteNames = (st: ExtractState, site: NameSite): string[] => {
  const names: string[] = [];
  for (let i = site.root; i <= site.last; i += 2) names.push(nameText(st.t, i));
  return names;
};

/** What a dotted name refers to, through the file's imports; null for an unimported bare name. */
const canonicalName = (st: ExtractState, names: string[]): string | null => {
  const bound = st.aliases.get(names[0]);
  if (bound === undefined && names.length === 1) return null;
  return [bound ?? names[0], ...names.slice(1)].join('.');
};

const isDynamicImport = (st: ExtractState, names: string[]): boolean =>
  names.length === 1
    ? names[0] === '__import__' || st.importModuleNames.has(names[0])
    : names.length === 2 && names[1] === 'import_module' && st.importlibNames.has(names[0]);

/** Whether a range holds a name other than None/True/False (a value computed at run time). */
const computedRange = (t: ExtractState['t'], from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    if (t.kind[i] !== Kind.Name) continue;
    const name = nameText(t, i);
    if (name !== 'None' && name !== 'True' && name !== 'False') return true;
  }
  return false;
};

/**
 * Stop 49: `import_module('.name', package)` resolves the relative name against its package
 * argument, not against the calling file. Only a literal package, or one that names the file's own
 * package without running code, gives a name: a literal package gives the absolute name
 * (importlib's `_resolve_name`); `__package__` and `__spec__.parent` (the same value, PEP 451) keep
 * the name relative to the file; `__name__` is the package only in an `__init__.py` — in a plain
 * module it names the module, so `_resolve_name` first drops the module's own last part: one dot
 * resolves inside a module (no edge, the import fails) and n dots are n - 1 dots from the file's
 * package. No package at all raises TypeError at run time (no edge); any other package (horizon's
 * `'.'.join(self.__module__.split('.')[:-1])`) gives no edge (null); module-relative.ts models that flow.
 */
const againstPackage = (st: ExtractState, name: string, args: CallArgs): string | null => {
  if (!name.startsWith('.')) return name;
  const t = st.t;
  const pkg = args.keywords.get('package') ?? args.positional[1];
  if (pkg === undefined) return null;
  const [s, e] = unwrap(t, pkg[0], pkg[1]);
  const level = /^\.*/.exec(name)![0].length;
  if (isName(t, s, '__package__', e) || (e - s === 3 && isName(t, s, '__spec__') && isOp(t, s + 1, Op.Dot) && isName(t, s + 2, 'parent'))) return name;
  if (isName(t, s, '__name__', e)) {
    if (st.path === '__init__.py' || st.path.endsWith('/__init__.py')) return name;
    return level === 1 ? null : name.slice(1);
  }
  const base = stringValue(t, s, e);
  if (base === null || !isModuleName(base)) return null;
  const parts = base.split('.');
  if (level - 1 >= parts.length) return null;
  const rest = name.slice(level);
  const head = parts.slice(0, parts.length - (level - 1)).join('.');
  return rest === '' ? head : `${head}.${rest}`;
};

/**
 * Review of stop 58: `__import__('x', globals(), None, (), 1)`, a literal name with a level, is relative to the file's own package
 * (`globals()` hands its `__package__`), as `from . import x` is: `.x` (each level past the first a package up). Other globals name
 * some other package (null: no edge); a level of 0, none, or one not written as a number keeps the name absolute.
 */
const leveled = (st: ExtractState, name: string, args: CallArgs): string | null => {
  const t = st.t;
  const at = args.keywords.get('level') ?? args.positional[4];
  if (at === undefined) return name;
  const [s, e] = unwrap(t, at[0], at[1]);
  const level = e - s === 1 && t.kind[s] === Kind.Number && /^\d+$/.test(t.text.slice(t.start[s], t.end[s])) ? Number(t.text.slice(t.start[s], t.end[s])) : 0;
  if (level === 0) return name;
  const globals = args.keywords.get('globals') ?? args.positional[1];
  if (globals === undefined) return null;
  const [gs, ge] = unwrap(t, globals[0], globals[1]);
  const own = ge - gs === 3 && isName(t, gs, 'globals') && isOp(t, gs + 1, Op.LParen) && isOp(t, gs + 2, Op.RParen);
  return own ? `${'.'.repeat(level)}${name}` : null;
};

/** True when token i is the Name `text` (and, given `end`, the whole range i..end). */
const isName = (t: ExtractState['t'], i: number, text: string, end = i + 1): boolean => end - i === 1 && t.kind[i] === Kind.Name && nameText(t, i) === text;

export const resolveNameSites = (st: ExtractState): void => {
  const t = st.t;
  for (const site of st.nameSites) {
    const names = siteNames(st, site);
    const open = site.last + 1;
    const called = isOp(t, open, Op.LParen);
    if (called && isDynamicImport(st, names)) {
      const args = callArgs(t, open, t.count);
      const first = args?.positional[0];
      const [s, e] = first ? unwrap(t, first[0], first[1]) : [0, 0];
      const literal = first ? stringValue(t, s, e) : null;
      const specifier = literal === null || args === null ? literal : names[names.length - 1] === '__import__' ? leveled(st, literal, args) : againstPackage(st, literal, args);
      if (specifier !== null) {
        st.imports.push({ specifier, syntax: 'dynamic', line: t.line[site.root], names: [], alias: undefined, frame: site.frame });
        // Stop 45: `__import__("pkg", globals(), locals(), names, 0)` with a fromlist computed at run time imports modules of pkg by name.
        const fromlist = names[0] === '__import__' && args ? (args.keywords.get('fromlist') ?? args.positional[3]) : undefined;
        if (fromlist !== undefined && computedRange(t, fromlist[0], fromlist[1])) st.computedImportLines.push(t.line[site.root]);
      } else if (first && literal === null) st.computedImportLines.push(t.line[site.root]);
      continue;
    }
    const canonical = canonicalName(st, names);
    if (canonical === null) continue;
    if (CLI.has(canonical)) {
      if (!st.facts.runnable.includes('cli-framework')) st.facts.runnable.push('cli-framework');
      continue;
    }
    if (!called) continue;
    const args = callArgs(t, open, t.count);
    if (!args) continue;
    const command = commandOf(st, canonical, args);
    if (command === null) continue;
    const fact: CommandFact = { command, line: t.line[site.root], via: canonical };
    const cwd = args.keywords.get('cwd');
    const cwdValue = cwd ? stringValue(st.t, cwd[0], cwd[1]) : null;
    if (cwdValue !== null) fact.cwd = cwdValue;
    st.facts.commands.push(fact);
  }
};

/** `"a b".split()` or `shlex.split("a b")`: a literal command line split into argv. */
const splitString = (st: ExtractState, s: number, e: number): string | null => {
  const t = st.t;
  if (e - s >= 5 && isOp(t, e - 4, Op.Dot) && nameText(t, e - 3) === 'split' && isOp(t, e - 2, Op.LParen) && isOp(t, e - 1, Op.RParen)) {
    return stringValue(t, s, e - 4);
  }
  if (e - s >= 5 && nameText(t, s) === 'shlex' && isOp(t, s + 1, Op.Dot) && nameText(t, s + 2) === 'split' && isOp(t, s + 3, Op.LParen) && isOp(t, e - 1, Op.RParen)) {
    return stringValue(t, s + 4, e - 1);
  }
  return null;
};

/** A list of strings, one string, or a split literal, as a command line. */
const argvOrString = (st: ExtractState, range: [number, number] | undefined): string | null => {
  if (!range) return null;
  const list = stringList(st.t, range[0], range[1], true);
  if (list !== null) return list.length > 0 ? list.join(' ') : null;
  return stringValue(st.t, range[0], range[1]) ?? splitString(st, range[0], range[1]);
};

/** Leading positional string arguments (program first, `sys.executable` allowed), joined. */
const separateArgs = (st: ExtractState, ranges: Array<[number, number]>): string | null => {
  const parts: string[] = [];
  for (const [s, e] of ranges) {
    let value = stringValue(st.t, s, e);
    if (value === null && parts.length === 0 && isSysExecutable(st.t, s, e)) value = 'python';
    if (value === null) break;
    parts.push(value);
  }
  return parts.length > 0 ? parts.join(' ') : null;
};

/** The command line a spawn call gives (spawn-calls.ts: how its arguments name it); null for one extraction does not read. */
const commandOf = (st: ExtractState, canonical: string, args: CallArgs): string | null => {
  const positional = args.positional;
  const shape = spawnArgsOf(canonical);
  if (shape === 'argv') return argvOrString(st, positional[0] ?? args.keywords.get('args'));
  if (shape === 'shell') return positional[0] ? stringValue(st.t, positional[0][0], positional[0][1]) : null;
  if (shape === 'program-args') return separateArgs(st, positional);
  if (shape === 'exec') {
    // execv*(path, argv): the argv list; execl*(path, arg0, arg1, …): the args; else the path.
    const fn = canonical.slice(3);
    if (fn.startsWith('execv')) {
      const argv = positional[1] ? stringList(st.t, positional[1][0], positional[1][1], true) : null;
      if (argv !== null && argv.length > 0) return argv.join(' ');
    } else if (fn.startsWith('execl')) {
      const argv = separateArgs(st, positional.slice(1));
      if (argv !== null) return argv;
    }
    return positional[0] ? stringValue(st.t, positional[0][0], positional[0][1]) : null;
  }
  return null;
};
