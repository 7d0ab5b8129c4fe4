/**
 * The functions of a Python file that make a computed import, read from tokens: which parameter
 * (if any) the imported name is built from, and which names feed it. gunicorn's
 * `def load_class(uri, default="gunicorn.workers.sync.SyncWorker", …)` splits `uri`, looks a bare
 * name up in `SUPPORTED_WORKERS` (imported from gunicorn.workers) and ends in
 * `importlib.import_module('.'.join(components))`: a loader, whose callers elsewhere
 * (`util.load_class(uri)` in config.py) load whatever dotted name they hand it.
 *
 * The flow is followed by names only, within the function's own body: the call's first argument,
 * then every assignment (`x = …`, `a, b = …`, `x += …`, `for x in …`) to a name already followed,
 * until nothing new is added. Nothing is run and nothing outside the body is looked at.
 */
import { tokenize } from '../../languages/python/tokenize.js';
import { isPlainString, stringTokenValue, stringValue } from '../../languages/python/literals.js';
import { callArgs, findTop, isOp, matchClose, nameText, splitTop } from '../../languages/python/ranges.js';
import type { PythonTokens } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';
import { BY_NAME_LOADS, callPattern } from '../../languages/python/loader-names.js';

/** Calls that import a module by the name they are given (string-modules' COMPUTED_LOAD, less load_entry_point, whose first argument is a distribution). */
const LOADS: ReadonlySet<string> = new Set(BY_NAME_LOADS);

/**
 * Stop 48: oslo.utils' `importutils` (every OpenStack service): `import_class('pkg.mod.Class')` and
 * `import_object('pkg.mod.Class', …)` import `pkg.mod` and take the class, as Django's
 * `import_string` does (cinder's `ExtensionManager.load_extension`: `importutils.import_class(ext_factory)`).
 */
export const OSLO_IMPORTUTILS = 'oslo_utils.importutils';
/** The imports bring in oslo's importutils: `from oslo_utils import importutils`, `import oslo_utils.importutils`, or one of its loaders by name. */
export const importsOsloLoader = (imports: readonly { specifier: string; names: readonly { name: string }[] }[]): boolean =>
  imports.some(
    (i) =>
      i.specifier === OSLO_IMPORTUTILS ||
      (i.specifier === 'oslo_utils' && i.names.some((n) => n.name === 'importutils')),
  );

export interface FunctionLoad {
  name: string;
  /** A module-level `def`: the only kind other modules can call by an imported name. */
  topLevel: boolean;
  defLine: number;
  /** The computed import's line. */
  loadLine: number;
  /** The parameter the imported name is built from, or null when it is built from none. */
  parameter: string | null;
  /** Its position among the parameters (-1 without one). */
  parameterIndex: number;
  /**
   * The import's argument is exactly the parameter (zim's `__import__(name)`), so the caller's
   * argument is the whole module name; false when the loader adds to it (`name + '.plugin'`).
   */
  whole: boolean;
  /** The parameters' string defaults (`default="pkg.mod.Class"`), with their lines. */
  defaults: { value: string; line: number }[];
  /** The other names the imported name is built from, each with the line it is read on (`SUPPORTED_WORKERS`, 84). */
  reads: { name: string; line: number }[];
}

export interface OpenDef {
  name: string;
  indent: number;
  defLine: number;
  params: string[];
  defaults: { value: string; line: number }[];
  /** Token ranges [from, to) of the body; null for a class, whose own lines are no function's. */
  body: number[] | null;
  /** Stop 56: a class's own lines (its attributes, `_packages = ("app.more",)`), outside its defs. */
  classLines?: number[];
  /** Stop 57: for a class made inside a def (directly or in a class there), that def: its lines run when the def does, not at import. */
  inDef?: OpenDef;
  /** Stop 48: the `*args` parameter's name (it holds the call's remaining positional arguments), if any. */
  star?: string;
}

/** Names in [from, to) that are not attributes (`a.b` gives `a`) and not keywords of a call (`f(x=1)` gives no `x`). */
export const plainNames = (t: PythonTokens, from: number, to: number, into: (name: string, line: number) => void): void => {
  for (let i = from; i < to; i++) {
    if (t.kind[i] !== Kind.Name || (i > from && isOp(t, i - 1, Op.Dot)) || (t.depth[i] > t.depth[from] && isOp(t, i + 1, Op.Assign))) continue;
    into(nameText(t, i), t.line[i]);
  }
};

