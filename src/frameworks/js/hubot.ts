/**
 * Hubot (a chat bot framework) loads a bot's scripts by folder, never by import: the `hubot` command,
 * run in the bot's folder, loads every `.js`, `.mjs` and `.ts` file directly in `scripts/` and
 * `src/scripts/` (and, since v10, `configuration/`) of the folder it runs in, then each folder a
 * `-r`/`--require` option names; subfolders are skipped (Robot.load). `-f`/`--file` names a local
 * adapter module. The bot is a package that depends on `hubot`; its folder is where npm runs the
 * `hubot` script. Kind follows the runner: what `npm start` runs is production, a bot nothing runs
 * is tooling.
 */
import { pathsInDir } from '../../util/file-index.js';
import { basename, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, jsPackages, kindOf, optionValues, resolveToolPath, runEvidence, toolInvocations, toolRun, type JsPackage } from './support.js';

/** The folders hubot loads at startup, relative to where it runs. */
const DEFAULT_FOLDERS = ['scripts', 'src/scripts', 'configuration'];
/** What Robot.loadFile loads; anything else in the folder is skipped. */
const SCRIPT = /\.(?:js|mjs|ts)$/;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'hubot'));

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const run = toolRun(ctx, pkg.dir, ['hubot']);
  const kind = kindOf(run);
  const via = runEvidence(run, 'hubot');
  const runs = toolInvocations(ctx, ['hubot']).filter((r) => r.cwd === pkg.dir);
  const folders = new Map<string, string>(DEFAULT_FOLDERS.map((f) => [f, `hubot, which loads every script of ${f}/ at startup`]));
  for (const r of runs) for (const f of optionValues(r.args, ['-r', '--require'])) folders.set(f.replace(/^\.\//, '').replace(/\/+$/, ''), `hubot --require ${f}, which loads every script of that folder`);
  for (const [folder, how] of folders) {
    const dir = joinRepo(pkg.dir, folder);
    if (dir === null) continue;
    for (const file of pathsInDir(ctx.files, dir)) {
      if (!SCRIPT.test(file) || basename(file).endsWith('.d.ts')) continue;
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind, evidence: `${how} (${via})` });
    }
  }
  for (const r of runs) {
    for (const f of optionValues(r.args, ['-f', '--file'])) {
      const file = resolveToolPath(ctx, pkg.dir, f);
      if (file !== null) out.entries.push({ source: r.source, target: file, targetKind: 'file', kind, evidence: `hubot --file ${f}: the adapter module (${via})` });
    }
  }
};

const hubot: FrameworkReader = {
  id: 'hubot',
  title: 'Hubot (the scripts of scripts/, src/scripts/, configuration/ and --require folders; a --file adapter)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Hubot'),
  collect: eachPackage(packages, collectPackage),
};

export default hubot;
