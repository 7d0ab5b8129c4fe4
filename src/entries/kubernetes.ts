/**
 * Kubernetes workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod):
 * each container's command + args is a production command. Found by content — any YAML with a
 * workload `kind:` — except CI workflows and compose files, which other detectors read. A
 * container's workingDir maps back into the repo by the deploy-folder rule (support/deploy-dir.ts).
 * Helm chart templates (`templates/*.yaml` of a folder with a Chart.yaml) are read without
 * rendering them (support/helm-template.ts): what values.yaml gives literally is filled in, any
 * other action is computed, and a command or args list that is a template census cannot fill is an
 * `entry/unresolved-command` warning naming the line and the action. Other templated manifests
 * (`{{ }}` outside a chart) are noted, not parsed.
 */
import { extname, joinRepo } from '../util/path.js';
import { mapDeployDir } from './support/deploy-dir.js';
import { isComposeFile } from '../manifests/compose.js';
import { addCommand } from './support/inputs.js';
import { joinWords } from '../util/shell-words.js';
import { parseYamlFile, YAML, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { joinHelmWords, readHelmTemplate, type HelmTemplate, type HelmValue } from './support/helm-template.js';
import { diagnostic, warning } from '../util/diagnostics.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);
/** Cheap look before parsing: most YAML files in a repo are not manifests. */
const MENTIONS_WORKLOAD = /^\s*(?:-\s+)?kind:\s*["']?(Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Pod)["']?\s*$/m;

const isCiFile = (path: string): boolean => /(^|\/)\.github\/|(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)\.gitlab\//.test(path);

/** The pod spec of a workload, wherever its kind keeps it. */
const podSpec = (y: YamlDoc, doc: YamlNode, kind: string): YamlNode => {
  const spec = y.get(doc, 'spec');
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') return y.get(y.get(y.get(y.get(spec, 'jobTemplate'), 'spec'), 'template'), 'spec');
  return y.get(y.get(spec, 'template'), 'spec');
};

/** A Helm template's `command:`/`args:` whose list is an action census could not fill, with its line. */
const opaqueList = (y: YamlDoc, c: YamlNode, key: string, helm: HelmTemplate | null): { line: number; action: string } | null => {
  if (!helm) return null;
  const entry = y.entries(c).find(([k]) => k === key);
  if (!entry || y.items(entry[1]).length > 0) return null;
  for (let line = entry[2]; line <= entry[2] + 2; line++) {
    const action = helm.opaque.get(line);
    if (action) return { line, action };
  }
  return null;
};

const readContainers = (y: YamlDoc, doc: YamlNode, path: string, ctx: { files: ReadonlySet<string> }, out: DetectorOutput, helm: HelmTemplate | null = null, chart = '') => {
  const kind = y.str(y.get(doc, 'kind')) ?? '';
  if (!WORKLOADS.has(kind)) return;
  const rawName = y.str(y.get(y.get(doc, 'metadata'), 'name')) ?? '?';
  const name = helm && rawName.includes('${') ? '?' : rawName;
  const spec = podSpec(y, doc, kind);
  const where = helm ? `kubernetes ${path} (Helm chart ${chart || '.'})` : `kubernetes ${path}`;
  for (const list of ['initContainers', 'containers']) {
    for (const c of y.items(y.get(spec, list))) {
      const container = y.str(y.get(c, 'name')) ?? '?';
      const evidence = `${where} ${kind} "${name}" container "${container}"`;
      for (const key of ['command', 'args']) {
        const stuck = opaqueList(y, c, key, helm);
        if (stuck) {
          out.diagnostics.push(
            warning('entry/unresolved-command', `${evidence} ${key}: census cannot tell what this runs: it stopped at "${stuck.action}", which values.yaml does not give as a literal list`, path, stuck.line),
          );
        }
      }
      const command = y.items(y.get(c, 'command')).map((n) => y.str(n) ?? '');
      const args = y.items(y.get(c, 'args')).map((n) => y.str(n) ?? '');
      if (command.length + args.length === 0) continue;
      const workingDir = y.str(y.get(c, 'workingDir'));
      const { cwd, pathMap } = workingDir && !workingDir.includes('${') ? mapDeployDir(workingDir, ctx.files) : { cwd: '', pathMap: [] };
      const line = y.lineOf(command.length > 0 ? y.get(c, 'command') : y.get(c, 'args'));
      addCommand(out, helm ? joinHelmWords([...command, ...args], helm) : joinWords([...command, ...args]), {
        cwd,
        pathMap,
        kind: 'production',
        evidence: `${evidence}${command.length === 0 ? ' args' : ''}`,
        line,
      });
    }
  }
};

/** The chart folder a template belongs to: `<chart>/templates/…` beside a `<chart>/Chart.yaml`. */
const chartOf = (path: string, files: ReadonlySet<string>): string | null => {
  const parts = path.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] !== 'templates') continue;
    const chart = parts.slice(0, i).join('/');
    if (files.has(joinRepo(chart, 'Chart.yaml') ?? '')) return chart;
  }
  return null;
};

