/**
 * Stop 51: a Pecan config handed over as a dict literal. OpenStack's designate builds each API
 * with `conf = {'app': {'root': 'designate.api.v2.controllers.root.RootController', 'modules':
 * ['designate.api.v2'], …}}` and `pecan.deploy.deploy(conf)` (designate/api/v2/__init__.py), no
 * config module at all. Pecan's `deploy(config)` is `load_app(config)` (pecan/deploy.py), which
 * `__import__`s each name of `app.modules` with `fromlist=['app']` and calls its
 * `app.setup_app(conf)`; that builds `make_app(conf.app.root)`, whose `__translate_root__` imports
 * the root controller by its dotted name (pecan/core.py). `pecan.testing.load_test_app(conf)` does
 * the same for a test (ironic's api tests).
 *
 * Read from tokens, never run: a call of one of those loaders (bound by the file's imports: `import
 * pecan.deploy`, `from pecan.deploy import deploy`, `from pecan import load_app as la`, then
 * `la(conf)`) whose config (the first argument, or `config=`) is a dict literal, or a name (`conf`,
 * `self.app_config`) whose nearest assignment above the call in the same scope (the enclosing def,
 * or the module) is one; a parameter names nothing. Only the dict's `'app'` dict is read, and
 * only its plain string values: a `'root'` that is a dotted name with a dot, and each string
 * element of a `'modules'` list. A
 * computed value (`opts.root`, `self.root_controller`) names nothing; a dict no loader gets (a
 * logging config, a dict passed to `conf_from_dict`) reads nothing.
 */
import type { FileFacts } from '../../model/facts.js';
import { isDottedName } from '../strings.js';
import { tokenize, type PythonTokens } from '../../languages/python/tokenize.js';
import { Kind, Op, Word } from '../../languages/python/tokens.js';
import { callArgs, isOp, isWord, matchClose, nameText } from '../../languages/python/ranges.js';
import { isPlainString, stringTokenValue } from '../../languages/python/literals.js';

/** Pecan's functions that load an app from a config: each imports the `modules` and, through setup_app, the root. */
const LOADERS = new Set(['pecan.deploy.deploy', 'pecan.load_app', 'pecan.core.load_app', 'pecan.testing.load_test_app']);
/** Their own names: a call of one, or of a name the imports bind to one (`from pecan import load_app as la`), is read. */
const LOADER_NAMES = new Set(['deploy', 'load_app', 'load_test_app']);
/** Loader calls read per file (a hostile file of thousands costs no more than this many argument walks). */
const MAX_CALLS = 200;

export interface PecanDictConfig {
  /** The loader as the file's imports qualify it (`pecan.deploy.deploy`). */
  loader: string;
  /** The loader call's line. */
  line: number;
  /** The dict's first line (the call's own when the dict is written in the call). */
  dictLine: number;
  root: { name: string; line: number } | null;
  modules: { name: string; line: number }[];
}

/** Local name → the dotted pecan name it is bound to (`deploy` → `pecan.deploy.deploy`), from the file's imports. */
const pecanBindings = (facts: FileFacts): Map<string, string> => {
  const out = new Map<string, string>();
  for (const i of facts.imports) {
    if (i.specifier !== 'pecan' && !i.specifier.startsWith('pecan.')) continue;
    if (i.names.length === 0) {
      // `import pecan.deploy` binds `pecan`; `import pecan.deploy as d` binds `d` to the whole name.
      if (i.alias !== undefined) out.set(i.alias, i.specifier);
      else out.set('pecan', 'pecan');
    } else for (const n of i.names) if (n.name !== '*') out.set(n.alias ?? n.name, `${i.specifier}.${n.name}`);
  }
  return out;
};

/** The dotted callee ending at name token `i` (`pecan.deploy.deploy`), qualified by the bindings, or null. */
const qualifiedCallee = (t: PythonTokens, i: number, bindings: ReadonlyMap<string, string>): string | null => {
  let first = i;
  while (first >= 2 && isOp(t, first - 1, Op.Dot) && t.kind[first - 2] === Kind.Name) first -= 2;
  // `x.pecan.deploy(…)` or `f().deploy(…)`: the chain starts on something the imports do not bind.
  if (first >= 1 && isOp(t, first - 1, Op.Dot)) return null;
  const bound = bindings.get(nameText(t, first));
  if (bound === undefined) return null;
  const rest: string[] = [];
  for (let k = first + 2; k <= i; k += 2) rest.push(nameText(t, k));
  return [bound, ...rest].join('.');
};

/**
 * Per logical line, the line of the innermost `def` or `class` whose body holds it (-1 at module
 * level): a name's assignment is seen only in its own scope. A function's `conf = {…}` is not the
 * `conf` another function takes as a parameter.
 */
