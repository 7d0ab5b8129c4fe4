/**
 * Words a file is about, for cross-language overlap: split identifiers (camelCase, snake_case),
 * words of comments, docstrings and strings, and of the file name. Language keywords, English
 * filler and words every program uses are dropped, so what is left is the file's subject.
 */

export const STOP_WORDS: ReadonlySet<string> = new Set(
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


/** FNV-1a, one character at a time: a word's hash is built as its letters are read, in lower case. */
const FNV_OFFSET = 0x811c9dc5;
const fnv = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193) >>> 0;
const hashOf = (word: string): number => {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = fnv(h, word.charCodeAt(i));
  return h;
};

const S = 115;
const Y = 121;

/**
 * Distinct lower-case words, each kept once as a string with a count, found by hash and compared
 * character by character with a range of any text (its letters lowered as read). Most of a file's
 * words are repeats (payload: 1.28 M words, 348,000 of them distinct within their file), and a Map
 * keyed by strings cost a slice, a lower-casing and a stop-list lookup by string for every one.
 */
class WordTable {
  /** Slot number + 1 per table entry, 0 when empty; a power of two, at most half full. */
  private table = new Int32Array(1024);
  private mask = 1023;
  /** Table entries in use, so that emptying costs the last file's words, not the table's size. */
  private used = new Int32Array(512);
  hashes = new Uint32Array(512);
  counts = new Uint32Array(512);
  words: string[] = [];
  size = 0;

  clear(): void {
    for (let i = 0; i < this.size; i++) this.table[this.used[i]] = 0;
    this.size = 0;
    this.words.length = 0;
  }

  /**
   * The slot of the word text[from, to) in lower case followed by a `y` when `y` is set (hash:
   * its hash), or -1. Words are ASCII letters, so a letter's lower case is `c | 32`.
   */
  find(text: string, from: number, to: number, y: boolean, hash: number): number {
    const length = to - from + (y ? 1 : 0);
    for (let at = hash & this.mask; ; at = (at + 1) & this.mask) {
      const entry = this.table[at];
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.hashes[slot] !== hash) continue;
      const word = this.words[slot];
      if (word.length !== length) continue;
      let i = 0;
      while (from + i < to && (text.charCodeAt(from + i) | 32) === word.charCodeAt(i)) i++;
      if (from + i === to && (!y || word.charCodeAt(i) === Y)) return slot;
    }
  }

  /** The slot of a word already in lower case, or -1. */
  findWord(word: string): number {
    return this.find(word, 0, word.length, false, hashOf(word));
  }

  /** A new slot for `word` (which find did not know), with count 0. */
  add(word: string, hash: number): number {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    const slot = this.size++;
    this.hashes[slot] = hash;
    this.counts[slot] = 0;
    this.words[slot] = word;
    let at = hash & this.mask;
    while (this.table[at] !== 0) at = (at + 1) & this.mask;
    this.table[at] = slot + 1;
    this.used[slot] = at;
    return slot;
  }

  private grow(): void {
    const capacity = this.table.length * 2;
    this.table = new Int32Array(capacity);
    this.mask = capacity - 1;
    const hashes = new Uint32Array(capacity >> 1);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const counts = new Uint32Array(capacity >> 1);
    counts.set(this.counts);
    this.counts = counts;
    this.used = new Int32Array(capacity >> 1);
    for (let slot = 0; slot < this.size; slot++) {
      let at = this.hashes[slot] & this.mask;
      while (this.table[at] !== 0) at = (at + 1) & this.mask;
      this.table[at] = slot + 1;
      this.used[slot] = at;
    }
  }
}

const stopWords = new WordTable();
for (const word of STOP_WORDS) stopWords.add(word, hashOf(word));

/**
 * Sorting a file's words (`TermCounter.sorted`): each word is a-z only (addOf splits at anything
 * else and lowers the letters), so its first KEY_LETTERS letters read as a base-27 number (a = 1
 * … z = 26, 0 past the end) order the words as `<` does, and a typed array of those numbers with
 * the slot below them (prefix * KEY_SLOTS + slot < 27^8 * 2^14 < 2^53) sorts natively, without the
 * default sort's two string comparisons per step (payload: 348,000 words in 7,074 files, the
 * largest part of fingerprinting after the tokenizer).
 */
const KEY_LETTERS = 8;
const KEY_SLOTS = 1 << 14;
let keyWork = new Float64Array(1024);

/** The words' keys in order (a view of a work array, valid until the next call), or null if a word is not all a-z. */
const sortKeys = (words: string[], size: number): Float64Array | null => {
  if (keyWork.length < size) keyWork = new Float64Array(Math.max(size, 2 * keyWork.length));
  const keys = keyWork;
  for (let slot = 0; slot < size; slot++) {
    const word = words[slot];
    let key = 0;
    for (let i = 0; i < KEY_LETTERS; i++) {
      let digit = 0;
      if (i < word.length) {
        digit = word.charCodeAt(i) - 96;
        if (digit < 1 || digit > 26) return null;
      }
      key = key * 27 + digit;
    }
    keys[slot] = key * KEY_SLOTS + slot;
  }
  return keys.subarray(0, size).sort();
};

