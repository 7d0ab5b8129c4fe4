/**
 * Flue (`@flue/*`) builds an agent app from the files its flue.config.* names, which nothing
 * imports: `app` (the app's entry), `cloudflare` (the Worker entry for the Cloudflare target) and
 * `agents` (a path or glob, or a list of them), relative to the config's folder. Only what the
 * config names: Flue's defaults for an absent key are not read (census does not know them well
 * enough to claim a file). The config and those files are roots with the kind of what runs flue
 * (else tooling); a computed value is a warning naming its line.
 */
import { configAt, configStrings } from '../../languages/javascript/config-value.js';
import { isGlob } from '../../util/glob.js';
import { dirname } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, filesIn, globFiles, jsPackages, kindOf, readToolConfig, resolveToolPath, runEvidence, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^flue\.config\.[cm]?[jt]s$/;
const KEYS = ['app', 'cloudflare', 'agents'];

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, /^@flue\//));

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0];
  if (!config) return;
  const run = toolRun(ctx, pkg.dir, ['flue'], { bundler: true });
  const kind = kindOf(run);
  out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: Flue config, loaded by ${runEvidence(run, 'flue')}` });
  const value = readToolConfig(ctx, config, out.diagnostics, 'flue').value;
  const unread: { line: number; text: string }[] = [];
  const dir = dirname(config);
  for (const key of KEYS) {
    const named = configStrings(configAt(value, key));
    unread.push(...named.unknown);
    for (const n of named.strings) {
      const files = isGlob(n.value) ? globFiles(ctx, dir, [n.value]).map((g) => g.file) : [resolveToolPath(ctx, dir, n.value)].filter((f): f is string => f !== null);
      for (const file of files) {
        if (file === config) continue;
        out.entries.push({ source: config, target: file, targetKind: 'file', kind, evidence: `${config}:${n.line} Flue ${key} "${n.value}" (${runEvidence(run, 'flue')})`, line: n.line });
      }
    }
  }
  warnUnread(out.diagnostics, 'flue', config, unread, 'a Flue path');
};

const flue: FrameworkReader = {
  id: 'flue',
  title: 'Flue (app, cloudflare and agents files its flue.config names)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Flue'),
  collect: eachPackage(packages, collectPackage),
};

export default flue;
