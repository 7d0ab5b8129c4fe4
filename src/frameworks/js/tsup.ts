/**
 * tsup builds the `entry` of its config (tsup.config.*, package.json "tsup", or the file
 * `tsup --config x` names): a string, an array (globs allowed) or an object of names, in one
 * config or an array of them; `tsup src/index.ts src/cli.ts` names entries on the command line.
 * The config is a root with the kind of what runs tsup there; each entry a reference from it.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { inputEntries, inputReferences, inputStrings } from './bundle-inputs.js';
import { configsFromCommands, enabledByPackages, filesIn, kindOf, positionalArgs, readToolConfig, runEvidence, toolInvocations, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^tsup\.config\.([cm]?[jt]s|json)$/;
const VALUE_FLAGS = ['-c', '--config', '-d', '--out-dir', '--format', '--target', '--env', '--tsconfig', '--external', '--define', '--loader', '--platform', '--name', '--onSuccess', '--on-success', '--inject', '--public-dir', '--entry'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['tsup'], CONFIG);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['tsup'], { bundler: true });
  const configs = [...new Set([...filesIn(ctx, pkg.dir, CONFIG), ...configsFromCommands(ctx, ['tsup']).filter((c) => c.dir === pkg.dir).map((c) => c.config)])];
  const read = (from: string, value: ConfigValue | null) => {
    const each: ConfigValue[] = value?.kind === 'array' ? value.items : value ? [value] : [];
    for (const c of each) inputReferences(ctx, { from, dir: pkg.dir, inputs: inputStrings(configAt(c, 'entry') ?? configAt(c, 'entryPoints'), from, 'tsup.entry', out), what: 'tsup entry' }, out);
  };
  for (const config of configs) {
    out.entries.push({ source: config, target: config, targetKind: 'file', kind: kindOf(run), evidence: `${config}: tsup config, loaded by ${runEvidence(run, 'tsup')}` });
    read(config, readToolConfig(ctx, config, out.diagnostics, 'tsup').value);
  }
  if (pkg.json.tsup !== undefined) {
    // package.json is no node reachability passes through: its "tsup" entries are roots themselves.
    const value = configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, 'tsup').value, 'tsup');
    const each: ConfigValue[] = value?.kind === 'array' ? value.items : value ? [value] : [];
    for (const c of each) inputEntries(ctx, { from: pkg.manifest, dir: pkg.dir, kind: kindOf(run), inputs: inputStrings(configAt(c, 'entry') ?? configAt(c, 'entryPoints'), pkg.manifest, 'tsup.entry', out), what: 'tsup entry', on: runEvidence(run, 'tsup') }, out);
  }
  for (const inv of toolInvocations(ctx, ['tsup']).filter((i) => i.cwd === pkg.dir)) {
    const inputs = [...positionalArgs(inv.args, VALUE_FLAGS), ...inv.args.filter((a, i) => inv.args[i - 1] === '--entry')];
    inputEntries(ctx, { from: inv.source, dir: pkg.dir, kind: kindOf(run), inputs: inputs.map((value) => ({ value })), what: 'tsup entry', on: inv.evidence }, out);
  }
};

const tsup: FrameworkReader = {
  id: 'tsup',
  title: 'tsup (config and package.json entry, entries on the command line)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'tsup'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) collectPackage(ctx, pkg, out);
    return out;
  },
};

export default tsup;
