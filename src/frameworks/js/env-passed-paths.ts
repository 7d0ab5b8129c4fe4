/**
 * Stop 50: a path handed to a child process in an environment variable, which the child's script
 * imports. Payload's loader test runs each case as `startChildProcess('./dependency-test.js')`
 * (test/loader/int.spec.ts); startChildProcess.ts spawns `node … init.js` with `env: {
 * LOADER_TEST_FILE_PATH: filePath, … }`, and init.js does `await import(process.env.LOADER_TEST_FILE_PATH)`.
 * No import names the file: the two ends of the environment variable do. Read from the text, never run:
 *
 * - the receiver: a repo JS/TS file that loads the variable itself: `import(process.env.NAME)`,
 *   `require(process.env.NAME)` (`process.env['NAME']` too);
 * - the sender: a file that imports a module that runs commands (child_process, execa, cross-spawn,
 *   zx, shelljs: languages/javascript/commands.ts), whose code names the receiver's file (`'init.js'`;
 *   comments do not count: the forms are read on codeOnly's text) and puts NAME into a child's environment, either
 *   as a key of an `env: { … }` option (`{ ...process.env, NAME: p }`) or by `process.env.NAME = p`
 *   (the child inherits it);
 * - the value: a string literal, a folder expression (`path.resolve(__dirname, 'x.js')`, `new
 *   URL('./x.js', import.meta.url)`: folder-expr.ts) or a local holding one (parameter-values.ts),
 *   read where it is written; or a parameter of the function around the option, read at each call
 *   of that function in the same file and in the files that import it from there by name
 *   (`import { startChildProcess } from './startChildProcess.js'`).
 *
 * A relative literal is resolved as the receiver's `import()`/`require()` resolves it, from the
 * receiver's own folder; a folder expression names the file itself. Each value that settles to a
 * repo code file is a reference from the file the value is written in (the call's file, with its
 * line): the evidence names that line, the line that sets the variable and the receiver's load.
 * Both ends must be in the repo; a name no repo file loads or a package name adds nothing, and a
 * value computed at run time is a warning naming its file and line.
 */
import { dirname, joinRepo } from '../../util/path.js';
import { lineAt, lineCounter } from '../../util/lines.js';
import { warning } from '../../util/diagnostics.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { escapeRegExp } from '../../util/regexp.js';
import { folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { COMMAND_MODULES } from '../../languages/javascript/commands.js';
import { balancedText, IDENTIFIER } from '../../languages/javascript/js-text.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { argumentValues, callsOf, enclosingFunction, literalValue, type EnclosingFunction } from './parameter-values.js';
import { functionRegion } from './function-region.js';
import { codeOnly } from './unplugin-auto-import.js';
import { codeFilesMarked, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import { filesImporting, relativeImporters } from './import-index.js';

/** `import(process.env.NAME)` / `require(process.env['NAME'])`: a load of the variable itself. */
const LOAD_OF_ENV = /(?<![\w$.])(import|require)\(\s*process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'])([^"'\n]+)\3\s*\])\s*\)/g;
/** LOAD_OF_ENV without a global regex's state: whether a text has one anywhere. */
const LOAD_OF_ENV_ANYWHERE = new RegExp(LOAD_OF_ENV.source);
/** `process.env.NAME = value` (not `==`), the value up to the end of the statement. */
const ENV_ASSIGNMENT = /(?<![\w$.])process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'])([^"'\n]+)\2\s*\])\s*=(?![=>])\s*([^;\n]+)/g;
/** An `env: {` option, the brace last. */
const ENV_OPTION = /(?<![\w$.])env\s*:\s*\{/g;
/** How many objects, settings and calls one file is read for. */
const MAX_PER_FILE = 200;
/** How many calls of one function are read, in all files. */
const MAX_CALLS = 1_000;
/** A value longer than this is no path census reads (a folder expression or a literal is short). */
const MAX_VALUE = 500;

interface Receiver {
  file: string;
  line: number;
  how: string;
}

/** Where a value was set: the file, the line, and what the evidence says about it. */
interface Setting {
  name: string;
  file: string;
  text: string;
  at: number;
  value: string;
  says: string;
}

const receiversOf = (ctx: FrameworkContext): Map<string, Receiver[]> => {
  const out = new Map<string, Receiver[]>();
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    const text = ctx.readText(file) ?? '';
    // codeOnly only for a text that has the load at all (blanking comments and strings never makes one).
    if (!text.includes('process.env') || !LOAD_OF_ENV_ANYWHERE.test(text)) continue;
    // Offsets ascend: one pass over the lines per file, not one per load (a hostile file has thousands).
    const lineOf = lineCounter(text);
    let loads = 0;
    for (const m of codeOnly(text, true).matchAll(LOAD_OF_ENV)) {
      if (++loads > MAX_PER_FILE) break;
      const name = m[2] ?? m[4];
      const list = out.get(name) ?? [];
      list.push({ file, line: lineOf(m.index ?? 0), how: `${m[1]}(process.env.${name})` });
      out.set(name, list);
    }
  }
  return out;
};

