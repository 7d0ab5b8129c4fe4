/**
 * yargs's `commandDir('./setup', { recurse: true, exclude: /…/ })` requires every command module of
 * a folder, never by import (the Redwood CLI builds all its `setup`, `generate`, `destroy` and
 * `deploy` subcommands so). yargs hands the folder to require-directory relative to the calling
 * module's folder, with `recurse` false and `extensions` `['js']` unless given; require-directory
 * loads each file whose name ends in one of the extensions (any case), skips the caller itself, and
 * tests `include`/`exclude` (a regular expression) on the file's absolute path; folders are entered
 * only with `recurse`, and the two tests apply to files alone.
 *
 * Read in the packages that depend on yargs: a call whose folder is a literal, `__dirname` joined
 * with literals (`path.join`, `require('path').join`, `__dirname + '/x'`, `` `${__dirname}/x` ``) and
 * whose options, when given, are an object literal of `recurse`, `extensions` (a literal list),
 * `include`/`exclude` (regex literals, tested on `/` + the repo path, which the absolute path ends
 * with; a leading `^.*` is dropped, another `^`-anchored one is not tested), `visit` and `rename`
 * (both change what is registered, not what is loaded). A caller written in TypeScript runs
 * compiled: its folder's `.ts`/`.tsx` files are the compiled twins `js` takes, `.mts` those of
 * `mjs` and `.cts` those of `cjs`. Each file is a reference from the caller, which gives it the
 * caller's kind; test files (`*.test.*`, `*.spec.*`, `__tests__/`) are left to the test rule (a
 * build leaves them out, and yargs would fail requiring one). A call in a comment or a string is
 * not read. Every other `.commandDir(` (a folder or options census cannot read) is a warning naming
 * the line, as is a call in an ES module, where yargs throws "loading a directory of commands is
 * not supported yet for ESM"; the folder is not followed.
 */
import { balancedText } from '../../languages/javascript/js-text.js';
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { objectMembers } from '../../languages/javascript/object-members.js';
import { safeRegExp } from '../../util/safe-regex.js';
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { dependsOn, jsPackages, labelledReferences, packageFilesUnder, type JsPackage, type LabelledReference } from './support.js';
import { codeOnly } from './unplugin-auto-import.js';

const CODE = /\.[cm]?[jt]sx?$/;
const TS_CALLER = /\.[cm]?tsx?$/;
const LIT = String.raw`(["'])([^"'\n$]+)\1`;
/** `__dirname` in the forms a path is built from it: a join's first argument. */
const JOIN = String.raw`(?:(?:require\(\s*["'](?:node:)?path["']\s*\)|path)\s*\.\s*)?(?:join|resolve)\(\s*__dirname\s*((?:,\s*(["'])[^"'\n]+\4\s*)+)\)`;
/** `__dirname + '/x'` and `` `${__dirname}/x` ``. */
const CONCAT = String.raw`__dirname\s*\+\s*(["'])([^"'\n$]+)\5|\x60\$\{__dirname\}([^\x60\n$]+)\x60`;
/** `.commandDir(` then a folder census reads, then `)` or `,`. */
const CALL = new RegExp(String.raw`\.commandDir\(\s*(?:${LIT}|${JOIN}|${CONCAT})\s*(\)|,)`, 'y');
const OPTIONS = new Set(['recurse', 'extensions', 'include', 'exclude', 'visit', 'rename']);
const REGEX_LITERAL = /^\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([a-z]*)$/;
/** A test file: a build leaves it out, and requiring one outside its runner fails. */
const TEST_FILE = /(?:^|\/)__tests__\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** The warnings one file may give: a generated line can repeat a call thousands of times. */
const WARNINGS_PER_FILE = 5;
/** The sources tsc compiles to each extension require-directory is told to load. */
const TS_SOURCES: Readonly<Record<string, readonly string[]>> = { js: ['ts', 'tsx'], mjs: ['mts'], cjs: ['cts'] };

interface Options {
  recurse: boolean;
  extensions: string[];
  include: RegExp | null;
  exclude: RegExp | null;
}

