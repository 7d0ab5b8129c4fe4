/**
 * yargs's `commandDir('./setup', { recurse: true, exclude: /…/ })` requires every command module of
 * a folder, never by import (the Redwood CLI builds all its `setup`, `generate`, `destroy` and
 * `deploy` subcommands so). yargs hands the folder to require-directory relative to the calling
 * module's folder, with `recurse` false and `extensions` `['js']` unless given; require-directory
 * loads each file whose name ends in one of the extensions (any case), skips the caller itself, and
 * tests `include`/`exclude` (a regular expression) on the file's absolute path; folders are entered
 * only with `recurse`, and the two tests apply to files alone.
 *
 * Read in the packages that depend on yargs: a call whose folder is a literal (or `__dirname`
 * joined with literals) and whose options, when given, are an object literal of `recurse`,
 * `extensions` (a literal list), `include`/`exclude` (regex literals, tested on `/` + the repo path,
 * which the absolute path ends with; a `^`-anchored one is not tested) and `visit`. A caller
 * written in TypeScript runs compiled, loading the compiled twins of its folder's `.ts` files, so
 * those are taken with `js`. Each file is a reference from the caller, which gives it the caller's
 * kind; a call in a comment is not read. Options census cannot read (a function filter, a spread, a name) are a warning naming the
 * line, and the folder is not followed.
 */
import { commentsBlanked } from '../../languages/javascript/text-skips.js';
import { safeRegExp } from '../../util/safe-regex.js';
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { dependsOn, jsPackages, labelledReferences, packageFilesUnder, type LabelledReference } from './support.js';