const lineScopes = (t: PythonTokens): Int32Array => {
  const scope = new Int32Array(t.lines);
  const headers: { indent: number; line: number }[] = [];
  for (let l = 0; l < t.lines; l++) {
    const indent = t.lineIndent[l];
    while (headers.length > 0 && headers[headers.length - 1].indent >= indent) headers.pop();
    scope[l] = headers.length === 0 ? -1 : headers[headers.length - 1].line;
    let a = t.lineFirst[l];
    if (isWord(t, a, Word.Async) && a + 1 < t.lineEnd[l]) a++;
    if (isWord(t, a, Word.Def) || isWord(t, a, Word.Class)) headers.push({ indent, line: l });
  }
  return scope;
};

/** The logical line holding token `i`. */
const lineOfToken = (t: PythonTokens, i: number): number => {
  let lo = 0;
  let hi = t.lines - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.lineFirst[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/**
 * The `{` of the dict assigned to the name in [a0, a1) (`conf`, `self.app_config`) nearest above
 * token `before` in the same scope (the enclosing def, or the module), or -1: a parameter, or a
 * name assigned in another function, names nothing.
 */
const assignedDict = (t: PythonTokens, scopes: Int32Array, a0: number, a1: number, before: number): number => {
  const want = t.text.slice(t.start[a0], t.end[a1 - 1]).replace(/\s+/g, '');
  const len = a1 - a0;
  const scope = scopes[lineOfToken(t, before)];
  for (let k = before - len - 1; k >= 0; k--) {
    // A statement's own target: outside brackets (not a call's `conf={…}` keyword) and first on its line.
    if (!isOp(t, k + len, Op.Assign) || t.depth[k] !== 0) continue;
    if (k > 0 && t.line[k - 1] === t.line[k] && !isOp(t, k - 1, Op.Semicolon)) continue;
    let same = true;
    for (let j = 0; j < len && same; j++) same = t.kind[k + j] === t.kind[a0 + j] && nameText(t, k + j) === nameText(t, a0 + j);
    if (!same || t.text.slice(t.start[k], t.end[k + len - 1]).replace(/\s+/g, '') !== want) continue;
    if (scopes[lineOfToken(t, k)] !== scope) continue;
    // The nearest assignment decides: a dict, or something else that names nothing.
    return isOp(t, k + len + 1, Op.LBrace) ? k + len + 1 : -1;
  }
  return -1;
};

/** In the dict whose `{` is at `open`, the `{` of the dict value of its own key `key`, or -1. */
const keyedDict = (t: PythonTokens, open: number, close: number, key: string): number => {
  for (let i = open + 1; i + 2 < close; i++) {
    if (t.depth[i] !== t.depth[open + 1] || !isPlainString(t, i) || stringTokenValue(t, i) !== key || !isOp(t, i + 1, Op.Colon)) continue;
    return isOp(t, i + 2, Op.LBrace) ? i + 2 : -1;
  }
  return -1;
};

/**
 * The dotted-name string literals that are elements of the list or tuple whose bracket is at `open`
 * (a `'modules'` list: pecan.load_app imports each), with their lines. Only an element that is one
 * string counts: a string handed to a call in the list (`registry.replacement_for('svc.retired')`)
 * or part of an expression names nothing the loader gets.
 */
export const literalModules = (t: PythonTokens, open: number, limit: number): { name: string; line: number }[] => {
  const close = matchClose(t, open, limit);
  if (close < 0) return [];
  const out: { name: string; line: number }[] = [];
  for (let j = open + 1; j < close; j++) {
    if (t.depth[j] !== t.depth[open] + 1 || !isPlainString(t, j)) continue;
    if (!(isOp(t, j - 1, Op.Comma) || j - 1 === open) || !(isOp(t, j + 1, Op.Comma) || j + 1 === close)) continue;
    const name = stringTokenValue(t, j);
    if (isDottedName(name)) out.push({ name, line: t.line[j] });
  }
  return out;
};

/** The `'app'` dict's root and modules in the dict whose `{` is at `open`. */
const appSettings = (t: PythonTokens, open: number): Pick<PecanDictConfig, 'root' | 'modules'> | null => {
  const close = matchClose(t, open, t.count);
  if (close < 0) return null;
  const app = keyedDict(t, open, close, 'app');
  const end = app < 0 ? -1 : matchClose(t, app, close);
  if (end < 0) return null;
  let root: PecanDictConfig['root'] = null;
  const modules: PecanDictConfig['modules'] = [];
  for (let i = app + 1; i + 2 < end; i++) {
    if (t.depth[i] !== t.depth[app + 1] || !isPlainString(t, i) || !isOp(t, i + 1, Op.Colon)) continue;
    const key = stringTokenValue(t, i);
    if (key === 'root' && isPlainString(t, i + 2) && (isOp(t, i + 3, Op.Comma) || isOp(t, i + 3, Op.RBrace))) {
      const name = stringTokenValue(t, i + 2);
      if (name.includes('.') && isDottedName(name)) root = { name, line: t.line[i + 2] };
    } else if (key === 'modules' && (isOp(t, i + 2, Op.LBracket) || isOp(t, i + 2, Op.LParen))) {
      modules.push(...literalModules(t, i + 2, end));
    }
  }
  return root === null && modules.length === 0 ? null : { root, modules };
};

/** Pecan's app factories that take the root controller first (`make_app(root, …)`, `Pecan(root, …)`): a string root is imported by its dotted name. */
const FACTORIES = new Set(['pecan.make_app', 'pecan.core.make_app', 'pecan.Pecan', 'pecan.core.Pecan']);
const FACTORY_NAMES = new Set(['make_app', 'Pecan']);

export interface PecanLiteralRoot {
  /** The factory as the file's imports qualify it (`pecan.make_app`). */
  factory: string;
  line: number;
  name: string;
}

/**
 * Stop 57: a root controller named by a string literal in the factory call itself. ceph-mgr's
 * restful/module.py:325 `make_app(root='restful.api.Root', …)`: pecan's `make_app(root, **kw)`
 * builds `Pecan(root, …)`, whose `__init__` runs `__translate_root__(root)` on a string (pecan/core.py:
 * `__import__` of the name up to its last dot, then `getattr` of the last part, called), as the
 * make_app docstring says ("root – A string representing a root controller object (e.g.,
 * 'myapp.controller.root.RootController')"). Only the first positional argument or `root=`, and
 * only one plain string with a dot: a name, an f-string or a concatenation names nothing.
 */
export const pecanLiteralRoots = (text: string, facts: FileFacts): PecanLiteralRoot[] => {
  const bindings = pecanBindings(facts);
  if (bindings.size === 0) return [];
  const t = tokenize(text);
  const out: PecanLiteralRoot[] = [];
  for (let i = 0, calls = 0; i + 1 < t.count && calls < MAX_CALLS; i++) {
    if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen)) continue;
    const name = nameText(t, i);
    if (!FACTORY_NAMES.has(name) && !FACTORIES.has(bindings.get(name) ?? '')) continue;
    const factory = qualifiedCallee(t, i, bindings);
    if (factory === null || !FACTORIES.has(factory)) continue;
    calls++;
    const args = callArgs(t, i + 1, t.count);
    const arg = args === null ? undefined : (args.positional[0] ?? args.keywords.get('root'));
    if (arg === undefined || arg[1] !== arg[0] + 1 || !isPlainString(t, arg[0])) continue;
    const root = stringTokenValue(t, arg[0]);
    if (root.includes('.') && isDottedName(root)) out.push({ factory, line: t.line[i], name: root });
  }
  return out;
};

