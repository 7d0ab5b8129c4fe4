/**
 * The calls a Python file's functions make, with what each argument is built from: the raw
 * material of loader-fixpoint.ts, which finds the repo's own loader functions by a fixpoint over
 * these facts (for the loader-wrappers reader). Unlike loader-functions.ts (module-level functions around a computed import), every
 * def counts here, methods too (sphinx's `Sphinx.setup_extension(self, extname)` hands its
 * parameter to `self.registry.load_extension(self, extname)`, which imports it), and so does the
 * module's own code (a nameless function without parameters).
 *
 * For each argument of a wanted call: the function's parameters it is built from (through the
 * function's assignments, as loader-functions follows them), whether it IS one parameter (`p`,
 * `[p]`) or a literal prefix plus one (`'mailman.' + p`), the literals that flow into it (the
 * module's own assignments too: `for extension in builtin_extensions:` with a literal tuple at the
 * top), and its source text, for settling a folder. Nothing is run.
 */
import { tokenize } from '../../languages/python/tokenize.js';
import type { PythonTokens } from '../../languages/python/tokenize.js';
import { isPlainString, stringTokenValue } from '../../languages/python/literals.js';
import { callArgs, dottedName, isOp, nameText } from '../../languages/python/ranges.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { isParamOrAttr } from './loader-calls.js';
import { assignments, calleeAt, fileDefs, followOut, isClass, literals, plainNames, rebindings, type Flow, type OpenDef } from './loader-functions.js';
import { ASTROID_LOADS, BY_NAME_LOADS, CORE_LOADS, OSLO_OBJECT_LOADS, OSLO_TRY_LOADS } from '../../languages/python/loader-names.js';

export interface ArgShape {
  /** The function's parameters (not self/cls) the argument is built from. */
  params: string[];
  /** The parameter the argument is, alone (`p`) or as a one-item list (`[p]`); null otherwise. */
  direct: string | null;
  /** `'lit' + p`: the literal before the parameter (then `direct` is p); null otherwise. */
  prefix: string | null;
  /** The literals in the argument and those assigned to the names it is built from. */
  strings: { value: string; line: number }[];
  /** The argument's source text. */
  text: string;
  /**
   * `direct` is a loop variable over a parameter or attribute (`for folder in self.folders:` then
   * `listdir(folder)`): then `direct` names what is iterated and the argument is one of its items.
   */
  each: boolean;
  /**
   * Stop 45: the argument is the dotted name of the module object `direct` holds, then a computed
   * child: `self.module_path.__name__ + f".{plugin}"` (blueman's PluginManager, handed a package
   * object such as `blueman.plugins.applet`). `direct` names a package; any module of it may load.
   */
  named?: boolean;
  /**
   * Stop 47: the argument is `p.__path__` (or `self.X.__path__`) for a parameter or attribute `p`:
   * the folders of the package object it holds (horizon's `import_submodules(module)`:
   * `pkgutil.iter_modules(module.__path__, module.__name__ + '.')`). The name of `p`, else absent.
   */
  pathOf?: string;
  /**
   * Stop 48: the argument is the module object `direct`'s value names, `sys.modules[name]` (heat's
   * PluginManager: `for package_name in extra_packages: yield sys.modules[package_name]`, each
   * handed to `plugin_loader.load_modules(package)`): a loader taking a package object takes a name here.
   */
  moduleOf?: boolean;
  /**
   * Stop 53: the argument is `item['KEY']` for an item of the parameter `direct` (`for resource_info in
   * schema(resources): _load_resource(resource_info['module'], …)`, cloudkitty's api/v2/utils.py do_init):
   * the parameter holds dicts, and the value under KEY is what the loader gets.
   */
  key?: string;
}

export interface CallFlow {
  /** As written: `self.registry.load_extension`, `load_module`; '' for a call on an expression (`f().g`). */
  callee: string;
  /** The called name's last part. */
  word: string;
  /** Called as an attribute (`obj.m(…)`): a method's `self` is not among the arguments. */
  attribute: boolean;
  line: number;
  positional: ArgShape[];
  keywords: Map<string, ArgShape>;
}

export interface FunctionFlows {
  /** '' for the module's own code. */
  name: string;
  /** The class the def is directly in, or null. */
  className: string | null;
  /** Stop 50: that class's header line (fileDefs' FileDef.classLine), or null. */
  classLine: number | null;
  defLine: number;
  params: string[];
  /** Stop 48: the `*args` parameter, which holds the call's positional arguments from its place on. */
  star?: string;
  calls: CallFlow[];
  /** Parameters the body joins a name onto (`join(p, …)`): the folder of a path it builds. */
  joined: Set<string>;
  /**
   * The body makes a real load call: import_module, __import__, import_string, astroid's
   * load_module_from_file/_name, `.exec_module(`, `.load_module(`; Stop 48: or calls, by its bare
   * name, a def of the file that does (heat's load_modules → `_import_module`, which runs `loader.load_module`).
   */
  loads: boolean;
  /** The body reads a `__file__` or `__path__` (the folder of a module it has). */
  readsFolder: boolean;
  /** The body tests a name against a leading underscore (`name.startswith("_")`, or a tuple led by `"_"`): the modules a listing of it finds that are `_private` are skipped. */
  skipsPrivate: boolean;
  /** Stop 48: the body holds a string ending in `.py` (`ext in ('.py', '.pyc')`, `'*.py'`): it picks modules from what it lists. */
  namesPy: boolean;
  /**
   * Values the body assigns to its local names (`folders = [join(base, "ext", k) for k in KINDS]`,
   * `(head, _tail) = os.path.split(x)` as `os.path.dirname(x)` for head) and appends to them
   * (`folders.append(…)`), as source text in order: what a folder argument built from them holds.
   */
  assigned: Map<string, { text: string; line: number; append: boolean }[]>;
  /** The lines at which the body gives each name a new value (see rebindings). */
  rebinds: Map<string, number[]>;
  /** Stop 55: each `for x in self.X:` (or over a parameter) of the body, x → what it iterates (`self.X`, the parameter). */
  loopsOf?: ReadonlyMap<string, string>;
  /** Stop 56: each `for x in NAME:` over a bare name the def neither takes nor assigns (a module constant), x → NAME. */
  loopsOfName?: ReadonlyMap<string, string>;
  /**
   * Stop 56, the module's own flows only: how often the file stores each bare name, anywhere (a
   * statement `X = …`, `X += …`, `X := …`, a `global X`, `X.append(…)` and the other list and dict
   * mutators count), so a constant stored once is known to keep its literal.
   */
  storesOf?: ReadonlyMap<string, number>;
}