/**
 * A file's subject words and how often each occurs (`add`, `addOf`), read out sorted (`sorted`).
 * One counter serves file after file (`clear`).
 *
 * Words: `fetchUserIDs2`, `fetch_user_ids`, `HTTPServer`, `FETCH-USER` split into lower-case
 * words: a word ends at anything that is not an ASCII letter, before an upper-case letter that
 * follows a lower-case one, and before the last capital of an acronym that runs into a lower-case
 * word; words under three letters and stop words are dropped, and a light plural fold makes
 * `workers`/`worker` and `latencies`/`latency` meet while `status`, `analysis`, `class` stay whole.
 */
export class TermCounter {
  private readonly words = new WordTable();

  clear(): void {
    this.words.clear();
  }

  /** Adds the subject words of `text`, each `weight` times. */
  add(text: string, weight = 1): void {
    this.addOf(text, 0, text.length, weight);
  }

  /** Adds the subject words of text[start, end), each `weight` times. */
  addOf(text: string, start: number, end: number, weight = 1): void {
    // The letter tests are written out: census runs V8 without inlining (bin/engine.js), and a call
    // per character of every identifier, string and comment was most of this loop.
    let from = -1;
    for (let i = start; i <= end; i++) {
      const c = i < end ? text.charCodeAt(i) : 0;
      const lower = c | 32;
      if (lower < 97 || lower > 122) {
        // not an ASCII letter
        if (from >= 0 && i - from >= 3) this.take(text, from, i, weight);
        from = -1;
      } else if (from < 0) {
        from = i;
      } else if (c <= 90) {
        // upper case
        const prev = text.charCodeAt(i - 1);
        if (prev >= 97 || (i + 1 < end && text.charCodeAt(i + 1) >= 97 && text.charCodeAt(i + 1) <= 122)) {
          if (i - from >= 3) this.take(text, from, i, weight);
          from = i;
        }
      }
    }
  }

  /** Counts the word text[from, to) (three letters or more) unless it is a stop word, folded. */
  private take(text: string, from: number, to: number, weight: number): void {
    // One pass hashes the whole word and the two folds' stems: without the last letter, without the last three.
    let h = FNV_OFFSET;
    let h1 = 0;
    let h3 = 0;
    for (let i = from; i < to; i++) {
      if (i === to - 3) h3 = h;
      if (i === to - 1) h1 = h;
      h = Math.imul(h ^ (text.charCodeAt(i) | 32), 0x01000193) >>> 0;
    }
    if (stopWords.find(text, from, to, false, h) >= 0) return;
    let stop = to;
    let y = false;
    let hash = h;
    const n = to - from;
    if (n > 4 && (text.charCodeAt(to - 1) | 32) === S) {
      if ((text.charCodeAt(to - 3) | 32) === 105 /* i */ && (text.charCodeAt(to - 2) | 32) === 101 /* e */) {
        // -ies → -y
        stop = to - 3;
        y = true;
        hash = fnv(h3, Y);
      } else {
        const before = text.charCodeAt(to - 2) | 32;
        if (before !== S && before !== 117 /* u */ && before !== 105 /* i */) {
          stop = to - 1;
          hash = h1;
        }
      }
    }
    const table = this.words;
    let slot = table.find(text, from, stop, y, hash);
    if (slot < 0) {
      const stem = text.slice(from, stop).toLowerCase();
      slot = table.add(y ? `${stem}y` : stem, hash);
    }
    table.counts[slot] += weight;
  }

  /** The distinct words in UTF-16 code unit order (as `<` compares) and their counts. */
  sorted(): { terms: string[]; counts: Uint32Array } {
    const table = this.words;
    const size = table.size;
    if (size < KEY_SLOTS) {
      const order = sortKeys(table.words, size);
      if (order !== null) {
        const terms = new Array<string>(size);
        const counts = new Uint32Array(size);
        for (let i = 0; i < size; i++) {
          const slot = order[i] % KEY_SLOTS;
          terms[i] = table.words[slot];
          counts[i] = table.counts[slot];
        }
        // Words that share their first KEY_LETTERS letters came out in slot order: an insertion sort of each such run.
        for (let i = 0; i < size; ) {
          const prefix = Math.floor(order[i] / KEY_SLOTS);
          let j = i + 1;
          while (j < size && Math.floor(order[j] / KEY_SLOTS) === prefix) j++;
          for (let a = i + 1; a < j; a++) {
            const term = terms[a];
            const count = counts[a];
            let b = a - 1;
            for (; b >= i && terms[b] > term; b--) {
              terms[b + 1] = terms[b];
              counts[b + 1] = counts[b];
            }
            terms[b + 1] = term;
            counts[b + 1] = count;
          }
          i = j;
        }
        return { terms, counts };
      }
    }
    // The default order, without a call per comparison.
    const terms = table.words.slice(0, size).sort();
    const counts = new Uint32Array(terms.length);
    for (let i = 0; i < terms.length; i++) counts[i] = table.counts[table.findWord(terms[i])];
    return { terms, counts };
  }
}
