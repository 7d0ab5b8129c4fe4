/**
 * The members of an object literal's text, as written: one reader for the framework readers that
 * read a call's options (migrate-load's `migrations: { path }`, folder-packages' autoload `{ dir }`),
 * where each had split the literal its own way (review 1 of stop 52, finding 9).
 */
import { splitArgs } from './folder-expr.js';
import { IDENTIFIER } from './js-text.js';

/** `key: value`, the key a name, a number (meshcentral's `{ 1: { … } }`) or a quoted string. */
const MEMBER = /^([A-Za-z_$][\w$]*|\d+|"[^"\n]*"|'[^'\n]*')\s*:\s*([\s\S]+)$/;
/** A method's head: `ignoreFilter (p) {`, `async load () {`, `*gen () {`. */
const METHOD = /^(?:async\s+)?\*?\s*([A-Za-z_$][\w$]*)\s*\(/;

/**
 * `{ a: 1, 'b': x, c }` (the literal with its braces): key → value text, a shorthand `{ c }` its own
 * name (the name holding the value). With `methods`, a method `f (p) { … }` sets its key to its whole
 * text: code census does not run. A spread (`...opts`) or a computed key sets nothing.
 */
export const objectMembers = (objectText: string, methods = false): Map<string, string> => {
  const members = new Map<string, string>();
  for (const raw of splitArgs(objectText.slice(1, -1))) {
    const part = raw.trim();
    const m = MEMBER.exec(part);
    if (m) members.set(m[1].replace(/^["']|["']$/g, ''), m[2].trim());
    else if (IDENTIFIER.test(part)) members.set(part, part);
    else if (methods) {
      const method = METHOD.exec(part);
      if (method) members.set(method[1], part);
    }
  }
  return members;
};

/**
 * The value text of every member of an object literal's text (braces included), in order, duplicates
 * kept; null when one is no plain `key: value` (a shorthand, a spread, a method, a computed key: what
 * it holds would be a guess) or there is none. for-in-tables' table values (stop 54, review 5 of stop
 * 53 #8c: it had split the literal with a key pattern of its own).
 */
export const memberValues = (objectText: string): string[] | null => {
  const values: string[] = [];
  for (const raw of splitArgs(objectText.slice(1, -1))) {
    const part = raw.trim();
    if (part === '') continue;
    const m = MEMBER.exec(part);
    if (m === null) return null;
    values.push(m[2]);
  }
  return values.length === 0 ? null : values;
};
