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

/** `text.slice(start, end)` in lower case: words are ASCII letters, so one without a capital is its own slice. */
const lowerSlice = (text: string, start: number, end: number, capitals: boolean): string =>
  capitals ? text.slice(start, end).toLowerCase() : text.slice(start, end);

/**
 * Splits `fetchUserIDs2`, `fetch_user_ids`, `HTTPServer`, `FETCH-USER` (text[start, end)) into
 * lower-case words, handing each to `take`: a word ends at anything that is not an ASCII letter,
 * before an upper-case letter that follows a lower-case one, and before the last capital of an
 * acronym that runs into a lower-case word. Words shorter than `minLength` are skipped.
 */
const eachWord = (text: string, start: number, end: number, minLength: number, take: (from: number, to: number, capitals: boolean) => void): void => {
  let from = -1;
  let capitals = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    if (!isUpper(c) && !isLower(c)) {
      if (from >= 0 && i - from >= minLength) take(from, i, capitals);
      from = -1;
    } else if (from < 0) {
      from = i;
      capitals = isUpper(c);
    } else if (isUpper(c)) {
      const prev = text.charCodeAt(i - 1);
      // The letter after the range is not looked at: a range ends a word as its end does.
      if (isLower(prev) || (isUpper(prev) && i + 1 < end && isLower(text.charCodeAt(i + 1)))) {
        if (i - from >= minLength) take(from, i, capitals);
        from = i;
      }
      capitals = true;
    }
  }
};

/** The words of `text`, as eachWord splits them. */
export const splitWords = (text: string): string[] => {
  const words: string[] = [];
  eachWord(text, 0, text.length, 1, (from, to, capitals) => words.push(lowerSlice(text, from, to, capitals)));
  return words;
};

const S = 115;
/** A light plural fold so `workers`/`worker` and `latencies`/`latency` meet; `status`, `analysis`, `class` stay whole. */
const fold = (word: string): string => {
  const n = word.length;
  if (n <= 4 || word.charCodeAt(n - 1) !== S) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  const before = word.charCodeAt(n - 2);
  return before === S || before === 117 /* u */ || before === 105 /* i */ ? word : word.slice(0, -1);
};

/** Adds the subject words of text[start, end) to `counts`, each `weight` times. */
export const addTermsOf = (counts: Map<string, number>, text: string, start: number, end: number, weight = 1): void => {
  eachWord(text, start, end, 3, (from, to, capitals) => {
    const raw = lowerSlice(text, from, to, capitals);
    if (STOP_WORDS.has(raw)) return;
    const word = fold(raw);
    counts.set(word, (counts.get(word) ?? 0) + weight);
  });
};

/** Adds the subject words of `text` to `counts`, each `weight` times. */
export const addTerms = (counts: Map<string, number>, text: string, weight = 1): void => addTermsOf(counts, text, 0, text.length, weight);
