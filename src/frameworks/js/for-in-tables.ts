/**
 * The values a loop over a literal table hands its body, read from the text, never run:
 * - `for (… KEY in TABLE)` (braces or one statement to its `;`) or `Object.keys(TABLE).forEach((KEY)
 *   => …)` reading `TABLE[KEY].FIELD` (or `TABLE[KEY]`), TABLE an object literal: meshcentral's
 *   `meshAgentsInstallScriptList = { 1: { localname: 'meshinstall-linux.sh', … }, … }` walked by
 *   `for (var scriptid in meshAgentsInstallScriptList)` and joined onto its agents folder;
 * - `for (… ITEM of LIST)` reading `ITEM.FIELD` (or `ITEM`), LIST an array literal written there or
 *   held by a name.
 * - Stop 53, an object literal walked through `Object.keys`/`Object.values`/`Object.entries`: `for (…
 *   KEY of Object.keys(TABLE))` and `Object.keys(TABLE).forEach((KEY, i) => …)` read as a for…in;
 *   `for (… ITEM of Object.values(TABLE))`, `Object.values(TABLE).forEach((ITEM) => …)` and the
 *   second name of a `[KEY, ITEM]` pair from `Object.entries(TABLE)` (its KEY as a for…in's) read
 *   ITEM as the entry's value. An entries pair held whole (`for (const e of Object.entries(T))`) is
 *   not read: `e[1]` is no item use.
 * Only a table's values (the field, or the entry) count, never its keys. A named table is declared
 * once in the file (`const`, or a `let`/`var` never assigned anew), in a function enclosing the loop
 * with no function between taking a parameter of its name. All or nothing: one entry whose value is
 * not a literal (a computed entry, a spread, a missing field) makes the table unreadable, since the
 * names would be a guess. Comments are blanked first (text-skips.ts), strings kept: a URL's `//` in
 * an entry is not a comment.
 *
 * One reader per file text (tableReader): its loops are found in one pass, each bracket's match in
 * another, and each table's declaration, scope and entries once, so a file naming a table
 * thousands of times is read in time linear in its size (review 2 finding 10: a 400 KB file of
 * loops took 13.5 s when each use re-read the file).
 */
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { bracketPairs } from '../../languages/javascript/code-end.js';
import { topLevelIndex } from '../../languages/javascript/js-text.js';
import { commentsBlanked } from '../../languages/javascript/text-skips.js';
import { memberValues } from '../../languages/javascript/object-members.js';
import { escapeRegExp } from '../../util/regexp.js';
import { functionRegion } from './function-region.js';
import { shadowedBetween } from './shadowed-names.js';
import { literalValue, propertyOf } from './parameter-values.js';
import { lowerBound } from '../../util/lower-bound.js';

