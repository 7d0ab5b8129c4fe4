/**
 * An nconf setting read statically: `config.get('paths:migrationPath')` or
 * `config.get('paths').adminAssets`, where `config` is bound to a local module
 * (`const config = require('../shared/config')`). nconf apps keep their settings as JSON files
 * beside that module, and the key path is looked up there: overrides.json is read first (nothing
 * below it can change a key it sets — Ghost's loader, and nconf's usual layout), then any other
 * JSON file of the folder or one folder down (env/config.<env>.json, defaults.json). When those
 * disagree the value depends on the environment and is not read. A relative path is the
 * package's: nconf loaders make `paths` absolute from the app root (Ghost's makePathsAbsolute).
 * Nothing here runs the app; a value that cannot be settled is null, with the reason.
 */
import { parseJsonc } from '../../util/jsonc.js';
import { lineHolding } from '../../util/lines.js';
import { valueAt } from '../../manifests/json.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext } from '../types.js';
import { jsPackages, resolveToolPath } from './support.js';
import { requiredModule } from '../../languages/javascript/module-binding.js';

export interface NconfValue {
  value: string;
  /** For the evidence: `config.get('paths:x') = "core/x" from core/shared/config/overrides.json:5`. */
  why: string;
}

export type NconfLookup = NconfValue | { unread: string };

/** `name.get('a:b')`, `name.get('a').b`, `name.get('a')['b']` (`name_1.default.get(…)` compiled): the bound name and the key path. */
const GET = /^([A-Za-z_$][\w$]*)(?:\s*\.\s*default)?\s*\.\s*get\(\s*(['"])([\w:.-]+)\2\s*\)(?:\s*\.\s*([A-Za-z_$][\w$]*)|\s*\[\s*(['"])([\w.-]+)\5\s*\])?$/;

const IS_RELATIVE = (s: string): boolean => !s.startsWith('/') && !/^[a-z]:[\\/]/i.test(s);

/** The JSON files an nconf loader beside `dir` may read: the folder's own, then one folder down. */
const jsonFiles = (ctx: FrameworkContext, dir: string): string[] => {
  const prefix = dir === '' ? '' : `${dir}/`;
  return pathsWithPrefix(ctx.files, prefix).filter((f) => f.endsWith('.json') && !f.includes('node_modules/') && f.slice(prefix.length).split('/').length <= 2);
};

/** The string at a key path of a JSON file, with the line that sets it (the JSON parser keeps no positions). */
const jsonKey = (ctx: FrameworkContext, file: string, keys: string[]): { value: string; line: number } | undefined => {
  const text = ctx.readText(file);
  const parsed = text === null ? null : parseJsonc(text);
  if (text === null || parsed === null || !('value' in parsed)) return undefined;
  const v = valueAt(parsed.value, keys);
  if (typeof v !== 'string') return undefined;
  const value = v;
  const last = JSON.stringify(keys[keys.length - 1]);
  return { value, line: lineHolding(text, last, JSON.stringify(value)) ?? 1 };
};

/** The value the JSON files beside the config module `module` give the nconf key `key` (`a:b`). */
export const nconfKey = (ctx: FrameworkContext, module: string, key: string, shown: string): NconfLookup => {
  const keys = key.split(':');
  const dir = dirname(module);
  const found = jsonFiles(ctx, dir).map((file) => ({ file, hit: jsonKey(ctx, file, keys) })).filter((f) => f.hit !== undefined) as { file: string; hit: { value: string; line: number } }[];
  const overrides = found.find((f) => f.file === joinRepo(dir, 'overrides.json'));
  const values = new Set(found.map((f) => f.hit.value));
  const chosen = overrides ?? (values.size === 1 ? (found.find((f) => basename(f.file) === 'defaults.json') ?? found[0]) : undefined);
  if (!chosen) {
    const unread =
      found.length === 0 ? `no JSON file in ${dir || '.'} holds "${key}"` : `"${key}" differs between ${found.map((f) => `${f.file}:${f.hit.line}`).join(', ')} (which applies depends on the environment)`;
    return { unread };
  }
  return { value: chosen.hit.value, why: `${shown} = "${chosen.hit.value}" from ${chosen.file}:${chosen.hit.line}` };
};

/** The folder of the package a file belongs to: the nearest package.json at or above it ('' for the root). */
const packageDirOf = (ctx: FrameworkContext, file: string): string => {
  let best = '';
  for (const p of jsPackages(ctx)) if ((p.dir === '' || file.startsWith(`${p.dir}/`)) && p.dir.length > best.length) best = p.dir;
  return best;
};

/**
 * The repo folder an nconf `get` expression in `file` names (`config.get('paths').adminAssets`),
 * or null: not such an expression, `config` not bound to a local module, the key not settled by
 * its JSON, or not a relative path.
 */
export const nconfFolder = (ctx: FrameworkContext, file: string, text: string, expr: string): { folder: string; why: string } | null => {
  const m = GET.exec(expr.trim());
  if (!m) return null;
  const spec = requiredModule(text, m[1]);
  const module = spec === null ? null : resolveToolPath(ctx, dirname(file), spec);
  if (module === null) return null;
  const key = [m[3], m[4] ?? m[6]].filter((k): k is string => k !== undefined).join(':');
  const found = nconfKey(ctx, module, key, expr.trim().replace(/\s+/g, ''));
  if ('unread' in found || !IS_RELATIVE(found.value)) return null;
  const folder = joinRepo(packageDirOf(ctx, module), found.value.replace(/\/+$/, ''));
  return folder === null ? null : { folder, why: found.why };
};