/** Methods that change a list, set or dict in place. */
const MUTATORS: ReadonlySet<string> = new Set(['append', 'extend', 'insert', 'remove', 'pop', 'clear', 'update', 'add', 'discard', 'setdefault', 'sort', 'reverse']);

/** How often the file stores each bare name (see FunctionFlows.storesOf). */
const storesOf = (t: PythonTokens): Map<string, number> => {
  const out = new Map<string, number>();
  const bump = (i: number, by = 1): void => void out.set(nameText(t, i), (out.get(nameText(t, i)) ?? 0) + by);
  const n = t.count;
  for (let i = 0; i < n; i++) {
    if (t.kind[i] !== Kind.Name || (i > 0 && isOp(t, i - 1, Op.Dot))) continue;
    if (isOp(t, i + 1, Op.AugAssign) || isOp(t, i + 1, Op.Walrus)) bump(i, 2);
    else if (isOp(t, i + 1, Op.Assign) && (i === 0 || t.line[i - 1] !== t.line[i] || isOp(t, i - 1, Op.Comma) || isOp(t, i - 1, Op.Semicolon) || isOp(t, i - 1, Op.Assign))) bump(i);
    else if (isOp(t, i + 1, Op.Dot) && t.kind[i + 2] === Kind.Name && MUTATORS.has(nameText(t, i + 2)) && isOp(t, i + 3, Op.LParen)) bump(i, 2);
    else if (nameText(t, i) === 'global') for (let j = i + 1; j < n && t.line[j] === t.line[i] && t.kind[j] === Kind.Name; j += 2) {
      bump(j, 2);
      if (!isOp(t, j + 1, Op.Comma)) break;
    }
  }
  return out;
};

/** A class of the file: its name and the base classes as written (`borg.Borg`). */
export interface ClassInfo {
  name: string;
  bases: string[];
  line: number;
  /** Stop 56: what the class's own lines assign to each attribute (`_packages = ("app.more",)`), as source text in order. */
  attributes: Map<string, string[]>;
}

/** Calls read per file: a hostile file of thousands of wanted calls costs no more than this many argument walks. */
const MAX_CALLS = 2000;
/**
 * Stop 63: Twisted's `reflect.namedAny`/`namedModule`/`namedObject`/`namedClass`, pkgutil's `resolve_name`
 * and kombu's `symbol_by_name`: a module or its attribute by a dotted name (BY_NAME_LOADS less the core and
 * oslo rows). twisted/application/service.py:77 `namedAny(self.module).Options` loads what each
 * `ServiceMaker(name, "twisted.tap.socks", …)` of twisted/plugins hands `module`; the repo's own namedAny
 * (python/reflect.py:247) reaches `__import__` through a split, a slice and a join the flow does not
 * follow, so the call counts by its word.
 */
export const NAMED_LOADS: readonly string[] = BY_NAME_LOADS.filter((n) => !(CORE_LOADS as readonly string[]).includes(n) && !(OSLO_OBJECT_LOADS as readonly string[]).includes(n));
const REAL_LOADS: ReadonlySet<string> = new Set([...CORE_LOADS, ...OSLO_OBJECT_LOADS, ...OSLO_TRY_LOADS, ...ASTROID_LOADS, ...NAMED_LOADS]);
const REAL_METHOD_LOADS = new Set(['exec_module', 'load_module']);
const NAMED_WORDS: ReadonlySet<string> = new Set(NAMED_LOADS);
/** `self.word(` or `cls.word(` at token i (the word): a method of the object's own class. */
const onSelf = (t: PythonTokens, i: number, from: number): boolean =>
  i - 2 >= from && isOp(t, i - 1, Op.Dot) && t.kind[i - 2] === Kind.Name && (nameText(t, i - 2) === 'self' || nameText(t, i - 2) === 'cls') && !(i - 3 >= from && isOp(t, i - 3, Op.Dot));
/** `+` is one of the operators the scanner codes as Op.Other: read its text. */
const isPlus = (t: PythonTokens, i: number): boolean => t.kind[i] === Kind.Op && t.end[i] - t.start[i] === 1 && t.text.charCodeAt(t.start[i]) === 43;

/** `self.X` at token i: 'self.X', else null. */
const selfAttr = (t: PythonTokens, i: number, to: number): string | null =>
  i + 2 < to && t.kind[i] === Kind.Name && nameText(t, i) === 'self' && isOp(t, i + 1, Op.Dot) && t.kind[i + 2] === Kind.Name ? `self.${nameText(t, i + 2)}` : null;

