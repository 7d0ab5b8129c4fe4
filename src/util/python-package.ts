/**
 * Python packages: importing a module runs every package `__init__.py` above it first, and the
 * evidence of an edge to such a package says so in one wording, whichever reader found it.
 */

/** Whether `path` is a package's `__init__.py`. */
export const isPackageInit = (path: string): boolean => path === '__init__.py' || path.endsWith('/__init__.py');

/** Why a package's `__init__.py` runs when a module below it is imported or named. */
export const PACKAGE_RUNS_FIRST = 'Python runs a package before its modules';

/**
 * `sentence` with the package note: inside its closing parenthetical when it ends with one
 * (cinder's "(mock.patch imports … to patch its attribute; Python runs a package before its
 * modules)"), so two parentheticals never stand in a row; else as one of its own.
 */
export const withPackageNote = (sentence: string): string => {
  if (sentence.endsWith(')')) {
    let depth = 0;
    for (let i = sentence.length - 1; i >= 0; i--) {
      const c = sentence[i];
      if (c === ')') depth++;
      else if (c === '(' && --depth === 0) {
        // A closing parenthetical opens after a space; a call's parentheses (`main()`) do not.
        if (i > 0 && sentence[i - 1] === ' ' && i < sentence.length - 2) return `${sentence.slice(0, -1)}; ${PACKAGE_RUNS_FIRST})`;
        break;
      }
    }
  }
  return `${sentence} (${PACKAGE_RUNS_FIRST})`;
};
