/**
 * What folder-requires asks of one file for each listing in it, answered from tables built once per
 * file. It used to ask by walking every require after the listing (a new RegExp each), every
 * function header before it and the whole rest of the text for a join: per listing, so a minified
 * bundle of thousands of listings was quadratic (review s59: a 480 KB bundle took 39 s, a 990 KB one
 * 144 s). Each answer here is the one the walk gave: the same first match, found by binary search.
 */
import { lowerBound } from '../../util/lower-bound.js';
import { IDENTIFIER } from '../../languages/javascript/js-text.js';

/** The last match of `pattern` (global) in `text.slice(0, index)`, as `text.slice(0, index).matchAll(pattern)` gives it. */
export const lastMatchBefore = (matches: RegExpExecArray[], text: string, index: number, pattern: RegExp): RegExpMatchArray | null => {
  // Matches of the whole text that end by `index` are the prefix's matches too; a match that
  // starts before `index` and ends past it may match differently in the prefix: walk that prefix.
  const k = lowerBound(matches, (m) => m.index + m[0].length, index + 1);
  const crossing = matches[k];
  if (crossing !== undefined && crossing.index < index) {
    let last: RegExpMatchArray | null = null;
    for (const m of text.slice(0, index).matchAll(pattern)) last = m;
    return last;
  }
  return k > 0 ? matches[k - 1] : null;
};

/** A require or import call with a computed argument: where it is, its argument text. */
export type RequireCall = RegExpMatchArray & { index: number };

/** Identifiers of an argument not read as a property (`name` in `path.join(name, f)`, not in `x.name`). */
const TOKEN = /[\w$]+/g;

/**
 * The requires of one file indexed by what requiresFrom tests: the names their arguments read
 * (`(?:^|[^\w$.])name(?![\w$])`), and whether they read the loader's own folder.
 */
export class RequireIndex {
  /** Every require's place, and those whose argument is a bare name (BARE_NAME). */
  readonly all: number[];
  readonly bare: number[];
  private readonly byToken = new Map<string, number[]>();
  private readonly own: number[] = [];
  private readonly memo = new Map<string, { many: number[]; one: number[] }>();
  /** The requires by the [\w$] runs of their argument without whitespace: candidates for textTest. */
  private readonly bySquashedToken = new Map<string, number[]>();
  private readonly direct = new Map<string, number[]>();

  constructor(
    readonly requires: RequireCall[],
    ownTest: (arg: string) => boolean,
    private readonly textTest: (arg: string, expr: string) => boolean,
    private readonly oneTest: (arg: string) => boolean,
    bareTest: (arg: string) => boolean,
  ) {
    this.all = requires.map((_, i) => i);
    this.bare = this.all.filter((i) => bareTest(requires[i][1]));
    requires.forEach((r, i) => {
      const arg = r[1];
      const seen = new Set<string>();
      for (const t of arg.matchAll(TOKEN)) {
        const at = t.index ?? 0;
        // A run after a `.` is a property, no name the pattern accepts.
        if ((at > 0 && arg[at - 1] === '.') || seen.has(t[0])) continue;
        seen.add(t[0]);
        let list = this.byToken.get(t[0]);
        if (list === undefined) this.byToken.set(t[0], (list = []));
        list.push(i);
      }
      if (ownTest(arg)) this.own.push(i);
      const squashedSeen = new Set<string>();
      for (const t of arg.replace(/\s+/g, '').matchAll(TOKEN)) {
        if (squashedSeen.has(t[0])) continue;
        squashedSeen.add(t[0]);
        let list = this.bySquashedToken.get(t[0]);
        if (list === undefined) this.bySquashedToken.set(t[0], (list = []));
        list.push(i);
      }
    });
  }

  /**
   * The requires (their places, in order) whose argument is built from `expr` as requiresFrom
   * decided it: `one`, those that join it to one literal file (namesOneFile), `many` the others.
   */
  from(expr: string, name: string | null, ownFolder: boolean): { many: number[]; one: number[] } {
    const key = `${ownFolder ? 1 : 0}\u0000${expr}`;
    let out = this.memo.get(key);
    if (out !== undefined) return out;
    const direct = name !== null ? (this.byToken.get(name) ?? []) : this.holding(expr);
    const places = ownFolder ? [...new Set([...direct, ...this.own])].sort((a, b) => a - b) : direct;
    out = { many: places.filter((i) => !this.oneTest(this.requires[i][1])), one: places.filter((i) => this.oneTest(this.requires[i][1])) };
    this.memo.set(key, out);
    return out;
  }

  /**
   * The requires whose argument holds the expression (textTest, which holds only when the argument
   * without whitespace holds the expression without whitespace). Such an argument holds each [\w$]
   * run inside the squashed expression (one with a non-[\w$] character on both sides) as a run of its
   * own, so only the requires holding its rarest such run are tested: one test per require each, not
   * every require per expression (thousands of `path.join(__dirname, 'aN')` listings were quadratic).
   */
  private holding(expr: string): number[] {
    const squashed = expr.replace(/\s+/g, '');
    let out = this.direct.get(squashed);
    if (out !== undefined) return out;
    let fewest: number[] | null = null;
    for (const t of squashed.matchAll(TOKEN)) {
      const at = t.index ?? 0;
      const end = at + t[0].length;
      if (at === 0 || end === squashed.length) continue;
      const list = this.bySquashedToken.get(t[0]) ?? [];
      if (fewest === null || list.length < fewest.length) fewest = list;
    }
    out = (fewest ?? this.all).filter((i) => this.textTest(this.requires[i][1], expr));
    this.direct.set(squashed, out);
    return out;
  }

