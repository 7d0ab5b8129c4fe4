/**
 * borp (a runner for node:test that compiles TypeScript first) runs the files its command line
 * names (`borp 'test/**\/*.spec.ts'`, globs relative to the folder it runs in, minus `--ignore`
 * globs), else the `files` of the .borp.yaml / .borp.yml in that folder, else its default
 * `**\/*.test.*` (the generic test names census already knows). Reporters (`--reporter x`, the
 * config's `reporters`) are a package name or a local module, with an optional `:destination`
 * after the name; a local one (`./reporters/plum.mjs:out.txt`) is loaded by the run. All are
 * test roots. `c8 borp …` and `nyc borp …` (coverage wrappers) run borp too.
 */
import { configAt, configStrings } from '../../languages/javascript/config-value.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { dependsOn, enabledByPackages, filesIn, globFiles, jsPackages, optionValues, positionalArgs, readToolConfig, resolveToolPath, toolInvocations, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^\.borp\.ya?ml$/;
const CODE = /\.[cm]?[jt]sx?$/;
/** borp's options that take a value. */
const VALUES = ['-c', '--concurrency', '-t', '--timeout', '-X', '--coverage-exclude', '-i', '--ignore', '-p', '--pattern', '-r', '--reporter', '-P', '--post-compile', '--lines', '--branches', '--functions', '--statements'];
/** Coverage wrappers whose command borp's run is (`c8 borp`, `nyc --reporter=lcov borp`). */
const WRAPPED_BY = ['c8', 'nyc'];

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'borp') || filesIn(ctx, p.dir, CONFIG).length > 0);

type BorpRun = ReturnType<typeof toolInvocations>[number];

/** Every borp run on a known command line: its own, or the command of a coverage wrapper. */
const runs = (ctx: FrameworkContext): BorpRun[] => [
  ...toolInvocations(ctx, ['borp']),
  ...toolInvocations(ctx, WRAPPED_BY).flatMap((call) => {
    const at = call.args.indexOf('borp');
    return at < 0 ? [] : [{ ...call, args: call.args.slice(at + 1) }];
  }),
];

/** A reporter that is a local module: `./x.mjs` or `./x.mjs:out.txt` (the destination after the colon is not a file borp loads). */
const reporterFile = (ctx: FrameworkContext, dir: string, spec: string): string | null => {
  const name = spec.replace(/:[^/]*$/, '');
  return /^\.{1,2}\/|^\//.test(name) ? resolveToolPath(ctx, dir, name) : null;
};

const push = (out: FrameworkOutput, source: string, target: string, evidence: string, line?: number) =>
  out.entries.push({ source, target, targetKind: 'file', kind: 'test', evidence, ...(line !== undefined && line > 1 ? { line } : {}) });

/** A package's borp: its config read once, then what each run (or, with none, the config alone) loads. */
const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, pkgRuns: BorpRun[], out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0];
  const value = config === undefined ? null : readToolConfig(ctx, config, out.diagnostics, 'borp').value;
  const files = configStrings(configAt(value, 'files'));
  const reporters = configStrings(configAt(value, 'reporters'));
  if (config !== undefined) {
    warnUnread(out.diagnostics, 'borp', config, files.unknown, 'files');
    warnUnread(out.diagnostics, 'borp', config, reporters.unknown, 'reporters');
  }
  for (const run of pkgRuns.length > 0 ? pkgRuns : [null]) {
    const via = run === null ? 'borp (no command found that runs it)' : `borp run by ${run.evidence}`;
    const args = run?.args ?? [];
    const ignored = optionValues(args, ['-i', '--ignore']).map((g) => `!${g}`);
    for (const spec of optionValues(args, ['-r', '--reporter'])) {
      const file = reporterFile(ctx, pkg.dir, spec);
      if (file !== null && run !== null) push(out, run.source, file, `borp --reporter "${spec}" (${via})`);
    }
    if (config !== undefined) {
      for (const r of reporters.strings) {
        const file = reporterFile(ctx, pkg.dir, r.value);
        if (file !== null) push(out, config, file, `${config}:${r.line} reporters "${r.value}" (${via})`, r.line);
      }
    }
    // The files on the command line win over the config's.
    const named = [...positionalArgs(args, VALUES), ...optionValues(args, ['-p', '--pattern'])];
    if (run !== null && named.length > 0) {
      for (const { file, glob } of globFiles(ctx, pkg.dir, [...named, ...ignored])) if (CODE.test(file)) push(out, run.source, file, `borp "${glob}" (${via})`);
      continue;
    }
    if (config === undefined) continue;
    for (const { file, glob } of globFiles(ctx, pkg.dir, [...files.strings.map((f) => f.value), ...ignored])) {
      if (!CODE.test(file)) continue;
      const line = files.strings.find((f) => f.value === glob)?.line;
      push(out, config, file, `${config}${line !== undefined ? `:${line}` : ''} files "${glob}" (${via})`, line);
    }
  }
};

const borp: FrameworkReader = {
  id: 'borp',
  title: 'borp (the files and reporters of its command line and .borp.yaml)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'borp'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const all = runs(ctx);
    // With no run census can see, the config still says what borp runs there.
    for (const pkg of packages(ctx)) collectPackage(ctx, pkg, all.filter((r) => r.cwd === pkg.dir), out);
    return out;
  },
};

export default borp;
