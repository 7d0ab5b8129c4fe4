/**
 * Rspack reads webpack's config format (rspack.config.{js,ts,mjs,cjs,mts,cts}, or the file
 * `rspack --config x` names): `entry` in every shape, `context`, loader aliases, HTML templates
 * (`HtmlRspackPlugin` or HtmlWebpackPlugin) and ProvidePlugin modules, so the webpack reader's
 * rules apply as they are, with Rspack's names and programs.
 */
import { webpackLikeReader } from './webpack.js';

export default webpackLikeReader(
  { id: 'rspack', tool: 'Rspack', packages: ['@rspack/core', '@rspack/cli'], config: /^rspack(\.[\w-]+)*\.config\.[cm]?[jt]s$/, bins: ['rspack', 'rspack-cli'] },
  'Rspack (webpack-format config: entry in all its shapes, context, loader aliases)',
);
