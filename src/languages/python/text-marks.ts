/**
 * Issue 19: what a few Python readers look for in every .py file before they read it closely,
 * recorded at extraction where the text is at hand (as languages/javascript/text-marks.ts does for
 * JS/TS), so each reads only the files that can pass. On saleor (4,338 .py) protocol-attributes,
 * source-text-imports and finder-package-paths each read every file again, and the first of them
 * read 28 MB from disk and kept it for the whole scan.
 *
 * - `import_`: protocol-attributes' computed imports (`import_module`, `import_string`, `__import__`
 *   all hold it), and library-name-loads' oslo.config `import_opt`/`import_group`;
 * - `__path__`: finder-package-paths' path finders over a package's `__path__`, and
 *   listing-package-paths' folder listings handed one;
 * - `runs-source`: RUNS_SOURCE_TEXT, source-text-imports' own test (a runner handed a string that
 *   opens with an import statement), taken whole: no cheaper word is a superset of it (the runners'
 *   names, `push` and `compile`, are in hundreds of files).
 * - `module-prefix`: MODULE_PREFIX_TAIL, module-prefix-args' `"-m", "pkg.sub." + name` (a module run by
 *   `python -m` whose name the code completes: twisted's test_stdio.py:107) or `"-m", name` (a name
 *   the file assigns a module's name: test_process.py:593), tried only where `-m` stands in the text.
 *
 * Anywhere in the text counts, comments and strings too: each mark is a superset of its reader's
 * own test on the text, which still decides (test/languages/python-text-marks.test.ts). The set is
 * part of the facts (FileFacts.textMarks, which JS/TS files hold with their own words): a new mark
 * needs a new Python extractor version. Recorded only where the extractor's text is the file's
 * UTF-8 as a reader reads it; a file without marks is read as before.
 */

export const PYTHON_TEXT_MARKS = ['import_', '__path__', 'runs-source', 'module-prefix'] as const;
export type PythonTextMark = (typeof PYTHON_TEXT_MARKS)[number];

/** A runner called with a string literal that opens with an import statement (source-text-imports' candidates). */
export const RUNS_SOURCE_TEXT = /\b(?:exec|runsource|runcode|push|compile)\s*\(\s*[rRuU]?(?:'|")(?:''|"")?(?:\s|\\n)*(?:from|import)\s/;

/**
 * RUNS_SOURCE_TEXT's tail from the call's parenthesis, which every match holds, tried only at each
 * `(` (found by indexOf, native and fast) as a sticky pattern: the same answer as searching the
 * whole text with it (the pattern opens with the `(`), where the engine tried every position
 * (saleor's 28 MB of .py: about 20 → 11 ms; no file there holds it).
 */
const SOURCE_STRING_CALL = /\(\s*[rRuU]?(?:'|")(?:''|"")?(?:\s|\\n)*(?:from|import)\s/y;

const holdsSourceStringCall = (text: string): boolean => {
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    SOURCE_STRING_CALL.lastIndex = at;
    if (SOURCE_STRING_CALL.test(text)) return true;
  }
  return false;
};

/**
 * `"-m", "pkg.sub." + name` (str or bytes literals, over lines): a `-m` element followed by a dotted
 * literal ending with a dot that is concatenated, or by a plain name as a whole element (`b"-m",
 * scriptPath]`). Sticky, tried at each `-m` of the text.
 */
const MODULE_PREFIX_TAIL = /-m(['"])\s*,\s*(?:[bBuU]?(['"])[A-Za-z_][\w.]*\.\2\s*\+|[A-Za-z_]\w*\s*[,\])])/y;

/** Whether a text holds MODULE_PREFIX_TAIL after a quote (`"-m"`, `b'-m'`): found by indexOf, native and fast. */
export const holdsModulePrefixArg = (text: string): boolean => {
  for (let at = text.indexOf('-m'); at >= 0; at = text.indexOf('-m', at + 2)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 34 && before !== 39) continue;
    MODULE_PREFIX_TAIL.lastIndex = at;
    if (MODULE_PREFIX_TAIL.test(text)) return true;
  }
  return false;
};

/** The words a text holds anywhere (comments and strings too), as bits: the two word marks and `__file__` (FileFacts.mentionsFile). */
export const TextWord = { Import: 1, Path: 2, File: 4 } as const;

/**
 * The three words by one pass over a text holding none of them (nearly every file), where an
 * `includes` per word made three (saleor: about 32 → 22 ms). The first match is the leftmost
 * occurrence of any word; the others, if any, start at or after it (from its index, not its end:
 * `import__path__` and `__path__file__` hold two words that overlap).
 */
const WORDS = /import_|__path__|__file__/;

export const textWordsOf = (text: string): number => {
  const first = WORDS.exec(text);
  if (first === null) return 0;
  const from = first.index;
  let words = 0;
  if (text.includes('import_', from)) words |= TextWord.Import;
  if (text.includes('__path__', from)) words |= TextWord.Path;
  if (text.includes('__file__', from)) words |= TextWord.File;
  return words;
};

/** The marks `text` holds, in PYTHON_TEXT_MARKS order (`words`: textWordsOf(text), when the caller has it). */
export const pythonTextMarksOf = (text: string, words: number = textWordsOf(text)): PythonTextMark[] => {
  const marks: PythonTextMark[] = [];
  if (words & TextWord.Import) marks.push('import_');
  if (words & TextWord.Path) marks.push('__path__');
  if (holdsSourceStringCall(text) && RUNS_SOURCE_TEXT.test(text)) marks.push('runs-source');
  if (holdsModulePrefixArg(text)) marks.push('module-prefix');
  return marks;
};

/** Whether a .py file's text may hold `mark`: false only when extraction recorded its marks and `mark` is not among them. */
export const mayHoldPythonMark = (marks: readonly string[] | undefined, mark: PythonTextMark): boolean => marks === undefined || marks.includes(mark);
