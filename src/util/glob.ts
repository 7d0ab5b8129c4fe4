/**
 * Globs as census reads them everywhere (--include/--exclude, config globs, test-runner and tool
 * configs of the audited repo): a pattern also covers the folder below it (`scripts` →
 * `scripts/**`), a leading `./` is dropped, dot files match, `!pattern` negates.
 *
 * census matches globs itself instead of compiling them to regular expressions: a pattern read
 * from an audited repo (`*a*a*a*a*a*b`) makes a backtracking regex take exponential time on a long
 * file name (picomatch: 51 s on one 30-character path). Here a segment is matched with the
 * two-pointer wildcard algorithm (time bounded by segment × pattern length) and `**` by the same
 * algorithm over segments, so no pattern can hang a scan. Braces and `@(a|b)`/`?(a|b)` expand
 * (at most MAX_EXPANSIONS alternatives), and so do `+(…)` and `*(…)` as one and at most one
 * repetition; `!(…)` is not read (a warning names the pattern where it came from a repo file, an
 * error where the user wrote it).
 */

import { escapeRegExp } from './regexp.js';

/** How many alternatives brace expansion may produce from one pattern. */
export const MAX_EXPANSIONS = 256;
/** Longest pattern read; a longer one is rejected. */
export const MAX_PATTERN_LENGTH = 1024;

export class GlobError extends Error {}

type Token = { kind: 'literal'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; test: (c: string) => boolean };
type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: Token[] };

const closingBrace = (p: string, open: number): number => {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
};

const splitAlternatives = (body: string, separator: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') depth--;
    else if (c === separator && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
};

const numericRange = (body: string): string[] | null => {
  const m = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  if (!m) return null;
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (Math.abs(to - from) >= MAX_EXPANSIONS) throw new GlobError(`the range {${body}} expands to more than ${MAX_EXPANSIONS} alternatives`);
  const step = from <= to ? 1 : -1;
  const out: string[] = [];
  for (let n = from; n !== to + step; n += step) out.push(String(n));
  return out;
};

/** `a{b,c}d` → [`abd`, `acd`]; `@(x|y)` and `?(x|y)` likewise (the latter with the empty alternative). */
const expand = (pattern: string): string[] => {
  let results = [pattern];
  for (let round = 0; round < 64; round++) {
    let changed = false;
    const next: string[] = [];
    for (const p of results) {
      const at = findGroup(p);
      if (at === null) {
        next.push(p);
        continue;
      }
      changed = true;
      const { start, end, alternatives } = at;
      for (const alt of alternatives) next.push(p.slice(0, start) + alt + p.slice(end + 1));
      if (next.length > MAX_EXPANSIONS) throw new GlobError(`expands to more than ${MAX_EXPANSIONS} alternatives`);
    }
    results = next;
    if (!changed) return results;
  }
  throw new GlobError('braces nest too deeply');
};

const findGroup = (p: string): { start: number; end: number; alternatives: string[] } | null => {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = classEnd(p, i);
      if (close > i) i = close;
      continue;
    }
    // `@(a|b)` one of, `?(a|b)` at most one; `+(…)` and `*(…)` are read as one and at most one
    // repetition: exact for the names they are written for (Jest's `?(*.)+(spec|test).[jt]s?(x)`).
    if ((c === '@' || c === '?' || c === '+' || c === '*') && p[i + 1] === '(') {
      const close = closingParen(p, i + 1);
      if (close < 0) continue;
      const alternatives = splitAlternatives(p.slice(i + 2, close), '|');
      return { start: i, end: close, alternatives: c === '?' || c === '*' ? [...alternatives, ''] : alternatives };
    }
    if (c === '!' && p[i + 1] === '(' && closingParen(p, i + 1) > 0) {
      throw new GlobError(`the extended glob !(…) is not supported`);
    }
    if (c === '{') {
      const close = closingBrace(p, i);
      if (close < 0) continue;
      const body = p.slice(i + 1, close);
      const range = numericRange(body);
      const alternatives = range ?? splitAlternatives(body, ',');
      if (alternatives.length < 2) continue; // `{x}` is literal, as in bash
      return { start: i, end: close, alternatives };
    }
  }
  return null;
};