/** A string token whose text (after its prefix letters and quote) starts with a dot: `".%s"`, `f".{p}"`. */
const dotString = (t: PythonTokens, i: number): boolean => t.kind[i] === Kind.String && /^[rRuUfFbB]{0,2}(['"])\./.test(t.text.slice(t.start[i], t.end[i]));

/**
 * `p.__name__ + ".x"…` or `self.X.__name__ + f".{x}"`: what holds the module object (`p`, `self.X`),
 * when a string beginning with a dot follows the `+`; else null.
 */
const nameOfModule = (t: PythonTokens, from: number, to: number): string | null => {
  const attr = selfAttr(t, from, to);
  const at = attr !== null ? from + 3 : t.kind[from] === Kind.Name ? from + 1 : -1;
  if (at < 0 || at + 3 >= to || !isOp(t, at, Op.Dot) || t.kind[at + 1] !== Kind.Name || nameText(t, at + 1) !== '__name__' || !isPlus(t, at + 2) || !dotString(t, at + 3)) return null;
  return attr ?? nameText(t, from);
};

/** `sys.modules[v]` in [from, to): the token of `v`, else -1. */
const sysModulesItem = (t: PythonTokens, from: number, to: number): number =>
  to - from === 6 && t.kind[from] === Kind.Name && nameText(t, from) === 'sys' && isOp(t, from + 1, Op.Dot) && t.kind[from + 2] === Kind.Name && nameText(t, from + 2) === 'modules' && isOp(t, from + 3, Op.LBracket) && t.kind[from + 4] === Kind.Name && isOp(t, from + 5, Op.RBracket) ? from + 4 : -1;

/** A function's loop variables: each names the parameter (or `self.X`) it iterates; `modules`: those holding `sys.modules[…]` of its items. */
interface Loops {
  of: Map<string, string>;
  modules: Set<string>;
  /** Stop 53: `for x in f(p):`, a parameter's items through one call (a schema check): read only for `x['KEY']`. */
  through: Map<string, string>;
}

/**
 * Stop 54: conversions between bytes and str that keep a name's text: `str(x)`, `os.fsdecode(x)`,
 * mercurial's `pycompat.sysstr(x)` (`__import__(pycompat.sysstr(name))`, extensions.py), `x.decode()`
 * or `x.decode('utf-8', 'strict')`. Any other call may change the name (`resolve(x)`) and is not looked through.
 */
const TEXT_CONVERSIONS = new Set(['str', 'fsdecode', 'sysstr', 'strfromlocal']);
/** Review 1: the codecs that decode text as it is; Python 2's `'hex'` or `'base64'` change it. */
const TEXT_CODEC = /^(?:utf[-_]?8|ascii|us-ascii|latin[-_]?1|iso[-_]?8859[-_]?1|cp1252|mbcs)$/i;

/** `[from, to)` is one name (`x`) or an attribute of self (`self.x`). */
const isNameOrSelf = (t: PythonTokens, from: number, to: number): boolean =>
  (to - from === 1 && t.kind[from] === Kind.Name) || (to - from === 3 && selfAttr(t, from, to) !== null);

/**
 * `[from, to)` is one text conversion of a name or `self.X` (TEXT_CONVERSIONS, `.decode(…)`), perhaps
 * `.strip()`ped: the range of that name, else null.
 */
export const convertedName = (t: PythonTokens, from: number, to: number): [number, number] | null => {
  if (to - from < 4 || to - from > 12 || !isOp(t, to - 1, Op.RParen)) return null;
  // `….strip()`: spaces around a name are no part of it.
  if (isOp(t, to - 2, Op.LParen) && t.kind[to - 3] === Kind.Name && nameText(t, to - 3) === 'strip' && isOp(t, to - 4, Op.Dot)) {
    const inner = to - 4;
    return isNameOrSelf(t, from, inner) ? [from, inner] : convertedName(t, from, inner);
  }
  // `x.decode()`, `x.decode('utf-8')`, `x.decode('utf-8', 'strict')`
  for (const head of [from + 1, from + 3]) {
    if (head + 2 >= to || !isNameOrSelf(t, from, head) || !isOp(t, head, Op.Dot) || t.kind[head + 1] !== Kind.Name || nameText(t, head + 1) !== 'decode' || !isOp(t, head + 2, Op.LParen)) continue;
    const args = to - 1 - (head + 3);
    if (args === 0) return [from, head];
    if (!isPlainString(t, head + 3) || !TEXT_CODEC.test(stringTokenValue(t, head + 3))) return null;
    if (args === 1 || (args === 3 && isOp(t, head + 4, Op.Comma) && isPlainString(t, head + 5))) return [from, head];
    return null;
  }
  // `conv(x)` or `mod.conv(x)`, x a name or `self.X`
  let open = from + 1;
  if (t.kind[from] === Kind.Name && isOp(t, from + 1, Op.Dot)) open = from + 3;
  const conv = open - 1;
  if (t.kind[conv] !== Kind.Name || !TEXT_CONVERSIONS.has(nameText(t, conv)) || !isOp(t, open, Op.LParen)) return null;
  // Review 1: `anything.str(x)` is some object's method; `sysstr`, `fsdecode` are read on any module (`compat.sysstr`).
  if (open !== from + 1 && nameText(t, conv) === 'str') return null;
  return isNameOrSelf(t, open + 1, to - 1) ? [open + 1, to - 1] : null;
};

/** `%` is one of the operators the scanner codes as Op.Other: read its text. */
const isPercent = (t: PythonTokens, i: number): boolean => t.kind[i] === Kind.Op && t.end[i] - t.start[i] === 1 && t.text.charCodeAt(t.start[i]) === 37;

/**
 * Review 1 of Stop 54: a name formatted under a package, `'pkg.%s' % p` (bytes too), `'pkg.{}'.format(p)`
 * or `f'pkg.{p}'`: read as `'pkg.' + p` is, the literal head and the name, so a loader's callers settle
 * the name (`plugin("used")` for `_load("app.plugins.%s" % name)`) instead of the whole package opening.
 */
const formattedHead = (t: PythonTokens, from: number, to: number): { prefix: string; name: string } | null => {
  const n = to - from;
  const raw = (i: number): string => t.text.slice(t.start[i], t.end[i]);
  if (n === 3 && t.kind[from] === Kind.String && isPercent(t, from + 1) && t.kind[from + 2] === Kind.Name) {
    const m = /^(?:[rRuU]|[bB][rR]?|[rR][bB])?(['"])([\w.]*\.)%s\1$/.exec(raw(from));
    return m === null ? null : { prefix: m[2], name: nameText(t, from + 2) };
  }
  if (n === 6 && t.kind[from] === Kind.String && isOp(t, from + 1, Op.Dot) && t.kind[from + 2] === Kind.Name && nameText(t, from + 2) === 'format' && isOp(t, from + 3, Op.LParen) && t.kind[from + 4] === Kind.Name && isOp(t, from + 5, Op.RParen)) {
    const m = /^[rRuU]?(['"])([\w.]*\.)\{0?\}\1$/.exec(raw(from));
    return m === null ? null : { prefix: m[2], name: nameText(t, from + 4) };
  }
  if (n === 1 && t.kind[from] === Kind.String) {
    const m = /^(?:[fF][rR]?|[rR][fF])(['"])([\w.]*\.)\{([A-Za-z_]\w*)\}\1$/.exec(raw(from));
    return m === null ? null : { prefix: m[2], name: m[3] };
  }
  return null;
};

const shapeOf = (t: PythonTokens, from: number, to: number, fn: OpenDef, flows: readonly Flow[], moduleFlows: readonly Flow[], loops: Loops): ArgShape => {
  const converted = convertedName(t, from, to);
  if (converted !== null) return shapeOf(t, converted[0], converted[1], fn, flows, moduleFlows, loops);
  let direct: string | null = null;
  let prefix: string | null = null;
  let each = false;
  const n = to - from;
  const named = n >= 5 ? nameOfModule(t, from, to) : null;
  const item = n === 6 ? sysModulesItem(t, from, to) : -1;
  let moduleOf = false;
  if (n === 1 && t.kind[from] === Kind.Name) direct = nameText(t, from);
  // Stop 48: `sys.modules[name]`, the module object a name (a parameter or an item of one) names.
  else if (item >= 0) {
    direct = nameText(t, item);
    moduleOf = true;
  }
  else if (n === 3 && isOp(t, from, Op.LBracket) && t.kind[from + 1] === Kind.Name && isOp(t, from + 2, Op.RBracket)) direct = nameText(t, from + 1);
  // An attribute of the object a method runs on (`self.package`): what the class keeps, as a parameter of all its methods.
  else if (n === 3 && selfAttr(t, from, to) !== null) direct = selfAttr(t, from, to);
  else if (n === 5 && isOp(t, from, Op.LBracket) && selfAttr(t, from + 1, to - 1) !== null && isOp(t, from + 4, Op.RBracket)) direct = selfAttr(t, from + 1, to - 1);
  else if (n === 3 && isPlainString(t, from) && isPlus(t, from + 1) && t.kind[from + 2] === Kind.Name) {
    direct = nameText(t, from + 2);
    prefix = stringTokenValue(t, from);
  } else if (named !== null) direct = named;
  else {
    const head = formattedHead(t, from, to);
    if (head !== null && /^[A-Za-z_]/.test(head.prefix)) {
      direct = head.name;
      prefix = head.prefix;
    }
  }
  // Stop 53: `item['KEY']`, for an item of a parameter's list.
  const keyed = n === 4 && t.kind[from] === Kind.Name && isOp(t, from + 1, Op.LBracket) && isPlainString(t, from + 2) && isOp(t, from + 3, Op.RBracket) ? nameText(t, from) : null;
  const need = new Map<string, number>();
  plainNames(t, from, to, (name, line) => need.has(name) || need.set(name, line));
  const strings: { value: string; line: number }[] = [];
  literals(t, from, to, strings);
  if (need.size > 0) strings.push(...followOut(need, fn, flows, moduleFlows));
  const params = fn.params.filter((p) => p !== 'self' && p !== 'cls' && need.has(p));
  // An f-string's name is inside its token: plainNames does not see it.
  if (direct !== null && prefix !== null && fn.params.includes(direct) && !params.includes(direct) && direct !== 'self' && direct !== 'cls') params.push(direct);
  if (direct !== null && !fn.params.includes(direct)) direct = prefix === null ? direct : null;
  if (direct !== null && prefix === null && named === null && loops.of.has(direct)) {
    if (loops.modules.has(direct)) moduleOf = true;
    direct = loops.of.get(direct)!;
    each = true;
  }
  if (moduleOf && (direct === null || !fn.params.includes(direct))) moduleOf = false;
  const keyOf = keyed === null ? undefined : loops.of.get(keyed) ?? loops.through.get(keyed);
  if (keyOf !== undefined && fn.params.includes(keyOf)) {
    direct = keyOf;
    each = true;
  }
  // `p.__path__`, `self.X.__path__`: the package object p (or self.X) holds, its folders listed.
  const holder = n === 3 && t.kind[from] === Kind.Name ? nameText(t, from) : n === 5 ? selfAttr(t, from, to) : null;
  const pathOf = holder !== null && isOp(t, to - 2, Op.Dot) && t.kind[to - 1] === Kind.Name && nameText(t, to - 1) === '__path__' && (holder.startsWith('self.') || fn.params.includes(holder)) ? holder : null;
  return { params, direct, prefix, strings, text: t.text.slice(t.start[from], t.end[to - 1]), each, ...(named !== null && direct === named ? { named: true } : {}), ...(pathOf === null ? {} : { pathOf }), ...(moduleOf ? { moduleOf } : {}), ...(keyOf !== undefined && direct === keyOf ? { key: stringTokenValue(t, from + 2) } : {}) };
};

/**
 * The functions of a file (and its module-level code, named ''), each with the calls to the names
 * `wanted` accepts. A one-item-list `direct` or a local name in `direct` is kept: the reader
 * checks it against the parameters (or settles it as a path).
 */
export const fileFlows = (text: string, wanted: (word: string) => boolean): FunctionFlows[] => fileFlowsAndClasses(text, wanted).fns;

/** fileFlows of only the defs (and module code) that call a wanted name: their calls are what the caller reads. */
export const callingFlows = (text: string, wanted: (word: string) => boolean): FunctionFlows[] => fileFlowsAndClasses(text, wanted, true).fns;

/** Whether the token ranges of a body call a wanted name. */
const callsWanted = (t: PythonTokens, body: readonly number[], wanted: (word: string) => boolean): boolean => {
  for (let r = 0; r < body.length; r += 2) {
    for (let i = body[r]; i + 1 < body[r + 1]; i++) if (t.kind[i] === Kind.Name && isOp(t, i + 1, Op.LParen) && wanted(nameText(t, i))) return true;
  }
  return false;
};

/**
 * fileFlows, with the file's classes and their bases. In a method, an attribute of `self`
 * counts as a parameter (`self.package`), and stores to one are calls too: `self.X = v` (word
 * `@set`) and `self.X.append(v)` (word `@add`), with the value as the one argument.
 */
/** The one parameter of a loader alias's stand-in def. */
const ALIAS_PARAM = 'name';

/**
 * Stop 53: a module-level alias of a loader, `import_class = importutils.import_class` (trove's
 * common/utils.py:42), is read as the def it stands for, `def import_class(name): return
 * importutils.import_class(name)`: a loader of the file by that name, whose first argument the
 * loader aliased gets. Only a whole statement `NAME = a.b.word` (or `NAME = word`) with no call,
 * index or other operand, at the module's top level, where `word` is a real load (import_module,
 * __import__, import_string, oslo's import_class/import_object/try_import, astroid's loads).
 */
const loaderAliases = (t: PythonTokens, moduleBody: readonly number[], wanted: (word: string) => boolean): FunctionFlows[] => {
  const out: FunctionFlows[] = [];
  for (let r = 0; r < moduleBody.length; r += 2) {
    const [a, b] = [moduleBody[r], moduleBody[r + 1]];
    if (b - a < 3 || t.kind[a] !== Kind.Name || !isOp(t, a + 1, Op.Assign) || t.depth[a] !== 0) continue;
    const callee = dottedName(t, a + 2, b);
    if (callee === null) continue;
    const word = callee.slice(callee.lastIndexOf('.') + 1);
    // A real load only: an alias of a listing (`listdir = os.listdir`) or of a repo loader is not read.
    if (!REAL_LOADS.has(word) || !wanted(word)) continue;
    const line = t.line[a];
    const arg: ArgShape = { params: [ALIAS_PARAM], direct: ALIAS_PARAM, prefix: null, strings: [], text: ALIAS_PARAM, each: false };
    out.push({
      name: nameText(t, a),
      className: null,
      classLine: null,
      defLine: line,
      params: [ALIAS_PARAM],
      calls: [{ callee, word, attribute: callee.includes('.'), line, positional: [arg], keywords: new Map() }],
      joined: new Set(),
      loads: REAL_LOADS.has(word),
      readsFolder: false,
      skipsPrivate: false,
      namesPy: false,
      assigned: new Map(),
      rebinds: new Map(),
    });
  }
  return out;
};

/** `NAME = value` statements of a class's own lines, the value's text per name, in order; a value over 400 tokens is left out. */
const classAttributes = (t: PythonTokens, lines: readonly number[]): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (let r = 0; r < lines.length; r += 2) {
    const [a, b] = [lines[r], lines[r + 1]];
    if (t.kind[a] !== Kind.Name || b - a < 3 || b - a > 400) continue;
    // `NAME = …` and `NAME += …`/`NAME: T = …` alike: any store makes the attribute's value uncertain below.
    const name = nameText(t, a);
    const list = out.get(name) ?? out.set(name, []).get(name)!;
    if (isOp(t, a + 1, Op.Assign)) list.push(t.text.slice(t.start[a + 2], t.end[b - 1]));
    else if (!isOp(t, a + 1, Op.LParen) && !isOp(t, a + 1, Op.Dot)) list.push('');
  }
  return out;
};

/** Token ranges `[a, b, …]` of several lists, in token order. */
const mergeRanges = (lists: readonly (readonly number[])[]): number[] => {
  const pairs: Array<[number, number]> = [];
  for (const l of lists) for (let r = 0; r < l.length; r += 2) pairs.push([l[r], l[r + 1]]);
  return pairs.sort((x, y) => x[0] - y[0]).flat();
};

/**
 * `callers`: only the defs (and module code) that call a wanted name are read, and nothing else of
 * them matters but their calls: no classes, no loader aliases (Stop 56: resource-wrappers and
 * chosen-package-imports read their callers' calls; the facts of every other def of a large module
 * doubled their cost on mercurial).
 */
export const fileFlowsAndClasses = (text: string, wanted: (word: string) => boolean, callers = false): { fns: FunctionFlows[]; classes: ClassInfo[] } => {
  const t = tokenize(text);
  const { done, moduleBody, classes: classDefs, headers } = fileDefs(t);
  // Review s56-rm4: a caller's import-time code is also a class body's lines and a top-level header
  // (`ROOT = data_path('pkg')` in a class, `def f(root=files('pkg')):`), read as module code.
  // Stop 57: not the lines of a class made inside a def; they run when that def does, as its own
  // (`def data_path(name): class Holder: root = files(name)` is a wrapper of its parameter).
  const importTime = callers ? mergeRanges([moduleBody, headers, ...classDefs.map((c) => (c.inDef === undefined ? (c.classLines ?? []) : []))]) : moduleBody;
  const classLinesOf = new Map<OpenDef, number[][]>();
  if (callers) for (const c of classDefs) if (c.inDef !== undefined && c.classLines !== undefined) (classLinesOf.get(c.inDef) ?? classLinesOf.set(c.inDef, []).get(c.inDef)!).push(c.classLines);
  const ownBody = (fn: OpenDef): number[] => {
    const inner = classLinesOf.get(fn);
    return inner === undefined ? fn.body! : mergeRanges([fn.body!, ...inner]);
  };
  if (callers && !callsWanted(t, importTime, wanted) && !done.some((d) => callsWanted(t, ownBody(d.fn), wanted))) return { fns: [], classes: [] };
  const moduleFlows = assignments(t, moduleBody);
  const moduleFn: OpenDef = { name: '', indent: -1, defLine: 0, params: [], defaults: [], body: importTime };
  const out: FunctionFlows[] = [];
  const classes: ClassInfo[] = [];
  // Each class's own lines by its def line (the first class of a line, as a search of the list finds it): a search per
  // class was quadratic in a file of many classes (saleor's GraphQL types: hundreds a file).
  const classByLine = new Map<number, (typeof classDefs)[number]>();
  if (!callers) for (const c of classDefs) if (!classByLine.has(c.defLine)) classByLine.set(c.defLine, c);
  for (let l = 0; l < t.lines && !callers; l++) {
    const a = t.lineFirst[l];
    const b = t.lineEnd[l];
    if (!isClass(t, a, b)) continue;
    const bases: string[] = [];
    const args = isOp(t, a + 2, Op.LParen) ? callArgs(t, a + 2, b) : null;
    for (const [s0, e0] of args?.positional ?? []) {
      const name = dottedName(t, s0, e0);
      if (name !== null) bases.push(name);
    }
    classes.push({ name: nameText(t, a + 1), bases, line: t.line[a], attributes: classAttributes(t, classByLine.get(t.line[a])?.classLines ?? []) });
  }
  let calls = 0;
  // Stop 48: a def's closures (defs nested in it) read its parameters; their lines count as its own
  // (heat's PluginManager.__init__(self, *extra_packages) runs `map(load_modules, packages())` in a
  // nested modules(), where the nested generator packages() yields `sys.modules[n]` for each n).
  const nested = new Map<OpenDef, OpenDef[]>();
  for (const d of done) if (d.parent !== null) (nested.get(d.parent) ?? nested.set(d.parent, []).get(d.parent)!).push(d.fn);
  const scopeOf = (fn: OpenDef): number[] => {
    const kids = nested.get(fn);
    if (kids === undefined) return ownBody(fn);
    const ranges: Array<[number, number]> = [];
    const add = (d: OpenDef): void => {
      const body = ownBody(d);
      for (let r = 0; r < body.length; r += 2) ranges.push([body[r], body[r + 1]]);
      // Review 6 of stop 48: a closure whose own parameter shadows one of fn's reads its own value, not fn's.
      for (const k of nested.get(d) ?? []) if (!k.params.some((p) => fn.params.includes(p))) add(k);
    };
    add(fn);
    return ranges.sort((x, y) => x[0] - y[0]).flat();
  };
  /** Bare names each def calls, and whether it loads: a def calling a loading def of the file loads too (heat's load_modules → _import_module). */
  const bareCalls = new Map<FunctionFlows, Set<string>>();
  const all: FunctionFlows[] = [];
  // Review of stop 63: a NAMED_LOADS word the file defines itself loads only if that def does (bare calls carry it below).
  const ownNamed = new Set(done.filter((d) => d.parent === null && d.className === null && NAMED_WORDS.has(d.fn.name)).map((d) => d.fn.name));
  for (const { fn, className, classLine } of [...done, { fn: moduleFn, className: null, classLine: null }]) {
    const body = fn === moduleFn ? fn.body! : scopeOf(fn);
    if (callers && !callsWanted(t, body, wanted)) continue;
    const flows = fn !== moduleFn ? assignments(t, body) : callers ? assignments(t, importTime) : moduleFlows;
    const method = className !== null && fn.params[0] === 'self';
    const loops: Loops = { of: new Map(), modules: new Set(), through: new Map() };
    const ofName = new Map<string, string>();
    /**
     * Stop 53: names two `for`s of the def bind. A use is not tied to its loop, so such a name is no
     * loop's item (`for info in resources: load(info['module'])` then `for info in docs: …`).
     */
    const forCount = new Map<string, number>();
    const forBound = (name: string): void => void forCount.set(name, (forCount.get(name) ?? 0) + 1);
    /** `for x in G():` over a closure generator G: resolved once the loops G reads are known. */
    const genLoops: Array<[string, number, number]> = [];
    const kids = new Map((nested.get(fn) ?? []).map((k) => [k.name, k]));
    const assigned = new Map<string, { text: string; line: number; append: boolean }[]>();
    const assign = (name: string, from: number, to: number, append: boolean, wrap = ''): void => {
      if (to <= from || to - from > 400) return;
      const list = assigned.get(name) ?? assigned.set(name, []).get(name)!;
      const value = t.text.slice(t.start[from], t.end[to - 1]);
      list.push({ text: wrap === '' ? value : `${wrap}(${value})`, line: t.line[from], append });
    };
    for (let r = 0; r < body.length; r += 2) {
      const [a, b] = [body[r], body[r + 1]];
      // `for x in p:` / `for x in self.X:`: x is an item of what is iterated.
      if (b - a >= 5 && t.kind[a] === Kind.Name && nameText(t, a) === 'for' && t.kind[a + 1] === Kind.Name && t.kind[a + 2] === Kind.Name && nameText(t, a + 2) === 'in') {
        forBound(nameText(t, a + 1));
        const attr = method ? selfAttr(t, a + 3, b) : null;
        if (attr !== null && isOp(t, a + 6, Op.Colon)) loops.of.set(nameText(t, a + 1), attr);
        else if (t.kind[a + 3] === Kind.Name && isOp(t, a + 4, Op.Colon) && fn.params.includes(nameText(t, a + 3))) loops.of.set(nameText(t, a + 1), nameText(t, a + 3));
        else if (t.kind[a + 3] === Kind.Name && isOp(t, a + 4, Op.Colon) && fn !== moduleFn) ofName.set(nameText(t, a + 1), nameText(t, a + 3));
        else if (t.kind[a + 3] === Kind.Name && isOp(t, a + 4, Op.LParen) && isOp(t, a + 5, Op.RParen) && isOp(t, a + 6, Op.Colon) && kids.has(nameText(t, a + 3))) genLoops.push([nameText(t, a + 1), a + 3, a + 6]);
        else if (t.kind[a + 3] === Kind.Name && isOp(t, a + 4, Op.LParen) && t.kind[a + 5] === Kind.Name && isOp(t, a + 6, Op.RParen) && isOp(t, a + 7, Op.Colon) && fn.params.includes(nameText(t, a + 5))) loops.through.set(nameText(t, a + 1), nameText(t, a + 5));
      }
      // Stop 48: a comprehension's `for x in p` (p a parameter or `self.X`): x is an item of p.
      for (let i = a + 1; i + 3 < b; i++) {
        if (t.depth[i] <= t.depth[a] || t.kind[i] !== Kind.Name || nameText(t, i) !== 'for' || t.kind[i + 1] !== Kind.Name || t.kind[i + 2] !== Kind.Name || nameText(t, i + 2) !== 'in') continue;
        forBound(nameText(t, i + 1));
        const attr = method ? selfAttr(t, i + 3, b) : null;
        const end = attr !== null ? i + 6 : i + 4;
        if (end < b && (isOp(t, end, Op.Dot) || isOp(t, end, Op.LParen) || isOp(t, end, Op.LBracket))) continue;
        if (attr !== null) loops.of.set(nameText(t, i + 1), attr);
        else if (t.kind[i + 3] === Kind.Name && fn.params.includes(nameText(t, i + 3))) loops.of.set(nameText(t, i + 1), nameText(t, i + 3));
      }
      if (t.kind[a] === Kind.Name && isOp(t, a + 1, Op.Assign)) assign(nameText(t, a), a + 2, b, false);
      // `(head, _tail) = os.path.split(p)`: head is p's folder.
      const tuple = isOp(t, a, Op.LParen) ? a + 1 : a;
      if (t.kind[tuple] === Kind.Name && isOp(t, tuple + 1, Op.Comma) && t.kind[tuple + 2] === Kind.Name) {
        const eq = tuple + 3 + (tuple === a ? 0 : 1);
        const open = isOp(t, eq, Op.Assign) ? findOpen(t, eq + 1, b) : -1;
        if (open >= 0 && /^(?:os\.path\.|path\.)?split$/.test(dottedName(t, eq + 1, open) ?? '')) {
          const args = callArgs(t, open, b);
          if (args !== null && args.positional.length === 1 && args.close === b - 1) assign(nameText(t, tuple), args.positional[0][0], args.positional[0][1], false, 'os.path.dirname');
        }
        // Stop 60: `(module_name, class_name) = name.rsplit('.', 1)`: the head is the class path's module,
        // recorded as `name.rsplit('.', 1)[0]` (frescobaldi's panelmanager.py:106), which the fixpoint reads.
        const callee = open >= 0 ? dottedName(t, eq + 1, open) : null;
        if (callee !== null && callee.endsWith('.rsplit') && callArgs(t, open, b)?.close === b - 1) {
          const list = assigned.get(nameText(t, tuple)) ?? assigned.set(nameText(t, tuple), []).get(nameText(t, tuple))!;
          list.push({ text: `${t.text.slice(t.start[eq + 1], t.end[b - 1])}[0]`, line: t.line[eq + 1], append: false });
        }
      }
      if (t.kind[a] === Kind.Name && isOp(t, a + 1, Op.Dot) && t.kind[a + 2] === Kind.Name && nameText(t, a + 2) === 'append' && isOp(t, a + 3, Op.LParen)) {
        const args = callArgs(t, a + 3, b);
        if (args !== null && args.positional.length === 1) assign(nameText(t, a), args.positional[0][0], args.positional[0][1], true);
      }
    }
    const info: FunctionFlows = { name: fn.name, className, classLine, defLine: fn.defLine, params: fn.params, ...(fn.star === undefined ? {} : { star: fn.star }), calls: [], joined: new Set(), loads: false, readsFolder: false, skipsPrivate: false, namesPy: false, assigned, rebinds: rebindings(t, body) };
    const shape = (range: [number, number]): ArgShape => shapeOf(t, range[0], range[1], fn, flows, moduleFlows, loops);
    /**
     * Stop 48: what iterating [from, to) gives, one shape per kind of item: a parameter (or `self.X`)
     * gives its items; a closure generator's call `G()` what G yields (`yield sys.modules[n]`,
     * `yield from p`); a generator expression `(sys.modules[n] for n in p)` its element.
     */
    const itemShapes = (from: number, to: number, depth = 0): ArgShape[] => {
      if (to - from === 1 || (to - from === 3 && selfAttr(t, from, to) !== null)) {
        const s = shape([from, to]);
        return s.direct !== null && !s.each && s.prefix === null && isParamOrAttr({ params: fn.params, className }, s.direct) ? [{ ...s, each: true }] : [];
      }
      const gen = to - from === 3 && t.kind[from] === Kind.Name && isOp(t, from + 1, Op.LParen) && isOp(t, from + 2, Op.RParen) ? kids.get(nameText(t, from)) : undefined;
      if (gen !== undefined && depth < 3) {
        const out: ArgShape[] = [];
        for (let r = 0; r < gen.body!.length; r += 2) {
          const [a, b] = [gen.body![r], gen.body![r + 1]];
          if (t.kind[a] !== Kind.Name || nameText(t, a) !== 'yield' || a + 1 >= b) continue;
          if (t.kind[a + 1] === Kind.Name && nameText(t, a + 1) === 'from') out.push(...itemShapes(a + 2, b, depth + 1));
          else {
            const s = shape([a + 1, b]);
            if (s.direct !== null && s.prefix === null && isParamOrAttr({ params: fn.params, className }, s.direct)) out.push(s);
          }
        }
        return out;
      }
      if ((isOp(t, from, Op.LParen) || isOp(t, from, Op.LBracket)) && to - from > 4) {
        for (let i = from + 1; i < to - 1; i++) {
          if (t.depth[i] !== t.depth[from + 1] || t.kind[i] !== Kind.Name || nameText(t, i) !== 'for') continue;
          const s = shape([from + 1, i]);
          return s.direct !== null && s.each && s.prefix === null ? [s] : [];
        }
      }
      return [];
    };
    for (const [name, from, to] of genLoops) {
      const s = itemShapes(from, to).find((x) => x.each);
      if (s === undefined || s.direct === null) continue;
      loops.of.set(name, s.direct);
      if (s.moduleOf === true) loops.modules.add(name);
    }
    for (const [name, n] of forCount) {
      if (n < 2) continue;
      ofName.delete(name);
      loops.of.delete(name);
      loops.modules.delete(name);
      loops.through.delete(name);
    }
    // Review rm1 of Stop 55: kept once the names two loops bind are dropped, as for any other use of a loop's item.
    info.loopsOf = new Map(loops.of);
    // A name the def assigns (or rebinds) is its own local, not the module's constant.
    for (const [item, name] of ofName) if (assigned.has(name) || info.rebinds.has(name)) ofName.delete(item);
    if (ofName.size > 0) info.loopsOfName = ofName;
    const called = new Set<string>();
    bareCalls.set(info, called);
    for (let r = 0; r < body.length; r += 2) {
      const [a, b] = [body[r], body[r + 1]];
      if (method && calls < MAX_CALLS) {
        const attr = selfAttr(t, a, b);
        if (attr !== null && isOp(t, a + 3, Op.Assign) && a + 4 < b) {
          calls++;
          info.calls.push({ callee: attr, word: '@set', attribute: false, line: t.line[a], positional: [shape([a + 4, b])], keywords: new Map() });
        } else if (attr !== null && isOp(t, a + 3, Op.Dot) && t.kind[a + 4] === Kind.Name && nameText(t, a + 4) === 'append' && isOp(t, a + 5, Op.LParen)) {
          const args = callArgs(t, a + 5, b);
          if (args !== null && args.positional.length === 1) {
            calls++;
            info.calls.push({ callee: attr, word: '@add', attribute: false, line: t.line[a], positional: [shape(args.positional[0])], keywords: new Map() });
          }
        }
      }
      for (let i = a; i < b; i++) {
        if (!info.namesPy && isPlainString(t, i) && stringTokenValue(t, i).endsWith('.py')) info.namesPy = true;
        if (t.kind[i] !== Kind.Name) continue;
        if (!info.readsFolder && i > a && isOp(t, i - 1, Op.Dot)) {
          const w = nameText(t, i);
          if (w === '__file__' || w === '__path__') info.readsFolder = true;
        }
        if (!isOp(t, i + 1, Op.LParen)) continue;
        // A nested def's header `def load(package):` is no call of load.
        if (i > a && t.kind[i - 1] === Kind.Name && nameText(t, i - 1) === 'def') continue;
        const word = nameText(t, i);
        const attribute = i > a && isOp(t, i - 1, Op.Dot);
        // A NAMED_LOADS word that is the file's own code (a method on self/cls, a def of the file) is no load by its word.
        const ownWord = NAMED_WORDS.has(word) && (attribute ? onSelf(t, i, a) : ownNamed.has(word));
        if ((REAL_LOADS.has(word) && !ownWord) || (attribute && REAL_METHOD_LOADS.has(word))) info.loads = true;
        if (attribute && word === 'startswith' && !info.skipsPrivate) {
          const first = isOp(t, i + 2, Op.LParen) ? i + 3 : i + 2;
          if (isPlainString(t, first) && stringTokenValue(t, first) === '_') info.skipsPrivate = true;
        }
        if (!attribute) called.add(word);
        // Stop 48: `map(loader, items)` calls the loader with each item.
        if (word === 'map' && !attribute && calls < MAX_CALLS) {
          const args = callArgs(t, i + 1, b);
          const [f, items] = args?.positional ?? [];
          const callee = f !== undefined && args!.positional.length === 2 ? dottedName(t, f[0], f[1]) : null;
          if (callee !== null && wanted(callee.slice(callee.lastIndexOf('.') + 1))) {
            for (const item of itemShapes(items[0], items[1])) {
              calls++;
              info.calls.push({ callee, word: callee.slice(callee.lastIndexOf('.') + 1), attribute: callee.includes('.'), line: t.line[i], positional: [item], keywords: new Map() });
            }
          }
        }
        if (word === 'join' && t.kind[i + 2] === Kind.Name && isOp(t, i + 3, Op.Comma)) info.joined.add(nameText(t, i + 2));
        if (!wanted(word) || ++calls > MAX_CALLS) continue;
        const args = callArgs(t, i + 1, b);
        if (!args) continue;
        const keywords = new Map<string, ArgShape>();
        for (const [k, range] of args.keywords) keywords.set(k, shape(range));
        info.calls.push({ callee: calleeAt(t, i, a), word, attribute, line: t.line[i], positional: args.positional.map(shape), keywords });
      }
    }
    all.push(info);
  }
  // A def that calls a loading def of the file (by its bare name) loads too.
  const loading = new Set(all.filter((f) => f.loads && f.className === null && f.name !== '').map((f) => f.name));
  for (let grew = loading.size > 0, rounds = 0; grew && rounds < 8; rounds++) {
    grew = false;
    for (const f of all) {
      if (f.loads || ![...bareCalls.get(f)!].some((w) => loading.has(w))) continue;
      f.loads = true;
      grew = true;
      if (f.className === null && f.name !== '') loading.add(f.name);
    }
  }
  const anyLoopOfName = all.some((f) => f.loopsOfName !== undefined);
  for (const info of all) {
    if (info.name === '' && info.className === null && anyLoopOfName) info.storesOf = storesOf(t);
    if (info.calls.length > 0 || info.loads || info.name === '') out.push(info);
  }
  if (!callers) out.push(...loaderAliases(t, moduleBody, wanted));
  return { fns: out, classes };
};

/** The `(` after the dotted name at `from`, or -1. */
const findOpen = (t: PythonTokens, from: number, to: number): number => {
  let i = from;
  while (i + 1 < to && t.kind[i] === Kind.Name && isOp(t, i + 1, Op.Dot)) i += 2;
  return i + 1 < to && t.kind[i] === Kind.Name && isOp(t, i + 1, Op.LParen) ? i + 1 : -1;
};
