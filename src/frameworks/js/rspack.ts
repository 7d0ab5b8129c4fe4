/**
 * Rspack reads webpack's config format (rspack.config.{js,ts,mjs,cjs,mts,cts}, or the file
 * `rspack --config x` names): `entry` in every shape, `context`, loader aliases, HTML templates
 * (`HtmlRspackPlugin` or HtmlWebpackPlugin) and ProvidePlugin modules, so the webpack reader's
 * rules apply as they are, with Rspack's names and programs.
 */
import { webpackLikeReader, type WebpackLikeSpec } from './webpack.js';

export const RSPACK: WebpackLikeSpec = { id: 'rspack', tool: 'Rspack', packages: ['@rspack/core', '@rspack/cli'], config: /^rspack(\.[\w-]+)*\.config\.[cm]?[jt]s$/, bins: ['rspack', 'rspack-cli'] };

export default webpackLikeReader(
  RSPACK,
  'Rspack (webpack-format config: entry in all its shapes, context, loader aliases)',
);
