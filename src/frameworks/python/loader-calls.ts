/**
 * Which repo function a call reaches, and what it hands each parameter: the call-site half of the
 * loader fixpoint (loader-fixpoint.ts), shared with package-data's path wrappers (callTarget,
 * argumentsFor, over each reader's own argument shape). A file's import bindings (local name → repo module, or → a name in
 * one); a call `f(…)` reaches the function the file defines or imports by that name (or a class's
 * constructor, loader-classes.ts), `mod.f(…)` the function of the module bound to `mod`, `self.m(…)`
 * its own class's method, `obj.m(…)` the one analysed class's method of that name. An argument is
 * read by keyword, or by position past `self` for a method called on an object or a constructor
 * called by its class's name.
 */
import type { ImportFact } from '../../model/facts.js';
import type { FrameworkContext } from '../types.js';
import { fromName, moduleFile } from './python-files.js';
import type { ArgShape, CallFlow, ClassInfo, FunctionFlows } from './loader-roles.js';
import type { Analysed, Loader } from './loader-fixpoint.js';
import { baseCtor, ctorOf } from './loader-classes.js';
import { nameOrigin } from './reexports.js';

/** A call as the readers see it; its arguments of the reader's shape (ArgShape here, token ranges in package-data). */
export interface CallSite<A> {
  /** As written: `self.registry.load_extension`, `load_module`; '' for a call on an expression (`f().g`). */
  callee: string;
  /** The called name's last part. */
  word: string;
  /** Called as an attribute (`obj.m(…)`). */
  attribute: boolean;
  positional: readonly A[];
  keywords: ReadonlyMap<string, A>;
}

/** A repo function a call may reach. */
export interface Callable {
  name: string;
  className: string | null;
  params: readonly string[];
}

const isMethod = (fn: Pick<Callable, 'className' | 'params'>): boolean => fn.className !== null && (fn.params[0] === 'self' || fn.params[0] === 'cls');

/**
 * The arguments a call passes to parameter `index` of `fn`: by keyword, or by position past `self`
 * for a method called on an object (`obj.m(…)`) or a constructor called by its class's name
 * (`Cls(…)`, `super().__init__(…)`), not past it for `Base.__init__(self, …)`, which passes self
 * (`isSelf` tells that argument). With `rest` (`*paths`): that position and all after it.
 */
export const argumentsFor = <A>(call: CallSite<A>, fn: Callable, index: number, isSelf: (arg: A) => boolean, rest = false): A[] => {
  const byKeyword = call.keywords.get(fn.params[index]);
  if (byKeyword) return [byKeyword];
  const first = call.positional[0];
  const passesSelf = call.word === '__init__' && call.callee !== '' && first !== undefined && isSelf(first);
  const at = index - (isMethod(fn) && !passesSelf && (call.attribute || call.word !== fn.name) ? 1 : 0);
  if (at < 0) return [];
  return rest ? call.positional.slice(at) : call.positional.slice(at, at + 1);
};

/** Stop 48: whether the def's parameter at `index` is its `*args`. */
export const isStar = (fn: { params: readonly string[]; star?: string }, index: number): boolean => fn.star !== undefined && fn.params[index] === fn.star;

/** The arguments a call passes to a loader's parameter: for its `*args` parameter, every positional one from there on (Stop 48). */
export const loaderArguments = (call: CallFlow, loader: Loader, index: number): ArgShape[] => argumentsFor(call, loader.fn, index, (arg) => arg.text === 'self', isStar(loader.fn, index));

/** What a reader knows, in the calling file, to follow a call by name. */
export interface CallScope<T> {
  /** The function a file defines at top level by a name (for loader-wrappers also a class, as its constructor). */
  topLevel: (file: string, name: string) => T | undefined;
  /** The file and name a bare name comes from when the calling file imports it (`from m import f`). */
  imported: (name: string) => { file: string; name: string } | null;
  /** The repo module a receiver is bound to (`mod` in `mod.f(…)`), or null. */
  module: (receiver: string) => string | null;
  /** A call on anything else (`self.m(…)`, `obj.m(…)`): the reader's rule for methods. */
  method: (receiver: string) => T | undefined;
  /** Where a module's name is defined when the module only re-exports it (`utils.register_plugins`, bound in pylint/utils/__init__.py). */
  reexported?: (module: string, name: string) => { file: string; name: string };
}

/**
 * The function a call by name reaches, from `file`: `f(…)` the file's own top-level f, else the f
 * it imports; `mod.f(…)` the top-level f of the module bound to `mod`; `x.m(…)` what the reader's
 * method rule says. Shared by loader-wrappers (loaders) and package-data (path wrappers).
 */
export const callTarget = <T>(file: string, call: CallSite<unknown>, scope: CallScope<T>): T | undefined => {
  if (!call.attribute) {
    const own = scope.topLevel(file, call.word);
    if (own !== undefined) return own;
    const imported = scope.imported(call.word);
    return imported === null ? undefined : scope.topLevel(imported.file, imported.name);
  }
  const receiver = call.callee.slice(0, call.callee.length - call.word.length - 1);
  const module = scope.module(receiver);
  if (module === null) return scope.method(receiver);
  const own = scope.topLevel(module, call.word);
  if (own !== undefined || scope.reexported === undefined) return own;
  const origin = scope.reexported(module, call.word);
  return origin.file === module ? undefined : scope.topLevel(origin.file, origin.name);
};

/** Local names bound to repo modules and to names imported from them, for one file. */
export interface Bindings {
  modules: Map<string, string>;
  names: Map<string, { file: string; name: string }>;
  /** Where a name of a module the file imports is defined (`utils.register_plugins`, re-exported by pylint/utils/__init__.py). */
  origin: (module: string, name: string) => { file: string; name: string };
}