/** `def NAME(` at token `a` (after an optional `async`): the index of `(`, or -1. */
export const defOpen = (t: PythonTokens, a: number, b: number): number => {
  let i = a;
  if (t.kind[i] === Kind.Name && nameText(t, i) === 'async') i++;
  if (i + 2 >= b || t.kind[i] !== Kind.Name || nameText(t, i) !== 'def' || t.kind[i + 1] !== Kind.Name || !isOp(t, i + 2, Op.LParen)) return -1;
  return i + 2;
};

export const openDef = (t: PythonTokens, open: number, b: number, indent: number): OpenDef | null => {
  const close = matchClose(t, open, b);
  if (close < 0) return null;
  const body: number[] = [];
  const fn: OpenDef = { name: nameText(t, open - 1), indent, defLine: t.line[open - 1], params: [], defaults: [], body };
  for (const [s, e] of splitTop(t, open + 1, close)) {
    let i = s;
    while (i < e && t.kind[i] === Kind.Op) i++; // `*args`, `**kwargs`
    if (i >= e || t.kind[i] !== Kind.Name) continue;
    fn.params.push(nameText(t, i));
    if (i === s + 1 && isOp(t, s, Op.Star)) fn.star = nameText(t, i);
    const eq = findTop(t, s, e, Op.Assign);
    const value = eq < 0 ? null : stringValue(t, eq + 1, e);
    if (value !== null) fn.defaults.push({ value, line: t.line[eq + 1] });
  }
  // A one-line body (`def f(x): return import_module(x)`) sits on the def's own logical line.
  body.push(close + 1, b);
  return fn;
};

export interface Flow {
  bound: Set<string>;
  read: Array<[string, number]>;
  strings: { value: string; line: number }[];
}

/** The plain string literals in [from, to), with their lines. */
export const literals = (t: PythonTokens, from: number, to: number, into: { value: string; line: number }[]): void => {
  for (let i = from; i < to; i++) if (isPlainString(t, i)) into.push({ value: stringTokenValue(t, i), line: t.line[i] });
};

/** What each assignment in the body binds and reads (`x = …`, `a, b = …`, `x += …`, `for x in …`). */
export const assignments = (t: PythonTokens, body: readonly number[]): Flow[] => {
  const out: Flow[] = [];
  for (let r = 0; r < body.length; r += 2) {
    const [a, b] = [body[r], body[r + 1]];
    if (a >= b) continue;
    let split = -1;
    let from = a;
    if (t.kind[a] === Kind.Name && nameText(t, a) === 'for') {
      from = a + 1;
      for (let i = a + 1; i < b; i++) if (t.depth[i] === t.depth[a] && t.kind[i] === Kind.Name && nameText(t, i) === 'in') { split = i; break; }
    } else {
      for (let i = a; i < b; i++) {
        if (t.depth[i] !== t.depth[a] || t.kind[i] !== Kind.Op) continue;
        const v = t.value[i];
        if (v === Op.Assign || v === Op.AugAssign || v === Op.Walrus) { split = i; break; }
      }
    }
    if (split < 0) continue;
    const flow: Flow = { bound: new Set<string>(), read: [], strings: [] };
    plainNames(t, from, split, (n) => flow.bound.add(n));
    plainNames(t, split + 1, b, (n, line) => flow.read.push([n, line]));
    literals(t, split + 1, b, flow.strings);
    out.push(flow);
  }
  return out;
};

/**
 * Stop 48 (review 6 of stop 48, #1): the lines at which the body gives each plain name a new value,
 * as a statement of its own at the body's own indentation: `x = …`, `x += …` (any `op=`), `x: T = …`.
 * `x = x.strip()` is left out (the same name), and so is one under an `if`, `for` or `try`. What reaches a load below such a line is no longer what the caller handed in.
 */
