/**
 * Modules named by strings and loaded by a computed import in the same file: a registry loop
 * `for name in RUNNERS: importlib.import_module(name)`, `import_string(setting)` with a literal
 * list above it, an `os.environ.get("X", "pkg.mod")` default fed to `__import__`. Only a file that
 * both makes a computed import and holds literal dotted strings naming repo modules gives edges,
 * each labelled with the string's line and the import's.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { lineAt } from '../../util/lines.js';

const LOADERS = new Set(['importlib', 'importlib.metadata', 'django.utils.module_loading', 'pkg_resources', 'werkzeug.utils']);
/** A call that loads a module by a name computed at run time (its first argument is not a literal). */
const COMPUTED_LOAD = /\b(?:import_module|__import__|import_string|load_entry_point)\(\s*(?!['")\s])/;

const loadsByName = (ctx: FrameworkContext, path: string): boolean => {
  const facts = ctx.facts(path);
  if (!facts || !path.endsWith('.py')) return false;
  return facts.imports.some((i) => LOADERS.has(i.specifier) || i.names.some((n) => n.name === 'import_module' || n.name === 'import_string'));
};

export const collectStringModules = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const path of [...ctx.files].sort()) {
    if (!loadsByName(ctx, path)) continue;
    const text = ctx.readText(path);
    if (text === null) continue;
    const call = COMPUTED_LOAD.exec(text);
    if (!call) continue;
    const callLine = lineAt(text, call.index);
    for (const s of settingStrings(text)) {
      if (!s.value.includes('.') || !isDottedName(s.value)) continue;
      out.references.push({ from: path, target: s.value, targetKind: 'module-attr', line: s.line, label: `named in ${path}:${s.line} as "${s.value}", loaded by the computed import at line ${callLine}` });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'string-modules',
  title: 'modules named by strings and loaded by a computed import',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (const path of ctx.files) if (loadsByName(ctx, path)) return `${path} loads modules by name`;
    return null;
  },
  collect: collectStringModules,
};

export default reader;
