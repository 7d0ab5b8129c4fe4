/**
 * Metro (React Native's bundler) loads its config (metro.config.{js,cjs,mjs,ts,json},
 * `.config/metro.*`, package.json "metro") and requires the modules it names by path: the
 * transformer (`transformerPath`, `transformer.babelTransformerPath`), the minifier, asset plugins,
 * the asset registry and async-require modules, polyfills the serializer puts before the app, the
 * resolver's empty module, dependency extractor and haste implementation. A local one
 * (`./custom-transformer.js`) is a tooling root: nothing imports it, Metro loads it while bundling.
 */
import { toolPathsReader } from './tool-paths.js';

export default toolPathsReader(
  {
    id: 'metro',
    tool: 'Metro',
    names: /^metro\.config\.([cm]?[jt]s|json)$/,
    packageKey: 'metro',
    keys: [
      'transformerPath',
      'transformer.babelTransformerPath',
      'transformer.minifierPath',
      'transformer.assetPlugins',
      'transformer.assetRegistryPath',
      'transformer.asyncRequireModulePath',
      'serializer.polyfillModuleNames',
      'resolver.emptyModulePath',
      'resolver.dependencyExtractor',
      'resolver.hasteImplModulePath',
    ],
  },
  'Metro (local transformer, minifier, asset plugins, polyfills and resolver modules of its config)',
);