const closingParen = (p: string, open: number): number => {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
};

/** Index of the `]` closing a class opened at `open`, or -1 when it is a literal `[`. */
const classEnd = (p: string, open: number): number => {
  let i = open + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '/') return -1;
    else if (p[i] === ']') return i;
  }
  return -1;
};

const POSIX_CLASSES: Record<string, RegExp> = {
  alnum: /[A-Za-z0-9]/, alpha: /[A-Za-z]/, digit: /[0-9]/, lower: /[a-z]/, upper: /[A-Z]/, space: /\s/, word: /\w/, xdigit: /[A-Fa-f0-9]/,
};

const parseClass = (body: string): Token => {
  let negated = false;
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    negated = true;
    i = 1;
  }
  const singles = new Set<string>();
  const ranges: [string, string][] = [];
  const named: RegExp[] = [];
  for (; i < body.length; i++) {
    const posix = /^\[:(\w+):\]/.exec(body.slice(i));
    if (posix && POSIX_CLASSES[posix[1]]) {
      named.push(POSIX_CLASSES[posix[1]]);
      i += posix[0].length - 1;
      continue;
    }
    let c = body[i];
    if (c === '\\' && i + 1 < body.length) c = body[++i];
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let to = body[i + 2];
      i += 2;
      if (to === '\\' && i + 1 < body.length) to = body[++i];
      ranges.push([c, to]);
    } else singles.add(c);
  }
  const test = (ch: string): boolean => singles.has(ch) || ranges.some(([a, b]) => ch >= a && ch <= b) || named.some((r) => r.test(ch));
  return { kind: 'class', negated, test };
};

const tokenizeSegment = (segment: string): Token[] => {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) tokens.push({ kind: 'literal', char: segment[++i] });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const close = classEnd(segment, i);
      if (close < 0) tokens.push({ kind: 'literal', char: c });
      else {
        tokens.push(parseClass(segment.slice(i + 1, close)));
        i = close;
      }
    } else tokens.push({ kind: 'literal', char: c });
  }
  return tokens;
};

const tokenMatches = (t: Token, ch: string): boolean =>
  t.kind === 'any' ? true : t.kind === 'literal' ? t.char === ch : t.kind === 'class' ? t.test(ch) !== t.negated : false;

/**
 * One path segment against one segment pattern. The classic two-pointer wildcard match: on a
 * mismatch only the last `*` is retried one character further, so the work is bounded by
 * text × pattern length whatever the pattern.
 */
const matchSegment = (tokens: Token[], text: string): boolean => {
  let t = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < text.length) {
    // Never read past the end: an out-of-bounds read deoptimizes the optimized matcher (it is
    // compiled on in-bounds reads) and costs a recompile.
    const token = t < tokens.length ? tokens[t] : undefined;
    if (token && token.kind === 'star') {
      star = t++;
      resume = s;
    } else if (token && tokenMatches(token, text[s])) {
      t++;
      s++;
    } else if (star >= 0) {
      t = star + 1;
      s = ++resume;
    } else return false;
  }
  while (t < tokens.length && tokens[t].kind === 'star') t++;
  return t === tokens.length;
};

/**
 * A path's segments against a pattern's, `**` matching any number of them: the same algorithm one
 * level up. `tail`: where the pattern's closing run of `**` starts (its length when it ends in
 * none), so that the segments left when the path runs out are not read one by one: on the rare
 * path that ends first (`src` for `src/**`) that read deoptimized the matcher.
 */
const matchSegments = (pattern: Segment[], tail: number, parts: string[]): boolean => {
  let p = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < parts.length) {
    const seg = p < pattern.length ? pattern[p] : undefined;
    if (seg && seg.kind === 'globstar') {
      star = p++;
      resume = s;
    } else if (seg && matchSegment(seg.tokens, parts[s])) {
      p++;
      s++;
    } else if (star >= 0) {
      p = star + 1;
      s = ++resume;
    } else return false;
  }
  return p >= tail;
};