/** The config dicts `text`'s Pecan loader calls get, with what their `'app'` dict names. */
export const pecanDictConfigs = (text: string, facts: FileFacts): PecanDictConfig[] => {
  const bindings = pecanBindings(facts);
  if (bindings.size === 0) return [];
  const t = tokenize(text);
  const out: PecanDictConfig[] = [];
  let scopes: Int32Array | null = null;
  for (let i = 0, calls = 0; i + 1 < t.count && calls < MAX_CALLS; i++) {
    if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen)) continue;
    const name = nameText(t, i);
    if (!LOADER_NAMES.has(name) && !LOADERS.has(bindings.get(name) ?? '')) continue;
    const loader = qualifiedCallee(t, i, bindings);
    if (loader === null || !LOADERS.has(loader)) continue;
    calls++;
    const args = callArgs(t, i + 1, t.count);
    // Every loader takes the config first: `load_app(conf)` or `load_test_app(config=conf)`.
    const arg = args === null ? undefined : (args.positional[0] ?? args.keywords.get('config'));
    if (arg === undefined) continue;
    const [a0, a1] = arg;
    let open = -1;
    if (isOp(t, a0, Op.LBrace) && matchClose(t, a0, a1 + 1) === a1 - 1) open = a0;
    else if (t.kind[a0] === Kind.Name && (a1 - a0) % 2 === 1) open = assignedDict(t, (scopes ??= lineScopes(t)), a0, a1, i);
    if (open < 0) continue;
    const settings = appSettings(t, open);
    if (settings !== null) out.push({ loader, line: t.line[i], dictLine: t.line[open], ...settings });
  }
  return out;
};
