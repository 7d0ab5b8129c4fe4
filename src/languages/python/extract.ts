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
import type { FileFacts, ImportFact, RunnableMarker } from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';
import { warning } from '../../util/diagnostics.js';
import type { LanguageExtractor } from '../types.js';
import { renamedCallees, resolveNameSites } from './calls.js';
import { guardOf } from './frames.js';
import { scanTokens } from './sites.js';
import { ExtractState, type PendingImport } from './state.js';
import { StatementWalker } from './statements.js';
import { summaryOf } from './summary.js';
import { sysPathFolders } from './sys-path.js';
import { type PythonTokens, tokenize, warmUpScanner } from './tokenize.js';
import { WARM_UP_MODULE, WARM_UP_SHAPES } from './warm-up.js';
import { holdsTestsIn, isTestLikeName } from './test-marks.js';
import { rewriteNames } from '../rewrite-names.js';
import { dottedStringsIn, recordsDottedStrings, swapsOf } from './dotted-strings.js';
import { pythonTextMarksOf, TextWord, textWordsOf } from './text-marks.js';
import { ownFactStrings } from './own-strings.js';

/**
 * The fact of one import, built whole by one of four literals (alias and handles present or
 * not, in the order the fields always had) rather than by adding fields to a draft: objects that
 * grow fields one by one take hidden classes in whatever order files show them, and every new
 * one threw away the compiled code of the stages that read imports (measured: three
 * deoptimisations and recompiles per saleor scan in extraction alone).
 */
const importFact = (p: PendingImport): ImportFact => {
  const { guard, handles, within } = guardOf(p.frame);
  const { specifier, syntax, line, names, alias } = p;
  if (within !== undefined) {
    if (handles) return alias === undefined ? { specifier, syntax, line, names, guard, handles, within } : { specifier, syntax, line, names, guard, alias, handles, within };
    return alias === undefined ? { specifier, syntax, line, names, guard, within } : { specifier, syntax, line, names, guard, alias, within };
  }
  if (alias === undefined) return handles ? { specifier, syntax, line, names, guard, handles } : { specifier, syntax, line, names, guard };
  return handles ? { specifier, syntax, line, names, guard, alias, handles } : { specifier, syntax, line, names, guard, alias };
};

const byLine = (a: ImportFact, b: ImportFact): number => a.line - b.line;

const hasShebang = (text: string): boolean => text.startsWith('#!') || text.startsWith('\ufeff#!');

/** The line counts of the last file's scan (tokenize.ts counts them on its walk), or null. */
let lastCounts: { lines: number; codeLines: number } | null = null;

/** The words of the last file's text (text-marks.ts textWordsOf): `__file__` here, the readers' marks in `extract`. */
let lastWords = 0;

/** The last file's tokens (shared buffers: valid until the next tokenize). */
let lastTokens: PythonTokens = tokenize('');

/** Adds the lines of exec'd imports the token pass found (`execs`) to `lines`, kept in order. */
const addExecImportLines = (execs: readonly number[], lines: number[]): void => {
  let added = false;
  for (const line of execs) {
    if (!lines.includes(line)) {
      lines.push(line);
      added = true;
    }
  }
  if (added) lines.sort((a, b) => a - b);
};

/** Stop 66: a module named for WSGI (`wsgi.py`, `api_wsgi.py`, `wsgi_app.py`), whose `application` a server loads by path. */
const WSGI_MODULE = /(?:^|\/)(?:\w+_)?wsgi(?:_\w+)?\.py$/;
/**
 * Review of stop 66: a line that binds `application` to something a server can call: an assignment whose value is no
 * None and no literal (`application = app.init_wsgi()`, `application = app = make()`), a def or class of that name, an
 * import of it (`from m import make_app as application`). A loop variable, an `except … as`/`with … as` name, a bare
 * annotation or `application = None` (a helper module filled in later, or a placeholder) is no WSGI callable. An
 * indented binding counts (under a top-level `try:` or `if`) unless a def declares `global application` (the module
 * leaves it to a caller of that def).
 */
