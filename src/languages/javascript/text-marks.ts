/**
 * A few words some framework readers look for in every JS/TS file before they read it closely
 * (`__dirname` for paths anchored at a module's folder, `static(` for served folders, `readdir` and
 * `glob` for folder loaders, `require(` and `import(` for computed loads, `pathsToAdapters` for an
 * adapter manager's folders, `threads` for the threads package's workers; `endFile`/`endfile`,
 * `views`, `render(`, `Worker` and `importScripts` for the files a server sends and the scripts a
 * browser fetches by URL, served-files.ts; `declare` for a source's module augmentation,
 * entries/tsconfig-augmentations.ts, stop 49; `StaticAssets` for NestJS's `app.useStaticAssets(dir)`,
 * static-dirs.ts, stop 59; `require.resolve(` for a path looked up in a table, registry-requires.ts,
 * stop 64; `@import` for a JSDoc import a type names, type-references.ts, stop 66). The set is part of the
 * facts: a new mark needs a new JAVASCRIPT_EXTRACTOR_VERSION. Recorded at extraction,
 * where the text is at hand, so those readers read only the files that hold them: reading every
 * code file again was most of their cost. Anywhere in the text counts, comments and strings too:
 * the set is a superset of each reader's own test on the text, which still decides.
 */

/**
 * Each mark is a substring; `tatic(` stands for both `static(` and `serveStatic(`. `glob` is one
 * not followed by `al`: every listing call a reader looks for (`glob(`, `globSync(`, `glob.sync(`)
 * has it, and `global`, in most files (payload: 724 of 7,062, 29 of them with a listing), does not.
 * A capital `Glob` counts too (stop 55): a project's own wrapper, actionhero's `safeGlobSync(…)`.
 */
export const TEXT_MARKS = ['dirname', 'tatic(', 'readdir', 'glob', 'require(', 'require.resolve(', 'import(', 'pathsToAdapters', 'threads', 'endFile', 'endfile', 'views', 'render(', 'Worker', 'importScripts', 'declare', 'StaticAssets', '@import'] as const;
export type TextMark = (typeof TEXT_MARKS)[number];

/**
 * How textMarksOf finds the marks of six characters or more: one pass of a Wu-Manber search, which
 * looks at two characters per window of six and moves on by up to five. It was one regex of all
 * the marks, which V8 tries at every character of every code file (payload: 26 M characters of
 * JS/TS, ~68 ms warm; the marks share no letters that let the regex engine skip); the search
 * reads about a fifth of the characters, and the two short marks (`glob`/`Glob`, `views`) are
 * found by indexOf, which skips to their first letter natively: ~45 ms in all. A mark is "the text
 * holds this substring" (`glob` one not followed by `al`), so the set is the regex's: no mark is a
 * prefix of another, so the regex's one match at a position never hid another mark there.
 */
const WINDOW = 6;
const SHORT_MARKS = new Set<TextMark>(['glob', 'views']);
/**
 * How far the window may move on when it ends in a pair of characters (the table index of the
 * pair: each character's low seven bits, so one past ASCII shares the slot of an ASCII one, which
 * can only make a shift shorter and a window checked in vain): how far that pair stands from the
 * sixth character of some long mark, at most five.
 */
const SHIFT = new Uint8Array(1 << 14).fill(WINDOW - 1);
/** The long marks whose fifth and sixth characters are the pair (a window ending so is checked), and their bits. */
const ENDING_IN: Array<string[] | undefined> = [];
const BITS_ENDING_IN: Array<number[] | undefined> = [];
const pairKey = (a: number, b: number): number => ((a & 127) << 7) | (b & 127);
TEXT_MARKS.forEach((mark, i) => {
  if (SHORT_MARKS.has(mark)) return;
  for (let j = 1; j < WINDOW; j++) {
    const key = pairKey(mark.charCodeAt(j - 1), mark.charCodeAt(j));
    SHIFT[key] = Math.min(SHIFT[key], WINDOW - 1 - j);
  }
  const key = pairKey(mark.charCodeAt(WINDOW - 2), mark.charCodeAt(WINDOW - 1));
  (ENDING_IN[key] ??= []).push(mark);
  (BITS_ENDING_IN[key] ??= []).push(1 << i);
});
const GLOB = 1 << TEXT_MARKS.indexOf('glob');
const VIEWS = 1 << TEXT_MARKS.indexOf('views');

/** Whether `word` (`glob` or `Glob`) stands in the text somewhere not followed by `al`. */
const holdsGlob = (text: string, word: string): boolean => {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (text.charCodeAt(at + 4) !== 97 || text.charCodeAt(at + 5) !== 108) return true;
  return false;
};

/** The marks the text holds, in TEXT_MARKS order. */
export const textMarksOf = (text: string): TextMark[] => {
  let seen = 0;
  const n = text.length;
  for (let end = WINDOW - 1; end < n; ) {
    // pairKey spelled out: without TurboFan inlining (bin/engine.js) a helper is a call per window
    const key = ((text.charCodeAt(end - 1) & 127) << 7) | (text.charCodeAt(end) & 127);
    const shift = SHIFT[key];
    if (shift !== 0) {
      end += shift;
      continue;
    }
    const marks = ENDING_IN[key] as string[];
    const start = end - (WINDOW - 1);
    for (let k = 0; k < marks.length; k++) if (text.startsWith(marks[k], start)) seen |= (BITS_ENDING_IN[key] as number[])[k];
    end++;
  }
  if (holdsGlob(text, 'glob') || holdsGlob(text, 'Glob')) seen |= GLOB;
  if (text.includes('views')) seen |= VIEWS;
  // A loop, not a filter: `seen` read in a closure would live in a context slot, loaded and stored per window above.
  const marks: TextMark[] = [];
  for (let i = 0; seen !== 0 && i < TEXT_MARKS.length; i++) if ((seen & (1 << i)) !== 0) marks.push(TEXT_MARKS[i]);
  return marks;
};

// A text holding a long mark, a short one and a window checked in vain, read as the module loads:
// the compiled search then starts with feedback for each branch, where a first mark found after V8
// compiled it (its `|=` never run before) threw the compiled code away to compile it again. Ten
// times: V8 gives a function its feedback only after its first calls (lazy feedback allocation).
for (let i = 0; i < 10; i++) textMarksOf('declare glob views x.dirnam');