/** The files that import a module that runs commands. */
const spawningFiles = (ctx: FrameworkContext): string[] =>
  filesImporting(ctx, (specifier) => COMMAND_MODULES[specifier] !== undefined);

/** Where each wanted name is put into a child's environment in one file: an `env: {}` key or a `process.env.X =`. */
const settingsIn = (file: string, text: string, code: string, names: ReadonlySet<string>): Setting[] => {
  const out: Setting[] = [];
  // The options and assignments are found in the code (comments blanked, same offsets), values read from the text.
  const lineOf = lineCounter(text);
  let objects = 0;
  for (const m of code.matchAll(ENV_OPTION)) {
    if (++objects > MAX_PER_FILE) break;
    const open = (m.index ?? 0) + m[0].length - 1;
    const body = balancedText(code, open, 4_000);
    if (body === null) continue;
    let offset = open + 1;
    for (const part of splitArgs(body.slice(1, -1))) {
      const key = /^\s*(?:([A-Za-z_$][\w$]*)|(["'])([^"'\n]+)\2)\s*(:)?\s*([\s\S]*)$/.exec(part);
      const at = code.indexOf(part.trim(), offset);
      if (at >= 0) offset = at + part.trim().length;
      if (key === null) continue;
      const name = key[1] ?? key[3];
      if (!names.has(name)) continue;
      // `{ NAME }` is shorthand for `{ NAME: NAME }`.
      const shorthand = key[4] === undefined;
      // `{ NAME }` only: `NAME() { … }` is a method, and a quoted key needs its value.
      if (shorthand && (key[1] === undefined || key[5].trim() !== '')) continue;
      const value = shorthand ? key[1] : key[5].trim();
      if (value === '') continue;
      const where = at >= 0 ? at : open;
      out.push({ name, file, text, at: where, value, says: `puts it in the child's environment as ${name} (${file}:${lineOf(where)})` });
    }
  }
  const assignments = lineCounter(text);
  for (const m of code.matchAll(ENV_ASSIGNMENT)) {
    if (out.length >= MAX_PER_FILE) break;
    const name = m[1] ?? m[3];
    if (!names.has(name)) continue;
    const at = m.index ?? 0;
    out.push({ name, file, text, at, value: m[4].trim().replace(/,$/, ''), says: `sets process.env.${name} for the child (${file}:${assignments(at)})` });
  }
  return out;
};

/** What a value may name: relative specifiers for the receiver to resolve, or repo paths a folder expression settles to. */
interface Named {
  file: string;
  line: number;
  spec: string | null;
  path: string | null;
  shown: string;
}

/** The values an expression takes where it is written: literals (and locals holding them), or a folder expression. */
const valuesHere = (file: string, text: string, at: number, expr: string, warn: Warn): Named[] => {
  if (expr.length > MAX_VALUE) return [];
  const line = lineAt(text, at);
  const out: Named[] = [];
  const values = argumentValues(expr, text, at);
  for (const literal of values.literals) {
    if (/^\.{1,2}\//.test(literal)) out.push({ file, line, spec: literal, path: null, shown: `'${literal}'` });
  }
  if (out.length > 0 || literalValue(expr) !== null) return out;
  const path = folderOf(expr, file, text);
  if (path !== null) out.push({ file, line, spec: null, path, shown: expr.replace(/\s+/g, ' ') });
  else if (values.unread.length > 0) warn(file, line, values.unread[0]);
  return out;
};

/** Says that a value handed towards a child's environment is computed at run time (`path.join(dir, name)`), not followed. */
type Warn = (file: string, line: number, value: string) => void;

/** The calls of a function a file defines: in that file by name, and in the files importing it from there by name. */
type CallSite = { file: string; text: string; index: number; args: string[]; how: string };
const callsMemo = perScan(() => new Map<string, CallSite[]>());

const callsAcross = (ctx: FrameworkContext, file: string, text: string, name: string): CallSite[] => {
  // A file may put the same parameter in many environments: the calls are found once per function.
  const memo = callsMemo(ctx);
  const key = `${file}\0${name}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const out = callsOf(text, name).slice(0, MAX_PER_FILE).map((c) => ({ file, text, ...c, how: name }));
  let last = file;
  for (const { from: other, imp } of relativeImporters(ctx, file)) {
    // Checked between files, as a file's calls are taken whole.
    if (other !== last && out.length >= MAX_CALLS) break;
    last = other;
    const local = imp.names.find((n) => n.name === name);
    if (local === undefined) continue;
    const alias = local.alias ?? local.name;
    if (!IDENTIFIER.test(alias)) continue;
    const otherText = ctx.readText(other) ?? '';
    for (const c of callsOf(otherText, alias).slice(0, MAX_PER_FILE)) out.push({ file: other, text: otherText, ...c, how: alias });
  }
  memo.set(key, out);
  return out;
};

/** How many function bodies out from a position the function whose parameter a name is is looked for. */
const MAX_OUT = 4;

/**
 * The named function around a position that has `name` among its parameters, looking out through
 * the bodies around it (an unnamed callback, `new Promise((res) => { spawn(…) })`, sits between
 * the option and the helper's own parameters); null when the name is none of theirs.
 */
const functionWithParam = (text: string, at: number, name: string): EnclosingFunction | null => {
  let pos = at;
  for (let i = 0; i < MAX_OUT; i++) {
    const fn = enclosingFunction(text, pos);
    if (fn !== null && fn.params.includes(name)) return fn;
    const region = functionRegion(text, pos);
    if (region.start === 0 && region.end === text.length) return null;
    // The body's own `{`: the next region out holds it.
    pos = region.start - 1;
  }
  return null;
};

/** What a setting's value names: read where it is written, or, for a parameter of the function around it, at each call of that function. */
const namedBy = (ctx: FrameworkContext, s: Setting, done: Set<string>, warn: Warn): { named: Named; via: string }[] => {
  const value = s.value;
  if (IDENTIFIER.test(value)) {
    const fn = functionWithParam(s.text, s.at, value);
    const param = fn === null ? -1 : fn.params.indexOf(value);
    if (fn !== null && param >= 0) {
      // The same parameter put in the same variable again (another spawn of the helper) names the same files: its calls are read once.
      const key = `${s.file}\0${fn.start}\0${param}\0${s.name}`;
      if (done.has(key)) return [];
      done.add(key);
      const out: { named: Named; via: string }[] = [];
      for (const call of callsAcross(ctx, s.file, s.text, fn.name)) {
        const arg = call.args[param];
        if (arg === undefined) continue;
        for (const named of valuesHere(call.file, call.text, call.index, arg, (file, line, v) => warn(file, line, `${call.how}(${v})`)))
          out.push({ named, via: `${call.file}:${named.line} calls ${call.how}(${named.shown}), which ${s.says}` });
      }
      return out;
    }
  }
  return valuesHere(s.file, s.text, s.at, value, (file, line, v) => warn(file, line, `${v} as ${s.name}`)).map((named) => ({ named, via: `${s.file}:${named.line} names ${named.shown}, which it ${s.says.replace(/^puts it/, 'puts')}` }));
};

/**
 * Whether a sender's code names a receiver: its file name (`'init.js'`, `'./runner.mjs'`, `'./worker'`
 * as a string or a path's end; an index file by its folder too). A setting of a generic name
 * (CONFIG_FILE, PLUGIN) for some other child, a python script or a shell, pairs with nothing.
 */
const namesFile = (code: string, file: string): boolean => {
  const parts = file.split('/');
  const stem = parts[parts.length - 1].replace(/\.[^.]*$/, '');
  const stems = stem === 'index' && parts.length > 1 ? [stem, parts[parts.length - 2]] : [stem];
  return stems.some((s) => new RegExp(`(?:^|[/'"\`])${escapeRegExp(s)}(?:\\.[cm]?[jt]sx?)?['"\`]`).test(code));
};

const found = perScan((ctx: FrameworkContext): { references: LabelledReference[]; diagnostics: Diagnostic[] } => {
  const receivers = receiversOf(ctx);
  const out: LabelledReference[] = [];
  const diagnostics: Diagnostic[] = [];
  if (receivers.size === 0) return { references: out, diagnostics };
  const warned = new Set<string>();
  const warn: Warn = (file, line, value) => {
    const key = `${file}:${line}`;
    if (warned.has(key) || warned.size >= MAX_CALLS) return;
    warned.add(key);
    diagnostics.push(
      warning('env-passed-paths/computed-value', `${file}:${line} hands ${value.slice(0, 80)} to a child's environment: a value computed at run time, not followed`, file, line),
    );
  };
  const names = new Set(receivers.keys());
  const namePattern = new RegExp([...names].map(escapeRegExp).join('|'));
  const seen = new Set<string>();
  const done = new Set<string>();
  for (const file of spawningFiles(ctx)) {
    const text = ctx.readText(file) ?? '';
    if (!namePattern.test(text)) continue;
    const code = codeOnly(text, true);
    for (const setting of settingsIn(file, text, code, names)) {
      // Only a child this file names: the variable's receiving file is in its text.
      const paired = (receivers.get(setting.name) ?? []).filter((r) => namesFile(code, r.file));
      if (paired.length === 0) continue;
      for (const { named, via } of namedBy(ctx, setting, done, warn)) {
        for (const r of paired) {
          const target = named.path !== null ? resolveToolPath(ctx, '', named.path) : (() => {
            const joined = joinRepo(dirname(r.file), named.spec ?? '');
            return joined === null ? null : resolveToolPath(ctx, '', joined);
          })();
          if (target === null || target === named.file || target === r.file || !ctx.files.has(target)) continue;
          const key = `${named.file}\0${target}\0${named.line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ from: named.file, target, line: named.line, label: `${via}; ${r.file}:${r.line} loads it with ${r.how}` });
        }
      }
    }
  }
  return { references: out, diagnostics };
});

const envPassedPaths: FrameworkReader = {
  id: 'env-passed-paths',
  title: 'files a child process imports from a path its parent puts in an environment variable',
  ecosystem: 'javascript',
  ...labelledReferences(
    (ctx) => found(ctx).references,
    (ctx) => found(ctx).diagnostics,
  ),
};

export default envPassedPaths;
