/**
 * oslo.config options with a literal dotted default, and the reads of an option in code: what
 * config-defaults.ts (a loader call's argument) and config-pecan-root.ts (a Pecan app's `'root':`
 * entry) both match, so one file says what an option declaration and an option read are.
 */
import type { FrameworkContext, FrameworkOutput } from '../types.js';
import { dirname } from '../../util/path.js';
import { isDottedName } from '../strings.js';
import { perScan } from '../per-scan.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, isOp, nameText, unwrap } from '../../languages/python/ranges.js';
import { stringValue } from '../../languages/python/literals.js';
import { assignmentAbove, defSpan, packageImporters, packageInits } from './python-files.js';

export interface Default {
  value: string;
  file: string;
  line: number;
  /** The groups its file registers its list in (`register_opts(cache_opts, group='cache')`); null when not read. */
  groups: ReadonlySet<string> | null;
}

export const MAX_TEXT = 2_000_000;
/** Option declarations read per file: a hostile file of thousands costs no more. */
const MAX_OPTS = 2000;
/** Defaults kept per option name (one per group: trove declares `root_controller` in 13). */
const MAX_DEFAULTS = 50;
/** How far above a declaration its list's assignment (or above a loader call its def) is looked for. */
export const MAX_BACK = 300;

/** The top-level name assigned by the statement a declaration on `line` (1-based) sits in: `cache_opts = [` above it, with no other top-level line between. */
const enclosingList = (lines: readonly string[], line: number): string | null => {
  for (let l = line - 1; l >= 0 && l >= line - MAX_BACK; l--) {
    const text = lines[l];
    if (text === undefined || !/^[^\s#\])}]/.test(text)) continue;
    return /^([A-Za-z_]\w*)\s*(?::[^=]*)?=[^=]/.exec(text)?.[1] ?? null;
  }
  return null;
};

/**
 * The groups each list is registered in by this file: `register_opts(cache_opts, group='cache')`,
 * `register_opts(cache_opts, 'cache')`, a name bound to `cfg.OptGroup('cache', …)` (or its
 * `.name`), none for DEFAULT. A list also registered in a group not read here maps to null: any group.
 */
const registrations = (text: string): Map<string, Set<string> | null> => {
  const out = new Map<string, Set<string> | null>();
  for (const m of text.matchAll(/\bregister_opts\(\s*([A-Za-z_]\w*)\s*(?:,\s*(?:group\s*=\s*)?([^,()]*?)\s*)?[,)]/g)) {
    const [list, expr] = [m[1], m[2]?.trim() ?? ''];
    if (out.has(list) && out.get(list) === null) continue;
    const group = expr === '' ? 'DEFAULT' : groupNamed(text, expr);
    if (group === null) out.set(list, null);
    else (out.get(list) ?? out.set(list, new Set()).get(list)!).add(group);
  }
  return out;
};

/** The group a registration names: a literal, or a name bound to `OptGroup('g')` / `OptGroup(name='g')` in the file. */
const groupNamed = (text: string, expr: string): string | null => {
  const literal = /^(['"])([\w-]+)\1$/.exec(expr);
  if (literal !== null) return literal[2];
  const name = /^([A-Za-z_]\w*)(?:\.name)?$/.exec(expr)?.[1];
  if (name === undefined) return null;
  return new RegExp(String.raw`^\s*${name}\s*=\s*(?:cfg\.)?OptGroup\(\s*(?:name\s*=\s*)?(['"])([\w-]+)\1`, 'm').exec(text)?.[2] ?? null;
};

/** Every option declared with a literal dotted default, by name (`-` read as `_`). */
export const declaredDefaults = perScan((ctx: FrameworkContext): Map<string, Default[]> => {
  const out = new Map<string, Default[]>();
  for (const file of packageImporters(ctx, 'oslo_config', 'listed')) {
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT || !text.includes('Opt(') || !text.includes('default')) continue;
    const t = tokenize(text);
    const lines = text.split('\n');
    const registered = registrations(text);
    let opts = 0;
    for (let i = 0; i + 1 < t.count && opts < MAX_OPTS; i++) {
      if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen) || !/^[A-Z]\w*Opt$/.test(nameText(t, i))) continue;
      opts++;
      const args = callArgs(t, i + 1, t.count);
      const first = args?.positional[0];
      const dflt = args?.keywords.get('default');
      if (first === undefined || dflt === undefined) continue;
      const name = stringValue(t, first[0], first[1]);
      const [s, e] = unwrap(t, dflt[0], dflt[1]);
      const value = stringValue(t, s, e);
      if (name === null || value === null || !value.includes('.') || !isDottedName(value)) continue;
      const key = name.replace(/-/g, '_');
      const list = out.get(key) ?? out.set(key, []).get(key)!;
      const groups = registered.get(enclosingList(lines, t.line[i]) ?? '') ?? null;
      const same = list.find((d) => d.value === value);
      if (same !== undefined) same.groups = same.groups === null || groups === null ? null : new Set([...same.groups, ...groups]);
      else if (list.length < MAX_DEFAULTS) list.push({ value, file, line: t.line[s], groups });
    }
  }
  return out;
});

export interface OptionRead {
  opt: string;
  /** The one literal group read (`CONF.cache.driver`, `CONF.get('cache')`, `CONF['cache']`); null when none or not literal. */
  group: string | null;
}

/** `CONF`, `cfg.CONF`, `self.conf`, `self._conf`, or a bare `conf` (group 1), which counts only in a file that binds it to `CONF`. */
const READ_ROOT = /^(?:self\._?conf\b|(?:self\.)?(?:cfg\.)?CONF\b|(conf)\b)/;
/** `conf = cfg.CONF`: a file where a bare `conf` is the config object, not any dict so named (paste's `conf = dict(global_conf, **local_conf)`). */
export const BINDS_CONF = /^[ \t]*conf[ \t]*=[ \t]*(?:cfg\.)?CONF\b/m;
/** One step after the root: `.name`, `.get('name')`, `['name']`, or a computed `.get(x)` / `[x]`. */
const READ_STEP = /\.get\((['"])([\w-]+)\1\)|(\.get\([^()]*\)|\[[^\][]*\])(?<!['"]\])|\[(['"])([\w-]+)\4\]|\.([A-Za-z_]\w*)/y;

/** The option an expression reads and its group: `CONF.opt`, `CONF.<group>.opt`, `CONF.get(g).get('opt')`, …; null when it reads none. */
export const optionRead = (expr: string, bareConf: boolean): OptionRead | null => {
  const text = expr.replace(/\s+/g, '');
  const root = READ_ROOT.exec(text);
  if (root === null || (root[1] !== undefined && !bareConf)) return null;
  const steps: Array<string | null> = [];
  READ_STEP.lastIndex = root[0].length;
  let last = 0;
  for (let m = READ_STEP.exec(text); m !== null; m = READ_STEP.exec(text)) {
    steps.push(m[2] ?? m[5] ?? m[6] ?? null);
    last = READ_STEP.lastIndex;
  }
  const opt = steps.pop();
  // The option itself is the last step, `.opt` or `.get('opt')`, never `['opt']` alone after the root.
  if (last !== text.length || opt === undefined || opt === null || text.endsWith(']')) return null;
  return { opt: opt.replace(/-/g, '_'), group: steps.length === 1 ? steps[0] : null };
};

/** The declarations a read may mean: those its file registers in the read's literal group, all when the group or the registration is not read. */
export const inGroup = (list: readonly Default[], group: string | null): Default[] =>
  group === null ? [...list] : list.filter((d) => d.groups === null || d.groups.has(group));

/** The repo file a dotted default names: the module itself, else the module before its last one or two dots. */
const namedFile = (ctx: FrameworkContext, from: string, dotted: string): string | null => {
  const segments = dotted.split('.');
  for (let take = segments.length; take >= 1 && take >= segments.length - 2; take--) {
    const found = ctx.module(segments.slice(0, take).join('.'), undefined, from)[0];
    if (found !== undefined) return found;
  }
  return null;
};

/** Edges to the modules each default of `opt` names, and to the packages above them. */
export const pushDefaults = (ctx: FrameworkContext, out: FrameworkOutput, seen: Set<string>, file: string, line: number, opt: string, list: readonly Default[], how: string): void => {
  for (const d of list) {
    const target = namedFile(ctx, file, d.value);
    if (target === null || target === file || seen.has(target)) continue;
    seen.add(target);
    out.references.push({ from: file, target, targetKind: 'file', line, label: `loaded by ${file}:${line} ${how}: option ${opt} defaults to "${d.value}" (${d.file}:${d.line})` });
    // Importing it runs its packages' __init__.py first.
    for (const init of packageInits(ctx.files, dirname(target))) {
      if (init === file || init === target || seen.has(init)) continue;
      seen.add(init);
      out.references.push({ from: file, target: init, targetKind: 'file', line, label: `run before ${target}, which ${file}:${line} loads by the default of option ${opt} (a package runs before its modules)` });
    }
  }
};

/** An option a loader's argument reads: directly, or through a name bound to the read above the call in the call's own def. */
export interface ArgumentOption extends OptionRead {
  /** `with name = CONF.….opt (:line)` when read through a name; '' when the argument reads it itself. */
  via: string;
}

/**
 * The option the argument `arg` of a call on `line` reads (config-defaults' loader calls and, Stop 54,
 * the callers of the repo's own loaders: trove's `ns = CONF.get(manager).replication_namespace` then
 * `get_strategy_cls(strategy, ns)`). A name counts through its nearest assignment in the 12 lines
 * above, inside the call's def when the call is in one; null when it reads none.
 */
export const argumentOption = (text: string, starts: readonly number[], lines: readonly string[], line: number, arg: string, bareConf: boolean): ArgumentOption | null => {
  const direct = optionRead(arg, bareConf);
  if (direct !== null) return { ...direct, via: '' };
  if (!/^[A-Za-z_]\w*$/.test(arg)) return null;
  const assigned = assignmentAbove(text, starts, line, arg);
  if (assigned === null) return null;
  const span = defSpan(lines, line - 1, MAX_BACK);
  if (span !== null && assigned.line - 1 < span.from) return null;
  const opt = optionRead(assigned.value, bareConf);
  return opt === null ? null : { ...opt, via: ` with ${arg} = ${assigned.value.replace(/\s+/g, '')} (:${assigned.line})` };
};
