/**
 * Prisma's seed command: `prisma db seed` (and `prisma migrate reset` / `migrate dev`, which seed
 * after migrating) runs the command in package.json `"prisma": { "seed": "tsx prisma/seed.ts" }`,
 * or Prisma 6's prisma.config.* `migrations.seed`. That command line runs in the package folder, so
 * the seed script it names is a root: with the kind of whatever runs prisma's seeding there, else
 * tooling (a developer seeds a local database). The schema (`.prisma`) is not code census judges.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { isRecord } from '../../manifests/json.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, jsPackages, kindOf, readToolConfig, runEvidence, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^prisma\.config\.[cm]?[jt]s$/;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => isRecord(p.json.prisma) || filesIn(ctx, p.dir, CONFIG).length > 0);

/** The prisma commands that run the seed command. */
const seeds = (args: string[]): boolean => (args[0] === 'db' && args[1] === 'seed') || (args[0] === 'migrate' && (args[1] === 'reset' || args[1] === 'dev'));

const addSeed = (ctx: FrameworkContext, pkg: JsPackage, source: string, seed: ConfigValue | null, where: string, out: FrameworkOutput) => {
  if (seed === null) return;
  if (seed.kind === 'unknown') {
    warnUnread(out.diagnostics, 'prisma', source, [{ line: seed.line, text: seed.text }], 'the seed command');
    return;
  }
  if (seed.kind !== 'string') return;
  const run = toolRun(ctx, pkg.dir, ['prisma'], { args: seeds });
  const line = seed.line > 1 ? seed.line : undefined;
  out.commands.push({ source, command: seed.value, cwd: pkg.dir, kind: kindOf(run), ...(line ? { line } : {}), evidence: `${source}${line ? `:${line}` : ''} ${where}, the seed command of ${runEvidence(run, 'prisma db seed')}` });
};

const prisma: FrameworkReader = {
  id: 'prisma',
  title: 'Prisma (the seed command of package.json "prisma" or prisma.config.*)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Prisma'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) {
      if (isRecord(pkg.json.prisma)) addSeed(ctx, pkg, pkg.manifest, configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, 'prisma').value, 'prisma', 'seed'), '"prisma".seed', out);
      for (const config of filesIn(ctx, pkg.dir, CONFIG)) addSeed(ctx, pkg, config, configAt(readToolConfig(ctx, config, out.diagnostics, 'prisma').value, 'migrations', 'seed'), 'migrations.seed', out);
    }
    return out;
  },
};

export default prisma;