/** How long a table, or a loop body of one statement, is read. */
const TABLE_WINDOW = 20_000;
const STATEMENT_WINDOW = 4_000;
/** How many loops of the same names before a use are tried for one whose body holds it. */
const NESTED_LOOPS = 8;
/** A line ending so that the statement goes on (an operator, a comma, an arrow), or a next line starting so. */
const GOES_ON_AFTER = /(?:[-+*/%&|^=<>?:,.(\[{!~]|\b(?:in|of|instanceof|typeof|new|await))$/;
const GOES_ON_BEFORE = /^\s*(?:[-+*/%&|^=<>?:,.(\[`]|instanceof\b|in\b)/;
/** A line that is only a statement's head (`if (x)`, `else`), whose body is on the next. */
const HEADER_LINE = /^(?:(?:\}\s*)?(?:else\s+)?(?:if|for|while|with)\s*\([\s\S]*\)|(?:\}\s*)?else|do)$/;
const ID = '[A-Za-z_$][\\w$]*';
/** `for (var k in T)`, `for (const s of L)`, `for (const s of [`. */
const LOOP = new RegExp(String.raw`\bfor\s*\(\s*(?:var|let|const)\s+(${ID})\s+(in|of)\s+(?:(${ID})\s*\)|(\[))`, 'g');
/** A callback's first parameter (a name, or a `[k, v]` pair or `[k]`: groups `k`, `v`), more parameters after it allowed. */
const FIRST_PARAM = String.raw`(?:(${ID})|\[\s*(${ID})?\s*(?:,\s*(${ID})\s*)?\])`;
/**
 * An object's keys, values or entries walked: `for (const k of Object.keys(T))`, `for (const [k, v]
 * of Object.entries(T))` (groups 1-5: the name or pair, the part, the table), and `Object.values(T).forEach(
 * (v, i) => …)`, an arrow with or without parentheses or a function, `async` or not (groups 6-13: the part, the table,
 * `function`, the first parameter as a name or pair, `=>`, a lone arrow parameter); objectLoop reads them.
 */
const OBJECT_LOOP = new RegExp(
  String.raw`\bfor\s*\(\s*(?:var|let|const)\s+${FIRST_PARAM}\s+of\s+Object\s*\.\s*(keys|values|entries)\s*\(\s*(${ID})\s*\)\s*\)` +
    String.raw`|\bObject\s*\.\s*(keys|values|entries)\s*\(\s*(${ID})\s*\)\s*\.\s*forEach\s*\(\s*(?:async\b\s*)?(?:(function\s*(?:${ID})?\s*)?\(\s*${FIRST_PARAM}\s*(?:,\s*${ID}\s*)*\)\s*(=>)?|(${ID})\s*=>)`,
  'g',
);

/** How a loop's body reads its table: by key (`T[k]`, for…in and Object.keys) or by item (`s`, for…of). */
export type TableUse = 'key' | 'item';

type ObjectPart = 'keys' | 'values' | 'entries';
/** How the evidence names a loop. */
type LoopKind = 'for…in' | 'for…of' | `Object.${ObjectPart}(…).forEach` | `for…of Object.${ObjectPart}(…)`;

interface Loop {
  /** How the evidence names the loop. */
  kind: LoopKind;
  use: TableUse;
  /** What the table is: an object literal (`{`: its values are read) or an array literal (`[`). */
  shape: '{' | '[';
  /** The key or item name. */
  name: string;
  /** The table's name; null for a list written in the loop's header. */
  table: string | null;
  at: number;
  /** The list's `[` when written in the header. */
  listAt: number;
  bodyStart: number;
  /** Where the body ends (exclusive), computed on first use; -1 when it cannot be read. */
  bodyEnd?: number;
  inScope?: boolean;
}

interface Table {
  open: number;
  entries: string[];
  declAt: number;
}

export interface TableValues {
  values: string[];
  loop: string;
  loopAt: number;
  tableAt: number;
}

/** Where each bracket at an offset closes (-1: unmatched), from code-end.ts bracketPairs' one walk. */
const closers = (text: string): Int32Array => {
  const close = new Int32Array(text.length).fill(-1);
  for (const { open, close: at } of bracketPairs(text, '([{')) close[open] = at;
  return close;
};

/**
 * Whether the table declared at `declAt` is the one the loop at `loopAt` names: the declaration's
 * function encloses the loop, and no function between them takes a parameter of that name (a
 * `function (scripts) { for (… in scripts) }` walks its caller's list, not another function's table).
 */
export const inScopeAt = (text: string, table: string, declAt: number, loopAt: number): boolean => {
  const scope = functionRegion(text, declAt);
  if (loopAt < scope.start || loopAt >= scope.end) return false;
  for (let region = functionRegion(text, loopAt); region.start > scope.start; region = functionRegion(text, region.start - 2)) {
    const before = text.slice(Math.max(0, region.start - 1 - 400), region.start - 1).trimEnd();
    const header = PARAMS.exec(before);
    if (header !== null && [...header[1].matchAll(NAMES)].some((m) => m[0] === table)) return false;
    // `scripts => {` and `const { steps } = opts` in a function between shadow the name too (review 4 finding 3).
    if (BARE_PARAM.exec(before)?.[1] === table) return false;
    const body = text.slice(region.start, Math.min(loopAt, region.end));
    if (body.includes(table) && [...body.matchAll(DESTRUCTURED)].some((d) => [...d[1].matchAll(NAMES)].some((m) => m[0] === table))) return false;
  }
  // Stop 54: a brace-less arrow (`tables.map(T => Object.keys(T)…)`) is no braced region above.
  return !shadowedBetween(text, table, declAt, loopAt);
};
/** A function's parenthesised parameters just before its body's `{`. */
const PARAMS = /\(([^()]*)\)\s*(?::[^{=]*)?(?:=>)?\s*$/;
/** A lone arrow parameter before the body's `{`: `scripts => {`. */
const BARE_PARAM = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=>$/;
/** A destructuring declaration's pattern: `const { steps } = opts`, `let [a, b] = list`. */
const DESTRUCTURED = /\b(?:const|let|var)\s*([{[][^=;]*?[}\]])\s*=/g;
/** The names in a parameter list (a default's member `a.b` is no parameter). */
const NAMES = /(?<![\w$.])[A-Za-z_$][\w$]*/g;

/**
 * Every name a loop may hand its body as an item, in one pass (review 4 finding 5: one pass per name
 * was quadratic): each NAME a `for (var|let|const NAME of` declares, or the second of its `[KEY,
 * NAME]` pair, and (stop 53) the first parameter of an `Object.values(T).forEach` callback or the
 * second of an `Object.entries(T).forEach(([KEY, NAME]) =>` pair.
 */
export const forOfNames = (text: string): Set<string> => {
  const names = new Set(Array.from(text.matchAll(FOR_OF_NAME), (m) => m[1] ?? m[2]));
  if (text.includes('Object')) for (const m of text.matchAll(OBJECT_LOOP)) {
    const loop = objectLoop(m);
    if (loop?.item !== undefined) names.add(loop.item);
  }
  return names;
};

/** An OBJECT_LOOP match read: the loop's kind, the table, the key and the item names it hands its body (either may be missing); null for a callback that is none. */
const objectLoop = (m: RegExpMatchArray): { kind: LoopKind; table: string; key?: string; item?: string; forEach: boolean } | null => {
  const forEach = m[6] !== undefined;
  // OBJECT_LOOP matches only these three.
  const part = (forEach ? m[6] : m[4]) as ObjectPart;
  // `forEach((fn))`: a parenthesised name, no callback.
  if (forEach && m[13] === undefined && m[8] === undefined && m[12] === undefined) return null;
  const name = forEach ? (m[9] ?? m[13]) : m[1];
  const pairKey = forEach ? m[10] : m[2];
  const pairValue = forEach ? m[11] : m[3];
  const kind: LoopKind = forEach ? `Object.${part}(…).forEach` : `for…of Object.${part}(…)`;
  const table = forEach ? m[7] : m[5];
  if (part === 'keys') return name === undefined ? null : { kind, table, key: name, forEach };
  if (part === 'values') return name === undefined ? null : { kind, table, item: name, forEach };
  // `[k, v]`, `[, v]` or `[k]`; a pair held whole (`e`) hands neither.
  return pairKey === undefined && pairValue === undefined ? null : { kind, table, ...(pairKey === undefined ? {} : { key: pairKey }), ...(pairValue === undefined ? {} : { item: pairValue }), forEach };
};
const FOR_OF_NAME = /\b(?:var|let|const)\s+(?:([A-Za-z_$][\w$]*)|\[\s*(?:[A-Za-z_$][\w$]*)?\s*,\s*([A-Za-z_$][\w$]*)\s*\])\s+of\b/g;
/** Every `var|let|const NAME =` and every `NAME =` (an assignment, not `==` or `=>`), each found in one pass per file. */
const DECLARATION = /\b(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*/g;
const ASSIGNMENT = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=(?![=>])/g;

/** Matches grouped by their first group, in text order. */
const byName = (text: string, pattern: RegExp): Map<string, RegExpMatchArray[]> => {
  const out = new Map<string, RegExpMatchArray[]>();
  for (const m of text.matchAll(pattern)) {
    const list = out.get(m[1]);
    if (list) list.push(m);
    else out.set(m[1], [m]);
  }
  return out;
};

/**
 * The values of a list or object literal's text (an object's by objectMembers' member rule), comments
 * already blanked; null when there are none, or when an object's member is no plain `key: value`.
 */
const entriesOf = (literal: string): string[] | null => {
  if (literal.startsWith('{')) return memberValues(literal);
  const entries = splitArgs(literal.slice(1, -1)).filter((e) => e.trim() !== '');
  return entries.length === 0 ? null : entries;
};

/** The values of one use of a file's table loops: `valuesAt(at, use, name, table, field)`. */
export interface TableReader {
  /** Whether the text holds a loop of a kind read here at all. */
  loops: boolean;
  /** The values a use at `at` reads: `T[k].f` is ('key', 'k', 'T', 'f'), `s.f` is ('item', 's', null, 'f'). */
  valuesAt: (at: number, use: TableUse, name: string, table: string | null, field: string | null) => TableValues | null;
}

const NO_TABLES: TableReader = { loops: false, valuesAt: () => null };

/** Loops are looked up by what a use spells: `T[k]` names the key and the table, an item `s` only itself. */
const loopKey = (use: TableUse, name: string, table: string | null): string => (use === 'key' ? `key\0${name}\0${table ?? ''}` : `item\0${name}`);

const ANY_LOOP = new RegExp(LOOP.source);
const ANY_OBJECT_LOOP = new RegExp(OBJECT_LOOP.source);

/**
 * Whether `tableReader(source).loops` holds, without reading the loops: for a caller whose uses of
 * a table are found by patterns dearer than the loops' (anchored-paths: most texts that join onto
 * their folder walk no table, stop 56).
 */
export const holdsTableLoops = (source: string): boolean => ANY_LOOP.test(source) || (source.includes('Object') && ANY_OBJECT_LOOP.test(source));

/** A reader of the table loops of one file's text (offsets are the text's). */
export const tableReader = (source: string): TableReader => {
  // Most files that join a name onto their folder walk no table: their comments are not blanked.
  const found = [...source.matchAll(LOOP)];
  const objectFound = source.includes('Object') ? [...source.matchAll(OBJECT_LOOP)] : [];
  if (found.length + objectFound.length === 0) return NO_TABLES;
  const text = commentsBlanked(source);
  let close: Int32Array | undefined;
  const closeOf = (open: number): number => (close ??= closers(text))[open];
  const all: Loop[] = [];
  for (const m of found) {
    const at = m.index ?? 0;
    // A loop in a comment is none.
    if (text.charCodeAt(at) === 32) continue;
    const listAt = m[4] === undefined ? -1 : at + m[0].length - 1;
    const loop: Loop = { kind: m[2] === 'in' ? 'for…in' : 'for…of', use: m[2] === 'in' ? 'key' : 'item', shape: m[2] === 'in' ? '{' : '[', name: m[1], table: m[3] ?? null, at, listAt, bodyStart: listAt < 0 ? at + m[0].length : -1 };
    // `for (… in [`: an array's keys, not its values.
    if (loop.use === 'key' && loop.table === null) continue;
    all.push(loop);
  }
  for (const m of objectFound) {
    const at = m.index ?? 0;
    const read = text.charCodeAt(at) === 32 ? null : objectLoop(m);
    if (read === null) continue;
    // A forEach's body is the callback's call; a for…of's, its block or statement after the header.
    const bodyEnd = read.forEach ? closeOf(text.indexOf('(', at + m[0].indexOf('forEach'))) : undefined;
    const common = { kind: read.kind, shape: '{' as const, table: read.table, at, listAt: -1, bodyStart: at + m[0].length, ...(bodyEnd === undefined ? {} : { bodyEnd }) };
    if (read.key !== undefined) all.push({ ...common, use: 'key', name: read.key });
    if (read.item !== undefined) all.push({ ...common, use: 'item', name: read.item });
  }
  const loops = new Map<string, Loop[]>();
  // In text order per name: a use's loop is the last of its names that starts before it.
  for (const loop of all.sort((a, b) => a.at - b.at)) {
    const key = loopKey(loop.use, loop.name, loop.table);
    const list = loops.get(key);
    if (list) list.push(loop);
    else loops.set(key, [loop]);
  }

  /** Where the body of a `for` loop ends: its block's `}`, or the `;` of its one statement. */
  const bodyEndOf = (loop: Loop): number => {
    if (loop.bodyEnd !== undefined) return loop.bodyEnd;
    let start = loop.bodyStart;
    if (loop.listAt >= 0) {
      const listEnd = closeOf(loop.listAt);
      const paren = listEnd < 0 ? null : /^\s*\)/.exec(text.slice(listEnd + 1, listEnd + 200));
      start = paren === null ? -1 : listEnd + 1 + paren[0].length;
      loop.bodyStart = start;
    }
    if (start < 0) return (loop.bodyEnd = -1);
    const brace = /^\s*\{/.exec(text.slice(start, start + 200));
    if (brace !== null) return (loop.bodyEnd = closeOf(start + brace[0].length - 1));
    // One statement: to its `;`, or (no semicolons) to the first line break outside brackets after
    // which the expression does not go on (review 4 finding 2: `for (…) log(f)` then a new line).
    const first = start + (/^\s*/.exec(text.slice(start, start + 200))?.[0].length ?? 0);
    let lineStart = first;
    const end = topLevelIndex(text, first, (c, i) => {
      if (c === ';') return true;
      if (c !== '\n') return false;
      const line = text.slice(lineStart, i).trim();
      lineStart = i + 1;
      return !(line === '' || GOES_ON_AFTER.test(line) || HEADER_LINE.test(line) || GOES_ON_BEFORE.test(text.slice(i + 1, i + 200)));
    }, STATEMENT_WINDOW);
    return (loop.bodyEnd = end);
  };

  const tables = new Map<string, Table | null>();
  let declarations: Map<string, RegExpMatchArray[]> | undefined;
  let assignments: Map<string, RegExpMatchArray[]> | undefined;
  /** The one declaration of a named table as a literal of the shape its loop reads (`{` for keys and an object's values, `[` for a list's items), never assigned anew. */
  const tableNamed = (name: string, shape: '{' | '['): Table | null => {
    const memo = `${shape}\0${name}`;
    const known = tables.get(memo);
    if (known !== undefined) return known;
    let found: Table | null = null;
    declarations ??= byName(text, DECLARATION);
    const decls = declarations.get(name) ?? [];
    // Two declarations of the name (in different functions) would each be a different table.
    const decl = decls.length === 1 ? decls[0] : undefined;
    const open = decl === undefined ? -1 : (decl.index ?? 0) + decl[0].length;
    if (decl !== undefined && text[open] === shape) {
      const end = closeOf(open);
      // A table assigned anew (`scripts = JSON.parse(…)`) holds what that assignment gives, not the literal.
      assignments ??= byName(text, ASSIGNMENT);
      const reassigned = (assignments.get(name) ?? []).some((a) => (a.index ?? 0) < (decl.index ?? 0) || (a.index ?? 0) >= open);
      const entries = end < 0 || end - open > TABLE_WINDOW || reassigned ? null : entriesOf(text.slice(open, end + 1));
      if (entries !== null) found = { open, entries, declAt: decl.index ?? 0 };
    }
    tables.set(memo, found);
    return found;
  };

  const inlineLists = new Map<number, string[] | null>();
  const valuesCache = new Map<string, string[] | null>();
  /** Each entry's literal value (of the field, when given): null when one is not a literal. */
  const valuesOf = (cacheKey: string, entries: string[], field: string | null): string[] | null => {
    const memo = `${cacheKey}\0${field ?? ''}`;
    if (valuesCache.has(memo)) return valuesCache.get(memo) ?? null;
    const values: string[] = [];
    for (const value of entries) {
      const literal = field === null ? literalValue(value) : literalValue(propertyOf(value, escapeRegExp(field)) ?? '');
      if (literal === null) {
        valuesCache.set(memo, null);
        return null;
      }
      values.push(literal);
    }
    valuesCache.set(memo, values);
    return values;
  };

  const valuesAt = (at: number, use: TableUse, name: string, table: string | null, field: string | null): TableValues | null => {
    const candidates = loops.get(loopKey(use, name, table));
    if (candidates === undefined) return null;
    // The innermost loop of those names whose body holds the use: the last that starts before it.
    const lo = lowerBound(candidates, (loop) => loop.at, at);
    let loop: Loop | undefined;
    for (let i = lo - 1; i >= 0 && i >= lo - NESTED_LOOPS; i--) {
      const end = bodyEndOf(candidates[i]);
      if (end > at && candidates[i].bodyStart >= 0 && candidates[i].bodyStart <= at) {
        loop = candidates[i];
        break;
      }
    }
    if (loop === undefined) return null;
    // Stop 54: a function in the body taking the key, the item or the table as its parameter (`others.forEach(s => … s.file)`) hands its own.
    if (shadowedBetween(text, name, loop.bodyStart, at) || (table !== null && shadowedBetween(text, table, loop.bodyStart, at))) return null;
    if (loop.table === null) {
      if (!inlineLists.has(loop.listAt)) {
        const end = closeOf(loop.listAt);
        inlineLists.set(loop.listAt, end < 0 || end - loop.listAt > TABLE_WINDOW ? null : entriesOf(text.slice(loop.listAt, end + 1)));
      }
      const entries = inlineLists.get(loop.listAt) ?? null;
      const values = entries === null ? null : valuesOf(`@${loop.listAt}`, entries, field);
      return values === null ? null : { values, loop: loop.kind, loopAt: loop.at, tableAt: loop.listAt };
    }
    const found = tableNamed(loop.table, loop.shape);
    if (found === null) return null;
    loop.inScope ??= inScopeAt(text, loop.table, found.declAt, loop.at);
    if (!loop.inScope) return null;
    const values = valuesOf(`${loop.shape}\0${loop.table}`, found.entries, field);
    return values === null ? null : { values, loop: loop.kind, loopAt: loop.at, tableAt: found.open };
  };
  return { loops: true, valuesAt };
};
