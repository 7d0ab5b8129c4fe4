/**
 * Yarn Berry's `.yarnrc.yml` names code that yarn itself loads, so nothing imports it: `yarnPath`
 * is the release of yarn that every `yarn` command in the project runs instead of the global one
 * (`.yarn/releases/yarn-4.x.cjs`), and each `plugins` entry (`{ path, spec }`, or a bare path)
 * is a plugin bundle yarn requires at start-up (`.yarn/plugins/@yarnpkg/plugin-x.cjs`). Both are
 * vendored tooling: roots of kind tooling, the evidence naming the rc file and line. Paths are
 * relative to the rc file's folder, as yarn resolves them; one that uses an environment variable
 * (`${HOME}/…`) is a warning, not a guess.
 */
import { parseYamlFile, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const RC = /(^|\/)\.yarnrc\.yml$/;

const yarnrc: EntryDetector = {
  id: 'yarnrc',
  title: 'Yarn Berry .yarnrc.yml (yarnPath, plugins)',
  matches: (path) => RC.test(path) && !path.includes('node_modules/'),
  candidates: { names: ['.yarnrc.yml'] },
  detect: (file) => {
    const out = emptyOutput();
    const { docs, diagnostics } = parseYamlFile(file.text, file.path);
    out.diagnostics.push(...diagnostics);
    const dir = dirname(file.path);
    const add = (y: YamlDoc, node: YamlNode, key: string, why: string) => {
      const value = y.str(node);
      if (value === undefined || value === '') return;
      const line = y.lineOf(node);
      if (value.includes('${')) {
        out.diagnostics.push(warning('yarnrc/not-static', `${key} "${value}" depends on an environment variable, not read`, file.path, line));
        return;
      }
      // An absolute path names a file outside the repo wherever the rc is (joinRepo would read it under `dir`).
      const target = value.startsWith('/') ? null : joinRepo(dir, value);
      if (target === null) out.diagnostics.push(warning('yarnrc/outside-repo', `${key} "${value}" is outside the repo`, file.path, line));
      else out.entries.push(fileEntry(target, 'tooling', `${file.path} ${key} "${value}": ${why}`, line));
    };
    for (const y of docs) {
      add(y, y.get(y.root, 'yarnPath'), 'yarnPath', 'the release of yarn every yarn command in the project runs');
      for (const plugin of y.items(y.get(y.root, 'plugins'))) {
        // A plugin is `{ path, spec, checksum }`, or its path alone.
        const node = y.str(plugin) === undefined ? y.get(plugin, 'path') : plugin;
        add(y, node, 'plugins', 'a yarn plugin yarn loads at start-up');
      }
    }
    return out;
  },
};

export default yarnrc;
