/**
 * Python files run as scripts: `python path/to/tool.py`, or a `#!` file run directly (through a
 * symlink too, which Python resolves first) puts the script's real folder at sys.path[0], whatever
 * `__init__.py` that folder holds (`python -m pkg.tool` does not). What marks a file as run that way,
 * before entries are known: an installed command (usr/bin/…) that is a link to it, or its own
 * executable bit with a `#!` line and a `__main__` guard or code at the top level. The resolver (resolver.ts) makes the
 * folder a root for the script and for the modules it reaches there.
 */
import type { DiscoveredFile } from '../../../discover/index.js';
import { INSTALLED_COMMAND } from '../../../entries/installed-commands.js';
import { installsNothing } from '../../../util/installs-nothing.js';
import type { FileFacts, ImportFact } from '../../../model/facts.js';

/** Script path → why it runs as a script (shown in the edge label). */
const pythonScripts = (files: readonly DiscoveredFile[], facts: (path: string) => FileFacts | undefined /* Python files' only */): Map<string, string> => {
  const out = new Map<string, string>();
  for (const f of files) {
    const target = f.linkTarget;
    if (target !== undefined && target !== f.path) {
      const root = INSTALLED_COMMAND.exec(f.path)?.[1];
      if (root !== undefined && !installsNothing(root) && target.endsWith('.py') && facts(target) !== undefined && !out.has(target)) {
        out.set(target, `the command ${f.path} links to it`);
      }
      continue;
    }
    if (!f.executable || f.symlink || out.has(f.path)) continue;
    const runnable = facts(f.path)?.runnable;
    if (runnable?.includes('shebang') && runnable.includes('main-guard')) out.set(f.path, 'it is executable, with a #! line and a __main__ guard');
    else if (runnable?.includes('shebang') && runnable.includes('top-level-code')) out.set(f.path, 'it is executable, with a #! line and code at the top level');
  }
  return out;
};

/** The resolver's part of it (ResolveContext): the scripts and the imports to follow from them; nothing when the repo has no Python file. */
export const pythonScriptsContext = (
  files: readonly DiscoveredFile[],
  factsOfFiles: readonly { path: string; language: string; facts: FileFacts }[],
): { pythonScripts?: Map<string, string>; pythonImportsOf?: (path: string) => readonly ImportFact[] | undefined } => {
  const python = new Map<string, FileFacts>();
  for (const f of factsOfFiles) if (f.language === 'python') python.set(f.path, f.facts);
  if (python.size === 0) return {};
  const scripts = pythonScripts(files, (path) => python.get(path));
  // The imports are read for a module's sys.path folders too (resolver.ts importerRoots), scripts or not.
  const pythonImportsOf = (path: string) => python.get(path)?.imports;
  return scripts.size === 0 ? { pythonImportsOf } : { pythonScripts: scripts, pythonImportsOf };
};
