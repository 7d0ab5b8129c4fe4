/**
 * What a loader builds around its parameter, read as a role: a module-name template
 * (`"pkg.%s.handler" % p`, `"a.{}".format(p)`, `f"a.{p}"`: a module role with a prefix and suffix,
 * or a wildcard when a computed last part follows) and a folder built from one parameter
 * (`path = os.path.join(root, directory)` above a listing: a template the caller's literal fills).
 */
import type { ClassInfo, FunctionFlows } from './loader-roles.js';
import type { RoleOf } from './loader-fixpoint.js';
import { isParamOrAttr } from './loader-calls.js';
import { orFallback, reassignedAbove } from './loader-functions.js';
import { literalValue } from './call-text.js';
import { splitCommas } from '../../languages/python/sys-path.js';

/** A dotted-name fragment: what may stand around a placeholder in a module-name template. */
export const NAME_PART = /^[\w.]*$/;

/**
 * A module-name template's parts: `"a.%s.%s" % (x, y)`, `"a.{}.{}".format(x, y)` (also `{0}`),
 * `f"a.{x}.{y}"`, and with `concatenation` also `"a." + x + ".b"` (adjacent literals joined, each
 * other operand a placeholder). Literal parts are strings; a placeholder is the expression filling
 * it (or '' when it cannot be told). Null when the text is no such template.
 */
export const templateParts = (text: string, { concatenation = false }: { concatenation?: boolean } = {}): Array<string | { expr: string }> | null => {
  const t = text.trim();
  if (t.length > 400) return null;
  const out: Array<string | { expr: string }> = [];
  const args = (inner: string): string[] => inner.split(',').map((a) => a.trim()).filter((a) => a !== '');
  // Stop 54: a bytes literal formats with `%` too (mercurial's `b"hgext.%s" % name`, made text before it is imported).
  let m = /^(?:[rRuU]|[bB][rR]?|[rR][bB])?(['"])([^'"%]*(?:%s[^'"%]*)+)\1\s*%\s*(?:\(([^()]*)\)|([A-Za-z_][\w.]*))$/.exec(t);
  if (m !== null) {
    const pieces = m[2].split('%s');
    const values = m[3] !== undefined ? args(m[3]) : [m[4]];
    if (values.length !== pieces.length - 1) return null;
    pieces.forEach((p, k) => out.push(p, ...(k < values.length ? [{ expr: values[k] }] : [])));
    return out;
  }
  m = /^[rRuU]?(['"])([^'"{}]*(?:\{\d*\}[^'"{}]*)+)\1\s*\.\s*format\(([^()]*)\)$/.exec(t);
  if (m !== null) {
    const values = args(m[3]);
    let next = 0;
    for (const piece of m[2].split(/(\{\d*\})/)) {
      if (!piece.startsWith('{')) out.push(piece);
      else {
        const index = piece === '{}' ? next++ : Number(piece.slice(1, -1));
        if (index >= values.length) return null;
        out.push({ expr: values[index] });
      }
    }
    return out;
  }
  m = /^[fF][rR]?(['"])([^'"{}]*(?:\{[^{}'"]*\}[^'"{}]*)+)\1$/.exec(t);
  if (m !== null) {
    for (const piece of m[2].split(/(\{[^{}]*\})/)) out.push(piece.startsWith('{') ? { expr: piece.slice(1, -1).trim() } : piece);
    return out;
  }
  const operands = concatenation ? splitCommas(t, '+') : null;
  if (operands === null || operands.length < 2 || operands.includes('')) return null;
  for (const operand of operands) {
    const literal = literalValue(operand);
    if (literal === null) out.push({ expr: operand });
    else if (typeof out[out.length - 1] === 'string') out[out.length - 1] += literal;
    else out.push(literal);
  }
  return out;
};

/**
 * Stop 54: whether a parameter still holds the caller's value wherever the body uses it: the body
 * never assigns it, or only as `p = p or <fallback>` (trove's `ns = ns or cls.__strategy_ns__`),
 * which keeps any non-empty value the caller hands (the fallback is no caller's, so names nothing).
 */
export const keepsParameter = (fn: Pick<FunctionFlows, 'assigned'>, param: string): boolean =>
  (fn.assigned.get(param) ?? []).every((v) => !v.append && orFallback(param, v.text));

/**
 * The role a template gives the loader's one parameter in it: `"pkg.%s" % p` (module, prefix pkg.),
 * `"pkg.%s.handler" % p` (and a suffix), `"radicale.%s.%s" % (module_name, type_)` with type_
 * computed in the loader (a wildcard: the parameter names a package, radicale.auth, any of whose
 * modules may be loaded). Only a template whose literal parts are dotted-name fragments, with one
 * placeholder that is a parameter the body never reassigns and at most one more, last, after a dot.
 */