/** An include/exclude regex literal as a RegExp, or what census cannot read in it. */
const readPattern = (name: string, value: string): RegExp | string => {
  const m = REGEX_LITERAL.exec(value);
  if (m === null) return `the ${name} value "${value.slice(0, 40)}"`;
  // `^.*X` tests what `X` tests; another anchor is on the absolute path, which census does not know.
  const source = m[1].replace(/^\^(?:\.\*|\[\\s\\S\]\*)/, '');
  if (source.startsWith('^')) return `the ${name} pattern /${m[1]}/, anchored at an absolute path census does not know`;
  const compiled = safeRegExp(source);
  if (compiled === null) return `the ${name} pattern /${m[1]}/`;
  // `g`/`y` would make test() stateful; a flag RegExp does not know is dropped rather than thrown on.
  const flags = [...new Set(m[2].replace(/[^imsu]/g, ''))].join('');
  return flags === '' ? compiled : new RegExp(compiled.source, flags);
};

/** An options object literal (with its braces) read, or what census cannot read in it. */
const readOptions = (written: string): Options | string => {
  const o: Options = { recurse: false, extensions: ['js'], include: null, exclude: null };
  // A line comment starts a line or follows a space, comma or brace; `\//` in a regex literal does not.
  const literal = written.replace(/(^|[\s,{])\/\/[^\n]*/g, '$1').replace(/\/\*[\s\S]*?\*\//g, '');
  const members = objectMembers(literal);
  // A spread or a computed key sets no member: one part more than members is one census cannot read.
  const parts = splitArgs(literal.slice(1, -1)).filter((p) => p.trim() !== '');
  if (parts.length !== members.size) return 'a spread, computed key or method in its options';
  for (const [name, value] of members) {
    if (!OPTIONS.has(name)) return `the option "${name}"`;
    if (name === 'recurse') {
      if (value !== 'true' && value !== 'false') return `the recurse value "${value.slice(0, 40)}"`;
      o.recurse = value === 'true';
    } else if (name === 'extensions') {
      const list = /^\[\s*((?:(["'])\w+\2\s*,?\s*)*)\]$/.exec(value);
      if (list === null) return `the extensions value "${value.slice(0, 40)}"`;
      o.extensions = [...list[1].matchAll(/(["'])(\w+)\1/g)].map((m) => m[2]);
    } else if (name === 'include' || name === 'exclude') {
      const pattern = readPattern(name, value);
      if (typeof pattern === 'string') return pattern;
      o[name] = pattern;
    } else if (!/^(?:\([^)]*\)|[\w$]+)\s*=>|^[\w$.]+$|^function\b/.test(value)) {
      // visit and rename change what yargs registers, not which files it requires.
      return `the ${name} value "${value.slice(0, 40)}"`;
    }
  }
  return o;
};

/** An ES module caller: yargs' ESM build throws on commandDir (yargs#2152). */
const esmCaller = (pkg: JsPackage, file: string): boolean => /\.m[jt]s$/.test(file) || (pkg.json.type === 'module' && /\.[jt]sx?$/.test(file));

/** The files a call loads from `folder`. */
const loaded = (ctx: FrameworkContext, pkg: JsPackage, caller: string, folder: string, options: Options): string[] => {
  const exts = new Set(options.extensions.map((e) => e.toLowerCase()));
  if (TS_CALLER.test(caller)) for (const e of [...exts]) for (const source of TS_SOURCES[e] ?? []) exts.add(source);
  return packageFilesUnder(ctx, pkg, folder).filter((target) => {
    if (target === caller) return false;
    const rest = target.slice(folder.length + 1);
    if (!options.recurse && rest.includes('/')) return false;
    const name = basename(target);
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    if (!exts.has(ext) || /\.d\.[cm]?ts$/.test(name) || TEST_FILE.test(rest)) return false;
    const absolute = `/${target}`;
    if (options.include !== null && !options.include.test(absolute)) return false;
    return options.exclude === null || !options.exclude.test(absolute);
  });
};

const commandDirCalls = perScan((ctx: FrameworkContext): { references: LabelledReference[]; diagnostics: Diagnostic[] } => {
  const references: LabelledReference[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const pkg of jsPackages(ctx)) {
    if (!dependsOn(pkg, 'yargs')) continue;
    for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
      if (!CODE.test(file) || /\.d\.[cm]?ts$/.test(file)) continue;
      const text = ctx.readText(file) ?? '';
      if (!text.includes('commandDir(')) continue;
      // A call in a comment or a string (a scaffolder's template) loads nothing here.
      let code = codeOnly(text, false);
      let warned = 0;
      const warn = (message: string, line: number): void => {
        if (++warned <= WARNINGS_PER_FILE) diagnostics.push(warning('yargs-command-dir/options', message, file, line));
        else if (warned === WARNINGS_PER_FILE + 1) diagnostics.push(warning('yargs-command-dir/options', `more commandDir calls census cannot read in ${file} (only the first ${WARNINGS_PER_FILE} are listed)`, file, line));
      };
      for (let at = code.indexOf('.commandDir('); at >= 0; at = code.indexOf('.commandDir(', at + 1)) {
        const line = lineAt(text, at);
        CALL.lastIndex = at;
        const m = CALL.exec(text);
        if (m === null) {
          warn(`a commandDir call is not followed: census cannot read its folder "${text.slice(at + 12, at + 52).split('\n')[0]}"`, line);
          continue;
        }
        const parts = m[2] !== undefined ? [m[2]] : m[3] !== undefined ? [...m[3].matchAll(/(["'])([^"'\n]+)\1/g)].map((p) => p[2]) : [m[6] ?? m[7] ?? ''];
        const callText = parts.join('/').replace(/^\/+/, '');
        if (esmCaller(pkg, file)) {
          warn(`commandDir("${callText}") is not followed: yargs does not load a folder of commands from an ES module (it throws "not supported yet for ESM")`, line);
          continue;
        }
        const folder = joinRepo(dirname(file), callText.replace(/\/+$/, '') || '.');
        if (folder === null) continue;
        let options: Options | string = { recurse: false, extensions: ['js'], include: null, exclude: null };
        if (m[8] === ',') {
          const open = text.slice(at + m[0].length).search(/\S/) + at + m[0].length;
          const literal = text[open] === '{' ? balancedText(text, open, 4000) : null;
          options = text[open] === ')' ? options : literal === null ? `its options "${text.slice(open, open + 40).split('\n')[0]}"` : readOptions(literal);
          // codeOnly reads the `//` of a regex literal (`/\/drafts\//`) as a comment to the line's end:
          // blank again from the literal's end, so a second call on that line is still seen.
          if (literal !== null && literal.includes('//')) code = code.slice(0, open + literal.length) + codeOnly(text.slice(open + literal.length), false);
        }
        if (typeof options === 'string') {
          warn(`commandDir("${callText}") is not followed: census cannot read ${options}`, line);
          continue;
        }
        const how = `commandDir("${callText}"${options.recurse ? ', recurse' : ''}${options.include ? `, include /${options.include.source}/` : ''}${options.exclude ? `, exclude /${options.exclude.source}/` : ''})`;
        for (const target of loaded(ctx, pkg, file, folder, options)) {
          references.push({ from: file, target, line, label: `yargs ${how} at ${file}:${line} (it requires every command module of ${folder}/)` });
        }
      }
    }
  }
  return { references, diagnostics };
});

const yargsCommandDir: FrameworkReader = {
  id: 'yargs-command-dir',
  title: "yargs commandDir (every command module of a folder the call names, by require-directory's rules)",
  ecosystem: 'javascript',
  ...labelledReferences(
    (ctx) => commandDirCalls(ctx).references,
    (ctx) => commandDirCalls(ctx).diagnostics,
  ),
  // On for a call it could not read too, so the warning is reported.
  enabledBy: (ctx) => commandDirCalls(ctx).references[0]?.label ?? commandDirCalls(ctx).diagnostics[0]?.message ?? null,
};

export default yargsCommandDir;
