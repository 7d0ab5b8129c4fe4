/**
 * commitlint loads its config (commitlint.config.*, .commitlintrc*, package.json "commitlint")
 * and the local files it names: shared configs in `extends` (`./commitlint.base`), `plugins`,
 * `parserPreset`, `formatter`. Those are tooling roots.
 */
import { toolPathsReader } from './tool-paths.js';

export default toolPathsReader(
  { id: 'commitlint', tool: 'commitlint', names: /^(commitlint\.config\.[cm]?[jt]s|\.commitlintrc(\.(json|ya?ml|[cm]?[jt]s))?)$/, packageKey: 'commitlint', keys: ['extends', 'plugins', 'parserPreset', 'formatter'] },
  'commitlint (local extends, plugins, parserPreset, formatter)',
);