/** The segment's text when every token is a literal character, else null. */
const literalText = (segment: Segment): string | null =>
  segment.kind === 'tokens' && segment.tokens.every((t) => t.kind === 'literal') ? segment.tokens.map((t) => (t as { char: string }).char).join('') : null;

/**
 * A segment's literal text (literalText), read off the pattern's own spelling when it holds no
 * character tokenizeSegment reads as more than itself (`*`, `?`, `[`, `\`): then every token is
 * that character, and the text is the spelling. Asked once per segment: tsconfig programs compile
 * a few globs for each of a monorepo's configs (payload: 922 globs, 269 configs), and joining each
 * segment's tokens again per question cost more than the rest of the compile.
 */
const SPECIAL = /[*?[\\]/;
const segmentText = (spelled: string, segment: Segment): string | null =>
  segment.kind === 'tokens' && !SPECIAL.test(spelled) ? spelled : literalText(segment);

const segmentOf = (spelled: string): Segment => (/^\*\*+$/.test(spelled) ? { kind: 'globstar' } : { kind: 'tokens', tokens: tokenizeSegment(spelled) });

/** For the tests: one segment's literal text read off its spelling (segmentText) and off its tokens (literalText), which must agree. */
export const segmentTextBothWays = (spelled: string): { spelled: string | null; tokens: string | null } => {
  const segment = segmentOf(spelled);
  return { spelled: segmentText(spelled, segment), tokens: literalText(segment) };
};

/**
 * What every match must look like, read off the pattern: the whole path when every segment is
 * literal; else its literal leading folders and the literal tail of its last segment. A cheap
 * test that turns most paths away before they are split (readers match every repo file against
 * globs like `src/**\/*.test.ts`).
 */
const literalBounds = (segments: Segment[], texts: readonly (string | null)[]): { exact: string | null; prefix: string; suffix: string } => {
  const head: string[] = [];
  for (const text of texts) {
    if (text === null) break;
    head.push(text);
  }
  if (head.length === segments.length) return { exact: head.join('/'), prefix: '', suffix: '' };
  const last = segments[segments.length - 1];
  let suffix = '';
  if (last.kind === 'tokens') {
    for (let i = last.tokens.length - 1; i >= 0; i--) {
      const t = last.tokens[i];
      if (t.kind !== 'literal') break;
      suffix = t.char + suffix;
    }
  }
  return { exact: null, prefix: head.join('/'), suffix };
};

/** The literal runs of a segment pattern (`*.bench.[jt]s` → `.bench.`, `s`): each must occur in a name it matches. */
const literalRuns = (tokens: Token[]): string[] => {
  const runs: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (t.kind === 'literal') run += t.char;
    else if (run !== '') {
      runs.push(run);
      run = '';
    }
  }
  if (run !== '') runs.push(run);
  return runs;
};

/**
 * One alternative of a glob (brace and `?(…)` expansion make many of one pattern), with the
 * cheap tests read off it: the whole path when it is literal, else the literal head and tail,
 * and the last segment's tokens and literal runs when it ends in a name pattern.
 */
interface Alternative {
  exact: string | null;
  prefix: string;
  suffix: string;
  /** The last segment's tokens when it is a name pattern (`*.[jt]s`), null after `**`. */
  lastTokens: Token[] | null;
  runs: string[];
  /**
   * Literal folder segments past the literal head (`__tests__` of `**\/__tests__/**\/*.ts`), each
   * with the slash after it when a name pattern ends the glob: a path the alternative matches
   * holds each as a substring, so a path without one is turned away before it is split.
   */
  inner: string[];
  segments: Segment[];
  /** Where the closing run of `**` segments starts (segments.length when there is none). */
  tail: number;
}

