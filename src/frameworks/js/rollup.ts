/**
 * Rollup bundles from the `input` of its config (rollup.config.*, or the file `rollup -c x`
 * names): a string, an array or an object of names, in one config or an array of them, relative to
 * the folder rollup runs in; `rollup src/main.js` and `-i`/`--input` name inputs on the command
 * line. The config is a root with the kind of what runs rollup there; each input a reference.
 * Rolldown takes Rollup's config shape and command line as they are (rolldown.ts), so
 * `rollupLikeReader` reads its configs too.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { inputEntries, inputReferences, inputStrings } from './bundle-inputs.js';
import { configsFromCommands, eachPackage, enabledByPackages, filesIn, kindOf, positionalArgs, readToolConfig, runEvidence, toolInvocations, toolPackages, toolRun, type JsPackage } from './support.js';

/** One bundler that reads Rollup's config shape (`input`) and command line (inputs as arguments, `-i`). */
export interface RollupLikeSpec {
  id: string;
  /** The program, the name evidence uses: "rollup", "rolldown". */
  tool: string;
  /** The name a reader's reason uses: "Rollup". */
  name: string;
  /** Packages whose declaration means the package uses the bundler. */
  packages: string[];
  /** Config file names beside package.json. */
  config: RegExp;
  /** Options that take a value, so their value is not read as an input. */
  valueFlags: string[];
}

export const rollupLikeReader = (spec: RollupLikeSpec, title: string): FrameworkReader => {
  const { tool } = spec;
  const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, spec.packages, spec.config);
  const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
    const run = toolRun(ctx, pkg.dir, [tool], { bundler: true });
    const configs = [...new Set([...filesIn(ctx, pkg.dir, spec.config), ...configsFromCommands(ctx, [tool]).filter((c) => c.dir === pkg.dir).map((c) => c.config)])];
    for (const config of configs) {
      out.entries.push({ source: config, target: config, targetKind: 'file', kind: kindOf(run), evidence: `${config}: ${tool} config, loaded by ${runEvidence(run, tool)}` });
      const { value } = readToolConfig(ctx, config, out.diagnostics, spec.id);
      const each: ConfigValue[] = value?.kind === 'array' ? value.items : value ? [value] : [];
      for (const c of each) inputReferences(ctx, { from: config, dir: pkg.dir, inputs: inputStrings(configAt(c, 'input'), config, `${spec.id}.input`, out), what: `${tool} input` }, out);
    }
    for (const inv of toolInvocations(ctx, [tool]).filter((i) => i.cwd === pkg.dir)) {
      const inputs = [...positionalArgs(inv.args, spec.valueFlags), ...inv.args.filter((a, i) => inv.args[i - 1] === '-i' || inv.args[i - 1] === '--input')];
      inputEntries(ctx, { from: inv.source, dir: pkg.dir, kind: kindOf(run), inputs: inputs.map((value) => ({ value })), what: `${tool} input`, on: inv.evidence }, out);
    }
  };
  return {
    id: spec.id,
    title,
    ecosystem: 'javascript',
    enabledBy: (ctx) => enabledByPackages(packages(ctx), spec.name),
    collect: eachPackage(packages, collectPackage),
  };
};

export default rollupLikeReader(
  {
    id: 'rollup',
    tool: 'rollup',
    name: 'Rollup',
    packages: ['rollup'],
    config: /^rollup\.config\.[cm]?[jt]s$/,
    valueFlags: ['-c', '--config', '-o', '--file', '-d', '--dir', '-f', '--format', '-n', '--name', '-p', '--plugin', '-e', '--external', '-g', '--globals', '--environment', '-m'],
  },
  'Rollup (config input, -c configs, inputs on the command line)',
);
