/**
 * Libraries that require a config module by a fixed name from the process root, so nothing in the
 * app imports it. @tryghost/logging (and @tryghost/metrics) run
 * `require(path.join(getProcessRoot(), 'loggingrc'))` when first required: Ghost's root
 * `loggingrc.js` is its logging config, and was called dead. The New Relic agent loads `newrelic.js`
 * (or `.cjs`, `.mjs`) from the working directory, the Elastic APM agent `elastic-apm-node.js` (that
 * name only).
 *
 * A registry, not a rule on names: the file must sit beside a package.json that declares the library
 * (the process root of an app run from its package folder), and a code file of that package must
 * require or import the library, which is what loads the config; each such file references it, so
 * the config shares their verdict. A file of that name in a package that does not declare the
 * library, or where nothing requires it, stays as it was. An agent preloaded by a node command line
 * run in that folder (`node -r newrelic server.js`, the agents' documented start; review s65-rv1) loads
 * it too: a root with the kind of that command.
 */
import { basename, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, fileReference, packageFilesUnder, toolInvocations, toolPackages, type JsPackage } from './support.js';

interface RootConfig {
  /** The file names the library tries, in its order (`require` of an extensionless name finds `.js`). */
  names: string[];
  /** The packages whose import loads it. */
  libraries: string[];
  /** Whether a subpath of the library (`newrelic/esm-loader.mjs`, `elastic-apm-node/start`) loads it too; @tryghost/logging's `lib/GhostLogger` does not. */
  subpaths: boolean;
  /** How the library loads the file found (its name), for the evidence. */
  how: (name: string) => string;
}

// Checked against each library's source (stop 65 review): @tryghost/root-utils' getProcessRoot is
// find-root from the working directory (the nearest folder with a package.json); New Relic's
// find-config-file.js tries newrelic.js, .cjs, .mjs in NEW_RELIC_HOME, the working directory, HOME, the
// folder holding node_modules and the main module's folder; Elastic APM requires
// path.resolve(configFile || ELASTIC_APM_CONFIG_FILE || 'elastic-apm-node.js'), no other name.
const REGISTRY: RootConfig[] = [
  { names: ['loggingrc.js'], libraries: ['@tryghost/logging', '@tryghost/metrics'], subpaths: false, how: () => "require(path.join(getProcessRoot(), 'loggingrc'))" },
  { names: ['newrelic.js', 'newrelic.cjs', 'newrelic.mjs'], libraries: ['newrelic'], subpaths: true, how: (name) => `the agent looks for ${name} in the working directory, NEW_RELIC_HOME or the main module's folder` },
  { names: ['elastic-apm-node.js'], libraries: ['elastic-apm-node'], subpaths: true, how: () => "the agent requires path.resolve(ELASTIC_APM_CONFIG_FILE || 'elastic-apm-node.js') from the working directory when it starts" },
];

const LIBRARIES = REGISTRY.flatMap((r) => r.libraries);
const SOURCE = /\.[cm]?[jt]sx?$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, LIBRARIES, null);

/** `lib` itself, or a subpath of it (`newrelic/esm-loader.mjs`) where the entry says a subpath loads the config. */
const importsLibrary = (specifier: string, lib: string, subpaths: boolean): boolean => specifier === lib || (subpaths && specifier.startsWith(`${lib}/`));

/** Node's options that load a module before the program (`-r newrelic`, `--import=newrelic/esm-loader.mjs`). */
const PRELOADS = ['-r', '--require', '--import', '--loader', '--experimental-loader'];

/**
 * The module of `libs` a node command line preloads, as written, or null: only node's own options,
 * before the program (words after it are the program's). The agents' documented start is
 * `node -r newrelic server.js` / `node -r elastic-apm-node/start server.js`, which no repo file requires.
 */
const preloadedLibrary = (args: readonly string[], libs: ReadonlySet<string>, subpaths: boolean): { lib: string; spec: string } | null => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) return null;
    const eq = a.indexOf('=');
    const flag = eq < 0 ? a : a.slice(0, eq);
    if (!PRELOADS.includes(flag)) continue;
    const spec = eq < 0 ? args[++i] : a.slice(eq + 1);
    const lib = spec === undefined ? undefined : [...libs].find((l) => importsLibrary(spec, l, subpaths));
    if (lib !== undefined) return { lib, spec: spec! };
  }
  return null;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  for (const entry of REGISTRY) {
    const config = entry.names.map((n) => joinRepo(pkg.dir, n)).find((f): f is string => f !== null && ctx.files.has(f));
    if (config === undefined) continue;
    const deps = new Set(entry.libraries.filter((lib) => toolPackages(ctx, [lib], null).some((p) => p.dir === pkg.dir)));
    if (deps.size === 0) continue;
    for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
      if (file === config || !SOURCE.test(file)) continue;
      const imp = ctx.facts(file)?.imports.find((i) => !i.typeOnly && [...deps].some((lib) => importsLibrary(i.specifier, lib, entry.subpaths)));
      if (imp === undefined) continue;
      const lib = [...deps].find((l) => importsLibrary(imp.specifier, l, entry.subpaths)) ?? imp.specifier;
      out.references.push(fileReference(file, config, imp.line, `the config ${lib} loads from the process root (${entry.how(basename(config))}), loaded when ${file}:${imp.line} requires ${imp.specifier}`));
    }
    // Preloaded by a node command line run in the package's folder (its working directory): a root with the kind of that command.
    for (const inv of toolInvocations(ctx, ['node'])) {
      if (inv.cwd !== pkg.dir) continue;
      const pre = preloadedLibrary(inv.args, deps, entry.subpaths);
      if (pre === null) continue;
      out.entries.push({ source: inv.source, target: config, targetKind: 'file', kind: inv.kind, evidence: `node's preload of ${pre.spec}, which loads this config from the process root (${entry.how(basename(config))}), on ${inv.evidence}` });
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
