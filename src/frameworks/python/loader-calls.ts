/**
 * Which loader a call reaches, and what it hands each parameter: the call-site half of the loader
 * fixpoint (loader-fixpoint.ts). A file's import bindings (local name → repo module, or → a name in
 * one); a call `f(…)` reaches the function the file defines or imports by that name (or a class's
 * constructor, loader-classes.ts), `mod.f(…)` the function of the module bound to `mod`, `self.m(…)`
 * its own class's method, `obj.m(…)` the one analysed class's method of that name. An argument is
 * read by keyword, or by position past `self` for a method called on an object or a constructor
 * called by its class's name.
 */
import type { ImportFact } from '../../model/facts.js';
import type { FrameworkContext } from '../types.js';
import { moduleFile } from './python-files.js';
import type { ArgShape, CallFlow, ClassInfo, FunctionFlows } from './loader-roles.js';
import type { Analysed, Loader } from './loader-fixpoint.js';
import { baseCtor, ctorOf } from './loader-classes.js';

export const isMethod = (fn: FunctionFlows): boolean => fn.className !== null && (fn.params[0] === 'self' || fn.params[0] === 'cls');

/** The argument a call passes to a parameter (by keyword, or by position, past `self` for a method called on an object). */
export const argumentFor = (call: CallFlow, loader: Loader, index: number): ArgShape | undefined => {
  const name = loader.fn.params[index];
  const byKeyword = call.keywords.get(name);
  if (byKeyword) return byKeyword;
  // `obj.m(…)` and a constructor call `Cls(…)` (or `super().__init__(…)`) pass no self; `Base.__init__(self, …)` does.
  const passesSelf = call.word === '__init__' && call.callee !== '' && call.positional[0]?.text === 'self';
  const shift = isMethod(loader.fn) && !passesSelf && (call.attribute || call.word !== loader.fn.name) ? 1 : 0;
  return index - shift < 0 ? undefined : call.positional[index - shift];
};

/** Local names bound to repo modules and to names imported from them, for one file. */
export interface Bindings {
  modules: Map<string, string>;
  names: Map<string, { file: string; name: string }>;
}

export const fromName = (specifier: string, name: string): string => (specifier.endsWith('.') ? `${specifier}${name}` : `${specifier}.${name}`);

export const bindingsOf = (ctx: FrameworkContext, path: string, imports: readonly ImportFact[]): Bindings => {
  const out: Bindings = { modules: new Map(), names: new Map() };
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
      else if (holder !== null) out.names.set(n.alias ?? n.name, { file: holder, name: n.name });
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

/** The loader a call reaches, if any. */
export const resolveCall = (a: Analysed, fn: FunctionFlows, call: CallFlow, idx: Index): Loader | undefined => {
  const { methods, topLevel } = idx;
  if (call.word.startsWith('@')) return undefined;
  if (call.callee === '') return call.word === '__init__' && fn.className !== null ? baseCtor(idx, a, fn.className, null) : undefined;
  if (!call.attribute) {
    const own = topLevel.get(`${a.file}\0${call.word}`) ?? ctorOf(idx, a.file, call.word);
    if (own) return own;
    const imported = a.bindings.names.get(call.word);
    return imported === undefined ? undefined : (topLevel.get(`${imported.file}\0${imported.name}`) ?? ctorOf(idx, imported.file, imported.name));
  }
  const receiver = call.callee.slice(0, call.callee.length - call.word.length - 1);
  const module = a.bindings.modules.get(receiver);
  if (module !== undefined) return topLevel.get(`${module}\0${call.word}`) ?? ctorOf(idx, module, call.word);
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
export const isParamOrAttr = (fn: FunctionFlows, name: string): boolean => (name.startsWith('self.') ? isMethod(fn) && fn.params[0] === 'self' : fn.params.includes(name) && name !== 'self' && name !== 'cls');
