/**
 * GitHub Actions workflows: each step's `run:` is a command, run in the step's (or the job's /
 * workflow's default) working-directory; production when the job deploys or publishes
 * (support/ci-kind.ts), tooling otherwise. A step that `uses: ./local-action` runs that action:
 * a JavaScript action's main/pre/post files become entries, a composite action's run steps
 * commands.
 */
import { joinRepo } from '../util/path.js';
import { ciJobKind } from './support/ci-kind.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { YAML, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';
import type { EntryKind } from '../model/verdict.js';

/** Inline code in another language is not a command line. */
const NOT_SHELL = /^(python|node|ruby|perl)\b/;

const defaultsRun = (y: YamlDoc, node: YamlNode, key: string): string | undefined => y.str(y.get(y.get(y.get(node, 'defaults'), 'run'), key));

/** A working-directory as a repo folder; `${{ github.workspace }}` is the repo root. */
const repoDir = (dir: string | undefined): string => {
  if (!dir) return '';
  const cleaned = dir.replace(/^\$\{\{\s*github\.workspace\s*\}\}\/?/, '').replace(/^\.\/?/, '');
  return cleaned.includes('${{') ? '' : (joinRepo(cleaned) ?? '');
};

interface Step {
  node: YamlNode;
  index: number;
  run?: string;
  uses?: string;
}

const addLocalAction = (out: DetectorOutput, ctx: DetectorContext, uses: string, kind: EntryKind, evidence: string, line: number) => {
  const dir = joinRepo(uses.replace(/^\.\//, '').replace(/@.*$/, ''));
  if (dir === null) return;
  const actionFile = [`${dir}/action.yml`, `${dir}/action.yaml`].find((f) => ctx.files.has(f));
  if (!actionFile) return;
  // Parsed once however many steps use it; its problems are the store's to report, once.
  const [y] = ctx.manifests.get(actionFile, YAML) ?? [];
  if (!y) return;
  const runs = y.get(y.root, 'runs');
  for (const key of ['pre', 'main', 'post']) {
    const file = y.str(y.get(runs, key));
    const path = file ? joinRepo(dir, file) : null;
    if (path) out.entries.push(fileEntry(path, kind, `${evidence} uses ${uses}: ${actionFile} runs.${key}`, line));
  }
  y.items(y.get(runs, 'steps')).forEach((step, i) => {
    const run = y.str(y.get(step, 'run'));
    if (!run) return;
    const command = run.replace(/\$\{\{\s*github\.action_path\s*\}\}/g, `./${dir}`);
    addCommand(out, command, { cwd: repoDir(y.str(y.get(step, 'working-directory'))), kind, evidence: `${evidence} uses ${uses}: ${actionFile} step ${i + 1}`, line });
  });
};

const githubActions: EntryDetector = {
  id: 'github-actions',
  title: 'GitHub Actions workflows (run steps, local actions)',
  matches: (path) => /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path),
  detect: (file, ctx) => {
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
        if (step.uses?.startsWith('./')) addLocalAction(out, ctx, step.uses, kind, evidence, y.lineOf(y.get(step.node, 'uses')));
        if (!step.run || NOT_SHELL.test(y.str(y.get(step.node, 'shell')) ?? jobShell ?? '')) continue;
        const cwd = repoDir(y.str(y.get(step.node, 'working-directory')) ?? jobDir);
        addCommand(out, step.run, { cwd, kind, evidence, line: y.lineOf(y.get(step.node, 'run')) });
      }
    }
    return out;
  },
};

export default githubActions;
