/**
 * drizzle-kit reads the schema files its config names to generate and push migrations, whether
 * or not the app imports them: `schema` in drizzle.config.{ts,js,mjs,cjs,json} (or the file
 * `drizzle-kit … --config=x` names), a path, a folder or a glob, or a list of them, relative to
 * the package. Those files are roots with the kind of what runs drizzle-kit there (else tooling).
 */
import { configAt, configStrings } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configArg, eachPackage, enabledByPackages, filesIn, globFiles, kindOf, readToolConfig, runEvidence, toolInvocations, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^drizzle\.config\.([cm]?[jt]s|json)$/;
const CODE = /\.([cm]?[jt]sx?)$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['drizzle-kit'], CONFIG);

const configsOf = (ctx: FrameworkContext, pkg: JsPackage): string[] => {
  const configs = filesIn(ctx, pkg.dir, CONFIG);
  for (const run of toolInvocations(ctx, ['drizzle-kit']).filter((r) => r.cwd === pkg.dir)) {
    const named = configArg(run.args, ['--config']);
    const path = named === null ? null : joinRepo(pkg.dir, named);
    if (path !== null && ctx.files.has(path) && !configs.includes(path)) configs.push(path);
  }
  return configs;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const run = toolRun(ctx, pkg.dir, ['drizzle-kit']);
  for (const config of configsOf(ctx, pkg)) {
    const schema = configStrings(configAt(readToolConfig(ctx, config, out.diagnostics, 'drizzle').value, 'schema'));
    warnUnread(out.diagnostics, 'drizzle', config, schema.unknown, 'schema');
    for (const { file, glob } of globFiles(ctx, pkg.dir, schema.strings.map((s) => s.value.replace(/\/+$/, '')))) {
      if (!CODE.test(file) || file === config) continue;
      const line = schema.strings.find((s) => s.value.replace(/\/+$/, '') === glob)?.line ?? 1;
      out.entries.push({ source: config, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${line > 1 ? `${config}:${line}` : config} drizzle schema "${glob}" (${runEvidence(run, 'drizzle-kit')})`, ...(line > 1 ? { line } : {}) });
    }
  }
};

const drizzle: FrameworkReader = {
  id: 'drizzle',
  title: 'drizzle-kit (the schema files of its config)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'drizzle-kit'),
  collect: eachPackage(packages, collectPackage),
};

export default drizzle;
