/**
 * The scan's files by the language census read them as (`python` for a `.py` file and for a script
 * whose shebang runs Python), for a reader that reads one language's files alone: it walks those,
 * not every repo path asking each one's facts (entry-point-scripts on payload: 7,383 lookups for
 * no Python file).
 */
import { byString } from '../util/compare.js';

/** Each language's files in byString order (sortedPaths' order), grouped on the first question. */
export const filesOfLanguageIn = (files: readonly { path: string; language: string }[]): ((language: string) => readonly string[]) => {
  let byLanguage: Map<string, string[]> | undefined;
  return (language) => {
    if (byLanguage === undefined) {
      byLanguage = new Map();
      for (let i = 0; i < files.length; i++) {
        const list = byLanguage.get(files[i].language);
        if (list === undefined) byLanguage.set(files[i].language, [files[i].path]);
        else list.push(files[i].path);
      }
      for (const list of byLanguage.values()) list.sort(byString);
    }
    return byLanguage.get(language) ?? [];
  };
};
