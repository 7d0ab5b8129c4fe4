/**
 * The bare `.json` file names a JS/TS text quotes (`'ungit-plugin.json'`: no folder, no
 * interpolation), recorded at extraction where the text is at hand, so frameworks/js/manifest-files.ts
 * reads only the code files that quote a name some manifest of the repo has (#19: it read every
 * code file naming a `.json` again, ~75 ms on payload, most of them for `'package.json'` alone).
 * Comments count too: the set is a superset of what the reader finds in the text with its comments
 * blanked (blanking keeps a quoted name's characters and offsets), and the reader's own test decides.
 */

/** A character a bare name may hold after its first (`[\w.@+-]`; the first is not a `.`). */
const NAME_CHAR = /[\w.@+-]/;
const QUOTES = '\'"`';

/**
 * Each distinct quoted bare name ending `.json`, in the order first quoted: a search for `.json`
 * followed by a quote, and the name's characters walked back to the same quote. Every match of
 * `(['"`])([\w@+-][\w.@+-]*\.json)\1` in the text, comments blanked or not, is among them.
 */
export const quotedJsonNames = (text: string): string[] => {
  const out: string[] = [];
  for (let at = text.indexOf('.json'); at >= 0; at = text.indexOf('.json', at + 5)) {
    const quote = text[at + 5];
    if (quote === undefined || !QUOTES.includes(quote)) continue;
    let start = at;
    while (start > 0 && NAME_CHAR.test(text[start - 1])) start--;
    if (start === 0 || text[start - 1] !== quote || text[start] === '.') continue;
    const name = text.slice(start, at + 5);
    if (!out.includes(name)) out.push(name);
  }
  return out;
};
