/**
 * Command targets → repo files. A file path is checked against the file list; a Python module
 * goes through the Python resolver with the command's folder on the path (as `python -m` and
 * uvicorn put it there); `npm run x` and `make x` are followed into the script or recipe they
 * name, so a CI step `npm run build` reaches the file the build script runs.
 */
import { safeRegExp } from '../util/safe-regex.js';
import { compileRepoGlob } from '../util/glob.js';
import { analyseCommand } from '../commandline/analyse.js';
import { INERT_PROGRAMS } from '../commandline/inert-programs.js';
import { mapAbsolute, pathMapKey } from '../commandline/paths.js';
import type { CommandContext, CommandTarget } from '../commandline/types.js';
import { MAKEFILE, MAKEFILE_INCLUDES, type MakeTarget } from '../manifests/makefile.js';
import { packageJsonObject, packageScripts } from '../manifests/package-json.js';
import type { Manifests } from '../manifests/store.js';
import { readGunicornConfig, readUwsgiConfig } from '../entries/support/server-config.js';
import { namedProgramFiles } from '../entries/support/tsconfig-files.js';
import type { ImportResolver } from '../resolve/types.js';
import { byString } from '../util/compare.js';
import { selectWorkspacePackages } from './workspace-selection.js';
import { pathsWithPrefix } from '../util/file-index.js';
import { dirname, joinRepo } from '../util/path.js';

export interface TargetFile {
  file: string;
  /** How the command reaches the file, for evidence: `npm script "build" (web/package.json): node scripts/build.js`. */
  via: string[];
}

export interface UnresolvedTarget {
  reason: string;
  /** True when the target is computed (`$VAR`), false when it names something that does not exist. */
  dynamic: boolean;
  /** A Python module the repo does not have: it may well be installed, so it is not a missing file. */
  module?: boolean;
  /** A repo file the image's build context leaves out (.dockerignore): only the ignored file would have matched. */
  dockerignored?: boolean;
}

/** `unknown`: programs the command line itself runs that census has no record of (not those of the scripts it follows). */
export type TargetResult = { files: TargetFile[]; unresolved: UnresolvedTarget[]; unknown?: string[] };

const missing = (reason: string): UnresolvedTarget => ({ reason, dynamic: false });

export interface TargetContext {
  files: ReadonlySet<string>;
  python: ImportResolver;
  manifests: Manifests;
  /** Built output → its source file (`dist/cli.js` → `src/cli.ts`). */
  sourceOfBuilt(path: string): string | null;
}

const MAX_DEPTH = 4;

/**
 * What a runner tries after the name as written, as Node's main-module resolution does:
 * `node scripts/seed` runs scripts/seed.js (or scripts/seed/index.js); tsx and ts-node try the
 * TypeScript extensions first; Bun resolves a file it runs as it resolves an import (`bun run
 * ./entry` runs entry.tsx, .jsx, .ts, .mjs, .js, .cjs, then entry/index.* in that order).
 */
const BUN_EXTENSIONS = ['.tsx', '.jsx', '.ts', '.mjs', '.js', '.cjs'];
const RUNNER_PROBES: Record<string, string[]> = {
  node: ['.js', '/index.js'],
  nodejs: ['.js', '/index.js'],
  tsx: ['.ts', '.tsx', '.js', '/index.ts', '/index.js'],
  'ts-node': ['.ts', '.tsx', '.js', '/index.ts', '/index.js'],
  bun: [...BUN_EXTENSIONS, ...BUN_EXTENSIONS.map((e) => `/index${e}`)],
};

const SIBLING_SOURCES: [string, string][] = [['.ts', '.tsx'], ['.js', '.ts'], ['.js', '.tsx'], ['.js', '.jsx'], ['.mjs', '.mts'], ['.cjs', '.cts']];

/**
 * A command context as a memo key: its JSON, with the path map's JSON kept per map. Every deploy
 * or CI line carries the scan's shared deploy map (payload: 12 mappings, 1.5 KB of JSON), and the
 * key was made twice per command, once more per followed script, from the whole context; the map
 * is one array for all of them. Two contexts with the same fields and values give the same key.
 */
