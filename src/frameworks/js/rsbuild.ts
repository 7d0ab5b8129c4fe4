/**
 * Rsbuild builds from `source.entry` in rsbuild.config.{js,ts,mjs,mts,cjs,cts} (or the file
 * `rsbuild -c x` names), whether `defineConfig` gets the object or a function (async too) that
 * returns it, read statically from the returned literal: a string, an array, `{ import }`
 * descriptors or an object of names to any of these, as webpack takes them; `source.preEntry` (a
 * string or an array) is bundled before every entry; each environment's
 * `environments.<name>.source` adds its own. Paths are relative to `root` (default: the folder
 * rsbuild runs in). With no `source.entry` anywhere, Rsbuild builds `src/index.(ts|tsx|js|jsx|mjs|cjs)`.
 * The config is a root with the kind of what runs rsbuild there; each entry a reference from it.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { entryPointStrings } from './webpack.js';
import { configsFromCommands, eachPackage, enabledByPackages, fileReference, filesIn, kindOf, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^rsbuild\.config\.[cm]?[jt]s$/;
const BINS = ['rsbuild'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@rsbuild/core'], CONFIG);

/** Each `source` block with the name it goes by in evidence: the top level's, then every environment's. */
const sourceBlocks = (value: ConfigValue | null): { key: string; source: ConfigValue }[] => {
  const blocks: { key: string; source: ConfigValue }[] = [];
  const top = configAt(value, 'source');
  if (top) blocks.push({ key: 'source', source: top });
  const environments = configAt(value, 'environments');
  if (environments?.kind === 'object') {
    for (const [name, env] of environments.props) {
      const source = configAt(env, 'source');
      if (source) blocks.push({ key: `environments.${name}.source`, source });
    }
  }
  return blocks;
};

const collectConfig = (ctx: FrameworkContext, config: string, dir: string, out: FrameworkOutput) => {
  const run = toolRun(ctx, dir, BINS, { bundler: true });
  out.entries.push({ source: config, target: config, targetKind: 'file', kind: kindOf(run), evidence: `${config}: rsbuild config, loaded by ${runEvidence(run, 'rsbuild')}` });
  const { value } = readToolConfig(ctx, config, out.diagnostics, 'rsbuild');
  const rootValue = configAt(value, 'root');
  const root = rootValue?.kind === 'string' ? (joinRepo(dir, rootValue.value) ?? dir) : dir;
  const unread: { line: number; text: string }[] = [];
  let named = false;
  for (const { key, source } of sourceBlocks(value)) {
    const entry = configAt(source, 'entry');
    if (entry) named = true;
    const preEntry = configStrings(configAt(source, 'preEntry'));
    unread.push(...preEntry.unknown);
    const paths = [...entryPointStrings(entry, unread).map((e) => ({ ...e, key: `${key}.entry` })), ...preEntry.strings.map((e) => ({ ...e, key: `${key}.preEntry` }))];
    for (const p of paths) {
      const file = resolveToolPath(ctx, root, p.value);
      if (file) out.references.push(fileReference(config, file, p.line, `rsbuild ${p.key} "${p.value}" in ${config}:${p.line}`));
    }
  }
  warnUnread(out.diagnostics, 'rsbuild', config, unread, 'source.entry');
  if (!named) {
    const file = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs'].map((ext) => joinRepo(root, `src/index.${ext}`)).find((f) => f !== null && ctx.files.has(f)) ?? null;
    if (file) out.references.push(fileReference(config, file, undefined, `rsbuild's default entry src/index.(ts|tsx|js|jsx|mjs|cjs), as ${config} names no source.entry`));
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const configs = [...new Set([...filesIn(ctx, pkg.dir, CONFIG), ...configsFromCommands(ctx, BINS).filter((c) => c.dir === pkg.dir).map((c) => c.config)])];
  for (const config of configs) collectConfig(ctx, config, pkg.dir, out);
};

const rsbuild: FrameworkReader = {
  id: 'rsbuild',
  title: 'Rsbuild (source.entry and preEntry, per environment; a defineConfig function read from its returned literal)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Rsbuild'),
  collect: eachPackage(packages, collectPackage),
};

export default rsbuild;