export const formattedRole = (fn: FunctionFlows, text: string): [string, RoleOf] | null => {
  // Stop 54: `ns + "." + name` too (trove's Strategy.get_strategy), read by the same rules as `"%s.%s" % (ns, name)`.
  const parts = templateParts(text, { concatenation: true });
  if (parts === null) return null;
  const holes = parts.filter((p): p is { expr: string } => typeof p !== 'string');
  const at = holes.findIndex((h) => isParamOrAttr(fn, h.expr) && !h.expr.startsWith('self.') && keepsParameter(fn, h.expr));
  if (at < 0 || holes.length > 2 || parts.some((p) => typeof p === 'string' && !NAME_PART.test(p))) return null;
  const i = parts.indexOf(holes[at]);
  const prefix = parts.slice(0, i);
  if (prefix.some((p) => typeof p !== 'string')) return null;
  const rest = parts.slice(i + 1);
  const head = prefix.join('');
  if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) return [holes[at].expr, { role: 'module', prefix: head, each: false }];
  // A `+` chain may put two operands side by side (`pkg + name`): no literal tells where a name part ends.
  if (typeof rest[0] !== 'string') return null;
  const suffix = rest[0];
  if (rest.length === 1) return suffix.startsWith('.') ? [holes[at].expr, { role: 'module', prefix: head, each: false, suffix }] : null;
  // A computed last part after a dot: the value (with what follows it) names a package.
  // (A `%`/format template ends in an empty literal piece; a `+` chain ends at its last operand.)
  if ((rest.length === 2 || (rest.length === 3 && rest[2] === '')) && suffix.endsWith('.') && typeof rest[1] !== 'string') {
    return [holes[at].expr, { role: 'module', prefix: head, each: false, suffix: suffix.slice(0, -1), wild: true }];
  }
  return null;
};

