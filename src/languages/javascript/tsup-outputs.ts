/**
 * What tsup writes for each entry, so built paths map back to their sources even when the names
 * differ: `entry: { cli: 'src/bin/run.ts' }` writes `dist/cli.js` (and .mjs, .cjs, .d.ts…), and
 * an array or string entry (globs allowed) writes each file at its path below the entries' lowest
 * common folder (esbuild's outbase), under `outDir` (default `dist`). Read from tsup.config.* and
 * package.json "tsup" (one config or an array), never run; a computed entry names nothing.
 */
import { JSONC_MANIFEST } from '../../manifests/json.js';
import type { Manifests } from '../../manifests/store.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { compileRepoGlob, isGlob } from '../../util/glob.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { configAt, readConfigFile, type ConfigValue } from './config-value.js';
import { packageJsonValue } from './package-json-value.js';

const CONFIG = /^tsup\.config\.([cm]?[jt]s|json)$/;
const OUTPUT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.d.ts', '.d.mts', '.d.cts'];
const SOURCE_EXTENSION = /\.(d\.)?[cm]?[jt]sx?$/;

export interface TsupOutput {
  source: string;
  why: string;
}

/** A JSON value as a config value (package.json "tsup", tsup.config.json). */
const fromJson = (v: unknown): ConfigValue =>
  typeof v === 'string' ? { kind: 'string', value: v, line: 1 }
  : Array.isArray(v) ? { kind: 'array', items: v.map(fromJson), line: 1 }
  : v !== null && typeof v === 'object' ? { kind: 'object', props: new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x)])), line: 1, partial: false }
  : { kind: 'null', line: 1 };

const configsOf = (manifests: Manifests, dir: string, files: string[]): { from: string; value: ConfigValue }[] => {
  const out: { from: string; value: ConfigValue }[] = [];
  for (const file of files) {
    if (file.endsWith('.json')) {
      const json = manifests.get(file, JSONC_MANIFEST);
      if (json !== null) out.push({ from: file, value: fromJson(json) });
      continue;
    }
    const text = manifests.text(file);
    const value = text === null ? null : readConfigFile(file, text).value;
    if (value) out.push({ from: file, value });
  }
  const manifest = joinRepo(dir, 'package.json');
  const pkg = manifest === null ? null : packageJsonValue(manifests, manifest);
  if (manifest !== null && pkg !== null && typeof pkg === 'object' && 'tsup' in pkg) out.push({ from: `${manifest} "tsup"`, value: fromJson((pkg as { tsup: unknown }).tsup) });
  return out;
};

/** The lowest common folder of repo paths. */
const commonDir = (paths: string[]): string => {
  let common = dirname(paths[0]);
  for (const p of paths) while (common !== '' && !p.startsWith(`${common}/`)) common = dirname(common);
  return common;
};

/** Built path → the tsup entry it was written from, for every tsup config in the repo. */
export const tsupOutputs = (manifests: Manifests): Map<string, TsupOutput> => {
  const out = new Map<string, TsupOutput>();
  // Folders with a tsup config, and with a package.json (which may hold "tsup"), each with its configs.
  const dirs = new Map<string, string[]>();
  for (const p of manifests.all((f) => !f.includes('node_modules/') && (CONFIG.test(basename(f)) || basename(f) === 'package.json'))) {
    const list = dirs.get(dirname(p)) ?? [];
    if (CONFIG.test(basename(p))) list.push(p);
    dirs.set(dirname(p), list);
  }
  for (const [dir, files] of dirs) {
    for (const { from, value } of configsOf(manifests, dir, files)) {
      for (const config of value.kind === 'array' ? value.items : [value]) {
        const entry = configAt(config, 'entry') ?? configAt(config, 'entryPoints');
        const outDirValue = configAt(config, 'outDir');
        const outDir = joinRepo(dir, outDirValue?.kind === 'string' ? outDirValue.value : 'dist');
        if (!entry || outDir === null) continue;
        const named: [string, string][] = [];
        if (entry.kind === 'object') {
          for (const [name, v] of entry.props) {
            const source = v.kind === 'string' ? joinRepo(dir, v.value) : null;
            if (source !== null && manifests.files.has(source)) named.push([name, source]);
          }
        } else {
          const specs = (entry.kind === 'array' ? entry.items : [entry]).flatMap((v) => (v.kind === 'string' ? [v.value] : []));
          const sources = specs.flatMap((spec) => {
            const path = joinRepo(dir, spec.replace(/^!/, ''));
            if (path === null || spec.startsWith('!')) return [];
            if (!isGlob(spec)) return manifests.files.has(path) ? [path] : [];
            const match = compileRepoGlob(path);
            return pathsWithPrefix(manifests.files, dir === '' ? '' : `${dir}/`).filter((f) => match(f));
          });
          if (sources.length === 0) continue;
          const base = commonDir(sources);
          for (const source of sources) named.push([(base === '' ? source : source.slice(base.length + 1)).replace(SOURCE_EXTENSION, ''), source]);
        }
        for (const [name, source] of named) {
          for (const ext of OUTPUT_EXTENSIONS) {
            const built = joinRepo(outDir, `${name}${ext}`);
            if (built !== null && !out.has(built)) out.set(built, { source, why: `${from} entry "${name}": tsup writes ${source} to ${built}` });
          }
        }
      }
    }
  }
  return out;
};
