/**
 * Stop 49: code a configuration option chooses, where the option's declaration lists every value it
 * may take. glance/image_cache/__init__.py:
 *
 *     cfg.StrOpt('image_cache_driver', default='sqlite', choices=('sqlite', 'xattr'), …)
 *     …
 *     driver_name = CONF.image_cache_driver
 *     driver_module = (__name__ + '.drivers.' + driver_name + '.Driver')
 *     self.driver_class = importutils.import_class(driver_module)
 *
 * oslo.config refuses any value outside `choices`, so each choice names a module the loader may
 * import: `glance.image_cache.drivers.xattr`. Read as written: an option declared by a literal name
 * with a literal `choices` list (strings, or `(value, help)` pairs), a name bound to `CONF.<opt>`
 * (or `CONF.<group>.<opt>`, `self.conf.<opt>`), and a loader call in the same def whose name is
 * built from that name and literals (`+`, `'%s' %`, an f-string, `__name__` of a package's
 * `__init__.py`) directly or through one assignment. Each choice that names a repo module is an
 * edge from the loading file.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths } from '../../util/file-index.js';
import { lineStarts, lineOfOffset } from '../../util/lines.js';
import { basename, dirname } from '../../util/path.js';
import { callArguments, literalValue } from './call-text.js';
import { NAME_PART, templateParts } from './loader-templates.js';
import { perScan } from '../per-scan.js';
import { assignmentAbove, defSpan, packageImporters, packageInits } from './python-files.js';

interface Choices {
  values: string[];
  file: string;
  line: number;
}

const MAX_TEXT = 2_000_000;
const OPT = /\b(?:cfg\.)?[A-Z]\w*Opt\(\s*(['"])([\w-]+)\1/g;
const BINDING = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:self\.)?(?:cfg\.)?(?:CONF|conf|config)\.(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)[ \t]*(?:#.*)?$/gm;
const LOADER = /\b(?:import_module|import_class|import_object|import_string|__import__|import_object_ns)\s*\(/g;
const SEGMENT = /^[A-Za-z_]\w*$/;

/** How far after an option's name its `choices=` is looked for. */
const WINDOW = 6000;

/** The text from the bracket at `open` to its match (strings skipped), or null when unbalanced within 2000 characters. */
const bracketed = (text: string, open: number): string | null => {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 2000; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return null;
      i = close;
    } else if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && --depth === 0) return text.slice(open, i + 1);
  }
  return null;
};

/** A literal tuple/list of strings, or of `(value, help)` pairs: the values. */
const choiceValues = (expr: string): string[] | null => {
  const e = expr.trim();
  if (!/^[([][\s\S]*[)\]]$/.test(e)) return null;
  const inner = callArguments(`(${e.slice(1, -1)})`, 0);
  if (inner === null) return null;
  const values: string[] = [];
  for (const item of inner) {
    if (item === '') continue;
    const pair = /^\(([\s\S]*)\)$/.exec(item);
    const first = pair ? callArguments(`(${pair[1]})`, 0)?.[0] ?? null : item;
    const value = first === null ? null : literalValue(first);
    if (value === null) return null;
    values.push(value);
  }
  return values.length > 0 ? values : null;
};

/** Every option the repo declares with a literal `choices` list, by attribute name (`-` read as `_`). */
const declaredChoices = perScan((ctx: FrameworkContext): Map<string, Choices> => {
  const out = new Map<string, Choices>();
  // An option is oslo.config's: only a module importing it declares one (a cheap test before reading the text).
  for (const file of packageImporters(ctx, 'oslo_config', 'listed')) {
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT || !text.includes('choices') || !text.includes('Opt(')) continue;
    let starts: number[] | null = null;
    const opts = [...text.matchAll(OPT)];
    for (let k = 0; k < opts.length; k++) {
      const m = opts[k];
      // The option's own `choices=`: before the next declaration (a long help text may come first).
      const window = text.slice(m.index, Math.min(opts[k + 1]?.index ?? text.length, m.index + WINDOW));
      const at = /\bchoices\s*=\s*[([]/.exec(window);
      const list = at === null ? null : bracketed(window, at.index + at[0].length - 1);
      const values = list === null ? null : choiceValues(list);
      if (values === null) continue;
      starts ??= lineStarts(text);
      const name = m[2].replace(/-/g, '_');
      // Two declarations of one name with different choices: neither says which applies.
      const seen = out.get(name);
      if (seen !== undefined && seen.values.join() !== values.join()) out.set(name, { values: [], file, line: 0 });
      else if (seen === undefined) out.set(name, { values, file, line: lineOfOffset(starts, m.index) });
    }
  }
  return out;
});

/**
 * The dotted name `expr` builds with `name` filled by `value`, or null when it is not a build of
 * literals, `__name__` and that one name (loader-templates' templateParts: `%`, `.format`, an
 * f-string or `+`). `__name__` is kept as the marker `<pkg>`.
 */
const built = (expr: string, name: string, value: string): string | null => {
  let e = expr.trim();
  while (/^\([\s\S]*\)$/.test(e) && callArguments(e, 0)?.length === 1) e = e.slice(1, -1).trim();
  const parts = templateParts(e, { concatenation: true });
  if (parts === null || !parts.some((p) => typeof p !== 'string' && p.expr === name)) return null;
  let s = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      if (!NAME_PART.test(p)) return null;
      s += p;
    } else if (p.expr === name) s += value;
    else if (p.expr === '__name__') s += '<pkg>';
    else return null;
  }
  return s;
};

