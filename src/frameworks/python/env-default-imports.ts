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
    for (const line of loads) {
      const call = lines[line - 1] ?? '';
      for (let k = line - 2; k >= 0 && k >= line - 1 - MAX_ABOVE; k--) {
        const assign = /^[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)/.exec(lines[k]);
        if (assign === null || !loadOf(assign[1]).test(call)) continue;
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
