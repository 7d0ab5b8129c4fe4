/**
 * PostCSS loads its config (postcss.config.*, .postcssrc*, package.json "postcss") and the local
 * plugins, parser, syntax and stringifier it names by path (`plugins: { './plugins/x.js': {} }` or
 * `['./plugins/x.js']`); those files are tooling roots. (Plugins pulled in with `require()` are
 * imports of the config, which the graph follows already.)
 */
import { toolPathsReader } from './tool-paths.js';

export default toolPathsReader(
  { id: 'postcss', tool: 'PostCSS', names: /^(postcss\.config\.[cm]?[jt]s|\.postcssrc(\.(json|ya?ml|[cm]?[jt]s))?)$/, packageKey: 'postcss', keys: ['plugins', 'parser', 'syntax', 'stringifier'] },
  'PostCSS (local plugins, parser, syntax and stringifier of its config)',
);
