/**
 * Ghost's adapter manager (`@tryghost/adapter-manager`, vendored in Ghost as
 * core/server/services/adapter-manager/AdapterManager.js) loads an adapter by the name its config
 * picks: for each folder of `pathsToAdapters` it requires `<folder>/<type>/<name>` (getAdapter:
 * `path.join(pathToAdapters, adapterType, adapterClassName)`; a blank path means node_modules).
 * Which adapter a site uses is configuration — `adapters.cache.active`, `storage.media`, a Redis
 * cache for one site, memory for another — so every adapter a folder holds is loadable, though
 * nothing imports it. Each folder of a `new AdapterManager({pathsToAdapters: [...]})` that is
 * settled statically (folder-expr.ts, with nconf settings: Ghost passes
 * `config.get('paths').internalAdaptersPath`) gives a reference from that file to each module file
 * `<folder>/<type>/<name>` and each `<folder>/<type>/<name>/index` file; a type folder's own
 * index is not an adapter name, and tests and type declarations are left out.
 */
import { callsIn, configAt, possibleValues, readConfigExport, type ConfigValue } from '../../languages/javascript/config-value.js';
import { basename, dirname } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { explainedFolderOf } from '../../languages/javascript/folder-expr.js';
import { folderScopeOf } from './folder-scope.js';
import { moduleFolderFiles } from './module-folder.js';
import { codeFilesMarked, fileReference, resolveToolPath } from './support.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { perScan } from '../per-scan.js';


interface AdapterFolder {
  file: string;
  line: number;
  folder: string;
  why: string[];
}

/** The adapter folders each `new AdapterManager({pathsToAdapters})` of the scan names (found once per scan). */
const adapterFolders = perScan((ctx): AdapterFolder[] => {
  const out: AdapterFolder[] = [];
  for (const file of codeFilesMarked(ctx, ['pathsToAdapters'])) {
    const text = ctx.readText(file) ?? '';
    if (!text.includes('pathsToAdapters') || !text.includes('AdapterManager')) continue;
    for (const call of callsIn(file, text, /(?:^|\.)AdapterManager$/)) {
      const given = configAt(call.args[0] ?? null, 'pathsToAdapters');
      const named = given?.kind === 'unknown' ? given.text : null;
      const imported = named === null ? null : importedList(ctx, file, named);
      const paths = imported?.value ?? given;
      if (paths?.kind !== 'array') continue;
      const at = imported === null ? { file, text, line: (l: number) => l, why: [] } : { file: imported.file, text: imported.text, line: () => given?.line ?? 1, why: [`${named} is ${imported.file}'s ${imported.name}`] };
      for (const item of paths.items.flatMap(possibleValues)) {
        const expr = item.kind === 'string' ? (item.value === '' ? null : JSON.stringify(item.value)) : item.kind === 'unknown' ? (item.source ?? item.text) : null;
        const found = expr === null ? null : explainedFolderOf(expr, at.file, at.text, folderScopeOf(ctx));
        if (found !== null) out.push({ file, line: at.line(item.line), folder: found.folder, why: [...at.why, ...found.why] });
      }
    }
  }
  return out;
});

/**
 * The list a local module exports, when `pathsToAdapters` names it through an import: `x_1.name`
 * (tsc's `import { name } from './x'`, or `x.name` of `const x = require('./x')`) or `name` of an
 * ESM `import { name } from './x'`. Read as config-value reads an export, a call of the module's
 * own function read through its body (Ghost 6: `exports.adapterPaths = buildAdapterPaths(config_1.default)`).
 */
const importedList = (ctx: FrameworkContext, file: string, expr: string): { file: string; text: string; name: string; value: ConfigValue | null } | null => {
  const member = /^([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)$/.exec(expr.trim());
  const local = member ? member[1] : /^[A-Za-z_$][\w$]*$/.test(expr.trim()) ? expr.trim() : null;
  let spec: string | null = null;
  let name: string | null = null;
  // The file's imports hold each binding with its local name: `x_1` of `const x_1 = require('./x')` as `*`, `def` as `default`.
  for (const imp of local === null ? [] : (ctx.facts(file)?.imports ?? [])) {
    const bound = imp.specifier.startsWith('.') ? imp.names.find((n) => (n.alias ?? n.name) === local) : undefined;
    if (bound === undefined) continue;
    if (member && (bound.name === '*' || bound.name === 'default')) [spec, name] = [imp.specifier, member[2]];
    else if (!member && bound.name !== '*' && bound.name !== 'default') [spec, name] = [imp.specifier, bound.name];
    if (spec !== null) break;
  }
  const module = spec === null ? null : resolveToolPath(ctx, dirname(file), spec);
  const moduleText = module === null ? null : ctx.readText(module);
  if (module === null || moduleText === null || name === null) return null;
  return { file: module, text: moduleText, name, value: readConfigExport(module, moduleText, name, undefined, { calls: true }).value };
};

/** `<folder>/<type>/<name>` and `<folder>/<type>/<name>/index` for each type folder. */
const adapterFiles = (ctx: FrameworkContext, folder: string, from: string): string[] => {
  const prefix = folder === '' ? '' : `${folder}/`;
  const types = new Set<string>();
  for (const f of pathsWithPrefix(ctx.files, prefix)) {
    const rest = f.slice(prefix.length).split('/');
    if (rest.length >= 2 && !f.includes('node_modules/')) types.add(`${prefix}${rest[0]}`);
  }
  return [...types].sort().flatMap((type) => moduleFolderFiles(ctx, type, from).filter((f) => dirname(f) !== type || !/^index\./.test(basename(f))));
};

const adapterManager: FrameworkReader = {
  id: 'adapter-manager',
  title: "Ghost's adapter manager (every adapter in the folders pathsToAdapters names)",
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = adapterFolders(ctx)[0];
    return first ? `${first.file}:${first.line} gives the adapter manager ${first.folder || '.'} in pathsToAdapters` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const a of adapterFolders(ctx)) {
      const why = a.why.length === 0 ? '' : ` (${a.why.join('; ')})`;
      for (const target of adapterFiles(ctx, a.folder, a.file)) {
        out.references.push(fileReference(a.file, target, a.line, `${a.file}:${a.line} gives the adapter manager ${a.folder || '.'} in pathsToAdapters, and it requires <folder>/<type>/<name> for the adapter the config names${why}`));
      }
    }
    return out;
  },
};

export default adapterManager;
