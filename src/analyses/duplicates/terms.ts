/**
 * Words a file is about, for cross-language overlap: split identifiers (camelCase, snake_case),
 * words of comments, docstrings and strings, and of the file name. Language keywords, English
 * filler and words every program uses are dropped, so what is left is the file's subject.
 */

const STOP_WORDS = new Set(
  `the and for with this that from into are was were not but you your all any can will has have had its
  our out use used using does did doing done then than else when where which who what why how there here
  them they their these those each per via only also just more most some such very should would could
  may might must shall about after before over under above below between while until again once both
  same other own off being been get set let new old one two three first last next true false none null
  nil undefined self this cls def function const var return returns import export from class async await
  str int float bool string number boolean dict list tuple object array map len range print console log
  args kwargs argv arg param params value values val item items key keys obj tmp todo fixme xxx note
  http https www com org file files path name type types data result results error err exc exception main
  init usr bin env python python3 node bash echo test tests math floor ceil round length push append
  extend stringify parse promise resolve reject process sys utf encode decode isinstance enumerate zip
  super prototype require module exports dirname filename tostring`.split(/\s+/).filter(Boolean),
);

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;

/**
 * Splits `fetchUserIDs2`, `fetch_user_ids`, `HTTPServer`, `FETCH-USER` into lower-case words:
 * a word ends at anything that is not an ASCII letter, before an upper-case letter that follows a
 * lower-case one, and before the last capital of an acronym that runs into a lower-case word.
 */
export const splitWords = (text: string): string[] => {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (!isUpper(c) && !isLower(c)) {
      if (start >= 0) words.push(text.slice(start, i).toLowerCase());
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (isUpper(c)) {
      const prev = text.charCodeAt(i - 1);
      if (isLower(prev) || (isUpper(prev) && isLower(text.charCodeAt(i + 1)))) {
        words.push(text.slice(start, i).toLowerCase());
        start = i;
      }
    }
  }
  return words;
};

/** A light plural fold so `workers`/`worker` and `latencies`/`latency` meet; `status`, `analysis`, `class` stay whole. */
const fold = (word: string): string => {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
};

/** Adds the subject words of `text` to `counts`, each `weight` times. */
export const addTerms = (counts: Map<string, number>, text: string, weight = 1): void => {
  for (const raw of splitWords(text)) {
    if (raw.length < 3 || STOP_WORDS.has(raw)) continue;
    const word = fold(raw);
    counts.set(word, (counts.get(word) ?? 0) + weight);
  }
};
