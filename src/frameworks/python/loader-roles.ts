/**
 * The calls a Python file's functions make, with what each argument is built from: the raw
 * material of loader-wrappers.ts, which finds the repo's own loader functions by a fixpoint over
 * these facts. Unlike loader-functions.ts (module-level functions around a computed import), every
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
import { callArgs, isOp, nameText } from '../../languages/python/ranges.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { assignments, calleeAt, fileDefs, followOut, literals, plainNames, type Flow, type OpenDef } from './loader-functions.js';

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
  defLine: number;
  params: string[];
  calls: CallFlow[];
  /** Parameters the body joins a name onto (`join(p, …)`): the folder of a path it builds. */
  joined: Set<string>;
  /** The body makes a real load call: import_module, __import__, import_string, `.exec_module(`, `.load_module(`. */
  loads: boolean;
}

/** Calls read per file: a hostile file of thousands of wanted calls costs no more than this many argument walks. */
const MAX_CALLS = 2000;
const REAL_LOADS = new Set(['import_module', '__import__', 'import_string']);
const REAL_METHOD_LOADS = new Set(['exec_module', 'load_module']);
/** `+` is one of the operators the scanner codes as Op.Other: read its text. */
const isPlus = (t: PythonTokens, i: number): boolean => t.kind[i] === Kind.Op && t.end[i] - t.start[i] === 1 && t.text.charCodeAt(t.start[i]) === 43;

const shapeOf = (t: PythonTokens, from: number, to: number, fn: OpenDef, flows: readonly Flow[], moduleFlows: readonly Flow[]): ArgShape => {
  let direct: string | null = null;
  let prefix: string | null = null;
  const n = to - from;
  if (n === 1 && t.kind[from] === Kind.Name) direct = nameText(t, from);
  else if (n === 3 && isOp(t, from, Op.LBracket) && t.kind[from + 1] === Kind.Name && isOp(t, from + 2, Op.RBracket)) direct = nameText(t, from + 1);
  else if (n === 3 && isPlainString(t, from) && isPlus(t, from + 1) && t.kind[from + 2] === Kind.Name) {
    direct = nameText(t, from + 2);
    prefix = stringTokenValue(t, from);
  }
  const need = new Map<string, number>();
  plainNames(t, from, to, (name, line) => need.has(name) || need.set(name, line));
  const strings: { value: string; line: number }[] = [];
  literals(t, from, to, strings);
  if (need.size > 0) strings.push(...followOut(need, fn, flows, moduleFlows));
  const params = fn.params.filter((p) => p !== 'self' && p !== 'cls' && need.has(p));
  if (direct !== null && !fn.params.includes(direct)) direct = prefix === null ? direct : null;
  return { params, direct, prefix, strings, text: t.text.slice(t.start[from], t.end[to - 1]) };
};

/**
 * The functions of a file (and its module-level code, named ''), each with the calls to the names
 * `wanted` accepts. A one-item-list `direct` or a local name in `direct` is kept: the reader
 * checks it against the parameters (or settles it as a path).
 */
export const fileFlows = (text: string, wanted: (word: string) => boolean): FunctionFlows[] => {
  const t = tokenize(text);
  const { done, moduleBody } = fileDefs(t);
  const moduleFlows = assignments(t, moduleBody);
  const moduleFn: OpenDef = { name: '', indent: -1, defLine: 0, params: [], defaults: [], body: moduleBody };
  const out: FunctionFlows[] = [];
  let calls = 0;
  for (const { fn, className } of [...done, { fn: moduleFn, className: null }]) {
    const body = fn.body!;
    const flows = fn === moduleFn ? moduleFlows : assignments(t, body);
    const info: FunctionFlows = { name: fn.name, className, defLine: fn.defLine, params: fn.params, calls: [], joined: new Set(), loads: false };
    for (let r = 0; r < body.length; r += 2) {
      for (let i = body[r]; i < body[r + 1]; i++) {
        if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen)) continue;
        const word = nameText(t, i);
        const attribute = i > body[r] && isOp(t, i - 1, Op.Dot);
        if (REAL_LOADS.has(word) || (attribute && REAL_METHOD_LOADS.has(word))) info.loads = true;
        if (word === 'join' && t.kind[i + 2] === Kind.Name && isOp(t, i + 3, Op.Comma)) info.joined.add(nameText(t, i + 2));
        if (!wanted(word) || ++calls > MAX_CALLS) continue;
        const args = callArgs(t, i + 1, body[r + 1]);
        if (!args) continue;
        const shape = (range: [number, number]): ArgShape => shapeOf(t, range[0], range[1], fn, flows, moduleFlows);
        const keywords = new Map<string, ArgShape>();
        for (const [k, range] of args.keywords) keywords.set(k, shape(range));
        info.calls.push({ callee: calleeAt(t, i, body[r]), word, attribute, line: t.line[i], positional: args.positional.map(shape), keywords });
      }
    }
    if (info.calls.length > 0 || info.loads) out.push(info);
  }
  return out;
};