const CODE = /\.[cm]?[jt]sx?$/;
const TS_CALLER = /\.[cm]?tsx?$/;
/** `.commandDir('./x'` or `.commandDir(path.join(__dirname, 'x', 'y')`, then `)` or `, {`. */
const CALL = /\.commandDir\(\s*(?:(["'`])([^"'`\n$]+)\1|(?:path\s*\.\s*)?(?:join|resolve)\(\s*__dirname\s*((?:,\s*(["'])[^"'\n]+\4\s*)+)\))\s*(\)|,\s*\{)/g;
const OPTION = /^\s*(recurse|extensions|include|exclude|visit)\s*:\s*/;

interface Options {
  recurse: boolean;
  extensions: string[];
  include: RegExp | null;
  exclude: RegExp | null;
}

/** The object literal's body from `{` to its matching `}` (braces inside strings and regexes counted as text), or null. */
const objectBody = (text: string, open: number): string | null => {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 4000; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
};

/** Each property of an options body, comments dropped; null when one is not a property census reads. */
const readOptions = (body: string): Options | string => {
  const o: Options = { recurse: false, extensions: ['js'], include: null, exclude: null };
  // A line comment starts a line or follows a space, comma or brace; `\//` in a regex literal does not.
  const clean = body.replace(/(^|[\s,{])\/\/[^\n]*/g, '$1').replace(/\/\*[\s\S]*?\*\//g, '');
  // A regex literal may hold a comma: split after each value instead of on commas.
  let rest = clean.trim();
  while (rest !== '') {
    const key = OPTION.exec(rest);
    if (key === null) return `the option "${rest.slice(0, 40)}"`;
    rest = rest.slice(key[0].length);
    const name = key[1];
    let value: RegExpExecArray | null;
    if (name === 'recurse' && (value = /^(true|false)\b/.exec(rest))) o.recurse = value[1] === 'true';
    else if (name === 'extensions' && (value = /^\[\s*((?:(["'])\w+\2\s*,?\s*)*)\]/.exec(rest))) o.extensions = [...value[1].matchAll(/(["'])(\w+)\1/g)].map((m) => m[2]);
    else if ((name === 'include' || name === 'exclude') && (value = /^\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([a-z]*)/.exec(rest))) {
      if (value[1].startsWith('^')) return `the ${name} pattern /${value[1]}/, anchored at an absolute path census does not know`;
      const compiled = safeRegExp(value[1]);
      if (compiled === null) return `the ${name} pattern /${value[1]}/`;
      // `g`/`y` would make test() stateful; a flag RegExp does not know is dropped rather than thrown on.
      const flags = [...new Set(value[2].replace(/[^imsu]/g, ''))].join('');
      const flagged = flags === '' ? compiled : new RegExp(compiled.source, flags);
      if (name === 'include') o.include = flagged;
      else o.exclude = flagged;
    } else if (name === 'visit' && (value = /^(?:\([^)]*\)|\w+)\s*=>\s*[^,\n{]+|^[\w$.]+(?!\s*=>)/.exec(rest))) {
      // visit transforms each module after it is required: what is loaded stays the same.
    } else return `the ${name} value "${rest.slice(0, 40)}"`;
    rest = rest.slice(value[0].length).replace(/^\s*,?\s*/, '');
  }
  return o;
};

const found = perScan((ctx: FrameworkContext): { references: LabelledReference[]; diagnostics: Diagnostic[] } => {
  const references: LabelledReference[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const pkg of jsPackages(ctx)) {
    if (!dependsOn(pkg, 'yargs')) continue;
    for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
      if (!CODE.test(file) || file.endsWith('.d.ts')) continue;
      const text = ctx.readText(file) ?? '';
      if (!text.includes('commandDir(')) continue;
      // A commented-out call loads nothing. Only the call is looked up in the blanked text: a regex
      // literal in the options (`/[/\\]drafts\//`) can read as a `//` comment there.
      const blanked = commentsBlanked(text);
      for (const m of text.matchAll(CALL)) {
        const at = m.index ?? 0;
        if (!blanked.startsWith('.commandDir(', at)) continue;
        const line = lineAt(text, at);
        const parts = m[2] !== undefined ? [m[2]] : [...(m[3] ?? '').matchAll(/(["'])([^"'\n]+)\1/g)].map((p) => p[2]);
        const folder = joinRepo(dirname(file), parts.join('/').replace(/\/+$/, ''));
        if (folder === null) continue;
        let options: Options | string = { recurse: false, extensions: ['js'], include: null, exclude: null };
        if (m[5] !== ')') {
          const body = objectBody(text, at + m[0].length - 1);
          options = body === null ? 'an options object census cannot close' : readOptions(body);
        }
        if (typeof options === 'string') {
          diagnostics.push(warning('yargs-command-dir/options', `commandDir("${parts.join('/')}") is not followed: census cannot read ${options}`, file, line));
          continue;
        }
        const exts = new Set(options.extensions.map((e) => e.toLowerCase()));
        if (exts.has('js') && TS_CALLER.test(file)) for (const e of ['ts', 'tsx', 'mts', 'cts']) exts.add(e);
        const how = `commandDir("${parts.join('/')}"${options.recurse ? ', recurse' : ''}${options.include ? `, include /${options.include.source}/` : ''}${options.exclude ? `, exclude /${options.exclude.source}/` : ''})`;
        for (const target of packageFilesUnder(ctx, pkg, folder)) {
          if (target === file) continue;
          const rest = target.slice(folder.length + 1);
          if (!options.recurse && rest.includes('/')) continue;
          const name = basename(target);
          const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
          if (!exts.has(ext) || name.endsWith('.d.ts')) continue;
          const absolute = `/${target}`;
          if (options.include !== null && !options.include.test(absolute)) continue;
          if (options.exclude !== null && options.exclude.test(absolute)) continue;
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
    (ctx) => found(ctx).references,
    (ctx) => found(ctx).diagnostics,
  ),
  // On for a call it could not read too, so the warning is reported.
  enabledBy: (ctx) => found(ctx).references[0]?.label ?? found(ctx).diagnostics[0]?.message ?? null,
};

export default yargsCommandDir;
