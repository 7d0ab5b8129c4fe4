/**
 * The one command analyser: shell text → what it runs. Parses the text (parse.ts), walks it the
 * way the shell would (walk.ts: cd chains, variables, substitutions), hands each command word to its
 * launcher record (launchers/), and places the files, modules, scripts and targets those records
 * name in the repo (paths.ts). Programs without a record yield `unknown-program` unless they are
 * known to run nothing of the repo (inert-programs.ts); computed targets yield `unresolved`.
 */
import { basename } from '../util/path.js';
import { INTERPRETED_SCRIPT, namesInterpreterOf } from '../util/interpreter-names.js';
import { startState, changeDir } from './expand.js';
import { INERT_PROGRAMS } from './inert-programs.js';
import { launcherFor } from './launchers/index.js';
import { nodeOptionPreloads } from './launchers/node.js';
import type { Env, Intent } from './launchers/types.js';
import { parseShell } from './parse.js';
import type { ParsedScript } from './ast.js';
import { placeDir, placePath, mapAbsolute, pathMapKey } from './paths.js';
import { quoteWord, renderArgv } from './render.js';
import type { CommandContext, CommandTarget, WorkspaceSelection } from './types.js';
import { type Value, anchored, describe, literal, text as textValue } from './value.js';
import { walkScript } from './walk.js';

