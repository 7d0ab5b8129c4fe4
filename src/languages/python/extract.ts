/**
 * The Python extractor: source text → FileFacts, on Python's token grammar (tokenize.ts) rather
 * than a full parse, proven against CPython's own `ast` by test/languages/python-ast-differential
 * (same imports, lines, names, aliases, guards and handled exceptions).
 *
 * Runnable markers:
 * - 'shebang': the file starts with `#!`;
 * - 'main-guard': a top-level `if __name__ == "__main__":` (either quote, either order);
 * - 'cli-framework': the file uses click, typer, argparse, optparse, fire or docopt (calls.ts);
 * - 'top-level-code': the module itself does work when run or imported: a module-level
 *   expression statement that calls something (`main()`, `app.run()`), a Python 2 print
 *   statement, or a module-level for/while/with. Assignments never count
 *   (`log = getLogger()` is set-up, not work), nor does code inside top-level if/try blocks.
 *
 * Definitions are the names bound at top level (module, and if/try/for/with/while/match blocks
 * outside any def or class): def, class, assignment targets (tuples, starred, annotated with or
 * without a value, augmented, walrus, `type X =`), for/with/except targets and import bindings
 * (`import a.b` binds `a`). `from m import *` binds nothing and sets hasStarImport.
 */
import type { FileFacts, RunnableMarker } from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';
import { warning } from '../../util/diagnostics.js';
import type { LanguageExtractor } from '../types.js';
import { renamedCallees, resolveNameSites } from './calls.js';
import { guardOf } from './frames.js';
import { scanTokens } from './sites.js';
import { ExtractState } from './state.js';
import { StatementWalker } from './statements.js';
import { summaryOf } from './summary.js';
import { sysPathFolders } from './sys-path.js';
import { tokenize } from './tokenize.js';
import { WARM_UP_MODULE } from './warm-up.js';

const hasShebang = (text: string): boolean => text.startsWith('#!') || text.startsWith('\ufeff#!');

const extractFacts = (path: string, text: string): FileFacts => {
  const t = tokenize(text);
  const st = new ExtractState(t, path);
  for (const { problem, line } of t.problems) st.problems.tokenProblem(problem, line);
  const walker = new StatementWalker(st);
  walker.run();
  const complexity = scanTokens(st, walker.segStart, walker.segFrame, renamedCallees(st));
  resolveNameSites(st);

  const facts = st.facts;
  facts.imports = st.imports
    .map(({ fact, frame }) => {
      const { guard, handles } = guardOf(frame);
      fact.guard = guard;
      if (handles) fact.handles = handles;
      return fact;
    })
    .sort((a, b) => a.line - b.line);
  const runnable: RunnableMarker[] = [];
  if (hasShebang(text)) runnable.push('shebang');
  if (st.mainGuard) runnable.push('main-guard');
  if (facts.runnable.includes('cli-framework')) runnable.push('cli-framework');
  if (st.topLevelCode) runnable.push('top-level-code');
  facts.runnable = runnable;
  const summary = summaryOf(t);
  if (summary !== undefined) facts.summary = summary;
  facts.definitions = [...st.definitions];
  if (st.exported) facts.exportedNames = st.exported;
  facts.complexity = complexity;
  const roots = sysPathFolders(text, path);
  if (roots.length > 0) facts.importRoots = roots;
  facts.diagnostics = st.problems.diagnostics(path);
  return facts;
};

let warmedUp = false;

/**
 * Runs the extractor over a sample that takes it through its branches (warm-up.ts) before the
 * first real file, so V8's first compiled version of each function is the one that stays: a
 * branch first met later throws the compiled code away, and compiling the large functions again
 * costs more CPU than extracting hundreds of files.
 */
const warmUp = (): void => {
  warmedUp = true;
  for (let i = 0; i < 4; i++) extractFacts('warm_up.py', WARM_UP_MODULE);
};

export const pythonExtractor: LanguageExtractor = {
  language: 'python',
  version: 2,
  extract(path: string, text: string): FileFacts {
    try {
      if (!warmedUp) warmUp();
      return extractFacts(path, text);
    } catch (e) {
      // Never reached on any input we know of; if it is, the file keeps a visible trace.
      const facts = emptyFacts();
      facts.diagnostics.push(warning('python/extractor-error', `Python extractor failed: ${(e as Error).message}`, path));
      return facts;
    }
  },
};
