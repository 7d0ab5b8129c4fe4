/**
 * esbuild has no config file: a build script calls `esbuild.build({ entryPoints: [...] })` (or
 * `context()`), and the command line names entries (`esbuild src/app.ts --bundle`). In each file
 * that imports esbuild, the literal `entryPoints` array or object is read (paths relative to the
 * package, where the script runs; globs allowed) and each entry is a reference from the script, so
 * it has the kind of whatever runs the script; a computed `entryPoints` is a warning. A script
 * named `esbuild.*` / `esbuild.config.*` beside a package.json is a tooling root by its name.
 */
import { warning } from '../../util/diagnostics.js';
import { basename } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { inputEntries, inputReferences, type NamedInput } from './bundle-inputs.js';
import { eachPackage, enabledByPackages, kindOf, packageFilesUnder, positionalArgs, toolInvocations, toolPackages, toolRun, type JsPackage } from './support.js';

const CODE = /\.[cm]?[jt]sx?$/;
const SCRIPT_NAME = /^esbuild(\.config)?\.[cm]?[jt]s$/;
const ENTRY_POINTS = /\bentryPoints\s*:\s*/g;
const STRING = /(["'`])((?:(?!\1)[^\\\n$])*)\1/g;
// esbuild takes a flag's value after `=` or `:` only (cli_impl.go: a word without a leading `-` is always an
// entry, and `--outdir dist` is refused); a word after these is still skipped, so a mistyped command names no
// entry. A bare `--sourcemap` is a flag of its own (linked maps): listed here, it took the entry after it.
const VALUE_FLAGS = ['--outfile', '--outdir', '--platform', '--format', '--target', '--loader', '--external', '--define', '--tsconfig', '--log-level'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['esbuild'], null);

/**
 * The input of a command-line entry: esbuild reads `out=in` as an entry with its own output path
 * (fastify's test/bundler/esbuild/package.json:4 `esbuild success=src/index.js
 * failPlugin=src/fail-plugin-version.js --bundle --outdir=dist`); the output is what stands before
 * the first `=`, and names no file of the repo.
 */
const entryInput = (arg: string): string => {
  const eq = arg.indexOf('=');
  return eq < 0 ? arg : arg.slice(eq + 1);
};

/** The text of a bracketed literal starting at `start` (`[...]` or `{...}`), or null. */
const bracketed = (text: string, start: number): string | null => {
  const open = text[start];
  if (open !== '[' && open !== '{') return null;
  let depth = 0;
  for (let i = start; i < text.length && i < start + 20_000; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return null;
      i = end;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['esbuild'], { bundler: true });
  for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
    if (!CODE.test(file) || !(ctx.facts(file)?.imports ?? []).some((i) => i.specifier === 'esbuild')) continue;
    if (SCRIPT_NAME.test(basename(file)) && file === (pkg.dir === '' ? basename(file) : `${pkg.dir}/${basename(file)}`))
      out.entries.push({ source: file, target: file, targetKind: 'file', kind: 'tooling', evidence: `${file}: an esbuild build script by its name` });
    const text = ctx.readText(file) ?? '';
    for (const m of text.matchAll(ENTRY_POINTS)) {
      const at = (m.index ?? 0) + m[0].length;
      const line = text.slice(0, at).split('\n').length;
      const literal = bracketed(text, at);
      if (literal === null) {
        out.diagnostics.push(warning('esbuild/not-static', `entryPoints is computed, not read: ${text.slice(at, at + 60).split('\n')[0]}`, file, line));
        continue;
      }
      const inputs: NamedInput[] = [];
      for (const s of literal.matchAll(STRING)) inputs.push({ value: s[2], line: line + literal.slice(0, s.index).split('\n').length - 1 });
      // `{ in: 'src/a.ts', out: 'a' }`: the `out` names are not files, and name nothing in the repo.
      inputReferences(ctx, { from: file, dir: pkg.dir, inputs, what: 'esbuild entryPoints' }, out);
    }
  }
  for (const inv of toolInvocations(ctx, ['esbuild']).filter((i) => i.cwd === pkg.dir)) {
    inputEntries(ctx, { from: inv.source, dir: pkg.dir, kind: kindOf(run), inputs: positionalArgs(inv.args, VALUE_FLAGS).map((arg) => ({ value: entryInput(arg) })), what: 'esbuild entry', on: inv.evidence }, out);
  }
};

const esbuild: FrameworkReader = {
  id: 'esbuild',
  title: 'esbuild (entryPoints of build scripts, entries on the command line)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'esbuild'),
  collect: eachPackage(packages, collectPackage),
};

export default esbuild;