export const rebindings = (t: PythonTokens, body: readonly number[]): Map<string, number[]> => {
  const out = new Map<string, number[]>();
  // Only a statement at the body's own indentation rebinds for certain: one under an `if`/`try`
  // (`if uri in WORKERS: uri = WORKERS[uri]`) may leave the caller's value as it was.
  const indentAt = (token: number): number => {
    let lo = 0;
    let hi = t.lines - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t.lineFirst[mid] <= token) lo = mid;
      else hi = mid - 1;
    }
    return t.lineFirst[lo] === token ? t.lineIndent[lo] : -1;
  };
  let top = Infinity;
  for (let r = 0; r < body.length; r += 2) {
    const indent = indentAt(body[r]);
    if (indent >= 0 && indent < top) top = indent;
  }
  for (let r = 0; r < body.length; r += 2) {
    const [a, b] = [body[r], body[r + 1]];
    if (b - a < 3 || t.kind[a] !== Kind.Name) continue;
    const indent = indentAt(a);
    if (indent >= 0 && indent !== top) continue;
    let eq = a + 1;
    if (isOp(t, eq, Op.Colon)) while (eq < b && !(t.depth[eq] === t.depth[a] && isOp(t, eq, Op.Assign))) eq++;
    if (eq >= b || !(isOp(t, eq, Op.Assign) || (eq === a + 1 && isOp(t, eq, Op.AugAssign)))) continue;
    const name = nameText(t, a);
    const strip = isOp(t, eq, Op.Assign) && b - eq === 6 && t.kind[eq + 1] === Kind.Name && nameText(t, eq + 1) === name && isOp(t, eq + 2, Op.Dot) && t.kind[eq + 3] === Kind.Name && nameText(t, eq + 3) === 'strip' && isOp(t, eq + 4, Op.LParen) && isOp(t, eq + 5, Op.RParen);
    // Stop 54: `name = name or fallback` keeps any value the caller hands (trove's `ns = ns or cls.__strategy_ns__`).
    const fallback = isOp(t, eq, Op.Assign) && b - eq >= 4 && orFallback(name, t.text.slice(t.start[eq + 1], t.end[b - 1]));
    if (!strip && !fallback) (out.get(name) ?? out.set(name, []).get(name)!).push(t.line[a]);
  }
  return out;
};

/** `p or <fallback>`: the text of an assignment to p that keeps p's value when it is set (rebindings, and loader-templates' keepsParameter). */
export const orFallback = (param: string, text: string): boolean => new RegExp(`^${param}\\s+or\\b`).test(text.trim());

/** Whether `name` is given a new value (see rebindings) above `line`. */
export const reassignedAbove = (rebinds: ReadonlyMap<string, readonly number[]>, name: string, line: number): boolean => (rebinds.get(name) ?? []).some((l) => l < line);

/** Each name to the flows (by index, rising) that bind it; made once per flow list. */
const bindersMemo = new WeakMap<readonly Flow[], Map<string, number[]>>();
const bindersOf = (flows: readonly Flow[]): Map<string, number[]> => {
  let index = bindersMemo.get(flows);
  if (index === undefined) {
    index = new Map();
    flows.forEach((f, k) => {
      for (const n of f.bound) (index!.get(n) ?? index!.set(n, []).get(n)!).push(k);
    });
    bindersMemo.set(flows, index);
  }
  return index;
};

/**
 * Grows `need` (name → line read) by every assignment to a name in it, until nothing new; the literals those assignments read.
 *
 * In effect passes over `flows` in order, taking each flow not yet taken that binds a needed name
 * (a name a flow reads is needed from there on, in the same pass), until a pass takes nothing. Done
 * by the flows' binders instead of passes (stop 65, s65-hostile2): a module of 40,000
 * `dN = importutils.import_object('p.%s' % nN)` walked every flow once per call, 11 s. A flow
 * made eligible in pass p behind the flow that made it so is taken in pass p, before it in pass
 * p + 1: a queue ordered by (pass, index) takes the flows, so the literals and `need`'s lines come
 * in the passes' order.
 */
export const follow = (need: Map<string, number>, flows: readonly Flow[]): { value: string; line: number }[] => {
  const strings: { value: string; line: number }[] = [];
  const binders = bindersOf(flows);
  const size = flows.length;
  // A min-heap of pass * size + index.
  const heap: number[] = [];
  const push = (key: number): void => {
    let i = heap.push(key) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (heap[up] <= key) break;
      heap[i] = heap[up];
      i = up;
    }
    heap[i] = key;
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && heap[child + 1] < heap[child]) child++;
        if (heap[child] >= last) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  };
  const used = new Uint8Array(size);
  const queued = new Set<string>();
  const enqueue = (name: string, pass: number, at: number): void => {
    if (queued.has(name)) return;
    queued.add(name);
    for (const k of binders.get(name) ?? []) if (!used[k]) push((k > at ? pass : pass + 1) * size + k);
  };
  for (const n of need.keys()) enqueue(n, 0, -1);
  while (heap.length > 0) {
    const key = pop();
    const k = key % size;
    if (used[k]) continue;
    used[k] = 1;
    const pass = (key - k) / size;
    const f = flows[k];
    strings.push(...f.strings);
    for (const [n, line] of f.read) {
      if (need.has(n)) continue;
      need.set(n, line);
      enqueue(n, pass, k);
    }
  }
  return strings;
};

