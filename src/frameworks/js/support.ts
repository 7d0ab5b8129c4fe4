/**
 * What the JS/TS readers share: the packages that use a tool (a declared dependency or its config
 * beside package.json), the tool's config file read statically, paths in configs turned into
 * repo files the way the tool resolves them, and the kind the tool runs as. "Kind follows the
 * runner": a tool that a production command runs (a Dockerfile's `npm run build`, a `start`
 * script) makes what it loads production; a tool nothing runs is tooling.
 */
import { compileRepoGlob } from '../../util/glob.js';
import { namesInDir, pathsInDir, pathsWithPrefix, sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { configAt, fromFile, jsonConfigValue, plainConfigValue, readConfigFile, yamlConfigValue, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { EntryKind } from '../../model/verdict.js';
import { byString } from '../../util/compare.js';
import { warning } from '../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader, type KnownCommand } from '../types.js';
import { packageJsonObject } from '../../manifests/package-json.js';
import { YAML } from '../../manifests/yaml.js';
import { parseTomlDocument } from '../../manifests/toml.js';
import { isRecord } from '../../manifests/json.js';
import type { TextMark } from '../../languages/javascript/text-marks.js';
import { JS_FAMILY_CODE_FILE } from '../../languages/js-family.js';
import { runsWithNode } from '../../languages/shebang.js';
import { perScan } from '../per-scan.js';
import { jsCoverage } from '../../commandline/launchers/js-coverage.js';
import { literal, text as textValue } from '../../commandline/value.js';
import { escapeRegExp } from '../../util/regexp.js';
import { withSteps } from '../../util/sentences.js';
import { createBuildOutputMap } from '../../languages/javascript/build-output.js';

export interface JsPackage {
  /** Folder of the package.json ('' = the repo root). */
  dir: string;
  manifest: string;
  json: Record<string, unknown>;
}

const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Every package.json outside node_modules, parsed (unreadable ones are the package-json detector's to report). */
export const jsPackages = perScan((ctx): JsPackage[] => {
  const out: JsPackage[] = [];
  for (const f of pathsNamedLike(ctx.files, { stems: ['package'] }, 'sorted')) {
    if (basename(f) !== 'package.json' || f.includes('node_modules/')) continue;
    // Parsed once by the manifest store, which reports a broken one.
    const json = packageJsonObject(ctx.manifests, f);
    if (json) out.push({ dir: dirname(f), manifest: f, json });
  }
  return out;
});

/**
 * A package's dependency objects: those of DEP_FIELDS that are objects, in that order (once per
 * package, held as long as it is). Every reader asks every package about its tools (toolPackages:
 * payload's 81 packages, about 100 readers), and each ask read the four fields again.
 */
const depRecords = new WeakMap<JsPackage, readonly Record<string, unknown>[]>();

export const dependsOn = (pkg: JsPackage, name: string | RegExp): boolean => {
  let records = depRecords.get(pkg);
  if (records === undefined) depRecords.set(pkg, (records = DEP_FIELDS.map((field) => pkg.json[field]).filter(isRecord)));
  for (let i = 0; i < records.length; i++) {
    const deps = records[i];
    if (typeof name === 'string' ? name in deps : Object.keys(deps).some((d) => name.test(d))) return true;
  }
  return false;
};

/** Files directly in `dir` whose name matches. */
export const filesIn = (ctx: FrameworkContext, dir: string, name: RegExp): string[] => {
  const paths = pathsInDir(ctx.files, dir);
  const names = namesInDir(ctx.files, dir);
  const out: string[] = [];
  for (let i = 0; i < paths.length; i++) if (name.test(names[i])) out.push(paths[i]);
  return out;
};

/** A RegExp's own spelling in a key: its source and flags, apart from any package name. */
const patternKey = (p: string | RegExp): string => (typeof p === 'string' ? `s${p}` : `r${p.flags}/${p.source}`);

const toolPackagesMemo = perScan(() => new Map<string, readonly JsPackage[]>());

/**
 * The packages that use a tool: they declare one of its packages, or hold its config file. Found
 * once per scan and question: a reader asks in enabledBy and again in collect, and each ask
 * tested every package's dependencies and root file names (payload: 81 packages, 40 readers).
 */
export const toolPackages = (ctx: FrameworkContext, deps: (string | RegExp)[], config: RegExp | null): JsPackage[] => {
  const memo = toolPackagesMemo(ctx);
  const key = `${deps.map(patternKey).join('\0')}\0\0${config === null ? '' : patternKey(config)}`;
  let known = memo.get(key);
  if (known === undefined) memo.set(key, (known = jsPackages(ctx).filter((p) => deps.some((d) => dependsOn(p, d)) || (config !== null && filesIn(ctx, p.dir, config).length > 0))));
  // A copy: readers filter and keep the list as their own.
  return known.slice();
};

/** Why a reader applies: the first package that uses the tool. */
export const enabledByPackages = (packages: JsPackage[], what: string): string | null =>
  packages.length === 0 ? null : `${packages[0].manifest} uses ${what}${packages.length > 1 ? ` (and ${packages.length - 1} more package${packages.length > 2 ? 's' : ''})` : ''}`;

/** Where a config value stands, for evidence: `file:line`, or the file alone when the line is 1 (a whole JSON or package.json value). */
export const placeIn = (file: string, line: number): string => (line > 1 ? `${file}:${line}` : file);

/** The `collect` of a reader that reads each package using its tool on its own. */
export const eachPackage =
  (packages: (ctx: FrameworkContext) => JsPackage[], collectPackage: (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => void) =>
  (ctx: FrameworkContext): FrameworkOutput => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) collectPackage(ctx, pkg, out);
    return out;
  };

const JS_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs'];

/**
 * A path as a tool would load it: relative to `dir` (a config's folder), `<rootDir>/` and
 * `/`-rooted paths relative to `root`, with the extensions and index files bundlers try. Null
 * when no repo file is there (a package name, a built file not in the repo).
 */
export const resolveToolPath = (ctx: FrameworkContext, dir: string, spec: string, root = dir): string | null => {
  if (spec === '' || /^[a-z][\w+.-]*:/i.test(spec)) return null;
  let base: string | null;
  if (spec.startsWith('<rootDir>')) base = joinRepo(root, spec.slice('<rootDir>'.length).replace(/^\//, ''));
  else if (spec.startsWith('/')) base = joinRepo(root, spec.slice(1));
  else if (spec.startsWith('~/') || spec.startsWith('@/')) base = joinRepo(root, spec.slice(2));
  else base = joinRepo(dir, spec);
  if (base === null) return null;
  for (const ext of JS_EXTENSIONS) {
    const candidate = ext.startsWith('/') ? (base === '' ? ext.slice(1) : `${base}${ext}`) : `${base}${ext}`;
    if (ctx.files.has(candidate)) return candidate;
  }
  // `./src/app.js` naming its TypeScript source.
  const ts = base.replace(/\.(m|c)?js$/, '.$1ts');
  if (ts !== base && ctx.files.has(ts)) return ts;
  if (base.endsWith('.js') && ctx.files.has(`${base.slice(0, -3)}.tsx`)) return `${base.slice(0, -3)}.tsx`;
  // `./src/app.ts` when the file is app.tsx (or .jsx for .js): a loose extension in a config.
  if (/\.[jt]s$/.test(base) && ctx.files.has(`${base}x`)) return `${base}x`;
  return null;
};

/** True when a config string looks like a file path rather than a package name. */
export const looksLikePath = (s: string): boolean => /^(\.{1,2}\/|\/|<rootDir>|~\/|@\/)/.test(s) || /\.(m|c)?[jt]sx?$/.test(s);

export interface ReadConfig {
  path: string;
  value: ConfigValue | null;
}

/**
 * A JS/TS/JSON/YAML/TOML config file's exported value; parse failures and a missing export become warnings.
 * With `imports`, a local config it requires or default-imports (`const base =
 * require('./jest.base')`) is read too, one level deep, its parts marked with its own file.
 */
export const readToolConfig = (ctx: FrameworkContext, path: string, diagnostics: Diagnostic[], id: string, imports = false): ReadConfig => {
  const text = ctx.readText(path);
  if (text === null) return { path, value: null };
  if (/\.json$/.test(path)) return { path, value: jsonConfigValue(text) };
  // An extension-less rc file (.stylelintrc, .babelrc) is JSON or YAML.
  if (/(^|\/)\.\w+rc$/.test(path)) return { path, value: jsonConfigValue(text) ?? yamlValue(ctx, path) };
  if (/\.ya?ml$/.test(path)) return { path, value: yamlValue(ctx, path) };
  if (/\.toml$/.test(path)) {
    const parsed = parseTomlDocument(text, path);
    if ('diagnostic' in parsed) diagnostics.push(parsed.diagnostic);
    return { path, value: 'diagnostic' in parsed ? null : plainConfigValue(parsed.value) };
  }
  const load = (spec: string): ConfigValue | null => {
    const file = resolveToolPath(ctx, dirname(path), spec);
    const value = file === null || file === path ? null : readToolConfig(ctx, file, diagnostics, id).value;
    return file === null || value === null ? null : fromFile(value, file);
  };
  const read = readConfigFile(path, text, imports ? load : undefined);
  for (const e of read.errors.slice(0, 1)) diagnostics.push(warning(`${id}/config-syntax`, `config not parsed: ${e.message}`, path, e.line));
  return { path, value: read.value };
};

/** A YAML config (.mocharc.yml, .lintstagedrc.yaml) as a config value, with each value's line. */
const yamlValue = (ctx: FrameworkContext, path: string): ConfigValue | null => {
  const parsed = ctx.manifests.parse(path, YAML);
  const doc = parsed?.value ? parsed.value[0] : undefined;
  return doc ? yamlConfigValue(doc) : null;
};

/** A warning for each part of a config value census could not read, once per file and line. */
export const warnUnread = (diagnostics: Diagnostic[], id: string, file: string, unread: { line: number; text: string; file?: string }[], what: string): void => {
  const seen = new Set<string>();
  for (const u of unread) {
    // A part read from a config this one imports is named in that file.
    const where = u.file ?? file;
    if (seen.has(`${where}:${u.line}`)) continue;
    seen.add(`${where}:${u.line}`);
    diagnostics.push(warning(`${id}/not-static`, `${what} is computed, not read: ${u.text}`, where, u.line));
  }
};

// ---------------------------------------------------------------------------------------------
// Which kind a tool runs as.

const RANK: EntryKind[] = ['production', 'tooling', 'test'];
const IMAGE_FILE = /^(Dockerfile|Containerfile)(\.[\w.-]+)?$|\.(Dockerfile|Containerfile)$/;

export interface ToolRun {
  kind: EntryKind;
  /** "Dockerfile RUN: npm run build → package.json script "build": next build". */
  evidence: string;
}

/**
 * The scripts that led to a call, innermost first: each link is the script step taken and the
 * link of the steps before it, so every call reached through the same scripts shares one chain.
 * A script's segments are found once and reached from many command lines (payload: 27,790 calls
 * from 1,170 commands, turbo fanning out to 81 packages); the calls are made once, at the top.
 */
interface Chain {
  step: string;
  outer: Chain | null;
}

interface Invocation {
  bin: string;
  args: string[];
  cwd: string;
  chain: Chain | null;
  /** The package.json whose script holds this call, when it came through one. */
  manifest: string | undefined;
}

/** The steps of a chain, outermost first. */
export const chainSteps = (chain: Chain | null): string[] => {
  const steps: string[] = [];
  for (let link = chain; link !== null; link = link.outer) steps.push(link.step);
  return steps.reverse();
};

const WRAPPERS = new Set(['npx', 'bunx', 'cross-env', 'dotenv', 'env', 'time', 'nohup', 'exec', 'node_modules/.bin']);
const COVERAGE_TOOLS = new Set(jsCoverage.names);

/**
 * The command a coverage tool runs (`nyc --reporter=html mocha test` runs `mocha test`), read by the
 * command-line launcher that owns nyc's and c8's options; a report subcommand runs nothing.
 */
const commandUnderCoverage = (w: readonly string[]): string[] => {
  for (const intent of jsCoverage.run(w.slice(1).map(textValue), basename(w[0]), () => undefined)) {
    if (intent.kind === 'argv') return intent.argv.map((v) => literal(v) ?? '');
  }
  return [];
};
const RUNS_ALL = /^(turbo|lerna|nx|wireit|ultra)$/;

/** pnpm's and yarn's own commands, which a bare `pnpm <word>` runs instead of a script. */
const PACKAGE_MANAGER_COMMANDS = new Set(['install', 'i', 'add', 'remove', 'exec', 'dlx', 'create', 'init', 'link', 'publish', 'pack', 'why', 'outdated', 'update', 'up', 'audit', 'config', 'store', 'workspace', 'workspaces']);

const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
/** Options that make a package manager run the script in every workspace package. */
const RUNS_IN_ALL = new Set(['-r', '--recursive', '-ws', '--workspaces', '--filter', '-F']);
/** A package manager's options whose value follows them (not a script name). */
const TAKES_VALUE = new Set(['--filter', '-F', '-w', '--workspace', '-C', '--dir', '--prefix']);

/**
 * Script names a command runs in every workspace package (`turbo run build`, `pnpm -r build`, `npm
 * run build -ws`). Plain loops, and nothing looked at before the program is known to run scripts:
 * it is asked for every segment of every command line and script (payload: 3,300 distinct).
 */
export const scriptOfRunner = (bin: string, rest: readonly string[]): { script: string; all: boolean } | null => {
  if (RUNS_ALL.test(bin)) {
    // the first positional word after `run`/`run-many`, or a `-t`/`--target` value first
    let words = 0;
    let first: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i];
      if (i > 0 && (rest[i - 1] === '-t' || rest[i - 1] === '--target') && !w.startsWith('-')) return w ? { script: w, all: true } : null;
      if (w.startsWith('-')) continue;
      if (!(words++ === 0 && (w === 'run' || w === 'run-many')) && first === undefined && !w.includes('"') && !w.includes("'")) first = w;
    }
    return first ? { script: first, all: true } : null;
  }
  if (!PACKAGE_MANAGERS.has(bin)) return null;
  let all = false;
  // Values of --filter/-F are not script names.
  let first: string | undefined;
  let second: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (RUNS_IN_ALL.has(w) || w.startsWith('--filter=')) all = true;
    if (w.startsWith('-') || (i > 0 && TAKES_VALUE.has(rest[i - 1]))) continue;
    if (first === undefined) first = w;
    else if (second === undefined) second = w;
  }
  if (first === 'run' || first === 'run-script') return second ? { script: second, all } : null;
  if (bin === 'npm') return first === 'start' || first === 'test' ? { script: first, all } : null;
  if (bin === 'bun') return null;
  return first && !PACKAGE_MANAGER_COMMANDS.has(first) ? { script: first, all } : null;
};

const words = (segment: string): string[] => segment.trim().split(/\s+/).filter((w) => w !== '').map((w) => w.replace(/^["']|["']$/g, ''));

/**
 * One segment of a command line or script: a call of a program, or a package script it runs, whose
 * own segments come in its place (shared: the same script reached again is the same list).
 */
type Segment = { kind: 'call'; bin: string; args: string[]; cwd: string; manifest: string | undefined } | { kind: 'script'; step: string; segments: readonly Segment[] };

/**
 * A command line's text cut into what it does, wherever it runs: a `cd`, or a program and its
 * arguments with the package script it runs (if it is a package manager running one). Place-free,
 * so a script reached at several depths and folders is cut once.
 */
type Step = { cd: string } | { cd: null; bin: string; args: string[]; runner: { script: string; all: boolean } | null };

const stepsMemo = perScan(() => new Map<string, readonly Step[]>());

const stepsOf = (memo: Map<string, readonly Step[]>, text: string): readonly Step[] => {
  let known = memo.get(text);
  if (known) return known;
  const out: Step[] = [];
  for (const segment of text.split(/&&|\|\||;|\||\n/)) {
    let w = words(segment);
    while (w.length > 0 && (/^\w+=/.test(w[0]) || WRAPPERS.has(w[0]) || w[0] === '--')) w = w.slice(1);
    if (w.length > 0 && (w[0] === 'pnpm' || w[0] === 'yarn') && (w[1] === 'exec' || w[1] === 'dlx')) w = w.slice(2);
    if (w.length > 0 && COVERAGE_TOOLS.has(basename(w[0]))) w = commandUnderCoverage(w);
    if (w.length === 0) continue;
    if (w[0] === 'cd' && w[1]) {
      out.push({ cd: w[1] });
      continue;
    }
    const bin = basename(w[0]);
    const args = w.slice(1);
    out.push({ cd: null, bin, args, runner: scriptOfRunner(bin, args) });
  }
  memo.set(text, (known = out));
  return known;
};

/**
 * Keyed by the text first: a script body is the same string from the parsed package.json every
 * time it is reached, so its hash is computed once, where a key made of text, folder and depth
 * together was a new string to hash in full on every one of the fan-out's asks. Then by folder,
 * package.json and depth, each its own key: the folder and package.json are strings the packages
 * and commands hold (hashed once), where a key made of the three was a new string per ask (payload:
 * the fan-out asks tens of thousands of times).
 */
type SegmentMemo = Map<string, Map<string, Map<string | undefined, (readonly Segment[] | undefined)[]>>>;
const segmentMemo = perScan((): SegmentMemo => new Map());

/**
 * The segments of a command line, following npm/pnpm/yarn scripts (to a depth). A script is
 * reached from many command lines (every `turbo run build` fans out to every package's `build`):
 * its segments are found once per (text, folder, depth). The memos are passed down, not asked of
 * the scan at each step of the recursion.
 */
const segmentsOf = (ctx: FrameworkContext, memo: SegmentMemo, steps: Map<string, readonly Step[]>, text: string, cwd: string, depth: number, manifest?: string): readonly Segment[] => {
  let byDir = memo.get(text);
  if (byDir === undefined) memo.set(text, (byDir = new Map()));
  let byManifest = byDir.get(cwd);
  if (byManifest === undefined) byDir.set(cwd, (byManifest = new Map()));
  let byDepth = byManifest.get(manifest);
  if (byDepth === undefined) byManifest.set(manifest, (byDepth = []));
  const known = byDepth[depth];
  if (known !== undefined) return known;
  const out: Segment[] = [];
  byDepth[depth] = out;
  if (depth > 4) return out;
  let dir = cwd;
  for (const step of stepsOf(steps, text)) {
    if (step.cd !== null) {
      dir = joinRepo(dir, step.cd) ?? dir;
      continue;
    }
    const { bin, args, runner } = step;
    if (runner) {
      const packages = runner.all ? jsPackages(ctx) : nearestPackage(ctx, dir);
      for (const pkg of packages) {
        const scripts = isRecord(pkg.json.scripts) ? pkg.json.scripts : {};
        const body = scripts[runner.script];
        if (typeof body !== 'string') continue;
        out.push({ kind: 'script', step: `${pkg.manifest} script "${runner.script}": ${body}`, segments: segmentsOf(ctx, memo, steps, body, pkg.dir, depth + 1, pkg.manifest) });
      }
      continue;
    }
    out.push({ kind: 'call', bin, args, cwd: dir, manifest: manifest || undefined });
  }
  return out;
};

const packagesByDir = perScan((ctx) => new Map(jsPackages(ctx).map((p) => [p.dir, p])));

const nearestPackage = (ctx: FrameworkContext, dir: string): JsPackage[] => {
  const byDir = packagesByDir(ctx);
  for (let d = dir; ; d = dirname(d)) {
    const p = byDir.get(d);
    if (p) return [p];
    if (d === '') return [];
  }
};

/** The packages whose folder holds `dir` (the one in `dir` itself too), nearest first: a workspace, then the repo root above it. */
export const enclosingPackages = (ctx: FrameworkContext, dir: string): JsPackage[] => {
  const byDir = packagesByDir(ctx);
  const out: JsPackage[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const p = byDir.get(d);
    if (p) out.push(p);
    if (d === '') return out;
  }
};

interface Call {
  command: KnownCommand;
  call: Invocation;
}

/**
 * The programs a list of segments calls, its scripts' calls too (once per list: the lists are
 * shared, and one script is reached from many command lines).
 */
const binsBelowMemo = perScan(() => new Map<readonly Segment[], ReadonlySet<string>>());

const binsBelow = (memo: Map<readonly Segment[], ReadonlySet<string>>, segments: readonly Segment[]): ReadonlySet<string> => {
  let known = memo.get(segments);
  if (known) return known;
  const bins = new Set<string>();
  for (const s of segments) {
    if (s.kind === 'call') bins.add(s.bin);
    else for (const bin of binsBelow(memo, s.segments)) bins.add(bin);
  }
  memo.set(segments, (known = bins));
  return known;
};

/** The segments of every known command line, in their order (found once per scan). */
const commandSegments = perScan((ctx): readonly (readonly Segment[])[] => {
  const memo = segmentMemo(ctx);
  const steps = stepsMemo(ctx);
  return ctx.commands.map((command) => segmentsOf(ctx, memo, steps, command.command, command.cwd, 0));
});

/**
 * Each call on the known command lines once, through package scripts too, whatever reaches it (once
 * per scan): a script reached from many command lines (payload's turbo fan-outs) is walked once, so
 * a reader can ask which programs are called in a given way before it asks for their calls in order.
 */
export const distinctCalls = perScan((ctx): readonly { bin: string; args: readonly string[]; cwd: string }[] => {
  const out: { bin: string; args: readonly string[]; cwd: string }[] = [];
  const walked = new Set<readonly Segment[]>();
  const walk = (segments: readonly Segment[]): void => {
    if (walked.has(segments)) return;
    walked.add(segments);
    for (const s of segments) {
      if (s.kind === 'script') walk(s.segments);
      else out.push(s);
    }
  };
  for (const segments of commandSegments(ctx)) walk(segments);
  return out;
});

/**
 * The calls of `bins` below a command's segments in order, each with the chain of scripts that led
 * to it (one link per script step, shared by its calls). It takes the memo, not a closure over it:
 * each set of programs asked made a new closure, and the call through it, optimized on the first,
 * threw addCalls away at the second.
 */
const addCalls = (to: Call[], bins: ReadonlySet<string>, memo: Map<readonly Segment[], ReadonlySet<string>>, command: KnownCommand, segments: readonly Segment[], chain: Chain | null): void => {
  // By index, as the other walks asked once per scan: a for-of loop not yet optimized makes an object per step.
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.kind === 'script') {
      if (s.segments.length > 0 && reaches(binsBelow(memo, s.segments), bins)) addCalls(to, bins, memo, command, s.segments, { step: s.step, outer: chain });
      continue;
    }
    if (bins.has(s.bin)) to.push({ command, call: { bin: s.bin, args: s.args, cwd: s.cwd, chain, manifest: s.manifest } });
  }
};

const reaches = (below: ReadonlySet<string>, bins: ReadonlySet<string>): boolean => {
  for (const bin of bins) if (below.has(bin)) return true;
  return false;
};

const invocationsMemo = perScan(() => new Map<string, readonly Call[]>());

/**
 * Every call of one of `bins` on the known command lines, in the order of the commands and their
 * calls, made once per scan and set of programs. A monorepo's `turbo run build` expands to every
 * package's scripts (payload: 1,170 command lines make 27,790 calls, of 142 programs); readers
 * ask about a few dozen programs, so only their calls are made, and only the scripts that reach
 * one are walked. Shared: read, never change.
 */
export const invocationsOf = (ctx: FrameworkContext, bins: readonly string[]): readonly Call[] => {
  const wanted = new Set(bins);
  const key = [...wanted].join('\0');
  const memo = invocationsMemo(ctx);
  let known = memo.get(key);
  if (known) return known;
  const belowMemo = binsBelowMemo(ctx);
  const out: Call[] = [];
  const tops = commandSegments(ctx);
  for (let i = 0; i < tops.length; i++) if (reaches(binsBelow(belowMemo, tops[i]), wanted)) addCalls(out, wanted, belowMemo, ctx.commands[i], tops[i], null);
  memo.set(key, (known = out));
  return known;
};

/**
 * The kind a tool runs as for the package in `dir`: the first of production, tooling, test among
 * the commands that run one of `bins` there (through npm scripts too), with the chain as
 * evidence; null (tooling) when nothing runs it. For a bundler, a Dockerfile RUN that builds
 * counts as production: the image ships what it bundles.
 */
export const toolRun = (ctx: FrameworkContext, dir: string, bins: string[], o: { bundler?: boolean; args?: (args: string[]) => boolean } = {}): ToolRun | null =>
  // The options as two values: readers pass `{}`, `{ bundler }`, `{ args }` or both, four shapes of
  // object, and the loop below, optimized on the first shapes, was thrown away at the next.
  runsOf(ctx, dir, bins, o.bundler === true, o.args ?? null);

const EMPTY_CALLS: readonly Call[] = [];
const callsByDirMemo = perScan(() => new Map<string, Map<string, Call[]>>());

/**
 * The calls of one program, by the folder they run in, in their order (once per scan and program):
 * readers ask per package, and each question walked every call of the program in the repo (a
 * monorepo's `turbo run build` makes thousands) for the few in that package's folder.
 */
const callsIn = (ctx: FrameworkContext, bin: string, dir: string): readonly Call[] => {
  const memo = callsByDirMemo(ctx);
  let byDir = memo.get(bin);
  if (byDir === undefined) {
    memo.set(bin, (byDir = new Map()));
    for (const c of invocationsOf(ctx, [bin])) {
      const list = byDir.get(c.call.cwd);
      if (list === undefined) byDir.set(c.call.cwd, [c]);
      else list.push(c);
    }
  }
  return byDir.get(dir) ?? EMPTY_CALLS;
};

const runsOf = (ctx: FrameworkContext, dir: string, bins: string[], bundler: boolean, args: ((args: string[]) => boolean) | null): ToolRun | null => {
  const found: ToolRun[] = [];
  for (const bin of new Set(bins)) {
    for (const { command, call } of callsIn(ctx, bin, dir)) {
      // Only some subcommands load what the reader asks about (`payload migrate`, not `payload build`).
      if (args !== null && !args(call.args)) continue;
            // A bundler run while an image is built makes what the image ships: its entries are production.
      const kind = bundler && IMAGE_FILE.test(basename(command.source)) ? 'production' : command.kind;
      found.push({ kind, evidence: withSteps(`${command.evidence}: ${command.command.trim().replace(/\s+/g, ' ')}`, call.chain !== null ? chainSteps(call.chain) : []) });
    }
  }
  found.sort((a, b) => RANK.indexOf(a.kind) - RANK.indexOf(b.kind) || a.evidence.length - b.evidence.length || byString(a.evidence, b.evidence));
  return found[0] ?? null;
};

/** The evidence sentence for something a tool loads: who runs the tool, or that nothing does. */
export const runEvidence = (run: ToolRun | null, tool: string): string => (run ? `${tool} run by ${run.evidence}` : `${tool} (no command found that runs it: tooling)`);

export const kindOf = (run: ToolRun | null): EntryKind => run?.kind ?? 'tooling';

/** One entry per repo file a config string names (`./setup.ts`, `<rootDir>/x.js`); package names give nothing. */
export const pathEntries = (
  ctx: FrameworkContext,
  /** `fallbackDir`: where to look for a path that names no file from `dir` (a tool's root that a config's paths may not have followed). */
  o: { config: string; value: ConfigValue | null; key: string; dir: string; root?: string; fallbackDir?: string; kind: EntryKind; evidence: string; id: string },
  out: Pick<FrameworkOutput, 'entries' | 'diagnostics'>,
): void => {
  const strings: { value: string; line: number }[] = [];
  const unread: { line: number; text: string }[] = [];
  const visit = (v: ConfigValue) => {
    if (v.kind === 'string') strings.push({ value: v.value, line: v.line });
    else if (v.kind === 'array') v.items.forEach(visit);
    else if (v.kind === 'object') v.props.forEach(visit);
    else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
  };
  if (o.value) visit(o.value);
  warnUnread(out.diagnostics, o.id, o.config, unread, o.key);
  for (const s of strings) {
    if (!looksLikePath(s.value)) continue;
    const atDir = resolveToolPath(ctx, o.dir, s.value, o.root ?? o.dir);
    const file = atDir ?? (o.fallbackDir === undefined || o.fallbackDir === o.dir ? null : resolveToolPath(ctx, o.fallbackDir, s.value));
    if (file === null) continue;
    const where = atDir === null ? `; nothing there from ${o.dir || '.'}/, found from ${o.fallbackDir || '.'}/` : '';
    out.entries.push({ source: o.config, target: file, targetKind: 'file', kind: o.kind, evidence: `${o.config}:${s.line} ${o.key} "${s.value}" (${o.evidence}${where})`, line: s.line });
  }
};

/**
 * Repo files under `dir` matching globs relative to it (`src/**\/*.test.ts`), outside node_modules.
 * `mayMatch`, a test every match passes (a word each glob spells), rules a path out before the globs
 * are tried: a package at the repo root has every file of the repo under it.
 */
export const globFiles = (ctx: FrameworkContext, dir: string, globs: string[], mayMatch?: (relative: string) => boolean): { file: string; glob: string }[] => {
  const prefix = dir === '' ? '' : `${dir}/`;
  const matchers = globs.filter((g) => !g.startsWith('!')).map((g) => ({ glob: g, match: compileRepoGlob(g.replace(/^\.\//, '')) }));
  const excluded = globs.filter((g) => g.startsWith('!')).map((g) => compileRepoGlob(g.slice(1).replace(/^\.\//, '')));
  const out: { file: string; glob: string }[] = [];
  // `mayMatch` is applied in a loop of its own: in the loop below, a call that only one reader's
  // globs make would find V8's optimized code (made on the other readers' calls) unprepared, and
  // throw it away.
  const under = pathsWithPrefix(ctx.files, prefix);
  const files = mayMatch === undefined ? under : under.filter((file) => mayMatch(file.slice(prefix.length)));
  // By index: a package at the repo root walks every file once, in code not yet optimized, where a for-of loop makes an object per step.
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (file.includes('node_modules/')) continue;
    const relative = file.slice(prefix.length);
    if (excluded.some((x) => x(relative))) continue;
    const hit = matchers.find((m) => m.match(relative));
    if (hit) out.push({ file, glob: hit.glob });
  }
  return out;
};

/** The `--config x` / `-c x` / `--config=x` value of a tool invocation's arguments. */
export const configArg = (args: string[], flags = ['--config', '-c']): string | null => {
  for (let i = 0; i < args.length; i++) {
    for (const f of flags) {
      if (args[i] === f && args[i + 1]) return args[i + 1];
      if (args[i].startsWith(`${f}=`)) return args[i].slice(f.length + 1);
    }
  }
  return null;
};

/** Every value of an option in a tool invocation's arguments (`-r x`, `--require x`, `--require=x`), in order: configArg for an option given more than once. */
export const optionValues = (args: string[], names: string[]): string[] =>
  args.flatMap((a, i) => (names.includes(a) && args[i + 1] !== undefined ? [args[i + 1]] : names.flatMap((n) => (a.startsWith(`${n}=`) ? [a.slice(n.length + 1)] : []))));

/** Config files a tool is pointed at on its command lines (`webpack --config build/prod.js`), per package folder. */
export const configsFromCommands = (ctx: FrameworkContext, bins: string[], flags?: string[]): { dir: string; config: string }[] => {
  // Readers ask once per package (rollup, tsup, playwright): the answer is the same each time,
  // and walking every call of every command for it was 70-100 ms on payload (27,790 calls).
  const memo = configsFromCommandsMemo(ctx);
  const key = `${bins.join('\0')}\0\0${flags?.join('\0') ?? ''}`;
  let known = memo.get(key);
  if (known === undefined) {
    // the calls of these programs in command order, as a walk over every command finds them
    const runs = invocationsOf(ctx, bins);
    const out: { dir: string; config: string }[] = [];
    for (const { call } of runs) {
      const arg = configArg(call.args, flags);
      const path = arg === null ? null : joinRepo(call.cwd, arg);
      if (path !== null && ctx.files.has(path) && !out.some((o) => o.config === path)) out.push({ dir: call.cwd, config: path });
    }
    memo.set(key, (known = out.sort((a, b) => byString(a.config, b.config))));
  }
  return known.map((c) => ({ ...c }));
};

const configsFromCommandsMemo = perScan(() => new Map<string, readonly { dir: string; config: string }[]>());

/** A reference from a config to a file it names, with the sentence the evidence chain shows. */
export const fileReference = (from: string, target: string, line: number | undefined, label: string): FrameworkOutput['references'][number] => ({
  from,
  target,
  targetKind: 'file',
  ...(line ? { line } : {}),
  label,
});

/** A file a reader found loaded: from which file and line, and the sentence that is the evidence. */
export interface LabelledReference {
  from: string;
  target: string;
  line: number;
  label: string;
}

/**
 * enabledBy and collect of a reader whose whole output is the file references (and warnings) it
 * finds once per scan: it is on when it found one, saying the first one's label.
 */
export const labelledReferences = (
  references: (ctx: FrameworkContext) => readonly LabelledReference[],
  diagnostics?: (ctx: FrameworkContext) => readonly Diagnostic[],
): Pick<FrameworkReader, 'enabledBy' | 'collect'> => ({
  enabledBy: (ctx) => references(ctx)[0]?.label ?? null,
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const r of references(ctx)) out.references.push(fileReference(r.from, r.target, r.line, r.label));
    if (diagnostics !== undefined) out.diagnostics.push(...diagnostics(ctx));
    return out;
  },
});

/**
 * Bundler aliases (`'@': './src'`, `{ find: '~', replacement: … }`) read from a config value:
 * name → folder or file, relative to `dir`. Regular-expression `find`s are left out.
 */
export const readAliases = (value: ConfigValue | null, dir: string): { name: string; target: string; line: number }[] => {
  const out: { name: string; target: string; line: number }[] = [];
  if (value?.kind === 'object') {
    for (const [name, target] of value.props) if (target.kind === 'string') out.push({ name, target: joinRepo(dir, target.value) ?? target.value, line: target.line });
  } else if (value?.kind === 'array') {
    for (const item of value.items) {
      const find = configAt(item, 'find');
      const replacement = configAt(item, 'replacement');
      if (find?.kind === 'string' && replacement?.kind === 'string') out.push({ name: find.value, target: joinRepo(dir, replacement.value) ?? replacement.value, line: replacement.line });
    }
  }
  return out.filter((a) => !a.target.startsWith('..'));
};

/**
 * Imports that go through a bundler alias, as references from the importing file: the import
 * resolver knows tsconfig paths, not the bundler's own aliases, so without this the aliased
 * file would look unused.
 */
export const aliasReferences = (
  ctx: FrameworkContext,
  pkgDir: string,
  aliases: { name: string; target: string; line: number }[],
  config: string,
  tool: string,
  /** Files below `pkgDir` the aliases do not apply to (a Nuxt layer's files have aliases of their own). */
  skip: (file: string) => boolean = () => false,
): FrameworkOutput['references'] => {
  if (aliases.length === 0) return [];
  const refs: FrameworkOutput['references'] = [];
  const prefix = pkgDir === '' ? '' : `${pkgDir}/`;
  // Code files of every JS-family language but MDX: an MDX page's aliased imports are not read here
  // (MDX became a language after this reader and was never added; JS_FAMILY_FILE would add it).
  for (const file of pathsWithPrefix(ctx.files, prefix)) {
    if (file.includes('node_modules/') || !JS_FAMILY_CODE_FILE.test(file) || skip(file)) continue;
    for (const imp of ctx.facts(file)?.imports ?? []) {
      const alias = aliases.find((a) => imp.specifier === a.name || imp.specifier.startsWith(`${a.name}/`));
      if (!alias) continue;
      const rest = imp.specifier.slice(alias.name.length).replace(/^\//, '');
      const target = resolveToolPath(ctx, '', rest === '' ? alias.target : `${alias.target}/${rest}`);
      if (target && target !== file) refs.push(fileReference(file, target, imp.line, `imported by ${file}:${imp.line} as "${imp.specifier}" through the ${tool} alias "${alias.name}" (${config}:${alias.line})`));
    }
  }
  return refs;
};

/**
 * Whether a code file's text may hold one of `marks`: false only when extraction recorded the
 * marks its text holds (languages/javascript/text-marks.ts) and none of these is among them, so a
 * reader that pre-tests every code file for a word reads only the files that can pass.
 */
export const mayHold = (ctx: FrameworkContext, file: string, marks: readonly TextMark[]): boolean => {
  const held = ctx.facts(file)?.textMarks;
  return held === undefined || marks.some((m) => held.includes(m));
};

/** Every repo path, sorted, once per file set: readers walk it instead of sorting the set again. */
export const sortedFiles = (ctx: FrameworkContext): readonly string[] => sortedPaths(ctx.files);

const JS_CODE = /\.[cm]?[jt]sx?$/;

/**
 * The code files by the marks extraction recorded for them, as places in jsCodeFiles: one walk of
 * the files' facts per scan, where each list asked for walked every code file's facts again
 * (payload: six lists of 7,062 files). `unknown` holds the files without recorded marks, which
 * every list takes.
 */
const filesByMark = perScan((ctx): { byMark: Map<string, number[]>; unknown: number[] } => {
  const files = jsCodeFiles(ctx);
  const byMark = new Map<string, number[]>();
  const unknown: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const held = ctx.facts(files[i])?.textMarks;
    if (held === undefined) {
      unknown.push(i);
      continue;
    }
    for (const mark of held) {
      const list = byMark.get(mark);
      if (list === undefined) byMark.set(mark, [i]);
      else list.push(i);
    }
  }
  return { byMark, unknown };
});

/**
 * The repo's JS/TS code files outside node_modules, sorted, whose text may hold one of `marks`
 * (mayHold of each): a reader that looks for a call in every code file starts here and reads only these.
 */
export const codeFilesMarked = (ctx: FrameworkContext, marks: readonly TextMark[]): readonly string[] => {
  // Nine readers ask, four of them for the same marks: each list is made once per scan.
  const memo = codeFilesMarkedMemo(ctx);
  const key = marks.join('\0');
  let known = memo.get(key);
  if (known === undefined) {
    const files = jsCodeFiles(ctx);
    const { byMark, unknown } = filesByMark(ctx);
    const wanted = new Uint8Array(files.length);
    for (const i of unknown) wanted[i] = 1;
    for (const mark of marks) for (const i of byMark.get(mark) ?? []) wanted[i] = 1;
    const out: string[] = [];
    for (let i = 0; i < files.length; i++) if (wanted[i] === 1) out.push(files[i]);
    memo.set(key, (known = out));
  }
  return known;
};

const codeFilesMarkedMemo = perScan(() => new Map<string, readonly string[]>());

/**
 * Stop 59: a file without an extension that Node runs by its shebang is JS code too: the `bin/brunch`
 * of a package's `bin` requires `join(libPath, 'cli.js')`, and a reader that walked only `.js` files
 * never read the load. Its first line is read as discovery reads it (runsWithNode, by languageFromShebang: `nodejs`,
 * `bun`, `tsx` too; a `node` anywhere else on the line is no Node), and only for a name without a
 * dot that extraction read as code: a LICENSE, a data blob or a man page is never opened, and none
 * is kept in the store (transientText).
 */
const isNodeScript = (ctx: FrameworkContext, file: string): boolean => {
  if (basename(file).includes('.') || ctx.facts(file) === undefined) return false;
  const head = ctx.manifests.transientText(file)?.slice(0, 256) ?? '';
  return runsWithNode(head);
};

/** The JS/TS code files outside node_modules (and the scripts Node runs by their shebang), sorted (once per scan). */
export const jsCodeFiles = perScan((ctx): readonly string[] =>
  sortedFiles(ctx).filter((file) => !file.includes('node_modules/') && (JS_CODE.test(file) || isNodeScript(ctx, file))),
);

/**
 * Whether a file below `pkg`'s folder lies in a package nested inside it (whose files belong to
 * that package): a folder of one of them at or above the file's. Readers walk every file of a
 * package, and testing each against every nested package's prefix was 80 tests a file at
 * payload's root; the answer is a folder's, found once per folder.
 */
export const inNestedPackage = (ctx: FrameworkContext, pkg: JsPackage): ((file: string) => boolean) => {
  const pkgPrefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
  // never '' (it would be pkg itself, or not below it)
  const nested = new Set(jsPackages(ctx).filter((p) => p.dir !== pkg.dir && p.dir.startsWith(pkgPrefix)).map((p) => p.dir));
  if (nested.size === 0) return () => false;
  const byDir = new Map<string, boolean>();
  const dirInNested = (dir: string): boolean => {
    if (dir === '') return false;
    let known = byDir.get(dir);
    if (known === undefined) byDir.set(dir, (known = nested.has(dir) || dirInNested(dirname(dir))));
    return known;
  };
  return (file) => dirInNested(dirname(file));
};

/**
 * The files of a package below `dir` (a folder inside it, '' = all of it), sorted, outside
 * node_modules and outside nested packages (their files belong to them).
 */
export const packageFilesUnder = (ctx: FrameworkContext, pkg: JsPackage, dir: string): string[] => {
  const prefix = dir === '' ? '' : `${dir}/`;
  const pkgPrefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
  const nested = inNestedPackage(ctx, pkg);
  // the longer of the two prefixes is the run to walk (one holds the other when dir is inside the package)
  const run = pathsWithPrefix(ctx.files, prefix.length > pkgPrefix.length ? prefix : pkgPrefix);
  return run.filter((f) => f.startsWith(prefix) && f.startsWith(pkgPrefix) && !f.includes('node_modules/') && !nested(f));
};

/** A folder named in a config (`'src/routes'`, `'./app'`), relative to the package. */
export const configDir = (pkgDir: string, value: ConfigValue | null, fallback: string): string => {
  const named = value?.kind === 'string' ? value.value : fallback;
  return joinRepo(pkgDir, named.replace(/\/+$/, '')) ?? joinRepo(pkgDir, fallback) ?? pkgDir;
};

/** The first repo file `<base>.<ext>` for the code extensions bundlers try, or null. */
export const codeFileAt = (ctx: FrameworkContext, base: string): string | null => {
  for (const ext of ['ts', 'js', 'tsx', 'jsx', 'mjs', 'mts', 'cjs', 'cts']) if (ctx.files.has(`${base}.${ext}`)) return `${base}.${ext}`;
  return null;
};

export interface ToolInvocation {
  args: string[];
  cwd: string;
  evidence: string;
  source: string;
  /** The program called (`asc`, `ncc`). */
  bin: string;
  /** The kind of what runs the command line (a package.json script's kind: `start` production, `build` tooling). */
  kind: KnownCommand['kind'];
}

const toolInvocationsMemo = perScan(() => new Map<string, readonly ToolInvocation[]>());

/**
 * Every invocation of one of `bins` on a known command line (through npm scripts), with its
 * arguments and folder, in the order of the commands and their calls. Readers ask once per package
 * with the same bins: the answer is made once per scan from the index by program (payload's 1,170
 * command lines make 27,790 calls, and each of ~80 packages walked them all before). Shared: read, never change.
 */
export const toolInvocations = (ctx: FrameworkContext, bins: readonly string[]): readonly ToolInvocation[] => {
  const memo = toolInvocationsMemo(ctx);
  const key = bins.join('\0');
  const known = memo.get(key);
  if (known) return known;
  const out = invocationsOf(ctx, bins).map(({ command, call }): ToolInvocation => ({
    args: call.args,
    cwd: call.cwd,
    evidence: call.chain !== null ? call.chain.step : `${command.evidence}: ${command.command.trim()}`,
    source: call.manifest ?? command.source,
    bin: call.bin,
    kind: command.kind,
  }));
  memo.set(key, out);
  return out;
};

/** Positional arguments of a tool invocation: words that are not options nor option values (`flagsWithValue`). */
export const positionalArgs = (args: string[], flagsWithValue: string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-')) {
      if (!a.includes('=') && flagsWithValue.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
};

/**
 * Calls that take a file's path to read, copy, write or test its bytes, never to load it as code
 * (Node's fs, fs-extra, express's sendFile): path-wrappers.ts counts a join handed to the reads as a
 * path a wrapper returns; folder-constants.ts and anchored-paths.ts ask byteUse what such a path is.
 */
export const BYTE_READ_CALLS = 'readFileSync|readFile|createReadStream|sendFile|readJson|readJsonSync|existsSync|copy|copySync|copyFile|copyFileSync';
/** Calls whose first argument's content is read: the file is used as data (a template read into a generated file, a page sent). */
const CONTENT_READ_CALLS = 'readFileSync|readFile|readJson|readJsonSync|readJSON|readJSONSync|createReadStream|sendFile';
/** Calls whose first argument's content is copied (a scaffolder's template) or moved; their second argument is written over. */
const CONTENT_COPY_CALLS = 'copy|copySync|copyFile|copyFileSync|cp|cpSync';
const CONTENT_MOVE_CALLS = 'move|moveSync|rename|renameSync';
/** Calls that write, remove, stat or test a path, never reading what is there: a generated or scratch path. */
const CONTENT_FREE_CALLS = 'existsSync|exists|stat|statSync|lstat|lstatSync|access|accessSync|pathExists|pathExistsSync|writeFile|writeFileSync|outputFile|outputFileSync|outputJson|outputJsonSync|writeJson|writeJsonSync|writeJSON|writeJSONSync|appendFile|appendFileSync|rm|rmSync|unlink|unlinkSync|remove|removeSync|createWriteStream';
/**
 * Text that ends where a byte-use call takes its first argument (`fs.copySync(`, `readFile(`): which kind of call.
 * Stop 64: tsc's call of an imported function too, `(0, promises_1.copyFile)(` (app-builder-lib copies its snap scripts so).
 */
const FIRST_ARGUMENT = new RegExp(String.raw`\b(?:(${CONTENT_READ_CALLS})|(${CONTENT_COPY_CALLS})|(${CONTENT_MOVE_CALLS})|(${CONTENT_FREE_CALLS}))\s*\)?\s*\(\s*$`);
/** Text that ends where a copy or move takes its second argument, the destination (`fs.copyFileSync(src, `): one plain argument before it. */
const DESTINATION = new RegExp(String.raw`\b(?:${CONTENT_COPY_CALLS}|${CONTENT_MOVE_CALLS})\s*\)?\s*\(\s*[^,()\n]*(?:\([^()\n]*\)[^,()\n]*)*,\s*$`);
/** A path a byte-use call reads, copies or moves: the file is used as data, where (`at`) and how (`verb`, for the evidence). */
export interface DataUse {
  verb: 'reads its bytes' | 'copies it' | 'moves it';
  at: number;
}
/** What one use at `at` hands the path to: a data use, a content-free byte use (write, remove, stat, test; a copy's destination), or neither (null). */
export const byteUseAt = (text: string, at: number): DataUse | 'content-free' | null => {
  const first = FIRST_ARGUMENT.exec(text.slice(Math.max(0, at - 40), at));
  if (first !== null) {
    if (first[4] !== undefined) return 'content-free';
    return { verb: first[1] !== undefined ? 'reads its bytes' : first[2] !== undefined ? 'copies it' : 'moves it', at };
  }
  return DESTINATION.test(text.slice(Math.max(0, at - 160), at)) ? 'content-free' : null;
};
/**
 * What the path expression at `at` is handed to, directly (`fs.copySync(path.join(…), …)`) or as the
 * whole value of a `const|let|var NAME =` whose every later use is a byte use (`const src = path.join(TEMPLATE_DIR,
 * 'client.js'); fs.copyFileSync(src, …)`). A read, copy or move of its content (readFile*, readJson*,
 * createReadStream, sendFile, copy*, cp*, the source of move/rename) is a data use: the file is used
 * by the reader (vuepress-plugin-pwa reads `lib/skip-waiting.js` into the service worker it writes; a
 * scaffolder copies its template into a new project), and the first such use is returned for the evidence.
 * When every use only writes, removes, stats or tests for the path, or is a copy's or move's destination,
 * the path names no file in use ('content-free': a generated or scratch path). Null when a use is
 * anything else — the path may be loaded: node-red's red.js stats `defaultSettings`, copies it, and
 * else hands it on to `require` (`settingsFile = defaultSettings`). One predicate for every reader
 * that finds a path by its text (folder-constants.ts, anchored-paths.ts).
 */
export const byteUse = (text: string, at: number): DataUse | 'content-free' | null => {
  const direct = byteUseAt(text, at);
  if (direct !== null) return direct;
  const held = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*$/.exec(text.slice(Math.max(0, at - 80), at));
  if (held === null) return null;
  const uses = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(held[1])}(?![\w$])`, 'g');
  // After the expression's closing parenthesis: a literal in it may spell the name (`const stamp = path.join(dir, 'stamp.js')`).
  uses.lastIndex = expressionEnd(text, at);
  let seen = 0;
  let data: DataUse | null = null;
  for (let m = uses.exec(text); m !== null; m = uses.exec(text)) {
    // A name used more often than this is not followed: kept as a possible load.
    if (++seen > MAX_BYTE_USES) return null;
    const use = byteUseAt(text, m.index);
    if (use === null) return null;
    if (use !== 'content-free') data ??= use;
  }
  return seen === 0 ? null : data ?? 'content-free';
};
/** Where the call expression at `at` (`path.join(…)`) ends: after the parenthesis that closes its first one (`at` when none within reach). */
const expressionEnd = (text: string, at: number): number => {
  const open = text.indexOf('(', at);
  if (open < 0 || open - at > 80) return at;
  let depth = 0;
  for (let i = open; i < text.length && i < open + 2000; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return at;
};
/** Later uses of a stored path byteUse reads (a hostile file naming it thousands of times costs no more). */
const MAX_BYTE_USES = 32;

/**
 * A file a package.json lists by path (`./dist/nodes/x.node.js`), or, when the repo holds no such
 * file (a source checkout), the source it is built from through the build-output map, with the
 * evidence's clause saying so. `found` is the file when the caller resolves the path its own way.
 */
export const listedOrSource = (ctx: FrameworkContext, path: string, found: string | null = ctx.files.has(path) ? path : null): { file: string; why: string } | null => {
  if (found !== null) return { file: found, why: '' };
  // createBuildOutputMap is memoized per scan (manifests.derive).
  const traced = createBuildOutputMap(ctx.manifests).explain(path);
  return traced === null ? null : { file: traced.source, why: `, built from ${traced.source} (${traced.why})` };
};
