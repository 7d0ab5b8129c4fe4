/**
 * Eve (the `eve` agent framework) builds an agent from the files under the package's `agent/`
 * folder, found by where they sit, not by imports: `agent.ts` (the definition), and everything
 * under `instructions/`, `extensions/`, `memory/`, `sandbox/` (its `workspace/` too) and `tools/`.
 * A subagent is a file directly in `subagents/` or a folder `subagents/<name>/`, which is an agent
 * folder of its own, read by the same rules (and its own `subagents/`, recursively). Channels
 * (`channels/`), schedules (`schedules/`) and instrumentation (`instrumentation.ts`, or an
 * `instrumentation/` folder) belong to the top agent only: inside a subagent they are not loaded,
 * so they are left to the imports. Those files are production roots; `evals/evals.config.ts` is
 * the eval runner's config (tooling) and `evals/*.eval.ts` are the evals it runs (test). Other
 * folders (`agent/lib/`) are plain code, reached only if something imports them. The reader
 * applies to a package that depends on `eve`.
 */
import { basename, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, jsPackages, packageFilesUnder, type JsPackage } from './support.js';

const CODE = /\.([cm]?[jt]sx?)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Folders whose every code file the agent loads, at any depth of the agent's folder. */
const AGENT_FOLDERS = ['instructions', 'extensions', 'memory', 'sandbox', 'tools'];
/** Folders only the top agent has. */
const TOP_FOLDERS = ['channels', 'schedules', 'instrumentation'];
/** A folder nested deeper than this under subagents/ is not read (a cycle cannot happen in paths; this bounds the work). */
const MAX_SUBAGENT_DEPTH = 16;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'eve'));

/** The part of `file` after `dir/`, or null when it is not below it. */
const below = (file: string, dir: string): string | null => (file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : null);

/** How Eve loads a file of an agent folder (path relative to it), or null when it does not. */
const role = (rest: string, top: boolean): string | null => {
  const parts = rest.split('/');
  const [first] = parts;
  if (parts.length === 1) {
    const stem = first.replace(CODE, '');
    if (stem === 'agent') return 'its definition';
    if (top && stem === 'instrumentation') return 'its instrumentation';
    return null;
  }
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

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const code = (dir: string) => packageFilesUnder(ctx, pkg, dir).filter((f) => CODE.test(f) && !DECLARATION.test(f));
  const agentDir = joinRepo(pkg.dir, 'agent');
  if (agentDir !== null) {
    const found = new Map<string, string>();
    collectAgent(code(agentDir), agentDir, true, 0, found);
    for (const [file, why] of found) {
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'production', evidence: `Eve ${why}, loaded by the eve runtime (${pkg.manifest} depends on eve)` });
    }
  }
  const evalsDir = joinRepo(pkg.dir, 'evals');
  if (evalsDir === null) return;
  for (const file of code(evalsDir)) {
    const rest = below(file, evalsDir)!;
    if (rest.includes('/')) continue;
    if (/^evals\.config\.[cm]?[jt]s$/.test(basename(file))) {
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'tooling', evidence: `Eve evals config (${evalsDir}/), loaded by the eve eval runner` });
    } else if (/\.eval\.[cm]?[jt]sx?$/.test(basename(file))) {
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'test', evidence: `Eve eval (${evalsDir}/*.eval.*), run by the eve eval runner` });
    }
  }
};

const eve: FrameworkReader = {
  id: 'eve',
  title: 'Eve (agent files under agent/ by their folders, subagents recursively, and evals/)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Eve'),
  collect: eachPackage(packages, collectPackage),
};

export default eve;
