/**
 * Stop 65: oslo.utils' importutils with a computed name under a constant package path. nova's
 * virt/driver.py:1847-1849 loads the hypervisor driver the operator configures:
 *
 *     driver = importutils.import_object('nova.virt.%s' % compute_driver, virtapi)
 *
 * with `compute_driver` from `CONF.compute_driver` (`libvirt.LibvirtDriver`, `ironic.IronicDriver`,
 * `vmwareapi.VMwareVCDriver`, … no default, no choices). Each driver package (virt/libvirt/, hyperv/,
 * ironic/, vmwareapi/, zvm/) re-exports its driver class from its `__init__.py`; nothing imports the
 * ones the tree does not run itself by name.
 *
 * importutils' semantics (oslo_utils/importutils.py): `import_module(s)` and `try_import(s)` import
 * the module `s`, as importlib's import_module; `import_class(s)` and `import_object(s, …)` split `s`
 * at its last dot (`rpartition('.')`), import the head and take the class. So `'P.%s' % x` (or
 * `'P.' + x`, `f'P.{x}'`, a `'.'.join(…)` part: prefixed-imports' childTemplateOf) names a module of
 * P: for the module loads, `P.x`; for the object loads, `x` holds the module's name and the class
 * (`'libvirt.LibvirtDriver'`), so the module is a module or subpackage of P, and a literal tail after
 * the computed part (`'P.%s_driver'`) is the class's name, not the module's. Either way the edge set
 * is prefixed-imports' for a child template: every module and subpackage directly in P (not `_private`
 * ones; a deep template every one below P), and P's `__init__.py` chain.
 *
 * The extractor's computedImportLines record only importlib's loads (six readers read them as
 * importlib's); these calls are read here, in the files whose imports bring in importutils
 * (importsOsloLoader): a literal name is string-modules' (a module by its dotted path), a computed
 * one without a constant package head gives nothing. Not read: `import_object_ns(ns, s)` and
 * `import_versioned_module(m, v)`, which no stored tree calls with a computed name.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { assignmentAbove, packageImporters } from './python-files.js';
import { importsOsloLoader, OSLO_IMPORTUTILS } from './loader-functions.js';
import { childTemplateOf, moduleConstants, templateChildren } from './prefixed-imports.js';
import { lineStarts } from '../../util/lines.js';
import { insideSpans, tripleQuotedSpans } from './triple-quoted.js';
import { perScan } from '../per-scan.js';

/** importutils' loads by a dotted name: `true` for those that take a class after the module (`pkg.mod.Class`). */
const OSLO_LOADS: ReadonlyMap<string, boolean> = new Map([
  ['import_module', false],
  ['try_import', false],
  ['import_class', true],
  ['import_object', true],
]);
/**
 * A call of one of `words` (importutils' loaders, and the local names a file imports them by) on a
 * line: its qualifier (`importutils.`), the word, then its parenthesis.
 */
const loadCall = (words: Iterable<string>): RegExp => new RegExp(String.raw`(?<![\w.])((?:[A-Za-z_]\w*\s*\.\s*)*)(${[...new Set(words)].join('|')})\s*\(`);
/**
 * The call's first argument, from its parenthesis on: up to two call groups in it, as prefixed-imports'
 * CALL reads them; each run matched one way only, so a long argument that never closes costs one pass.
 */