  /** The first of `places` (ordered) whose require is after `after` and before `before` and passes `keep`. */
  first(places: number[], after: number, before: number, keep: (r: RequireCall) => boolean): RequireCall | undefined {
    for (let k = lowerBound(places, (i) => this.requires[i].index, after + 1); k < places.length; k++) {
      const r = this.requires[places[k]];
      if (r.index >= before) return undefined;
      if (keep(r)) return r;
    }
    return undefined;
  }
}

/**
 * Every match of a pattern built per key (a folder expression) as "the first match after a position,
 * ending by another", by binary search. A name's matches come from one scan of the text with the
 * name left open (`byName`, its group 1 the name), so thousands of listed names cost one scan; any
 * other key's (`path.join(__dirname, 'a')`) from a scan of its own, once.
 */
export class MatchesByKey {
  private readonly memo = new Map<string, { start: number; end: number }[]>();
  private opened?: { byArgument: Map<string, number[]>; long: number[] };

  constructor(
    private readonly text: string,
    private readonly patternOf: (key: string) => RegExp,
    private readonly byName: RegExp,
    /** The pattern's text before the key (`\b(?:join|resolve)\(\s*`), global: where a match may start. */
    private readonly opens: RegExp,
  ) {}

  /**
   * Where each match of `opens` starts, by the first argument after it without whitespace (to its
   * first `,` outside brackets and quotes): a key's matches are among those whose argument is the
   * key's (a key with no `,` outside brackets and quotes, as every folder expression is), so each key
   * is looked up, not searched for over the text (thousands of `path.join(__dirname, 'aN')` keys were
   * quadratic). An argument longer than ARGUMENT_SCAN is kept apart and tried for every key.
   */
  private openings(): { byArgument: Map<string, number[]>; long: number[] } {
    if (this.opened !== undefined) return this.opened;
    const byArgument = new Map<string, number[]>();
    const long: number[] = [];
    for (const m of this.text.matchAll(this.opens)) {
      const start = m.index ?? 0;
      const argument = firstArgument(this.text, start + m[0].length, ARGUMENT_SCAN);
      // An argument no key can be (`resolve(p)`, closed before any comma) is not kept: kept with the
      // long ones, each was tried for every key, and a file of single-argument resolve calls was quadratic.
      if (argument === undefined) long.push(start);
      else if (argument !== null) {
        const list = byArgument.get(argument);
        if (list === undefined) byArgument.set(argument, [start]);
        else list.push(start);
      }
    }
    return (this.opened = { byArgument, long });
  }

  private matchesOf(key: string): { start: number; end: number }[] {
    let all = this.memo.get(key);
    if (all !== undefined) return all;
    if (IDENTIFIER.test(key)) {
      if (!this.memo.has('\u0000')) {
        this.memo.set('\u0000', []);
        for (const m of this.text.matchAll(this.byName)) {
          let list = this.memo.get(m[1]);
          if (list === undefined) this.memo.set(m[1], (list = []));
          list.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
        }
      }
      return this.memo.get(key) ?? [];
    }
    const squashed = key.replace(/\s+/g, '');
    if (firstArgument(squashed, 0, Infinity) === squashed) {
      // The key's own pattern, tried only where an opening's argument is the key: its matches start
      // where `opens` matches (neither can start inside another), so they are the scan's.
      const { byArgument, long } = this.openings();
      const sticky = new RegExp(this.patternOf(key).source, 'y');
      const starts = [...(byArgument.get(squashed) ?? []), ...long].sort((a, b) => a - b);
      all = [];
      for (const start of starts) {
        sticky.lastIndex = start;
        const m = sticky.exec(this.text);
        if (m !== null) all.push({ start, end: start + m[0].length });
      }
    } else all = [...this.text.matchAll(this.patternOf(key))].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
    this.memo.set(key, all);
    return all;
  }

  /** Where the first match at or after `from` starts, when it ends by `to`; null when none does. */
  firstIn(key: string, from: number, to: number): { start: number; end: number } | null {
    const all = this.matchesOf(key);
    const m = all[lowerBound(all, (x) => x.start, from)];
    return m !== undefined && m.end <= to ? m : null;
  }
}

/** How far an opening's first argument is read (MatchesByKey.openings); a longer one is tried for every key. */
const ARGUMENT_SCAN = 512;

/**
 * The text from `from` to the first `,` outside brackets and quotes, without whitespace. Null when
 * there is none: a bracket closes first, or the text ends inside a quote or before a `,` (no key,
 * balanced and followed by a `,`, can be read there); undefined when the `limit` characters end first
 * (any key may still be). Quotes are read as FOLDER writes them: to the next same quote, no escapes.
 */
export const firstArgument = (text: string, from: number, limit: number): string | null | undefined => {
  let depth = 0;
  const end = Math.min(text.length, from + limit);
  const cut = end < text.length ? undefined : null;
  // Character codes and one slice at the end, not a string built a character at a time and a pattern
  // per character: every opening of a text is read up to 512 characters (a line of 190,000 nested
  // `join(` took 1.9 s so, the start build's scans 9 ms).
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 34 || c === 96) {
      const close = text.indexOf(text[i], i + 1);
      if (close < 0 || close >= end) return cut;
      i = close;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) return null;
      depth--;
    } else if (c === 44 && depth === 0) return squashed(text.slice(from, i));
  }
  return limit === Infinity && depth === 0 ? squashed(text.slice(from, end)) : cut;
};

/** A text without its whitespace (as `\s`), sliced only when it holds some. */
const squashed = (text: string): string => (/\s/.test(text) ? text.replace(/\s+/g, '') : text);
