/**
 * Stop 64: class paths a package writes under a dict key that its own loader imports by that key.
 * neutron's services/service_base.py:46 `importutils.import_object(provider['driver'], plugin)` loads
 * each provider's `driver`; services/l3_router/service_providers/driver_controller.py:259-262 builds
 * those dicts over a literal tuple:
 *
 *     for name, driver in (('dvrha', 'dvrha.DvrHaDriver'), ('dvr', 'dvr.DvrDriver'), …):
 *         path = 'neutron.services.l3_router.service_providers.%s' % driver
 *         self.add_provider({'service_type': …, 'name': name, 'driver': path, 'default': False})
 *
 * The dict travels through add_provider and a service-type manager before the load: no call chain
 * census follows joins them, so dvr.py, dvrha.py and ha.py were dead.
 *
 * The rule, read from the text and never run: a sink is a by-name load (`import_object`,
 * `import_class`, `import_module`, `__import__`, …) whose first argument is `X['KEY']` or
 * `X.get('KEY')`, in a file that imports a loader. In the same top-level package, outside tests, a
 * dict entry `'KEY': V` names what the sink may load when V is a dotted string literal, or a local
 * assigned just above as a module-name template (`'pkg.%s' % v`, `'pkg.{}'.format(v)`, f-string)
 * whose computed part is the variable of a loop over a literal list or tuple (an item, or one column
 * of tuples the loop unpacks). Each name is a module of the tree, or a module's top-level class,
 * function or assignment (`pkg.mod.Class`): an edge from the file holding the dict. A key no load
 * reads by name, a value of another package, a name the tree lacks, a loop over a computed list, or a
 * template with two computed parts gives nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader, ReferenceInput } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname } from '../../util/path.js';
import { TEST_FOLDER } from '../../languages/python/test-marks.js';
import { alternation, BY_NAME_LOADS } from '../../languages/python/loader-names.js';
import { literalValue } from './call-text.js';
import { templateParts } from './loader-templates.js';
import { literalItems } from './loop-folders.js';
import { loadsByName } from './string-modules.js';
import { packageInits, pythonFiles, topPackageFolder } from './python-files.js';
import { perScan } from '../per-scan.js';

/** A load whose first argument reads one key of a mapping: `import_object(provider['driver'], …)`, `import_class(conf.get("driver"))`. */
const KEYED_LOAD = new RegExp(String.raw`\b(${alternation([...BY_NAME_LOADS])})\(\s*[A-Za-z_][\w.]*(?:\[\s*(['"])(\w+)\2\s*\]|\.get\(\s*(['"])(\w+)\4\s*[,)])`, 'g');
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
/** Lines read above a dict entry for its template, and above the template for its loop. */
const ABOVE = 12;
/** Names one loop may give (a hostile tuple of thousands costs no more). */
const MAX_ITEMS = 200;

interface Sink {
  key: string;
  at: string;
  call: string;
}

