/**
 * Stylelint loads its config (.stylelintrc, .stylelintrc.{json,yaml,yml,js,cjs,mjs},
 * stylelint.config.*, package.json "stylelint") and the local files it names by path: `plugins`,
 * `extends`, `customSyntax` and `processors`, at the top and in each of `overrides`, resolved
 * against the config's folder. Those files are tooling roots; package names are dependencies.
 */
import { toolPathsReader } from './tool-paths.js';

const KEYS = ['plugins', 'extends', 'customSyntax', 'processors'];

export default toolPathsReader(
  {
    id: 'stylelint',
    tool: 'Stylelint',
    names: /^(stylelint\.config\.[cm]?[jt]s|\.stylelintrc(\.(json|ya?ml|[cm]?js))?)$/,
    packageKey: 'stylelint',
    keys: [...KEYS, ...KEYS.map((k) => `overrides[].${k}`)],
  },
  'Stylelint (local plugins, extends, custom syntax and processors of its config)',
);
