/**
 * Stop 50: a package script that hands a source file to a program census has no record of. Signal
 * K's WebAssembly plugin examples build with `"asbuild:release": "asc assembly/index.ts --target
 * release --outFile plugin.wasm"`: `asc` (AssemblyScript's compiler) reads assembly/index.ts and
 * everything it imports, yet nothing imports it and census knows no `asc`. The general shape: a
 * call reached from a package.json script (support.ts invocationsOf: through `npm run`, `pnpm`,
 * turbo fan-outs) of a program on the PATH (a name: a repo script is a file census reads itself)
 * that has no launcher record (commandline/launchers) and is not one census knows to run nothing of
 * the repo (commandline/inert-programs.ts: linters, formatters, file utilities), which also names
 * an output (`-o`, `--outFile`, `--outDir`…), and whose argument names an existing JS/TS source file
 * from the folder the script runs in. The program makes something from that file (a compiler, a
 * bundler, a packager): it is an entry of the script's kind, with the script as evidence. A call
 * with no output (rimraf, wait-on, a checker, a test runner) is not read. census does not know the program's flags, so a word
 * right after an option is taken for its value and not read (`--outFile x.js` is what it writes,
 * `-c rollup.config.mjs` a config the tool's own reader reads), nor one after a redirection. The
 * reader is a fallback (run.ts): a file another reader names (a program census does have a reader
 * for, `tsdown src/worker.ts`, `karma start karma.conf.cjs`) keeps that reader's entry.
 */
import { joinRepo } from '../../util/path.js';
import { launcherFor } from '../../commandline/launchers/index.js';
import { INERT_PROGRAMS } from '../../commandline/inert-programs.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { distinctCalls, positionalArgs, toolInvocations } from './support.js';
import { perScan } from '../per-scan.js';

const SOURCE = /\.[cm]?[jt]sx?$/;
/** A program on the PATH or in node_modules/.bin; a repo script (`./scripts/gen.js`, `tools/x.sh`) is one census reads itself. */
const PROGRAM = /^[A-Za-z][\w-]*$/;
const REDIRECT = /^\d?>>?$/;
/**
 * An option naming what the call writes (`-o dist`, `-o=x`, `--outFile x.wasm`, `--outDir`,
 * `--out-file`, `--output`): the program makes something from its input, a compiler or bundler. A
 * call without one (rimraf, wait-on, a linter, a copier, an opener, a test runner) is not read.
 */
const OUTPUT_OPTION = /^(?:-o|--out[\w-]*)(?:=.*)?$/i;

/**
 * The source files a call with an output option is handed: each positional word that names a repo
 * JS/TS file from the folder the call runs in, with that file.
 */
const sourcesGiven = (ctx: FrameworkContext, args: readonly string[], cwd: string): { arg: string; target: string }[] => {
  const out: { arg: string; target: string }[] = [];
  if (!args.some((a) => OUTPUT_OPTION.test(a))) return out;
  // A redirection's target is written, not read; a word right after an option may be its value
  // (`-c rollup.config.mjs`, `--outFile x.js`): census does not know the program's flags.
  const words = args.filter((a, i) => !REDIRECT.test(a) && (i === 0 || !REDIRECT.test(args[i - 1])));
  for (const arg of positionalArgs(words, words.filter((a) => a.startsWith('-')))) {
    if (!SOURCE.test(arg)) continue;
    const target = joinRepo(cwd, arg.replace(/^\.\//, ''));
    if (target !== null && ctx.files.has(target)) out.push({ arg, target });
  }
  return out;
};

const found = perScan((ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  // Only the programs some call hands a source file with an output option: the calls of all ~140
  // programs payload's scripts call, in order, were 27,790 (most of this reader's time and memory),
  // and a program none of whose calls has the shape adds nothing.
  const shaped = new Set<string>();
  for (const call of distinctCalls(ctx)) if (!shaped.has(call.bin) && sourcesGiven(ctx, call.args, call.cwd).length > 0) shaped.add(call.bin);
  const bins = [...shaped].filter((bin) => PROGRAM.test(bin) && !INERT_PROGRAMS.has(bin) && launcherFor(bin) === undefined).sort();
  if (bins.length === 0) return out;
  const seen = new Set<string>();
  for (const call of toolInvocations(ctx, bins)) {
    // Only calls a package.json script makes (the script is the evidence), and only a compiler's shape.
    if (!/(^|\/)package\.json$/.test(call.source)) continue;
    for (const { arg, target } of sourcesGiven(ctx, call.args, call.cwd)) {
      const key = `${call.source}\0${target}\0${call.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.entries.push({
        source: call.source,
        target,
        targetKind: 'file',
        kind: call.kind,
        evidence: `${call.evidence}: ${call.bin} is given ${arg} (a program census has no record of, handed a source file to compile)`,
      });
    }
  }
  return out;
});

const scriptFileArgs: FrameworkReader = {
  id: 'script-file-args',
  title: 'source files a package script hands to a program census has no record of (a compiler: asc assembly/index.ts)',
  ecosystem: 'javascript',
  // A tool census has a reader for (esbuild, rolldown, tsdown, karma…) gets the file from that reader.
  fallback: true,
  enabledBy: (ctx) => found(ctx).entries[0]?.evidence ?? null,
  // A copy: run.ts narrows a fallback reader's entries on the object it is given.
  collect: (ctx) => ({ ...found(ctx) }),
};

export default scriptFileArgs;