/** The dotted name `a.b.c` whose last part is the name at `i` (`util.load_class` for `load_class`). */
export const calleeAt = (t: PythonTokens, i: number, from: number): string => {
  let s = i;
  while (s - 2 >= from && isOp(t, s - 1, Op.Dot) && t.kind[s - 2] === Kind.Name) s -= 2;
  if (s - 1 >= from && isOp(t, s - 1, Op.Dot)) return ''; // `f().util.load_class`: not a name the file binds
  let name = nameText(t, s);
  for (let k = s + 2; k <= i; k += 2) name += `.${nameText(t, k)}`;
  return name;
};

/** A call, in a function or at module level, to one of the loader names a file was asked about. */
export interface LoaderCall {
  /** As written: `util.load_class`, `load_class`. */
  callee: string;
  line: number;
  /** The literals of the argument the loader's parameter takes, and those assigned (in the same function) to the names it is built from. */
  strings: { value: string; line: number }[];
  /** The literals of its other arguments (`default="pkg.mod.Class"`, `section="pkg.group"`). */
  others: { value: string; line: number }[];
  /** The names the parameter's argument is built from, with the line each is read on. */
  reads: { name: string; line: number }[];
  /** Stop 45: the source text of the parameter's argument ('' when the call has none). */
  text: string;
}

export interface FileLoads {
  loads: FunctionLoad[];
  calls: LoaderCall[];
}

/** A loader as a caller names it: the parameter its imported name is built from, by name and position. */
export interface Callee {
  parameter: string;
  index: number;
}

/**
 * Follows `need` through the function's own assignments, then the names no assignment there binds
 * (nor a parameter) through the module's (`HANDLER = "pkg.mod.Handler"` at the top, read in a function).
 */
export const followOut = (need: Map<string, number>, fn: OpenDef, flows: readonly Flow[], moduleFlows: readonly Flow[]): { value: string; line: number }[] => {
  const strings = follow(need, flows);
  if (flows === moduleFlows) return strings;
  const outer = new Map<string, number>();
  const binders = bindersOf(flows);
  for (const [n, line] of need) if (!fn.params.includes(n) && !binders.has(n)) outer.set(n, line);
  if (outer.size === 0) return strings;
  strings.push(...follow(outer, moduleFlows));
  for (const [n, line] of outer) if (!need.has(n)) need.set(n, line);
  return strings;
};

const finish = (t: PythonTokens, fn: OpenDef, body: number[], topLevel: boolean, callees: ReadonlyMap<string, Callee>, moduleFlows: readonly Flow[], out: FileLoads): void => {
  let flows: readonly Flow[] | undefined;
  let rebinds: Map<string, number[]> | undefined;
  for (let r = 0; r < body.length; r += 2) {
    for (let i = body[r]; i < body[r + 1]; i++) {
      if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen)) continue;
      const word = nameText(t, i);
      const callee = callees.size > 0 ? calleeAt(t, i, body[r]) : '';
      const load = LOADS.has(word) && fn.name !== '';
      if (!load && !callees.has(callee)) continue;
      const args = callArgs(t, i + 1, body[r + 1]);
      if (!args) continue;
      const need = new Map<string, number>();
      flows ??= fn.name === '' ? moduleFlows : assignments(t, body);
      if (load) {
        const first = args.positional[0];
        if (!first || stringValue(t, first[0], first[1]) !== null) continue;
        plainNames(t, first[0], first[1], (n, line) => need.has(n) || need.set(n, line));
        followOut(need, fn, flows, moduleFlows);
        rebinds ??= rebindings(t, body);
        const loadLine = t.line[i];
        const parameter = fn.params.find((p) => need.has(p) && p !== 'self' && p !== 'cls' && !reassignedAbove(rebinds!, p, loadLine)) ?? null;
        const reads = [...need].filter(([n]) => !fn.params.includes(n)).map(([name, line]) => ({ name, line }));
        const parameterIndex = parameter === null ? -1 : fn.params.indexOf(parameter);
        const whole = parameter !== null && first[1] - first[0] === 1 && t.kind[first[0]] === Kind.Name && nameText(t, first[0]) === parameter;
        out.loads.push({ name: fn.name, topLevel, defLine: fn.defLine, loadLine: t.line[i], parameter, parameterIndex, whole, defaults: fn.defaults, reads });
        continue;
      }
      const wanted = callees.get(callee)!;
      const bound = args.keywords.get(wanted.parameter) ?? args.positional[wanted.index];
      const strings: { value: string; line: number }[] = [];
      const others: { value: string; line: number }[] = [];
      for (const range of [...args.positional, ...args.keywords.values()]) if (range !== bound) literals(t, range[0], range[1], others);
      if (bound) {
        literals(t, bound[0], bound[1], strings);
        plainNames(t, bound[0], bound[1], (n, line) => need.has(n) || need.set(n, line));
        strings.push(...followOut(need, fn, flows, moduleFlows));
      }
      const text = bound && bound[1] > bound[0] ? t.text.slice(t.start[bound[0]], t.end[bound[1] - 1]) : '';
      out.calls.push({ callee, line: t.line[i], strings, others, reads: [...need].map(([name, line]) => ({ name, line })), text });
    }
  }
};