const contextKeys = new WeakMap<CommandContext, string>();
export const contextKey = (cmdCtx: CommandContext): string => {
  let key = contextKeys.get(cmdCtx);
  if (key !== undefined) return key;
  const { pathMap, ...rest } = cmdCtx;
  key = `${JSON.stringify(rest)}\0${pathMap === undefined ? '' : pathMapKey(pathMap)}`;
  contextKeys.set(cmdCtx, key);
  return key;
};

export const createTargetResolver = (ctx: TargetContext) => {
  // The same script body is reached from many commands (every `pnpm build` in a monorepo's CI and
  // docs): its shell analysis depends only on the text and the command context, so it runs once.
  const analysed = new Map<string, CommandTarget[]>();
  const analyse = (text: string, cmdCtx: CommandContext): CommandTarget[] => {
    const key = `${contextKey(cmdCtx)}\0${text}`;
    let targets = analysed.get(key);
    // In one shape: callers build contexts with the optional fields each has (and spreads of
    // them), and V8 recompiled the shell analysis (inlined here) for each new shape it met.
    if (!targets) analysed.set(key, (targets = analyseCommand(text, { cwd: cmdCtx.cwd, pathMap: cmdCtx.pathMap, env: cmdCtx.env, scriptDir: cmdCtx.scriptDir })));
    return targets;
  };

  // A package's scripts, copied out of its manifest once per package, not once per ask: payload's
  // commands asked 1,036 times about 75 packages (`pnpm -r` runs ask every package), 54,000
  // scripts copied. Callers only read them.
  const scriptsOf = new Map<string, Readonly<Record<string, string>>>();
  const scriptsIn = (pkg: string): Readonly<Record<string, string>> => {
    let scripts = scriptsOf.get(pkg);
    if (scripts === undefined) scriptsOf.set(pkg, (scripts = packageScripts(ctx.manifests, pkg)));
    return scripts;
  };

  /** `x.ts` named where `x.tsx` is (a package.json export), `x.js` where its TypeScript source sits beside it. */
  const sibling = (path: string): string | null => {
    for (const [from, to] of SIBLING_SOURCES) {
      if (!path.endsWith(from)) continue;
      const candidate = path.slice(0, -from.length) + to;
      if (ctx.files.has(candidate)) return candidate;
    }
    return null;
  };

  const repoFile = (path: string): string | null => (ctx.files.has(path) ? path : (ctx.sourceOfBuilt(path) ?? sibling(path)));

  /** A file name that is not a repo file as its runner completes it (`node scripts/seed`). */
  const probe = (path: string, launcher: string): string | null => {
    for (const suffix of RUNNER_PROBES[launcher] ?? []) {
      const file = repoFile(`${path}${suffix}`);
      if (file) return file;
    }
    return null;
  };

  /** `runs`: the module is run (`python -m pkg`, a command's module target), so a package's `__main__.py` runs too; an import (`pkg:main`) runs none. */
  const moduleFiles = (module: string, cwd: string, importer?: string, runs = false): string[] => {
    const fromFile = importer ?? joinRepo(cwd, '__census_command__.py') ?? '__census_command__.py';
    const resolutions = ctx.python.resolve({ specifier: module, syntax: 'import', line: 0, names: [], guard: null }, fromFile);
    const primary = resolutions[0]?.to ?? null;
    if (primary === null) return [];
    // `python -m pkg` (not an import) runs pkg/__main__.py after pkg/__init__.py; importing a.b.c runs a/ and a/b/'s __init__.py.
    const main = runs && importer === undefined && primary.endsWith('/__init__.py') ? primary.replace(/__init__\.py$/, '__main__.py') : null;
    const inits = resolutions.filter((r) => r.via === 'package-init' && r.to !== null).map((r) => r.to!);
    return [primary, ...(main && ctx.files.has(main) ? [main] : []), ...inits];
  };

  /** The repo folders of the command's PYTHONPATH entries: absolute ones through the deploy's path map, relative ones from its folder. */
  const pythonPathDirs = (cmdCtx: CommandContext): { entry: string; dir: string }[] => {
    const out: { entry: string; dir: string }[] = [];
    for (const entry of (cmdCtx.env?.PYTHONPATH ?? '').split(':')) {
      if (entry === '' || entry.includes('$')) continue;
      const dir = entry.startsWith('/') ? mapAbsolute(entry.replace(/\/+$/, ''), cmdCtx.pathMap) : joinRepo(cmdCtx.cwd.startsWith('/') ? (mapAbsolute(cmdCtx.cwd, cmdCtx.pathMap) ?? '') : cmdCtx.cwd, entry);
      if (dir !== null && !out.some((o) => o.dir === dir)) out.push({ entry, dir });
    }
    return out;
  };

  const resolveTarget = (target: CommandTarget, cmdCtx: CommandContext, depth: number, seen: Set<string>): TargetResult => {
    const none: TargetResult = { files: [], unresolved: [] };
    switch (target.kind) {
      case 'file': {
        const file = repoFile(target.path) ?? probe(target.path, target.launcher);
        if (file) return { files: [{ file, via: target.mappedBy ? [`(${target.mappedBy})`] : [] }], unresolved: [] };
        if (target.ifPresent) return none;
        // A program of the base image (`/init`) seen through a repo folder copied to `/`: not the repo's file.
        if (target.underRoot && target.launcher === 'direct') {
          const program = target.path.slice(target.path.lastIndexOf('/') + 1);
          return { files: [], unresolved: [], ...(INERT_PROGRAMS.has(program) ? {} : { unknown: [program] }) };
        }
        return { files: [], unresolved: [missing(`${target.text}: no such file ${target.path}`)] };
      }
      case 'module': {
        // Only a module run as the program (`python -m pkg`) runs a package's __main__.py; `gunicorn pkg:app` imports pkg.
        const runs = target.runs === true;
        let files = moduleFiles(target.module, target.cwd ?? cmdCtx.cwd, undefined, runs);
        let via: string[] = [];
        // PYTHONPATH from the command's environment (an image's ENV, a unit's Environment=) is searched next.
        for (const p of files.length === 0 ? pythonPathDirs(cmdCtx) : []) {
          files = moduleFiles(target.module, p.dir, undefined, runs);
          via = [`(found on PYTHONPATH ${p.entry}${p.dir === p.entry ? '' : `, ${p.dir || '.'} in the repo`})`];
          if (files.length > 0) break;
        }
        if (files.length > 0) return { files: files.map((file) => ({ file, via })), unresolved: [] };
        return target.ifPresent ? none : { files: [], unresolved: [{ ...missing(`${target.text}: no module ${target.module} in the repo`), module: true }] };
      }
      case 'config': {
        const file = repoFile(target.path);
        if (!file) return target.ifPresent ? none : { files: [], unresolved: [missing(`${target.text}: no such file ${target.path}`)] };
        // The command a config stands for may name the config again (gunicorn's default one): once is enough.
        const key = `${file}#${target.reader}`;
        if (seen.has(key)) return none;
        // tsc type-checks the files its tsconfig names: those, not the config, are what the command reaches.
        if (target.reader === 'tsconfig') return { files: namedProgramFiles(ctx.manifests, file).map((p) => ({ file: p.file, via: [p.why] })), unresolved: [] };
        const out: TargetResult = { files: [{ file, via: [] }], unresolved: [] };
        const text = ctx.manifests.text(file);
        const settings = text === null ? null : target.reader === 'uwsgi' ? readUwsgiConfig(text, file) : readGunicornConfig(text);
        if (settings === null || settings.options === '') return out;
        const inner = followCommand(`${target.reader} ${settings.options}`, { ...cmdCtx, cwd: target.cwd }, depth + 1, seen, key);
        for (const f of inner.files) out.files.push({ file: f.file, via: [`${file} sets ${settings.shown}`, ...f.via] });
        out.unresolved.push(...inner.unresolved);
        return out;
      }
      case 'npm-script': {
        const pkg = ctx.manifests.nearest(target.cwd, 'package.json');
        if (!pkg) return { files: [], unresolved: [missing(`${target.text}: no package.json at or above ${target.cwd || '.'}`)] };
        const scripts = scriptsIn(pkg);
        const out: TargetResult = { files: [], unresolved: [] };
        for (const name of [`pre${target.name}`, target.name, `post${target.name}`]) {
          const body = scripts[name];
          if (body === undefined) {
            if (name === target.name && !['test', 'start', 'install'].includes(name)) out.unresolved.push(missing(`${target.text}: no script "${name}" in ${pkg}`));
            continue;
          }
          // npm, pnpm and yarn append the words after the script's name to its command (`pnpm runts src/x.ts`)
          const args = name === target.name ? target.args : undefined;
          const command = args === undefined ? body : `${body} ${args}`;
          const key = `${pkg}#${name}${args === undefined ? '' : ` ${args}`}`;
          const inner = followCommand(command, { cwd: dirname(pkg) }, depth + 1, seen, key);
          const step = args === undefined ? `${pkg} script "${name}": ${body}` : `${pkg} script "${name}" with ${args}: ${body}`;
          for (const f of inner.files) out.files.push({ file: f.file, via: [step, ...f.via] });
          out.unresolved.push(...inner.unresolved);
        }
        return out;
      }
      case 'workspace-run': {
        const chosen = selectWorkspacePackages(ctx.manifests, target.manager, target.select, target.cwd);
        if ('reason' in chosen) return { files: [], unresolved: [missing(`${target.text}: ${chosen.reason}`)] };
        const out: TargetResult = { files: [], unresolved: [] };
        const add = (r: TargetResult): void => {
          out.files.push(...r.files);
          out.unresolved.push(...r.unresolved);
        };
        if (target.command !== undefined) {
          for (const pkg of chosen.packages) add(followCommand(target.command, { cwd: pkg.dir }, depth + 1, seen, `${pkg.dir}#${target.command}`));
          return out;
        }
        const script = target.script ?? '';
        // Like pnpm -r and npm --workspaces, a package without the script is skipped; none having it is a finding.
        const running = chosen.packages.filter((pkg) => {
          const scripts = scriptsIn(joinRepo(pkg.dir, 'package.json') ?? 'package.json');
          return [`pre${script}`, script, `post${script}`].some((n) => Object.hasOwn(scripts, n));
        });
        if (running.length === 0) {
          const names = chosen.packages.map((p) => p.name ?? (p.dir || '.')).join(', ');
          return { files: [], unresolved: [missing(`${target.text}: no script "${script}" in ${chosen.packages.length === 1 ? 'the package it picks' : 'any package it picks'} (${names})`)] };
        }
        for (const pkg of running) add(resolveTarget({ kind: 'npm-script', name: script, cwd: pkg.dir, launcher: target.launcher, text: target.text }, cmdCtx, depth, seen));
        return out;
      }
      case 'make-target': {
        const makefile = ctx.files.has(target.makefile) ? target.makefile : null;
        if (!makefile) return { files: [], unresolved: [missing(`${target.text}: no Makefile ${target.makefile}`)] };
        const all = ctx.manifests.get(makefile, MAKEFILE) ?? new Map<string, never>();
        // A bare `make` builds the first target that is not a special one (.PHONY, .DEFAULT, ...).
        const name = target.target === '' ? ([...all.keys()].find((t) => !t.startsWith('.')) ?? '') : target.target;
        const recipe = all.get(name) ?? includedTarget(makefile, name);
        if (!recipe) return { files: [], unresolved: [missing(`${target.text}: no target "${name}" in ${makefile}`)] };
        const out: TargetResult = { files: [], unresolved: [] };
        for (const line of recipe.recipe) {
          const inner = followCommand(line, { cwd: dirname(makefile) }, depth + 1, seen, `${makefile}#${name}#${line}`);
          for (const f of inner.files) out.files.push({ file: f.file, via: [`${makefile} target "${name}": ${line}`, ...f.via] });
          out.unresolved.push(...inner.unresolved);
        }
        return out;
      }
      case 'test-run': {
        const files = target.paths.filter((p) => ctx.files.has(p));
        return { files: files.map((file) => ({ file, via: [] })), unresolved: [] };
      }
      case 'unresolved':
        return { files: [], unresolved: [{ reason: `${target.text}: ${target.reason}`, dynamic: true, ...(target.dockerignored ? { dockerignored: true } : {}) }] };
      case 'unknown-program':
        return { files: [], unresolved: [], unknown: [target.program] };
    }
  };

  /** A target defined in a makefile that `makefile` includes (paths relative to its folder), two levels deep. */
  const includedTarget = (makefile: string, name: string, depth = 0): MakeTarget | undefined => {
    if (depth > 2) return undefined;
    for (const include of ctx.manifests.get(makefile, MAKEFILE_INCLUDES) ?? []) {
      for (const p of include.paths) {
        const path = joinRepo(dirname(makefile), p);
        if (path === null || !ctx.files.has(path)) continue;
        const found = ctx.manifests.get(path, MAKEFILE)?.get(name) ?? includedTarget(path, name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };

  const followCommand = (text: string, cmdCtx: CommandContext, depth: number, seen: Set<string>, key: string): TargetResult => {
    if (depth > MAX_DEPTH || seen.has(key)) return { files: [], unresolved: [] };
    seen.add(key);
    const out: TargetResult = { files: [], unresolved: [] };
    for (const target of analyse(text, cmdCtx)) {
      const r = resolveTarget(target, cmdCtx, depth, seen);
      out.files.push(...r.files);
      out.unresolved.push(...r.unresolved);
      if (r.unknown) (out.unknown ??= []).push(...r.unknown);
    }
    seen.delete(key);
    return out;
  };

  // The same command line is asked about again and again (a code block in many docs, a script
  // run from every copy of a template): the answer is a function of the line and its context.
  const commands = new Map<string, TargetResult>();
  const modules = new Map<string, string[]>();

  return {
    /** Every repo file a command line runs, directly or through npm scripts and make targets. */
    command: (text: string, cmdCtx: CommandContext): TargetResult => {
      const key = `${contextKey(cmdCtx)}\0${text}`;
      let known = commands.get(key);
      if (!known) commands.set(key, (known = followCommand(text, cmdCtx, 0, new Set(), `${cmdCtx.cwd}#${text}`)));
      return { files: [...known.files], unresolved: [...known.unresolved], ...(known.unknown ? { unknown: [...known.unknown] } : {}) };
    },
    /** A repo path as named by a manifest: the file itself, or the source of a built file. */
    file: repoFile,
    /**
     * A package.json a package is run from: one with a name or scripts. A `{"type": "commonjs"}`
     * stub that a dual build drops into dist/cjs/ only sets how node reads the folder's files.
     */
    isPackageRoot: (path: string): boolean => {
      const pkg = packageJsonObject(ctx.manifests, path);
      return pkg !== null && (typeof pkg.name === 'string' || (typeof pkg.scripts === 'object' && pkg.scripts !== null));
    },
    /**
     * The repo files a glob matches (`src/pages/*.vue`), never under node_modules; `filter`, a
     * regular expression source, is tested against `./` + the path below the glob's static folder.
     */
    glob: (pattern: string, filter?: string): string[] => {
      const base = pattern.slice(0, pattern.search(/[*?{[]|$/)).replace(/[^/]*$/, '');
      // The filter comes from the repo: one that could backtrack for ever (or does not compile) names nothing.
      const test = filter === undefined ? null : safeRegExp(filter);
      if (filter !== undefined && test === null) return [];
      const match = compileRepoGlob(pattern);
      return pathsWithPrefix(ctx.files, base).filter((f) => !f.includes('node_modules/') && match(f) && (test === null || test.test(`./${f.slice(base.length)}`)));
    },
    /**
     * A Python module (`pkg.cli`) as the console-script machinery would import it (or, given
     * `importer`, as that repo file's own import would). Stop 61: an import, so a package gives its
     * `__init__.py`, never its `__main__.py` (a console script `app = pkg:main` made pkg/__main__.py
     * "an entry point: setup.py console_scripts"); only a command's `python -m pkg` runs that.
     */
    module: (module: string, cwd = '', importer?: string): string[] => {
      const key = importer === undefined ? `${cwd}\0${module}` : `\0${importer}\0${module}`;
      let known = modules.get(key);
      if (!known) modules.set(key, (known = moduleFiles(module, cwd, importer)));
      return [...known];
    },
  };
};

export type TargetResolver = ReturnType<typeof createTargetResolver>;
