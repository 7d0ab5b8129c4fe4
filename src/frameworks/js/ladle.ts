/**
 * Ladle (@ladle/react, a Storybook alternative on Vite) loads stories by a glob, not imports
 * (https://ladle.dev/docs/config): `stories` in `.ladle/config.mjs`, a `--stories` glob on its
 * command line, else `src/**\/*.stories.{js,jsx,ts,tsx,mdx}`, relative to the package. Beside the
 * config it loads `.ladle/components.{tsx,jsx,ts,js}` (the global provider) and the file its
 * `viteConfig` names; `--config <dir>` moves the `.ladle` folder, `--viteConfig` names the Vite
 * config. All with the kind of what runs ladle (`ladle serve` alone: tooling).
 */
import { configAt, configStrings } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { codeFileAt, dependsOn, eachPackage, enabledByPackages, globFiles, jsPackages, kindOf, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolRun, warnUnread, type JsPackage } from './support.js';

const DEFAULT_STORIES = 'src/**/*.stories.{js,jsx,ts,tsx,mdx}';

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, '@ladle/react'));

/** The value of `--name x` / `--name=x` on any ladle command line of the package. */
const flagValue = (ctx: FrameworkContext, pkg: JsPackage, name: string): { value: string; evidence: string } | null => {
  for (const run of toolInvocations(ctx, ['ladle']).filter((r) => r.cwd === pkg.dir)) {
    const i = run.args.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) continue;
    const value = run.args[i].includes('=') ? run.args[i].slice(name.length + 1) : run.args[i + 1];
    if (value !== undefined && !value.startsWith('-')) return { value: value.replace(/^["']|["']$/g, ''), evidence: run.evidence };
  }
  return null;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['ladle']);
  const kind = kindOf(run);
  const why = runEvidence(run, 'ladle');
  const add = (source: string, target: string, what: string, line?: number) =>
    out.entries.push({ source, target, targetKind: 'file', kind, evidence: `Ladle ${what}, loaded by ${why}`, ...(line && line > 1 ? { line } : {}) });

  const configDir = joinRepo(pkg.dir, (flagValue(ctx, pkg, '--config')?.value ?? '.ladle').replace(/\/+$/, '')) ?? pkg.dir;
  const config = ctx.files.has(`${configDir}/config.mjs`) ? `${configDir}/config.mjs` : null;
  const value = config === null ? null : readToolConfig(ctx, config, out.diagnostics, 'ladle').value;
  if (config !== null) add(config, config, 'config');
  const components = codeFileAt(ctx, `${configDir}/components`);
  if (components) add(config ?? pkg.manifest, components, `global provider (${configDir}/components)`);

  const viteNamed = flagValue(ctx, pkg, '--viteConfig');
  const viteConfig = viteNamed ? { value: viteNamed.value, line: 0 } : configStrings(configAt(value, 'viteConfig')).strings[0];
  const viteFile = viteConfig ? resolveToolPath(ctx, pkg.dir, viteConfig.value) : null;
  if (viteFile) add(config ?? pkg.manifest, viteFile, `viteConfig "${viteConfig!.value}"`, viteConfig!.line);

  // The command line's --stories wins over the config's, which wins over Ladle's default.
  const cli = flagValue(ctx, pkg, '--stories');
  const declared = configStrings(configAt(value, 'stories'));
  if (config !== null) warnUnread(out.diagnostics, 'ladle', config, declared.unknown, 'stories');
  const globs = cli ? [{ value: cli.value, line: 0 }] : declared.strings.length > 0 ? declared.strings : [{ value: DEFAULT_STORIES, line: 0 }];
  const from = cli ? `--stories on ${cli.evidence}` : declared.strings.length > 0 ? `stories in ${config}` : 'its default stories glob';
  for (const { file, glob } of globFiles(ctx, pkg.dir, globs.map((g) => g.value))) {
    add(config ?? pkg.manifest, file, `story ("${glob}", ${from})`, globs.find((g) => g.value === glob)?.line);
  }
};

const ladle: FrameworkReader = {
  id: 'ladle',
  title: 'Ladle (stories glob, .ladle/config.mjs, components provider, viteConfig)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Ladle'),
  collect: eachPackage(packages, collectPackage),
};

export default ladle;
