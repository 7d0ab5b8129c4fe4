/**
 * Libraries that require a config module by a fixed name from the process root, so nothing in the
 * app imports it. @tryghost/logging (and @tryghost/metrics) run
 * `require(path.join(getProcessRoot(), 'loggingrc'))` when first required: Ghost's root
 * `loggingrc.js` is its logging config, and was called dead. The New Relic agent loads `newrelic.js`
 * (or `newrelic.cjs`) from the working directory, the Elastic APM agent `elastic-apm-node.js` (or
 * `.cjs`).
 *
 * A registry, not a rule on names: the file must sit beside a package.json that declares the library
 * (the process root of an app run from its package folder), and a code file of that package must
 * require or import the library, which is what loads the config; each such file references it, so
 * the config shares their verdict. A file of that name in a package that does not declare the
 * library, or where nothing requires it, stays as it was (an agent preloaded by `node -r newrelic`
 * is not read here).
 */
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, fileReference, packageFilesUnder, toolPackages, type JsPackage } from './support.js';

interface RootConfig {
  /** The file names the library tries, in its order (`require` of an extensionless name finds `.js`). */
  names: string[];
  /** The packages whose import loads it. */
  libraries: string[];
  /** How the library loads it, for the evidence. */
  how: string;
}

const REGISTRY: RootConfig[] = [
  { names: ['loggingrc.js'], libraries: ['@tryghost/logging', '@tryghost/metrics'], how: "require(path.join(getProcessRoot(), 'loggingrc'))" },
  { names: ['newrelic.js', 'newrelic.cjs'], libraries: ['newrelic'], how: 'the agent reads newrelic.js from the working directory' },
  { names: ['elastic-apm-node.js', 'elastic-apm-node.cjs'], libraries: ['elastic-apm-node'], how: 'the agent reads its configFile, elastic-apm-node.js in the working directory' },
];

const LIBRARIES = REGISTRY.flatMap((r) => r.libraries);
const SOURCE = /\.[cm]?[jt]sx?$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, LIBRARIES, null);

/** `lib` itself or a subpath of it (`newrelic/stats`). */
const importsLibrary = (specifier: string, lib: string): boolean => specifier === lib || specifier.startsWith(`${lib}/`);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  for (const entry of REGISTRY) {
    const config = entry.names.map((n) => joinRepo(pkg.dir, n)).find((f): f is string => f !== null && ctx.files.has(f));
    if (config === undefined) continue;
    const deps = new Set(entry.libraries.filter((lib) => toolPackages(ctx, [lib], null).some((p) => p.dir === pkg.dir)));
    if (deps.size === 0) continue;
    for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
      if (file === config || !SOURCE.test(file)) continue;
      const imp = ctx.facts(file)?.imports.find((i) => !i.typeOnly && [...deps].some((lib) => importsLibrary(i.specifier, lib)));
      if (imp === undefined) continue;
      const lib = [...deps].find((l) => importsLibrary(imp.specifier, l)) ?? imp.specifier;
      out.references.push(fileReference(file, config, imp.line, `the config ${lib} loads from the process root (${entry.how}), loaded when ${file}:${imp.line} requires ${imp.specifier}`));
    }
  }
};

const processRootConfigs: FrameworkReader = {
  id: 'process-root-configs',
  title: 'Process-root configs (loggingrc.js, newrelic.js: a library requires them by name)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), LIBRARIES.join(', ')),
  collect: eachPackage(packages, collectPackage),
};

export default processRootConfigs;
