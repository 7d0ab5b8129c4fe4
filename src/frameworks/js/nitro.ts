/**
 * Nitro (nitropack, standalone: Nuxt's server/ is the Nuxt reader's) builds a server from
 * folders, not imports (https://nitro.build/guide): every handler under `routes/` and `api/`
 * (`routesDir`/`apiDir` when set), every file of `middleware/`, `plugins/` and `tasks/`, and, while
 * auto-imports are on (`imports: false` turns them off), `utils/` — all below `srcDir`
 * (`serverDir` in Nitro 3; default the package root). nitro.config.* is loaded too. All with the
 * kind of what runs nitro in the package.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configDir, dependsOn, eachPackage, enabledByPackages, filesIn, kindOf, packageFilesUnder, readToolConfig, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CONFIG = /^nitro\.config\.[cm]?[jt]s$/;
const CODE = /\.[cm]?[jt]sx?$/;

// A Nuxt app's server/ is read by the Nuxt reader, with Nuxt's own folder rules.
const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['nitropack', 'nitro'], CONFIG).filter((p) => !dependsOn(p, 'nuxt'));

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const value: ConfigValue | null = config ? readToolConfig(ctx, config, out.diagnostics, 'nitro').value : null;
  const run = toolRun(ctx, pkg.dir, ['nitro', 'nitropack'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'nitro');
  const source = config ?? pkg.manifest;
  if (config) out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: Nitro config, loaded by ${why}` });
  const src = configDir(pkg.dir, configAt(value, 'serverDir') ?? configAt(value, 'srcDir'), '.');
  const under = (name: string) => (src === '' ? name : `${src}/${name}`);
  const folders: [string, string][] = [
    [configDir(pkg.dir, configAt(value, 'routesDir'), under('routes')), 'route'],
    [configDir(pkg.dir, configAt(value, 'apiDir'), under('api')), 'API route'],
    [under('middleware'), 'middleware'],
    [under('plugins'), 'plugin'],
    [under('tasks'), 'task'],
  ];
  const imports = configAt(value, 'imports');
  if (!(imports?.kind === 'boolean' && !imports.value)) folders.push([under('utils'), 'auto-imported util']);
  for (const [folder, what] of folders) {
    for (const file of packageFilesUnder(ctx, pkg, folder)) {
      if (!CODE.test(file) || file.endsWith('.d.ts')) continue;
      out.entries.push({ source, target: file, targetKind: 'file', kind, evidence: `Nitro ${what} (${folder}/), loaded by ${why}` });
    }
  }
};

const nitro: FrameworkReader = {
  id: 'nitro',
  title: 'Nitro (routes/, api/, middleware/, plugins/, tasks/ and auto-imported utils/ below srcDir)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Nitro'),
  collect: eachPackage(packages, collectPackage),
};

export default nitro;
