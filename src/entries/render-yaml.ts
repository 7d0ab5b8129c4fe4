/**
 * Render blueprints (render.yaml): each service's `startCommand`, `preDeployCommand` and
 * `dockerCommand` run in production, `buildCommand` is a build step (tooling); they run from the
 * service's `rootDir` (default: the file's folder).
 */
import { parseYamlFile } from '../manifests/yaml.js';
import { dirname, joinRepo } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const KEYS: [string, 'production' | 'tooling'][] = [['startCommand', 'production'], ['preDeployCommand', 'production'], ['dockerCommand', 'production'], ['buildCommand', 'tooling']];

const renderYaml: EntryDetector = {
  id: 'render-yaml',
  title: 'Render blueprints (render.yaml: startCommand, preDeployCommand, buildCommand, rootDir)',
  matches: (path, name) => /^render\.ya?ml$/.test(name),
  candidates: { names: ['render.yml', 'render.yaml'] },
  detect: (file) => {
    const out = emptyOutput();
    const { docs, diagnostics } = parseYamlFile(file.text, file.path);
    out.diagnostics.push(...diagnostics);
    for (const y of docs) {
      for (const service of y.items(y.get(y.root, 'services'))) {
        const name = y.str(y.get(service, 'name')) ?? '?';
        const rootDir = y.str(y.get(service, 'rootDir'));
        const cwd = (rootDir ? joinRepo(dirname(file.path), rootDir) : null) ?? dirname(file.path);
        for (const [key, kind] of KEYS) {
          const node = y.get(service, key);
          const command = y.str(node);
          if (command) addCommand(out, command, { cwd, kind, evidence: `render ${file.path} service "${name}" ${key}`, line: y.lineOf(node) });
        }
      }
    }
    return out;
  },
};

export default renderYaml;