const compileOne = (pattern: string): Alternative => {
  const spelled = pattern.split('/').filter((s, i, all) => s !== '' || i === all.length - 1);
  const segments = spelled.map(segmentOf);
  const texts = segments.map((segment, i) => segmentText(spelled[i], segment));
  const { exact, prefix, suffix } = literalBounds(segments, texts);
  const last = segments[segments.length - 1];
  const lastTokens = last.kind === 'tokens' ? last.tokens : null;
  const inner: string[] = [];
  if (exact === null) {
    let i = 0;
    while (i < segments.length - 1 && texts[i] !== null) i++;
    for (; i < segments.length - 1; i++) {
      const text = texts[i];
      if (text !== null && text !== '') inner.push(lastTokens === null ? text : `${text}/`);
    }
  }
  let tail = segments.length;
  while (tail > 0 && segments[tail - 1].kind === 'globstar') tail--;
  return { exact, prefix, suffix, lastTokens, runs: lastTokens === null ? [] : literalRuns(lastTokens), inner, segments, tail };
};

/** Every literal run of the segment pattern occurs in the name (a cheap test before the match). */
const hasRuns = (runs: string[], name: string): boolean => {
  for (const run of runs) if (!name.includes(run)) return false;
  return true;
};

/**
 * Whether any alternative matches. `src/**` also matches `src` itself: the head is the path, or
 * the path's leading folders. A pattern ending in a name pattern (`**\/*.[jt]s`) matches only
 * paths whose last segment it matches: that test needs no split, and with its literal runs first
 * it turns away most paths that a class or `?` lets past the literal tail. The path is split at
 * most once for all the alternatives.
 */
const matchAny = (alternatives: Alternative[], path: string): boolean => {
  let name: string | null = null;
  let parts: string[] | null = null;
  for (const a of alternatives) {
    // Compared whether exact or not (null equals no path): a test only a literal glob reached was
    // first met after the matcher had been optimized without it, and deoptimized it.
    if (path === a.exact) return true;
    if (a.exact !== null) continue;
    if (!path.endsWith(a.suffix)) continue;
    if (a.prefix !== '' && !(path.startsWith(a.prefix) && (path.length === a.prefix.length || path.charCodeAt(a.prefix.length) === 47))) continue;
    if (a.lastTokens !== null) {
      name ??= path.slice(path.lastIndexOf('/') + 1);
      if (!hasRuns(a.runs, name) || !matchSegment(a.lastTokens, name)) continue;
    }
    if (a.inner.length > 0 && !hasRuns(a.inner, path)) continue;
    parts ??= path.split('/');
    if (matchSegments(a.segments, a.tail, parts)) return true;
  }
  return false;
};

/**
 * A matcher for one glob (no implied `/**`), or a GlobError saying why the pattern is refused.
 * `**` matches any number of path segments, `*` and `?` stay within one.
 */
export const compileGlob = (glob: string): ((path: string) => boolean) => {
  const known = compiled.get(glob);
  if (known !== undefined) {
    if (typeof known === 'string') throw new GlobError(known);
    return known;
  }
  let matcher: (path: string) => boolean;
  try {
    matcher = compileUncached(glob);
  } catch (e) {
    if (e instanceof GlobError) remember(glob, e.message);
    throw e;
  }
  remember(glob, matcher);
  return matcher;
};

/**
 * How many path segments every path the glob matches has (`a/*.py`: 2), or null when that varies
 * (a `**`, alternatives of different depths, `!`) or the pattern is refused. A caller that asks
 * many paths of one glob can turn away the paths of another depth without matching them.
 */
export const globDepth = (glob: string): number | null => {
  let parsed: ParsedGlob;
  try {
    parsed = parseGlob(glob);
  } catch {
    return null;
  }
  if (parsed.negated) return null;
  const { alternatives } = parsed;
  const depths = new Set(alternatives.map((a) => (a.segments.some((s) => s.kind === 'globstar') ? null : a.segments.length)));
  const [depth] = depths;
  return depths.size === 1 && depth !== undefined ? depth : null;
};