export const bindingsOf = (ctx: FrameworkContext, path: string, imports: readonly ImportFact[]): Bindings => {
  const out: Bindings = { modules: new Map(), names: new Map(), origin: (module, name) => nameOrigin(ctx, module, name) };
  for (const i of imports) {
    if (i.syntax === 'import') {
      const file = moduleFile(ctx, path, i.specifier);
      if (file !== null) out.modules.set(i.alias ?? i.specifier, file);
      continue;
    }
    if (i.syntax !== 'from') continue;
    const holder = moduleFile(ctx, path, i.specifier);
    for (const n of i.names) {
      if (n.name === '*') continue;
      const sub = moduleFile(ctx, path, fromName(i.specifier, n.name));
      if (sub !== null && sub !== holder) out.modules.set(n.alias ?? n.name, sub);
      else if (holder !== null) out.names.set(n.alias ?? n.name, nameOrigin(ctx, holder, n.name));
    }
  }
  return out;
};

export interface Index {
  methods: Map<string, Loader[]>;
  topLevel: Map<string, Loader>;
  /** `file\0Class` → its `__init__` loader. */
  ctors: Map<string, Loader>;
  analysed: ReadonlyMap<string, Analysed>;
  /** ctorOf's answers for this index, by `file\0Class`. */
  known: Map<string, Loader | undefined>;
  /** Per analysed file: its classes by name, and the classes defining their own `__init__`. */
  classesOf: Map<string, { byName: Map<string, ClassInfo>; ownInit: Set<string> }>;
}

/**
 * Stop 55: a plain call of a local that the function assigned once, above the call, a module's
 * function (`import_plugin = sos.report.plugins.import_plugin`, then `import_plugin(plugbase, …)`,
 * sos' report/__init__.py:467): that module's function. Only a module the file imports by that name:
 * an object's method kept in a local is left alone. Null when the call is no such alias.
 */
const moduleAlias = (a: Analysed, fn: FunctionFlows, call: CallFlow): { file: string; name: string } | null => {
  if (call.attribute || isParamOrAttr(fn, call.word)) return null;
  const values = fn.assigned.get(call.word);
  if (values === undefined || values.length !== 1 || values[0].append || values[0].line > call.line) return null;
  const m = /^((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(values[0].text);
  // Review rm1: a parameter or local of the function that shadows the module's name (`def f(app): … = app.plugins.x`) holds an object.
  const head = m === null ? '' : m[1].split('.')[0];
  if (fn.params.includes(head) || fn.assigned.has(head) || fn.rebinds.has(head) || fn.loopsOf?.has(head) === true) return null;
  const module = m === null ? undefined : a.bindings.modules.get(m[1]);
  if (module === undefined || m === null) return null;
  const origin = a.bindings.origin(module, m[2]);
  return origin;
};

/** The loader a call reaches, if any. */
export const resolveCall = (a: Analysed, fn: FunctionFlows, call: CallFlow, idx: Index): Loader | undefined => {
  const { methods, topLevel } = idx;
  if (call.word.startsWith('@')) return undefined;
  if (call.callee === '') return call.word === '__init__' && fn.className !== null ? baseCtor(idx, a, fn.className, null) : undefined;
  const aliased = moduleAlias(a, fn, call);
  if (aliased !== null) return topLevel.get(`${aliased.file}\0${aliased.name}`);
  return callTarget(a.file, call, {
    topLevel: (file, name) => topLevel.get(`${file}\0${name}`) ?? ctorOf(idx, file, name),
    imported: (name) => a.bindings.names.get(name) ?? null,
    module: (receiver) => a.bindings.modules.get(receiver) ?? null,
    reexported: a.bindings.origin,
    method: (receiver) => {
      if (call.word === '__init__' && fn.className !== null) return baseCtor(idx, a, fn.className, receiver);
      // `self.m(…)` in a class defining m: that method.
      if (receiver === 'self' && fn.className !== null) {
        const own = (methods.get(call.word) ?? []).find((l) => l.file === a.file && l.fn.className === fn.className);
        if (own) return own;
      }
      // Otherwise the one loader of that name (listers only when no loader has it: they came later).
      const candidates = methods.get(call.word) ?? [];
      const loading = candidates.filter((l) => !l.lister);
      if (loading.length > 0) return loading.length === 1 ? loading[0] : undefined;
      return candidates.length === 1 ? candidates[0] : undefined;
    },
  });
};

export const indexes = (loaders: ReadonlyMap<string, Loader>, analysed: ReadonlyMap<string, Analysed>): Index => {
  const methods = new Map<string, Loader[]>();
  const topLevel = new Map<string, Loader>();
  const ctors = new Map<string, Loader>();
  for (const l of loaders.values()) {
    if (l.fn.className !== null) (methods.get(l.fn.name) ?? methods.set(l.fn.name, []).get(l.fn.name)!).push(l);
    else topLevel.set(`${l.file}\0${l.fn.name}`, l);
    if (l.fn.className !== null && l.fn.name === '__init__' && isMethod(l.fn)) ctors.set(`${l.file}\0${l.fn.className}`, l);
  }
  return { methods, topLevel, ctors, analysed, known: new Map(), classesOf: new Map() };
};

/** A parameter of the function, or (in a method) an attribute of self. */
export const isParamOrAttr = (fn: Pick<Callable, 'className' | 'params'>, name: string): boolean => (name.startsWith('self.') ? isMethod(fn) && fn.params[0] === 'self' : fn.params.includes(name) && name !== 'self' && name !== 'cls');
