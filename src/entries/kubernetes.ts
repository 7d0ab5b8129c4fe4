/**
 * Kubernetes workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod):
 * each container's command + args is a production command. Found by content — any YAML with a
 * workload `kind:` — except CI workflows and compose files, which other detectors read. A
 * container's workingDir maps back into the repo by the deploy-folder rule (support/deploy-dir.ts).
 * Templated manifests (Helm `{{ }}`) are not YAML until rendered: they are noted, not parsed.
 */
import { diagnostic } from '../util/diagnostics.js';
import { extname } from '../util/path.js';
import { mapDeployDir } from './support/deploy-dir.js';
import { isComposeFile } from '../manifests/compose.js';
import { addCommand } from './support/inputs.js';
import { joinWords } from '../util/shell-words.js';
import { YAML, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { emptyOutput, type DetectorOutput, type EntryDetector } from './types.js';

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

const readContainers = (y: YamlDoc, doc: YamlNode, path: string, ctx: { files: ReadonlySet<string> }, out: DetectorOutput) => {
  const kind = y.str(y.get(doc, 'kind')) ?? '';
  if (!WORKLOADS.has(kind)) return;
  const name = y.str(y.get(y.get(doc, 'metadata'), 'name')) ?? '?';
  const spec = podSpec(y, doc, kind);
  for (const list of ['initContainers', 'containers']) {
    for (const c of y.items(y.get(spec, list))) {
      const command = y.items(y.get(c, 'command')).map((n) => y.str(n) ?? '');
      const args = y.items(y.get(c, 'args')).map((n) => y.str(n) ?? '');
      if (command.length + args.length === 0) continue;
      const workingDir = y.str(y.get(c, 'workingDir'));
      const { cwd, pathMap } = workingDir ? mapDeployDir(workingDir, ctx.files) : { cwd: '', pathMap: [] };
      const container = y.str(y.get(c, 'name')) ?? '?';
      const line = y.lineOf(command.length > 0 ? y.get(c, 'command') : y.get(c, 'args'));
      addCommand(out, joinWords([...command, ...args]), {
        cwd,
        pathMap,
        kind: 'production',
        evidence: `kubernetes ${path} ${kind} "${name}" container "${container}"${command.length === 0 ? ' args' : ''}`,
        line,
      });
    }
  }
};

const kubernetes: EntryDetector = {
  id: 'kubernetes',
  title: 'Kubernetes workloads (containers\' command and args)',
  matches: (path) => ['.yml', '.yaml'].includes(extname(path)) && !isCiFile(path) && !isComposeFile(path),
  detect: (file, ctx) => {
    const out = emptyOutput();
    if (!MENTIONS_WORKLOAD.test(file.text)) return out;
    if (/\{\{/.test(file.text)) {
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
