/**
 * Stop 53: a registry table of dotted names, looked up, and the value handed to a loader. trove 18.0:
 *
 *     defaults = {'mysql': 'trove.guestagent.datastore.mysql.manager.Manager', …}   # guestagent/dbaas.py:36
 *     def datastore_registry():
 *         return dict(chain(defaults.items(), get_custom_managers().items()))
 *     manager = dbaas.datastore_registry().get(CONF.datastore_manager)               # cmd/guest.py:52
 *     server = rpc_service.RpcService(…, manager=manager, …)                          # cmd/guest.py:93
 *     _manager = importutils.import_object(manager)                                    # common/rpc/service.py:48
 *
 * Which key is looked up is chosen at run time, so any value of the table may be the one loaded.
 * Read from tokens: the argument a loader is handed (loader-wrappers.ts settles it) is, or is a
 * local assigned (at or above the call, in the same def), `R.get(…)` or `R[…]`, where R is a
 * module-level `NAME = {…}` of the file or of a repo module it imports (`NAME`, `mod.NAME`, a name
 * imported from it), or the call `f()` / `mod.f()` of a module-level def whose `return` reads such a
 * NAME of its own module (`return NAME`, `dict(NAME)`, `dict(chain(NAME.items(), …))`). Every value of
 * the table that is a plain string is a name the loader may get (with a literal key, `.get('mysql')`,
 * only that entry's). A table that is never looked up, a
 * lookup that reaches no loader, a table whose values are computed, a function that builds its
 * table inline or returns another module's: nothing.
 */
import type { FrameworkContext } from '../types.js';
import type { PythonTokens } from '../../languages/python/tokenize.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { isOp, matchClose, nameText, splitTop } from '../../languages/python/ranges.js';
import { stringValue } from '../../languages/python/literals.js';
import { fileDefs, plainNames } from './loader-functions.js';
import type { Bindings } from './loader-calls.js';
import type { FunctionFlows } from './loader-roles.js';

/** One value of a registry table: where it is written, and the table's name there. */
export interface RegistryValue {
  value: string;
  file: string;
  line: number;
  table: string;
  /** The line of the loading file that looks it up. */
  lookup: number;
  /** The literal key looked up, or null for one chosen at run time. */
  key: string | null;
}

/**
 * A lookup, as the loading file writes it: `R.get(` or `R[`, R a dotted name, called with no
 * arguments or not; then the key when it is a plain string literal (`.get('mysql')`, `['mysql']`).
 */
