/**
 * GitLab CI: each job's before_script, script and after_script lines are commands run at the
 * repo root; production for jobs in a deploy/release stage (or that deploy by name, command or
 * production environment, support/ci-kind.ts), tooling otherwise. `extends:` (templates in the
 * same file), `<<: *anchor` merges and `!reference [.job, key]` are followed; the top-level or
 * `default:` before/after_script apply to jobs that have none of their own.
 */
import { ciJobKind } from './support/ci-kind.js';
import { addCommand } from './support/inputs.js';
import { YAML, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { emptyOutput, type EntryDetector } from './types.js';
import type { EntryKind } from '../model/verdict.js';

const RESERVED = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'spec']);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'] as const;

interface ScriptLine {
  text: string;
  line: number;
}

/** A job's own key, else the first template in its `extends:` chain that has it. */
const inherited = (y: YamlDoc, root: YamlNode, job: YamlNode, key: string, depth = 0): YamlNode => {
  const own = y.get(job, key);
  if (own !== undefined || depth > 5) return own;
  const ext = y.get(job, 'extends');
  const parents = y.isSeq(ext) ? y.items(ext).map((n) => y.str(n)) : [y.str(ext)];
  for (const parent of parents.reverse()) {
    if (!parent) continue;
    const found = inherited(y, root, y.get(root, parent), key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** Script lines: a string, a list, nested lists, and `!reference [.job, key]`. */
const scriptLines = (y: YamlDoc, root: YamlNode, node: YamlNode, depth = 0): ScriptLine[] => {
  if (depth > 5) return [];
  const text = y.str(node);
  if (text !== undefined) return [{ text, line: y.lineOf(node) }];
  if (y.tag(node) === '!reference') {
    const [job, ...path] = y.items(node).map((n) => y.str(n) ?? '');
    let target = y.get(root, job);
    for (const key of path) target = y.get(target, key);
    return scriptLines(y, root, target, depth + 1);
  }
  return y.items(node).flatMap((item) => scriptLines(y, root, item, depth + 1));
};

const gitlabCi: EntryDetector = {
  id: 'gitlab-ci',
  title: 'GitLab CI jobs (before_script, script, after_script)',
  matches: (path) => path.includes('gitlab') && (/(^|\/)([\w.-]*\.)?gitlab-ci\.ya?ml$/.test(path) || /(^|\/)\.gitlab\/ci\/[^/]+\.ya?ml$/.test(path)),
  candidates: { extensions: ['yml', 'yaml'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const y = ctx.manifests.get(file.path, YAML)?.[0];
    if (!y) return out;
    const root = y.root;
    const defaults: Record<string, EntryKind[]> = { before_script: [], after_script: [] };
    for (const [name, job] of y.entries(root)) {
      if (RESERVED.has(name) || name.startsWith('.') || !y.isMap(job)) continue;
      const scripts = Object.fromEntries(SCRIPT_KEYS.map((k) => [k, scriptLines(y, root, inherited(y, root, job, k))])) as Record<string, ScriptLine[]>;
      const environment = inherited(y, root, job, 'environment');
      const kind = ciJobKind({
        names: [name, y.str(inherited(y, root, job, 'stage'))],
        uses: [],
        commands: SCRIPT_KEYS.flatMap((k) => scripts[k].map((s) => s.text)),
        environment: y.str(environment) ?? y.str(y.get(environment, 'name')),
      });
      for (const key of SCRIPT_KEYS) {
        if (key !== 'script' && inherited(y, root, job, key) === undefined) {
          defaults[key].push(kind);
          continue;
        }
        for (const s of scripts[key]) addCommand(out, s.text, { cwd: '', kind, evidence: `GitLab CI ${file.path} job "${name}" ${key}`, line: s.line });
      }
    }
    for (const key of ['before_script', 'after_script'] as const) {
      if (defaults[key].length === 0) continue;
      const node = y.get(y.get(root, 'default'), key) ?? y.get(root, key);
      const kind: EntryKind = defaults[key].includes('production') ? 'production' : 'tooling';
      for (const s of scriptLines(y, root, node)) addCommand(out, s.text, { cwd: '', kind, evidence: `GitLab CI ${file.path} default ${key}`, line: s.line });
    }
    return out;
  },
};

export default gitlabCi;