/** The keyed loads of the tree, by top package folder. */
const sinksOf = perScan((ctx: FrameworkContext): Map<string, Sink[]> => {
  const out = new Map<string, Sink[]>();
  for (const path of pythonFiles(ctx)) {
    if (TEST_FOLDER.test(path) || !loadsByName(ctx, path)) continue;
    const text = ctx.readText(path);
    if (text === null || !text.includes("'") && !text.includes('"')) continue;
    const top = topPackageFolder(ctx.files, path);
    if (top === null) continue;
    for (const m of text.matchAll(KEYED_LOAD)) {
      const key = m[3] ?? m[5];
      const list = out.get(top) ?? [];
      list.push({ key, at: `${path}:${lineAt(text, m.index ?? 0)}`, call: m[0].replace(/\(\s+/, '(') });
      out.set(top, list);
    }
  }
  return out;
});

/** The header of the loop over `variable` that encloses line `at` (0-based), read up to its colon over lines: its targets and iterable. */
const enclosingLoop = (lines: readonly string[], at: number, variable: string): { targets: string[]; items: string[]; line: number } | null => {
  const indent = (s: string): number => s.length - s.trimStart().length;
  const own = indent(lines[at]);
  for (let i = at - 1; i >= 0 && i >= at - ABOVE; i--) {
    const l = lines[i];
    if (l.trim() === '' || indent(l) >= own) continue;
    // Cut by indexOf, not a lazy pattern (quadratic on a long run of spaces).
    const head = l.trim();
    const cut = head.indexOf(' in ');
    if (!head.startsWith('for ') || cut < 0) return null;
    const m = [head, head.slice(4, cut), head.slice(cut + 4)];
    const targets = m[1].replace(/[()]/g, '').split(',').map((t) => t.trim());
    if (!targets.includes(variable)) return null;
    // The iterable may go on over lines: up to the line whose text ends in `:` with brackets closed.
    let iterable = m[2];
    for (let j = i + 1; j < Math.min(lines.length, i + ABOVE) && !balancedHeader(iterable); j++) iterable += ` ${lines[j].trim()}`;
    if (!balancedHeader(iterable)) return null;
    const items = literalItems(iterable.trim().replace(/:\s*(?:#.*)?$/, ''));
    return items === null || items.length > MAX_ITEMS ? null : { targets, items, line: i + 1 };
  }
  return null;
};

/** Whether a loop header's rest has closed every bracket and ends in its colon. */
const balancedHeader = (rest: string): boolean => {
  let depth = 0;
  for (const c of rest) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
  }
  return depth === 0 && /:\s*(?:#.*)?$/.test(rest);
};

/** The dotted names a local assigned as a one-part template over a literal loop takes, with how (for the evidence). */
export const templatedNames = (lines: readonly string[], at: number, local: string): { names: string[]; how: string } | null => {
  for (let i = at; i >= 0 && i >= at - ABOVE; i--) {
    // `(.*)` then trim: a lazy `(.+?)\\s*$` is quadratic on a long run of spaces.
    const m = new RegExp(`^[ \\t]*${local}[ \\t]*=(?!=)(.*)$`).exec(lines[i]);
    if (m === null) continue;
    m[1] = m[1].trim();
    if (m[1] === '') return null;
    const parts = templateParts(m[1]);
    if (parts === null) return null;
    const holes = parts.filter((p) => typeof p !== 'string');
    if (holes.length !== 1) return null;
    const variable = (holes[0] as { expr: string }).expr;
    if (!/^[A-Za-z_]\w*$/.test(variable)) return null;
    const loop = enclosingLoop(lines, i, variable);
    if (loop === null) return null;
    const column = loop.targets.indexOf(variable);
    const names: string[] = [];
    for (const item of loop.items) {
      const cell = loop.targets.length === 1 ? item : literalItems(item)?.[column];
      const value = cell === undefined ? null : literalValue(cell);
      if (value === null) continue;
      const name = parts.map((p) => (typeof p === 'string' ? p : value)).join('');
      if (DOTTED.test(name)) names.push(name);
    }
    return { names, how: `${m[1]} at line ${i + 1}, over the loop at line ${loop.line}` };
  }
  return null;
};

/** The repo file a dotted name loads: the module, or the module whose top level defines the last part; null when the tree has neither. */
const loadedFile = (ctx: FrameworkContext, name: string): string | null => {
  const direct = ctx.module(name)[0];
  if (direct !== undefined) return direct;
  const dot = name.lastIndexOf('.');
  const owner = ctx.module(name.slice(0, dot))[0];
  if (owner === undefined) return null;
  const attr = name.slice(dot + 1);
  const text = ctx.readText(owner);
  return text !== null && new RegExp(`^(?:class|def)\\s+${attr}\\b|^${attr}\\s*=`, 'm').test(text) ? owner : null;
};

const referencesOf = (ctx: FrameworkContext): ReferenceInput[] => {
  const sinks = sinksOf(ctx);
  if (sinks.size === 0) return [];
  const out: ReferenceInput[] = [];
  for (const path of pythonFiles(ctx)) {
    if (TEST_FOLDER.test(path) || /^test_|_tests?\.py$/.test(basename(path))) continue;
    const top = topPackageFolder(ctx.files, path);
    const mine = top === null ? undefined : sinks.get(top);
    if (mine === undefined) continue;
    const text = ctx.readText(path);
    if (text === null) continue;
    const keys = new Set(mine.map((s) => s.key).filter((k) => text.includes(`'${k}'`) || text.includes(`"${k}"`)));
    if (keys.size === 0) continue;
    const lines = text.split('\n');
    for (const key of keys) {
      const sink = mine.find((s) => s.key === key) as Sink;
      for (const m of text.matchAll(new RegExp(`(['"])${key}\\1\\s*:\\s*([^,}\\n]+)`, 'g'))) {
        const line = lineAt(text, m.index ?? 0);
        const value = m[2].trim();
        const literal = literalValue(value);
        const found = literal !== null ? (DOTTED.test(literal) ? { names: [literal], how: '' } : null) : /^[A-Za-z_]\w*$/.test(value) ? templatedNames(lines, line - 1, value) : null;
        for (const name of found?.names ?? []) {
          const target = loadedFile(ctx, name);
          if (target === null) continue;
          const written = found?.how ? `'${key}': ${value} (${found.how})` : `'${key}': '${name}'`;
          const label = `'${name}', written as ${written} in ${path}:${line}, loaded by ${sink.call}, …) at ${sink.at}`;
          // Importing the module runs each package above it first.
          for (const file of [target, ...packageInits(ctx.files, dirname(target))]) if (file !== path) out.push({ from: path, target: file, targetKind: 'file', line, label });
        }
      }
    }
  }
  return out;
};

const references = perScan(referencesOf);

const reader: FrameworkReader = {
  id: 'keyed-import-values',
  title: "class paths written under a dict key the package's own loader imports by that key (import_object(provider['driver']))",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = references(ctx)[0];
    return first === undefined ? null : `${first.from}:${first.line}`;
  },
  collect: (ctx) => {
    const out: FrameworkOutput = emptyFrameworkOutput();
    out.references.push(...references(ctx));
    return out;
  },
};

export default reader;
