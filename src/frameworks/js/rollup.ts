/**
 * Rollup bundles from the `input` of its config (rollup.config.*, or the file `rollup -c x`
 * names): a string, an array or an object of names, in one config or an array of them, relative to
 * the folder rollup runs in; `rollup src/main.js` and `-i`/`--input` name inputs on the command
 * line. The config is a root with the kind of what runs rollup there; each input a reference.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { inputEntries, inputReferences, inputStrings } from './bundle-inputs.js';
import { configsFromCommands, eachPackage, enabledByPackages, filesIn, kindOf, positionalArgs, readToolConfig, runEvidence, toolInvocations, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^rollup\.config\.[cm]?[jt]s$/;
const VALUE_FLAGS = ['-c', '--config', '-o', '--file', '-d', '--dir', '-f', '--format', '-n', '--name', '-p', '--plugin', '-e', '--external', '-g', '--globals', '--environment', '-m'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['rollup'], CONFIG);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['rollup'], { bundler: true });
  const configs = [...new Set([...filesIn(ctx, pkg.dir, CONFIG), ...configsFromCommands(ctx, ['rollup']).filter((c) => c.dir === pkg.dir).map((c) => c.config)])];
  for (const config of configs) {
    out.entries.push({ source: config, target: config, targetKind: 'file', kind: kindOf(run), evidence: `${config}: rollup config, loaded by ${runEvidence(run, 'rollup')}` });
    const { value } = readToolConfig(ctx, config, out.diagnostics, 'rollup');
    const each: ConfigValue[] = value?.kind === 'array' ? value.items : value ? [value] : [];
    for (const c of each) inputReferences(ctx, { from: config, dir: pkg.dir, inputs: inputStrings(configAt(c, 'input'), config, 'rollup.input', out), what: 'rollup input' }, out);
  }
  for (const inv of toolInvocations(ctx, ['rollup']).filter((i) => i.cwd === pkg.dir)) {
    const inputs = [...positionalArgs(inv.args, VALUE_FLAGS), ...inv.args.filter((a, i) => inv.args[i - 1] === '-i' || inv.args[i - 1] === '--input')];
    inputEntries(ctx, { from: inv.source, dir: pkg.dir, kind: kindOf(run), inputs: inputs.map((value) => ({ value })), what: 'rollup input', on: inv.evidence }, out);
  }
};

const rollup: FrameworkReader = {
  id: 'rollup',
  title: 'Rollup (config input, -c configs, inputs on the command line)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Rollup'),
  collect: eachPackage(packages, collectPackage),
};

export default rollup;
