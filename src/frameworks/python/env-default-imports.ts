/**
 * Stop 60: a module imported by a name read from the environment, with a literal default:
 * `SETTINGS_MODULE = os.environ.get('GRAPHITE_SETTINGS_MODULE', 'local_settings')` then
 * `import_module(SETTINGS_MODULE)` (graphite-web's settings.py:235-237, whose `local_settings` is
 * found on the `/etc/graphite` folder settings.py:24 puts on sys.path). When the variable is unset
 * the default is what runs, so the default names a module the file loads. string-modules reads
 * dotted defaults among a loader file's strings; a one-segment name (`local_settings`) is too common
 * a word to take from anywhere, so here only the default of the one assignment the load reads
 * counts: the nearest assignment to the name above the call (at module level or in the same def),
 * which must be the environment read itself.
 */
import { listedPaths } from '../../util/file-index.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';

/** `NAME = os.environ.get('VAR', 'default')` / `os.getenv(…)` / `environ.get(…)`, the default a module name. */
const ENV_DEFAULT = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:os\.)?(?:environ\.get|getenv)\([ \t]*(['"])([\w.-]+)\2[ \t]*,[ \t]*(['"])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\4[ \t]*\)[ \t]*(?:#.*)?$/;
/** The loads of a name as it is (no prefix, no attribute): `import_module(NAME)`, `__import__(NAME…)`. */
const loadOf = (name: string): RegExp => new RegExp(`\\b(?:import_module|__import__)\\(\\s*${name}\\s*[,)]`);
/** Assignments looked at above a load. */
const MAX_ABOVE = 40;
/** A `def` header's start: its indent and the text after the name (the parameters, maybe cut at the line's end). */
const DEF_LINE = /^([ \t]*)(?:async[ \t]+)?def[ \t]+[A-Za-z_]\w*[ \t]*\((.*)$/;
/** A `def` or `class` header: a scope of its own (a class body's names are no method's). */
const SCOPE_LINE = /^([ \t]*)(?:(?:async[ \t]+)?def|class)[ \t]+[A-Za-z_]\w*/;
/** A line that is code: its indent. */
const CODE_LINE = /^([ \t]*)[^\s#]/;

/**
 * Review s60-rv1: the `def` or `class` each line is in (its 0-based line; -1: module level), from the indents.
 * The nearest assignment above a load may sit in another function (a sibling's local) and says
 * nothing of the name the load reads there.
 */
const enclosingDefs = (lines: readonly string[]): Int32Array => {
  const of = new Int32Array(lines.length).fill(-1);
  const open: Array<{ indent: number; line: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const code = CODE_LINE.exec(lines[i]);
    if (code !== null) {
      while (open.length > 0 && code[1].length <= open[open.length - 1].indent) open.pop();
    }
    of[i] = open.length > 0 ? open[open.length - 1].line : -1;
    const scope = SCOPE_LINE.exec(lines[i]);
    if (scope !== null) open.push({ indent: scope[1].length, line: i });
  }
  return of;
};

/** Whether the def at `defLine` takes `name` as a parameter (its header read over at most 6 lines). */
const takesParam = (lines: readonly string[], defLine: number, name: string): boolean => {
  const header = lines.slice(defLine, defLine + 6).join(' ');
  const params = DEF_LINE.exec(header)?.[2] ?? '';
  return new RegExp(`(?:^|[(,])\\s*\\*{0,2}${name}\\s*(?:[:=,)]|$)`).test(params.split(/\)\s*(?:->[^:]*)?:/)[0] ?? '');
};

export interface EnvDefaultImport {
  file: string;
  /** The load's line and the assignment's (1-based). */
  line: number;
  assignLine: number;
  variable: string;
  module: string;
}

const envDefaultImports = perScan((ctx: FrameworkContext): EnvDefaultImport[] => {
  const out: EnvDefaultImport[] = [];
  for (const file of listedPaths(ctx.files)) {
    if (!file.endsWith('.py')) continue;
    // Extraction saw a computed import: a load by a name, the only kind read here.
    const loads = ctx.facts(file)?.computedImportLines;
    if (loads === undefined) continue;
    const text = ctx.readText(file);
    if (text === null || !/\b(?:environ|getenv)\b/.test(text)) continue;
    const lines = text.split('\n');
    const defs = enclosingDefs(lines);
    for (const line of loads) {
      const call = lines[line - 1] ?? '';
      const scope = defs[line - 1] ?? -1;
      for (let k = line - 2; k >= 0 && k >= line - 1 - MAX_ABOVE; k--) {
        const assign = /^[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)/.exec(lines[k]);
        if (assign === null || !loadOf(assign[1]).test(call)) continue;
        // Only the load's own function or the module level binds the name the load reads; a parameter of
        // the load's function shadows a module-level read (review s60-rv1).
        if (defs[k] !== scope && defs[k] !== -1) continue;
        if (defs[k] === -1 && scope !== -1 && takesParam(lines, scope, assign[1])) break;
        // The nearest assignment to the loaded name decides: an environment read with a default, or nothing.
        const env = ENV_DEFAULT.exec(lines[k].replace(/\r$/, ''));
        if (env !== null) out.push({ file, line, assignLine: k + 1, variable: env[3], module: env[5] });
        break;
      }
    }
  }
  return out;
});

const reader: FrameworkReader = {
  id: 'python-env-default-imports',
  title: 'Modules imported by a name an environment variable sets, by its literal default',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = envDefaultImports(ctx)[0];
    return first ? `${first.file}:${first.line} imports the name ${first.variable} gives, '${first.module}' by default` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const e of envDefaultImports(ctx)) {
      out.references.push({
        from: e.file,
        target: e.module,
        targetKind: 'module',
        line: e.line,
        label: `imported by ${e.file}:${e.line} as '${e.module}', the default of ${e.variable} read at line ${e.assignLine} (what loads when the variable is unset)`,
      });
    }
    return out;
  },
};

export default reader;
