/**
 * Where a string literal stands in the code around it, read backwards from its opening quote: an
 * element of an array literal (`audits: ['viewport', 'metrics/first-contentful-paint']`), a property
 * value (`{ gatherer: 'seo/font-size' }`), or an argument of a call (with the callee's name). A config
 * lists module names in the first two places; a string handed to `render`, `fetch` or `t` is a
 * view, an endpoint or a message key that only happens to look like a module's path.
 */
import { IDENTIFIER_SOURCE } from '../../languages/javascript/js-text.js';

export type StringPlace = { kind: 'element' } | { kind: 'value' } | { kind: 'argument'; callee: string | null } | { kind: 'other' };

const CALLEE = new RegExp(`(?:^|[^\\w$.]|this\\s*\\.\\s*)(${IDENTIFIER_SOURCE})\\s*$`);
/** A character after which `[` indexes a value (`x['a/b']`, `f()['a/b']`) rather than opening a list. */
const INDEXED = /[\w$)\]]/;

/** The span of `spans` (quotedSpans' flat [start, end) pairs) that ends right after `at`, as its start; else -1. */
const spanEndingAt = (spans: readonly number[], at: number): number => {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const end = spans[2 * mid + 1];
    if (end === at + 1) return spans[2 * mid];
    if (end <= at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
};

const lastNonSpace = (text: string, from: number): number => {
  let i = from;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
};

/**
 * The place of the string literal opening at `at` in `text` (comments blanked, `spans` its
 * quotedSpans). The opener around a `,` is looked for within `window` characters, other strings
 * stepped over; past it the place is `other`. `openers` (one map per text) keeps each string's opener
 * found so far: a later element of the same list takes its sibling's, so a list of n such strings is
 * read in one pass, not n scans back (20,000 elements: 1.4 s without it).
 */
export const stringPlace = (text: string, spans: readonly number[], at: number, openers = new Map<number, number>(), window = 10_000): StringPlace => {
  const before = lastNonSpace(text, at - 1);
  if (before < 0) return { kind: 'other' };
  const c = text[before];
  if (c === ':') return valuePlace(text, spans, at, before, openers, window);
  if (c !== ',' && c !== '[' && c !== '(') return { kind: 'other' };
  const open = c === ',' ? openerBefore(text, spans, at, before, openers, window) : before;
  if (open < 0) return { kind: 'other' };
  openers.set(at, open);
  const prev = lastNonSpace(text, open - 1);
  if (text[open] === '[') return prev >= 0 && INDEXED.test(text[prev]) ? { kind: 'other' } : { kind: 'element' };
  if (text[open] === '(') return { kind: 'argument', callee: CALLEE.exec(text.slice(Math.max(0, prev - 200), prev + 1))?.[1] ?? null };
  return { kind: 'other' };
};

/**
 * A property value's place: the object's own, when the object literal is itself an argument of a call
 * (`fetch({ url: 'api/users' })`, `request(opts, { path: 'user/profile' })` hand the call an endpoint,
 * not a list of modules); else a value, as in a config object, a list of them or a `const` holding one.
 * Each value's `{` is kept in `openers` as an element's `[` is, so the values of one object are read
 * in one pass (20,000 `k: 'a/b'` values: 1.4 s of scans back before); a `{` found only through a
 * sibling and farther back than the window is not taken, as a scan of its own would not reach it.
 * The `(` around an object is kept there too, under the `{`'s own offset (never a string's start).
 */
const valuePlace = (text: string, spans: readonly number[], at: number, colon: number, openers: Map<number, number>, window: number): StringPlace => {
  const brace = openerBefore(text, spans, at, colon, openers, window, true);
  // Kept under a key of its own (-1 - at): an element's or argument's scan back takes only what the
  // start build kept for it, an element's or argument's opener; taking a value's, it reached an opener
  // past its window (['c' ? 'd' : 'v', 'e'] at the window's edge: 'e' was other, and became an element).
  if (brace >= 0) openers.set(valueKey(at), brace);
  if (brace < 0 || at - brace > window || text[brace] !== '{') return { kind: 'value' };
  const around = lastNonSpace(text, brace - 1);
  if (around < 0 || (text[around] !== '(' && text[around] !== ',')) return { kind: 'value' };
  const call = text[around] === '(' ? around : (openers.get(brace) ?? openerBefore(text, spans, brace, around, openers, window, true));
  if (call >= 0) openers.set(brace, call);
  if (call < 0 || brace - call > window || text[call] !== '(') return { kind: 'value' };
  const prev = lastNonSpace(text, call - 1);
  // `(` after a name or `)` is a call's; a bare `({ … })` is a parenthesized object.
  if (prev < 0 || !/[\w$)]/.test(text[prev])) return { kind: 'value' };
  const callee = text.slice(Math.max(0, prev - 200), prev + 1);
  if (RETURNS_ITS_OBJECT.test(callee)) return { kind: 'value' };
  return { kind: 'argument', callee: CALLEE.exec(callee)?.[1] ?? null };
};

/**
 * A call that returns the object it is handed (`Object.freeze({ edit: 'admin/edit' })`,
 * `Object.assign({}, base, { … })`, a config's `defineConfig({ … })`): the object is still the
 * table a `const` or an export holds, so its properties stay values (s58-rm3: a frozen table of
 * controllers had turned dead).
 */
const RETURNS_ITS_OBJECT = /(?:(?<![\w$.])Object\s*\.\s*(?:freeze|seal|preventExtensions|assign)|(?<![\w$.])defineConfig)\s*$/;

/** Where a property value's opener is kept in the openers map: apart from the elements' and arguments' (string starts). */
const valueKey = (at: number): number => -1 - at;

/**
 * The nearest bracket opened and not closed before `from` (strings stepped over, a sibling's known
 * opener taken: with `values`, a property value's too), or -1.
 */
const openerBefore = (text: string, spans: readonly number[], at: number, from: number, openers: Map<number, number>, window: number, values = false): number => {
  let open = -1;
  for (let j = from - 1, depth = 0; open < 0 && j >= 0 && at - j <= window; j--) {
    const ch = text[j];
    if (ch === "'" || ch === '"' || ch === '`') {
      const start = spanEndingAt(spans, j);
      if (start >= 0) j = start;
      const sibling = depth === 0 ? (openers.get(j) ?? (values ? openers.get(valueKey(j)) : undefined)) : undefined;
      if (sibling !== undefined) open = sibling;
    } else if (ch === ')' || ch === ']' || ch === '}') depth++;
    else if (ch === '(' || ch === '[' || ch === '{') {
      if (depth === 0) open = j;
      else depth--;
    }
  }
  return open;
};
