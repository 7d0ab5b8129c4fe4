/**
 * Stop 58: a module run by `python -m` from an argument list the code builds away from the spawn call
 * that runs it: thonny's cp_front.py:47 `return ["-m", "thonny.plugins.cpython_backend.cp_launcher",
 * self.get_cwd()]` (a backend launcher's argv, handed to a subprocess elsewhere), cps_front.py:35,
 * mp_front.py:401. Extraction reads a command only when its list is written in the spawn call itself
 * (calls.ts); this reads the pair `"-m", "pkg.mod"` as two adjacent elements of any list, tuple or
 * call written in code, as the tokens note it (languages/python/module-args.ts: not a docstring's,
 * not a list headed by another program's name), when the name is dotted and resolves, from the file,
 * to a repo module (a package: its `__main__.py`). A name that resolves to nothing (`serial.tools.miniterm`,
 * `pip`) gives nothing, and so does a one-part name (`["pytest", "-m", "slow"]` is a marker), a name
 * held in a variable (stop 66: module-prefix-args reads one the file assigns a dotted literal), or `-m` that is not an element (`"python -m x.y"`, one string, is the commands'
 * own reading).
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths, sortedPaths } from '../../util/file-index.js';
import { dirname } from '../../util/path.js';

/**
 * The repo files `python -m name` runs, as `file` would find the module: the module (a package: its
 * `__main__.py`) first, then the packages' `__init__.py` files Python runs before it; empty when the
 * module, or a package's `__main__.py`, is not in the repo.
 */
const runTargets = (ctx: FrameworkContext, file: string, name: string): string[] => {
  const found = ctx.module(name, dirname(file), file);
  if (found.length === 0 || !found[0].endsWith('/__init__.py')) return found;
  const main = `${dirname(found[0])}/__main__.py`;
  return ctx.files.has(main) ? [main, ...found] : [];
};

export const collectModuleArgs = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of sortedPaths(ctx.files)) {
    // Review of stop 58: the pairs come from the tokens (FileFacts.moduleArgs), not the text: no file is read here, a
    // docstring's example is no pair, and a list headed by another program (`mypy`, `git commit`) is none either.
    const pairs = file.endsWith('.py') ? ctx.facts(file)?.moduleArgs : undefined;
    if (pairs === undefined) continue;
    const seen = new Set<string>();
    for (const { name, line } of pairs) {
      if (seen.has(name)) continue;
      const targets = runTargets(ctx, file, name);
      if (targets.length === 0) continue;
      seen.add(name);
      const [main, ...inits] = targets;
      if (main !== file) out.references.push({ from: file, target: main, targetKind: 'file', line, label: `run as \`python -m ${name}\` by the argument list in ${file}:${line} ("-m", "${name}")` });
      for (const init of inits) if (init !== file) out.references.push({ from: file, target: init, targetKind: 'file', line, label: `run before ${name}, which the argument list in ${file}:${line} runs with \`python -m\` (a package runs before its modules)` });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'python-module-args',
  title: 'Python modules run by `-m` from an argument list',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      if (listed[at].endsWith('.py') && ctx.facts(listed[at])?.moduleArgs !== undefined) return `${listed[at]} writes "-m" and a module as list elements`;
    }
    return null;
  },
  collect: collectModuleArgs,
};

export default reader;
