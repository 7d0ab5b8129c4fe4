/**
 * Issue 19: what a few Python readers look for in every .py file before they read it closely,
 * recorded at extraction where the text is at hand (as languages/javascript/text-marks.ts does for
 * JS/TS), so each reads only the files that can pass. On saleor (4,338 .py) protocol-attributes,
 * source-text-imports and finder-package-paths each read every file again, and the first of them
 * read 28 MB from disk and kept it for the whole scan.
 *
 * - `import_`: protocol-attributes' computed imports (`import_module`, `import_string`, `__import__`
 *   all hold it);
 * - `__path__`: finder-package-paths' path finders over a package's `__path__`;
 * - `runs-source`: RUNS_SOURCE_TEXT, source-text-imports' own test (a runner handed a string that
 *   opens with an import statement), taken whole: no cheaper word is a superset of it (the runners'
 *   names, `push` and `compile`, are in hundreds of files).
 *
 * Anywhere in the text counts, comments and strings too: each mark is a superset of its reader's
 * own test on the text, which still decides (test/languages/python-text-marks.test.ts). The set is
 * part of the facts (FileFacts.textMarks, which JS/TS files hold with their own words): a new mark
 * needs a new Python extractor version. Recorded only where the extractor's text is the file's
 * UTF-8 as a reader reads it; a file without marks is read as before.
 */

export const PYTHON_TEXT_MARKS = ['import_', '__path__', 'runs-source'] as const;
export type PythonTextMark = (typeof PYTHON_TEXT_MARKS)[number];

/** A runner called with a string literal that opens with an import statement (source-text-imports' candidates). */
export const RUNS_SOURCE_TEXT = /\b(?:exec|runsource|runcode|push|compile)\s*\(\s*[rRuU]?(?:'|")(?:''|"")?(?:\s|\\n)*(?:from|import)\s/;

/**
 * A string RUNS_SOURCE_TEXT's every match holds (its tail from the call's parenthesis): tested
 * first, as it starts at one character where the pattern's \b and five-word alternation start at
 * every position (saleor's 28 MB of .py: about 20 ms against 30; no file there holds it).
 */
const SOURCE_STRING_CALL = /\(\s*[rRuU]?(?:'|")(?:''|"")?(?:\s|\\n)*(?:from|import)\s/;

/** Either word mark: one pass over a text holding neither (most), where two `includes` made two. */
const WORD_MARKS = /import_|__path__/;

/** The marks `text` holds, in PYTHON_TEXT_MARKS order. */
export const pythonTextMarksOf = (text: string): PythonTextMark[] => {
  const marks: PythonTextMark[] = [];
  const first = WORD_MARKS.exec(text);
  if (first !== null) {
    // The first match is the leftmost of the two words; the other, if any, starts at or after it
    // (from its index, not its end: `import__path__` holds both, overlapping).
    if (first[0] === 'import_' || text.includes('import_', first.index)) marks.push('import_');
    if (first[0] === '__path__' || text.includes('__path__', first.index)) marks.push('__path__');
  }
  if (SOURCE_STRING_CALL.test(text) && RUNS_SOURCE_TEXT.test(text)) marks.push('runs-source');
  return marks;
};

/** Whether a .py file's text may hold `mark`: false only when extraction recorded its marks and `mark` is not among them. */
export const mayHoldPythonMark = (marks: readonly string[] | undefined, mark: PythonTextMark): boolean => marks === undefined || marks.includes(mark);