/** `class NAME` at token `a`: its methods are no module-level functions. */
export const isClass = (t: PythonTokens, a: number, b: number): boolean => a + 1 < b && t.kind[a] === Kind.Name && nameText(t, a) === 'class' && t.kind[a + 1] === Kind.Name;

/** A function found by fileDefs, in the order its body ends. */
export interface FileDef {
  fn: OpenDef;
  /** A module-level `def`. */
  topLevel: boolean;
  /** The class a method is defined in directly, or null. */
  className: string | null;
  /** Stop 50: that class's header line (1-based, its `class` token's), or null. */
  classLine: number | null;
  /** Stop 48: the def this one is nested in directly (a closure), or null. */
  parent: OpenDef | null;
}

/**
 * The file's functions (with their bodies' token ranges) and the module's own lines, found by
 * indentation. Functions are listed once their bodies end, so a caller can read the module's
 * lines (which their names may be assigned in) before looking into them.
 */
export const fileDefs = (t: PythonTokens): { done: FileDef[]; moduleBody: number[]; classes: OpenDef[]; headers: number[] } => {
  /** The enclosing defs and classes, innermost last. */
  const open: OpenDef[] = [];
  /** A method's class: the open class (body null) it is directly in. */
  const classOf = new Map<OpenDef, OpenDef>();
  /** The module's own lines, as the body of a nameless function (its computed imports are no function's). */
  const moduleBody: number[] = [];
  const done: FileDef[] = [];
  const classes: OpenDef[] = [];
  /** Inside the brackets of top-level def and class headers (`def f(root=files('pkg')):`): no body's, but run at import. */
  const headers: number[] = [];
  const close = (): void => {
    const fn = open.pop()!;
    const outer = open[open.length - 1];
    const owner = classOf.get(fn);
    if (fn.body !== null) done.push({ fn, topLevel: open.length === 0, className: owner?.name ?? null, classLine: owner?.defLine ?? null, parent: outer !== undefined && outer.body !== null ? outer : null });
  };
  for (let l = 0; l < t.lines; l++) {
    const a = t.lineFirst[l];
    const b = t.lineEnd[l];
    const indent = t.lineIndent[l];
    while (open.length > 0 && indent <= open[open.length - 1].indent) close();
    if (open.length > 0) {
      const inner = open[open.length - 1];
      if (inner.body !== null) inner.body.push(a, b);
      else inner.classLines?.push(a, b);
    }
    const paren = defOpen(t, a, b);
    const fn = paren >= 0 ? openDef(t, paren, b, indent) : null;
    // From inside the bracket: the def's or class's own name is no call.
    if (open.length === 0 && fn !== null) headers.push(paren + 1, b);
    else if (open.length === 0 && isClass(t, a, b) && isOp(t, a + 2, Op.LParen)) headers.push(a + 3, b);
    if (fn !== null) {
      const outer = open[open.length - 1];
      if (outer !== undefined && outer.body === null) classOf.set(fn, outer);
      open.push(fn);
    } else if (isClass(t, a, b)) {
      const c: OpenDef = { name: nameText(t, a + 1), indent, defLine: t.line[a], params: [], defaults: [], body: null, classLines: [] };
      for (let k = open.length - 1; k >= 0; k--) {
        if (open[k].body === null) continue;
        c.inDef = open[k];
        break;
      }
      classes.push(c);
      open.push(c);
    }
    else if (open.length === 0) moduleBody.push(a, b);
  }
  while (open.length > 0) close();
  return { done, moduleBody, classes, headers };
};

