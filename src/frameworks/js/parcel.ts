/**
 * Parcel builds the entries package.json names in `source` (a path, a glob or an array) and in
 * each `targets.<name>.source`, or the entries on its command line (`parcel build src/index.html`);
 * an HTML entry's module scripts are what it bundles. The package.json fields are references from
 * the manifest when a command runs parcel; command-line entries are roots with that command's kind.
 */
import { configAt } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { inputEntries, inputStrings } from './bundle-inputs.js';
import { eachPackage, enabledByPackages, kindOf, positionalArgs, readToolConfig, runEvidence, toolInvocations, toolPackages, toolRun, type JsPackage } from './support.js';

const VALUE_FLAGS = ['--dist-dir', '-d', '--public-url', '--target', '--config', '--cache-dir', '--port', '-p', '--host', '--log-level', '--reporter', '--dist-dir', '--lazy'];
const COMMANDS = new Set(['serve', 'build', 'watch']);

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['parcel', 'parcel-bundler'], null);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['parcel'], { bundler: true });
  const kind = kindOf(run);
  const manifest = readToolConfig(ctx, pkg.manifest, out.diagnostics, 'parcel').value;
  const inputs = inputStrings(configAt(manifest, 'source'), pkg.manifest, 'parcel.source', out);
  const targets = configAt(manifest, 'targets');
  if (targets?.kind === 'object') for (const t of targets.props.values()) inputs.push(...inputStrings(configAt(t, 'source'), pkg.manifest, 'parcel.source', out));
  inputEntries(ctx, { from: pkg.manifest, dir: pkg.dir, kind, inputs, what: `parcel source (${runEvidence(run, 'parcel')})` }, out);
  for (const inv of toolInvocations(ctx, ['parcel']).filter((i) => i.cwd === pkg.dir)) {
    const words = positionalArgs(inv.args, VALUE_FLAGS).filter((w) => !COMMANDS.has(w));
    inputEntries(ctx, { from: inv.source, dir: pkg.dir, kind, inputs: words.map((value) => ({ value })), what: 'parcel entry', on: inv.evidence }, out);
  }
};

const parcel: FrameworkReader = {
  id: 'parcel',
  title: 'Parcel (package.json source and targets, entries on the command line, HTML entry scripts)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Parcel'),
  collect: eachPackage(packages, collectPackage),
};

export default parcel;
