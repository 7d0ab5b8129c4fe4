/**
 * Eve (the `eve` agent framework) builds an agent from the files under an agent folder, found by
 * where they sit, not by imports. A package that depends on `eve` has its agent in `agent/`, and
 * may hold several under `agents/<name>/`, each either flat (`agents/<name>/agent.ts` with its
 * folders beside it) or nested (`agents/<name>/agent/`, the same folder as a package's `agent/`).
 * Every agent folder is read by the same rules: `agent.ts` (the definition), and everything under
 * `instructions/`, `memory/`, `sandbox/` (its `workspace/` too) and `tools/`. Extensions are
 * `extensions/*.ts` (a one-file extension) or `extensions/<x>/extension.ts` with that extension's
 * own `tools/`; other files of an extension's folder (`extensions/<x>/lib/`) are its plain code,
 * reached only if something imports them. A subagent is a file directly in `subagents/` or a
 * folder `subagents/<name>/`, which is an agent folder of its own, read by the same rules (and its
 * own `subagents/`, recursively). Channels (`channels/`), schedules (`schedules/`) and
 * instrumentation (`instrumentation.ts`, or an `instrumentation/` folder) belong to a top agent
 * only: inside a subagent they are not loaded, so they are left to the imports. Those files are
 * production roots. Evals sit beside the agent folder (`evals/` beside `agent/`, or in
 * `agents/<name>/` for both forms): `evals/evals.config.ts` is the eval runner's config (tooling)
 * and `evals/*.eval.ts` are the evals it runs (test). Other folders (`agent/lib/`) are plain code,
 * reached only if something imports them.
 */
import { byString } from '../../util/compare.js';
import { basename, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, jsPackages, packageFilesUnder, type JsPackage } from './support.js';

const CODE = /\.([cm]?[jt]sx?)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Folders whose every code file the agent loads, at any depth of the agent's folder. */
const AGENT_FOLDERS = ['instructions', 'memory', 'sandbox', 'tools'];
/** Folders only the top agent has. */
const TOP_FOLDERS = ['channels', 'schedules', 'instrumentation'];
/** A folder nested deeper than this under subagents/ is not read (a cycle cannot happen in paths; this bounds the work). */
const MAX_SUBAGENT_DEPTH = 16;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'eve'));

/** The part of `file` after `dir/`, or null when it is not below it. */
const below = (file: string, dir: string): string | null => (file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : null);

const stem = (name: string): string => name.replace(CODE, '');

/** How Eve loads a file of the agent's `extensions/` (path parts below it), or null when it does not. */
const extensionRole = (parts: string[]): string | null => {
  if (parts.length === 1) return 'a one-file extension in its extensions/';
  const [name, second] = parts;
  if (parts.length === 2 && stem(second) === 'extension') return `the definition of its extension extensions/${name}/`;
  if (parts.length > 2 && second === 'tools') return `in the tools/ of its extension extensions/${name}/`;
  return null;
};

/** How Eve loads a file of an agent folder (path relative to it), or null when it does not. */
const role = (rest: string, top: boolean): string | null => {
  const parts = rest.split('/');
  const [first] = parts;
  if (parts.length === 1) {
    if (stem(first) === 'agent') return 'its definition';
    if (top && stem(first) === 'instrumentation') return 'its instrumentation';
    return null;
  }
  if (first === 'extensions') return extensionRole(parts.slice(1));
  if (AGENT_FOLDERS.includes(first) || (top && TOP_FOLDERS.includes(first))) return `in its ${first}/`;
  if (first === 'subagents' && parts.length === 2) return 'a subagent in its subagents/';
  return null;
};

const collectAgent = (files: string[], dir: string, top: boolean, depth: number, found: Map<string, string>): void => {
  const subagents = new Set<string>();
  for (const file of files) {
    const rest = below(file, dir);
    if (rest === null) continue;
    const parts = rest.split('/');
    if (parts[0] === 'subagents' && parts.length > 2) {
      subagents.add(parts[1]);
      continue;
    }
    const why = role(rest, top);
    if (why !== null && !found.has(file)) found.set(file, `${top ? 'agent' : 'subagent'} ${dir}/: ${why}`);
  }
  if (depth >= MAX_SUBAGENT_DEPTH) return;
  for (const name of [...subagents].sort()) {
    const sub = `${dir}/subagents/${name}`;
    collectAgent(files.filter((f) => f.startsWith(`${sub}/`)), sub, false, depth + 1, found);
  }
};

/** An agent's home: its agent folder, and the folder its `evals/` sit in. */
interface AgentHome {
  agentDir: string;
  evalsDir: string;
}

/**
 * The agents of a package: `agent/` (evals in the package's `evals/`), and each `agents/<name>/`
 * whose `agent/` folder holds code (nested) or that holds an `agent.*` definition itself (flat);
 * either way its evals are in `agents/<name>/evals/`.
 */
const agentHomes = (code: (dir: string) => string[], pkgDir: string): AgentHome[] => {
  const homes: AgentHome[] = [];
  const agentDir = joinRepo(pkgDir, 'agent');
  const evalsDir = joinRepo(pkgDir, 'evals');
  if (agentDir !== null && evalsDir !== null) homes.push({ agentDir, evalsDir });
  const agentsDir = joinRepo(pkgDir, 'agents');
  if (agentsDir === null) return homes;
  const byName = new Map<string, string[]>();
  for (const file of code(agentsDir)) {
    const parts = below(file, agentsDir)!.split('/');
    if (parts.length < 2) continue;
    const list = byName.get(parts[0]) ?? [];
    list.push(parts.slice(1).join('/'));
    byName.set(parts[0], list);
  }
  for (const [name, rests] of [...byName].sort(([a], [b]) => byString(a, b))) {
    const home = `${agentsDir}/${name}`;
    const nested = rests.some((r) => r.startsWith('agent/'));
    const flat = rests.some((r) => !r.includes('/') && stem(r) === 'agent');
    if (nested) homes.push({ agentDir: `${home}/agent`, evalsDir: `${home}/evals` });
    else if (flat) homes.push({ agentDir: home, evalsDir: `${home}/evals` });
  }
  return homes;
};

const collectEvals = (pkg: JsPackage, files: string[], evalsDir: string, out: FrameworkOutput) => {
  for (const file of files) {
    const rest = below(file, evalsDir)!;
    if (rest.includes('/')) continue;
    if (/^evals\.config\.[cm]?[jt]s$/.test(basename(file))) {
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'tooling', evidence: `Eve evals config (${evalsDir}/), loaded by the eve eval runner` });
    } else if (/\.eval\.[cm]?[jt]sx?$/.test(basename(file))) {
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'test', evidence: `Eve eval (${evalsDir}/*.eval.*), run by the eve eval runner` });
    }
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const code = (dir: string) => packageFilesUnder(ctx, pkg, dir).filter((f) => CODE.test(f) && !DECLARATION.test(f));
  for (const { agentDir, evalsDir } of agentHomes(code, pkg.dir)) {
    const found = new Map<string, string>();
    // A flat agent's folder holds its evals/ too: role() loads nothing from there.
    collectAgent(code(agentDir), agentDir, true, 0, found);
    for (const [file, why] of found) {
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'production', evidence: `Eve ${why}, loaded by the eve runtime (${pkg.manifest} depends on eve)` });
    }
    collectEvals(pkg, code(evalsDir), evalsDir, out);
  }
};

const eve: FrameworkReader = {
  id: 'eve',
  title: 'Eve (agent files under agent/ and agents/<name>/ by their folders, subagents recursively, and evals/)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Eve'),
  collect: eachPackage(packages, collectPackage),
};

export default eve;
