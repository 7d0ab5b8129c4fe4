/**
 * Payload CMS loads much of an app by its own rules, not by imports: admin components named by
 * path strings in the config (resolved from `admin.importMap.baseDir`), the generated types file
 * (`typescript.outputFile`), custom bin scripts (`bin[].scriptPath`, run by `payload <key>`), migrations read from a folder by `payload migrate`, predefined
 * migrations of the db adapters, and — in Payload's own monorepo — test suites whose `config.ts`
 * the harness imports by folder name. Each part lives in its own file (payload-*.ts); this one
 * ties them together. Applies when a package depends on `payload` (or is it).
 */
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { componentReferences } from './payload-components.js';
import { payloadConfigs } from './payload-configs.js';
import { configMigrations, namedMigrationDirs, predefinedMigrations, testFiles } from './payload-migrations.js';
import { suiteEntries } from './payload-suites.js';
import { enabledByPackages, fileReference, jsPackages, toolPackages } from './support.js';

const enabledBy = (ctx: FrameworkContext): string | null => {
  const own = jsPackages(ctx).find((p) => p.json.name === 'payload');
  if (own) return `${own.manifest} is the payload package`;
  return enabledByPackages(toolPackages(ctx, ['payload'], null), 'Payload');
};

const payload: FrameworkReader = {
  id: 'payload',
  title: 'Payload CMS (component paths, generated types, migrations, test-suite configs)',
  ecosystem: 'javascript',
  enabledBy,
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const { configs, diagnostics } = payloadConfigs(ctx);
    out.diagnostics.push(...diagnostics);
    for (const config of configs) {
      const components = componentReferences(ctx, config);
      out.references.push(...components.references);
      out.diagnostics.push(...components.diagnostics);
      const types = config.outputFile;
      if (types && ctx.files.has(types.path)) {
        // Written from the config whenever it loads (autoGenerate) or by generate:types: it goes with the config.
        out.references.push(fileReference(types.file, types.path, types.line, `the types file Payload generates from ${config.file} (typescript.outputFile at ${types.file}:${types.line})`));
      }
      for (const script of config.binScripts) {
        if (!ctx.files.has(script.path)) continue;
        const command = script.binKey ? `\`payload ${script.binKey}\`` : 'its `payload <key>` command';
        out.references.push(fileReference(script.file, script.path, script.line, `a custom bin script of the Payload config ${config.file} (bin[].scriptPath at ${script.file}:${script.line}), imported and run by ${command}`));
      }
    }
    out.entries.push(...suiteEntries(ctx, configs));
    const tests = testFiles(ctx);
    const migrations = configMigrations(ctx, configs);
    out.entries.push(...migrations.entries, ...predefinedMigrations(ctx));
    out.references.push(...migrations.references, ...namedMigrationDirs(ctx, tests, configs));
    return out;
  },
};

export default payload;