/**
 * Matchers already compiled, by pattern (or why it was refused): readers compile the same globs
 * once per package, per config and per project (vitest's own kinds expand to 24 alternatives each
 * time). A matcher is a pure function of its pattern, so it is shared; the memo is dropped whole
 * when it grows past its bound.
 */
const compiled = new Map<string, ((path: string) => boolean) | string>();
const MAX_COMPILED = 4096;

const remember = (glob: string, value: ((path: string) => boolean) | string): void => {
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(glob, value);
};

interface ParsedGlob {
  negated: boolean;
  alternatives: Alternative[];
}

/** A glob's alternatives, compiled, and whether a leading `!` negates it; a GlobError when it is refused. */
const parseGlob = (glob: string): ParsedGlob => {
  if (glob.length > MAX_PATTERN_LENGTH) throw new GlobError(`longer than ${MAX_PATTERN_LENGTH} characters`);
  const negated = glob.startsWith('!') && !glob.startsWith('!(');
  const body = (negated ? glob.slice(1) : glob).replace(/^(\.\/)+/, '');
  return { negated, alternatives: expand(body).map(compileOne) };
};

const compileUncached = (glob: string): ((path: string) => boolean) => {
  const { negated, alternatives } = parseGlob(glob);
  const matches = (path: string): boolean => matchAny(alternatives, path);
  return negated ? (path) => !matches(path) : matches;
};

/**
 * A glob read from a repo file (a test runner's config): a pattern census refuses matches nothing,
 * and `refused` hears why, so the caller can warn with the file and line.
 */
export const compileRepoGlob = (glob: string, refused?: (reason: string) => void): ((path: string) => boolean) => {
  try {
    return compileGlob(glob);
  } catch (e) {
    if (!(e instanceof GlobError)) throw e;
    refused?.(`glob "${glob.slice(0, 80)}" is not read: ${e.message}`);
    return () => false;
  }
};

/** Any of several repo globs (no implied folder below; `!` patterns are not special here). */
export const compileRepoGlobs = (globs: string[], refused?: (reason: string) => void): ((path: string) => boolean) => {
  const matchers = globs.map((g) => compileRepoGlob(g, refused));
  return (path) => matchers.some((m) => m(path));
};

/** True when the text has glob syntax (otherwise it is a plain path). */
export const isGlob = (text: string): boolean => /[*?[\]{}]|[@?+*!]\(/.test(text);

/**
 * The globs census takes from users (--include/--exclude, the census config): each also covers
 * the folder below it. A pattern census cannot read safely is a GlobError naming it.
 */
export const compileGlobs = (globs: string[]): ((path: string) => boolean) => {
  if (globs.length === 0) return () => false;
  const matchers = globs.map((g) => {
    const clean = g.replace(/^\.\//, '').replace(/\/$/, '');
    try {
      const self = compileGlob(clean);
      const below = compileGlob(`${clean}/**`);
      return (path: string) => self(path) || below(path);
    } catch (e) {
      throw new GlobError(`glob "${g}": ${(e as Error).message}`);
    }
  });
  return (path) => matchers.some((m) => m(path));
};

/**
 * For a glob whose every `*` stands for the same text (``import(`../modes/${m}/${m}-builder.js`)``
 * as `lib/modes/*` + `/*-builder.js`): whether a path the glob matched fills each `*` alike. The
 * expression is built here from escaped text, one capture and back-references to it, never from a
 * repo's regex: one capture, so a path costs at most its length squared (no nested repetition to
 * backtrack through), and only paths the glob already matched are tested. A glob with other
 * wildcards matches nothing.
 */
export const sameHolesTest = (glob: string): ((path: string) => boolean) => {
  if (/[?[\]{}!]/.test(glob)) return () => false;
  const pieces = glob.split('*').map(escapeRegExp);
  const source = pieces.reduce((acc, piece, i) => acc + (i === 0 ? '' : i === 1 ? '([^/]*)' : '\\1') + piece, '');
  const re = new RegExp(`^${source}$`);
  return (path) => re.test(path);
};