/** `bash -c "npx tsx …"` nests; real command lines never need more than a few levels. */
const MAX_NESTING = 8;
const MODULE_SPEC = /^([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)(?::([A-Za-z_]\w*)(?:\(.*\))?)?$/;
/** Where system programs live: an absolute command word there that census does not know runs nothing of the repo. */
const SYSTEM_DIRS = /^\/(usr|bin|sbin|lib|lib64|etc|snap|nix|opt\/homebrew|opt\/local)\//;
/** Folders of installed packages and virtual environments. */
const INSTALLED = /(^|\/)(node_modules|\.?venv[\w.-]*|\.tox|site-packages|__pypackages__)\//;
/** A program named by its install folder (`$VENV/bin/python`, `node_modules/.bin/vitest`): its name says which launcher. */
const BIN_PROGRAM = /(^|\/)\.?s?bin\/([^/]+)$/;
/** `$@`, `$1`, `${1}`: whatever the caller passed, analysed where the caller is. */
const POSITIONAL = /^\$\{?[@*1-9]/;

/**
 * A finding of the walk, placed in the repo when the line is analysed from a context: only the
 * placing reads the context's folder (`cwd`, `scriptDir`), so one walk serves every folder the
 * same line is analysed from (a README's `pnpm build` from the root and from its own folder).
 */
type Step = (ctx: CommandContext, out: CommandTarget[]) => void;

interface Run {
  /** What the walk itself reads of the context: the starting environment and the deploy path map. */
  ctx: Pick<CommandContext, 'env' | 'pathMap'>;
  steps: Step[];
  /** NODE_OPTIONS values already read (an exported one reaches every later command): once each. */
  nodeOptions: Set<string>;
}

const unresolvedTarget = (text: string, reason: string, dockerignored = false): CommandTarget =>
  ({ kind: 'unresolved', text, reason, ...(dockerignored ? { dockerignored } : {}) });

/** A target that does not depend on where the line runs (a fresh object for every analysis). */
const emit = (run: Run, target: () => CommandTarget): void => {
  run.steps.push((_, out) => {
    out.push(target());
  });
};

const unresolved = (run: Run, text: string, reason: string): void => emit(run, () => unresolvedTarget(text, reason));

const fileTarget = (run: Run, path: Value, cwd: Value, launcher: string, text: string, ifPresent = false): void => {
  if (path.kind === 'self') return;
  run.steps.push((ctx, out) => {
    const placed = placePath(path, cwd, ctx);
    if (!placed.ok) {
      if (!ifPresent) out.push(unresolvedTarget(text, placed.reason, placed.dockerignored));
      return;
    }
    // Installed tools and environments (`source .venv/bin/activate`) are not the repo's files.
    if (INSTALLED.test(placed.path)) return;
    const { mappedBy, underRoot } = placed;
    out.push({ kind: 'file', path: placed.path, launcher, text, ...(ifPresent ? { ifPresent } : {}), ...(mappedBy ? { mappedBy } : {}), ...(underRoot ? { underRoot } : {}) });
  });
};

const moduleTarget = (run: Run, spec: Value, cwd: Value, launcher: string, text: string, ifPresent = false, runs = false): void => {
  const t = literal(spec);
  if (t === null) return ifPresent ? undefined : unresolved(run, text, `module computed at run time (${spec.kind === 'dynamic' ? spec.text : '?'})`);
  const m = MODULE_SPEC.exec(t);
  if (!m) return ifPresent ? undefined : unresolved(run, text, `"${t}" is not a Python module name`);
  run.steps.push((ctx, out) => {
    const dir = placeDir(cwd, ctx);
    out.push({ kind: 'module', module: m[1], ...(m[2] ? { attr: m[2] } : {}), launcher, text, ...(dir.ok ? { cwd: dir.path } : {}), ...(ifPresent ? { ifPresent } : {}), ...(runs ? { runs: true as const } : {}) });
  });
};

const intentTargets = (run: Run, intent: Intent, cwd: Value, launcher: string, text: string, depth: number, env: Env): void => {
  const here = 'dir' in intent && intent.dir ? changeDir(cwd, intent.dir) : cwd;
  switch (intent.kind) {
    case 'file':
      return fileTarget(run, intent.path, here, launcher, text, intent.ifPresent);
    case 'module':
      return moduleTarget(run, intent.spec, here, launcher, text, intent.ifPresent, intent.runs === true);
    case 'config':
      run.steps.push((ctx, out) => {
        const placed = placePath(intent.path, here, ctx);
        if (!placed.ok) {
          if (!intent.ifPresent) out.push(unresolvedTarget(text, placed.reason, placed.dockerignored));
          return;
        }
        const dir = placeDir(here, ctx);
        out.push({ kind: 'config', path: placed.path, reader: intent.reader, launcher, text, cwd: dir.ok ? dir.path : '', ...(intent.ifPresent ? { ifPresent: true } : {}) });
      });
      return;
    case 'npm-script': {
      const name = literal(intent.name);
      if (name === null) return unresolved(run, text, 'script name computed at run time');
      // extra words are passed on only when each is known; else the script runs as written
      const args = intent.args?.map((a) => literal(a));
      const passed = args && args.length > 0 && args.every((a) => a !== null) ? (args as string[]).map(quoteWord).join(' ') : undefined;
      run.steps.push((ctx, out) => {
        const dir = placeDir(here, ctx);
        if (!dir.ok) out.push(unresolvedTarget(text, `npm script "${name}" in a folder census cannot place: ${dir.reason}`));
        else out.push({ kind: 'npm-script', name, cwd: dir.path, launcher, text, ...(passed ? { args: passed } : {}) });
      });
      return;
    }
    case 'workspace-run':
      run.steps.push((ctx, out) => {
        const dir = placeDir(here, ctx);
        if (!dir.ok) return void out.push(unresolvedTarget(text, `${launcher} runs in a folder census cannot place: ${dir.reason}`));
        let select: WorkspaceSelection;
        if (intent.select.by === 'selectors') {
          const computed = intent.select.selectors.find((s) => literal(s) === null);
          if (computed) return void out.push(unresolvedTarget(text, `${launcher} picks packages computed at run time (${describe(computed)})`));
          select = { by: 'selectors', selectors: intent.select.selectors.map((s) => literal(s)!) };
        } else select = intent.select;
        const common = { kind: 'workspace-run', manager: intent.manager, select, cwd: dir.path, launcher, text } as const;
        if (intent.script) {
          const name = literal(intent.script);
          if (name === null) return void out.push(unresolvedTarget(text, 'script name computed at run time'));
          out.push({ ...common, script: name });
        } else if (intent.command) out.push({ ...common, command: renderArgv(intent.command, here) });
      });
      return;
    case 'make-target':
      run.steps.push((ctx, out) => {
        const makefile = placePath(intent.makefile ?? { kind: 'text', text: 'Makefile' }, here, ctx);
        if (!makefile.ok) out.push(unresolvedTarget(text, `Makefile census cannot place: ${makefile.reason}`));
        else out.push({ kind: 'make-target', target: intent.target, makefile: makefile.path, launcher, text });
      });
      return;
    case 'test-run':
      run.steps.push((ctx, out) => {
        const paths: string[] = [];
        for (const p of intent.paths) {
          const placed = placePath(p, here, ctx, true);
          if (placed.ok) paths.push(placed.path);
          else out.push(unresolvedTarget(text, `test path ${placed.reason}`));
        }
        const dir = placeDir(here, ctx);
        out.push({ kind: 'test-run', runner: intent.runner, paths, launcher, text, ...(dir.ok ? { cwd: dir.path } : {}) });
      });
      return;
    case 'argv':
      return analyseArgv(run, intent.argv, here, text, depth + 1, env);
    case 'script': {
      // Partly computed text (`bash -c "python x.py $ARG"`) is still shell: its expansions stay expansions.
      const inner = intent.text.kind === 'text' || intent.text.kind === 'dynamic' ? intent.text.text : null;
      if (inner === null) return unresolved(run, text, 'shell text computed at run time');
      return analyseText(run, inner, here, depth + 1);
    }
    case 'unresolved':
      return unresolved(run, text, intent.reason);
  }
};

const launch = (run: Run, name: string, args: Value[], cwd: Value, text: string, depth: number, env: Env): boolean => {
  const launcher = launcherFor(name);
  if (!launcher) return false;
  for (const intent of launcher.run(args, name, env)) intentTargets(run, intent, cwd, name, text, depth, env);
  return true;
};

/** One command's expanded words. */
const analyseArgv = (run: Run, argv: readonly Value[], cwd: Value, text: string, depth: number, env: Env): void => {
  if (depth > MAX_NESTING || argv.length === 0) return;
  const [word, ...args] = argv;
  if (word.kind === 'self') return;
  if (word.kind !== 'text') {
    const bin = BIN_PROGRAM.exec(word.kind === 'dynamic' ? word.text : word.rest);
    if (bin && launcherFor(bin[2]) && launch(run, bin[2], args, cwd, text, depth, env)) return;
    if (word.kind === 'path') return fileTarget(run, word, cwd, 'direct', text);
    // A computed program named for a script's language and handed that script first (`${pythonExecutable} -u ./invoke.py …`): it runs it.
    const script = word.kind === 'dynamic' ? args.find((a) => !(a.kind === 'text' && a.text.startsWith('-'))) : undefined;
    const spelled = script?.kind === 'path' ? script.rest : script?.kind === 'text' && /^\.\.?\//.test(script.text) ? script.text : null;
    if (script !== undefined && spelled !== null && INTERPRETED_SCRIPT.test(spelled) && namesInterpreterOf(word.text, spelled)) return fileTarget(run, script, cwd, 'interpreter', text);
    if (!POSITIONAL.test(word.text)) unresolved(run, text, `the program is computed at run time (${word.text})`);
    return;
  }
  const name = word.text;
  if (!name.includes('/')) {
    if (!launch(run, name, args, cwd, text, depth, env) && !INERT_PROGRAMS.has(name)) emit(run, () => ({ kind: 'unknown-program', program: name, text }));
    return;
  }
  // A path as the command word: a known program in a bin folder (`.venv/bin/python`), else the file itself.
  const base = basename(name);
  const inBin = BIN_PROGRAM.test(name) || name.startsWith('/');
  if (inBin && launcherFor(base) && launch(run, base, args, cwd, text, depth, env)) return;
  if (name.startsWith('/') && mapAbsolute(name, run.ctx.pathMap) === null && SYSTEM_DIRS.test(name)) {
    // An installed program: silent when it is known to run nothing of the repo, else reported by name.
    if (!INERT_PROGRAMS.has(base)) emit(run, () => ({ kind: 'unknown-program', program: base, text }));
    return;
  }
  fileTarget(run, word, cwd, 'direct', text);
};

// The same line is analysed from many folders and contexts (a README's `pnpm build` from the
// root and from its own folder): its parse depends on the text alone. Bounded, as census mcp
// keeps one process for many scans.
const PARSES_KEPT = 4096;
const parses = new Map<string, ParsedScript>();
const parsed = (text: string): ParsedScript => {
  let known = parses.get(text);
  if (!known) {
    if (parses.size >= PARSES_KEPT) parses.clear();
    parses.set(text, (known = parseShell(text)));
  }
  return known;
};

const analyseText = (run: Run, text: string, cwd: Value, depth: number): void => {
  if (depth > MAX_NESTING) return;
  const state = startState();
  state.cwd = cwd;
  // The environment the command starts with (an image's ENV): the shell sees it as variables.
  for (const [name, value] of Object.entries(run.ctx.env ?? {})) state.vars.set(name, textValue(value));
  walkScript(parsed(text).script, state, (visited) => {
    nodeOptionTargets(run, visited.env('NODE_OPTIONS'), visited.cwd, visited.command.text, depth, visited.env);
    analyseArgv(run, visited.argv, visited.cwd, visited.command.text, depth, visited.env);
  });
};

/**
 * Preloads in the command's NODE_OPTIONS (a prefix assignment, an exported variable, an image's
 * ENV): every node process the command starts loads them, whatever its command word
 * (`NODE_OPTIONS='--require ./preload.ts' cross-env c8 assets build`, `… pnpm start`).
 */
const nodeOptionTargets = (run: Run, value: Value | undefined, cwd: Value, text: string, depth: number, env: Env): void => {
  const preloads = nodeOptionPreloads(value);
  if (preloads.length === 0) return;
  const key = `${JSON.stringify(cwd)}\0${literal(value!)}`;
  if (run.nodeOptions.has(key)) return;
  run.nodeOptions.add(key);
  for (const intent of preloads) intentTargets(run, intent, cwd, 'node', text, depth, env);
};

// The walk of a line, by the parts of the context it reads (placing reads the rest): bounded like
// the parses.
const PLANS_KEPT = 4096;
const plans = new Map<string, Step[]>();

const planOf = (text: string, ctx: CommandContext): Step[] => {
  const key = `${JSON.stringify(ctx.env ?? null)}\0${ctx.pathMap === undefined ? 'null' : pathMapKey(ctx.pathMap)}\0${text}`;
  let steps = plans.get(key);
  if (!steps) {
    const run: Run = { ctx: { ...(ctx.env ? { env: ctx.env } : {}), ...(ctx.pathMap ? { pathMap: ctx.pathMap } : {}) }, steps: [], nodeOptions: new Set() };
    try {
      analyseText(run, text, anchored('start', ''), 0);
    } catch (error) {
      // A bug in a launcher record must not take down the stage: report it as unresolved.
      unresolved(run, text, couldNotAnalyse(error));
    }
    if (plans.size >= PLANS_KEPT) plans.clear();
    plans.set(key, (steps = run.steps));
  }
  return steps;
};

const couldNotAnalyse = (error: unknown): string => `census could not analyse this command (${error instanceof Error ? error.message : String(error)})`;

/** Everything `text` runs, as seen from `ctx.cwd`. Never throws: unreadable shell yields what could be read. */
export const analyseCommand = (text: string, ctx: CommandContext): CommandTarget[] => {
  const out: CommandTarget[] = [];
  const steps = planOf(text, ctx);
  try {
    for (const step of steps) step(ctx, out);
  } catch (error) {
    out.push(unresolvedTarget(text, couldNotAnalyse(error)));
  }
  return out;
};
