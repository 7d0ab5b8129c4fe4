/**
 * tsup builds the `entry` of its config (tsup.config.*, package.json "tsup", or the file
 * `tsup --config x` names): a string, an array (globs allowed) or an object of names, in one
 * config or an array of them; `tsup src/index.ts src/cli.ts` names entries on the command line.
 * The config is a root with the kind of what runs tsup there; each entry a reference from it.
 * tsdown took the same config shape (tsdown.ts); both readers are made by `entryBundlerReader`.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { inputEntries, inputReferences, inputStrings } from './bundle-inputs.js';
import { configsFromCommands, eachPackage, enabledByPackages, filesIn, kindOf, positionalArgs, readToolConfig, runEvidence, toolInvocations, toolPackages, toolRun, type JsPackage } from './support.js';

/** A bundler that reads `entry` from its config file, a package.json key of its name and its command line. */
export interface EntryBundler {
  /** The reader id, the binary, the package and the package.json key: `tsup`. */
  tool: string;
  title: string;
  /** Its config file names. */
  config: RegExp;
  /** The command-line flags that take a value (so the value is not read as an entry). */
  valueFlags: string[];
}

export const entryBundlerReader = (b: EntryBundler): FrameworkReader => {
  const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, [b.tool], b.config);
  const entriesOf = (value: ConfigValue | null, from: string, out: FrameworkOutput) => {
    const each: ConfigValue[] = value?.kind === 'array' ? value.items : value ? [value] : [];
    return each.map((c) => inputStrings(configAt(c, 'entry') ?? configAt(c, 'entryPoints'), from, `${b.tool}.entry`, out));
  };
  const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
    const run = toolRun(ctx, pkg.dir, [b.tool], { bundler: true });
    const what = `${b.tool} entry`;
    const configs = [...new Set([...filesIn(ctx, pkg.dir, b.config), ...configsFromCommands(ctx, [b.tool]).filter((c) => c.dir === pkg.dir).map((c) => c.config)])];
    for (const config of configs) {
      out.entries.push({ source: config, target: config, targetKind: 'file', kind: kindOf(run), evidence: `${config}: ${b.tool} config, loaded by ${runEvidence(run, b.tool)}` });
      const inputsOf = entriesOf(readToolConfig(ctx, config, out.diagnostics, b.tool).value, config, out);
      // A JSON config is no node reachability passes through (it gets no verdict): its entries are roots.
      if (config.endsWith('.json')) for (const inputs of inputsOf) inputEntries(ctx, { from: config, dir: pkg.dir, kind: kindOf(run), inputs, what, on: runEvidence(run, b.tool) }, out);
      else for (const inputs of inputsOf) inputReferences(ctx, { from: config, dir: pkg.dir, inputs, what }, out);
    }
    if (pkg.json[b.tool] !== undefined) {
      // package.json is no node reachability passes through: its entries are roots themselves.
      const value = configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, b.tool).value, b.tool);
      for (const inputs of entriesOf(value, pkg.manifest, out)) inputEntries(ctx, { from: pkg.manifest, dir: pkg.dir, kind: kindOf(run), inputs, what, on: runEvidence(run, b.tool) }, out);
    }
    for (const inv of toolInvocations(ctx, [b.tool]).filter((i) => i.cwd === pkg.dir)) {
      const inputs = [...positionalArgs(inv.args, b.valueFlags), ...inv.args.filter((a, i) => inv.args[i - 1] === '--entry')];
      inputEntries(ctx, { from: inv.source, dir: pkg.dir, kind: kindOf(run), inputs: inputs.map((value) => ({ value })), what, on: inv.evidence }, out);
    }
  };
  return {
    id: b.tool,
    title: b.title,
    ecosystem: 'javascript',
    enabledBy: (ctx) => enabledByPackages(packages(ctx), b.tool),
    collect: eachPackage(packages, collectPackage),
  };
};

const tsup = entryBundlerReader({
  tool: 'tsup',
  title: 'tsup (config and package.json entry, entries on the command line)',
  config: /^tsup\.config\.([cm]?[jt]s|json)$/,
  valueFlags: ['-c', '--config', '-d', '--out-dir', '--format', '--target', '--env', '--tsconfig', '--external', '--define', '--loader', '--platform', '--name', '--onSuccess', '--on-success', '--inject', '--public-dir', '--entry'],
});

export default tsup;
