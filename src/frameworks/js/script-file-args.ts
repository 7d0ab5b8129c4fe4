/**
 * Stop 50: a package script that hands a source file to a program census has no record of. Signal
 * K's WebAssembly plugin examples build with `"asbuild:release": "asc assembly/index.ts --target
 * release --outFile plugin.wasm"`: `asc` (AssemblyScript's compiler) reads assembly/index.ts and
 * everything it imports, yet nothing imports it and census knows no `asc`. The general shape: a
 * call reached from a package.json script (support.ts invocationsOf: through `npm run`, `pnpm`,
 * turbo fan-outs) of a program that has no launcher record (commandline/launchers) and is not one
 * census knows to run nothing of the repo (commandline/inert-programs.ts: linters, formatters, file
 * utilities), whose argument names an existing JS/TS source file from the folder the script runs
 * in. The program reads that file (a compiler, a bundler, a packager): it is an entry of the
 * script's kind, with the script as evidence. census does not know the program's flags, so a word
 * right after an option is taken for its value and not read (`--outFile x.js` is what it writes,
 * `-c rollup.config.mjs` a config the tool's own reader reads), nor one after a redirection. The
 * reader is a fallback (run.ts): a file another reader names (a program census does have a reader
 * for, `tsdown src/worker.ts`, `karma start karma.conf.cjs`) keeps that reader's entry.
 */
import { joinRepo } from '../../util/path.js';
import { launcherFor } from '../../commandline/launchers/index.js';
import { INERT_PROGRAMS } from '../../commandline/inert-programs.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { chainSteps, invocationsOf, programsCalled } from './support.js';
import { perScan } from '../per-scan.js';

const SOURCE = /\.[cm]?[jt]sx?$/;
const PROGRAM = /^[A-Za-z][\w.-]*$/;
const REDIRECT = /^\d?>>?$/;

const found = perScan((ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const bins = [...programsCalled(ctx)].filter((bin) => PROGRAM.test(bin) && !INERT_PROGRAMS.has(bin) && launcherFor(bin) === undefined).sort();
  if (bins.length === 0) return out;
  const seen = new Set<string>();
  for (const { command, call } of invocationsOf(ctx, bins)) {
    // Only calls a package.json script makes: the script is the evidence.
    if (call.manifest === undefined && !/(^|\/)package\.json$/.test(command.source)) continue;
    for (let i = 0; i < call.args.length; i++) {
      const arg = call.args[i];
      // A word right after an option may be its value (`-c rollup.config.mjs`, `--outFile x.js`): a config the tool's own reader reads, or an output.
      if (arg.startsWith('-') || !SOURCE.test(arg) || (i > 0 && (call.args[i - 1].startsWith('-') || REDIRECT.test(call.args[i - 1])))) continue;
      const target = joinRepo(call.cwd, arg.replace(/^\.\//, ''));
      if (target === null || !ctx.files.has(target)) continue;
      const source = call.manifest ?? command.source;
      const key = `${source}\0${target}\0${command.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const steps = call.chain !== null ? chainSteps(call.chain) : [];
      const where = steps.length > 0 ? steps[steps.length - 1] : `${command.evidence}: ${command.command.trim().replace(/\s+/g, ' ')}`;
      out.entries.push({
        source,
        target,
        targetKind: 'file',
        kind: command.kind,
        evidence: `${where}: ${call.bin} is given ${arg} (a program census has no record of, handed a source file)`,
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
  collect: (ctx) => {
    const f = found(ctx);
    return { ...emptyFrameworkOutput(), entries: [...f.entries] };
  },
};

export default scriptFileArgs;
