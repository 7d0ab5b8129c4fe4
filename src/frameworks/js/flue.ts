/**
 * Flue (`@flue/*`) builds an agent app from files that nothing imports. Its flue.config.* may name
 * them: `app` (the app's entry), `cloudflare` (the Worker entry for the Cloudflare target) and
 * `agents` (a path or glob, or a list of them), relative to the config's folder. Where there is no
 * config, or it leaves a key out, the runtime looks for its conventional files in `.flue/`, `src/`
 * or the package folder: `app`, `db` and `cloudflare` (`.ts`, `.mts`, `.js`, `.mjs`), and the agents
 * `agent`, `agents/*` and `agents/<name>/agent`; a file beside them that matches none (a helper in
 * `agents/shared/`) is only alive if an agent imports it. The config and those files are roots
 * with the kind of what runs flue (else tooling); a computed value is a warning naming its line.
 */
import { configAt, configStrings } from '../../languages/javascript/config-value.js';
import { isGlob } from '../../util/glob.js';
import { dirname } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, filesIn, globFiles, jsPackages, kindOf, readToolConfig, resolveToolPath, runEvidence, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^flue\.config\.[cm]?[jt]s$/;
/** The folders Flue looks in for its conventional files, and the extensions it loads. */
const SOURCE_DIRS = ['.flue/', 'src/', ''];
const EXTENSIONS = '{ts,mts,js,mjs}';
/** Each file Flue loads by its place, with the conventional names when no config names it (`db` has no config key). */
const DEFAULTS: Record<string, string[]> = {
  app: ['app'],
  db: ['db'],
  cloudflare: ['cloudflare'],
  agents: ['agent', 'agents/*', 'agents/*/agent'],
};
const KEYS = new Set(['app', 'cloudflare', 'agents']);

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, /^@flue\//));

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config: string | undefined = filesIn(ctx, pkg.dir, CONFIG)[0];
  const run = toolRun(ctx, pkg.dir, ['flue'], { bundler: true });
  const kind = kindOf(run);
  const value = config ? readToolConfig(ctx, config, out.diagnostics, 'flue').value : null;
  if (config) out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: Flue config, loaded by ${runEvidence(run, 'flue')}` });
  const unread: { line: number; text: string }[] = [];
  const dir = config ? dirname(config) : pkg.dir;
  for (const [key, names] of Object.entries(DEFAULTS)) {
    const named = KEYS.has(key) && config ? configAt(value, key) : null;
    if (named === null) {
      // Flue's conventional files for a key the config does not set.
      const globs = SOURCE_DIRS.flatMap((folder) => names.map((name) => `${folder}${name}.${EXTENSIONS}`));
      for (const { file } of globFiles(ctx, pkg.dir, globs)) {
        out.entries.push({ source: config ?? pkg.manifest, target: file, targetKind: 'file', kind, evidence: `${config ?? pkg.manifest}: Flue's conventional ${key === 'agents' ? 'agent' : key} file, as ${config ? `the config sets no ${key}` : 'no flue.config is there'} (${runEvidence(run, 'flue')})` });
      }
      continue;
    }
    const read = configStrings(named);
    unread.push(...read.unknown);
    for (const n of read.strings) {
      const files = isGlob(n.value) ? globFiles(ctx, dir, [n.value]).map((g) => g.file) : [resolveToolPath(ctx, dir, n.value)].filter((f): f is string => f !== null);
      for (const file of files) {
        if (file === config) continue;
        out.entries.push({ source: config!, target: file, targetKind: 'file', kind, evidence: `${config}:${n.line} Flue ${key} "${n.value}" (${runEvidence(run, 'flue')})`, line: n.line });
      }
    }
  }
  if (config) warnUnread(out.diagnostics, 'flue', config, unread, 'a Flue path');
};

const flue: FrameworkReader = {
  id: 'flue',
  title: 'Flue (app, db, cloudflare and agent files: its flue.config names them, else its conventional places)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Flue'),
  collect: eachPackage(packages, collectPackage),
};

export default flue;
