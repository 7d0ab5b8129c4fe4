/**
 * Stop 53: module names a caller writes under a key of the dicts it hands a loader, for a loader
 * parameter with a `key` role (loader-roles.ts reads `item['KEY']` of a parameter's items).
 * cloudkitty 17.0, api/v2/rating/__init__.py:19 hands
 *
 *     api_utils.do_init(app, 'rating', [{'module': __name__ + '.' + 'modules', 'resource_class': …}, …])
 *
 * to api/v2/utils.py's `do_init(app, blueprint_name, resources)`, which runs
 * `for resource_info in schema(resources): _load_resource(resource_info['module'], …)`, and
 * `_load_resource` imports it. Read as written: a literal list (or tuple) of dict literals; the
 * value under the key is a string literal, or `__name__` then `+` literals in a package's
 * `__init__.py` (the package's own name). Another value (a name, a call, `__name__` of a plain
 * module, which has no submodules) names nothing; a list held by a name is not followed.
 */
import type { FrameworkContext } from '../types.js';
import { splitCommas } from '../../languages/python/sys-path.js';
import { literalValue } from './call-text.js';
import { isModuleName } from '../../languages/python/literals.js';
import { basename, dirname } from '../../util/path.js';

export interface KeyedValue {
  /** The value as written (`__name__ + '.' + 'modules'`). */
  text: string;
  /** What it names: the dotted name, or for `__name__` the rest and the package's folder. */
  name: string;
  /** The module's file first, then the packages above it that importing it runs. */
  files: string[];
}

/** Dicts (at most this many) read from one argument. */
const MAX_ITEMS = 200;

/** The parts of a bracketed literal `open…close`, or null when `text` is not one. */
const inside = (text: string, open: string, close: string): string[] | null => {
  const e = text.trim();
  if (!e.startsWith(open) || !e.endsWith(close)) return null;
  const parts = splitCommas(e.slice(1, -1));
  return parts === null ? null : parts.filter((p) => p !== '');
};

/** The value under `key` in a dict literal's text, or null. */
const valueUnder = (dict: string, key: string): string | null => {
  for (const entry of inside(dict, '{', '}') ?? []) {
    const kv = splitCommas(entry, ':');
    if (kv === null || kv.length < 2) continue;
    if (literalValue(kv[0]) === key) return entry.slice(entry.indexOf(':', kv[0].length) + 1).trim();
  }
  return null;
};

/** What a value names, read in `file`. */
const named = (ctx: FrameworkContext, file: string, value: string): { name: string; files: string[] } | null => {
  const parts = splitCommas(value, '+');
  if (parts === null || parts.length === 0) return null;
  const own = parts[0] === '__name__';
  let rest = '';
  for (const p of own ? parts.slice(1) : parts) {
    const lit = literalValue(p);
    if (lit === null) return null;
    rest += lit;
  }
  if (!own) {
    if (!isModuleName(rest)) return null;
    const files = ctx.module(rest, dirname(file));
    return files.length === 0 ? null : { name: rest, files };
  }
  // `__name__` of a package's __init__.py is that package; a plain module has no modules below it.
  if (basename(file) !== '__init__.py' || !rest.startsWith('.') || !isModuleName(rest.slice(1))) return null;
  const segments = rest.slice(1).split('.');
  const folder = dirname(file);
  const path = [folder, ...segments].filter((s) => s !== '').join('/');
  const module = [`${path}.py`, `${path}/__init__.py`].find((f) => ctx.files.has(f));
  if (module === undefined) return null;
  const inits: string[] = [];
  for (let k = 1; k < segments.length; k++) {
    const init = [folder, ...segments.slice(0, k), '__init__.py'].filter((s) => s !== '').join('/');
    if (ctx.files.has(init)) inits.push(init);
  }
  return { name: `${segments.join('.')} of the package ${folder === '' ? '.' : folder}/`, files: [module, ...inits.filter((f) => f !== module)] };
};

/** The parts of a literal list or tuple's text (`["a.b", "c"]`, `("a.b",)`); none for anything else. */
export const listedItems = (text: string): string[] => inside(text, '[', ']') ?? inside(text, '(', ')') ?? [];

/** The modules named under `key` in the dicts of the literal list `argText`, read in `file`. */
export const keyedValues = (ctx: FrameworkContext, file: string, argText: string, key: string): KeyedValue[] => {
  const items = listedItems(argText);
  const out: KeyedValue[] = [];
  for (const item of items.slice(0, MAX_ITEMS)) {
    const value = valueUnder(item, key);
    const found = value === null ? null : named(ctx, file, value);
    if (value !== null && found !== null && !out.some((o) => o.files[0] === found.files[0])) out.push({ text: value, ...found });
  }
  return out;
};
