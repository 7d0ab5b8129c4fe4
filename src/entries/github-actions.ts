/**
 * GitHub Actions workflows: each step's `run:` is a command, run in the step's (or the job's /
 * workflow's default) working-directory; production when the job deploys or publishes
 * (support/ci-kind.ts), tooling otherwise. A step that `uses: ./local-action` runs that action:
 * a JavaScript action's pre/main/post files become entries, a composite action's run steps
 * commands (and its own `uses: ./other` steps, the other action), all with the job's kind.
 * An action.yml is also read on its own: an action outside .github/ is one the repository
 * publishes (`uses: owner/repo/path@ref` in other repositories), so what it runs is production;
 * one under .github/ that no workflow here uses is still CI's, so tooling.
 */
import { joinRepo } from '../util/path.js';
import { ciJobKind } from './support/ci-kind.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { YAML, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';
import type { EntryKind } from '../model/verdict.js';
import type { PathMapping } from '../commandline/types.js';
import { escapeRegExp } from '../util/regexp.js';

/** Inline code in another language is not a command line. */
const NOT_SHELL = /^(python|node|ruby|perl)\b/;
const WORKFLOW = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION = /(^|\/)action\.ya?ml$/;
/** Where a runner checks the repository out; `$GITHUB_WORKSPACE` and `$GITHUB_ACTION_PATH` (a local action's folder) lie under it. */
const WORKSPACE = '/home/runner/work/_repo/_repo';
/** How deep composite actions that use other local actions are followed. */
const MAX_ACTION_DEPTH = 4;

const defaultsRun = (y: YamlDoc, node: YamlNode, key: string): string | undefined => y.str(y.get(y.get(y.get(node, 'defaults'), 'run'), key));

/** A working-directory as a repo folder; `${{ github.workspace }}` is the repo root. */
const repoDir = (dir: string | undefined): string => {
  if (!dir) return '';
  const cleaned = dir.replace(/^\$\{\{\s*github\.workspace\s*\}\}\/?/, '').replace(/^\.\/?/, '');
  return cleaned.includes('${{') ? '' : (joinRepo(cleaned) ?? '');
};

/**
 * A run line with GitHub's expressions for the checkout and the action's folder written as the
 * variables the runner sets, and the environment that places those in the repo (so
 * `node "$GITHUB_ACTION_PATH/helper.mjs"` names the action's helper whatever the step's folder).
 */
