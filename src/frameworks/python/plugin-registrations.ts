/**
 * Plugin registration files (gramps' `*.gpr.py`): a Python file the host application finds by a
 * folder walk and execs (gramps gen/plug/_pluginreg.py `ext = r".gpr.py"` … `exec(compile(stream,
 * …))`), whose `register(…, fname = 'changenames.py', …)` calls or `plg.fname = 'rel_de.py'`
 * assignments name a module beside it; the host then imports that module by its bare name after
 * putting the registration's folder on sys.path. Nothing imports either by name, so census saw
 * them dead, or "manual" through the plugins' own `if __name__ == "__main__"` guards.
 *
 * The registration's edge goes from the host: a Python file of the same top-level package (or,
 * for registrations outside any package, anywhere in the repo) that holds the suffix as a string
 * literal and calls exec, so a plugin takes the class of the code that loads it. With no such
 * file there is no edge: a registration file alone does not say that anything runs it.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { pathsWithPrefix, sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { topPackageFolder } from './python-files.js';

/** The registration suffix (gramps and its third-party addons). */
const SUFFIX = '.gpr.py';

/** The suffix as a whole string literal, in either quote (a raw-string prefix stands outside the quote). */
const SUFFIX_LITERAL = /(["'])\.gpr\.py\1/;

/** A call of the builtin exec (not `.exec(` of a regex or a cursor, not `exec_` or `_exec`). */
const EXEC_CALL = /(?<![\w.])exec\s*\(/;

/**
 * `fname = 'x.py'`: a keyword argument of register(...) or an attribute assignment on a
 * registration object (`plg.fname = 'x.py'`). Only a bare file name: the host imports the module
 * by that name from the registration's folder.
 */
const FNAME = /(?<![\w])fname\s*=\s*(["'])([A-Za-z_]\w*\.py)\1/g;

/** The modules a registration file names, with the 1-based line of each first naming; comment lines are skipped. */
export const registeredModules = (text: string): { file: string; line: number }[] => {
  const found: { file: string; line: number }[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('fname')) continue;
    const hash = line.indexOf('#');
    for (const m of line.matchAll(FNAME)) {
      // A `#` before the match comments it out (registration files hold no `#` inside strings before an fname).
      if (hash !== -1 && hash < m.index) continue;
      if (seen.has(m[2])) continue;
      seen.add(m[2]);
      found.push({ file: m[2], line: i + 1 });
    }
  }
  return found;
};

/** The 1-based line of the suffix literal when `text` holds it and calls exec, else 0. */
export const hostLine = (text: string): number => {
  if (!text.includes(SUFFIX)) return 0;
  const literal = SUFFIX_LITERAL.exec(text);
  if (literal === null || !EXEC_CALL.test(text)) return 0;
  return lineAt(text, literal.index);
};

export const collectPluginRegistrations = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const byScope = new Map<string, string[]>();
  for (const path of pathsNamedLike(ctx.files, { extensions: ['py'] }, 'sorted')) {
    if (!path.endsWith(SUFFIX) || path.slice(path.lastIndexOf('/') + 1) === SUFFIX) continue;
    const scope = topPackageFolder(ctx.files, path) ?? '';
    const list = byScope.get(scope);
    if (list === undefined) byScope.set(scope, [path]);
    else list.push(path);
  }
  for (const [scope, registrations] of byScope) {
    const hosts: { path: string; line: number }[] = [];
    for (const path of scope === '' ? sortedPaths(ctx.files) : pathsWithPrefix(ctx.files, `${scope}/`)) {
      if (!path.endsWith('.py') || path.endsWith(SUFFIX)) continue;
      const text = ctx.readText(path);
      const line = text === null ? 0 : hostLine(text);
      if (line !== 0) hosts.push({ path, line });
    }
    if (hosts.length === 0) continue;
    for (const registration of registrations) {
      for (const host of hosts) {
        out.references.push({
          from: host.path,
          target: registration,
          targetKind: 'file',
          line: host.line,
          label: `run as a plugin registration by ${host.path}:${host.line}, which execs "*${SUFFIX}" files`,
        });
      }
      for (const named of registeredModules(ctx.readText(registration) ?? '')) {
        const target = joinRepo(dirname(registration), named.file);
        if (target === null || target === registration || !ctx.files.has(target)) continue;
        out.references.push({
          from: registration,
          target,
          targetKind: 'file',
          line: named.line,
          label: `imported as a plugin: ${registration}:${named.line} names fname = '${named.file}', and ${hosts[0].path}:${hosts[0].line} loads the modules "*${SUFFIX}" files name`,
        });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'plugin-registrations',
  title: 'plugin registration files (gramps *.gpr.py)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['py'] }); at < listed.length; at++) {
      const f = listed[at];
      if (f.endsWith(SUFFIX)) return `${f} is a plugin registration file`;
    }
    return null;
  },
  collect: collectPluginRegistrations,
};

export default reader;
