/**
 * Stop 51: code an oslo.config option's default names, loaded by the option's value. trove 18.0:
 *
 *     cfg.StrOpt('network_driver', default='trove.network.nova.NovaNetwork', …)   # common/cfg.py
 *     cls.network_driver = import_class(CONF.network_driver)                      # common/models.py
 *
 *     cfg.StrOpt('api_strategy',
 *                default='trove.common.strategies.cluster.experimental.'
 *                'redis.api.RedisAPIStrategy', …)                                  # one per datastore group
 *     clazz = CONF.get(manager).get('api_strategy')                              # common/strategies/
 *     api_strategy = import_class(clazz)                                         #   cluster/strategy.py
 *
 * Unless an operator sets the option, the loader imports the default; nothing else names the
 * module (trove's network drivers, cluster strategies, root controllers, admin clients and
 * sqlalchemy api were dead). Read from tokens: an option declared by a literal name with a
 * literal `default=` (adjacent pieces joined) that is a dotted path; a loader call (import_class,
 * import_object, import_module, import_string, __import__; import_object_ns by its second argument)
 * whose argument reads that option (`CONF.<opt>`, `CONF.<group>.<opt>`, `CONF.get(g).<opt>`,
 * `CONF.get(g).get('<opt>')`, `CONF[g].<opt>`, `self.conf.<opt>`, a bare `conf.<opt>` only where the
 * file binds `conf = cfg.CONF`) directly or through a name assigned so in the 12 lines above (in the
 * call's def when it is in one). Each default of that name that names a repo module, or a module's
 * attribute, is an edge from the loading file. A read with one literal group keeps the declarations
 * whose file registers their list in that group (`register_opts(cache_opts, group='cache')`); when
 * the registration or the group is not read, every declaration of the name counts (trove declares
 * one per datastore group). A loader whose name is built from the option and other parts
 * (`ns + '.' + name`), an option handed to another function first, or a default that is not a
 * literal names nothing here.
 *
 * Pecan's root controller, when an option gives it (mistral 15.0's api/app.py: `opts =
 * cfg.CONF.pecan`, then `{"app": {"root": opts.root, …}}` for `conf_from_dict`, whose `app.root`
 * `pecan.make_app` imports by its dotted name): in a file that imports pecan and calls make_app, a
 * `'root': <read of an option>` dict entry, read from tokens (`CONF.pecan.root`, or a name bound to
 * `CONF.<group>` in the 12 lines above, `.root`), is a load of that option, from the entry's line.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths } from '../../util/file-index.js';
import { lineStarts } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import { isDottedName } from '../strings.js';
import { perScan } from '../per-scan.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, dottedName, isOp, nameText, unwrap } from '../../languages/python/ranges.js';
import { isPlainString, stringTokenValue, stringValue } from '../../languages/python/literals.js';
import { assignmentAbove, defSpan, importsPackage, packageInits } from './python-files.js';
import { BY_NAME_LOADS, callPattern } from './loader-names.js';

interface Default {
  value: string;
  file: string;
  line: number;
  /** The groups its file registers its list in (`register_opts(cache_opts, group='cache')`); null when not read. */
  groups: ReadonlySet<string> | null;
}

const MAX_TEXT = 2_000_000;
/** Option declarations read per file, and loader calls per file: a hostile file of thousands costs no more. */
const MAX_OPTS = 2000;
const MAX_CALLS = 200;
/** Defaults kept per option name (one per group: trove declares `root_controller` in 13). */
const MAX_DEFAULTS = 50;
const LOADER = callPattern([...BY_NAME_LOADS, 'import_object_ns']);
const LOADER_NAMES: ReadonlySet<string> = new Set([...BY_NAME_LOADS, 'import_object_ns']);
/** How far above a loader call its def is looked for. */
const MAX_BACK = 300;

/** `'root': opts.root` / `"root": cfg.CONF.pecan.root`, a dict entry read from tokens (never a comment): the dotted name it is given and its line. */
const pecanRootEntries = (text: string): Array<{ expr: string; line: number }> => {
  const t = tokenize(text);
  const out: Array<{ expr: string; line: number }> = [];
  for (let i = 1; i + 2 < t.count; i++) {
    if (!isPlainString(t, i) || !isOp(t, i + 1, Op.Colon) || !(isOp(t, i - 1, Op.LBrace) || isOp(t, i - 1, Op.Comma)) || stringTokenValue(t, i) !== 'root') continue;
    let end = i + 2;
    while (end + 2 < t.count && t.kind[end] === Kind.Name && isOp(t, end + 1, Op.Dot)) end += 2;
    // A whole value: the dotted name then the entry's end, not a call or subscript of it.
    const expr = t.kind[end] === Kind.Name && (isOp(t, end + 1, Op.Comma) || isOp(t, end + 1, Op.RBrace)) ? dottedName(t, i + 2, end + 1) : null;
    if (expr !== null && expr.includes('.')) out.push({ expr, line: t.line[i] });
  }
  return out;
};


