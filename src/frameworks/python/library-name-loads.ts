/**
 * Stop 64: library calls that import a module named by a string literal, in production code.
 * neutron's openflow/native/main.py:22 `cfg.CONF.import_group('OVS',
 * 'neutron.plugins.ml2.drivers.openvswitch.agent.common.config')` has oslo.config import the module
 * that declares the group (`__import__(module_str)`), and its line 34
 * `app_manager.AppManager.run_apps(['neutron.plugins.ml2.drivers.openvswitch.agent.' 'openflow.native.ovs_oskenapp'])`
 * has os-ken import the OpenFlow app (whose module imports br_int, br_phys, br_tun,
 * br_dvr_process): nothing else imports those six modules.
 *
 * The calls, each with the argument that names the module:
 * - oslo.config `CONF.import_opt(name, module_str)` and `CONF.import_group(group, module_str)`:
 *   the second argument (or `module_str=`), in a file whose text marks hold `import_`;
 * - os-ken's or ryu's `AppManager.run_apps([…])` (each item of a literal list or tuple) and
 *   `require_app(name)`, in a file that imports `os_ken` or `ryu`.
 * The name is a plain string literal, or adjacent literals Python joins (`'a.' 'b'`), naming a repo
 * module (or package) as an absolute import would. A name built at run time, a name of no repo
 * module, a commented-out call, a call in a docstring or a string literal, a bare `import_opt(` (oslo's is
 * a ConfigOpts method; a bare one is the project's own function), a `run_apps` in a file that imports
 * neither library give nothing.
 * Test files are test-dotted-strings' (its 'load' strings take the same oslo calls there).
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { callArguments } from './call-text.js';
import { firstPythonFile, packageInits, pythonFiles } from './python-files.js';
import { dirname } from '../../util/path.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';
import { mayHoldPythonMark } from '../../languages/python/text-marks.js';
import { recordsDottedStrings } from '../../languages/python/dotted-strings.js';
import { insideSpans, tripleQuotedSpans } from './triple-quoted.js';

/** oslo.config's option imports, methods of a ConfigOpts (`CONF.import_opt(`): the module is the second argument. A bare `import_opt(` is a function of the project's own. */
const OSLO_CALL = /\.\s*(import_opt|import_group)\s*\(/g;
/** os-ken's / ryu's app loads: a list of modules, or one. */
const APP_CALL = /(?<![\w])(run_apps|require_app)\s*\(/g;
/** A file imports os-ken or ryu: its app manager loads apps by module name (string tests: every import of every file is asked). */
const isAppLibrary = (specifier: string): boolean =>
  specifier === 'os_ken' || specifier === 'ryu' || specifier.startsWith('os_ken.') || specifier.startsWith('ryu.');
/** One plain string literal (no escapes, no newline), repeated with blanks between: Python joins adjacent literals. */
const ADJACENT_LITERALS = /^(?:\s*[rRuU]?(['"])[^'"\\\n]*\1)+\s*$/;
const ONE_LITERAL = /[rRuU]?(['"])([^'"\\\n]*)\1/g;
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
/** Calls read per file: a hostile file full of them costs no more. */
const MAX_CALLS = 200;

/** The value of a plain literal or of adjacent literals (`'a.' 'b'` → `a.b`), or null. */
export const joinedLiteral = (arg: string): string | null => {
  if (!ADJACENT_LITERALS.test(arg)) return null;
  let out = '';
  for (const m of arg.matchAll(ONE_LITERAL)) out += m[2];
  return out;
};

/** The module names an argument holds: one literal, or each literal item of a list or tuple literal. */
const namesIn = (arg: string, list: boolean): string[] => {
  const one = joinedLiteral(arg);
  if (one !== null) return [one];
  const items = list ? /^\s*[[(]([\s\S]*)[\])]\s*$/.exec(arg) : null;
  if (items === null) return [];
  const out: string[] = [];
  for (const item of callArguments(`(${items[1]})`, 0) ?? []) {
    const value = joinedLiteral(item);
    if (value !== null) out.push(value);
  }
  return out;
};

/**
 * Whether `index` of `text` is no code: after a `#` comment mark or inside a one-line string literal of
 * its line (`HELP = "call CONF.import_opt('x', 'pkg.mod') first"`), read from the line's start.
 */
const notCode = (text: string, index: number): boolean => {
  let quote = '';
  for (let k = text.lastIndexOf('\n', index - 1) + 1; k < index; k++) {
    const c = text[k];
    if (quote !== '') {
      if (c === '\\') k++;
      else if (c === quote) quote = '';
    } else if (c === '#') return true;
    else if (c === "'" || c === '"') quote = text.startsWith(c.repeat(3), k) ? '' : c;
  }
  return quote !== '';
};

export const collectLibraryNameLoads = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of pythonFiles(ctx)) {
    const facts = ctx.facts(file);
    if (facts === undefined) continue;
    const oslo = mayHoldPythonMark(facts.textMarks, 'import_');
    const apps = facts.imports.some((i) => isAppLibrary(i.specifier));
    if ((!oslo && !apps) || recordsDottedStrings(file)) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null) continue;
    let starts: number[] | null = null;
    let strings: [number, number][] | null = null;
    let calls = 0;
    const seen = new Set<string>();
    const scan = (pattern: RegExp, arg: (callee: string) => number, list: boolean, how: (callee: string) => string) => {
      for (const m of text.matchAll(pattern)) {
        if (++calls > MAX_CALLS) return;
        // A docstring's example (`CONF.import_opt('host', 'pkg.conf')` in a module's docs) runs nothing.
        strings ??= tripleQuotedSpans(text);
        if (insideSpans(strings, m.index) || notCode(text, m.index)) continue;
        const args = callArguments(text, m.index + m[0].length - 1);
        if (args === null) continue;
        const keyword = args.find((a) => /^\s*module_str\s*=/.test(a))?.replace(/^\s*module_str\s*=/, '');
        const given = keyword ?? args[arg(m[1])];
        if (given === undefined) continue;
        for (const name of namesIn(given, list)) {
          if (!DOTTED.test(name) || seen.has(name)) continue;
          const target = ctx.module(name)[0];
          if (target === undefined || target === file) continue;
          seen.add(name);
          starts ??= lineStarts(text);
          const line = lineOfOffset(starts, m.index);
          const label = `loaded by ${file}:${line} (${how(m[1])} imports '${name}' by its name)`;
          // Importing a dotted name runs the __init__.py of each package above the module first.
          const inits = packageInits(ctx.files, dirname(target)).filter((i) => i !== target && i !== file);
          for (const t of [target, ...inits]) out.references.push({ from: file, target: t, targetKind: 'file', line, label });
        }
      }
    };
    if (oslo && /\bimport_(?:opt|group)\s*\(/.test(text)) scan(OSLO_CALL, () => 1, false, (c) => `oslo.config's ${c}`);
    if (apps && /\b(?:run_apps|require_app)\s*\(/.test(text)) scan(APP_CALL, () => 0, true, (c) => `the os-ken/ryu app manager's ${c}`);
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'library-name-loads',
  title: 'Python library calls that import a module by a literal name (oslo.config import_opt, os-ken run_apps)',
  ecosystem: 'python',
  enabledBy: firstPythonFile,
  collect: collectLibraryNameLoads,
};

export default reader;