const LOOKUP = /^((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)(\(\))?\s*(?:\.\s*get\s*\(|\[)\s*(?:(['"])([\w.-]*)\3\s*[,)\]])?/;
/**
 * Whether the lookup that `matched` opens (its `(` of `.get(` or its `[`, or, with a literal key, the
 * key's closing `)`/`]`) is closed by the last character of `text`. Strings are skipped.
 */
const endsArgument = (text: string, matched: string): boolean => {
  const last = matched[matched.length - 1];
  if (last === ')' || last === ']') return matched.length === text.length;
  let depth = 1;
  for (let i = matched.length; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i === text.length - 1;
    }
  }
  return false;
};
/** Entries read from one table (each lookup of it may resolve all of them). */
export const MAX_ENTRIES = 200;
/** How many assignments of one local are read. */
const MAX_ASSIGNED = 8;

/** A file's module-level tables (`NAME = {…}`) and the names each module-level def's `return`s read. */
interface FileTables {
  tables: Map<string, Entry[]>;
  returns: Map<string, Set<string>>;
}

/** One entry of a table: its value, the value's line, and its key when that is a string literal. */
interface Entry {
  key: string | null;
  value: string;
  line: number;
}

/** The plain-string values of the dict literal at `open` (a `{`): `k: 'v'` pairs only, each value a string run. */
const dictValues = (t: PythonTokens, open: number, to: number): Entry[] => {
  const close = matchClose(t, open, to);
  if (close < 0) return [];
  const out: Entry[] = [];
  for (const [s, e] of splitTop(t, open + 1, close)) {
    // Every lookup reads every value: a table this long is data, not a registry of modules.
    if (out.length >= MAX_ENTRIES) break;
    let colon = -1;
    for (let i = s; i < e; i++) if (t.depth[i] === t.depth[s] && isOp(t, i, Op.Colon)) { colon = i; break; }
    if (colon < 0) continue;
    const value = stringValue(t, colon + 1, e);
    if (value !== null) out.push({ key: stringValue(t, s, colon), value, line: t.line[colon + 1] });
  }
  return out;
};

const readTables = (text: string): FileTables => {
  const t = tokenize(text);
  const { done, moduleBody } = fileDefs(t);
  const tables = new Map<string, Entry[]>();
  /** Names bound at module level other than by one dict literal: their table holds whatever ran last. */
  const rebound = new Set<string>();
  for (let r = 0; r < moduleBody.length; r += 2) {
    const [a, b] = [moduleBody[r], moduleBody[r + 1]];
    if (t.kind[a] !== Kind.Name) continue;
    const first = nameText(t, a);
    if (first === 'from' || first === 'import') {
      for (let i = a + 1; i < b; i++) if (t.kind[i] === Kind.Name) rebound.add(nameText(t, i));
      continue;
    }
    if (!isOp(t, a + 1, Op.Assign) && !isOp(t, a + 1, Op.Colon)) continue;
    // Stop 54 (review 2 #7): an annotated table, `NAME: Dict[str, str] = {…}`, is the same dict.
    let eq = a + 1;
    if (isOp(t, eq, Op.Colon)) while (eq < b && !(t.depth[eq] === t.depth[a] && isOp(t, eq, Op.Assign))) eq++;
    if (b - eq < 3 || !isOp(t, eq, Op.Assign) || !isOp(t, eq + 1, Op.LBrace) || matchClose(t, eq + 1, b) !== b - 1 || tables.has(first)) rebound.add(first);
    else tables.set(first, dictValues(t, eq + 1, b));
  }
  // `global NAME` in a def rebinds it too.
  for (let i = 0; i + 1 < t.count; i++) {
    if (t.kind[i] !== Kind.Name || t.end[i] - t.start[i] !== 6 || nameText(t, i) !== 'global') continue;
    for (let j = i + 1; j < t.count && t.line[j] === t.line[i]; j++) if (t.kind[j] === Kind.Name) rebound.add(nameText(t, j));
  }
  for (const name of rebound) if (tables.has(name)) tables.set(name, []);
  const returns = new Map<string, Set<string>>();
  for (const d of done) {
    if (!d.topLevel || d.fn.body === null) continue;
    const read = new Set<string>();
    const local = new Set<string>(d.fn.params);
    const body = d.fn.body;
    for (let r = 0; r < body.length; r += 2) {
      const [a, b] = [body[r], body[r + 1]];
      if (t.kind[a] === Kind.Name && nameText(t, a) === 'return') plainNames(t, a + 1, b, (n) => read.add(n));
      // A local of the table's name (`defaults = {}` in the def) is not the module's table.
      if (t.kind[a] === Kind.Name && isOp(t, a + 1, Op.Assign)) local.add(nameText(t, a));
    }
    returns.set(d.fn.name, new Set([...read].filter((n) => !local.has(n))));
  }
  return { tables, returns };
};

/** Tables are read once per file for a scan's loader-wrappers pass. */
export type TableCache = Map<string, FileTables | null>;

const tablesOf = (ctx: FrameworkContext, cache: TableCache, file: string): FileTables | null => {
  let held = cache.get(file);
  if (held === undefined) {
    const text = ctx.readText(file);
    held = text === null ? null : readTables(text);
    cache.set(file, held);
  }
  return held;
};

/** The values of the table `name` in `file`, or of the tables its def `name` returns (when `called`). */
const tableValues = (ctx: FrameworkContext, cache: TableCache, file: string, name: string, called: boolean, key: string | null): Omit<RegistryValue, 'lookup' | 'key'>[] => {
  const tables = tablesOf(ctx, cache, file);
  if (tables === null) return [];
  const names = called ? [...(tables.returns.get(name) ?? [])].filter((n) => tables.tables.has(n)) : [name];
  // A literal key reads its own entry only.
  return names.flatMap((n) => (tables.tables.get(n) ?? []).filter((v) => key === null || v.key === key).map((v) => ({ value: v.value, line: v.line, file, table: n })));
};

/** The table a registry expression (`defaults`, `dbaas.defaults`, `dbaas.datastore_registry`) reaches, read where it is defined. */
const registryOf = (ctx: FrameworkContext, cache: TableCache, file: string, bindings: Bindings, expr: string, called: boolean, key: string | null): Omit<RegistryValue, 'lookup' | 'key'>[] => {
  const parts = expr.split('.');
  if (parts.length === 1) {
    const imported = bindings.names.get(expr);
    return imported !== undefined ? tableValues(ctx, cache, imported.file, imported.name, called, key) : tableValues(ctx, cache, file, expr, called, key);
  }
  // Stop 54 (review 2 #7): `import app.registry` then `app.registry.DEEP[k]`: the module bound to all but the last part.
  const module = bindings.modules.get(parts.slice(0, -1).join('.'));
  if (module === undefined) return [];
  const origin = bindings.origin(module, parts[parts.length - 1]);
  return tableValues(ctx, cache, origin.file, origin.name, called, key);
};

/**
 * Stop 54 (review 2 #4): the assignments of a local that may reach a call on `line`: the nearest
 * above it, and those above that one until one made at the def's own indentation (FunctionFlows.rebinds:
 * no `if`, `for` or `try` around it), which replaces whatever came before. So the two arms of an
 * if/else both count, and `name = R.get(k)` then `name = 'other'` counts only the last.
 */
const reaching = (fn: FunctionFlows, name: string, line: number): { text: string; line: number }[] => {
  const above = (fn.assigned.get(name) ?? []).filter((v) => v.line <= line && !v.append);
  const sure = fn.rebinds.get(name) ?? [];
  const out: { text: string; line: number }[] = [];
  for (let k = above.length - 1; k >= 0 && out.length < MAX_ASSIGNED; k--) {
    out.push(above[k]);
    if (sure.includes(above[k].line)) break;
  }
  return out;
};

/**
 * The registry values an argument handed to a loader at `line` may hold: the argument is a lookup,
 * or a local of `fn` assigned one at or above the call that may reach it (see reaching).
 */
export const registryValues = (ctx: FrameworkContext, cache: TableCache, file: string, bindings: Bindings, fn: FunctionFlows, argText: string, line: number): RegistryValue[] => {
  const arg = argText.trim();
  const texts = /^[A-Za-z_]\w*$/.test(arg) && !fn.params.includes(arg) ? reaching(fn, arg, line) : [{ text: arg, line }];
  const out: RegistryValue[] = [];
  for (const { text, line: lookup } of texts) {
    const m = LOOKUP.exec(text);
    if (m === null) continue;
    // A parameter or local of the def (`def pick(registry, key)`, `registry = overrides.Registry()`,
    // `defaults = {…}` there) is not the module of that name.
    const head = m[1].split('.')[0];
    if (fn.params.includes(head) || fn.assigned.has(head)) continue;
    // The lookup must be the whole argument: `R[k] + '_v2'` names something else.
    if (!endsArgument(text, m[0])) continue;
    for (const v of registryOf(ctx, cache, file, bindings, m[1], m[2] !== undefined, m[4] ?? null)) out.push({ ...v, lookup, key: m[4] ?? null });
  }
  return out;
};
