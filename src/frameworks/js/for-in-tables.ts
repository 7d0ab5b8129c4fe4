/**
 * The values a `for (… KEY in TABLE)` loop reads as `TABLE[KEY].FIELD` (or `TABLE[KEY]`), when TABLE
 * is an object literal the file declares once and every entry gives that field as a string literal:
 * meshcentral's `meshAgentsInstallScriptList = { 1: { localname: 'meshinstall-linux.sh', … }, … }`
 * walked by `for (var scriptid in meshAgentsInstallScriptList)` and joined onto its agents folder.
 * Read from the text, never run. All or nothing: one entry whose value is not a literal (a computed
 * entry, a spread, a missing field) makes the table unreadable, since the names would be a guess.
 */
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { escapeRegExp } from '../../util/regexp.js';
import { functionRegion } from './function-region.js';
import { literalValue, propertyOf } from './parameter-values.js';

/** How far back from the use a loop header is looked for, and how long a table or loop body is read. */
const LOOP_WINDOW = 4_000;
const TABLE_WINDOW = 20_000;
/** A plain key of an object literal: a name, a number or a string. */
const KEY = /^\s*(?:[A-Za-z_$][\w$]*|\d+|"[^"\n]*"|'[^'\n]*')\s*:\s*([\s\S]+)$/;

/**
 * Whether the table declared at `declAt` is the one the loop at `loopAt` names: the declaration's
 * function encloses the loop, and no function between them takes a parameter of that name (a
 * `function (scripts) { for (… in scripts) }` walks its caller's list, not another function's table).
 */
const inScopeAt = (text: string, table: string, declAt: number, loopAt: number): boolean => {
  const scope = functionRegion(text, declAt);
  if (loopAt < scope.start || loopAt >= scope.end) return false;
  const param = new RegExp(String.raw`\(([^()]*)\)\s*(?::[^{=]*)?(?:=>)?\s*$`);
  const name = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(table)}(?![\w$])`);
  for (let region = functionRegion(text, loopAt); region.start > scope.start; region = functionRegion(text, region.start - 2)) {
    const header = param.exec(text.slice(Math.max(0, region.start - 1 - 400), region.start - 1).trimEnd());
    if (header !== null && name.test(header[1])) return false;
  }
  return true;
};

/** The strings of `TABLE[KEY].FIELD` (field null: `TABLE[KEY]`) when the use at `at` is inside a `for (… KEY in TABLE)` body; null otherwise. */
export const forInTableValues = (text: string, at: number, table: string, key: string, field: string | null): { values: string[]; loopAt: number; tableAt: number } | null => {
  const from = Math.max(0, at - LOOP_WINDOW);
  const header = new RegExp(String.raw`\bfor\s*\(\s*(?:var|let|const)\s+${escapeRegExp(key)}\s+in\s+${escapeRegExp(table)}\s*\)\s*\{`, 'g');
  let loop: RegExpExecArray | null = null;
  for (const m of text.slice(from, at).matchAll(header)) loop = m as RegExpExecArray;
  if (loop === null) return null;
  const loopAt = from + (loop.index ?? 0);
  const open = loopAt + loop[0].length - 1;
  const body = balancedText(text, open, LOOP_WINDOW * 2);
  if (body === null || open + body.length <= at) return null;
  const declarations = [...text.matchAll(new RegExp(String.raw`\b(?:var|let|const)\s+${escapeRegExp(table)}\s*=\s*\{`, 'g'))];
  // Two declarations of the name (in different functions) would each be a different table.
  if (declarations.length !== 1) return null;
  const tableAt = (declarations[0].index ?? 0) + declarations[0][0].length - 1;
  if (!inScopeAt(text, table, declarations[0].index ?? 0, loopAt)) return null;
  // A table assigned anew (`scripts = JSON.parse(…)`) holds what that assignment gives, not the literal.
  if (new RegExp(String.raw`(?<![\w$.]|(?:var|let|const)\s+)${escapeRegExp(table)}\s*=(?![=>])`).test(text.replace(declarations[0][0], ''))) return null;
  const object = balancedText(text, tableAt, TABLE_WINDOW);
  if (object === null) return null;
  const entries = splitArgs(object.slice(1, -1).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')).filter((e) => e.trim() !== '');
  if (entries.length === 0) return null;
  const values: string[] = [];
  for (const entry of entries) {
    const value = KEY.exec(entry)?.[1];
    const literal = value === undefined ? null : field === null ? literalValue(value) : literalValue(propertyOf(value, escapeRegExp(field)) ?? '');
    if (literal === null) return null;
    values.push(literal);
  }
  return { values, loopAt, tableAt };
};
