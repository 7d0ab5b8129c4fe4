/**
 * A few words some framework readers look for in every JS/TS file before they read it closely
 * (`__dirname` for paths anchored at a module's folder, `static(` for served folders, `readdir` and
 * `glob` for folder loaders, `require(` and `import(` for computed loads, `pathsToAdapters` for an
 * adapter manager's folders, `threads` for the threads package's workers; `endFile`/`endfile`,
 * `views`, `render(`, `Worker` and `importScripts` for the files a server sends and the scripts a
 * browser fetches by URL, served-files.ts; `declare` for a source's module augmentation,
 * entries/tsconfig-augmentations.ts, stop 49; `StaticAssets` for NestJS's `app.useStaticAssets(dir)`,
 * static-dirs.ts, stop 59). The set is part of the
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
export const TEXT_MARKS = ['dirname', 'tatic(', 'readdir', 'glob', 'require(', 'import(', 'pathsToAdapters', 'threads', 'endFile', 'endfile', 'views', 'render(', 'Worker', 'importScripts', 'declare', 'StaticAssets'] as const;
export type TextMark = (typeof TEXT_MARKS)[number];

const ANY_MARK = /dirname|tatic\(|readdir|[gG]lob(?!al)|require\(|import\(|pathsToAdapters|threads|endFile|endfile|views|render\(|Worker|importScripts|declare|StaticAssets/g;

/** The marks the text holds, in TEXT_MARKS order. One pass of one pattern, stopping once all are seen. */
export const textMarksOf = (text: string): TextMark[] => {
  let seen = 0;
  ANY_MARK.lastIndex = 0;
  for (let m = ANY_MARK.exec(text); m !== null; m = ANY_MARK.exec(text)) {
    seen |= 1 << TEXT_MARKS.indexOf((m[0] === 'Glob' ? 'glob' : m[0]) as TextMark);
    if (seen === (1 << TEXT_MARKS.length) - 1) break;
    // Marks may overlap (`readdirname`): the next try starts one character on, not after the match.
    ANY_MARK.lastIndex = m.index + 1;
  }
  return TEXT_MARKS.filter((_, i) => (seen & (1 << i)) !== 0);
};