/** The repo file a dotted name built in `file` loads: the module, or for a class path its module. */
const loadedFile = (ctx: FrameworkContext, file: string, dotted: string): string | null => {
  let name = dotted;
  let base: string | null = null;
  if (name.startsWith('<pkg>')) {
    // `__name__` of a package's __init__.py is that package; of a plain module, no package to go below.
    if (basename(file) !== '__init__.py') return null;
    base = dirname(file);
    name = name.slice('<pkg>'.length).replace(/^\./, '');
  }
  const segments = name.split('.');
  if (!segments.every((s) => SEGMENT.test(s))) return null;
  for (const take of [segments.length, segments.length - 1]) {
    if (take < 1) continue;
    const head = segments.slice(0, take);
    if (base !== null) {
      const path = [base, ...head].filter((s) => s !== '').join('/');
      for (const f of [`${path}.py`, `${path}/__init__.py`]) if (ctx.files.has(f)) return f;
    } else {
      const found = ctx.module(head.join('.'), undefined, file)[0];
      if (found !== undefined) return found;
    }
  }
  return null;
};

/** Loader calls parsed per file, and bindings to an option followed per file (a hostile file of thousands costs no more). */
const MAX_CALLS = 200;
const MAX_BINDINGS = 100;
/** How far above a binding its def is looked for. */
const MAX_BACK = 300;

export const collectConfigChoices = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const choices = declaredChoices(ctx);
  if (choices.size === 0) return out;
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py')) continue;
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT || !/\b(?:CONF|conf|config)\./.test(text)) continue;
    LOADER.lastIndex = 0;
    if (!LOADER.test(text)) continue;
    const bindings = [...text.matchAll(BINDING)].filter((b) => (choices.get(b[2])?.values.length ?? 0) > 0).slice(0, MAX_BINDINGS);
    if (bindings.length === 0) continue;
    const starts = lineStarts(text);
    const lines = text.split('\n');
    // Each loader call parsed once per file.
    const calls: { offset: number; line: number; arg: string }[] = [];
    // matchAll starts at the pattern's lastIndex, which the test above moved.
    LOADER.lastIndex = 0;
    for (const call of text.matchAll(LOADER)) {
      if (calls.length >= MAX_CALLS) break;
      const args = callArguments(text, call.index + call[0].length - 1);
      if (args !== null && args.length > 0) calls.push({ offset: call.index, line: lineOfOffset(starts, call.index), arg: args[0] });
    }
    for (const bind of bindings) {
      const opt = choices.get(bind[2])!;
      const name = bind[1];
      const bindLine = lineOfOffset(starts, bind.index);
      // The binding's own def, by indentation: a later method's parameter of that name is another name.
      const endLine = defSpan(lines, bindLine - 1, MAX_BACK)?.end ?? lines.length;
      const seen = new Set<string>();
      for (const call of calls) {
        if (call.offset < bind.index || call.line > endLine) continue;
        let expr = call.arg;
        if (SEGMENT.test(expr) && expr !== name) {
          // One assignment to the argument between the binding and the call.
          const assigned = assignmentAbove(text, starts, call.line, expr);
          if (assigned === null || assigned.line <= bindLine) continue;
          expr = assigned.value;
        }
        const line = call.line;
        for (const value of opt.values) {
          const dotted = built(expr, name, value);
          if (dotted === null) continue;
          const target = loadedFile(ctx, file, dotted);
          if (target === null || target === file || seen.has(target)) continue;
          seen.add(target);
          out.references.push({
            from: file,
            target,
            targetKind: 'file',
            line,
            label: `loaded by ${file}:${line} (${expr.trim().replace(/^\(([\s\S]*)\)$/, '$1').replace(/\s+/g, ' ')}) with ${name} = CONF.${bind[2]} (:${bindLine}): the option's choices (${opt.file}:${opt.line}) allow "${value}"`,
          });
          // Importing it runs its packages' __init__.py first.
          for (const init of packageInits(ctx.files, dirname(target))) {
            if (init === file || init === target || seen.has(init)) continue;
            seen.add(init);
            out.references.push({ from: file, target: init, targetKind: 'file', line, label: `run before ${target}, which ${file}:${line} loads by the choice "${value}" of CONF.${bind[2]} (a package runs before its modules)` });
          }
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'config-choices',
  title: 'code an oslo.config option with literal choices selects',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const [name, c] = [...declaredChoices(ctx)].find(([, v]) => v.values.length > 0) ?? [];
    return name === undefined ? null : `${c!.file}:${c!.line} declares option ${name} with choices`;
  },
  collect: collectConfigChoices,
};

export default reader;