const placeRun = (run: string, actionDir: string | null): { command: string; env?: Record<string, string>; pathMap?: PathMapping[] } => {
  const command = run.replace(/\$\{\{\s*github\.action_path\s*\}\}/g, '$GITHUB_ACTION_PATH').replace(/\$\{\{\s*github\.workspace\s*\}\}/g, '$GITHUB_WORKSPACE');
  if (!/\$\{?GITHUB_(WORKSPACE|ACTION_PATH)\b/.test(command)) return { command };
  const env: Record<string, string> = { GITHUB_WORKSPACE: WORKSPACE };
  const pathMap: PathMapping[] = [{ from: WORKSPACE, to: '', label: '$GITHUB_WORKSPACE is the checkout' }];
  if (actionDir !== null) {
    env.GITHUB_ACTION_PATH = `${WORKSPACE}/${actionDir}`;
    pathMap.unshift({ from: env.GITHUB_ACTION_PATH, to: actionDir, label: `$GITHUB_ACTION_PATH is ${actionDir}` });
  }
  return { command, env, pathMap };
};

interface Step {
  node: YamlNode;
  index: number;
  run?: string;
  uses?: string;
}

/** The folder and action.yml a `uses: ./x` names, when the repo has it. */
const localAction = (ctx: DetectorContext, uses: string): { dir: string; file: string } | null => {
  const dir = joinRepo(uses.replace(/^\.\//, '').replace(/@.*$/, '').replace(/\/+$/, ''));
  if (dir === null) return null;
  const file = [`${dir}/action.yml`, `${dir}/action.yaml`].map((f) => (dir === '' ? f.slice(1) : f)).find((f) => ctx.files.has(f));
  return file ? { dir, file } : null;
};

/**
 * What an action runs: a JavaScript action's `runs.pre`/`main`/`post` files (`using: node20`),
 * a composite action's `run` steps as commands and its `uses: ./other` steps followed. `evidence`
 * is how the action is reached; every sentence adds the action file's key. `line` is the line of
 * the workflow's `uses:` when a workflow reached it, else each key's own line in the action file.
 */
const addActionRuns = (out: DetectorOutput, ctx: DetectorContext, action: { dir: string; file: string }, kind: EntryKind, evidence: string, line: number | undefined, depth = 0): void => {
  // Parsed once however many steps use it; its problems are the store's to report, once.
  const [y] = ctx.manifests.get(action.file, YAML) ?? [];
  if (!y) return;
  const runs = y.get(y.root, 'runs');
  const using = y.str(y.get(runs, 'using')) ?? '';
  if (/^node/.test(using)) {
    for (const key of ['pre', 'main', 'post']) {
      const file = y.str(y.get(runs, key));
      const path = file ? joinRepo(action.dir, file.replace(/^\.\//, '')) : null;
      if (path) out.entries.push(fileEntry(path, kind, `${evidence}: ${action.file} runs.${key} (a ${using} action)`, line ?? y.lineOf(y.get(runs, key))));
    }
  }
  y.items(y.get(runs, 'steps')).forEach((step, i) => {
    const stepEvidence = `${evidence}: ${action.file} step ${i + 1}`;
    const uses = y.str(y.get(step, 'uses'));
    const inner = uses?.startsWith('./') ? localAction(ctx, uses) : null;
    if (inner && inner.file !== action.file && depth < MAX_ACTION_DEPTH) addActionRuns(out, ctx, inner, kind, `${stepEvidence} uses ${uses}`, line, depth + 1);
    const run = y.str(y.get(step, 'run'));
    if (!run || NOT_SHELL.test(y.str(y.get(step, 'shell')) ?? '')) return;
    const placed = placeRun(run, action.dir);
    addCommand(out, placed.command, { ...placed, cwd: repoDir(y.str(y.get(step, 'working-directory'))), kind, evidence: stepEvidence, line: line ?? y.lineOf(y.get(step, 'run')) });
  });
};

/** The repo's workflows and action files, in file-set order: found once per file set, not once per action asked about. */
const workflowFiles = new WeakMap<ReadonlySet<string>, { size: number; paths: string[] }>();
const workflowsAndActions = (files: ReadonlySet<string>): string[] => {
  let found = workflowFiles.get(files);
  // Again if the set has changed size, as util/file-index's views are.
  if (found === undefined || found.size !== files.size) {
    found = { size: files.size, paths: [] };
    for (const f of files) if (WORKFLOW.test(f) || ACTION.test(f)) found.paths.push(f);
    workflowFiles.set(files, found);
  }
  return found.paths;
};

/** True when a workflow or another action of the repo has a `uses: ./<dir>` step. */
const usedHere = (ctx: DetectorContext, dir: string): boolean => {
  const named = new RegExp(String.raw`\buses:\s*["']?\./${escapeRegExp(dir)}/?["']?\s*$`, 'm');
  for (const f of workflowsAndActions(ctx.files)) {
    const text = ctx.manifests.text(f);
    if (text !== null && named.test(text)) return true;
  }
  return false;
};

/** An action.yml read on its own: see the header for its kind. */
const detectAction = (path: string, ctx: DetectorContext): DetectorOutput => {
  const out = emptyOutput();
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const ci = dir === '.github' || dir.startsWith('.github/');
  // A CI action a workflow uses is read there, with the job's kind and the step as evidence.
  if (ci && usedHere(ctx, dir)) return out;
  const evidence = ci ? 'a GitHub Action no workflow here uses' : "a GitHub Action the repository publishes (other repositories' workflows run it)";
  addActionRuns(out, ctx, { dir, file: path }, ci ? 'tooling' : 'production', evidence, undefined);
  return out;
};

const githubActions: EntryDetector = {
  id: 'github-actions',
  title: 'GitHub Actions workflows (run steps, local actions) and action.yml',
  matches: (path) => (path.endsWith('.yml') || path.endsWith('.yaml')) && (WORKFLOW.test(path) || ACTION.test(path)),
  candidates: { extensions: ['yml', 'yaml'] },
  detect: (file, ctx) => {
    if (!WORKFLOW.test(file.path)) return detectAction(file.path, ctx);
    const out = emptyOutput();
    const y = ctx.manifests.get(file.path, YAML)?.[0];
    if (!y) return out;
    const workflow = y.root;
    const workflowName = y.str(y.get(workflow, 'name'));
    for (const [jobId, job] of y.entries(y.get(workflow, 'jobs'))) {
      const steps: Step[] = y.items(y.get(job, 'steps')).map((node, index) => ({ node, index, run: y.str(y.get(node, 'run')), uses: y.str(y.get(node, 'uses')) }));
      const environment = y.get(job, 'environment');
      const kind = ciJobKind({
        names: [workflowName, jobId, y.str(y.get(job, 'name')), ...steps.map((s) => y.str(y.get(s.node, 'name')))],
        uses: steps.flatMap((s) => (s.uses ? [s.uses] : [])),
        commands: steps.flatMap((s) => (s.run ? [s.run] : [])),
        environment: y.str(environment) ?? y.str(y.get(environment, 'name')),
      });
      const jobDir = defaultsRun(y, job, 'working-directory') ?? defaultsRun(y, workflow, 'working-directory');
      const jobShell = defaultsRun(y, job, 'shell') ?? defaultsRun(y, workflow, 'shell');
      for (const step of steps) {
        const name = y.str(y.get(step.node, 'name'));
        const evidence = `GitHub Actions ${file.path} job "${jobId}" step ${name ? `"${name}"` : step.index + 1}`;
        const action = step.uses?.startsWith('./') ? localAction(ctx, step.uses) : null;
        if (action) addActionRuns(out, ctx, action, kind, `${evidence} uses ${step.uses}`, y.lineOf(y.get(step.node, 'uses')));
        if (!step.run || NOT_SHELL.test(y.str(y.get(step.node, 'shell')) ?? jobShell ?? '')) continue;
        const cwd = repoDir(y.str(y.get(step.node, 'working-directory')) ?? jobDir);
        const placed = placeRun(step.run, null);
        addCommand(out, placed.command, { ...placed, cwd, kind, evidence, line: y.lineOf(y.get(step.node, 'run')) });
      }
    }
    return out;
  },
};

export default githubActions;