/** The option a Pecan root entry reads: the expression itself, or `X.opt` with X bound to `CONF.<group>` above. */
const pecanRootOption = (text: string, starts: readonly number[], line: number, expr: string): (OptionRead & { via: string }) | null => {
  const direct = optionRead(expr, BINDS_CONF.test(text));
  if (direct !== null) return { ...direct, via: '' };
  const m = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(expr);
  if (m === null) return null;
  const assigned = assignmentAbove(text, starts, line + 1, m[1]);
  const group = assigned === null ? null : /^(?:(?:cfg\.)?CONF|(conf))\.([A-Za-z_]\w*)$/.exec(assigned.value.replace(/\s+/g, ''));
  if (group !== null && group[1] !== undefined && !BINDS_CONF.test(text)) return null;
  if (group === null || group === undefined) return null;
  return { opt: m[2], group: group[2], via: ` with ${m[1]} = ${assigned!.value.replace(/\s+/g, '')} (:${assigned!.line})` };
};


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
const declaredDefaults = perScan((ctx: FrameworkContext): Map<string, Default[]> => {
  const out = new Map<string, Default[]>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py') || !importsPackage(ctx, file, 'oslo_config')) continue;
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

interface OptionRead {
  opt: string;
  /** The one literal group read (`CONF.cache.driver`, `CONF.get('cache')`, `CONF['cache']`); null when none or not literal. */
  group: string | null;
}

/** `CONF`, `cfg.CONF`, `self.conf`, `self._conf`, or a bare `conf` (group 1), which counts only in a file that binds it to `CONF`. */
const READ_ROOT = /^(?:self\._?conf\b|(?:self\.)?(?:cfg\.)?CONF\b|(conf)\b)/;
/** `conf = cfg.CONF`: a file where a bare `conf` is the config object, not any dict so named (paste's `conf = dict(global_conf, **local_conf)`). */
const BINDS_CONF = /^[ \t]*conf[ \t]*=[ \t]*(?:cfg\.)?CONF\b/m;
/** One step after the root: `.name`, `.get('name')`, `['name']`, or a computed `.get(x)` / `[x]`. */
const READ_STEP = /\.get\((['"])([\w-]+)\1\)|(\.get\([^()]*\)|\[[^\][]*\])(?<!['"]\])|\[(['"])([\w-]+)\4\]|\.([A-Za-z_]\w*)/y;

/** The option an expression reads and its group: `CONF.opt`, `CONF.<group>.opt`, `CONF.get(g).get('opt')`, …; null when it reads none. */
const optionRead = (expr: string, bareConf: boolean): OptionRead | null => {
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
const inGroup = (list: readonly Default[], group: string | null): Default[] =>
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
const pushDefaults = (ctx: FrameworkContext, out: FrameworkOutput, seen: Set<string>, file: string, line: number, opt: string, list: readonly Default[], how: string): void => {
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

/** Pecan apps whose root controller an option names (mistral): the `'root':` entries of files that import pecan and call make_app. */
const collectPecanRoots = (ctx: FrameworkContext, defaults: ReadonlyMap<string, Default[]>, out: FrameworkOutput): void => {
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py') || !importsPackage(ctx, file, 'pecan')) continue;
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT || !text.includes('make_app')) continue;
    const starts = lineStarts(text);
    const seen = new Set<string>();
    for (const { expr, line } of pecanRootEntries(text)) {
      const read = pecanRootOption(text, starts, line - 1, expr);
      const list = read === null ? undefined : defaults.get(read.opt);
      if (list === undefined) continue;
      pushDefaults(ctx, out, seen, file, line, read!.opt, inGroup(list, read!.group), `(the Pecan root controller make_app imports, 'root': ${expr})${read!.via}`);
    }
  }
};

export const collectConfigDefaults = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const defaults = declaredDefaults(ctx);
  if (defaults.size === 0) return out;
  collectPecanRoots(ctx, defaults, out);
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py')) continue;
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT || !/\b(?:CONF|conf)\b/.test(text) || !LOADER.test(text)) continue;
    const t = tokenize(text);
    let starts: number[] | null = null;
    let lines: string[] | null = null;
    const seen = new Set<string>();
    let calls = 0;
    const bareConf = BINDS_CONF.test(text);
    for (let i = 0; i + 1 < t.count && calls < MAX_CALLS; i++) {
      if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen) || !LOADER_NAMES.has(nameText(t, i))) continue;
      calls++;
      // import_object_ns(name_space, import_str, …): the name imported is the second argument.
      const first = callArgs(t, i + 1, t.count)?.positional[nameText(t, i) === 'import_object_ns' ? 1 : 0];
      if (first === undefined) continue;
      const [s, e] = unwrap(t, first[0], first[1]);
      const arg = text.slice(t.start[s], t.end[e - 1]);
      const line = t.line[i];
      let opt = optionRead(arg, bareConf);
      let via = '';
      if (opt === null && e - s === 1 && t.kind[s] === Kind.Name) {
        // A name bound to the option above the call, in the call's own def.
        starts ??= lineStarts(text);
        lines ??= text.split('\n');
        const assigned = assignmentAbove(text, starts, line, arg);
        if (assigned === null) continue;
        const span = defSpan(lines, line - 1, MAX_BACK);
        if (span !== null && assigned.line - 1 < span.from) continue;
        opt = optionRead(assigned.value, bareConf);
        via = ` with ${arg} = ${assigned.value.replace(/\s+/g, '')} (:${assigned.line})`;
      }
      const list = opt === null ? undefined : defaults.get(opt.opt);
      if (list === undefined) continue;
      pushDefaults(ctx, out, seen, file, line, opt!.opt, inGroup(list, opt!.group), `(${nameText(t, i)}(${arg.replace(/\s+/g, '')}))${via}`);
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'config-defaults',
  title: 'code an oslo.config option default names, loaded by the option',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const [name, list] = [...declaredDefaults(ctx)][0] ?? [];
    return name === undefined ? null : `${list![0].file}:${list![0].line} declares option ${name} with a dotted default`;
  },
  collect: collectConfigDefaults,
};

export default reader;