/**
 * The computed imports inside the file's functions, and the calls to `callees` (dotted names as
 * the file writes them), in the file's functions or at its module level.
 */
export const fileLoads = (text: string, callees: ReadonlyMap<string, Callee> = new Map()): FileLoads => {
  const t = tokenize(text);
  const out: FileLoads = { loads: [], calls: [] };
  const { done, moduleBody } = fileDefs(t);
  const moduleFlows = assignments(t, moduleBody);
  for (const { fn, topLevel } of done) finish(t, fn, fn.body!, topLevel, callees, moduleFlows, out);
  if (callees.size > 0) finish(t, { name: '', indent: -1, defLine: 0, params: [], defaults: [], body: moduleBody }, moduleBody, false, callees, moduleFlows, out);
  out.loads.sort((x, y) => x.loadLine - y.loadLine);
  out.calls.sort((x, y) => x.line - y.line);
  return out;
};

/** The computed imports' calls as text, to find the functions worth tokenizing. */
const LOAD_CALL = callPattern(BY_NAME_LOADS, 'g');

/** A line that starts at column 0 with code (not blank, a comment, or the closing bracket of a wrapped signature or call). */
const isColumnZeroCode = (text: string, at: number): boolean => {
  const c = text.charCodeAt(at);
  // space, tab, CR, LF, #, ), ], }; NaN past the end
  return !(c === 32 || c === 9 || c === 13 || c === 10 || c === 35 || c === 41 || c === 93 || c === 125 || Number.isNaN(c));
};

/**
 * The text of the module-level `def` around offset `index`: from its line down to the next line of
 * code at column 0; null when that offset is at module level or in a class. A string whose lines
 * start at column 0 inside the function ends it early: then the call may be missed, never misread.
 */
export const topLevelDefAround = (text: string, index: number): { start: number; end: number } | null => {
  let p = text.lastIndexOf('\n', index - 1) + 1;
  for (;;) {
    if (text.startsWith('def ', p) || text.startsWith('async def ', p)) break;
    if (isColumnZeroCode(text, p) || p === 0) return null;
    p = text.lastIndexOf('\n', p - 2) + 1;
  }
  return { start: p, end: blockEnd(text, index) };
};

/** Where the block around offset `index` ends: after the last line before the next line of code at column 0. */
const blockEnd = (text: string, index: number): number => {
  let end = text.indexOf('\n', index);
  while (end >= 0 && !isColumnZeroCode(text, end + 1)) end = text.indexOf('\n', end + 1);
  return end < 0 ? text.length : end + 1;
};

/**
 * The computed imports in the file's module-level functions, each function tokenized from its own
 * text (a large module's other lines never are): what other modules may call as a loader.
 */
export const moduleFunctionLoads = (text: string): FunctionLoad[] => {
  const out: FunctionLoad[] = [];
  let covered = -1;
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(LOAD_CALL)) {
    if (m.index < covered) continue;
    const def = topLevelDefAround(text, m.index);
    if (def === null) {
      // The rest of this block (a class body, module-level code) is no module-level def either:
      // each block is walked once however many calls a hostile file puts in it.
      covered = blockEnd(text, m.index);
      continue;
    }
    covered = def.end;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < def.start; i = text.indexOf('\n', i + 1)) line++;
    counted = def.start;
    const shift = line - 1;
    for (const load of fileLoads(text.slice(def.start, def.end)).loads) {
      if (!load.topLevel) continue;
      out.push({
        ...load,
        defLine: load.defLine + shift,
        loadLine: load.loadLine + shift,
        defaults: load.defaults.map((d) => ({ value: d.value, line: d.line + shift })),
        reads: load.reads.map((r) => ({ name: r.name, line: r.line + shift })),
      });
    }
  }
  return out;
};

const loadsByFile = perScan((): Map<string, FunctionLoad[]> => new Map());

/** moduleFunctionLoads of a repo file, tokenized once per scan: string-modules and settings-class-paths ask for the same files. */
export const moduleFunctionLoadsOf = (ctx: FrameworkContext, path: string, text: string): FunctionLoad[] => {
  const known = loadsByFile(ctx);
  let loads = known.get(path);
  if (loads === undefined) known.set(path, (loads = moduleFunctionLoads(text)));
  return loads;
};