const FIRST_ARGUMENT = /^\(\s*([^,()]+(?:\([^()]*\)[^,()]*){0,2})(?:,|\))/;
/** Lines read from the call's line on: its first argument may wrap (nova's sits on the next line). */
const CALL_SPAN = 4;
/** The longest argument read (prefixed-imports' MAX_ARGUMENT). */
const MAX_ARGUMENT = 300;
/** Lines longer than this are not read for calls (a generated or hostile line). */
const MAX_LINE = 2000;
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
const LITERAL = /^[rRuUbB]{0,2}(['"])[^'"]*\1$/;

/**
 * Whether `at` on `line` is code: not after a `#` outside a string, nor inside a one-line string
 * (`"importutils.import_class('pkg.%s' % x)"`). Review s65-rv4: a `#` inside a string before the call
 * no longer drops it; a triple-quoted string spanning lines is tripleQuotedSpans'.
 */
export const inCode = (line: string, at: number): boolean => {
  let quote = '';
  for (let i = 0; i < at; i++) {
    const c = line[i];
    if (quote !== '') {
      if (c === '\\') i++;
      else if (line.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
    } else if (c === '#') return false;
    else if (c === '"' || c === "'") {
      quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    }
  }
  return quote === '';
};

/** The names a file's imports bind to importutils: the module's (`importutils`, `oslo_utils.importutils`), and its loaders' by their local name. */
export interface OsloNames {
  modules: ReadonlySet<string>;
  loads: ReadonlyMap<string, string>;
}

export const osloNamesOf = (imports: readonly { specifier: string; names: readonly { name: string; alias?: string }[]; alias?: string }[]): OsloNames => {
  const modules = new Set<string>();
  const loads = new Map<string, string>();
  for (const i of imports) {
    if (i.specifier === 'oslo_utils') for (const n of i.names) if (n.name === 'importutils') modules.add(n.alias ?? n.name);
    if (i.specifier !== OSLO_IMPORTUTILS) continue;
    if (i.names.length === 0) modules.add(i.alias ?? OSLO_IMPORTUTILS);
    for (const n of i.names) if (OSLO_LOADS.has(n.name)) loads.set(n.alias ?? n.name, n.name);
  }
  return { modules, loads };
};

interface OsloLoad {
  file: string;
  line: number;
  word: string;
  /** The name as the call computes it (the argument, or the value a bare name was assigned above). */
  expression: string;
  /** Where a bare-name argument was assigned, else 0. */
  assignedAt: number;
  argument: string;
}

/** The oslo loads with a computed argument in one file's text. */
export const osloComputedLoads = (file: string, text: string, names: OsloNames): OsloLoad[] => {
  const out: OsloLoad[] = [];
  let starts: number[] | undefined;
  let docs: [number, number][] | undefined;
  const lines = text.split('\n');
  const call = loadCall([...OSLO_LOADS.keys(), ...names.loads.keys()]);
  for (let l = 0; l < lines.length; l++) {
    const own = lines[l];
    if (own.length > MAX_LINE || !own.includes('(')) continue;
    const m = call.exec(own);
    // A call after a `#` on its line is a comment's; one in a string (a docstring's example) runs nothing.
    if (m === null || !inCode(own, m.index)) continue;
    docs ??= tripleQuotedSpans(text);
    if (insideSpans(docs, (starts ??= lineStarts(text))[l] + m.index)) continue;
    // importutils' own: `importutils.import_object(`, or a loader the file imports from it by name (importlib's import_module is prefixed-imports').
    const qualifier = m[1].replace(/\s+/g, '').replace(/\.$/, '');
    const word = qualifier === '' ? names.loads.get(m[2]) : names.modules.has(qualifier) ? m[2] : undefined;
    if (word === undefined) continue;
    const span = [own.slice(m.index + m[0].length - 1), ...lines.slice(l + 1, l + CALL_SPAN)].join('\n');
    const argument = FIRST_ARGUMENT.exec(span)?.[1]?.trim();
    if (argument === undefined || argument.length > MAX_ARGUMENT || LITERAL.test(argument)) continue;
    let expression = argument;
    let assignedAt = 0;
    if (/^[A-Za-z_]\w*$/.test(argument)) {
      const assigned = assignmentAbove(text, (starts ??= lineStarts(text)), l + 1, argument);
      if (assigned === null) continue;
      expression = assigned.value;
      assignedAt = assigned.line;
    }
    out.push({ file, line: l + 1, word, expression, assignedAt, argument });
  }
  return out;
};

/** The importutils loads of the scan with a computed name: only files whose imports bring importutils in are read. */
const findAll = perScan((ctx: FrameworkContext): OsloLoad[] => {
  const out: OsloLoad[] = [];
  for (const file of packageImporters(ctx, 'oslo_utils', 'sorted')) {
    const facts = ctx.facts(file);
    if (facts === undefined || !importsOsloLoader(facts.imports)) continue;
    const text = ctx.manifests.transientText(file);
    const names = osloNamesOf(facts.imports);
    if (text === null || !loadCall([...OSLO_LOADS.keys(), ...names.loads.keys()]).test(text)) continue;
    out.push(...osloComputedLoads(file, text, names));
  }
  return out;
});

export const collectOsloPrefixedImports = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const seen = new Set<string>();
  const constantsOf = new Map<string, Map<string, string>>();
  for (const load of findAll(ctx)) {
    let constants = constantsOf.get(load.file);
    if (constants === undefined) constantsOf.set(load.file, (constants = moduleConstants(ctx.manifests.transientText(load.file) ?? '')));
    const found = childTemplateOf(load.expression, constants);
    if (found === null || !DOTTED.test(found.prefix)) continue;
    const takesClass = OSLO_LOADS.get(load.word)!;
    // An object load's literal tail is the class's name: the module is any of the package's.
    const template = takesClass ? { ...found, tail: '' } : found;
    const key = `${load.file}\0${template.prefix}\0${template.tail}\0${template.deep === true}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const shown = `${load.argument === load.expression ? '' : `${load.argument} = `}${load.expression.replace(/\s+/g, ' ')}${load.assignedAt === 0 ? '' : ` at line ${load.assignedAt}`}`;
    const detail = takesClass ? `(${shown}; importutils.${load.word} imports the name up to its last dot and takes the class named after it)` : `(${shown})`;
    for (const c of templateChildren(ctx, template, load.file, load.line, detail, `${load.file}:${load.line} imports by a computed name`, `oslo importutils.${load.word} of a computed name`)) {
      if (c.target !== load.file) out.references.push({ from: load.file, target: c.target, targetKind: 'file', line: load.line, label: c.label });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'oslo-prefixed-imports',
  title: "oslo.utils importutils loads of a computed name under a constant package path",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = findAll(ctx)[0];
    return first === undefined ? null : `${first.file}:${first.line} calls importutils.${first.word} with a computed name`;
  },
  collect: collectOsloPrefixedImports,
};

export default reader;