const WSGI_CALLABLE = /^([ \t]*)(?:(?:[A-Za-z_]\w*[ \t]*=[ \t]*)*application[ \t]*(?::[^=\n]*)?=(?!=)(?![ \t]*(?:None\b|['"\d[{]|\(\s*\)))|(?:async[ \t]+)?def[ \t]+application\b|class[ \t]+application\b|from[ \t]+\S+[ \t]+import\b[^#\n]*\bapplication\b|import[ \t][^#\n]*\bas[ \t]+application\b)/gm;
const bindsWsgiCallable = (text: string): boolean => {
  const deferred = /^[ \t]+global[ \t][^#\n]*\bapplication\b/m.test(text);
  for (const m of text.matchAll(WSGI_CALLABLE)) if (m[1] === '' || !deferred) return true;
  return false;
};

const extractFacts = (path: string, text: string): FileFacts => {
  const t = tokenize(text);
  lastTokens = t;
  lastCounts = t.lineCount >= 0 ? { lines: t.lineCount, codeLines: t.codeLineCount } : null;
  const sysPathLine = t.sysPathLine;
  const st = new ExtractState(t, path);
  for (const { problem, line } of t.problems) st.problems.tokenProblem(problem, line);
  const walker = new StatementWalker(st);
  walker.run();
  const complexity = scanTokens(st, walker.lineFrames, renamedCallees(st));
  resolveNameSites(st);

  const facts = st.facts;
  const imports: ImportFact[] = [];
  for (const p of st.imports) imports.push(importFact(p));
  if (imports.length > 1) imports.sort(byLine);
  facts.imports = imports;
  const runnable: RunnableMarker[] = [];
  if (hasShebang(text)) runnable.push('shebang');
  if (st.mainGuard) runnable.push('main-guard');
  if (facts.runnable.includes('cli-framework')) runnable.push('cli-framework');
  if (st.topLevelCode) runnable.push('top-level-code');
  if (st.definitions.has('application') && WSGI_MODULE.test(path) && bindsWsgiCallable(text)) runnable.push('wsgi-application');
  facts.runnable = runnable;
  facts.definitions = [...st.definitions];
  facts.complexity = complexity;
  facts.diagnostics = st.problems.diagnostics(path);
  // The optional facts are added last, in one order, rather than where they were found: each
  // order of added fields is another hidden class for every stage that reads facts, and every
  // store to a field all facts have, made after them, saw each of those classes (a new one, met
  // after V8 had compiled this function, threw that code away).
  if (st.hasStarImport) facts.hasStarImport = true;
  if (st.typePaths.length > 0) facts.typePaths = st.typePaths;
  if (st.settingSwaps.length > 0) facts.settingSwaps = st.settingSwaps;
  // Stop 45: `exec("from .%s import %s" % (m, m))`, an import statement formatted at run time, is a computed import too.
  if (st.execImportLines.length > 0) addExecImportLines(st.execImportLines, st.computedImportLines);
  if (st.computedImportLines.length > 0) facts.computedImportLines = st.computedImportLines;
  if (st.scriptNames.length > 0) facts.scriptNames = st.scriptNames;
  if (st.moduleArgs.length > 0) facts.moduleArgs = st.moduleArgs;
  if (st.codeTemplateLines.length > 0) facts.codeTemplateLines = st.codeTemplateLines;
  // One pass finds `__file__` and the readers' two word marks (text-marks.ts).
  lastWords = textWordsOf(text);
  if (lastWords & TextWord.File) facts.mentionsFile = true;
  const summary = summaryOf(t);
  if (summary !== undefined) facts.summary = summary;
  if (st.exported) facts.exportedNames = st.exported;
  // Only a line that starts with `sys.path.` can put a folder on sys.path: the scan saw whether one does.
  const roots = sysPathLine ? sysPathFolders(text, path) : [];
  if (roots.length > 0) facts.importRoots = roots;
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
  warmUpScanner();
  for (let i = 0; i < 4; i++) {
    rewriteNames(extractFacts('warm_up.py', WARM_UP_MODULE));
    for (const text of WARM_UP_SHAPES) rewriteNames(extractFacts('warm_up.py', text));
  }
};

export const pythonExtractor: LanguageExtractor = {
  language: 'python',
  // 6: importRoots keeps absolute sys.path folders (`/usr/share/app`). 7: not a __file__ path that climbs out of the checkout.
  // 8: computedImportLines holds exec("from .%s import …") lines and __import__ calls with a computed fromlist.
  // 9: only exec calls in code count (not one written in a docstring or another string).
  // 10: dottedStrings on test-like paths. 11: kombu's symbol_by_name is a by-name load (dottedStrings' calls); codeTemplateLines.
  // 12: importRoots reads a sys.path call or path assignment whose brackets close on the lines below.
  // 13: importRoots marks a folder added only under `if __name__ == '__main__':` (mainOnly).
  // 14: a trailing comma after a sys.path call's last argument (`sys.path.insert(\n 0,\n path,\n)`).
  // 15: moduleArgs, the `"-m", "pkg.mod"` pairs of a list (module-args.ts); a literal `__import__` with a level is relative (calls.ts leveled).
  // 16: importRoots reads a slice assignment sys.path[0:0] = X (sys-path.ts).
  // 17: textMarks, the words some readers pre-test every .py file for (text-marks.ts).
  // 18: a slice assignment's list that spans lines (zc.buildout's scripts).
  // 19: sys.path folders written with `.as_posix()`. 20: runnable marker wsgi-application (s66-leadspy).
  // 21: an upper-case module segment past a dot in a `pkg.mod:attr` string (s66-surveypy).
  // 22: textMarks' module-prefix, `"-m", "pkg.sub." + name` (text-marks.ts; module-prefix-args).
  // 23: wsgi-application only where a line binds `application` to a callable (not None, a literal, a loop or `as` name; review of stop 66).
  version: 23,
  extract(path: string, text: string, asRead?: boolean): FileFacts {
    try {
      if (!warmedUp) warmUp();
      // After the warm-up, whose files count too: counts stay null if this file's scan throws.
      lastCounts = null;
      const facts = extractFacts(path, text);
      // Test discovery's question, answered here where the text is at hand (it read the file again).
      if (asRead && isTestLikeName(path.slice(path.lastIndexOf('/') + 1))) facts.holdsTests = holdsTestsIn(text, lastTokens);
      // test-dotted-strings' question, answered on these tokens rather than by reading and tokenizing the file again.
      // A sys.path expression is tokenized after the file (sys-path.ts), in the same shared buffers: then the file is tokenized again.
      if (asRead && recordsDottedStrings(path)) facts.dottedStrings = dottedStringsIn(text, lastTokens.text === text ? lastTokens : tokenize(text), swapsOf(facts));
      // The readers' pre-tests of every .py file, answered once here; only for the text a reader would read.
      if (asRead) facts.textMarks = pythonTextMarksOf(text, lastWords);
      ownFactStrings(facts);
      return facts;
    } catch (e) {
      // Never reached on any input we know of; if it is, the file keeps a visible trace.
      const facts = emptyFacts();
      facts.diagnostics.push(warning('python/extractor-error', `Python extractor failed: ${(e as Error).message}`, path));
      return facts;
    }
  },
  lineCountsOfLast: () => lastCounts,
};
