/**
 * Strings that outlive the text they came from. V8 makes a substring or regex match of 13 or
 * more characters a *slice* that points into its parent, and a concatenation a *rope* of its
 * parts: a module name a reader matched in a 400 KB test file keeps that whole file in memory
 * for as long as the edge that quotes it lives (at 100k files, about 160 MB of re-read source
 * texts held by framework references alone). These helpers return a string of its own.
 */

/** `text` as one flat string that holds no other string alive (a copy when it is a slice or a rope). */
export const ownString = (text: string): string => (text.length < 13 ? text : (` ${text}`).slice(1));

/** The parts joined into one flat string: a sentence built once and kept, not a rope of its pieces. */
export const joined = (...parts: (string | number)[]): string => parts.join('');