/** A values path in the chart's values.yaml: a scalar as text, a list of scalars, else nothing literal. */
const valuesOf = (chart: string, ctx: DetectorContext): ((path: string[]) => HelmValue) => {
  const docs = ctx.manifests.get(joinRepo(chart, 'values.yaml') ?? 'values.yaml', YAML) ?? [];
  return (path) => {
    const y = docs[0];
    if (!y) return undefined;
    let node: YamlNode = y.root;
    for (const key of path) node = y.get(node, key);
    if (node === undefined || node === null) return undefined;
    if (y.isSeq(node)) {
      const items = y.items(node).map((n) => y.str(n));
      return items.every((t): t is string => t !== undefined) ? items : undefined;
    }
    return y.str(node);
  };
};

const readHelm = (file: { path: string; text: string }, chart: string, ctx: DetectorContext, out: DetectorOutput): void => {
  const chartName = ctx.manifests.get(joinRepo(chart, 'Chart.yaml') ?? 'Chart.yaml', YAML)?.[0];
  const helm = readHelmTemplate(file.text, { values: valuesOf(chart, ctx), ...(chartName ? { chartName: chartName.str(chartName.get(chartName.root, 'name')) } : {}) });
  const { docs, diagnostics } = parseYamlFile(helm.text, file.path);
  // What does not parse once the actions are stripped is a template census does not read, not bad YAML.
  if (diagnostics.length > 0) out.diagnostics.push(diagnostic('kubernetes/templated', 'info', `Helm template not read as YAML once its actions are stripped (${diagnostics[0].message})`, file.path, diagnostics[0].location?.line));
  for (const y of docs) readContainers(y, y.root, file.path, ctx, out, helm, chart);
};

const kubernetes: EntryDetector = {
  id: 'kubernetes',
  title: 'Kubernetes workloads (containers\' command and args)',
  // The suffix test first: every repo path comes here, and a handful are YAML.
  matches: (path) => (path.endsWith('.yml') || path.endsWith('.yaml')) && ['.yml', '.yaml'].includes(extname(path)) && !isCiFile(path) && !isComposeFile(path),
  candidates: { extensions: ['yml', 'yaml'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    // Every YAML file comes here, lockfiles of megabytes among them: the regex's `^\s*` under /m
    // tries every line start and runs of blank space, the substring test skips a file in one pass.
    if (!file.text.includes('kind:') || !MENTIONS_WORKLOAD.test(file.text)) return out;
    if (/\{\{/.test(file.text)) {
      const chart = chartOf(file.path, ctx.files);
      if (chart !== null) {
        readHelm(file, chart, ctx, out);
        return out;
      }
      out.diagnostics.push(diagnostic('kubernetes/templated', 'info', 'templated manifest ({{ }}): not read until rendered', file.path));
      return out;
    }
    for (const y of ctx.manifests.get(file.path, YAML) ?? []) {
      const root = y.root;
      if (y.str(y.get(root, 'kind')) === 'List') for (const item of y.items(y.get(root, 'items'))) readContainers(y, item, file.path, ctx, out);
      else readContainers(y, root, file.path, ctx, out);
    }
    return out;
  },
};

export default kubernetes;