/** `'.'.join((a, b))` or `'.'.join([a, b])`: the two names joined by a dot. */
const DOT_JOIN = /^(['"])\.\1\s*\.\s*join\(\s*[([]\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*,?\s*[)\]]\s*\)$/;

/**
 * Stop 55: a module name joined from a loop's package and a parameter, where the loop runs over a
 * class attribute the class assigns once, a literal list of packages (orca's script_manager.py:163-166
 * `for package in self._scriptPackages: moduleName = '.'.join((package, name))` then
 * `importlib.import_module(moduleName)`, with `self._scriptPackages = ["orca-scripts", "orca.scripts",
 * "orca.scripts.apps", "orca.scripts.toolkits"]` in `__init__` at :44): the parameter takes one module
 * role per package, that package as its prefix. `'%s.%s' % (package, name)` and
 * `f'{package}.{name}'` read alike. Not a loop over a parameter, a list built or appended to, or an
 * attribute set twice: its packages are not all in sight.
 */
export const loopPackageRoles = (fns: readonly FunctionFlows[], classes: readonly ClassInfo[], fn: FunctionFlows, text: string, file?: string): Array<[string, RoleOf]> => {
  let head: string | null = null;
  let param: string | null = null;
  /** Stop 66: `package + name`, the dot inside each listed item (`'docutils.languages.'`). */
  let dotted = false;
  const joined = DOT_JOIN.exec(text.trim());
  if (joined !== null) [head, param] = [joined[2], joined[3]];
  else {
    const parts = templateParts(text)?.filter((p) => p !== '');
    if (parts !== undefined && parts.length === 3 && typeof parts[0] !== 'string' && parts[1] === '.' && typeof parts[2] !== 'string') [head, param] = [parts[0].expr, parts[2].expr];
    const added = parts === undefined ? SUM.exec(text.trim()) : null;
    if (added !== null) [head, param, dotted] = [added[1], added[2], true];
  }
  if (head === null || param === null || param.startsWith('self.') || !isParamOrAttr(fn, param) || !keepsParameter(fn, param)) return [];
  // Review rm1: an item the body gives a new value (`package = package.replace(…)`) is no longer the list's.
  if (fn.assigned.has(head) || fn.rebinds.has(head)) return [];
  const attr = fn.loopsOf?.get(head);
  const constant = attr === undefined ? fn.loopsOfName?.get(head) : undefined;
  const list = constant !== undefined ? constantValue(fns, constant) : attr !== undefined ? attributeValue(fns, classes, fn, attr) : null;
  if (list === null) return [];
  if (!dotted) return packageItems(list).map((i): [string, RoleOf] => [param!, { role: 'module', prefix: `${i}.`, each: false }]);
  // Each item is a package with its dot (`'pkg.sub.'`), or '' (the name itself, a top-level module: no package opens).
  // A class attribute names the class, so subclasses that set it anew are found where the name settles (subclass-prefixes.ts).
  const items = packageItems(list, { trailingDot: true });
  const from = attr !== undefined && file !== undefined && fn.className !== null ? { loopAttr: { file, className: fn.className, attr: attr.slice('self.'.length) } } : {};
  return items.map((i): [string, RoleOf] => [param!, { role: 'module', prefix: i, each: false, ...from }]);
};

/** The packages of a literal tuple or list whose every item is `'pkg.sub.'` or '' (docutils' `packages`), each with its dot. */
export const trailingDotPackages = (text: string): string[] => packageItems(text, { trailingDot: true });

/** `a + b`: two plain names added (docutils/languages/__init__.py:42 `import_module(package+name)`). */
const SUM = /^([A-Za-z_]\w*)\s*\+\s*([A-Za-z_]\w*)$/;

/**
 * Stop 56 (rm1's open #6): the value of a module constant a loop runs over (`SCRIPT_PACKAGES =
 * ["app.scripts"]` then `for package in SCRIPT_PACKAGES:` in a def): the module's one assignment,
 * when the file stores the name nowhere else (a def's `global` store, `.append(…)`, `+=`), else null.
 */
const constantValue = (fns: readonly FunctionFlows[], name: string): string | null => {
  const module = fns.find((f) => f.name === '' && f.className === null);
  const values = module?.assigned.get(name) ?? [];
  if (values.length !== 1 || values[0].append || module?.storesOf?.get(name) !== 1) return null;
  return values[0].text;
};

/**
 * The one value a class gives `self.X`: one store in its defs (orca's `self._scriptPackages = […]` in
 * `__init__`) and none in its own lines, or (Stop 56) one assignment in its own lines
 * (`_packages = ("app.more",)`) and no store in its defs; else null.
 */
const attributeValue = (fns: readonly FunctionFlows[], classes: readonly ClassInfo[], fn: FunctionFlows, attr: string): string | null => {
  if (!attr.startsWith('self.') || fn.className === null) return null;
  const stores = fns.filter((f) => f.className === fn.className).flatMap((f) => f.calls.filter((c) => (c.word === '@set' || c.word === '@add') && c.callee === attr));
  const own = classes.filter((c) => c.name === fn.className).flatMap((c) => c.attributes.get(attr.slice('self.'.length)) ?? []);
  if (stores.length === 1 && own.length === 0) return stores[0].word === '@set' ? (stores[0].positional[0]?.text ?? null) : null;
  return stores.length === 0 && own.length === 1 ? own[0] : null;
};

/** The dotted package names of a literal list or tuple, or none when any item is not a literal string. */
const packageItems = (text: string, { trailingDot = false }: { trailingDot?: boolean } = {}): string[] => {
  const value = text.trim();
  if (!/^[([]/.test(value)) return [];
  const inner = splitCommas(value.slice(1, -1));
  // Review rm1: `("app.scripts")` is a string in parentheses, not a tuple: the loop would run over its characters.
  if (value.startsWith('(') && (inner === null || inner.length < 2)) return [];
  const items = (inner ?? [null]).map((i) => (i === null ? null : i.trim())).filter((i) => i !== '').map((i) => (i === null ? null : literalValue(i)));
  if (items.length === 0 || items.some((i) => i === null)) return [];
  // With trailingDot every non-empty item must end in its dot: `('pkg', '')` + name would glue `pkgname`.
  if (trailingDot) return (items as string[]).every((i) => i === '' || /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.$/.test(i)) ? (items as string[]).filter((i) => i !== '') : [];
  return (items as string[]).filter((i) => /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(i));
};

/**
 * Stop 48: `our_dir = path[0]` above a listing of `our_dir`: the first of the folders a parameter
 * holds (cinder's `load_standard_extensions(ext_mgr, LOG, __path__, __package__)`). Nothing is joined
 * onto the parameter, so it is no template: the parameter, when the body never reassigns it, is a
 * plain folder role over a list, which settleFolders answers at the callers (`__path__`,
 * `pkg.__path__`, a literal list). The parameter, else null.
 */
export const firstFolderParam = (fn: FunctionFlows, local: string, line: number): string | null => {
  const values = fn.assigned.get(local)?.filter((v) => v.line < line) ?? [];
  if (values.length === 0 || values[values.length - 1].append) return null;
  const param = /^\s*([A-Za-z_]\w*)\s*\[\s*0\s*\]\s*$/.exec(values[values.length - 1].text)?.[1];
  return param !== undefined && param !== 'self' && param !== 'cls' && fn.params.includes(param) && !fn.assigned.has(param) ? param : null;
};

/** Templates made per function, local and line: one object each, so a role is added once. */
const templates = new WeakMap<FunctionFlows, Map<string, NonNullable<RoleOf['template']>>>();

/**
 * `path = os.path.join(root, directory)` above a listing of `path`: a folder built from exactly one
 * parameter the body never reassigns (`root`, reassigned to `os.path.dirname(__file__)` when None,
 * is settled in the body), as a template its callers' literals fill in.
 */
export const folderTemplate = (file: string, fn: FunctionFlows, local: string, line: number): NonNullable<RoleOf['template']> | null => {
  const values = fn.assigned.get(local)?.filter((v) => v.line < line) ?? [];
  if (values.length === 0 || values[values.length - 1].append) return null;
  const value = values[values.length - 1];
  const used = fn.params.filter((p) => p !== 'self' && p !== 'cls' && !fn.assigned.has(p) && !reassignedAbove(fn.rebinds, p, Infinity) && new RegExp(`(?<![\\w.'"])${p}\\b`).test(value.text));
  if (used.length !== 1) return null;
  const k = `${local}\0${value.line}`;
  const made = templates.get(fn) ?? templates.set(fn, new Map()).get(fn)!;
  return made.get(k) ?? made.set(k, { file, fn, expr: value.text, line: value.line, param: used[0] }).get(k)!;
};
