/**
 * Stop 53: the extractor's gate for frameworks/python/code-templates.ts. A triple-quoted string whose
 * content has a line starting `from ` or `import ` at its column 0 may be Python source the module
 * writes out (buildbot-worker's tac template); the reader reads the few files that hold one. A
 * char loop over the string's own bytes: a regex from the string's start would run on past its end
 * to the file's own imports, on every docstring of the file.
 */
/** Strings noted per file: a hostile file of thousands costs no more. */
export const MAX_TEMPLATE_LINES = 50;

const startsWord = (text: string, at: number, word: string): boolean => {
  if (!text.startsWith(word, at)) return false;
  const next = text.charCodeAt(at + word.length);
  return next === 32 || next === 9;
};

const importAt = (text: string, at: number): boolean => startsWord(text, at, 'from') || startsWord(text, at, 'import');

/** Some line of text[start, end) (the first counts from start) begins with `from ` or `import `. */
export const holdsImportLine = (text: string, start: number, end: number): boolean => {
  if (start >= end) return false;
  if (importAt(text, start)) return true;
  for (let i = text.indexOf('\n', start); i !== -1 && i + 1 < end; i = text.indexOf('\n', i + 1)) {
    if (importAt(text, i + 1)) return true;
  }
  return false;
};
